//! Register files on disk: canonical RON in and out, atomic conflict-checked
//! saves, and the layout of a registers directory. Knows nothing of polars
//! or terminals.

pub mod atomic;
pub mod error;
pub mod layout;
pub mod locate;
pub mod merge;
pub mod ron_text;
pub mod starter;

pub use atomic::{Expect, Fingerprint, Locked, lock, update};
pub use error::{LoadError, SaveError};
pub use locate::SourceMap;
pub use ron_text::{parse, to_canonical};

use crate::method::Methodology;
use crate::model::{ApproachList, BureauList, MethodRef, Register};
use crate::progress::{Progress, Silent};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// A value read from a file, with what is needed to save it back safely.
#[derive(Clone, Debug)]
pub struct Loaded<T> {
    pub path: PathBuf,
    pub value: T,
    /// The fingerprint of the bytes on disk when loaded (or last saved).
    pub fingerprint: Fingerprint,
}

/// What each kind of file should hold, for error messages.
pub const REGISTER: &str = "a register: Register(bureau: …, year: …, …)";
pub const BUREAUS: &str = "the bureau list: BureauList(secretariat: …, bureaus: [...])";
pub const APPROACHES: &str = "the approach groups: ApproachList(approaches: [...])";
pub const METHODOLOGY: &str = "a methodology: Methodology(id: …, version: …, …)";

/// The bytes of a file to parse; anything but a regular file (or a symlink
/// to one) is refused rather than waited on.
pub fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    atomic::require_regular(path)
        .and_then(|()| std::fs::read(path))
        .map_err(|e| LoadError::whole(path, format!("cannot read: {e}")))
}

/// Reads and parses one file.
pub fn load_file<T: DeserializeOwned>(path: &Path, what: &str) -> Result<Loaded<T>, LoadError> {
    let bytes = read(path)?;
    let value = parse(path, &bytes, what)?;
    Ok(Loaded {
        path: path.to_path_buf(),
        value,
        fingerprint: Fingerprint::of(&bytes),
    })
}

pub fn load_register(path: &Path) -> Result<Loaded<Register>, LoadError> {
    load_file(path, REGISTER)
}

/// Loads many files on all cores; results come back in the order of `paths`.
pub fn load_many<T: DeserializeOwned + Send>(
    paths: &[PathBuf],
    what: &str,
) -> Vec<Result<Loaded<T>, LoadError>> {
    load_many_then(paths, what, &Silent, |loaded, _| loaded)
}

/// Loads many files on all cores and hands each outcome, with the file's
/// bytes, to `then` on the core that read it, so that work on a file's text
/// (placing findings on its lines) needs no second read. Results come back
/// in the order of `paths`; `progress` counts the files as they are done.
pub fn load_many_then<T, R, F>(
    paths: &[PathBuf],
    what: &str,
    progress: &dyn Progress,
    then: F,
) -> Vec<R>
where
    T: DeserializeOwned,
    R: Send,
    F: Fn(Result<Loaded<T>, LoadError>, &[u8]) -> R + Sync,
{
    let one = |p: &PathBuf| {
        let result = match read(p) {
            Ok(bytes) => {
                let loaded = parse(p, &bytes, what).map(|value| Loaded {
                    path: p.clone(),
                    value,
                    fingerprint: Fingerprint::of(&bytes),
                });
                then(loaded, &bytes)
            }
            Err(e) => then(Err(e), &[]),
        };
        progress.advance(1);
        result
    };
    crate::par::map(paths, crate::par::HEAVY, one)
}

impl<T: Serialize> Loaded<T> {
    /// Saves the value back to its file, refusing if the file changed on disk
    /// since it was loaded. On success the new fingerprint is kept.
    pub fn save(&mut self) -> Result<(), SaveError> {
        let text = to_canonical(&self.value).map_err(|message| SaveError::Serialize {
            path: self.path.clone(),
            message,
        })?;
        self.fingerprint = atomic::save_checked(
            &self.path,
            Expect::Unchanged(self.fingerprint),
            text.as_bytes(),
        )?;
        Ok(())
    }

