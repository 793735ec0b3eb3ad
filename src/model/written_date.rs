//! Dates as Thai officials write them, read and shown: `31/03/2567`,
//! `31/3/67`, `๓๑/๐๓/๒๕๖๗`, `31 มี.ค. 2567`, `31 มีนาคม พ.ศ. 2567`, and the
//! stored form `2567-03-31`. Pure: text in, [`Date`] or a reason out.

use super::calendar::{Date, thai_month};
use super::{Lang, Refused};

/// The abbreviations every Thai office uses (ราชบัณฑิตยสภา), January first.
const THAI_MONTHS_SHORT: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];

/// The abbreviated Thai name of month 1–12 (`มี.ค.` for 3).
pub fn thai_month_short(month: u8) -> &'static str {
    THAI_MONTHS_SHORT[usize::from(month.clamp(1, 12)) - 1]
}

/// ASCII digits as Thai digits (๐–๙), as official documents print them.
pub fn thai_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32('๐' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Thai digits (๐–๙) as ASCII digits; everything else as it is.
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '๐'..='๙' => char::from(b'0' + (c as u32 - '๐' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// The month a written Thai month name means: full (`มีนาคม`) or
/// abbreviated, with or without its dots (`มี.ค.`, `มีค`).
fn month_by_name(name: &str) -> Option<u8> {
    let bare = |s: &str| {
        s.chars()
            .filter(|c| *c != '.' && !c.is_whitespace())
            .collect::<String>()
    };
    let name = bare(name);
    (1..=12u8).find(|&m| name == thai_month(m) || name == bare(thai_month_short(m)))
}

/// A written year: four digits are a Buddhist-era year as they stand, two
/// are its last two (`67` → 2567), as Thai forms abbreviate พ.ศ. years.
fn year(digits: &str) -> Option<u16> {
    let y: u16 = digits.parse().ok()?;
    match digits.len() {
        2 => Some(2500 + y),
        4 => Some(y),
        _ => None,
    }
}

fn number(digits: &str) -> Option<u8> {
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok()
}

impl Date {
    /// Reads a date in any of the forms Thai officials write (see the module
    /// notes); the year is always in the Buddhist era. The reason says what
    /// was expected when it does not read.
    pub fn parse_written(text: &str) -> Result<Date, Refused> {
        let s = ascii_digits(text.trim());
        let expected = || Refused::WrittenDate {
            found: text.to_string(),
        };
        // the stored form, with its exact checks
        if s.len() == 10 && s.as_bytes().get(4) == Some(&b'-') {
            return Date::try_from(s);
        }
        // day / month / year
        let parts: Vec<&str> = s.split('/').map(str::trim).collect();
        if let [d, m, y] = parts[..] {
            let (Some(d), Some(m), Some(y)) = (number(d), number(m), year(y)) else {
                return Err(expected());
            };
            return Date::new(y, m, d);
        }
        // day, month name, year (perhaps after พ.ศ.)
        let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let year_start = s
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
        if digits_end == 0 || year_start <= digits_end || year_start == s.len() {
            return Err(expected());
        }
        let middle = s[digits_end..year_start].trim();
        let middle = middle
            .strip_suffix("พ.ศ.")
            .or_else(|| middle.strip_suffix("พ.ศ"))
            .unwrap_or(middle);
        let (Some(d), Some(m), Some(y)) = (
            number(&s[..digits_end]),
            month_by_name(middle),
            year(&s[year_start..]),
        ) else {
            return Err(expected());
        };
        Date::new(y, m, d)
    }

    /// As a reader in `lang` sees it: the Thai way (`31 มี.ค. 2567`) in
    /// Thai; in English the stored form (`2567-03-31`), since the registers
    /// keep the Buddhist era and a reader of an English page of a Thai
    /// register compares it with the file (a Common-era `31 Mar 2024`
    /// would look a year from nowhere beside `2567`). Both read back with
    /// [`Date::parse_written`].
    pub fn written(self, lang: Lang) -> String {
        match lang {
            Lang::Th => self.thai_short(),
            Lang::En => self.to_string(),
        }
    }

    /// As Thai documents write it in tables and lines: `31 มี.ค. 2567`.
    pub fn thai_short(self) -> String {
        format!(
            "{} {} {}",
            self.day(),
            thai_month_short(self.month()),
            self.year_be()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Seen in tmux: "ทดสอบที" typed into a date field was quoted back as
    /// "ทดสอบท\u{e35}" (`{:?}` escapes a trailing vowel mark).
    #[test]
    fn a_refusal_quotes_thai_as_typed() {
        let why = Date::parse_written("ทดสอบที").expect_err("not a date");
        assert!(why.to_string().ends_with("found \"ทดสอบที\""), "{why}");
        // in Thai for the Thai interface
        assert!(why.text(Lang::Th).ends_with("แต่พบ \"ทดสอบที\""), "{why}");
    }

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("valid")
    }

    #[test]
    fn the_forms_thai_officials_write() {
        let want = d(2567, 3, 31);
        for text in [
            "31/03/2567",
            "31/3/67",
            "๓๑/๐๓/๒๕๖๗",
            "31 มี.ค. 2567",
            "31 มีนาคม 2567",
            "31 มีนาคม พ.ศ. 2567",
            "31 มี.ค. 67",
            "31มี.ค.2567",
            "31 มีค 2567",
            "  2567-03-31 ",
            "๓๑ มี.ค. ๒๕๖๗",
        ] {
            assert_eq!(Date::parse_written(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn what_does_not_read_is_refused_with_a_reason() {
        for text in [
            "",
            "31/13/2567",
            "32/03/2567",
            "31 มีนา 2567",
            "31/03",
            "2567-3-31",
            "abc",
        ] {
            assert!(Date::parse_written(text).is_err(), "{text}");
        }
        // a Common-era year says so
        let err = Date::parse_written("31/03/2024").expect_err("CE year");
        assert!(err.to_string().contains("Common-era"), "{err}");
        assert!(err.text(Lang::Th).contains("ค.ศ."), "{err}");
        // 2566 (2023 CE) has no 29 February
        assert!(Date::parse_written("29/02/2566").is_err());
        assert_eq!(Date::parse_written("29 ก.พ. 2567"), Ok(d(2567, 2, 29)));
        let err = Date::parse_written("31 มีนา 2567").expect_err("bad month");
        assert!(err.to_string().contains("31 มี.ค. 2567"), "{err}");
    }

    #[test]
    fn shown_the_thai_way() {
        assert_eq!(d(2567, 3, 31).written(Lang::Th), "31 มี.ค. 2567");
        assert_eq!(d(2567, 3, 31).written(Lang::En), "2567-03-31");
        assert_eq!(d(2567, 3, 31).thai_short(), "31 มี.ค. 2567");
        assert_eq!(d(2566, 10, 1).thai_short(), "1 ต.ค. 2566");
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (2500u16..=2700, 1u8..=12, 1u8..=31)
            .prop_filter_map("a real day", |(y, m, day)| Date::new(y, m, day).ok())
    }

    proptest! {
        #[test]
        fn every_written_form_reads_back_as_the_same_day(date in any_date()) {
            let (y, m, day) = (date.year_be(), date.month(), date.day());
            let forms = [
                date.written(Lang::Th),
                date.written(Lang::En),
                date.to_string(),
                format!("{day:02}/{m:02}/{y}"),
                format!("{day}/{m}/{y}"),
                date.thai_short(),
                date.thai_long(),
                thai_digits(&date.thai_short()),
            ];
            for text in forms {
                prop_assert_eq!(Date::parse_written(&text), Ok(date), "{}", text);
            }
            if (2500..2600).contains(&y) {
                let short = format!("{day}/{m}/{:02}", y % 100);
                prop_assert_eq!(Date::parse_written(&short), Ok(date), "{}", short);
            }
        }

        #[test]
        fn no_text_makes_it_panic(text in "\\PC{0,20}") {
            let _ = Date::parse_written(&text);
        }
    }
}
