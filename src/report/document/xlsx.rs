//! The report as a workbook: the monitoring table (its two header rows
//! repeated on every printed page), the charts as native Excel charts over
//! their figures, and one block per measure. Text from the registers is
//! always written as text, never as a formula.

use super::{Chart, Report};
use crate::report::ReportError;
use rust_xlsxwriter::{
    Chart as XChart, ChartFormat, ChartPoint, ChartSolidFill, ChartType, Color, Format,
    FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

const FONT: &str = "TH Sarabun New";
/// Paper size 9 is A4 in Excel's numbering.
const A4: u8 = 9;

fn xerr(e: XlsxError) -> ReportError {
    ReportError::Render(e.to_string())
}

fn rgb((r, g, b): (u8, u8, u8)) -> Color {
    Color::RGB((u32::from(r) << 16) | (u32::from(g) << 8) | u32::from(b))
}

struct Styles {
    plain: Format,
    bold: Format,
    cell: Format,
    head: Format,
    title: Format,
}

impl Styles {
    fn new() -> Self {
        let base = Format::new().set_font_name(FONT).set_font_size(14);
        let cell = base
            .clone()
            .set_text_wrap()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        Styles {
            plain: base.clone().set_text_wrap().set_align(FormatAlign::Top),
            bold: base.clone().set_bold(),
            head: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xe8e8e8)),
            cell,
            title: base
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center),
        }
    }
}

pub fn render(r: &Report) -> Result<Vec<u8>, ReportError> {
    let st = Styles::new();
    let mut book = Workbook::new();
    table_sheet(book.add_worksheet(), r, &st).map_err(xerr)?;
    chart_sheet(book.add_worksheet(), r, &st).map_err(xerr)?;
    measure_sheet(book.add_worksheet(), r, &st).map_err(xerr)?;
    book.save_to_buffer().map_err(xerr)
}

fn page_setup(ws: &mut Worksheet, r: &Report) {
    ws.set_paper_size(A4);
    ws.set_portrait();
    ws.set_print_fit_to_pages(1, 0);
    // Excel prints page numbers in its own digits; the words follow --lang
    ws.set_footer(format!("&C{} &P / &N", r.words.page));
}

fn table_sheet(ws: &mut Worksheet, r: &Report, st: &Styles) -> Result<(), XlsxError> {
    let w = &r.words;
    ws.set_name(r.lang.pick("ตาราง", "Table"))?;
    page_setup(ws, r);
    for (c, width) in [5.0, 48.0, 18.0, 7.0, 7.0, 7.0, 28.0].iter().enumerate() {
        ws.set_column_width(c as u16, *width)?;
    }
    let mut row = 0;
    for l in &r.table_title {
        ws.merge_range(row, 0, row, 6, l, &st.title)?;
        row += 1;
    }
    row += 1;
    // the two-level heading of seed 002: สถานะความเสี่ยง over the colours
    let top = row;
    for (c, text) in [
        (0, &w.no),
        (1, &w.measure),
        (2, &w.occurrence),
        (6, &w.responsible),
    ] {
        ws.merge_range(top, c, top + 1, c, text, &st.head)?;
    }
    ws.merge_range(top, 3, top, 5, &w.status, &st.head)?;
    for (c, text) in [(3, &w.green), (4, &w.yellow), (5, &w.red)] {
        ws.write_string_with_format(top + 1, c, text, &st.head)?;
    }
    ws.set_repeat_rows(top, top + 1)?;
    row = top + 2;
    for g in &r.groups {
        ws.merge_range(
            row,
            0,
            row,
            6,
            &g.label,
            &st.head.clone().set_align(FormatAlign::Left),
        )?;
        row += 1;
        for t in &g.rows {
            ws.write_string_with_format(
                row,
                0,
                &t.no,
                &st.cell.clone().set_align(FormatAlign::Center),
            )?;
            ws.write_string_with_format(row, 1, &t.title, &st.cell)?;
            ws.write_string_with_format(row, 2, &t.occurrence, &st.cell)?;
            for (i, light) in crate::model::TrafficLight::ALL.iter().enumerate() {
                let col = 3 + i as u16;
                if t.status == Some(*light) {
                    let fill = st
                        .cell
                        .clone()
                        .set_background_color(rgb(light.rgb()))
                        .set_bold()
                        .set_align(FormatAlign::Center);
                    ws.write_string_with_format(row, col, "✓", &fill)?;
                } else {
                    ws.write_blank(row, col, &st.cell)?;
                }
            }
            ws.write_string_with_format(row, 6, &t.responsible, &st.cell)?;
            row += 1;
        }
    }
    row += 1;
    ws.write_string_with_format(row, 1, &w.note, &st.bold)?;
    for (_, l) in &r.legend {
        row += 1;
        ws.write_string_with_format(row, 1, l, &st.plain)?;
    }
    let section = |ws: &mut Worksheet, head: &str, lines: &[String], row: &mut u32| {
        if lines.is_empty() {
            return Ok::<(), XlsxError>(());
        }
        *row += 2;
        ws.write_string_with_format(*row, 1, head, &st.bold)?;
        for l in lines {
            *row += 1;
            ws.write_string_with_format(*row, 1, l, &st.plain)?;
        }
        Ok(())
    };
    section(ws, &w.warnings, &r.warnings, &mut row)?;
    if let Some((title, lines)) = &r.comparison {
        section(ws, title, lines, &mut row)?;
    }
    let signs: Vec<String> = r
        .signoffs
        .iter()
        .map(|s| {
            format!(
                "{} — {}: {} ({}), {}",
                s.bureau, s.role, s.name, s.position, s.date
            )
        })
        .collect();
    section(ws, &w.signoff, &signs, &mut row)?;
    Ok(())
}

