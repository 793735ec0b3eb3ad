//! A sheet read as a table: columns found by their header text, and typed
//! reads of a row's cells that record what they could not read, with the
//! cell's place, instead of stopping at the first.

use super::cells::{Problem, Sheet, date_of, expected, int_of, is_blank, text_of};
use crate::model::{Date, Label, YearMonth};
use calamine::Data;
use std::collections::HashMap;

/// A sheet with its columns by name.
pub struct Table<'a> {
    pub sheet: &'a Sheet,
    columns: HashMap<String, u32>,
}

impl<'a> Table<'a> {
    /// The table whose header row is `header_row`, every column of `needed`
    /// present; what is missing is recorded and `None` returned.
    pub fn new(
        sheet: &'a Sheet,
        header_row: u32,
        needed: &[&str],
        problems: &mut Vec<Problem>,
    ) -> Option<Table<'a>> {
        let mut columns = HashMap::new();
        for c in 0..sheet.end_col() {
            if let Some(name) = text_of(sheet.cell(header_row, c)) {
                columns.entry(name.trim().to_string()).or_insert(c);
            }
        }
        let missing: Vec<&str> = needed
            .iter()
            .copied()
            .filter(|n| !columns.contains_key(*n))
            .collect();
        if !missing.is_empty() {
            problems.push(Problem::row(
                &sheet.name,
                header_row,
                Label::new(
                    format!("ไม่มีคอลัมน์ {} ในแถวหัวตาราง", missing.join(", ")),
                    format!(
                        "expected the column{} {} in the header row",
                        if missing.len() == 1 { "" } else { "s" },
                        missing.join(", ")
                    ),
                ),
            ));
            return None;
        }
        Some(Table { sheet, columns })
    }

    pub fn column(&self, name: &str) -> Option<u32> {
        self.columns.get(name).copied()
    }

    /// The cells of one row, reporting into `problems`.
    pub fn row<'p>(&'a self, row: u32, problems: &'p mut Vec<Problem>) -> Row<'a, 'p> {
        Row {
            table: self,
            row,
            problems,
        }
    }
}

/// Typed reads of one row. A read that fails records a problem at the cell
/// and returns `None`; the caller carries on, so every bad cell is found.
pub struct Row<'a, 'p> {
    table: &'a Table<'a>,
    pub row: u32,
    pub problems: &'p mut Vec<Problem>,
}

impl Row<'_, '_> {
    fn col(&self, name: &str) -> u32 {
        // every column read was required when the table was made
        self.table.column(name).unwrap_or(u32::MAX)
    }

    pub fn cell(&self, name: &str) -> &Data {
        self.table.sheet.cell(self.row, self.col(name))
    }

    pub fn blank(&self, name: &str) -> bool {
        is_blank(self.cell(name))
    }

    /// Records a problem at the cell of column `name`.
    pub fn problem(&mut self, name: &str, message: Label) {
        let col = self.col(name);
        self.problems.push(Problem::at(
            &self.table.sheet.name,
            self.row,
            col,
            Label::new(
                format!("{name}: {}", message.th),
                format!("{name}: {}", message.en),
            ),
        ));
    }

    fn expected(&mut self, name: &str, what: &Label, reason: Option<Label>) {
        let message = expected(what, self.cell(name), reason.as_ref());
        self.problem(name, message);
    }

    /// Text; an empty cell is the empty text.
    pub fn text(&mut self, name: &str) -> String {
        match self.cell(name) {
            Data::Empty => String::new(),
            d => match text_of(d) {
                Some(s) => s,
                None => {
                    self.expected(name, &Label::new("ข้อความ", "text"), None);
                    String::new()
                }
            },
        }
    }

    /// Text, `None` for an empty cell.
    pub fn opt_text(&mut self, name: &str) -> Option<String> {
        let s = self.text(name);
        (!s.is_empty()).then_some(s)
    }

    /// A value read from the cell's text by `parse` (its error: why not, in
    /// both languages, or empty); an empty cell is refused as not `expected`.
    pub fn parse<T>(
        &mut self,
        name: &str,
        expected: &Label,
        parse: impl FnOnce(&str) -> Result<T, Label>,
    ) -> Option<T> {
        match self.opt_parse(name, expected, parse) {
            Some(Some(v)) => Some(v),
            Some(None) => {
                self.expected(name, expected, None);
                None
            }
            None => None,
        }
    }

