//! Reading back the workbook `riskreg export --format xlsx` writes (layout in
//! docs/file-format.md, "The dataset in a workbook"): one register, picked
//! by year and bureau, rebuilt from its rows of the five sheets. Every
//! field of the register is in them; derived columns (bands, `met`) are
//! ignored.

use super::cells::{Problem, Workbook, int_of, text_of};
use super::table::{Row, Table};
use crate::model::{
    Achieved, ApproachId, Approval, Budget, BureauCode, CategoryId, CoResponsible, Comparator,
    ContentDigest, ControlQuality, Decimal2, Factor, FiscalYear, Implementation, Indicator,
    IndicatorId, IndicatorResult, Label, Measure, MeasureId, MeasureKind, MethodId, MethodRef,
    Money, Monitoring, Quantity, Rating, Register, Response, Risk, RiskId, RoundId, Signature,
    Threshold, TrafficLight,
};
use std::collections::{HashMap, HashSet};

const REGISTERS: &[&str] = &[
    "year",
    "bureau",
    "methodology",
    "methodology_version",
    "prepared_by_name",
    "prepared_by_position",
    "prepared_by_date",
    "reviewed_by_name",
    "reviewed_by_position",
    "reviewed_by_date",
    "approved_by_name",
    "approved_by_position",
    "approved_by_date",
    "approved_digest",
    "approved_signature",
    "note",
];
const RISKS: &[&str] = &[
    "year",
    "bureau",
    "risk_id",
    "process",
    "description",
    "category",
    "factor",
    "inherent_likelihood",
    "inherent_impact",
    "controls",
    "control_quality",
    "residual_likelihood",
    "residual_impact",
    "owner",
    "response",
    "response_note",
    "next_review",
];
const MEASURES: &[&str] = &[
    "year",
    "bureau",
    "measure_id",
    "risk_id",
    "title",
    "kind",
    "approach",
    "responsible",
    "all_bureaus",
    "other_responsible",
    "budget",
    "requested_satang",
    "allocated_satang",
    "budget_source",
    "start",
    "end",
];
const MONITORING: &[&str] = &[
    "year",
    "bureau",
    "measure_id",
    "round",
    "as_of",
    "status",
    "occurrence",
    "implementation",
    "implementation_note",
    "disbursed_satang",
    "done",
    "added_activities",
    "evidence",
];
const INDICATORS: &[&str] = &[
    "year",
    "bureau",
    "measure_id",
    "indicator_id",
    "name",
    "cmp",
    "target_kind",
    "target",
    "unit",
    "round",
    "result_kind",
    "result",
];

/// The columns read from each sheet, for the test that the export writes
/// every one of them.
pub const READ: [(&str, &[&str]); 5] = [
    ("registers", REGISTERS),
    ("risks", RISKS),
    ("measures", MEASURES),
    ("monitoring", MONITORING),
    ("indicators", INDICATORS),
];

/// Whether the workbook is one `riskreg export` wrote: its first sheet is
/// `dataset` with `dataset` = `riskreg` in A1:B1.
pub fn is_export(book: &Workbook) -> bool {
    book.sheets.first().is_some_and(|s| {
        s.name == "dataset"
            && text_of(s.cell(0, 0)).as_deref() == Some("dataset")
            && text_of(s.cell(0, 1)).as_deref() == Some("riskreg")
    })
}

