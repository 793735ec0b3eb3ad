//! Git from the interface, on real repositories in temporary directories
//! with the real `git`: the commit preview in domain terms, the message,
//! the author from the settings, unsaved edits left out, a pre-commit hook
//! refusing (nothing lost), and the history of a risk or a measure.

mod common;

use common::git;
use common::tui::{ch, ctrl, key, screen_text};
use crossterm::event::KeyCode;
use riskreg::audit::LogTarget;
use riskreg::model::Lang;
use riskreg::tui::app::{App, Modal, Screen};
use riskreg::tui::notice::Notice;
use riskreg::tui::settings::Settings;
use riskreg::tui::theme::Theme;
use std::path::Path;

/// The settings of an officer who can commit.
fn officer(lang: Lang) -> Settings {
    Settings {
        lang: Some(lang),
        name: "สมศรี ทดสอบ".into(),
        email: "somsri@example.go.th".into(),
        ..Settings::default()
    }
}

/// The samples committed in a new repository; the app open on them.
fn repo_app(settings: Settings) -> (tempfile::TempDir, App) {
    let (dir, root) = common::sample_workspace();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "samples"]);
    let mut app = App::open(&root, settings, Theme::mono()).expect("samples open");
    app.today = Some(common::tui::today());
    (dir, app)
}

/// Raises FIN-R1's likelihood by one, as the editor would, and saves.
fn edit_fin_r1_and_save(app: &mut App) {
    let fin = app.ws.entry_of("FIN").expect("FIN");
    app.current = fin;
    app.mutate(riskreg::tui::workspace::Part::Whole, |reg, _, _| {
        reg.risks[0].inherent.likelihood = 4;
        Ok(())
    })
    .expect("edit");
    ctrl(app, 's');
    assert!(!app.ws.entries[fin].dirty, "{:?}", app.status);
    assert!(app.ws.entries[fin].uncommitted);
}

fn head_count(dir: &Path) -> usize {
    git(dir, &["rev-list", "--count", "HEAD"])
        .trim()
        .parse()
        .expect("count")
}

#[test]
fn the_overview_offers_the_commit_shows_it_in_domain_terms_then_commits_as_the_settings_author() {
    let (dir, mut app) = repo_app(officer(Lang::En));
    edit_fin_r1_and_save(&mut app);
    ch(&mut app, '1');
    let overview = screen_text(&app, 80, 24);
    assert!(
        overview.contains("1 saved register(s) not committed — press c"),
        "{overview}"
    );

    ch(&mut app, 'c');
    assert_eq!(app.screen, Screen::Commit);
    let shown = screen_text(&app, 80, 24);
    assert!(shown.contains("FIN"), "{shown}");
    assert!(shown.contains("risks: 1 changed"), "{shown}");
    assert!(shown.contains("risk FIN-R1: likelihood"), "{shown}");
    assert!(shown.contains("somsri@example.go.th"), "{shown}");
    insta::assert_snapshot!("commit_preview_en_80x24", shown);

    key(&mut app, KeyCode::Enter);
    let Modal::CommitMessage { edit, .. } = &app.modal else {
        panic!("the message prompt: {:?}", app.modal);
    };
    assert_eq!(
        edit.text(),
        "Update the risk registers of fiscal year 2567: FIN"
    );
    // typing replaces the default
    common::tui::typed(&mut app, "Raise FIN-R1 likelihood");
    key(&mut app, KeyCode::Enter);

    assert_eq!(app.modal, Modal::None);
    assert_eq!(app.screen, Screen::Overview, "{:?}", app.status);
    let head = git(dir.path(), &["rev-parse", "HEAD"]);
    assert_eq!(
        app.status,
        Some(Notice::Committed {
            id: head.trim().to_string(),
            codes: vec!["FIN".into()]
        })
    );
    let log = git(dir.path(), &["log", "-1", "--format=%an|%ae|%cn|%s"]);
    assert_eq!(
        log.trim(),
        "สมศรี ทดสอบ|somsri@example.go.th|สมศรี ทดสอบ|Raise FIN-R1 likelihood"
    );
    let files = git(dir.path(), &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), "registers/2567/FIN.ron");
    assert!(
        git(dir.path(), &["status", "--porcelain"])
            .trim()
            .is_empty()
    );
    assert!(app.ws.entries.iter().all(|e| !e.uncommitted));
    assert!(!screen_text(&app, 80, 24).contains("not committed — press c"));
}

