//! Dates in the Buddhist era (พ.ศ. = ค.ศ. + 543) and the Thai fiscal year,
//! which runs from 1 October to 30 September: FY2567 = 1 Oct 2566 – 30 Sep 2567.

use super::Refused;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Years between the Buddhist and the Common era.
pub const BE_OFFSET: i32 = 543;

const THAI_MONTHS: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];
const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The Thai name of month 1–12 (`ตุลาคม` for 10).
pub fn thai_month(month: u8) -> &'static str {
    THAI_MONTHS[usize::from(month.clamp(1, 12)) - 1]
}

/// The English name of month 1–12.
pub fn english_month(month: u8) -> &'static str {
    ENGLISH_MONTHS[usize::from(month.clamp(1, 12)) - 1]
}

fn is_leap_ce(year_ce: i32) -> bool {
    (year_ce % 4 == 0 && year_ce % 100 != 0) || year_ce % 400 == 0
}

/// Days in a month of a Buddhist-era year.
pub fn days_in_month(year_be: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_ce(i32::from(year_be) - BE_OFFSET) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Years we accept in files: generous, but enough to catch a ค.ศ. year
/// (2024) typed where a พ.ศ. year (2567) belongs.
const MIN_BE_YEAR: u16 = 2500;
const MAX_BE_YEAR: u16 = 2700;

fn check_year(year: u16) -> Result<(), Refused> {
    if (MIN_BE_YEAR..=MAX_BE_YEAR).contains(&year) {
        Ok(())
    } else if (MIN_BE_YEAR - 543..=MAX_BE_YEAR - 543).contains(&year) {
        Err(Refused::CommonEraYear { year })
    } else {
        Err(Refused::Year { year })
    }
}

/// A fiscal year named by its Buddhist-era year: `FiscalYear(2567)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct FiscalYear(u16);

impl FiscalYear {
    pub fn new(year_be: u16) -> Result<Self, String> {
        check_year(year_be)?;
        Ok(FiscalYear(year_be))
    }
    pub fn be(self) -> u16 {
        self.0
    }
    /// The first day: 1 October of the previous Buddhist-era year.
    pub fn start(self) -> Date {
        Date {
            year: self.0 - 1,
            month: 10,
            day: 1,
        }
    }
    /// The last day: 30 September.
    pub fn end(self) -> Date {
        Date {
            year: self.0,
            month: 9,
            day: 30,
        }
    }
    /// The last day of a cumulative round of `months` months from 1 October
    /// (6 → 31 March, 12 → 30 September). `months` is clamped to 1–12.
    pub fn round_end(self, months: u8) -> Date {
        let months = months.clamp(1, 12);
        // month index counted from October (0) onwards
        let m0 = 9 + u16::from(months) - 1;
        let year = self.0 - 1 + m0 / 12;
        let month = (m0 % 12 + 1) as u8;
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }
    pub fn contains(self, date: Date) -> bool {
        self.start() <= date && date <= self.end()
    }
    pub fn next(self) -> FiscalYear {
        FiscalYear(self.0 + 1)
    }
}

impl TryFrom<u16> for FiscalYear {
    type Error = String;
    fn try_from(v: u16) -> Result<Self, String> {
        FiscalYear::new(v)
    }
}

impl From<FiscalYear> for u16 {
    fn from(y: FiscalYear) -> u16 {
        y.0
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A calendar day in the Buddhist era, written `"2567-01-12"` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    pub fn new(year_be: u16, month: u8, day: u8) -> Result<Self, Refused> {
        check_year(year_be)?;
        if !(1..=12).contains(&month) {
            return Err(Refused::Month { month });
        }
        let dim = days_in_month(year_be, month);
        if day == 0 || day > dim {
            return Err(Refused::Day {
                year: year_be,
                month,
                days: dim,
                day,
            });
        }
        Ok(Date {
            year: year_be,
            month,
            day,
        })
    }
    /// From a Common-era date.
    pub fn from_ce(year_ce: i32, month: u8, day: u8) -> Result<Self, String> {
        let be = u16::try_from(year_ce + BE_OFFSET)
            .map_err(|_| format!("year {year_ce} is out of range"))?;
        Ok(Date::new(be, month, day)?)
    }
    /// The date in Thailand (UTC+7, no daylight saving) at `unix_secs`
    /// seconds after 1970-01-01 00:00 UTC: the caller reads the clock, so this
    /// stays pure.
    pub fn in_thailand_at(unix_secs: u64) -> Result<Self, String> {
        let days = i64::try_from((unix_secs + 7 * 3600) / 86_400)
            .map_err(|_| format!("{unix_secs} seconds is out of range"))?;
        // days since 1970-01-01 to a Gregorian date (Howard Hinnant's
        // civil_from_days), so no date library is needed for one conversion
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = i32::try_from(year).map_err(|_| format!("year {year} is out of range"))?;
        Date::from_ce(year, month, day)
    }
    pub fn year_be(self) -> u16 {
        self.year
    }
    pub fn year_ce(self) -> i32 {
        i32::from(self.year) - BE_OFFSET
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }
    /// The fiscal year the day falls in.
    pub fn fiscal_year(self) -> FiscalYear {
        FiscalYear(if self.month >= 10 {
            self.year + 1
        } else {
            self.year
        })
    }
    /// ISO 8601 in the Common era, for tools that expect it: `2024-01-12`.
    pub fn iso_ce(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year_ce(), self.month, self.day)
    }
    /// As Thai documents write it: `12 มกราคม 2567`.
    pub fn thai_long(self) -> String {
        format!("{} {} {}", self.day, thai_month(self.month), self.year)
    }
}

impl TryFrom<String> for Date {
    type Error = Refused;
    fn try_from(s: String) -> Result<Self, Refused> {
        let bad = || Refused::StoredDate { found: s.clone() };
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let y: u16 = y.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        let d: u8 = d.parse().map_err(|_| bad())?;
        Date::new(y, m, d)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A month in the Buddhist era, written `"2566-10"`: the unit of a measure's timeframe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    pub fn new(year_be: u16, month: u8) -> Result<Self, Refused> {
        check_year(year_be)?;
        if !(1..=12).contains(&month) {
            return Err(Refused::Month { month });
        }
        Ok(YearMonth {
            year: year_be,
            month,
        })
    }
    pub fn year_be(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: 1,
        }
    }
    pub fn last_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: days_in_month(self.year, self.month),
        }
    }
    /// The same month a year later (for rolling a register over).
    pub fn next_year(self) -> YearMonth {
        YearMonth {
            year: self.year + 1,
            month: self.month,
        }
    }
    /// `ต.ค. 2566`-style long form: `ตุลาคม 2566`.
    pub fn thai_long(self) -> String {
        format!("{} {}", thai_month(self.month), self.year)
    }
}

