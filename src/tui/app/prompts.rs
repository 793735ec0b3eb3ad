//! The answers to the prompts over the screen: quit with unsaved changes,
//! delete an indicator that has results, the conflict of a save (reload and
//! merge, save mine as a copy, or cancel) and the merge's field-by-field
//! choice. A prompt takes the action before the screen does.

use super::*;

impl App {
    /// Answers the quit, delete or merge prompt with the action; true when
    /// one was on screen and took it.
    pub(super) fn answer(&mut self, action: Action) -> bool {
        match (action, &self.modal) {
            (Action::Yes, Modal::ConfirmQuit) => self.quit = true,
            (Action::No, Modal::ConfirmQuit) => self.modal = Modal::None,
            (Action::Yes | Action::No, Modal::ConfirmDeleteIndicator { .. }) => {
                let modal = std::mem::replace(&mut self.modal, Modal::None);
                if let (
                    Action::Yes,
                    Modal::ConfirmDeleteIndicator {
                        risk,
                        measure,
                        indicator,
                        ..
                    },
                ) = (action, modal)
                {
                    screens::editor::delete_indicator(self, risk, measure, indicator);
                }
            }
            (Action::KeepMine | Action::TakeTheirs, _) => {
                self.settle_conflict(action == Action::KeepMine)
            }
            _ => return false,
        }
        true
    }

    /// With the conflict prompt on screen, every action is its answer: the
    /// I/O it asks for, if any. `None` when no conflict is asked about.
    pub(super) fn answer_conflict(&mut self, action: Action) -> Option<Option<Effect>> {
        let Modal::Conflict(key) = &self.modal else {
            return None;
        };
        let key = key.clone();
        Some(match action {
            Action::Reload => {
                self.modal = Modal::None;
                Some(Effect::Reread(key))
            }
            Action::SaveCopy => {
                self.modal = Modal::None;
                Some(Effect::SaveCopy(key))
            }
            Action::Back => {
                self.modal = Modal::None;
                self.status = Some(Notice::SaveCancelled);
                None
            }
            _ => None,
        })
    }
}