#[test]
fn the_thai_preview_and_message_and_the_changes_screen_commit_too() {
    let (dir, mut app) = repo_app(officer(Lang::Th));
    edit_fin_r1_and_save(&mut app);
    ch(&mut app, '6');
    assert_eq!(app.screen, Screen::Changes);
    ch(&mut app, 'c');
    assert_eq!(app.screen, Screen::Commit);
    let shown = screen_text(&app, 80, 24);
    assert!(shown.contains("ความเสี่ยง แก้ไข 1"), "{shown}");
    insta::assert_snapshot!("commit_preview_th_80x24", shown);
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("commit_message_th_80x24", screen_text(&app, 80, 24));
    key(&mut app, KeyCode::Enter);
    // back where c was pressed, which now has nothing against HEAD
    assert_eq!(app.screen, Screen::Changes);
    assert_eq!(app.changes.list, Ok(Vec::new()));
    let log = git(dir.path(), &["log", "-1", "--format=%s"]);
    assert_eq!(log.trim(), "ปรับปรุงทะเบียนความเสี่ยง ปีงบ 2567: FIN");
}

#[test]
fn edits_not_saved_are_named_and_left_out_of_the_commit() {
    let (dir, mut app) = repo_app(officer(Lang::En));
    edit_fin_r1_and_save(&mut app);
    app.mutate(riskreg::tui::workspace::Part::Whole, |reg, _, _| {
        reg.risks[0].inherent.impact = 1;
        Ok(())
    })
    .expect("unsaved edit");
    ch(&mut app, '1');
    ch(&mut app, 'c');
    let shown = screen_text(&app, 80, 24);
    assert!(
        shown.contains("edits not saved are not committed"),
        "{shown}"
    );
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    let committed = git(dir.path(), &["show", "HEAD:registers/2567/FIN.ron"]);
    let on_disk = std::fs::read_to_string(dir.path().join("registers/2567/FIN.ron")).expect("read");
    assert_eq!(committed, on_disk, "the commit holds the file as saved");
    let fin = app.ws.entry_of("FIN").expect("FIN");
    assert!(
        app.ws.entries[fin].dirty,
        "the unsaved edit is still in hand"
    );
    assert_eq!(app.ws.entries[fin].register().risks[0].inherent.impact, 1);
}

#[test]
fn without_a_name_and_email_the_commit_is_refused_saying_where_to_set_them() {
    let (dir, mut app) = repo_app(Settings {
        lang: Some(Lang::En),
        name: "Somsri".into(),
        ..Settings::default()
    });
    edit_fin_r1_and_save(&mut app);
    ch(&mut app, '1');
    ch(&mut app, 'c');
    assert_eq!(app.screen, Screen::Overview);
    let Some(Notice::AuthorFirst { settings }) = app.status.clone() else {
        panic!("{:?}", app.status);
    };
    assert!(settings.ends_with("settings.ron"), "{settings}");
    let said = Notice::AuthorFirst { settings }.text(Lang::En);
    assert!(said.contains("e-mail (email)"), "{said}");
    assert_eq!(head_count(dir.path()), 1);
}

#[test]
fn a_pre_commit_hook_that_refuses_is_shown_and_nothing_is_lost() {
    let (dir, mut app) = repo_app(officer(Lang::En));
    let hook = dir.path().join(".git/hooks/pre-commit");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho 'registers/2567/FIN.ron:12:5: ห้าม commit ทะเบียนนี้' >&2\nprintf '\\033[31mrefused\\033[0m \\033]0;title\\007\\n' >&2\nexit 1\n",
    )
    .expect("hook");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    edit_fin_r1_and_save(&mut app);
    let saved = std::fs::read(dir.path().join("registers/2567/FIN.ron")).expect("read");
    ch(&mut app, '1');
    ch(&mut app, 'c');
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);

    assert_eq!(app.screen, Screen::Commit, "the preview stays");
    assert_eq!(app.status, Some(Notice::CommitRefused));
    assert_eq!(
        app.commit.refused.as_deref(),
        Some(
            "registers/2567/FIN.ron:12:5: ห้าม commit ทะเบียนนี้\n\u{1b}[31mrefused\u{1b}[0m \u{1b}]0;title\u{7}"
        )
    );
    let shown = screen_text(&app, 80, 24);
    assert!(shown.contains("ห้าม commit ทะเบียนนี้"), "{shown}");
    // what a hook says is data: its colours dropped, other controls shown
    assert!(shown.contains("refused \\u{1b}]0;title\\u{7}"), "{shown}");
    assert!(!shown.contains('\u{1b}'), "{shown}");
    assert_eq!(head_count(dir.path()), 1, "no commit was made");
    let after = std::fs::read(dir.path().join("registers/2567/FIN.ron")).expect("read");
    assert_eq!(saved, after, "the file is as saved");
    let fin = app.ws.entry_of("FIN").expect("FIN");
    assert!(app.ws.entries[fin].uncommitted);
}

