//! `riskreg fmt`: rewrite files in the canonical form, or with `--check`
//! only say which are not.

use super::targets::{self, shown};
use riskreg::check::Diagnostic;
use riskreg::method::Methodology;
use riskreg::model::{ApproachList, BureauList, Register};
use riskreg::store::layout::{self, FileKind};
use riskreg::store::locate::first_comment;
use riskreg::store::{self, Expect, Fingerprint, LoadError};
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
                eprintln!("error: {e}");
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
                    out.line(format!("formatted {}", shown(&file)));
                }
                Outcome::WouldReformat { line } => {
                    changed += 1;
                    out.line(format!(
                        "{}:{line}: not in canonical form (run `riskreg fmt`)",
                        shown(&file)
                    ));
                }
                Outcome::Failed(msg) => {
                    failed += 1;
                    eprintln!("{msg}");
                }
            }
        }
    }
    if opts.check {
        out.line(format!("{changed} of {total} files would be reformatted"));
    } else {
        out.line(format!("{changed} of {total} files reformatted"));
    }
    if failed > 0 || (opts.check && changed > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn format_file(root: &Path, file: &Path, opts: &Options) -> Outcome {
    match layout::kind_of(root, file) {
        Some(FileKind::Bureaus) => format_as::<BureauList>(file, store::BUREAUS, opts),
        Some(FileKind::Approaches) => format_as::<ApproachList>(file, store::APPROACHES, opts),
        Some(FileKind::Methodology) => format_as::<Methodology>(file, store::METHODOLOGY, opts),
        Some(FileKind::Register) => format_as::<Register>(file, store::REGISTER, opts),
        None => Outcome::Failed(format!(
            "{}: not a file riskreg knows (expected bureaus.ron, approaches.ron, methodology/*.ron or <year>/*.ron)",
            shown(file)
        )),
    }
}

fn format_as<T: Serialize + DeserializeOwned>(file: &Path, what: &str, opts: &Options) -> Outcome {
    let shown_err =
        |e: LoadError| Outcome::Failed(super::out::diagnostic_line(&Diagnostic::from(e)));
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => return shown_err(LoadError::whole(file, format!("cannot read: {e}"))),
    };
    let value: T = match store::parse(file, &bytes, what) {
        Ok(v) => v,
        Err(e) => return shown_err(e),
    };
    let canonical = match store::to_canonical(&value) {
        Ok(t) => t,
        Err(e) => return Outcome::Failed(format!("{}: error: {e}", shown(file))),
    };
    if canonical.as_bytes() == bytes.as_slice() {
        return Outcome::Canonical;
    }
    let text = String::from_utf8_lossy(&bytes);
    if opts.check {
        return Outcome::WouldReformat {
            line: first_difference(&text, &canonical),
        };
    }
    if let (Some((line, col)), false) = (first_comment(&text), opts.drop_comments) {
        return Outcome::Failed(format!(
            "{}:{line}:{col}: error: has a comment, which a rewrite cannot keep; move it into a note field, or pass --drop-comments",
            shown(file)
        ));
    }
    match store::atomic::save_checked(
        file,
        Expect::Unchanged(Fingerprint::of(&bytes)),
        canonical.as_bytes(),
    ) {
        Ok(_) => Outcome::Reformatted,
        Err(e) => Outcome::Failed(format!("error: {e}")),
    }
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
