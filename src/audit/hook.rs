//! The git hooks: pre-commit checks the staged content of the staged
//! register files with `riskreg validate` and `riskreg fmt --check`, and
//! the committer's roles (`riskreg hook check-staged`); the server's
//! pre-receive hook checks the roles of every commit pushed (`riskreg hook
//! check-push`).

use super::AuditError;
use super::git::Repo;
use std::path::{Path, PathBuf};

/// The line that marks a hook as ours (safe to replace).
pub const MARKER: &str = "# riskreg pre-commit hook";
/// The same for the server's hook.
pub const SERVER_MARKER: &str = "# riskreg pre-receive hook";

fn quoted(exe: &Path) -> String {
    exe.to_string_lossy().replace('\'', r"'\''")
}

/// The pre-receive hook of a central (bare) repository: every commit a push
/// brings is judged by `riskreg hook check-push`, which reads git's
/// `<old> <new> <ref>` lines from stdin; any breach refuses the whole push.
pub fn server_script(exe: &Path) -> String {
    let exe = quoted(exe);
    format!(
        r#"#!/bin/sh
{SERVER_MARKER}: written by `riskreg hook install --server`; run it again to update.
# Refuses a push bringing a commit that changes a register of a bureau its
# author (or the pushing login, $RISKREG_USER or $USER) does not belong to,
# a shared file changed by someone outside the planning bureau, or a forged
# approval, judged by people.ron and allowed_signers as they were before.
RISKREG='{exe}'
[ -x "$RISKREG" ] || RISKREG=riskreg
exec "$RISKREG" hook check-push
"#
    )
}

/// The hook script, calling the riskreg at `exe` (or the one on PATH when
/// that is gone). It exports the index (what will be committed, not the
/// working tree) to a temporary directory and checks the staged `*.ron` there.
pub fn script(exe: &Path) -> String {
    let exe = quoted(exe);
    format!(
        r#"#!/bin/sh
{MARKER}: written by `riskreg hook install`; run it again to update.
# Checks what is staged (not the working tree) in the staged *.ron files with
# `riskreg validate` and `riskreg fmt --check`; refuses the commit on errors.
# Skip once with `git commit --no-verify`.
RISKREG='{exe}'
[ -x "$RISKREG" ] || RISKREG=riskreg
# who may change which register (people.ron of HEAD): see docs/audit.md
"$RISKREG" hook check-staged || exit 1
files=$(git -c core.quotepath=false diff --cached --name-only --diff-filter=ACMR -- '*.ron') || exit 1
[ -z "$files" ] && exit 0
tmp=$(mktemp -d "${{TMPDIR:-/tmp}}/riskreg-hook.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
git checkout-index -a --prefix="$tmp/" || exit 1
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
cd "$tmp" || exit 1
IFS='
'
set -f
status=0
"$RISKREG" validate $files || status=1
"$RISKREG" fmt --check $files || status=1
if [ "$status" -ne 0 ]; then
    # said by riskreg, in the committer's language (settings, then locale)
    "$RISKREG" hook refused
fi
exit $status
"#
    )
}

/// What `install` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Installed {
    New(PathBuf),
    /// Our own hook was there and is updated.
    Updated(PathBuf),
    /// Another hook was there and `force` replaced it.
    Replaced(PathBuf),
}

/// Writes the pre-commit hook of the repository containing `dir`. A hook
/// that is not ours is left alone unless `force`.
pub fn install(dir: &Path, exe: &Path, force: bool) -> Result<Installed, AuditError> {
    install_as(dir, "pre-commit", MARKER, &script(exe), force)
}

/// Writes the pre-receive hook of the (bare) repository containing `dir`.
pub fn install_server(dir: &Path, exe: &Path, force: bool) -> Result<Installed, AuditError> {
    install_as(
        dir,
        "pre-receive",
        SERVER_MARKER,
        &server_script(exe),
        force,
    )
}

fn install_as(
    dir: &Path,
    name: &str,
    marker: &str,
    text: &str,
    force: bool,
) -> Result<Installed, AuditError> {
    let repo = Repo::discover(dir)?;
    let out = repo.run(&["rev-parse", "--git-path", "hooks"])?;
    let hooks = PathBuf::from(String::from_utf8_lossy(&out).trim_end());
    let hooks = if hooks.is_absolute() {
        hooks
    } else {
        repo.root.join(hooks)
    };
    let path = hooks.join(name);
    let io = |e: std::io::Error| AuditError::Io {
        path: path.clone(),
        message: e.to_string(),
    };
    let existing = match std::fs::read(&path) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).contains(marker)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if existing == Some(false) && !force {
        return Err(AuditError::Io {
            path: path.clone(),
            message: format!(
                "a {name} hook that riskreg did not write is already there; \
                 not overwriting it (merge it by hand, or pass --force to replace it)"
            ),
        });
    }
    std::fs::create_dir_all(&hooks).map_err(io)?;
    crate::store::atomic::write_executable(&path, text.as_bytes()).map_err(io)?;
    Ok(match existing {
        None => Installed::New(path),
        Some(true) => Installed::Updated(path),
        Some(false) => Installed::Replaced(path),
    })
}
