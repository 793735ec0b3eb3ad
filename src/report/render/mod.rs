//! Renderings of a [`Summary`]: one file per format, all fed the same data
//! and the same words.

mod csv;
pub(super) mod html;
mod markdown;
mod text;
mod words;
mod xlsx;

pub(crate) use crate::model::written_date::thai_digits;

use super::{ReportError, Summary};
use crate::model::Lang;
use std::path::Path;

/// An output format of `riskreg summary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An aligned table for the terminal, Thai-width aware.
    Text,
    Markdown,
    /// The table, then the per-bureau figures, as CSV with ids.
    Csv,
    /// The whole summary with ids, not labels, so it reads back.
    Json,
    /// A self-contained page that prints on A4 landscape.
    Html,
    /// A workbook: the table on one sheet, the figures on another.
    Xlsx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Some(Format::Text),
            "markdown" | "md" => Some(Format::Markdown),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    pub lang: Lang,
    /// Digits as ๐–๙ in text, Markdown, HTML and xlsx labels; CSV and JSON
    /// keep ASCII digits so programs can read them.
    pub thai_digits: bool,
    /// Terminal width for the text table; 80 when `None`.
    pub width: Option<u16>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            lang: Lang::Th,
            thai_digits: false,
            width: None,
        }
    }
}

/// The summary in `format`, as bytes (UTF-8 text, or an xlsx workbook).
pub fn render(
    summary: &Summary,
    format: Format,
    opts: &RenderOptions,
) -> Result<Vec<u8>, ReportError> {
    let w = words::Words::new(opts, summary);
    // register text is data: control characters shown, never sent raw
    let shown = |text: String| crate::visible::visible(&text).into_owned().into_bytes();
    Ok(match format {
        Format::Text => shown(text::render(
            summary,
            &w,
            usize::from(opts.width.unwrap_or(80)),
        )),
        Format::Markdown => shown(markdown::render(summary, &w)),
        Format::Csv => shown(csv::render(summary)),
        Format::Json => {
            let mut v = serde_json::to_vec_pretty(summary)
                .map_err(|e| ReportError::Render(e.to_string()))?;
            v.push(b'\n');
            v
        }
        Format::Html => shown(html::render(summary, &w)),
        Format::Xlsx => xlsx::render(summary, &w)?,
    })
}

/// Renders and writes to `path` with the store's one atomic writer: a
/// temporary file in the same directory, renamed over the target only once
/// complete (on any failure nothing is left at `path` or beside it); a
/// device or FIFO (`/dev/stdout`) is written in place, a symlink's target
/// is written.
pub fn write_output(
    summary: &Summary,
    format: Format,
    opts: &RenderOptions,
    path: &Path,
) -> Result<(), ReportError> {
    let bytes = render(summary, format, opts)?;
    let out_err = |error: std::io::Error| ReportError::Output {
        path: path.to_path_buf(),
        error,
    };
    crate::store::atomic::write_atomic(path, &bytes).map_err(out_err)
}
