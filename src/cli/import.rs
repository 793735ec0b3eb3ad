//! `riskreg import`: a register from an Excel workbook. Nothing is written
//! unless every cell reads and the result validates; an existing register
//! is replaced only with --force; --dry-run says what would be written.

use super::out::{diagnostic_line, error, say};
use super::targets;
use riskreg::import::{self, Workbook, mapping::Mapping};
use riskreg::store::{self, Catalog, Expect, Fingerprint, layout};
use riskreg::validate::Severity;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Options {
    /// The workbook to read (.xlsx)
    pub file: PathBuf,
    /// The registers directory; default the one of the current directory
    pub dir: Option<PathBuf>,
    /// Fiscal year (Buddhist era) of the register, e.g. 2567
    #[arg(long)]
    pub year: u16,
    /// The bureau whose register it is, e.g. FIN
    #[arg(long, value_name = "CODE")]
    pub bureau: String,
    /// How to read a workbook kept by an office (docs/import.md); without
    /// it, the workbook must be one `riskreg export --format xlsx` wrote
    #[arg(long, value_name = "FILE.ron")]
    pub mapping: Option<PathBuf>,
    /// Read, check and say what would be written; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Replace the bureau's register for the year if there is one
    #[arg(long)]
    pub force: bool,
}

/// What the mapping file holds, for its error messages.
const MAPPING: &str = "a mapping: Mapping(header_row: …, methodology: …, risk: …)";

fn usage(msg: impl std::fmt::Display) -> ExitCode {
    error(msg);
    ExitCode::from(2)
}

