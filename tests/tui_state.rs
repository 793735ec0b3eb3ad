//! The TUI's state machine: key → action → state, for every screen, on a
//! copy of the sample registers (saving writes real files).

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use riskreg::model::{Lang, RoundId, TrafficLight};
use riskreg::tui::app::{App, Modal, Screen};
use riskreg::tui::keymap::{Keymap, Scope, keys_text};
use riskreg::tui::settings::Settings;
use riskreg::tui::theme::Theme;
use std::collections::BTreeMap;

fn app_with(settings: Settings) -> (tempfile::TempDir, App) {
    let (dir, root) = common::sample_workspace();
    let app = App::open(&root, settings, Theme::mono()).expect("samples open");
    (dir, app)
}

fn english() -> (tempfile::TempDir, App) {
    app_with(Settings {
        lang: Lang::En,
        ..Settings::default()
    })
}

fn key(app: &mut App, code: KeyCode) {
    app.press(KeyEvent::new(code, KeyModifiers::NONE));
}
fn ch(app: &mut App, c: char) {
    key(app, KeyCode::Char(c));
}
fn ctrl(app: &mut App, c: char) {
    app.press(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}
fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        ch(app, c);
    }
}

/// Overview → FIN (second bureau) → its register.
fn open_fin(app: &mut App) {
    ch(app, 'j');
    key(app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Register);
    assert_eq!(app.register_value().map(|r| r.bureau.as_str()), Some("FIN"));
}

fn fin_r1_likelihood(app: &App) -> u8 {
    app.ws.entries[app.current].register().risks[0]
        .inherent
        .likelihood
}

// ---- overview ----

#[test]
fn overview_moves_opens_and_refuses_a_bureau_without_register() {
    let (_d, mut app) = english();
    assert_eq!(app.screen, Screen::Overview);
    key(&mut app, KeyCode::Down);
    ch(&mut app, 'k');
    assert_eq!(app.overview_selected, 0);
    ch(&mut app, 'G');
    let last = app.overview_rows().len() - 1;
    assert_eq!(app.overview_selected, last);
    // the last bureaus of the list have no register in the samples
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Overview);
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("no register"))
    );
    ch(&mut app, 'g');
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Register);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Overview);
}

#[test]
fn overview_year_and_round_selectors() {
    let (_d, mut app) = english();
    assert_eq!(app.ws.year, 2567);
    ch(&mut app, ']'); // no later year: stays
    assert_eq!(app.ws.year, 2567);
    assert_eq!(app.round, Some(RoundId::new("12m").expect("id")));
    ch(&mut app, '<');
    assert_eq!(app.round, Some(RoundId::new("6m").expect("id")));
    ch(&mut app, '<');
    assert_eq!(
        app.round,
        Some(RoundId::new("6m").expect("id")),
        "stops at the first round"
    );
}

#[test]
fn quit_asks_only_when_there_are_unsaved_changes() {
    let (_d, mut app) = english();
    ch(&mut app, 'q');
    assert!(app.quit, "nothing unsaved: quits at once");

    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'o');
    ch(&mut app, 'r');
    assert!(app.ws.any_dirty());
    ch(&mut app, 'q');
    assert_eq!(app.modal, Modal::ConfirmQuit);
    assert!(!app.quit);
    ch(&mut app, 'n');
    assert_eq!(app.modal, Modal::None);
    assert!(!app.quit);
    ch(&mut app, 'q');
    ch(&mut app, 'y');
    assert!(app.quit);
}

// ---- register ----

#[test]
fn register_search_in_thai_and_english_then_escape_clears() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    assert_eq!(app.visible_risks().len(), 3);
    ch(&mut app, '/');
    typed(&mut app, "ทรัพย์สิน");
    assert!(matches!(app.modal, Modal::Search(_)));
    assert_eq!(app.visible_risks(), vec![1], "Thai text of FIN-R2");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    assert_eq!(app.register.query, "ทรัพย์สิน", "the search stays after Enter");
    ch(&mut app, '/');
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.visible_risks().len(), 3, "Esc drops the search");
    // English: the category's English label
    ch(&mut app, '/');
    typed(&mut app, "STATE ASSETS");
    assert_eq!(app.visible_risks(), vec![1]);
    // Backspace edits the search by whole characters
    for _ in 0..12 {
        key(&mut app, KeyCode::Backspace);
    }
    assert_eq!(app.visible_risks().len(), 3);
}

#[test]
fn register_sort_filter_and_clear() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 's'); // process
    let reg = app.register_value().expect("reg").clone();
    let names: Vec<&str> = app
        .visible_risks()
        .iter()
        .map(|&i| reg.risks[i].process.as_str())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    ch(&mut app, 'S');
    let reversed: Vec<&str> = app
        .visible_risks()
        .iter()
        .map(|&i| reg.risks[i].process.as_str())
        .collect();
    sorted.reverse();
    assert_eq!(reversed, sorted);
    // band filter: first band of the methodology (low) — FIN has no low risk
    ch(&mut app, 'f');
    assert!(app.register.band.is_some());
    assert!(app.visible_risks().is_empty());
    ch(&mut app, 'f');
    assert_eq!(app.visible_risks().len(), 1, "one medium risk");
    ch(&mut app, 'c');
    assert_eq!(app.register.band, None);
    assert_eq!(app.visible_risks().len(), 3);
}

