//! `riskreg validate`: every problem in the registers, with its place.

use super::targets;
use riskreg::check;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(paths: &[PathBuf]) -> ExitCode {
    let targets = match targets::resolve_or_exit(paths) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let today = match riskreg::clock::today() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
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
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    out.line(format!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file")
    ));
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
