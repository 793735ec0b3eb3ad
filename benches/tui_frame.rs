//! The interface's speed: its first frame at a secretariat's and at a
//! national body's number of registers, and its redraw with a register of
//! 2 000 risks.
//!
//! `cargo bench --bench tui_frame`. Sizes from `TUI_FRAME_SIZES` (default
//! `20,1000` synthetic registers of 30 risks × 3 measures, as the summary
//! bench's), repetitions from `TUI_FRAME_REPS` (default 3), the scratch
//! directory from `TUI_FRAME_DIR` (default the system's temporary one).
//!
//! First frame, per size, each measurement in a fresh child process (this
//! binary re-run with `--child`), interleaved, median of the repetitions:
//! - baseline: the real binary's `riskreg summary DIR --round 12m`;
//! - first frame: `tui::open` (shared files read, registers read in the
//!   background) and the first draw on a TestBackend of 80×24, as `tui::run`
//!   does before its event loop; target ≤ 0.3 × summary at 1 000 registers,
//!   under 150 ms at 20; then every register taken in and drawn again
//!   (all read), with the process's peak memory;
//! - at once: `App::open` (every register read before drawing, as the
//!   interface did before) and its first draw, with its peak memory;
//! - in tmux: the real binary started in a tmux window until its title
//!   line is on the pane, against a shell `printf` of the same line in the
//!   same way (what tmux itself takes).
//!
//! Redraw: the sample registers with FIN grown to 2 000 risks, on a
//! TestBackend of 120×40, median of many; target under 5 ms, after an edit
//! of the header (its note) and after an edit of a risk (its likelihood,
//! which moves it in the sort by band). The baseline,
//! measured in the same run, is loading the registers alone. The line
//! breaking between words (ICU segmenter) of the detail pane is timed alone
//! and given as a share of a register redraw.

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
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "common/child.rs"]
mod child;
use child::{child_peak_rss_kib, peak_rss_kib};

const RISKS: usize = 2000;

/// Settings in Thai: stated, so the bench does not follow the machine's locale.
fn thai() -> Settings {
    Settings {
        lang: Some(riskreg::model::Lang::Th),
        ..Settings::default()
    }
}

/// The app on the registers, in Thai, in colour.
fn open_thai(root: &Path) -> App {
    App::open(root, thai(), Theme::colourful()).expect("open")
}

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
    // through the header, as the header editor edits the note
    app.mutate(riskreg::tui::workspace::Part::Header, |reg, _, _| {
        reg.note = if reg.note.is_empty() {
            "x".into()
        } else {
            String::new()
        };
        Ok(())
    })
    .expect("the register on screen takes an edit");
}

/// A real edit of one risk that moves it in the band sort: its likelihood,
/// one step round 1..=5, as the editor's field edits a risk.
fn edit_risk(app: &mut App, ri: usize) {
    app.mutate(riskreg::tui::workspace::Part::Risk(ri), |reg, _, _| {
        let r = reg.risks.get_mut(ri).ok_or("no such risk")?;
        r.inherent.likelihood = r.inherent.likelihood % 5 + 1;
        Ok(())
    })
    .expect("the risk takes an edit");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(&args[i + 1], Path::new(&args[i + 2]));
        return;
    }
    first_frames();
    redraws();
}

