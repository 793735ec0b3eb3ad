//! Keys in the windows that take text or a choice (editing, search,
//! export, pick-lists), routed to what they do: typing into the text box,
//! or the action of the key table's text and pick scopes. Setting a field
//! is the editor's (`screens::editor::field`), exporting the summary's.

use super::*;
use crate::tui::keymap::TextKey;

impl App {
    /// A key press: text entry in editing modals, otherwise the key map.
    pub fn on_key(&mut self, key: KeyEvent) -> Option<Effect> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        if self.too_small() {
            return self.on_key_too_small(key);
        }
        match &mut self.modal {
            Modal::Help => {
                self.modal = Modal::None;
                return None;
            }
            Modal::Edit { .. } | Modal::Search(_) | Modal::Export { .. } => {
                return self.on_text_key(key);
            }
            Modal::Pick { .. } => return self.on_pick_key(key),
            Modal::CommitMessage { .. } => {
                return crate::tui::screens::commit::on_message_key(self, key);
            }
            _ => {}
        }
        let action = self.keymap.lookup(self.scope(), Key::from_event(&key))?;
        self.update(action)
    }

    /// A bracketed paste: text for the text field that is open, never keys.
    /// A multi-line field keeps the line breaks; a single-line one (and the
    /// search and export boxes) gets a space for each. Anywhere else the
    /// paste is dropped with a word, so pasted text can never run commands.
    pub fn paste(&mut self, text: &str) {
        if self.too_small() {
            return;
        }
        let edit = match &mut self.modal {
            Modal::Edit { edit, .. }
            | Modal::Search(edit)
            | Modal::Export { edit, .. }
            | Modal::CommitMessage { edit, .. } => edit,
            _ => {
                self.status = Some(Notice::PasteIgnored);
                return;
            }
        };
        edit.insert_str(&pasted_text(text, edit.multiline));
        if let Modal::Search(edit) = &self.modal {
            self.register.query = edit.text().to_string();
            self.register.selected = 0;
        }
    }

    /// While the screen shows only "terminal too small", the one thing a
    /// key may do is quit (asking first when there are unsaved changes,
    /// and the question is shown in place of the message).
    fn on_key_too_small(&mut self, key: KeyEvent) -> Option<Effect> {
        let action = self.keymap.lookup(self.scope(), Key::from_event(&key))?;
        match (action, &self.modal) {
            (Action::Quit, _) | (Action::Yes | Action::No, Modal::ConfirmQuit) => {
                self.update(action)
            }
            _ => None,
        }
    }

    pub(super) fn on_text_key(&mut self, key: KeyEvent) -> Option<Effect> {
        let edit = match &mut self.modal {
            Modal::Edit { edit, .. } | Modal::Search(edit) => edit,
            Modal::Export { edit, .. } => {
                let action = match self
                    .keymap
                    .text_key(Scope::ExportPath, Key::from_event(&key))
                {
                    TextKey::Act(action) => action,
                    TextKey::Type(c) => {
                        edit.insert(c);
                        return None;
                    }
                    TextKey::Ignore => return None,
                };
                return match action {
                    Action::Export => self.commit_text(),
                    Action::Cancel => {
                        self.modal = Modal::None;
                        None
                    }
                    other => {
                        edit.apply(other);
                        None
                    }
                };
            }
            _ => return None,
        };
        match self.keymap.text_key(edit.scope(), Key::from_event(&key)) {
            TextKey::Act(Action::Cancel) => {
                if let Modal::Search(_) = self.modal {
                    self.register.query.clear();
                }
                self.modal = Modal::None;
            }
            TextKey::Act(Action::Confirm) => return self.commit_text(),
            TextKey::Act(action) => {
                edit.apply(action);
            }
            TextKey::Type(c) => edit.insert(c),
            TextKey::Ignore => {}
        }
        if let Modal::Search(edit) = &self.modal {
            // the table follows the search as it is typed
            self.register.query = edit.text().to_string();
            self.register.selected = 0;
        }
        None
    }

    pub(super) fn on_pick_key(&mut self, key: KeyEvent) -> Option<Effect> {
        let Modal::Pick {
            options, selected, ..
        } = &mut self.modal
        else {
            return None;
        };
        let (action, nth) = self.keymap.lookup_nth(Scope::Pick, Key::from_event(&key))?;
        match action {
            Action::Cancel => self.modal = Modal::None,
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(options.len().saturating_sub(1)),
            Action::PickNumber if nth < options.len() => {
                *selected = nth;
                return self.commit_pick();
            }
            Action::Confirm => return self.commit_pick(),
            _ => {}
        }
        None
    }

    /// Confirms the text window on top: a search stays as typed, an export
    /// path is checked and exported to, a field is set.
    fn commit_text(&mut self) -> Option<Effect> {
        match self.modal {
            Modal::Search(_) => self.modal = Modal::None,
            Modal::Export { .. } => return screens::summary::commit_export(self),
            Modal::Edit { .. } => screens::editor::field::commit_text(self),
            _ => {}
        }
        None
    }

    fn commit_pick(&mut self) -> Option<Effect> {
        screens::editor::field::commit_pick(self);
        None
    }
}

/// Pasted text as a field takes it: line breaks of any convention become
/// `\n` (multi-line) or a space (single line), a trailing one is dropped,
/// tabs become spaces and other control characters are left out.
pub fn pasted_text(text: &str, multiline: bool) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = unified.trim_end_matches('\n');
    trimmed
        .chars()
        .filter_map(|c| match c {
            '\n' if multiline => Some('\n'),
            '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::pasted_text;

    #[test]
    fn pasted_line_breaks_follow_the_field() {
        let two = "บรรทัดแรก\r\nบรรทัดที่สอง\n";
        assert_eq!(pasted_text(two, true), "บรรทัดแรก\nบรรทัดที่สอง");
        assert_eq!(pasted_text(two, false), "บรรทัดแรก บรรทัดที่สอง");
        assert_eq!(pasted_text("a\tb\u{1b}[2Jc", false), "a b[2Jc");
    }
}
