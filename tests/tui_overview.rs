//! The overview: moving, opening a bureau, years and rounds, quitting,
//! creating a register, files that do not read, the marks of each file.
//! The state driven by keys on a copy of the sample registers.

mod common;

use common::tui::*;
use crossterm::event::KeyCode;
use riskreg::model::{Lang, RoundId};
use riskreg::tui::app::{App, Modal, Notice, Screen};
use riskreg::tui::screens::overview;
use riskreg::tui::settings::Settings;
use riskreg::tui::theme::Theme;

#[test]
fn overview_moves_opens_and_refuses_a_bureau_without_register() {
    let (_d, mut app) = english();
    assert_eq!(app.screen, Screen::Overview);
    key(&mut app, KeyCode::Down);
    ch(&mut app, 'k');
    assert_eq!(app.overview.selected, 0);
    ch(&mut app, 'G');
    let last = overview::rows(&app).len() - 1;
    assert_eq!(app.overview.selected, last);
    // the last bureaus of the list have no register in the samples
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Overview);
    assert_eq!(app.status, Some(Notice::NoRegisterThisYear));
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

#[test]
fn n_creates_a_register_for_a_bureau_that_has_none() {
    let (dir, mut app) = english();
    ch(&mut app, 'G'); // the last bureau of the list has no register
    let (code, entry) = overview::rows(&app).last().cloned().expect("rows");
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
    assert_eq!(app.status, Some(Notice::HasRegister));
    let out = common::riskreg(dir.path(), &["validate"]);
    assert!(out.status.success(), "{}", common::stdout(&out));
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
            lang: Some(Lang::En),
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
    // the load error, with where in the file
    let said = app
        .status
        .as_ref()
        .map(|n| (n.text(Lang::En), n.text(Lang::Th)));
    assert!(
        said.as_ref()
            .is_some_and(|(en, th)| en.contains("FIN.ron:") && th.contains("FIN.ron:") && en != th),
        "{said:?}"
    );
    ch(&mut app, 'n');
    assert_eq!(
        std::fs::read_to_string(&fin).expect("read"),
        broken,
        "not overwritten"
    );
    drop(dir);
}

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
