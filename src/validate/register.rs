//! Rules for one register, and for all registers of a year together.

use super::{Context, Finding, Sink};
use crate::method::Methodology;
use crate::model::{
    Budget, BureauCode, CoResponsible, FiscalYear, Implementation, Measure, MeasureId, Rating,
    Register, Response, Risk, RiskId,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every problem in one register. `file` is where it was read from: its name
/// must be the bureau code and its directory the fiscal year.
pub fn check_register(ctx: &Context<'_>, file: &Path, reg: &Register) -> Vec<Finding> {
    let mut s = Sink::new(file);
    check_header(ctx, file, reg, &mut s);
    let method = ctx.method(&reg.methodology);
    let mut risk_ids = BTreeMap::new();
    let mut measure_ids = BTreeMap::new();
    for (ri, risk) in reg.risks.iter().enumerate() {
        let first = risk_ids.insert(&risk.id, ri);
        let mut first_measure =
            |mi: usize, mp: &str| measure_ids.insert(&risk.measures[mi].id, mp.to_string());
        check_risk_at(ctx, method, reg, ri, first, &mut first_measure, &mut s);
    }
    s.out
}

/// What [`check_register`] says of the header alone (bureau, year,
/// methodology, signatures).
pub fn check_register_header(ctx: &Context<'_>, file: &Path, reg: &Register) -> Vec<Finding> {
    let mut s = Sink::new(file);
    check_header(ctx, file, reg, &mut s);
    s.out
}

/// What [`check_register`] says of risk `ri` and its measures, without
/// checking the other risks: after an edit to one risk of a register of
/// thousands, the editor needs no more. Ids used earlier in the register are
/// still found, by a scan of the ids alone.
pub fn check_register_risk(
    ctx: &Context<'_>,
    file: &Path,
    reg: &Register,
    ri: usize,
) -> Vec<Finding> {
    let mut s = Sink::new(file);
    let Some(risk) = reg.risks.get(ri) else {
        return s.out;
    };
    let method = ctx.method(&reg.methodology);
    // the whole check names the latest earlier use of an id, as it goes
    let first = reg.risks[..ri].iter().rposition(|r| r.id == risk.id);
    let mut first_measure = |mi: usize, _: &str| {
        let id = &risk.measures[mi].id;
        reg.risks[..=ri]
            .iter()
            .enumerate()
            .rev()
            .find_map(|(rj, r)| {
                let before = if rj == ri { mi } else { r.measures.len() };
                r.measures[..before]
                    .iter()
                    .rposition(|m| &m.id == id)
                    .map(|mj| format!("risks[{rj}].measures[{mj}]"))
            })
    };
    check_risk_at(ctx, method, reg, ri, first, &mut first_measure, &mut s);
    s.out
}

/// The rules of risk `ri`: `first` is the index of an earlier risk with its
/// id, and `first_measure(mi, path)` the path of an earlier measure with
/// measure `mi`'s id (the latest such).
fn check_risk_at(
    ctx: &Context<'_>,
    method: Option<&Methodology>,
    reg: &Register,
    ri: usize,
    first: Option<usize>,
    first_measure: &mut dyn FnMut(usize, &str) -> Option<String>,
    s: &mut Sink<'_>,
) {
    let risk = &reg.risks[ri];
    let rp = format!("risks[{ri}]");
    if let Some(first) = first {
        s.error(
            format!("{rp}.id"),
            format!(
                "risk id {} is used twice in this register (also risks[{first}])",
                risk.id
            ),
        );
    }
    check_risk(ctx, method, risk, &rp, s);
    for (mi, measure) in risk.measures.iter().enumerate() {
        let mp = format!("{rp}.measures[{mi}]");
        if let Some(first) = first_measure(mi, &mp) {
            s.error(
                format!("{mp}.id"),
                format!(
                    "measure id {} is used twice in this register (also {first})",
                    measure.id
                ),
            );
        }
        check_measure(ctx, method, reg, measure, &mp, s);
    }
}

fn check_header(ctx: &Context<'_>, file: &Path, reg: &Register, s: &mut Sink<'_>) {
    if !ctx.knows_bureau(&reg.bureau) {
        s.error(
            "bureau",
            format!("bureau {} is not in bureaus.ron", reg.bureau),
        );
    }
    if let Some(stem) = file.file_stem().and_then(|x| x.to_str())
        && stem != reg.bureau.as_str()
    {
        s.error(
            "bureau",
            format!(
                "the register of bureau {} must be named {}.ron, not {stem}.ron",
                reg.bureau, reg.bureau
            ),
        );
    }
    let dir_year = file
        .parent()
        .and_then(|d| d.file_name())
        .and_then(|n| n.to_str())
        .and_then(crate::store::layout::fiscal_year_of);
    if let Some(y) = dir_year
        && y != reg.year.be()
    {
        s.error(
            "year",
            format!(
                "the register says fiscal year {} but sits in directory {y}/",
                reg.year
            ),
        );
    }
    if ctx.method(&reg.methodology).is_none() {
        let known: Vec<String> = ctx
            .methods
            .iter()
            .map(|m| m.reference().to_string())
            .collect();
        s.error(
            "methodology",
            format!(
                "methodology {} version {} is not in methodology/ (known: {})",
                reg.methodology.id,
                reg.methodology.version,
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            ),
        );
    }
    let names = [
        ("prepared_by", reg.prepared_by.as_ref().map(|x| &x.name)),
        ("reviewed_by", reg.reviewed_by.as_ref().map(|x| &x.name)),
        ("approved_by", reg.approved_by.as_ref().map(|x| &x.name)),
    ];
    for (field, name) in names {
        if name.is_some_and(|n| n.trim().is_empty()) {
            s.error(format!("{field}.name"), format!("{field} needs a name"));
        }
    }
}

fn check_rating(method: &Methodology, rating: Rating, path: &str, s: &mut Sink<'_>) {
    let max_l = method.likelihood.levels.len();
    let max_i = method.impact.levels.len();
    if rating.likelihood == 0 || usize::from(rating.likelihood) > max_l {
        s.error(
            format!("{path}.likelihood"),
            format!(
                "likelihood {} is outside the scale 1–{max_l} of {} v{}",
                rating.likelihood, method.id, method.version
            ),
        );
    }
    if rating.impact == 0 || usize::from(rating.impact) > max_i {
        s.error(
            format!("{path}.impact"),
            format!(
                "impact {} is outside the scale 1–{max_i} of {} v{}",
                rating.impact, method.id, method.version
            ),
        );
    }
}

fn check_risk(
    ctx: &Context<'_>,
    method: Option<&Methodology>,
    risk: &Risk,
    rp: &str,
    s: &mut Sink<'_>,
) {
    let _ = ctx;
    if risk.description.trim().is_empty() {
        s.error(
            format!("{rp}.description"),
            format!(
                "risk {} needs a description of what could go wrong",
                risk.id
            ),
        );
    }
    if risk.process.trim().is_empty() {
        s.warn(
            format!("{rp}.process"),
            format!("risk {} names no work process", risk.id),
        );
    }
    if let Some(m) = method {
        if m.category(&risk.category).is_none() {
            let known: Vec<&str> = m.categories.iter().map(|c| c.id.as_str()).collect();
            s.error(
                format!("{rp}.category"),
                format!(
                    "unknown category {} (known: {})",
                    risk.category,
                    known.join(", ")
                ),
            );
        }
        check_rating(m, risk.inherent, &format!("{rp}.inherent"), s);
        match (m.rerates_residual(), risk.residual) {
            (true, None) => s.warn(
                format!("{rp}.residual"),
                format!("risk {} has no residual rating; {} re-rates residual risk after controls", risk.id, m.id),
            ),
            (true, Some(r)) => {
                check_rating(m, r, &format!("{rp}.residual"), s);
                if let (Ok(inh), Ok(res)) = (m.band_for(risk.inherent), m.band_for(r))
                    && m.band_rank(&res.id) > m.band_rank(&inh.id) {
                        s.warn(
                            format!("{rp}.residual"),
                            format!("risk {}: residual band {} is above inherent band {}", risk.id, res.id, inh.id),
                        );
                    }
            }
            (false, Some(_)) => s.warn(
                format!("{rp}.residual"),
                format!("{} derives residual risk from the control grid; this residual rating is ignored", m.id),
            ),
            (false, None) => {}
        }
    }
    match &risk.response {
        Response::Accept(why) if why.trim().is_empty() => {
            s.warn(
                format!("{rp}.response"),
                format!("risk {} is accepted without a justification", risk.id),
            );
        }
        Response::Transfer(to) if to.trim().is_empty() => {
            s.warn(
                format!("{rp}.response"),
                format!("risk {} is transferred without saying to whom", risk.id),
            );
        }
        Response::Reduce if risk.measures.is_empty() => {
            s.warn(
                format!("{rp}.measures"),
                format!("risk {} is to be reduced but has no measures", risk.id),
            );
        }
        _ => {}
    }
}

fn check_measure(
    ctx: &Context<'_>,
    method: Option<&Methodology>,
    reg: &Register,
    m: &Measure,
    mp: &str,
    s: &mut Sink<'_>,
) {
    if m.title.trim().is_empty() {
        s.error(
            format!("{mp}.title"),
            format!("measure {} needs a title", m.id),
        );
    }
    if ctx.approaches.get(&m.approach).is_none() {
        s.error(
            format!("{mp}.approach"),
            format!("approach {} is not in approaches.ron", m.approach),
        );
    }
    if let CoResponsible::Bureaus(list) = &m.co_responsible {
        let mut seen = BTreeSet::new();
        for (i, b) in list.iter().enumerate() {
            let p = format!("{mp}.co_responsible[{i}]");
            if !ctx.knows_bureau(b) {
                s.error(
                    p.clone(),
                    format!("co-responsible bureau {b} is not in bureaus.ron"),
                );
            }
            if b == &reg.bureau {
                s.warn(
                    p.clone(),
                    format!("{b} leads this measure; it need not be listed as co-responsible"),
                );
            }
            if !seen.insert(b) {
                s.warn(p, format!("{b} is listed twice"));
            }
        }
    }
    if m.start > m.end {
        s.error(
            format!("{mp}.end"),
            format!(
                "measure {} ends ({}) before it starts ({})",
                m.id, m.end, m.start
            ),
        );
    }
    let fy = reg.year;
    if m.start.first_day() < fy.start() || m.end.last_day() > fy.end() {
        s.warn(
            format!("{mp}.start"),
            format!(
                "measure {} runs {}–{}, outside fiscal year {} ({} – {})",
                m.id,
                m.start,
                m.end,
                fy,
                fy.start(),
                fy.end()
            ),
        );
    }
    let mut ind_ids = BTreeSet::new();
    for (i, ind) in m.indicators.iter().enumerate() {
        if !ind_ids.insert(&ind.id) {
            s.error(
                format!("{mp}.indicators[{i}].id"),
                format!("indicator {} is defined twice in measure {}", ind.id, m.id),
            );
        }
    }
    check_monitoring(method, fy, m, mp, s);
}

fn check_monitoring(
    method: Option<&Methodology>,
    fy: FiscalYear,
    m: &Measure,
    mp: &str,
    s: &mut Sink<'_>,
) {
    let allocated = m.budget.allocated();
    let mut rounds_seen = BTreeMap::new();
    // (months, disbursed) of the entries seen, to catch a cumulative figure that falls
    let mut disbursed_by_months: Vec<(u8, crate::model::Money, String)> = Vec::new();
    // (months, as of, path): a later round cannot be reported as of an earlier day
    let mut as_of_by_months: Vec<(u8, crate::model::Date, String)> = Vec::new();
    for (i, e) in m.monitoring.iter().enumerate() {
        let ep = format!("{mp}.monitoring[{i}]");
        if let Some(first) = rounds_seen.insert(&e.round, i) {
            s.error(
                format!("{ep}.round"),
                format!(
                    "measure {} has two entries for round {} (also monitoring[{first}])",
                    m.id, e.round
                ),
            );
        }
        let round = method.and_then(|me| me.round(&e.round));
        match (method, round) {
            (Some(me), None) => {
                let known: Vec<&str> = me.rounds.iter().map(|r| r.id.as_str()).collect();
                s.error(
                    format!("{ep}.round"),
                    format!(
                        "round {} is not defined by {} (known: {})",
                        e.round,
                        me.id,
                        known.join(", ")
                    ),
                );
            }
            (_, Some(r)) => {
                if let Some(as_of) = e.as_of {
                    as_of_by_months.push((r.months, as_of, ep.clone()));
                    let end = fy.round_end(r.months);
                    if as_of < fy.start() || as_of > end {
                        s.error(
                            format!("{ep}.as_of"),
                            format!(
                                "monitoring as of {as_of} is outside round {} of fiscal year {fy} ({} – {end})",
                                r.id,
                                fy.start()
                            ),
                        );
                    }
                }
                disbursed_by_months.push((r.months, e.disbursed, ep.clone()));
            }
            (None, None) => {}
        }
        if e.disbursed > allocated {
            let what = match &m.budget {
                Budget::Allocated { .. } => {
                    format!(", more than the {} baht allocated", allocated.grouped())
                }
                Budget::NotRequested => ", but no budget was requested".to_string(),
                Budget::Requested { .. } => ", but no budget was allocated".to_string(),
            };
            s.warn(
                format!("{ep}.disbursed"),
                format!(
                    "measure {} disbursed {} baht{what}",
                    m.id,
                    e.disbursed.grouped()
                ),
            );
        }
        if e.status.needs_added_activity() && e.added_activities.trim().is_empty() {
            s.warn(
                format!("{ep}.added_activities"),
                format!(
                    "measure {} is {:?} at round {} but records no added activity",
                    m.id, e.status, e.round
                ),
            );
        }
        if e.implementation.is_completed() && e.done.trim().is_empty() {
            s.warn(
                format!("{ep}.done"),
                format!(
                    "measure {} is completed at round {} but records nothing done",
                    m.id, e.round
                ),
            );
        }
        if let Implementation::Other(reason) = &e.implementation
            && reason.trim().is_empty()
        {
            s.warn(
                format!("{ep}.implementation"),
                "\"other reason\" needs the reason",
            );
        }
        let mut results_seen = BTreeSet::new();
        for (k, res) in e.results.iter().enumerate() {
            let p = format!("{ep}.results[{k}]");
            if !results_seen.insert(&res.indicator) {
                s.warn(
                    format!("{p}.indicator"),
                    format!("indicator {} has two results at this round", res.indicator),
                );
            }
            if let crate::model::Achieved::Fraction(num, 0) = res.value {
                s.error(
                    format!("{p}.value"),
                    format!(
                        "Fraction({num}, 0): the whole (second number) cannot be 0; write the part and the whole counted, e.g. Fraction(654, 662)"
                    ),
                );
            }
            match m.indicators.iter().find(|ind| ind.id == res.indicator) {
                None => s.error(
                    format!("{p}.indicator"),
                    format!("measure {} has no indicator {}", m.id, res.indicator),
                ),
                Some(ind) => {
                    if let Err(mm) = ind.target.is_met(&res.value) {
                        s.error(
                            format!("{p}.value"),
                            format!(
                                "indicator {} is measured as {}, but this result is a {}",
                                ind.id, mm.target, mm.achieved
                            ),
                        );
                    }
                }
            }
        }
    }
    as_of_by_months.sort_by_key(|(months, _, _)| *months);
    for pair in as_of_by_months.windows(2) {
        let ((m1, earlier, _), (m2, later, path)) = (&pair[0], &pair[1]);
        if later < earlier {
            s.warn(
                format!("{path}.as_of"),
                format!(
                    "the {m2}-month report is dated {later}, before the {m1}-month one ({earlier})"
                ),
            );
        }
    }
    disbursed_by_months.sort_by_key(|(months, _, _)| *months);
    for pair in disbursed_by_months.windows(2) {
        let ((_, earlier, _), (_, later, path)) = (&pair[0], &pair[1]);
        if later < earlier {
            s.warn(
                format!("{path}.disbursed"),
                format!(
                    "disbursed is cumulative but falls from {} to {} baht",
                    earlier.grouped(),
                    later.grouped()
                ),
            );
        }
    }
}

/// What the rules across a year's registers need of one register: its
/// bureau, year and ids. Checking keeps this rather than the registers
/// themselves, so its memory does not grow with their content.
#[derive(Clone, Debug)]
pub struct YearKeys {
    pub bureau: BureauCode,
    pub year: FiscalYear,
    /// Each risk's id and the ids of its measures, in file order.
    pub risks: Vec<(RiskId, Vec<MeasureId>)>,
}

impl YearKeys {
    pub fn of(reg: &Register) -> YearKeys {
        YearKeys {
            bureau: reg.bureau.clone(),
            year: reg.year,
            risks: reg
                .risks
                .iter()
                .map(|r| {
                    (
                        r.id.clone(),
                        r.measures.iter().map(|m| m.id.clone()).collect(),
                    )
                })
                .collect(),
        }
    }
}

/// Problems across the registers of one year: a risk or measure id used by
/// two bureaus, two files for one bureau.
pub fn check_year(regs: &[(PathBuf, &Register)]) -> Vec<Finding> {
    let keys: Vec<(PathBuf, YearKeys)> = regs
        .iter()
        .map(|(file, reg)| (file.clone(), YearKeys::of(reg)))
        .collect();
    check_year_keys(&keys)
}

/// [`check_year`] on what it needs of each register.
pub fn check_year_keys(regs: &[(PathBuf, YearKeys)]) -> Vec<Finding> {
    let mut out = Vec::new();
    // id → the file and path that used it first
    let mut first_use: BTreeMap<(&str, &str), (&PathBuf, String)> = BTreeMap::new();
    let mut bureaus: BTreeMap<(&str, u16), &PathBuf> = BTreeMap::new();
    for (file, reg) in regs {
        let mut s = Sink::new(file);
        if let Some(other) = bureaus.insert((reg.bureau.as_str(), reg.year.be()), file) {
            s.error(
                "bureau",
                format!(
                    "{} also holds the register of {} for {}",
                    other.display(),
                    reg.bureau,
                    reg.year
                ),
            );
        }
        let ids = reg
            .risks
            .iter()
            .enumerate()
            .flat_map(|(ri, (risk, measures))| {
                std::iter::once(("risk", risk.as_str(), format!("risks[{ri}].id"))).chain(
                    measures.iter().enumerate().map(move |(mi, m)| {
                        (
                            "measure",
                            m.as_str(),
                            format!("risks[{ri}].measures[{mi}].id"),
                        )
                    }),
                )
            });
        for (kind, id, here) in ids {
            match first_use.get(&(kind, id)) {
                Some((f, p)) if *f != file => {
                    s.error(
                        here,
                        format!("{kind} id {id} is also used in {} ({p})", f.display()),
                    );
                }
                Some(_) => {}
                None => {
                    first_use.insert((kind, id), (file, here));
                }
            }
        }
        out.append(&mut s.out);
    }
    out
}
