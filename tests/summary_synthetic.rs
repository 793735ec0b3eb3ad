//! The benchmark's synthetic registers are valid registers, and on them the
//! per-bureau rows add up to the secretariat's figures.

use riskreg::model::{FiscalYear, RoundId};
use riskreg::report::{self, synthetic};
use std::path::PathBuf;

/// Synthetic registers of `bureaus` × `risks` × `measures` in a temporary
/// directory.
fn generate(
    bureaus: usize,
    risks: usize,
    measures: usize,
) -> (tempfile::TempDir, PathBuf, FiscalYear) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("registers");
    let year = FiscalYear::new(2567).expect("year");
    let size = synthetic::Size {
        bureaus,
        risks,
        measures,
    };
    synthetic::write(&root, year, size).expect("generate");
    (dir, root, year)
}

/// The summary of registers loaded first and lent to it, as the interface
/// makes it.
fn borrowed_summary(
    root: &std::path::Path,
    year: FiscalYear,
    round: &RoundId,
    compare: Option<&RoundId>,
) -> report::Summary {
    let catalog = riskreg::store::Catalog::load(root).expect("catalog");
    let (loaded, errors) = riskreg::store::load_year(root, year.be()).expect("load");
    assert!(errors.is_empty());
    let regs: Vec<_> = loaded.into_iter().map(|l| l.value).collect();
    report::summarize_with_methods(
        &catalog.bureaus.value,
        &catalog.approaches.value,
        &catalog.method_values(),
        &regs,
        year,
        round,
        compare,
    )
    .expect("summary")
}

#[test]
fn synthetic_registers_validate_and_bureau_rows_add_up() {
    let (_dir, root, year) = generate(4, 5, 3);

    let report = riskreg::check::check_root(&root, None);
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == riskreg::validate::Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        report.files,
        4 + 3,
        "registers, bureaus, approaches, methodology"
    );

    let r = |s: &str| RoundId::new(s).expect("round");
    let s = report::summarize(&root, year, &r("12m"), Some(&r("6m"))).expect("summary");
    let p = &s.progress;
    assert_eq!(p.measures, 4 * 5 * 3);
    assert_eq!(s.bureaus.len(), 4);
    let sum =
        |f: fn(&report::Progress) -> i64| -> i64 { s.bureaus.iter().map(|b| f(&b.progress)).sum() };
    assert_eq!(sum(|p| p.measures as i64), p.measures as i64);
    assert_eq!(sum(|p| p.completed as i64), p.completed as i64);
    assert_eq!(sum(|p| p.allocated_satang), p.allocated_satang);
    assert_eq!(sum(|p| p.disbursed_satang), p.disbursed_satang);
    assert_eq!(
        sum(|p| (p.green + p.yellow + p.red) as i64),
        p.measures as i64
    );
    let band_total: u64 = p.bands.iter().map(|b| b.count).sum();
    assert_eq!(band_total, p.measures);
    let c = s.comparison.as_ref().expect("comparison");
    assert_eq!(
        c.disbursed_between_satang,
        p.disbursed_satang - c.from_progress.disbursed_satang
    );
}

/// Enough registers for the table to be taken from them on several cores:
/// the result is the same as copying it from borrowed registers.
#[test]
fn owned_and_borrowed_paths_agree_on_many_registers() {
    let (_dir, root, year) = generate(150, 2, 2);
    let r = |s: &str| RoundId::new(s).expect("round");
    let owned = report::summarize(&root, year, &r("12m"), Some(&r("6m"))).expect("summary");

    let borrowed = borrowed_summary(&root, year, &r("12m"), Some(&r("6m")));
    assert_eq!(owned.progress.measures, 150 * 2 * 2);
    assert_eq!(owned, borrowed);
}

#[test]
fn reading_a_year_to_compute_from_reports_its_errors_and_leaves_warnings_to_validate() {
    // synthetic registers carry warnings (disbursements that fall between
    // rounds) and no errors
    let (_dir, root, year) = generate(3, 6, 3);
    let full = riskreg::check::check_root(&root, None);
    assert!(full.warnings() > 0, "the synthetic registers have warnings");
    let checked = riskreg::check::load_year(&root, year.be(), &riskreg::progress::Silent);
    assert_eq!(checked.report.warnings(), 0);
    assert_eq!(checked.report.errors(), 0);
    assert_eq!(checked.registers.len(), 3);

    // an error is still reported, in its place
    let file = root.join("2567").join("B00001.ron");
    let text = std::fs::read_to_string(&file).expect("read");
    let broken = text.replacen("methodology:", "methodologie:", 1);
    assert_ne!(broken, text);
    std::fs::write(&file, broken).expect("write");
    let checked = riskreg::check::load_year(&root, year.be(), &riskreg::progress::Silent);
    assert_eq!(
        checked.report.errors(),
        1,
        "{:#?}",
        checked.report.diagnostics
    );
    assert_eq!(checked.report.warnings(), 0);
    let d = &checked.report.diagnostics[0];
    assert!(d.file.ends_with("B00001.ron") && d.line > 0, "{d:?}");
}

#[test]
fn approaches_not_listed_follow_the_listed_ones_in_id_order_on_both_paths() {
    let (_dir, root, year) = generate(3, 4, 2);
    let r = |s: &str| RoundId::new(s).expect("round");
    // two measures name approach groups approaches.ron does not list
    let file = root.join("2567").join("B00001.ron");
    let text = std::fs::read_to_string(&file).expect("read");
    let text = text
        .replacen("approach: \"knowledge\"", "approach: \"zz-later\"", 1)
        .replacen("approach: \"standards\"", "approach: \"aa-first\"", 1);
    std::fs::write(&file, &text).expect("write");
    assert!(text.contains("zz-later") && text.contains("aa-first"));

    let owned = report::summarize(&root, year, &r("12m"), None).expect("summary");
    let groups: Vec<&str> = owned.groups.iter().map(|g| g.approach.as_str()).collect();
    assert_eq!(
        groups[groups.len() - 2..],
        ["aa-first", "zz-later"],
        "{groups:?}"
    );
    assert!(!groups[..groups.len() - 2].contains(&"aa-first"));
    // numbering runs on through them
    let last = owned.groups.last().expect("group");
    assert_eq!(last.rows.len(), 1);
    assert_eq!(last.rows[0].no as usize, 3 * 4 * 2);

    let borrowed = borrowed_summary(&root, year, &r("12m"), None);
    assert_eq!(borrowed.groups, owned.groups);
}
