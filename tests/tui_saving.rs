//! Saving: Ctrl-S, the conflict prompt, reload with merge, the approval
//! mark and the Changes screen against git HEAD.
//! The state driven by keys on a copy of the sample registers.

mod common;

use common::tui::*;
use crossterm::event::KeyCode;
use riskreg::model::{Lang, RoundId, TrafficLight};
use riskreg::tui::app::{Modal, Msg, Notice, Screen};
use riskreg::tui::screens::overview;

#[test]
fn ctrl_s_saves_and_a_conflict_offers_reload_copy_or_cancel() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'o');
    ch(&mut app, 'r');
    ctrl(&mut app, 's');
    assert!(!app.ws.any_dirty());
    assert_eq!(
        app.status,
        Some(Notice::Saved {
            codes: vec!["FIN".into()]
        })
    );
    ctrl(&mut app, 's');
    assert_eq!(app.status, Some(Notice::NothingToSave));
    let path = app.ws.entries[app.current].loaded.path.clone();
    let on_disk = std::fs::read_to_string(&path).expect("read");
    assert!(on_disk.contains("status: Red"));

    ch(&mut app, 'y');
    std::fs::write(
        &path,
        on_disk.replace(
            "FIN-M1\",\n                    title: \"",
            "FIN-M1\",\n                    title: \"X",
        ),
    )
    .expect("write theirs");
    ctrl(&mut app, 's');
    assert_eq!(
        app.modal,
        Modal::Conflict(app.ws.entries[app.current].key())
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.modal, Modal::None);
    assert!(app.ws.any_dirty(), "cancel keeps my changes");
    assert_eq!(app.status, Some(Notice::SaveCancelled));
    ctrl(&mut app, 's');
    ch(&mut app, 'r');
    // reload merges: their title and my status, both
    assert_eq!(app.modal, Modal::None, "no field changed on both sides");
    assert!(app.ws.any_dirty(), "my edit is re-applied, unsaved");
    assert_eq!(app.status, Some(Notice::Merged { unsaved: true }));
    let merged = &app.ws.entries[app.current].register().risks[0].measures[0];
    assert!(merged.title.starts_with('X'), "{}", merged.title);
    let yellow = |m: &riskreg::model::Measure| {
        m.at_round(&RoundId::new("12m").expect("id"))
            .map(|m| m.status)
    };
    assert_eq!(yellow(merged), Some(TrafficLight::Yellow));
    // undo goes back to the version on disk, never to mine alone
    ch(&mut app, 'u');
    assert!(!app.ws.any_dirty());
    let theirs = &app.ws.entries[app.current].register().risks[0].measures[0];
    assert!(theirs.title.starts_with('X'));
    assert_eq!(yellow(theirs), Some(TrafficLight::Red));
    ch(&mut app, 'u');
    assert_eq!(app.status, Some(Notice::NothingToUndo));
    ctrl(&mut app, 's');
    let after = std::fs::read_to_string(&path).expect("read");
    assert!(
        after.contains("title: \"X"),
        "their change survives undo and save"
    );
    // redo brings the merge back, and saving it keeps both
    ctrl(&mut app, 'y');
    ctrl(&mut app, 's');
    let after = std::fs::read_to_string(&path).expect("read");
    assert!(after.contains("title: \"X") && after.contains("status: Yellow"));
}

#[test]
fn a_field_changed_on_both_sides_is_chosen_after_reload() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    let path = app.ws.entries[app.current].loaded.path.clone();
    let on_disk = std::fs::read_to_string(&path).expect("read");
    assert_eq!(fin_r1_likelihood(&app), 3);
    // mine: likelihood 5 and the process; theirs: likelihood 2
    app.mutate(riskreg::tui::workspace::Part::Whole, |reg, _, _| {
        reg.risks[0].inherent.likelihood = 5;
        reg.risks[0].process = "ของฉัน".into();
        Ok(())
    })
    .expect("edit");
    std::fs::write(
        &path,
        on_disk.replacen("likelihood: 3,", "likelihood: 2,", 1),
    )
    .expect("write theirs");
    ctrl(&mut app, 's');
    assert_eq!(
        app.modal,
        Modal::Conflict(app.ws.entries[app.current].key())
    );
    ch(&mut app, 'r');
    let Modal::Merge(m) = &app.modal else {
        panic!("expected the merge window, got {:?}", app.modal)
    };
    assert_eq!(m.merged.conflicts.len(), 1);
    let (theirs, mine) = &m.words[0];
    assert!(theirs.iter().any(|l| l.contains("FIN-R1")), "{theirs:?}");
    assert!(mine.iter().any(|l| l.contains("FIN-R1")), "{mine:?}");
    // other keys do nothing until it is settled
    ctrl(&mut app, 's');
    assert!(matches!(app.modal, Modal::Merge(_)));
    ch(&mut app, 't');
    assert_eq!(app.modal, Modal::None);
    assert_eq!(fin_r1_likelihood(&app), 2, "theirs chosen");
    let process = &app.ws.entries[app.current].register().risks[0].process;
    assert_eq!(process, "ของฉัน", "my other field is kept");
    ctrl(&mut app, 's');
    let saved = riskreg::store::load_register(&path).expect("reads");
    assert_eq!(saved.value.risks[0].inherent.likelihood, 2);
    assert_eq!(saved.value.risks[0].process, "ของฉัน");
}

