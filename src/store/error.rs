//! Errors of reading and writing register files, each naming the file and,
//! where there is one, the line and column.

use std::fmt;
use std::path::{Path, PathBuf};

/// A file that could not be read as what it should hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    /// 1-based line and column; `None` when the problem is the whole file
    /// (missing, unreadable).
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl LoadError {
    pub fn at(path: &Path, line: usize, col: usize, message: impl Into<String>) -> Self {
        LoadError {
            path: path.to_path_buf(),
            position: Some((line, col)),
            message: message.into(),
        }
    }
    pub fn whole(path: &Path, message: impl Into<String>) -> Self {
        LoadError {
            path: path.to_path_buf(),
            position: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => {
                write!(f, "{}:{line}:{col}: {}", self.path.display(), self.message)
            }
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for LoadError {}

/// Why a save did not happen. In every case the file on disk is untouched.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed on disk since it was loaded (someone else saved, or
    /// `git pull` brought a new version); overwriting would lose that work.
    Conflict { path: PathBuf },
    /// The file was deleted or moved since it was loaded.
    Vanished { path: PathBuf },
    /// A new file was to be created, but one is already there.
    Exists { path: PathBuf },
    /// The value could not be written as RON (should not happen for our model).
    Serialize { path: PathBuf, message: String },
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Conflict { path } => write!(
                f,
                "{}: the file changed on disk since it was loaded; not overwriting it",
                path.display()
            ),
            SaveError::Vanished { path } => {
                write!(
                    f,
                    "{}: the file was removed or moved since it was loaded; not recreating it",
                    path.display()
                )
            }
            SaveError::Exists { path } => {
                write!(f, "{}: already exists; not overwriting it", path.display())
            }
            SaveError::Serialize { path, message } => {
                write!(f, "{}: cannot write: {message}", path.display())
            }
            SaveError::Io { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for SaveError {}
