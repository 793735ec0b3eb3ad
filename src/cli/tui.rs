//! `riskreg tui [DIR]` and `riskreg` alone: open the full-screen interface on
//! a registers directory — the one given, else `registers/` at the top of
//! the git repository we are in, else `registers/` of the current directory.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(dir: Option<PathBuf>) -> ExitCode {
    let root = dir.unwrap_or_else(default_dir);
    if !root.is_dir() {
        eprintln!(
            "{}",
            riskreg::visible::one_line(&super::out::say(
                format!(
                    "riskreg: {} ไม่ใช่ไดเรกทอรีทะเบียน (โปรดระบุ: riskreg tui DIR)",
                    root.display()
                ),
                format!(
                    "riskreg: {} is not a registers directory (give one: riskreg tui DIR)",
                    root.display()
                ),
            ))
        );
        return ExitCode::from(2);
    }
    match riskreg::tui::run(&root, super::lang::current()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // a directory that does not open is said in the language of
            // the run; a terminal that fails, in the system's words
            eprintln!("riskreg: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `registers/` of the git top level, else of the current directory.
pub fn default_dir() -> PathBuf {
    let here = Path::new(".");
    let top = riskreg::audit::git::Repo::discover(here)
        .ok()
        .map(|repo| repo.root);
    match top {
        Some(t) if t.join("registers").is_dir() => t.join("registers"),
        _ => here.join("registers"),
    }
}
