//! From registers to a [`Summary`]: check the year and rounds, order the
//! table as seed 002 does, and turn the frame sums into figures.

use super::ReportError;
use super::frames::{self, Facts, MeasureFact, Placed, RoundFact, Sums};
use super::percent::Percent;
use super::summary::{
    BandCount, BureauRow, Comparison, FollowUp, Group, Progress, Row, StatusMove, Summary,
};
use crate::method::Methodology;
use crate::model::ids::natural_cmp;
use crate::model::{
    ApproachId, ApproachList, BandId, BureauCode, BureauList, CoResponsible, FiscalYear,
    Implementation, Label, Measure, MeasureId, Register, Risk, RiskId, RoundId, TrafficLight,
};
use std::collections::{HashMap, HashSet};

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

/// Approach groups in the order of `approaches.ron`, then any other
/// approach a measure names, by id.
fn approach_table<'a>(s: &Sources<'a>) -> HashMap<&'a ApproachId, u32> {
    let mut ix: HashMap<&ApproachId, u32> = HashMap::new();
    for a in &s.approaches.approaches {
        let next = ix.len() as u32;
        ix.entry(&a.id).or_insert(next);
    }
    let mut unknown: Vec<&ApproachId> = s
        .registers
        .iter()
        .flat_map(|r| r.measures().map(|(_, m)| &m.approach))
        .filter(|a| !ix.contains_key(a))
        .collect();
    unknown.sort();
    unknown.dedup();
    for a in unknown {
        let next = ix.len() as u32;
        ix.insert(a, next);
    }
    ix
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

