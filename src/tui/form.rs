//! The fields of the risk editor and the monitoring form: how each field is
//! shown, how it is edited (free text, checked text, or a pick-list) and how
//! an entered value is checked before it touches the register. A value that
//! does not check is refused with the reason; nothing is silently accepted.

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
    Status,
    Implementation,
    OtherReason,
    AsOf,
    Occurrence,
    Done,
    Added,
    Disbursed,
    Evidence,
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
            v.extend([AsOf, Occurrence, Done, Added, Disbursed, Evidence]);
            v
        }
    }
}

/// Which pane a field belongs to: 0 for the risk, 1 + i for measure i.
pub fn pane(field: Field) -> usize {
    use Field::*;
    match field {
        MeasureTitle(i) | MeasureKind(i) | MeasureApproach(i) | MeasureCo(i) | MeasureOther(i)
        | MeasureStart(i) | MeasureEnd(i) | MeasureBudget(i) | MeasureAmount(i)
        | MeasureSource(i) => 1 + i,
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
        Status => ("สถานะความเสี่ยง", "Status"),
        Implementation => ("การดำเนินการ", "Implementation"),
        OtherReason => ("เหตุผลอื่น", "Other reason"),
        AsOf => ("ข้อมูล ณ วันที่", "As of"),
        Occurrence => ("การเกิดความเสี่ยง", "Occurrence"),
        Done => ("ผลการดำเนินการ", "What was done"),
        Added => ("กิจกรรมเพิ่มเติม", "Added activities"),
        Disbursed => ("เบิกจ่ายสะสม (บาท)", "Disbursed to date (baht)"),
        Evidence => ("หลักฐาน (บรรทัดละรายการ)", "Evidence (one per line)"),
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
        Id => Kind::ReadOnly,
        Description | Controls | Done | Added | Evidence => Kind::Text { multiline: true },
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
    let Target::Monitoring {
        risk,
        measure,
        round,
    } = target
    else {
        return None;
    };
    ctx.register
        .risks
        .get(*risk)?
        .measures
        .get(*measure)?
        .at_round(round)
}

/// The field's value as text (for display and as the start of an edit).
pub fn value(field: Field, target: &Target, ctx: &Ctx) -> String {
    use Field::*;
    let lang = ctx.lang;
    let ri = match target {
        Target::Risk(ri) => *ri,
        Target::Monitoring { risk, .. } => *risk,
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
        Target::Risk(_) => None,
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
    }
}

fn budget_index(b: &Budget) -> usize {
    match b {
        Budget::NotRequested => 0,
        Budget::Requested { .. } => 1,
        Budget::Allocated { .. } => 2,
    }
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

/// The logical path of a field in the register file (`risks[0].inherent.likelihood`),
/// as the validator names the place of each finding.
pub fn path(field: Field, target: &Target, register: &Register) -> Option<String> {
    use Field::*;
    match target {
        Target::Risk(ri) => {
            let r = format!("risks[{ri}]");
            let m = |mi: usize, f: &str| format!("{r}.measures[{mi}].{f}");
            Some(match field {
                Id => format!("{r}.id"),
                Process => format!("{r}.process"),
                Description => format!("{r}.description"),
                Category => format!("{r}.category"),
                Factor => format!("{r}.factor"),
                InherentL => format!("{r}.inherent.likelihood"),
                InherentI => format!("{r}.inherent.impact"),
                Controls => format!("{r}.controls"),
                ControlQuality => format!("{r}.control_quality"),
                ResidualL => format!("{r}.residual.likelihood"),
                ResidualI => format!("{r}.residual.impact"),
                Owner => format!("{r}.owner"),
                Response | ResponseText => format!("{r}.response"),
                NextReview => format!("{r}.next_review"),
                MeasureTitle(mi) => m(mi, "title"),
                MeasureKind(mi) => m(mi, "kind"),
                MeasureApproach(mi) => m(mi, "approach"),
                MeasureCo(mi) => m(mi, "co_responsible"),
                MeasureOther(mi) => m(mi, "other_responsible"),
                MeasureStart(mi) => m(mi, "start"),
                MeasureEnd(mi) => m(mi, "end"),
                MeasureBudget(mi) | MeasureAmount(mi) | MeasureSource(mi) => m(mi, "budget"),
                _ => return None,
            })
        }
        Target::Monitoring {
            risk,
            measure,
            round,
        } => {
            let k = register
                .risks
                .get(*risk)?
                .measures
                .get(*measure)?
                .monitoring
                .iter()
                .position(|x| &x.round == round)?;
            let e = format!("risks[{risk}].measures[{measure}].monitoring[{k}]");
            let name = match field {
                Status => "status",
                Implementation | OtherReason => "implementation",
                AsOf => "as_of",
                Occurrence => "occurrence",
                Done => "done",
                Added => "added_activities",
                Disbursed => "disbursed",
                Evidence => "evidence",
                _ => return None,
            };
            Some(format!("{e}.{name}"))
        }
    }
}

/// The logical path of the whole target (`risks[0]`, or its monitoring entry).
pub fn target_path(target: &Target, register: &Register) -> Option<String> {
    match target {
        Target::Risk(ri) => Some(format!("risks[{ri}]")),
        Target::Monitoring { .. } => path(Field::Status, target, register)
            .and_then(|p| p.strip_suffix(".status").map(String::from)),
    }
}

/// Whether a finding at `finding` belongs to the value at `at` or inside it.
pub fn is_under(finding: &str, at: &str) -> bool {
    finding == at
        || finding
            .strip_prefix(at)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// `ICT, HRD` → those bureaus; `all` (or ทุกสำนัก) → every bureau; empty →
/// the lead alone. Unknown codes are left to the validator to flag in place.
pub fn co_responsible(text: &str) -> Result<CoResponsible, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(CoResponsible::LeadOnly);
    }
    if t.eq_ignore_ascii_case("all") || t == "ทุกสำนัก" {
        return Ok(CoResponsible::AllBureaus);
    }
    let codes = t
        .split([',', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| BureauCode::new(c.to_ascii_uppercase()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CoResponsible::Bureaus(codes))
}

fn money(s: &str) -> Result<Money, String> {
    let cleaned: String = s.trim().chars().filter(|c| *c != ',').collect();
    Money::try_from(cleaned)
}

fn date(s: &str) -> Result<Option<Date>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    Date::try_from(s.to_string()).map(Some)
}

fn year_month(s: &str) -> Result<YearMonth, String> {
    YearMonth::try_from(s.trim().to_string())
}

/// The monitoring entry of the target, created for the round if missing.
fn monitoring_mut<'a>(
    register: &'a mut Register,
    target: &Target,
) -> Result<&'a mut Monitoring, String> {
    let Target::Monitoring {
        risk,
        measure,
        round,
    } = target
    else {
        return Err("not a monitoring form".into());
    };
    let m = register
        .risks
        .get_mut(*risk)
        .and_then(|r| r.measures.get_mut(*measure))
        .ok_or("the measure is gone")?;
    if m.at_round(round).is_none() {
        m.monitoring.push(Monitoring::new(round.clone()));
    }
    m.at_round_mut(round)
        .ok_or_else(|| "no monitoring entry".into())
}

