//! What the app makes of what an effect did: the status line, the prompt,
//! the screen. Effects only report; the user is told here.

use super::*;
use crate::tui::workspace::Saved;

impl App {
    pub(super) fn on_done(&mut self, done: Done) -> Option<Effect> {
        let lang = self.lang;
        match done {
            Done::Saved(Saved::All(codes)) => {
                self.status = Some(if codes.is_empty() {
                    lang.pick("ไม่มีอะไรต้องบันทึก", "nothing to save").into()
                } else {
                    format!("{} {}", lang.pick("บันทึกแล้ว:", "saved:"), codes.join(", "))
                });
                return self.changes_follow();
            }
            Done::Saved(Saved::Conflict(key)) => {
                if let Some(ix) = self.ws.find(&key) {
                    self.current = ix;
                }
                self.modal = Modal::Conflict(key);
            }
            Done::Saved(Saved::Failed(e)) | Done::CopyFailed(e) => self.status = Some(e),
            Done::CopySaved {
                key,
                copy,
                reloaded,
            } => {
                let shown = copy.display().to_string();
                self.status = Some(match reloaded {
                    Ok(()) => {
                        // my version is in the copy: nothing of it may come back over theirs
                        self.forget_history_of(&key);
                        format!(
                            "{} {shown}; {}",
                            lang.pick("บันทึกของคุณไว้ที่", "saved yours as"),
                            lang.pick("โหลดฉบับบนดิสก์แล้ว", "loaded the version on disk")
                        )
                    }
                    Err(e) => format!("{shown} ✓; {e}"),
                });
            }
            Done::Reread { key, fresh } => {
                match fresh.and_then(|fresh| self.reload_merging(&key, *fresh)) {
                    // with conflicts, the merge window asks, then says what it kept
                    Ok(0) => self.status = Some(self.merged_status()),
                    Ok(_) => {}
                    Err(e) => self.status = Some(e),
                }
                return self.changes_follow();
            }
            Done::YearLoaded(Ok(())) => {
                self.forget_history();
                self.current = 0;
                self.overview.selected = 0;
                self.round = self.default_round();
            }
            Done::YearLoaded(Err(e)) => self.status = Some(e),
            Done::Created {
                code,
                entry: Ok(ix),
            } => {
                self.current = ix;
                self.status = Some(format!(
                    "{} {}/{code}.ron",
                    lang.pick("สร้างแล้ว:", "created:"),
                    self.ws.year
                ));
                self.open_register();
            }
            Done::Created { entry: Err(e), .. } => self.status = Some(e),
            Done::Changes(changes) => self.changes.list = changes,
            Done::CommitPreview(plan) => screens::commit::previewed(self, plan),
            Done::Committed(done) => return screens::commit::committed(self, done),
            Done::History(list) => self.history.list = Some(list),
            Done::Exported(written) => {
                self.status = Some(match written {
                    Ok(path) => {
                        format!("{} {}", lang.pick("ส่งออกแล้ว:", "exported:"), path.display())
                    }
                    Err(e) => e,
                });
            }
        }
        None
    }

    /// The changes of the register on screen against git HEAD, to read.
    pub(crate) fn load_changes(&mut self) -> Option<Effect> {
        match self.ws.entries.get(self.current) {
            Some(e) => Some(Effect::LoadChanges(e.key())),
            None => {
                self.changes.list = Err(self.lang.pick("ไม่มีทะเบียน", "no register").into());
                None
            }
        }
    }

    /// The Changes screen follows the file: after a save or a reload its
    /// changes against HEAD are read again.
    fn changes_follow(&mut self) -> Option<Effect> {
        if self.screen == Screen::Changes {
            self.load_changes()
        } else {
            None
        }
    }

    /// Exports the summary on screen to a file, or says why it cannot.
    pub(super) fn export(&mut self, path: std::path::PathBuf) -> Option<Effect> {
        let summary = self.round_summary().clone();
        match summary {
            Ok(summary) => Some(Effect::Export {
                path,
                summary: Box::new(summary),
                lang: self.lang,
            }),
            Err(e) => {
                self.status = Some(e);
                None
            }
        }
    }
}
