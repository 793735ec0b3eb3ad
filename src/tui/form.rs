//! The fields of the risk editor and the monitoring form: how each field is
//! shown, how it is edited (free text, checked text, or a pick-list) and how
//! an entered value is checked before it touches the register. A value that
//! does not check is refused with the reason; nothing is silently accepted.

mod apply;
pub mod header;
mod place;
pub mod results;

pub use apply::{co_responsible, set_pick, set_text};
pub use place::{is_under, path, target_path};

use crate::method::Methodology;
use crate::model::{
    ApproachList, Budget, BureauCode, CoResponsible, Date, Implementation, Lang, Money, Monitoring,
    Rating, Register, Response, RoundId, TrafficLight, YearMonth,
};

/// What a form edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A risk (by index in the register) with its measures.
    Risk(usize),
    /// One measure's monitoring at a round.
    Monitoring {
        risk: usize,
        measure: usize,
        round: RoundId,
    },
    /// The register's header: note, who prepared and reviewed it, and
    /// (read only) its methodology and approval.
    Header,
}

impl Target {
    /// Risk, measure and round of a monitoring form.
    pub fn monitoring(&self) -> Option<(usize, usize, &RoundId)> {
        match self {
            Target::Monitoring {
                risk,
                measure,
                round,
            } => Some((*risk, *measure, round)),
            Target::Risk(_) | Target::Header => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Id,
    Process,
    Description,
    Category,
    Factor,
    InherentL,
    InherentI,
    Controls,
    ControlQuality,
    ResidualL,
    ResidualI,
    Owner,
    Response,
    ResponseText,
    NextReview,
    MeasureTitle(usize),
    MeasureKind(usize),
    MeasureApproach(usize),
    /// Co-responsible bureaus: codes separated by commas, `all`, or empty.
    MeasureCo(usize),
    MeasureOther(usize),
    MeasureStart(usize),
    MeasureEnd(usize),
    MeasureBudget(usize),
    MeasureAmount(usize),
    MeasureSource(usize),
    /// Name of indicator k of measure mi.
    IndicatorName(usize, usize),
    /// Target of indicator k of measure mi.
    IndicatorTarget(usize, usize),
    Status,
    Implementation,
    OtherReason,
    AsOf,
    Occurrence,
    Done,
    Added,
    Disbursed,
    /// The result of the measure's indicator at this index.
    Indicator(usize),
    Evidence,
    /// Header fields (see `header`).
    Note,
    PreparedName,
    PreparedPosition,
    PreparedDate,
    ReviewedName,
    ReviewedPosition,
    ReviewedDate,
    /// The methodology the register is rated under (read only).
    Method,
    Approval,
}

/// Fields whose value is retyped rather than edited (amounts, dates,
/// months): they open with the value selected, so typing replaces it.
pub fn retyped(field: Field) -> bool {
    use Field::*;
    matches!(
        field,
        NextReview
            | MeasureStart(_)
            | MeasureEnd(_)
            | MeasureAmount(_)
            | AsOf
            | Disbursed
            | PreparedDate
            | ReviewedDate
    )
}

/// How a field is edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    ReadOnly,
    Text { multiline: bool },
    Pick(Vec<String>),
}

/// What a form needs to read its fields.
pub struct Ctx<'a> {
    pub register: &'a Register,
    pub method: Option<&'a Methodology>,
    pub approaches: &'a ApproachList,
    pub lang: Lang,
}

