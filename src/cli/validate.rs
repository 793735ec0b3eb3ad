//! `riskreg validate`: every problem in the registers, with its place.

use super::targets;
use riskreg::check;
use riskreg::model::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(paths: &[PathBuf]) -> ExitCode {
    let targets = match targets::resolve_or_exit(paths) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let today = match super::lang::today() {
        Ok(d) => d,
        Err(e) => {
            super::out::error(e);
            return ExitCode::from(2);
        }
    };
    let mut out = super::out::Out::default();
    let bar = super::progress::StderrBar::new();
    let (mut errors, mut warnings, mut files) = (0, 0, 0);
    for (root, only) in &targets {
        let report = check::check_root_with(root, only.as_ref(), Some(today), &bar);
        for d in &report.diagnostics {
            out.line(super::out::diagnostic_line(d));
        }
        errors += report.errors();
        warnings += report.warnings();
        files += report.files;
    }
    out.line(tally(super::lang::current(), errors, warnings, files));
    out.finish(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The last line: how many errors and warnings in how many files.
fn tally(lang: Lang, errors: usize, warnings: usize, files: usize) -> String {
    match lang {
        Lang::Th => format!("ข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ ใน {files} ไฟล์"),
        Lang::En => {
            let plural =
                |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
            format!(
                "{}, {} in {}",
                plural(errors, "error"),
                plural(warnings, "warning"),
                plural(files, "file")
            )
        }
    }
}
