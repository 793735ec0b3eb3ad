//! Turning the paths given on the command line into registers roots and the
//! files under them to work on.

use super::out::say;
use riskreg::store::layout;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Per registers root: `None` for the whole directory, or the files asked for.
pub type Targets = BTreeMap<PathBuf, Option<BTreeSet<PathBuf>>>;

/// Resolves `paths` (default: the `registers/` of the current directory or
/// one above it).
pub fn resolve(paths: &[PathBuf]) -> Result<Targets, String> {
    let defaults = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    };
    let mut targets: Targets = BTreeMap::new();
    for given in paths {
        let abs = given.canonicalize().map_err(|e| {
            say(
                format!("{}: เปิดไม่ได้ ({e})", given.display()),
                format!("{}: {e}", given.display()),
            )
        })?;
        let root = layout::find_root(&abs).ok_or_else(|| {
            say(
                format!(
                    "{}: ไม่อยู่ในไดเรกทอรีทะเบียน (ไดเรกทอรีที่มี {}) โปรดระบุที่อยู่ของ registers/",
                    given.display(),
                    layout::BUREAUS_FILE
                ),
                format!(
                    "{}: not inside a registers directory (one that holds {}); give the path of registers/",
                    given.display(),
                    layout::BUREAUS_FILE
                ),
            )
        })?;
        let whole = abs == root || abs.join("registers") == root;
        if whole {
            targets.insert(root, None);
            continue;
        }
        let files: Vec<PathBuf> = if abs.is_dir() {
            layout::ron_files(&abs).map_err(|e| {
                say(
                    format!("{}: แสดงรายการไฟล์ไม่ได้ ({e})", given.display()),
                    format!("{}: {e}", given.display()),
                )
            })?
        } else {
            vec![abs]
        };
        match targets.entry(root).or_insert_with(|| Some(BTreeSet::new())) {
            None => {} // already the whole root
            Some(set) => set.extend(files),
        }
    }
    Ok(targets)
}

/// `resolve` for a command: on failure says why on stderr and gives the
/// usage exit code.
pub fn resolve_or_exit(paths: &[PathBuf]) -> Result<Targets, std::process::ExitCode> {
    resolve(paths).map_err(|e| {
        super::out::error(e);
        std::process::ExitCode::from(2)
    })
}

/// The one registers directory a command works on: DIR, or the one of the
/// current directory; a usage error (exit 2) when there is none.
pub fn root_or_exit(dir: Option<&PathBuf>) -> Result<PathBuf, std::process::ExitCode> {
    let dirs: Vec<PathBuf> = dir.into_iter().cloned().collect();
    resolve_or_exit(&dirs)?
        .into_keys()
        .next()
        .ok_or(std::process::ExitCode::from(2))
}

/// Every file of a root that `fmt` formats, or just the chosen ones.
pub fn files_of(root: &Path, only: &Option<BTreeSet<PathBuf>>) -> Result<Vec<PathBuf>, String> {
    if let Some(set) = only {
        return Ok(set.iter().cloned().collect());
    }
    // each error names the directory that could not be listed
    let mut out = vec![
        root.join(layout::BUREAUS_FILE),
        root.join(layout::APPROACHES_FILE),
    ];
    let methods = root.join(layout::METHODOLOGY_DIR);
    out.extend(layout::ron_files(&methods).map_err(|e| listing(&methods, e))?);
    for (_, dir) in layout::year_dirs(root).map_err(|e| listing(root, e))? {
        out.extend(layout::ron_files(&dir).map_err(|e| listing(&dir, e))?);
    }
    Ok(out)
}

fn listing(dir: &Path, e: std::io::Error) -> String {
    say(
        format!("{}: แสดงรายการไฟล์ไม่ได้: {e}", shown(dir)),
        format!("{}: cannot list the files: {e}", shown(dir)),
    )
}

/// A path as the user would like to read it: relative to the current
/// directory when it is under it.
pub fn shown(path: &Path) -> String {
    // looked up once: validate prints thousands of lines, and the current
    // directory does not change while a command runs
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let cwd = CWD.get_or_init(|| {
        std::env::current_dir()
            .ok()
            .and_then(|d| d.canonicalize().ok())
    });
    match cwd.as_deref().and_then(|c| path.strip_prefix(c).ok()) {
        Some(rel) => rel.display().to_string(),
        None => path.display().to_string(),
    }
}