/// The fields of a target, in order; `sections` gives where each pane starts
/// (Tab jumps between them).
pub fn fields(target: &Target, register: &Register, method: Option<&Methodology>) -> Vec<Field> {
    use Field::*;
    match target {
        Target::Risk(ri) => {
            let Some(risk) = register.risks.get(*ri) else {
                return Vec::new();
            };
            let mut v = vec![
                Id,
                Process,
                Description,
                Category,
                Factor,
                InherentL,
                InherentI,
                Controls,
                ControlQuality,
            ];
            if method.is_none_or(Methodology::rerates_residual) {
                v.extend([ResidualL, ResidualI]);
            }
            v.extend([Owner, Response]);
            if matches!(
                risk.response,
                crate::model::Response::Accept(_) | crate::model::Response::Transfer(_)
            ) {
                v.push(ResponseText);
            }
            v.push(NextReview);
            for (mi, m) in risk.measures.iter().enumerate() {
                v.extend([
                    MeasureTitle(mi),
                    MeasureKind(mi),
                    MeasureApproach(mi),
                    MeasureCo(mi),
                    MeasureOther(mi),
                    MeasureStart(mi),
                    MeasureEnd(mi),
                    MeasureBudget(mi),
                ]);
                match m.budget {
                    Budget::NotRequested => {}
                    Budget::Requested { .. } => v.push(MeasureAmount(mi)),
                    Budget::Allocated { .. } => v.extend([MeasureAmount(mi), MeasureSource(mi)]),
                }
                for k in 0..m.indicators.len() {
                    v.extend([IndicatorName(mi, k), IndicatorTarget(mi, k)]);
                }
            }
            v
        }
        Target::Monitoring {
            risk,
            measure,
            round,
        } => {
            let mut v = vec![Status, Implementation];
            let other = register
                .risks
                .get(*risk)
                .and_then(|r| r.measures.get(*measure))
                .and_then(|m| m.at_round(round))
                .is_some_and(|m| {
                    matches!(m.implementation, crate::model::Implementation::Other(_))
                });
            if other {
                v.push(OtherReason);
            }
            v.extend([AsOf, Occurrence, Done, Added, Disbursed]);
            let indicators = register
                .risks
                .get(*risk)
                .and_then(|r| r.measures.get(*measure))
                .map_or(0, |m| m.indicators.len());
            v.extend((0..indicators).map(Indicator));
            v.push(Evidence);
            v
        }
        Target::Header => header::FIELDS.to_vec(),
    }
}

/// Which pane a field belongs to: 0 for the risk, 1 + i for measure i.
pub fn pane(field: Field) -> usize {
    use Field::*;
    match field {
        MeasureTitle(i)
        | MeasureKind(i)
        | MeasureApproach(i)
        | MeasureCo(i)
        | MeasureOther(i)
        | MeasureStart(i)
        | MeasureEnd(i)
        | MeasureBudget(i)
        | MeasureAmount(i)
        | MeasureSource(i)
        | IndicatorName(i, _)
        | IndicatorTarget(i, _) => 1 + i,
        PreparedName | PreparedPosition | PreparedDate => 1,
        ReviewedName | ReviewedPosition | ReviewedDate => 2,
        Approval => 3,
        _ => 0,
    }
}

pub fn label(field: Field, lang: Lang) -> String {
    use Field::*;
    let (th, en) = match field {
        Id => ("รหัส", "Id"),
        Process => ("กระบวนงาน", "Process"),
        Description => ("ความเสี่ยงการทุจริต", "Fraud risk"),
        Category => ("ประเภท", "Category"),
        Factor => ("ปัจจัย", "Factor"),
        InherentL => ("โอกาส", "Likelihood"),
        InherentI => ("ผลกระทบ", "Impact"),
        Controls => ("การควบคุมที่มีอยู่", "Existing controls"),
        ControlQuality => ("ผลการควบคุม", "Control grade"),
        ResidualL => ("โอกาส (คงเหลือ)", "Residual likelihood"),
        ResidualI => ("ผลกระทบ (คงเหลือ)", "Residual impact"),
        Owner => ("ผู้รับผิดชอบ", "Owner"),
        Response => ("การตอบสนอง", "Response"),
        ResponseText => ("เหตุผล/ผู้รับโอน", "Justification / to whom"),
        NextReview => ("ทบทวนครั้งถัดไป", "Next review"),
        MeasureTitle(_) => ("มาตรการ", "Measure"),
        MeasureKind(_) => ("ลักษณะ", "Kind"),
        MeasureApproach(_) => ("แนวทาง", "Approach"),
        MeasureCo(_) => ("สำนักร่วม (รหัส, all)", "With bureaus (codes, all)"),
        MeasureOther(_) => ("ผู้รับผิดชอบอื่น", "Other responsible"),
        MeasureStart(_) => ("เริ่ม (ปปปป-ดด)", "Start (yyyy-mm)"),
        MeasureEnd(_) => ("สิ้นสุด (ปปปป-ดด)", "End (yyyy-mm)"),
        MeasureBudget(_) => ("งบประมาณ", "Budget"),
        MeasureAmount(_) => ("จำนวนเงิน (บาท)", "Amount (baht)"),
        MeasureSource(_) => ("แหล่งงบประมาณ", "Source of funds"),
        IndicatorName(_, k) => {
            return format!("{} {}", lang.pick("ตัวชี้วัด", "Indicator"), k + 1);
        }
        IndicatorTarget(_, k) => {
            return format!("{} {}", lang.pick("  ค่าเป้าหมาย", "  target"), k + 1);
        }
        Status => ("สถานะความเสี่ยง", "Status"),
        Implementation => ("การดำเนินการ", "Implementation"),
        OtherReason => ("เหตุผลอื่น", "Other reason"),
        AsOf => ("ข้อมูล ณ วันที่", "As of"),
        Occurrence => ("การเกิดความเสี่ยง", "Occurrence"),
        Done => ("ผลการดำเนินการ", "What was done"),
        Added => ("กิจกรรมเพิ่มเติม", "Added activities"),
        Disbursed => ("เบิกจ่ายสะสม (บาท)", "Disbursed to date (baht)"),
        Evidence => ("หลักฐาน (บรรทัดละรายการ)", "Evidence (one per line)"),
        Indicator(k) => {
            return format!("{} {}", lang.pick("ตัวชี้วัด", "Indicator"), k + 1);
        }
        Note => ("หมายเหตุ", "Note"),
        PreparedName | ReviewedName => ("ชื่อ", "Name"),
        PreparedPosition | ReviewedPosition => ("ตำแหน่ง", "Position"),
        PreparedDate | ReviewedDate => ("วันที่ (ปปปป-ดด-วว)", "Date (yyyy-mm-dd)"),
        Method => ("วิธีประเมิน", "Methodology"),
        Approval => ("การอนุมัติ", "Approval"),
    };
    lang.pick(th, en).to_string()
}

