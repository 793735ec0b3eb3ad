//! Auditing registers kept in git: the approval digest, the semantic diff of
//! two revisions, the history of a register, risk or measure, and the
//! pre-commit hook. Git is reached through the `git` binary (see
//! docs/audit.md for why); the diff itself is pure.

pub mod access;
pub mod approval;
pub mod change;
pub mod diff;
pub mod git;
pub mod history;
pub mod hook;
pub mod render;
mod revision;
pub mod signing;
pub mod tally;
pub mod verify;
pub mod words;

pub use approval::{ApprovalState, approval_state, approve, content_digest};
pub use change::{Change, ChangeKind, Subject};
pub use diff::{Snapshot, diff};
pub use history::{LogEntry, LogTarget, SinceApproval, approval_warning, history, since_approval};
pub use revision::{
    Compare, changes_against_head, compare, is_register_path, pathspecs as revision_pathspecs,
};

use std::fmt;

/// A git pathspec for every register file (`<year>/<CODE>.ron` at any
/// depth), as `revision::is_register_path` recognises them.
pub const REGISTER_FILES: &str = ":(glob)**/[0-9][0-9][0-9][0-9]/*.ron";
use std::path::PathBuf;

/// Why an audit command could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditError {
    /// The `git` program could not be started.
    NoGit(String),
    NotARepo {
        dir: PathBuf,
        message: String,
    },
    /// A revision that names no commit.
    UnknownRevision(String),
    /// A path given on the command line lies outside the work tree.
    OutsideRepo(PathBuf),
    /// git ran but failed.
    Git {
        command: String,
        message: String,
    },
    Io {
        path: PathBuf,
        message: String,
    },
    /// git, or its pre-commit hook, refused a commit: what they said.
    Refused(String),
}

impl AuditError {
    /// What went wrong, in `lang`; what git itself said stays as it said it.
    pub fn text(&self, lang: crate::model::Lang) -> String {
        if lang == crate::model::Lang::En {
            return self.to_string();
        }
        match self {
            AuditError::NoGit(e) => {
                format!("เรียกใช้ git ไม่ได้ ({e}) ติดตั้ง git และตั้งค่า PATH ไว้แล้วหรือไม่")
            }
            AuditError::NotARepo { dir, message } => {
                format!("{} ไม่ได้อยู่ในคลัง git ({message})", dir.display())
            }
            AuditError::UnknownRevision(rev) => {
                format!("ไม่รู้จักรุ่น {rev:?}: ไม่มี commit, branch หรือ tag ชื่อนี้")
            }
            AuditError::OutsideRepo(p) => format!("{} อยู่นอกคลัง git", p.display()),
            AuditError::Git { command, message } => format!("{command} ไม่สำเร็จ: {message}"),
            AuditError::Io { path, message } if message.contains("riskreg did not write") => {
                format!(
                    "{}: มี hook ที่ riskreg ไม่ได้เขียนอยู่แล้ว จึงไม่เขียนทับ (รวมเนื้อหาด้วยตนเอง หรือใช้ --force เพื่อแทนที่)",
                    path.display()
                )
            }
            AuditError::Io { path, message } => format!("{}: {message}", path.display()),
            AuditError::Refused(said) => format!("git ปฏิเสธการ commit: {said}"),
        }
    }

    /// [`AuditError::text`] in both languages, for a state that keeps it
    /// until it is shown.
    pub fn words(&self) -> crate::model::Label {
        use crate::model::Lang;
        crate::model::Label::new(self.text(Lang::Th), self.text(Lang::En))
    }
}

impl fmt::Display for AuditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuditError::NoGit(e) => {
                write!(f, "cannot run git ({e}); is git installed and on PATH?")
            }
            AuditError::NotARepo { dir, message } => write!(
                f,
                "{} is not inside a git repository ({message})",
                dir.display()
            ),
            AuditError::UnknownRevision(rev) => write!(
                f,
                "unknown revision {rev:?}: no commit, branch or tag of that name"
            ),
            AuditError::OutsideRepo(p) => {
                write!(f, "{} is outside the git repository", p.display())
            }
            AuditError::Git { command, message } => write!(f, "{command} failed: {message}"),
            AuditError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            AuditError::Refused(said) => write!(f, "git commit refused: {said}"),
        }
    }
}

impl std::error::Error for AuditError {}
