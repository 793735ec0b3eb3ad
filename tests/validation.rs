//! One fixture per validation rule: a sample register is changed through the
//! API, saved, and `check_root` must report exactly that problem, with the
//! severity, and a line:col that points at the value at fault.

mod common;

use common::sample_workspace;
use riskreg::check::{Diagnostic, Report, check_root};
use riskreg::model::*;
use riskreg::store::{self, Loaded};
use riskreg::validate::Severity;
use std::path::Path;

/// Loads `bureau`'s FY2567 sample register, applies `change`, saves it and
/// checks the whole directory.
fn check_after(bureau: &str, change: impl FnOnce(&mut Register)) -> (tempfile::TempDir, Report) {
    let (dir, root) = sample_workspace();
    let path = root.join("2567").join(format!("{bureau}.ron"));
    let mut reg: Loaded<Register> = store::load_register(&path).expect("sample loads");
    change(&mut reg.value);
    reg.save().expect("save");
    let report = check_root(&root, None);
    (dir, report)
}

/// The one finding whose message contains `part`; asserts its severity and
/// that its line holds `field`.
fn finding<'a>(report: &'a Report, severity: Severity, part: &str, field: &str) -> &'a Diagnostic {
    let matches: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.message.to_string().contains(part))
        .collect();
    assert_eq!(
        matches.len(),
        1,
        "expected one finding with {part:?}, got:\n{}",
        dump(report)
    );
    let d = matches[0];
    assert_eq!(d.severity, severity, "{d}");
    let text = std::fs::read_to_string(&d.file).expect("read");
    let line = text.lines().nth(d.line - 1).unwrap_or_default();
    assert!(
        line.contains(field),
        "{d}\n  line {} is {line:?}, expected it to hold {field:?}",
        d.line
    );
    d
}

fn dump(report: &Report) -> String {
    report
        .diagnostics
        .iter()
        .map(|d| format!("  {d}\n"))
        .collect()
}

fn measure<'a>(reg: &'a mut Register, id: &str) -> &'a mut Measure {
    reg.risks
        .iter_mut()
        .flat_map(|r| r.measures.iter_mut())
        .find(|m| m.id.as_str() == id)
        .expect("measure")
}

fn id<T: TryFrom<String, Error = String>>(s: &str) -> T {
    T::try_from(s.to_string()).expect("id")
}

#[test]
fn the_samples_have_no_errors_and_one_known_overspend() {
    let (_dir, root) = sample_workspace();
    let report = check_root(&root, None);
    assert_eq!(report.errors(), 0, "{}", dump(&report));
    // seed 002: project 7 was allocated 9,800 and disbursed 10,075
    assert_eq!(report.warnings(), 2, "{}", dump(&report));
    assert!(report.diagnostics.iter().all(|d| {
        d.message
            .to_string()
            .contains("HRD-M1 disbursed 10,075.00 baht, more than the 9,800.00")
    }));
}

#[test]
fn duplicate_risk_id_in_a_register() {
    let (_d, r) = check_after("FIN", |reg| reg.risks[1].id = id("FIN-R1"));
    let d = finding(
        &r,
        Severity::Error,
        "risk id FIN-R1 is used twice",
        "id: \"FIN-R1\"",
    );
    assert_eq!(d.path, "risks[1].id");
}

#[test]
fn duplicate_measure_id_across_bureaus() {
    let (_d, r) = check_after("PR", |reg| reg.risks[0].measures[0].id = id("FIN-M1"));
    let d = finding(
        &r,
        Severity::Error,
        "measure id FIN-M1 is also used in",
        "id: \"FIN-M1\"",
    );
    assert!(
        d.file.ends_with("2567/PR.ron") && d.message.to_string().contains("FIN.ron"),
        "{d}"
    );
}

#[test]
fn likelihood_outside_the_5x5_scale() {
    let (_d, r) = check_after("FIN", |reg| reg.risks[0].inherent.likelihood = 6);
    let d = finding(
        &r,
        Severity::Error,
        "likelihood 6 is outside the scale 1–5 of coso-5x5 v1",
        "likelihood: 6",
    );
    assert_eq!(d.path, "risks[0].inherent.likelihood");
}

#[test]
fn impact_outside_the_pacc_3x3_scale() {
    let (_d, r) = check_after("ICT", |reg| reg.risks[0].inherent.impact = 4);
    finding(
        &r,
        Severity::Error,
        "impact 4 is outside the scale 1–3 of pacc-3x3 v1",
        "impact: 4",
    );
}

#[test]
fn zero_is_outside_every_scale() {
    let (_d, r) = check_after("FIN", |reg| {
        reg.risks[0].residual = Some(Rating {
            likelihood: 0,
            impact: 3,
        })
    });
    finding(
        &r,
        Severity::Error,
        "likelihood 0 is outside",
        "likelihood: 0",
    );
}