// ---- editor ----

#[test]
fn editor_picks_a_rating_from_the_methodology_and_undo_redo() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Editor);
    for _ in 0..4 {
        ch(&mut app, 'j');
    }
    key(&mut app, KeyCode::Enter);
    let Modal::Pick {
        options, selected, ..
    } = &app.modal
    else {
        panic!("a pick-list, got {:?}", app.modal)
    };
    assert_eq!(options.len(), 5, "the 5 levels of coso-5x5");
    assert_eq!(*selected, 2, "the current likelihood 3");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(fin_r1_likelihood(&app), 4);
    assert!(app.ws.entries[app.current].dirty);
    ctrl(&mut app, 'z');
    assert_eq!(fin_r1_likelihood(&app), 3);
    assert!(
        !app.ws.entries[app.current].dirty,
        "back to the saved value"
    );
    ctrl(&mut app, 'y');
    assert_eq!(fin_r1_likelihood(&app), 4);
    // Right steps the pick-list without opening it
    key(&mut app, KeyCode::Right);
    assert_eq!(fin_r1_likelihood(&app), 5);
    key(&mut app, KeyCode::Right);
    assert_eq!(fin_r1_likelihood(&app), 5, "stays on the top level");
}

#[test]
fn editor_text_by_grapheme_and_bad_dates_refused_in_place() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    // Process is the field under the cursor on opening
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.modal, Modal::Edit { .. }));
    // "…เงิน": Backspace takes the last character typed: "น", then "ิ", then "ง"
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    assert!(matches!(&app.modal, Modal::Edit { edit, .. } if edit.text().ends_with("เง")));
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "ที่");
    key(&mut app, KeyCode::Enter);
    let process = app.ws.entries[app.current].register().risks[0]
        .process
        .clone();
    assert_eq!(process, "การเบิกจ่ายเที่");
    // next review: a date in the Buddhist era
    to_next_review(&mut app);
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, "2567-02-30");
    key(&mut app, KeyCode::Enter);
    let Modal::Edit {
        error: Some(e),
        edit,
        ..
    } = &app.modal
    else {
        panic!("the edit stays open with an error, got {:?}", app.modal)
    };
    assert_eq!(edit.text(), "2567-02-30", "what was typed is kept");
    assert!(!e.is_empty());
    let before = app.ws.entries[app.current].register().risks[0].next_review;
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.modal, Modal::None);
    assert_eq!(
        app.ws.entries[app.current].register().risks[0].next_review,
        before
    );
}

#[test]
fn editor_tab_jumps_between_the_risk_and_its_measures() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    let fields = app.form_fields();
    assert_eq!(
        fields[app.editor.cursor],
        riskreg::tui::form::Field::MeasureTitle(0)
    );
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.editor.cursor, 0);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Register);
}

// ---- monitoring ----

#[test]
fn monitoring_quick_keys_set_status_and_implementation_at_the_round() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'o');
    assert_eq!(app.screen, Screen::Monitoring);
    ch(&mut app, '[');
    let six = RoundId::new("6m").expect("id");
    assert_eq!(app.round.as_ref(), Some(&six));
    let status = |app: &App| {
        app.ws.entries[app.current].register().risks[0].measures[0]
            .at_round(&six)
            .map(|m| (m.status, m.implementation.id()))
    };
    assert_eq!(status(&app), Some((TrafficLight::Green, "NotStarted")));
    ch(&mut app, 'y');
    assert_eq!(status(&app), Some((TrafficLight::Yellow, "NotStarted")));
    ch(&mut app, 'r');
    ch(&mut app, 'i');
    assert_eq!(status(&app), Some((TrafficLight::Red, "InProgress")));
    ch(&mut app, 'g');
    assert_eq!(status(&app), Some((TrafficLight::Green, "InProgress")));
    // Home still goes to the top although g is green here
    ch(&mut app, 'j');
    key(&mut app, KeyCode::Home);
    assert_eq!(app.monitoring_selected, 0);
}

#[test]
fn monitoring_form_refuses_a_bad_amount_and_keeps_a_good_one() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'o');
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Editor);
    let fields = app.form_fields();
    app.editor.cursor = fields
        .iter()
        .position(|f| *f == riskreg::tui::form::Field::Disbursed)
        .expect("disbursed field");
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, "5,4OO.00");
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(&app.modal, Modal::Edit { error: Some(_), .. }),
        "{:?}",
        app.modal
    );
    ctrl(&mut app, 'u');
    typed(&mut app, "5,500.25");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    let twelve = RoundId::new("12m").expect("id");
    let m = app.ws.entries[app.current].register().risks[0].measures[0]
        .at_round(&twelve)
        .expect("entry");
    assert_eq!(m.disbursed.satang(), 550_025);
}

