//! `riskreg init`: a new registers directory through the real binary and a
//! real git, then validated, committed through its hook and opened in the
//! interface.

mod common;

use common::{git, riskreg, stderr, stdout};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

fn init(cwd: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["init"];
    all.extend_from_slice(args);
    riskreg(cwd, &all)
}

/// Every file under `dir` (relative, sorted), leaving out `.git`.
fn files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("read dir") {
            let p = e.expect("entry").path();
            if p.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(
                    p.strip_prefix(base)
                        .expect("under base")
                        .display()
                        .to_string(),
                );
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn init_starts_a_directory_that_validates_and_commits_through_its_hook() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = init(
        tmp.path(),
        &[
            "office",
            "--secretariat",
            "สำนักงานทดสอบ",
            "--bureau",
            "FIN=สำนักการคลังและงบประมาณ",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let office = tmp.path().join("office");
    // RISKREG_TODAY of the tests is in fiscal year 2567
    assert_eq!(
        files(&office),
        [
            ".gitignore",
            "registers/2567/.gitkeep",
            "registers/approaches.ron",
            "registers/bureaus.ron",
            "registers/methodology/coso-5x5-v1.ron",
            "registers/methodology/pacc-3x3-v1.ron",
        ]
    );
    let bureaus = std::fs::read_to_string(office.join("registers/bureaus.ron")).expect("read");
    assert!(bureaus.contains("th: \"สำนักงานทดสอบ\""), "{bureaus}");
    assert!(
        bureaus.contains("code: \"FIN\"") && bureaus.contains("สำนักการคลังและงบประมาณ"),
        "{bureaus}"
    );
    // the methodologies are the shipped ones, byte for byte
    for name in ["coso-5x5-v1.ron", "pacc-3x3-v1.ron"] {
        assert_eq!(
            std::fs::read(office.join("registers/methodology").join(name)).expect("read"),
            std::fs::read(common::sample_registers().join("methodology").join(name))
                .expect("read sample")
        );
    }
    assert!(office.join(".git").is_dir());
    let hook = std::fs::read_to_string(office.join(".git/hooks/pre-commit")).expect("hook");
    assert!(hook.contains("# riskreg pre-commit hook"), "{hook}");
    assert!(
        stdout(&out).contains("press n on a bureau"),
        "{}",
        stdout(&out)
    );

    let v = riskreg(&office, &["validate"]);
    assert_eq!(v.status.code(), Some(0), "{}", stdout(&v));
    assert!(
        stdout(&v).ends_with("0 errors, 0 warnings in 4 files\n"),
        "{}",
        stdout(&v)
    );
    let fmt = riskreg(&office, &["fmt", "--check"]);
    assert_eq!(fmt.status.code(), Some(0), "{}", stdout(&fmt));

    // the hook runs on the first commit and lets it through; the year's
    // directory survives in the repository
    git(&office, &["add", "."]);
    git(&office, &["commit", "-q", "-m", "Start the registers"]);
    let tracked = git(&office, &["ls-files"]);
    assert!(tracked.contains("registers/2567/.gitkeep"), "{tracked}");
    assert!(!tracked.contains(".riskreg-"), "{tracked}");
}

#[test]
fn init_refuses_a_directory_that_already_holds_registers_and_writes_nothing() {
    let (dir, root) = common::sample_workspace();
    let before = files(dir.path());
    let out = init(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("already holds a registers directory"),
        "{}",
        stderr(&out)
    );
    // from inside it, or naming it, too
    let inner = init(&root.join("2567"), &[]);
    assert_eq!(inner.status.code(), Some(1), "{}", stderr(&inner));
    let named = init(dir.path(), &["registers"]);
    assert_eq!(named.status.code(), Some(1), "{}", stderr(&named));
    assert_eq!(files(dir.path()), before);
    assert!(!dir.path().join(".git").exists());
}

#[test]
fn init_refuses_a_registers_folder_that_holds_other_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(tmp.path().join("registers")).expect("mkdir");
    std::fs::write(tmp.path().join("registers/notes.txt"), "keep me").expect("write");
    let out = init(tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is not empty"), "{}", stderr(&out));
    assert_eq!(files(tmp.path()), ["registers/notes.txt"]);
}

#[test]
fn init_inside_a_repository_makes_a_folder_of_it_and_hooks_that_repository() {
    let tmp = tempfile::tempdir().expect("tempdir");
    git(tmp.path(), &["init", "-q"]);
    std::fs::write(tmp.path().join("README"), "the office's own files").expect("write");
    std::fs::write(tmp.path().join(".gitignore"), "*.bak\n").expect("write");
    // `init registers` names the registers directory itself
    let out = init(tmp.path(), &["registers"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("are a folder of the git repository"),
        "{text}"
    );
    assert!(text.contains("kept the existing .gitignore"), "{text}");
    assert!(!tmp.path().join("registers/.git").exists());
    assert!(tmp.path().join("registers/bureaus.ron").is_file());
    assert!(tmp.path().join(".git/hooks/pre-commit").is_file());
    assert_eq!(
        std::fs::read_to_string(tmp.path().join(".gitignore")).expect("read"),
        "*.bak\n"
    );
    // without names, a placeholder secretariat and bureau that validate
    let v = riskreg(tmp.path(), &["validate"]);
    assert_eq!(v.status.code(), Some(0), "{}", stdout(&v));
    let bureaus = std::fs::read_to_string(tmp.path().join("registers/bureaus.ron")).expect("read");
    assert!(bureaus.contains("แก้ไขใน bureaus.ron"), "{bureaus}");
}

#[test]
fn init_rejects_a_bad_bureau_code_before_writing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = init(tmp.path(), &["--bureau", "สำนัก=ชื่อ"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--bureau"), "{}", stderr(&out));
    assert!(files(tmp.path()).is_empty());
}

#[test]
fn the_interface_opens_on_a_new_directory_and_offers_to_create_a_register() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = init(tmp.path(), &["--bureau", "FIN=สำนักการคลัง"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let root = tmp.path().join("registers");
    let mut app = riskreg::tui::app::App::open(
        &root,
        riskreg::tui::settings::Settings {
            lang: Some(riskreg::model::Lang::Th),
            ..Default::default()
        },
        riskreg::tui::theme::Theme::mono(),
    )
    .expect("a new directory opens");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| riskreg::tui::view::draw(f, &app))
        .expect("draw");
    let screen = terminal.backend().to_string();
    assert!(screen.contains("ยังไม่มี — n สร้าง"), "{screen}");
    // and n does create it
    riskreg::tui::press(
        &mut app,
        crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('n'),
            crossterm::event::KeyModifiers::NONE,
        ),
    );
    assert!(root.join("2567/FIN.ron").is_file());
    let v = riskreg(tmp.path(), &["validate"]);
    assert_eq!(v.status.code(), Some(0), "{}", stdout(&v));
}

#[test]
fn completions_and_the_manual_page_come_from_the_command_definition() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (shell, sign) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef riskreg"),
        ("fish", "complete -c riskreg"),
    ] {
        let out = riskreg(tmp.path(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains(sign), "{shell}: {text}");
        // every command is offered, the new ones too
        for cmd in ["validate", "summary", "init", "completions"] {
            assert!(text.contains(cmd), "{shell} lacks {cmd}");
        }
    }
    let bad = riskreg(tmp.path(), &["completions", "cmd.exe"]);
    assert_eq!(bad.status.code(), Some(2));
    let man = riskreg(tmp.path(), &["man"]);
    assert_eq!(man.status.code(), Some(0), "{}", stderr(&man));
    let page = stdout(&man);
    assert!(
        page.starts_with(".ie") || page.contains(".TH riskreg"),
        "{page}"
    );
    assert!(page.contains(".TH riskreg 1"), "{page}");
    assert!(page.contains("init"), "{page}");
}
