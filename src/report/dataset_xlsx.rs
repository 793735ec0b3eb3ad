//! The dataset as one xlsx workbook: the one a user edits in Excel and
//! brings back with `riskreg import`, so it holds every field of the
//! registers and nothing a reader would have to guess.
//!
//! Layout (docs/file-format.md, "The dataset in a workbook"): a first sheet
//! `dataset` with the name, version and year of the dataset; then one sheet
//! per table, named like it, whose first row holds the column names exactly
//! as in the Parquet files and each further row one row of the table, in
//! file order. Text is always written as text (a title starting with `=` is
//! not a formula, `80.00` is not a number), integers as numbers, flags as
//! TRUE/FALSE, and a missing value as an empty cell.

use super::ReportError;
use super::dataset::Dataset;
use polars::prelude::*;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

fn xerr(e: XlsxError) -> ReportError {
    ReportError::Render(e.to_string())
}

/// The workbook's bytes.
pub fn workbook(ds: &Dataset, year: u16) -> Result<Vec<u8>, ReportError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let about = book.add_worksheet();
    about.set_name("dataset").map_err(xerr)?;
    for (r, (key, value)) in [("dataset", "riskreg"), ("version", "1")]
        .into_iter()
        .enumerate()
    {
        about
            .write_string_with_format(r as u32, 0, key, &bold)
            .map_err(xerr)?;
        about.write_string(r as u32, 1, value).map_err(xerr)?;
    }
    about
        .write_string_with_format(2, 0, "year", &bold)
        .map_err(xerr)?;
    about.write_number(2, 1, f64::from(year)).map_err(xerr)?;
    for (name, df) in &ds.frames {
        let ws = book.add_worksheet();
        ws.set_name(*name).map_err(xerr)?;
        sheet(ws, df, &bold)?;
    }
    book.save_to_buffer().map_err(xerr)
}

fn sheet(ws: &mut Worksheet, df: &DataFrame, bold: &Format) -> Result<(), ReportError> {
    for (c, column) in df.columns().iter().enumerate() {
        let c = u16::try_from(c).map_err(|e| ReportError::Render(e.to_string()))?;
        ws.write_string_with_format(0, c, column.name().as_str(), bold)
            .map_err(xerr)?;
        for i in 0..df.height() {
            let row = u32::try_from(i + 1).map_err(|e| ReportError::Render(e.to_string()))?;
            let value = column
                .get(i)
                .map_err(|e| ReportError::Frame(e.to_string()))?;
            match value {
                AnyValue::Null => {}
                AnyValue::Boolean(b) => {
                    ws.write_boolean(row, c, b).map_err(xerr)?;
                }
                // satang and ratings: exact as long as they stay below 2^53
                AnyValue::Int64(n) => {
                    ws.write_number(row, c, n as f64).map_err(xerr)?;
                }
                AnyValue::String(s) => {
                    ws.write_string(row, c, s).map_err(xerr)?;
                }
                other => {
                    ws.write_string(row, c, other.to_string()).map_err(xerr)?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0).map_err(xerr)?;
    Ok(())
}
