//! Writing the dataset of [`super::dataset`]: Parquet or CSV hive-partitioned
//! (`OUT/<table>/year=<Y>/bureau=<CODE>/part-0.<ext>`), one JSON document,
//! or one xlsx workbook with a sheet per table.
//!
//! Nothing is half-written and nothing is mixed with old files: a directory
//! is built beside OUT and renamed into place when complete; a file is
//! written atomically. An existing OUT is refused unless `replace` is set,
//! and then replaced whole.

use super::ReportError;
use super::dataset::{Dataset, KEYS};
use crate::store::atomic::{replace_dir, staging_dir_beside, write_atomic};
use polars::prelude::*;
use polars_io::prelude::{CsvWriter, ParquetWriter, SerWriter};
use std::path::{Path, PathBuf};

/// The formats of `riskreg export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Parquet,
    Csv,
    Json,
    Xlsx,
}

impl ExportFormat {
    pub fn parse(s: &str) -> Option<ExportFormat> {
        match s.to_ascii_lowercase().as_str() {
            "parquet" => Some(ExportFormat::Parquet),
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            "xlsx" => Some(ExportFormat::Xlsx),
            _ => None,
        }
    }
    /// Whether the output is a directory of partitions (else one file).
    pub fn is_partitioned(self) -> bool {
        matches!(self, ExportFormat::Parquet | ExportFormat::Csv)
    }
}

/// What was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// Files written (one for json and xlsx).
    pub files: usize,
    /// Rows per table, in the order of [`super::dataset::TABLES`].
    pub rows: Vec<(&'static str, usize)>,
}

fn frame_err(e: PolarsError) -> ReportError {
    ReportError::Frame(e.to_string())
}

fn out_err(path: &Path) -> impl Fn(std::io::Error) -> ReportError + '_ {
    move |error| ReportError::Output {
        path: path.to_path_buf(),
        error,
    }
}

/// Writes `ds` (the registers of `year`, of the bureaus `bureaus`) to `out`.
pub fn write_dataset(
    ds: &Dataset,
    year: u16,
    bureaus: &[String],
    format: ExportFormat,
    out: &Path,
    replace: bool,
) -> Result<Written, ReportError> {
    if out.exists() && !replace {
        return Err(ReportError::Output {
            path: out.to_path_buf(),
            error: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "already exists; give --force to replace it whole",
            ),
        });
    }
    let rows = ds.frames.iter().map(|(n, df)| (*n, df.height())).collect();
    let files = match format {
        ExportFormat::Parquet | ExportFormat::Csv => {
            write_partitioned(ds, year, bureaus, format, out)?
        }
        ExportFormat::Json => {
            if out.is_dir() {
                return Err(is_dir(out));
            }
            let bytes = json_document(ds, year)?;
            write_atomic(out, &bytes).map_err(out_err(out))?;
            1
        }
        ExportFormat::Xlsx => {
            if out.is_dir() {
                return Err(is_dir(out));
            }
            let bytes = super::dataset_xlsx::workbook(ds, year)?;
            write_atomic(out, &bytes).map_err(out_err(out))?;
            1
        }
    };
    Ok(Written { files, rows })
}

fn is_dir(path: &Path) -> ReportError {
    ReportError::Output {
        path: path.to_path_buf(),
        error: std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory; json and xlsx write one file",
        ),
    }
}

/// Builds the whole tree in a directory beside `out`, then puts it in place.
fn write_partitioned(
    ds: &Dataset,
    year: u16,
    bureaus: &[String],
    format: ExportFormat,
    out: &Path,
) -> Result<usize, ReportError> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let err = out_err(out);
    std::fs::create_dir_all(&parent).map_err(&err)?;
    // removed with its content on any error before it is put in place
    let staging = staging_dir_beside(out).map_err(&err)?;
    let ext = if format == ExportFormat::Parquet {
        "parquet"
    } else {
        "csv"
    };
    let mut files = 0;
    for (table, df) in &ds.frames {
        let runs = runs(df)?;
        for bureau in bureaus {
            let dir = staging
                .path()
                .join(table)
                .join(format!("year={year}"))
                .join(format!("bureau={bureau}"));
            std::fs::create_dir_all(&dir).map_err(&err)?;
            let mut part = partition(df, runs.get(bureau).copied())?;
            let path = dir.join(format!("part-0.{ext}"));
            let file = std::fs::File::create(&path).map_err(&err)?;
            let mut file = std::io::BufWriter::new(file);
            match format {
                ExportFormat::Parquet => {
                    ParquetWriter::new(&mut file)
                        .finish(&mut part)
                        .map_err(frame_err)?;
                }
                _ => {
                    CsvWriter::new(&mut file)
                        .include_header(true)
                        .finish(&mut part)
                        .map_err(frame_err)?;
                }
            }
            let file = file.into_inner().map_err(|e| err(e.into_error()))?;
            file.sync_all().map_err(&err)?;
            files += 1;
        }
    }
    replace_dir(staging, out).map_err(&err)?;
    Ok(files)
}

