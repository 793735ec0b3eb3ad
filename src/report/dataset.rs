//! The registers of a year as a tidy dataset: five polars frames (registers,
//! risks, measures, monitoring, indicators) that `export` writes as
//! Parquet, CSV, JSON or one xlsx workbook. Every field of a register is in
//! one of them, so a workbook can be read back into registers; the columns
//! are documented in docs/file-format.md ("The exported dataset").
//!
//! Conventions: money is Int64 satang; dates are Buddhist-era text as in the
//! RON files (`2567-03-31`, months `2566-10`); enumerations are the RON
//! variant names (`Completed`, `AtLeast`); lists of bureaus are codes joined
//! by `;`; a list of evidence is one item per line. Rows are in file order.

use super::ReportError;
use crate::method::Methodology;
use crate::model::{
    Achieved, Budget, CoResponsible, Factor, Implementation, Monitoring, Quantity, Register,
    Response, RoundId, Signature,
};
use polars::prelude::*;

/// The tables, in the order they are written.
pub const TABLES: [&str; 5] = ["registers", "risks", "measures", "monitoring", "indicators"];

/// The columns every table starts with: where each row comes from (the hive
/// partition keys of the Parquet and CSV layouts).
pub const KEYS: [&str; 2] = ["year", "bureau"];

