//! Saving without ever leaving a half-written file or silently overwriting
//! someone else's: write a temporary file beside the target, fsync it, check
//! the target still holds what we loaded, then rename over it. The one
//! writer of registers, exports and the git hook; a whole directory (a
//! partitioned export) is built beside its place and renamed into it.
//!
//! Writers of a register take an advisory lock on it (std's `File::lock`)
//! around read → check → write, so two riskreg processes (an approval and a
//! `fmt`, two approvals, a save from the interface) never both read the same
//! version and the second silently drop the first one's change.

use super::error::SaveError;
use sha2::{Digest, Sha256};
use std::fmt;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

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

/// Refuses what is not a regular file (or a symlink to one) before it is
/// opened: opening a FIFO waits for a writer forever, a device never ends.
pub fn require_regular(path: &Path) -> std::io::Result<()> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        Ok(())
    } else {
        let what = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file (a FIFO, socket or device?)"
        };
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{what}; registers are regular files"),
        ))
    }
}

/// Whether the file on disk is still what `expect` says.
pub fn check_unchanged(path: &Path, expect: Expect) -> Result<(), SaveError> {
    let read = require_regular(path).and_then(|()| std::fs::read(path));
    match (read, expect) {
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

/// A register held under its advisory lock, with the bytes it holds. The
/// lock is released when this is dropped (or replaced).
pub struct Locked {
    path: PathBuf,
    bytes: Vec<u8>,
    // held for the lock, which lives as long as the open file
    _file: File,
}

/// Takes the lock of the file at `path` (waiting for another writer to
/// finish) and reads it. A writer replaces the file by renaming a new one
/// over it, so the file locked may no longer be the one at `path` once the
/// lock is ours: then the new one is locked instead.
pub fn lock(path: &Path) -> Result<Locked, SaveError> {
    let io = |error: std::io::Error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            SaveError::Vanished {
                path: path.to_path_buf(),
            }
        } else {
            SaveError::Io {
                path: path.to_path_buf(),
                error,
            }
        }
    };
    loop {
        require_regular(path).map_err(io)?;
        let mut file = File::open(path).map_err(io)?;
        file.lock().map_err(io)?;
        if !still_at(&file, path).map_err(io)? {
            continue;
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(io)?;
        return Ok(Locked {
            path: path.to_path_buf(),
            bytes,
            _file: file,
        });
    }
}

/// Whether `file` is still the one at `path` (not renamed over meanwhile).
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> std::io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let open = file.metadata()?;
    let now = std::fs::metadata(path)?;
    Ok(open.dev() == now.dev() && open.ino() == now.ino())
}

#[cfg(not(unix))]
fn still_at(_: &File, _: &Path) -> std::io::Result<bool> {
    Ok(true)
}

impl Locked {
    /// The file's content when the lock was taken.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the file atomically while still holding the lock, and
    /// returns the fingerprint of what is now on disk.
    pub fn replace(self, content: &[u8]) -> Result<Fingerprint, SaveError> {
        write_atomic(&self.path, content).map_err(|error| SaveError::Io {
            path: self.path.clone(),
            error,
        })?;
        Ok(Fingerprint::of(content))
    }
}

/// Locked read → change → write of one file: `change` gets the bytes on disk
/// and returns the new content, or `None` to leave the file as it is. The
/// lock is held throughout, so no other riskreg writer can slip a change in
/// between. Returns the fingerprint written, if anything was.
pub fn update<E: From<SaveError>>(
    path: &Path,
    change: impl FnOnce(&[u8]) -> Result<Option<Vec<u8>>, E>,
) -> Result<Option<Fingerprint>, E> {
    let locked = lock(path)?;
    match change(locked.bytes())? {
        Some(content) => Ok(Some(locked.replace(&content)?)),
        None => Ok(None),
    }
}

