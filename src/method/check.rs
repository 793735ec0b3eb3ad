//! Consistency of a methodology file: every band a grid names exists, the
//! grid covers both scales, the control grid covers every quality and band.

use super::{Grid, Methodology, ResidualRule, parse_hex_colour};
use crate::model::{ControlQuality, Lang};
use std::collections::BTreeSet;
use std::fmt;

/// A problem in a methodology, with the logical path of the value at fault
/// (`grid[2][4]`), so the caller can point at its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodProblem {
    pub path: String,
    pub message: MethodMessage,
}

/// What is wrong in a methodology, said in Thai or English
/// ([`MethodMessage::text`]); `Display` is the English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MethodMessage {
    /// `scale` is `likelihood` or `impact`.
    NoLevels {
        scale: &'static str,
    },
    LevelNumber {
        expected: usize,
        found: u8,
    },
    BandTwice {
        band: String,
    },
    BadColour {
        found: String,
    },
    BandNoSymbol,
    GridRows {
        rows: usize,
        levels: usize,
    },
    RowCells {
        row: usize,
        cells: usize,
        levels: usize,
    },
    UnknownBand {
        band: String,
    },
    ThresholdsMustRise,
    NoBandBetween {
        from: u16,
        to: u16,
    },
    NoControlRow {
        quality: ControlQuality,
    },
    NoResidualBand {
        quality: ControlQuality,
        band: String,
    },
    UnknownBandIn {
        from: String,
        to: String,
    },
    RoundMonths {
        months: u8,
    },
    RoundTwice {
        round: String,
    },
    CategoryTwice {
        category: String,
    },
}

impl MethodMessage {
    pub fn text(&self, lang: Lang) -> String {
        use MethodMessage as M;
        let th = lang == Lang::Th;
        match self {
            M::NoLevels { scale } if th => {
                let scale = if *scale == "impact" {
                    "ผลกระทบ"
                } else {
                    "โอกาส"
                };
                format!("มาตรวัด{scale}ยังไม่มีระดับ")
            }
            M::NoLevels { scale } => format!("the {scale} scale has no levels"),
            M::LevelNumber { expected, found } if th => {
                format!("ระดับต้องเรียงเลข 1, 2, … ตามลำดับ; ควรเป็น {expected} แต่พบ {found}")
            }
            M::LevelNumber { expected, found } => {
                format!("levels are numbered 1, 2, … in order; expected {expected}, found {found}")
            }
            M::BandTwice { band } if th => format!("ระดับความเสี่ยง {band} กำหนดซ้ำ"),
            M::BandTwice { band } => format!("band {band} is defined twice"),
            M::BadColour { found } if th => {
                format!("ต้องเป็นรหัสสี เช่น \"#2E9E44\" แต่พบ {found:?}")
            }
            M::BadColour { found } => {
                format!("expected a colour like \"#2E9E44\", found {found:?}")
            }
            M::BandNoSymbol if th => "ระดับความเสี่ยงต้องมีสัญลักษณ์ไว้แสดงเมื่อไม่มีสี".into(),
            M::BandNoSymbol => "a band needs a symbol to show without colour".into(),
            M::GridRows { rows, levels } if th => {
                format!("ตารางมี {rows} แถว แต่มาตรวัดโอกาสมี {levels} ระดับ")
            }
            M::GridRows { rows, levels } => {
                format!("the grid has {rows} rows; the likelihood scale has {levels} levels")
            }
            M::RowCells { row, cells, levels } if th => {
                format!("แถวที่ {row} มี {cells} ช่อง แต่มาตรวัดผลกระทบมี {levels} ระดับ")
            }
            M::RowCells { row, cells, levels } => {
                format!("row {row} has {cells} cells; the impact scale has {levels} levels")
            }
            M::UnknownBand { band } if th => format!("ไม่รู้จักระดับความเสี่ยง {band}"),
            M::UnknownBand { band } => format!("unknown band {band}"),
            M::ThresholdsMustRise if th => "เกณฑ์คะแนนต้องเพิ่มขึ้นตามลำดับ".into(),
            M::ThresholdsMustRise => "score thresholds must rise".into(),
            M::NoBandBetween { from, to } if th => {
                format!("คะแนนที่มากกว่า {from} จนถึง {to} ยังไม่มีระดับความเสี่ยง")
            }
            M::NoBandBetween { from, to } => {
                format!("scores above {from} up to {to} have no band")
            }
            M::NoControlRow { quality } if th => format!(
                "ตารางการควบคุมไม่มีแถวสำหรับการควบคุมระดับ{}",
                quality.label(Lang::Th)
            ),
            M::NoControlRow { quality } => {
                format!("the control grid has no row for {quality:?} controls")
            }
            M::NoResidualBand { quality, band } if th => format!(
                "ไม่มีระดับความเสี่ยงคงเหลือสำหรับการควบคุมระดับ{} ที่ระดับความเสี่ยงก่อนการควบคุม {band}",
                quality.label(Lang::Th)
            ),
            M::NoResidualBand { quality, band } => {
                format!("no residual band for {quality:?} controls at inherent band {band}")
            }
            M::UnknownBandIn { from, to } if th => {
                format!("ไม่รู้จักระดับความเสี่ยงใน {from} → {to}")
            }
            M::UnknownBandIn { from, to } => format!("unknown band in {from} → {to}"),
            M::RoundMonths { months } if th => {
                format!("รอบการติดตามครอบคลุม 1–12 เดือน ไม่ใช่ {months}")
            }
            M::RoundMonths { months } => format!("a round covers 1–12 months, not {months}"),
            M::RoundTwice { round } if th => format!("รอบการติดตาม {round} กำหนดซ้ำ"),
            M::RoundTwice { round } => format!("round {round} is defined twice"),
            M::CategoryTwice { category } if th => {
                format!("ประเภทความเสี่ยง {category} กำหนดซ้ำ")
            }
            M::CategoryTwice { category } => format!("category {category} is defined twice"),
        }
    }

