//! End-to-end: the real binary in tmux, on a copy of the sample registers in
//! a temporary git repository, driven by keys as a person would.

mod common;

use common::{copy_dir, git, sample_registers};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of its own for one test, killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, cwd: &Path, config: &Path) -> Tmux {
        Tmux::start_with(name, cwd, config, &[], Path::new("/dev/null"))
    }
    fn start_with(name: &str, cwd: &Path, config: &Path, env: &[&str], tmux_conf: &Path) -> Tmux {
        let socket = format!("riskreg-{name}-{}", std::process::id());
        let bin = env!("CARGO_BIN_EXE_riskreg");
        let status = Command::new("tmux")
            .args(["-L", &socket, "-f"])
            .arg(tmux_conf)
            .args(["new-session", "-d", "-x", "100", "-y", "30", "-s", "t"])
            .arg("-c")
            .arg(cwd)
            .arg("-e")
            .arg(format!("RISKREG_CONFIG_DIR={}", config.display()))
            .arg("-e")
            .arg("NO_COLOR=1")
            .args(env.iter().flat_map(|e| ["-e", e]))
            .arg(bin)
            .status()
            .expect("tmux runs (CI installs it)");
        assert!(status.success(), "tmux new-session failed");
        Tmux { socket }
    }
    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("run tmux")
    }
    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }
    /// Sends one key (tmux key name) and lets the app draw.
    fn key(&self, k: &str) {
        self.tmux(&["send-keys", "-t", "t", k]);
        std::thread::sleep(Duration::from_millis(150));
    }
    fn keys(&self, ks: &[&str]) {
        for k in ks {
            self.key(k);
        }
    }
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", text]);
        std::thread::sleep(Duration::from_millis(200));
    }
    /// Pastes text as a terminal does: with -p, tmux wraps it in bracketed
    /// paste codes when the application asked for them, else sends it raw.
    fn paste(&self, text: &str) {
        self.tmux(&["set-buffer", "-b", "p", "--", text]);
        self.tmux(&["paste-buffer", "-p", "-b", "p", "-t", "t"]);
        std::thread::sleep(Duration::from_millis(300));
    }
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(what) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {what:?}; the screen is:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    /// Waits for the overview with every register read (a large year is
    /// read in the background, its progress in the title).
    fn wait_loaded(&self) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains("Bureaus") && !s.contains("reading registers") {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "waited for the registers to be read; the screen is:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    fn alive(&self) -> bool {
        self.tmux(&["has-session", "-t", "t"]).status.success()
    }
    fn wait_exit(&self) {
        let start = Instant::now();
        while self.alive() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "riskreg did not quit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// A git repository holding a copy of the samples, committed; settings in
/// English so the test reads the screen by its English words.
fn repo() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = dir.path().join("repo");
    copy_dir(&sample_registers(), &repo.join("registers"));
    std::fs::write(repo.join(".gitignore"), "*.ron.mine-*\n").expect("gitignore");
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "samples"]);
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(
        config.join("settings.ron"),
        "Settings(lang: En, name: \"Test Officer\")\n",
    )
    .expect("settings");
    (dir, repo, config)
}

/// The removed and added lines of a `git diff`, without the file names.
fn changed_lines(diff: &str) -> Vec<&str> {
    diff.lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .collect()
}

/// Opens FIN's first risk in the editor.
fn open_fin_r1(t: &Tmux) {
    t.wait_loaded();
    t.keys(&["j", "Enter"]);
    t.wait_for("FIN-R1");
    t.key("Enter");
    t.wait_for("Likelihood");
}

/// Likelihood is the sixth field of the risk form; its pick-list takes a digit.
fn set_likelihood(t: &Tmux, level: &str) {
    t.keys(&["j", "j", "j", "j", "Enter"]);
    t.wait_for("▶");
    t.key(level);
}

