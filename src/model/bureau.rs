//! The secretariat's bureaus and the approach groups its plan reports under.

use super::ids::{ApproachId, BureauCode};
use super::label::{Label, Lang};
use serde::{Deserialize, Serialize};

/// `registers/bureaus.ron`: the secretariat and its bureaus, in the order
/// official tables list them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BureauList {
    pub secretariat: Label,
    pub bureaus: Vec<Bureau>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bureau {
    /// The short code that names the register file, e.g. `FIN`.
    pub code: BureauCode,
    pub name: Label,
    /// The Thai abbreviation used in official letters, e.g. `สคง.`.
    #[serde(default)]
    pub abbreviation: String,
}

impl BureauList {
    pub fn get(&self, code: &BureauCode) -> Option<&Bureau> {
        self.bureaus.iter().find(|b| &b.code == code)
    }
    /// Position in the official order; unknown bureaus sort last.
    pub fn rank(&self, code: &BureauCode) -> usize {
        self.bureaus
            .iter()
            .position(|b| &b.code == code)
            .unwrap_or(usize::MAX)
    }
    /// The bureau's name, or its code when it is not on the list.
    pub fn name(&self, code: &BureauCode, lang: Lang) -> String {
        self.get(code)
            .map_or_else(|| code.to_string(), |b| b.name.get(lang).to_string())
    }
}

/// `registers/approaches.ron`: the approach groups (แนวทางการดำเนินการ) of the
/// secretariat's plan, in report order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApproachList {
    pub approaches: Vec<Approach>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approach {
    pub id: ApproachId,
    pub label: Label,
}

impl ApproachList {
    pub fn get(&self, id: &ApproachId) -> Option<&Approach> {
        self.approaches.iter().find(|a| &a.id == id)
    }
    pub fn rank(&self, id: &ApproachId) -> usize {
        self.approaches
            .iter()
            .position(|a| &a.id == id)
            .unwrap_or(usize::MAX)
    }
}
