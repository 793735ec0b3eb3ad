//! Line breaking between words, for every place text wraps. Thai writes no
//! spaces between words, so where a line may break comes from ICU4X's line
//! segmenter (UAX #14, with its Thai, Lao, Khmer and Myanmar dictionaries
//! compiled in): `ประสิทธิภาพ` never becomes `ประ|สิทธิภาพ`.

use icu_segmenter::options::LineBreakOptions;
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed};
use std::ops::Range;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Built once: the dictionary is baked into the binary, only looked up here.
static SEGMENTER: LazyLock<LineSegmenterBorrowed<'static>> =
    LazyLock::new(|| LineSegmenter::new_dictionary(LineBreakOptions::default()));

/// The pieces of `para` between the places a line may break, each with the
/// spaces after it; a bullet (`-`, `•`, `*`) or a lone dash is joined to the
/// piece after it, so it is never left alone at the end of a line.
fn pieces(para: &str) -> Vec<&str> {
    let mut out = Vec::new();
    // where the piece being built starts, and where its last part starts
    let (mut start, mut part) = (0, 0);
    for at in SEGMENTER.segment_str(para).filter(|&at| at > 0) {
        let bullet = matches!(para[part..at].trim(), "-" | "–" | "—" | "•" | "*" | "·");
        part = at;
        if !bullet {
            out.push(&para[start..at]);
            start = at;
        }
    }
    if start < para.len() {
        out.push(&para[start..]);
    }
    out
}

/// Breaks `s` into lines of at most `width` columns (measured with
/// unicode-width: Thai vowels and tone marks take none). Lines break between
/// words, after spaces, and at hard line breaks; a word wider than a whole
/// line is cut between grapheme clusters, so a mark stays with its letter.
/// Leading spaces of a paragraph are kept, trailing ones dropped. Each
/// paragraph (a blank one too) gives at least one line.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in s.lines() {
        for row in para_rows(para, width.max(1)) {
            lines.push(para[row].trim_end().to_string());
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Where `s` breaks into rows of at most `width` columns, as byte ranges of
/// `s`, by the same rules as [`wrap`] but keeping what a text box needs:
/// each row's trailing spaces stay in it (the cursor may sit after them),
/// and a text ending in a line break ends with an empty row. Rows are in
/// order; the line breaks themselves are in none.
pub fn rows(s: &str, width: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in s.split_inclusive('\n') {
        let para = line
            .strip_suffix('\n')
            .map_or(line, |l| l.strip_suffix('\r').unwrap_or(l));
        out.extend(
            para_rows(para, width.max(1))
                .into_iter()
                .map(|r| r.start + at..r.end + at),
        );
        at += line.len();
    }
    if s.is_empty() || s.ends_with('\n') {
        out.push(s.len()..s.len());
    }
    out
}

/// The rows of one paragraph (no line break in it), at least one.
fn para_rows(para: &str, width: usize) -> Vec<Range<usize>> {
    // what fits whole is one row: no need to look for word breaks (most
    // cells of a table, and every short field)
    if para.width() <= width {
        return std::iter::once(0..para.len()).collect();
    }
    broken_rows(para, width)
}

/// [`para_rows`] of a paragraph, broken between words where it must be.
fn broken_rows(para: &str, width: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    // where the row being filled starts, and its width (trailing spaces included)
    let (mut start, mut used) = (0, 0);
    let mut at = 0;
    for piece in pieces(para) {
        let (from, text_width) = (at, piece.trim_end().width());
        at += piece.len();
        if used + text_width > width {
            if !para[start..from].trim().is_empty() {
                rows.push(start..from);
            }
            // a row of spaces alone is dropped rather than shown
            (start, used) = (from, 0);
        }
        if used + text_width <= width {
            used += piece.width();
            continue;
        }
        // a word longer than a line: fill rows cluster by cluster
        for (i, g) in piece.grapheme_indices(true) {
            let w = g.width();
            if used + w > width && from + i > start && w > 0 {
                rows.push(start..from + i);
                (start, used) = (from + i, 0);
            }
            used += w;
        }
    }
    if start < para.len() || rows.is_empty() {
        rows.push(start..para.len());
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_fits_whole_is_one_row_as_the_word_breaking_rules_would_give() {
        for text in [
            "",
            "   ",
            "  นำ้ที่ ประสิทธิภาพ  ",
            "- เลขาธิการ",
            "a b  c   ",
            "ประสิทธิภาพของสำนักงาน",
        ] {
            for width in text.width().max(1)..text.width() + 3 {
                assert_eq!(
                    para_rows(text, width),
                    broken_rows(text, width),
                    "{text:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn thai_breaks_between_words_only() {
        // the issue's examples: none of these words may be cut
        for word in ["ประสิทธิภาพ", "เลขาธิการ", "วุฒิสภา", "โน้ตบุ๊ก"]
        {
            for w in 4..20 {
                let text = format!("การเพิ่ม{word}ของสำนักงาน");
                let lines = wrap(&text, w);
                assert_eq!(lines.concat(), text);
                if word.width() <= w {
                    assert!(
                        lines.iter().any(|l| l.contains(word)),
                        "{word} cut at width {w}: {lines:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_issue_s_words_wrap_whole() {
        assert_eq!(
            wrap("ประสิทธิภาพการทำงานของเลขาธิการวุฒิสภา", 11),
            ["ประสิทธิภาพ", "การทำงานของ", "เลขาธิการ", "วุฒิสภา"]
        );
    }

    #[test]
    fn spaces_and_hard_breaks_still_break() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("  indented text", 10), ["  indented", "text"]);
    }

    #[test]
    fn a_blank_paragraph_is_kept() {
        assert_eq!(wrap("ก\n\nข", 10), ["ก", "", "ข"]);
    }

    #[test]
    fn rows_cover_the_text_for_a_text_box() {
        let s = "one two three\r\nการเบิกจ่ายเงิน\n";
        let rows = rows(s, 7);
        assert_eq!(
            rows.iter().map(|r| &s[r.clone()]).collect::<Vec<_>>(),
            ["one two ", "three", "การเบิก", "จ่ายเงิน", ""]
        );
        // in order, without the line breaks, ending with the empty row after the last
        assert!(rows.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!(rows.last(), Some(&(s.len()..s.len())));
    }

    #[test]
    fn a_bullet_s_dash_is_never_alone_on_its_line() {
        assert_eq!(wrap("- ประสิทธิภาพ", 11), ["- ประสิทธิภาพ"]);
        // too long for any line: cut between clusters, the dash kept in front
        assert_eq!(wrap("- ประสิทธิภาพ", 8), ["- ประสิทธิ", "ภาพ"]);
        let lines = wrap("ข้อหนึ่ง - ประสิทธิภาพ", 11);
        assert!(!lines.iter().any(|l| l.trim() == "-"), "{lines:?}");
        assert_eq!(lines, ["ข้อหนึ่ง", "- ประสิทธิภาพ"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_between_clusters() {
        assert_eq!(wrap("ABCDEFG", 3), ["ABC", "DEF", "G"]);
        for line in wrap("ประสิทธิภาพ", 3) {
            assert!(line.width() <= 3, "{line:?}");
            let first = line.chars().next().expect("a line is never empty here");
            assert!(first.to_string().width() > 0, "{line:?} starts with a mark");
        }
    }
}
