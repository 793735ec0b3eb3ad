//! `riskreg report` end to end: the real binary writes docx, xlsx and HTML
//! from the sample registers; the tests read the parts back (the docx's
//! XML parts through zip, the workbook through calamine) and check them
//! against the registers. Expected figures were worked out by hand from
//! registers/2567 (seed 002's 15 measures).

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use std::io::Read;
use std::path::Path;

/// Runs `riskreg report` on a copy of the samples; returns the file.
fn report(dir: &Path, root: &Path, file: &str, extra: &[&str]) -> std::path::PathBuf {
    let out = dir.join(file);
    let mut args = vec![
        "report",
        root.to_str().expect("utf-8 path"),
        "--year",
        "2567",
        "--output",
        out.to_str().expect("utf-8 path"),
        // the official report is read in Thai; without --lang the locale decides
        "--lang",
        "th",
    ];
    args.extend(extra);
    let o = common::riskreg(dir, &args);
    assert!(o.status.success(), "{}", common::stderr(&o));
    out
}

fn part(docx: &Path, name: &str) -> String {
    let f = std::fs::File::open(docx).expect("open docx");
    let mut zip = zip::ZipArchive::new(f).expect("a zip");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut s)
        .expect("utf-8 part");
    s
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn titles() -> Vec<String> {
    let (regs, errors) =
        riskreg::store::load_year(&common::sample_registers(), 2567).expect("load");
    assert!(errors.is_empty());
    regs.iter()
        .flat_map(|r| {
            r.value
                .measures()
                .map(|(_, m)| m.title.clone())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn docx_holds_the_table_charts_and_a_page_per_measure() {
    let (dir, root) = common::sample_workspace();
    let docx = report(dir.path(), &root, "r6.docx", &["--round", "6"]);
    let doc = part(&docx, "word/document.xml");
    // every measure: once in the table, once as its page's heading
    for t in titles() {
        assert!(doc.matches(&xml(&t)).count() >= 2, "{t} missing");
    }
    assert!(doc.contains("(ตุลาคม 2566 – มีนาคม 2567)"));
    // the table's two heading rows repeat on every page
    let first_table =
        &doc[doc.find("<w:tbl>").expect("a table")..doc.find("</w:tbl>").expect("end")];
    assert_eq!(first_table.matches("<w:tblHeader/>").count(), 2);
    assert!(doc.contains("สถานะความเสี่ยง"));
    // one ticked box per measure; seed 002: 3 completed at 6 months
    assert_eq!(doc.matches("☑").count(), 15);
    assert_eq!(doc.matches("☑ ดำเนินการแล้วเสร็จ").count(), 3);
    assert_eq!(doc.matches("☑ ยังไม่ได้ดำเนินการ").count(), 2);
    // HRD-M1's overspend: 10,075.00 − 9,800.00 = 275.00
    assert!(doc.contains("อยู่ 275.00 บาท"));
    // A4 portrait, page numbers in the footer, the Thai font
    assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(part(&docx, "word/footer1.xml").contains(" PAGE "));
    assert!(part(&docx, "word/styles.xml").contains("TH Sarabun New"));
    // native chart parts with the figures cached: 3 and 12 measures,
    // 10,075.00 disbursed and 81,125.00 (91,200.00 − 10,075.00) remaining
    let c1 = part(&docx, "word/charts/chart1.xml");
    assert!(
        c1.contains("<c:v>3</c:v>") && c1.contains("<c:v>12</c:v>"),
        "{c1}"
    );
    let c2 = part(&docx, "word/charts/chart2.xml");
    assert!(
        c2.contains("<c:v>10075</c:v>") && c2.contains("<c:v>81125</c:v>"),
        "{c2}"
    );
    assert!(part(&docx, "word/charts/chart3.xml").contains("<c:v>15</c:v>"));
}

#[test]
fn twelve_month_html_has_achievements_comparison_and_thai_digits() {
    let (dir, root) = common::sample_workspace();
    let html = report(
        dir.path(),
        &root,
        "r12.html",
        &["--round", "12", "--compare", "6", "--thai-digits"],
    );
    let h = std::fs::read_to_string(html).expect("read");
    assert!(h.contains("(ตุลาคม ๒๕๖๖ – กันยายน ๒๕๖๗)"), "period");
    // CAB-M1: 57 of 62 = 91.935… → 91.94 %, target ≥ 80 % → met
    assert!(h.contains("๕๗ จาก ๖๒ = ๙๑.๙๔ %"), "CAB-M1 achievement");
    // HRD-M1 i2: 41 of 48 = 85.416… → 85.42 %
    assert!(h.contains("๔๑ จาก ๔๘ = ๘๕.๔๒ %"), "HRD-M1 achievement");
    assert!(h.contains("<td>บรรลุ</td>"));
    assert!(h.contains("เปรียบเทียบกับ"), "comparison section");
    assert_eq!(h.matches("<svg").count(), 3);
    assert_eq!(
        h.matches("<section class=\"measure\" data-measure=")
            .count(),
        15
    );
    assert!(h.contains("counter(page, thai)"));
    // measure ids stay ASCII however digits are printed
    assert!(h.contains("HRD-M1"));
}

#[test]
fn xlsx_has_the_table_native_charts_and_the_measures() {
    let (dir, root) = common::sample_workspace();
    let path = report(dir.path(), &root, "r6.xlsx", &["--round", "6"]);
    let mut book: Xlsx<_> = open_workbook(&path).expect("open xlsx");
    let table = book.worksheet_range("ตาราง").expect("table sheet");
    let cells: Vec<String> = table.rows().flatten().map(|d| d.to_string()).collect();
    for t in titles() {
        assert!(cells.contains(&t), "{t} missing from the table");
    }
    assert_eq!(cells.iter().filter(|c| c.as_str() == "✓").count(), 15);
    let charts = book.worksheet_range("แผนภูมิ").expect("chart sheet");
    let numbers: Vec<f64> = charts
        .rows()
        .flatten()
        .filter_map(|d| match d {
            Data::Float(f) => Some(*f),
            _ => None,
        })
        .collect();
    assert_eq!(numbers, [3.0, 12.0, 10075.0, 81125.0, 15.0, 0.0, 0.0]);
    let measures = book.worksheet_range("รายมาตรการ").expect("measure sheet");
    let ticked = measures
        .rows()
        .flatten()
        .filter(|d| matches!(d, Data::String(s) if s == "☑ ดำเนินการแล้วเสร็จ"))
        .count();
    assert_eq!(ticked, 3);
    // the chart itself is a native chart part of the package
    let f = std::fs::File::open(&path).expect("open");
    let zip = zip::ZipArchive::new(f).expect("zip");
    let charts = zip
        .file_names()
        .filter(|n| n.as_deref().is_ok_and(|n| n.starts_with("xl/charts/chart")))
        .count();
    assert_eq!(charts, 3);
}

#[test]
fn a_bad_format_or_an_unwritable_output_fails_and_leaves_nothing() {
    let (dir, root) = common::sample_workspace();
    let r = root.to_str().expect("utf-8");
    let o = common::riskreg(
        dir.path(),
        &["report", r, "--round", "6", "--output", "x.pdf"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).contains("use docx, html or xlsx"));
    let missing = dir.path().join("no/such/dir/r.docx");
    let o = common::riskreg(
        dir.path(),
        &[
            "report",
            r,
            "--round",
            "6",
            "--output",
            missing.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(!missing.exists());
    assert!(!dir.path().join("x.pdf").exists());
}
