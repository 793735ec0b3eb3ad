//! Saving without ever leaving a half-written file or silently overwriting
//! someone else's: write a temporary file beside the target, fsync it, check
//! the target still holds what we loaded, then rename over it.

use super::error::SaveError;
use sha2::{Digest, Sha256};
use std::fmt;
use std::io::Write;
use std::path::Path;

/// The SHA-256 of a file's bytes as they were loaded.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Self {
        Fingerprint(Sha256::digest(bytes).into())
    }
    pub fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({})", &self.hex()[..12])
    }
}

/// What the caller believes is on disk before the save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The file holds exactly these bytes (it was loaded with this fingerprint).
    Unchanged(Fingerprint),
    /// The file does not exist yet; refuse to overwrite one that appeared.
    Absent,
}

/// Whether the file on disk is still what `expect` says.
pub fn check_unchanged(path: &Path, expect: Expect) -> Result<(), SaveError> {
    match (std::fs::read(path), expect) {
        (Ok(bytes), Expect::Unchanged(fp)) if Fingerprint::of(&bytes) == fp => Ok(()),
        (Ok(_), Expect::Unchanged(_)) => Err(SaveError::Conflict {
            path: path.to_path_buf(),
        }),
        (Ok(_), Expect::Absent) => Err(SaveError::Exists {
            path: path.to_path_buf(),
        }),
        (Err(e), Expect::Unchanged(_)) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(SaveError::Vanished {
                path: path.to_path_buf(),
            })
        }
        (Err(e), Expect::Absent) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        (Err(error), _) => Err(SaveError::Io {
            path: path.to_path_buf(),
            error,
        }),
    }
}

/// Writes `content` to `path` atomically after checking `expect`, and
/// returns the fingerprint of what is now on disk.
pub fn save_checked(path: &Path, expect: Expect, content: &[u8]) -> Result<Fingerprint, SaveError> {
    check_unchanged(path, expect)?;
    write_atomic(path, content).map_err(|error| SaveError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    Ok(Fingerprint::of(content))
}

/// Temp file in the same directory, fsync, rename, fsync the directory.
/// A crash at any point leaves either the old file or the new one.
pub fn write_atomic(path: &Path, content: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".riskreg-").suffix(".tmp");
    #[cfg(unix)]
    {
        // a new file gets the permissions any program would give it (0666
        // less the umask), not the private 0600 of a temporary file: registers
        // and exports are shared
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(content)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        // keep the permissions the file had (group-writable on a shared server)
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        // make the rename itself durable; failure here does not undo the save
        let _ = d.sync_all();
    }
    Ok(())
}
