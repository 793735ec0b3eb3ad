//! Workbooks as offices keep them, read through a mapping file
//! (`--mapping FILE.ron`, documented in docs/import.md): which sheet, which
//! header row, and for each field of a risk and a measure the column it
//! comes from (found by its header text, not its letter) or a value that
//! holds for every row.
//!
//! One row per risk or one per measure: a row starts a new risk when its
//! risk key cell (the id column, else the description's) holds a value
//! other than the previous risk's; a row whose key cell is empty, covered
//! by a merged cell, or repeats the previous risk adds a measure to that
//! risk. Merged cells are read as the value they show.

use super::cells::{Problem, Sheet, Workbook, date_of, expected, int_of, is_blank, text_of};
use super::words;
use crate::method::Methodology;
use crate::model::Label;
use crate::model::{
    ApproachId, Budget, BureauCode, CategoryId, CoResponsible, ControlQuality, Date, Factor,
    FiscalYear, Measure, MeasureId, MethodRef, Money, Rating, Register, Response, Risk, RiskId,
    YearMonth, quoted,
};
use crate::store::Catalog;
use calamine::Data;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a field's value comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// The column whose header is this text (white space ignored); under a
    /// header of two rows, either row's text or both joined by `/`.
    Column(String),
    /// The same value for every row, written as a cell would hold it.
    Value(String),
}

/// A mapping file: `Mapping(sheet: …, header_row: …, risk: …, measure: …)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The sheet to read; the first sheet when `None`.
    #[serde(default)]
    pub sheet: Option<String>,
    /// The row of the column headers, as Excel numbers rows (from 1).
    pub header_row: u32,
    /// How many rows the headers take (2 when a header is split over two).
    #[serde(default = "one")]
    pub header_rows: u32,
    /// The last row to read (Excel's number); every row to the end when
    /// `None`. Set it to leave out signature lines under the table.
    #[serde(default)]
    pub last_row: Option<u32>,
    /// The table ends above the first row with a cell that begins with
    /// this text (`ลงชื่อ`, the signature lines), in any column.
    #[serde(default)]
    pub stop_at: Option<String>,
    /// The methodology the ratings are on.
    pub methodology: MethodRef,
    /// Words for levels besides the methodology's own labels
    /// (`{"สูงมาก": 5}`).
    #[serde(default)]
    pub levels: BTreeMap<String, u8>,
    /// The register's note.
    #[serde(default)]
    pub note: String,
    pub risk: RiskColumns,
    /// The measures; `None` for a sheet of risks only.
    #[serde(default)]
    pub measure: Option<MeasureColumns>,
}

fn one() -> u32 {
    1
}

/// The fields of a risk. Required: description, category, likelihood,
/// impact, control_quality; the others have defaults (docs/import.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskColumns {
    /// `None`: `CODE-R1`, `CODE-R2`, … in row order; a number in the cell
    /// (a ลำดับ column) gives `CODE-R<number>`.
    #[serde(default)]
    pub id: Option<Source>,
    #[serde(default)]
    pub process: Option<Source>,
    pub description: Source,
    /// A category id or label of the methodology.
    pub category: Source,
    /// `Unknown` when `None`.
    #[serde(default)]
    pub factor: Option<Source>,
    pub likelihood: Source,
    pub impact: Source,
    #[serde(default)]
    pub controls: Option<Source>,
    pub control_quality: Source,
    #[serde(default)]
    pub residual_likelihood: Option<Source>,
    #[serde(default)]
    pub residual_impact: Option<Source>,
    #[serde(default)]
    pub owner: Option<Source>,
    /// `Reduce` when `None`.
    #[serde(default)]
    pub response: Option<Source>,
    /// The justification of an accepted risk, or to whom it is transferred.
    #[serde(default)]
    pub response_note: Option<Source>,
    #[serde(default)]
    pub next_review: Option<Source>,
}