/// The rows of each bureau as (offset, length): rows come grouped by bureau
/// (registers in code order, rows in file order), so one pass finds them —
/// filtering the whole frame once per bureau would grow with bureaus × rows.
fn runs(df: &DataFrame) -> Result<std::collections::HashMap<String, (i64, usize)>, ReportError> {
    let codes = df
        .column("bureau")
        .and_then(|c| c.str().cloned())
        .map_err(frame_err)?;
    let mut out: std::collections::HashMap<String, (i64, usize)> = std::collections::HashMap::new();
    let mut last: Option<&str> = None;
    for (i, code) in codes.iter().enumerate() {
        let code = code.unwrap_or_default();
        if last == Some(code) {
            if let Some(run) = out.get_mut(code) {
                run.1 += 1;
            }
            continue;
        }
        if out.contains_key(code) {
            // not grouped after all: a bug in the dataset's order
            return Err(ReportError::Frame(format!(
                "rows of bureau {code} are not contiguous"
            )));
        }
        out.insert(code.to_string(), (i as i64, 1));
        last = Some(code);
    }
    Ok(out)
}

/// One run of rows, without the partition keys (they are in the path).
fn partition(df: &DataFrame, run: Option<(i64, usize)>) -> Result<DataFrame, ReportError> {
    let (offset, len) = run.unwrap_or((0, 0));
    let mut part = df.slice(offset, len);
    for key in KEYS {
        part = part.drop(key).map_err(frame_err)?;
    }
    Ok(part)
}

/// `{"dataset": "riskreg", "version": 1, "year": Y, "tables": {"risks":
/// [{column: value, …}, …], …}}`: the same rows and columns as the Parquet
/// files, with `year` and `bureau` in every row.
fn json_document(ds: &Dataset, year: u16) -> Result<Vec<u8>, ReportError> {
    let mut tables = serde_json::Map::new();
    for (name, df) in &ds.frames {
        let columns = df.columns();
        let mut rows = Vec::with_capacity(df.height());
        for i in 0..df.height() {
            let mut row = serde_json::Map::new();
            for c in columns {
                let v = c.get(i).map_err(frame_err)?;
                row.insert(c.name().to_string(), json_value(&v));
            }
            rows.push(serde_json::Value::Object(row));
        }
        tables.insert((*name).to_string(), serde_json::Value::Array(rows));
    }
    let doc = serde_json::json!({
        "dataset": "riskreg",
        "version": 1,
        "year": year,
        "tables": tables,
    });
    let mut bytes =
        serde_json::to_vec_pretty(&doc).map_err(|e| ReportError::Render(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A cell of the dataset as JSON: only the types the dataset uses.
pub(super) fn json_value(v: &AnyValue) -> serde_json::Value {
    match v {
        AnyValue::Null => serde_json::Value::Null,
        AnyValue::Boolean(b) => serde_json::Value::Bool(*b),
        AnyValue::Int64(n) => serde_json::Value::from(*n),
        AnyValue::String(s) => serde_json::Value::from(*s),
        AnyValue::StringOwned(s) => serde_json::Value::from(s.as_str()),
        other => serde_json::Value::from(other.to_string()),
    }
}

/// Loads the registers of `year` under `root` (only `bureau`'s when given)
/// and writes their dataset to `out`. The caller has validated them: this
/// refuses only files that do not parse.
pub fn export_year(
    root: &Path,
    year: crate::model::FiscalYear,
    bureau: Option<&crate::model::BureauCode>,
    format: ExportFormat,
    out: &Path,
    replace: bool,
) -> Result<Written, ReportError> {
    let catalog = crate::store::Catalog::load(root).map_err(ReportError::Load)?;
    let (loaded, errors) =
        crate::store::load_year(root, year.be()).map_err(|e| ReportError::Load(vec![e]))?;
    if !errors.is_empty() {
        return Err(ReportError::Load(errors));
    }
    let registers = loaded.into_iter().map(|l| l.value).collect();
    export_registers(&catalog, registers, year, bureau, format, out, replace)
}

/// Writes the dataset of registers already read (and checked) with their
/// shared files, as `riskreg export` does after `check::load_year_for`:
/// only `year`'s registers, only `bureau`'s when given.
pub fn export_registers(
    catalog: &crate::store::Catalog,
    registers: Vec<crate::model::Register>,
    year: crate::model::FiscalYear,
    bureau: Option<&crate::model::BureauCode>,
    format: ExportFormat,
    out: &Path,
    replace: bool,
) -> Result<Written, ReportError> {
    let mut registers: Vec<crate::model::Register> = registers
        .into_iter()
        .filter(|r| r.year == year && bureau.is_none_or(|b| &r.bureau == b))
        .collect();
    if registers.is_empty() {
        return Err(ReportError::NoData { year });
    }
    // partitions and rows in bureau code order, whatever the file order
    registers.sort_by(|a, b| a.bureau.cmp(&b.bureau));
    let bureaus: Vec<String> = registers.iter().map(|r| r.bureau.to_string()).collect();
    let ds = super::dataset::dataset(&registers, &catalog.method_values())?;
    write_dataset(&ds, year.be(), &bureaus, format, out, replace)
}
