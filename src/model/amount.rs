//! Exact decimal quantities: money in satang and percentages in hundredths.
//!
//! Files hold them as strings with two decimals (`"10075.00"`), which auditors
//! read as baht and which never pass through floating point.

use super::Refused;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Parses a non-negative decimal with at most two fractional digits into
/// hundredths: `"12"` → 1200, `"12.5"` → 1250, `"0.07"` → 7.
pub fn parse_hundredths(s: &str) -> Result<i64, Refused> {
    let expected = || Refused::Decimal {
        found: s.to_string(),
    };
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, f),
        None => (s, ""),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return Err(expected());
    }
    if frac.len() > 2
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (s.contains('.') && frac.is_empty())
    {
        return Err(expected());
    }
    let whole: i64 = whole.parse().map_err(|_| Refused::TooLarge {
        found: s.to_string(),
    })?;
    let mut cents: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| expected())?
    };
    if frac.len() == 1 {
        cents *= 10;
    }
    whole
        .checked_mul(100)
        .and_then(|v| v.checked_add(cents))
        .ok_or_else(|| Refused::TooLarge {
            found: s.to_string(),
        })
}

/// Formats hundredths with two decimals and no grouping: 1007500 → `"10075.00"`.
pub fn format_hundredths(v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

/// Formats hundredths with thousands separators: 1007500 → `"10,075.00"`.
pub fn format_hundredths_grouped(v: i64) -> String {
    let plain = format_hundredths(v);
    let (sign, rest) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |r| ("-", r));
    let (whole, frac) = rest.split_once('.').unwrap_or((rest, "00"));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped}.{frac}")
}

/// An amount of money in satang (1/100 baht). Never negative in a file.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_satang(satang: i64) -> Self {
        Money(satang)
    }
    pub fn from_baht(baht: i64) -> Self {
        Money(baht * 100)
    }
    pub fn satang(self) -> i64 {
        self.0
    }
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }
    /// Baht with separators, as official documents print it: `10,075.00`.
    pub fn grouped(self) -> String {
        format_hundredths_grouped(self.0)
    }
}

impl TryFrom<String> for Money {
    type Error = Refused;
    fn try_from(s: String) -> Result<Self, Refused> {
        parse_hundredths(&s)
            .map(Money)
            .map_err(|e| Refused::Baht(Box::new(e)))
    }
}

impl From<Money> for String {
    fn from(m: Money) -> String {
        format_hundredths(m.0)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_hundredths(self.0))
    }
}

/// A decimal with two fractional digits, used for percentages and other
/// measured values (`"98.79"`), held as hundredths.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct Decimal2(i64);

impl Decimal2 {
    pub fn from_hundredths(v: i64) -> Self {
        Decimal2(v)
    }
    pub fn hundredths(self) -> i64 {
        self.0
    }
}

impl TryFrom<String> for Decimal2 {
    type Error = Refused;
    fn try_from(s: String) -> Result<Self, Refused> {
        parse_hundredths(&s).map(Decimal2)
    }
}

impl From<Decimal2> for String {
    fn from(d: Decimal2) -> String {
        format_hundredths(d.0)
    }
}

impl fmt::Display for Decimal2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_hundredths(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_whole_and_fractional_baht_exactly() {
        assert_eq!(parse_hundredths("91200"), Ok(9_120_000));
        assert_eq!(parse_hundredths("10075.00"), Ok(1_007_500));
        assert_eq!(parse_hundredths("0.5"), Ok(50));
        assert_eq!(parse_hundredths("0.07"), Ok(7));
    }

    #[test]
    fn refuses_what_is_not_an_exact_amount() {
        for bad in ["", "1.", ".5", "1.234", "1,000", "-5", "1e3", " 1", "๑๐"] {
            assert!(parse_hundredths(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(parse_hundredths("99999999999999999999").is_err());
    }

    #[test]
    fn formats_plain_and_grouped() {
        assert_eq!(format_hundredths(1_007_500), "10075.00");
        assert_eq!(format_hundredths(7), "0.07");
        assert_eq!(format_hundredths(-150), "-1.50");
        assert_eq!(format_hundredths_grouped(9_120_000), "91,200.00");
        assert_eq!(format_hundredths_grouped(100), "1.00");
        assert_eq!(format_hundredths_grouped(12_345_678_900), "123,456,789.00");
        assert_eq!(format_hundredths_grouped(-8_112_500), "-81,125.00");
    }
}