/// The fields of a measure. Required: title and approach.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureColumns {
    /// `None`: `CODE-M1`, `CODE-M2`, … in row order.
    #[serde(default)]
    pub id: Option<Source>,
    pub title: Source,
    /// From the title's first word (`โครงการ…`) when `None`.
    #[serde(default)]
    pub kind: Option<Source>,
    /// An approach group, by id or label.
    pub approach: Source,
    /// Bureaus by code or name (`ทุกสำนัก` for all), separated by commas,
    /// semicolons or lines; what is not a bureau goes to other_responsible.
    #[serde(default)]
    pub responsible: Option<Source>,
    /// An amount in baht; empty, `-` or `ไม่…` for no budget.
    #[serde(default)]
    pub budget: Option<Source>,
    /// `Allocated` (default) or `Requested`: what an amount in the budget
    /// column is.
    #[serde(default)]
    pub budget_is: Option<BudgetIs>,
    #[serde(default)]
    pub budget_source: Option<Source>,
    /// Start and end in one cell (`ต.ค. 66 - ก.ย. 67`).
    #[serde(default)]
    pub period: Option<Source>,
    /// Start and end in cells of their own; the fiscal year's first and
    /// last month when neither they nor a period are given.
    #[serde(default)]
    pub start: Option<Source>,
    #[serde(default)]
    pub end: Option<Source>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BudgetIs {
    Allocated,
    Requested,
}

/// A source with its column found.
#[derive(Clone, Debug)]
enum Field {
    Column { col: u32, header: String },
    Value(String),
    Absent,
}

/// The register of `bureau` for `year` from an office workbook.
pub fn read(
    book: &Workbook,
    mapping: &Mapping,
    year: FiscalYear,
    bureau: &BureauCode,
    catalog: &Catalog,
) -> Result<Register, Vec<Problem>> {
    let sheet = match &mapping.sheet {
        Some(name) => book.sheet(name).ok_or_else(|| {
            let has = book.names().join(", ");
            vec![Problem::sheet(
                name,
                Label::new(
                    format!("ไฟล์การจับคู่ระบุชีต {} แต่สมุดงานมีชีต {has}", quoted(name)),
                    format!(
                        "the mapping names sheet {}; the workbook has {has}",
                        quoted(name)
                    ),
                ),
            )]
        })?,
        None => book.sheets.first().ok_or_else(|| {
            vec![Problem::sheet(
                "",
                Label::new("สมุดงานไม่มีชีตใดเลย", "the workbook has no sheet"),
            )]
        })?,
    };
    let Some(method) = catalog.method(&mapping.methodology) else {
        return Err(vec![Problem::sheet(
            &sheet.name,
            Label::new(
                format!(
                    "ไฟล์การจับคู่ระบุระเบียบวิธี {} รุ่น {} ซึ่งไม่มีใน methodology/",
                    mapping.methodology.id, mapping.methodology.version
                ),
                format!(
                    "the mapping names methodology {} version {}, which is not in methodology/",
                    mapping.methodology.id, mapping.methodology.version
                ),
            ),
        )]);
    };
    let mut problems = Vec::new();
    let headers = Headers::read(sheet, mapping);
    let fields = Fields::find(&headers, mapping, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut reader = Reader {
        sheet,
        mapping,
        method,
        catalog,
        bureau,
        year,
        problems,
    };
    let risks = reader.rows(&fields, &headers);
    let mut problems = reader.problems;
    problems.dedup();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Register {
        bureau: bureau.clone(),
        year,
        methodology: mapping.methodology.clone(),
        prepared_by: None,
        reviewed_by: None,
        approved_by: None,
        note: mapping.note.clone(),
        risks,
    })
}

/// The header text of each column.
struct Headers {
    /// 0-based rows of the headers.
    first: u32,
    rows: u32,
    /// Per column: its header cells top-down (merged cells as shown).
    columns: Vec<(u32, Vec<String>)>,
}

impl Headers {
    fn read(sheet: &Sheet, mapping: &Mapping) -> Headers {
        let first = mapping.header_row.saturating_sub(1);
        let rows = mapping.header_rows.max(1);
        let columns = (0..sheet.end_col())
            .map(|c| {
                let mut cells: Vec<String> = Vec::new();
                for r in first..first + rows {
                    if let Some(t) = text_of(sheet.shown(r, c)).map(|t| t.trim().to_string())
                        && !t.is_empty()
                        && cells.last() != Some(&t)
                    {
                        cells.push(t);
                    }
                }
                (c, cells)
            })
            .collect();
        Headers {
            first,
            rows,
            columns,
        }
    }