fn redraws() {
    let (_dir, root) = big_workspace();
    let (w, h) = (120, 40);

    let load = time(15, || {
        let ws = Workspace::open(&root).expect("open");
        std::hint::black_box(ws);
    });

    let first_frame = time(15, || {
        let app = open_thai(&root);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|f| riskreg::tui::view::draw(f, &app))
            .expect("draw");
        std::hint::black_box(&terminal);
    });

    let mut app = open_thai(&root);
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
    assert_eq!(
        riskreg::tui::screens::register::visible_risks(&app).len(),
        RISKS
    );
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
    // an edit of the risk under the cursor that changes its band: it is
    // placed again in the sorted rows, its due marks reckoned again
    let after_risk_edit = time(50, || {
        let rows = riskreg::tui::screens::register::visible_risks(&app);
        let ri = rows[app.register.selected];
        edit_risk(&mut app, ri);
        draw(&app, &mut terminal);
    });
    // the editor of a risk: a plain redraw, and one after an edit, which
    // also runs the validator over what the edit touched for the findings
    // in place
    riskreg::tui::press(&mut app, KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let editor = time(50, || draw(&app, &mut terminal));
    let editor_edit = time(20, || {
        edit(&mut app);
        draw(&app, &mut terminal);
    });
    let in_editor = app.editor_risk().map(|r| r.id.clone());
    let editor_ri = app
        .register_value()
        .and_then(|reg| {
            reg.risks
                .iter()
                .position(|r| Some(&r.id) == in_editor.as_ref())
        })
        .expect("a risk in the editor");
    let editor_risk_edit = time(50, || {
        edit_risk(&mut app, editor_ri);
        draw(&app, &mut terminal);
    });
    riskreg::tui::press(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    riskreg::tui::press(
        &mut app,
        KeyEvent::new(KeyCode::Char('m'), KeyModifiers::NONE),
    );
    let matrix = time(50, || draw(&app, &mut terminal));
    // the register approved (and saved so): each edit tells whether it
    // still holds what was approved
    riskreg::tui::press(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.screen, riskreg::tui::app::Screen::Register);
    app.mutate(riskreg::tui::workspace::Part::Header, |reg, _, _| {
        let day = riskreg::model::Date::new(2567, 10, 1).map_err(|e| format!("{e:?}"))?;
        reg.approved_by =
            riskreg::audit::approval::approve(reg, "ผู้อนุมัติ", "ผู้อำนวยการ", day).approved_by;
        Ok(())
    })
    .expect("approved");
    // saved approved, as a register approved earlier is loaded
    assert!(matches!(
        app.ws.save_all(),
        riskreg::tui::workspace::Saved::All(_)
    ));
    let approved_edit = time(20, || {
        let rows = riskreg::tui::screens::register::visible_risks(&app);
        let ri = rows[app.register.selected];
        edit_risk(&mut app, ri);
        draw(&app, &mut terminal);
    });

    println!("\nredraw: {RISKS} risks in FIN + 6 sample registers, {w}×{h}, median");
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
        ("  … after an edit of a risk's band", after_risk_edit),
        ("  … the register approved", approved_edit),
        ("redraw matrix", matrix),
        ("redraw editor", editor),
        ("redraw editor after edit (validate)", editor_edit),
        ("  … after an edit of its risk", editor_risk_edit),
    ] {
        println!(
            "  {name:<35} {:8.3} ms  ({:.3}× baseline; target < 5 ms)",
            ms(d),
            d.as_secs_f64() / load.as_secs_f64()
        );
    }
}

const YEAR: u16 = 2567;
const FIRST_FRAME: (u16, u16) = (80, 24);

fn draw_once(app: &App, (w, h): (u16, u16)) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| riskreg::tui::view::draw(f, app))
        .expect("draw");
    std::hint::black_box(&terminal);
}

/// In the child: one measurement, printed as seconds (one or two) and the
/// peak memory in KiB.
fn child(what: &str, root: &Path) {
    let start = Instant::now();
    match what {
        "summary" => {
            let status = Command::new(env!("CARGO_BIN_EXE_riskreg"))
                .arg("summary")
                .arg(root)
                .args(["--round", "12m"])
                .stdout(std::process::Stdio::null())
                .status()
                .expect("run riskreg");
            assert!(status.success(), "riskreg summary failed");
            println!("{} {}", start.elapsed().as_secs_f64(), child_peak_rss_kib());
        }
        "background" => {
            let (mut app, pieces) =
                riskreg::tui::open(root, thai(), Theme::colourful()).expect("open");
            draw_once(&app, FIRST_FRAME);
            let first = start.elapsed().as_secs_f64();
            let never = Instant::now() + Duration::from_secs(3600);
            riskreg::tui::take_pieces(&mut app, &pieces, never);
            assert!(app.ws.loading.is_none(), "every register read");
            draw_once(&app, FIRST_FRAME);
            println!(
                "{first} {} {}",
                start.elapsed().as_secs_f64(),
                peak_rss_kib()
            );
        }
        "at-once" => {
            let app = open_thai(root);
            draw_once(&app, FIRST_FRAME);
            println!("{} {}", start.elapsed().as_secs_f64(), peak_rss_kib());
        }
        other => panic!("unknown measurement {other}"),
    }
}

/// Runs a measurement in a child; its numbers as printed.
fn measure(what: &str, root: &Path) -> Vec<f64> {
    child::run(what, root)
        .split_whitespace()
        .map(|x| x.parse().expect("a number"))
        .collect()
}

/// Seconds from starting `command` in a new tmux window of 80×24 until
/// its pane shows `marker`; `None` without tmux.
fn tmux_until(command: &str, marker: &str, env: &[(&str, &Path)]) -> Option<f64> {
    let socket = format!("tui-frame-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
    };
    let mut start_args = vec!["new-session", "-d", "-x", "80", "-y", "24", "-s", "b"];
    let env: Vec<String> = env
        .iter()
        .map(|(k, v)| format!("{k}={}", v.display()))
        .collect();
    for e in &env {
        start_args.extend(["-e", e.as_str()]);
    }
    start_args.push(command);
    let start = Instant::now();
    let started = tmux(&start_args).ok()?;
    let mut seen = None;
    if started.status.success() {
        while start.elapsed() < Duration::from_secs(60) {
            let pane = tmux(&["capture-pane", "-p", "-t", "b"]).ok()?;
            if String::from_utf8_lossy(&pane.stdout).contains(marker) {
                seen = Some(start.elapsed().as_secs_f64());
                break;
            }
        }
    }
    let _ = tmux(&["kill-server"]);
    seen
}

