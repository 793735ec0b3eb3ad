//! Today's date in Thailand, the one place riskreg reads the clock for rules
//! that depend on the date (reviews and reports falling due).
//! `RISKREG_TODAY=YYYY-MM-DD` (Buddhist era) fixes it, for reproducible runs
//! and tests.

use crate::model::{Date, Lang, Refused};
use std::fmt;

/// The variable that fixes today's date.
pub const TODAY_VAR: &str = "RISKREG_TODAY";

/// Why today's date is not known; worded in both languages by
/// [`NoToday::text`], its `Display` the English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoToday {
    /// `RISKREG_TODAY` is set but is not a date in the stored form.
    Malformed { value: String, why: Refused },
    /// `RISKREG_TODAY` is set but is not UTF-8.
    NotUnicode,
    /// The system clock reads before 1970, or past what a date can hold.
    Clock { why: String },
}

impl NoToday {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (NoToday::Malformed { value, why }, _) => {
                format!("{TODAY_VAR}={value}: {}", why.text(lang))
            }
            (NoToday::NotUnicode, Lang::Th) => format!("{TODAY_VAR} ไม่ใช่ข้อความ UTF-8"),
            (NoToday::NotUnicode, Lang::En) => format!("{TODAY_VAR} is not valid UTF-8"),
            (NoToday::Clock { why }, Lang::Th) => {
                format!("อ่านวันที่จากนาฬิกาของเครื่องไม่ได้: {why}")
            }
            (NoToday::Clock { why }, Lang::En) => why.clone(),
        }
    }
}

impl fmt::Display for NoToday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for NoToday {}

/// Today in Thailand (UTC+7, Buddhist era), or the date `RISKREG_TODAY`
/// gives. A malformed `RISKREG_TODAY` is an error, never silently ignored.
pub fn today() -> Result<Date, NoToday> {
    match std::env::var(TODAY_VAR) {
        Ok(text) => Date::try_from(text.trim().to_string())
            .map_err(|why| NoToday::Malformed { value: text, why }),
        Err(std::env::VarError::NotUnicode(_)) => Err(NoToday::NotUnicode),
        Err(std::env::VarError::NotPresent) => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|_| NoToday::Clock {
                    why: "the system clock is before 1970".to_string(),
                })?
                .as_secs();
            Date::in_thailand_at(secs).map_err(|why| NoToday::Clock { why })
        }
    }
}
