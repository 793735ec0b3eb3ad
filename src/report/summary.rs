//! What a report shows for one round, as plain Rust data: the monitoring
//! table, the progress figures, the comparison with an earlier round, the
//! warnings and the follow-up counts. `build` fills it in, `follow_up` and
//! `warnings` add to it, the renderers read it; it depends on none of them.

use super::percent::Percent;
use crate::model::{
    ApproachId, BandId, BureauCode, FiscalYear, Implementation, Judgement, Label, MeasureId,
    RiskId, RoundId, TrafficLight,
};
use serde::{Deserialize, Serialize};

/// Everything a report shows for one round. Amounts are satang (exact),
/// percentages follow the one rule of [`Percent`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub year: FiscalYear,
    pub round: RoundId,
    /// The round's name from the methodology (e.g. `รอบ 6 เดือน`).
    pub round_label: Label,
    pub secretariat: Label,
    /// Every bureau of the list (and any with a register but not listed),
    /// in official order, to name the responsible bureaus.
    pub bureau_names: Vec<(BureauCode, Label)>,
    /// The monitoring table: approach groups in report order.
    pub groups: Vec<Group>,
    /// The whole secretariat's figures.
    pub progress: Progress,
    /// One row per bureau that has a register this year, in official order;
    /// each counts the measures it leads (those held in its register).
    pub bureaus: Vec<BureauRow>,
    /// What changed since an earlier round, when one was asked for.
    pub comparison: Option<Comparison>,
    /// Overspent and unreported measures, in table order (see
    /// [`super::warnings`]); filled in once the table is built.
    #[serde(default)]
    pub warnings: Vec<Warning>,
    /// Indicators judged and reviews and reports overdue, secretariat-wide.
    #[serde(default)]
    pub follow_up: FollowUp,
}

/// An approach group (แนวทางการดำเนินการ) and its measures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub approach: ApproachId,
    pub label: Label,
    pub rows: Vec<Row>,
}

/// Rows in a group from which their freeing is shared among the cores
/// (as many as a national body's table has; a secretariat's are freed here).
const ROWS_FREED_PER_THREAD: usize = 10_000;

impl Drop for Group {
    fn drop(&mut self) {
        crate::par::drop_all(std::mem::take(&mut self.rows), ROWS_FREED_PER_THREAD);
    }
}

/// One measure, project or activity of the table: it appears once however
/// many bureaus carry it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// 1, 2, … running through all groups, as seed 002 numbers them.
    pub no: u32,
    pub measure: MeasureId,
    pub title: String,
    pub risk: RiskId,
    /// Whether the risk occurred, as reported for the round
    /// (โอกาส/ความเสี่ยงการทุจริต column).
    pub occurrence: String,
    /// `None` when the measure has no monitoring entry for the round.
    pub status: Option<TrafficLight>,
    pub implementation: Option<Implementation>,
    /// The lead bureau first, then the co-responsible ones.
    pub responsible: Vec<BureauCode>,
    /// Carried by every bureau (ทุกสำนัก).
    pub all_bureaus: bool,
    /// Responsible parties that are not bureaus, as text.
    pub other_responsible: String,
    pub allocated_satang: i64,
    /// Cumulative disbursement up to this round.
    pub disbursed_satang: i64,
    /// The inherent band of the measure's risk; `None` when unrated.
    pub band: Option<BandId>,
    /// Each indicator of the measure judged on its result at the round.
    #[serde(default)]
    pub indicators: Vec<Judgement>,
}

/// Counts and money for a set of measures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub measures: u64,
    /// Implementation `Completed` at the round.
    pub completed: u64,
    pub completed_pct: Option<Percent>,
    /// Every measure not completed: not started, partly done, plan revised,
    /// other reason, or not reported — as seed 002 counts "in progress".
    pub in_progress: u64,
    pub in_progress_pct: Option<Percent>,
    /// Of `in_progress`: measures with no monitoring entry for the round.
    pub not_reported: u64,
    pub allocated_satang: i64,
    pub disbursed_satang: i64,
    /// Allocated − disbursed; negative when more was disbursed than allocated.
    pub remaining_satang: i64,
    /// Shares of the allocated budget; `None` when nothing was allocated.
    pub disbursed_pct: Option<Percent>,
    pub remaining_pct: Option<Percent>,
    pub green: u64,
    pub yellow: u64,
    pub red: u64,
    /// Measures per inherent band of their risk, lowest band first.
    pub bands: Vec<BandCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandCount {
    /// `None` for measures whose risk could not be rated.
    pub band: Option<BandId>,
    pub label: Label,
    pub count: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BureauRow {
    pub bureau: BureauCode,
    pub name: Label,
    /// Figures of the measures this bureau leads.
    pub progress: Progress,
    /// Measures led by other bureaus that this one co-carries (named, or
    /// as one of all bureaus).
    pub co_responsible: u64,
    /// Follow-up figures of the measures and risks in its register.
    #[serde(default)]
    pub follow_up: FollowUp,
}

/// What needs following up: indicators judged against their targets, and
/// reviews and reports that have fallen due. Counted apart from the polars
/// aggregation, from the registers themselves (see `follow_up.rs`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// Indicators of the measures, all of them.
    pub indicators: u64,
    /// Of those, the ones whose result at the round meets the target.
    pub indicators_met: u64,
    /// Of those, the ones whose result at the round misses the target; the
    /// rest have no result yet (or a pending one).
    pub indicators_not_met: u64,
    /// Risks whose review date had passed on the report's day: the round's
    /// last day, or today when the round is still running.
    pub reviews_overdue: u64,
    /// Measures with no report for this round once the round has ended
    /// (measures that started after its end owe none).
    pub reports_overdue: u64,
}

/// The changes between an earlier round and this one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    pub from_round: RoundId,
    pub from_label: Label,
    /// Measures whose status differs between the rounds, in table order.
    pub moves: Vec<StatusMove>,
    /// Measures completed now that were not completed at the earlier round.
    pub newly_completed: Vec<MeasureId>,
    /// Disbursed at this round minus disbursed at the earlier one.
    pub disbursed_between_satang: i64,
    /// The whole secretariat's figures at the earlier round.
    pub from_progress: Progress,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusMove {
    pub no: u32,
    pub measure: MeasureId,
    pub from: Option<TrafficLight>,
    pub to: Option<TrafficLight>,
}

impl Summary {
    /// A bureau's name, or its code when it is unknown.
    pub fn bureau_name(&self, code: &BureauCode, lang: crate::model::Lang) -> String {
        self.bureau_names
            .iter()
            .find(|(c, _)| c == code)
            .map_or_else(|| code.to_string(), |(_, l)| l.get(lang).to_string())
    }
    /// All rows of the table in order.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.groups.iter().flat_map(|g| g.rows.iter())
    }
}

/// What a reader of the table must not miss (see `warnings`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Warning {
    /// Cumulative disbursement above the allocation (zero when nothing was
    /// allocated).
    Overspent {
        no: u32,
        measure: MeasureId,
        allocated_satang: i64,
        disbursed_satang: i64,
    },
    /// No monitoring entry for the round.
    NotReported { no: u32, measure: MeasureId },
}
