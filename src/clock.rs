//! Today's date in Thailand, the one place riskreg reads the clock for rules
//! that depend on the date (reviews and reports falling due).
//! `RISKREG_TODAY=YYYY-MM-DD` (Buddhist era) fixes it, for reproducible runs
//! and tests.

use crate::model::Date;

/// The variable that fixes today's date.
pub const TODAY_VAR: &str = "RISKREG_TODAY";

/// Today in Thailand (UTC+7, Buddhist era), or the date `RISKREG_TODAY`
/// gives. A malformed `RISKREG_TODAY` is an error, never silently ignored.
pub fn today() -> Result<Date, String> {
    match std::env::var(TODAY_VAR) {
        Ok(text) => {
            Date::try_from(text.trim().to_string()).map_err(|e| format!("{TODAY_VAR}={text}: {e}"))
        }
        Err(std::env::VarError::NotUnicode(_)) => Err(format!("{TODAY_VAR} is not valid UTF-8")),
        Err(std::env::VarError::NotPresent) => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|_| "the system clock is before 1970".to_string())?
                .as_secs();
            Date::in_thailand_at(secs)
        }
    }
}