    /// [`Row::parse`], with `Some(None)` for an empty cell.
    pub fn opt_parse<T>(
        &mut self,
        name: &str,
        expected: &Label,
        parse: impl FnOnce(&str) -> Result<T, Label>,
    ) -> Option<Option<T>> {
        if self.blank(name) {
            return Some(None);
        }
        let Some(text) = text_of(self.cell(name)) else {
            self.expected(name, expected, None);
            return None;
        };
        match parse(text.trim()) {
            Ok(v) => Some(Some(v)),
            Err(reason) => {
                self.expected(name, expected, Some(reason));
                None
            }
        }
    }

    /// One of a fixed list of words (the RON variant names).
    pub fn choice<T: Clone>(&mut self, name: &str, options: &[(&str, T)]) -> Option<T> {
        let words: Vec<&str> = options.iter().map(|(w, _)| *w).collect();
        let expected = one_of(&words);
        self.parse(name, &expected, |s| {
            options
                .iter()
                .find(|(w, _)| w.eq_ignore_ascii_case(s))
                .map(|(_, v)| v.clone())
                .ok_or_else(Label::default)
        })
    }

    /// A whole number in `range`; `Some(None)` for an empty cell.
    pub fn opt_int(
        &mut self,
        name: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<Option<i64>> {
        if self.blank(name) {
            return Some(None);
        }
        match int_of(self.cell(name)) {
            Some(n) if range.contains(&n) => Some(Some(n)),
            _ => {
                self.expected(name, &whole_number(&range), None);
                None
            }
        }
    }

    /// A whole number in `range`, required.
    pub fn int(&mut self, name: &str, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
        match self.opt_int(name, range.clone()) {
            Some(Some(n)) => Some(n),
            Some(None) => {
                self.expected(name, &whole_number(&range), None);
                None
            }
            None => None,
        }
    }

    /// TRUE / FALSE; an empty cell is FALSE.
    pub fn flag(&mut self, name: &str) -> Option<bool> {
        match self.cell(name) {
            Data::Bool(b) => Some(*b),
            Data::Empty => Some(false),
            d => match text_of(d).as_deref().map(str::trim) {
                Some(s) if s.eq_ignore_ascii_case("true") => Some(true),
                Some(s) if s.eq_ignore_ascii_case("false") || s.is_empty() => Some(false),
                _ => {
                    self.expected(name, &Label::new("TRUE หรือ FALSE", "TRUE or FALSE"), None);
                    None
                }
            },
        }
    }

    /// A day: a date cell, or text in the stored form (`2567-03-31`) or any
    /// form Thai officials write (`31/03/2567`, `31 มี.ค. 67`).
    pub fn opt_date(&mut self, name: &str) -> Option<Option<Date>> {
        if let Some(d) = date_of(self.cell(name)) {
            return Some(Some(d));
        }
        self.opt_parse(name, &a_date(), |s| {
            Date::parse_written(s).map_err(Label::from)
        })
    }

    pub fn date(&mut self, name: &str) -> Option<Date> {
        match self.opt_date(name) {
            Some(Some(d)) => Some(d),
            Some(None) => {
                self.expected(name, &a_date(), None);
                None
            }
            None => None,
        }
    }

    /// A month: `2566-10`, or a date cell (its month).
    pub fn month(&mut self, name: &str) -> Option<YearMonth> {
        if let Some(d) = date_of(self.cell(name)) {
            return YearMonth::new(d.year_be(), d.month()).ok();
        }
        let month = Label::new(
            "เดือน พ.ศ. เช่น 2566-10",
            "a Buddhist-era month such as 2566-10",
        );
        self.parse(name, &month, |s| {
            YearMonth::try_from(s.to_string()).map_err(Label::from)
        })
    }
}

/// `a, b or c` (`a, b หรือ c`), for messages.
pub fn one_of(words: &[&str]) -> Label {
    match words {
        [] => Label::default(),
        [one] => Label::new(*one, *one),
        [rest @ .., last] => Label::new(
            format!("{} หรือ {last}", rest.join(", ")),
            format!("{} or {last}", rest.join(", ")),
        ),
    }
}

fn whole_number(range: &std::ops::RangeInclusive<i64>) -> Label {
    Label::new(
        format!("จำนวนเต็ม {}–{}", range.start(), range.end()),
        format!("a whole number {}–{}", range.start(), range.end()),
    )
}

fn a_date() -> Label {
    Label::new(
        "วันที่ พ.ศ. เช่น 2567-03-31",
        "a Buddhist-era date such as 2567-03-31",
    )
}
