//! Reloading a register that changed on disk under my unsaved edits: the
//! version on disk becomes the saved one, my edits are merged onto it field
//! by field (`store::merge`), and the fields both sides changed are settled
//! one by one. Undo history from before the reload is dropped for that
//! register; one undo step goes back from the merge to the version on disk.

use super::*;
use crate::store::merge::{self, Conflict, Merged, Side};

/// The fields still to settle after a reload, with each side's change in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merging {
    pub entry: usize,
    pub merged: Merged,
    /// The conflict on screen.
    pub at: usize,
    /// For each conflict: what the version on disk did, and what I did.
    pub words: Vec<(Vec<String>, Vec<String>)>,
}

impl App {
    /// Puts the file of a register as just read from disk in its place and
    /// merges my unsaved edits onto it. Returns how many fields both sides
    /// changed (then being asked about). Nothing changes if the versions
    /// cannot be merged.
    pub fn reload_merging(
        &mut self,
        key: &RegisterKey,
        fresh: crate::store::Loaded<Register>,
    ) -> Result<usize, String> {
        let entry = self.ws.find(key).ok_or("no such register")?;
        let e = &self.ws.entries[entry];
        let (base, mine) = (e.saved().clone(), e.register().clone());
        let theirs = fresh.value.clone();
        let merged = merge::merge(&base, &theirs, &mine)?;
        let value = merged.register()?;
        self.ws.install(entry, fresh);
        self.forget_history_of(key);
        self.set_merged(entry, value, &theirs);
        let conflicts = merged.conflicts.len();
        if conflicts > 0 {
            let words = merged
                .conflicts
                .iter()
                .map(|c| {
                    (
                        self.side_words(entry, &base, c, Side::Theirs),
                        self.side_words(entry, &base, c, Side::Mine),
                    )
                })
                .collect();
            self.current = entry;
            self.modal = Modal::Merge(Box::new(Merging {
                entry,
                merged,
                at: 0,
                words,
            }));
        }
        Ok(conflicts)
    }

    /// Puts the merged value on screen; one undo step leads back to theirs.
    fn set_merged(&mut self, entry: usize, value: Register, theirs: &Register) {
        if self.ws.replace(entry, value).is_none() {
            return;
        }
        let e = &self.ws.entries[entry];
        let key = e.key();
        self.redo.retain(|(k, _)| *k != key);
        let has_step = self.undo.iter().any(|(k, _)| *k == key);
        if e.dirty && !has_step {
            self.undo.push((key, Earlier::Whole(theirs.clone())));
        }
    }

    /// Settles the conflict on screen with my value or theirs, then shows
    /// the next one, or says what the merge kept.
    pub(super) fn settle_conflict(&mut self, keep_mine: bool) {
        let Modal::Merge(m) = &mut self.modal else {
            return;
        };
        let side = if keep_mine { Side::Mine } else { Side::Theirs };
        if let Err(why) = m.merged.choose(m.at, side) {
            self.status = Some(Notice::Failed { why });
            return;
        }
        let entry = m.entry;
        let value = m.merged.register();
        m.at += 1;
        let done = m.at >= m.merged.conflicts.len();
        let theirs = self.ws.entries.get(entry).map(|e| e.saved().clone());
        if let (Ok(value), Some(theirs)) = (value, theirs) {
            self.set_merged(entry, value, &theirs);
        }
        if done {
            self.modal = Modal::None;
            self.status = Some(self.merged_status());
        }
    }

    /// What a reload with merge did, for the status line.
    pub fn merged_status(&self) -> Notice {
        Notice::Merged {
            unsaved: self.ws.entries.get(self.current).is_some_and(|e| e.dirty),
        }
    }

    /// One side's change of a conflict, in the words of a diff.
    fn side_words(&self, entry: usize, base: &Register, c: &Conflict, side: Side) -> Vec<String> {
        let described = merge::with_side(base, c, side)
            .map(|after| self.change_lines(entry, base, &after))
            .unwrap_or_default();
        if !described.is_empty() {
            return described;
        }
        let value = match side {
            Side::Mine => &c.mine,
            Side::Theirs => &c.theirs,
        };
        let shown = if value.is_null() {
            self.lang.pick("(ลบแล้ว)", "(deleted)").to_string()
        } else {
            value.to_string()
        };
        vec![format!("{}: {shown}", merge::path_text(&c.path))]
    }

    /// The changes from `before` to `after` of a register, one line each, as
    /// the Changes screen and `riskreg diff` say them.
    pub fn change_lines(&self, entry: usize, before: &Register, after: &Register) -> Vec<String> {
        self.change_list(entry, before, after)
            .iter()
            .map(|c| crate::audit::render::line(c, self.lang))
            .collect()
    }

    /// The unsaved edits of the register on screen: the saved value against
    /// the one on screen, always as they are now.
    pub fn unsaved_changes(&self) -> Vec<crate::audit::Change> {
        self.ws
            .entries
            .get(self.current)
            .map_or_else(Vec::new, |e| {
                self.change_list(self.current, e.saved(), e.register())
            })
    }

    /// The changes from `before` to `after` of a register, as the audit
    /// module finds them between commits.
    pub fn change_list(
        &self,
        entry: usize,
        before: &Register,
        after: &Register,
    ) -> Vec<crate::audit::Change> {
        let key = self
            .ws
            .entries
            .get(entry)
            .map(|e| e.loaded.path.display().to_string())
            .unwrap_or_default();
        let methods = self.ws.catalog.method_values();
        let snapshot = |reg: &Register| crate::audit::Snapshot {
            registers: [(key.clone(), Ok(reg.clone()))].into_iter().collect(),
            methods: methods.clone(),
        };
        crate::audit::diff(&snapshot(before), &snapshot(after))
    }
}
