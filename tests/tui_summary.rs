//! The summary screen: scrolling, export in the format of the extension,
//! unsaved edits counted, comparison with the round before.
//! The state driven by keys on a copy of the sample registers.

mod common;

use common::tui::*;
use crossterm::event::KeyCode;
use riskreg::model::TrafficLight;
use riskreg::tui::app::{App, Modal, Screen};
use riskreg::tui::screens::summary;

#[test]
fn summary_scrolls_and_exports_in_the_format_of_the_extension() {
    use ratatui::{Terminal, backend::TestBackend};
    let (dir, mut app) = english();
    ch(&mut app, '5');
    assert_eq!(app.screen, Screen::Summary);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| riskreg::tui::view::draw(f, &app))
        .expect("draw");
    assert!(summary::round_summary(&app).is_ok());
    // the state reckons with the terminal the loop reports (80×24 here)
    riskreg::tui::handle(&mut app, riskreg::tui::app::Msg::Resize(80, 24));
    let max = summary::last_scroll(&app);
    assert!(max > 0, "the summary is longer than a screen");
    ch(&mut app, 'G');
    assert_eq!(app.summary.scroll, max);
    // and the screen then ends with the summary's last line
    terminal
        .draw(|f| riskreg::tui::view::draw(f, &app))
        .expect("draw");
    let lines = summary::lines(&app, 78).expect("summary lines");
    let end = lines
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .expect("a last line");
    let shown = terminal.backend().to_string();
    assert!(shown.contains(end.trim()), "{end:?} not in\n{shown}");
    ch(&mut app, 'g');
    assert_eq!(app.summary.scroll, 0);

    ch(&mut app, 'x');
    assert!(matches!(app.modal, Modal::Export { .. }));
    ctrl(&mut app, 'u');
    let bad = dir.path().join("out.doc");
    typed(&mut app, &bad.display().to_string());
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(&app.modal, Modal::Export { error: Some(_), .. }),
        "{:?}",
        app.modal
    );
    ctrl(&mut app, 'u');
    let md = dir.path().join("out.md");
    typed(&mut app, &md.display().to_string());
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    let text = std::fs::read_to_string(&md).expect("exported");
    assert!(text.contains("โครงการพัฒนาทักษะการคิดวิเคราะห์"), "{text}");
    assert!(!bad.exists());
}

#[test]
fn summary_counts_unsaved_edits() {
    let (_d, mut app) = english();
    let reds = |app: &App| {
        summary::round_summary(app)
            .as_ref()
            .expect("summary")
            .rows()
            .filter(|r| r.status == Some(TrafficLight::Red))
            .count()
    };
    let before = reds(&app);
    open_fin(&mut app);
    ch(&mut app, 'o');
    ch(&mut app, 'r');
    assert_eq!(reds(&app), before + 1);
}

#[test]
fn summary_compares_with_the_round_before() {
    let (_d, mut app) = english();
    ch(&mut app, '5');
    ch(&mut app, 'c');
    assert!(app.summary.compare);
    let comparison = summary::round_summary(&app)
        .as_ref()
        .expect("summary")
        .comparison
        .clone();
    let comparison = comparison.expect("12 months compared with 6 months");
    assert_eq!(comparison.from_round.as_str(), "6m");
    ch(&mut app, '[');
    assert!(
        summary::round_summary(&app).is_err(),
        "the first round has none before it"
    );
    ch(&mut app, ']');
    ch(&mut app, 'c');
    assert!(
        summary::round_summary(&app)
            .as_ref()
            .expect("summary")
            .comparison
            .is_none()
    );
}