#[test]
fn unknown_category() {
    let (_d, r) = check_after("FIN", |reg| {
        reg.risks[0].category = id("fraudulent_everything")
    });
    finding(
        &r,
        Severity::Error,
        "unknown category fraudulent_everything",
        "category:",
    );
}

#[test]
fn unknown_bureau_and_misnamed_file() {
    let (_d, r) = check_after("FIN", |reg| reg.bureau = id("NOPE"));
    finding(
        &r,
        Severity::Error,
        "bureau NOPE is not in bureaus.ron",
        "bureau: \"NOPE\"",
    );
    finding(
        &r,
        Severity::Error,
        "must be named NOPE.ron, not FIN.ron",
        "bureau: \"NOPE\"",
    );
}

#[test]
fn register_year_must_match_its_directory() {
    let (_d, r) = check_after("FIN", |reg| reg.year = FiscalYear::new(2568).expect("year"));
    finding(
        &r,
        Severity::Error,
        "says fiscal year 2568 but sits in directory 2567/",
        "year: 2568",
    );
}

#[test]
fn unknown_methodology_version() {
    let (_d, r) = check_after("FIN", |reg| reg.methodology.version = 9);
    finding(
        &r,
        Severity::Error,
        "methodology coso-5x5 version 9 is not in methodology/",
        "methodology:",
    );
}

#[test]
fn unknown_approach_and_co_responsible_bureau() {
    let (_d, r) = check_after("FIN", |reg| {
        let m = measure(reg, "FIN-M2");
        m.approach = id("nowhere");
        m.co_responsible = CoResponsible::Bureaus(vec![id("ICT"), id("XYZ")]);
    });
    finding(
        &r,
        Severity::Error,
        "approach nowhere is not in approaches.ron",
        "approach:",
    );
    let d = finding(
        &r,
        Severity::Error,
        "co-responsible bureau XYZ is not in bureaus.ron",
        "\"XYZ\"",
    );
    assert_eq!(d.path, "risks[1].measures[0].co_responsible[1]");
}

#[test]
fn monitoring_for_an_unknown_round() {
    let (_d, r) = check_after("FIN", |reg| {
        measure(reg, "FIN-M1").monitoring[0].round = id("9m")
    });
    finding(
        &r,
        Severity::Error,
        "round 9m is not defined by coso-5x5 (known: 6m, 12m)",
        "round: \"9m\"",
    );
}

#[test]
fn two_entries_for_one_round() {
    let (_d, r) = check_after("FIN", |reg| {
        measure(reg, "FIN-M1").monitoring[1].round = id("6m")
    });
    finding(
        &r,
        Severity::Error,
        "has two entries for round 6m",
        "round: \"6m\"",
    );
}

#[test]
fn monitoring_dated_outside_its_round_or_year() {
    let (_d, r) = check_after("FIN", |reg| {
        let m = measure(reg, "FIN-M1");
        m.monitoring[0].as_of = Some(Date::new(2567, 4, 15).expect("date"));
        m.monitoring[1].as_of = Some(Date::new(2568, 1, 10).expect("date"));
    });
    finding(
        &r,
        Severity::Error,
        "as of 2567-04-15 is outside round 6m of fiscal year 2567 (2566-10-01 – 2567-03-31)",
        "as_of:",
    );
    finding(
        &r,
        Severity::Error,
        "as of 2568-01-10 is outside round 12m of fiscal year 2567",
        "as_of:",
    );
}

#[test]
fn results_for_unknown_indicators_or_in_the_wrong_terms() {
    let (_d, r) = check_after("PLAN", |reg| {
        let m = measure(reg, "PLAN-M2");
        m.monitoring[0].results[0].indicator = id("i9");
        m.monitoring[1].results[0].value = Achieved::Percent(Decimal2::from_hundredths(5000));
    });
    finding(
        &r,
        Severity::Error,
        "measure PLAN-M2 has no indicator i9",
        "indicator: \"i9\"",
    );
    finding(
        &r,
        Severity::Error,
        "indicator i1 is measured as Count, but this result is a Percent",
        "Percent(\"50.00\")",
    );
}

#[test]
fn a_measure_that_ends_before_it_starts() {
    let (_d, r) = check_after("FIN", |reg| {
        measure(reg, "FIN-M1").end = YearMonth::new(2566, 9).expect("month")
    });
    finding(
        &r,
        Severity::Error,
        "measure FIN-M1 ends (2566-09) before it starts (2566-10)",
        "end: \"2566-09\"",
    );
}

#[test]
fn disbursed_more_than_allocated_is_a_warning() {
    let (_d, r) = check_after("FIN", |reg| {
        measure(reg, "FIN-M1").monitoring[1].disbursed = Money::from_baht(6_500)
    });
    let d = finding(
        &r,
        Severity::Warning,
        "FIN-M1 disbursed 6,500.00 baht, more than the 6,000.00 baht allocated",
        "disbursed:",
    );
    assert_eq!(d.path, "risks[0].measures[0].monitoring[1].disbursed");
}

