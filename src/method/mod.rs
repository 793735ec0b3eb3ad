//! Methodologies as data (`registers/methodology/*.ron`): scales, the lookup
//! grid, bands and their colours, the residual rule, rounds and categories.
//! Every number that rates a risk comes from here, never from code.

mod check;
mod rating;

pub use check::{MethodProblem, check_methodology};
pub use rating::RatingError;

use crate::model::{BandId, CategoryId, ControlQuality, Label, MethodId, MethodRef, RoundId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Methodology {
    pub id: MethodId,
    /// A new version is a new file: changing a methodology never re-rates
    /// registers that name the old one.
    pub version: u32,
    pub name: Label,
    #[serde(default)]
    pub note: String,
    /// The likelihood scale (โอกาส), rows of the grid.
    pub likelihood: Scale,
    /// The impact scale (ผลกระทบ), columns of the grid.
    pub impact: Scale,
    /// Bands from lowest to highest.
    pub bands: Vec<Band>,
    pub grid: Grid,
    pub residual: ResidualRule,
    /// Monitoring rounds, in the order they are reported.
    pub rounds: Vec<Round>,
    pub categories: Vec<Category>,
}

/// A rating scale; its levels are numbered 1, 2, … upwards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub name: Label,
    pub levels: Vec<Level>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub value: u8,
    pub label: Label,
    /// What a rater looks for to choose this level.
    #[serde(default)]
    pub criteria: Label,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: BandId,
    pub label: Label,
    /// `#RRGGBB`.
    pub colour: String,
    /// A short mark shown beside or instead of the colour: `L`, `M`, `H`, `VH`.
    pub symbol: String,
}

impl Band {
    /// The colour as red, green, blue; grey when the file's value is malformed
    /// (the methodology check reports that).
    pub fn rgb(&self) -> (u8, u8, u8) {
        parse_hex_colour(&self.colour).unwrap_or((0x80, 0x80, 0x80))
    }
}

pub(crate) fn parse_hex_colour(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((byte(0)?, byte(2)?, byte(4)?))
}

/// How a (likelihood, impact) pair is turned into a band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grid {
    /// An explicit table: one row per likelihood level (level 1 first), one
    /// band id per impact level (level 1 first). Irregular matrices welcome.
    Table(Vec<Vec<BandId>>),
    /// Generated from score = likelihood × impact: the first entry whose
    /// `up_to` is at least the score gives the band.
    Score(Vec<ScoreBand>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreBand {
    pub up_to: u16,
    pub band: BandId,
}

/// How the residual risk is found once controls are assessed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResidualRule {
    /// COSO: the residual likelihood and impact are re-rated on the same scales.
    Rerate,
    /// PACC: looked up from the control quality and the inherent band.
    ControlGrid(Vec<ControlRow>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlRow {
    pub control: ControlQuality,
    /// Inherent band → residual band.
    pub residual: BTreeMap<BandId, BandId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub id: RoundId,
    /// Months covered from 1 October, cumulatively (6 → October–March).
    pub months: u8,
    pub label: Label,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: CategoryId,
    pub label: Label,
}

/// The methodology of `methods` that `r` names, by id and version: the one
/// lookup, whatever holds the list (a slice, the catalog's loaded files).
pub fn find<'a>(
    methods: impl IntoIterator<Item = &'a Methodology>,
    r: &MethodRef,
) -> Option<&'a Methodology> {
    methods.into_iter().find(|m| m.is(r))
}

impl Methodology {
    /// Whether this is the methodology `r` names: the same id and version
    /// (a new version is another methodology).
    pub fn is(&self, r: &MethodRef) -> bool {
        self.id == r.id && self.version == r.version
    }
    /// How a register names this methodology.
    pub fn reference(&self) -> MethodRef {
        MethodRef {
            id: self.id.clone(),
            version: self.version,
        }
    }
    pub fn band(&self, id: &BandId) -> Option<&Band> {
        self.bands.iter().find(|b| &b.id == id)
    }
    /// Position of a band from lowest (0) to highest.
    pub fn band_rank(&self, id: &BandId) -> Option<usize> {
        self.bands.iter().position(|b| &b.id == id)
    }
    pub fn round(&self, id: &RoundId) -> Option<&Round> {
        self.rounds.iter().find(|r| &r.id == id)
    }
    pub fn round_by_months(&self, months: u8) -> Option<&Round> {
        self.rounds.iter().find(|r| r.months == months)
    }
    pub fn category(&self, id: &CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| &c.id == id)
    }
    /// Whether residual risk is re-rated (true) or derived from the control grid.
    pub fn rerates_residual(&self) -> bool {
        matches!(self.residual, ResidualRule::Rerate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coso() -> Methodology {
        let text = include_str!("../../registers/methodology/coso-5x5-v1.ron");
        ron::from_str(text).expect("the shipped methodology parses")
    }

    #[test]
    fn a_methodology_is_found_by_id_and_version_together() {
        let v1 = coso();
        let mut v2 = coso();
        v2.version = 2;
        let mut other = coso();
        other.id = MethodId::new("pacc-3x3").expect("id");
        let list = vec![other.clone(), v1.clone(), v2.clone()];
        assert_eq!(find(&list, &v2.reference()).map(|m| m.version), Some(2));
        assert_eq!(find(&list, &v1.reference()).map(|m| m.version), Some(1));
        let missing = MethodRef {
            id: v1.id.clone(),
            version: 3,
        };
        assert!(
            find(&list, &missing).is_none(),
            "no other version stands in"
        );
        assert!(find(&list[..1], &v1.reference()).is_none(), "no other id");
        assert_eq!(v1.reference().to_string(), "coso-5x5 v1");
    }
}