    /// One message of every kind, for the tests that check both languages.
    #[cfg(test)]
    pub(crate) fn samples() -> Vec<MethodMessage> {
        use MethodMessage as M;
        let s = |x: &str| x.to_string();
        vec![
            M::NoLevels {
                scale: "likelihood",
            },
            M::NoLevels { scale: "impact" },
            M::LevelNumber {
                expected: 2,
                found: 3,
            },
            M::BandTwice { band: s("high") },
            M::BadColour { found: s("red") },
            M::BandNoSymbol,
            M::GridRows { rows: 4, levels: 5 },
            M::RowCells {
                row: 1,
                cells: 4,
                levels: 5,
            },
            M::UnknownBand { band: s("x") },
            M::ThresholdsMustRise,
            M::NoBandBetween { from: 9, to: 25 },
            M::NoControlRow {
                quality: ControlQuality::Good,
            },
            M::NoResidualBand {
                quality: ControlQuality::Weak,
                band: s("high"),
            },
            M::UnknownBandIn {
                from: s("a"),
                to: s("b"),
            },
            M::RoundMonths { months: 13 },
            M::RoundTwice { round: s("6m") },
            M::CategoryTwice { category: s("F") },
        ]
    }
}

impl fmt::Display for MethodMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

fn problem(path: impl Into<String>, message: MethodMessage) -> MethodProblem {
    MethodProblem {
        path: path.into(),
        message,
    }
}