/// Writes `content` to `path` atomically after checking `expect`, and
/// returns the fingerprint of what is now on disk. The check and the write
/// happen under the file's lock; a new file is created only if none appeared
/// meanwhile.
pub fn save_checked(path: &Path, expect: Expect, content: &[u8]) -> Result<Fingerprint, SaveError> {
    match expect {
        Expect::Unchanged(fp) => {
            let locked = lock(path)?;
            if Fingerprint::of(locked.bytes()) != fp {
                return Err(SaveError::Conflict {
                    path: path.to_path_buf(),
                });
            }
            locked.replace(content)
        }
        Expect::Absent => {
            check_unchanged(path, Expect::Absent)?;
            match write_new(path, content) {
                Ok(()) => Ok(Fingerprint::of(content)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(SaveError::Exists {
                    path: path.to_path_buf(),
                }),
                Err(error) => Err(SaveError::Io {
                    path: path.to_path_buf(),
                    error,
                }),
            }
        }
    }
}

/// Writes `content` to `path` so that a crash at any point leaves either the
/// old file or the new one: a temporary file in the same directory, fsync,
/// rename, fsync the directory. What `path` names decides how:
/// - a symlink: its target is written, the link is kept;
/// - something that is not a regular file (`/dev/stdout`, a FIFO, a
///   device): it is written in place, as any program would;
/// - a regular file: replaced, keeping its permissions;
/// - nothing: a new file with the usual permissions (0666 less the umask).
pub fn write_atomic(path: &Path, content: &[u8]) -> std::io::Result<()> {
    write_file(path, content, false)
}

/// [`write_atomic`] for a script that must be executable (the git hook):
/// 0777 less the umask, whatever the file it replaces had.
pub fn write_executable(path: &Path, content: &[u8]) -> std::io::Result<()> {
    write_file(path, content, true)
}

fn write_file(path: &Path, content: &[u8], executable: bool) -> std::io::Result<()> {
    // judged by what the path leads to, as the kernel follows it: the links
    // of /dev/stdout (/proc/self/fd/1 → `pipe:[…]`) cannot be followed by hand
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(path)?;
        f.write_all(content)?;
        return f.flush();
    }
    let target = final_target(path)?;
    let tmp = temp_beside(&target, content, executable)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(&target);
    Ok(())
}

/// An empty directory beside `path` in which to build a whole tree before
/// [`replace_dir`] puts it in place; removed with its content if dropped
/// first. It gets the permissions any new directory gets (0777 less the
/// umask), not the private 0700 of a temporary one: exports are shared.
pub fn staging_dir_beside(path: &Path) -> std::io::Result<tempfile::TempDir> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".riskreg-staging-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o777));
    }
    builder.tempdir_in(parent_dir(path))
}

/// Puts the tree built in `staged` at `path`, replacing whatever is there
/// whole: nothing old is mixed with the new. The old tree is set aside
/// first, so a failed rename puts it back; it is removed once the new one
/// is in place.
pub fn replace_dir(staged: tempfile::TempDir, path: &Path) -> std::io::Result<()> {
    let old = if path.exists() {
        let aside = tempfile::Builder::new()
            .prefix(".riskreg-old-")
            .tempdir_in(parent_dir(path))?;
        let aside_path = aside.path().join("old");
        std::fs::rename(path, &aside_path)?;
        Some((aside, aside_path))
    } else {
        None
    };
    let staged = staged.keep();
    if let Err(e) = std::fs::rename(&staged, path) {
        let _ = std::fs::remove_dir_all(&staged);
        if let Some((_, aside_path)) = &old {
            let _ = std::fs::rename(aside_path, path);
        }
        return Err(e);
    }
    // dropping the aside directory removes the old tree
    drop(old);
    sync_dir(path);
    Ok(())
}

/// The directory `path` is in (`.` for a bare name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Creates `path` holding `content`, atomically, failing with
/// `AlreadyExists` if a file is there (even one that appeared just now).
fn write_new(path: &Path, content: &[u8]) -> std::io::Result<()> {
    let tmp = temp_beside(path, content, false)?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(path);
    Ok(())
}

/// Follows symlinks (relative ones from their own directory) to the path
/// that will really be written; a dangling link gives the file to create.
fn final_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            Ok(_) => return Ok(p),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(p),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

/// The complete new content in a temporary file beside `path`, synced to
/// disk; it is removed if dropped before being persisted.
fn temp_beside(
    path: &Path,
    content: &[u8],
    executable: bool,
) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = parent_dir(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".riskreg-").suffix(".tmp");
    #[cfg(unix)]
    {
        // a new file gets the permissions any program would give it (0666
        // less the umask), not the private 0600 of a temporary file: registers
        // and exports are shared
        use std::os::unix::fs::PermissionsExt;
        let mode = if executable { 0o777 } else { 0o666 };
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(content)?;
    tmp.as_file().sync_all()?;
    if !executable && let Ok(meta) = std::fs::metadata(path) {
        // keep the permissions the file had (group-writable on a shared server)
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    Ok(tmp)
}

/// Makes a rename durable; failure here does not undo the save.
fn sync_dir(path: &Path) {
    #[cfg(unix)]
    {
        if let Ok(d) = File::open(parent_dir(path)) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}
