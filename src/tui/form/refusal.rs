//! Why a typed value was refused, in the interface's language: the value
//! does not read (a date, an amount, a month: the model's [`Refused`]), or
//! it breaks a rule of the form. What is left as plain text is English.

use crate::model::{Lang, Refused};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    Value(Refused),
    Rule { th: String, en: String },
    Other(String),
}

impl Refusal {
    /// A rule of the form, said in both languages.
    pub fn rule(th: impl Into<String>, en: impl Into<String>) -> Refusal {
        Refusal::Rule {
            th: th.into(),
            en: en.into(),
        }
    }
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Refusal::Value(r) => r.text(lang),
            Refusal::Rule { th, en } => lang.pick(th, en).to_string(),
            Refusal::Other(s) => s.clone(),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl From<Refused> for Refusal {
    fn from(r: Refused) -> Self {
        Refusal::Value(r)
    }
}
impl From<String> for Refusal {
    fn from(s: String) -> Self {
        Refusal::Other(s)
    }
}
impl From<&str> for Refusal {
    fn from(s: &str) -> Self {
        Refusal::Other(s.to_string())
    }
}
