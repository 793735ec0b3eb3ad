//! Thai text as people type and read it: the keyboard layout, line breaking
//! between words, columns measured by display width. Knows nothing of the
//! terminal or of registers.

pub mod kedmanee;
pub mod wrap;

use unicode_width::UnicodeWidthStr;

/// Columns `s` takes on a terminal: Thai vowels and tone marks above or
/// below a consonant take none, so counting characters would misalign.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` followed by spaces to `w` columns.
pub fn pad(s: &str, w: usize) -> String {
    let n = w.saturating_sub(width(s));
    format!("{s}{}", " ".repeat(n))
}

/// Spaces to `w` columns, then `s`.
pub fn pad_left(s: &str, w: usize) -> String {
    let n = w.saturating_sub(width(s));
    format!("{}{s}", " ".repeat(n))
}