#[test]
fn amount_and_date_fields_open_selected_so_typing_replaces_the_value() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'o');
    key(&mut app, KeyCode::Enter);
    let at = |app: &App, field| {
        app.form_fields()
            .iter()
            .position(|f| *f == field)
            .expect("the field")
    };
    app.editor.cursor = at(&app, riskreg::tui::form::Field::Disbursed);
    key(&mut app, KeyCode::Enter);
    // typed over the value shown, as in a spreadsheet: no Ctrl-U first
    typed(&mut app, "12,000");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None, "accepted");
    let twelve = RoundId::new("12m").expect("id");
    let disbursed = |app: &App| {
        app.ws.entries[app.current].register().risks[0].measures[0]
            .at_round(&twelve)
            .expect("entry")
            .disbursed
            .satang()
    };
    assert_eq!(disbursed(&app), 1_200_000);
    // a refusal quotes what was typed as typed: Thai, not \u{e48}
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "่12");
    key(&mut app, KeyCode::Enter);
    let Modal::Edit {
        error: Some(error), ..
    } = &app.modal
    else {
        panic!("refused in place: {:?}", app.modal)
    };
    assert!(error.contains("\"่12\""), "{error}");
    assert!(!error.contains("\\u{"), "{error}");
    key(&mut app, KeyCode::Esc);
    // a date too: the as-of date is replaced, and Backspace clears it whole
    app.editor.cursor = at(&app, riskreg::tui::form::Field::AsOf);
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "2567-09-30");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None, "accepted");
    let as_of = app.ws.entries[app.current].register().risks[0].measures[0]
        .at_round(&twelve)
        .and_then(|m| m.as_of)
        .map(|d| d.to_string());
    assert_eq!(as_of.as_deref(), Some("2567-09-30"));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Backspace);
    let Modal::Edit { edit, .. } = &app.modal else {
        panic!("editing")
    };
    assert_eq!(edit.text(), "");
}

// ---- matrix ----

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
    assert_eq!(app.visible_risks(), vec![0]);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Matrix);
    ch(&mut app, 't');
    assert!(app.matrix.residual);
    key(&mut app, KeyCode::Enter);
    // no risk has residual 3×4; the register shows none
    assert!(app.visible_risks().is_empty());
}

// ---- saving ----

#[test]
fn ctrl_s_saves_and_a_conflict_offers_reload_copy_or_cancel() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'o');
    ch(&mut app, 'r');
    ctrl(&mut app, 's');
    assert!(!app.ws.any_dirty());
    let path = app.ws.entries[app.current].loaded.path.clone();
    let on_disk = std::fs::read_to_string(&path).expect("read");
    assert!(on_disk.contains("status: Red"));

    ch(&mut app, 'y');
    std::fs::write(
        &path,
        on_disk.replace(
            "FIN-M1\",\n                    title: \"",
            "FIN-M1\",\n                    title: \"X",
        ),
    )
    .expect("write theirs");
    ctrl(&mut app, 's');
    assert_eq!(app.modal, Modal::Conflict(app.current));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.modal, Modal::None);
    assert!(app.ws.any_dirty(), "cancel keeps my changes");
    ctrl(&mut app, 's');
    ch(&mut app, 'r');
    // reload merges: their title and my status, both
    assert_eq!(app.modal, Modal::None, "no field changed on both sides");
    assert!(app.ws.any_dirty(), "my edit is re-applied, unsaved");
    let merged = &app.ws.entries[app.current].register().risks[0].measures[0];
    assert!(merged.title.starts_with('X'), "{}", merged.title);
    let yellow = |m: &riskreg::model::Measure| {
        m.at_round(&RoundId::new("12m").expect("id"))
            .map(|m| m.status)
    };
    assert_eq!(yellow(merged), Some(TrafficLight::Yellow));
    // undo goes back to the version on disk, never to mine alone
    ch(&mut app, 'u');
    assert!(!app.ws.any_dirty());
    let theirs = &app.ws.entries[app.current].register().risks[0].measures[0];
    assert!(theirs.title.starts_with('X'));
    assert_eq!(yellow(theirs), Some(TrafficLight::Red));
    ch(&mut app, 'u');
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("nothing to undo")),
        "{:?}",
        app.status
    );
    ctrl(&mut app, 's');
    let after = std::fs::read_to_string(&path).expect("read");
    assert!(
        after.contains("title: \"X"),
        "their change survives undo and save"
    );
    // redo brings the merge back, and saving it keeps both
    ctrl(&mut app, 'y');
    ctrl(&mut app, 's');
    let after = std::fs::read_to_string(&path).expect("read");
    assert!(after.contains("title: \"X") && after.contains("status: Yellow"));
}

