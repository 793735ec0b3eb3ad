//! `riskreg summary`: the secretariat-wide monitoring table and progress
//! summary of a round, in the format asked for.

use super::targets;
use riskreg::model::{FiscalYear, Lang, RoundId};
use riskreg::report::{self, Format, RenderOptions};
use riskreg::store::{Catalog, layout};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Options {
    /// The registers directory; default the one of the current directory
    pub dir: Option<PathBuf>,
    /// Fiscal year (Buddhist era), e.g. 2567; default the latest one
    #[arg(long)]
    pub year: Option<u16>,
    /// The round, e.g. 6m or 12m; a number of months (6) also works
    #[arg(long)]
    pub round: String,
    /// An earlier round to compare with, e.g. 6m
    #[arg(long, value_name = "ROUND")]
    pub compare: Option<String>,
    /// text, markdown, csv, json, html or xlsx
    #[arg(long)]
    pub format: Option<String>,
    /// Language of the labels: th or en
    #[arg(long, default_value = "th")]
    pub lang: String,
    /// Print digits as Thai digits (๐–๙), as official documents do
    #[arg(long)]
    pub thai_digits: bool,
    /// Width of the text table in columns (default 80)
    #[arg(long)]
    pub width: Option<u16>,
    /// Write to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub(super) fn usage(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(2)
}

/// `6m` as written, or `6` as the round of six months of the methodologies.
pub(super) fn round_id(root: &Path, text: &str) -> Result<RoundId, String> {
    if let Ok(months) = text.parse::<u8>()
        && let Ok(catalog) = Catalog::load(root)
        && let Some(r) = catalog
            .methods
            .iter()
            .find_map(|m| m.value.round_by_months(months))
    {
        return Ok(r.id.clone());
    }
    RoundId::new(text).map_err(|e| format!("--round {text:?}: {e}"))
}

/// The format asked for, else the output file's extension, else text.
fn format_of(opts: &Options) -> Result<Format, String> {
    if let Some(f) = &opts.format {
        return Format::parse(f).ok_or_else(|| {
            format!("unknown format {f:?}; use text, markdown, csv, json, html or xlsx")
        });
    }
    let ext = opts
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str());
    Ok(ext.and_then(Format::parse).unwrap_or(Format::Text))
}

/// The latest fiscal year that has a directory.
pub(super) fn latest_year(root: &Path) -> Option<u16> {
    layout::year_dirs(root).ok()?.last().map(|(y, _)| *y)
}

pub fn run(opts: &Options) -> ExitCode {
    let root = match targets::root_or_exit(opts.dir.as_ref()) {
        Ok(root) => root,
        Err(code) => return code,
    };
    let root = root.as_path();
    let Some(lang) = Lang::parse(&opts.lang) else {
        return usage(format!("--lang {:?}: use th or en", opts.lang));
    };
    let format = match format_of(opts) {
        Ok(f) => f,
        Err(e) => return usage(e),
    };
    if format == Format::Xlsx && opts.output.is_none() {
        return usage("an xlsx workbook is not text; give --output FILE.xlsx");
    }
    let year = match opts.year.or_else(|| latest_year(root)) {
        Some(y) => y,
        None => {
            return usage(format!(
                "no fiscal-year directory under {}; give --year",
                targets::shown(root)
            ));
        }
    };
    let year = match FiscalYear::new(year) {
        Ok(y) => y,
        Err(e) => return usage(format!("--year {year}: {e}")),
    };
    let round = match round_id(root, &opts.round) {
        Ok(r) => r,
        Err(e) => return usage(e),
    };
    let compare = match opts
        .compare
        .as_deref()
        .map(|c| round_id(root, c))
        .transpose()
    {
        Ok(c) => c,
        Err(e) => return usage(e),
    };
    let bar = super::progress::StderrBar::new();
    let summary = match report::summarize_with(root, year, &round, compare.as_ref(), &bar) {
        Ok(s) => s,
        Err(report::ReportError::Load(errors)) => {
            // one grep-friendly file:line:col line each, as `validate` prints
            for e in errors {
                eprintln!("{}", super::out::diagnostic_line(&e.into()));
            }
            eprintln!("error: fix the files above to make the summary");
            return ExitCode::from(1);
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let render_opts = RenderOptions {
        lang,
        thai_digits: opts.thai_digits,
        width: opts.width,
    };
    let result = match &opts.output {
        Some(path) => report::write_output(&summary, format, &render_opts, path),
        None => report::render(&summary, format, &render_opts).map(|bytes| {
            // a closed pipe (`| head`) is not an error worth reporting
            let _ = std::io::stdout().lock().write_all(&bytes);
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
