//! Rating as pure functions of a methodology and a risk.

use super::{Band, Grid, Methodology, ResidualRule};
use crate::model::{Rating, Risk};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RatingError {
    /// A value outside a scale: which scale, the value, the highest level.
    OutOfScale {
        scale: &'static str,
        value: u8,
        max: u8,
    },
    /// The methodology itself does not give a band for this point.
    NoBand { likelihood: u8, impact: u8 },
    /// The control grid has no entry for this control quality and band.
    NoResidual { control: &'static str, band: String },
}

impl fmt::Display for RatingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RatingError::OutOfScale { scale, value, max } => {
                write!(f, "{scale} {value} is outside the scale 1–{max}")
            }
            RatingError::NoBand { likelihood, impact } => {
                write!(
                    f,
                    "the methodology gives no band for likelihood {likelihood} × impact {impact}"
                )
            }
            RatingError::NoResidual { control, band } => {
                write!(
                    f,
                    "the control grid has no residual for {control} controls at band {band}"
                )
            }
        }
    }
}

impl std::error::Error for RatingError {}

impl Methodology {
    /// Likelihood × impact.
    pub fn score(rating: Rating) -> u16 {
        u16::from(rating.likelihood) * u16::from(rating.impact)
    }

    fn check_scales(&self, rating: Rating) -> Result<(), RatingError> {
        let max_l = self.likelihood.levels.len() as u8;
        let max_i = self.impact.levels.len() as u8;
        if rating.likelihood == 0 || rating.likelihood > max_l {
            return Err(RatingError::OutOfScale {
                scale: "likelihood",
                value: rating.likelihood,
                max: max_l,
            });
        }
        if rating.impact == 0 || rating.impact > max_i {
            return Err(RatingError::OutOfScale {
                scale: "impact",
                value: rating.impact,
                max: max_i,
            });
        }
        Ok(())
    }

    /// The band of a point on the grid.
    pub fn band_for(&self, rating: Rating) -> Result<&Band, RatingError> {
        self.check_scales(rating)?;
        let no_band = RatingError::NoBand {
            likelihood: rating.likelihood,
            impact: rating.impact,
        };
        let id = match &self.grid {
            Grid::Table(rows) => rows
                .get(usize::from(rating.likelihood) - 1)
                .and_then(|row| row.get(usize::from(rating.impact) - 1)),
            Grid::Score(steps) => {
                let score = Self::score(rating);
                steps.iter().find(|s| score <= s.up_to).map(|s| &s.band)
            }
        };
        id.and_then(|id| self.band(id)).ok_or(no_band)
    }

    /// The inherent band of a risk.
    pub fn inherent_band(&self, risk: &Risk) -> Result<&Band, RatingError> {
        self.band_for(risk.inherent)
    }

    /// The residual band of a risk: re-rated, or looked up in the control
    /// grid. `Ok(None)` when the methodology re-rates and the risk has no
    /// residual rating yet.
    pub fn residual_band(&self, risk: &Risk) -> Result<Option<&Band>, RatingError> {
        match &self.residual {
            ResidualRule::Rerate => risk.residual.map(|r| self.band_for(r)).transpose(),
            ResidualRule::ControlGrid(rows) => {
                let inherent = self.inherent_band(risk)?;
                let control = risk.control_quality;
                let missing = || RatingError::NoResidual {
                    control: control.label(crate::model::Lang::En),
                    band: inherent.id.to_string(),
                };
                let row = rows
                    .iter()
                    .find(|r| r.control == control)
                    .ok_or_else(missing)?;
                let id = row.residual.get(&inherent.id).ok_or_else(missing)?;
                self.band(id).map(Some).ok_or_else(missing)
            }
        }
    }
}