const RESPONSES: [&str; 4] = ["Reduce", "Accept", "Transfer", "Avoid"];

fn budget_label(i: usize, lang: Lang) -> &'static str {
    match i {
        0 => lang.pick("ไม่ขอรับการจัดสรร", "not requested"),
        1 => lang.pick("ขอรับการจัดสรร", "requested"),
        _ => lang.pick("ได้รับจัดสรร", "allocated"),
    }
}

fn response_of(i: usize, text: String) -> Response {
    match i {
        0 => Response::Reduce,
        1 => Response::Accept(text),
        2 => Response::Transfer(text),
        _ => Response::Avoid,
    }
}

fn implementations() -> [Implementation; 5] {
    [
        Implementation::NotStarted,
        Implementation::InProgress,
        Implementation::Completed,
        Implementation::PlanRevised,
        Implementation::Other(String::new()),
    ]
}

/// Position of the current implementation among the five boxes.
pub fn implementation_index(i: &Implementation) -> usize {
    implementations()
        .iter()
        .position(|x| x.id() == i.id())
        .unwrap_or(0)
}

/// The next implementation status (Other keeps its reason when it comes back round).
pub fn next_implementation(i: &Implementation) -> Implementation {
    let all = implementations();
    all[(implementation_index(i) + 1) % all.len()].clone()
}

fn level_labels(scale: &crate::method::Scale, lang: Lang) -> Vec<String> {
    scale
        .levels
        .iter()
        .map(|l| format!("{} {}", l.value, l.label.get(lang)))
        .collect()
}

pub fn kind(field: Field, ctx: &Ctx) -> Kind {
    use Field::*;
    let lang = ctx.lang;
    match field {
        Id | Method | Approval => Kind::ReadOnly,
        Description | Controls | Done | Added | Evidence | Note => Kind::Text { multiline: true },
        Category => Kind::Pick(ctx.method.map_or_else(Vec::new, |m| {
            m.categories
                .iter()
                .map(|c| format!("{} — {}", c.id, c.label.get(lang)))
                .collect()
        })),
        Factor => Kind::Pick(vec![
            crate::model::Factor::Known.label(lang).to_string(),
            crate::model::Factor::Unknown.label(lang).to_string(),
        ]),
        InherentL | ResidualL => Kind::Pick(
            ctx.method
                .map_or_else(Vec::new, |m| level_labels(&m.likelihood, lang)),
        ),
        InherentI | ResidualI => Kind::Pick(
            ctx.method
                .map_or_else(Vec::new, |m| level_labels(&m.impact, lang)),
        ),
        ControlQuality => Kind::Pick(
            crate::model::ControlQuality::ALL
                .iter()
                .map(|c| format!("{} {}", c.letter(), c.label(lang)))
                .collect(),
        ),
        Response => Kind::Pick(
            (0..RESPONSES.len())
                .map(|i| response_of(i, String::new()).label(lang).to_string())
                .collect(),
        ),
        MeasureKind(_) => Kind::Pick(
            crate::model::MeasureKind::ALL
                .iter()
                .map(|k| k.label(lang).to_string())
                .collect(),
        ),
        MeasureApproach(_) => Kind::Pick(
            ctx.approaches
                .approaches
                .iter()
                .map(|a| format!("{} — {}", a.id, a.label.get(lang)))
                .collect(),
        ),
        MeasureBudget(_) => Kind::Pick((0..3).map(|i| budget_label(i, lang).to_string()).collect()),
        Status => Kind::Pick(
            TrafficLight::ALL
                .iter()
                .map(|t| format!("{} {}", t.letter(), t.label(lang)))
                .collect(),
        ),
        Implementation => Kind::Pick(
            implementations()
                .iter()
                .map(|i| i.label(lang).to_string())
                .collect(),
        ),
        _ => Kind::Text { multiline: false },
    }
}

