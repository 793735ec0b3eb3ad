//! From registers to a [`Summary`]: check the year and rounds, order the
//! table as seed 002 does, and turn the frame sums into figures.

use super::frames::{self, Fact, Sums};
use super::percent::Percent;
use super::{
    BandCount, BureauRow, Comparison, Group, Progress, ReportError, Row, StatusMove, Summary,
    compare,
};
use crate::method::Methodology;
use crate::model::{
    ApproachList, BandId, BureauCode, BureauList, CoResponsible, FiscalYear, Label, Measure,
    Register, Risk, RoundId, TrafficLight,
};
use std::collections::HashMap;

pub struct Sources<'a> {
    pub bureaus: &'a BureauList,
    pub approaches: &'a ApproachList,
    pub methods: &'a [Methodology],
    pub registers: &'a [Register],
}

/// A measure with what the table needs to place and number it.
pub(super) struct Item<'a> {
    pub register: &'a Register,
    pub risk: &'a Risk,
    pub measure: &'a Measure,
    pub lead: u32,
    pub band: u32,
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
    let mut extra: Vec<&BureauCode> = s
        .registers
        .iter()
        .map(|r| &r.bureau)
        .filter(|c| s.bureaus.get(c).is_none())
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

/// Ids compare with their digits as numbers: `PLAN-M2` before `PLAN-M10`.
fn natural_key(s: &str) -> Vec<(u8, u64, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        let digit = c.is_ascii_digit();
        let mut part = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_ascii_digit() != digit {
                break;
            }
            part.push(c);
            chars.next();
        }
        if digit {
            out.push((1, part.parse().unwrap_or(u64::MAX), String::new()));
        } else {
            out.push((0, 0, part));
        }
    }
    out
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
        let m = s
            .methods
            .iter()
            .find(|m| m.id == r.methodology.id && m.version == r.methodology.version)
            .ok_or_else(|| ReportError::UnknownMethod {
                bureau: r.bureau.to_string(),
                method: format!("{} v{}", r.methodology.id, r.methodology.version),
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

pub fn summarize(
    s: &Sources,
    year: FiscalYear,
    round: &RoundId,
    compare_to: Option<&RoundId>,
) -> Result<Summary, ReportError> {
    let registers: Vec<&Register> = s.registers.iter().filter(|r| r.year == year).collect();
    if registers.is_empty() {
        return Err(ReportError::NoData { year });
    }
    let mut rounds = vec![round];
    rounds.extend(compare_to);
    let all_methods = methods_of(s, &rounds)?;
    let used: Vec<&Methodology> = {
        let mut v: Vec<&Methodology> = all_methods.iter().flatten().copied().collect();
        v.dedup_by(|a, b| a.id == b.id && a.version == b.version);
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

    let mut items: Vec<Item> = Vec::new();
    for (reg, method) in s.registers.iter().zip(&all_methods) {
        if reg.year != year {
            continue;
        }
        let lead = bureau_ix.get(&reg.bureau).copied().unwrap_or(0);
        for (risk, measure) in reg.measures() {
            let band = method
                .and_then(|m| m.inherent_band(risk).ok())
                .and_then(|b| band_ix.get(&b.id).copied())
                .unwrap_or(0);
            items.push(Item {
                register: reg,
                risk,
                measure,
                lead,
                band,
            });
        }
    }
    // seed 002's order: approach group, then measures of named bureaus in
    // official bureau order, then those of all bureaus (ทุกสำนัก), by id
    items.sort_by_cached_key(|it| {
        (
            s.approaches.rank(&it.measure.approach),
            it.measure.approach.clone(),
            matches!(it.measure.co_responsible, CoResponsible::AllBureaus),
            it.lead,
            natural_key(it.measure.id.as_str()),
        )
    });

    let facts_at = |r: &RoundId| -> Vec<Fact> { items.iter().map(|it| fact(it, r)).collect() };
    let now = frames::aggregate(&facts_at(round), bureaus.len(), bands.len())?;
    let co = frames::co_responsible(&co_pairs(&items, &bureaus, &bureau_ix), bureaus.len())?;

    let groups = table(s, &items, round, &bands);
    let with_register: Vec<bool> = bureaus
        .iter()
        .map(|(c, _)| registers.iter().any(|r| &r.bureau == c))
        .collect();
    let bureau_rows = bureaus
        .iter()
        .zip(&now.per_lead)
        .zip(&co)
        .zip(&with_register)
        .filter(|(_, has)| **has)
        .map(|(((b, sums), co), _)| BureauRow {
            bureau: b.0.clone(),
            name: b.1.clone(),
            progress: progress(sums, &bands),
            co_responsible: *co,
        })
        .collect();

    let comparison = match compare_to {
        Some(from) => {
            let then = frames::aggregate(&facts_at(from), bureaus.len(), bands.len())?;
            Some(comparison(
                &items,
                &groups,
                &all_methods,
                from,
                round,
                &then.total,
                &now.total,
                &bands,
            ))
        }
        None => None,
    };
    Ok(Summary {
        year,
        round: round.clone(),
        round_label: round_label(&all_methods, round),
        secretariat: s.bureaus.secretariat.clone(),
        bureau_names: bureaus,
        groups,
        progress: progress(&now.total, &bands),
        bureaus: bureau_rows,
        comparison,
    })
}

#[allow(clippy::too_many_arguments)]
fn comparison(
    items: &[Item],
    groups: &[Group],
    methods: &[Option<&Methodology>],
    from: &RoundId,
    to: &RoundId,
    then: &Sums,
    now: &Sums,
    bands: &[(Option<BandId>, Label)],
) -> Comparison {
    let numbers: Vec<u32> = groups
        .iter()
        .flat_map(|g| g.rows.iter().map(|r| r.no))
        .collect();
    let changes = compare::changes(items, from, to);
    Comparison {
        from_round: from.clone(),
        from_label: round_label(methods, from),
        moves: changes
            .moves
            .into_iter()
            .map(|(i, from, to)| StatusMove {
                no: numbers.get(i).copied().unwrap_or(0),
                measure: items[i].measure.id.clone(),
                from,
                to,
            })
            .collect(),
        newly_completed: changes
            .newly_completed
            .into_iter()
            .map(|i| items[i].measure.id.clone())
            .collect(),
        disbursed_between_satang: now.disbursed - then.disbursed,
        from_progress: progress(then, bands),
    }
}

fn fact(it: &Item, round: &RoundId) -> Fact {
    let m = it.measure.at_round(round);
    let status = m.map(|m| m.status);
    Fact {
        lead: it.lead,
        band: it.band,
        completed: m.is_some_and(|m| m.implementation.is_completed()),
        reported: m.is_some(),
        green: status == Some(TrafficLight::Green),
        yellow: status == Some(TrafficLight::Yellow),
        red: status == Some(TrafficLight::Red),
        allocated: it.measure.budget.allocated().satang(),
        disbursed: m.map_or(0, |m| m.disbursed.satang()),
    }
}

/// One bureau index per (measure, co-responsible bureau other than the lead).
fn co_pairs(
    items: &[Item],
    bureaus: &[(BureauCode, Label)],
    ix: &HashMap<&BureauCode, u32>,
) -> Vec<u32> {
    let mut out = Vec::new();
    for it in items {
        match &it.measure.co_responsible {
            CoResponsible::LeadOnly => {}
            CoResponsible::Bureaus(list) => out.extend(
                list.iter()
                    .filter_map(|c| ix.get(c).copied())
                    .filter(|b| *b != it.lead),
            ),
            CoResponsible::AllBureaus => {
                out.extend((0..bureaus.len() as u32).filter(|b| *b != it.lead))
            }
        }
    }
    out
}

fn table(
    s: &Sources,
    items: &[Item],
    round: &RoundId,
    bands: &[(Option<BandId>, Label)],
) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let approach = &it.measure.approach;
        if groups.last().is_none_or(|g| &g.approach != approach) {
            let label = s.approaches.get(approach).map_or_else(
                || Label::new(approach.as_str(), approach.as_str()),
                |a| a.label.clone(),
            );
            groups.push(Group {
                approach: approach.clone(),
                label,
                rows: Vec::new(),
            });
        }
        let m = it.measure.at_round(round);
        let mut responsible = vec![it.register.bureau.clone()];
        if let CoResponsible::Bureaus(list) = &it.measure.co_responsible {
            responsible.extend(list.iter().filter(|c| **c != it.register.bureau).cloned());
        }
        let row = Row {
            no: i as u32 + 1,
            measure: it.measure.id.clone(),
            title: it.measure.title.clone(),
            risk: it.risk.id.clone(),
            occurrence: m.map(|m| m.occurrence.clone()).unwrap_or_default(),
            status: m.map(|m| m.status),
            implementation: m.map(|m| m.implementation.clone()),
            responsible,
            all_bureaus: matches!(it.measure.co_responsible, CoResponsible::AllBureaus),
            other_responsible: it.measure.other_responsible.clone(),
            allocated_satang: it.measure.budget.allocated().satang(),
            disbursed_satang: m.map_or(0, |m| m.disbursed.satang()),
            band: bands.get(it.band as usize).and_then(|b| b.0.clone()),
        };
        if let Some(g) = groups.last_mut() {
            g.rows.push(row);
        }
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