/// Every inconsistency in `m`; empty when it can rate risks.
pub fn check_methodology(m: &Methodology) -> Vec<MethodProblem> {
    use MethodMessage as M;
    let mut out = Vec::new();
    for (name, scale) in [("likelihood", &m.likelihood), ("impact", &m.impact)] {
        if scale.levels.is_empty() {
            out.push(problem(
                format!("{name}.levels"),
                M::NoLevels { scale: name },
            ));
        }
        for (i, level) in scale.levels.iter().enumerate() {
            if usize::from(level.value) != i + 1 {
                out.push(problem(
                    format!("{name}.levels[{i}].value"),
                    M::LevelNumber {
                        expected: i + 1,
                        found: level.value,
                    },
                ));
            }
        }
    }
    let mut band_ids = BTreeSet::new();
    for (i, band) in m.bands.iter().enumerate() {
        if !band_ids.insert(&band.id) {
            out.push(problem(
                format!("bands[{i}].id"),
                M::BandTwice {
                    band: band.id.to_string(),
                },
            ));
        }
        if parse_hex_colour(&band.colour).is_none() {
            out.push(problem(
                format!("bands[{i}].colour"),
                M::BadColour {
                    found: band.colour.clone(),
                },
            ));
        }
        if band.symbol.is_empty() {
            out.push(problem(format!("bands[{i}].symbol"), M::BandNoSymbol));
        }
    }
    let known = |id: &crate::model::BandId| band_ids.contains(id);
    let (rows, cols) = (m.likelihood.levels.len(), m.impact.levels.len());
    match &m.grid {
        Grid::Table(table) => {
            if table.len() != rows {
                out.push(problem(
                    "grid",
                    M::GridRows {
                        rows: table.len(),
                        levels: rows,
                    },
                ));
            }
            for (r, row) in table.iter().enumerate() {
                if row.len() != cols {
                    out.push(problem(
                        format!("grid[{r}]"),
                        M::RowCells {
                            row: r + 1,
                            cells: row.len(),
                            levels: cols,
                        },
                    ));
                }
                for (c, id) in row.iter().enumerate() {
                    if !known(id) {
                        out.push(problem(
                            format!("grid[{r}][{c}]"),
                            M::UnknownBand {
                                band: id.to_string(),
                            },
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
                        M::UnknownBand {
                            band: step.band.to_string(),
                        },
                    ));
                }
                if step.up_to <= last && i > 0 {
                    out.push(problem(format!("grid[{i}].up_to"), M::ThresholdsMustRise));
                }
                last = step.up_to;
            }
            if last < max_score {
                out.push(problem(
                    "grid",
                    M::NoBandBetween {
                        from: last,
                        to: max_score,
                    },
                ));
            }
        }
    }
    if let ResidualRule::ControlGrid(control_rows) = &m.residual {
        for quality in ControlQuality::ALL {
            match control_rows.iter().position(|r| r.control == quality) {
                None => out.push(problem("residual", M::NoControlRow { quality })),
                Some(i) => {
                    for band in &m.bands {
                        if !control_rows[i].residual.contains_key(&band.id) {
                            out.push(problem(
                                format!("residual[{i}].residual"),
                                M::NoResidualBand {
                                    quality,
                                    band: band.id.to_string(),
                                },
                            ));
                        }
                    }
                    for (from, to) in &control_rows[i].residual {
                        if !known(from) || !known(to) {
                            out.push(problem(
                                format!("residual[{i}].residual"),
                                M::UnknownBandIn {
                                    from: from.to_string(),
                                    to: to.to_string(),
                                },
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
                M::RoundMonths {
                    months: round.months,
                },
            ));
        }
        if !round_ids.insert(&round.id) {
            out.push(problem(
                format!("rounds[{i}].id"),
                M::RoundTwice {
                    round: round.id.to_string(),
                },
            ));
        }
    }
    let mut cats = BTreeSet::new();
    for (i, c) in m.categories.iter().enumerate() {
        if !cats.insert(&c.id) {
            out.push(problem(
                format!("categories[{i}].id"),
                M::CategoryTwice {
                    category: c.id.to_string(),
                },
            ));
        }
    }
    out
}