fn monitoring_at<'a>(ctx: &'a Ctx, target: &Target) -> Option<&'a Monitoring> {
    let (risk, measure, round) = target.monitoring()?;
    ctx.register
        .risks
        .get(risk)?
        .measures
        .get(measure)?
        .at_round(round)
}

/// The field's value as text (for display and as the start of an edit).
pub fn value(field: Field, target: &Target, ctx: &Ctx) -> String {
    use Field::*;
    let lang = ctx.lang;
    let ri = match target {
        Target::Risk(ri) => *ri,
        Target::Monitoring { risk, .. } => *risk,
        Target::Header => return header::value(field, ctx),
    };
    let Some(risk) = ctx.register.risks.get(ri) else {
        return String::new();
    };
    let level = |scale: Option<&crate::method::Scale>, v: u8| -> String {
        scale
            .and_then(|s| s.levels.iter().find(|l| l.value == v))
            .map_or_else(|| v.to_string(), |l| format!("{v} {}", l.label.get(lang)))
    };
    let measure = |mi: usize| risk.measures.get(mi);
    // a round with nothing recorded shows what setting a field would create
    let fallback = match target {
        Target::Monitoring { round, .. } => Some(Monitoring::new(round.clone())),
        Target::Risk(_) | Target::Header => None,
    };
    let mon = monitoring_at(ctx, target).or(fallback.as_ref());
    let mon_text = |f: &dyn Fn(&Monitoring) -> String| mon.map(f).unwrap_or_default();
    match field {
        Id => risk.id.to_string(),
        Process => risk.process.clone(),
        Description => risk.description.clone(),
        Category => {
            let label = ctx
                .method
                .and_then(|m| m.category(&risk.category))
                .map(|c| c.label.get(lang).to_string())
                .unwrap_or_default();
            format!("{} — {label}", risk.category)
        }
        Factor => risk.factor.label(lang).to_string(),
        InherentL => level(ctx.method.map(|m| &m.likelihood), risk.inherent.likelihood),
        InherentI => level(ctx.method.map(|m| &m.impact), risk.inherent.impact),
        Controls => risk.controls.clone(),
        ControlQuality => format!(
            "{} {}",
            risk.control_quality.letter(),
            risk.control_quality.label(lang)
        ),
        ResidualL => risk.residual.map_or_else(
            || "—".to_string(),
            |r| level(ctx.method.map(|m| &m.likelihood), r.likelihood),
        ),
        ResidualI => risk.residual.map_or_else(
            || "—".to_string(),
            |r| level(ctx.method.map(|m| &m.impact), r.impact),
        ),
        Owner => risk.owner.clone(),
        Response => risk.response.label(lang).to_string(),
        ResponseText => match &risk.response {
            crate::model::Response::Accept(t) | crate::model::Response::Transfer(t) => t.clone(),
            _ => String::new(),
        },
        NextReview => risk.next_review.map(|d| d.to_string()).unwrap_or_default(),
        MeasureTitle(mi) => measure(mi)
            .map(|m| format!("{} {}", m.id, m.title))
            .unwrap_or_default(),
        MeasureKind(mi) => measure(mi)
            .map(|m| m.kind.label(lang).to_string())
            .unwrap_or_default(),
        MeasureApproach(mi) => measure(mi)
            .map(|m| {
                let label = ctx
                    .approaches
                    .get(&m.approach)
                    .map(|a| a.label.get(lang).to_string())
                    .unwrap_or_default();
                format!("{} — {label}", m.approach)
            })
            .unwrap_or_default(),
        MeasureCo(mi) => measure(mi)
            .map(|m| match &m.co_responsible {
                CoResponsible::LeadOnly => String::new(),
                CoResponsible::AllBureaus => "all".to_string(),
                CoResponsible::Bureaus(codes) => codes
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .unwrap_or_default(),
        MeasureOther(mi) => measure(mi)
            .map(|m| m.other_responsible.clone())
            .unwrap_or_default(),
        MeasureStart(mi) => measure(mi).map(|m| m.start.to_string()).unwrap_or_default(),
        MeasureEnd(mi) => measure(mi).map(|m| m.end.to_string()).unwrap_or_default(),
        MeasureBudget(mi) => measure(mi)
            .map(|m| budget_label(budget_index(&m.budget), lang).to_string())
            .unwrap_or_default(),
        MeasureAmount(mi) => measure(mi)
            .map(|m| match &m.budget {
                Budget::Requested { amount } | Budget::Allocated { amount, .. } => {
                    amount.to_string()
                }
                Budget::NotRequested => String::new(),
            })
            .unwrap_or_default(),
        IndicatorName(mi, k) => measure(mi)
            .and_then(|m| m.indicators.get(k))
            .map(|i| format!("{} {}", i.id, i.name))
            .unwrap_or_default(),
        IndicatorTarget(mi, k) => measure(mi)
            .and_then(|m| m.indicators.get(k))
            .map(|i| format!("{} {}", i.target.display(lang), i.unit))
            .unwrap_or_default(),
        MeasureSource(mi) => measure(mi)
            .map(|m| match &m.budget {
                Budget::Allocated { source, .. } => source.clone(),
                _ => String::new(),
            })
            .unwrap_or_default(),
        Status => mon_text(&|m| format!("{} {}", m.status.letter(), m.status.label(lang))),
        Implementation => mon_text(&|m| m.implementation.label(lang).to_string()),
        OtherReason => mon_text(&|m| match &m.implementation {
            crate::model::Implementation::Other(r) => r.clone(),
            _ => String::new(),
        }),
        AsOf => mon_text(&|m| m.as_of.map(|d| d.to_string()).unwrap_or_default()),
        Occurrence => mon_text(&|m| m.occurrence.clone()),
        Done => mon_text(&|m| m.done.clone()),
        Added => mon_text(&|m| m.added_activities.clone()),
        Disbursed => mon_text(&|m| m.disbursed.to_string()),
        Evidence => mon_text(&|m| m.evidence.join("\n")),
        Note | PreparedName | PreparedPosition | PreparedDate | ReviewedName | ReviewedPosition
        | ReviewedDate | Method | Approval => header::value(field, ctx),
        Indicator(k) => match indicator_of(target, ctx.register, k) {
            None => String::new(),
            Some(ind) => {
                let got = mon
                    .and_then(|m| m.results.iter().find(|r| r.indicator == ind.id))
                    .map_or_else(|| "—".to_string(), |r| r.value.display(lang));
                format!(
                    "{got} · {} {} · {}",
                    ind.target.display(lang),
                    ind.unit,
                    ind.name
                )
            }
        },
    }
}

fn budget_index(b: &Budget) -> usize {
    match b {
        Budget::NotRequested => 0,
        Budget::Requested { .. } => 1,
        Budget::Allocated { .. } => 2,
    }
}

/// The indicator an `Indicator(k)` field of a monitoring form is about.
pub fn indicator_of<'a>(
    target: &Target,
    register: &'a Register,
    k: usize,
) -> Option<&'a crate::model::Indicator> {
    let Target::Monitoring { risk, measure, .. } = target else {
        return None;
    };
    register
        .risks
        .get(*risk)?
        .measures
        .get(*measure)?
        .indicators
        .get(k)
}