#[test]
fn a_field_changed_on_both_sides_is_chosen_after_reload() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    let path = app.ws.entries[app.current].loaded.path.clone();
    let on_disk = std::fs::read_to_string(&path).expect("read");
    assert_eq!(fin_r1_likelihood(&app), 3);
    // mine: likelihood 5 and the process; theirs: likelihood 2
    app.mutate(|reg, _, _| {
        reg.risks[0].inherent.likelihood = 5;
        reg.risks[0].process = "ของฉัน".into();
        Ok(())
    })
    .expect("edit");
    std::fs::write(
        &path,
        on_disk.replacen("likelihood: 3,", "likelihood: 2,", 1),
    )
    .expect("write theirs");
    ctrl(&mut app, 's');
    assert_eq!(app.modal, Modal::Conflict(app.current));
    ch(&mut app, 'r');
    let Modal::Merge(m) = &app.modal else {
        panic!("expected the merge window, got {:?}", app.modal)
    };
    assert_eq!(m.merged.conflicts.len(), 1);
    let (theirs, mine) = &m.words[0];
    assert!(theirs.iter().any(|l| l.contains("FIN-R1")), "{theirs:?}");
    assert!(mine.iter().any(|l| l.contains("FIN-R1")), "{mine:?}");
    // other keys do nothing until it is settled
    ctrl(&mut app, 's');
    assert!(matches!(app.modal, Modal::Merge(_)));
    ch(&mut app, 't');
    assert_eq!(app.modal, Modal::None);
    assert_eq!(fin_r1_likelihood(&app), 2, "theirs chosen");
    let process = &app.ws.entries[app.current].register().risks[0].process;
    assert_eq!(process, "ของฉัน", "my other field is kept");
    ctrl(&mut app, 's');
    let saved = riskreg::store::load_register(&path).expect("reads");
    assert_eq!(saved.value.risks[0].inherent.likelihood, 2);
    assert_eq!(saved.value.risks[0].process, "ของฉัน");
}

// ---- keys, help, settings ----

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
        lang: Lang::En,
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

// ---- approval and changes (audit) ----

#[test]
fn approval_mark_follows_edits_and_changes_view_lists_saved_changes() {
    let (dir, mut app) = english();
    common::git(dir.path(), &["init", "-q"]);
    common::git(dir.path(), &["add", "."]);
    common::git(dir.path(), &["commit", "-q", "-m", "samples"]);
    let mtg = app.ws.entry_of("MTG").expect("MTG loaded");
    assert_eq!(
        app.ws.entries[mtg].approval_mark(),
        '✓',
        "MTG is approved in the samples"
    );
    let row = app
        .overview_rows()
        .iter()
        .position(|(_, e)| *e == Some(mtg))
        .expect("MTG row");
    app.overview_selected = row;
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter); // MTG-R1 in the editor
    for _ in 0..4 {
        ch(&mut app, 'j');
    }
    key(&mut app, KeyCode::Left); // likelihood one level down
    assert_eq!(
        app.ws.entries[mtg].approval_mark(),
        '≠',
        "an edit breaks the approval"
    );
    ctrl(&mut app, 'z');
    assert_eq!(app.ws.entries[mtg].approval_mark(), '✓', "undo restores it");
    ctrl(&mut app, 'y');
    ch(&mut app, '6');
    assert_eq!(app.screen, Screen::Changes);
    assert_eq!(app.changes, Ok(Vec::new()), "nothing saved yet");
    let said = |cs: &[riskreg::audit::Change]| -> Vec<String> {
        cs.iter()
            .map(|c| riskreg::audit::render::line(c, Lang::En))
            .collect()
    };
    let unsaved = said(&app.unsaved_changes());
    assert!(
        unsaved
            .iter()
            .any(|l| l.contains("MTG-R1") && l.contains("likelihood")),
        "the unsaved edit is described: {unsaved:?}"
    );
    ctrl(&mut app, 's'); // saving on the Changes screen refreshes it
    assert!(app.unsaved_changes().is_empty());
    let lines = said(app.changes.as_ref().expect("changes"));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("MTG-R1") && l.contains("likelihood")),
        "{lines:?}"
    );
}

/// The screen as drawn at a size, as text.
fn screen_text(app: &App, w: u16, h: u16) -> String {
    use ratatui::{Terminal, backend::TestBackend};
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| riskreg::tui::view::draw(f, app))
        .expect("draw");
    terminal.backend().to_string()
}

#[test]
fn the_changes_screen_says_changes_in_words_and_follows_every_edit_undo_and_redo() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter); // FIN-R1
    app.mutate(|reg, _, _| {
        let r = &mut reg.risks[0];
        r.control_quality = riskreg::model::ControlQuality::Weak;
        r.residual = r.residual.map(|x| riskreg::model::Rating {
            likelihood: x.likelihood + 1,
            ..x
        });
        r.controls = "ตรวจสอบเอกสาร ".repeat(12);
        Ok(())
    })
    .expect("edit");
    ch(&mut app, '6');
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("control grade: fair → weak"), "{screen}");
    assert!(
        screen.contains("residual rating: L2 × I3 medium → L3 × I3 medium"),
        "{screen}"
    );
    for syntax in ["Some((", "Fair", "Weak", "likelihood:"] {
        assert!(
            !screen.contains(syntax),
            "file syntax {syntax:?}:\n{screen}"
        );
    }
    // the long text wraps: its end is on screen, with no ellipsis
    assert!(screen.matches("ตรวจสอบเอกสาร").count() >= 13, "{screen}");
    assert!(!screen.contains('…'), "{screen}");
    // undo and redo change the list at once
    ch(&mut app, 'u');
    let screen = screen_text(&app, 80, 24);
    assert!(!screen.contains("control grade"), "{screen}");
    ctrl(&mut app, 'y');
    assert!(screen_text(&app, 80, 24).contains("control grade: fair → weak"));
    // in Thai, in Thai words
    ch(&mut app, 'L');
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("การควบคุม: พอใช้ → อ่อน"), "{screen}");
}

