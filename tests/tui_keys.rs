//! Keys: the help is the key map, settings rebind keys, the language
//! toggles, the Thai keyboard layout works by place.
//! The state driven by keys on a copy of the sample registers.

mod common;

use common::tui::*;
use crossterm::event::KeyCode;
use riskreg::model::Lang;
use riskreg::tui::app::{App, Modal, Screen};
use riskreg::tui::keymap::{Keymap, Scope, keys_text};
use riskreg::tui::settings::Settings;
use std::collections::BTreeMap;

#[test]
fn help_opens_on_question_mark_and_any_key_closes_it() {
    let (_d, mut app) = english();
    ch(&mut app, '?');
    assert_eq!(app.modal, Modal::Help);
    ch(&mut app, 'x');
    assert_eq!(app.modal, Modal::None);
    assert_eq!(app.screen, Screen::Overview);
}

#[test]
fn every_screen_key_in_the_help_does_what_the_help_says() {
    let map = Keymap::default();
    for scope in Scope::SCREENS {
        for binding in map.help(scope) {
            for k in &binding.keys {
                assert_eq!(
                    map.lookup(scope, *k),
                    Some(binding.action),
                    "{scope:?}: {} is listed for {:?}",
                    keys_text(&binding),
                    binding.action
                );
            }
        }
    }
}

#[test]
fn settings_can_rebind_a_key() {
    let mut keys = BTreeMap::new();
    keys.insert("Save".to_string(), "ctrl-w".to_string());
    let (_d, mut app) = app_with(Settings {
        lang: Some(Lang::En),
        keys,
        ..Settings::default()
    });
    open_fin(&mut app);
    ch(&mut app, 'o');
    ch(&mut app, 'r');
    ctrl(&mut app, 's');
    assert!(app.ws.any_dirty(), "Ctrl-S no longer saves");
    ctrl(&mut app, 'w');
    assert!(!app.ws.any_dirty(), "Ctrl-W saves");
}

#[test]
fn language_toggles_between_thai_and_english() {
    let (_d, mut app) = english();
    assert_eq!(app.lang, Lang::En);
    ch(&mut app, 'L');
    assert_eq!(app.lang, Lang::Th);
}

/// The rows of the drawn help box, as text (SARA AM as the screen writes it).
fn help_box_rows(app: &App) -> Vec<String> {
    use ratatui::{Terminal, backend::TestBackend};
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|f| riskreg::tui::view::draw(f, app))
        .expect("draw");
    let buf = terminal.backend().buffer().clone();
    let cell = |x: u16, y: u16| buf[(x, y)].symbol().to_string();
    let row_text = |y: u16| -> String { (0..buf.area.width).map(|x| cell(x, y)).collect() };
    let top = (0..buf.area.height)
        .find(|&y| {
            let r = row_text(y);
            r.contains("┌ Help") || r.contains("┌ วิธีใช้")
        })
        .expect("the help box is drawn");
    // the corner that starts the help's title, not another box's
    let left = (0..buf.area.width.saturating_sub(2))
        .find(|&x| {
            cell(x, top) == "┌" && (cell(x + 2, top) == "H" || cell(x + 2, top).starts_with('ว'))
        })
        .expect("left corner");
    let right = (left..buf.area.width)
        .find(|&x| cell(x, top) == "┐")
        .expect("right corner");
    let rows: Vec<u16> = ((top + 1)..buf.area.height)
        .take_while(|&y| cell(left, y) != "└")
        .collect();
    // a help too long for one column fills the width in two, read left then right
    let columns: u16 = if right - left + 1 == buf.area.width {
        2
    } else {
        1
    };
    let width = (right - left - 1) / columns;
    (0..columns)
        .flat_map(|c| {
            let from = left + 1 + c * width;
            rows.iter()
                .map(|&y| {
                    (from..from + width)
                        .map(|x| cell(x, y))
                        .collect::<String>()
                        .trim_end()
                        .to_string()
                })
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_help_overlay_lists_exactly_the_key_map_of_each_screen() {
    for lang in [Lang::En, Lang::Th] {
        let (_d, mut app) = app_with(Settings {
            lang: Some(lang),
            ..Settings::default()
        });
        open_fin(&mut app);
        for (screen, go) in [
            (Screen::Register, None),
            (Screen::Monitoring, Some('3')),
            (Screen::Matrix, Some('4')),
            (Screen::Summary, Some('5')),
            (Screen::Editor, None),
            (Screen::Overview, Some('1')),
        ] {
            match go {
                Some(c) => ch(&mut app, c),
                None if screen == Screen::Editor => {
                    ch(&mut app, '2');
                    key(&mut app, KeyCode::Enter);
                }
                None => {}
            }
            assert_eq!(app.screen, screen);
            ch(&mut app, '?');
            let drawn = help_box_rows(&app);
            let expected: Vec<String> = riskreg::tui::view::help_lines(&app, screen.scope())
                .into_iter()
                .map(|l| l.replace('ำ', "ํา"))
                .collect();
            assert_eq!(drawn, expected, "{screen:?} in {lang:?}");
            // and the lines are the key map's bindings, one each
            let map = &app.keymap;
            assert_eq!(drawn.len(), map.help(screen.scope()).len());
            for (line, b) in drawn.iter().zip(map.help(screen.scope())) {
                assert!(line.starts_with(&keys_text(&b)), "{line} / {b:?}");
            }
            ch(&mut app, '?'); // any key closes it
        }
    }
}

#[test]
fn with_the_thai_layout_on_every_command_key_works_by_its_place() {
    let (_d, mut app) = english();
    // ่ is on j: down to FIN; ส is on l: open it
    ch(&mut app, '่');
    ch(&mut app, 'ส');
    assert_eq!(app.screen, Screen::Register);
    assert_eq!(app.register_value().map(|r| r.bureau.as_str()), Some("FIN"));
    // the number row types ๅ / - ภ ถ ุ: screens 1, (search), 3, 4, 5, 6
    ch(&mut app, '-');
    assert_eq!(app.screen, Screen::Monitoring);
    ch(&mut app, 'ภ');
    assert_eq!(app.screen, Screen::Matrix);
    ch(&mut app, 'ถ');
    assert_eq!(app.screen, Screen::Summary);
    ch(&mut app, 'ุ');
    assert_eq!(app.screen, Screen::Changes);
    ch(&mut app, 'ๅ');
    assert_eq!(app.screen, Screen::Overview);
    // `/` is on 2: nothing on the overview takes it, so it is screen 2 ...
    ch(&mut app, '/');
    assert_eq!(app.screen, Screen::Register);
    // ... where `/` searches: a key is first looked up as itself
    ch(&mut app, '/');
    assert!(matches!(app.modal, Modal::Search(_)));
    // in a text field Thai is text, not commands
    typed(&mut app, "ๆก");
    assert!(matches!(&app.modal, Modal::Search(e) if e.text() == "ๆก"));
    key(&mut app, KeyCode::Esc);
    // ศ is Shift-L: the language toggle; ๆ is q: quit
    ch(&mut app, 'ศ');
    assert_eq!(app.lang, Lang::Th);
    ch(&mut app, 'ๆ');
    assert!(app.quit);
}

#[test]
fn a_thai_character_bound_in_the_settings_keeps_its_own_meaning() {
    let mut keys = BTreeMap::new();
    keys.insert("ToMatrix".to_string(), "ๆ".to_string());
    let (_d, mut app) = app_with(Settings {
        lang: Some(Lang::En),
        keys,
        ..Settings::default()
    });
    ch(&mut app, 'ๆ');
    assert_eq!(app.screen, Screen::Matrix);
    assert!(!app.quit);
}
