//! The monitoring screen and form: quick keys for lights and
//! implementation, amounts refused or kept.
//! The state driven by keys on a copy of the sample registers.

mod common;

use common::tui::*;
use crossterm::event::KeyCode;
use riskreg::model::{RoundId, TrafficLight};
use riskreg::tui::app::{App, Modal, Screen};

#[test]
fn monitoring_quick_keys_set_status_and_implementation_at_the_round() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'o');
    assert_eq!(app.screen, Screen::Monitoring);
    ch(&mut app, '[');
    let six = RoundId::new("6m").expect("id");
    assert_eq!(app.round.as_ref(), Some(&six));
    let status = |app: &App| {
        app.ws.entries[app.current].register().risks[0].measures[0]
            .at_round(&six)
            .map(|m| (m.status, m.implementation.id()))
    };
    assert_eq!(status(&app), Some((TrafficLight::Green, "NotStarted")));
    ch(&mut app, 'y');
    assert_eq!(status(&app), Some((TrafficLight::Yellow, "NotStarted")));
    ch(&mut app, 'r');
    ch(&mut app, 'i');
    assert_eq!(status(&app), Some((TrafficLight::Red, "InProgress")));
    ch(&mut app, 'g');
    assert_eq!(status(&app), Some((TrafficLight::Green, "InProgress")));
    // Home still goes to the top although g is green here
    ch(&mut app, 'j');
    key(&mut app, KeyCode::Home);
    assert_eq!(app.monitoring.selected, 0);
}

#[test]
fn monitoring_form_refuses_a_bad_amount_and_keeps_a_good_one() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'o');
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Editor);
    let fields = app.form_fields();
    app.editor.cursor = fields
        .iter()
        .position(|f| *f == riskreg::tui::form::Field::Disbursed)
        .expect("disbursed field");
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, "5,4OO.00");
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(&app.modal, Modal::Edit { error: Some(_), .. }),
        "{:?}",
        app.modal
    );
    ctrl(&mut app, 'u');
    typed(&mut app, "5,500.25");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    let twelve = RoundId::new("12m").expect("id");
    let m = app.ws.entries[app.current].register().risks[0].measures[0]
        .at_round(&twelve)
        .expect("entry");
    assert_eq!(m.disbursed.satang(), 550_025);
}