/// The register of `bureau` for `year` in an exported workbook, or every
/// cell that could not be read.
pub fn read(
    book: &Workbook,
    year: FiscalYear,
    bureau: &BureauCode,
) -> Result<Register, Vec<Problem>> {
    let mut problems = Vec::new();
    check_about(book, year, &mut problems);
    let mut tables = Vec::new();
    for (name, needed) in READ {
        match book.sheet(name) {
            Some(sheet) => tables.push(Table::new(sheet, 0, needed, &mut problems)),
            None => {
                let has = book.names().join(", ");
                problems.push(Problem::sheet(
                    name,
                    Label::new(
                        format!("ไม่มีชีตชื่อ {name} (สมุดงานมีชีต {has})"),
                        format!("expected a sheet named {name} (the workbook has {has})"),
                    ),
                ));
                tables.push(None);
            }
        }
    }
    let [
        Some(registers),
        Some(risks),
        Some(measures),
        Some(monitoring),
        Some(indicators),
    ] = <[Option<Table>; 5]>::try_from(tables).unwrap_or_default()
    else {
        return Err(problems);
    };
    let mut reader = Reader {
        year,
        bureau,
        problems,
    };
    let register = reader.register(&registers, &risks, &measures, &monitoring, &indicators);
    match register {
        Some(reg) if reader.problems.is_empty() => Ok(reg),
        _ => Err(reader.problems),
    }
}

fn check_about(book: &Workbook, year: FiscalYear, problems: &mut Vec<Problem>) {
    let Some(about) = book.sheet("dataset") else {
        return;
    };
    if int_of(about.cell(1, 1)) != Some(1) {
        problems.push(Problem::at(
            "dataset",
            1,
            1,
            Label::new(
                "ต้องเป็นสมุดงาน riskreg รุ่น 1",
                "expected version 1 of the riskreg workbook",
            ),
        ));
    }
    let written = int_of(about.cell(2, 1));
    if written != Some(i64::from(year.be())) {
        problems.push(Problem::at(
            "dataset",
            2,
            1,
            Label::new(
                format!(
                    "สมุดงานนี้ส่งออกจากปี {} ไม่ใช่ปี {year} (--year)",
                    written.map_or_else(|| "ที่ไม่ทราบ".to_string(), |y| y.to_string())
                ),
                format!(
                    "the workbook is the export of {}, not of {year} (--year)",
                    written.map_or_else(|| "an unknown year".to_string(), |y| y.to_string())
                ),
            ),
        ));
    }
}

