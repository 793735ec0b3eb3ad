//! `riskreg export`: the registers of a year as a tidy dataset (Parquet,
//! CSV, JSON or xlsx) for DuckDB, Spark, polars or a spreadsheet.

use super::out::say;
use super::progress::StderrBar;
use super::targets;
use riskreg::check;
use riskreg::model::BureauCode;
use riskreg::report::{self, ReportError, export::ExportFormat};
use riskreg::store::layout;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Options {
    /// The registers directory; default the one of the current directory
    pub dir: Option<PathBuf>,
    /// Fiscal year (Buddhist era), e.g. 2567
    #[arg(long)]
    pub year: u16,
    /// Only this bureau's register, e.g. FIN
    #[arg(long, value_name = "CODE")]
    pub bureau: Option<String>,
    /// parquet, csv, json or xlsx
    #[arg(long)]
    pub format: String,
    /// The directory (parquet, csv) or file (json, xlsx) to write
    #[arg(long, short, value_name = "OUT")]
    pub output: PathBuf,
    /// Replace OUT whole if it exists (never mixed with old files)
    #[arg(long)]
    pub force: bool,
}

fn usage(msg: impl std::fmt::Display) -> ExitCode {
    super::out::error(msg);
    ExitCode::from(2)
}

/// A bureau code as given on the command line, or why it is refused, in the
/// language of the run (the English is the model's own sentence).
pub(super) fn bureau_code(text: &str) -> Result<BureauCode, String> {
    BureauCode::new(text).map_err(|e| {
        say(
            format!(
                "รหัสสำนัก {} ใช้ไม่ได้: รหัสต้องยาว 1–64 ตัวอักษร และมีได้เฉพาะอักษรภาษาอังกฤษ ตัวเลข '-', '_' และ '.'",
                riskreg::model::quoted(text)
            ),
            e,
        )
    })
}

pub fn run(opts: &Options) -> ExitCode {
    let root = match targets::root_or_exit(opts.dir.as_ref()) {
        Ok(root) => root,
        Err(code) => return code,
    };
    let Some(format) = ExportFormat::parse(&opts.format) else {
        return usage(say(
            format!(
                "--format {:?}: ใช้ได้: parquet, csv, json หรือ xlsx",
                opts.format
            ),
            format!("--format {:?}: use parquet, csv, json or xlsx", opts.format),
        ));
    };
    let year = match super::summary::fiscal_year(opts.year) {
        Ok(y) => y,
        Err(e) => return usage(format!("--year {}: {e}", opts.year)),
    };
    let bureau = match opts.bureau.as_deref().map(bureau_code).transpose() {
        Ok(b) => b,
        Err(e) => return usage(format!("--bureau: {e}")),
    };
    let year_dir = layout::year_dir(&root, year.be());
    let files = match layout::ron_files(&year_dir) {
        Ok(files) => files,
        Err(_) => {
            super::out::error(say(
                format!(
                    "ไม่มีทะเบียนของปี {year}: {} ไม่ใช่ไดเรกทอรี",
                    targets::shown(&year_dir)
                ),
                format!(
                    "no registers for {year}: {} is not a directory",
                    targets::shown(&year_dir)
                ),
            ));
            return ExitCode::from(1);
        }
    };
    // refuse registers with errors, as `summary` does: only those exported
    // count, but rules across registers still see the whole year
    let only: BTreeSet<PathBuf> = files
        .into_iter()
        .filter(|f| {
            bureau
                .as_ref()
                .is_none_or(|b| f.file_stem().and_then(|s| s.to_str()) == Some(b.as_str()))
        })
        .collect();
    let checked = check::load_year_for(&root, year.be(), &only, &StderrBar::new());
    if checked.report.errors() > 0 {
        for d in checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity == riskreg::validate::Severity::Error)
        {
            eprintln!("{}", super::out::diagnostic_line(d));
        }
        super::out::error(super::lang::current().pick(
            "แก้ข้อผิดพลาดข้างบนก่อน (riskreg validate) จึงจะส่งออกทะเบียนได้",
            "fix the errors above (riskreg validate) to export the registers",
        ));
        return ExitCode::from(1);
    }
    // no errors: the shared files loaded and every register parsed
    let Some(catalog) = checked.catalog else {
        return ExitCode::from(1);
    };
    let registers = checked.registers.into_iter().map(|l| l.value).collect();
    match report::export::export_registers(
        &catalog,
        registers,
        year,
        bureau.as_ref(),
        format,
        &opts.output,
        opts.force,
    ) {
        Ok(written) => {
            let rows: Vec<String> = written
                .rows
                .iter()
                .map(|(t, n)| format!("{t} {n}"))
                .collect();
            eprintln!(
                "{}",
                say(
                    format!(
                        "เขียน {} แล้ว ({} ไฟล์ จำนวนแถว: {})",
                        targets::shown(&opts.output),
                        written.files,
                        rows.join(", ")
                    ),
                    format!(
                        "wrote {} ({} file{}; rows: {})",
                        targets::shown(&opts.output),
                        written.files,
                        if written.files == 1 { "" } else { "s" },
                        rows.join(", ")
                    ),
                )
            );
            ExitCode::SUCCESS
        }
        Err(ReportError::NoData { year }) => {
            let th = super::lang::current() == riskreg::model::Lang::Th;
            super::out::error(match (&bureau, th) {
                (Some(b), true) => format!("ไม่มีทะเบียนของ {b} ปี {year}"),
                (Some(b), false) => format!("no register of {b} for {year}"),
                (None, true) => format!("ไม่มีทะเบียนของปี {year}"),
                (None, false) => format!("no register for {year}"),
            });
            ExitCode::from(1)
        }
        Err(ReportError::Output { path, error }) => {
            let path = targets::shown(&path);
            super::out::error(say(
                format!("{path}: เขียนไม่ได้ ({error})"),
                format!("{path}: {error}"),
            ));
            ExitCode::from(1)
        }
        Err(e) => {
            super::out::error(e.text(super::lang::current()));
            ExitCode::from(1)
        }
    }
}
