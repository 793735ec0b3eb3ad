//! What the interface keeps from the registers and brings up to date with
//! the part an edit touched, rather than computing it again over the whole
//! register (issue 16: the redraw after an edit at 2 000 risks): the unsaved
//! mark, the register's filtered and sorted rows, the due marks. After every
//! edit, undo and redo each must equal what a computation from scratch says.

mod common;

use common::tui::{ch, on, open_fin};
use riskreg::model::{Date, MeasureId, RiskId};
use riskreg::tui::action::Action;
use riskreg::tui::app::App;
use riskreg::tui::screens::{marks, register};
use riskreg::tui::workspace::Part;

/// The unsaved mark of the register on screen, and what a whole comparison
/// with its saved value says.
fn dirty(app: &App) -> (bool, bool) {
    let e = &app.ws.entries[app.current];
    (e.dirty, e.saved() != e.register())
}

fn edit(app: &mut App, part: Part, change: impl FnOnce(&mut riskreg::model::Register)) {
    app.mutate(part, |reg, _, _| {
        change(reg);
        Ok(())
    })
    .expect("the edit is taken");
}

fn undo(app: &mut App) {
    app.update(Action::Undo);
}

fn redo(app: &mut App) {
    app.update(Action::Redo);
}

#[test]
fn the_unsaved_mark_follows_edits_of_each_part_and_their_undo() {
    let (_d, mut app) = common::tui::english();
    open_fin(&mut app);
    let owner = app.register_value().expect("FIN").risks[1].owner.clone();
    let check = |app: &App, want: bool, what: &str| {
        assert_eq!(dirty(app), (want, want), "{what}");
    };
    check(&app, false, "as loaded");

    edit(&mut app, Part::Risk(1), |r| {
        r.risks[1].owner = "คนอื่น".into()
    });
    check(&app, true, "a risk edited");
    undo(&mut app);
    check(&app, false, "its edit undone");
    redo(&mut app);
    check(&app, true, "and redone");
    // edited back by hand, without undo
    edit(&mut app, Part::Risk(1), |r| {
        r.risks[1].owner = owner.clone()
    });
    check(&app, false, "the risk edited back to what is saved");

    edit(&mut app, Part::Header, |r| r.note = "บันทึก".into());
    edit(&mut app, Part::Risk(0), |r| r.risks[0].controls.push('!'));
    undo(&mut app);
    check(&app, true, "the header still edited");
    undo(&mut app);
    check(&app, false, "header and risk undone");

    // a risk deleted (the whole register), then a risk edited while the
    // numbers of risks differ, then both undone
    edit(&mut app, Part::Whole, |r| {
        r.risks.remove(2);
    });
    check(&app, true, "a risk deleted");
    edit(&mut app, Part::Risk(0), |r| r.risks[0].controls.push('!'));
    undo(&mut app);
    check(&app, true, "still one risk short");
    undo(&mut app);
    check(&app, false, "the deletion undone");

    // two risks swapped is an edit, swapped back is none
    edit(&mut app, Part::Whole, |r| r.risks.swap(0, 1));
    check(&app, true, "two risks swapped");
    edit(&mut app, Part::Risk(0), |r| r.risks[0].controls.push('!'));
    edit(&mut app, Part::Whole, |r| r.risks.swap(0, 1));
    check(&app, true, "swapped back, one of them edited");
    edit(&mut app, Part::Risk(1), |r| {
        r.risks[1].controls.pop();
    });
    check(&app, false, "the edit taken back too");

    // saved: the saved value is the edited one
    edit(&mut app, Part::Risk(2), |r| {
        r.risks[2].owner = "คนอื่น".into()
    });
    app.ws.save_all();
    check(&app, false, "saved");
    undo(&mut app);
    check(&app, true, "undone past the save");
}

