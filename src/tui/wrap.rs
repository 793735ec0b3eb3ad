//! Styled lines wrapped for the screen. Every pane, window and status line
//! of the interface that wraps goes through [`line`] (or [`lines`]), built
//! on [`crate::text::wrap::rows`]: lines break only between words, found by
//! ICU's segmenter (Thai writes no spaces between words), widths are
//! terminal cells (a Thai vowel or tone mark takes none), and a bullet's
//! dash stays with its word. ratatui's `Paragraph::wrap` is not used: it
//! breaks Thai at any letter (`เบิกจ่า|ย`).

use crate::text::wrap::rows;
use ratatui::text::{Line, Span};
use std::ops::Range;

/// `line` as rows of at most `width` cells, each span keeping its style;
/// the rows after the first start with `indent` spaces (a hanging indent,
/// under the text rather than under a label or a key).
pub fn line(line: &Line, width: usize, indent: usize) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let width = width.max(1);
    let mut all = rows(&text, width);
    let indent = indent.min(width / 2);
    if indent > 0 && all.len() > 1 {
        // the rest again, in the narrower room the indent leaves
        let next = all[1].start;
        let rest = rows(&text[next..], width - indent);
        all.truncate(1);
        all.extend(rest.into_iter().map(|r| r.start + next..r.end + next));
    }
    if text.ends_with('\n') {
        all.pop();
    }
    all.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let end = row.start + text[row.clone()].trim_end().len();
            let mut spans = Vec::new();
            if i > 0 && indent > 0 {
                spans.push(Span::raw(" ".repeat(indent)));
            }
            spans.extend(spans_in(line, row.start..end));
            Line::from(spans).style(line.style)
        })
        .collect()
}

/// Each of `lines` wrapped to `width` cells, without indent.
pub fn lines<'a>(lines: impl IntoIterator<Item = Line<'a>>, width: usize) -> Vec<Line<'static>> {
    lines.into_iter().flat_map(|l| line(&l, width, 0)).collect()
}

/// The parts of `line`'s spans that fall in `range` of its text.
fn spans_in(line: &Line, range: Range<usize>) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for span in &line.spans {
        let (from, to) = (at, at + span.content.len());
        at = to;
        let (a, b) = (from.max(range.start), to.min(range.end));
        if a < b {
            out.push(Span::styled(
                span.content[a - from..b - from].to_string(),
                span.style,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn thai_breaks_between_words_and_spans_keep_their_style() {
        let label = Style::new().bold();
        let l = Line::from(vec![
            Span::styled("การควบคุม: ", label),
            Span::raw("การเบิกจ่ายเงินงบประมาณไม่เป็นไปตามแผน"),
        ]);
        let rows = line(&l, 20, 0);
        assert_eq!(
            texts(&rows),
            ["การควบคุม: การเบิกจ่าย", "เงินงบประมาณไม่เป็นไป", "ตามแผน"]
        );
        assert_eq!(rows[0].spans[0].style, label);
        assert_eq!(rows[0].spans[1].style, Style::default());
        assert_eq!(rows[1].spans.len(), 1);
    }

    #[test]
    fn a_hanging_indent_and_no_lone_dash() {
        let l = Line::raw("Ctrl-S        บันทึกทะเบียนที่แก้ไขทั้งหมดลงไฟล์");
        let rows = line(&l, 30, 14);
        for r in &rows {
            assert!(r.width() <= 30, "{r}");
        }
        assert!(
            rows[1..]
                .iter()
                .all(|r| r.to_string().starts_with(&" ".repeat(14)))
        );
        let rows = lines([Line::raw("ข้อหนึ่ง - ประสิทธิภาพ")], 11);
        assert_eq!(texts(&rows), ["ข้อหนึ่ง", "- ประสิทธิภาพ"]);
    }

    #[test]
    fn a_blank_line_stays_and_width_counts_cells() {
        let rows = lines([Line::raw("ก"), Line::raw(""), Line::raw("ข")], 10);
        assert_eq!(texts(&rows), ["ก", "", "ข"]);
        // น้ำ is two cells (น with its tone mark, then ำ): four fit in 8
        let rows = lines([Line::raw("น้ำน้ำน้ำน้ำ")], 8);
        assert_eq!(rows.len(), 1);
    }
}
