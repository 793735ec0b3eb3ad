//! From registers to a [`Summary`]: check the year and rounds, order the
//! table as seed 002 does, and turn the frame sums into figures.

use super::ReportError;
use super::frames::{self, Facts, Placed, Sums};
use super::gather::{Context, Gathered, Part, Rows};
use super::percent::Percent;
use super::summary::{
    BandCount, BureauRow, Comparison, FollowUp, Group, Progress, Row, StatusMove, Summary,
};
use crate::method::Methodology;
use crate::model::{
    ApproachId, ApproachList, BandId, BureauCode, BureauList, Date, FiscalYear, Label, Register,
    RoundId,
};
use std::collections::HashSet;

pub struct Sources<'a> {
    pub bureaus: &'a BureauList,
    pub approaches: &'a ApproachList,
    pub methods: &'a [Methodology],
    pub registers: &'a [Register],
}

/// Bureaus in official order, then any bureau with a register that is not
/// on the list (in code order), so every register has a row.
fn bureau_table(s: &Sources) -> Vec<(BureauCode, Label)> {
    let mut table: Vec<(BureauCode, Label)> = s
        .bureaus
        .bureaus
        .iter()
        .map(|b| (b.code.clone(), b.name.clone()))
        .collect();
    let listed: HashSet<&BureauCode> = s.bureaus.bureaus.iter().map(|b| &b.code).collect();
    let mut extra: Vec<&BureauCode> = s
        .registers
        .iter()
        .map(|r| &r.bureau)
        .filter(|c| !listed.contains(c))
        .collect();
    extra.sort();
    extra.dedup();
    for c in extra {
        table.push((c.clone(), Label::new(c.as_str(), c.as_str())));
    }
    table
}

/// Bands of every methodology used, lowest first; index 0 is "unrated".
fn band_table(methods: &[&Methodology]) -> Vec<(Option<BandId>, Label)> {
    let mut seen: Vec<(usize, BandId, Label)> = Vec::new();
    for m in methods {
        for (rank, b) in m.bands.iter().enumerate() {
            if !seen.iter().any(|(_, id, _)| id == &b.id) {
                seen.push((rank, b.id.clone(), b.label.clone()));
            }
        }
    }
    seen.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let mut out = vec![(None, Label::new("ไม่ได้ประเมิน", "unrated"))];
    out.extend(seen.into_iter().map(|(_, id, label)| (Some(id), label)));
    out
}

/// Approach groups in the order of `approaches.ron`, each once. Approaches
/// measures name beyond these follow them (see [`Gathered::number_unknown`]).
fn approach_table(s: &Sources) -> Vec<ApproachId> {
    let mut ids: Vec<ApproachId> = Vec::new();
    for a in &s.approaches.approaches {
        if !ids.contains(&a.id) {
            ids.push(a.id.clone());
        }
    }
    ids
}

/// Checks that every register's methodology exists and knows the rounds.
/// Returns the methodology of each register (by index), or `None` when no
/// methodologies were given.
fn methods_of<'m>(
    methods: &'m [Methodology],
    registers: &[Register],
    rounds: &[&RoundId],
) -> Result<Vec<Option<&'m Methodology>>, ReportError> {
    let mut out = Vec::with_capacity(registers.len());
    for r in registers {
        if methods.is_empty() {
            out.push(None);
            continue;
        }
        let m = crate::method::find(methods, &r.methodology).ok_or_else(|| {
            ReportError::UnknownMethod {
                bureau: r.bureau.to_string(),
                method: r.methodology.to_string(),
            }
        })?;
        for round in rounds {
            if m.round(round).is_none() {
                return Err(ReportError::UnknownRound {
                    round: (*round).clone(),
                    method: format!("{} v{}", m.id, m.version),
                    known: m.rounds.iter().map(|r| r.id.clone()).collect(),
                });
            }
        }
        out.push(Some(m));
    }
    Ok(out)
}

fn round_label(methods: &[Option<&Methodology>], round: &RoundId) -> Label {
    methods
        .iter()
        .flatten()
        .find_map(|m| m.round(round))
        .map(|r| r.label.clone())
        .unwrap_or_else(|| Label::new(round.as_str(), round.as_str()))
}

