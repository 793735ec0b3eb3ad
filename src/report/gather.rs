//! What each register gives the summary, worked out from that register
//! alone: its facts for the frames (as numbers), its rows of the table and
//! its follow-up figures. Registers are independent, so the summary goes
//! through them once, on all cores; a register the summary owns gives up
//! its texts to the rows instead of having them copied.

use super::frames::{MeasureFact, RoundFact};
use super::summary::{FollowUp, Row};
use crate::method::Methodology;
use crate::model::ids::natural_cmp;
use crate::model::{
    ApproachId, BandId, BureauCode, CoResponsible, Date, Implementation, Judgement, Measure,
    MeasureId, Register, RiskId, RoundId, TrafficLight, judge,
};
use crate::validate::cadence;
use std::collections::HashMap;

/// The tables every register's facts are numbered against, and the rounds.
pub(super) struct Context<'a> {
    pub bureau_ix: HashMap<BureauCode, u32>,
    pub band_ix: HashMap<BandId, u32>,
    /// The approach groups of `approaches.ron`, in order: a handful, so a
    /// measure's is found by comparing, not hashing.
    pub approaches: &'a [ApproachId],
    /// The round reported on, then the round compared with (if any).
    pub rounds: &'a [&'a RoundId],
    /// Without it nothing is overdue.
    pub today: Option<Date>,
}

/// A row of the table under its approach group, until the table takes it.
pub(super) type Slot = Option<(ApproachId, Row)>;

/// One register's share of the summary. Indexes of risks and measures are
/// the register's own (from 0); [`Gathered::add`] shifts them.
#[derive(Default)]
pub(super) struct Part {
    /// Index of the register's bureau in the bureau table.
    pub lead: u32,
    /// Band index per risk, in file order.
    pub risk_bands: Vec<u32>,
    pub measures: Vec<MeasureFact>,
    pub rounds: Vec<RoundFact>,
    /// (measure, named co-responsible bureau other than the lead).
    pub co: Vec<(u32, u32)>,
    /// The rows of its measures, in file order, not yet numbered or banded
    /// (each in an `Option` so the table can take it out in its own order).
    pub rows: Vec<Slot>,
    pub follow_up: FollowUp,
    /// Measures whose approach group `approaches.ron` does not list.
    pub unknown: Vec<(u32, ApproachId)>,
}

impl Context<'_> {
    /// The facts and follow-up figures of `reg`, read from `method`; the
    /// rows are left to [`Part::copy_rows`] or [`Part::take_rows`].
    pub fn part(&self, reg: &Register, method: Option<&Methodology>) -> Part {
        let lead = self.bureau_ix.get(&reg.bureau).copied().unwrap_or(0);
        let mut part = Part {
            lead,
            ..Part::default()
        };
        let mut local = id_order(reg).into_iter();
        for risk in &reg.risks {
            // the band is the risk's: rate each risk once, not once per measure
            let band = method
                .and_then(|m| m.inherent_band(risk).ok())
                .and_then(|b| self.band_ix.get(&b.id).copied())
                .unwrap_or(0);
            let risk_ix = part.risk_bands.len() as u32;
            part.risk_bands.push(band);
            for measure in &risk.measures {
                let ix = part.measures.len() as u32;
                part.measures.push(MeasureFact {
                    lead,
                    approach: match self.approaches.iter().position(|a| a == &measure.approach) {
                        Some(i) => i as u32,
                        None => {
                            part.unknown.push((ix, measure.approach.clone()));
                            u32::MAX
                        }
                    },
                    all_bureaus: matches!(measure.co_responsible, CoResponsible::AllBureaus),
                    local: local.next().unwrap_or(u32::MAX),
                    risk: risk_ix,
                    allocated: measure.budget.allocated().satang(),
                });
                for (n, r) in self.rounds.iter().enumerate() {
                    if let Some(entry) = measure.at_round(r) {
                        part.rounds.push(RoundFact {
                            measure: ix,
                            round: n as u8,
                            status: Some(entry.status),
                            completed: entry.implementation.is_completed(),
                            disbursed: entry.disbursed.satang(),
                        });
                    }
                }
                if let CoResponsible::Bureaus(list) = &measure.co_responsible {
                    part.co.extend(
                        list.iter()
                            .filter_map(|c| self.bureau_ix.get(c).copied())
                            .filter(|b| *b != lead)
                            .map(|b| (ix, b)),
                    );
                }
            }
        }
        part.follow_up = self.overdue(reg, method);
        part
    }

    fn round(&self) -> &RoundId {
        self.rounds[0]
    }

    /// The reviews and reports of `reg` that have fallen due. Reviews are
    /// judged on the round's last day, or today while the round is running,
    /// so the summary of a past round does not change with the day it is
    /// made.
    fn overdue(&self, reg: &Register, method: Option<&Methodology>) -> FollowUp {
        let mut f = FollowUp::default();
        let end = method
            .and_then(|m| m.round(self.round()))
            .map(|r| reg.year.round_end(r.months));
        if let (Some(today), Some(end)) = (self.today, end) {
            f.reviews_overdue = cadence::overdue_reviews(reg, today.min(end)).len() as u64;
            if let Some(method) = method {
                f.reports_overdue = cadence::overdue_reports(reg, method, today)
                    .iter()
                    .filter(|o| &o.round == self.round())
                    .count() as u64;
            }
        }
        f
    }
}

