//! Indicator results at a round, typed as people write them: `57/62`,
//! `98.5`, `98.5%`, `3`, `yes`/`มี`, or nothing while pending; read in the
//! terms of the indicator's target so a result always matches its kind.

use super::Refusal;
use crate::model::{Achieved, Comparator, Decimal2, Quantity, Threshold, quoted};

/// The achieved value as it is typed back (the display adds units).
pub fn achieved_text(a: &Achieved) -> String {
    match *a {
        Achieved::Percent(p) => p.to_string(),
        Achieved::Fraction(n, d) => format!("{n}/{d}"),
        Achieved::Count(n) => n.to_string(),
        Achieved::PerYear(n) => n.to_string(),
        Achieved::Level(n) => n.to_string(),
        Achieved::YesNo(b) => if b { "yes" } else { "no" }.to_string(),
        Achieved::Pending => String::new(),
    }
}

fn number<T: std::str::FromStr>(s: &str) -> Result<T, Refusal> {
    s.replace(',', "").parse::<T>().map_err(|_| {
        Refusal::rule(
            format!("ต้องเป็นจำนวนเต็ม แต่พบ {}", quoted(s)),
            format!("expected a whole number, found {}", quoted(s)),
        )
    })
}

/// Reads a typed result for an indicator whose target is `target`.
pub fn parse_achieved(text: &str, target: &Quantity) -> Result<Achieved, Refusal> {
    let t = text.trim();
    let lower = t.to_lowercase();
    if t.is_empty() || matches!(lower.as_str(), "pending" | "รอผล" | "อยู่ระหว่างประเมินผล")
    {
        return Ok(Achieved::Pending);
    }
    if let Some((n, d)) = t.split_once('/') {
        let (n, d): (u64, u64) = (number(n.trim())?, number(d.trim())?);
        if d == 0 {
            return Err(Refusal::rule(
                "ตัวหารของเศษส่วนต้องมากกว่าศูนย์",
                "a fraction needs a denominator above zero",
            ));
        }
        return Ok(Achieved::Fraction(n, d));
    }
    Ok(match target {
        Quantity::Percent(_) => {
            let digits = t.trim_end_matches('%').trim().replace(',', "");
            Achieved::Percent(Decimal2::try_from(digits)?)
        }
        Quantity::Count(_) => Achieved::Count(number(t)?),
        Quantity::PerYear(_) => Achieved::PerYear(number(t)?),
        Quantity::Level(_) => Achieved::Level(number(t)?),
        Quantity::YesNo(_) => match lower.as_str() {
            "yes" | "y" | "มี" | "ใช่" | "true" => Achieved::YesNo(true),
            "no" | "n" | "ไม่มี" | "ไม่ใช่" | "false" => {
                Achieved::YesNo(false)
            }
            _ => {
                return Err(Refusal::rule(
                    format!("ต้องเป็น มี หรือ ไม่มี (yes/no) แต่พบ {}", quoted(t)),
                    format!("expected yes or no (มี/ไม่มี), found {}", quoted(t)),
                ));
            }
        },
    })
}

/// A target as it is typed back: `>= 80%`, `= yes`, `<= 3`, `>= 2/year`, `>= level 4`.
pub fn target_text(t: &Threshold) -> String {
    let cmp = match t.cmp {
        Comparator::AtLeast => ">=",
        Comparator::Exactly => "=",
        Comparator::AtMost => "<=",
    };
    let v = match t.value {
        Quantity::Percent(p) => format!("{p}%"),
        Quantity::Count(n) => n.to_string(),
        Quantity::PerYear(n) => format!("{n}/year"),
        Quantity::Level(n) => format!("level {n}"),
        Quantity::YesNo(b) => if b { "yes" } else { "no" }.to_string(),
    };
    format!("{cmp} {v}")
}