/// Applies typed text to a field; on error nothing changes.
pub fn set_text(
    field: Field,
    target: &Target,
    register: &mut Register,
    text: &str,
) -> Result<(), String> {
    use Field::*;
    if let Target::Monitoring { .. } = target {
        // parse first, so a bad value never creates an empty entry
        let parsed_money = if field == Disbursed {
            Some(money(text)?)
        } else {
            None
        };
        let parsed_date = if field == AsOf {
            Some(date(text)?)
        } else {
            None
        };
        let m = monitoring_mut(register, target)?;
        match field {
            OtherReason => m.implementation = crate::model::Implementation::Other(text.to_string()),
            AsOf => m.as_of = parsed_date.flatten(),
            Occurrence => m.occurrence = text.to_string(),
            Done => m.done = text.to_string(),
            Added => m.added_activities = text.to_string(),
            Disbursed => m.disbursed = parsed_money.unwrap_or_default(),
            Evidence => {
                m.evidence = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect()
            }
            _ => return Err("this field is chosen from a list".into()),
        }
        return Ok(());
    }
    let Target::Risk(ri) = target else {
        return Err("nothing to edit".into());
    };
    let risk = register.risks.get_mut(*ri).ok_or("the risk is gone")?;
    match field {
        Process => risk.process = text.to_string(),
        Description => risk.description = text.to_string(),
        Controls => risk.controls = text.to_string(),
        Owner => risk.owner = text.to_string(),
        ResponseText => match &mut risk.response {
            crate::model::Response::Accept(t) | crate::model::Response::Transfer(t) => {
                *t = text.to_string()
            }
            _ => return Err("only an accepted or transferred risk has this text".into()),
        },
        NextReview => risk.next_review = date(text)?,
        MeasureTitle(mi) => {
            let m = risk.measures.get_mut(mi).ok_or("the measure is gone")?;
            // the id is shown before the title; do not let it leak into the title
            let id = m.id.to_string();
            let t = text.trim_start();
            m.title = t.strip_prefix(&id).map_or(t, str::trim_start).to_string();
        }
        MeasureOther(mi) => {
            risk.measures
                .get_mut(mi)
                .ok_or("the measure is gone")?
                .other_responsible = text.to_string()
        }
        MeasureCo(mi) => {
            let co = co_responsible(text)?;
            risk.measures
                .get_mut(mi)
                .ok_or("the measure is gone")?
                .co_responsible = co;
        }
        MeasureStart(mi) | MeasureEnd(mi) => {
            let ym = year_month(text)?;
            let m = risk.measures.get_mut(mi).ok_or("the measure is gone")?;
            let (start, end) = if matches!(field, MeasureStart(_)) {
                (ym, m.end)
            } else {
                (m.start, ym)
            };
            if start > end {
                return Err(format!("the start {start} is after the end {end}"));
            }
            m.start = start;
            m.end = end;
        }
        MeasureAmount(mi) => {
            let amount = money(text)?;
            match &mut risk
                .measures
                .get_mut(mi)
                .ok_or("the measure is gone")?
                .budget
            {
                Budget::Requested { amount: a } | Budget::Allocated { amount: a, .. } => {
                    *a = amount
                }
                Budget::NotRequested => return Err("choose requested or allocated first".into()),
            }
        }
        MeasureSource(mi) => match &mut risk
            .measures
            .get_mut(mi)
            .ok_or("the measure is gone")?
            .budget
        {
            Budget::Allocated { source, .. } => *source = text.to_string(),
            _ => return Err("only an allocated budget has a source".into()),
        },
        _ => return Err("this field is chosen from a list".into()),
    }
    Ok(())
}

