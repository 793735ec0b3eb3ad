//! `riskreg report`: the whole monitoring report of a round, as a docx,
//! HTML or xlsx file, written atomically.

use super::out::say;
use super::summary::{Made, load_valid, usage, year_and_rounds};
use super::targets;
use riskreg::model::Register;
use riskreg::report::document::{self, BuildOptions, DocFormat};
use riskreg::report::{self, ReportError};
use riskreg::store;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Options {
    /// The registers directory; default the one of the current directory
    pub dir: Option<PathBuf>,
    /// Fiscal year (Buddhist era), e.g. 2567; default the latest one
    #[arg(long)]
    pub year: Option<u16>,
    /// The round: 6 or 12 (months), or its id (6m, 12m)
    #[arg(long)]
    pub round: String,
    /// docx, html or xlsx; default from the --output extension
    #[arg(long)]
    pub format: Option<String>,
    /// The file to write
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// Print digits as Thai digits (๐–๙), page numbers included
    #[arg(long)]
    pub thai_digits: bool,
    /// An earlier round to compare with, e.g. 6
    #[arg(long, value_name = "ROUND")]
    pub compare: Option<String>,
}

fn format_of(opts: &Options) -> Result<DocFormat, String> {
    let given = opts.format.clone().or_else(|| {
        opts.output
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_string)
    });
    match given {
        Some(f) => DocFormat::parse(&f).ok_or_else(|| {
            say(
                format!("ไม่รู้จักรูปแบบรายงาน {f:?} ใช้ได้: docx, html หรือ xlsx"),
                format!("unknown report format {f:?}; use docx, html or xlsx"),
            )
        }),
        None => Err(say(
            "โปรดระบุ --format docx, html หรือ xlsx (หรือ --output ที่มีนามสกุลดังกล่าว)",
            "give --format docx, html or xlsx (or an --output with that extension)",
        )),
    }
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
    let (year, round, compare) =
        match year_and_rounds(root, opts.year, &opts.round, opts.compare.as_deref()) {
            Ok(x) => x,
            Err(code) => return code,
        };
    let (catalog, registers) = match load_valid(root, year, Made::Report) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let registers: Vec<Register> = registers.into_iter().map(|l| l.value).collect();
    if registers.is_empty() {
        super::out::error(say(
            format!("ไม่มีทะเบียนของปี {year} ใน {}", targets::shown(root)),
            format!("no registers for {year} under {}", targets::shown(root)),
        ));
        return ExitCode::from(1);
    }
    let methods = catalog.method_values();
    let Some(months) = methods
        .iter()
        .find_map(|m| m.round(&round).map(|r| r.months))
    else {
        return usage(say(
            format!("--round {}: ไม่มีวิธีประเมินใดมีรอบนี้", opts.round),
            format!("--round {}: no methodology has this round", opts.round),
        ));
    };
    let summary = match report::summarize_with_methods(
        &catalog.bureaus.value,
        &catalog.approaches.value,
        &methods,
        &registers,
        year,
        &round,
        compare.as_ref(),
    ) {
        Ok(s) => s,
        Err(e) => {
            super::out::error(e.text(lang));
            return ExitCode::from(1);
        }
    };
    let doc = document::build(
        &summary,
        &registers,
        BuildOptions {
            lang,
            // Thai digits are for Thai text: never in English output
            thai_digits: opts.thai_digits && lang == riskreg::model::Lang::Th,
            months,
        },
    );
    let written = document::render(&doc, format).and_then(|bytes| {
        store::atomic::write_atomic(&opts.output, &bytes).map_err(|error| ReportError::Output {
            path: opts.output.clone(),
            error,
        })
    });
    match written {
        Ok(()) => {
            eprintln!(
                "{}",
                say(
                    format!(
                        "เขียน {} แล้ว (มาตรการ {} รายการ คำเตือน {} รายการ)",
                        opts.output.display(),
                        summary.progress.measures,
                        summary.warnings.len()
                    ),
                    format!(
                        "wrote {} ({} measures, {} warnings)",
                        opts.output.display(),
                        summary.progress.measures,
                        summary.warnings.len()
                    ),
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            super::out::error(e.text(lang));
            ExitCode::from(1)
        }
    }
}