/// Reads a target typed as [`target_text`] writes it (also `≥`, `≤`, and
/// Thai: `มี`/`ไม่มี`, `ครั้ง/ปี`, `ระดับ`). No comparator means "at least".
pub fn parse_target(text: &str) -> Result<Threshold, Refusal> {
    let t = text.trim();
    let (cmp, rest) = [
        (">=", Comparator::AtLeast),
        ("≥", Comparator::AtLeast),
        ("<=", Comparator::AtMost),
        ("≤", Comparator::AtMost),
        ("=", Comparator::Exactly),
    ]
    .iter()
    .find_map(|(p, c)| t.strip_prefix(p).map(|r| (*c, r.trim())))
    .unwrap_or((Comparator::AtLeast, t));
    let lower = rest.to_lowercase();
    let value = if let Some(p) = rest.strip_suffix('%') {
        Quantity::Percent(Decimal2::try_from(p.trim().replace(',', ""))?)
    } else if let Some(n) = lower
        .strip_suffix("/year")
        .or_else(|| lower.strip_suffix("ครั้ง/ปี"))
    {
        Quantity::PerYear(number(n.trim())?)
    } else if let Some(n) = lower
        .strip_prefix("level")
        .or_else(|| lower.strip_prefix("ระดับ"))
    {
        Quantity::Level(number(n.trim())?)
    } else {
        match lower.as_str() {
            "yes" | "มี" => Quantity::YesNo(true),
            "no" | "ไม่มี" => Quantity::YesNo(false),
            _ => Quantity::Count(number(rest).map_err(|_| {
                Refusal::rule(
                    format!("ต้องเป็นค่าเป้าหมาย เช่น \">= 80%\", \"= มี\", \"<= 3\", \">= 2 ครั้ง/ปี\" หรือ \">= ระดับ 4\" แต่พบ {}", quoted(text)),
                    format!("expected a target like \">= 80%\", \"= yes\", \"<= 3\", \">= 2/year\" or \">= level 4\", found {}", quoted(text)),
                )
            })?),
        }
    };
    Ok(Threshold { cmp, value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_back_what_they_write() {
        for text in [
            ">= 80.00%",
            "= yes",
            "<= 3",
            ">= 2/year",
            ">= level 4",
            "= no",
        ] {
            let t = parse_target(text).expect(text);
            assert_eq!(target_text(&t), text);
        }
        assert_eq!(parse_target("≥ 80%"), parse_target(">= 80.00%"));
        assert_eq!(parse_target("มี"), parse_target(">= yes"));
        assert!(parse_target(">= lots").is_err());
    }

    #[test]
    fn results_read_in_the_terms_of_the_target() {
        let pct = Quantity::Percent(Decimal2::from_hundredths(8000));
        assert_eq!(
            parse_achieved("57/62", &pct),
            Ok(Achieved::Fraction(57, 62))
        );
        assert_eq!(
            parse_achieved("98.5 %", &pct),
            Ok(Achieved::Percent(Decimal2::from_hundredths(9850)))
        );
        assert_eq!(parse_achieved("", &pct), Ok(Achieved::Pending));
        assert!(parse_achieved("5/0", &pct).is_err());
        assert!(parse_achieved("มาก", &pct).is_err());
        assert_eq!(
            parse_achieved("1,200", &Quantity::Count(1000)),
            Ok(Achieved::Count(1200))
        );
        assert_eq!(
            parse_achieved("มี", &Quantity::YesNo(true)),
            Ok(Achieved::YesNo(true))
        );
        assert!(parse_achieved("3.5", &Quantity::Level(3)).is_err());
        for a in [
            Achieved::Fraction(1, 2),
            Achieved::Count(3),
            Achieved::YesNo(false),
        ] {
            let target = match a {
                Achieved::YesNo(_) => Quantity::YesNo(true),
                _ => Quantity::Count(1),
            };
            assert_eq!(parse_achieved(&achieved_text(&a), &target), Ok(a));
        }
    }
}
