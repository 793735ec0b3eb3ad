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

/// The fiscal year a directory name stands for: exactly four ASCII digits
/// (`2567`). Any such name counts, even a year no register may hold (a
/// Common-era `2024/`), so that its files are read and validation names the
/// mistake instead of passing over them; `+567`, `02567` and `256` are not
/// years. The one rule for the listing, the interface, validation and the
/// git-side checks.
pub fn fiscal_year_of(name: &str) -> Option<u16> {
    if name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit()) {
        name.parse().ok()
    } else {
        None
    }
}

/// The directory of a fiscal year's registers.
pub fn year_dir(root: &Path, year: u16) -> PathBuf {
    root.join(year.to_string())
}

/// Fiscal-year directories under the root (`2567/`), ascending.
pub fn year_dirs(root: &Path) -> std::io::Result<Vec<(u16, PathBuf)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(year) = name.to_str().and_then(fiscal_year_of) else {
            continue;
        };
        if entry.file_type()?.is_dir() {
            out.push((year, entry.path()));
        }
    }
    out.sort();
    Ok(out)
}

/// The fiscal years that have a directory under the root, ascending; none
/// when the root cannot be listed.
pub fn fiscal_years(root: &Path) -> Vec<u16> {
    year_dirs(root)
        .map(|dirs| dirs.into_iter().map(|(y, _)| y).collect())
        .unwrap_or_default()
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
    year_dir(root, year).join(format!("{bureau}.ron"))
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
        [y, f] if fiscal_year_of(y).is_some() && f.ends_with(".ron") => Some(FileKind::Register),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fiscal_year_directory_is_named_by_four_digits() {
        assert_eq!(fiscal_year_of("2567"), Some(2567));
        // a Common-era year is still a year directory: validation names it
        assert_eq!(fiscal_year_of("2024"), Some(2024));
        assert_eq!(fiscal_year_of("0999"), Some(999));
        assert_eq!(fiscal_year_of("9999"), Some(9999));
        for not_a_year in ["+567", "02567", "256", "25670", "", "๒๕๖๗", "25 7", "2567 "] {
            assert_eq!(fiscal_year_of(not_a_year), None, "{not_a_year:?}");
        }
    }

    #[test]
    fn listing_interface_and_kind_follow_the_one_rule() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for name in ["2567", "2024", "+567", "02568", "256", "methodology"] {
            std::fs::create_dir(root.join(name)).expect("mkdir");
        }
        // a file named like a year is not a year directory
        std::fs::write(root.join("2570"), "").expect("write");
        assert_eq!(fiscal_years(root), vec![2024, 2567]);
        let listed: Vec<u16> = year_dirs(root).expect("list").iter().map(|d| d.0).collect();
        assert_eq!(listed, vec![2024, 2567]);
        assert_eq!(
            kind_of(root, &register_path(root, 2024, "FIN")),
            Some(FileKind::Register)
        );
        assert_eq!(kind_of(root, &root.join("+567/FIN.ron")), None);
        assert_eq!(kind_of(root, &root.join("02568/FIN.ron")), None);
        assert_eq!(
            register_path(root, 2567, "FIN"),
            root.join("2567").join("FIN.ron")
        );
    }
}
