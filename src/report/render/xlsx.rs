//! A real .xlsx workbook: the monitoring table on one sheet (status cells
//! filled with their colour and holding the letter and word), the figures
//! on another. Money is written as numbers of baht with two decimals.

use super::words::Words;
use crate::model::TrafficLight;
use crate::report::{Percent, ReportError, Summary};
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

fn xerr(e: XlsxError) -> ReportError {
    ReportError::Render(e.to_string())
}

/// Satang as baht for a spreadsheet cell. Exact for any amount below 2^53
/// satang; the text forms elsewhere never pass through floating point.
fn baht(satang: i64) -> f64 {
    satang as f64 / 100.0
}

fn pct(p: Option<Percent>) -> Option<f64> {
    p.map(|p| p.hundredths() as f64 / 100.0)
}

pub fn render(s: &Summary, w: &Words) -> Result<Vec<u8>, ReportError> {
    let mut book = Workbook::new();
    table_sheet(book.add_worksheet(), s, w).map_err(xerr)?;
    summary_sheet(book.add_worksheet(), s, w).map_err(xerr)?;
    book.save_to_buffer().map_err(xerr)
}

fn table_sheet(ws: &mut Worksheet, s: &Summary, w: &Words) -> Result<(), XlsxError> {
    ws.set_name(w.pick("ตาราง", "Table"))?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    let bold = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let wrap = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    ws.write_string_with_format(0, 0, w.title(s), &Format::new().set_bold())?;
    ws.write_string(1, 0, w.round(s))?;
    let mut heads = w.table_headings().to_vec();
    heads.extend([w.pick("รหัสมาตรการ", "Measure id")]);
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *h, &bold)?;
    }
    for (c, width) in [5.0, 60.0, 25.0, 9.0, 9.0, 9.0, 30.0, 12.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, *width)?;
    }
    let mut row: u32 = 4;
    for g in &s.groups {
        ws.write_string_with_format(row, 1, w.label(&g.label), &bold)?;
        row += 1;
        for r in &g.rows {
            ws.write_number_with_format(row, 0, f64::from(r.no), &wrap)?;
            ws.write_string_with_format(row, 1, w.digits(&r.title), &wrap)?;
            ws.write_string_with_format(row, 2, w.digits(&r.occurrence), &wrap)?;
            for (i, t) in TrafficLight::ALL.iter().enumerate() {
                let col = 3 + i as u16;
                if r.status == Some(*t) {
                    let (red, green, blue) = t.rgb();
                    let fill = Format::new()
                        .set_background_color(Color::RGB(
                            (u32::from(red) << 16) | (u32::from(green) << 8) | u32::from(blue),
                        ))
                        .set_bold()
                        .set_border(FormatBorder::Thin);
                    ws.write_string_with_format(row, col, w.status(Some(*t)), &fill)?;
                } else {
                    ws.write_blank(row, col, &wrap)?;
                }
            }
            ws.write_string_with_format(row, 6, w.responsible(r), &wrap)?;
            ws.write_string_with_format(row, 7, r.measure.as_str(), &wrap)?;
            row += 1;
        }
    }
    row += 1;
    ws.write_string(row, 1, w.pick("หมายเหตุ :", "Note:"))?;
    for l in w.legend() {
        row += 1;
        ws.write_string(row, 1, l)?;
    }
    Ok(())
}

