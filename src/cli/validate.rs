//! `riskreg validate`: every problem in the registers, with its place.

use super::targets::{self, shown};
use riskreg::check::{self, Diagnostic};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(paths: &[PathBuf]) -> ExitCode {
    let targets = match targets::resolve(paths) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut errors, mut warnings, mut files) = (0, 0, 0);
    for (root, only) in &targets {
        let report = check::check_root(root, only.as_ref());
        for d in &report.diagnostics {
            println!("{}", render(d));
        }
        errors += report.errors();
        warnings += report.warnings();
        files += report.files;
    }
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    println!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file")
    );
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn render(d: &Diagnostic) -> String {
    let mut d = d.clone();
    d.file = PathBuf::from(shown(&d.file));
    if d.line == 0 {
        format!("{}: {}: {}", d.file.display(), d.severity, d.message)
    } else {
        d.to_string()
    }
}