    /// Creates a new file holding `value`; refuses to overwrite one that exists.
    pub fn create(path: &Path, value: T) -> Result<Loaded<T>, SaveError> {
        let text = to_canonical(&value).map_err(|message| SaveError::Serialize {
            path: path.to_path_buf(),
            message,
        })?;
        let fingerprint = atomic::save_checked(path, Expect::Absent, text.as_bytes())?;
        Ok(Loaded {
            path: path.to_path_buf(),
            value,
            fingerprint,
        })
    }

    /// Whether the file on disk still holds what was loaded.
    pub fn unchanged_on_disk(&self) -> bool {
        atomic::check_unchanged(&self.path, Expect::Unchanged(self.fingerprint)).is_ok()
    }
}

/// The shared files of a registers directory: bureaus, approach groups and
/// methodologies.
#[derive(Clone, Debug)]
pub struct Catalog {
    pub root: PathBuf,
    pub bureaus: Loaded<BureauList>,
    pub approaches: Loaded<ApproachList>,
    pub methods: Vec<Loaded<Methodology>>,
}

impl Catalog {
    /// Loads the shared files, collecting every error rather than stopping at the first.
    pub fn load(root: &Path) -> Result<Catalog, Vec<LoadError>> {
        let mut errors = Vec::new();
        let bureaus = load_file::<BureauList>(&root.join(layout::BUREAUS_FILE), BUREAUS)
            .map_err(|e| errors.push(e))
            .ok();
        let approaches = load_file::<ApproachList>(&root.join(layout::APPROACHES_FILE), APPROACHES)
            .map_err(|e| errors.push(e))
            .ok();
        let method_dir = root.join(layout::METHODOLOGY_DIR);
        let mut methods = Vec::new();
        match layout::ron_files(&method_dir) {
            Ok(files) => {
                for f in files {
                    match load_file::<Methodology>(&f, METHODOLOGY) {
                        Ok(m) => methods.push(m),
                        Err(e) => errors.push(e),
                    }
                }
            }
            Err(e) => errors.push(LoadError::whole(
                &method_dir,
                format!("cannot list methodologies: {e}"),
            )),
        }
        match (bureaus, approaches, errors.is_empty()) {
            (Some(bureaus), Some(approaches), true) => Ok(Catalog {
                root: root.to_path_buf(),
                bureaus,
                approaches,
                methods,
            }),
            _ => Err(errors),
        }
    }

    /// The methodology a register names.
    pub fn method(&self, r: &MethodRef) -> Option<&Methodology> {
        crate::method::find(self.methods.iter().map(|m| &m.value), r)
    }

    /// The methodologies by value, for pure functions that take a slice.
    pub fn method_values(&self) -> Vec<Methodology> {
        self.methods.iter().map(|m| m.value.clone()).collect()
    }
}

/// Loads every register of a fiscal year; files that fail come back as errors.
pub fn load_year(
    root: &Path,
    year: u16,
) -> Result<(Vec<Loaded<Register>>, Vec<LoadError>), LoadError> {
    load_year_with(root, year, &Silent)
}

/// [`load_year`], telling `progress` how many files are read.
pub fn load_year_with(
    root: &Path,
    year: u16,
    progress: &dyn Progress,
) -> Result<(Vec<Loaded<Register>>, Vec<LoadError>), LoadError> {
    let files = year_files(root, year)?;
    progress.start("reading registers", files.len());
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    for r in load_many_then::<Register, _, _>(&files, REGISTER, progress, |r, _| r) {
        match r {
            Ok(reg) => ok.push(reg),
            Err(e) => errors.push(e),
        }
    }
    progress.finish();
    Ok((ok, errors))
}

/// The register files of a fiscal year, sorted by name.
pub fn year_files(root: &Path, year: u16) -> Result<Vec<PathBuf>, LoadError> {
    let dir = layout::year_dir(root, year);
    layout::ron_files(&dir)
        .map_err(|e| LoadError::whole(&dir, format!("cannot list registers: {e}")))
}