pub fn run(opts: &Options) -> ExitCode {
    let root = match targets::root_or_exit(opts.dir.as_ref()) {
        Ok(root) => root,
        Err(code) => return code,
    };
    let year = match super::summary::fiscal_year(opts.year) {
        Ok(y) => y,
        Err(e) => return usage(format!("--year {}: {e}", opts.year)),
    };
    let bureau = match super::export::bureau_code(&opts.bureau) {
        Ok(b) => b,
        Err(e) => return usage(format!("--bureau: {e}")),
    };
    let today = match super::lang::today() {
        Ok(d) => d,
        Err(e) => return usage(e),
    };
    let catalog = match Catalog::load(&root) {
        Ok(c) => c,
        Err(errors) => {
            for e in errors {
                eprintln!("{}", diagnostic_line(&e.into()));
            }
            error(say(
                "แก้ไขไฟล์กลางข้างต้นก่อน (riskreg validate) จึงจะนำเข้าได้",
                "fix the shared files above (riskreg validate) to import",
            ));
            return ExitCode::from(1);
        }
    };
    let target = layout::register_path(&root, year.be(), bureau.as_str());
    // what is there now, so that a file changed while we read is not lost
    let existing = match std::fs::read(&target) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            let target = targets::shown(&target);
            error(say(
                format!("{target}: อ่านไม่ได้ ({e})"),
                format!("{target}: {e}"),
            ));
            return ExitCode::from(1);
        }
    };
    if existing.is_some() && !opts.force && !opts.dry_run {
        error(say(
            format!(
                "{} มีอยู่แล้ว: riskreg import ไม่แทนที่ทะเบียนเดิมเว้นแต่ระบุ --force \
                 (ให้ commit ไว้ก่อน เพื่อให้ git diff แสดงสิ่งที่การนำเข้าเปลี่ยน)",
                targets::shown(&target)
            ),
            format!(
                "{} exists: riskreg import never replaces a register unless --force is given \
                 (commit it first, so that git diff shows what the import changed)",
                targets::shown(&target)
            ),
        ));
        return ExitCode::from(1);
    }
    let mapping = match &opts.mapping {
        Some(path) => match store::load_file::<Mapping>(path, MAPPING) {
            Ok(m) => Some(m.value),
            Err(e) => {
                eprintln!("{}", diagnostic_line(&e.into()));
                error(say(
                    "อ่านไฟล์การจับคู่ (mapping) ไม่ได้ ดู docs/import.md",
                    "the mapping file does not read; see docs/import.md",
                ));
                return ExitCode::from(1);
            }
        },
        None => None,
    };
    let book = match Workbook::open(&opts.file) {
        Ok(b) => b,
        Err(e) => {
            let why = e.get(super::lang::current());
            error(format!("{}: {why}", targets::shown(&opts.file)));
            return ExitCode::from(1);
        }
    };
    let register = match import::read(&book, year, &bureau, mapping.as_ref(), &catalog) {
        Ok(r) => r,
        Err(problems) => {
            let file = targets::shown(&opts.file);
            for p in &problems {
                let p = p.text(super::lang::current());
                eprintln!("{}: {p}", riskreg::visible::one_line(&file));
            }
            error(say(
                format!(
                    "อ่านเซลล์ของ {file} ไม่ได้ {} เซลล์ จึงไม่ได้เขียนสิ่งใด",
                    problems.len()
                ),
                format!(
                    "{} cell{} of {file} could not be read; nothing was written",
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" },
                ),
            ));
            return ExitCode::from(1);
        }
    };
    let text = match store::to_canonical(&register) {
        Ok(t) => t,
        Err(e) => {
            error(e);
            return ExitCode::from(1);
        }
    };
    // checked as the file it would become, before anything is written: a
    // register that does not validate is never written
    let report = riskreg::check::check_unsaved(&root, &target, &register, &text, Some(today));
    for d in &report.diagnostics {
        eprintln!("{}", diagnostic_line(d));
    }
    let shown = targets::shown(&target);
    if report.errors() > 0 {
        error(say(
            format!(
                "ทะเบียนที่นำเข้าจะไม่ผ่านการตรวจสอบ (ข้อผิดพลาด {} รายการ ระบุตามบรรทัดของไฟล์ที่จะได้) \
                 จึงไม่ได้เขียนสิ่งใด",
                report.errors()
            ),
            format!(
                "the imported register would not validate ({} error{}, at the lines of the file it \
                 would be); nothing was written",
                report.errors(),
                if report.errors() == 1 { "" } else { "s" }
            ),
        ));
        return ExitCode::from(1);
    }
    let counts = counts(&register);
    if opts.dry_run {
        let compared = compared(existing.as_deref(), &text, opts.force);
        eprintln!(
            "{}",
            say(
                format!("จะเขียน {shown}: {counts}; {compared}"),
                format!("would write {shown}: {counts}; {compared}"),
            )
        );
        return ExitCode::SUCCESS;
    }
    match write(&target, existing.as_deref(), text.as_bytes()) {
        Ok(()) => {
            let warnings = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count();
            eprintln!(
                "{}{}",
                say(
                    format!("เขียน {shown} แล้ว: {counts}"),
                    format!("wrote {shown}: {counts}")
                ),
                if warnings > 0 {
                    say(
                        format!("; คำเตือน {warnings} รายการข้างต้น"),
                        format!("; {warnings} warning(s) above"),
                    )
                } else {
                    String::new()
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            error(e);
            ExitCode::from(1)
        }
    }
}

fn counts(reg: &riskreg::model::Register) -> String {
    let measures: usize = reg.risks.iter().map(|r| r.measures.len()).sum();
    let entries: usize = reg
        .measures()
        .map(|(_, m)| m.monitoring.len())
        .sum::<usize>();
    say(
        format!(
            "ความเสี่ยง {} รายการ มาตรการ {measures} รายการ รายงานผลการติดตาม {entries} รายการ",
            reg.risks.len()
        ),
        format!(
            "{} risk{}, {measures} measure{}, {entries} monitoring report{}",
            reg.risks.len(),
            if reg.risks.len() == 1 { "" } else { "s" },
            if measures == 1 { "" } else { "s" },
            if entries == 1 { "" } else { "s" },
        ),
    )
}

/// How the new text compares with the file there, for --dry-run.
fn compared(existing: Option<&[u8]>, text: &str, force: bool) -> String {
    let Some(old) = existing else {
        return say("เป็นไฟล์ใหม่", "a new file");
    };
    let refused = if force {
        String::new()
    } else {
        say(" (จะถูกปฏิเสธหากไม่ระบุ --force)", " (refused without --force)")
    };
    if old == text.as_bytes() {
        return say(
            format!("ไบต์เหมือนไฟล์เดิมทุกประการ{refused}"),
            format!("the same bytes as the file there{refused}"),
        );
    }
    let old = String::from_utf8_lossy(old);
    let first = old
        .lines()
        .zip(text.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| old.lines().count().min(text.lines().count()))
        + 1;
    say(
        format!("แทนที่ไฟล์เดิม ซึ่งต่างกันตั้งแต่บรรทัดที่ {first}{refused}"),
        format!("it replaces the file there, which differs from line {first} on{refused}"),
    )
}

/// Writes atomically: a new file only if none appeared meanwhile, a
/// replacement only if the file still holds what was read at the start.
fn write(target: &Path, existing: Option<&[u8]>, content: &[u8]) -> Result<(), String> {
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            let dir = targets::shown(dir);
            say(
                format!("{dir}: สร้างไดเรกทอรีไม่ได้ ({e})"),
                format!("{dir}: {e}"),
            )
        })?;
    }
    let expect = match existing {
        Some(bytes) => Expect::Unchanged(Fingerprint::of(bytes)),
        None => Expect::Absent,
    };
    store::atomic::save_checked(target, expect, content)
        .map(|_| ())
        .map_err(|e| e.text(super::lang::current()))
}