impl Part {
    /// The rows of a borrowed register: what they show is copied.
    pub fn copy_rows(&mut self, reg: &Register, round: &RoundId) {
        self.rows = reg
            .measures()
            .map(|(risk, m)| {
                let judged = self.judge(m, round);
                let parts = RowParts::copied(m, round);
                Some((
                    m.approach.clone(),
                    row(&reg.bureau, risk.id.clone(), parts, judged),
                ))
            })
            .collect();
    }

    /// The rows of a register the summary owns: its texts move into them,
    /// and are left empty in the register, which is dropped afterwards.
    pub fn take_rows(&mut self, reg: &mut Register, round: &RoundId) {
        let mut rows = Vec::with_capacity(self.measures.len());
        for risk in &mut reg.risks {
            let last = risk.measures.len().saturating_sub(1);
            for (i, m) in risk.measures.iter_mut().enumerate() {
                let judged = self.judge(m, round);
                let parts = RowParts::taken(m, round);
                // the risk's id is copied into each of its rows but the last
                let risk_id = if i == last {
                    risk.id.take()
                } else {
                    risk.id.clone()
                };
                rows.push(Some((
                    m.approach.take(),
                    row(&reg.bureau, risk_id, parts, judged),
                )));
            }
        }
        self.rows = rows;
    }

    /// Each indicator of `m` judged on its result at `round`, counted in
    /// the follow-up figures.
    fn judge(&mut self, m: &Measure, round: &RoundId) -> Vec<Judgement> {
        let results = m.at_round(round).map_or(&[][..], |e| &e.results[..]);
        let judged = judge(&m.indicators, results);
        let f = &mut self.follow_up;
        f.indicators += judged.len() as u64;
        f.indicators_met += judged.iter().filter(|j| j.met == Some(true)).count() as u64;
        f.indicators_not_met += judged.iter().filter(|j| j.met == Some(false)).count() as u64;
        judged
    }
}

/// For each measure of a register (in file order), its rank when the
/// register's measure ids are sorted naturally.
fn id_order(reg: &Register) -> Vec<u32> {
    let ids: Vec<&str> = reg.measures().map(|(_, m)| m.id.as_str()).collect();
    let mut by_id: Vec<usize> = (0..ids.len()).collect();
    // files usually list measures in id order already: check before sorting
    let in_order = ids
        .windows(2)
        .all(|w| natural_cmp(w[0], w[1]) != std::cmp::Ordering::Greater);
    if !in_order {
        by_id.sort_by(|a, b| natural_cmp(ids[*a], ids[*b]));
    }
    let mut rank = vec![0u32; ids.len()];
    for (r, i) in by_id.iter().enumerate() {
        rank[*i] = r as u32;
    }
    rank
}

/// The year's facts as plain rows, before they become frames, with the
/// rows of the table in file order and the follow-up figures per bureau.
#[derive(Default)]
pub(super) struct Gathered {
    pub risk_bands: Vec<u32>,
    pub measures: Vec<MeasureFact>,
    pub rounds: Vec<RoundFact>,
    pub co: Vec<(u32, u32)>,
    /// Taken out one by one as the table is put in order.
    pub rows: Rows,
    pub follow_up: FollowUp,
    /// Indexed like the bureau table.
    pub follow_up_per_lead: Vec<FollowUp>,
    /// Measures whose approach group `approaches.ron` does not list.
    unknown: Vec<(u32, ApproachId)>,
}