/// The tables a summary is numbered against, made before the registers are
/// gone through; it owns them, so that the registers can be consumed after.
struct Setup<'m> {
    bureaus: Vec<(BureauCode, Label)>,
    bands: Vec<(Option<BandId>, Label)>,
    approaches: Vec<ApproachId>,
    /// The methodology of each register, by index (`None` without any).
    methods: Vec<Option<&'m Methodology>>,
    with_register: Vec<bool>,
}

impl<'m> Setup<'m> {
    /// The tables of the registers of `s`, rated with `methods` (those of
    /// `s`, borrowed apart from its registers so that they outlive them).
    fn new(
        s: &Sources,
        methods: &'m [Methodology],
        year: FiscalYear,
        rounds: &[&RoundId],
    ) -> Result<Self, ReportError> {
        if !s.registers.iter().any(|r| r.year == year) {
            return Err(ReportError::NoData { year });
        }
        let methods = methods_of(methods, s.registers, rounds)?;
        let used: Vec<&Methodology> = {
            let mut v: Vec<&Methodology> = Vec::new();
            for m in methods.iter().flatten() {
                if !v.iter().any(|u| u.is(&m.reference())) {
                    v.push(m);
                }
            }
            v
        };
        let bureaus = bureau_table(s);
        let has_register: HashSet<&BureauCode> = s
            .registers
            .iter()
            .filter(|r| r.year == year)
            .map(|r| &r.bureau)
            .collect();
        let with_register = bureaus
            .iter()
            .map(|(c, _)| has_register.contains(c))
            .collect();
        Ok(Setup {
            bands: band_table(&used),
            approaches: approach_table(s),
            methods,
            with_register,
            bureaus,
        })
    }

    fn context<'r>(&'r self, rounds: &'r [&'r RoundId], today: Option<Date>) -> Context<'r> {
        Context {
            bureau_ix: self
                .bureaus
                .iter()
                .enumerate()
                .map(|(i, (c, _))| (c.clone(), i as u32))
                .collect(),
            band_ix: self
                .bands
                .iter()
                .enumerate()
                .filter_map(|(i, (id, _))| id.clone().map(|id| (id, i as u32)))
                .collect(),
            approaches: &self.approaches,
            rounds,
            today,
        }
    }

    fn gathered(&self, parts: Vec<Option<Part>>) -> Gathered {
        let mut gathered = Gathered::new(self.bureaus.len());
        // sized once: at a national body's size regrowing would copy
        // hundreds of megabytes of rows
        gathered.reserve(parts.iter().flatten());
        for part in parts.into_iter().flatten() {
            gathered.add(part);
        }
        gathered.number_unknown(self.approaches.len());
        gathered
    }
}

/// Everything of a summary but the table's rows, owning its data.
pub struct Plan {
    /// The measures in table order: number, index in file order, band.
    order: Vec<Placed>,
    now: frames::Aggregates,
    then: Option<frames::Aggregates>,
    co: Vec<u64>,
    changes: frames::Changes,
    bureaus: Vec<(BureauCode, Label)>,
    bands: Vec<(Option<BandId>, Label)>,
    with_register: Vec<bool>,
    year: FiscalYear,
    round: RoundId,
    round_label: Label,
    from: Option<(RoundId, Label)>,
    secretariat: Label,
    follow_up: FollowUp,
    follow_up_per_lead: Vec<FollowUp>,
}

/// The rounds asked for: the one reported on, then the one compared with.
fn rounds_of<'r>(round: &'r RoundId, compare_to: Option<&'r RoundId>) -> Vec<&'r RoundId> {
    std::iter::once(round).chain(compare_to).collect()
}

/// Summarizes borrowed registers (the interface's): what the rows show is
/// copied from them, register by register on all cores.
pub fn summarize(
    s: &Sources,
    year: FiscalYear,
    round: &RoundId,
    compare_to: Option<&RoundId>,
    today: Option<Date>,
) -> Result<Summary, ReportError> {
    let rounds = rounds_of(round, compare_to);
    let setup = Setup::new(s, s.methods, year, &rounds)?;
    let cx = setup.context(&rounds, today);
    let items: Vec<(&Register, Option<&Methodology>)> = s
        .registers
        .iter()
        .zip(setup.methods.iter().copied())
        .collect();
    let parts = crate::par::map(&items, crate::par::HEAVY, |(reg, method)| {
        (reg.year == year).then(|| {
            let mut part = cx.part(reg, *method);
            part.copy_rows(reg, round);
            part
        })
    });
    let gathered = setup.gathered(parts);
    finish_from(s, setup, gathered, year, round, compare_to)
}

