//! Where things are in a registers directory:
//!
//! ```text
//! registers/
//!   bureaus.ron                 the bureau list
//!   approaches.ron              approach groups of the plan
//!   methodology/<id>-v<N>.ron   methodologies
//!   <fiscal year>/<BUREAU>.ron  one register per bureau per year
//! ```

use std::path::{Path, PathBuf};

pub const BUREAUS_FILE: &str = "bureaus.ron";
pub const APPROACHES_FILE: &str = "approaches.ron";
pub const METHODOLOGY_DIR: &str = "methodology";

/// The registers root that holds `start` (a file or directory inside it, or
/// a directory that has a `registers/` child).
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let start = if start.is_file() {
        start.parent()?
    } else {
        start
    };
    let child = start.join("registers");
    if child.join(BUREAUS_FILE).is_file() {
        return Some(child);
    }
    let mut dir = Some(start);
    while let Some(d) = dir {
        if d.join(BUREAUS_FILE).is_file() {
            return Some(d.to_path_buf());
        }
        dir = d.parent();
    }
    None
}

/// Fiscal-year directories under the root (`2567/`), ascending.
pub fn year_dirs(root: &Path) -> std::io::Result<Vec<(u16, PathBuf)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.len() == 4
            && entry.file_type()?.is_dir()
            && let Ok(year) = name.parse::<u16>()
        {
            out.push((year, entry.path()));
        }
    }
    out.sort();
    Ok(out)
}

/// The `.ron` entries directly in `dir` that are not directories, sorted by
/// name. A FIFO or device named `*.ron` is listed so that reading it reports
/// it, instead of skipping it silently.
pub fn ron_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| !p.is_dir() && p.extension().is_some_and(|x| x == "ron"))
        .collect();
    out.sort();
    Ok(out)
}

/// The register file of a bureau in a year.
pub fn register_path(root: &Path, year: u16, bureau: &str) -> PathBuf {
    root.join(year.to_string()).join(format!("{bureau}.ron"))
}

/// What a file under the root holds, judged by where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Bureaus,
    Approaches,
    Methodology,
    Register,
}

pub fn kind_of(root: &Path, file: &Path) -> Option<FileKind> {
    let rel = file.strip_prefix(root).ok()?;
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.as_slice() {
        [f] if f == BUREAUS_FILE => Some(FileKind::Bureaus),
        [f] if f == APPROACHES_FILE => Some(FileKind::Approaches),
        [d, f] if d == METHODOLOGY_DIR && f.ends_with(".ron") => Some(FileKind::Methodology),
        [y, f] if y.len() == 4 && y.parse::<u16>().is_ok() && f.ends_with(".ron") => {
            Some(FileKind::Register)
        }
        _ => None,
    }
}
