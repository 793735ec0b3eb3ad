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
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};
use workspace::{Background, Piece};

/// Set in the environment, the TUI panics after its first frame (tests only).
pub const PANIC_FOR_TEST: &str = "RISKREG_TUI_PANIC_FOR_TEST";

/// How often files are checked for changes behind our back.
const DISK_CHECK: Duration = Duration::from_secs(2);

/// How long the first frame waits for the registers: a small directory
/// (a secretariat's 20 registers) is read by then and shows whole, with no
/// flash of a progress line; a large one shows its progress after this.
const FIRST_FRAME_GRACE: Duration = Duration::from_millis(80);

/// While registers are being read, how often the screen takes in what was
/// read and redraws its progress (keys are handled as they come).
const LOADING_TICK: Duration = Duration::from_millis(50);

/// Opens the TUI on a registers directory, speaking `lang` (the language
/// of the run, settled as for every command: `--lang`, the settings, the
/// locale), and runs until the user quits. The terminal is restored on
/// every exit, panics included (ratatui's init installs a panic hook that
/// restores it before the panic message).
pub fn run(root: &Path, lang: Lang) -> Result<(), String> {
    let (mut settings, problem) = settings::load();
    settings.lang = Some(lang);
    let theme = theme::Theme::from_env(settings.theme);
    let (mut app, pieces) = open(root, settings, theme).map_err(|e| e.get(lang).to_string())?;
    if let Some(problems) = problem {
        app.status = Some(app::Notice::Settings {
            problems: vec![problems],
        });
    }
    let mut terminal = ratatui::try_init().map_err(|e| {
        let cannot = lang.pick("เปิดเทอร์มินัลไม่ได้", "cannot open the terminal");
        format!("{cannot}: {e}")
    })?;
    // a paste arrives as one event of text, not as keys that would run commands
    enable_paste();
    // lets the end-to-end test check that a crash restores the terminal
    if std::env::var_os(PANIC_FOR_TEST).is_some() {
        terminal
            .draw(|f| view::draw(f, &app))
            .map_err(|e| e.to_string())?;
        panic!("{PANIC_FOR_TEST} is set: crashing on purpose");
    }
    let result = event_loop(&mut terminal, &mut app, &pieces);
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

/// The app as its first frame shows it: the shared files read, the year's
/// registers being read on another thread, those read within
/// `FIRST_FRAME_GRACE` already taken in; the rest arrive on the receiver.
pub fn open(
    root: &Path,
    settings: settings::Settings,
    theme: theme::Theme,
) -> Result<(App, Receiver<Piece>), crate::model::Label> {
    let (pieces_tx, pieces) = std::sync::mpsc::channel();
    let mut app = App::open_in_background(root, settings, theme, Background::new(pieces_tx))?;
    take_pieces(&mut app, &pieces, Instant::now() + FIRST_FRAME_GRACE);
    Ok((app, pieces))
}

/// Hands the app every piece of registers the loader has sent, waiting for
/// more until `until` while the year is still being read.
pub fn take_pieces(app: &mut App, pieces: &Receiver<Piece>, until: Instant) {
    while app.ws.loading.is_some() {
        let piece = match pieces.try_recv() {
            Ok(piece) => piece,
            Err(TryRecvError::Disconnected) => break,
            Err(TryRecvError::Empty) => {
                let wait = until.saturating_duration_since(Instant::now());
                if wait.is_zero() {
                    break;
                }
                match pieces.recv_timeout(wait) {
                    Ok(piece) => piece,
                    Err(_) => break,
                }
            }
        };
        handle(app, Msg::Loaded(piece));
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    pieces: &Receiver<Piece>,
) -> Result<(), String> {
    let mut last_check = Instant::now();
    if let Ok(size) = terminal.size() {
        handle(app, Msg::Resize(size.width, size.height));
    }
    while !app.quit {
        terminal
            .draw(|f| view::draw(f, app))
            .map_err(|e| format!("cannot draw: {e}"))?;
        let wait = if app.ws.loading.is_some() {
            LOADING_TICK
        } else {
            DISK_CHECK
        };
        if event::poll(wait).map_err(|e| e.to_string())? {
            let msg = match event::read().map_err(|e| e.to_string())? {
                Event::Key(key) => Some(Msg::Key(key)),
                Event::Paste(text) => Some(Msg::Paste(text)),
                // the next loop turn redraws at the new size
                Event::Resize(w, h) => Some(Msg::Resize(w, h)),
                _ => None,
            };
            if let Some(msg) = msg {
                // a key acts on every register read so far
                take_pieces(app, pieces, Instant::now());
                handle(app, msg);
            }
        }
        take_pieces(app, pieces, Instant::now());
        if last_check.elapsed() >= DISK_CHECK {
            app.ws.refresh_disk();
            last_check = Instant::now();
        }
    }
    Ok(())
}
