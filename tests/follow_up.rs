//! The summary's follow-up figures through the real binary on the sample
//! registers: each indicator judged against its target (JSON `met` per
//! indicator of each row), met of total per bureau, reviews and reports
//! overdue, in every format.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{riskreg_on, sample_workspace, stdout};
use riskreg::model::RoundId;
use serde_json::Value;

fn summary(today: &str, dir: &std::path::Path, args: &[&str]) -> String {
    let mut all = vec!["summary", "--year", "2567", "--lang", "en"];
    all.extend_from_slice(args);
    let out = riskreg_on(today, dir, &all);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    stdout(&out)
}

fn json(today: &str, dir: &std::path::Path, round: &str) -> Value {
    let text = summary(today, dir, &["--round", round, "--format", "json"]);
    serde_json::from_str(&text).expect("json")
}

fn row<'a>(v: &'a Value, measure: &str) -> &'a Value {
    v["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|g| g["rows"].as_array().expect("rows"))
        .find(|r| r["measure"] == measure)
        .expect("the measure's row")
}

fn bureau<'a>(v: &'a Value, code: &str) -> &'a Value {
    v["bureaus"]
        .as_array()
        .expect("bureaus")
        .iter()
        .find(|b| b["bureau"] == code)
        .expect("the bureau's row")
}

#[test]
fn each_indicator_of_each_row_is_judged_against_its_target() {
    let (dir, _root) = sample_workspace();
    let v = json(common::TODAY, dir.path(), "12m");
    // PLAN-M4: the target is not reached at 12 months
    assert_eq!(
        row(&v, "PLAN-M4")["indicators"],
        serde_json::json!([{"indicator": "i1", "met": false}])
    );
    assert_eq!(
        row(&v, "HRD-M1")["indicators"],
        serde_json::json!([{"indicator": "i1", "met": true}, {"indicator": "i2", "met": true}])
    );
    let plan = &bureau(&v, "PLAN")["follow_up"];
    assert_eq!(
        (&plan["indicators"], &plan["indicators_met"]),
        (&6.into(), &5.into())
    );
    assert_eq!(v["follow_up"]["indicators"], 10);
    assert_eq!(v["follow_up"]["indicators_met"], 9);
    assert_eq!(v["follow_up"]["indicators_not_met"], 1);
    // at 6 months some results are still being assessed: neither met nor not
    let six = json(common::TODAY, dir.path(), "6m");
    assert_eq!(
        row(&six, "HRD-M1")["indicators"],
        serde_json::json!([{"indicator": "i1", "met": true}, {"indicator": "i2", "met": null}])
    );
    assert_eq!(
        (
            &six["follow_up"]["indicators_met"],
            &six["follow_up"]["indicators_not_met"]
        ),
        (&5.into(), &0.into())
    );
}

#[test]
fn met_of_total_per_bureau_appears_in_every_format() {
    let (dir, _root) = sample_workspace();
    let text = summary(common::TODAY, dir.path(), &["--round", "12m"]);
    let plan = text
        .lines()
        .find(|l| l.starts_with("PLAN ") && l.contains('/'))
        .expect("PLAN's counts");
    assert!(plan.ends_with(" 5/6"), "{plan}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("Indicators meeting their target") && l.contains("9/10")),
        "{text}"
    );
    let md = summary(
        common::TODAY,
        dir.path(),
        &["--round", "12m", "--format", "markdown"],
    );
    assert!(md.contains("| Indicators met |"), "{md}");
    assert!(
        md.contains("| Indicators meeting their target | 9/10 | 90.00% |"),
        "{md}"
    );
    let html = summary(
        common::TODAY,
        dir.path(),
        &["--round", "12m", "--format", "html"],
    );
    assert!(html.contains("<th>Indicators met</th>"), "{html}");
    assert!(html.contains("<td class=\"num\">5/6</td>"), "{html}");
    let csv = summary(
        common::TODAY,
        dir.path(),
        &["--round", "12m", "--format", "csv"],
    );
    assert!(
        csv.contains(",co_responsible,indicators,indicators_met,indicators_not_met,reviews_overdue,reports_overdue\n"),
        "{csv}"
    );
    let plan = csv.lines().find(|l| l.starts_with("PLAN,")).expect("PLAN");
    assert!(plan.ends_with(",6,5,1,0,0"), "{plan}");
    let all = csv.lines().find(|l| l.starts_with("ALL,")).expect("ALL");
    assert!(all.ends_with(",10,9,1,0,0"), "{all}");

    let path = dir.path().join("s.xlsx");
    summary(
        common::TODAY,
        dir.path(),
        &["--round", "12m", "--output", &path.to_string_lossy()],
    );
    let mut book: Xlsx<_> = open_workbook(&path).expect("open xlsx");
    let sheet = book.worksheet_range("Summary").expect("summary sheet");
    let cell = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(3, 16), Data::String("Indicators".into()));
    assert_eq!(cell(3, 17), Data::String("Met".into()));
    let plan_row = (4..20)
        .find(|r| cell(*r, 1) == Data::String("PLAN".into()))
        .expect("PLAN's row");
    assert_eq!(cell(plan_row, 16), Data::Float(6.0));
    assert_eq!(cell(plan_row, 17), Data::Float(5.0));
}

#[test]
fn reviews_overdue_are_counted_on_the_rounds_last_day_or_today_if_earlier() {
    let (dir, _root) = sample_workspace();
    // judged on 2567-09-30, the round's last day: the reviews due on
    // 2567-04-30 are overdue, those due that very day are not
    let late = json("2567-11-01", dir.path(), "12m");
    assert_eq!(late["follow_up"]["reviews_overdue"], 13);
    assert_eq!(bureau(&late, "PR")["follow_up"]["reviews_overdue"], 1);
    // during the round, what has passed by today
    let on_the_day = json("2567-04-30", dir.path(), "12m");
    assert_eq!(on_the_day["follow_up"]["reviews_overdue"], 0);
    let next_day = json("2567-05-01", dir.path(), "12m");
    assert_eq!(next_day["follow_up"]["reviews_overdue"], 13);
    // a past round's report does not change with the day it is made
    let six = json("2567-11-01", dir.path(), "6m");
    assert_eq!(six["follow_up"]["reviews_overdue"], 0);
    let text = summary("2567-11-01", dir.path(), &["--round", "12m"]);
    assert!(
        text.lines()
            .any(|l| l.starts_with("Risks overdue for review") && l.ends_with(" 13")),
        "{text}"
    );
}

#[test]
fn a_missing_report_is_counted_once_the_round_has_ended() {
    let (dir, root) = sample_workspace();
    let path = root.join("2567/PR.ron");
    let mut reg = riskreg::store::load_register(&path).expect("sample loads");
    let six = RoundId::new("6m").expect("id");
    reg.value.risks[0].measures[0]
        .monitoring
        .retain(|e| e.round != six);
    reg.save().expect("save");
    let during = json("2567-03-31", dir.path(), "6m");
    assert_eq!(during["follow_up"]["reports_overdue"], 0);
    let after = json("2567-04-01", dir.path(), "6m");
    assert_eq!(after["follow_up"]["reports_overdue"], 1);
    assert_eq!(bureau(&after, "PR")["follow_up"]["reports_overdue"], 1);
    // its indicator has no result at the round: not judged
    assert_eq!(
        row(&after, "PR-M1")["indicators"],
        serde_json::json!([{"indicator": "i1", "met": null}])
    );
}