/// Summarizes registers it owns (as `riskreg summary` does): each register
/// gives up its texts to the rows instead of having them copied, and the
/// rest of it is freed as soon as it has been gone through, on all cores.
pub fn summarize_owned(
    s: &Sources,
    mut owned: Vec<Register>,
    year: FiscalYear,
    round: &RoundId,
    compare_to: Option<&RoundId>,
    today: Option<Date>,
) -> Result<Summary, ReportError> {
    let rounds = rounds_of(round, compare_to);
    let setup = Setup::new(
        &Sources {
            registers: &owned,
            ..*s
        },
        s.methods,
        year,
        &rounds,
    )?;
    let cx = setup.context(&rounds, today);
    let methods = &setup.methods;
    let parts = crate::par::map_mut(&mut owned, crate::par::HEAVY, |i, reg| {
        (reg.year == year).then(|| {
            let method = methods.get(i).copied().flatten();
            let mut part = cx.part(reg, method);
            part.take_rows(reg, round);
            // freed by the core that just went through it: all at once
            // after, it would take a core from the frames' queries
            drop(std::mem::take(&mut reg.risks));
            part
        })
    });
    drop(owned);
    let gathered = setup.gathered(parts);
    finish_from(s, setup, gathered, year, round, compare_to)
}

/// The frames' figures of the gathered facts, and the table put in order.
fn finish_from(
    s: &Sources,
    setup: Setup,
    mut gathered: Gathered,
    year: FiscalYear,
    round: &RoundId,
    compare_to: Option<&RoundId>,
) -> Result<Summary, ReportError> {
    let plan = plan(s, setup, &mut gathered, year, round, compare_to)?;
    let mut rows = std::mem::take(&mut gathered.rows);
    drop(gathered);
    let groups = table(s.approaches, &plan.order, &mut rows, &plan.bands);
    Ok(finish(plan, groups))
}

fn band_id(bands: &[(Option<BandId>, Label)], ix: u32) -> Option<BandId> {
    bands.get(ix as usize).and_then(|b| b.0.clone())
}

/// The polars queries over the year's facts: order, sums, co-carried
/// counts and the comparison of the two rounds.
fn plan(
    s: &Sources,
    setup: Setup,
    gathered: &mut Gathered,
    year: FiscalYear,
    round: &RoundId,
    compare_to: Option<&RoundId>,
) -> Result<Plan, ReportError> {
    let Setup {
        bureaus,
        bands,
        methods: all_methods,
        with_register,
        ..
    } = setup;
    let facts = Facts::new(
        &std::mem::take(&mut gathered.risk_bands),
        &std::mem::take(&mut gathered.measures),
        &std::mem::take(&mut gathered.rounds),
        &std::mem::take(&mut gathered.co),
    )?;
    let frames::Figures {
        order,
        now,
        then,
        co_named,
        changes,
    } = facts.figures(compare_to.is_some(), bureaus.len(), bands.len())?;
    // a measure of all bureaus is co-carried by every bureau but its lead
    let co: Vec<u64> = co_named
        .iter()
        .zip(&now.per_lead)
        .map(|(n, lead)| n + now.total.all_bureaus - lead.all_bureaus)
        .collect();
    Ok(Plan {
        order,
        now,
        then,
        co,
        changes,
        with_register,
        year,
        round: round.clone(),
        round_label: round_label(&all_methods, round),
        from: compare_to.map(|f| (f.clone(), round_label(&all_methods, f))),
        secretariat: s.bureaus.secretariat.clone(),
        bureaus,
        bands,
        follow_up: std::mem::take(&mut gathered.follow_up),
        follow_up_per_lead: std::mem::take(&mut gathered.follow_up_per_lead),
    })
}

