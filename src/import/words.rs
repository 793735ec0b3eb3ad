//! Values as Thai offices write them in their workbooks: money (`10,000`,
//! `10,000.-`, `10000.50`, `๑๐,๐๐๐ บาท`), months and periods (`ต.ค. 66`,
//! `ตุลาคม 2566 – กันยายน 2567`), levels as numbers or words (`สูง`,
//! `3 (ปานกลาง)`), and the fixed vocabularies by their Thai or English
//! words. Pure: text in, a value or what was expected out (in Thai and
//! English).

use crate::method::{Methodology, Scale};
use crate::model::written_date::ascii_digits;
use crate::model::{
    ControlQuality, Date, Factor, Label, Lang, MeasureKind, Money, YearMonth,
    amount::parse_hundredths,
};
use std::collections::BTreeMap;

/// Text compared loosely: no white space, ASCII letters in lower case.
pub fn loose(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// An amount of baht: digits with or without thousands separators, at most
/// two decimals, optionally followed by `.-`, `-` or `บาท`; Thai digits too.
pub fn baht(text: &str) -> Result<Money, Label> {
    let expected = || {
        Label::new(
            "จำนวนเงิน (บาท) เช่น 10,000 หรือ 10,000.- หรือ 10000.50",
            "an amount in baht such as 10,000 or 10,000.- or 10000.50",
        )
    };
    let mut s = ascii_digits(text.trim());
    for suffix in ["บาท", ".-", "-", "."] {
        if let Some(rest) = s.trim_end().strip_suffix(suffix) {
            s = rest.trim_end().to_string();
        }
    }
    let s = s.trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    // separators must group by three: 10,000 not 1,00,00
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_well = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_well {
        return Err(expected());
    }
    let plain = if frac.is_empty() && !s.contains('.') {
        groups.concat()
    } else {
        format!("{}.{frac}", groups.concat())
    };
    parse_hundredths(&plain)
        .map(Money::from_satang)
        .map_err(|_| expected())
}

/// An amount from a number cell, exact to the satang.
pub fn baht_number(value: f64) -> Result<Money, Label> {
    let satang = (value * 100.0).round();
    if value < 0.0 || !value.is_finite() || (value * 100.0 - satang).abs() > 1e-6 || satang > 9.0e15
    {
        return Err(Label::new(
            "จำนวนเงินที่ไม่ติดลบ ทศนิยมไม่เกินสองตำแหน่ง",
            "a non-negative amount with at most two decimals",
        ));
    }
    Ok(Money::from_satang(satang as i64))
}

/// Whether a budget cell says no money was asked for: `-`, `0`, or words
/// such as `ไม่ใช้งบประมาณ` or `ไม่ขอรับการจัดสรรงบประมาณ`.
pub fn no_budget(text: &str) -> bool {
    let s = loose(text);
    s.is_empty()
        || s == "-"
        || s == "0"
        || s == "0.00"
        || s.starts_with("ไม่")
        || s == "none"
        || s == "n/a"
}

/// A month as offices write it: `2566-10`, `10/2566`, `ต.ค. 66`,
/// `ตุลาคม 2566`, or a whole date (its month).
pub fn month(text: &str) -> Result<YearMonth, Label> {
    let s = ascii_digits(text.trim());
    if let Ok(m) = YearMonth::try_from(s.clone()) {
        return Ok(m);
    }
    let as_day = Date::parse_written(&s)
        .or_else(|_| Date::parse_written(&format!("1/{s}")))
        .or_else(|_| Date::parse_written(&format!("1 {s}")));
    match as_day {
        Ok(d) => YearMonth::new(d.year_be(), d.month()).map_err(Label::from),
        Err(_) => Err(Label::new(
            "เดือน เช่น ต.ค. 66, ตุลาคม 2566 หรือ 2566-10",
            "a month such as ต.ค. 66, ตุลาคม 2566 or 2566-10",
        )),
    }
}

/// A period `start – end` in one cell: `ต.ค. 66 - ก.ย. 67`,
/// `ตุลาคม 2566 ถึง กันยายน 2567`.
pub fn period(text: &str) -> Result<(YearMonth, YearMonth), Label> {
    for sep in ["ถึง", "–", "—", " - ", "-"] {
        if let Some((a, b)) = text.split_once(sep)
            && let (Ok(a), Ok(b)) = (month(a), month(b))
        {
            return Ok((a, b));
        }
    }
    Err(a_period())
}

/// What a period is written as.
pub fn a_period() -> Label {
    Label::new(
        "ช่วงเวลา เช่น ต.ค. 66 - ก.ย. 67",
        "a period such as ต.ค. 66 - ก.ย. 67",
    )
}

/// A level of a scale: a number (`3`, `๓`, `3 (ปานกลาง)`), a word of the
/// scale (its Thai or English label: `สูง`, `high`), or a word of the
/// mapping's own list.
pub fn level(text: &str, scale: &Scale, extra: &BTreeMap<String, u8>) -> Result<u8, Label> {
    let s = ascii_digits(text.trim());
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let found = if !digits.is_empty() {
        digits.parse::<u8>().ok()
    } else {
        let key = loose(&s);
        scale
            .levels
            .iter()
            .find(|l| loose(&l.label.th) == key || loose(&l.label.en) == key)
            .map(|l| l.value)
            .or_else(|| extra.iter().find(|(w, _)| loose(w) == key).map(|(_, v)| *v))
    };
    match found {
        Some(v) if scale.levels.iter().any(|l| l.value == v) => Ok(v),
        _ => {
            let words: Vec<String> = scale
                .levels
                .iter()
                .map(|l| format!("{} {}", l.value, l.label.th))
                .collect();
            let words = words.join(", ");
            Err(Label::new(
                format!("ระดับ {words}"),
                format!("a level {words}"),
            ))
        }
    }
}

/// A category of the methodology, by id or by its Thai or English label.
pub fn category(text: &str, method: &Methodology) -> Result<crate::model::CategoryId, Label> {
    let key = loose(text);
    method
        .categories
        .iter()
        .find(|c| {
            loose(c.id.as_str()) == key || loose(&c.label.th) == key || loose(&c.label.en) == key
        })
        .map(|c| c.id.clone())
        .ok_or_else(|| {
            let names: Vec<String> = method
                .categories
                .iter()
                .map(|c| format!("{} ({})", c.label.th, c.id))
                .collect();
            let names = names.join(", ");
            Label::new(
                format!("ประเภทความเสี่ยงของ {}: {names}", method.id),
                format!("a category of {}: {names}", method.id),
            )
        })
}

/// One of a vocabulary, by its RON name or its Thai or English label.
fn word<T: Copy>(text: &str, all: &[T], names: impl Fn(T) -> [String; 3]) -> Option<T> {
    let key = loose(text);
    all.iter()
        .copied()
        .find(|v| names(*v).iter().any(|n| loose(n) == key))
}

pub fn factor(text: &str) -> Result<Factor, Label> {
    let key = loose(text);
    if key.starts_with("ยังไม่เคย") {
        return Ok(Factor::Unknown);
    }
    if key.starts_with("เคย") {
        return Ok(Factor::Known);
    }
    word(text, &[Factor::Known, Factor::Unknown], |f| {
        [
            format!("{f:?}"),
            f.label(Lang::Th).to_string(),
            format!("{f:?}")[..1].to_string(),
        ]
    })
    .ok_or_else(|| {
        Label::new(
            "Known (เคยเกิดขึ้น) หรือ Unknown (ยังไม่เคยเกิด)",
            "Known (เคยเกิดขึ้น) or Unknown (ยังไม่เคยเกิด)",
        )
    })
}

pub fn control_quality(text: &str) -> Result<ControlQuality, Label> {
    word(text, &ControlQuality::ALL, |q| {
        [
            format!("{q:?}"),
            q.label(Lang::Th).to_string(),
            q.label(Lang::En).to_string(),
        ]
    })
    .ok_or_else(control_qualities)
}

/// The words of a control's quality.
pub fn control_qualities() -> Label {
    Label::new(
        "ดี, พอใช้ หรือ อ่อน (Good, Fair, Weak)",
        "ดี, พอใช้ or อ่อน (Good, Fair, Weak)",
    )
}

pub fn measure_kind(text: &str) -> Result<MeasureKind, Label> {
    word(text, &MeasureKind::ALL, |k| {
        [
            format!("{k:?}"),
            k.label(Lang::Th).to_string(),
            k.label(Lang::En).to_string(),
        ]
    })
    .ok_or_else(|| {
        Label::new(
            "มาตรการ, โครงการ หรือ กิจกรรม (Measure, Project, Activity)",
            "มาตรการ, โครงการ or กิจกรรม (Measure, Project, Activity)",
        )
    })
}

/// The kind a title announces by its first word (`โครงการ…` is a
/// project); a measure otherwise.
pub fn kind_of_title(title: &str) -> MeasureKind {
    let t = title.trim_start();
    MeasureKind::ALL
        .into_iter()
        .find(|k| t.starts_with(k.label(Lang::Th)))
        .unwrap_or(MeasureKind::Measure)
}

/// How the risk is answered, without its note: 0 reduce, 1 accept,
/// 2 transfer, 3 avoid.
pub fn response(text: &str) -> Result<u8, Label> {
    let key = loose(text);
    let all: [(u8, &str, &str, &str); 4] = [
        (0, "Reduce", "ลด", "ลดความเสี่ยง"),
        (1, "Accept", "ยอมรับ", "ยอมรับความเสี่ยง"),
        (2, "Transfer", "ถ่ายโอน", "ถ่ายโอนความเสี่ยง"),
        (3, "Avoid", "หลีกเลี่ยง", "หลีกเลี่ยงความเสี่ยง"),
    ];
    all.iter()
        .find(|(_, en, th, long)| [*en, *th, *long].iter().any(|w| loose(w) == key))
        .map(|(i, ..)| *i)
        .ok_or_else(|| {
            Label::new(
                "ลด, ยอมรับ, ถ่ายโอน หรือ หลีกเลี่ยง (Reduce, Accept, Transfer, Avoid)",
                "ลด, ยอมรับ, ถ่ายโอน or หลีกเลี่ยง (Reduce, Accept, Transfer, Avoid)",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_as_offices_write_it() {
        for (text, satang) in [
            ("10,000", 1_000_000),
            ("10,000.-", 1_000_000),
            ("10000.50", 1_000_050),
            ("10,000.5", 1_000_050),
            ("๑๐,๐๐๐ บาท", 1_000_000),
            ("1,234,567.89", 123_456_789),
            ("500", 50_000),
            ("500.-", 50_000),
        ] {
            assert_eq!(baht(text), Ok(Money::from_satang(satang)), "{text}");
        }
        for bad in ["1,00,00", "ten", "10.005", "-5", "", ",100", "1e3"] {
            assert!(baht(bad).is_err(), "{bad}");
        }
        assert_eq!(baht_number(10000.5), Ok(Money::from_satang(1_000_050)));
        assert!(baht_number(0.005).is_err());
        assert!(no_budget("ไม่ใช้งบประมาณ") && no_budget("-") && no_budget(" "));
        assert!(!no_budget("10,000"));
    }

    #[test]
    fn months_and_periods() {
        let oct = YearMonth::new(2566, 10).unwrap();
        let sep = YearMonth::new(2567, 9).unwrap();
        for text in [
            "ต.ค. 66",
            "ตุลาคม 2566",
            "10/2566",
            "2566-10",
            "1 ต.ค. 2566",
            "ต.ค.66",
        ] {
            assert_eq!(month(text), Ok(oct), "{text}");
        }
        for text in [
            "ต.ค. 66 - ก.ย. 67",
            "ตุลาคม 2566 – กันยายน 2567",
            "ต.ค. 2566 ถึง ก.ย. 2567",
            "2566-10 - 2567-09",
        ] {
            assert_eq!(period(text), Ok((oct, sep)), "{text}");
        }
        assert!(month("October").is_err());
        assert!(period("ต.ค. 66").is_err());
    }

    #[test]
    fn words_of_the_vocabularies() {
        assert_eq!(factor("เคยเกิดขึ้น"), Ok(Factor::Known));
        assert_eq!(factor("ยังไม่เคยเกิด"), Ok(Factor::Unknown));
        assert_eq!(factor("unknown"), Ok(Factor::Unknown));
        assert_eq!(control_quality("พอใช้"), Ok(ControlQuality::Fair));
        assert_eq!(control_quality("Weak"), Ok(ControlQuality::Weak));
        assert!(control_quality("ดีมาก").is_err());
        assert_eq!(kind_of_title("โครงการอบรม"), MeasureKind::Project);
        assert_eq!(kind_of_title("ตรวจสอบเอกสาร"), MeasureKind::Measure);
        assert_eq!(response("ลดความเสี่ยง"), Ok(0));
        assert_eq!(response("ยอมรับ"), Ok(1));
    }
}
