//! The rules of the calendar: reviews and monitoring reports that have fallen
//! due. Pure: the caller says what day it is (today in Thailand, or
//! `RISKREG_TODAY`), so the same registers give the same answer on any day
//! that is named.

use super::{Finding, Message, Sink};
use crate::method::Methodology;
use crate::model::{Date, Register, RoundId};
use std::path::Path;

/// A risk whose `next_review` has passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverdueReview {
    /// Index of the risk in the register.
    pub risk: usize,
    pub since: Date,
}

/// A measure with no monitoring entry for a round that has ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverdueReport {
    /// Indexes of the risk and of the measure under it.
    pub risk: usize,
    pub measure: usize,
    pub round: RoundId,
    /// The last day of the round.
    pub since: Date,
}

/// The risks whose review date is before `today`.
pub fn overdue_reviews(reg: &Register, today: Date) -> Vec<OverdueReview> {
    (0..reg.risks.len())
        .filter_map(|ri| overdue_review(reg, ri, today))
        .collect()
}

/// Risk `ri`'s review, when its date is before `today`.
pub fn overdue_review(reg: &Register, ri: usize, today: Date) -> Option<OverdueReview> {
    reg.risks
        .get(ri)?
        .next_review
        .filter(|d| *d < today)
        .map(|since| OverdueReview { risk: ri, since })
}

/// The reports missing for rounds of `method` that ended before `today`:
/// every measure that had started by a round's end owes a report for it.
pub fn overdue_reports(reg: &Register, method: &Methodology, today: Date) -> Vec<OverdueReport> {
    let mut out = Vec::new();
    for ri in 0..reg.risks.len() {
        out.extend(overdue_reports_of(reg, ri, method, today));
    }
    out
}

/// The reports risk `ri`'s measures owe (see `overdue_reports`).
pub fn overdue_reports_of(
    reg: &Register,
    ri: usize,
    method: &Methodology,
    today: Date,
) -> Vec<OverdueReport> {
    let mut out = Vec::new();
    let Some(risk) = reg.risks.get(ri) else {
        return out;
    };
    for (mi, m) in risk.measures.iter().enumerate() {
        for round in &method.rounds {
            let end = reg.year.round_end(round.months);
            if end < today && m.start.first_day() <= end && m.at_round(&round.id).is_none() {
                out.push(OverdueReport {
                    risk: ri,
                    measure: mi,
                    round: round.id.clone(),
                    since: end,
                });
            }
        }
    }
    out
}

/// The calendar's warnings for one register on `today`. Without its
/// methodology the rounds are unknown and only reviews are checked.
pub fn check_cadence(
    today: Date,
    method: Option<&Methodology>,
    file: &Path,
    reg: &Register,
) -> Vec<Finding> {
    let mut s = Sink::new(file);
    for o in overdue_reviews(reg, today) {
        s.warn(
            format!("risks[{}].next_review", o.risk),
            Message::ReviewOverdue {
                risk: reg.risks[o.risk].id.to_string(),
                since: o.since,
            },
        );
    }
    for o in method.map_or_else(Vec::new, |m| overdue_reports(reg, m, today)) {
        let measure = &reg.risks[o.risk].measures[o.measure];
        // the monitoring list when there is one, else the measure itself
        let field = if measure.monitoring.is_empty() {
            "id"
        } else {
            "monitoring"
        };
        s.warn(
            format!("risks[{}].measures[{}].{field}", o.risk, o.measure),
            Message::ReportOverdue {
                measure: measure.id.to_string(),
                round: o.round.to_string(),
                since: o.since,
            },
        );
    }
    s.out
}