fn summary_sheet(ws: &mut Worksheet, s: &Summary, w: &Words) -> Result<(), XlsxError> {
    ws.set_name(w.pick("สรุป", "Summary"))?;
    ws.set_landscape();
    ws.set_paper_size(9);
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let percent = Format::new().set_num_format("0.00");
    ws.write_string_with_format(0, 0, w.title(s), &bold)?;
    ws.write_string(1, 0, w.round(s))?;
    let heads = [
        w.pick("สำนัก", "Bureau"),
        w.pick("รหัส", "Code"),
        w.pick("ทั้งหมด", "Total"),
        w.pick("แล้วเสร็จ", "Completed"),
        w.pick("% แล้วเสร็จ", "% completed"),
        w.pick("ระหว่างดำเนินการ", "In progress"),
        w.pick("% ระหว่างดำเนินการ", "% in progress"),
        w.pick("จัดสรร (บาท)", "Allocated (baht)"),
        w.pick("เบิกจ่าย (บาท)", "Disbursed (baht)"),
        w.pick("% เบิกจ่าย", "% disbursed"),
        w.pick("คงเหลือ (บาท)", "Remaining (baht)"),
        w.pick("% คงเหลือ", "% remaining"),
        TrafficLight::Green.label(w.lang),
        TrafficLight::Yellow.label(w.lang),
        TrafficLight::Red.label(w.lang),
        w.pick("ร่วมรับผิดชอบ", "Co-carried"),
        w.pick("ตัวชี้วัด", "Indicators"),
        w.pick("บรรลุ", "Met"),
        w.pick("ไม่บรรลุ", "Not met"),
        w.pick("เลยกำหนดทบทวน", "Reviews overdue"),
        w.pick("ยังไม่รายงานเมื่อสิ้นรอบ", "Reports overdue"),
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *h, &bold)?;
    }
    ws.set_column_width(0, 40.0)?;
    let total_name = w.pick("รวมทั้งสำนักงาน", "Whole secretariat");
    type Line<'a> = (
        String,
        String,
        &'a crate::report::Progress,
        Option<u64>,
        &'a crate::report::FollowUp,
    );
    let mut rows: Vec<Line> = s
        .bureaus
        .iter()
        .map(|b| {
            (
                w.label(&b.name),
                b.bureau.to_string(),
                &b.progress,
                Some(b.co_responsible),
                &b.follow_up,
            )
        })
        .collect();
    rows.push((
        total_name.to_string(),
        "ALL".into(),
        &s.progress,
        None,
        &s.follow_up,
    ));
    for (i, (name, code, p, co, f)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_string(r, 0, name)?;
        ws.write_string(r, 1, code)?;
        ws.write_number(r, 2, p.measures as f64)?;
        ws.write_number(r, 3, p.completed as f64)?;
        for (col, v) in [
            (4, pct(p.completed_pct)),
            (6, pct(p.in_progress_pct)),
            (9, pct(p.disbursed_pct)),
            (11, pct(p.remaining_pct)),
        ] {
            if let Some(v) = v {
                ws.write_number_with_format(r, col, v, &percent)?;
            }
        }
        ws.write_number(r, 5, p.in_progress as f64)?;
        ws.write_number_with_format(r, 7, baht(p.allocated_satang), &money)?;
        ws.write_number_with_format(r, 8, baht(p.disbursed_satang), &money)?;
        ws.write_number_with_format(r, 10, baht(p.remaining_satang), &money)?;
        ws.write_number(r, 12, p.green as f64)?;
        ws.write_number(r, 13, p.yellow as f64)?;
        ws.write_number(r, 14, p.red as f64)?;
        if let Some(co) = co {
            ws.write_number(r, 15, *co as f64)?;
        }
        for (col, n) in [
            (16, f.indicators),
            (17, f.indicators_met),
            (18, f.indicators_not_met),
            (19, f.reviews_overdue),
            (20, f.reports_overdue),
        ] {
            ws.write_number(r, col, n as f64)?;
        }
    }
    let mut r = 6 + rows.len() as u32;
    ws.write_string(r, 0, w.in_progress_note())?;
    r += 1;
    ws.write_string(r, 0, w.rounding_note())?;
    let warnings = w.warnings(s);
    if let Some((head, lines)) = warnings.split_first() {
        r += 2;
        ws.write_string_with_format(r, 0, head, &bold)?;
        for l in lines {
            r += 1;
            ws.write_string(r, 0, l)?;
        }
    }
    if let Some(c) = &s.comparison {
        r += 2;
        ws.write_string_with_format(
            r,
            0,
            format!(
                "{} {}",
                w.pick("เทียบกับ", "Compared with"),
                w.label(&c.from_label)
            ),
            &bold,
        )?;
        for m in &c.moves {
            r += 1;
            ws.write_string(r, 0, m.measure.as_str())?;
            ws.write_string(r, 1, m.from.map_or("-", |t| t.label(w.lang)))?;
            ws.write_string(r, 2, m.to.map_or("-", |t| t.label(w.lang)))?;
        }
        r += 1;
        ws.write_string(r, 0, w.pick("แล้วเสร็จเพิ่มขึ้น", "Newly completed"))?;
        ws.write_number(r, 2, c.newly_completed.len() as f64)?;
        r += 1;
        ws.write_string(
            r,
            0,
            w.pick("เบิกจ่ายระหว่างรอบ (บาท)", "Disbursed in between (baht)"),
        )?;
        ws.write_number_with_format(r, 7, baht(c.disbursed_between_satang), &money)?;
    }
    Ok(())
}