struct Reader<'b> {
    year: FiscalYear,
    bureau: &'b BureauCode,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    /// The rows of a table that belong to the register asked for.
    fn rows_of(&mut self, t: &Table) -> Vec<u32> {
        let mut out = Vec::new();
        for r in 1..t.sheet.end_row() {
            let mut row = t.row(r, &mut self.problems);
            if row.blank("year") && row.blank("bureau") {
                continue;
            }
            let year = row.int("year", 2500..=2700);
            let bureau = row.text("bureau");
            if year == Some(i64::from(self.year.be())) && bureau == self.bureau.as_str() {
                out.push(r);
            }
        }
        out
    }

    fn register(
        &mut self,
        registers: &Table,
        risks: &Table,
        measures: &Table,
        monitoring: &Table,
        indicators: &Table,
    ) -> Option<Register> {
        let rows = self.rows_of(registers);
        let [r] = rows[..] else {
            let (bureau, year, n) = (self.bureau, self.year, rows.len());
            let message = if rows.is_empty() {
                Label::new(
                    format!("ไม่มีแถวของทะเบียน {bureau} ปี {year} (--bureau, --year)"),
                    format!("no row for the register of {bureau} in {year} (--bureau, --year)"),
                )
            } else {
                Label::new(
                    format!("มีแถวของทะเบียน {bureau} ปี {year} อยู่ {n} แถว: ให้เหลือแถวเดียว"),
                    format!("{n} rows for the register of {bureau} in {year}: keep one"),
                )
            };
            self.problems.push(Problem::sheet("registers", message));
            return None;
        };
        let mut reg = header(
            &mut registers.row(r, &mut self.problems),
            self.year,
            self.bureau,
        )?;
        // rows that did not read: what refers to them is still read for its
        // own problems, but not blamed for referring to them
        let mut broken: HashSet<String> = HashSet::new();
        for r in self.rows_of(risks) {
            let mut row = risks.row(r, &mut self.problems);
            let risk_id = row.text("risk_id");
            match risk(&mut row) {
                Some(risk) => reg.risks.push(risk),
                None => {
                    broken.insert(risk_id);
                }
            }
        }
        // measure id → (risk, measure) indexes
        let mut at: HashMap<String, (usize, usize)> = HashMap::new();
        for r in self.rows_of(measures) {
            let mut row = measures.row(r, &mut self.problems);
            let risk_id = row.text("risk_id");
            let measure_id = row.text("measure_id");
            let ri = reg.risks.iter().position(|k| k.id.as_str() == risk_id);
            if ri.is_none() && !broken.contains(&risk_id) {
                let found = crate::model::quoted(&risk_id);
                row.problem(
                    "risk_id",
                    Label::new(
                        format!("ต้องเป็นรหัสความเสี่ยงที่อยู่ในชีต risks แต่พบ {found}"),
                        format!("expected the id of a risk of the sheet risks, found {found}"),
                    ),
                );
            }
            let (Some(ri), Some(m)) = (ri, measure(&mut row, self.bureau)) else {
                broken.insert(measure_id);
                continue;
            };
            if at.contains_key(m.id.as_str()) {
                row.problem(
                    "measure_id",
                    Label::new(
                        format!("มาตรการ {} มีซ้ำสองแถว", m.id),
                        format!("measure {} is listed twice", m.id),
                    ),
                );
                continue;
            }
            at.insert(m.id.to_string(), (ri, reg.risks[ri].measures.len()));
            reg.risks[ri].measures.push(m);
        }
        for r in self.rows_of(monitoring) {
            let mut row = monitoring.row(r, &mut self.problems);
            let found = measure_at(&mut row, &at, &broken);
            let entry = monitoring_entry(&mut row);
            let (Some((ri, mi)), Some(entry)) = (found, entry) else {
                continue;
            };
            let m = &mut reg.risks[ri].measures[mi];
            if m.at_round(&entry.round).is_some() {
                row.problem(
                    "round",
                    Label::new(
                        format!("รอบ {} มีซ้ำสองแถว", entry.round),
                        format!("round {} is listed twice", entry.round),
                    ),
                );
                continue;
            }
            m.monitoring.push(entry);
        }
        for r in self.rows_of(indicators) {
            let mut row = indicators.row(r, &mut self.problems);
            let Some((ri, mi)) = measure_at(&mut row, &at, &broken) else {
                continue;
            };
            indicator_row(&mut row, &mut reg.risks[ri].measures[mi]);
        }
        Some(reg)
    }
}

/// The measure a row refers to; a problem when there is none, unless its
/// own row did not read.
fn measure_at(
    row: &mut Row,
    at: &HashMap<String, (usize, usize)>,
    broken: &HashSet<String>,
) -> Option<(usize, usize)> {
    let id = row.text("measure_id");
    let found = at.get(&id).copied();
    if found.is_none() && !broken.contains(&id) {
        let found = crate::model::quoted(&id);
        row.problem(
            "measure_id",
            Label::new(
                format!("ต้องเป็นรหัสมาตรการที่อยู่ในชีต measures แต่พบ {found}"),
                format!("expected the id of a measure of the sheet measures, found {found}"),
            ),
        );
    }
    found
}

fn id<T>(row: &mut Row, name: &str, new: fn(String) -> Result<T, String>) -> Option<T> {
    let an_id = Label::new(
        "รหัส (อักษรภาษาอังกฤษ ตัวเลข - _ .)",
        "an id (letters, digits, - _ .)",
    );
    // the model says why in English; the Thai expectation says it already
    row.parse(name, &an_id, |s| {
        new(s.to_string()).map_err(|e| Label::new("", e))
    })
}

