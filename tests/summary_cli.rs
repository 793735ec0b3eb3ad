//! The real `riskreg summary` binary on a copy of the sample registers:
//! output, shorthand rounds, formats by extension, and every error path.

mod common;

use common::{riskreg, sample_workspace, stderr, stdout};

#[test]
fn prints_the_6_month_table_with_round_shorthand() {
    let (dir, _root) = sample_workspace();
    let out = riskreg(
        dir.path(),
        &["summary", "--year", "2567", "--round", "6", "--lang", "th"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("รอบ 6 เดือน"), "{text}");
    assert!(text.contains("91,200.00 บาท"), "{text}");
    assert!(text.contains("10,075.00 บาท"), "{text}");
    assert!(text.contains("20.00%"), "{text}");
}

#[test]
fn compares_12_months_with_6_in_english() {
    let (dir, _root) = sample_workspace();
    let out = riskreg(
        dir.path(),
        &[
            "summary",
            "registers",
            "--year",
            "2567",
            "--round",
            "12m",
            "--compare",
            "6",
            "--lang",
            "en",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Compared with 6-month round"), "{text}");
    assert!(text.contains("Disbursed in between"), "{text}");
}

#[test]
fn help_explains_formats_and_what_in_progress_counts() {
    let (dir, _root) = sample_workspace();
    let out = riskreg(dir.path(), &["summary", "--help"]);
    assert!(out.status.success());
    let help = stdout(&out);
    for word in [
        "--compare",
        "--thai-digits",
        "xlsx",
        "in progress",
        "half away from zero",
    ] {
        assert!(help.contains(word), "help lacks {word}: {help}");
    }
}

#[test]
fn output_format_follows_the_extension_and_is_written_whole() {
    let (dir, _root) = sample_workspace();
    let out = riskreg(
        dir.path(),
        &["summary", "--round", "6m", "--output", "report.xlsx"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join("report.xlsx")).expect("xlsx written");
    assert_eq!(&bytes[..2], b"PK", "an xlsx is a zip file");
    let out = riskreg(
        dir.path(),
        &["summary", "--round", "6m", "-o", "report.html"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(dir.path().join("report.html")).expect("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
}

#[test]
fn xlsx_to_the_terminal_is_refused() {
    let (dir, _root) = sample_workspace();
    let out = riskreg(
        dir.path(),
        &["summary", "--round", "6m", "--format", "xlsx"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--output"), "{}", stderr(&out));
}

#[test]
fn a_year_without_registers_is_a_clear_error() {
    let (dir, _root) = sample_workspace();
    let out = riskreg(dir.path(), &["summary", "--year", "2599", "--round", "6m"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no data for year 2599"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unknown_round_names_the_methodology_and_its_rounds() {
    let (dir, _root) = sample_workspace();
    let out = riskreg(dir.path(), &["summary", "--year", "2567", "--round", "9m"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("round 9m is not a round of methodology"),
        "{err}"
    );
    assert!(err.contains("6m, 12m"), "{err}");
}

#[test]
fn a_broken_register_is_reported_with_file_line_and_column() {
    let (dir, root) = sample_workspace();
    let path = root.join("2567/FIN.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    // line 3 becomes `    year: "2567",`: a string where a number belongs
    let broken = text.replacen("year: 2567,", "year: \"2567\",", 1);
    assert_ne!(broken, text);
    std::fs::write(&path, broken).expect("write");
    let out = riskreg(dir.path(), &["summary", "--year", "2567", "--round", "6m"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("FIN.ron:3:"), "{err}");
    assert!(out.stdout.is_empty(), "no half report on stdout");
}

#[test]
fn an_unwritable_output_leaves_nothing_behind() {
    let (dir, _root) = sample_workspace();
    // a directory where the file should go: the final rename must fail
    let target = dir.path().join("out");
    std::fs::create_dir(&target).expect("mkdir");
    std::fs::write(target.join("keep.txt"), "x").expect("write");
    let before: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
    let out = riskreg(
        dir.path(),
        &[
            "summary", "--round", "6m", "--output", "out", "--format", "html",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot write the report"),
        "{}",
        stderr(&out)
    );
    let after: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
    assert_eq!(
        before.len(),
        after.len(),
        "a temporary file was left behind"
    );
    assert!(target.join("keep.txt").is_file());

    // a directory that does not exist
    let out = riskreg(
        dir.path(),
        &["summary", "--round", "6m", "--output", "missing/r.md"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("missing").exists());
}