#[test]
fn nothing_saved_since_the_last_commit_says_so() {
    let (_dir, mut app) = repo_app(officer(Lang::En));
    ch(&mut app, 'c');
    assert_eq!(app.screen, Screen::Commit);
    assert_eq!(app.status, Some(Notice::NothingToCommit));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None, "no message is asked for");
}

/// Two commits on FIN-R1 and its measure FIN-M1, made through the interface.
fn two_commits(app: &mut App) {
    edit_fin_r1_and_save(app);
    ch(app, '1');
    ch(app, 'c');
    key(app, KeyCode::Enter);
    key(app, KeyCode::Enter);
    let fin = app.ws.entry_of("FIN").expect("FIN");
    app.current = fin;
    app.mutate(riskreg::tui::workspace::Part::Whole, |reg, _, _| {
        reg.risks[0].measures[0].title = "มาตรการที่แก้ไขแล้ว".into();
        Ok(())
    })
    .expect("edit");
    ctrl(app, 's');
    ch(app, 'c');
    key(app, KeyCode::Enter);
    common::tui::typed(app, "Retitle FIN-M1");
    key(app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Overview, "{:?}", app.status);
}

#[test]
fn v_on_the_register_shows_the_history_of_the_risk_under_the_cursor() {
    let (_dir, mut app) = repo_app(officer(Lang::Th));
    two_commits(&mut app);
    common::tui::open_fin(&mut app);
    ch(&mut app, 'v');
    assert_eq!(app.screen, Screen::History);
    assert_eq!(app.history.target, Some(LogTarget::Risk("FIN-R1".into())));
    let list = app.history.list.clone().expect("read").expect("history");
    // newest first: the measure's title, the likelihood, then the samples
    let subjects: Vec<&str> = list.iter().map(|e| e.commit.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "Retitle FIN-M1",
            "ปรับปรุงทะเบียนความเสี่ยง ปีงบ 2567: FIN",
            "samples"
        ]
    );
    assert!(list.iter().take(2).all(|e| e.commit.author == "สมศรี ทดสอบ"));
    let shown = screen_text(&app, 80, 24);
    assert!(shown.contains("ความเสี่ยง FIN-R1: โอกาส"), "{shown}");
    insta::assert_snapshot!(
        "history_risk_th_80x24",
        // commit ids and dates differ in each run
        redact(&shown, &list)
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Register);
}

#[test]
fn v_in_the_editor_on_a_measure_shows_that_measure_only() {
    let (_dir, mut app) = repo_app(officer(Lang::En));
    two_commits(&mut app);
    common::tui::open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Editor);
    key(&mut app, KeyCode::Tab); // to FIN-M1's pane
    ch(&mut app, 'v');
    assert_eq!(app.screen, Screen::History);
    assert_eq!(
        app.history.target,
        Some(LogTarget::Measure("FIN-M1".into()))
    );
    let list = app.history.list.clone().expect("read").expect("history");
    let subjects: Vec<&str> = list.iter().map(|e| e.commit.subject.as_str()).collect();
    assert_eq!(subjects, ["Retitle FIN-M1", "samples"]);
}

#[test]
fn outside_a_repository_the_history_says_why() {
    let (_dir, mut app) = common::tui::english();
    common::tui::open_fin(&mut app);
    ch(&mut app, 'v');
    assert_eq!(app.screen, Screen::History);
    let why = app
        .history
        .list
        .clone()
        .expect("read")
        .expect_err("no repo");
    assert!(why.en.contains("not inside a git repository"), "{why:?}");
    assert!(why.th.contains("ไม่ได้อยู่ในคลัง git"), "{why:?}");
}

#[test]
fn outside_a_repository_the_thai_history_says_why_in_thai() {
    let (_dir, mut app) = common::tui::app_with(common::tui::thai());
    common::tui::open_fin(&mut app);
    ch(&mut app, 'v');
    assert_eq!(app.screen, Screen::History);
    let screen = common::tui::screen_text(&app, 120, 30);
    let flat: String = screen.split_whitespace().collect();
    assert!(flat.contains("ไม่ได้อยู่ในคลังgit"), "{screen}");
    assert!(!screen.contains("not inside a git repository"), "{screen}");
}

/// The screen with each commit's short id and date replaced by a fixed word.
fn redact(screen: &str, list: &[riskreg::audit::LogEntry]) -> String {
    let mut out = screen.to_string();
    for e in list {
        out = out.replace(&e.commit.id[..7], "<id>   ");
        let date = riskreg::audit::history::commit_date(&e.commit, Lang::Th);
        let blank = "<date>".to_string() + &" ".repeat(date.chars().count().saturating_sub(6));
        out = out.replace(&date, &blank);
    }
    out
}