fn signature(row: &mut Row, prefix: &str) -> Option<Option<Signature>> {
    let [name, position, date] = ["name", "position", "date"].map(|f| format!("{prefix}_{f}"));
    if row.blank(&name) && row.blank(&position) && row.blank(&date) {
        return Some(None);
    }
    let name = row.text(&name);
    let position = row.text(&position);
    let date = row.date(&date)?;
    Some(Some(Signature {
        name,
        position,
        date,
    }))
}

fn header(row: &mut Row, year: FiscalYear, bureau: &BureauCode) -> Option<Register> {
    let method = id(row, "methodology", MethodId::try_from);
    let version = row.int("methodology_version", 0..=i64::from(u32::MAX));
    let prepared_by = signature(row, "prepared_by");
    let reviewed_by = signature(row, "reviewed_by");
    let approved_by = approval(row);
    let note = row.text("note");
    Some(Register {
        bureau: bureau.clone(),
        year,
        methodology: MethodRef {
            id: method?,
            version: u32::try_from(version?).ok()?,
        },
        prepared_by: prepared_by?,
        reviewed_by: reviewed_by?,
        approved_by: approved_by?,
        note,
        risks: Vec::new(),
    })
}

fn approval(row: &mut Row) -> Option<Option<Approval>> {
    let Some(signed) = signature(row, "approved_by")? else {
        return Some(None);
    };
    let digest = Label::new("ค่าย่อยของเนื้อหา (sha256:…)", "the content digest (sha256:…)");
    let digest = row.parse("approved_digest", &digest, |s| {
        ContentDigest::new(s).map_err(|e| Label::new("", e))
    })?;
    Some(Some(Approval {
        name: signed.name,
        position: signed.position,
        date: signed.date,
        digest,
        signature: row.opt_text("approved_signature"),
    }))
}

fn level(row: &mut Row, name: &str) -> Option<Option<u8>> {
    row.opt_int(name, 1..=255)
        .map(|n| n.and_then(|n| u8::try_from(n).ok()))
}

fn rating(row: &mut Row, prefix: &str) -> Option<Option<Rating>> {
    let l = level(row, &format!("{prefix}_likelihood"))?;
    let i = level(row, &format!("{prefix}_impact"))?;
    match (l, i) {
        (Some(likelihood), Some(impact)) => Some(Some(Rating { likelihood, impact })),
        (None, None) => Some(None),
        (Some(_), None) => {
            row.problem(&format!("{prefix}_impact"), together());
            None
        }
        (None, Some(_)) => {
            row.problem(&format!("{prefix}_likelihood"), together());
            None
        }
    }
}

fn together() -> Label {
    Label::new(
        "ต้องมีระดับ: ระดับโอกาสและระดับผลกระทบต้องมีคู่กัน",
        "expected a level: likelihood and impact go together",
    )
}

fn risk(row: &mut Row) -> Option<Risk> {
    let risk_id = id(row, "risk_id", RiskId::try_from);
    let process = row.text("process");
    let description = row.text("description");
    let category = id(row, "category", CategoryId::try_from);
    let factor = row.choice(
        "factor",
        &[("Known", Factor::Known), ("Unknown", Factor::Unknown)],
    );
    let inherent = rating(row, "inherent");
    if matches!(inherent, Some(None)) {
        row.problem(
            "inherent_likelihood",
            Label::new(
                "ต้องเป็นระดับ แต่พบเซลล์ว่าง",
                "expected a level, found an empty cell",
            ),
        );
    }
    let controls = row.text("controls");
    let control_quality = row.choice(
        "control_quality",
        &[
            ("Good", ControlQuality::Good),
            ("Fair", ControlQuality::Fair),
            ("Weak", ControlQuality::Weak),
        ],
    );
    let residual = rating(row, "residual");
    let owner = row.text("owner");
    let note = row.text("response_note");
    let response = row
        .choice(
            "response",
            &[("Reduce", 0), ("Accept", 1), ("Transfer", 2), ("Avoid", 3)],
        )
        .map(|r| match r {
            1 => Response::Accept(note),
            2 => Response::Transfer(note),
            3 => Response::Avoid,
            _ => Response::Reduce,
        });
    let next_review = row.opt_date("next_review");
    Some(Risk {
        id: risk_id?,
        process,
        description,
        category: category?,
        factor: factor?,
        inherent: inherent??,
        controls,
        control_quality: control_quality?,
        residual: residual?,
        owner,
        response: response?,
        next_review: next_review?,
        measures: Vec::new(),
    })
}

