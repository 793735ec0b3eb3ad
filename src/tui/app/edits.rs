//! Every change to a register goes through `mutate`, which keeps the undo
//! history and the unsaved mark right; undo and redo; and how an edit is
//! reported on the status line. The edits themselves live with the screen
//! they are made on (`screens::*`).

use super::*;

impl App {
    /// Runs a change on `part` of the register on screen, keeping undo
    /// history and the unsaved mark right. On error nothing changes. The
    /// undo step keeps only `part`, so an edit of one risk among thousands
    /// costs that risk.
    pub fn mutate(
        &mut self,
        part: Part,
        change: impl FnOnce(
            &mut Register,
            Option<&Methodology>,
            &crate::model::ApproachList,
        ) -> Result<(), String>,
    ) -> Result<(), Notice> {
        if let Some(reason) = self.read_only() {
            return Err(Notice::ReadOnly { reason });
        }
        let edited = self.ws.edit(self.current, part, change);
        if let Some(before) = edited.map_err(|reason| Notice::Refused { reason })? {
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
            self.status = Some(Notice::NothingToUndo);
            return;
        };
        let Some(ix) = self.ws.find(&key) else {
            return;
        };
        if let Some(now) = self.ws.put_back(ix, value) {
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

    /// Says what an edit did, or why it was not made.
    pub(crate) fn report(&mut self, result: Result<(), Notice>, done: Notice) {
        self.status = Some(match result {
            Ok(()) => done,
            Err(e) => e,
        });
    }

    /// Reports an addition (or why it failed); true when it was made.
    pub(crate) fn report_added(&mut self, result: Result<(), Notice>, id: &str) -> bool {
        let ok = result.is_ok();
        self.report(result, Notice::Added { id: id.to_string() });
        ok
    }
}
