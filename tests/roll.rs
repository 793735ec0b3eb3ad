//! `riskreg roll`: next year's registers start from this year's.

mod common;

use common::{riskreg, sample_workspace, stderr, stdout};
use riskreg::model::{Budget, Money};
use riskreg::store;

#[test]
fn rolling_2567_over_gives_valid_2568_drafts_and_never_overwrites() {
    let (dir, root) = sample_workspace();
    let out = riskreg(dir.path(), &["roll", "2567"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(
        stdout(&out)
            .lines()
            .filter(|l| l.starts_with("created registers/2568/"))
            .count(),
        7
    );

    let old = store::load_register(&root.join("2567/HRD.ron"))
        .expect("old")
        .value;
    let new = store::load_register(&root.join("2568/HRD.ron"))
        .expect("new")
        .value;
    assert_eq!(new.year.be(), 2568);
    assert_eq!(new.risks.len(), old.risks.len());
    assert_eq!(new.risks[0].inherent, old.risks[0].inherent);
    let m = &new.risks[0].measures[0];
    assert_eq!(
        (m.start.to_string(), m.end.to_string()),
        ("2567-10".into(), "2568-09".into())
    );
    assert!(m.monitoring.is_empty());
    assert_eq!(
        m.budget,
        Budget::Requested {
            amount: Money::from_baht(9_800)
        }
    );
    assert!(new.prepared_by.is_none() && new.approved_by.is_none());

    let check = riskreg(dir.path(), &["validate", "registers/2568"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(
        stdout(&check).ends_with("0 errors, 0 warnings in 7 files\n"),
        "{}",
        stdout(&check)
    );

    // a second roll must not touch what officers may already have edited
    let edited = root.join("2568/FIN.ron");
    let text = std::fs::read_to_string(&edited)
        .expect("read")
        .replace("note: \"\"", "note: \"ร่างปี 2568\"");
    std::fs::write(&edited, &text).expect("write");
    let again = riskreg(dir.path(), &["roll", "2567", "--bureau", "FIN"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("2568/FIN.ron: already exists; not overwriting it"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&edited).expect("read"), text);
}

#[test]
fn rolling_a_year_with_a_broken_file_writes_nothing() {
    let (dir, root) = sample_workspace();
    std::fs::write(root.join("2567/PR.ron"), "Register(bureau: \"PR\",").expect("write");
    let out = riskreg(dir.path(), &["roll", "2567"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("registers/2567/PR.ron:1:"),
        "{}",
        stderr(&out)
    );
    assert!(!root.join("2568").exists());
}
