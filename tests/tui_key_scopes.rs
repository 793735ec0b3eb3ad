//! The one key table covers the text boxes and pick-lists too: their keys
//! are looked up there, their hints are made from it, and the settings
//! override keys per scope, refusing an override that clashes.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use riskreg::model::Lang;
use riskreg::tui::action::Action;
use riskreg::tui::app::{App, Modal, Screen};
use riskreg::tui::keymap::{Key, Keymap, Scope, TextKey};
use riskreg::tui::settings::Settings;
use riskreg::tui::theme::Theme;
use std::collections::BTreeMap;

fn overrides(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(a, k)| (a.to_string(), k.to_string()))
        .collect()
}

fn map_with(pairs: &[(&str, &str)]) -> (Keymap, Vec<String>) {
    Keymap::with_overrides(&overrides(pairs))
}

/// The sample registers in English with these key overrides.
fn open_with_keys(pairs: &[(&str, &str)]) -> (tempfile::TempDir, App) {
    let (dir, root) = common::sample_workspace();
    let settings = Settings {
        lang: Some(Lang::En),
        keys: overrides(pairs),
        ..Settings::default()
    };
    let app = App::open(&root, settings, Theme::mono()).expect("samples open");
    (dir, app)
}

/// The same, on the FIN register.
fn fin_with_keys(pairs: &[(&str, &str)]) -> (tempfile::TempDir, App) {
    let (dir, mut app) = open_with_keys(pairs);
    common::select_bureau(&mut app, "FIN");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.screen, Screen::Register);
    (dir, app)
}

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    riskreg::tui::press(app, KeyEvent::new(code, mods));
}

/// The screen as text rows, drawn at 80×24 as the terminal would show it.
fn screen_rows(app: &App) -> Vec<String> {
    use ratatui::{Terminal, backend::TestBackend};
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| riskreg::tui::view::draw(f, app))
        .expect("draw");
    let buf = terminal.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn a_remap_of_back_in_one_scope_leaves_esc_in_the_conflict_prompt() {
    let (map, problems) = map_with(&[("Register.Back", "b")]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        map.lookup(Scope::Register, Key::ch('b')),
        Some(Action::Back)
    );
    assert_eq!(map.lookup(Scope::Register, Key::ch('h')), None);
    let esc = Key::plain(KeyCode::Esc);
    assert_eq!(map.lookup(Scope::Conflict, esc), Some(Action::Back));
    assert_eq!(map.lookup(Scope::Conflict, Key::ch('b')), None);
    assert_eq!(map.lookup(Scope::Global, esc), Some(Action::Back));
    // the old syntax still means every screen and prompt that has the action
    let (map, problems) = map_with(&[("Back", "b")]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        map.lookup(Scope::Conflict, Key::ch('b')),
        Some(Action::Back)
    );
    assert_eq!(map.lookup(Scope::Conflict, esc), None);
    // and never reaches into the text boxes, whose Esc is Cancel
    assert_eq!(map.lookup(Scope::Text, esc), Some(Action::Cancel));
}

#[test]
fn several_keys_replace_an_action_s_keys_in_its_scope() {
    let (map, problems) = map_with(&[("Conflict.Back", "esc q")]);
    assert!(problems.is_empty(), "{problems:?}");
    let back = map
        .bindings(Scope::Conflict)
        .iter()
        .find(|b| b.action == Action::Back)
        .expect("back");
    assert_eq!(back.keys, vec![Key::plain(KeyCode::Esc), Key::ch('q')]);
}