#[test]
fn red_or_yellow_with_no_added_activity_is_a_warning() {
    let (_d, r) = check_after("FIN", |reg| {
        let e = &mut measure(reg, "FIN-M1").monitoring[0];
        e.status = TrafficLight::Red;
        e.added_activities.clear();
    });
    finding(
        &r,
        Severity::Warning,
        "FIN-M1 is Red at round 6m but records no added activity",
        "added_activities:",
    );
}

#[test]
fn completed_with_nothing_done_is_a_warning() {
    let (_d, r) = check_after("FIN", |reg| {
        measure(reg, "FIN-M1").monitoring[1].done.clear()
    });
    finding(
        &r,
        Severity::Warning,
        "FIN-M1 is completed at round 12m but records nothing done",
        "done: \"\"",
    );
}

#[test]
fn an_accepted_risk_needs_a_justification() {
    let (_d, r) = check_after("MTG", |reg| {
        reg.risks[0].response = Response::Accept(String::new())
    });
    finding(
        &r,
        Severity::Warning,
        "risk MTG-R1 is accepted without a justification",
        "response:",
    );
}

#[test]
fn a_risk_to_reduce_needs_measures() {
    let (_d, r) = check_after("MTG", |reg| reg.risks[0].response = Response::Reduce);
    finding(
        &r,
        Severity::Warning,
        "risk MTG-R1 is to be reduced but has no measures",
        "measures: []",
    );
}

#[test]
fn rerating_methodology_expects_a_residual_and_the_grid_one_ignores_it() {
    let (_d, r) = check_after("FIN", |reg| reg.risks[0].residual = None);
    finding(
        &r,
        Severity::Warning,
        "risk FIN-R1 has no residual rating",
        "residual: None",
    );
    let (_d, r) = check_after("ICT", |reg| {
        reg.risks[0].residual = Some(Rating {
            likelihood: 1,
            impact: 1,
        })
    });
    finding(
        &r,
        Severity::Warning,
        "pacc-3x3 derives residual risk from the control grid",
        "residual:",
    );
}

#[test]
fn cumulative_disbursement_that_falls_is_a_warning() {
    let (_d, r) = check_after("FIN", |reg| {
        measure(reg, "FIN-M1").monitoring[0].disbursed = Money::from_baht(6_000)
    });
    finding(
        &r,
        Severity::Warning,
        "falls from 6,000.00 to 5,400.00 baht",
        "disbursed: \"5400.00\"",
    );
}

#[test]
fn other_reason_needs_its_reason() {
    let (_d, r) = check_after("FIN", |reg| {
        measure(reg, "FIN-M1").monitoring[0].implementation = Implementation::Other(String::new());
    });
    finding(
        &r,
        Severity::Warning,
        "\"other reason\" needs the reason",
        "implementation: Other(\"\")",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let (_d, r) = check_after("FIN", |reg| {
        reg.risks[0].inherent.likelihood = 9;
        reg.risks[1].category = id("nope");
        measure(reg, "FIN-M1").monitoring[0].round = id("7m");
    });
    assert_eq!(r.errors(), 3, "{}", dump(&r));
}

#[test]
fn catalog_problems_are_reported_in_their_files() {
    let (_dir, root) = sample_workspace();
    let bureaus = root.join("bureaus.ron");
    let text = std::fs::read_to_string(&bureaus).expect("read").replacen(
        "code: \"FIN\"",
        "code: \"CAB\"",
        1,
    );
    std::fs::write(&bureaus, text).expect("write");
    let method = root.join("methodology/coso-5x5-v1.ron");
    let text = std::fs::read_to_string(&method).expect("read").replacen(
        "\"very_high\",\n            \"very_high\",\n        ],\n    ]",
        "\"very_high\",\n            \"extreme\",\n        ],\n    ]",
        1,
    );
    std::fs::write(&method, text).expect("write");
    let r = check_root(&root, None);
    finding(
        &r,
        Severity::Error,
        "bureau CAB is listed twice",
        "code: \"CAB\"",
    );
    let d = finding(&r, Severity::Error, "unknown band extreme", "\"extreme\"");
    assert_eq!(d.path, "grid[4][4]");
}

#[test]
fn checking_one_file_reports_only_that_file_but_sees_the_year() {
    let (_dir, root) = sample_workspace();
    let pr = root.join("2567/PR.ron");
    let mut reg = store::load_register(&pr).expect("load");
    reg.value.risks[0].measures[0].id = id("FIN-M1");
    reg.save().expect("save");
    let only = [pr.canonicalize().expect("abs")].into_iter().collect();
    let r = check_root(&root.canonicalize().expect("abs"), Some(&only));
    assert_eq!(r.files, 1);
    assert!(
        r.diagnostics
            .iter()
            .all(|d| d.file.ends_with(Path::new("2567/PR.ron"))),
        "{}",
        dump(&r)
    );
    finding(
        &r,
        Severity::Error,
        "measure id FIN-M1 is also used in",
        "id: \"FIN-M1\"",
    );
}