/// FIN grown to `n` risks, of every likelihood and impact and a few
/// processes, with fresh ids.
fn grow_fin(app: &mut App, n: usize) {
    edit(app, Part::Whole, |reg| {
        let seed = reg.risks.clone();
        reg.risks = (0..n)
            .map(|k| {
                let mut r = seed[k % seed.len()].clone();
                r.id = RiskId::new(format!("FIN-R{}", k + 1)).expect("id");
                r.inherent.likelihood = (k * 7 % 5) as u8 + 1;
                r.inherent.impact = (k * 3 % 5) as u8 + 1;
                r.process = format!("กระบวนงาน {}", k % 4);
                for (j, m) in r.measures.iter_mut().enumerate() {
                    m.id = MeasureId::new(format!("FIN-M{}-{}", k + 1, j + 1)).expect("id");
                }
                r
            })
            .collect();
    });
}

/// The rows as kept (brought up to date after edits) and as computed from
/// scratch (a copy of the view starts without its kept rows).
fn rows(app: &mut App) -> (Vec<usize>, Vec<usize>) {
    let kept = register::visible_risks(app);
    let view = app.register.clone();
    let kept_view = std::mem::replace(&mut app.register, view);
    let fresh = register::visible_risks(app);
    app.register = kept_view;
    (kept, fresh)
}

#[test]
fn edits_that_change_a_risks_band_or_its_match_place_it_again_as_a_new_sort_would() {
    let (_d, mut app) = common::tui::english();
    open_fin(&mut app);
    grow_fin(&mut app, 60);
    // sorted by band, then by process reversed, then by residual band
    // with a search: after each edit the kept rows are the fresh ones
    let mut state: usize = 7;
    let mut step = || {
        state = (state * 1103515245 + 12345) % 2147483648;
        state
    };
    let views: [(usize, bool, &str); 4] = [
        (4, false, ""),
        (1, true, ""),
        (6, false, "กระบวนงาน 2"),
        (0, true, ""),
    ];
    for (sorts, reverse, query) in views {
        app.register.sort = register::Column::Id;
        for _ in 0..sorts {
            ch(&mut app, 's');
        }
        app.register.reverse = reverse;
        app.register.query = query.into();
        let (kept, fresh) = rows(&mut app);
        assert_eq!(kept, fresh);
        for _ in 0..25 {
            let ri = step() % 60;
            let (l, i, p) = (step() % 5 + 1, step() % 5 + 1, step() % 4);
            let before = register::visible_risks(&app);
            edit(&mut app, Part::Risk(ri), |r| {
                r.risks[ri].inherent.likelihood = l as u8;
                r.risks[ri].inherent.impact = i as u8;
                r.risks[ri].process = format!("กระบวนงาน {p}");
            });
            let (kept, fresh) = rows(&mut app);
            assert_eq!(kept, fresh, "after editing risk {ri} to L{l} I{i} P{p}");
            if step() % 3 == 0 {
                undo(&mut app);
                let (kept, fresh) = rows(&mut app);
                assert_eq!(kept, fresh, "after undoing it");
                assert_eq!(kept, before, "as before the edit");
            }
        }
    }
    // the band sort: a risk raised to the top band moves among the last,
    // after every risk of a lower band, before the later ones of its own
    app.register.sort = register::Column::Id;
    for _ in 0..4 {
        ch(&mut app, 's');
    }
    app.register.reverse = false;
    app.register.query.clear();
    let first = register::visible_risks(&app)[0];
    edit(&mut app, Part::Risk(first), |r| {
        r.risks[first].inherent.likelihood = 5;
        r.risks[first].inherent.impact = 5;
    });
    let after = register::visible_risks(&app);
    let at = after.iter().position(|&r| r == first).expect("shown");
    assert!(at > 0, "no longer first: {after:?}");
    let (reg, method) = (
        app.register_value().expect("FIN"),
        app.method().expect("method"),
    );
    let band = |r: &riskreg::model::Risk| method.inherent_band(r).ok().map(|b| b.id.clone());
    let top = |r: &riskreg::model::Risk| band(r) == band(&reg.risks[first]);
    assert!(
        after[at + 1..]
            .iter()
            .all(|&r| r > first && top(&reg.risks[r])),
        "only later risks of the top band after it: {after:?}"
    );
    assert_eq!(after, rows(&mut app).1);
}

