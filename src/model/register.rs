//! A bureau's fraud-risk register for one fiscal year: the header, its risks,
//! their measures and the monitoring of each measure per round.
//!
//! Field order here is the order in the file; only what a person enters is
//! held — bands, scores, residual levels and totals are derived elsewhere.

use super::amount::Money;
use super::approval::Approval;
use super::calendar::{Date, FiscalYear, YearMonth};
use super::ids::{ApproachId, BureauCode, CategoryId, MeasureId, MethodId, RiskId, RoundId};
use super::indicator::{Indicator, IndicatorResult};
use super::status::{ControlQuality, Factor, Implementation, MeasureKind, Response, TrafficLight};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Register {
    pub bureau: BureauCode,
    pub year: FiscalYear,
    /// The methodology the risks were rated under, by id and version.
    pub methodology: MethodRef,
    #[serde(default)]
    pub prepared_by: Option<Signature>,
    #[serde(default)]
    pub reviewed_by: Option<Signature>,
    #[serde(default)]
    /// The sign-off, with the digest of the content it approved.
    pub approved_by: Option<Approval>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub risks: Vec<Risk>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodRef {
    pub id: MethodId,
    pub version: u32,
}

/// `coso-5x5 v1`, as messages and the interface name a methodology.
impl std::fmt::Display for MethodRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} v{}", self.id, self.version)
    }
}

/// Who prepared or reviewed the register, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub name: String,
    pub position: String,
    pub date: Date,
}

/// A point on the methodology's two scales.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub likelihood: u8,
    pub impact: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: RiskId,
    /// The work process (กระบวนงาน) the risk sits in.
    pub process: String,
    /// What could go wrong (โอกาส/ความเสี่ยงการทุจริต).
    pub description: String,
    pub category: CategoryId,
    pub factor: Factor,
    pub inherent: Rating,
    /// The existing controls (การควบคุมที่มีอยู่), as text.
    #[serde(default)]
    pub controls: String,
    pub control_quality: ControlQuality,
    /// Re-rated residual risk, when the methodology re-rates; `None` when the
    /// methodology derives it from the control grid.
    #[serde(default)]
    pub residual: Option<Rating>,
    #[serde(default)]
    pub owner: String,
    pub response: Response,
    #[serde(default)]
    pub next_review: Option<Date>,
    #[serde(default)]
    pub measures: Vec<Measure>,
}

/// Who besides the register's own bureau (the lead) carries a measure.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CoResponsible {
    /// The lead bureau alone.
    #[default]
    LeadOnly,
    /// The lead with these bureaus.
    Bureaus(Vec<BureauCode>),
    /// Every bureau of the secretariat (ทุกสำนัก), coordinated by the lead.
    AllBureaus,
}

/// The budget of a measure: a tagged value, not a number.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Budget {
    /// ไม่ขอรับการจัดสรรงบประมาณ — most rows of seed 002.
    #[default]
    NotRequested,
    /// Requested but not (yet) allocated.
    Requested { amount: Money },
    /// Allocated, with its source (e.g. `งบ กทบ.`).
    Allocated { amount: Money, source: String },
}

impl Budget {
    /// The allocated amount; zero when nothing was allocated.
    pub fn allocated(&self) -> Money {
        match self {
            Budget::Allocated { amount, .. } => *amount,
            _ => Money::ZERO,
        }
    }
}

/// A measure, project or activity (มาตรการ/โครงการ/กิจกรรม) answering a risk.
/// It lives in its lead bureau's register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: MeasureId,
    pub title: String,
    pub kind: MeasureKind,
    /// The approach group (แนวทางการดำเนินการ) it is reported under.
    pub approach: ApproachId,
    #[serde(default)]
    pub co_responsible: CoResponsible,
    /// Responsible parties that are not bureaus of the list, as text
    /// (e.g. `สำนักที่มีบุคคลภายนอกเข้ามามีส่วนร่วม`).
    #[serde(default)]
    pub other_responsible: String,
    pub start: YearMonth,
    pub end: YearMonth,
    #[serde(default)]
    pub budget: Budget,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub monitoring: Vec<Monitoring>,
}

impl Measure {
    /// The monitoring entry for a round, if one was recorded.
    pub fn at_round(&self, round: &RoundId) -> Option<&Monitoring> {
        self.monitoring.iter().find(|m| &m.round == round)
    }
    pub fn at_round_mut(&mut self, round: &RoundId) -> Option<&mut Monitoring> {
        self.monitoring.iter_mut().find(|m| &m.round == round)
    }
}

/// The result of a measure at one monitoring round (รายงานผลการเฝ้าระวัง).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    pub round: RoundId,
    /// The cut-off date of the figures; must fall in the round.
    #[serde(default)]
    pub as_of: Option<Date>,
    pub status: TrafficLight,
    /// Whether the risk occurred (e.g. `ไม่มีความเสี่ยง/การทุจริตเกิดขึ้น`).
    #[serde(default)]
    pub occurrence: String,
    pub implementation: Implementation,
    /// What was done (รายละเอียดการดำเนินการ).
    #[serde(default)]
    pub done: String,
    /// Activities added because the status is yellow or red.
    #[serde(default)]
    pub added_activities: String,
    /// Cumulative budget disbursed up to this round.
    #[serde(default)]
    pub disbursed: Money,
    #[serde(default)]
    pub results: Vec<IndicatorResult>,
    /// Links or file references to the evidence.
    #[serde(default)]
    pub evidence: Vec<String>,
}

impl Monitoring {
    /// A fresh entry for a round: green, not started, nothing recorded yet.
    pub fn new(round: RoundId) -> Self {
        Monitoring {
            round,
            as_of: None,
            status: TrafficLight::Green,
            occurrence: String::new(),
            implementation: Implementation::NotStarted,
            done: String::new(),
            added_activities: String::new(),
            disbursed: Money::ZERO,
            results: Vec::new(),
            evidence: Vec::new(),
        }
    }
}

impl Register {
    pub fn measures(&self) -> impl Iterator<Item = (&Risk, &Measure)> {
        self.risks
            .iter()
            .flat_map(|r| r.measures.iter().map(move |m| (r, m)))
    }
    pub fn risk(&self, id: &RiskId) -> Option<&Risk> {
        self.risks.iter().find(|r| &r.id == id)
    }
    pub fn risk_mut(&mut self, id: &RiskId) -> Option<&mut Risk> {
        self.risks.iter_mut().find(|r| &r.id == id)
    }
}