fn chart_sheet(ws: &mut Worksheet, r: &Report, st: &Styles) -> Result<(), XlsxError> {
    let name = r.lang.pick("แผนภูมิ", "Charts");
    ws.set_name(name)?;
    page_setup(ws, r);
    ws.set_column_width(0, 30.0)?;
    ws.set_column_width(1, 14.0)?;
    ws.set_column_width(2, 28.0)?;
    ws.merge_range(0, 0, 0, 8, &r.words.charts, &st.title)?;
    ws.merge_range(1, 0, 1, 8, &format!("{} {}", r.round, r.period), &st.title)?;
    let mut row = 3;
    for c in &r.charts {
        let first = row + 1;
        ws.write_string_with_format(row, 0, &c.title, &st.bold)?;
        for (i, b) in c.bars.iter().enumerate() {
            let rr = first + i as u32;
            ws.write_string_with_format(rr, 0, &b.label, &st.plain)?;
            ws.write_number_with_format(
                rr,
                1,
                b.number(),
                &st.plain.clone().set_num_format("#,##0.00"),
            )?;
            ws.write_string_with_format(rr, 2, &b.shown, &st.plain)?;
        }
        let last = first + c.bars.len().saturating_sub(1) as u32;
        ws.insert_chart(row, 4, &native(c, name, first, last))?;
        row += 16;
    }
    Ok(())
}

/// A bar chart over the figures just written, each bar in its colour.
fn native(c: &Chart, sheet: &str, first: u32, last: u32) -> XChart {
    let mut chart = XChart::new(ChartType::Bar);
    chart.title().set_name(&c.title);
    chart.legend().set_hidden();
    let points: Vec<ChartPoint> = c
        .bars
        .iter()
        .map(|b| {
            ChartPoint::new().set_format(
                ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(rgb(b.rgb))),
            )
        })
        .collect();
    chart
        .add_series()
        .set_categories((sheet, first, 0, last, 0))
        .set_values((sheet, first, 1, last, 1))
        .set_points(&points)
        .set_data_label(rust_xlsxwriter::ChartDataLabel::new().show_value());
    chart.set_width(520).set_height(280);
    chart
}

fn measure_sheet(ws: &mut Worksheet, r: &Report, st: &Styles) -> Result<(), XlsxError> {
    let w = &r.words;
    ws.set_name(r.lang.pick("รายมาตรการ", "Measures"))?;
    page_setup(ws, r);
    for (c, width) in [30.0, 22.0, 22.0, 14.0].iter().enumerate() {
        ws.set_column_width(c as u16, *width)?;
    }
    ws.merge_range(0, 0, 0, 3, &w.pages, &st.title)?;
    let mut row = 2;
    let line = |ws: &mut Worksheet, a: &str, b: &str, row: &mut u32| {
        ws.write_string_with_format(*row, 0, a, &st.bold)?;
        ws.merge_range(*row, 1, *row, 3, b, &st.plain)?;
        // a merged cell does not grow with its text: room for each line
        // (about 70 Thai characters to a line of the merged width)
        let lines: usize = b.lines().map(|l| l.chars().count() / 70 + 1).sum();
        if lines > 1 {
            ws.set_row_height(*row, 21.0 * lines as f64)?;
        }
        *row += 1;
        Ok::<(), XlsxError>(())
    };
    for g in &r.pages {
        ws.merge_range(
            row,
            0,
            row,
            3,
            &g.label,
            &st.head.clone().set_align(FormatAlign::Left),
        )?;
        row += 2;
        for m in &g.measures {
            ws.merge_range(
                row,
                0,
                row,
                3,
                &format!("{}. {}", m.no, m.title),
                &st.bold.clone().set_text_wrap(),
            )?;
            ws.set_row_height(row, 40)?;
            row += 1;
            line(ws, &w.responsible, &m.responsible, &mut row)?;
            line(ws, &w.status, &m.status_text, &mut row)?;
            for (label, ticked) in &m.boxes {
                let mark = if *ticked { "☑" } else { "☐" };
                line(ws, "", &format!("{mark} {label}"), &mut row)?;
            }
            line(ws, &w.done, &m.done, &mut row)?;
            line(ws, &w.added, &m.added, &mut row)?;
            for (k, v) in &m.budget {
                line(ws, &format!("{} : {k}", w.budget), v, &mut row)?;
            }
            if !m.indicators.is_empty() {
                for (c, h) in [&w.indicator, &w.target, &w.result, &w.met]
                    .iter()
                    .enumerate()
                {
                    ws.write_string_with_format(row, c as u16, *h, &st.head)?;
                }
                row += 1;
                for i in &m.indicators {
                    for (c, v) in [&i.name, &i.target, &i.result, &i.met].iter().enumerate() {
                        ws.write_string_with_format(row, c as u16, *v, &st.cell)?;
                    }
                    row += 1;
                }
            }
            for e in &m.evidence {
                line(ws, &w.evidence, e, &mut row)?;
            }
            if let Some(e) = &m.earlier {
                line(ws, "", e, &mut row)?;
            }
            for x in &m.warnings {
                line(ws, &w.warnings, x, &mut row)?;
            }
            row += 1;
        }
    }
    Ok(())
}