    /// The one column a header text names.
    fn find(&self, name: &str) -> Result<(u32, String), Label> {
        let key = words::loose(name);
        let hits: Vec<(u32, String)> = self
            .columns
            .iter()
            .filter(|(_, cells)| {
                !cells.is_empty()
                    && (cells.iter().any(|c| words::loose(c) == key)
                        || words::loose(&cells.join("/")) == key)
            })
            .map(|(c, cells)| (*c, cells.join("/")))
            .collect();
        match &hits[..] {
            [one] => Ok(one.clone()),
            [] => {
                let all: Vec<String> = self
                    .columns
                    .iter()
                    .filter(|(_, cells)| !cells.is_empty())
                    .map(|(c, cells)| {
                        format!(
                            "{} {}",
                            super::cells::column_letters(*c),
                            quoted(&cells.join("/"))
                        )
                    })
                    .collect();
                let all = all.join(", ");
                Err(Label::new(
                    format!(
                        "ไม่มีคอลัมน์ที่หัวตารางเป็น {} ในแถวหัวตาราง หัวตารางที่มีคือ {all}",
                        quoted(name)
                    ),
                    format!(
                        "no column headed {} in the header row{}; the headers are: {all}",
                        quoted(name),
                        if self.rows > 1 { "s" } else { "" },
                    ),
                ))
            }
            many => {
                let cols: Vec<String> = many
                    .iter()
                    .map(|(c, h)| format!("{} {}", super::cells::column_letters(*c), quoted(h)))
                    .collect();
                let cols = cols.join(", ");
                Err(Label::new(
                    format!(
                        "{} เป็นหัวของหลายคอลัมน์ ({cols}) ให้ระบุคอลัมน์เดียวด้วยหัวตารางทั้งหมดของคอลัมน์นั้น",
                        quoted(name)
                    ),
                    format!(
                        "{} heads more than one column ({cols}); name one by its whole header",
                        quoted(name)
                    ),
                ))
            }
        }
    }
}

/// Every field of the mapping with its column found.
struct Fields {
    risk: BTreeMap<&'static str, Field>,
    measure: BTreeMap<&'static str, Field>,
}

impl Fields {
    fn find(headers: &Headers, mapping: &Mapping, problems: &mut Vec<Problem>) -> Fields {
        let sheet = mapping.sheet.clone().unwrap_or_default();
        let mut field = |what: &str, s: Option<&Source>| match s {
            None => Field::Absent,
            Some(Source::Value(v)) => Field::Value(v.clone()),
            Some(Source::Column(name)) => match headers.find(name) {
                Ok((col, header)) => Field::Column { col, header },
                Err(e) => {
                    let message =
                        Label::new(format!("{what}: {}", e.th), format!("{what}: {}", e.en));
                    problems.push(Problem::row(&sheet, headers.first, message));
                    Field::Absent
                }
            },
        };
        let r = &mapping.risk;
        let risk = BTreeMap::from([
            ("id", field("risk.id", r.id.as_ref())),
            ("process", field("risk.process", r.process.as_ref())),
            (
                "description",
                field("risk.description", Some(&r.description)),
            ),
            ("category", field("risk.category", Some(&r.category))),
            ("factor", field("risk.factor", r.factor.as_ref())),
            ("likelihood", field("risk.likelihood", Some(&r.likelihood))),
            ("impact", field("risk.impact", Some(&r.impact))),
            ("controls", field("risk.controls", r.controls.as_ref())),
            (
                "control_quality",
                field("risk.control_quality", Some(&r.control_quality)),
            ),
            (
                "residual_likelihood",
                field("risk.residual_likelihood", r.residual_likelihood.as_ref()),
            ),
            (
                "residual_impact",
                field("risk.residual_impact", r.residual_impact.as_ref()),
            ),
            ("owner", field("risk.owner", r.owner.as_ref())),
            ("response", field("risk.response", r.response.as_ref())),
            (
                "response_note",
                field("risk.response_note", r.response_note.as_ref()),
            ),
            (
                "next_review",
                field("risk.next_review", r.next_review.as_ref()),
            ),
        ]);
        let mut measure = BTreeMap::new();
        if let Some(m) = &mapping.measure {
            measure = BTreeMap::from([
                ("id", field("measure.id", m.id.as_ref())),
                ("title", field("measure.title", Some(&m.title))),
                ("kind", field("measure.kind", m.kind.as_ref())),
                ("approach", field("measure.approach", Some(&m.approach))),
                (
                    "responsible",
                    field("measure.responsible", m.responsible.as_ref()),
                ),
                ("budget", field("measure.budget", m.budget.as_ref())),
                (
                    "budget_source",
                    field("measure.budget_source", m.budget_source.as_ref()),
                ),
                ("period", field("measure.period", m.period.as_ref())),
                ("start", field("measure.start", m.start.as_ref())),
                ("end", field("measure.end", m.end.as_ref())),
            ]);
        }
        Fields { risk, measure }
    }

