//! Keys in the windows that take text or a choice (editing, search,
//! export, pick-lists), and committing what they hold.

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

    /// The form's field under the cursor, with what the form edits.
    fn field_under_cursor(&self) -> Option<(Field, Form)> {
        let field = *self.form_fields().get(self.editor.cursor)?;
        Some((field, self.editor.target.clone()?))
    }

    pub(crate) fn open_field(&mut self) {
        let Some((field, target)) = self.field_under_cursor() else {
            return;
        };
        if let Some(reason) = self.read_only() {
            self.status = Some(Notice::ReadOnly { reason });
            return;
        }
        let Some(ctx) = self.form_ctx() else { return };
        match form::kind(field, &ctx) {
            Kind::ReadOnly => self.status = Some(Notice::FieldReadOnly { field }),
            Kind::Text { multiline } => {
                let now = form::edit_text(field, &target, &ctx);
                let edit = if form::retyped(field) {
                    TextEdit::selected(&now)
                } else {
                    TextEdit::new(&now, multiline)
                };
                self.modal = Modal::Edit {
                    field,
                    edit,
                    error: None,
                };
            }
            Kind::Pick(options) => {
                let selected = form::picked(field, &target, &ctx);
                self.modal = Modal::Pick {
                    field,
                    options,
                    selected,
                    error: None,
                };
            }
        }
    }

    pub(super) fn commit_text(&mut self) -> Option<Effect> {
        if let Modal::Search(_) = self.modal {
            self.modal = Modal::None;
            return None;
        }
        if let Modal::Export { edit, error } = &mut self.modal {
            let path = std::path::PathBuf::from(edit.text().trim());
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if crate::report::Format::parse(ext).is_none() {
                *error = Some(format!(
                    "{} .txt .md .csv .json .html .xlsx",
                    self.lang
                        .pick("นามสกุลไฟล์บอกรูปแบบ:", "the extension names the format:")
                ));
                return None;
            }
            self.modal = Modal::None;
            return self.export(path);
        }
        let Modal::Edit { field, edit, .. } = &self.modal else {
            return None;
        };
        let (field, text) = (*field, edit.text().to_string());
        let target = self.editor.target.clone()?;
        // a new signature in the header is dated today unless a date is typed
        let today = (target == Form::Header)
            .then(|| crate::clock::today().ok())
            .flatten();
        match self.mutate(|reg, _, _| form::set_text(field, &target, reg, &text, today)) {
            Ok(()) => self.modal = Modal::None,
            // keep the typed text and say what is wrong, right where it is
            Err(e) => {
                let lang = self.lang;
                if let Modal::Edit { error, .. } = &mut self.modal {
                    *error = Some(e.text(lang));
                }
            }
        }
        None
    }

    pub(super) fn commit_pick(&mut self) -> Option<Effect> {
        let Modal::Pick {
            field, selected, ..
        } = &self.modal
        else {
            return None;
        };
        let (field, index) = (*field, *selected);
        let target = self.editor.target.clone()?;
        match self.mutate(|reg, method, approaches| {
            form::set_pick(field, &target, reg, method, approaches, index)
        }) {
            Ok(()) => self.modal = Modal::None,
            Err(e) => {
                let lang = self.lang;
                if let Modal::Pick { error, .. } = &mut self.modal {
                    *error = Some(e.text(lang));
                }
            }
        }
        None
    }

    pub(crate) fn step_pick(&mut self, forward: bool) {
        let Some((field, target)) = self.field_under_cursor() else {
            return;
        };
        let Some(ctx) = self.form_ctx() else { return };
        let Kind::Pick(options) = form::kind(field, &ctx) else {
            return;
        };
        let now = form::picked(field, &target, &ctx);
        let next = if forward {
            (now + 1).min(options.len().saturating_sub(1))
        } else {
            now.saturating_sub(1)
        };
        if let Err(e) = self.mutate(|reg, m, a| form::set_pick(field, &target, reg, m, a, next)) {
            self.status = Some(e);
        }
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
