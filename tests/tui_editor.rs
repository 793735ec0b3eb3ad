//! The risk editor: pick lists, text fields, panes, new and deleted risks
//! and measures, typed values refused in place.
//! The state driven by keys on a copy of the sample registers.

mod common;

use common::tui::*;
use crossterm::event::KeyCode;
use riskreg::model::RoundId;
use riskreg::tui::app::{App, Modal, Screen};
use riskreg::tui::screens::editor;

#[test]
fn editor_picks_a_rating_from_the_methodology_and_undo_redo() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Editor);
    for _ in 0..4 {
        ch(&mut app, 'j');
    }
    key(&mut app, KeyCode::Enter);
    let Modal::Pick {
        options, selected, ..
    } = &app.modal
    else {
        panic!("a pick-list, got {:?}", app.modal)
    };
    assert_eq!(options.len(), 5, "the 5 levels of coso-5x5");
    assert_eq!(*selected, 2, "the current likelihood 3");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(fin_r1_likelihood(&app), 4);
    assert!(app.ws.entries[app.current].dirty);
    ctrl(&mut app, 'z');
    assert_eq!(fin_r1_likelihood(&app), 3);
    assert!(
        !app.ws.entries[app.current].dirty,
        "back to the saved value"
    );
    ctrl(&mut app, 'y');
    assert_eq!(fin_r1_likelihood(&app), 4);
    // Right steps the pick-list without opening it
    key(&mut app, KeyCode::Right);
    assert_eq!(fin_r1_likelihood(&app), 5);
    key(&mut app, KeyCode::Right);
    assert_eq!(fin_r1_likelihood(&app), 5, "stays on the top level");
}

#[test]
fn editor_text_by_grapheme_and_bad_dates_refused_in_place() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    // Process is the field under the cursor on opening
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.modal, Modal::Edit { .. }));
    // "…เงิน": Backspace takes the last character typed: "น", then "ิ", then "ง"
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    assert!(matches!(&app.modal, Modal::Edit { edit, .. } if edit.text().ends_with("เง")));
    key(&mut app, KeyCode::Backspace);
    typed(&mut app, "ที่");
    key(&mut app, KeyCode::Enter);
    let process = app.ws.entries[app.current].register().risks[0]
        .process
        .clone();
    assert_eq!(process, "การเบิกจ่ายเที่");
    // next review: a date in the Buddhist era
    to_next_review(&mut app);
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, "2567-02-30");
    key(&mut app, KeyCode::Enter);
    let Modal::Edit {
        error: Some(e),
        edit,
        ..
    } = &app.modal
    else {
        panic!("the edit stays open with an error, got {:?}", app.modal)
    };
    assert_eq!(edit.text(), "2567-02-30", "what was typed is kept");
    assert!(!e.is_empty());
    let before = app.ws.entries[app.current].register().risks[0].next_review;
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.modal, Modal::None);
    assert_eq!(
        app.ws.entries[app.current].register().risks[0].next_review,
        before
    );
}

#[test]
fn editor_tab_jumps_between_the_risk_and_its_measures() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    let fields = app.form_fields();
    assert_eq!(
        fields[app.editor.cursor],
        riskreg::tui::form::Field::MeasureTitle(0)
    );
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.editor.cursor, 0);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Register);
}

#[test]
fn amount_and_date_fields_open_selected_so_typing_replaces_the_value() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'o');
    key(&mut app, KeyCode::Enter);
    let at = |app: &App, field| {
        app.form_fields()
            .iter()
            .position(|f| *f == field)
            .expect("the field")
    };
    app.editor.cursor = at(&app, riskreg::tui::form::Field::Disbursed);
    key(&mut app, KeyCode::Enter);
    // typed over the value shown, as in a spreadsheet: no Ctrl-U first
    typed(&mut app, "12,000");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None, "accepted");
    let twelve = RoundId::new("12m").expect("id");
    let disbursed = |app: &App| {
        app.ws.entries[app.current].register().risks[0].measures[0]
            .at_round(&twelve)
            .expect("entry")
            .disbursed
            .satang()
    };
    assert_eq!(disbursed(&app), 1_200_000);
    // a refusal quotes what was typed as typed: Thai, not \u{e48}
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "่12");
    key(&mut app, KeyCode::Enter);
    let Modal::Edit {
        error: Some(error), ..
    } = &app.modal
    else {
        panic!("refused in place: {:?}", app.modal)
    };
    assert!(error.contains("\"่12\""), "{error}");
    assert!(!error.contains("\\u{"), "{error}");
    key(&mut app, KeyCode::Esc);
    // a date too: the as-of date is replaced, and Backspace clears it whole
    app.editor.cursor = at(&app, riskreg::tui::form::Field::AsOf);
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "2567-09-30");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None, "accepted");
    let as_of = app.ws.entries[app.current].register().risks[0].measures[0]
        .at_round(&twelve)
        .and_then(|m| m.as_of)
        .map(|d| d.to_string());
    assert_eq!(as_of.as_deref(), Some("2567-09-30"));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Backspace);
    let Modal::Edit { edit, .. } = &app.modal else {
        panic!("editing")
    };
    assert_eq!(edit.text(), "");
}

