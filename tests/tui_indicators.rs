//! Indicators of a measure: added with the next id, deleted (asking when
//! results were recorded).
//! The state driven by keys on a copy of the sample registers.

mod common;

use common::tui::*;
use crossterm::event::KeyCode;
use riskreg::tui::app::{App, Modal, Notice};
use riskreg::tui::keymap::Scope;
use riskreg::tui::screens::editor;

#[test]
fn i_adds_an_indicator_with_the_next_id_and_x_deletes_one_without_results_at_once() {
    use riskreg::tui::form::Field;
    let (_d, mut app) = english();
    key(&mut app, KeyCode::Enter); // CAB
    key(&mut app, KeyCode::Enter); // CAB-R1
    let ids = |app: &App| -> Vec<String> {
        app.register_value().expect("reg").risks[0].measures[0]
            .indicators
            .iter()
            .map(|i| i.id.to_string())
            .collect()
    };
    assert_eq!(ids(&app), ["i1"]);
    // outside a measure's pane there is nothing to add to
    app.editor.cursor = 0;
    ch(&mut app, 'i');
    assert_eq!(ids(&app), ["i1"]);
    assert_eq!(app.status, Some(Notice::MoveToMeasureToAddIndicator));
    app.editor.cursor = field_at(&app, Field::MeasureTitle(0));
    ch(&mut app, 'i');
    assert_eq!(ids(&app), ["i1", "i2"]);
    assert_eq!(
        app.form_fields()[app.editor.cursor],
        Field::IndicatorName(0, 1),
        "the cursor is on the new indicator's name"
    );
    typed(&mut app, "e");
    assert!(matches!(app.modal, Modal::Edit { .. }));
    key(&mut app, KeyCode::Esc);
    ch(&mut app, 'i');
    assert_eq!(ids(&app), ["i1", "i2", "i3"]);
    // i2 has no results: deleted at once; the next new one is i4, ids are not reused below the highest
    app.editor.cursor = field_at(&app, Field::IndicatorTarget(0, 1));
    ch(&mut app, 'x');
    assert_eq!(app.modal, Modal::None);
    assert_eq!(ids(&app), ["i1", "i3"]);
    ch(&mut app, 'i');
    assert_eq!(ids(&app), ["i1", "i3", "i4"]);
    // on a field that is not an indicator, x says where to go
    app.editor.cursor = field_at(&app, Field::MeasureTitle(0));
    ch(&mut app, 'x');
    assert_eq!(ids(&app), ["i1", "i3", "i4"]);
    assert_eq!(app.status, Some(Notice::MoveToIndicatorToDelete));
    for _ in 0..4 {
        ch(&mut app, 'u');
    }
    assert_eq!(ids(&app), ["i1"], "every step undoes");
}

#[test]
fn deleting_an_indicator_with_results_asks_then_removes_them_too() {
    use riskreg::tui::form::Field;
    let (_d, mut app) = english();
    key(&mut app, KeyCode::Enter); // CAB
    key(&mut app, KeyCode::Enter); // CAB-R1
    let cab = app.current;
    let results = |app: &App| -> usize {
        app.register_value().expect("reg").risks[0].measures[0]
            .monitoring
            .iter()
            .map(|m| m.results.len())
            .sum()
    };
    let rounds = results(&app);
    assert!(rounds > 0, "CAB-M1's i1 has results in the samples");
    app.editor.cursor = field_at(&app, Field::IndicatorName(0, 0));
    ch(&mut app, 'x');
    assert!(
        matches!(app.modal, Modal::ConfirmDeleteIndicator { rounds: n, .. } if n == rounds),
        "{:?}",
        app.modal
    );
    assert_eq!(app.scope(), Scope::ConfirmDelete);
    // n keeps everything
    ch(&mut app, 'n');
    assert_eq!(app.modal, Modal::None);
    assert_eq!(results(&app), rounds);
    assert!(!app.ws.entries[cab].dirty);
    // y deletes the indicator and its results, and the register stays valid
    ch(&mut app, 'x');
    ch(&mut app, 'y');
    assert_eq!(app.modal, Modal::None);
    let m = &app.register_value().expect("reg").risks[0].measures[0];
    assert!(m.indicators.is_empty());
    assert_eq!(results(&app), 0, "the results went with it");
    assert!(
        !editor::findings(&app)
            .iter()
            .any(|f| f.message.to_string().contains("has no indicator")),
        "{:?}",
        editor::findings(&app)
    );
    // saved, the file reads back the same
    ctrl(&mut app, 's');
    let path = app.ws.entries[cab].loaded.path.clone();
    let on_disk = riskreg::store::load_register(&path).expect("saved file reads");
    assert_eq!(&on_disk.value, app.register_value().expect("reg"));
    // and undo brings indicator and results back
    ch(&mut app, 'u');
    assert_eq!(results(&app), rounds);
}

#[test]
fn the_monitoring_form_sends_indicator_edits_to_the_risk_editor() {
    let (_d, mut app) = english();
    key(&mut app, KeyCode::Enter); // CAB
    ch(&mut app, 'o');
    key(&mut app, KeyCode::Enter); // CAB-M1 at the round
    let before = app.register_value().expect("reg").clone();
    for c in ['i', 'x'] {
        ch(&mut app, c);
        assert_eq!(app.modal, Modal::None);
        assert_eq!(app.status, Some(Notice::IndicatorsInRiskEditor));
    }
    assert_eq!(app.register_value().expect("reg"), &before);
}