#[test]
fn approval_mark_follows_edits_and_changes_view_lists_saved_changes() {
    let (dir, mut app) = english();
    common::git(dir.path(), &["init", "-q"]);
    common::git(dir.path(), &["add", "."]);
    common::git(dir.path(), &["commit", "-q", "-m", "samples"]);
    let mtg = app.ws.entry_of("MTG").expect("MTG loaded");
    assert_eq!(
        app.ws.entries[mtg].approval_mark(),
        '✓',
        "MTG is approved in the samples"
    );
    let row = overview::rows(&app)
        .iter()
        .position(|(_, e)| *e == Some(mtg))
        .expect("MTG row");
    app.overview.selected = row;
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter); // MTG-R1 in the editor
    for _ in 0..4 {
        ch(&mut app, 'j');
    }
    key(&mut app, KeyCode::Left); // likelihood one level down
    assert_eq!(
        app.ws.entries[mtg].approval_mark(),
        '≠',
        "an edit breaks the approval"
    );
    ctrl(&mut app, 'z');
    assert_eq!(app.ws.entries[mtg].approval_mark(), '✓', "undo restores it");
    ctrl(&mut app, 'y');
    ch(&mut app, '6');
    assert_eq!(app.screen, Screen::Changes);
    assert_eq!(app.changes.list, Ok(Vec::new()), "nothing saved yet");
    let said = |cs: &[riskreg::audit::Change]| -> Vec<String> {
        cs.iter()
            .map(|c| riskreg::audit::render::line(c, Lang::En))
            .collect()
    };
    let unsaved = said(&app.unsaved_changes());
    assert!(
        unsaved
            .iter()
            .any(|l| l.contains("MTG-R1") && l.contains("likelihood")),
        "the unsaved edit is described: {unsaved:?}"
    );
    ctrl(&mut app, 's'); // saving on the Changes screen refreshes it
    assert!(app.unsaved_changes().is_empty());
    let lines = said(app.changes.list.as_ref().expect("changes"));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("MTG-R1") && l.contains("likelihood")),
        "{lines:?}"
    );
}

#[test]
fn the_changes_screen_says_changes_in_words_and_follows_every_edit_undo_and_redo() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter); // FIN-R1
    app.mutate(riskreg::tui::workspace::Part::Whole, |reg, _, _| {
        let r = &mut reg.risks[0];
        r.control_quality = riskreg::model::ControlQuality::Weak;
        r.residual = r.residual.map(|x| riskreg::model::Rating {
            likelihood: x.likelihood + 1,
            ..x
        });
        r.controls = "ตรวจสอบเอกสาร ".repeat(12);
        Ok(())
    })
    .expect("edit");
    ch(&mut app, '6');
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("control grade: fair → weak"), "{screen}");
    assert!(
        screen.contains("residual rating: L2 × I3 medium → L3 × I3 medium"),
        "{screen}"
    );
    for syntax in ["Some((", "Fair", "Weak", "likelihood:"] {
        assert!(
            !screen.contains(syntax),
            "file syntax {syntax:?}:\n{screen}"
        );
    }
    // the long text wraps, between words (ตรวจสอบ|เอกสาร may part): its
    // end is on screen, with no ellipsis
    for word in ["ตรวจสอบ", "เอกสาร"] {
        assert!(screen.matches(word).count() >= 13, "{word}: {screen}");
    }
    assert!(!screen.contains('…'), "{screen}");
    // undo and redo change the list at once
    ch(&mut app, 'u');
    let screen = screen_text(&app, 80, 24);
    assert!(!screen.contains("control grade"), "{screen}");
    ctrl(&mut app, 'y');
    assert!(screen_text(&app, 80, 24).contains("control grade: fair → weak"));
    // in Thai, in Thai words
    ch(&mut app, 'L');
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("การควบคุม: พอใช้ → อ่อน"), "{screen}");
}

#[test]
fn save_as_copy_says_where_mine_went_and_that_theirs_is_loaded() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'o');
    ch(&mut app, 'r');
    let path = app.ws.entries[app.current].loaded.path.clone();
    let on_disk = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        on_disk.replacen("likelihood: 3,", "likelihood: 2,", 1),
    )
    .expect("write theirs");
    ctrl(&mut app, 's');
    ch(&mut app, 'c');
    let Some(Notice::CopySaved { copy }) = &app.status else {
        panic!("expected the copy's notice, got {:?}", app.status)
    };
    let mine = std::fs::read_to_string(copy).expect("the copy is there");
    assert!(mine.contains("status: Red"), "my edit is in the copy");
    assert_eq!(fin_r1_likelihood(&app), 2, "theirs is on screen");
    assert!(!app.ws.any_dirty());
}

