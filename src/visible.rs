//! Text that comes from a register, a commit or a user is data: shown to a
//! person it must never drive their terminal (an ESC sequence can clear the
//! screen or retitle the window) nor a spreadsheet (a cell starting with `=`
//! is a formula). Every human format of the command line goes through here;
//! the full-screen interface draws text itself and is safe already.

use std::borrow::Cow;

/// `text` with every control character but the line feed written visibly,
/// as in the canonical files: `\t`, `\r`, `\0`, else `\u{1b}`. Thai and
/// every other printable character stay as they are.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if hidden(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`visible`] for a whole line: the line feed too, so that a value cannot
/// start a line of its own that looks like another finding.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return visible(text);
    }
    Cow::Owned(visible(text).replace('\n', "\\n"))
}

fn hidden(c: char) -> bool {
    c.is_control() && c != '\n'
}

/// A CSV cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a
/// tab or CR before one) made text with a leading `'`, as the OWASP guidance
/// on CSV injection recommends.
pub fn csv_text(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_and_thai_is_not_touched() {
        assert_eq!(
            visible("ก่อน\u{1b}]0;pwned\u{7}หลัง"),
            "ก่อน\\u{1b}]0;pwned\\u{7}หลัง"
        );
        assert_eq!(visible("a\tb\r\nc\0"), "a\\tb\\r\nc\\0");
        assert_eq!(one_line("a\nb"), "a\\nb");
        assert!(matches!(visible("ผู้อำนวยการ"), Cow::Borrowed(_)));
        assert_eq!(visible("\u{9b}2J"), "\\u{9b}2J");
    }

    #[test]
    fn formula_cells_become_text() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_text("-1+1"), "'-1+1");
        assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_text("การจัดซื้อ = ok"), "การจัดซื้อ = ok");
    }
}
