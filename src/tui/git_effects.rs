//! The git work the interface asks for, all through `audit`: what a commit
//! of the saved registers would hold, the commit itself, and the history of
//! a risk or a measure. Only files (what is saved) are ever committed; the
//! edits still in memory are named so the user knows they are left out.

use super::workspace::Workspace;
use crate::audit::git::{Author, Repo};
use crate::audit::{AuditError, Change, Compare, LogEntry, LogTarget, compare};
use crate::model::Label;

/// One register file a commit would hold, with its changes against HEAD.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub bureau: String,
    /// Relative to the top of the work tree, `/`-separated.
    pub file: String,
    pub changes: Vec<Change>,
}

/// What committing now would do.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CommitPlan {
    /// The registers of the year on show whose saved file differs from HEAD.
    pub registers: Vec<Planned>,
    /// Bureaus with edits not saved yet: not in the commit.
    pub unsaved: Vec<String>,
}

impl CommitPlan {
    pub fn files(&self) -> Vec<String> {
        self.registers.iter().map(|r| r.file.clone()).collect()
    }
    pub fn bureaus(&self) -> Vec<String> {
        self.registers.iter().map(|r| r.bureau.clone()).collect()
    }
}

fn repo_of(ws: &Workspace) -> Result<Repo, AuditError> {
    Repo::discover(&ws.root)
}

/// The registers git reports as not committed, each with its changes in
/// domain terms (one comparison for all of them).
pub fn plan(ws: &mut Workspace) -> Result<CommitPlan, Label> {
    ws.refresh_git();
    let repo = repo_of(ws).map_err(|e| e.words())?;
    let cwd = std::env::current_dir()
        .map_err(|e| Label::new(format!("อ่านไดเรกทอรีปัจจุบันไม่ได้ ({e})"), e.to_string()))?;
    let uncommitted: Vec<(String, std::path::PathBuf)> = ws
        .entries
        .iter()
        .filter(|e| e.uncommitted)
        .map(|e| (e.code().to_string(), e.loaded.path.clone()))
        .collect();
    let paths: Vec<std::path::PathBuf> = uncommitted.iter().map(|(_, p)| p.clone()).collect();
    let files = crate::audit::revision_pathspecs(&repo, &cwd, &paths).map_err(|e| e.words())?;
    let unsaved = ws
        .entries
        .iter()
        .filter(|e| e.dirty)
        .map(|e| e.code().to_string())
        .collect();
    if files.is_empty() {
        return Ok(CommitPlan {
            registers: Vec::new(),
            unsaved,
        });
    }
    let changes = compare(
        &repo,
        &Compare {
            old: repo.resolve("HEAD").ok(),
            new: None,
            paths: files.clone(),
        },
    )
    .map_err(|e| e.words())?;
    let registers = uncommitted
        .into_iter()
        .zip(files)
        .map(|((bureau, _), file)| Planned {
            changes: changes.iter().filter(|c| c.file == file).cloned().collect(),
            bureau,
            file,
        })
        .collect();
    Ok(CommitPlan { registers, unsaved })
}

/// Commits `files` as `author`; then the uncommitted marks are read again.
pub fn commit(
    ws: &mut Workspace,
    files: &[String],
    message: &str,
    author: &Author,
) -> Result<String, Label> {
    let done = repo_of(ws).and_then(|repo| repo.commit_paths(files, message, author));
    ws.refresh_git();
    done.map_err(|e| match e {
        // what git or its hook said, as it said it
        AuditError::Refused(said) => Label::new(said.clone(), said),
        other => other.words(),
    })
}

/// The commits that changed a risk or a measure, newest first, as
/// `riskreg log --risk` / `--measure` lists them.
pub fn history(ws: &Workspace, target: &LogTarget) -> Result<Vec<LogEntry>, Label> {
    repo_of(ws)
        .and_then(|repo| crate::audit::history(&repo, target))
        .map_err(|e| e.words())
}