/// The Changes screen scrolls exactly as far as what it draws: End shows
/// the last row of the last change however much the changes wrap at the
/// width, and one step up from there moves the view (no dead steps past
/// the end).
#[test]
fn the_changes_screen_scrolls_to_its_last_row_and_no_further() {
    for (w, h) in [(80, 24), (120, 40)] {
        // few changes, each many rows long at the width
        let (_d, mut app) = english();
        riskreg::tui::handle(&mut app, Msg::Resize(w, h));
        open_fin(&mut app);
        app.mutate(riskreg::tui::workspace::Part::Whole, |reg, _, _| {
            for (i, r) in reg.risks.iter_mut().enumerate() {
                r.controls = format!("{}END-OF-{i}", "ตรวจสอบเอกสาร ".repeat(70));
            }
            Ok(())
        })
        .expect("edit");
        ch(&mut app, '6');
        ch(&mut app, 'G');
        let last = format!(
            "END-OF-{}",
            app.register_value().expect("reg").risks.len() - 1
        );
        let screen = screen_text(&app, w, h);
        assert!(screen.contains(&last), "{w}×{h}: {last} not in\n{screen}");

        // many changes of one row each, saved: the list against HEAD ends
        // with the last of them
        let (dir, mut app) = english();
        common::git(dir.path(), &["init", "-q"]);
        common::git(dir.path(), &["add", "."]);
        common::git(dir.path(), &["commit", "-q", "-m", "samples"]);
        riskreg::tui::handle(&mut app, Msg::Resize(w, h));
        open_fin(&mut app);
        let mut last = String::new();
        app.mutate(riskreg::tui::workspace::Part::Whole, |reg, method, _| {
            let category = method.expect("method").categories[0].id.clone();
            for _ in 0..2 * h {
                let risk = riskreg::model::blank::risk(reg, category.clone(), true)?;
                last = risk.id.to_string();
                reg.risks.push(risk);
            }
            Ok(())
        })
        .expect("add risks");
        ch(&mut app, '6');
        ctrl(&mut app, 's');
        assert!(app.unsaved_changes().is_empty());
        ch(&mut app, 'G');
        let bottom = screen_text(&app, w, h);
        assert!(bottom.contains(&last), "{w}×{h}: {last} not in\n{bottom}");
        ch(&mut app, 'k');
        let one_up = screen_text(&app, w, h);
        assert!(
            !one_up.contains(&last),
            "{w}×{h}: one step up scrolls {last} off the bottom:\n{one_up}"
        );
    }
}

#[test]
fn a_save_that_fails_is_said_in_the_language_of_the_interface() {
    for (settings, words) in [
        (thai(), "ไฟล์ถูกลบหรือย้ายไปหลังจากที่อ่านมา จึงไม่สร้างขึ้นใหม่"),
        (
            riskreg::tui::settings::Settings {
                lang: Some(Lang::En),
                ..Default::default()
            },
            "the file was removed or moved since it was loaded; not recreating it",
        ),
    ] {
        let (_d, mut app) = app_with(settings);
        open_fin(&mut app);
        ch(&mut app, 'o');
        ch(&mut app, 'r');
        let path = app.ws.entries[app.current].loaded.path.clone();
        std::fs::remove_file(&path).expect("remove");
        ctrl(&mut app, 's');
        assert!(!path.exists(), "nothing is written back");
        assert!(app.ws.any_dirty(), "the edit stays unsaved");
        let Some(Notice::Unable { why }) = &app.status else {
            panic!("{:?}", app.status);
        };
        assert!(
            why.en
                .ends_with("the file was removed or moved since it was loaded; not recreating it")
        );
        // the status line, as drawn, in the interface's language
        let screen = screen_text(&app, 200, 24);
        let flat: String = screen.split_whitespace().collect();
        let want: String = words.split_whitespace().collect();
        assert!(flat.contains(&want), "{screen}");
    }
}

#[test]
fn the_status_line_words_a_riskreg_today_that_does_not_read_in_both_languages() {
    let why = riskreg::clock::NoToday::Malformed {
        value: "garbage".into(),
        why: riskreg::model::Refused::StoredDate {
            found: "garbage".into(),
        },
    };
    let notice = Notice::NoToday(why);
    assert_eq!(
        notice.text(Lang::Th),
        "RISKREG_TODAY=garbage: ต้องเป็นวันที่ พ.ศ. เช่น \"2567-01-12\" แต่พบ \"garbage\""
    );
    assert_eq!(
        notice.text(Lang::En),
        "RISKREG_TODAY=garbage: expected a Buddhist-era date like \"2567-01-12\", found \"garbage\""
    );
}
