//! The interface at a national body's size: it opens with the shared files
//! only and takes the year's registers in as a background thread reads
//! them, in pieces. Keys work meanwhile, the progress is on screen, and
//! nothing computed across registers shows as final before all are read.
//! The pieces are handed over here one at a time, as the event loop does.

mod common;

use common::tui::{ch, key};
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use riskreg::model::{FiscalYear, Lang};
use riskreg::report::synthetic;
use riskreg::tui::app::{App, Msg, Notice, Screen};
use riskreg::tui::settings::Settings;
use riskreg::tui::theme::Theme;
use riskreg::tui::workspace::{Background, Piece};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::time::Duration;

/// Registers of the synthetic generator (30 risks × 3 measures each): 100
/// come in four pieces of at most 32.
const REGISTERS: usize = 100;

fn generated(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("registers");
    let size = synthetic::Size {
        bureaus: n,
        risks: 30,
        measures: 3,
    };
    synthetic::write(&root, FiscalYear::new(2567).expect("year"), size).expect("generate");
    (dir, root)
}

fn settings(lang: Lang) -> Settings {
    Settings {
        lang: Some(lang),
        ..Settings::default()
    }
}

/// The app opened with its registers read in the background, and where
/// the pieces arrive.
fn in_background(root: &Path, lang: Lang) -> (App, Receiver<Piece>) {
    let (tx, rx) = std::sync::mpsc::channel();
    let app = App::open_in_background(root, settings(lang), Theme::mono(), Background::new(tx))
        .expect("opens");
    (app, rx)
}

fn next_piece(rx: &Receiver<Piece>) -> Piece {
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the loader sends a piece")
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| riskreg::tui::view::draw(f, app))
        .expect("draw");
    terminal.backend().to_string()
}

/// Whether a count of measures by light ("G3") is on screen.
fn light_counts(screen: &str) -> bool {
    screen
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'G' && w[1].is_ascii_digit())
}

/// Moves the overview's cursor to a bureau's row.
fn select(app: &mut App, code: &str) {
    let row = riskreg::tui::screens::overview::rows(app)
        .iter()
        .position(|(c, _)| c == code)
        .expect("bureau listed");
    app.overview.selected = row;
}

#[test]
fn keys_work_and_progress_shows_while_registers_arrive_in_pieces() {
    let (_dir, root) = generated(REGISTERS);
    let (mut app, rx) = in_background(&root, Lang::En);

    // nothing read yet: the bureaus are listed, their registers being read
    assert_eq!(app.ws.entries.len(), 0);
    assert_eq!(
        app.loading_text().as_deref(),
        Some("reading registers 0/100")
    );
    let first = screen(&app, 100, 30);
    assert!(first.contains("reading registers 0/100"), "{first}");
    assert!(first.contains("reading…"), "{first}");
    assert!(
        !first.contains("creates"),
        "no bureau is said to have no register:\n{first}"
    );

    // navigation works; opening a register not read yet says so
    ch(&mut app, 'j');
    ch(&mut app, 'j');
    assert_eq!(app.overview.selected, 2);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Overview);
    let waiting = Notice::StillLoading {
        done: 0,
        total: 100,
    };
    assert_eq!(app.status, Some(waiting.clone()));
    // creating one would not know the year's ids, nor whether its file is there
    app.status = None;
    ch(&mut app, 'n');
    assert_eq!(app.status, Some(waiting));
    // the summary says it waits rather than sum what was read so far
    ch(&mut app, '5');
    assert_eq!(app.screen, Screen::Summary);
    let summary = riskreg::tui::screens::summary::round_summary(&app).clone();
    assert!(summary.is_err_and(|e| e.contains("reading registers 0/100")));
    key(&mut app, KeyCode::Esc);

    // the first piece: its registers open, the others still say reading
    riskreg::tui::handle(&mut app, Msg::Loaded(next_piece(&rx)));
    let after_one = app.ws.entries.len();
    assert!(after_one > 0 && after_one < REGISTERS, "{after_one}");
    assert_eq!(
        app.loading_text(),
        Some(format!("reading registers {after_one}/100"))
    );
    let partly = screen(&app, 100, 30);
    assert!(partly.contains(&format!("reading registers {after_one}/100")));
    // the round may still move as more registers arrive: its figures wait
    assert!(!light_counts(&partly), "no light counts yet:\n{partly}");
    assert!(partly.contains('…'), "{partly}");
    // the last bureau is in a later piece
    let last = app.ws.catalog.bureaus.value.bureaus[REGISTERS - 1]
        .code
        .to_string();
    select(&mut app, &last);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Overview, "not read yet");
    assert_eq!(
        app.status,
        Some(Notice::StillLoading {
            done: after_one,
            total: 100
        })
    );
    // a register read is complete: it opens and takes edits
    let first_code = app.ws.entries[0].code().to_string();
    select(&mut app, &first_code);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Register);
    assert_eq!(app.register_value().map(|r| r.risks.len()), Some(30));
    key(&mut app, KeyCode::Esc);

    // the rest, piece by piece, the count rising
    let mut pieces = 1;
    while app.ws.loading.is_some() {
        let before = app.ws.entries.len();
        riskreg::tui::handle(&mut app, Msg::Loaded(next_piece(&rx)));
        assert!(app.ws.entries.len() > before);
        pieces += 1;
    }
    assert_eq!(pieces, 4, "100 registers in pieces of 32");
    assert_eq!(app.ws.entries.len(), REGISTERS);
    assert_eq!(app.loading_text(), None);
    let whole = screen(&app, 100, 30);
    assert!(!whole.contains("reading"), "{whole}");
    assert!(light_counts(&whole), "the lights are counted now:\n{whole}");

    // what is shown at the end is what opening the whole year at once shows
    let at_once = App::open(&root, settings(Lang::En), Theme::mono()).expect("open");
    assert_eq!(app.round, at_once.round);
    app.overview.selected = 0;
    assert_eq!(screen(&app, 100, 30), screen(&at_once, 100, 30));
    let summary = riskreg::tui::screens::summary::round_summary(&app)
        .clone()
        .expect("a summary now");
    let expected = riskreg::tui::screens::summary::round_summary(&at_once)
        .clone()
        .expect("summary");
    assert_eq!(format!("{summary:?}"), format!("{expected:?}"));
}

