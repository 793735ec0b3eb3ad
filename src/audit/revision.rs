//! Reading the registers of two revisions (commits or the working tree) as
//! snapshots for the pure diff: only files git reports as changed are read,
//! and each side's blobs come through one `git cat-file --batch`.

use super::diff::{Snapshot, diff};
use super::git::{RawChange, Repo};
use super::{AuditError, Change};
use crate::method::Methodology;
use crate::model::Register;
use crate::store::{self, LoadError};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A register file: `<4-digit fiscal year>/<CODE>.ron` anywhere in the tree.
pub fn is_register_path(path: &str) -> bool {
    let mut parts = path.rsplit('/');
    let (Some(file), Some(dir)) = (parts.next(), parts.next()) else {
        return false;
    };
    file.ends_with(".ron") && store::layout::fiscal_year_of(dir).is_some()
}

fn is_method_path(path: &str) -> bool {
    let mut parts = path.rsplit('/');
    matches!((parts.next(), parts.next()), (Some(f), Some("methodology")) if f.ends_with(".ron"))
}

/// What to compare: two commits, or a commit and the working tree.
#[derive(Clone, Debug)]
pub struct Compare {
    /// `None`: the empty tree (everything at the new side is added).
    pub old: Option<String>,
    /// `None`: the working tree.
    pub new: Option<String>,
    /// Git pathspecs, relative to the top of the work tree.
    pub paths: Vec<String>,
}

/// Turns paths given by the user (relative to `cwd`) into pathspecs relative
/// to the top of the work tree.
pub fn pathspecs(repo: &Repo, cwd: &Path, paths: &[PathBuf]) -> Result<Vec<String>, AuditError> {
    let root = repo
        .root
        .canonicalize()
        .unwrap_or_else(|_| repo.root.clone());
    paths
        .iter()
        .map(|p| {
            let abs = cwd.join(p);
            // a deleted file has no real path; its directory still does
            let real = abs.canonicalize().or_else(|_| {
                let parent = abs.parent().unwrap_or(Path::new(".")).canonicalize()?;
                Ok::<_, std::io::Error>(parent.join(abs.file_name().unwrap_or_default()))
            });
            let real = real.map_err(|_| AuditError::OutsideRepo(p.clone()))?;
            let rel = real
                .strip_prefix(&root)
                .map_err(|_| AuditError::OutsideRepo(p.clone()))?;
            let s = rel.to_string_lossy().replace('\\', "/");
            Ok(if s.is_empty() { ".".to_string() } else { s })
        })
        .collect()
}

/// The semantic diff of what `what` names.
pub fn compare(repo: &Repo, what: &Compare) -> Result<Vec<Change>, AuditError> {
    let raw: Vec<RawChange> = repo
        .changed(what.old.as_deref(), what.new.as_deref(), &what.paths)?
        .into_iter()
        .filter(|c| is_register_path(&c.path))
        .collect();
    if raw.is_empty() {
        return Ok(Vec::new());
    }
    let old_files: Vec<(String, Option<String>)> = raw
        .iter()
        .map(|c| (c.path.clone(), c.old.clone()))
        .collect();
    let old = snapshot_at(repo, what.old.as_deref(), &old_files)?;
    let new = match &what.new {
        Some(rev) => {
            let files: Vec<_> = raw
                .iter()
                .map(|c| (c.path.clone(), c.new.clone()))
                .collect();
            snapshot_at(repo, Some(rev), &files)?
        }
        None => working_snapshot(repo, &raw),
    };
    Ok(diff(&old, &new))
}

/// The registers at commit `rev` among `files` (path, blob id; no id = not
/// there), and that commit's methodologies.
fn snapshot_at(
    repo: &Repo,
    rev: Option<&str>,
    files: &[(String, Option<String>)],
) -> Result<Snapshot, AuditError> {
    let mut snap = Snapshot::default();
    let Some(rev) = rev else {
        return Ok(snap);
    };
    let present: Vec<&(String, Option<String>)> =
        files.iter().filter(|(_, oid)| oid.is_some()).collect();
    let methods = repo.files(rev, is_method_path)?;
    let mut specs: Vec<String> = present.iter().filter_map(|(_, oid)| oid.clone()).collect();
    specs.extend(methods.iter().map(|(_, oid)| oid.clone()));
    let mut blobs = repo.blobs(&specs)?.into_iter();
    for ((path, _), blob) in present.iter().zip(blobs.by_ref()) {
        snap.registers.insert(path.clone(), parse_blob(path, blob));
    }
    for ((path, _), blob) in methods.iter().zip(blobs) {
        if let Some(Ok(m)) = blob.map(|b| parse_method(path, &b)) {
            snap.methods.push(m);
        }
    }
    Ok(snap)
}

fn parse_blob(path: &str, blob: Option<Vec<u8>>) -> Result<Register, LoadError> {
    match blob {
        Some(bytes) => store::parse(Path::new(path), &bytes, store::REGISTER),
        None => Err(LoadError::whole(
            Path::new(path),
            "missing from the git object store",
        )),
    }
}

fn parse_method(path: &str, bytes: &[u8]) -> Result<Methodology, LoadError> {
    store::parse(Path::new(path), bytes, store::METHODOLOGY)
}

/// The working-tree side: changed register files read from disk, and the
/// methodologies beside them.
fn working_snapshot(repo: &Repo, raw: &[RawChange]) -> Snapshot {
    let mut snap = Snapshot::default();
    let mut method_dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for c in raw {
        let file = repo.root.join(&c.path);
        if let Some(root) = file.parent().and_then(Path::parent) {
            method_dirs.insert(root.join(store::layout::METHODOLOGY_DIR));
        }
        match std::fs::read(&file) {
            Ok(bytes) => {
                let parsed = store::parse(Path::new(&c.path), &bytes, store::REGISTER);
                snap.registers.insert(c.path.clone(), parsed);
            }
            // deleted in the working tree: absent at the new side
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                let err = LoadError::whole(Path::new(&c.path), format!("cannot read: {e}"));
                snap.registers.insert(c.path.clone(), Err(err));
            }
        }
    }
    for dir in &method_dirs {
        for f in store::layout::ron_files(dir).unwrap_or_default() {
            if let Ok(bytes) = std::fs::read(&f)
                && let Ok(m) = parse_method(&f.to_string_lossy(), &bytes)
            {
                snap.methods.push(m);
            }
        }
    }
    snap
}

/// The semantic diff of one register file, working tree against HEAD; a
/// file not in HEAD (or a repository with no commits yet) is all added.
pub fn changes_against_head(path: &Path) -> Result<Vec<Change>, AuditError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let repo = Repo::discover(&dir)?;
    let cwd = std::env::current_dir().map_err(|e| AuditError::Io {
        path: PathBuf::from("."),
        message: e.to_string(),
    })?;
    let paths = pathspecs(&repo, &cwd, &[path.to_path_buf()])?;
    let old = repo.resolve("HEAD").ok();
    compare(
        &repo,
        &Compare {
            old,
            new: None,
            paths,
        },
    )
}