/// The summary from its plan and its rows in table order.
fn finish(plan: Plan, groups: Vec<Group>) -> Summary {
    let bureau_rows = plan
        .bureaus
        .iter()
        .zip(&plan.now.per_lead)
        .zip(&plan.co)
        .zip(&plan.with_register)
        .zip(&plan.follow_up_per_lead)
        .filter(|((_, has), _)| **has)
        .map(|((((b, sums), co), _), follow_up)| BureauRow {
            bureau: b.0.clone(),
            name: b.1.clone(),
            progress: progress(sums, &plan.bands),
            co_responsible: *co,
            follow_up: follow_up.clone(),
        })
        .collect();
    let comparison = match (&plan.from, &plan.then) {
        (Some((from, from_label)), Some(then)) => {
            let flat: Vec<&Row> = groups.iter().flat_map(|g| g.rows.iter()).collect();
            // table numbers run 1, 2, … through the flattened rows
            let id = |no: u32| {
                let pos = (no as usize).checked_sub(1)?;
                flat.get(pos).map(|r| (r.no, r.measure.clone()))
            };
            Some(Comparison {
                from_round: from.clone(),
                from_label: from_label.clone(),
                moves: plan
                    .changes
                    .moves
                    .iter()
                    .filter_map(|(pos, from, to)| {
                        id(*pos).map(|(no, measure)| StatusMove {
                            no,
                            measure,
                            from: *from,
                            to: *to,
                        })
                    })
                    .collect(),
                newly_completed: plan
                    .changes
                    .newly_completed
                    .iter()
                    .filter_map(|p| id(*p).map(|x| x.1))
                    .collect(),
                disbursed_between_satang: plan.now.total.disbursed - then.total.disbursed,
                from_progress: progress(&then.total, &plan.bands),
            })
        }
        _ => None,
    };
    Summary {
        year: plan.year,
        round: plan.round,
        round_label: plan.round_label,
        secretariat: plan.secretariat,
        progress: progress(&plan.now.total, &plan.bands),
        bureau_names: plan.bureaus,
        groups,
        bureaus: bureau_rows,
        comparison,
        follow_up: plan.follow_up,
        warnings: Vec::new(),
    }
}

/// The table: each row taken from `rows` in table `order`, numbered and
/// banded, under its approach group. Rows are moved once, straight into
/// their group. The order runs group by group; a group is told by its
/// approach's index, so ids are not compared row by row.
fn table(
    approaches: &ApproachList,
    order: &[Placed],
    rows: &mut Rows,
    bands: &[(Option<BandId>, Label)],
) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for run in order.chunk_by(|a, b| a.approach == b.approach) {
        let mut group: Option<Group> = None;
        for p in run {
            let Some((approach, mut row)) = rows.take(p.ix) else {
                continue;
            };
            row.band = band_id(bands, p.band);
            row.no = p.no;
            group
                .get_or_insert_with(|| {
                    let label = approaches.get(&approach).map_or_else(
                        || Label::new(approach.as_str(), approach.as_str()),
                        |a| a.label.clone(),
                    );
                    Group {
                        approach,
                        label,
                        // sized once: no regrowing
                        rows: Vec::with_capacity(run.len()),
                    }
                })
                .rows
                .push(row);
        }
        groups.extend(group);
    }
    groups
}

/// Figures from exact sums: percentages by the one rule of [`Percent`].
fn progress(s: &Sums, bands: &[(Option<BandId>, Label)]) -> Progress {
    let measures = s.measures as i64;
    let in_progress = s.measures - s.completed;
    let remaining = s.allocated - s.disbursed;
    Progress {
        measures: s.measures,
        completed: s.completed,
        completed_pct: Percent::of(s.completed as i64, measures),
        in_progress,
        in_progress_pct: Percent::of(in_progress as i64, measures),
        not_reported: s.measures - s.reported,
        allocated_satang: s.allocated,
        disbursed_satang: s.disbursed,
        remaining_satang: remaining,
        disbursed_pct: Percent::of(s.disbursed, s.allocated),
        remaining_pct: Percent::of(remaining, s.allocated),
        green: s.green,
        yellow: s.yellow,
        red: s.red,
        bands: bands
            .iter()
            .zip(&s.bands)
            .filter(|((id, _), n)| id.is_some() || **n > 0)
            .map(|((id, label), n)| BandCount {
                band: id.clone(),
                label: label.clone(),
                count: *n,
            })
            .collect(),
    }
}