impl Gathered {
    pub fn new(bureaus: usize) -> Gathered {
        Gathered {
            follow_up_per_lead: vec![FollowUp::default(); bureaus],
            ..Gathered::default()
        }
    }

    /// Room for the facts and rows of `parts`, to be added next.
    pub fn reserve<'p>(&mut self, parts: impl Iterator<Item = &'p Part> + Clone) {
        let sum = |len: fn(&Part) -> usize| parts.clone().map(len).sum::<usize>();
        self.risk_bands.reserve(sum(|p| p.risk_bands.len()));
        self.measures.reserve(sum(|p| p.measures.len()));
        self.rounds.reserve(sum(|p| p.rounds.len()));
        self.co.reserve(sum(|p| p.co.len()));
    }

    /// Adds a register's part after the ones before it, its indexes shifted.
    pub fn add(&mut self, part: Part) {
        let (m0, r0) = (self.measures.len() as u32, self.risk_bands.len() as u32);
        self.risk_bands.extend(part.risk_bands);
        self.measures
            .extend(part.measures.into_iter().map(|m| MeasureFact {
                risk: m.risk + r0,
                ..m
            }));
        self.rounds
            .extend(part.rounds.into_iter().map(|r| RoundFact {
                measure: r.measure + m0,
                ..r
            }));
        self.co
            .extend(part.co.into_iter().map(|(m, b)| (m + m0, b)));
        self.unknown
            .extend(part.unknown.into_iter().map(|(m, a)| (m + m0, a)));
        self.rows.push(m0 as usize, part.rows);
        add(&mut self.follow_up, &part.follow_up);
        if let Some(f) = self.follow_up_per_lead.get_mut(part.lead as usize) {
            add(f, &part.follow_up);
        }
    }

    /// Numbers the approach groups measures name that `approaches.ron`
    /// does not list, after the `listed` ones, in id order.
    pub fn number_unknown(&mut self, listed: usize) {
        let mut ids: Vec<&ApproachId> = self.unknown.iter().map(|(_, a)| a).collect();
        ids.sort();
        ids.dedup();
        for (m, a) in &self.unknown {
            let rank = ids.binary_search(&a).unwrap_or(0);
            if let Some(f) = self.measures.get_mut(*m as usize) {
                f.approach = (listed + rank) as u32;
            }
        }
    }
}

/// The rows of every register, each register's kept where it was made:
/// joined into one list they would be copied once more, hundreds of
/// megabytes at a national body's size. A row is found by its measure's
/// index in the year.
#[derive(Default)]
pub(super) struct Rows {
    /// Index of the first measure of each register's rows.
    starts: Vec<usize>,
    parts: Vec<Vec<Slot>>,
}

impl Rows {
    fn push(&mut self, start: usize, rows: Vec<Slot>) {
        self.starts.push(start);
        self.parts.push(rows);
    }

    /// Where the row of measure `ix` is (until it is taken).
    fn locate(&self, ix: usize) -> Option<(usize, usize)> {
        // the register whose first measure is the last one at or before ix
        let part = self.starts.partition_point(|s| *s <= ix).checked_sub(1)?;
        Some((part, ix - self.starts[part]))
    }

    #[cfg(test)]
    fn get(&self, ix: usize) -> Option<&(ApproachId, Row)> {
        let (part, at) = self.locate(ix)?;
        self.parts.get(part)?.get(at)?.as_ref()
    }

    pub fn take(&mut self, ix: usize) -> Slot {
        let (part, at) = self.locate(ix)?;
        self.parts.get_mut(part)?.get_mut(at)?.take()
    }
}

fn add(to: &mut FollowUp, f: &FollowUp) {
    to.indicators += f.indicators;
    to.indicators_met += f.indicators_met;
    to.indicators_not_met += f.indicators_not_met;
    to.reviews_overdue += f.reviews_overdue;
    to.reports_overdue += f.reports_overdue;
}

