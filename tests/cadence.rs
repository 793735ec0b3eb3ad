//! Reviews and monitoring reports falling due: `riskreg validate` on the
//! sample registers through the real binary, on named days
//! (`RISKREG_TODAY`), each warning on the line of the value at fault.

mod common;

use common::{riskreg_on, sample_workspace, stdout};
use riskreg::model::{RoundId, YearMonth};
use riskreg::store;

fn warnings(text: &str, what: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.contains(what))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_review_date_that_has_passed_is_a_located_warning() {
    let (dir, _root) = sample_workspace();
    // 2567-04-30 is the review date of most sample risks: due, not yet overdue
    let on_the_day = stdout(&riskreg_on("2567-04-30", dir.path(), &["validate"]));
    assert!(
        warnings(&on_the_day, "review overdue").is_empty(),
        "{on_the_day}"
    );
    let out = riskreg_on("2567-05-01", dir.path(), &["validate"]);
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let text = stdout(&out);
    let overdue = warnings(&text, "review overdue");
    assert!(
        overdue.contains(
            &"registers/2567/PR.ron:32:26: warning: risk PR-R1: review overdue since 2567-04-30 [risks[0].next_review]"
                .to_string()
        ),
        "{text}"
    );
    // PR-R2 is reviewed on 2567-09-30: not overdue in May
    assert!(!text.contains("PR-R2: review overdue"), "{text}");
    let later = stdout(&riskreg_on("2567-10-01", dir.path(), &["validate"]));
    assert!(
        warnings(&later, "review overdue").len() > overdue.len(),
        "{later}"
    );
    assert!(
        later.contains("PR-R2: review overdue since 2567-09-30"),
        "{later}"
    );
}

#[test]
fn a_measure_without_a_report_for_an_ended_round_is_a_located_warning() {
    let (dir, root) = sample_workspace();
    let path = root.join("2567/PR.ron");
    let mut reg = store::load_register(&path).expect("sample loads");
    let six = RoundId::new("6m").expect("id");
    let m = &mut reg.value.risks[0].measures[0];
    m.monitoring.retain(|e| e.round != six);
    reg.save().expect("save");

    // the last day of the round: not yet overdue
    let during = stdout(&riskreg_on("2567-03-31", dir.path(), &["validate"]));
    assert!(warnings(&during, "overdue").is_empty(), "{during}");
    let after = stdout(&riskreg_on("2567-04-01", dir.path(), &["validate"]));
    let overdue = warnings(&after, "report for round");
    assert_eq!(
        overdue,
        [
            "registers/2567/PR.ron:55:33: warning: measure PR-M1: report for round 6m overdue since 2567-03-31 (the round's end) [risks[0].measures[0].monitoring]"
        ],
        "{after}"
    );
}

#[test]
fn a_measure_that_starts_after_a_round_owes_no_report_for_it() {
    let (dir, root) = sample_workspace();
    let path = root.join("2567/PR.ron");
    let mut reg = store::load_register(&path).expect("sample loads");
    let m = &mut reg.value.risks[0].measures[0];
    m.start = YearMonth::new(2567, 5).expect("month");
    m.monitoring.clear();
    reg.save().expect("save");
    let text = stdout(&riskreg_on("2567-06-01", dir.path(), &["validate"]));
    assert!(!text.contains("round 6m overdue"), "{text}");
    // but it owes the 12-month report once that round has ended
    let late = stdout(&riskreg_on("2567-10-01", dir.path(), &["validate"]));
    assert!(
        late.contains(
            "measure PR-M1: report for round 12m overdue since 2567-09-30 (the round's end) [risks[0].measures[0].id]"
        ),
        "{late}"
    );
    assert!(!late.contains("PR-M1: report for round 6m"), "{late}");
}

#[test]
fn a_malformed_riskreg_today_is_a_usage_error() {
    let (dir, _root) = sample_workspace();
    let out = riskreg_on("31/03/2567", dir.path(), &["validate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr(&out).contains("RISKREG_TODAY=31/03/2567"),
        "{}",
        common::stderr(&out)
    );
}
