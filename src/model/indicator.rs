//! Indicators with typed targets, so "met / not met" is computed rather than
//! typed in (seed 004: 654 of 662 staff = 98.79 % against a target of ≥ 80 %).

use super::amount::Decimal2;
use super::ids::IndicatorId;
use super::label::Lang;
use serde::{Deserialize, Serialize};

/// An indicator of a measure (ตัวชี้วัด) with its target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: IndicatorId,
    pub name: String,
    pub target: Threshold,
    /// The unit counted, e.g. `คน` or `ฉบับ`; empty for percentages.
    #[serde(default)]
    pub unit: String,
}

/// An indicator's target (เป้าหมาย): a comparator and a typed quantity
/// (`≥ 80 %`, `= 1 report`). Written `Target(…)` in the files, as before the
/// type had a name of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Target")]
pub struct Threshold {
    pub cmp: Comparator,
    pub value: Quantity,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Comparator {
    AtLeast,
    Exactly,
    AtMost,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::Exactly => "=",
            Comparator::AtMost => "≤",
        }
    }
}

/// What a target is measured in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Quantity {
    /// A percentage, e.g. `Percent("80.00")`.
    Percent(Decimal2),
    /// A number of things (people, reports, cases).
    Count(u64),
    /// A frequency: times per year.
    PerYear(u32),
    /// A level on an agreed scale (e.g. maturity level 1–5).
    Level(u8),
    /// Done or not done.
    YesNo(bool),
}

/// What was achieved at a round, in the same terms as the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Achieved {
    Percent(Decimal2),
    /// `Fraction(654, 662)`: part of a whole, compared as an exact percentage.
    Fraction(u64, u64),
    Count(u64),
    PerYear(u32),
    Level(u8),
    YesNo(bool),
    /// Not yet measured (อยู่ระหว่างประเมินผล).
    Pending,
}

/// A result recorded for one indicator at one round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorResult {
    pub indicator: IndicatorId,
    pub value: Achieved,
}

/// Why a result cannot be compared with its target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindMismatch {
    pub target: &'static str,
    pub achieved: &'static str,
}

impl Quantity {
    pub fn kind(&self) -> &'static str {
        match self {
            Quantity::Percent(_) => "Percent",
            Quantity::Count(_) => "Count",
            Quantity::PerYear(_) => "PerYear",
            Quantity::Level(_) => "Level",
            Quantity::YesNo(_) => "YesNo",
        }
    }
}

impl Achieved {
    pub fn kind(&self) -> &'static str {
        match self {
            Achieved::Percent(_) => "Percent",
            Achieved::Fraction(..) => "Fraction",
            Achieved::Count(_) => "Count",
            Achieved::PerYear(_) => "PerYear",
            Achieved::Level(_) => "Level",
            Achieved::YesNo(_) => "YesNo",
            Achieved::Pending => "Pending",
        }
    }

    /// A fraction as a percentage in hundredths, rounded half up:
    /// 654/662 → 9879 (98.79 %). `None` for a zero denominator.
    pub fn fraction_percent(num: u64, den: u64) -> Option<Decimal2> {
        if den == 0 {
            return None;
        }
        let scaled = u128::from(num) * 10_000;
        let den = u128::from(den);
        let rounded = (scaled * 2 + den) / (den * 2);
        i64::try_from(rounded).ok().map(Decimal2::from_hundredths)
    }

    /// The achieved value as readers expect it: `98.79 % (654/662)`.
    pub fn display(&self, lang: Lang) -> String {
        match *self {
            Achieved::Percent(p) => format!("{p} %"),
            Achieved::Fraction(n, d) => match Achieved::fraction_percent(n, d) {
                Some(p) => format!("{p} % ({n}/{d})"),
                None => format!("{n}/{d}"),
            },
            Achieved::Count(n) => n.to_string(),
            Achieved::PerYear(n) => format!("{n}{}", lang.pick(" ครั้ง/ปี", "/year")),
            Achieved::Level(n) => format!("{}{n}", lang.pick("ระดับ ", "level ")),
            Achieved::YesNo(b) => lang
                .pick(if b { "มี" } else { "ไม่มี" }, if b { "yes" } else { "no" })
                .into(),
            Achieved::Pending => lang.pick("อยู่ระหว่างประเมินผล", "pending").into(),
        }
    }
}

impl Threshold {
    pub fn display(&self, lang: Lang) -> String {
        let v = match self.value {
            Quantity::Percent(p) => format!("{p} %"),
            Quantity::Count(n) => n.to_string(),
            Quantity::PerYear(n) => format!("{n}{}", lang.pick(" ครั้ง/ปี", "/year")),
            Quantity::Level(n) => format!("{}{n}", lang.pick("ระดับ ", "level ")),
            Quantity::YesNo(b) => lang
                .pick(if b { "มี" } else { "ไม่มี" }, if b { "yes" } else { "no" })
                .into(),
        };
        format!("{} {v}", self.cmp.symbol())
    }

