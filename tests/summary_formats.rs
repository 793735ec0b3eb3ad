//! Every output format of `riskreg summary` on the hand-checked fixture:
//! golden files for the text formats (regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test summary_formats` and review the diff),
//! JSON read back, HTML checked for colours and legend, the xlsx opened with
//! a reader crate and its cells and fills checked.

use calamine::{Data, Reader, Xlsx, open_workbook};
use riskreg::model::{FiscalYear, Lang, RoundId};
use riskreg::report::{self, Format, RenderOptions, Summary};
use std::io::Read;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/summary/registers")
}

fn summary_12m() -> Summary {
    let r = |s: &str| RoundId::new(s).expect("round");
    report::summarize(
        &fixture(),
        FiscalYear::new(2567).expect("year"),
        &r("12m"),
        Some(&r("6m")),
    )
    .expect("summary")
}

fn opts(lang: Lang, thai_digits: bool) -> RenderOptions {
    RenderOptions {
        lang,
        thai_digits,
        width: None,
    }
}

fn rendered(s: &Summary, f: Format, o: &RenderOptions) -> String {
    String::from_utf8(report::render(s, f, o).expect("render")).expect("utf-8")
}

/// Compares with `tests/golden/summary/<name>`; writes it when
/// `UPDATE_GOLDEN` is set.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/summary")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        expected == actual,
        "{name} differs from the golden file; actual output:\n{actual}"
    );
}

#[test]
fn text_markdown_csv_json_html_match_their_golden_files() {
    let s = summary_12m();
    let th = opts(Lang::Th, false);
    let en = opts(Lang::En, false);
    golden("fixture-12m.th.txt", &rendered(&s, Format::Text, &th));
    golden("fixture-12m.en.txt", &rendered(&s, Format::Text, &en));
    golden(
        "fixture-12m.th-digits.txt",
        &rendered(&s, Format::Text, &opts(Lang::Th, true)),
    );
    golden("fixture-12m.th.md", &rendered(&s, Format::Markdown, &th));
    golden("fixture-12m.en.md", &rendered(&s, Format::Markdown, &en));
    golden("fixture-12m.csv", &rendered(&s, Format::Csv, &th));
    golden("fixture-12m.json", &rendered(&s, Format::Json, &th));
    golden("fixture-12m.th.html", &rendered(&s, Format::Html, &th));
}

#[test]
fn text_fits_80_columns_measured_as_a_terminal_does() {
    let s = summary_12m();
    for lang in [Lang::Th, Lang::En] {
        let text = rendered(&s, Format::Text, &opts(lang, false));
        for line in text.lines() {
            let w = unicode_width::UnicodeWidthStr::width(line);
            assert!(w <= 80, "{w} columns: {line:?}");
        }
    }
}

#[test]
fn sample_registers_text_fits_80_columns_too() {
    let r = |s: &str| RoundId::new(s).expect("round");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("registers");
    let s = report::summarize(
        &root,
        FiscalYear::new(2567).expect("year"),
        &r("12m"),
        Some(&r("6m")),
    )
    .expect("summary");
    for thai_digits in [false, true] {
        let text = rendered(&s, Format::Text, &opts(Lang::Th, thai_digits));
        for line in text.lines() {
            let w = unicode_width::UnicodeWidthStr::width(line);
            assert!(w <= 80, "{w} columns: {line:?}");
        }
    }
}

#[test]
fn text_shows_status_as_a_letter_and_the_legend() {
    let text = rendered(&summary_12m(), Format::Text, &opts(Lang::En, false));
    // row 2 (FIN-M1) is red at 12m: its mark sits in the R column
    let row2 = text
        .lines()
        .find(|l| l.trim_start().starts_with("2 "))
        .expect("row 2");
    assert!(row2.contains(". . R"), "{row2}");
    assert!(text.contains("R = red: beyond acceptance; add activities"));
    assert!(text.contains("\"in progress\" counts every measure not completed"));
    assert!(text.contains("3,449.99 baht"));
    assert!(text.contains("-4.55%"));
}

#[test]
fn thai_digits_replace_every_digit_of_the_figures() {
    let text = rendered(&summary_12m(), Format::Text, &opts(Lang::Th, true));
    assert!(text.contains("๓,๔๔๙.๙๙"), "{text}");
    assert!(text.contains("พ.ศ. ๒๕๖๗"));
    assert!(!text.contains("3,449.99"));
}

#[test]
fn json_reads_back_into_the_same_summary_with_ids() {
    let s = summary_12m();
    let json = rendered(&s, Format::Json, &opts(Lang::En, false));
    let back: Summary = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, s);
    // ids, not translated labels
    assert!(json.contains("\"status\": \"Red\""));
    assert!(json.contains("\"measure\": \"FIN-M1\""));
    assert!(json.contains("\"disbursed_pct\": \"104.55\""));
}

