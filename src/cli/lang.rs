//! The language of this run: `--lang`, else the settings, else the locale
//! (see `riskreg::locale`). Set once by `main` before any command runs, so
//! every message of the command line, down to `error:`, speaks it.

use riskreg::model::Lang;
use std::sync::OnceLock;

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Settles the language from the flag, the settings file and the locale.
pub fn settle(flag: Option<Lang>) -> Lang {
    let lang = riskreg::locale::resolve(flag, riskreg::tui::settings::chosen_lang(), &|name| {
        std::env::var(name).ok()
    });
    *CURRENT.get_or_init(|| lang)
}

/// The language settled by [`settle`]; English before that.
pub fn current() -> Lang {
    CURRENT.get().copied().unwrap_or(Lang::En)
}

/// Parses `--lang`.
pub fn parse(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}: use th or en"))
}

/// Today's date (`riskreg::clock::today`), or why it is not known in the
/// language of the run.
pub fn today() -> Result<riskreg::model::Date, String> {
    riskreg::clock::today().map_err(|e| e.text(current()))
}

/// The words of a two-language text (a `Label`) in the language of the run.
pub fn said(text: &riskreg::model::Label) -> &str {
    text.get(current())
}