// ---- the help overlay is the key map ----

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
            lang,
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
fn p_signs_the_register_as_prepared_by_the_settings_name() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'p');
    assert!(
        app.status.as_deref().is_some_and(|s| s.contains("name")),
        "asks for a name first"
    );
    assert!(!app.ws.any_dirty());

    let (_d, mut app) = app_with(Settings {
        lang: Lang::En,
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

// ---- summary (report) ----

#[test]
fn summary_scrolls_and_exports_in_the_format_of_the_extension() {
    use ratatui::{Terminal, backend::TestBackend};
    let (dir, mut app) = english();
    ch(&mut app, '5');
    assert_eq!(app.screen, Screen::Summary);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| riskreg::tui::view::draw(f, &app))
        .expect("draw");
    assert!(app.summary().is_ok());
    let max = app.summary_max_scroll.get();
    assert!(max > 0, "the summary is longer than a screen");
    ch(&mut app, 'G');
    assert_eq!(app.summary_scroll, max);
    ch(&mut app, 'g');
    assert_eq!(app.summary_scroll, 0);

    ch(&mut app, 'x');
    assert!(matches!(app.modal, Modal::Export { .. }));
    ctrl(&mut app, 'u');
    let bad = dir.path().join("out.doc");
    typed(&mut app, &bad.display().to_string());
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(&app.modal, Modal::Export { error: Some(_), .. }),
        "{:?}",
        app.modal
    );
    ctrl(&mut app, 'u');
    let md = dir.path().join("out.md");
    typed(&mut app, &md.display().to_string());
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    let text = std::fs::read_to_string(&md).expect("exported");
    assert!(text.contains("โครงการพัฒนาทักษะการคิดวิเคราะห์"), "{text}");
    assert!(!bad.exists());
}

#[test]
fn summary_counts_unsaved_edits() {
    let (_d, mut app) = english();
    let reds = |app: &App| {
        app.summary()
            .as_ref()
            .expect("summary")
            .rows()
            .filter(|r| r.status == Some(TrafficLight::Red))
            .count()
    };
    let before = reds(&app);
    open_fin(&mut app);
    ch(&mut app, 'o');
    ch(&mut app, 'r');
    assert_eq!(reds(&app), before + 1);
}

// ---- marks: changed on disk, uncommitted ----

#[test]
fn files_changed_on_disk_and_uncommitted_are_marked() {
    use riskreg::tui::screens::overview::marks;
    let (dir, mut app) = english();
    common::git(dir.path(), &["init", "-q"]);
    common::git(dir.path(), &["add", "."]);
    common::git(dir.path(), &["commit", "-q", "-m", "samples"]);
    app.ws.refresh_git();
    let fin = app.ws.entry_of("FIN").expect("FIN");
    assert_eq!(marks(&app.ws.entries[fin]).trim(), "·");
    open_fin(&mut app);
    ch(&mut app, 'o');
    ch(&mut app, 'r');
    assert!(marks(&app.ws.entries[fin]).starts_with('*'));
    ctrl(&mut app, 's');
    assert_eq!(
        &marks(&app.ws.entries[fin])[..3],
        "  +",
        "saved, not committed"
    );
    let path = app.ws.entries[fin].loaded.path.clone();
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("Red", "Yellow")).expect("write behind our back");
    app.ws.refresh_disk();
    assert_eq!(&marks(&app.ws.entries[fin])[..3], " !+");
}

// ---- adding and deleting ----

#[test]
fn add_a_risk_and_a_measure_then_delete_and_undo() {
    let (dir, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'a');
    assert_eq!(app.screen, Screen::Editor);
    let reg = app.register_value().expect("reg").clone();
    assert_eq!(reg.risks.len(), 4);
    assert_eq!(reg.risks[3].id.as_str(), "FIN-R4");
    // the validator's verdict is at hand for the editor to show in place
    assert!(
        app.findings()
            .iter()
            .any(|f| f.path == "risks[3].description"
                && f.severity == riskreg::validate::Severity::Error),
        "{:?}",
        app.findings()
    );
    // the cursor is on the process: type it, then the description below it
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "การจัดซื้อจัดจ้าง");
    key(&mut app, KeyCode::Enter);
    ch(&mut app, 'j');
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "กำหนดคุณลักษณะเฉพาะเพื่อเอื้อผู้ขายบางราย");
    key(&mut app, KeyCode::Enter);
    assert!(
        !app.findings()
            .iter()
            .any(|f| f.path == "risks[3].description")
    );
    ch(&mut app, 'a');
    let risk = &app.register_value().expect("reg").risks[3];
    assert_eq!(risk.process, "การจัดซื้อจัดจ้าง");
    assert_eq!(risk.measures.len(), 1);
    let mid = risk.measures[0].id.to_string();
    assert!(
        mid.starts_with("FIN-M") && mid != "FIN-M1",
        "a fresh id: {mid}"
    );
    assert_eq!(
        app.form_fields()[app.editor.cursor],
        riskreg::tui::form::Field::MeasureTitle(0),
        "the cursor moves to the new measure"
    );
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "กิจกรรมตรวจสอบการจัดซื้อ");
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    assert!(!app.ws.any_dirty());
    // what was saved reads back and passes validation without errors
    let out = common::riskreg(dir.path(), &["validate"]);
    assert!(
        out.status.success(),
        "{}{}",
        common::stdout(&out),
        common::stderr(&out)
    );

    ch(&mut app, 'd');
    assert!(
        app.register_value().expect("reg").risks[3]
            .measures
            .is_empty()
    );
    ch(&mut app, 'u');
    assert_eq!(
        app.register_value().expect("reg").risks[3].measures.len(),
        1
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Register);
    ch(&mut app, 'G');
    ch(&mut app, 'd');
    assert_eq!(app.register_value().expect("reg").risks.len(), 3);
    ch(&mut app, 'u');
    assert_eq!(app.register_value().expect("reg").risks.len(), 4);
}

