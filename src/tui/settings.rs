//! Per-user settings: language, theme, key overrides, the name written as
//! "prepared by" and the name and e-mail commits are made as. They live in
//! the OS config directory (never beside the data), or in
//! `$RISKREG_CONFIG_DIR` when that is set (tests use it).

use crate::model::{Label, Lang};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

pub const CONFIG_DIR_ENV: &str = "RISKREG_CONFIG_DIR";
pub const FILE_NAME: &str = "settings.ron";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Colours, unless `NO_COLOR` is set.
    #[default]
    Colour,
    /// No colours at all: letters and symbols carry every signal.
    Mono,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The interface's language, written `lang: Th` or `lang: En`; without
    /// it, the locale's (see [`Settings::language`]).
    #[serde(
        default,
        deserialize_with = "named",
        skip_serializing_if = "Option::is_none"
    )]
    pub lang: Option<Lang>,
    #[serde(default)]
    pub theme: ThemeChoice,
    /// The user's name, offered for "prepared by".
    #[serde(default)]
    pub name: String,
    /// The user's e-mail: with `name`, the author of the commits made from
    /// the Changes screen.
    #[serde(default)]
    pub email: String,
    /// Action name → keys, e.g. `"Save": "ctrl-w"` (that action's keys on
    /// every screen and prompt), or `"Register.Back": "esc b"` (in that
    /// scope alone); see [`crate::tui::keymap::Keymap::with_overrides`].
    #[serde(default)]
    pub keys: BTreeMap<String, String>,
}

impl Settings {
    /// The language to speak: the settings' `lang`, else the locale's
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG` starting with `th` → Thai), else
    /// English — the rule of every command (see [`crate::locale`]).
    pub fn language(&self) -> Lang {
        crate::locale::resolve(None, self.lang, &|name| std::env::var(name).ok())
    }
}

/// A language named plainly (`Th`, not `Some(Th)`) in a field that may be
/// left out.
fn named<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
    Lang::deserialize(d).map(Some)
}

/// Where the settings file is (or would be).
pub fn path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV) {
        return Some(PathBuf::from(dir).join(FILE_NAME));
    }
    directories::ProjectDirs::from("", "", "riskreg").map(|d| d.config_dir().join(FILE_NAME))
}

/// Loads the settings; a missing file gives the defaults, a broken one an
/// error naming the file, line and column, in both languages (shown on
/// screen, defaults used).
pub fn load() -> (Settings, Option<Label>) {
    match path() {
        Some(path) => load_from(&path),
        None => (Settings::default(), None),
    }
}

/// Loads the settings from a file (see [`load`]).
pub fn load_from(path: &std::path::Path) -> (Settings, Option<Label>) {
    match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Settings::default(), None),
        Err(e) => (
            Settings::default(),
            Some(Label::new(
                format!("{}: อ่านไม่ได้ ({e})", path.display()),
                format!("{}: cannot read: {e}", path.display()),
            )),
        ),
        Ok(bytes) => match crate::store::parse::<Settings>(path, &bytes, "Settings(lang: Th, …)")
        {
            Ok(s) => (s, None),
            Err(e) => (
                Settings::default(),
                Some(Label::new(e.text(Lang::Th), e.text(Lang::En))),
            ),
        },
    }
}

/// The language the settings file names, if it names one: the default of
/// every command's `--lang` (see [`crate::locale`]). Only the `lang` key is
/// read, so a file the interface would refuse for another key still gives
/// its language; a missing or unreadable file, or no `lang` key, gives `None`.
pub fn chosen_lang() -> Option<Lang> {
    chosen_lang_in(&path()?)
}

/// [`chosen_lang`] of a given file.
pub fn chosen_lang_in(path: &std::path::Path) -> Option<Lang> {
    #[derive(Deserialize)]
    #[serde(rename = "Settings")]
    struct LangOnly {
        #[serde(default, deserialize_with = "named")]
        lang: Option<Lang>,
    }
    let bytes = std::fs::read(path).ok()?;
    crate::store::parse::<LangOnly>(path, &bytes, "Settings(lang: Th, …)")
        .ok()?
        .lang
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_gives_defaults_and_a_broken_one_says_where() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(FILE_NAME);
        assert_eq!(load_from(&path), (Settings::default(), None));
        std::fs::write(&path, "Settings(\n    lang: En,\n    colour: Mono,\n)\n").expect("write");
        let (s, problem) = load_from(&path);
        assert_eq!(s, Settings::default());
        let problem = problem.expect("a problem");
        assert!(problem.en.contains("settings.ron:3:"), "{problem:?}");
        assert!(problem.th.contains("settings.ron:3:"), "{problem:?}");
        assert_ne!(problem.th, problem.en);
        std::fs::write(&path, "Settings(lang: En, theme: Mono, name: \"ทดสอบ\")").expect("write");
        let (s, problem) = load_from(&path);
        assert_eq!(problem, None);
        assert_eq!(
            (s.lang, s.theme, s.name.as_str()),
            (Some(Lang::En), ThemeChoice::Mono, "ทดสอบ")
        );
        std::fs::write(&path, "Settings(theme: Mono)").expect("write");
        let (s, problem) = load_from(&path);
        assert_eq!((s.lang, problem), (None, None), "no lang: the locale's");
    }

    #[test]
    fn the_command_line_reads_only_the_language_of_the_settings() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(FILE_NAME);
        assert_eq!(chosen_lang_in(&path), None, "no file");
        std::fs::write(&path, "Settings(theme: Mono)").expect("write");
        assert_eq!(chosen_lang_in(&path), None, "no lang key");
        std::fs::write(&path, "Settings(lang: En, keys: {\"Save\": \"ctrl-w\"})").expect("write");
        assert_eq!(chosen_lang_in(&path), Some(Lang::En));
        std::fs::write(&path, "Settings(\n    lang: Th,\n    colour: Mono,\n)\n").expect("write");
        assert_eq!(
            chosen_lang_in(&path),
            Some(Lang::Th),
            "another key's mistake"
        );
    }
}
