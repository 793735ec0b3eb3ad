//! RON in and out: parsing with positions, and the one canonical form.

use super::error::LoadError;
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::Path;

/// The canonical writer: struct names, four-space indents, one field per
/// line, Thai written as UTF-8 (never `\u{…}`), multi-line text kept
/// multi-line, and a trailing newline.
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
    let mut text =
        ron::ser::to_string_pretty(value, canonical_config()).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
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
            return Err(LoadError::at(
                path,
                line,
                col,
                "invalid UTF-8: files must be saved as UTF-8 text",
            ));
        }
    };
    if text.trim().is_empty() {
        return Err(LoadError::at(
            path,
            1,
            1,
            format!("the file is empty; expected {what}"),
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
        let (line, col) = (e.span.start.line, e.span.start.col);
        let field = super::SourceMap::build(text)
            .path_at(line, col)
            .map(str::to_string);
        let message = explain(&e.code.to_string(), what, field.as_deref());
        LoadError::at(path, line, col, message)
    })
}

/// Makes ron's messages read as advice to the person editing the file,
/// naming the value they are about (`risks[0].inherent.likelihood`).
fn explain(message: &str, what: &str, field: Option<&str>) -> String {
    if message.contains("Unexpected end of RON") {
        return format!("the file ends too early (truncated?); expected the rest of {what}");
    }
    if message.contains("Exceeded recursion limit") {
        return format!("the file is nested too deeply to be {what}");
    }
    let Some(field) = field else {
        return message.to_string();
    };
    let last = field.rsplit(['.', '[']).next().unwrap_or(field);
    let hint = match last {
        "amount" | "disbursed" if message.starts_with("Expected") => {
            " (amounts are written in baht as a string with two decimals, e.g. \"10075.50\")"
        }
        "date" | "as_of" | "next_review" if message.starts_with("Expected") => {
            " (dates are written in the Buddhist era as a string, e.g. \"2567-03-31\")"
        }
        "start" | "end" if message.starts_with("Expected") => {
            " (months are written in the Buddhist era as a string, e.g. \"2566-10\")"
        }
        _ => "",
    };
    format!("{field}: {message}{hint}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_thai_characters_not_bytes() {
        let t = "ab\nกขค x";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        let x = t.find('x').unwrap();
        assert_eq!(line_col(t, x), (2, 5));
    }
}
