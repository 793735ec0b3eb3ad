//! Registers brought in from Excel (`riskreg import`): the workbook
//! `riskreg export --format xlsx` writes, read back field for field, or a
//! workbook as an office keeps it, read through a mapping file. Either way
//! the result is a [`Register`], or every cell that could not be read with
//! its sheet, row and column; writing it is the caller's (the CLI's) job.

pub mod cells;
pub mod export_layout;
pub mod mapping;
mod table;
pub mod words;

pub use cells::{Problem, Workbook};

use crate::model::{BureauCode, FiscalYear, Register};
use crate::store::Catalog;

/// Reads the register of `bureau` for `year` from `book`: through `mapping`
/// when one is given, else as an exported workbook.
pub fn read(
    book: &Workbook,
    year: FiscalYear,
    bureau: &BureauCode,
    mapping: Option<&mapping::Mapping>,
    catalog: &Catalog,
) -> Result<Register, Vec<Problem>> {
    match mapping {
        Some(m) => mapping::read(book, m, year, bureau, catalog),
        None if export_layout::is_export(book) => export_layout::read(book, year, bureau),
        None => Err(vec![Problem::sheet(
            book.sheets.first().map_or("", |s| s.name.as_str()),
            crate::model::Label::new(
                "ต้องเป็นสมุดงานที่ riskreg export --format xlsx เขียน (ชีตแรกชื่อ dataset \
                 และ A1:B1 เป็น dataset = riskreg) สำหรับสมุดงานที่เก็บแบบอื่น \
                 ให้ระบุไฟล์การจับคู่ด้วย --mapping (docs/import.md)",
                "expected the workbook riskreg export --format xlsx writes (a first sheet \
                 named dataset with dataset = riskreg in A1:B1); for a workbook kept another \
                 way, give a mapping file with --mapping (docs/import.md)",
            ),
        )]),
    }
}