    /// Whether `achieved` meets the target: `Ok(None)` while pending,
    /// `Err` when the two are measured in different terms.
    pub fn is_met(&self, achieved: &Achieved) -> Result<Option<bool>, KindMismatch> {
        use std::cmp::Ordering;
        let ordering: Ordering = match (self.value, *achieved) {
            (_, Achieved::Pending) => return Ok(None),
            (Quantity::Percent(t), Achieved::Percent(a)) => a.cmp(&t),
            // compare num/den with t/10000 exactly: num * 10000 vs t * den
            (Quantity::Percent(t), Achieved::Fraction(num, den)) => {
                if den == 0 {
                    return Ok(None);
                }
                let lhs = u128::from(num) * 10_000;
                let rhs = u128::try_from(t.hundredths().max(0)).unwrap_or(0) * u128::from(den);
                lhs.cmp(&rhs)
            }
            (Quantity::Count(t), Achieved::Count(a)) => a.cmp(&t),
            (Quantity::PerYear(t), Achieved::PerYear(a)) => a.cmp(&t),
            (Quantity::Level(t), Achieved::Level(a)) => a.cmp(&t),
            (Quantity::YesNo(t), Achieved::YesNo(a)) => return Ok(Some(t == a)),
            _ => {
                return Err(KindMismatch {
                    target: self.value.kind(),
                    achieved: achieved.kind(),
                });
            }
        };
        Ok(Some(match self.cmp {
            Comparator::AtLeast => ordering != Ordering::Less,
            Comparator::Exactly => ordering == Ordering::Equal,
            Comparator::AtMost => ordering != Ordering::Greater,
        }))
    }
}

/// An indicator judged at a round: whether its result meets its target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    pub indicator: IndicatorId,
    /// `None` while it cannot be judged: no result, `Pending`, a whole of
    /// zero, or a result in other terms than the target (a validation error).
    pub met: Option<bool>,
}

/// Each indicator of a measure, in order, judged on the results recorded at
/// a round (the first result of an indicator counts).
pub fn judge(indicators: &[Indicator], results: &[IndicatorResult]) -> Vec<Judgement> {
    indicators
        .iter()
        .map(|ind| Judgement {
            indicator: ind.id.clone(),
            met: results
                .iter()
                .find(|r| r.indicator == ind.id)
                .and_then(|r| ind.target.is_met(&r.value).ok().flatten()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(s: &str) -> Decimal2 {
        Decimal2::try_from(s.to_string()).unwrap()
    }

    #[test]
    fn seed_004_staff_share_meets_an_80_percent_target() {
        let target = Threshold {
            cmp: Comparator::AtLeast,
            value: Quantity::Percent(pct("80")),
        };
        let achieved = Achieved::Fraction(654, 662);
        assert_eq!(Achieved::fraction_percent(654, 662), Some(pct("98.79")));
        assert_eq!(target.is_met(&achieved), Ok(Some(true)));
        assert_eq!(achieved.display(Lang::En), "98.79 % (654/662)");
    }

    #[test]
    fn boundaries_are_exact() {
        let at_least = Threshold {
            cmp: Comparator::AtLeast,
            value: Quantity::Percent(pct("80")),
        };
        assert_eq!(at_least.is_met(&Achieved::Fraction(4, 5)), Ok(Some(true)));
        assert_eq!(
            at_least.is_met(&Achieved::Fraction(79_999, 100_000)),
            Ok(Some(false))
        );
        assert_eq!(
            at_least.is_met(&Achieved::Percent(pct("79.99"))),
            Ok(Some(false))
        );
        let at_most = Threshold {
            cmp: Comparator::AtMost,
            value: Quantity::Count(0),
        };
        assert_eq!(at_most.is_met(&Achieved::Count(0)), Ok(Some(true)));
        assert_eq!(at_most.is_met(&Achieved::Count(1)), Ok(Some(false)));
        let exactly = Threshold {
            cmp: Comparator::Exactly,
            value: Quantity::YesNo(true),
        };
        assert_eq!(exactly.is_met(&Achieved::YesNo(false)), Ok(Some(false)));
        assert_eq!(exactly.is_met(&Achieved::Pending), Ok(None));
    }

    #[test]
    fn mismatched_kinds_are_reported() {
        let t = Threshold {
            cmp: Comparator::AtLeast,
            value: Quantity::Count(3),
        };
        assert_eq!(
            t.is_met(&Achieved::Percent(pct("5"))),
            Err(KindMismatch {
                target: "Count",
                achieved: "Percent"
            })
        );
    }

    #[test]
    fn judging_compares_each_indicator_with_its_own_result() {
        let ind = |id: &str, t: Quantity| Indicator {
            id: IndicatorId::new(id).unwrap(),
            name: id.into(),
            target: Threshold {
                cmp: Comparator::AtLeast,
                value: t,
            },
            unit: String::new(),
        };
        let res = |id: &str, v: Achieved| IndicatorResult {
            indicator: IndicatorId::new(id).unwrap(),
            value: v,
        };
        let indicators = [
            ind("i1", Quantity::Percent(pct("80"))),
            ind("i2", Quantity::Count(3)),
            ind("i3", Quantity::YesNo(true)),
            ind("i4", Quantity::Level(2)),
            ind("i5", Quantity::Count(1)),
        ];
        let results = [
            res("i2", Achieved::Count(2)),
            res("i1", Achieved::Fraction(654, 662)),
            res("i3", Achieved::Pending),
            // in other terms than the target: validate reports it; not judged
            res("i4", Achieved::Percent(pct("50"))),
        ];
        let met: Vec<(String, Option<bool>)> = judge(&indicators, &results)
            .into_iter()
            .map(|j| (j.indicator.to_string(), j.met))
            .collect();
        assert_eq!(
            met,
            [
                ("i1".to_string(), Some(true)),
                ("i2".to_string(), Some(false)),
                ("i3".to_string(), None),
                ("i4".to_string(), None),
                ("i5".to_string(), None),
            ]
        );
    }

    #[test]
    fn fraction_rounding_is_half_up() {
        // 1/8 = 12.5 % exactly; 1/3 = 33.333… → 33.33; 2/3 = 66.666… → 66.67
        assert_eq!(Achieved::fraction_percent(1, 8), Some(pct("12.5")));
        assert_eq!(Achieved::fraction_percent(1, 3), Some(pct("33.33")));
        assert_eq!(Achieved::fraction_percent(2, 3), Some(pct("66.67")));
        assert_eq!(Achieved::fraction_percent(1, 0), None);
    }
}
