//! Every change to a register goes through `mutate`, which keeps the undo
//! history and the unsaved mark right; undo and redo; and how an edit is
//! reported on the status line. The edits themselves live with the screen
//! they are made on (`screens::*`).

use super::*;

impl App {
    /// Runs a change on the register on screen, keeping undo history and
    /// the unsaved mark right. On error nothing changes.
    pub fn mutate(
        &mut self,
        change: impl FnOnce(
            &mut Register,
            Option<&Methodology>,
            &crate::model::ApproachList,
        ) -> Result<(), String>,
    ) -> Result<(), String> {
        if let Some(why) = self.read_only() {
            return Err(why);
        }
        if let Some(before) = self.ws.edit(self.current, change)? {
            let key = self.ws.entries[self.current].key();
            self.undo.push((key, before));
            self.redo.clear();
        }
        Ok(())
    }

    pub(super) fn restore(&mut self, from_undo: bool) {
        let (stack, other) = if from_undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some((key, value)) = stack.pop() else {
            self.status = Some(self.lang.pick("ไม่มีอะไรให้ย้อน", "nothing to undo").into());
            return;
        };
        let Some(ix) = self.ws.find(&key) else {
            return;
        };
        if let Some(now) = self.ws.replace(ix, value) {
            other.push((key, now));
        }
        self.current = ix;
    }

    /// Forgets all undo history (another fiscal year was loaded).
    pub fn forget_history(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Forgets the undo history of one register: its steps hold whole
    /// versions from before a reload, and undoing to one would put back,
    /// wholesale, a file the version on disk has since replaced.
    pub fn forget_history_of(&mut self, register: &RegisterKey) {
        self.undo.retain(|(k, _)| k != register);
        self.redo.retain(|(k, _)| k != register);
    }

    pub(crate) fn report(&mut self, result: Result<(), String>, done: String) {
        self.status = Some(match result {
            Ok(()) => done,
            Err(e) => e,
        });
    }

    /// Reports an addition (or why it failed); true when it was made.
    pub(crate) fn report_added(&mut self, result: Result<(), String>, id: &str) -> bool {
        let ok = result.is_ok();
        let done = format!("{} {id}", self.lang.pick("เพิ่มแล้ว:", "added:"));
        self.report(result, done);
        ok
    }

    pub(crate) fn deleted(&self, id: &str) -> String {
        format!(
            "{} {id} — {}",
            self.lang.pick("ลบแล้ว:", "deleted:"),
            self.lang.pick("กด u เพื่อเลิกทำ", "u undoes it")
        )
    }
}
