//! The register screen: search, sort, band and matrix-cell filters, the
//! detail pane, signing as preparer.
//! The state driven by keys on a copy of the sample registers.

mod common;

use common::tui::*;
use crossterm::event::KeyCode;
use riskreg::model::Lang;
use riskreg::tui::app::{Modal, Notice, Screen};
use riskreg::tui::screens::register;
use riskreg::tui::settings::Settings;

#[test]
fn register_search_in_thai_and_english_then_escape_clears() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    assert_eq!(register::visible_risks(&app).len(), 3);
    ch(&mut app, '/');
    typed(&mut app, "ทรัพย์สิน");
    assert!(matches!(app.modal, Modal::Search(_)));
    assert_eq!(
        register::visible_risks(&app),
        vec![1],
        "Thai text of FIN-R2"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    assert_eq!(app.register.query, "ทรัพย์สิน", "the search stays after Enter");
    ch(&mut app, '/');
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        register::visible_risks(&app).len(),
        3,
        "Esc drops the search"
    );
    // English: the category's English label
    ch(&mut app, '/');
    typed(&mut app, "STATE ASSETS");
    assert_eq!(register::visible_risks(&app), vec![1]);
    // Backspace edits the search by whole characters
    for _ in 0..12 {
        key(&mut app, KeyCode::Backspace);
    }
    assert_eq!(register::visible_risks(&app).len(), 3);
}

#[test]
fn register_sort_filter_and_clear() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 's'); // process
    let reg = app.register_value().expect("reg").clone();
    let names: Vec<&str> = register::visible_risks(&app)
        .iter()
        .map(|&i| reg.risks[i].process.as_str())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    ch(&mut app, 'S');
    let reversed: Vec<&str> = register::visible_risks(&app)
        .iter()
        .map(|&i| reg.risks[i].process.as_str())
        .collect();
    sorted.reverse();
    assert_eq!(reversed, sorted);
    // band filter: first band of the methodology (low) — FIN has no low risk
    ch(&mut app, 'f');
    assert!(app.register.band.is_some());
    assert!(register::visible_risks(&app).is_empty());
    ch(&mut app, 'f');
    assert_eq!(register::visible_risks(&app).len(), 1, "one medium risk");
    ch(&mut app, 'c');
    assert_eq!(app.register.band, None);
    assert_eq!(register::visible_risks(&app).len(), 3);
}

#[test]
fn matrix_cell_filters_the_register_and_toggles_residual() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'm');
    assert_eq!(app.screen, Screen::Matrix);
    // the cursor starts on FIN-R1's cell: likelihood 3 × impact 4
    assert_eq!((app.matrix.l, app.matrix.i), (3, 4));
    key(&mut app, KeyCode::Up);
    ch(&mut app, 'h');
    assert_eq!((app.matrix.l, app.matrix.i), (4, 3));
    ch(&mut app, 'j');
    key(&mut app, KeyCode::Right);
    assert_eq!((app.matrix.l, app.matrix.i), (3, 4));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Register);
    assert_eq!(register::visible_risks(&app), vec![0]);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Matrix);
    ch(&mut app, 't');
    assert!(app.matrix.residual);
    key(&mut app, KeyCode::Enter);
    // no risk has residual 3×4; the register shows none
    assert!(register::visible_risks(&app).is_empty());
}

#[test]
fn tab_moves_the_keys_between_the_table_and_the_detail_pane() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Tab);
    assert!(app.register.detail_focus);
    ch(&mut app, 'j');
    ch(&mut app, 'j');
    assert_eq!(app.register.detail_scroll, 2, "the detail scrolls");
    assert_eq!(app.register.selected, 0, "the table stays");
    key(&mut app, KeyCode::Esc);
    assert!(
        !app.register.detail_focus,
        "Esc gives the keys back to the table"
    );
    assert_eq!(app.screen, Screen::Register);
    ch(&mut app, 'j');
    assert_eq!(app.register.selected, 1);
    assert_eq!(
        app.register.detail_scroll, 0,
        "a new risk shows from its top"
    );
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::BackTab);
    assert!(!app.register.detail_focus);
}

#[test]
fn p_signs_the_register_as_prepared_by_the_settings_name() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'p');
    assert_eq!(app.status, Some(Notice::NameFirst), "asks for a name first");
    assert!(!app.ws.any_dirty());

    let (_d, mut app) = app_with(Settings {
        lang: Some(Lang::En),
        name: "นางสาวทดสอบ ระบบดี".into(),
        ..Settings::default()
    });
    open_fin(&mut app);
    let position = app
        .register_value()
        .and_then(|r| r.prepared_by.clone())
        .map(|s| s.position);
    ch(&mut app, 'p');
    let sig = app
        .register_value()
        .and_then(|r| r.prepared_by.clone())
        .expect("signed");
    assert_eq!(sig.name, "นางสาวทดสอบ ระบบดี");
    assert_eq!(Some(sig.position), position, "the position is kept");
    assert!(
        sig.date.year_be() >= 2568,
        "today, in the Buddhist era: {}",
        sig.date
    );
    ctrl(&mut app, 'z');
    assert!(!app.ws.any_dirty());
}