#[test]
fn edit_a_risk_and_a_measure_save_and_quit_changes_exactly_those_lines() {
    let (_dir, repo, config) = repo();
    let t = Tmux::start("edit", &repo, &config);
    open_fin_r1(&t);
    set_likelihood(&t, "4");
    t.wait_for("[unsaved]");
    t.key("Escape");
    // wait for the register before the next key, so Esc is not read as Alt-o
    t.wait_for("Risks 3/3");
    t.key("o");
    t.wait_for("Implementation"); // the monitoring table's header
    t.key("["); // from the latest round back to the 6-month round
    t.wait_for("6-month round");
    t.key("y");
    t.key("Enter");
    t.wait_for("Occurrence");
    t.keys(&["j", "j", "j", "Enter"]);
    t.wait_for("Enter ok");
    t.key("C-u");
    t.type_text("เกิดความล่าช้าในการตรวจเอกสาร");
    t.key("Enter");
    t.key("C-s");
    t.wait_for("saved: FIN");
    t.key("q");
    t.wait_exit();

    let diff = git(&repo, &["diff", "-U0", "--no-color"]);
    let changed = changed_lines(&diff);
    assert_eq!(
        changed,
        vec![
            "-                likelihood: 3,",
            "+                likelihood: 4,",
            "-                            status: Green,",
            "-                            occurrence: \"ไม่มีความเสี่ยง/การทุจริตเกิดขึ้น\",",
            "+                            status: Yellow,",
            "+                            occurrence: \"เกิดความล่าช้าในการตรวจเอกสาร\",",
        ],
        "the whole diff:\n{diff}"
    );
    assert!(diff.contains("registers/2567/FIN.ron"), "{diff}");
    let files = git(&repo, &["diff", "--name-only"]);
    assert_eq!(files.trim(), "registers/2567/FIN.ron");
}

#[test]
fn the_header_note_and_reviewer_date_are_edited_refused_in_place_and_saved() {
    let (_dir, repo, config) = repo();
    let t = Tmux::start("header", &repo, &config);
    t.wait_loaded();
    t.keys(&["j", "Enter"]);
    t.wait_for("Risks 3/3");
    t.key("H");
    t.wait_for("Register header");
    t.wait_for("only `riskreg approve` signs");
    // the note, on two lines
    t.key("Enter");
    t.wait_for("Enter ok");
    t.type_text("บรรทัดแรก");
    t.key("C-j");
    t.type_text("second line");
    t.key("Enter");
    t.wait_for("[unsaved]");
    // the reviewer's date: a day February 2567 does not have is refused in place
    t.keys(&["j", "j", "j", "j", "j", "j", "j", "Enter"]);
    t.wait_for("Enter ok");
    t.key("C-u");
    t.type_text("2567-02-30");
    t.key("Enter");
    t.wait_for("has days 1–29, not 30");
    t.key("C-u");
    t.type_text("2566-12-01");
    t.key("Enter");
    t.key("C-s");
    t.wait_for("saved: FIN");
    t.key("q");
    t.wait_exit();

    let path = repo.join("registers/2567/FIN.ron");
    let saved = riskreg::store::load_register(&path).expect("the saved file reads");
    assert_eq!(saved.value.note, "บรรทัดแรก\nsecond line");
    let reviewed = saved.value.reviewed_by.expect("the reviewer is kept");
    assert_eq!(reviewed.date.to_string(), "2566-12-01");
    assert_eq!(reviewed.name, "นางสาวสุภาพร วงศ์ไทย");
    let diff = git(&repo, &["diff", "-U0", "--no-color"]);
    let changed = changed_lines(&diff);
    // the store writes a multi-line note as it reads, line by line
    assert_eq!(
        changed,
        vec![
            "-        date: \"2566-11-21\",",
            "+        date: \"2566-12-01\",",
            "-    note: \"\",",
            "+    note: \"บรรทัดแรก",
            "+second line\",",
        ],
        "the date and the note, nothing else:\n{diff}"
    );
}

#[test]
fn a_file_changed_behind_our_back_prompts_and_save_as_copy_keeps_both() {
    let (_dir, repo, config) = repo();
    let fin = repo.join("registers/2567/FIN.ron");
    let t = Tmux::start("conflict", &repo, &config);
    open_fin_r1(&t);
    set_likelihood(&t, "5");
    t.wait_for("[unsaved]");

    // someone else saves the file meanwhile
    let theirs = std::fs::read_to_string(&fin)
        .expect("read")
        .replace("ผู้อำนวยการกลุ่มงานการเงิน", "ผู้อำนวยการกลุ่มงานการเงิน (แก้โดยผู้อื่น)");
    std::fs::write(&fin, &theirs).expect("write theirs");

    t.key("C-s");
    let prompt = t.wait_for("changed on disk");
    assert!(prompt.contains("save mine as a copy"), "{prompt}");
    assert!(prompt.contains("reload"), "{prompt}");
    t.key("c");
    t.wait_for("saved yours as");
    t.key("q");
    t.wait_exit();

    assert_eq!(
        std::fs::read_to_string(&fin).expect("read"),
        theirs,
        "their save is untouched"
    );
    let copies: Vec<PathBuf> = std::fs::read_dir(fin.parent().expect("dir"))
        .expect("list")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("FIN.ron.mine-"))
        })
        .collect();
    assert_eq!(copies.len(), 1, "one copy of mine: {copies:?}");
    let mine = std::fs::read_to_string(&copies[0]).expect("read mine");
    assert!(mine.contains("likelihood: 5,"), "my edit is in the copy");
    assert!(!mine.contains("แก้โดยผู้อื่น"), "the copy is mine, not theirs");
    // the copy is ignored by git, so the tree shows only their change
    assert_eq!(
        git(&repo, &["status", "--porcelain"]).trim(),
        "M registers/2567/FIN.ron"
    );
}