#[test]
fn a_file_that_does_not_read_is_reported_as_when_read_at_once() {
    let (_dir, root) = generated(40);
    let year = root.join("2567");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&year)
        .expect("year")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    // in the second piece
    let broken = &files[35];
    std::fs::write(broken, "Register(bureau: ").expect("break a file");
    let (mut app, rx) = in_background(&root, Lang::En);
    while app.ws.loading.is_some() {
        riskreg::tui::handle(&mut app, Msg::Loaded(next_piece(&rx)));
    }
    let at_once = App::open(&root, settings(Lang::En), Theme::mono()).expect("open");
    assert_eq!(app.ws.errors.len(), 1);
    assert_eq!(app.ws.errors[0].path, *broken);
    assert_eq!(
        app.ws.errors[0].to_string(),
        at_once.ws.errors[0].to_string()
    );
    assert_eq!(app.ws.entries.len(), 39);
    assert_eq!(screen(&app, 100, 30), screen(&at_once, 100, 30));
}

#[test]
fn changing_year_while_loading_drops_the_pieces_of_the_old_one() {
    let (_dir, root) = generated(REGISTERS);
    // an earlier year with three of the registers
    let earlier = root.join("2566");
    std::fs::create_dir_all(&earlier).expect("2566");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("2567"))
        .expect("year")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in &files[..3] {
        std::fs::copy(f, earlier.join(f.file_name().expect("name"))).expect("copy");
    }
    let (mut app, rx) = in_background(&root, Lang::En);
    assert_eq!(app.ws.year, 2567);
    ch(&mut app, '[');
    assert_eq!(app.ws.year, 2566);
    assert_eq!(
        app.ws.entries.len(),
        0,
        "2567's registers are not shown in 2566"
    );
    // whatever 2567's loader had sent, and 2566's pieces, in any order
    while app.ws.loading.is_some() {
        riskreg::tui::handle(&mut app, Msg::Loaded(next_piece(&rx)));
    }
    let codes: Vec<&str> = app.ws.entries.iter().map(|e| e.code()).collect();
    let expected: Vec<String> = files[..3]
        .iter()
        .map(|f| f.file_stem().expect("stem").to_string_lossy().into_owned())
        .collect();
    assert_eq!(codes, expected);
    assert!(app.ws.errors.is_empty());
}

#[test]
fn the_loading_screen_at_80x24() {
    let (_dir, root) = generated(REGISTERS);
    let (mut app, rx) = in_background(&root, Lang::Th);
    riskreg::tui::handle(&mut app, Msg::Loaded(next_piece(&rx)));
    // the cursor where the registers read give way to those being read
    app.overview.selected = 40;
    let text = screen(&app, 80, 24);
    // (SARA AM is drawn as two marks: see view::split_sara_am)
    assert!(text.contains("อ่านทะเบียน 32/100"), "{text}");
    insta::assert_snapshot!("loading_80x24_mono", text);
}

/// Bytes this thread has read so far (Linux counts them per thread).
fn bytes_read_by_this_thread() -> u64 {
    std::fs::read_to_string("/proc/thread-self/io")
        .expect("/proc/thread-self/io")
        .lines()
        .find_map(|l| l.strip_prefix("rchar: "))
        .and_then(|n| n.trim().parse().ok())
        .expect("rchar")
}

#[test]
fn the_disk_check_reads_again_only_files_whose_size_or_time_moved() {
    // it ran every 2 s and read and hashed every register: at a thousand
    // registers the screen froze for as long
    let (_dir, root) = generated(40);
    let mut app = App::open(&root, settings(Lang::En), Theme::mono()).expect("open");
    let sizes: u64 = app
        .ws
        .entries
        .iter()
        .map(|e| std::fs::metadata(&e.loaded.path).expect("stat").len())
        .sum();
    let before = bytes_read_by_this_thread();
    app.ws.refresh_disk();
    let read = bytes_read_by_this_thread() - before;
    assert!(
        read < sizes / 20,
        "the check read {read} bytes of {sizes} not changed"
    );
    assert!(app.ws.entries.iter().all(|e| !e.changed_on_disk));

    // a file changed behind our back is still seen, and only that one
    let path = app.ws.entries[5].loaded.path.clone();
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replacen("Red", "Yellow", 1)).expect("change it");
    app.ws.refresh_disk();
    let changed: Vec<usize> = (0..app.ws.entries.len())
        .filter(|&i| app.ws.entries[i].changed_on_disk)
        .collect();
    assert_eq!(changed, vec![5]);
    // and stays marked at the next check
    app.ws.refresh_disk();
    assert!(app.ws.entries[5].changed_on_disk);
}
