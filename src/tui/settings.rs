//! Per-user settings: language, theme, key overrides and the name written as
//! "prepared by". They live in the OS config directory (never beside the
//! data), or in `$RISKREG_CONFIG_DIR` when that is set (tests use it).

use crate::model::Lang;
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
    #[serde(default)]
    pub lang: Lang,
    #[serde(default)]
    pub theme: ThemeChoice,
    /// The user's name, offered for "prepared by".
    #[serde(default)]
    pub name: String,
    /// Action name → key, e.g. `"Save": "ctrl-w"`; replaces that action's
    /// default keys on every screen.
    #[serde(default)]
    pub keys: BTreeMap<String, String>,
}

/// Where the settings file is (or would be).
pub fn path() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV) {
        return Some(PathBuf::from(dir).join(FILE_NAME));
    }
    directories::ProjectDirs::from("", "", "riskreg").map(|d| d.config_dir().join(FILE_NAME))
}

/// Loads the settings; a missing file gives the defaults, a broken one an
/// error naming the file, line and column (shown on screen, defaults used).
pub fn load() -> (Settings, Option<String>) {
    let Some(path) = path() else {
        return (Settings::default(), None);
    };
    match std::fs::read(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Settings::default(), None),
        Err(e) => (
            Settings::default(),
            Some(format!("{}: cannot read: {e}", path.display())),
        ),
        Ok(bytes) => match crate::store::parse::<Settings>(&path, &bytes, "Settings(lang: Th, …)")
        {
            Ok(s) => (s, None),
            Err(e) => (Settings::default(), Some(e.to_string())),
        },
    }
}
