//! Consistency of a methodology file: every band a grid names exists, the
//! grid covers both scales, the control grid covers every quality and band.

use super::{Grid, Methodology, ResidualRule, parse_hex_colour};
use crate::model::ControlQuality;
use std::collections::BTreeSet;

/// A problem in a methodology, with the logical path of the value at fault
/// (`grid[2][4]`), so the caller can point at its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodProblem {
    pub path: String,
    pub message: String,
}

fn problem(path: impl Into<String>, message: impl Into<String>) -> MethodProblem {
    MethodProblem {
        path: path.into(),
        message: message.into(),
    }
}

/// Every inconsistency in `m`; empty when it can rate risks.
pub fn check_methodology(m: &Methodology) -> Vec<MethodProblem> {
    let mut out = Vec::new();
    for (name, scale) in [("likelihood", &m.likelihood), ("impact", &m.impact)] {
        if scale.levels.is_empty() {
            out.push(problem(
                format!("{name}.levels"),
                format!("the {name} scale has no levels"),
            ));
        }
        for (i, level) in scale.levels.iter().enumerate() {
            if usize::from(level.value) != i + 1 {
                out.push(problem(
                    format!("{name}.levels[{i}].value"),
                    format!(
                        "levels are numbered 1, 2, … in order; expected {}, found {}",
                        i + 1,
                        level.value
                    ),
                ));
            }
        }
    }
    let mut band_ids = BTreeSet::new();
    for (i, band) in m.bands.iter().enumerate() {
        if !band_ids.insert(&band.id) {
            out.push(problem(
                format!("bands[{i}].id"),
                format!("band {} is defined twice", band.id),
            ));
        }
        if parse_hex_colour(&band.colour).is_none() {
            out.push(problem(
                format!("bands[{i}].colour"),
                format!(
                    "expected a colour like \"#2E9E44\", found {:?}",
                    band.colour
                ),
            ));
        }
        if band.symbol.is_empty() {
            out.push(problem(
                format!("bands[{i}].symbol"),
                "a band needs a symbol to show without colour",
            ));
        }
    }
    let known = |id: &crate::model::BandId| band_ids.contains(id);
    let (rows, cols) = (m.likelihood.levels.len(), m.impact.levels.len());
    match &m.grid {
        Grid::Table(table) => {
            if table.len() != rows {
                out.push(problem(
                    "grid",
                    format!(
                        "the grid has {} rows; the likelihood scale has {rows} levels",
                        table.len()
                    ),
                ));
            }
            for (r, row) in table.iter().enumerate() {
                if row.len() != cols {
                    out.push(problem(
                        format!("grid[{r}]"),
                        format!(
                            "row {} has {} cells; the impact scale has {cols} levels",
                            r + 1,
                            row.len()
                        ),
                    ));
                }
                for (c, id) in row.iter().enumerate() {
                    if !known(id) {
                        out.push(problem(
                            format!("grid[{r}][{c}]"),
                            format!("unknown band {id}"),
                        ));
                    }
                }
            }
        }
        Grid::Score(steps) => {
            let max_score = (rows * cols) as u16;
            let mut last = 0;
            for (i, step) in steps.iter().enumerate() {
                if !known(&step.band) {
                    out.push(problem(
                        format!("grid[{i}].band"),
                        format!("unknown band {}", step.band),
                    ));
                }
                if step.up_to <= last && i > 0 {
                    out.push(problem(
                        format!("grid[{i}].up_to"),
                        "score thresholds must rise",
                    ));
                }
                last = step.up_to;
            }
            if last < max_score {
                out.push(problem(
                    "grid",
                    format!("scores above {last} up to {max_score} have no band"),
                ));
            }
        }
    }
    if let ResidualRule::ControlGrid(control_rows) = &m.residual {
        for quality in ControlQuality::ALL {
            match control_rows.iter().position(|r| r.control == quality) {
                None => out.push(problem(
                    "residual",
                    format!("the control grid has no row for {:?} controls", quality),
                )),
                Some(i) => {
                    for band in &m.bands {
                        if !control_rows[i].residual.contains_key(&band.id) {
                            out.push(problem(
                                format!("residual[{i}].residual"),
                                format!(
                                    "no residual band for {:?} controls at inherent band {}",
                                    quality, band.id
                                ),
                            ));
                        }
                    }
                    for (from, to) in &control_rows[i].residual {
                        if !known(from) || !known(to) {
                            out.push(problem(
                                format!("residual[{i}].residual"),
                                format!("unknown band in {from} → {to}"),
                            ));
                        }
                    }
                }
            }
        }
    }
    let mut round_ids = BTreeSet::new();
    for (i, round) in m.rounds.iter().enumerate() {
        if !(1..=12).contains(&round.months) {
            out.push(problem(
                format!("rounds[{i}].months"),
                format!("a round covers 1–12 months, not {}", round.months),
            ));
        }
        if !round_ids.insert(&round.id) {
            out.push(problem(
                format!("rounds[{i}].id"),
                format!("round {} is defined twice", round.id),
            ));
        }
    }
    let mut cats = BTreeSet::new();
    for (i, c) in m.categories.iter().enumerate() {
        if !cats.insert(&c.id) {
            out.push(problem(
                format!("categories[{i}].id"),
                format!("category {} is defined twice", c.id),
            ));
        }
    }
    out
}
