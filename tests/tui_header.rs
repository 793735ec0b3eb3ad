//! The register's header in the editor: note, signatures, the approval.
//! The state driven by keys on a copy of the sample registers.

mod common;

use common::tui::*;
use crossterm::event::KeyCode;
use riskreg::model::Lang;
use riskreg::tui::app::{App, Modal, Notice, Screen};
use riskreg::tui::screens::editor;

#[test]
fn h_opens_the_header_whose_note_and_signatures_edit_with_undo_and_the_unsaved_mark() {
    use riskreg::tui::form::{Field, Form};
    let (_d, mut app) = english();
    open_fin(&mut app);
    let fin = app.current;
    ch(&mut app, 'H');
    assert_eq!(app.screen, Screen::Editor);
    assert_eq!(app.editor.target, Some(Form::Header));
    assert_eq!(app.form_fields()[app.editor.cursor], Field::Note);
    // the note takes several lines
    key(&mut app, KeyCode::Enter);
    assert!(matches!(&app.modal, Modal::Edit { edit, .. } if edit.multiline));
    typed(&mut app, "first");
    ctrl(&mut app, 'j');
    typed(&mut app, "second");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    assert_eq!(app.register_value().expect("reg").note, "first\nsecond");
    assert!(app.ws.entries[fin].dirty, "marked unsaved");
    // a date that does not read is refused in the window; nothing changes
    let before = app.register_value().expect("reg").prepared_by.clone();
    app.editor.cursor = field_at(&app, Field::PreparedDate);
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, "2567-13-01");
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(&app.modal, Modal::Edit { error: Some(e), .. } if e.contains("month 13")),
        "{:?}",
        app.modal
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.register_value().expect("reg").prepared_by, before);
    // a good one is taken
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, "2567-01-15");
    key(&mut app, KeyCode::Enter);
    let prepared = app.register_value().expect("reg").prepared_by.clone();
    assert_eq!(
        prepared.map(|s| s.date.to_string()),
        Some("2567-01-15".into())
    );
    // an emptied name is flagged in place by the validator
    app.editor.cursor = field_at(&app, Field::PreparedName);
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    key(&mut app, KeyCode::Enter);
    assert!(
        editor::findings(&app)
            .iter()
            .any(|f| f.path == "prepared_by.name" && f.message.to_string().contains("needs a name")),
        "{:?}",
        editor::findings(&app)
    );
    // emptying the reviewer's name and position removes the signature
    for f in [Field::ReviewedName, Field::ReviewedPosition] {
        app.editor.cursor = field_at(&app, f);
        key(&mut app, KeyCode::Enter);
        ctrl(&mut app, 'u');
        key(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.register_value().expect("reg").reviewed_by, None);
    // every step undoes, back to the saved file and no unsaved mark
    for _ in 0..6 {
        ch(&mut app, 'u');
    }
    assert_eq!(app.register_value().expect("reg").note, "");
    assert!(app.register_value().expect("reg").reviewed_by.is_some());
    assert!(!app.ws.entries[fin].dirty, "undone to the saved state");
    ctrl(&mut app, 'y');
    assert_eq!(app.register_value().expect("reg").note, "first\nsecond");
}

#[test]
fn the_approval_is_shown_with_its_state_and_never_edited_by_hand() {
    use riskreg::tui::form::{Field, header::approval_text};
    let (_d, mut app) = english();
    let mtg = open_mtg(&mut app);
    ch(&mut app, 'H');
    let state = |app: &App| approval_text(app.register_value().expect("reg"), Lang::En);
    assert!(state(&app).starts_with("✓ approved"), "{}", state(&app));
    let approval = app.register_value().expect("reg").approved_by.clone();
    // read-only fields open no edit window and say why
    for (field, why) in [
        (Field::Approval, "riskreg approve"),
        (Field::Method, "methodology is set"),
    ] {
        app.editor.cursor = field_at(&app, field);
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.modal, Modal::None, "{field:?} is read only");
        assert_eq!(app.status, Some(Notice::FieldReadOnly { field }));
        let said = app.status.as_ref().map(|n| n.text(app.lang));
        assert!(said.is_some_and(|s| s.contains(why)), "{field:?}");
    }
    // an edit of the header breaks the approval; undo restores it
    app.editor.cursor = field_at(&app, Field::Note);
    key(&mut app, KeyCode::Enter);
    typed(&mut app, " (ทบทวน)");
    key(&mut app, KeyCode::Enter);
    assert!(
        state(&app).starts_with("⚠ changed since approval"),
        "{}",
        state(&app)
    );
    assert_eq!(app.ws.entries[mtg].approval_mark(), '≠');
    assert_eq!(
        app.register_value().expect("reg").approved_by,
        approval,
        "the approval itself is untouched"
    );
    ch(&mut app, 'u');
    assert!(state(&app).starts_with("✓ approved"), "{}", state(&app));
}

#[test]
fn a_reviewer_typed_where_there_was_none_is_dated_today() {
    use riskreg::tui::form::Field;
    let (_d, mut app) = english();
    open_mtg(&mut app);
    assert_eq!(app.register_value().expect("reg").reviewed_by, None);
    ch(&mut app, 'H');
    app.editor.cursor = field_at(&app, Field::ReviewedName);
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "นางสาวสมศรี ใจดี");
    key(&mut app, KeyCode::Enter);
    let sig = app
        .register_value()
        .expect("reg")
        .reviewed_by
        .clone()
        .expect("a reviewer");
    assert_eq!(sig.name, "นางสาวสมศรี ใจดี");
    assert_eq!(sig.position, "");
    assert_eq!(Some(sig.date), riskreg::clock::today().ok());
}