#[test]
fn the_edit_window_hint_shows_the_keys_in_force() {
    let (_d, mut app) = fin_with_keys(&[("Text.Confirm", "ctrl-o"), ("Text.ClearText", "ctrl-k")]);
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.screen, Screen::Editor);
    // the process: a one-line text field
    app.editor.cursor = app
        .form_fields()
        .iter()
        .position(|f| *f == riskreg::tui::form::Field::Process)
        .expect("process");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(matches!(app.modal, Modal::Edit { .. }), "{:?}", app.modal);
    let rows = screen_rows(&app);
    assert!(
        rows.iter()
            .any(|r| r.contains("Ctrl-O ok · Ctrl-K clear · Esc cancel")),
        "{rows:#?}"
    );
    // Enter is no longer ok here; Ctrl-K clears, Ctrl-O accepts
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(matches!(app.modal, Modal::Edit { .. }));
    press(&mut app, KeyCode::Char('k'), KeyModifiers::CONTROL);
    for c in "ใหม่".chars() {
        press(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
    }
    press(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert_eq!(app.modal, Modal::None);
    assert_eq!(
        app.register_value().map(|r| r.risks[0].process.clone()),
        Some("ใหม่".to_string())
    );
}

#[test]
fn a_clash_inside_a_scope_is_reported_and_the_defaults_stay() {
    let (map, problems) = map_with(&[("Register.Sort", "a")]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("a is already AddRisk in Register"),
        "{problems:?}"
    );
    assert_eq!(
        map.lookup(Scope::Register, Key::ch('s')),
        Some(Action::Sort)
    );
    assert_eq!(
        map.lookup(Scope::Register, Key::ch('a')),
        Some(Action::AddRisk)
    );
    // a plain character in a text box could no longer be typed
    let (map, problems) = map_with(&[("Text.Cancel", "x")]);
    assert!(
        problems.iter().any(|p| p.contains("typed in Text")),
        "{problems:?}"
    );
    assert_eq!(map.text_key(Scope::Text, Key::ch('x')), TextKey::Type('x'));
    // a screen key over a global one is the rule, not a clash
    let (_, problems) = map_with(&[("Green", "1")]);
    assert!(problems.is_empty(), "{problems:?}");
    // and the problems reach the status line, in the interface's language
    let (_d, app) = open_with_keys(&[("Register.Sort", "a")]);
    let said = app
        .status
        .as_ref()
        .map(|n| (n.text(Lang::En), n.text(Lang::Th)));
    assert!(
        said.as_ref()
            .is_some_and(|(en, th)| en.contains("a is already AddRisk in Register")
                && th.contains("a เป็นปุ่มของ AddRisk ใน Register อยู่แล้ว")),
        "{said:?}"
    );
}

#[test]
fn unknown_scopes_actions_and_keys_are_named() {
    let (_, problems) = map_with(&[
        ("Nowhere.Back", "b"),
        ("Register.Confirm", "b"),
        ("Confirm", "ctrl-o"),
        ("Save", "ctrl-"),
    ]);
    let all = problems.join("\n");
    assert!(all.contains("unknown scope \"Nowhere\""), "{all}");
    assert!(all.contains("Register has no Confirm"), "{all}");
    assert!(all.contains("\"Text.Confirm\""), "{all}");
    assert!(all.contains("cannot read key \"ctrl-\""), "{all}");
}

#[test]
fn the_default_table_has_no_clash_in_any_scope() {
    let map = Keymap::default();
    for scope in Scope::all() {
        let bindings = map.bindings(scope);
        for (i, a) in bindings.iter().enumerate() {
            for b in &bindings[i + 1..] {
                let shared: Vec<&Key> = a.keys.iter().filter(|k| b.keys.contains(k)).collect();
                assert!(
                    shared.is_empty() || a.action == b.action,
                    "{scope:?}: {shared:?} are {:?} and {:?}",
                    a.action,
                    b.action
                );
            }
        }
    }
}

#[test]
fn thai_typed_in_a_text_box_is_text_and_a_command_elsewhere() {
    let map = Keymap::default();
    // ๆ sits on q, ๅ on 1 of the Kedmanee layout
    assert_eq!(
        map.lookup(Scope::Register, Key::ch('ๆ')),
        Some(Action::Quit)
    );
    for scope in [
        Scope::Text,
        Scope::TextMultiline,
        Scope::Retype,
        Scope::ExportPath,
    ] {
        assert_eq!(map.lookup(scope, Key::ch('ๆ')), None, "{scope:?}");
        assert_eq!(map.text_key(scope, Key::ch('ๆ')), TextKey::Type('ๆ'));
    }
    assert_eq!(
        map.lookup_nth(Scope::Pick, Key::ch('ๅ')),
        Some((Action::PickNumber, 0))
    );
}

#[test]
fn a_digit_picks_its_option_and_a_remapped_row_does_too() {
    let (_d, mut app) = fin_with_keys(&[("Pick.PickNumber", "a s d f g")]);
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let likelihood = app
        .form_fields()
        .iter()
        .position(|f| *f == riskreg::tui::form::Field::InherentL)
        .expect("likelihood");
    app.editor.cursor = likelihood;
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(matches!(app.modal, Modal::Pick { .. }));
    press(&mut app, KeyCode::Char('s'), KeyModifiers::NONE);
    assert_eq!(app.modal, Modal::None);
    assert_eq!(
        app.register_value().map(|r| r.risks[0].inherent.likelihood),
        Some(2)
    );
}
