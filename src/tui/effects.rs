//! The I/O that updates ask for: saving through the store's atomic,
//! conflict-checked save, saving a copy, re-reading a file, changing year,
//! creating a register, the changes against git HEAD, exporting the summary.
//!
//! `perform` does an `Effect` on the workspace and says what happened as a
//! `Done`; it never touches the screen, the prompt or the status line. The
//! event loop hands the `Done` back to `App::update`, which decides what
//! the user sees (the queue of gitui, the action loop of ratatui's
//! component template).

use super::workspace::{RegisterKey, Saved, Workspace};
use crate::model::{Lang, MethodRef, Register};
use crate::store::Loaded;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

/// I/O an update asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save every register with unsaved edits.
    Save,
    /// Write the unsaved version of a register beside its file, then reload it.
    SaveCopy(RegisterKey),
    /// Read a register's file again, to merge the unsaved edits onto it.
    Reread(RegisterKey),
    LoadYear(u16),
    /// Write the summary to this file, in the format its extension names.
    Export {
        path: PathBuf,
        summary: Box<crate::report::Summary>,
        lang: Lang,
    },
    /// Create an empty register file for this bureau in the year on screen.
    CreateRegister(String),
    /// Compute the changes of a register against git HEAD.
    LoadChanges(RegisterKey),
    /// What a commit of the saved registers would hold (see `git_effects`).
    PreviewCommit,
    /// Commit these files (relative to the top of the work tree).
    Commit {
        files: Vec<String>,
        message: String,
        author: crate::audit::git::Author,
    },
    /// The commits that changed a risk or a measure.
    LoadHistory(crate::audit::LogTarget),
}

/// What an effect did, for the app to show.
#[derive(Debug)]
pub enum Done {
    Saved(Saved),
    /// The unsaved version was written to `copy`; then the file on disk was
    /// loaded in its place (or could not be, and why).
    CopySaved {
        key: RegisterKey,
        copy: PathBuf,
        reloaded: Result<(), crate::store::LoadError>,
    },
    CopyFailed(crate::model::Label),
    /// The file as it is on disk now (or why it could not be read).
    Reread {
        key: RegisterKey,
        fresh: Result<Box<Loaded<Register>>, crate::store::LoadError>,
    },
    /// The year's registers replaced the ones loaded (or why not).
    YearLoaded(Result<(), crate::model::Label>),
    /// The new register's entry, or why it could not be made.
    Created {
        code: String,
        entry: Result<usize, crate::model::Label>,
    },
    Changes(Result<Vec<crate::audit::Change>, crate::model::Label>),
    CommitPreview(Result<super::git_effects::CommitPlan, crate::model::Label>),
    /// The new commit's id, or what git or its hook said in refusing.
    Committed(Result<String, crate::model::Label>),
    History(Result<Vec<crate::audit::LogEntry>, crate::model::Label>),
    Exported(Result<PathBuf, String>),
}

pub fn perform(ws: &mut Workspace, effect: Effect) -> Done {
    match effect {
        Effect::Save => Done::Saved(ws.save_all()),
        Effect::SaveCopy(key) => save_copy(ws, key),
        Effect::Reread(key) => Done::Reread {
            fresh: crate::store::load_register(key.path()).map(Box::new),
            key,
        },
        Effect::LoadYear(year) => Done::YearLoaded(ws.load_year(year)),
        Effect::CreateRegister(code) => {
            let made = crate::model::BureauCode::new(code.clone()).and_then(|bureau| {
                let year = crate::model::FiscalYear::new(ws.year)?;
                let others: Vec<&Register> = ws.entries.iter().map(|e| e.register()).collect();
                let first_known = ws.catalog.method_values().first().map(|m| MethodRef {
                    id: m.id.clone(),
                    version: m.version,
                });
                crate::model::blank::register(bureau, year, &others, first_known)
            });
            Done::Created {
                code,
                // a code or year the model refuses is said in its words
                entry: made
                    .map_err(|e| crate::model::Label::new(e.clone(), e))
                    .and_then(|reg| ws.create(reg)),
            }
        }
        Effect::LoadChanges(key) => {
            Done::Changes(crate::audit::changes_against_head(key.path()).map_err(|e| e.words()))
        }
        Effect::PreviewCommit => Done::CommitPreview(super::git_effects::plan(ws)),
        Effect::Commit {
            files,
            message,
            author,
        } => Done::Committed(super::git_effects::commit(ws, &files, &message, &author)),
        Effect::LoadHistory(target) => Done::History(super::git_effects::history(ws, &target)),
        Effect::Export {
            path,
            summary,
            lang,
        } => {
            let format = path
                .extension()
                .and_then(|e| e.to_str())
                .and_then(crate::report::Format::parse);
            let written = match format {
                Some(format) => {
                    let opts = crate::report::RenderOptions {
                        lang,
                        ..Default::default()
                    };
                    crate::report::write_output(&summary, format, &opts, &path)
                        .map_err(|e| e.text(lang))
                }
                None => Err(format!(
                    "{}: {}",
                    path.display(),
                    lang.pick("ไม่รู้จักรูปแบบไฟล์", "unknown format")
                )),
            };
            Done::Exported(written.map(|()| path))
        }
    }
}

/// Writes my version of a register to a copy beside its file, then loads
/// the version on disk in its place.
fn save_copy(ws: &mut Workspace, key: RegisterKey) -> Done {
    let Some(ix) = ws.find(&key) else {
        let path = key.path().display();
        return Done::CopyFailed(crate::model::Label::new(
            format!("{path}: ยังไม่ได้อ่านทะเบียนนี้"),
            format!("{path}: not loaded"),
        ));
    };
    let copy = copy_path(key.path());
    let mine = ws.entries[ix].loaded.value.clone();
    match Loaded::create(&copy, mine) {
        Ok(_) => Done::CopySaved {
            reloaded: ws.reload(ix),
            key,
            copy,
        },
        Err(e) => Done::CopyFailed(e.words()),
    }
}

/// `FIN.ron.mine-<seconds>`: beside the file, ignored by git, never clobbering.
pub fn copy_path(path: &std::path::Path) -> PathBuf {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".mine-{secs}"));
    path.with_file_name(name)
}