/// The result of indicator `k` at the form's round as it is typed back
/// (empty while pending or not recorded).
pub fn result_text(target: &Target, register: &Register, k: usize) -> String {
    let found = || {
        let (risk, measure, round) = target.monitoring()?;
        let m = register.risks.get(risk)?.measures.get(measure)?;
        let id = &m.indicators.get(k)?.id;
        let r = m
            .at_round(round)?
            .results
            .iter()
            .find(|r| &r.indicator == id)?;
        Some(results::achieved_text(&r.value))
    };
    found().unwrap_or_default()
}

/// The option of a pick-list that holds the current value.
pub fn picked(field: Field, target: &Target, ctx: &Ctx) -> usize {
    let Kind::Pick(options) = kind(field, ctx) else {
        return 0;
    };
    let now = value(field, target, ctx);
    options.iter().position(|o| *o == now).unwrap_or(0)
}

/// A problem with the value in the file as it stands (e.g. a likelihood
/// outside the scale), shown beside the field.
pub fn problem(field: Field, target: &Target, ctx: &Ctx) -> Option<String> {
    use Field::*;
    let Target::Risk(ri) = target else {
        return None;
    };
    let risk = ctx.register.risks.get(*ri)?;
    let method = ctx.method?;
    let check = |r: Rating| method.band_for(r).err().map(|e| e.to_string());
    match field {
        InherentL | InherentI => check(risk.inherent),
        ResidualL | ResidualI => risk.residual.and_then(check),
        Category => method
            .category(&risk.category)
            .is_none()
            .then(|| format!("unknown category {:?}", risk.category.as_str())),
        _ => None,
    }
}
