//! Why a typed or stored value does not read as a date, a month or an
//! amount, in both languages: the editor shows it beside the field in the
//! interface's language, files and the command line in English (its
//! `Display`). Each reason quotes what was found as it was typed.

use super::{Lang, quoted};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// A year outside 2500–2700 that is no Common-era year either.
    Year {
        year: u16,
    },
    /// A Common-era year (2024) where a Buddhist-era one (2567) belongs.
    CommonEraYear {
        year: u16,
    },
    Month {
        month: u8,
    },
    /// A day the month does not have.
    Day {
        year: u16,
        month: u8,
        days: u8,
        day: u8,
    },
    /// Not in any of the forms a date is written in.
    WrittenDate {
        found: String,
    },
    /// Not in the stored form `2567-01-12`.
    StoredDate {
        found: String,
    },
    /// Not in the stored form of a month, `2566-10`.
    YearMonth {
        found: String,
    },
    /// Not a number with at most two decimals.
    Decimal {
        found: String,
    },
    TooLarge {
        found: String,
    },
    /// An amount of money: what is wrong with the number.
    Baht(Box<Refused>),
}

impl Refused {
    pub fn text(&self, lang: Lang) -> String {
        let th = lang == Lang::Th;
        match self {
            Refused::Year { year } => match lang {
                Lang::Th => format!("ปี {year} อยู่นอกช่วง 2500–2700 (พ.ศ.)"),
                Lang::En => format!("year {year} is outside 2500–2700 (Buddhist era)"),
            },
            Refused::CommonEraYear { year } => {
                let be = u32::from(*year) + 543;
                match lang {
                    Lang::Th => format!("ปี {year} เป็นปี ค.ศ. ให้ใช้ปี พ.ศ. เช่น {be}"),
                    Lang::En => format!(
                        "year {year} looks like a Common-era year; files use the Buddhist era (พ.ศ.), e.g. {be}"
                    ),
                }
            }
            Refused::Month { month } if th => format!("ไม่มีเดือนที่ {month} (มี 1–12)"),
            Refused::Month { month } => format!("month {month} is not 1–12"),
            Refused::Day {
                year,
                month,
                days,
                day,
            } => match lang {
                Lang::Th => format!(
                    "เดือน {} {year} มีวันที่ 1–{days} ไม่มีวันที่ {day}",
                    super::calendar::thai_month(*month)
                ),
                Lang::En => format!("{year}-{month:02} has days 1–{days}, not {day}"),
            },
            Refused::WrittenDate { found } => match lang {
                Lang::Th => format!(
                    "ต้องเป็นวันที่ พ.ศ. เช่น 31/03/2567, 31/3/67, 31 มี.ค. 2567 หรือ 2567-03-31 แต่พบ {}",
                    quoted(found)
                ),
                Lang::En => format!(
                    "expected a Buddhist-era date such as 31/03/2567, 31/3/67, 31 มี.ค. 2567 or 2567-03-31, found {}",
                    quoted(found)
                ),
            },
            Refused::StoredDate { found } => match lang {
                Lang::Th => format!("ต้องเป็นวันที่ พ.ศ. เช่น \"2567-01-12\" แต่พบ {}", quoted(found)),
                Lang::En => format!(
                    "expected a Buddhist-era date like \"2567-01-12\", found {}",
                    quoted(found)
                ),
            },
            Refused::YearMonth { found } => match lang {
                Lang::Th => format!("ต้องเป็นเดือน พ.ศ. เช่น \"2566-10\" แต่พบ {}", quoted(found)),
                Lang::En => format!(
                    "expected a Buddhist-era month like \"2566-10\", found {}",
                    quoted(found)
                ),
            },
            Refused::Decimal { found } => match lang {
                Lang::Th => format!(
                    "ต้องเป็นตัวเลข ทศนิยมไม่เกินสองตำแหน่ง เช่น \"1234.50\" แต่พบ {}",
                    quoted(found)
                ),
                Lang::En => format!(
                    "expected a number with at most two decimals like \"1234.50\", found {}",
                    quoted(found)
                ),
            },
            Refused::TooLarge { found } if th => format!("{} มากเกินไป", quoted(found)),
            Refused::TooLarge { found } => format!("{} is too large", quoted(found)),
            Refused::Baht(why) if th => format!("จำนวนเงิน (บาท): {}", why.text(lang)),
            Refused::Baht(why) => format!("amount in baht: {}", why.text(lang)),
        }
    }
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for Refused {}

/// Where a reason is carried as text (the store's errors, the command
/// line), it is the English one.
impl From<Refused> for String {
    fn from(r: Refused) -> String {
        r.to_string()
    }
}

/// Where a reason is kept to be worded later (import's cell problems), it
/// is kept in both languages.
impl From<Refused> for super::Label {
    fn from(r: Refused) -> super::Label {
        super::Label::new(r.text(Lang::Th), r.text(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_reads_in_both_languages() {
        let all = [
            Refused::Year { year: 1900 },
            Refused::CommonEraYear { year: 2024 },
            Refused::Month { month: 13 },
            Refused::Day {
                year: 2567,
                month: 2,
                days: 29,
                day: 30,
            },
            Refused::WrittenDate { found: "x".into() },
            Refused::StoredDate { found: "x".into() },
            Refused::YearMonth { found: "x".into() },
            Refused::Decimal { found: "x".into() },
            Refused::TooLarge { found: "9".into() },
            Refused::Baht(Box::new(Refused::Decimal { found: "x".into() })),
        ];
        for r in all {
            let (th, en) = (r.text(Lang::Th), r.text(Lang::En));
            assert!(
                th.chars().any(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c)),
                "{th}"
            );
            assert_ne!(th, en);
            assert_eq!(r.to_string(), en);
        }
        assert_eq!(
            Refused::CommonEraYear { year: 2024 }.text(Lang::Th),
            "ปี 2024 เป็นปี ค.ศ. ให้ใช้ปี พ.ศ. เช่น 2567"
        );
    }
}
