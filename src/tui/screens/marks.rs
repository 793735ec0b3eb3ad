//! The marks the lists share, each a character so they read without
//! colour: `↻` a risk's review is overdue, `✎` a measure owes the report of
//! a round that has ended (both by `validate::cadence`, against the app's
//! today), and `✓` `✗` `?` an indicator's result met, missed or not yet
//! judgeable against its target (`model::judge`).

use crate::method::Methodology;
use crate::model::{Date, Lang, Measure, Register, RoundId, judge};
use crate::tui::workspace::Part;
use crate::validate::cadence::{overdue_reports_of, overdue_review};
use std::collections::{BTreeMap, BTreeSet};

pub const REVIEW: char = '↻';
pub const REPORT: char = '✎';
pub const MET: char = '✓';
pub const MISSED: char = '✗';
pub const UNJUDGED: char = '?';

/// What has fallen due in one register: risks (by index) whose review is
/// overdue, and (risk, measure) index pairs owing at least one report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Due {
    pub reviews: BTreeSet<usize>,
    /// How many reports each (risk, measure) owes, one a round it missed.
    pub reports: BTreeMap<(usize, usize), usize>,
    /// Reports owed, counting each round a measure missed.
    pub reports_owed: usize,
}

/// What the marks of one register were computed from besides its risks:
/// its year (when rounds end) and its methodology (which rounds).
type Basis = (crate::model::FiscalYear, crate::model::MethodRef);

/// One register's marks with what they were computed from.
pub(crate) type DueOf = (Basis, Due);

fn basis(reg: &Register) -> Basis {
    (reg.year, reg.methodology.clone())
}

impl crate::tui::app::App {
    /// What has fallen due in entry `entry` on the app's day. Computed for
    /// every entry when the registers change; after edits of single risks
    /// (or of a header that keeps its year and methodology) only what the
    /// edits touched is computed again.
    pub fn due_of(&self, entry: usize) -> Option<std::cell::Ref<'_, Due>> {
        let key = (self.ws.generation(), self.today);
        let all = self.due.get_renewed(key, |kept| {
            kept.and_then(|(was, all)| self.due_caught_up(was, all))
                .unwrap_or_else(|| {
                    (0..self.ws.entries.len())
                        .map(|i| self.due_anew(i))
                        .collect()
                })
        });
        std::cell::Ref::filter_map(all, |all| all.get(entry).map(|(_, due)| due)).ok()
    }

    fn due_anew(&self, entry: usize) -> DueOf {
        let reg = self.ws.entries[entry].register();
        (basis(reg), due(reg, self.ws.method(entry), self.today))
    }

    /// The marks computed at `was`, brought up to date with the edits made
    /// since; `None` when something else changed (a reload, another year).
    fn due_caught_up(
        &self,
        was: crate::tui::app::DueKey,
        mut all: Vec<DueOf>,
    ) -> Option<Vec<DueOf>> {
        let (generation, today) = was;
        if today != self.today || all.len() != self.ws.entries.len() {
            return None;
        }
        for (entry, part) in self.ws.changes_since(generation)? {
            let reg = self.ws.entries.get(entry)?.register();
            let (kept_basis, kept) = all.get_mut(entry)?;
            match part {
                Part::Risk(ri) if *kept_basis == basis(reg) => {
                    kept.renew_risk(reg, self.ws.method(entry), self.today, ri)
                }
                Part::Header if *kept_basis == basis(reg) => {}
                _ => all[entry] = self.due_anew(entry),
            }
        }
        Some(all)
    }
}

/// What is overdue in `reg` on `today`; nothing when the day is unknown.
pub fn due(reg: &Register, method: Option<&Methodology>, today: Option<Date>) -> Due {
    let mut due = Due::default();
    for ri in 0..reg.risks.len() {
        due.add_risk(reg, method, today, ri);
    }
    due
}

impl Due {
    /// Adds what risk `ri` of `reg` owes on `today`.
    fn add_risk(
        &mut self,
        reg: &Register,
        method: Option<&Methodology>,
        today: Option<Date>,
        ri: usize,
    ) {
        let Some(today) = today else {
            return;
        };
        if overdue_review(reg, ri, today).is_some() {
            self.reviews.insert(ri);
        }
        for r in method.map_or_else(Vec::new, |m| overdue_reports_of(reg, ri, m, today)) {
            *self.reports.entry((r.risk, r.measure)).or_default() += 1;
            self.reports_owed += 1;
        }
    }

