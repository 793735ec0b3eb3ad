//! The follow-up figures of a summary, counted straight from the registers
//! beside the polars aggregation: each indicator judged against its target
//! at the round, and the reviews and reports that have fallen due (the same
//! rules `riskreg validate` warns with).

use super::summary::{FollowUp, Summary};
use crate::method::Methodology;
use crate::model::{BureauCode, Date, Judgement, MeasureId, Register, RoundId, judge};
use crate::validate::cadence;
use std::collections::HashMap;

/// The figures, ready to be attached to the summary made of the same
/// registers.
pub(super) struct Counted {
    rows: HashMap<MeasureId, Vec<Judgement>>,
    total: FollowUp,
    bureaus: HashMap<BureauCode, FollowUp>,
}

/// Counts the follow-up figures of `round`. Without `today` nothing is
/// overdue; reviews are judged on the round's last day, or today while the
/// round is running, so the summary of a past round does not change with
/// the day it is made.
pub(super) fn count(
    registers: &[Register],
    methods: &[Methodology],
    round: &RoundId,
    today: Option<Date>,
) -> Counted {
    let mut out = Counted {
        rows: HashMap::new(),
        total: FollowUp::default(),
        bureaus: HashMap::new(),
    };
    for reg in registers {
        let mut f = FollowUp::default();
        for (_, m) in reg.measures() {
            let results = m.at_round(round).map_or(&[][..], |e| &e.results[..]);
            let judged = judge(&m.indicators, results);
            f.indicators += judged.len() as u64;
            f.indicators_met += judged.iter().filter(|j| j.met == Some(true)).count() as u64;
            f.indicators_not_met += judged.iter().filter(|j| j.met == Some(false)).count() as u64;
            out.rows.insert(m.id.clone(), judged);
        }
        let method = crate::method::find(methods, &reg.methodology);
        let end = method
            .and_then(|m| m.round(round))
            .map(|r| reg.year.round_end(r.months));
        if let (Some(today), Some(end)) = (today, end) {
            let as_of = today.min(end);
            f.reviews_overdue = cadence::overdue_reviews(reg, as_of).len() as u64;
            if let Some(method) = method {
                f.reports_overdue = cadence::overdue_reports(reg, method, today)
                    .iter()
                    .filter(|o| &o.round == round)
                    .count() as u64;
            }
        }
        add(&mut out.total, &f);
        add(out.bureaus.entry(reg.bureau.clone()).or_default(), &f);
    }
    out
}

fn add(to: &mut FollowUp, f: &FollowUp) {
    to.indicators += f.indicators;
    to.indicators_met += f.indicators_met;
    to.indicators_not_met += f.indicators_not_met;
    to.reviews_overdue += f.reviews_overdue;
    to.reports_overdue += f.reports_overdue;
}

impl Counted {
    /// The summary with the figures in its rows, bureaus and total.
    pub(super) fn attach(mut self, mut summary: Summary) -> Summary {
        for g in &mut summary.groups {
            for r in &mut g.rows {
                r.indicators = self.rows.remove(&r.measure).unwrap_or_default();
            }
        }
        for b in &mut summary.bureaus {
            b.follow_up = self.bureaus.remove(&b.bureau).unwrap_or_default();
        }
        summary.follow_up = self.total;
        summary
    }
}
