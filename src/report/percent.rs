//! The one rounding rule of every percentage in a report.
//!
//! A percentage is `part / whole × 100`, computed on exact integers (counts,
//! or satang) and rounded to two decimals half away from zero: 1/3 → 33.33,
//! 1/8 → 12.50, 1/16 = 6.25 exactly, 1/32 = 3.125 → 3.13. No floating point
//! is involved anywhere, so the same inputs always print the same figure.

use crate::model::amount::{format_hundredths, parse_hundredths};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A percentage held as hundredths of a percent (2667 = 26.67 %); may be
/// negative (remaining budget after an overspend) or above 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Percent(i64);

impl Percent {
    /// `part / whole` as a percentage; `None` when `whole` is zero (there
    /// is nothing to take a share of, e.g. no budget allocated).
    pub fn of(part: i64, whole: i64) -> Option<Percent> {
        if whole == 0 {
            return None;
        }
        // hundredths of a percent = part × 10 000 / whole, rounded half away
        // from zero: add half the divisor before the truncating division.
        let num = i128::from(part) * 10_000;
        let den = i128::from(whole);
        let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
        let q = if num >= 0 {
            (2 * num + den) / (2 * den)
        } else {
            -((-2 * num + den) / (2 * den))
        };
        i64::try_from(q).ok().map(Percent)
    }
    pub fn from_hundredths(v: i64) -> Self {
        Percent(v)
    }
    pub fn hundredths(self) -> i64 {
        self.0
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_hundredths(self.0))
    }
}

impl From<Percent> for String {
    fn from(p: Percent) -> String {
        format_hundredths(p.0)
    }
}

impl TryFrom<String> for Percent {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        match s.strip_prefix('-') {
            Some(rest) => parse_hundredths(rest).map(|v| Percent(-v)),
            None => parse_hundredths(&s).map(Percent),
        }
        .map_err(String::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero_on_exact_integers() {
        assert_eq!(
            Percent::of(3, 15).map(|p| p.to_string()),
            Some("20.00".into())
        );
        assert_eq!(
            Percent::of(12, 15).map(|p| p.to_string()),
            Some("80.00".into())
        );
        assert_eq!(
            Percent::of(1, 3).map(|p| p.to_string()),
            Some("33.33".into())
        );
        assert_eq!(
            Percent::of(2, 3).map(|p| p.to_string()),
            Some("66.67".into())
        );
        assert_eq!(
            Percent::of(1, 32).map(|p| p.to_string()),
            Some("3.13".into())
        );
        assert_eq!(
            Percent::of(-1, 32).map(|p| p.to_string()),
            Some("-3.13".into())
        );
        assert_eq!(
            Percent::of(1_007_500, 9_120_000).map(|p| p.hundredths()),
            Some(1105)
        );
        assert_eq!(
            Percent::of(5, 4).map(|p| p.to_string()),
            Some("125.00".into())
        );
        assert_eq!(Percent::of(1, 0), None);
    }

    #[test]
    fn round_trips_through_its_text() {
        for v in [0, 7, 2667, -1250, 12_500] {
            let p = Percent::from_hundredths(v);
            assert_eq!(Percent::try_from(String::from(p)), Ok(p));
        }
    }
}