#[test]
fn a_directory_that_is_not_a_registers_directory_is_refused_before_the_screen_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = common::riskreg(dir.path(), &["tui", "nowhere"]);
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("nowhere"),
        "{}",
        common::stderr(&out)
    );

    std::fs::create_dir_all(dir.path().join("empty")).expect("mkdir");
    let out = common::riskreg(dir.path(), &["tui", "empty"]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    assert!(err.contains("bureaus.ron"), "{err}");
    // the terminal was never switched to the full screen
    assert!(!common::stdout(&out).contains("\u{1b}[?1049h"));
}

#[test]
fn resizing_redraws_and_below_80x24_a_message_replaces_the_screen() {
    let (_dir, repo, config) = repo();
    let t = Tmux::start("resize", &repo, &config);
    t.wait_loaded();
    t.tmux(&["resize-window", "-t", "t", "-x", "70", "-y", "20"]);
    let small = t.wait_for("terminal too small (need 80×24");
    assert!(!small.contains("Bureaus"), "{small}");
    t.tmux(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    let big = t.wait_for("Bureaus");
    assert!(!big.contains("too small"), "{big}");
    t.key("q");
    t.wait_exit();
}

/// Without `lang` in the settings the interface speaks the locale's
/// language, as every command does; `lang` in the settings wins over it.
#[test]
fn the_interface_speaks_the_locale_unless_the_settings_name_a_language() {
    let (_dir, repo, config) = repo();
    let settings = config.join("settings.ron");
    let cases = [
        ("Settings(name: \"x\")\n", "th_TH.UTF-8", "· ภาพรวม"),
        ("Settings(name: \"x\")\n", "C.UTF-8", "· Overview"),
        ("Settings(lang: En)\n", "th_TH.UTF-8", "· Overview"),
        ("Settings(lang: Th)\n", "C.UTF-8", "· ภาพรวม"),
    ];
    for (i, (file, lang, shown)) in cases.into_iter().enumerate() {
        std::fs::write(&settings, file).expect("settings");
        let env = [
            "LC_ALL=".to_string(),
            "LC_MESSAGES=".to_string(),
            format!("LANG={lang}"),
        ];
        let env: Vec<&str> = env.iter().map(String::as_str).collect();
        let t = Tmux::start_with(
            &format!("locale{i}"),
            &repo,
            &config,
            &env,
            Path::new("/dev/null"),
        );
        let screen = t.wait_for(shown);
        assert!(screen.contains(shown), "{file} with LANG={lang}:\n{screen}");
        t.key("q");
        t.wait_exit();
    }
}

#[test]
fn a_crash_restores_the_terminal() {
    let (_dir, repo, config) = repo();
    let crash = format!("{}=1", riskreg::tui::PANIC_FOR_TEST);
    // keep the pane after the process dies, to look at the terminal it left
    let conf = config.join("tmux.conf");
    std::fs::write(&conf, "set-option -g remain-on-exit on\n").expect("tmux.conf");
    let t = Tmux::start_with("panic", &repo, &config, &[&crash], &conf);
    let start = Instant::now();
    loop {
        let dead = t.tmux(&["display-message", "-p", "-t", "t", "#{pane_dead}"]);
        if String::from_utf8_lossy(&dead.stdout).trim() == "1" {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "riskreg did not crash"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let alt = t.tmux(&["display-message", "-p", "-t", "t", "#{alternate_on}"]);
    assert_eq!(
        String::from_utf8_lossy(&alt.stdout).trim(),
        "0",
        "left the full screen"
    );
    let screen = t.screen();
    assert!(
        screen.contains("crashing on purpose"),
        "the panic message is readable:\n{screen}"
    );
}

#[test]
fn while_the_terminal_is_too_small_keys_do_nothing_but_quit() {
    let (_dir, repo, config) = repo();
    let fin = repo.join("registers/2567/FIN.ron");
    let before = std::fs::read_to_string(&fin).expect("FIN reads");
    let t = Tmux::start("small-keys", &repo, &config);
    t.wait_loaded();
    t.keys(&["j", "Enter"]);
    t.wait_for("Risks 3/3");
    t.tmux(&["resize-window", "-t", "t", "-x", "60", "-y", "20"]);
    t.wait_for("terminal too small");
    // d deletes the risk under the cursor, a risk the user cannot see here;
    // a and Enter would add one and open the editor
    t.keys(&["d", "a", "Enter", "d"]);
    let small = t.wait_for("press q to quit");
    assert!(!small.contains("Risks"), "{small}");
    t.tmux(&["resize-window", "-t", "t", "-x", "100", "-y", "30"]);
    let back = t.wait_for("Risks 3/3");
    assert!(!back.contains("[unsaved]"), "nothing changed:\n{back}");
    assert!(
        !back.contains("Likelihood"),
        "still on the register:\n{back}"
    );
    // quitting works at any size, and there is nothing to save
    t.tmux(&["resize-window", "-t", "t", "-x", "60", "-y", "20"]);
    t.wait_for("terminal too small");
    t.key("q");
    t.wait_exit();
    assert_eq!(std::fs::read_to_string(&fin).expect("FIN reads"), before);
}

#[test]
fn pasted_thai_lines_go_into_the_field_as_text_and_never_run_as_keys() {
    let (_dir, repo, config) = repo();
    let fin = repo.join("registers/2567/FIN.ron");
    let t = Tmux::start("paste", &repo, &config);
    open_fin_r1(&t);
    // pasted outside a text field: a word, no keys (d would delete a measure,
    // q would ask to quit, 4 would open the matrix)
    t.paste("d\nq\n4\n");
    t.wait_for("paste ignored");
    let s = t.screen();
    assert!(s.contains("Likelihood") && !s.contains("[unsaved]"), "{s}");
    // a single-line field: the process; lines become spaces
    t.key("Enter");
    t.wait_for("Enter ok");
    t.key("C-u");
    t.paste("การเบิกจ่ายเงิน\nงบประมาณ d u q 4\n");
    t.key("Enter");
    t.wait_for("[unsaved]");
    // a multi-line field: the description keeps its line breaks
    t.key("j");
    t.key("Enter");
    t.wait_for("Enter ok");
    t.key("C-u");
    t.paste("บรรทัดแรกของคำอธิบาย\nบรรทัดที่สอง y r g\n");
    t.key("Enter");
    t.key("C-s");
    t.wait_for("saved: FIN");
    t.key("q");
    t.wait_exit();

    let saved = riskreg::store::load_register(&fin).expect("the saved file reads");
    let risk = &saved.value.risks[0];
    assert_eq!(risk.process, "การเบิกจ่ายเงิน งบประมาณ d u q 4");
    assert_eq!(risk.description, "บรรทัดแรกของคำอธิบาย\nบรรทัดที่สอง y r g");
    // nothing else changed: only those two fields' lines differ
    let diff = git(&repo, &["diff", "-U0", "--no-color"]);
    let changed = changed_lines(&diff);
    assert!(
        changed
            .iter()
            .all(|l| l.contains("process") || l.contains("description") || l.contains("บรรทัด")),
        "only the two fields changed:\n{diff}"
    );
    assert_eq!(
        changed.iter().filter(|l| l.starts_with('-')).count(),
        2,
        "{diff}"
    );
}

/// Someone else's edit of FIN on disk, while FIN-R1 has unsaved edits here.
fn change_fin_on_disk(fin: &Path, from: &str, to: &str) -> String {
    let theirs = std::fs::read_to_string(fin)
        .expect("read")
        .replacen(from, to, 1);
    std::fs::write(fin, &theirs).expect("write theirs");
    theirs
}

#[test]
fn reload_after_a_conflict_merges_and_undo_never_drops_the_change_on_disk() {
    let (_dir, repo, config) = repo();
    let fin = repo.join("registers/2567/FIN.ron");
    let t = Tmux::start("merge", &repo, &config);
    open_fin_r1(&t);
    set_likelihood(&t, "5");
    t.wait_for("[unsaved]");
    change_fin_on_disk(
        &fin,
        "ผู้อำนวยการกลุ่มงานการเงิน",
        "ผู้อำนวยการกลุ่มงานการเงิน (แก้โดยผู้อื่น)",
    );
    t.key("C-s");
    t.wait_for("changed on disk");
    t.key("r");
    t.wait_for("merged your unsaved edits");
    // the old bug: u restored my version wholesale and Ctrl-S wrote it over theirs
    t.key("u");
    t.key("C-s");
    t.wait_for("nothing to save");
    let now = std::fs::read_to_string(&fin).expect("read");
    assert!(now.contains("แก้โดยผู้อื่น"), "their change is kept");
    assert!(!now.contains("likelihood: 5,"));
    // redo brings the merge back: saving it keeps both changes
    t.key("C-r");
    t.key("C-s");
    t.wait_for("saved: FIN");
    t.key("q");
    t.wait_exit();
    let now = std::fs::read_to_string(&fin).expect("read");
    assert!(
        now.contains("แก้โดยผู้อื่น") && now.contains("likelihood: 5,"),
        "{now}"
    );
}

#[test]
fn a_field_changed_here_and_on_disk_is_shown_both_ways_and_chosen() {
    let (_dir, repo, config) = repo();
    let fin = repo.join("registers/2567/FIN.ron");
    let t = Tmux::start("merge-same", &repo, &config);
    open_fin_r1(&t);
    set_likelihood(&t, "5");
    t.wait_for("[unsaved]");
    change_fin_on_disk(&fin, "likelihood: 3,", "likelihood: 2,");
    t.key("C-s");
    t.wait_for("changed on disk");
    t.key("r");
    let window = t.wait_for("Merge 1/1");
    assert!(
        window.contains("On disk (t):") && window.contains("Yours (m):"),
        "{window}"
    );
    assert!(
        window.contains("keep mine") && window.contains("take theirs"),
        "{window}"
    );
    // mine, then undo: back to the version on disk, nothing of it lost
    t.key("m");
    t.wait_for("merged your unsaved edits");
    t.key("u");
    t.key("C-s");
    t.wait_for("nothing to save");
    let inherent = |fin: &Path| {
        riskreg::store::load_register(fin)
            .expect("reads")
            .value
            .risks[0]
            .inherent
            .likelihood
    };
    assert_eq!(inherent(&fin), 2, "theirs, as on disk");
    t.key("C-r");
    t.key("C-s");
    t.wait_for("saved: FIN");
    t.key("q");
    t.wait_exit();
    assert_eq!(inherent(&fin), 5, "mine, chosen");
}

/// The cursor's cell on the tmux screen.
fn cursor(t: &Tmux) -> (u16, u16) {
    let out = t.tmux(&[
        "display-message",
        "-p",
        "-t",
        "t",
        "#{cursor_x} #{cursor_y}",
    ]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut n = text
        .split_whitespace()
        .map(|v| v.parse::<u16>().expect("a number"));
    (n.next().expect("x"), n.next().expect("y"))
}

/// The text of row `y` of the tmux screen.
fn row(t: &Tmux, y: u16) -> String {
    t.screen()
        .lines()
        .nth(usize::from(y))
        .unwrap_or("")
        .to_string()
}

/// Thai typed as a Thai officer does, at 80×24 in the Thai interface:
/// Backspace takes the last character typed (ที่ → ที, น้ำ → น้), the cursor
/// moves over a whole cluster (น้ำ in one step, two cells: น้ and ำ), ำ is
/// drawn in one cell, and ๆ (q on the Kedmanee layout) quits.
#[test]
fn thai_typed_with_backspace_is_saved_and_kedmanee_q_quits() {
    let (_dir, repo, config) = repo();
    std::fs::write(
        config.join("settings.ron"),
        "Settings(lang: Th, name: \"Test Officer\")\n",
    )
    .expect("settings");
    let fin = repo.join("registers/2567/FIN.ron");
    let t = Tmux::start("thai", &repo, &config);
    t.tmux(&["resize-window", "-t", "t", "-x", "80", "-y", "24"]);
    t.wait_for("ภาพรวม");
    t.keys(&["j", "Enter"]);
    t.wait_for("FIN-R1");
    t.key("Enter");
    t.wait_for("กระบวนงาน");
    // the process: emptied, then typed
    t.key("Enter");
    t.wait_for("Enter ตกลง");
    t.key("C-u");
    std::thread::sleep(Duration::from_millis(150));
    let (x0, y) = cursor(&t);
    let at = |t: &Tmux, cells: u16, what: &str| {
        assert_eq!(cursor(t), (x0 + cells, y), "{what}:\n{}", t.screen());
    };
    t.type_text("น้ำที่");
    at(&t, 3, "น้ำ takes two cells, ที่ one");
    // ำ drawn as ํ + า, one cell each (see view::split_sara_am)
    assert!(row(&t, y).contains("น้ําที่"), "{}", t.screen());
    t.key("BSpace");
    at(&t, 3, "ที่ + Backspace leaves ที in its cell");
    assert!(row(&t, y).contains("น้ําที "), "{}", t.screen());
    t.keys(&["Left", "Left"]);
    at(&t, 0, "two steps back: over ที, then over the whole of น้ำ");
    t.key("Right");
    at(&t, 2, "one step over น้ำ: two cells");
    t.key("End");
    t.type_text("น้ำ");
    at(&t, 5, "น้ำ typed at the end");
    t.key("BSpace");
    at(&t, 4, "Backspace takes ำ alone: น้ is left");
    assert!(row(&t, y).contains("น้ําทีน้ "), "{}", t.screen());
    t.keys(&["BSpace", "BSpace"]);
    at(&t, 3, "then the tone mark, then น");
    t.key("Enter");
    t.wait_for("ยังไม่บันทึก");
    t.key("C-s");
    t.wait_for("บันทึกแล้ว");
    // ๆ is where q is on the Kedmanee layout: it quits
    t.type_text("ๆ");
    t.wait_exit();

    let saved = riskreg::store::load_register(&fin).expect("the saved file reads");
    assert_eq!(saved.value.risks[0].process, "น้ำที");
}

#[test]
fn edit_save_and_commit_from_the_changes_screen_as_the_settings_author() {
    let (dir, repo, config) = repo();
    std::fs::write(
        config.join("settings.ron"),
        "Settings(lang: En, name: \"สมศรี ทดสอบ\", email: \"somsri@example.go.th\")\n",
    )
    .expect("settings");
    let t = Tmux::start_with(
        "commit",
        &repo,
        &config,
        &["RISKREG_TODAY=2567-04-01"],
        Path::new("/dev/null"),
    );
    open_fin_r1(&t);
    set_likelihood(&t, "4");
    t.wait_for("[unsaved]");
    t.key("Escape");
    t.wait_for("Risks 3/3");
    t.key("C-s");
    t.wait_for("saved: FIN");
    t.key("6");
    t.wait_for("Changes against HEAD");
    t.key("c");
    let preview = t.wait_for("What will be committed");
    assert!(preview.contains("risks: 1 changed"), "{preview}");
    assert!(preview.contains("risk FIN-R1: likelihood: 3"), "{preview}");
    t.key("Enter");
    t.wait_for("Commit message");
    t.type_text("Raise FIN-R1 likelihood after the audit");
    t.key("Enter");
    t.wait_for("committed:");
    t.wait_for("no changes since the last commit");
    t.key("q");
    t.wait_exit();

    let log = git(&repo, &["log", "-1", "--format=%an|%ae|%s"]);
    assert_eq!(
        log.trim(),
        "สมศรี ทดสอบ|somsri@example.go.th|Raise FIN-R1 likelihood after the audit"
    );
    let files = git(&repo, &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), "registers/2567/FIN.ron");
    assert!(git(&repo, &["status", "--porcelain"]).trim().is_empty());
    drop(dir);
}

#[test]
fn the_first_frame_comes_while_a_large_year_is_read_and_q_quits_meanwhile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let size = riskreg::report::synthetic::Size {
        bureaus: 400,
        risks: 30,
        measures: 3,
    };
    let year = riskreg::model::FiscalYear::new(2567).expect("year");
    riskreg::report::synthetic::write(&dir.path().join("registers"), year, size).expect("generate");
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(config.join("settings.ron"), "Settings(lang: En)\n").expect("settings");
    let start = Instant::now();
    let t = Tmux::start("loading", dir.path(), &config);
    let first = t.wait_for("Bureaus");
    let shown = start.elapsed();
    // the overview is drawn before the registers are all read, and says so
    let progress = first
        .split("reading registers ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no progress on the first frame:\n{first}"));
    let (done, total) = progress.split_once('/').expect("n/total");
    assert_eq!(total, "400");
    assert!(done.parse::<usize>().expect("a count") < 400, "{first}");
    assert!(first.contains("reading…"), "{first}");
    // keys work meanwhile: down a row, then quit
    t.key("j");
    t.key("q");
    t.wait_exit();
    eprintln!("first frame after {shown:?}, at {progress}");
}