fn satang(row: &mut Row, name: &str) -> Option<Option<Money>> {
    row.opt_int(name, 0..=i64::MAX)
        .map(|n| n.map(Money::from_satang))
}

fn measure(row: &mut Row, lead: &BureauCode) -> Option<Measure> {
    let measure_id = id(row, "measure_id", MeasureId::try_from);
    let title = row.text("title");
    let kind = row.choice(
        "kind",
        &[
            ("Measure", MeasureKind::Measure),
            ("Project", MeasureKind::Project),
            ("Activity", MeasureKind::Activity),
        ],
    );
    let approach = id(row, "approach", ApproachId::try_from);
    let co_responsible = responsible(row, lead);
    let other_responsible = row.text("other_responsible");
    let budget = budget(row);
    let start = row.month("start");
    let end = row.month("end");
    Some(Measure {
        id: measure_id?,
        title,
        kind: kind?,
        approach: approach?,
        co_responsible: co_responsible?,
        other_responsible,
        start: start?,
        end: end?,
        budget: budget?,
        indicators: Vec::new(),
        monitoring: Vec::new(),
    })
}

fn responsible(row: &mut Row, lead: &BureauCode) -> Option<CoResponsible> {
    let all = row.flag("all_bureaus")?;
    let text = row.text("responsible");
    let codes: Vec<&str> = text
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if codes.first() != Some(&lead.as_str()) {
        let found = crate::model::quoted(&text);
        row.problem(
            "responsible",
            Label::new(
                format!(
                    "ต้องขึ้นต้นด้วยสำนักเจ้าของเรื่อง {lead} ตามด้วยสำนักอื่น คั่นด้วย ';' แต่พบ {found}"
                ),
                format!(
                    "expected the lead bureau {lead} first, then the other bureaus, separated by ';', found {found}"
                ),
            ),
        );
        return None;
    }
    if all {
        return Some(CoResponsible::AllBureaus);
    }
    let mut others = Vec::new();
    for c in &codes[1..] {
        match BureauCode::new(*c) {
            Ok(code) => others.push(code),
            Err(e) => {
                row.problem(
                    "responsible",
                    Label::new(
                        format!("ต้องเป็นรหัสสำนัก: {} ใช้ไม่ได้", crate::model::quoted(c)),
                        format!("expected bureau codes: {e}"),
                    ),
                );
                return None;
            }
        }
    }
    Some(if others.is_empty() {
        CoResponsible::LeadOnly
    } else {
        CoResponsible::Bureaus(others)
    })
}

fn budget(row: &mut Row) -> Option<Budget> {
    let kind = row.choice(
        "budget",
        &[("NotRequested", 0), ("Requested", 1), ("Allocated", 2)],
    )?;
    let requested = satang(row, "requested_satang")?;
    let allocated = satang(row, "allocated_satang")?;
    match kind {
        0 => Some(Budget::NotRequested),
        1 => match requested {
            Some(amount) => Some(Budget::Requested { amount }),
            None => {
                row.problem(
                    "requested_satang",
                    Label::new(
                        "ต้องมีจำนวนเงินที่ขอ (หน่วยสตางค์)",
                        "expected the amount requested, in satang",
                    ),
                );
                None
            }
        },
        _ => match allocated {
            Some(amount) => Some(Budget::Allocated {
                amount,
                source: row.text("budget_source"),
            }),
            None => {
                row.problem(
                    "allocated_satang",
                    Label::new(
                        "ต้องมีจำนวนเงินที่ได้รับจัดสรร (หน่วยสตางค์)",
                        "expected the amount allocated, in satang",
                    ),
                );
                None
            }
        },
    }
}

