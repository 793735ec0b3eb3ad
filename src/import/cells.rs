//! A workbook's cells as the importers see them: every sheet read whole,
//! addressed by absolute row and column (0-based, as calamine counts; shown
//! 1-based and as `F12` to people), with its merged regions; and what a
//! cell could not be read as, with its place.

use crate::model::quoted;
use crate::visible::one_line;
use calamine::{Data, Dimensions, Range, Reader, Xlsx};
use std::fmt;
use std::io::{Read, Seek};
use std::path::Path;

/// One worksheet: its cells and its merged regions.
pub struct Sheet {
    pub name: String,
    range: Range<Data>,
    merged: Vec<Dimensions>,
}

/// The sheets of a workbook, in order.
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

const EMPTY: Data = Data::Empty;

impl Workbook {
    /// Reads every sheet of an xlsx file.
    pub fn open(path: &Path) -> Result<Workbook, String> {
        crate::store::atomic::require_regular(path).map_err(|e| e.to_string())?;
        let book: Xlsx<_> = calamine::open_workbook(path).map_err(|e| {
            format!("not an xlsx workbook ({e}); save it from Excel as .xlsx (Excel Workbook)")
        })?;
        Self::read(book)
    }

    /// Reads every sheet of an xlsx held in memory.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Workbook, String> {
        let book = Xlsx::new(std::io::Cursor::new(bytes))
            .map_err(|e| format!("not an xlsx workbook ({e})"))?;
        Self::read(book)
    }

    fn read<R: Read + Seek>(mut book: Xlsx<R>) -> Result<Workbook, String> {
        let mut sheets = Vec::new();
        for name in book.sheet_names() {
            let range = book
                .worksheet_range(&name)
                .map_err(|e| format!("sheet {}: {e}", quoted(&name)))?;
            let merged = book
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| format!("sheet {}: {e}", quoted(&name)))?;
            sheets.push(Sheet {
                name,
                range,
                merged,
            });
        }
        Ok(Workbook { sheets })
    }

    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }

    pub fn names(&self) -> Vec<String> {
        self.sheets.iter().map(|s| quoted(&s.name)).collect()
    }
}

impl Sheet {
    /// The cell at an absolute position, as stored (a merged region holds
    /// its value in its top-left cell only).
    pub fn cell(&self, row: u32, col: u32) -> &Data {
        self.range.get_value((row, col)).unwrap_or(&EMPTY)
    }

    /// The merged region covering a cell, if any.
    pub fn merge_of(&self, row: u32, col: u32) -> Option<&Dimensions> {
        self.merged.iter().find(|d| d.contains(row, col))
    }

    /// The value shown at a cell: inside a merged region, the region's.
    pub fn shown(&self, row: u32, col: u32) -> &Data {
        match self.merge_of(row, col) {
            Some(d) => self.cell(d.start.0, d.start.1),
            None => self.cell(row, col),
        }
    }

    /// One past the last row that holds anything.
    pub fn end_row(&self) -> u32 {
        self.range.end().map_or(0, |(r, _)| r + 1)
    }

    /// One past the last column that holds anything.
    pub fn end_col(&self) -> u32 {
        self.range.end().map_or(0, |(_, c)| c + 1)
    }
}

/// The column letters of a 0-based column: 0 → `A`, 26 → `AA`.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The A1 reference of a 0-based cell: (11, 5) → `F12`.
pub fn a1(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// A cell (or a row, or a whole sheet) that could not be read, and what was
/// expected there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub sheet: String,
    /// 0-based row; `None` for the sheet as a whole.
    pub row: Option<u32>,
    /// 0-based column; `None` for a whole row.
    pub col: Option<u32>,
    pub message: String,
}

impl Problem {
    pub fn at(sheet: &str, row: u32, col: u32, message: impl Into<String>) -> Self {
        Problem {
            sheet: sheet.to_string(),
            row: Some(row),
            col: Some(col),
            message: message.into(),
        }
    }
    pub fn row(sheet: &str, row: u32, message: impl Into<String>) -> Self {
        Problem {
            sheet: sheet.to_string(),
            row: Some(row),
            col: None,
            message: message.into(),
        }
    }
    pub fn sheet(sheet: &str, message: impl Into<String>) -> Self {
        Problem {
            sheet: sheet.to_string(),
            row: None,
            col: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // the sheet name and the message hold text from the workbook: shown
        // with their control characters escaped, on one line
        let sheet = quoted(&self.sheet);
        match (self.row, self.col) {
            (Some(r), Some(c)) => write!(
                f,
                "sheet {sheet} {} (row {}, column {}): ",
                a1(r, c),
                r + 1,
                column_letters(c)
            ),
            (Some(r), None) => write!(f, "sheet {sheet} row {}: ", r + 1),
            _ => write!(f, "sheet {sheet}: "),
        }?;
        f.write_str(&one_line(&self.message))
    }
}

/// A cell's content as a person would read it in Excel, for messages.
pub fn shown_text(d: &Data) -> String {
    match d {
        Data::Empty => "an empty cell".into(),
        Data::String(s) => quoted(s),
        Data::Float(f) => format!("the number {f}"),
        Data::Int(i) => format!("the number {i}"),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
        Data::DateTime(d) => format!("the date-time value {}", d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => quoted(s),
        Data::Error(e) => format!("the error {e}"),
    }
}

/// A cell as text: text as it is, a whole number without `.0`, a flag as
/// `true` / `false` (as the files write them); `None` for an empty cell or
/// one that holds no value (a formula error, a date: see [`date_of`]).
pub fn text_of(d: &Data) -> Option<String> {
    match d {
        Data::String(s) => Some(s.clone()),
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(format!("{}", *f as i64)),
        Data::Float(f) => Some(f.to_string()),
        Data::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A whole number: a number cell, or text of digits.
pub fn int_of(d: &Data) -> Option<i64> {
    match d {
        Data::Int(i) => Some(*i),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(*f as i64),
        Data::String(s) => crate::model::written_date::ascii_digits(s.trim())
            .parse()
            .ok(),
        _ => None,
    }
}

/// A day from a date cell (Excel counts in the Common era).
pub fn date_of(d: &Data) -> Option<crate::model::Date> {
    match d {
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            crate::model::Date::from_ce(i32::from(y), m, day).ok()
        }
        _ => None,
    }
}

/// Whether a cell holds nothing (empty, or only white space).
pub fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_as_excel_writes_them() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(11, 5), "F12");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn a_problem_names_its_place_and_hides_control_characters() {
        let p = Problem::at(
            "risks\u{1b}[2J",
            2,
            7,
            "expected a level, found \"x\u{1b}\"",
        );
        let text = p.to_string();
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("H3 (row 3, column H)"), "{text}");
    }

    #[test]
    fn numbers_read_as_text_without_a_trailing_zero() {
        assert_eq!(text_of(&Data::Float(80.0)).as_deref(), Some("80"));
        assert_eq!(text_of(&Data::Float(80.5)).as_deref(), Some("80.5"));
        assert_eq!(text_of(&Data::Bool(true)).as_deref(), Some("true"));
        assert_eq!(int_of(&Data::String(" ๓ ".into())), Some(3));
        assert_eq!(int_of(&Data::Float(2.5)), None);
    }
}