#[test]
fn co_responsible_bureaus_typed_as_codes_and_unknown_ones_flagged_in_place() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    let fields = app.form_fields();
    app.editor.cursor = fields
        .iter()
        .position(|f| *f == riskreg::tui::form::Field::MeasureCo(0))
        .expect("co-responsible field");
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "hrd, NOPE");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    let m = &app.register_value().expect("reg").risks[0].measures[0];
    assert_eq!(
        format!("{:?}", m.co_responsible),
        r#"Bureaus([BureauCode("HRD"), BureauCode("NOPE")])"#
    );
    let flagged: Vec<String> = app
        .findings()
        .iter()
        .filter(|f| riskreg::tui::form::is_under(&f.path, "risks[0].measures[0].co_responsible"))
        .map(|f| f.message.clone())
        .collect();
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    assert!(flagged[0].contains("NOPE"), "{flagged:?}");
}

#[test]
fn indicator_results_are_typed_in_the_terms_of_their_target() {
    use riskreg::model::Achieved;
    let (_d, mut app) = english();
    key(&mut app, KeyCode::Enter); // CAB
    ch(&mut app, 'o');
    key(&mut app, KeyCode::Enter); // CAB-M1 at 12 months
    let fields = app.form_fields();
    app.editor.cursor = fields
        .iter()
        .position(|f| *f == riskreg::tui::form::Field::Indicator(0))
        .expect("the indicator's field");
    key(&mut app, KeyCode::Enter);
    let Modal::Edit { edit, .. } = &app.modal else {
        panic!("an edit window, got {:?}", app.modal)
    };
    assert_eq!(edit.text(), "57/62", "the result as it is typed");
    ctrl(&mut app, 'u');
    typed(&mut app, "lots");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(&app.modal, Modal::Edit { error: Some(_), .. }));
    ctrl(&mut app, 'u');
    typed(&mut app, "85.5%");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    let m = &app.register_value().expect("reg").risks[0].measures[0];
    let at = m.at_round(&RoundId::new("12m").expect("id")).expect("12m");
    assert_eq!(at.results.len(), 1, "replaced, not added");
    assert_eq!(
        at.results[0].value,
        Achieved::Percent(riskreg::model::Decimal2::from_hundredths(8550))
    );
}

#[test]
fn indicator_names_and_targets_are_edited_with_the_measure() {
    use riskreg::tui::form::Field;
    let (_d, mut app) = english();
    key(&mut app, KeyCode::Enter); // CAB
    key(&mut app, KeyCode::Enter); // CAB-R1
    let at = |app: &App, f: Field| {
        app.form_fields()
            .iter()
            .position(|x| *x == f)
            .expect("field")
    };
    app.editor.cursor = at(&app, Field::IndicatorTarget(0, 0));
    key(&mut app, KeyCode::Enter);
    let Modal::Edit { edit, .. } = &app.modal else {
        panic!("an edit window, got {:?}", app.modal)
    };
    assert_eq!(edit.text(), ">= 80.00%");
    ctrl(&mut app, 'u');
    typed(&mut app, "about 90");
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(&app.modal, Modal::Edit { error: Some(_), .. }),
        "refused in place"
    );
    ctrl(&mut app, 'u');
    typed(&mut app, "≥ 90%");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    app.editor.cursor = at(&app, Field::IndicatorName(0, 0));
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, "ร้อยละของผู้เข้าร่วมที่ผ่านการทดสอบ");
    key(&mut app, KeyCode::Enter);
    let ind = &app.register_value().expect("reg").risks[0].measures[0].indicators[0];
    assert_eq!(ind.name, "ร้อยละของผู้เข้าร่วมที่ผ่านการทดสอบ");
    assert_eq!(
        riskreg::tui::form::results::target_text(&ind.target),
        ">= 90.00%"
    );
}