/// Whether any column of the entry is filled, besides the status.
fn has_entry_values(row: &Row) -> bool {
    MONITORING[4..]
        .iter()
        .any(|c| *c != "status" && !row.blank(c))
}

fn monitoring_entry(row: &mut Row) -> Option<Monitoring> {
    let round = id(row, "round", RoundId::try_from)?;
    if row.blank("status") {
        if has_entry_values(row) {
            row.problem(
                "status",
                Label::new(
                    "ต้องเป็น green, yellow หรือ red: แถวนี้มีรายงานแต่ไม่มีสถานะ (สถานะว่างหมายถึงไม่มีรายงานในรอบนั้น)",
                    "expected green, yellow or red: the row has a report but no status (an empty status means no report for the round)",
                ),
            );
        }
        return None;
    }
    let status = row.choice(
        "status",
        &[
            ("green", TrafficLight::Green),
            ("yellow", TrafficLight::Yellow),
            ("red", TrafficLight::Red),
        ],
    );
    let as_of = row.opt_date("as_of");
    let occurrence = row.text("occurrence");
    let note = row.text("implementation_note");
    let implementation = row
        .choice(
            "implementation",
            &[
                ("NotStarted", 0),
                ("InProgress", 1),
                ("Completed", 2),
                ("PlanRevised", 3),
                ("Other", 4),
            ],
        )
        .map(|i| match i {
            0 => Implementation::NotStarted,
            1 => Implementation::InProgress,
            2 => Implementation::Completed,
            3 => Implementation::PlanRevised,
            _ => Implementation::Other(note),
        });
    let disbursed = satang(row, "disbursed_satang");
    let done = row.text("done");
    let added_activities = row.text("added_activities");
    let evidence = row.text("evidence").lines().map(str::to_string).collect();
    Some(Monitoring {
        round,
        as_of: as_of?,
        status: status?,
        occurrence,
        implementation: implementation?,
        done,
        added_activities,
        disbursed: disbursed?.unwrap_or(Money::ZERO),
        results: Vec::new(),
        evidence,
    })
}

fn number<T: std::str::FromStr>(s: &str) -> Result<T, Label> {
    s.parse().map_err(|_| Label::default())
}

fn yes_no(s: &str) -> Result<bool, Label> {
    match s.to_ascii_lowercase().as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(Label::default()),
    }
}

/// What a value of a kind is written as: `None` for a kind that is none of
/// these.
fn value_of_kind(kind: &str, percent: &str) -> Option<Label> {
    Some(match kind {
        "Percent" => Label::new(
            format!("ร้อยละ เช่น {percent}"),
            format!("a percentage such as {percent}"),
        ),
        "Fraction" => Label::new("เศษส่วน เช่น 654/662", "a fraction such as 654/662"),
        "Count" | "PerYear" | "Level" => Label::new("จำนวนเต็ม", "a whole number"),
        "YesNo" => Label::new("true หรือ false", "true or false"),
        _ => return None,
    })
}

/// "expected one of `kinds`, found `kind`" in both languages.
fn unknown_kind(kinds: &[&str], kind: &str) -> Label {
    super::cells::expected(
        &super::table::one_of(kinds),
        &calamine::Data::String(kind.to_string()),
        None,
    )
}