/// The dataset of a year, one frame per table of [`TABLES`].
pub struct Dataset {
    pub frames: Vec<(&'static str, DataFrame)>,
}

fn frame_err(e: PolarsError) -> ReportError {
    ReportError::Frame(e.to_string())
}

/// A table under construction: named columns of optional text or numbers.
#[derive(Default)]
struct Table {
    columns: Vec<(&'static str, Cells)>,
}

enum Cells {
    Text(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Bool(Vec<Option<bool>>),
}

enum Cell {
    Text(Option<String>),
    Int(Option<i64>),
    Bool(Option<bool>),
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(Some(s.into()))
}
fn opt_text(s: Option<String>) -> Cell {
    Cell::Text(s)
}
fn int(v: impl Into<i64>) -> Cell {
    Cell::Int(Some(v.into()))
}
fn opt_int(v: Option<i64>) -> Cell {
    Cell::Int(v)
}
fn boolean(v: Option<bool>) -> Cell {
    Cell::Bool(v)
}

impl Table {
    /// Appends a row; the first row fixes the columns and their types.
    fn push(&mut self, row: Vec<(&'static str, Cell)>) {
        if self.columns.is_empty() {
            self.columns = row
                .iter()
                .map(|(name, cell)| {
                    let cells = match cell {
                        Cell::Text(_) => Cells::Text(Vec::new()),
                        Cell::Int(_) => Cells::Int(Vec::new()),
                        Cell::Bool(_) => Cells::Bool(Vec::new()),
                    };
                    (*name, cells)
                })
                .collect();
        }
        for ((_, cells), (_, cell)) in self.columns.iter_mut().zip(row) {
            match (cells, cell) {
                (Cells::Text(v), Cell::Text(c)) => v.push(c),
                (Cells::Int(v), Cell::Int(c)) => v.push(c),
                (Cells::Bool(v), Cell::Bool(c)) => v.push(c),
                // every row of a table is built by one function: a type
                // mismatch is a bug in that function
                _ => unreachable!("a column changed type between rows"),
            }
        }
    }

    /// The frame; `schema` names the columns (and their types) of a table
    /// with no rows.
    fn frame(self, schema: &[(&'static str, DataType)]) -> PolarsResult<DataFrame> {
        if self.columns.is_empty() {
            let columns = schema
                .iter()
                .map(|(name, dtype)| Column::new_empty((*name).into(), dtype))
                .collect();
            return DataFrame::new_infer_height(columns);
        }
        let columns = self
            .columns
            .into_iter()
            .map(|(name, cells)| match cells {
                Cells::Text(v) => Column::new(name.into(), v),
                Cells::Int(v) => Column::new(name.into(), v),
                Cells::Bool(v) => Column::new(name.into(), v),
            })
            .collect();
        DataFrame::new_infer_height(columns)
    }
}

/// The dataset of `registers` (already validated), rating risks with their
/// methodology from `methods`. A monitoring row is written for every round
/// of the register's methodology, reported or not.
pub fn dataset(registers: &[Register], methods: &[Methodology]) -> Result<Dataset, ReportError> {
    build(registers, methods).map_err(frame_err)
}

fn build(registers: &[Register], methods: &[Methodology]) -> PolarsResult<Dataset> {
    let mut t: [Table; 5] = Default::default();
    for reg in registers {
        let method = crate::method::find(methods, &reg.methodology);
        t[0].push(register_row(reg));
        for risk in &reg.risks {
            t[1].push(risk_row(reg, risk, method));
            for m in &risk.measures {
                t[2].push(measure_row(reg, &risk.id.to_string(), m));
                for (round, entry) in rounds_of(m, method) {
                    t[3].push(monitoring_row(reg, m, &round, entry));
                }
                for row in indicator_rows(reg, m) {
                    t[4].push(row);
                }
            }
        }
    }
    let [registers_t, risks, measures, monitoring, indicators] = t;
    Ok(Dataset {
        frames: vec![
            ("registers", registers_t.frame(&schema(REGISTER_COLUMNS))?),
            ("risks", risks.frame(&schema(RISK_COLUMNS))?),
            ("measures", measures.frame(&schema(MEASURE_COLUMNS))?),
            ("monitoring", monitoring.frame(&schema(MONITORING_COLUMNS))?),
            ("indicators", indicators.frame(&schema(INDICATOR_COLUMNS))?),
        ],
    })
}

/// Column names with their kinds: `t` text, `i` integer, `b` boolean.
type Columns = &'static [(&'static str, char)];

fn schema(columns: Columns) -> Vec<(&'static str, DataType)> {
    columns
        .iter()
        .map(|(name, kind)| {
            let dtype = match kind {
                'i' => DataType::Int64,
                'b' => DataType::Boolean,
                _ => DataType::String,
            };
            (*name, dtype)
        })
        .collect()
}

const REGISTER_COLUMNS: Columns = &[
    ("year", 'i'),
    ("bureau", 't'),
    ("methodology", 't'),
    ("methodology_version", 'i'),
    ("prepared_by_name", 't'),
    ("prepared_by_position", 't'),
    ("prepared_by_date", 't'),
    ("reviewed_by_name", 't'),
    ("reviewed_by_position", 't'),
    ("reviewed_by_date", 't'),
    ("approved_by_name", 't'),
    ("approved_by_position", 't'),
    ("approved_by_date", 't'),
    ("approved_digest", 't'),
    ("approved_signature", 't'),
    ("note", 't'),
];

const RISK_COLUMNS: Columns = &[
    ("year", 'i'),
    ("bureau", 't'),
    ("risk_id", 't'),
    ("process", 't'),
    ("description", 't'),
    ("category", 't'),
    ("factor", 't'),
    ("inherent_likelihood", 'i'),
    ("inherent_impact", 'i'),
    ("inherent_band", 't'),
    ("controls", 't'),
    ("control_quality", 't'),
    ("residual_likelihood", 'i'),
    ("residual_impact", 'i'),
    ("residual_band", 't'),
    ("owner", 't'),
    ("response", 't'),
    ("response_note", 't'),
    ("next_review", 't'),
];

const MEASURE_COLUMNS: Columns = &[
    ("year", 'i'),
    ("bureau", 't'),
    ("measure_id", 't'),
    ("risk_id", 't'),
    ("title", 't'),
    ("kind", 't'),
    ("approach", 't'),
    ("responsible", 't'),
    ("all_bureaus", 'b'),
    ("other_responsible", 't'),
    ("budget", 't'),
    ("requested_satang", 'i'),
    ("allocated_satang", 'i'),
    ("budget_source", 't'),
    ("start", 't'),
    ("end", 't'),
];

const MONITORING_COLUMNS: Columns = &[
    ("year", 'i'),
    ("bureau", 't'),
    ("measure_id", 't'),
    ("round", 't'),
    ("as_of", 't'),
    ("status", 't'),
    ("occurrence", 't'),
    ("implementation", 't'),
    ("implementation_note", 't'),
    ("disbursed_satang", 'i'),
    ("done", 't'),
    ("added_activities", 't'),
    ("evidence", 't'),
];

const INDICATOR_COLUMNS: Columns = &[
    ("year", 'i'),
    ("bureau", 't'),
    ("measure_id", 't'),
    ("indicator_id", 't'),
    ("name", 't'),
    ("cmp", 't'),
    ("target_kind", 't'),
    ("target", 't'),
    ("unit", 't'),
    ("round", 't'),
    ("result_kind", 't'),
    ("result", 't'),
    ("met", 'b'),
];

fn keys(reg: &Register) -> [(&'static str, Cell); 2] {
    [
        ("year", int(reg.year.be())),
        ("bureau", text(reg.bureau.to_string())),
    ]
}

fn signature(prefix: [&'static str; 3], s: Option<&Signature>) -> [(&'static str, Cell); 3] {
    [
        (prefix[0], opt_text(s.map(|s| s.name.clone()))),
        (prefix[1], opt_text(s.map(|s| s.position.clone()))),
        (prefix[2], opt_text(s.map(|s| s.date.to_string()))),
    ]
}

fn register_row(reg: &Register) -> Vec<(&'static str, Cell)> {
    let mut row: Vec<(&'static str, Cell)> = keys(reg).into();
    row.push(("methodology", text(reg.methodology.id.to_string())));
    row.push(("methodology_version", int(reg.methodology.version)));
    row.extend(signature(
        [
            "prepared_by_name",
            "prepared_by_position",
            "prepared_by_date",
        ],
        reg.prepared_by.as_ref(),
    ));
    row.extend(signature(
        [
            "reviewed_by_name",
            "reviewed_by_position",
            "reviewed_by_date",
        ],
        reg.reviewed_by.as_ref(),
    ));
    let a = reg.approved_by.as_ref();
    row.extend([
        ("approved_by_name", opt_text(a.map(|a| a.name.clone()))),
        (
            "approved_by_position",
            opt_text(a.map(|a| a.position.clone())),
        ),
        ("approved_by_date", opt_text(a.map(|a| a.date.to_string()))),
        (
            "approved_digest",
            opt_text(a.map(|a| a.digest.as_str().to_string())),
        ),
        (
            "approved_signature",
            opt_text(a.and_then(|a| a.signature.clone())),
        ),
        ("note", text(reg.note.clone())),
    ]);
    row
}

fn risk_row(
    reg: &Register,
    risk: &crate::model::Risk,
    method: Option<&Methodology>,
) -> Vec<(&'static str, Cell)> {
    let inherent_band = method
        .and_then(|m| m.inherent_band(risk).ok())
        .map(|b| b.id.to_string());
    let residual_band = method
        .and_then(|m| m.residual_band(risk).ok().flatten())
        .map(|b| b.id.to_string());
    let (response, note) = match &risk.response {
        Response::Reduce => ("Reduce", None),
        Response::Accept(why) => ("Accept", Some(why.clone())),
        Response::Transfer(to) => ("Transfer", Some(to.clone())),
        Response::Avoid => ("Avoid", None),
    };
    let mut row: Vec<(&'static str, Cell)> = keys(reg).into();
    row.extend([
        ("risk_id", text(risk.id.to_string())),
        ("process", text(risk.process.clone())),
        ("description", text(risk.description.clone())),
        ("category", text(risk.category.to_string())),
        (
            "factor",
            text(match risk.factor {
                Factor::Known => "Known",
                Factor::Unknown => "Unknown",
            }),
        ),
        ("inherent_likelihood", int(risk.inherent.likelihood)),
        ("inherent_impact", int(risk.inherent.impact)),
        ("inherent_band", opt_text(inherent_band)),
        ("controls", text(risk.controls.clone())),
        (
            "control_quality",
            text(format!("{:?}", risk.control_quality)),
        ),
        (
            "residual_likelihood",
            opt_int(risk.residual.map(|r| i64::from(r.likelihood))),
        ),
        (
            "residual_impact",
            opt_int(risk.residual.map(|r| i64::from(r.impact))),
        ),
        ("residual_band", opt_text(residual_band)),
        ("owner", text(risk.owner.clone())),
        ("response", text(response)),
        ("response_note", opt_text(note)),
        (
            "next_review",
            opt_text(risk.next_review.map(|d| d.to_string())),
        ),
    ]);
    row
}

fn measure_row(reg: &Register, risk: &str, m: &crate::model::Measure) -> Vec<(&'static str, Cell)> {
    let mut responsible = vec![reg.bureau.to_string()];
    if let CoResponsible::Bureaus(list) = &m.co_responsible {
        responsible.extend(list.iter().map(|c| c.to_string()));
    }
    let (budget, requested, allocated, source) = match &m.budget {
        Budget::NotRequested => ("NotRequested", None, None, None),
        Budget::Requested { amount } => ("Requested", Some(amount.satang()), Some(0), None),
        Budget::Allocated { amount, source } => (
            "Allocated",
            None,
            Some(amount.satang()),
            Some(source.clone()),
        ),
    };
    let mut row: Vec<(&'static str, Cell)> = keys(reg).into();
    row.extend([
        ("measure_id", text(m.id.to_string())),
        ("risk_id", text(risk)),
        ("title", text(m.title.clone())),
        ("kind", text(format!("{:?}", m.kind))),
        ("approach", text(m.approach.to_string())),
        ("responsible", text(responsible.join(";"))),
        (
            "all_bureaus",
            boolean(Some(matches!(m.co_responsible, CoResponsible::AllBureaus))),
        ),
        ("other_responsible", text(m.other_responsible.clone())),
        ("budget", text(budget)),
        ("requested_satang", opt_int(requested)),
        ("allocated_satang", opt_int(allocated)),
        ("budget_source", opt_text(source)),
        ("start", text(m.start.to_string())),
        ("end", text(m.end.to_string())),
    ]);
    row
}

/// The rounds a measure gets a monitoring row for: the methodology's rounds
/// in its order, then any other round it has an entry for.
fn rounds_of<'a>(
    m: &'a crate::model::Measure,
    method: Option<&Methodology>,
) -> Vec<(RoundId, Option<&'a Monitoring>)> {
    let mut out: Vec<(RoundId, Option<&Monitoring>)> = method
        .map(|method| {
            method
                .rounds
                .iter()
                .map(|r| (r.id.clone(), m.at_round(&r.id)))
                .collect()
        })
        .unwrap_or_default();
    for e in &m.monitoring {
        if !out.iter().any(|(r, _)| r == &e.round) {
            out.push((e.round.clone(), Some(e)));
        }
    }
    out
}

fn monitoring_row(
    reg: &Register,
    m: &crate::model::Measure,
    round: &RoundId,
    e: Option<&Monitoring>,
) -> Vec<(&'static str, Cell)> {
    let t = |f: fn(&Monitoring) -> String| opt_text(e.map(f));
    let mut row: Vec<(&'static str, Cell)> = keys(reg).into();
    row.extend([
        ("measure_id", text(m.id.to_string())),
        ("round", text(round.to_string())),
        (
            "as_of",
            opt_text(e.and_then(|e| e.as_of).map(|d| d.to_string())),
        ),
        (
            "status",
            t(|e| e.status.label(crate::model::Lang::En).to_string()),
        ),
        ("occurrence", t(|e| e.occurrence.clone())),
        ("implementation", t(|e| e.implementation.id().to_string())),
        (
            "implementation_note",
            opt_text(e.and_then(|e| match &e.implementation {
                Implementation::Other(why) => Some(why.clone()),
                _ => None,
            })),
        ),
        ("disbursed_satang", opt_int(e.map(|e| e.disbursed.satang()))),
        ("done", t(|e| e.done.clone())),
        ("added_activities", t(|e| e.added_activities.clone())),
        ("evidence", t(|e| e.evidence.join("\n"))),
    ]);
    row
}

fn quantity(q: &Quantity) -> String {
    match q {
        Quantity::Percent(p) => p.to_string(),
        Quantity::Count(n) => n.to_string(),
        Quantity::PerYear(n) => n.to_string(),
        Quantity::Level(n) => n.to_string(),
        Quantity::YesNo(b) => b.to_string(),
    }
}

fn achieved(a: &Achieved) -> Option<String> {
    Some(match a {
        Achieved::Percent(p) => p.to_string(),
        Achieved::Fraction(n, d) => format!("{n}/{d}"),
        Achieved::Count(n) => n.to_string(),
        Achieved::PerYear(n) => n.to_string(),
        Achieved::Level(n) => n.to_string(),
        Achieved::YesNo(b) => b.to_string(),
        Achieved::Pending => return None,
    })
}

/// One row per indicator and round it has a result for, in the order of the
/// monitoring entries and their results; an indicator with no result at all
/// gets one row with no round.
fn indicator_rows(reg: &Register, m: &crate::model::Measure) -> Vec<Vec<(&'static str, Cell)>> {
    let mut rows = Vec::new();
    for ind in &m.indicators {
        let row = |round: Option<&RoundId>, result: Option<&Achieved>| {
            let mut row: Vec<(&'static str, Cell)> = keys(reg).into();
            row.extend([
                ("measure_id", text(m.id.to_string())),
                ("indicator_id", text(ind.id.to_string())),
                ("name", text(ind.name.clone())),
                ("cmp", text(format!("{:?}", ind.target.cmp))),
                ("target_kind", text(ind.target.value.kind())),
                ("target", text(quantity(&ind.target.value))),
                ("unit", text(ind.unit.clone())),
                ("round", opt_text(round.map(|r| r.to_string()))),
                (
                    "result_kind",
                    opt_text(result.map(|a| a.kind().to_string())),
                ),
                ("result", opt_text(result.and_then(achieved))),
                (
                    "met",
                    boolean(result.and_then(|a| ind.target.is_met(a).ok().flatten())),
                ),
            ]);
            row
        };
        let results: Vec<_> = m
            .monitoring
            .iter()
            .flat_map(|e| {
                e.results
                    .iter()
                    .filter(|r| r.indicator == ind.id)
                    .map(move |r| (&e.round, &r.value))
            })
            .collect();
        if results.is_empty() {
            rows.push(row(None, None));
        }
        for (round, value) in results {
            rows.push(row(Some(round), Some(value)));
        }
    }
    rows
}