impl TryFrom<String> for YearMonth {
    type Error = Refused;
    fn try_from(s: String) -> Result<Self, Refused> {
        let bad = || Refused::YearMonth { found: s.clone() };
        let Some((y, m)) = s.split_once('-') else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let y: u16 = y.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        YearMonth::new(y, m)
    }
}

impl From<YearMonth> for String {
    fn from(m: YearMonth) -> String {
        m.to_string()
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_date_in_thailand_is_seven_hours_ahead_of_utc() {
        // 1970-01-01 00:00 UTC is 07:00 in Bangkok, 1 January 2513
        assert_eq!(
            Date::in_thailand_at(0),
            Date::new(2513, 1, 1).map_err(String::from)
        );
        // 2023-11-14 22:13:20 UTC is already 15 November in Bangkok
        assert_eq!(
            Date::in_thailand_at(1_700_000_000),
            Date::new(2566, 11, 15).map_err(String::from)
        );
        // 2024-02-29 (a leap day), 12:00 UTC
        assert_eq!(
            Date::in_thailand_at(1_709_208_000),
            Date::new(2567, 2, 29).map_err(String::from)
        );
        assert_eq!(
            Date::in_thailand_at(20_415 * 86_400),
            Date::new(2568, 11, 23).map_err(String::from)
        );
    }

    use super::*;

    fn d(s: &str) -> Date {
        Date::try_from(s.to_string()).expect(s)
    }

    #[test]
    fn fiscal_year_2567_runs_from_october_2566_to_september_2567() {
        let fy = FiscalYear::new(2567).unwrap();
        assert_eq!(fy.start(), d("2566-10-01"));
        assert_eq!(fy.end(), d("2567-09-30"));
        assert_eq!(fy.start().iso_ce(), "2023-10-01");
        assert_eq!(fy.end().iso_ce(), "2024-09-30");
    }

    #[test]
    fn round_ends_fall_on_the_last_day_of_their_month() {
        let fy = FiscalYear::new(2567).unwrap();
        assert_eq!(fy.round_end(3), d("2566-12-31"));
        assert_eq!(fy.round_end(6), d("2567-03-31"));
        assert_eq!(fy.round_end(9), d("2567-06-30"));
        assert_eq!(fy.round_end(12), d("2567-09-30"));
        // 2567 BE = 2024 CE is a leap year: a 5-month round ends 29 February
        assert_eq!(fy.round_end(5), d("2567-02-29"));
    }

    #[test]
    fn dates_convert_between_eras_and_know_their_fiscal_year() {
        let day = d("2567-01-12");
        assert_eq!(day.year_ce(), 2024);
        assert_eq!(Date::from_ce(2024, 1, 12).unwrap(), day);
        assert_eq!(day.fiscal_year().be(), 2567);
        assert_eq!(d("2566-10-01").fiscal_year().be(), 2567);
        assert_eq!(d("2566-09-30").fiscal_year().be(), 2566);
        assert_eq!(day.thai_long(), "12 มกราคม 2567");
    }

    #[test]
    fn invalid_dates_are_refused_with_reasons() {
        assert!(Date::try_from("2567-02-29".to_string()).is_ok());
        assert!(Date::try_from("2566-02-29".to_string()).is_err()); // 2023 CE
        assert!(Date::try_from("2567-13-01".to_string()).is_err());
        assert!(Date::try_from("2567-1-12".to_string()).is_err());
        let err = Date::try_from("2024-01-12".to_string())
            .unwrap_err()
            .to_string();
        assert!(err.contains("Common-era"), "{err}");
        assert!(FiscalYear::new(2024).is_err());
        assert!(YearMonth::try_from("2566-10".to_string()).is_ok());
        assert!(YearMonth::try_from("2566-00".to_string()).is_err());
    }
}
