//! The terminal table: columns measured with unicode-width, so Thai vowels
//! and tone marks (zero width) do not push the columns out of line. Fits 80
//! columns; a wider terminal widens the measure column.

use super::words::{BUREAU_COUNTS, Words};
use crate::model::{Lang, TrafficLight};
use crate::report::Summary;
use crate::text::wrap::wrap;
pub use crate::text::{pad, pad_left, width};

/// Lays out cells that may wrap to several lines, side by side.
fn row_lines(cells: &[(Vec<String>, usize, bool)]) -> Vec<String> {
    let height = cells.iter().map(|c| c.0.len()).max().unwrap_or(1);
    (0..height)
        .map(|i| {
            let parts: Vec<String> = cells
                .iter()
                .map(|(lines, w, right)| {
                    let s = lines.get(i).map_or("", String::as_str);
                    if *right { pad_left(s, *w) } else { pad(s, *w) }
                })
                .collect();
            parts.join(" ").trim_end().to_string()
        })
        .collect()
}

pub fn render(s: &Summary, w: &Words, total: usize) -> String {
    let total = total.max(60);
    let (no_w, occ_w, resp_w) = (4, 16, 18);
    // "G Y R" takes 5 columns; five gaps between six columns
    let title_w = total.saturating_sub(no_w + occ_w + resp_w + 5 + 5).max(16);
    let mut out: Vec<String> = Vec::new();
    out.extend(wrap(&w.title(s), total));
    out.push(w.round(s));
    out.push(String::new());
    let head = row_lines(&[
        (vec![w.pick("ที่", "No.").into()], no_w, false),
        (
            wrap(
                w.pick("มาตรการ/โครงการ/กิจกรรม", "Measure/project/activity"),
                title_w,
            ),
            title_w,
            false,
        ),
        (
            wrap(w.pick("โอกาส/ความเสี่ยง การทุจริต", "Risk occurrence"), occ_w),
            occ_w,
            false,
        ),
        (vec!["G Y R".into()], 5, false),
        (
            vec![w.pick("ผู้รับผิดชอบ", "Responsible").into()],
            resp_w,
            false,
        ),
    ]);
    out.extend(head);
    out.push("-".repeat(total));
    for g in &s.groups {
        out.extend(wrap(&w.label(&g.label), total));
        let cols = Columns {
            no: no_w,
            title: title_w,
            occurrence: occ_w,
            responsible: resp_w,
        };
        for lines in crate::par::map(&g.rows, crate::par::LIGHT, |r| table_row(r, w, &cols)) {
            out.extend(lines);
        }
        out.push(String::new());
    }
    out.push(
        w.pick(
            "หมายเหตุ: สถานะความเสี่ยง (. = ไม่ใช่สถานะนี้, - = ไม่ได้รายงาน)",
            "Note: risk status (. = not this status, - = not reported)",
        )
        .into(),
    );
    for l in w.legend() {
        out.extend(wrap(&format!("  {l}"), total));
    }
    out.push(String::new());
    out.push(format!(
        "{} — {}",
        w.pick("ความก้าวหน้า", "Progress"),
        w.round(s)
    ));
    progress(&mut out, w.summary_lines(s), total);
    out.extend(wrap(w.in_progress_note(), total));
    out.extend(wrap(w.rounding_note(), total));
    out.push(String::new());
    let warnings = w.warnings(s);
    if let Some((head, lines)) = warnings.split_first() {
        out.push(format!("{head}:"));
        for l in lines {
            out.extend(wrap(&format!("  ! {l}"), total));
        }
        out.push(String::new());
    }
    bureau_tables(&mut out, s, w, total);
    if let Some(c) = &s.comparison {
        out.push(String::new());
        out.push(format!(
            "{} {}",
            w.pick("เทียบกับ", "Compared with"),
            w.label(&c.from_label)
        ));
        out.push(format!("{}:", w.pick("สถานะที่เปลี่ยน", "Status moves")));
        if c.moves.is_empty() {
            out.push(format!("  {}", w.pick("ไม่มี", "none")));
        }
        for m in &c.moves {
            out.extend(wrap(&format!("  {}", w.status_move(m)), total));
        }
        out.extend(wrap(&w.newly_completed(c), total));
        out.push(w.disbursed_between(c));
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// Widths of the table's wrapping columns.
struct Columns {
    no: usize,
    title: usize,
    occurrence: usize,
    responsible: usize,
}

/// The lines of one measure's row: cells wrapped inside their columns.
fn table_row(r: &crate::report::Row, w: &Words, c: &Columns) -> Vec<String> {
    let mark = |t: TrafficLight| if r.status == Some(t) { t.letter() } else { '.' };
    let status = match r.status {
        None => "- - -".to_string(),
        Some(_) => format!(
            "{} {} {}",
            mark(TrafficLight::Green),
            mark(TrafficLight::Yellow),
            mark(TrafficLight::Red)
        ),
    };
    row_lines(&[
        (vec![w.count(u64::from(r.no))], c.no, true),
        (wrap(&w.digits(&r.title), c.title), c.title, false),
        (
            wrap(&w.digits(&r.occurrence), c.occurrence),
            c.occurrence,
            false,
        ),
        (vec![status], 5, false),
        (wrap(&w.responsible(r), c.responsible), c.responsible, false),
    ])
}

fn progress(out: &mut Vec<String>, lines: Vec<(String, String, String)>, total: usize) {
    let label_w = lines
        .iter()
        .map(|l| width(&l.0))
        .max()
        .unwrap_or(0)
        .min(total / 2);
    let value_w = lines.iter().map(|l| width(&l.1)).max().unwrap_or(0);
    for (label, value, pct) in lines {
        let line = format!(
            "{} {} {}",
            pad(&label, label_w),
            pad_left(&value, value_w),
            pad_left(&pct, 8)
        );
        out.push(line.trim_end().to_string());
    }
}

/// The per-bureau tables: the bureau (its name in Thai, wrapped in the room
/// the figures leave; its code in English), then the figures right-aligned.
fn bureau_tables(out: &mut Vec<String>, s: &Summary, w: &Words, total: usize) {
    out.push(w.bureau_heading().into());
    // two tables to fit 80 columns: the counts, then the money, with the
    // shorter headings a terminal has room for
    let counts: [(&str, usize); BUREAU_COUNTS] = [
        (w.pick("ทั้งหมด", "Total"), 7),
        (w.pick("เสร็จ", "Done"), 5),
        ("%", 8),
        (w.pick("ระหว่าง", "Ongoing"), 7),
        ("%", 8),
        ("G", 3),
        ("Y", 3),
        ("R", 3),
        (w.pick("ร่วม", "Co"), 4),
        (w.pick("บรรลุ", "Met"), 7),
    ];
    let money: [(&str, usize); 5] = [
        (w.pick("จัดสรร", "Allocated"), 14),
        (w.pick("เบิกจ่าย", "Disbursed"), 14),
        ("%", 8),
        (w.pick("คงเหลือ", "Remaining"), 14),
        ("%", 8),
    ];
    for (i, head) in [&counts[..], &money[..]].into_iter().enumerate() {
        if i > 0 {
            out.push(String::new());
        }
        let figures: usize = head.iter().map(|h| h.1 + 1).sum();
        let name_w = match w.lang {
            Lang::Th => total.saturating_sub(figures).max(7),
            Lang::En => 7,
        };
        let line = |first: Vec<String>, cells: Vec<String>| {
            let mut row = vec![(first, name_w, false)];
            row.extend(
                cells
                    .into_iter()
                    .zip(head)
                    .map(|(c, h)| (vec![c], h.1, true)),
            );
            row_lines(&row)
        };
        out.extend(line(
            vec![w.pick("สำนัก", "Bureau").to_string()],
            head.iter().map(|h| h.0.to_string()).collect(),
        ));
        for b in &s.bureaus {
            let cells = w.bureau_cells(b);
            let part = if i == 0 {
                &cells[..BUREAU_COUNTS]
            } else {
                &cells[BUREAU_COUNTS..]
            };
            out.extend(line(
                wrap(&w.bureau_in_table(&b.bureau), name_w),
                part.to_vec(),
            ));
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_cells_wrap_between_thai_words() {
        // the words the old syllable heuristic cut: ประ|สิทธิภาพ, เลขาธิ|การ
        let cell = "เพิ่มประสิทธิภาพงานของเลขาธิการวุฒิสภาและโน้ตบุ๊ก";
        let lines = wrap(cell, 16);
        assert_eq!(lines.concat(), cell);
        for word in ["ประสิทธิภาพ", "เลขาธิการ", "วุฒิสภา", "โน้ตบุ๊ก"]
        {
            assert!(lines.iter().any(|l| l.contains(word)), "{word}: {lines:?}");
        }
        assert!(lines.iter().all(|l| width(l) <= 16), "{lines:?}");
    }
}
