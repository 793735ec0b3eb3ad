//! What the app makes of what an effect did: the status line, the prompt,
//! the screen. Effects only report; the user is told here.

use super::*;
use crate::tui::workspace::Saved;

impl App {
    pub(super) fn on_done(&mut self, done: Done) -> Option<Effect> {
        match done {
            Done::Saved(Saved::All(codes)) => {
                self.status = Some(if codes.is_empty() {
                    Notice::NothingToSave
                } else {
                    Notice::Saved { codes }
                });
                return self.changes_follow();
            }
            Done::Saved(Saved::Conflict(key)) => {
                if let Some(ix) = self.ws.find(&key) {
                    self.current = ix;
                }
                self.modal = Modal::Conflict(key);
            }
            Done::Saved(Saved::Failed(why)) | Done::CopyFailed(why) => {
                self.status = Some(Notice::Unable { why })
            }
            Done::CopySaved {
                key,
                copy,
                reloaded,
            } => {
                self.status = Some(match reloaded {
                    Ok(()) => {
                        // my version is in the copy: nothing of it may come back over theirs
                        self.forget_history_of(&key);
                        Notice::CopySaved { copy }
                    }
                    Err(why) => Notice::CopySavedNotReloaded {
                        copy,
                        why: why.text(self.lang),
                    },
                });
            }
            Done::Reread { key, fresh } => {
                let fresh = fresh.map_err(|e| e.text(self.lang));
                match fresh.and_then(|fresh| self.reload_merging(&key, *fresh)) {
                    // with conflicts, the merge window asks, then says what it kept
                    Ok(0) => self.status = Some(self.merged_status()),
                    Ok(_) => {}
                    Err(why) => self.status = Some(Notice::Failed { why }),
                }
                return self.changes_follow();
            }
            Done::YearLoaded(Ok(())) => {
                self.forget_history();
                self.current = 0;
                self.overview.selected = 0;
                self.round = self.default_round();
                self.round_is_default = true;
            }
            Done::YearLoaded(Err(why)) => self.status = Some(Notice::Unable { why }),
            Done::Created {
                code,
                entry: Ok(ix),
            } => {
                self.current = ix;
                self.status = Some(Notice::Created {
                    file: format!("{}/{code}.ron", self.ws.year),
                });
                self.open_register();
            }
            Done::Created {
                entry: Err(why), ..
            } => self.status = Some(Notice::Unable { why }),
            Done::Changes(changes) => self.changes.list = changes,
            Done::CommitPreview(plan) => screens::commit::previewed(self, plan),
            Done::Committed(done) => return screens::commit::committed(self, done),
            Done::History(list) => self.history.list = Some(list),
            Done::Exported(written) => {
                self.status = Some(match written {
                    Ok(path) => Notice::Exported { path },
                    Err(why) => Notice::Failed { why },
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
                self.changes.list = Err(crate::model::Label::new("ไม่มีทะเบียน", "no register"));
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
}