#[test]
fn n_creates_a_register_for_a_bureau_that_has_none() {
    let (dir, mut app) = english();
    ch(&mut app, 'G'); // the last bureau of the list has no register
    let (code, entry) = app.overview_rows().last().cloned().expect("rows");
    assert_eq!(entry, None);
    ch(&mut app, 'n');
    assert_eq!(app.screen, Screen::Register);
    let reg = app.register_value().expect("the new register").clone();
    assert_eq!(reg.bureau.as_str(), code);
    assert!(reg.risks.is_empty());
    // rated like most of the year's registers
    assert_eq!(reg.methodology.id.as_str(), "coso-5x5");
    let path = dir.path().join(format!("registers/2567/{code}.ron"));
    let on_disk = riskreg::store::load_register(&path).expect("written and readable");
    assert_eq!(on_disk.value, reg);
    assert!(!app.ws.any_dirty());
    ch(&mut app, '1');
    ch(&mut app, 'g');
    ch(&mut app, 'n');
    assert_eq!(
        app.screen,
        Screen::Overview,
        "a bureau with a register gets none"
    );
    assert!(app.status.as_deref().is_some_and(|s| s.contains("already")));
    let out = common::riskreg(dir.path(), &["validate"]);
    assert!(out.status.success(), "{}", common::stdout(&out));
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
fn summary_compares_with_the_round_before() {
    let (_d, mut app) = english();
    ch(&mut app, '5');
    ch(&mut app, 'c');
    assert!(app.summary_compare);
    let comparison = app.summary().as_ref().expect("summary").comparison.clone();
    let comparison = comparison.expect("12 months compared with 6 months");
    assert_eq!(comparison.from_round.as_str(), "6m");
    ch(&mut app, '[');
    assert!(app.summary().is_err(), "the first round has none before it");
    ch(&mut app, ']');
    ch(&mut app, 'c');
    assert!(
        app.summary()
            .as_ref()
            .expect("summary")
            .comparison
            .is_none()
    );
}

#[test]
fn multi_line_fields_take_new_lines_and_single_line_ones_do_not() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    ch(&mut app, 'j'); // description: multi-line
    key(&mut app, KeyCode::Enter);
    app.press(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    typed(&mut app, "บรรทัดที่สอง");
    ctrl(&mut app, 'j');
    typed(&mut app, "สาม");
    key(&mut app, KeyCode::Enter);
    let d = app.register_value().expect("reg").risks[0]
        .description
        .clone();
    assert!(d.ends_with("\nบรรทัดที่สอง\nสาม"), "{d:?}");
    ch(&mut app, 'k'); // process: one line
    key(&mut app, KeyCode::Enter);
    app.press(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    key(&mut app, KeyCode::Enter);
    assert!(
        !app.register_value().expect("reg").risks[0]
            .process
            .contains('\n')
    );
}

#[test]
fn a_register_that_does_not_read_is_reported_with_its_place_and_never_overwritten() {
    let (dir, root) = common::sample_workspace();
    let fin = root.join("2567/FIN.ron");
    let broken = std::fs::read_to_string(&fin)
        .expect("read")
        .replace("likelihood: 3,", "likelihood: three,");
    std::fs::write(&fin, &broken).expect("break FIN");
    let mut app = App::open(
        &root,
        Settings {
            lang: Lang::En,
            ..Settings::default()
        },
        Theme::mono(),
    )
    .expect("the others open");
    assert_eq!(app.ws.entry_of("FIN"), None);
    let e = app.ws.error_of("FIN").expect("FIN's error");
    assert!(e.position.is_some(), "{e}");
    ch(&mut app, 'j');
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Overview);
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("FIN.ron:")),
        "{:?}",
        app.status
    );
    ch(&mut app, 'n');
    assert_eq!(
        std::fs::read_to_string(&fin).expect("read"),
        broken,
        "not overwritten"
    );
    drop(dir);
}

// ---- the register's header ----

fn field_at(app: &App, f: riskreg::tui::form::Field) -> usize {
    app.form_fields()
        .iter()
        .position(|x| *x == f)
        .expect("field on the form")
}

fn open_mtg(app: &mut App) -> usize {
    let mtg = common::select_bureau(app, "MTG");
    key(app, KeyCode::Enter);
    mtg
}

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
        app.findings()
            .iter()
            .any(|f| f.path == "prepared_by.name" && f.message.contains("needs a name")),
        "{:?}",
        app.findings()
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
        assert!(
            app.status.as_deref().is_some_and(|s| s.contains(why)),
            "{:?}",
            app.status
        );
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
    assert_eq!(Some(sig.date), riskreg::tui::app::today());
}

// ---- indicators: add and delete ----

#[test]
fn i_adds_an_indicator_with_the_next_id_and_x_deletes_one_without_results_at_once() {
    use riskreg::tui::form::Field;
    let (_d, mut app) = english();
    key(&mut app, KeyCode::Enter); // CAB
    key(&mut app, KeyCode::Enter); // CAB-R1
    let ids = |app: &App| -> Vec<String> {
        app.register_value().expect("reg").risks[0].measures[0]
            .indicators
            .iter()
            .map(|i| i.id.to_string())
            .collect()
    };
    assert_eq!(ids(&app), ["i1"]);
    // outside a measure's pane there is nothing to add to
    app.editor.cursor = 0;
    ch(&mut app, 'i');
    assert_eq!(ids(&app), ["i1"]);
    assert!(app.status.is_some());
    app.editor.cursor = field_at(&app, Field::MeasureTitle(0));
    ch(&mut app, 'i');
    assert_eq!(ids(&app), ["i1", "i2"]);
    assert_eq!(
        app.form_fields()[app.editor.cursor],
        Field::IndicatorName(0, 1),
        "the cursor is on the new indicator's name"
    );
    typed(&mut app, "e");
    assert!(matches!(app.modal, Modal::Edit { .. }));
    key(&mut app, KeyCode::Esc);
    ch(&mut app, 'i');
    assert_eq!(ids(&app), ["i1", "i2", "i3"]);
    // i2 has no results: deleted at once; the next new one is i4, ids are not reused below the highest
    app.editor.cursor = field_at(&app, Field::IndicatorTarget(0, 1));
    ch(&mut app, 'x');
    assert_eq!(app.modal, Modal::None);
    assert_eq!(ids(&app), ["i1", "i3"]);
    ch(&mut app, 'i');
    assert_eq!(ids(&app), ["i1", "i3", "i4"]);
    // on a field that is not an indicator, x says where to go
    app.editor.cursor = field_at(&app, Field::MeasureTitle(0));
    ch(&mut app, 'x');
    assert_eq!(ids(&app), ["i1", "i3", "i4"]);
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("indicator")),
        "{:?}",
        app.status
    );
    for _ in 0..4 {
        ch(&mut app, 'u');
    }
    assert_eq!(ids(&app), ["i1"], "every step undoes");
}

