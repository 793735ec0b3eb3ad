//! `riskreg import` through the real binary on copies of the sample
//! registers: an export imported untouched gives the same bytes for every
//! sample; a cell edited as in Excel comes back; an office workbook built
//! here (Thai headers over two rows, merged risk cells, ratings as words,
//! `10,000.-`, `31 มี.ค. 67`) is read with the example mapping of the docs;
//! bad cells are reported with their place and nothing is written; an
//! existing register is refused without --force; --dry-run writes nothing.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{riskreg, sample_registers, sample_workspace, stderr};
use riskreg::model::{
    Budget, CoResponsible, ControlQuality, Date, Factor, MeasureKind, Money, Rating, Register,
    Response, YearMonth,
};
use riskreg::store;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::{Path, PathBuf};

const BUREAUS: [&str; 7] = ["CAB", "FIN", "HRD", "ICT", "MTG", "PLAN", "PR"];

fn export(cwd: &Path, bureau: &str, out: &str) {
    let o = riskreg(
        cwd,
        &[
            "export", "--year", "2567", "--bureau", bureau, "--format", "xlsx", "--output", out,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

fn import(cwd: &Path, file: &str, bureau: &str, more: &[&str]) -> std::process::Output {
    let mut args = vec!["import", file, "--year", "2567", "--bureau", bureau];
    args.extend(more);
    riskreg(cwd, &args)
}

fn load(path: &Path) -> Register {
    store::load_register(path)
        .expect("the register reads")
        .value
}

/// Copies a workbook cell by cell, as Excel would save it after an edit:
/// `edit(sheet, row, col)` gives a new value for a cell, or `None` to keep
/// it.
fn copy_with(from: &Path, to: &Path, edit: impl Fn(&str, u32, u32) -> Option<Data>) {
    let mut book: Xlsx<_> = open_workbook(from).expect("open");
    let mut out = Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("sheet");
        let ws = out.add_worksheet();
        ws.set_name(&name).expect("name");
        let (h, w) = range.get_size();
        for r in 0..h as u32 {
            for c in 0..w as u32 {
                let cell = range
                    .get((r as usize, c as usize))
                    .cloned()
                    .unwrap_or_default();
                let cell = edit(&name, r, c).unwrap_or(cell);
                let c = c as u16;
                match cell {
                    Data::String(s) => ws.write_string(r, c, s).map(|_| ()),
                    Data::Float(f) => ws.write_number(r, c, f).map(|_| ()),
                    Data::Int(i) => ws.write_number(r, c, i as f64).map(|_| ()),
                    Data::Bool(b) => ws.write_boolean(r, c, b).map(|_| ()),
                    _ => Ok(()),
                }
                .expect("write");
            }
        }
    }
    out.save(to).expect("save");
}

/// The 0-based column of a header in row 1 of a sheet of an exported workbook.
fn column(path: &Path, sheet: &str, name: &str) -> u32 {
    let mut book: Xlsx<_> = open_workbook(path).expect("open");
    let range = book.worksheet_range(sheet).expect("sheet");
    (0..range.width())
        .find(|c| range.get((0, *c)) == Some(&Data::String(name.into())))
        .expect("column") as u32
}

#[test]
fn an_untouched_export_imports_to_the_same_bytes_for_every_sample() {
    let (dir, root) = sample_workspace();
    for b in BUREAUS {
        let file = format!("{b}.xlsx");
        export(dir.path(), b, &file);
        let o = import(dir.path(), &file, b, &["--force"]);
        assert!(o.status.success(), "{b}: {}", stderr(&o));
        let path = format!("2567/{b}.ron");
        assert_eq!(
            std::fs::read_to_string(root.join(&path)).expect("written"),
            std::fs::read_to_string(sample_registers().join(&path)).expect("sample"),
            "{b}: the round trip changed the register"
        );
    }
    // and the file is canonical: fmt --check has nothing to say
    let o = riskreg(dir.path(), &["fmt", "--check"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn every_column_the_import_reads_is_one_the_export_writes() {
    let ds = riskreg::report::dataset::dataset(&[], &[]).expect("dataset");
    for (table, columns) in riskreg::import::export_layout::READ {
        let (_, df) = ds.frames.iter().find(|(t, _)| *t == table).expect(table);
        let written: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
        for c in columns {
            assert!(written.contains(c), "{table}.{c} is read but not exported");
        }
    }
}

#[test]
fn an_edited_cell_comes_back_and_only_its_line_changes() {
    let (dir, root) = sample_workspace();
    export(dir.path(), "CAB", "CAB.xlsx");
    let xlsx = dir.path().join("CAB.xlsx");
    let owner = column(&xlsx, "risks", "owner");
    let disbursed = column(&xlsx, "monitoring", "disbursed_satang");
    let edited = dir.path().join("edited.xlsx");
    copy_with(&xlsx, &edited, |sheet, r, c| match (sheet, r, c) {
        ("risks", 1, c) if c == owner => Some(Data::String("ผู้อำนวยการสำนักบริหารงานกลาง".into())),
        // the 12-month report of CAB-M1 (second monitoring row)
        ("monitoring", 2, c) if c == disbursed => Some(Data::Float(990_000.0)),
        _ => None,
    });
    let before = std::fs::read_to_string(root.join("2567/CAB.ron")).expect("read");
    let o = import(dir.path(), "edited.xlsx", "CAB", &["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let reg = load(&root.join("2567/CAB.ron"));
    assert_eq!(reg.risks[0].owner, "ผู้อำนวยการสำนักบริหารงานกลาง");
    let m = &reg.risks[0].measures[0];
    assert_eq!(m.monitoring[1].disbursed, Money::from_satang(990_000));
    let after = std::fs::read_to_string(root.join("2567/CAB.ron")).expect("read");
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(
        changed[1].1.contains("disbursed: \"9900.00\""),
        "{changed:?}"
    );
}

#[test]
fn a_bad_cell_is_reported_with_its_place_and_nothing_is_written() {
    let (dir, root) = sample_workspace();
    export(dir.path(), "CAB", "CAB.xlsx");
    let xlsx = dir.path().join("CAB.xlsx");
    let likelihood = column(&xlsx, "risks", "inherent_likelihood");
    let status = column(&xlsx, "monitoring", "status");
    let edited = dir.path().join("edited.xlsx");
    copy_with(&xlsx, &edited, |sheet, r, c| match (sheet, r, c) {
        ("risks", 2, c) if c == likelihood => Some(Data::String("high".into())),
        ("monitoring", 1, c) if c == status => Some(Data::String("blue\u{1b}[2J".into())),
        _ => None,
    });
    let before = std::fs::read(root.join("2567/CAB.ron")).expect("read");
    let o = import(dir.path(), "edited.xlsx", "CAB", &["--force"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "edited.xlsx: sheet \"risks\" H3 (row 3, column H): inherent_likelihood: expected a whole number 1–255, found \"high\""
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "sheet \"monitoring\" F2 (row 2, column F): status: expected green, yellow or red"
        ),
        "{err}"
    );
    assert!(
        !err.contains('\u{1b}'),
        "a cell's escape code reached the terminal: {err}"
    );
    assert!(
        err.contains("2 cells of edited.xlsx could not be read; nothing was written"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(root.join("2567/CAB.ron")).expect("read"),
        before
    );
}

#[test]
fn a_register_that_would_not_validate_is_not_written() {
    let (dir, root) = sample_workspace();
    export(dir.path(), "CAB", "CAB.xlsx");
    let xlsx = dir.path().join("CAB.xlsx");
    let likelihood = column(&xlsx, "risks", "inherent_likelihood");
    let edited = dir.path().join("edited.xlsx");
    // a level the cell can hold but the 5-level scale cannot
    copy_with(&xlsx, &edited, |sheet, r, c| match (sheet, r, c) {
        ("risks", 1, c) if c == likelihood => Some(Data::Float(7.0)),
        _ => None,
    });
    let before = std::fs::read(root.join("2567/CAB.ron")).expect("read");
    let o = import(dir.path(), "edited.xlsx", "CAB", &["--force"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("registers/2567/CAB.ron:28:29: error: likelihood 7 is outside the scale 1–5"),
        "{err}"
    );
    assert!(err.contains("would not validate"), "{err}");
    assert_eq!(
        std::fs::read(root.join("2567/CAB.ron")).expect("read"),
        before
    );
}

#[test]
fn an_existing_register_is_refused_without_force_and_dry_run_writes_nothing() {
    let (dir, root) = sample_workspace();
    export(dir.path(), "FIN", "FIN.xlsx");
    let path = root.join("2567/FIN.ron");
    let before = std::fs::read(&path).expect("read");
    let o = import(dir.path(), "FIN.xlsx", "FIN", &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("registers/2567/FIN.ron exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);

    let o = import(dir.path(), "FIN.xlsx", "FIN", &["--dry-run"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("would write registers/2567/FIN.ron: 3 risks, 3 measures, 6 monitoring reports; the same bytes as the file there (refused without --force)"),
        "{err}"
    );

    std::fs::remove_file(&path).expect("remove");
    let o = import(dir.path(), "FIN.xlsx", "FIN", &["--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("a new file"), "{}", stderr(&o));
    assert!(!path.exists(), "--dry-run wrote the register");
    let leftovers: Vec<PathBuf> = std::fs::read_dir(root.join("2567"))
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let o = import(dir.path(), "FIN.xlsx", "FIN", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_workbook_that_is_not_an_export_needs_a_mapping() {
    let (dir, root) = sample_workspace();
    office_workbook(&dir.path().join("office.xlsx"), &[]);
    std::fs::remove_file(root.join("2567/FIN.ron")).expect("remove");
    let o = import(dir.path(), "office.xlsx", "FIN", &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("--mapping"), "{err}");
    assert!(!root.join("2567/FIN.ron").exists());
}

/// The example mapping of the docs.
fn example_mapping() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples/office-mapping.ron")
        .display()
        .to_string()
}

/// A register as an office keeps it in Excel: a title, headers over two
/// rows, one row per measure with the risk's cells merged over its
/// measures, ratings as words, money and dates written the Thai way, the
/// signature lines under the table. `overrides` replace cells (row, col,
/// text) to make bad ones.
fn office_workbook(path: &Path, overrides: &[(u32, u16, &str)]) {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("ทะเบียนความเสี่ยง").expect("name");
    let plain = Format::new();
    let date = Format::new().set_num_format("d/m/yyyy");
    ws.merge_range(
        0,
        0,
        0,
        14,
        "ทะเบียนความเสี่ยงการทุจริต สำนักการคลังและงบประมาณ ประจำปีงบประมาณ พ.ศ. 2567",
        &plain,
    )
    .expect("title");
    let headers = [
        "ลำดับ",
        "กระบวนงาน",
        "ความเสี่ยงการทุจริต",
        "ประเภทความเสี่ยง",
        "ปัจจัยเสี่ยง",
        "",
        "",
        "การควบคุมที่มีอยู่",
        "ผลการประเมิน\nการควบคุม",
        "มาตรการ/โครงการ/กิจกรรม",
        "งบประมาณ (บาท)",
        "ระยะเวลาดำเนินการ",
        "ผู้รับผิดชอบ",
        "วันที่ทบทวน",
    ];
    for (c, h) in headers.iter().enumerate() {
        if !h.is_empty() {
            ws.merge_range(2, c as u16, 3, c as u16, h, &plain)
                .expect("header");
        }
    }
    ws.merge_range(2, 5, 2, 6, "ระดับความเสี่ยง", &plain)
        .expect("merged header");
    ws.write_string(3, 5, "โอกาส").expect("h");
    ws.write_string(3, 6, "ผลกระทบ").expect("h");
    // risk 1 over rows 5–6 (0-based 4–5): two measures
    let risk1: [(u16, &str); 8] = [
        (1, "การจัดซื้อจัดจ้าง"),
        (2, "การกำหนดคุณลักษณะเฉพาะของพัสดุเอื้อประโยชน์แก่ผู้ขายรายใดรายหนึ่ง"),
        (3, "การจัดซื้อจัดจ้าง"),
        (4, "เคยเกิดขึ้น"),
        (5, "สูง"),
        (6, "4"),
        (7, "มีคณะกรรมการกำหนดคุณลักษณะเฉพาะ\nเผยแพร่ร่างขอบเขตงานให้วิจารณ์"),
        (8, "พอใช้"),
    ];
    ws.merge_range(4, 0, 5, 0, "", &plain).expect("merge");
    ws.write_number(4, 0, 1).expect("no");
    for (c, v) in risk1 {
        ws.merge_range(4, c, 5, c, v, &plain).expect("merge");
    }
    ws.merge_range(4, 13, 5, 13, "31 มี.ค. 67", &plain)
        .expect("merge");
    ws.write_string(4, 9, "โครงการอบรมการจัดซื้อจัดจ้างที่โปร่งใส")
        .expect("m");
    ws.write_string(4, 10, "10,000.-").expect("m");
    ws.write_string(4, 11, "ต.ค. 66 - ก.ย. 67").expect("m");
    ws.write_string(4, 12, "สำนักการคลังและงบประมาณ").expect("m");
    ws.write_string(5, 9, "ตรวจสอบร่างขอบเขตงานโดยผู้ที่ไม่มีส่วนได้เสีย")
        .expect("m");
    ws.write_string(5, 10, "ไม่ใช้งบประมาณ").expect("m");
    ws.write_string(5, 11, "ม.ค. 67 - มี.ค. 67").expect("m");
    ws.write_string(5, 12, "สำนักการคลังและงบประมาณ, ICT, ผู้รับจ้างที่ปรึกษา")
        .expect("m");
    // risk 2 on row 7 (0-based 6): one measure, a rating in numbers and words
    ws.write_number(6, 0, 2).expect("no");
    let risk2: [(u16, &str); 8] = [
        (1, "การเบิกจ่ายเงิน"),
        (2, "การเบิกจ่ายค่าตอบแทนโดยไม่มีสิทธิ"),
        (3, "การเบิกจ่ายเงิน"),
        (4, "ยังไม่เคยเกิด"),
        (5, "ปานกลาง"),
        (6, "3"),
        (7, "ตรวจสอบหลักฐานก่อนเบิกจ่ายทุกครั้ง"),
        (8, "ดี"),
    ];
    for (c, v) in risk2 {
        ws.write_string(6, c, v).expect("r");
    }
    let review = ExcelDateTime::from_ymd(2024, 4, 30).expect("date");
    ws.write_datetime_with_format(6, 13, &review, &date)
        .expect("date");
    ws.write_string(6, 9, "กิจกรรมสุ่มตรวจเอกสารการเบิกจ่าย")
        .expect("m");
    ws.write_number(6, 10, 25000.5).expect("m");
    ws.write_string(6, 11, "ตุลาคม 2566 ถึง กันยายน 2567")
        .expect("m");
    ws.write_string(6, 12, "ทุกสำนัก").expect("m");
    ws.write_string(8, 1, "ลงชื่อ ............................ ผู้จัดทำ")
        .expect("sig");
    for (r, c, v) in overrides {
        ws.write_string(*r, *c, *v).expect("override");
    }
    book.save(path).expect("save");
}

#[test]
fn an_office_workbook_is_read_through_the_example_mapping() {
    let (dir, root) = sample_workspace();
    office_workbook(&dir.path().join("office.xlsx"), &[]);
    std::fs::remove_file(root.join("2567/FIN.ron")).expect("remove");
    let mapping = example_mapping();
    let o = import(dir.path(), "office.xlsx", "FIN", &["--mapping", &mapping]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("wrote registers/2567/FIN.ron: 2 risks, 3 measures"),
        "{}",
        stderr(&o)
    );
    let reg = load(&root.join("2567/FIN.ron"));
    assert_eq!(reg.methodology.id.as_str(), "coso-5x5");
    assert_eq!(reg.risks.len(), 2);

    let r1 = &reg.risks[0];
    assert_eq!(r1.id.as_str(), "FIN-R1");
    assert_eq!(r1.process, "การจัดซื้อจัดจ้าง");
    assert_eq!(
        r1.description,
        "การกำหนดคุณลักษณะเฉพาะของพัสดุเอื้อประโยชน์แก่ผู้ขายรายใดรายหนึ่ง"
    );
    assert_eq!(r1.category.as_str(), "procurement");
    assert_eq!(r1.factor, Factor::Known);
    assert_eq!(
        r1.inherent,
        Rating {
            likelihood: 4,
            impact: 4
        }
    );
    assert_eq!(
        r1.controls,
        "มีคณะกรรมการกำหนดคุณลักษณะเฉพาะ\nเผยแพร่ร่างขอบเขตงานให้วิจารณ์"
    );
    assert_eq!(r1.control_quality, ControlQuality::Fair);
    assert_eq!(r1.residual, None);
    assert_eq!(r1.response, Response::Reduce);
    assert_eq!(r1.next_review, Some(Date::new(2567, 3, 31).unwrap()));
    assert_eq!(r1.measures.len(), 2);

    let m1 = &r1.measures[0];
    assert_eq!(m1.id.as_str(), "FIN-M1");
    assert_eq!(m1.title, "โครงการอบรมการจัดซื้อจัดจ้างที่โปร่งใส");
    assert_eq!(m1.kind, MeasureKind::Project);
    assert_eq!(m1.approach.as_str(), "standards");
    assert_eq!(m1.co_responsible, CoResponsible::LeadOnly);
    assert_eq!(
        m1.budget,
        Budget::Allocated {
            amount: Money::from_baht(10_000),
            source: "งบประมาณรายจ่ายประจำปี".into()
        }
    );
    assert_eq!(m1.start, YearMonth::new(2566, 10).unwrap());
    assert_eq!(m1.end, YearMonth::new(2567, 9).unwrap());

    let m2 = &r1.measures[1];
    assert_eq!(m2.id.as_str(), "FIN-M2");
    assert_eq!(m2.kind, MeasureKind::Measure);
    assert_eq!(m2.budget, Budget::NotRequested);
    assert_eq!(
        m2.co_responsible,
        CoResponsible::Bureaus(vec![riskreg::model::BureauCode::new("ICT").unwrap()])
    );
    assert_eq!(m2.other_responsible, "ผู้รับจ้างที่ปรึกษา");
    assert_eq!(m2.start, YearMonth::new(2567, 1).unwrap());
    assert_eq!(m2.end, YearMonth::new(2567, 3).unwrap());

    let r2 = &reg.risks[1];
    assert_eq!(r2.id.as_str(), "FIN-R2");
    assert_eq!(r2.category.as_str(), "disbursement");
    assert_eq!(r2.factor, Factor::Unknown);
    assert_eq!(
        r2.inherent,
        Rating {
            likelihood: 3,
            impact: 3
        }
    );
    assert_eq!(r2.control_quality, ControlQuality::Good);
    // an Excel date cell (30 April 2024) is read in the Buddhist era
    assert_eq!(r2.next_review, Some(Date::new(2567, 4, 30).unwrap()));
    let m3 = &r2.measures[0];
    assert_eq!(m3.id.as_str(), "FIN-M3");
    assert_eq!(m3.kind, MeasureKind::Activity);
    assert_eq!(m3.co_responsible, CoResponsible::AllBureaus);
    assert_eq!(
        m3.budget,
        Budget::Allocated {
            amount: Money::from_satang(2_500_050),
            source: "งบประมาณรายจ่ายประจำปี".into()
        }
    );

    // what was written validates and is canonical
    let o = riskreg(dir.path(), &["validate", "registers/2567/FIN.ron"]);
    assert!(o.status.success(), "{}", common::stdout(&o));
    let o = riskreg(dir.path(), &["fmt", "--check", "registers/2567/FIN.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn bad_cells_of_an_office_workbook_are_each_reported_and_nothing_is_written() {
    let (dir, root) = sample_workspace();
    office_workbook(
        &dir.path().join("office.xlsx"),
        &[
            (6, 5, "สูงสุด"),       // F7: not a level
            (6, 10, "หนึ่งหมื่นบาท"), // K7: not an amount
            (6, 11, "ตลอดปี"),     // L7: not a period
        ],
    );
    std::fs::remove_file(root.join("2567/FIN.ron")).expect("remove");
    let mapping = example_mapping();
    let o = import(dir.path(), "office.xlsx", "FIN", &["--mapping", &mapping]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for place in [
        "sheet \"ทะเบียนความเสี่ยง\" F7 (row 7, column F): \"ระดับความเสี่ยง/โอกาส\" (risk.likelihood): expected a level 1 น้อยมาก, 2 น้อย, 3 ปานกลาง, 4 สูง, 5 สูงมาก, found \"สูงสุด\"",
        "sheet \"ทะเบียนความเสี่ยง\" K7 (row 7, column K): \"งบประมาณ (บาท)\" (measure.budget): expected an amount in baht",
        "sheet \"ทะเบียนความเสี่ยง\" L7 (row 7, column L)",
    ] {
        assert!(err.contains(place), "{place}\n{err}");
    }
    assert!(
        err.contains("3 cells of office.xlsx could not be read; nothing was written"),
        "{err}"
    );
    assert!(!root.join("2567/FIN.ron").exists());
}

#[test]
fn a_mapping_naming_a_column_that_is_not_there_lists_the_headers() {
    let (dir, root) = sample_workspace();
    office_workbook(&dir.path().join("office.xlsx"), &[]);
    let mapping = std::fs::read_to_string(example_mapping())
        .expect("read")
        .replace("Column(\"ผลกระทบ\")", "Column(\"ความรุนแรง\")");
    std::fs::write(dir.path().join("m.ron"), mapping).expect("write");
    std::fs::remove_file(root.join("2567/FIN.ron")).expect("remove");
    let o = import(dir.path(), "office.xlsx", "FIN", &["--mapping", "m.ron"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("row 3: risk.impact: no column headed \"ความรุนแรง\"")
            && err.contains("G \"ระดับความเสี่ยง/ผลกระทบ\""),
        "{err}"
    );
}
