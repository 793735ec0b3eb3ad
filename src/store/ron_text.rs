//! RON in and out: parsing with positions, and the one canonical form.

use super::error::{Hint, LoadError, LoadMessage};
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::Path;

/// The canonical writer: struct names, four-space indents, one field per
/// line, Thai written as UTF-8 (never `\u{…}`), multi-line text kept
/// multi-line, and a trailing newline. Control characters other than the
/// line feed are escaped afterwards by [`escape_controls`].
fn canonical_config() -> PrettyConfig {
    PrettyConfig::new()
        .struct_names(true)
        .escape_strings(false)
        .indentor("    ")
        .new_line("\n")
        .separate_tuple_members(false)
        .compact_arrays(false)
}

/// `value` in canonical RON.
pub fn to_canonical<T: Serialize>(value: &T) -> Result<String, String> {
    let text = ron::ser::to_string_pretty(value, canonical_config()).map_err(|e| e.to_string())?;
    let mut text = escape_controls(text);
    text.push('\n');
    Ok(text)
}

/// Rewrites the string literals of ron's output so that no control
/// character but the line feed is written raw: a raw CR is lost or changed
/// by editors and git's line-end handling, a NUL makes git call the file
/// binary, an ESC drives the terminal of whoever runs `cat`. Tabs, CR and
/// NUL become `\t`, `\r`, `\0`; the others `\u{1b}`. Thai stays raw.
///
/// With `escape_strings(false)` ron writes a string either as `"…"` with no
/// `\` or `"` inside, or, when it holds one, as a raw string `r#"…"#`,
/// where escapes cannot be written; such a raw string is turned into an
/// ordinary escaped one. Outside string literals ron writes no control
/// characters but line feeds.
pub fn escape_controls(text: String) -> String {
    if !text.chars().any(needs_escape) {
        return text;
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 32);
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        let raw_start = b[i] == b'r' && (i == 0 || !is_ident_byte(b[i - 1]));
        let hashes = if raw_start {
            b[i + 1..].iter().take_while(|&&c| c == b'#').count()
        } else {
            0
        };
        let (open, close) = if b[i] == b'"' {
            (1, "\"".to_string())
        } else if raw_start && b.get(i + 1 + hashes) == Some(&b'"') {
            (2 + hashes, format!("\"{}", "#".repeat(hashes)))
        } else {
            i += 1;
            continue;
        };
        let start = i + open;
        let Some(len) = text[start..].find(&close) else {
            break; // not ron's output; leave the rest as it is
        };
        let content = &text[start..start + len];
        if !content.chars().any(needs_escape) {
            // the form ron chose is canonical when nothing needs escaping
            i = start + len + close.len();
            continue;
        }
        out.push_str(&text[copied..i]);
        out.push('"');
        for c in content.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                '\0' => out.push_str("\\0"),
                c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
                c => out.push(c),
            }
        }
        out.push('"');
        i = start + len + close.len();
        copied = i;
    }
    out.push_str(&text[copied..]);
    out
}

fn needs_escape(c: char) -> bool {
    c.is_control() && c != '\n'
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// 1-based line and column of a byte offset, counting columns in characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Parses `bytes` (the content of `path`) as a `T`, with errors that say
/// where and what was expected. CRLF line ends are read as LF (lines and
/// columns are unchanged); `fmt` writes them back as LF.
pub fn parse<T: DeserializeOwned>(path: &Path, bytes: &[u8], what: &str) -> Result<T, LoadError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // the valid prefix is UTF-8 by definition
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let (line, col) = line_col(prefix, prefix.len());
            return Err(LoadError::at(path, line, col, LoadMessage::InvalidUtf8));
        }
    };
    // a byte-order mark, as Windows editors write; `fmt` drops it
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::at(
            path,
            1,
            1,
            LoadMessage::Empty {
                what: what.to_string(),
            },
        ));
    }
    let normalised;
    let text = if text.contains('\r') {
        normalised = text.replace("\r\n", "\n");
        normalised.as_str()
    } else {
        text
    };
    ron::Options::default().from_str::<T>(text).map_err(|e| {
        if matches!(e.code, ron::Error::UnclosedBlockComment)
            && let Some((line, col)) = super::locate::unclosed_comment(text)
        {
            return LoadError::at(path, line, col, LoadMessage::UnclosedComment);
        }
        let (line, col) = (e.span.start.line, e.span.start.col);
        let field = super::SourceMap::build(text)
            .path_at(line, col)
            .map(str::to_string);
        LoadError::at(path, line, col, explain(e.code, what, field))
    })
}

/// Makes ron's messages read as advice to the person editing the file,
/// naming the value they are about (`risks[0].inherent.likelihood`).
fn explain(code: ron::Error, what: &str, field: Option<String>) -> LoadMessage {
    let what = what.to_string();
    match code {
        ron::Error::Eof => return LoadMessage::Truncated { what },
        ron::Error::ExceededRecursionLimit => return LoadMessage::TooDeep { what },
        _ => {}
    }
    let expected = code.to_string().starts_with("Expected");
    let hint = field.as_deref().and_then(|field| {
        let last = field.rsplit(['.', '[']).next().unwrap_or(field);
        match last {
            "amount" | "disbursed" if expected => Some(Hint::Amount),
            "date" | "as_of" | "next_review" if expected => Some(Hint::Date),
            "start" | "end" if expected => Some(Hint::Month),
            _ => None,
        }
    });
    LoadMessage::Syntax {
        field,
        code: Box::new(code),
        hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_in_plain_and_raw_strings() {
        let text = escape_controls(
            "R(a: \"x\ty\r\nz\u{1b}[2J\", b: r#\"q\"\u{0}\\\"#, c: r#\"k\"\"#, d: \"ก่\")".into(),
        );
        assert_eq!(
            text,
            "R(a: \"x\\ty\\r\nz\\u{1b}[2J\", b: \"q\\\"\\0\\\\\", c: r#\"k\"\"#, d: \"ก่\")"
        );
    }

    #[test]
    fn line_col_counts_thai_characters_not_bytes() {
        let t = "ab\nกขค x";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        let x = t.find('x').unwrap();
        assert_eq!(line_col(t, x), (2, 5));
    }
}
