//! Driving the interface's state in tests: the app on a copy of the sample
//! registers, and keys pressed as the event loop hands them over (with the
//! effects they ask for performed).

use super::sample_workspace;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use riskreg::model::Lang;
use riskreg::tui::app::{App, Screen};
use riskreg::tui::settings::Settings;
use riskreg::tui::theme::Theme;

/// The settings of a test in Thai: stated, so no test depends on the
/// machine's locale (settings without `lang` follow it).
pub fn thai() -> Settings {
    Settings {
        lang: Some(Lang::Th),
        ..Settings::default()
    }
}

/// The app on a fresh copy of the samples, without colour.
pub fn app_with(settings: Settings) -> (tempfile::TempDir, App) {
    let (dir, root) = sample_workspace();
    let mut app = App::open(&root, settings, Theme::mono()).expect("samples open");
    app.today = Some(today());
    (dir, app)
}

/// The app in English on a fresh copy of the samples.
pub fn english() -> (tempfile::TempDir, App) {
    app_with(Settings {
        lang: Some(Lang::En),
        ..Settings::default()
    })
}

/// The day the tests' apps reckon what is overdue against (as
/// `RISKREG_TODAY` does for the binary): `super::TODAY`.
pub fn today() -> riskreg::model::Date {
    on(super::TODAY)
}

/// A date of the tests, Buddhist era.
pub fn on(date: &str) -> riskreg::model::Date {
    riskreg::model::Date::try_from(date.to_string()).expect("a date")
}

pub fn key(app: &mut App, code: KeyCode) {
    riskreg::tui::press(app, KeyEvent::new(code, KeyModifiers::NONE));
}
pub fn ch(app: &mut App, c: char) {
    key(app, KeyCode::Char(c));
}
pub fn ctrl(app: &mut App, c: char) {
    riskreg::tui::press(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}
pub fn alt(app: &mut App, code: KeyCode) {
    riskreg::tui::press(app, KeyEvent::new(code, KeyModifiers::ALT));
}
/// Each character of `s` as a key.
pub fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        ch(app, c);
    }
}

/// Overview → FIN (second bureau) → its register.
pub fn open_fin(app: &mut App) {
    ch(app, 'j');
    key(app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Register);
    assert_eq!(app.register_value().map(|r| r.bureau.as_str()), Some("FIN"));
}

pub fn fin_r1_likelihood(app: &App) -> u8 {
    app.ws.entries[app.current].register().risks[0]
        .inherent
        .likelihood
}

/// The screen as drawn at a size, as text.
pub fn screen_text(app: &App, w: u16, h: u16) -> String {
    use ratatui::{Terminal, backend::TestBackend};
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| riskreg::tui::view::draw(f, app))
        .expect("draw");
    terminal.backend().to_string()
}

/// Where a field is on the form on screen.
pub fn field_at(app: &App, f: riskreg::tui::form::Field) -> usize {
    app.form_fields()
        .iter()
        .position(|x| *x == f)
        .expect("field on the form")
}

/// Overview → MTG (approved in the samples) → its register; gives its entry.
pub fn open_mtg(app: &mut App) -> usize {
    let mtg = super::select_bureau(app, "MTG");
    key(app, KeyCode::Enter);
    mtg
}