fn quantity(row: &mut Row) -> Option<Quantity> {
    let kind = row.text("target_kind");
    let expected = match value_of_kind(kind.as_str(), "80.00") {
        Some(e) if kind != "Fraction" => e,
        _ => {
            let kinds = ["Percent", "Count", "PerYear", "Level", "YesNo"];
            row.problem("target_kind", unknown_kind(&kinds, &kind));
            return None;
        }
    };
    row.parse("target", &expected, |s| match kind.as_str() {
        "Percent" => Decimal2::try_from(s.to_string())
            .map(Quantity::Percent)
            .map_err(Label::from),
        "Count" => number(s).map(Quantity::Count),
        "PerYear" => number(s).map(Quantity::PerYear),
        "Level" => number(s).map(Quantity::Level),
        _ => yes_no(s).map(Quantity::YesNo),
    })
}

fn achieved(row: &mut Row) -> Option<Achieved> {
    let kind = row.text("result_kind");
    if kind == "Pending" {
        return Some(Achieved::Pending);
    }
    let Some(expected) = value_of_kind(kind.as_str(), "98.79") else {
        let kinds = [
            "Percent", "Fraction", "Count", "PerYear", "Level", "YesNo", "Pending",
        ];
        row.problem("result_kind", unknown_kind(&kinds, &kind));
        return None;
    };
    row.parse("result", &expected, |s| match kind.as_str() {
        "Percent" => Decimal2::try_from(s.to_string())
            .map(Achieved::Percent)
            .map_err(Label::from),
        "Fraction" => {
            let (n, d) = s.split_once('/').ok_or_else(Label::default)?;
            Ok(Achieved::Fraction(number(n.trim())?, number(d.trim())?))
        }
        "Count" => number(s).map(Achieved::Count),
        "PerYear" => number(s).map(Achieved::PerYear),
        "Level" => number(s).map(Achieved::Level),
        _ => yes_no(s).map(Achieved::YesNo),
    })
}

/// An indicator row: the indicator's definition (the first row of its id;
/// a later row must repeat it) and, with a round, a result of that round.
fn indicator_row(row: &mut Row, m: &mut Measure) {
    let Some(ind_id) = id(row, "indicator_id", IndicatorId::try_from) else {
        return;
    };
    let name = row.text("name");
    let cmp = row.choice(
        "cmp",
        &[
            ("AtLeast", Comparator::AtLeast),
            ("Exactly", Comparator::Exactly),
            ("AtMost", Comparator::AtMost),
        ],
    );
    let value = quantity(row);
    let unit = row.text("unit");
    let (Some(cmp), Some(value)) = (cmp, value) else {
        return;
    };
    let def = Indicator {
        id: ind_id.clone(),
        name,
        target: Threshold { cmp, value },
        unit,
    };
    match m.indicators.iter().find(|i| i.id == ind_id) {
        None => m.indicators.push(def),
        Some(first) if *first != def => {
            row.problem(
                "name",
                Label::new(
                    format!(
                        "ตัวชี้วัด {ind_id} ในแถวก่อนหน้ากำหนดไว้ต่างกัน: name, cmp, target และ unit ต้องเหมือนกันทุกแถว"
                    ),
                    format!(
                        "indicator {ind_id} is defined differently in an earlier row: its name, cmp, target and unit must be the same in every row"
                    ),
                ),
            );
            return;
        }
        Some(_) => {}
    }
    let Some(round) = row
        .opt_parse(
            "round",
            &Label::new("รหัสรอบ เช่น 6m", "a round id such as 6m"),
            |s| RoundId::try_from(s.to_string()).map_err(|e| Label::new("", e)),
        )
        .flatten()
    else {
        return;
    };
    let Some(value) = achieved(row) else {
        return;
    };
    match m.at_round_mut(&round) {
        Some(entry) => entry.results.push(IndicatorResult {
            indicator: ind_id,
            value,
        }),
        None => row.problem(
            "round",
            Label::new(
                format!(
                    "มาตรการ {} ไม่มีรายงานของรอบ {round} (สถานะในชีต monitoring ว่าง)",
                    m.id
                ),
                format!(
                    "measure {} has no report for round {round} (its status in the sheet monitoring is empty)",
                    m.id
                ),
            ),
        ),
    }
}
