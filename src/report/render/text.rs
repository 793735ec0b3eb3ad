//! The terminal table: columns measured with unicode-width, so Thai vowels
//! and tone marks (zero width) do not push the columns out of line. Fits 80
//! columns; a wider terminal widens the measure column.

use super::words::{BUREAU_COUNTS, Words};
use crate::model::TrafficLight;
use crate::report::Summary;
use unicode_segmentation::UnicodeSegmentation;
#[cfg(test)]
use unicode_width::UnicodeWidthChar;
use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Breaks `s` into lines of at most `w` columns: at spaces where it can,
/// otherwise between Thai syllables (see [`may_break_between`]), and only
/// where nothing else fits between any two grapheme clusters, so a vowel or
/// tone mark always stays with the letter it sits on.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut lines = Vec::new();
    for para in s.lines() {
        // the width of `line` so far, kept as characters are added
        let (mut line, mut lw) = (String::new(), 0usize);
        for word in para.split_inclusive(' ') {
            let ww = width(word.trim_end());
            if lw + ww <= w {
                line.push_str(word);
                lw += width(word);
                continue;
            }
            if !line.trim_end().is_empty() {
                lines.push(line.trim_end().to_string());
            }
            (line, lw) = (String::new(), 0);
            break_run(word, w, &mut lines, &mut line, &mut lw);
        }
        let rest = line.trim_end();
        if !rest.is_empty() {
            lines.push(rest.to_string());
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Lays out a run with no space in it (Thai writes none between words),
/// filling lines of `w` columns and breaking where [`may_break_between`]
/// allows — at the last such place that fits — or, if a line holds none,
/// between any two grapheme clusters.
fn break_run(run: &str, w: usize, lines: &mut Vec<String>, line: &mut String, lw: &mut usize) {
    // places in `line` where it may break: (byte offset, width before it)
    let mut breaks: Vec<(usize, usize)> = Vec::new();
    let mut prev: Option<&str> = None;
    let mut clusters = run.graphemes(true).peekable();
    while let Some(g) = clusters.next() {
        let gw = width(g);
        if gw > 0 && *lw + gw > w && !line.is_empty() {
            match breaks.iter().rev().find(|&&(at, _)| at > 0).copied() {
                Some((at, before)) => {
                    let rest = line.split_off(at);
                    lines.push(std::mem::replace(line, rest));
                    *lw -= before;
                    breaks.retain(|&(b, _)| b > at);
                    for b in &mut breaks {
                        *b = (b.0 - at, b.1 - before);
                    }
                }
                None => {
                    lines.push(std::mem::take(line));
                    *lw = 0;
                    breaks.clear();
                }
            }
        }
        if prev.is_some_and(|p| may_break_between(p, g, clusters.peek().copied())) {
            breaks.push((line.len(), *lw));
        }
        line.push_str(g);
        *lw += gw;
        prev = Some(g);
    }
}

/// Whether a line may break between the grapheme clusters `prev` and `next`
/// of a run (`after` is the cluster after `next`). Thai puts no spaces
/// between words, and without a dictionary the safe places are where a
/// syllable visibly begins: before a leading vowel (เ แ โ ใ ไ), or before a
/// consonant that carries a vowel or tone mark or is followed by ะ า ำ. Even
/// there, not after a leading vowel, after a consonant carrying ั or ็ (its
/// syllable goes on), after a silent ห or อ (หมาย, อย่าง), nor inside an
/// initial cluster (ปร, กล, คว). Elsewhere Thai does not break; other
/// scripts break anywhere but inside a run of Latin letters or digits.
pub fn may_break_between(prev: &str, next: &str, after: Option<&str>) -> bool {
    let first = |s: &str| s.chars().next().unwrap_or(' ');
    let thai = |c: char| ('\u{0E01}'..='\u{0E5B}').contains(&c);
    let consonant = |c: char| ('\u{0E01}'..='\u{0E2E}').contains(&c);
    let leading_vowel = |c: char| ('\u{0E40}'..='\u{0E44}').contains(&c);
    let bare = |s: &str| s.chars().count() == 1 && consonant(first(s));
    let (p, n) = (first(prev), first(next));
    if !thai(n) || !thai(p) {
        return !(p.is_ascii_alphanumeric() && n.is_ascii_alphanumeric());
    }
    let marks = next.chars().skip(1).any(|c| c != '\u{0E4C}') && !next.contains('\u{0E4C}');
    let vowel_follows =
        after.is_some_and(|a| matches!(first(a), '\u{0E30}' | '\u{0E32}' | '\u{0E33}'));
    let starts_syllable = leading_vowel(n) || (consonant(n) && (marks || vowel_follows));
    let syllable_goes_on = leading_vowel(p)
        || prev.contains(['\u{0E31}', '\u{0E47}'])
        || (bare(prev) && matches!(p, 'ห' | 'อ'))
        || (bare(prev) && matches!(n, 'ร' | 'ล' | 'ว'));
    starts_syllable && !syllable_goes_on
}

pub fn pad(s: &str, w: usize) -> String {
    let n = w.saturating_sub(width(s));
    format!("{s}{}", " ".repeat(n))
}

pub fn pad_left(s: &str, w: usize) -> String {
    let n = w.saturating_sub(width(s));
    format!("{}{s}", " ".repeat(n))
}

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
        for lines in crate::report::par::map(&g.rows, |r| table_row(r, w, &cols)) {
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
    bureau_tables(&mut out, s, w);
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

/// A line of cells: the first left-aligned, the rest (numbers) right-aligned.
fn aligned(cells: &[String], widths: &[usize]) -> String {
    cells
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (c, w))| if i == 0 { pad(c, *w) } else { pad_left(c, *w) })
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end()
        .to_string()
}

fn bureau_tables(out: &mut Vec<String>, s: &Summary, w: &Words) {
    out.push(w.bureau_heading().into());
    // two tables to fit 80 columns: the counts, then the money, with the
    // shorter headings a terminal has room for
    let counts: [(&str, usize); BUREAU_COUNTS + 1] = [
        (w.pick("สำนัก", "Bureau"), 7),
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
    let money: [(&str, usize); 6] = [
        (w.pick("สำนัก", "Bureau"), 7),
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
        let widths: Vec<usize> = head.iter().map(|h| h.1).collect();
        out.push(aligned(
            &head.iter().map(|h| h.0.to_string()).collect::<Vec<_>>(),
            &widths,
        ));
        for b in &s.bureaus {
            let cells = w.bureau_cells(b);
            let part = if i == 0 {
                &cells[..BUREAU_COUNTS]
            } else {
                &cells[BUREAU_COUNTS..]
            };
            let mut line = vec![b.bureau.to_string()];
            line.extend(part.iter().cloned());
            out.push(aligned(&line, &widths));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_thai_without_splitting_marks_from_their_base() {
        let s = "โครงการเสริมสร้างความเข้มแข็ง";
        for line in wrap(s, 6) {
            assert!(width(&line) <= 6, "{line:?}");
            let first = line.chars().next().expect("non-empty");
            assert_ne!(
                UnicodeWidthChar::width(first),
                Some(0),
                "{line:?} starts with a mark"
            );
        }
        assert_eq!(wrap(s, 6).concat(), s);
    }

    #[test]
    fn thai_breaks_between_syllables_not_inside_them() {
        assert_eq!(wrap("ความสัมพันธ์", 5), ["ความ", "สัมพันธ์"]);
        assert_eq!(
            wrap("ตามกฎหมายว่าด้วยระเบียบข้าราชการ", 12),
            ["ตามกฎหมายว่า", "ด้วยระเบียบข้า", "ราชการ"]
        );
        assert_eq!(wrap("งบประมาณ", 6), ["งบประ", "มาณ"]);
        // not after a leading vowel, before a following vowel or a silent letter,
        // after a vowel that closes on the next consonant, or inside a cluster
        assert!(!may_break_between("เ", "ท็", Some("จ")));
        assert!(!may_break_between("ภ", "า", None));
        assert!(!may_break_between("น", "ธ์", None));
        assert!(!may_break_between("ท็", "จ", None));
        assert!(!may_break_between("อ", "ย่", Some("า")));
        assert!(!may_break_between("ป", "ร", Some("ะ")));
        assert!(!may_break_between("O", "I", None));
        assert!(may_break_between("ม", "สั", Some("ม")));
        assert!(may_break_between("ร", "เ", Some("บี")));
    }

    #[test]
    fn a_run_with_no_break_place_still_fits() {
        assert_eq!(wrap("ABCDEFG", 3), ["ABC", "DEF", "G"]);
    }
}
