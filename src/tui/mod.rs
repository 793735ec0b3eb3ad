//! The full-screen terminal interface. Elm-style: `App` is the state, each
//! message (a key, a paste, a resize, what an effect did) changes it through
//! `App::update`, which may ask for I/O as an `Effect`; `effects::perform`
//! does it and says what happened as a `Done`, handed back to `App::update`.
//! `view::draw` draws the state. The key map drives keys, the key bar, the
//! help and the user guide. See docs/architecture.md.

pub mod action;
pub mod app;
pub mod cache;
pub mod effects;
pub mod form;
pub mod git_effects;
pub mod keymap;
pub mod notice;
pub mod screens;
pub mod settings;
pub mod textedit;
pub mod theme;
pub mod view;
pub mod workspace;
pub mod wrap;

use crate::model::Lang;
use app::{App, Msg};
use crossterm::event::{self, Event, KeyEvent};
use std::path::Path;
use std::time::{Duration, Instant};

/// Set in the environment, the TUI panics after its first frame (tests only).
pub const PANIC_FOR_TEST: &str = "RISKREG_TUI_PANIC_FOR_TEST";

/// How often files are checked for changes behind our back.
const DISK_CHECK: Duration = Duration::from_secs(2);

/// Opens the TUI on a registers directory, speaking `lang` (the language
/// of the run, settled as for every command: `--lang`, the settings, the
/// locale), and runs until the user quits. The terminal is restored on
/// every exit, panics included (ratatui's init installs a panic hook that
/// restores it before the panic message).
pub fn run(root: &Path, lang: Lang) -> Result<(), String> {
    let (mut settings, problem) = settings::load();
    settings.lang = Some(lang);
    let theme = theme::Theme::from_env(settings.theme);
    let mut app = App::open(root, settings, theme)?;
    if let Some(problems) = problem {
        app.status = Some(app::Notice::Settings { problems });
    }
    let mut terminal = ratatui::try_init().map_err(|e| format!("cannot open the terminal: {e}"))?;
    // a paste arrives as one event of text, not as keys that would run commands
    enable_paste();
    // lets the end-to-end test check that a crash restores the terminal
    if std::env::var_os(PANIC_FOR_TEST).is_some() {
        terminal
            .draw(|f| view::draw(f, &app))
            .map_err(|e| e.to_string())?;
        panic!("{PANIC_FOR_TEST} is set: crashing on purpose");
    }
    let result = event_loop(&mut terminal, &mut app);
    disable_paste();
    ratatui::restore();
    result
}

/// Turns bracketed paste on, and makes a panic turn it off before ratatui's
/// hook restores the rest of the terminal (the shell must not receive pastes
/// wrapped in escape codes).
fn enable_paste() {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    let restore_rest = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        disable_paste();
        restore_rest(info);
    }));
}

fn disable_paste() {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
}

/// Hands a message to the app, then performs each effect it asks for and
/// hands back what happened, until it asks for nothing more.
pub fn handle(app: &mut App, msg: Msg) {
    let mut next = app.update(msg);
    while let Some(effect) = next {
        let done = effects::perform(&mut app.ws, effect);
        next = app.update(Msg::Done(done));
    }
}

/// A key press, as the event loop handles it.
pub fn press(app: &mut App, key: KeyEvent) {
    handle(app, Msg::Key(key));
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> Result<(), String> {
    let mut last_check = Instant::now();
    if let Ok(size) = terminal.size() {
        handle(app, Msg::Resize(size.width, size.height));
    }
    while !app.quit {
        terminal
            .draw(|f| view::draw(f, app))
            .map_err(|e| format!("cannot draw: {e}"))?;
        if event::poll(DISK_CHECK).map_err(|e| e.to_string())? {
            let msg = match event::read().map_err(|e| e.to_string())? {
                Event::Key(key) => Some(Msg::Key(key)),
                Event::Paste(text) => Some(Msg::Paste(text)),
                // the next loop turn redraws at the new size
                Event::Resize(w, h) => Some(Msg::Resize(w, h)),
                _ => None,
            };
            if let Some(msg) = msg {
                handle(app, msg);
            }
        }
        if last_check.elapsed() >= DISK_CHECK {
            app.ws.refresh_disk();
            last_check = Instant::now();
        }
    }
    Ok(())
}