#[test]
fn add_a_risk_and_a_measure_then_delete_and_undo() {
    let (dir, mut app) = english();
    open_fin(&mut app);
    ch(&mut app, 'a');
    assert_eq!(app.screen, Screen::Editor);
    let reg = app.register_value().expect("reg").clone();
    assert_eq!(reg.risks.len(), 4);
    assert_eq!(reg.risks[3].id.as_str(), "FIN-R4");
    // the validator's verdict is at hand for the editor to show in place
    assert!(
        editor::findings(&app)
            .iter()
            .any(|f| f.path == "risks[3].description"
                && f.severity == riskreg::validate::Severity::Error),
        "{:?}",
        editor::findings(&app)
    );
    // the cursor is on the process: type it, then the description below it
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "การจัดซื้อจัดจ้าง");
    key(&mut app, KeyCode::Enter);
    ch(&mut app, 'j');
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "กำหนดคุณลักษณะเฉพาะเพื่อเอื้อผู้ขายบางราย");
    key(&mut app, KeyCode::Enter);
    assert!(
        !editor::findings(&app)
            .iter()
            .any(|f| f.path == "risks[3].description")
    );
    ch(&mut app, 'a');
    let risk = &app.register_value().expect("reg").risks[3];
    assert_eq!(risk.process, "การจัดซื้อจัดจ้าง");
    assert_eq!(risk.measures.len(), 1);
    let mid = risk.measures[0].id.to_string();
    assert!(
        mid.starts_with("FIN-M") && mid != "FIN-M1",
        "a fresh id: {mid}"
    );
    assert_eq!(
        app.form_fields()[app.editor.cursor],
        riskreg::tui::form::Field::MeasureTitle(0),
        "the cursor moves to the new measure"
    );
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "กิจกรรมตรวจสอบการจัดซื้อ");
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    assert!(!app.ws.any_dirty());
    // what was saved reads back and passes validation without errors
    let out = common::riskreg(dir.path(), &["validate"]);
    assert!(
        out.status.success(),
        "{}{}",
        common::stdout(&out),
        common::stderr(&out)
    );

    ch(&mut app, 'd');
    assert!(
        app.register_value().expect("reg").risks[3]
            .measures
            .is_empty()
    );
    ch(&mut app, 'u');
    assert_eq!(
        app.register_value().expect("reg").risks[3].measures.len(),
        1
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Register);
    ch(&mut app, 'G');
    ch(&mut app, 'd');
    assert_eq!(app.register_value().expect("reg").risks.len(), 3);
    ch(&mut app, 'u');
    assert_eq!(app.register_value().expect("reg").risks.len(), 4);
}

#[test]
fn co_responsible_bureaus_typed_as_codes_and_unknown_ones_flagged_in_place() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    let fields = app.form_fields();
    app.editor.cursor = fields
        .iter()
        .position(|f| *f == riskreg::tui::form::Field::MeasureCo(0))
        .expect("co-responsible field");
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "hrd, NOPE");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    let m = &app.register_value().expect("reg").risks[0].measures[0];
    assert_eq!(
        format!("{:?}", m.co_responsible),
        r#"Bureaus([BureauCode("HRD"), BureauCode("NOPE")])"#
    );
    let flagged: Vec<String> = editor::findings(&app)
        .iter()
        .filter(|f| riskreg::tui::form::is_under(&f.path, "risks[0].measures[0].co_responsible"))
        .map(|f| f.message.to_string())
        .collect();
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    assert!(flagged[0].contains("NOPE"), "{flagged:?}");
}

#[test]
fn indicator_results_are_typed_in_the_terms_of_their_target() {
    use riskreg::model::Achieved;
    let (_d, mut app) = english();
    key(&mut app, KeyCode::Enter); // CAB
    ch(&mut app, 'o');
    key(&mut app, KeyCode::Enter); // CAB-M1 at 12 months
    let fields = app.form_fields();
    app.editor.cursor = fields
        .iter()
        .position(|f| *f == riskreg::tui::form::Field::Indicator(0))
        .expect("the indicator's field");
    key(&mut app, KeyCode::Enter);
    let Modal::Edit { edit, .. } = &app.modal else {
        panic!("an edit window, got {:?}", app.modal)
    };
    assert_eq!(edit.text(), "57/62", "the result as it is typed");
    ctrl(&mut app, 'u');
    typed(&mut app, "lots");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(&app.modal, Modal::Edit { error: Some(_), .. }));
    ctrl(&mut app, 'u');
    typed(&mut app, "85.5%");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    let m = &app.register_value().expect("reg").risks[0].measures[0];
    let at = m.at_round(&RoundId::new("12m").expect("id")).expect("12m");
    assert_eq!(at.results.len(), 1, "replaced, not added");
    assert_eq!(
        at.results[0].value,
        Achieved::Percent(riskreg::model::Decimal2::from_hundredths(8550))
    );
}

