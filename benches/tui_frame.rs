//! First frame and redraw of the TUI with a register of 2 000 risks.
//!
//! `cargo bench --bench tui_frame`. Targets: first frame (load + first draw)
//! under 150 ms, redraw under 5 ms. The baseline, measured in the same run,
//! is loading the registers alone, so the report shows what drawing adds;
//! the line breaking between words (ICU segmenter) of the detail pane is
//! timed alone and given as a share of a register redraw.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use riskreg::model::{MeasureId, RiskId};
use riskreg::store::{load_register, to_canonical};
use riskreg::tui::app::App;
use riskreg::tui::settings::Settings;
use riskreg::tui::theme::Theme;
use riskreg::tui::workspace::Workspace;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const RISKS: usize = 2000;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The sample registers with FIN grown to 2 000 risks (its own, repeated
/// with fresh ids), written in canonical form.
fn big_workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("registers");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("registers"),
        &root,
    );
    let fin = root.join("2567/FIN.ron");
    let mut reg = load_register(&fin).expect("FIN loads").value;
    let seed = reg.risks.clone();
    reg.risks = (0..RISKS)
        .map(|n| {
            let mut r = seed[n % seed.len()].clone();
            r.id = RiskId::new(format!("FIN-R{}", n + 1)).expect("id");
            r.inherent.likelihood = (n % 5) as u8 + 1;
            r.inherent.impact = ((n / 5) % 5) as u8 + 1;
            for (k, m) in r.measures.iter_mut().enumerate() {
                m.id = MeasureId::new(format!("FIN-M{}-{}", n + 1, k + 1)).expect("id");
            }
            r
        })
        .collect();
    std::fs::write(&fin, to_canonical(&reg).expect("serialise")).expect("write");
    (dir, root)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

/// A real edit of the register on screen (its note, on and off), so what is
/// cached from the registers must be computed again.
fn edit(app: &mut App) {
    app.mutate(|reg, _, _| {
        reg.note = if reg.note.is_empty() {
            "x".into()
        } else {
            String::new()
        };
        Ok(())
    })
    .expect("the register on screen takes an edit");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let (_dir, root) = big_workspace();
    let (w, h) = (120, 40);

    let load = time(15, || {
        let ws = Workspace::open(&root).expect("open");
        std::hint::black_box(ws);
    });

    let first_frame = time(15, || {
        let app = App::open(&root, Settings::default(), Theme::colourful()).expect("open");
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|f| riskreg::tui::view::draw(f, &app))
            .expect("draw");
        std::hint::black_box(&terminal);
    });

    let mut app = App::open(&root, Settings::default(), Theme::colourful()).expect("open");
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let draw = |app: &App, terminal: &mut Terminal<TestBackend>| {
        terminal
            .draw(|f| riskreg::tui::view::draw(f, app))
            .expect("draw");
    };
    let overview = time(50, || draw(&app, &mut terminal));

    // the register of 2 000 risks, moving down a row before each redraw
    riskreg::tui::press(
        &mut app,
        KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE),
    );
    riskreg::tui::press(&mut app, KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(app.visible_risks().len(), RISKS);
    let register = time(50, || {
        riskreg::tui::press(&mut app, KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
        draw(&app, &mut terminal);
    });
    // what breaking lines between words costs in that redraw: the texts of
    // the detail pane (the risk on screen), wrapped at the pane's width with
    // ICU's dictionary segmenter, as every redraw of the register does
    let texts: Vec<String> = {
        let reg = app.register_value().expect("a register on screen");
        let r = &reg.risks[0];
        let mut t = vec![
            r.process.clone(),
            r.description.clone(),
            r.controls.clone(),
            r.owner.clone(),
        ];
        t.extend(r.measures.iter().map(|m| m.title.clone()));
        t
    };
    let line_breaking = time(50, || {
        for t in &texts {
            std::hint::black_box(riskreg::text::wrap::wrap(t, 44));
        }
    });
    // sorted by band, filtered by a search: the costliest table
    riskreg::tui::press(
        &mut app,
        KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE),
    );
    for _ in 0..3 {
        riskreg::tui::press(
            &mut app,
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE),
        );
    }
    let sorted = time(50, || {
        riskreg::tui::press(&mut app, KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
        draw(&app, &mut terminal);
    });
    // after an edit the rows are filtered and sorted again
    let after_edit = time(50, || {
        edit(&mut app);
        draw(&app, &mut terminal);
    });
    // the editor of a risk: a plain redraw, and one after an edit, which
    // also runs the validator over the register for the findings in place
    riskreg::tui::press(&mut app, KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let editor = time(50, || draw(&app, &mut terminal));
    let editor_edit = time(20, || {
        edit(&mut app);
        draw(&app, &mut terminal);
    });
    riskreg::tui::press(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    riskreg::tui::press(
        &mut app,
        KeyEvent::new(KeyCode::Char('m'), KeyModifiers::NONE),
    );
    let matrix = time(50, || draw(&app, &mut terminal));

    println!("tui_frame: {RISKS} risks in FIN + 6 sample registers, {w}×{h}, median");
    println!(
        "  {:<35} {:8.2} ms",
        "baseline: load registers only",
        ms(load)
    );
    println!(
        "  {:<35} {:8.3} ms  ({:.1}% of a register redraw; {} chars of Thai)",
        "line breaking of the detail pane",
        ms(line_breaking),
        100.0 * line_breaking.as_secs_f64() / register.as_secs_f64(),
        texts.iter().map(|t| t.chars().count()).sum::<usize>()
    );
    println!(
        "  {:<35} {:8.2} ms  ({:.2}× baseline; target < 150 ms)",
        "first frame (load + draw)",
        ms(first_frame),
        first_frame.as_secs_f64() / load.as_secs_f64()
    );
    for (name, d) in [
        ("redraw overview", overview),
        ("redraw register (key + draw)", register),
        ("redraw register sorted by band", sorted),
        ("redraw sorted register after edit", after_edit),
        ("redraw matrix", matrix),
        ("redraw editor", editor),
        ("redraw editor after edit (validate)", editor_edit),
    ] {
        println!(
            "  {name:<35} {:8.3} ms  ({:.3}× baseline; target < 5 ms)",
            ms(d),
            d.as_secs_f64() / load.as_secs_f64()
        );
    }
}