/// The due marks of the register on screen as kept, and from scratch.
fn due(app: &App) -> (marks::Due, marks::Due) {
    let kept = app.due_of(app.current).expect("marks").clone();
    let fresh = marks::due(app.register_value().expect("FIN"), app.method(), app.today);
    (kept, fresh)
}

#[test]
fn due_marks_follow_an_edited_review_date_a_dropped_report_and_the_year() {
    let (_d, mut app) = common::tui::english();
    // after FIN's reviews (30 Apr 2567) and the end of the 12-month round
    app.today = Some(on("2567-10-15"));
    open_fin(&mut app);
    let (kept, fresh) = due(&app);
    assert_eq!(kept, fresh);
    assert!(kept.reviews.contains(&1));

    let later: Date = on("2568-04-30");
    edit(&mut app, Part::Risk(1), |r| {
        r.risks[1].next_review = Some(later)
    });
    let (kept, fresh) = due(&app);
    assert_eq!(kept, fresh);
    assert!(!kept.reviews.contains(&1), "reviewed: no longer overdue");
    undo(&mut app);
    let (kept, fresh) = due(&app);
    assert_eq!(kept, fresh);
    assert!(kept.reviews.contains(&1), "overdue again");

    let owed = due(&app).0.reports_owed;
    edit(&mut app, Part::Risk(0), |r| {
        r.risks[0].measures[0]
            .monitoring
            .retain(|e| e.round.as_str() != "12m")
    });
    let (kept, fresh) = due(&app);
    assert_eq!(kept, fresh);
    assert_eq!(kept.reports_owed, owed + 1, "the 12-month report owed");
    assert!(kept.reports.contains_key(&(0, 0)));

    // the header: a note changes nothing, a year changes when rounds end
    edit(&mut app, Part::Header, |r| r.note = "บันทึก".into());
    assert_eq!(due(&app).0, due(&app).1);
    edit(&mut app, Part::Header, |r| {
        r.year = riskreg::model::FiscalYear::try_from(2568).expect("year")
    });
    let (kept, fresh) = due(&app);
    assert_eq!(kept, fresh);
    assert_eq!(kept.reports_owed, 0, "no round of 2568 has ended");
}

#[test]
fn the_approval_mark_follows_edits_of_an_approved_register_as_a_fresh_digest_says() {
    use riskreg::audit::{ApprovalState, approval_state};
    let (_d, mut app) = common::tui::english();
    let mtg = common::tui::open_mtg(&mut app);
    assert_eq!(app.current, mtg);
    let state = |app: &App| {
        let e = &app.ws.entries[app.current];
        assert_eq!(
            e.approval,
            approval_state(e.register()),
            "as a fresh digest says"
        );
        match e.approval {
            ApprovalState::NotApproved => '·',
            ApprovalState::Approved(_) => '✓',
            ApprovalState::ChangedSinceApproval { .. } => '≠',
        }
    };
    assert_eq!(state(&app), '✓', "the sample MTG is approved");

    edit(&mut app, Part::Risk(0), |r| {
        r.risks[0].owner = "คนอื่น".into()
    });
    assert_eq!(state(&app), '≠', "a risk edited");
    undo(&mut app);
    assert_eq!(state(&app), '✓', "undone");
    edit(&mut app, Part::Header, |r| r.note = "บันทึก".into());
    assert_eq!(state(&app), '≠', "the note edited");
    undo(&mut app);
    edit(&mut app, Part::Header, |r| r.approved_by = None);
    assert_eq!(state(&app), '·', "the approval taken off");
    undo(&mut app);
    assert_eq!(state(&app), '✓');

    // saved while changed since approval: the saved content is not the
    // approved one any more
    edit(&mut app, Part::Risk(0), |r| {
        r.risks[0].owner = "คนอื่น".into()
    });
    app.ws.save_all();
    assert_eq!(state(&app), '≠', "saved changed");
    edit(&mut app, Part::Risk(1), |r| {
        r.risks[1].owner = "อีกคน".into()
    });
    assert_eq!(state(&app), '≠');
    undo(&mut app);
    assert_eq!(state(&app), '≠', "back to as saved");
    undo(&mut app);
    assert_eq!(
        state(&app),
        '✓',
        "back to the approved content, past the save"
    );
}