#[test]
fn indicator_names_and_targets_are_edited_with_the_measure() {
    use riskreg::tui::form::Field;
    let (_d, mut app) = english();
    key(&mut app, KeyCode::Enter); // CAB
    key(&mut app, KeyCode::Enter); // CAB-R1
    let at = |app: &App, f: Field| {
        app.form_fields()
            .iter()
            .position(|x| *x == f)
            .expect("field")
    };
    app.editor.cursor = at(&app, Field::IndicatorTarget(0, 0));
    key(&mut app, KeyCode::Enter);
    let Modal::Edit { edit, .. } = &app.modal else {
        panic!("an edit window, got {:?}", app.modal)
    };
    assert_eq!(edit.text(), ">= 80.00%");
    ctrl(&mut app, 'u');
    typed(&mut app, "about 90");
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(&app.modal, Modal::Edit { error: Some(_), .. }),
        "refused in place"
    );
    ctrl(&mut app, 'u');
    typed(&mut app, "≥ 90%");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.modal, Modal::None);
    app.editor.cursor = at(&app, Field::IndicatorName(0, 0));
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    typed(&mut app, "ร้อยละของผู้เข้าร่วมที่ผ่านการทดสอบ");
    key(&mut app, KeyCode::Enter);
    let ind = &app.register_value().expect("reg").risks[0].measures[0].indicators[0];
    assert_eq!(ind.name, "ร้อยละของผู้เข้าร่วมที่ผ่านการทดสอบ");
    assert_eq!(
        riskreg::tui::form::results::target_text(&ind.target),
        ">= 90.00%"
    );
}

#[test]
fn multi_line_fields_take_new_lines_and_single_line_ones_do_not() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    ch(&mut app, 'j'); // description: multi-line
    key(&mut app, KeyCode::Enter);
    alt(&mut app, KeyCode::Enter);
    typed(&mut app, "บรรทัดที่สอง");
    ctrl(&mut app, 'j');
    typed(&mut app, "สาม");
    key(&mut app, KeyCode::Enter);
    let d = app.register_value().expect("reg").risks[0]
        .description
        .clone();
    assert!(d.ends_with("\nบรรทัดที่สอง\nสาม"), "{d:?}");
    ch(&mut app, 'k'); // process: one line
    key(&mut app, KeyCode::Enter);
    alt(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert!(
        !app.register_value().expect("reg").risks[0]
            .process
            .contains('\n')
    );
}

/// In the risk editor: the cursor on the next-review date.
fn to_next_review(app: &mut App) {
    ch(app, 'G');
    key(app, KeyCode::Home);
    let review = app
        .form_fields()
        .iter()
        .position(|f| *f == riskreg::tui::form::Field::NextReview)
        .expect("next review field");
    app.editor.cursor = review;
}

#[test]
fn a_date_typed_the_thai_way_is_stored_in_the_canonical_form() {
    let (_d, mut app) = english();
    open_fin(&mut app);
    key(&mut app, KeyCode::Enter);
    to_next_review(&mut app);
    for (typed_text, stored) in [
        ("31 มี.ค. 2567", "2567-03-31"),
        ("๓๐/๐๔/๒๕๖๗", "2567-04-30"),
        ("1/5/67", "2567-05-01"),
    ] {
        key(&mut app, KeyCode::Enter);
        ctrl(&mut app, 'u');
        typed(&mut app, typed_text);
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.modal, Modal::None, "{typed_text} is accepted");
        let review = app.ws.entries[app.current].register().risks[0].next_review;
        assert_eq!(review.map(|d| d.to_string()).as_deref(), Some(stored));
    }
}

/// The reason a typed value is refused is in the interface's language:
/// it was English beside Thai fields ("expected a Buddhist-era date …").
#[test]
fn a_refused_value_says_why_in_the_interface_s_language() {
    for (lang, want) in [
        (riskreg::model::Lang::Th, "ต้องเป็นวันที่ พ.ศ."),
        (riskreg::model::Lang::En, "expected a Buddhist-era date"),
    ] {
        let (_d, mut app) = english();
        app.lang = lang;
        open_fin(&mut app);
        key(&mut app, KeyCode::Enter);
        to_next_review(&mut app);
        key(&mut app, KeyCode::Enter);
        ctrl(&mut app, 'u');
        typed(&mut app, "สามสิบเมษา");
        key(&mut app, KeyCode::Enter);
        let Modal::Edit { error: Some(e), .. } = &app.modal else {
            panic!("refused in place: {:?}", app.modal)
        };
        assert!(e.starts_with(want), "{lang:?}: {e}");
        assert!(e.ends_with("\"สามสิบเมษา\""), "{e}");
    }
}
