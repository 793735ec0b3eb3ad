//! `riskreg summary`: the secretariat-wide monitoring table and progress
//! summary of a round, in the format asked for.

use super::out::{Out, say};
use super::targets;
use riskreg::check;
use riskreg::model::{FiscalYear, Lang, Register, RoundId};
use riskreg::report::{self, Format, RenderOptions};
use riskreg::store::{Catalog, Loaded, layout};
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
    super::out::error(msg);
    ExitCode::from(2)
}

/// What [`load_valid`] is loading for, as its refusal names it.
#[derive(Clone, Copy)]
pub(super) enum Made {
    Summary,
    Report,
}

impl Made {
    fn pick(self, lang: Lang) -> &'static str {
        match self {
            Made::Summary => lang.pick("สรุปผล", "the summary"),
            Made::Report => lang.pick("รายงาน", "the report"),
        }
    }
}

/// The fiscal year (the latest one under `root` when not given), the round
/// and the round to compare with, as `summary` and `report` take them; a
/// usage error (exit 2) already printed when one is wrong.
pub(super) fn year_and_rounds(
    root: &Path,
    year: Option<u16>,
    round: &str,
    compare: Option<&str>,
) -> Result<(FiscalYear, RoundId, Option<RoundId>), ExitCode> {
    let Some(year) = year.or_else(|| latest_year(root)) else {
        return Err(usage(say(
            format!(
                "ไม่มีไดเรกทอรีปีงบประมาณใน {} โปรดระบุ --year",
                targets::shown(root)
            ),
            format!(
                "no fiscal-year directory under {}; give --year",
                targets::shown(root)
            ),
        )));
    };
    let year = fiscal_year(year).map_err(|e| usage(format!("--year {year}: {e}")))?;
    let round = round_id(root, round).map_err(usage)?;
    let compare = compare
        .map(|c| round_id(root, c))
        .transpose()
        .map_err(usage)?;
    Ok((year, round, compare))
}

/// A Buddhist-era fiscal year, or why not, in the language of the run
/// (`year 2024 looks like a Common-era year; …`).
pub(super) fn fiscal_year(year: u16) -> Result<FiscalYear, String> {
    FiscalYear::new(year).map_err(|e| {
        // a date's year is refused for the same reasons, in both languages
        riskreg::model::Date::new(year, 1, 1)
            .err()
            .map_or(e, |r| r.text(super::lang::current()))
    })
}

/// The shared files and the year's registers, each file read once and
/// checked; refuses (exit 1, each error printed where it is) when they have
/// validation errors: figures from them would be wrong figures. Warnings do
/// not block.
pub(super) fn load_valid(
    root: &Path,
    year: FiscalYear,
    what: Made,
) -> Result<(Catalog, Vec<Loaded<Register>>), ExitCode> {
    let checked = check::load_year(root, year.be(), &super::progress::StderrBar::new());
    if let Some(code) = super::out::refuse_on_errors(
        &checked.report,
        &say(
            format!(
                "แก้ไขไฟล์ข้างต้นก่อนจึงจะจัดทำ{}ได้ (`riskreg validate` แสดงข้อผิดพลาดเหล่านี้พร้อมคำเตือน)",
                what.pick(Lang::Th)
            ),
            format!(
                "fix the files above to make {} (`riskreg validate` shows them with the warnings)",
                what.pick(Lang::En)
            ),
        ),
    ) {
        return Err(code);
    }
    match checked.catalog {
        Some(catalog) => Ok((catalog, checked.registers)),
        // a catalog that does not load is an error of the report above
        None => Err(ExitCode::from(1)),
    }
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
    RoundId::new(text).map_err(|e| {
        super::out::say(
            format!(
                "--round {text:?}: ต้องเป็นจำนวนเดือน (6, 9, 12) หรือรหัสรอบ (อักษรภาษาอังกฤษ ตัวเลข - _ .)"
            ),
            format!("--round {text:?}: {e}"),
        )
    })
}

/// The format asked for, else the output file's extension, else text.
fn format_of(opts: &Options) -> Result<Format, String> {
    if let Some(f) = &opts.format {
        return Format::parse(f).ok_or_else(|| {
            say(
                format!("ไม่รู้จักรูปแบบ {f:?} ใช้ได้: text, markdown, csv, json, html หรือ xlsx"),
                format!("unknown format {f:?}; use text, markdown, csv, json, html or xlsx"),
            )
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
    layout::fiscal_years(root).last().copied()
}

pub fn run(opts: &Options) -> ExitCode {
    let root = match targets::root_or_exit(opts.dir.as_ref()) {
        Ok(root) => root,
        Err(code) => return code,
    };
    let root = root.as_path();
    let lang = super::lang::current();
    let format = match format_of(opts) {
        Ok(f) => f,
        Err(e) => return usage(e),
    };
    if format == Format::Xlsx && opts.output.is_none() {
        return usage(say(
            "สมุดงาน xlsx ไม่ใช่ข้อความ โปรดระบุ --output FILE.xlsx",
            "an xlsx workbook is not text; give --output FILE.xlsx",
        ));
    }
    let (year, round, compare) =
        match year_and_rounds(root, opts.year, &opts.round, opts.compare.as_deref()) {
            Ok(x) => x,
            Err(code) => return code,
        };
    let (catalog, registers) = match load_valid(root, year, Made::Summary) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let registers = registers.into_iter().map(|l| l.value).collect();
    let summary =
        match report::summarize_loaded(&catalog, registers, year, &round, compare.as_ref()) {
            Ok(s) => s,
            Err(e) => {
                super::out::error(e.text(lang));
                return ExitCode::from(1);
            }
        };
    let render_opts = RenderOptions {
        lang,
        // Thai digits are for Thai text: never in English output
        thai_digits: opts.thai_digits && lang == Lang::Th,
        width: opts.width,
    };
    let mut out = Out::default();
    let result = match &opts.output {
        Some(path) => report::write_output(&summary, format, &render_opts, path),
        // a closed pipe (`| head`) stops quietly; a failed write is an error
        None => report::render(&summary, format, &render_opts).map(|bytes| out.bytes(&bytes)),
    };
    match result {
        Ok(()) => out.finish(ExitCode::SUCCESS),
        Err(e) => {
            super::out::error(e.text(lang));
            ExitCode::from(1)
        }
    }
}