fn median_of(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The first frame at each size against `riskreg summary` in the same run.
fn first_frames() {
    let sizes: Vec<usize> = std::env::var("TUI_FRAME_SIZES")
        .unwrap_or_else(|_| "20,1000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let reps: usize = std::env::var("TUI_FRAME_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let scratch = std::env::var_os("TUI_FRAME_DIR").map(PathBuf::from);
    let config = tempfile::tempdir().expect("config dir");
    for n in sizes {
        let dir = match &scratch {
            Some(parent) => tempfile::tempdir_in(parent),
            None => tempfile::tempdir(),
        }
        .expect("tempdir");
        let root = dir.path().join("registers");
        let size = riskreg::report::synthetic::Size {
            bureaus: n,
            risks: 30,
            measures: 3,
        };
        let year = riskreg::model::FiscalYear::new(YEAR).expect("year");
        riskreg::report::synthetic::write(&root, year, size).expect("generate");
        // the page cache warm for every measurement alike
        measure("summary", &root);
        let (mut summary, mut first, mut all, mut at_once) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut tmux_app, mut tmux_shell) = (Vec::new(), Vec::new());
        let (mut peak_summary, mut peak_all, mut peak_at_once) = (0f64, 0f64, 0f64);
        let bin = env!("CARGO_BIN_EXE_riskreg");
        let tui = format!("{bin} tui {}", root.display());
        for _ in 0..reps {
            let s = measure("summary", &root);
            summary.push(s[0]);
            peak_summary = peak_summary.max(s[1]);
            let b = measure("background", &root);
            first.push(b[0]);
            all.push(b[1]);
            peak_all = peak_all.max(b[2]);
            let a = measure("at-once", &root);
            at_once.push(a[0]);
            peak_at_once = peak_at_once.max(a[1]);
            let env = [("RISKREG_CONFIG_DIR", config.path())];
            // the title line begins " riskreg · "; a pane's lines come trimmed
            if let Some(t) = tmux_until(&tui, " riskreg ·", &env) {
                tmux_app.push(t);
            }
            if let Some(t) = tmux_until("printf ' riskreg ·'; sleep 5", " riskreg ·", &env) {
                tmux_shell.push(t);
            }
        }
        let base = median_of(summary);
        let ms = |s: f64| s * 1000.0;
        let mib = |k: f64| k / 1024.0;
        println!(
            "first frame: {n} registers, {}×{}, median of {reps}, load average {}",
            FIRST_FRAME.0,
            FIRST_FRAME.1,
            load_average()
        );
        println!("  {:<38} {:>9} {:>8} {:>9}", "", "ms", "ratio", "peak MiB");
        println!(
            "  {:<38} {:>9.1} {:>8} {:>9.1}",
            "baseline: riskreg summary --round 12m",
            ms(base),
            "1.00",
            mib(peak_summary)
        );
        let target = if n <= 20 {
            "(target < 150 ms)".to_string()
        } else {
            "(target ≤ 0.30)".to_string()
        };
        let first = median_of(first);
        println!(
            "  {:<38} {:>9.1} {:>8.3} {:>9} {target}",
            "first frame (registers in background)",
            ms(first),
            first / base,
            ""
        );
        let all = median_of(all);
        println!(
            "  {:<38} {:>9.1} {:>8.3} {:>9.1}",
            "  … every register read, drawn again",
            ms(all),
            all / base,
            mib(peak_all)
        );
        let at_once = median_of(at_once);
        println!(
            "  {:<38} {:>9.1} {:>8.3} {:>9.1}",
            "first frame, all read first (before)",
            ms(at_once),
            at_once / base,
            mib(peak_at_once)
        );
        if !tmux_app.is_empty() && !tmux_shell.is_empty() {
            let (app, shell) = (median_of(tmux_app), median_of(tmux_shell));
            println!(
                "  {:<38} {:>9.1} {:>8.3}   (tmux alone: {:.1} ms)",
                "real binary in tmux, title on the pane",
                ms(app),
                app / base,
                ms(shell)
            );
        }
    }
}

/// The 1-, 5- and 15-minute load averages: how shared the machine was.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
