//! Editing the field under the editor's cursor: opening its window (a text
//! box or a pick-list, or a word on why it is not edited here), setting what
//! the window holds when it is confirmed, and stepping a pick-list in place
//! with Left/Right. What each field is and how a value is checked and set is
//! declared in `form`; this is the app's side of it (the window, undo, the
//! notice).

use crate::tui::app::{App, Modal, Notice};
use crate::tui::form::{self, Field, Form, Kind};
use crate::tui::textedit::TextEdit;

/// The form's field under the cursor, with what the form edits.
fn under_cursor(app: &App) -> Option<(Field, Form)> {
    let field = *app.form_fields().get(app.editor.cursor)?;
    Some((field, app.editor.target.clone()?))
}

/// Opens the field under the cursor in the window its kind takes.
pub(crate) fn open(app: &mut App) {
    let Some((field, target)) = under_cursor(app) else {
        return;
    };
    if let Some(reason) = app.read_only() {
        app.status = Some(Notice::ReadOnly { reason });
        return;
    }
    let Some(ctx) = app.form_ctx() else { return };
    let modal = match form::kind(field, &ctx) {
        Kind::ReadOnly => {
            app.status = Some(Notice::FieldReadOnly { field });
            return;
        }
        Kind::Text { multiline } => {
            let now = form::edit_text(field, &target, &ctx);
            let edit = if form::retyped(field) {
                TextEdit::selected(&now)
            } else {
                TextEdit::new(&now, multiline)
            };
            Modal::Edit {
                field,
                edit,
                error: None,
            }
        }
        Kind::Pick(options) => Modal::Pick {
            field,
            selected: form::picked(field, &target, &ctx),
            options,
            error: None,
        },
    };
    app.modal = modal;
}

/// Sets the field to the text typed in its window and closes it; a value
/// the field refuses keeps the window open with the reason in it.
pub(crate) fn commit_text(app: &mut App) {
    let Modal::Edit { field, edit, .. } = &app.modal else {
        return;
    };
    let (field, text) = (*field, edit.text().to_string());
    let Some(target) = app.editor.target.clone() else {
        return;
    };
    // a new signature in the header is dated today unless a date is typed
    let today = (target == Form::Header)
        .then(|| crate::clock::today().ok())
        .flatten();
    // the reason for a refusal, in the interface's language
    let lang = app.lang;
    let result = app.mutate(target.part(), |reg, _, _| {
        form::set_text(field, &target, reg, &text, today).map_err(|e| e.text(lang))
    });
    settle(app, result);
}

/// Sets the field to the option chosen in the pick-list and closes it.
pub(crate) fn commit_pick(app: &mut App) {
    let Modal::Pick {
        field, selected, ..
    } = &app.modal
    else {
        return;
    };
    let (field, index) = (*field, *selected);
    let Some(target) = app.editor.target.clone() else {
        return;
    };
    let result = app.mutate(target.part(), |reg, method, approaches| {
        form::set_pick(field, &target, reg, method, approaches, index)
    });
    settle(app, result);
}

/// Closes the window after a set value, or keeps it open with the typed
/// text or choice and says what is wrong, right where it is.
fn settle(app: &mut App, result: Result<(), Notice>) {
    let lang = app.lang;
    match (result, &mut app.modal) {
        (Ok(()), _) => app.modal = Modal::None,
        (Err(e), Modal::Edit { error, .. } | Modal::Pick { error, .. }) => {
            *error = Some(e.text(lang))
        }
        (Err(_), _) => {}
    }
}

/// Steps the pick-list field under the cursor to its next (or previous)
/// option without opening it.
pub(crate) fn step_pick(app: &mut App, forward: bool) {
    let Some((field, target)) = under_cursor(app) else {
        return;
    };
    let Some(ctx) = app.form_ctx() else { return };
    let Kind::Pick(options) = form::kind(field, &ctx) else {
        return;
    };
    let now = form::picked(field, &target, &ctx);
    let next = if forward {
        (now + 1).min(options.len().saturating_sub(1))
    } else {
        now.saturating_sub(1)
    };
    if let Err(e) = app.mutate(target.part(), |reg, m, a| {
        form::set_pick(field, &target, reg, m, a, next)
    }) {
        app.status = Some(e);
    }
}