/// Checks that every register's methodology exists and knows the rounds.
/// Returns the methodology of each register (by index), or `None` when no
/// methodologies were given.
fn methods_of<'a>(
    s: &Sources<'a>,
    rounds: &[&RoundId],
) -> Result<Vec<Option<&'a Methodology>>, ReportError> {
    let mut out = Vec::with_capacity(s.registers.len());
    for r in s.registers {
        if s.methods.is_empty() {
            out.push(None);
            continue;
        }
        let m = crate::method::find(s.methods, &r.methodology).ok_or_else(|| {
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

/// Everything of a summary but the table's rows, owning its data so that the
/// registers can be consumed afterwards.
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
}

/// Summarizes borrowed registers: rows are copied from them, on all cores.
pub fn summarize(
    s: &Sources,
    year: FiscalYear,
    round: &RoundId,
    compare_to: Option<&RoundId>,
) -> Result<Summary, ReportError> {
    let plan = plan(s, year, round, compare_to)?;
    let flat = measures_in_order(s.registers, year);
    let rows = crate::par::map(&plan.order, crate::par::LIGHT, |p| {
        let (reg, risk, m) = flat[p.ix];
        let mut row = row(
            &reg.bureau,
            risk.id.clone(),
            RowParts::copied(m, round),
            band_id(&plan.bands, p.band),
        );
        row.no = p.no;
        (m.approach.clone(), row)
    });
    Ok(finish(plan, rows, s.approaches))
}

/// Summarizes registers it owns, using both cores: the table's rows are
/// copied out on one thread while the plan (order, sums, comparison) is made
/// on another, and the registers are freed while the table is finished.
pub fn summarize_owned(
    s: &Sources,
    owned: Vec<Register>,
    year: FiscalYear,
    round: &RoundId,
    compare_to: Option<&RoundId>,
) -> Result<Summary, ReportError> {
    let (plan, rows) = std::thread::scope(|scope| {
        let rows = scope.spawn(|| {
            measures_in_order(&owned, year)
                .into_iter()
                .map(|(reg, risk, m)| {
                    let parts = RowParts::copied(m, round);
                    Some((
                        m.approach.clone(),
                        row(&reg.bureau, risk.id.clone(), parts, None),
                    ))
                })
                .collect::<Vec<_>>()
        });
        let plan = plan(
            &Sources {
                registers: &owned,
                ..*s
            },
            year,
            round,
            compare_to,
        );
        (plan, rows.join())
    });
    let plan = plan?;
    let mut slots = rows.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let rows: Vec<(ApproachId, Row)> = plan
        .order
        .iter()
        .filter_map(|p| {
            let (approach, mut row) = slots.get_mut(p.ix).and_then(Option::take)?;
            row.band = band_id(&plan.bands, p.band);
            row.no = p.no;
            Some((approach, row))
        })
        .collect();
    Ok(std::thread::scope(|scope| {
        scope.spawn(move || drop(owned));
        finish(plan, rows, s.approaches)
    }))
}

/// The year's measures in file order, as the facts' `ix` numbers them.
fn measures_in_order(
    registers: &[Register],
    year: FiscalYear,
) -> Vec<(&Register, &Risk, &Measure)> {
    registers
        .iter()
        .filter(|r| r.year == year)
        .flat_map(|reg| reg.measures().map(move |(risk, m)| (reg, risk, m)))
        .collect()
}

fn band_id(bands: &[(Option<BandId>, Label)], ix: u32) -> Option<BandId> {
    bands.get(ix as usize).and_then(|b| b.0.clone())
}

fn plan(
    s: &Sources,
    year: FiscalYear,
    round: &RoundId,
    compare_to: Option<&RoundId>,
) -> Result<Plan, ReportError> {
    let registers: Vec<&Register> = s.registers.iter().filter(|r| r.year == year).collect();
    if registers.is_empty() {
        return Err(ReportError::NoData { year });
    }
    let mut rounds = vec![round];
    rounds.extend(compare_to);
    let all_methods = methods_of(s, &rounds)?;
    let used: Vec<&Methodology> = {
        let mut v: Vec<&Methodology> = Vec::new();
        for m in all_methods.iter().flatten() {
            if !v.iter().any(|u| u.is(&m.reference())) {
                v.push(m);
            }
        }
        v
    };
    let bureaus = bureau_table(s);
    let bands = band_table(&used);
    let bureau_ix: HashMap<&BureauCode, u32> = bureaus
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (c, i as u32))
        .collect();
    let band_ix: HashMap<&BandId, u32> = bands
        .iter()
        .enumerate()
        .filter_map(|(i, (id, _))| id.as_ref().map(|id| (id, i as u32)))
        .collect();

    let approach_ix = approach_table(s);
    let rounds: Vec<&RoundId> = std::iter::once(round).chain(compare_to).collect();
    let mut gathered = Gathered::default();
    for (reg, method) in s.registers.iter().zip(&all_methods) {
        if reg.year != year {
            continue;
        }
        let lead = bureau_ix.get(&reg.bureau).copied().unwrap_or(0);
        let mut local = id_order(reg).into_iter();
        for risk in &reg.risks {
            // the band is the risk's: rate each risk once, not once per measure
            let band = method
                .and_then(|m| m.inherent_band(risk).ok())
                .and_then(|b| band_ix.get(&b.id).copied())
                .unwrap_or(0);
            let risk_ix = gathered.risk_bands.len() as u32;
            gathered.risk_bands.push(band);
            for measure in &risk.measures {
                let ix = gathered.measures.len() as u32;
                gathered.measures.push(MeasureFact {
                    lead,
                    approach: approach_ix
                        .get(&measure.approach)
                        .copied()
                        .unwrap_or(u32::MAX),
                    all_bureaus: matches!(measure.co_responsible, CoResponsible::AllBureaus),
                    local: local.next().unwrap_or(u32::MAX),
                    risk: risk_ix,
                    allocated: measure.budget.allocated().satang(),
                });
                for (n, r) in rounds.iter().enumerate() {
                    if let Some(entry) = measure.at_round(r) {
                        gathered.rounds.push(RoundFact {
                            measure: ix,
                            round: n as u8,
                            status: Some(entry.status),
                            completed: entry.implementation.is_completed(),
                            disbursed: entry.disbursed.satang(),
                        });
                    }
                }
                if let CoResponsible::Bureaus(list) = &measure.co_responsible {
                    gathered.co.extend(
                        list.iter()
                            .filter_map(|c| bureau_ix.get(c).copied())
                            .filter(|b| *b != lead)
                            .map(|b| (ix, b)),
                    );
                }
            }
        }
    }
    let facts = Facts::new(
        &gathered.risk_bands,
        &gathered.measures,
        &gathered.rounds,
        &gathered.co,
    )?;
    drop(gathered);
    let now = facts.aggregate(0, bureaus.len(), bands.len())?;
    let then = match compare_to {
        Some(_) => Some(facts.aggregate(1, bureaus.len(), bands.len())?),
        None => None,
    };
    let named = facts.co_responsible(bureaus.len())?;
    // a measure of all bureaus is co-carried by every bureau but its lead
    let co: Vec<u64> = named
        .iter()
        .zip(&now.per_lead)
        .map(|(n, lead)| n + now.total.all_bureaus - lead.all_bureaus)
        .collect();
    let has_register: HashSet<&BureauCode> = registers.iter().map(|r| &r.bureau).collect();
    let with_register: Vec<bool> = bureaus
        .iter()
        .map(|(c, _)| has_register.contains(c))
        .collect();
    let changes = match compare_to {
        Some(_) => facts.changes()?,
        None => frames::Changes::default(),
    };
    Ok(Plan {
        order: facts.order()?,
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
    })
}

/// The year's facts as plain rows, before they become frames.
#[derive(Default)]
struct Gathered {
    /// Band index per risk, in file order.
    risk_bands: Vec<u32>,
    measures: Vec<MeasureFact>,
    rounds: Vec<RoundFact>,
    /// (measure, named co-responsible bureau other than the lead).
    co: Vec<(u32, u32)>,
}

/// The summary from its plan and its rows in table order.
fn finish(plan: Plan, rows: Vec<(ApproachId, Row)>, approaches: &ApproachList) -> Summary {
    let groups = table(approaches, rows);
    let bureau_rows = plan
        .bureaus
        .iter()
        .zip(&plan.now.per_lead)
        .zip(&plan.co)
        .zip(&plan.with_register)
        .filter(|(_, has)| **has)
        .map(|(((b, sums), co), _)| BureauRow {
            bureau: b.0.clone(),
            name: b.1.clone(),
            progress: progress(sums, &plan.bands),
            co_responsible: *co,
            follow_up: FollowUp::default(),
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
        follow_up: FollowUp::default(),
        warnings: Vec::new(),
    }
}

/// Groups rows (in table order, numbered) under their approach.
fn table(approaches: &ApproachList, rows: Vec<(ApproachId, Row)>) -> Vec<Group> {
    // rows come sorted by approach: size each group once, no regrowing
    let mut sizes: Vec<usize> = Vec::new();
    for (i, (approach, _)) in rows.iter().enumerate() {
        if i == 0 || rows[i - 1].0 != *approach {
            sizes.push(0);
        }
        if let Some(n) = sizes.last_mut() {
            *n += 1;
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    for (approach, row) in rows {
        if groups.last().is_none_or(|g| g.approach != approach) {
            let label = approaches.get(&approach).map_or_else(
                || Label::new(approach.as_str(), approach.as_str()),
                |a| a.label.clone(),
            );
            groups.push(Group {
                approach,
                label,
                rows: Vec::with_capacity(sizes.get(groups.len()).copied().unwrap_or(0)),
            });
        }
        if let Some(g) = groups.last_mut() {
            g.rows.push(row);
        }
    }
    groups
}

/// A row of the table from the parts of its measure, numbered later.
fn row(lead: &BureauCode, risk: RiskId, m: RowParts, band: Option<BandId>) -> Row {
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
        band,
        indicators: Vec::new(),
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
