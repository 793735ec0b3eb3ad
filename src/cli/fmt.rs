//! `riskreg fmt`: rewrite files in the canonical form, or with `--check`
//! only say which are not.

use super::out::say;
use super::targets::{self, shown};
use riskreg::check::Diagnostic;
use riskreg::method::Methodology;
use riskreg::model::{ApproachList, BureauList, Register};
use riskreg::store::layout::{self, FileKind};
use riskreg::store::locate::first_comment;
use riskreg::store::{self, LoadError, SaveError};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub struct Options {
    pub check: bool,
    pub drop_comments: bool,
}

enum Outcome {
    Canonical,
    Reformatted,
    WouldReformat { line: usize },
    Failed(String),
}

pub fn run(paths: &[PathBuf], opts: &Options) -> ExitCode {
    let targets = match targets::resolve_or_exit(paths) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let mut out = super::out::Out::default();
    let (mut failed, mut changed, mut total) = (0, 0, 0);
    for (root, only) in &targets {
        let files = match targets::files_of(root, only) {
            Ok(f) => f,
            Err(e) => {
                super::out::error(e);
                failed += 1;
                continue;
            }
        };
        for file in files {
            total += 1;
            match format_file(root, &file, opts) {
                Outcome::Canonical => {}
                Outcome::Reformatted => {
                    changed += 1;
                    out.line(say(
                        format!("จัดรูปแบบ {} แล้ว", shown(&file)),
                        format!("formatted {}", shown(&file)),
                    ));
                }
                Outcome::WouldReformat { line } => {
                    changed += 1;
                    out.line(say(
                        format!(
                            "{}:{line}: ไม่อยู่ในรูปแบบมาตรฐาน (ให้รัน `riskreg fmt`)",
                            shown(&file)
                        ),
                        format!(
                            "{}:{line}: not in canonical form (run `riskreg fmt`)",
                            shown(&file)
                        ),
                    ));
                }
                Outcome::Failed(msg) => {
                    failed += 1;
                    eprintln!("{}", riskreg::visible::visible(&msg));
                }
            }
        }
    }
    if opts.check {
        out.line(say(
            format!("ต้องจัดรูปแบบใหม่ {changed} จาก {total} ไฟล์"),
            format!("{changed} of {total} files would be reformatted"),
        ));
    } else {
        out.line(say(
            format!("จัดรูปแบบใหม่แล้ว {changed} จาก {total} ไฟล์"),
            format!("{changed} of {total} files reformatted"),
        ));
    }
    out.finish(if failed > 0 || (opts.check && changed > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn format_file(root: &Path, file: &Path, opts: &Options) -> Outcome {
    match layout::kind_of(root, file) {
        Some(FileKind::Bureaus) => format_as::<BureauList>(file, store::BUREAUS, opts),
        Some(FileKind::Approaches) => format_as::<ApproachList>(file, store::APPROACHES, opts),
        Some(FileKind::Methodology) => format_as::<Methodology>(file, store::METHODOLOGY, opts),
        Some(FileKind::Register) => format_as::<Register>(file, store::REGISTER, opts),
        None => Outcome::Failed(say(
            format!(
                "{}: ไม่ใช่ไฟล์ที่ riskreg รู้จัก (ต้องเป็น bureaus.ron, approaches.ron, methodology/*.ron หรือ <ปี>/*.ron)",
                shown(file)
            ),
            format!(
                "{}: not a file riskreg knows (expected bureaus.ron, approaches.ron, methodology/*.ron or <year>/*.ron)",
                shown(file)
            ),
        )),
    }
}

impl From<SaveError> for Outcome {
    fn from(e: SaveError) -> Self {
        Outcome::Failed(format!(
            "{}: {}",
            error_word(),
            e.text(super::lang::current())
        ))
    }
}

fn format_as<T: Serialize + DeserializeOwned>(file: &Path, what: &str, opts: &Options) -> Outcome {
    if opts.check {
        // nothing is written: no lock needed
        return match store::read(file) {
            Ok(bytes) => match canonical_of::<T>(file, &bytes, what) {
                Ok(canonical) if canonical.as_bytes() == bytes.as_slice() => Outcome::Canonical,
                Ok(canonical) => Outcome::WouldReformat {
                    line: first_difference(&String::from_utf8_lossy(&bytes), &canonical),
                },
                Err(failed) => failed,
            },
            Err(e) => load_failed(e),
        };
    }
    // read → compare → write under the file's lock, so that an approval or a
    // save made meanwhile is never overwritten with the older content
    let written = store::update(file, |bytes| {
        let canonical = canonical_of::<T>(file, bytes, what)?;
        if canonical.as_bytes() == bytes {
            return Ok(None);
        }
        if let (Some((line, col)), false) = (
            first_comment(&String::from_utf8_lossy(bytes)),
            opts.drop_comments,
        ) {
            return Err(Outcome::Failed(say(
                format!(
                    "{}:{line}:{col}: ข้อผิดพลาด: มีความเห็น (comment) ซึ่งการเขียนใหม่เก็บไว้ไม่ได้ ให้ย้ายไปไว้ในฟิลด์หมายเหตุ หรือใช้ --drop-comments",
                    shown(file)
                ),
                format!(
                    "{}:{line}:{col}: error: has a comment, which a rewrite cannot keep; move it into a note field, or pass --drop-comments",
                    shown(file)
                ),
            )));
        }
        Ok(Some(canonical.into_bytes()))
    });
    match written {
        Ok(Some(_)) => Outcome::Reformatted,
        Ok(None) => Outcome::Canonical,
        Err(failed) => failed,
    }
}

fn load_failed(e: LoadError) -> Outcome {
    Outcome::Failed(super::out::diagnostic_line(&Diagnostic::from(e)))
}

/// The canonical form of the file's content, or why there is none.
fn canonical_of<T: Serialize + DeserializeOwned>(
    file: &Path,
    bytes: &[u8],
    what: &str,
) -> Result<String, Outcome> {
    let value: T = store::parse(file, bytes, what).map_err(load_failed)?;
    store::to_canonical(&value)
        .map_err(|e| Outcome::Failed(format!("{}: {}: {e}", shown(file), error_word())))
}

/// The first line (1-based) where two texts differ.
fn first_difference(a: &str, b: &str) -> usize {
    let mut la = a.split('\n');
    let mut lb = b.split('\n');
    let mut n = 1;
    loop {
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => n += 1,
            (None, None) => return n,
            _ => return n,
        }
    }
}

/// `error` in the language of the run, as `out::error` writes it.
fn error_word() -> String {
    say("ข้อผิดพลาด", "error")
}
