//! Quoting a value typed or read in a message, as people read it: Thai and
//! every printable character as is, only what cannot be seen (line breaks,
//! tabs, escape codes) written visibly. `{:?}` would print a Thai tone mark
//! that starts a value as `\u{e48}`.

/// `s` in double quotes, with `"`, `\` and control characters escaped.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn thai_is_shown_as_is_and_controls_visibly() {
        // a tone mark first: Debug formatting escapes it
        assert_eq!(format!("{:?}", "่12"), "\"\\u{e48}12\"");
        assert_eq!(quoted("่12"), "\"่12\"");
        assert_eq!(quoted("ศูนย์.00"), "\"ศูนย์.00\"");
        assert_eq!(quoted("a\"b\n\u{1b}[2J"), "\"a\\\"b\\n\\u{1b}[2J\"");
    }
}