    fn columns(&self) -> impl Iterator<Item = u32> + '_ {
        self.risk
            .values()
            .chain(self.measure.values())
            .filter_map(|f| match f {
                Field::Column { col, .. } => Some(*col),
                _ => None,
            })
    }
}

struct Reader<'a> {
    sheet: &'a Sheet,
    mapping: &'a Mapping,
    method: &'a Methodology,
    catalog: &'a Catalog,
    bureau: &'a BureauCode,
    year: FiscalYear,
    problems: Vec<Problem>,
}

/// The cell a field reads at a row, and where it is (for problems).
struct Got<'f> {
    data: Data,
    col: Option<(u32, &'f str)>,
}

impl Reader<'_> {
    fn get<'f>(&self, f: &'f Field, row: u32) -> Option<Got<'f>> {
        match f {
            Field::Absent => None,
            Field::Value(v) => Some(Got {
                data: Data::String(v.clone()),
                col: None,
            }),
            Field::Column { col, header } => Some(Got {
                data: self.sheet.shown(row, *col).clone(),
                col: Some((*col, header.as_str())),
            }),
        }
    }

    fn problem(&mut self, got: &Got, row: u32, field: &str, what: &Label) {
        let said = expected(what, &got.data, None);
        self.problems.push(match got.col {
            Some((col, header)) => {
                let header = quoted(header);
                Problem::at(
                    &self.sheet.name,
                    row,
                    col,
                    Label::new(
                        format!("{header} ({field}): {}", said.th),
                        format!("{header} ({field}): {}", said.en),
                    ),
                )
            }
            // a value of the mapping itself
            None => Problem::sheet(
                &self.sheet.name,
                Label::new(
                    format!("ค่าในไฟล์การจับคู่สำหรับ {field}: {}", said.th),
                    format!("the mapping's value for {field}: {}", said.en),
                ),
            ),
        });
    }

    /// A field read by `parse` from the cell's text; `None` when the field
    /// is absent or its cell empty, a problem recorded when it does not read.
    fn read<T>(
        &mut self,
        f: &Field,
        row: u32,
        field: &str,
        parse: impl FnOnce(&Data, &str) -> Result<T, Label>,
    ) -> Option<Result<T, ()>> {
        let got = self.get(f, row)?;
        if is_blank(&got.data) {
            return None;
        }
        let text = text_of(&got.data).unwrap_or_default();
        match parse(&got.data, text.trim()) {
            Ok(v) => Some(Ok(v)),
            Err(expected) => {
                self.problem(&got, row, field, &expected);
                Some(Err(()))
            }
        }
    }

    /// A required field: an empty cell is a problem too.
    fn need<T>(
        &mut self,
        f: &Field,
        row: u32,
        field: &str,
        expected: &Label,
        parse: impl FnOnce(&Data, &str) -> Result<T, Label>,
    ) -> Option<T> {
        match self.read(f, row, field, parse) {
            Some(Ok(v)) => Some(v),
            Some(Err(())) => None,
            None => {
                if let Some(got) = self.get(f, row) {
                    self.problem(&got, row, field, expected);
                }
                None
            }
        }
    }

    fn text(&mut self, f: &Field, row: u32, field: &str) -> String {
        self.read(f, row, field, |d, _| {
            text_of(d).ok_or_else(|| Label::new("ข้อความ", "text"))
        })
        .and_then(Result::ok)
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
    }

    fn rows(&mut self, fields: &Fields, headers: &Headers) -> Vec<Risk> {
        let first = headers.first + headers.rows;
        let end = self
            .mapping
            .last_row
            .map_or(self.sheet.end_row(), |l| l.min(self.sheet.end_row()));
        let columns: Vec<u32> = fields.columns().collect();
        let key = match (&fields.risk["id"], &fields.risk["description"]) {
            (Field::Column { col, .. }, _) | (_, Field::Column { col, .. }) => Some(*col),
            _ => None,
        };
        // a risk whose row has problems is None: the measures below it are
        // still read, so that their problems are found too
        let mut risks: Vec<Option<Risk>> = Vec::new();
        let mut last_key = String::new();
        let mut measures = 0usize;
        for row in first..end {
            if self.stops(row) {
                break;
            }
            if columns.iter().all(|c| is_blank(self.sheet.cell(row, *c))) {
                continue;
            }
            let key_text = key
                .map(|c| words::loose(&text_of(self.sheet.cell(row, c)).unwrap_or_default()))
                .unwrap_or_default();
            let new_risk = risks.is_empty() || (!key_text.is_empty() && key_text != last_key);
            if new_risk {
                last_key = key_text;
                let n = risks.len() + 1;
                let risk = self.risk(fields, row, n);
                risks.push(risk);
            }
            if let Some(title) = fields.measure.get("title")
                && let Some(got) = self.get(title, row)
                && !is_blank(&got.data)
                && (matches!(title, Field::Value(_)) || !self.covered(title, row, new_risk))
            {
                measures += 1;
                if let Some(m) = self.measure(fields, row, measures)
                    && let Some(Some(risk)) = risks.last_mut()
                {
                    risk.measures.push(m);
                }
            }
        }
        if risks.is_empty() {
            self.problems.push(Problem::sheet(
                &self.sheet.name,
                Label::new(
                    format!(
                        "ไม่มีความเสี่ยงใต้แถวหัวตาราง {}: ต้องมีแถวของความเสี่ยง",
                        self.mapping.header_row
                    ),
                    format!(
                        "no risk below the header row {}: expected rows of risks",
                        self.mapping.header_row
                    ),
                ),
            ));
        }
        risks.into_iter().flatten().collect()
    }

    /// Whether `row` is below the table: a cell begins with `stop_at`.
    fn stops(&self, row: u32) -> bool {
        let Some(stop) = self.mapping.stop_at.as_deref().map(words::loose) else {
            return false;
        };
        (0..self.sheet.end_col()).any(|c| {
            text_of(self.sheet.cell(row, c)).is_some_and(|t| words::loose(&t).starts_with(&stop))
        })
    }

    /// Whether the title cell at `row` is the continuation of a merged cell
    /// begun above (one measure over several rows, not a new one).
    fn covered(&self, f: &Field, row: u32, _new_risk: bool) -> bool {
        match f {
            Field::Column { col, .. } => self
                .sheet
                .merge_of(row, *col)
                .is_some_and(|d| d.start.0 != row),
            _ => false,
        }
    }

    fn id_from(
        &mut self,
        f: &Field,
        row: u32,
        field: &str,
        prefix: char,
        n: usize,
    ) -> Option<String> {
        let code = self.bureau.to_string();
        let generated = format!("{code}-{prefix}{n}");
        match self.read(f, row, field, |d, text| {
            if let Some(k) = int_of(d) {
                return Ok(format!("{code}-{prefix}{k}"));
            }
            crate::model::RiskId::new(text.to_string())
                .map(|id| id.to_string())
                .map_err(|e| {
                    Label::new(
                        "รหัส (อักษรภาษาอังกฤษ ตัวเลข - _ .) หรือตัวเลข",
                        format!("an id ({e}) or a number"),
                    )
                })
        }) {
            None => Some(generated),
            Some(Ok(id)) => Some(id),
            Some(Err(())) => None,
        }
    }

    fn level(&mut self, f: &Field, row: u32, field: &str, impact: bool) -> Option<u8> {
        let scale = if impact {
            &self.method.impact
        } else {
            &self.method.likelihood
        };
        let levels = self.mapping.levels.clone();
        let expected = words::level("", scale, &levels).err().unwrap_or_default();
        let scale = scale.clone();
        self.need(f, row, field, &expected, |d, text| match d {
            Data::Float(_) | Data::Int(_) => int_of(d)
                .and_then(|n| u8::try_from(n).ok())
                .filter(|n| scale.levels.iter().any(|l| l.value == *n))
                .ok_or_else(|| expected.clone()),
            _ => words::level(text, &scale, &levels),
        })
    }

    fn date(&mut self, f: &Field, row: u32, field: &str) -> Option<Option<Date>> {
        match self.read(f, row, field, |d, text| match date_of(d) {
            Some(date) => Ok(date),
            None => Date::parse_written(text).map_err(|_| {
                Label::new(
                    "วันที่ พ.ศ. เช่น 31 มี.ค. 67 หรือ 31/03/2567",
                    "a Buddhist-era date such as 31 มี.ค. 67 or 31/03/2567",
                )
            }),
        }) {
            None => Some(None),
            Some(Ok(d)) => Some(Some(d)),
            Some(Err(())) => None,
        }
    }

    fn risk(&mut self, fields: &Fields, row: u32, n: usize) -> Option<Risk> {
        let f = &fields.risk;
        let id = self.id_from(&f["id"], row, "risk.id", 'R', n);
        let process = self.text(&f["process"], row, "risk.process");
        let description = self.text(&f["description"], row, "risk.description");
        let method = self.method;
        let category: Option<CategoryId> = self.need(
            &f["category"],
            row,
            "risk.category",
            &Label::new("ประเภทความเสี่ยง", "a category"),
            |_, t| words::category(t, method),
        );
        let factor = match self.read(&f["factor"], row, "risk.factor", |_, t| words::factor(t)) {
            None => Some(Factor::Unknown),
            Some(r) => r.ok(),
        };
        let likelihood = self.level(&f["likelihood"], row, "risk.likelihood", false);
        let impact = self.level(&f["impact"], row, "risk.impact", true);
        let controls = self.text(&f["controls"], row, "risk.controls");
        let control_quality: Option<ControlQuality> = self.need(
            &f["control_quality"],
            row,
            "risk.control_quality",
            &Label::new("ดี, พอใช้ หรือ อ่อน", "ดี, พอใช้ or อ่อน"),
            |_, t| words::control_quality(t),
        );
        let residual = self.residual(fields, row);
        let owner = self.text(&f["owner"], row, "risk.owner");
        let note = self.text(&f["response_note"], row, "risk.response_note");
        let response = match self.read(&f["response"], row, "risk.response", |_, t| {
            words::response(t)
        }) {
            None => Some(0),
            Some(r) => r.ok(),
        }
        .map(|r| match r {
            1 => Response::Accept(note),
            2 => Response::Transfer(note),
            3 => Response::Avoid,
            _ => Response::Reduce,
        });
        let next_review = self.date(&f["next_review"], row, "risk.next_review");
        if description.is_empty() {
            let got = self.get(&f["description"], row);
            if let Some(got) = got {
                let description = Label::new("คำอธิบายความเสี่ยง", "the risk's description");
                self.problem(&got, row, "risk.description", &description);
            }
        }
        Some(Risk {
            id: RiskId::new(id?).ok()?,
            process,
            description,
            category: category?,
            factor: factor?,
            inherent: Rating {
                likelihood: likelihood?,
                impact: impact?,
            },
            controls,
            control_quality: control_quality?,
            residual: residual?,
            owner,
            response: response?,
            next_review: next_review?,
            measures: Vec::new(),
        })
    }

    fn residual(&mut self, fields: &Fields, row: u32) -> Option<Option<Rating>> {
        let f = &fields.risk;
        let (lf, imf) = (&f["residual_likelihood"], &f["residual_impact"]);
        let blank = |r: &Self, fl: &Field| r.get(fl, row).is_none_or(|g| is_blank(&g.data));
        if blank(self, lf) && blank(self, imf) {
            return Some(None);
        }
        let l = self.level(lf, row, "risk.residual_likelihood", false);
        let i = self.level(imf, row, "risk.residual_impact", true);
        Some(Some(Rating {
            likelihood: l?,
            impact: i?,
        }))
    }

    fn measure(&mut self, fields: &Fields, row: u32, n: usize) -> Option<Measure> {
        let columns = self.mapping.measure.as_ref()?;
        let f = &fields.measure;
        let id = self.id_from(&f["id"], row, "measure.id", 'M', n);
        let title = self.text(&f["title"], row, "measure.title");
        let kind = match self.read(&f["kind"], row, "measure.kind", |_, t| {
            words::measure_kind(t)
        }) {
            None => Some(words::kind_of_title(&title)),
            Some(r) => r.ok(),
        };
        let approaches = &self.catalog.approaches.value;
        let approach: Option<ApproachId> = self.need(
            &f["approach"],
            row,
            "measure.approach",
            &Label::new("กลุ่มแนวทาง", "an approach group"),
            |_, t| {
                let key = words::loose(t);
                approaches
                    .approaches
                    .iter()
                    .find(|a| {
                        words::loose(a.id.as_str()) == key
                            || words::loose(&a.label.th) == key
                            || words::loose(&a.label.en) == key
                    })
                    .map(|a| a.id.clone())
                    .ok_or_else(|| {
                        let all: Vec<String> = approaches
                            .approaches
                            .iter()
                            .map(|a| a.id.to_string())
                            .collect();
                        let all = all.join(", ");
                        Label::new(
                            format!("กลุ่มแนวทาง: {all}"),
                            format!("an approach group: {all}"),
                        )
                    })
            },
        );
        let responsible = self.text(&f["responsible"], row, "measure.responsible");
        let (co_responsible, other_responsible) = self.responsible(&responsible);
        let budget = self.budget(f, row, columns.budget_is.unwrap_or(BudgetIs::Allocated));
        let (start, end) = self.timeframe(f, row)?;
        Some(Measure {
            id: MeasureId::new(id?).ok()?,
            title,
            kind: kind?,
            approach: approach?,
            co_responsible,
            other_responsible,
            start,
            end,
            budget: budget?,
            indicators: Vec::new(),
            monitoring: Vec::new(),
        })
    }

    /// Bureaus named in a cell: codes or names of bureaus.ron; `ทุกสำนัก`
    /// for every bureau; the lead itself left out; anything else is kept as
    /// text.
    fn responsible(&self, text: &str) -> (CoResponsible, String) {
        let bureaus = &self.catalog.bureaus.value.bureaus;
        let mut codes = Vec::new();
        let mut other = Vec::new();
        let mut all = false;
        for part in text
            .split([',', ';', '\n', '、'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let key = words::loose(part);
            if key == words::loose("ทุกสำนัก") || key == "all" {
                all = true;
                continue;
            }
            match bureaus.iter().find(|b| {
                words::loose(b.code.as_str()) == key
                    || words::loose(&b.name.th) == key
                    || words::loose(&b.name.en) == key
                    || (!b.abbreviation.is_empty() && words::loose(&b.abbreviation) == key)
            }) {
                Some(b) if &b.code == self.bureau => {}
                Some(b) if !codes.contains(&b.code) => codes.push(b.code.clone()),
                Some(_) => {}
                None => other.push(part.to_string()),
            }
        }
        let co = if all {
            CoResponsible::AllBureaus
        } else if codes.is_empty() {
            CoResponsible::LeadOnly
        } else {
            CoResponsible::Bureaus(codes)
        };
        (co, other.join(", "))
    }

    fn budget(
        &mut self,
        f: &BTreeMap<&'static str, Field>,
        row: u32,
        is: BudgetIs,
    ) -> Option<Budget> {
        let amount = self.read(&f["budget"], row, "measure.budget", |d, t| match d {
            Data::Float(v) => words::baht_number(*v).map(Some),
            Data::Int(v) => words::baht_number(*v as f64).map(Some),
            _ if words::no_budget(t) => Ok(None),
            _ => words::baht(t).map(Some),
        });
        let amount: Option<Money> = match amount {
            None => None,
            Some(Ok(a)) => a,
            Some(Err(())) => return None,
        };
        let source = self.text(&f["budget_source"], row, "measure.budget_source");
        Some(match (amount, is) {
            (None, _) => Budget::NotRequested,
            (Some(a), _) if a == Money::ZERO => Budget::NotRequested,
            (Some(amount), BudgetIs::Requested) => Budget::Requested { amount },
            (Some(amount), BudgetIs::Allocated) => Budget::Allocated { amount, source },
        })
    }

    /// Start and end: from the period cell, else the start and end cells,
    /// else the fiscal year.
    fn timeframe(
        &mut self,
        f: &BTreeMap<&'static str, Field>,
        row: u32,
    ) -> Option<(YearMonth, YearMonth)> {
        let year_start = self.year.start();
        let year_end = self.year.end();
        let whole_year = (
            YearMonth::new(year_start.year_be(), year_start.month()).ok()?,
            YearMonth::new(year_end.year_be(), year_end.month()).ok()?,
        );
        let month = |d: &Data, t: &str| match date_of(d) {
            Some(date) => YearMonth::new(date.year_be(), date.month()).map_err(Label::from),
            None => words::month(t),
        };
        if let Some(p) = self.read(&f["period"], row, "measure.period", |d, t| {
            match date_of(d) {
                Some(_) => Err(words::a_period()),
                None => words::period(t),
            }
        }) {
            return p.ok();
        }
        let start = match self.read(&f["start"], row, "measure.start", month) {
            None => whole_year.0,
            Some(r) => r.ok()?,
        };
        let end = match self.read(&f["end"], row, "measure.end", month) {
            None => whole_year.1,
            Some(r) => r.ok()?,
        };
        Some((start, end))
    }
}