    /// Forgets what risk `ri` owed and adds what it owes now (it was edited).
    fn renew_risk(
        &mut self,
        reg: &Register,
        method: Option<&Methodology>,
        today: Option<Date>,
        ri: usize,
    ) {
        self.reviews.remove(&ri);
        let measures: Vec<(usize, usize)> = self
            .reports
            .range((ri, 0)..(ri + 1, 0))
            .map(|(k, _)| *k)
            .collect();
        for k in measures {
            self.reports_owed -= self.reports.remove(&k).unwrap_or(0);
        }
        self.add_risk(reg, method, today, ri);
    }

    /// The marks of risk `ri` in a list: `↻` its review, `✎` a measure of it
    /// owes a report; spaces keep the column aligned.
    pub fn risk_marks(&self, ri: usize) -> String {
        let review = if self.reviews.contains(&ri) {
            REVIEW
        } else {
            ' '
        };
        let report = if self.reports.range((ri, 0)..(ri + 1, 0)).next().is_some() {
            REPORT
        } else {
            ' '
        };
        format!("{review}{report}")
    }
    /// `↻2 ✎3` for the overview; empty when nothing is overdue.
    pub fn counts(&self) -> String {
        let mut parts = Vec::new();
        if !self.reviews.is_empty() {
            parts.push(format!("{REVIEW}{}", self.reviews.len()));
        }
        if self.reports_owed > 0 {
            parts.push(format!("{REPORT}{}", self.reports_owed));
        }
        parts.join(" ")
    }
    pub fn is_empty(&self) -> bool {
        self.reviews.is_empty() && self.reports.is_empty()
    }
}

/// A measure's indicators judged at a round, as `✓1 ✗1 ?1` (empty when it
/// has no indicators).
pub fn judged(m: &Measure, round: Option<&RoundId>) -> String {
    let results = round
        .and_then(|r| m.at_round(r))
        .map_or(&[][..], |e| e.results.as_slice());
    let verdicts = judge(&m.indicators, results);
    let count = |want: Option<bool>| verdicts.iter().filter(|j| j.met == want).count();
    [
        (MET, count(Some(true))),
        (MISSED, count(Some(false))),
        (UNJUDGED, count(None)),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(c, n)| format!("{c}{n}"))
    .collect::<Vec<_>>()
    .join(" ")
}

/// The verdict of indicator `k` of a measure at a round; `None` when the
/// measure has no such indicator.
pub fn verdict_at(m: &Measure, k: usize, round: Option<&RoundId>) -> Option<Option<bool>> {
    let ind = m.indicators.get(k)?;
    let results = round
        .and_then(|r| m.at_round(r))
        .map_or(&[][..], |e| e.results.as_slice());
    Some(
        judge(std::slice::from_ref(ind), results)
            .first()
            .and_then(|j| j.met),
    )
}

/// One verdict in words, for the editor: `✓ met`, `✗ not met`, `? not judged yet`.
pub fn verdict(met: Option<bool>, lang: Lang) -> String {
    match met {
        Some(true) => format!("{MET} {}", lang.pick("บรรลุเป้าหมาย", "met")),
        Some(false) => format!("{MISSED} {}", lang.pick("ไม่บรรลุเป้าหมาย", "not met")),
        None => format!("{UNJUDGED} {}", lang.pick("ยังประเมินไม่ได้", "not judged yet")),
    }
}

/// The legend of the overdue marks.
pub fn due_legend(lang: Lang) -> String {
    format!(
        "{REVIEW} {}  {}",
        lang.pick("เลยกำหนดทบทวน", "review overdue"),
        report_legend(lang)
    )
}

/// The legend of the report mark alone (the monitoring screen lists
/// measures, which have no review date).
pub fn report_legend(lang: Lang) -> String {
    format!("{REPORT} {}", lang.pick("ค้างรายงานผล", "report owed"))
}

/// The legend of the indicator marks.
pub fn met_legend(lang: Lang) -> String {
    format!(
        "{MET} {}  {MISSED} {}  {UNJUDGED} {}",
        lang.pick("บรรลุ", "met"),
        lang.pick("ไม่บรรลุ", "not met"),
        lang.pick("ยังประเมินไม่ได้", "not judged"),
    )
}
