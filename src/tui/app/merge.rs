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
    /// Reloads `entry` from disk and merges my unsaved edits onto it. Returns
    /// how many fields both sides changed (then being asked about). Nothing
    /// changes if the file cannot be read or the versions cannot be merged.
    pub fn reload_merging(&mut self, entry: usize) -> Result<usize, String> {
        let e = self.ws.entries.get(entry).ok_or("no such register")?;
        let (base, mine) = (e.saved.clone(), e.register().clone());
        let fresh = crate::store::load_register(&e.loaded.path).map_err(|e| e.to_string())?;
        let theirs = fresh.value.clone();
        let merged = merge::merge(&base, &theirs, &mine)?;
        let value = merged.register()?;
        self.ws.install(entry, fresh);
        self.forget_history_of(entry);
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

    /// Reloads `entry` from disk and forgets its undo history: my version
    /// was just written to a copy, so nothing of it may come back over theirs.
    pub fn reload_dropping_mine(&mut self, entry: usize) -> Result<(), String> {
        self.ws.reload(entry).map_err(|e| e.to_string())?;
        self.forget_history_of(entry);
        Ok(())
    }

    /// Puts the merged value on screen; one undo step leads back to theirs.
    fn set_merged(&mut self, entry: usize, value: Register, theirs: &Register) {
        let Some(e) = self.ws.entries.get_mut(entry) else {
            return;
        };
        e.loaded.value = value;
        e.touched();
        self.ws.generation += 1;
        self.redo.retain(|(ix, _)| *ix != entry);
        let has_step = self.undo.iter().any(|(ix, _)| *ix == entry);
        if e.dirty && !has_step {
            self.undo.push((entry, theirs.clone()));
        }
    }

    /// Settles the conflict on screen with my value or theirs, then shows
    /// the next one, or says what the merge kept.
    pub(super) fn settle_conflict(&mut self, keep_mine: bool) {
        let Modal::Merge(m) = &mut self.modal else {
            return;
        };
        let side = if keep_mine { Side::Mine } else { Side::Theirs };
        if let Err(e) = m.merged.choose(m.at, side) {
            self.status = Some(e);
            return;
        }
        let entry = m.entry;
        let value = m.merged.register();
        m.at += 1;
        let done = m.at >= m.merged.conflicts.len();
        let theirs = self.ws.entries.get(entry).map(|e| e.saved.clone());
        if let (Ok(value), Some(theirs)) = (value, theirs) {
            self.set_merged(entry, value, &theirs);
        }
        if done {
            self.modal = Modal::None;
            self.status = Some(self.merged_status());
        }
    }

    /// What a reload with merge did, for the status line.
    pub fn merged_status(&self) -> String {
        let dirty = self.ws.entries.get(self.current).is_some_and(|e| e.dirty);
        if dirty {
            self.lang
                .pick(
                    "โหลดฉบับบนดิสก์และรวมการแก้ไขที่ยังไม่บันทึกของคุณแล้ว (u ย้อนไปฉบับบนดิสก์ · Ctrl-S บันทึก)",
                    "loaded the version on disk and merged your unsaved edits into it (u goes back to the version on disk, Ctrl-S saves)",
                )
                .into()
        } else {
            self.lang
                .pick(
                    "โหลดฉบับบนดิสก์แล้ว ไม่มีการแก้ไขของคุณที่ต่างจากฉบับนั้น",
                    "loaded the version on disk; none of your edits differ from it",
                )
                .into()
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
            .iter()
            .map(|c| crate::audit::render::one_line(c, self.lang))
            .collect()
    }
}