#[test]
fn deleting_an_indicator_with_results_asks_then_removes_them_too() {
    use riskreg::tui::form::Field;
    use riskreg::tui::keymap::Scope;
    let (_d, mut app) = english();
    key(&mut app, KeyCode::Enter); // CAB
    key(&mut app, KeyCode::Enter); // CAB-R1
    let cab = app.current;
    let results = |app: &App| -> usize {
        app.register_value().expect("reg").risks[0].measures[0]
            .monitoring
            .iter()
            .map(|m| m.results.len())
            .sum()
    };
    let rounds = results(&app);
    assert!(rounds > 0, "CAB-M1's i1 has results in the samples");
    app.editor.cursor = field_at(&app, Field::IndicatorName(0, 0));
    ch(&mut app, 'x');
    assert!(
        matches!(app.modal, Modal::ConfirmDeleteIndicator { rounds: n, .. } if n == rounds),
        "{:?}",
        app.modal
    );
    assert_eq!(app.scope(), Scope::ConfirmDelete);
    // n keeps everything
    ch(&mut app, 'n');
    assert_eq!(app.modal, Modal::None);
    assert_eq!(results(&app), rounds);
    assert!(!app.ws.entries[cab].dirty);
    // y deletes the indicator and its results, and the register stays valid
    ch(&mut app, 'x');
    ch(&mut app, 'y');
    assert_eq!(app.modal, Modal::None);
    let m = &app.register_value().expect("reg").risks[0].measures[0];
    assert!(m.indicators.is_empty());
    assert_eq!(results(&app), 0, "the results went with it");
    assert!(
        !app.findings()
            .iter()
            .any(|f| f.message.contains("has no indicator")),
        "{:?}",
        app.findings()
    );
    // saved, the file reads back the same
    ctrl(&mut app, 's');
    let path = app.ws.entries[cab].loaded.path.clone();
    let on_disk = riskreg::store::load_register(&path).expect("saved file reads");
    assert_eq!(&on_disk.value, app.register_value().expect("reg"));
    // and undo brings indicator and results back
    ch(&mut app, 'u');
    assert_eq!(results(&app), rounds);
}

#[test]
fn the_monitoring_form_sends_indicator_edits_to_the_risk_editor() {
    let (_d, mut app) = english();
    key(&mut app, KeyCode::Enter); // CAB
    ch(&mut app, 'o');
    key(&mut app, KeyCode::Enter); // CAB-M1 at the round
    let before = app.register_value().expect("reg").clone();
    for c in ['i', 'x'] {
        ch(&mut app, c);
        assert_eq!(app.modal, Modal::None);
        assert!(
            app.status
                .as_deref()
                .is_some_and(|s| s.contains("in the risk editor")),
            "{:?}",
            app.status
        );
    }
    assert_eq!(app.register_value().expect("reg"), &before);
}

// ---- the Thai keyboard layout ----

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
        lang: Lang::En,
        keys,
        ..Settings::default()
    });
    ch(&mut app, 'ๆ');
    assert_eq!(app.screen, Screen::Matrix);
    assert!(!app.quit);
}

/// In the risk editor: the cursor on the next-review date.
fn to_next_review(app: &mut App) {
    ch(app, 'G');
    key(app, KeyCode::Home);
    let review = app
        .form_fields()
        .iter()
        .position(|f| *f == riskreg::tui::form::Field::NextReview)
        .expect("next review field");
    app.editor.cursor = review;
}

#[test]
fn a_date_typed_the_thai_way_is_stored_in_the_canonical_form() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    to_next_review(&mut app);
    for (typed_text, stored) in [
        ("31 มี.ค. 2567", "2567-03-31"),
        ("๓๐/๐๔/๒๕๖๗", "2567-04-30"),
        ("1/5/67", "2567-05-01"),
    ] {
        key(&mut app, KeyCode::Enter);
        ctrl(&mut app, 'u');
        typed(&mut app, typed_text);
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.modal, Modal::None, "{typed_text} is accepted");
        let review = app.ws.entries[app.current].register().risks[0].next_review;
        assert_eq!(review.map(|d| d.to_string()).as_deref(), Some(stored));
    }
}