/// A row of the table from the parts of its measure, numbered later.
fn row(lead: &BureauCode, risk: RiskId, m: RowParts, indicators: Vec<Judgement>) -> Row {
    let mut responsible = vec![lead.clone()];
    let all_bureaus = matches!(m.co_responsible, CoResponsible::AllBureaus);
    if let CoResponsible::Bureaus(list) = m.co_responsible {
        responsible.extend(list.into_iter().filter(|c| c != lead));
    }
    let e = m.entry;
    Row {
        no: 0,
        measure: m.id,
        title: m.title,
        risk,
        status: e.as_ref().map(|e| e.status),
        disbursed_satang: e.as_ref().map_or(0, |e| e.disbursed),
        implementation: e.as_ref().map(|e| e.implementation.clone()),
        occurrence: e.map(|e| e.occurrence).unwrap_or_default(),
        responsible,
        all_bureaus,
        other_responsible: m.other_responsible,
        allocated_satang: m.allocated,
        band: None,
        indicators,
    }
}

/// What a row takes from a measure and its entry for the round.
struct RowParts {
    id: MeasureId,
    title: String,
    co_responsible: CoResponsible,
    other_responsible: String,
    allocated: i64,
    entry: Option<EntryParts>,
}

struct EntryParts {
    status: TrafficLight,
    implementation: Implementation,
    disbursed: i64,
    occurrence: String,
}

impl RowParts {
    /// Copies what the row needs from a borrowed measure.
    fn copied(m: &Measure, round: &RoundId) -> RowParts {
        RowParts {
            id: m.id.clone(),
            title: m.title.clone(),
            co_responsible: m.co_responsible.clone(),
            other_responsible: m.other_responsible.clone(),
            allocated: m.budget.allocated().satang(),
            entry: m.at_round(round).map(|e| EntryParts {
                status: e.status,
                implementation: e.implementation.clone(),
                disbursed: e.disbursed.satang(),
                occurrence: e.occurrence.clone(),
            }),
        }
    }

    /// Moves what the row needs out of a measure that is dropped afterwards.
    fn taken(m: &mut Measure, round: &RoundId) -> RowParts {
        let allocated = m.budget.allocated().satang();
        RowParts {
            id: m.id.take(),
            title: std::mem::take(&mut m.title),
            co_responsible: std::mem::take(&mut m.co_responsible),
            other_responsible: std::mem::take(&mut m.other_responsible),
            allocated,
            entry: m.at_round_mut(round).map(|e| EntryParts {
                status: e.status,
                implementation: std::mem::replace(
                    &mut e.implementation,
                    Implementation::NotStarted,
                ),
                disbursed: e.disbursed.satang(),
                occurrence: std::mem::take(&mut e.occurrence),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(measure: &str) -> Slot {
        let row = Row {
            no: 0,
            measure: MeasureId::new(measure).expect("id"),
            title: String::new(),
            risk: RiskId::new("R1").expect("id"),
            occurrence: String::new(),
            status: None,
            implementation: None,
            responsible: Vec::new(),
            all_bureaus: false,
            other_responsible: String::new(),
            allocated_satang: 0,
            disbursed_satang: 0,
            band: None,
            indicators: Vec::new(),
        };
        Some((ApproachId::new("a").expect("id"), row))
    }

    #[test]
    fn rows_are_found_by_measure_index_across_registers_with_none() {
        // registers of 2, 0, 0, 3 and 0 measures
        let mut rows = Rows::default();
        rows.push(0, vec![slot("A-M1"), slot("A-M2")]);
        rows.push(2, Vec::new());
        rows.push(2, Vec::new());
        rows.push(2, vec![slot("D-M1"), slot("D-M2"), slot("D-M3")]);
        rows.push(5, Vec::new());
        let id = |rows: &Rows, ix| rows.get(ix).map(|(_, r)| r.measure.to_string());
        let ids: Vec<_> = (0..6).map(|ix| id(&rows, ix)).collect();
        let want = ["A-M1", "A-M2", "D-M1", "D-M2", "D-M3"];
        assert_eq!(ids[..5], want.map(|s| Some(s.to_string())));
        assert_eq!(ids[5], None);
        // taken once, then gone
        assert_eq!(
            rows.take(3).map(|(_, r)| r.measure.to_string()),
            Some("D-M2".into())
        );
        assert!(rows.take(3).is_none());
        assert!(rows.get(4).is_some());
    }
}
