//! Helpers shared by the integration tests: a copy of the sample registers in
//! a temporary directory, and the real binary.
#![allow(dead_code)]

pub mod tui;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The sample `registers/` shipped with the repository.
pub fn sample_registers() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("registers")
}

/// Copies a directory tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A temporary directory holding `registers/` copied from the samples.
pub fn sample_workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("registers");
    copy_dir(&sample_registers(), &root);
    (dir, root)
}

/// The date the binary runs on in tests (`RISKREG_TODAY`), fiscal year 2567:
/// just after the sample's 6-month round, before its reviews fall due, so
/// the rules of the calendar stay quiet unless a test names another day.
pub const TODAY: &str = "2567-04-01";

/// Runs the real `riskreg` binary in `cwd`.
pub fn riskreg(cwd: &Path, args: &[&str]) -> Output {
    riskreg_on(TODAY, cwd, args)
}

/// Runs the real `riskreg` binary in `cwd` as if today were `today`
/// (`RISKREG_TODAY`, Buddhist era).
pub fn riskreg_on(today: &str, cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_riskreg"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("RISKREG_TODAY", today)
        .output()
        .expect("run riskreg")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs git with a fixed identity so tests do not depend on the machine.
pub fn git(cwd: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(cwd)
        .env("GIT_AUTHOR_NAME", "Test Officer")
        .env("GIT_AUTHOR_EMAIL", "officer@example.test")
        .env("GIT_COMMITTER_NAME", "Test Officer")
        .env("GIT_COMMITTER_EMAIL", "officer@example.test")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", cwd)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Puts the overview's cursor on a bureau's register; gives its entry.
pub fn select_bureau(app: &mut riskreg::tui::app::App, code: &str) -> usize {
    let entry = app
        .ws
        .entry_of(code)
        .unwrap_or_else(|| panic!("{code} loaded"));
    app.overview.selected = riskreg::tui::screens::overview::rows(app)
        .iter()
        .position(|(_, e)| *e == Some(entry))
        .unwrap_or_else(|| panic!("{code} row"));
    entry
}
