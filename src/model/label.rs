//! Bilingual text: every label a user sees exists in Thai and English.

use serde::{Deserialize, Serialize};

/// The language labels are shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Th,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "th" | "thai" => Some(Lang::Th),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }
    /// Picks the Thai or the English of a pair of fixed strings.
    pub fn pick<'a>(self, th: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Th => th,
            Lang::En => en,
        }
    }
}

/// A text in Thai and English, as methodology and bureau files hold it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub th: String,
    pub en: String,
}

impl Label {
    pub fn new(th: impl Into<String>, en: impl Into<String>) -> Self {
        Label {
            th: th.into(),
            en: en.into(),
        }
    }
    /// The text in `lang`, or in the other language when that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Th => (&self.th, &self.en),
            Lang::En => (&self.en, &self.th),
        };
        if first.is_empty() { second } else { first }
    }
}