/// Applies the choice `index` of a field's pick-list; on error nothing changes.
pub fn set_pick(
    field: Field,
    target: &Target,
    register: &mut Register,
    method: Option<&Methodology>,
    approaches: &ApproachList,
    index: usize,
) -> Result<(), String> {
    use Field::*;
    if let Target::Monitoring { .. } = target {
        let m = monitoring_mut(register, target)?;
        match field {
            Status => m.status = *TrafficLight::ALL.get(index).ok_or("no such status")?,
            Implementation => {
                let mut chosen = implementations()
                    .get(index)
                    .cloned()
                    .ok_or("no such status")?;
                // keep a reason already written when Other is chosen again
                if let (
                    crate::model::Implementation::Other(new),
                    crate::model::Implementation::Other(old),
                ) = (&mut chosen, &m.implementation)
                {
                    new.clone_from(old);
                }
                m.implementation = chosen;
            }
            _ => return Err("this field is typed, not chosen".into()),
        }
        return Ok(());
    }
    let Target::Risk(ri) = target else {
        return Err("nothing to edit".into());
    };
    let risk = register.risks.get_mut(*ri).ok_or("the risk is gone")?;
    let level = |scale: Option<&crate::method::Scale>| -> Result<u8, String> {
        let scale = scale.ok_or("the register's methodology is not loaded")?;
        scale
            .levels
            .get(index)
            .map(|l| l.value)
            .ok_or_else(|| "no such level".into())
    };
    match field {
        Category => {
            let m = method.ok_or("the register's methodology is not loaded")?;
            risk.category = m
                .categories
                .get(index)
                .ok_or("no such category")?
                .id
                .clone();
        }
        Factor => {
            risk.factor = if index == 0 {
                crate::model::Factor::Known
            } else {
                crate::model::Factor::Unknown
            }
        }
        InherentL => risk.inherent.likelihood = level(method.map(|m| &m.likelihood))?,
        InherentI => risk.inherent.impact = level(method.map(|m| &m.impact))?,
        ResidualL | ResidualI => {
            let mut r = risk.residual.unwrap_or(risk.inherent);
            if field == ResidualL {
                r.likelihood = level(method.map(|m| &m.likelihood))?;
            } else {
                r.impact = level(method.map(|m| &m.impact))?;
            }
            risk.residual = Some(r);
        }
        ControlQuality => {
            risk.control_quality = *crate::model::ControlQuality::ALL
                .get(index)
                .ok_or("no such grade")?
        }
        Response => {
            let keep = match &risk.response {
                crate::model::Response::Accept(t) | crate::model::Response::Transfer(t) => {
                    t.clone()
                }
                _ => String::new(),
            };
            if index >= RESPONSES.len() {
                return Err("no such response".into());
            }
            risk.response = response_of(index, keep);
        }
        MeasureKind(mi) => {
            risk.measures.get_mut(mi).ok_or("the measure is gone")?.kind =
                *crate::model::MeasureKind::ALL
                    .get(index)
                    .ok_or("no such kind")?
        }
        MeasureApproach(mi) => {
            let id = approaches
                .approaches
                .get(index)
                .ok_or("no such approach")?
                .id
                .clone();
            risk.measures
                .get_mut(mi)
                .ok_or("the measure is gone")?
                .approach = id;
        }
        MeasureBudget(mi) => {
            let m = risk.measures.get_mut(mi).ok_or("the measure is gone")?;
            let amount = match &m.budget {
                Budget::Requested { amount } | Budget::Allocated { amount, .. } => *amount,
                Budget::NotRequested => Money::ZERO,
            };
            let source = match &m.budget {
                Budget::Allocated { source, .. } => source.clone(),
                _ => String::new(),
            };
            m.budget = match index {
                0 => Budget::NotRequested,
                1 => Budget::Requested { amount },
                2 => Budget::Allocated { amount, source },
                _ => return Err("no such budget kind".into()),
            };
        }
        _ => return Err("this field is typed, not chosen".into()),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Catalog, load_register};
    use std::path::Path;

    fn sample() -> (Register, Catalog) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("registers");
        let reg = load_register(&root.join("2567/FIN.ron"))
            .expect("FIN loads")
            .value;
        (reg, Catalog::load(&root).expect("catalog loads"))
    }

    #[test]
    fn money_with_separators_is_accepted_and_garbage_refused() {
        let (mut reg, _) = sample();
        let t = Target::Monitoring {
            risk: 0,
            measure: 0,
            round: RoundId::new("6m").expect("id"),
        };
        set_text(Field::Disbursed, &t, &mut reg, "1,234.50").expect("accepted");
        assert_eq!(
            reg.risks[0].measures[0]
                .at_round(&RoundId::new("6m").expect("id"))
                .map(|m| m.disbursed),
            Some(Money::from_satang(123_450))
        );
        let before = reg.clone();
        let err = set_text(Field::Disbursed, &t, &mut reg, "12.345").expect_err("refused");
        assert!(err.contains("two decimals"), "{err}");
        assert_eq!(reg, before, "a refused value changes nothing");
    }

    #[test]
    fn ratings_are_chosen_from_the_methodology_levels() {
        let (mut reg, cat) = sample();
        let method = cat.method(&reg.methodology).cloned();
        let ctx = Ctx {
            register: &reg,
            method: method.as_ref(),
            approaches: &cat.approaches.value,
            lang: Lang::Th,
        };
        let Kind::Pick(opts) = kind(Field::InherentL, &ctx) else {
            panic!("a pick-list")
        };
        assert_eq!(opts.len(), 5);
        assert!(opts[0].starts_with("1 "));
        set_pick(
            Field::InherentL,
            &Target::Risk(0),
            &mut reg,
            method.as_ref(),
            &cat.approaches.value,
            4,
        )
        .expect("set");
        assert_eq!(reg.risks[0].inherent.likelihood, 5);
    }

    #[test]
    fn an_out_of_scale_rating_in_the_file_is_reported_in_place() {
        let (mut reg, cat) = sample();
        reg.risks[0].inherent.likelihood = 9;
        let method = cat.method(&reg.methodology).cloned();
        let ctx = Ctx {
            register: &reg,
            method: method.as_ref(),
            approaches: &cat.approaches.value,
            lang: Lang::En,
        };
        let p = problem(Field::InherentL, &Target::Risk(0), &ctx).expect("a problem");
        assert!(p.contains("outside the scale"), "{p}");
    }

    #[test]
    fn co_responsible_bureaus_are_read_from_codes() {
        assert_eq!(co_responsible(" "), Ok(CoResponsible::LeadOnly));
        assert_eq!(co_responsible("ALL"), Ok(CoResponsible::AllBureaus));
        let ict = BureauCode::new("ICT").expect("code");
        let hrd = BureauCode::new("HRD").expect("code");
        assert_eq!(
            co_responsible("ict, HRD"),
            Ok(CoResponsible::Bureaus(vec![ict, hrd]))
        );
        assert!(co_responsible("สำนักไอที").is_err());
    }

    #[test]
    fn a_start_after_the_end_is_refused() {
        let (mut reg, _) = sample();
        let err = set_text(
            Field::MeasureStart(0),
            &Target::Risk(0),
            &mut reg,
            "2568-01",
        )
        .expect_err("refused");
        assert!(err.contains("after the end"), "{err}");
        assert!(set_text(Field::MeasureStart(0), &Target::Risk(0), &mut reg, "67-01").is_err());
    }
}
