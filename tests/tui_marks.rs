//! The marks that need no colour: overdue reviews (`↻`) and reports (`✎`)
//! on the overview, the register and the monitoring screen, reckoned by
//! `validate::cadence` against the app's day; and each indicator's verdict
//! (`✓` `✗` `?`) by `model::judge` on the monitoring screen and its form.

mod common;

use common::tui::{ch, key, on, screen_text};
use crossterm::event::KeyCode;
use riskreg::model::{Achieved, Lang, RoundId};
use riskreg::tui::app::{App, Screen};
use riskreg::tui::settings::Settings;

/// The app in Thai on the samples, on the day given.
fn thai_on(day: &str) -> (tempfile::TempDir, App) {
    let (dir, mut app) = common::tui::app_with(common::tui::thai());
    app.today = Some(on(day));
    (dir, app)
}

/// The row of the screen that holds `id`.
fn row<'s>(screen: &'s str, id: &str) -> &'s str {
    screen
        .lines()
        .find(|l| l.contains(id))
        .unwrap_or_else(|| panic!("{id} on screen:\n{screen}"))
}

/// Drops FIN-M1's report of the 12-month round.
fn drop_fin_m1_report(app: &mut App) {
    app.current = app.ws.entry_of("FIN").expect("FIN");
    app.mutate(|reg, _, _| {
        let m = &mut reg.risks[0].measures[0];
        m.monitoring.retain(|e| e.round.as_str() != "12m");
        Ok(())
    })
    .expect("edit");
}

#[test]
fn after_the_review_date_and_a_missed_round_the_overview_register_and_monitoring_mark_them() {
    // after FIN's reviews (30 Apr 2567) and the end of the 12-month round
    let (_dir, mut app) = thai_on("2567-10-15");
    let overview = screen_text(&app, 80, 24);
    let fin = row(&overview, "FIN ");
    assert!(fin.contains("· ↻3 ") && !fin.contains('✎'), "{overview}");
    assert!(overview.contains("↻ เลยกําหนดทบทวน") || overview.contains("↻ เลยกำหนดทบทวน"));

    drop_fin_m1_report(&mut app);
    let overview = screen_text(&app, 80, 24);
    assert!(row(&overview, "FIN ").contains("↻3 ✎1"), "{overview}");
    insta::assert_snapshot!("overview_overdue_th_80x24", overview);

    common::select_bureau(&mut app, "FIN");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Register);
    let register = screen_text(&app, 80, 24);
    assert!(row(&register, "FIN-R1").contains("↻✎"), "{register}");
    assert!(row(&register, "FIN-R2").contains("↻ "), "{register}");
    assert!(!row(&register, "FIN-R2").contains('✎'), "{register}");
    insta::assert_snapshot!("register_overdue_th_80x24", register);

    ch(&mut app, 'o');
    assert_eq!(app.screen, Screen::Monitoring);
    let monitoring = screen_text(&app, 80, 24);
    assert!(
        row(&monitoring, "FIN-M1").contains("FIN-M1✎"),
        "{monitoring}"
    );
    assert!(!row(&monitoring, "FIN-M2").contains('✎'), "{monitoring}");
    // measures have no review date: the legend names only what is shown
    assert!(monitoring.contains("✎ ค้างรายงานผล"), "{monitoring}");
    assert!(!monitoring.contains('↻'), "{monitoring}");
}

#[test]
fn before_anything_falls_due_and_without_a_day_nothing_is_marked() {
    // the tests' day: after the 6-month round (all reported), before reviews
    let (_dir, mut app) = thai_on(common::TODAY);
    let quiet = |app: &App| {
        let s = screen_text(app, 80, 24);
        !s.lines()
            .skip(3)
            .take(16)
            .any(|l| l.contains('↻') || l.contains('✎'))
    };
    assert!(quiet(&app), "{}", screen_text(&app, 80, 24));
    app.today = None;
    drop_fin_m1_report(&mut app);
    assert!(quiet(&app), "{}", screen_text(&app, 80, 24));
}

/// PLAN-M2 at the 12-month round with its first indicator missed (0 of at
/// least 1 report) and its second met (100 % of at least 100 %).
fn plan_m2_one_missed(lang: Lang) -> (tempfile::TempDir, App) {
    let (dir, mut app) = common::tui::app_with(Settings {
        lang: Some(lang),
        ..Settings::default()
    });
    let plan = common::select_bureau(&mut app, "PLAN");
    app.current = plan;
    app.round = Some(RoundId::new("12m".to_string()).expect("round"));
    app.mutate(|reg, _, _| {
        let m = reg
            .risks
            .iter_mut()
            .flat_map(|r| r.measures.iter_mut())
            .find(|m| m.id.as_str() == "PLAN-M2")
            .ok_or("PLAN-M2")?;
        let entry = m.monitoring.iter_mut().find(|e| e.round.as_str() == "12m");
        entry.ok_or("12m")?.results[0].value = Achieved::Count(0);
        Ok(())
    })
    .expect("edit");
    key(&mut app, KeyCode::Enter);
    ch(&mut app, 'o');
    assert_eq!(app.screen, Screen::Monitoring);
    (dir, app)
}

#[test]
fn the_monitoring_screen_counts_each_measures_verdicts_at_the_round() {
    let (_dir, app) = plan_m2_one_missed(Lang::Th);
    let screen = screen_text(&app, 80, 24);
    assert!(row(&screen, "PLAN-M2").contains("  ✓1 ✗1 "), "{screen}");
    assert!(row(&screen, "PLAN-M5").contains("  ✓2 "), "{screen}");
    assert!(
        screen.contains("✓ บรรลุ  ✗ ไม่บรรลุ  ? ยังประเมินไม่ได้"),
        "{screen}"
    );
    insta::assert_snapshot!("monitoring_met_th_80x24", screen);
}

#[test]
fn the_monitoring_form_says_met_or_not_met_beside_each_result_in_both_languages() {
    for (lang, missed, met) in [
        (Lang::Th, "✗ ไม่บรรลุเป้าหมาย", "✓ บรรลุเป้าหมาย"),
        (Lang::En, "✗ not met", "✓ met"),
    ] {
        let (_dir, mut app) = plan_m2_one_missed(lang);
        let rows = riskreg::tui::screens::monitoring::measure_rows(&app);
        let reg = app.register_value().expect("PLAN");
        app.monitoring.selected = rows
            .iter()
            .position(|&(r, m)| reg.risks[r].measures[m].id.as_str() == "PLAN-M2")
            .expect("PLAN-M2 row");
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.screen, Screen::Editor);
        let screen = screen_text(&app, 120, 40);
        let i1 = row(&screen, "≥ 1 ");
        assert!(i1.contains(missed), "{screen}");
        let i2 = row(&screen, "≥ 100");
        assert!(i2.contains(met), "{screen}");
    }
}

#[test]
fn the_risk_editor_shows_how_each_target_fares_at_the_round_on_show() {
    let (_dir, mut app) = plan_m2_one_missed(Lang::En);
    let ri = app
        .register_value()
        .expect("PLAN")
        .risks
        .iter()
        .position(|r| r.measures.iter().any(|m| m.id.as_str() == "PLAN-M2"))
        .expect("PLAN-M2's risk");
    riskreg::tui::screens::editor::open(&mut app, riskreg::tui::form::Form::Risk(ri), 0);
    let screen = screen_text(&app, 120, 40);
    assert!(
        row(&screen, "≥ 1 ").contains("✗ not met (12-month round)"),
        "{screen}"
    );
    assert!(
        row(&screen, "≥ 100").contains("✓ met (12-month round)"),
        "{screen}"
    );
}