#[test]
fn html_prints_a4_landscape_with_coloured_statuses_and_the_legend() {
    let html = rendered(&summary_12m(), Format::Html, &opts(Lang::Th, false));
    assert!(html.contains("@page { size: A4 landscape"));
    assert!(html.contains("\"TH Sarabun New\""));
    assert!(html.contains("td.green { background: #2e9e44"));
    assert!(html.contains("td.yellow { background: #f2c200"));
    assert!(html.contains("td.red { background: #d62828"));
    // FIN-M1 is red: the coloured cell carries the letter and the word
    let fin = html
        .lines()
        .find(|l| l.contains("data-measure=\"FIN-M1\""))
        .expect("FIN-M1 row");
    assert!(fin.contains("<td class=\"status red\">R แดง</td>"), "{fin}");
    for meaning in [
        "เกินกว่าการยอมรับ ควรมีกิจกรรมเพิ่มเติม",
        "เกิดขึ้นแล้วแต่ยอมรับได้ ควรมีกิจกรรมเพิ่มเติม",
        "ยังไม่เกิด ให้เฝ้าระวังต่อเนื่อง",
    ] {
        assert!(html.contains(meaning), "legend lacks {meaning}");
    }
    assert!(
        !html.contains("<link") && !html.contains("<script"),
        "self-contained"
    );
}

#[test]
fn xlsx_opens_with_its_table_summary_and_status_fills() {
    let s = summary_12m();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.xlsx");
    report::write_output(&s, Format::Xlsx, &opts(Lang::En, false), &path).expect("write");

    let mut book: Xlsx<_> = open_workbook(&path).expect("open xlsx");
    assert_eq!(book.sheet_names(), ["Table", "Summary"]);
    let table = book.worksheet_range("Table").expect("table sheet");
    let cell = |r: u32, c: u32| table.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(3, 1), Data::String("Measure/project/activity".into()));
    assert_eq!(cell(4, 1), Data::String("Prevention".into()));
    // row 2 of the table (FIN-M1): red column holds the mark
    assert_eq!(cell(6, 0), Data::Float(2.0));
    assert_eq!(cell(6, 7), Data::String("FIN-M1".into()));
    assert_eq!(cell(6, 5), Data::String("R red".into()));
    assert_eq!(cell(6, 3), Data::Empty);
    assert_eq!(
        cell(6, 6),
        Data::String("Bureau of Finance and Bureau of Legal Affairs".into())
    );

    let sum = book.worksheet_range("Summary").expect("summary sheet");
    let cell = |r: u32, c: u32| sum.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    // bureaus ADM, FIN, LAW then the whole secretariat
    assert_eq!(cell(7, 1), Data::String("ALL".into()));
    assert_eq!(cell(7, 2), Data::Float(6.0));
    assert_eq!(cell(7, 3), Data::Float(3.0));
    assert_eq!(cell(7, 7), Data::Float(3300.0));
    assert_eq!(cell(7, 8), Data::Float(3449.99));
    assert_eq!(cell(7, 9), Data::Float(104.55));
    assert_eq!(cell(7, 10), Data::Float(-149.99));
    assert_eq!(cell(5, 1), Data::String("FIN".into()));
    assert_eq!(cell(5, 9), Data::Float(150.0));

    // the fills: each status colour is a solid fill in the styles
    let file = std::fs::File::open(&path).expect("open");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .expect("styles")
        .read_to_string(&mut styles)
        .expect("read styles");
    for rgb in ["FFD62828", "FF2E9E44", "FFF2C200"] {
        assert!(styles.contains(rgb), "no fill {rgb} in styles.xml");
    }
}

#[test]
fn thai_digits_never_reach_english_output_and_thai_uses_them_throughout() {
    let s = summary_12m();
    for f in [Format::Text, Format::Markdown, Format::Html] {
        let en = rendered(&s, f, &opts(Lang::En, true));
        assert!(
            !en.chars().any(|c| ('๐'..='๙').contains(&c)),
            "{f:?} in English has Thai digits"
        );
        assert!(en.contains("12"), "{f:?}");
    }
    // in Thai: the round, the figures, the numbering and the per-bureau tables
    let th = rendered(&s, Format::Text, &opts(Lang::Th, true));
    assert!(th.contains("รอบ ๑๒ เดือน"), "{th}");
    assert!(th.contains("๓,๓๐๐.๐๐ บาท"), "{th}");
}

#[test]
fn thai_output_names_the_bureaus_and_the_html_legend_says_each_letter_once() {
    let s = summary_12m();
    let th = rendered(&s, Format::Text, &opts(Lang::Th, false));
    let tables = &th[th.find("รายสำนัก").expect("per-bureau tables")..];
    assert!(tables.contains("สำนักการคลัง"), "{tables}");
    assert!(!tables.contains("FIN "), "{tables}");
    assert!(
        th.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80)
    );
    let html = rendered(&s, Format::Html, &opts(Lang::Th, false));
    for letter in ["R", "Y", "G"] {
        assert!(!html.contains(&format!("{letter} = ")), "{letter} twice");
    }
}
