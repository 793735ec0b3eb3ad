//! Every field of the forms, declared once: its label in both languages,
//! where it sits in the file (for the validator's findings), how it is
//! entered, how it is shown, the text an edit starts from, and how an
//! entered value is set. The order of the declarations is the order of
//! the form. Adding a field is adding one entry here.

use super::apply as parse;
use super::spot::{Lists, Spot, View};
use super::values::{check, options, set, show, shown};
use super::*;

/// Declares the fields: the `Field` enum (a measure's fields carry its
/// index, an indicator's the measure's and its own), the list of them in
/// form order, and each one's [`Spec`], so none can be left out of one.
macro_rules! fields {
    ($( $(#[$doc:meta])* $name:ident $( ( $($arg:ty),* ) )? => $spec:expr ),* $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Field {
            $( $(#[$doc])* $name $( ( $($arg),* ) )? ),*
        }

        /// Every field in form order, made from its indices.
        pub(super) const DECLARED: &[fn(usize, usize) -> Field] = &[
            $( fields!(@make $name $( ( $($arg),* ) )?) ),*
        ];

        impl Field {
            /// The field's declaration.
            pub(super) fn spec(self) -> Spec {
                match self {
                    $( Field::$name { .. } => $spec ),*
                }
            }

            /// The indices a field carries (0 where it has none).
            pub(super) fn indices(self) -> (usize, usize) {
                $( fields!(@indices self, $name $( ( $($arg),* ) )?); )*
                (0, 0)
            }
        }
    };
    (@make $name:ident) => { |_, _| Field::$name };
    (@make $name:ident ($a:ty)) => { |a, _| Field::$name(a) };
    (@make $name:ident ($a:ty, $b:ty)) => { |a, b| Field::$name(a, b) };
    (@indices $f:expr, $name:ident) => {};
    (@indices $f:expr, $name:ident ($a:ty)) => {
        if let Field::$name(a) = $f {
            return (a, 0);
        }
    };
    (@indices $f:expr, $name:ident ($a:ty, $b:ty)) => {
        if let Field::$name(a, b) = $f {
            return (a, b);
        }
    };
}

/// Which part of which form a field belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// The risk itself (pane 0 of the risk form).
    Risk,
    /// A measure of the risk (pane 1 + its index), repeated per measure.
    Measure,
    /// An indicator of a measure, repeated per indicator after its measure.
    Indicator,
    /// The monitoring form, before the indicators' results.
    Monitoring,
    /// An indicator's result at the round, repeated per indicator.
    Result,
    /// The monitoring form, after the results.
    MonitoringEnd,
    /// The header form, in its pane.
    Header(usize),
}

/// Where a field's value is in the register file, as the validator names
/// the place of a finding (see `place`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// `risks[r].…`
    Risk(&'static str),
    /// `risks[r].measures[m].…`
    Measure(&'static str),
    /// `risks[r].measures[m].indicators[k].…`
    Indicator(&'static str),
    /// `risks[r].measures[m].monitoring[e].…`
    Entry(&'static str),
    /// The indicator's result in the monitoring entry.
    Result,
    /// A header field, at the top of the file.
    Header(&'static str),
}

/// How a field is entered.
#[derive(Clone, Copy)]
pub enum Input {
    /// Not by hand: why, in Thai and English.
    ReadOnly(&'static str, &'static str),
    Line,
    Lines,
    /// A value retyped rather than edited (amounts, dates, months): it opens
    /// selected, so typing replaces it.
    Retyped,
    /// Chosen from these options.
    Pick(fn(&Ctx) -> Vec<String>),
}

pub type SetText = fn(&mut Register, &Spot, &str, Option<Date>) -> Result<(), Refusal>;
pub type SetPick = fn(&mut Register, &Spot, &Lists, usize) -> Result<(), String>;

/// How an entered value is set; on error nothing changes.
#[derive(Clone, Copy)]
pub enum Set {
    /// Read only (see [`Input::ReadOnly`]).
    Never,
    /// Typed text, with today's date for what is dated when started.
    Text(SetText),
    /// The index of the option chosen.
    Pick(SetPick),
}

/// One field's declaration.
#[derive(Clone, Copy)]
pub struct Spec {
    pub group: Group,
    /// Thai and English; a numbered label gets the item's number after it.
    pub label: (&'static str, &'static str),
    pub numbered: bool,
    pub place: Place,
    pub input: Input,
    /// Whether the form has the field (some depend on other values).
    pub shown: fn(&Register, Option<&Methodology>, &Spot) -> bool,
    /// The value as shown.
    pub show: fn(&View) -> String,
    /// The text an edit starts from, where it is not what is shown.
    pub edit: Option<fn(&View) -> String>,
    pub set: Set,
    /// A problem with the value in the file, shown beside it.
    pub problem: Option<fn(&View) -> Option<String>>,
}

const fn always(_: &Register, _: Option<&Methodology>, _: &Spot) -> bool {
    true
}

const fn spec(group: Group, label: (&'static str, &'static str), place: Place) -> Spec {
    Spec {
        group,
        label,
        numbered: false,
        place,
        input: Input::Line,
        shown: always,
        show: |_| String::new(),
        edit: None,
        set: Set::Never,
        problem: None,
    }
}

impl Spec {
    const fn text(self, show: fn(&View) -> String, set: SetText) -> Spec {
        Spec {
            show,
            set: Set::Text(set),
            ..self
        }
    }
    const fn lines(self) -> Spec {
        Spec {
            input: Input::Lines,
            ..self
        }
    }
    const fn retyped(self) -> Spec {
        Spec {
            input: Input::Retyped,
            ..self
        }
    }
    const fn pick(
        self,
        options: fn(&Ctx) -> Vec<String>,
        show: fn(&View) -> String,
        set: SetPick,
    ) -> Spec {
        Spec {
            input: Input::Pick(options),
            show,
            set: Set::Pick(set),
            ..self
        }
    }
    const fn read_only(self, why: (&'static str, &'static str), show: fn(&View) -> String) -> Spec {
        Spec {
            input: Input::ReadOnly(why.0, why.1),
            show,
            ..self
        }
    }
    const fn edited_as(self, edit: fn(&View) -> String) -> Spec {
        Spec {
            edit: Some(edit),
            ..self
        }
    }
    const fn shown_when(self, shown: fn(&Register, Option<&Methodology>, &Spot) -> bool) -> Spec {
        Spec { shown, ..self }
    }
    const fn checked(self, problem: fn(&View) -> Option<String>) -> Spec {
        Spec {
            problem: Some(problem),
            ..self
        }
    }
    const fn numbered(self) -> Spec {
        Spec {
            numbered: true,
            ..self
        }
    }
}

use Group::{Header as H, Indicator as I, Measure as M, Risk as R};
use Place::{Entry, Header as Top, Indicator as InInd, Measure as InM, Risk as InR};

const MON: Group = Group::Monitoring;
const CANNOT: (&str, &str) = ("แก้ไขช่องนี้ไม่ได้", "this field cannot be edited");

fields! {
    Id => spec(R, ("รหัส", "Id"), InR("id")).read_only(CANNOT, |v| v.risk(|r| r.id.to_string())),
    Process => spec(R, ("กระบวนงาน", "Process"), InR("process"))
        .text(|v| v.risk(|r| r.process.clone()), |reg, at, t, _| {
            at.risk_mut(reg)?.process = t.to_string();
            Ok(())
        }),
    Description => spec(R, ("ความเสี่ยงการทุจริต", "Fraud risk"), InR("description"))
        .lines()
        .text(|v| v.risk(|r| r.description.clone()), |reg, at, t, _| {
            at.risk_mut(reg)?.description = t.to_string();
            Ok(())
        }),
    Category => spec(R, ("ประเภท", "Category"), InR("category"))
        .pick(options::categories, show::category, set::category)
        .checked(check::category),
    Factor => spec(R, ("ปัจจัย", "Factor"), InR("factor")).pick(
        options::factors,
        |v| v.risk(|r| r.factor.label(v.lang()).to_string()),
        set::factor,
    ),
    InherentL => spec(R, ("โอกาส", "Likelihood"), InR("inherent.likelihood"))
        .pick(
            options::likelihoods,
            |v| v.risk(|r| v.likelihood(r.inherent.likelihood)),
            |reg, at, lists, i| {
                let level = lists.likelihood(i)?;
                at.risk_mut(reg)?.inherent.likelihood = level;
                Ok(())
            },
        )
        .checked(check::inherent),
    InherentI => spec(R, ("ผลกระทบ", "Impact"), InR("inherent.impact"))
        .pick(
            options::impacts,
            |v| v.risk(|r| v.impact(r.inherent.impact)),
            |reg, at, lists, i| {
                let level = lists.impact(i)?;
                at.risk_mut(reg)?.inherent.impact = level;
                Ok(())
            },
        )
        .checked(check::inherent),
    Controls => spec(R, ("การควบคุมที่มีอยู่", "Existing controls"), InR("controls"))
        .lines()
        .text(|v| v.risk(|r| r.controls.clone()), |reg, at, t, _| {
            at.risk_mut(reg)?.controls = t.to_string();
            Ok(())
        }),
    ControlQuality => spec(R, ("ผลการควบคุม", "Control grade"), InR("control_quality")).pick(
        options::control_grades,
        |v| v.risk(|r| format!("{} {}", r.control_quality.letter(), r.control_quality.label(v.lang()))),
        set::control_grade,
    ),
    ResidualL => spec(R, ("โอกาส (คงเหลือ)", "Residual likelihood"), InR("residual.likelihood"))
        .shown_when(shown::residual)
        .pick(
            options::likelihoods,
            |v| v.risk(|r| r.residual.map_or_else(|| "—".to_string(), |x| v.likelihood(x.likelihood))),
            |reg, at, lists, i| {
                let level = lists.likelihood(i)?;
                let risk = at.risk_mut(reg)?;
                risk.residual.get_or_insert(risk.inherent).likelihood = level;
                Ok(())
            },
        )
        .checked(check::residual),
    ResidualI => spec(R, ("ผลกระทบ (คงเหลือ)", "Residual impact"), InR("residual.impact"))
        .shown_when(shown::residual)
        .pick(
            options::impacts,
            |v| v.risk(|r| r.residual.map_or_else(|| "—".to_string(), |x| v.impact(x.impact))),
            |reg, at, lists, i| {
                let level = lists.impact(i)?;
                let risk = at.risk_mut(reg)?;
                risk.residual.get_or_insert(risk.inherent).impact = level;
                Ok(())
            },
        )
        .checked(check::residual),
    Owner => spec(R, ("ผู้รับผิดชอบ", "Owner"), InR("owner"))
        .text(|v| v.risk(|r| r.owner.clone()), |reg, at, t, _| {
            at.risk_mut(reg)?.owner = t.to_string();
            Ok(())
        }),
    Response => spec(R, ("การตอบสนอง", "Response"), InR("response")).pick(
        options::responses,
        |v| v.risk(|r| r.response.label(v.lang()).to_string()),
        set::response,
    ),
    ResponseText => spec(R, ("เหตุผล/ผู้รับโอน", "Justification / to whom"), InR("response"))
        .shown_when(shown::response_text)
        .text(|v| v.risk(|r| response_text_of(&r.response).unwrap_or_default()), set::response_text),
    NextReview => spec(R, ("ทบทวนครั้งถัดไป", "Next review"), InR("next_review"))
        .retyped()
        .text(
            |v| v.risk(|r| r.next_review.map(|d| d.written(v.lang())).unwrap_or_default()),
            |reg, at, t, _| {
                let d = parse::date(t)?;
                at.risk_mut(reg)?.next_review = d;
                Ok(())
            },
        ),
    /// The measure's title: shown after its id, which is not part of it.
    MeasureTitle(usize) => spec(M, ("มาตรการ", "Measure"), InM("title"))
        .text(|v| v.measure(|m| format!("{} {}", m.id, m.title)), set::measure_title)
        .edited_as(|v| v.measure(|m| m.title.clone())),
    MeasureKind(usize) => spec(M, ("ลักษณะ", "Kind"), InM("kind")).pick(
        options::measure_kinds,
        |v| v.measure(|m| m.kind.label(v.lang()).to_string()),
        |reg, at, _, i| {
            let kind = *crate::model::MeasureKind::ALL.get(i).ok_or("no such kind")?;
            at.measure_mut(reg)?.kind = kind;
            Ok(())
        },
    ),
    MeasureApproach(usize) => spec(M, ("แนวทาง", "Approach"), InM("approach"))
        .pick(options::approaches, show::approach, |reg, at, lists, i| {
            let id = lists.approaches.approaches.get(i).ok_or("no such approach")?.id.clone();
            at.measure_mut(reg)?.approach = id;
            Ok(())
        }),
    /// Co-responsible bureaus: codes separated by commas, `all`, or empty.
    MeasureCo(usize) => spec(M, ("สำนักร่วม (รหัส, all)", "With bureaus (codes, all)"), InM("co_responsible"))
        .text(show::co_responsible, |reg, at, t, _| {
            let co = co_responsible(t)?;
            at.measure_mut(reg)?.co_responsible = co;
            Ok(())
        }),
    MeasureOther(usize) => spec(M, ("ผู้รับผิดชอบอื่น", "Other responsible"), InM("other_responsible"))
        .text(|v| v.measure(|m| m.other_responsible.clone()), |reg, at, t, _| {
            at.measure_mut(reg)?.other_responsible = t.to_string();
            Ok(())
        }),
    MeasureStart(usize) => spec(M, ("เริ่ม (ปปปป-ดด)", "Start (yyyy-mm)"), InM("start"))
        .retyped()
        .text(|v| v.measure(|m| m.start.to_string()), |reg, at, t, _| {
            let start = parse::year_month(t)?;
            set::period(at.measure_mut(reg)?, Some(start), None)
        }),
    MeasureEnd(usize) => spec(M, ("สิ้นสุด (ปปปป-ดด)", "End (yyyy-mm)"), InM("end"))
        .retyped()
        .text(|v| v.measure(|m| m.end.to_string()), |reg, at, t, _| {
            let end = parse::year_month(t)?;
            set::period(at.measure_mut(reg)?, None, Some(end))
        }),
    MeasureBudget(usize) => spec(M, ("งบประมาณ", "Budget"), InM("budget")).pick(
        options::budgets,
        |v| v.measure(|m| budget_label(budget_index(&m.budget), v.lang()).to_string()),
        set::budget,
    ),
    MeasureAmount(usize) => spec(M, ("จำนวนเงิน (บาท)", "Amount (baht)"), InM("budget"))
        .shown_when(shown::budget_amount)
        .retyped()
        .text(show::amount, set::amount),
    MeasureSource(usize) => spec(M, ("แหล่งงบประมาณ", "Source of funds"), InM("budget"))
        .shown_when(shown::budget_source)
        .text(show::source, set::source),
    /// Name of indicator k of measure mi.
    IndicatorName(usize, usize) => spec(I, ("ตัวชี้วัด", "Indicator"), InInd("name"))
        .numbered()
        .text(|v| v.indicator(|i| format!("{} {}", i.id, i.name)), |reg, at, t, _| {
            at.indicator_mut(reg)?.name = t.to_string();
            Ok(())
        })
        .edited_as(|v| v.indicator(|i| i.name.clone())),
    /// Target of indicator k of measure mi.
    IndicatorTarget(usize, usize) => spec(I, ("  ค่าเป้าหมาย", "  target"), InInd("target"))
        .numbered()
        .text(
            |v| v.indicator(|i| format!("{} {}", i.target.display(v.lang()), i.unit)),
            |reg, at, t, _| {
                let target = results::parse_target(t)?;
                at.indicator_mut(reg)?.target = target;
                Ok(())
            },
        )
        .edited_as(|v| v.indicator(|i| results::target_text(&i.target))),
    Status => spec(MON, ("สถานะความเสี่ยง", "Status"), Entry("status")).pick(
        options::lights,
        |v| v.entry(|m| format!("{} {}", m.status.letter(), m.status.label(v.lang()))),
        |reg, at, _, i| {
            let light = *TrafficLight::ALL.get(i).ok_or("no such status")?;
            at.entry_mut(reg)?.status = light;
            Ok(())
        },
    ),
    Implementation => spec(MON, ("การดำเนินการ", "Implementation"), Entry("implementation")).pick(
        options::implementations,
        |v| v.entry(|m| m.implementation.label(v.lang()).to_string()),
        set::implementation,
    ),
    OtherReason => spec(MON, ("เหตุผลอื่น", "Other reason"), Entry("implementation"))
        .shown_when(shown::other_reason)
        .text(
            |v| v.entry(|m| match &m.implementation {
                Implementation::Other(r) => r.clone(),
                _ => String::new(),
            }),
            |reg, at, t, _| {
                at.entry_mut(reg)?.implementation = Implementation::Other(t.to_string());
                Ok(())
            },
        ),
    AsOf => spec(MON, ("ข้อมูล ณ วันที่", "As of"), Entry("as_of"))
        .retyped()
        .text(
            |v| v.entry(|m| m.as_of.map(|d| d.written(v.lang())).unwrap_or_default()),
            |reg, at, t, _| {
                // read first, so a bad value never creates an empty entry
                let d = parse::date(t)?;
                at.entry_mut(reg)?.as_of = d;
                Ok(())
            },
        ),
    Occurrence => spec(MON, ("การเกิดความเสี่ยง", "Occurrence"), Entry("occurrence"))
        .text(|v| v.entry(|m| m.occurrence.clone()), |reg, at, t, _| {
            at.entry_mut(reg)?.occurrence = t.to_string();
            Ok(())
        }),
    Done => spec(MON, ("ผลการดำเนินการ", "What was done"), Entry("done"))
        .lines()
        .text(|v| v.entry(|m| m.done.clone()), |reg, at, t, _| {
            at.entry_mut(reg)?.done = t.to_string();
            Ok(())
        }),
    Added => spec(MON, ("กิจกรรมเพิ่มเติม", "Added activities"), Entry("added_activities"))
        .lines()
        .text(|v| v.entry(|m| m.added_activities.clone()), |reg, at, t, _| {
            at.entry_mut(reg)?.added_activities = t.to_string();
            Ok(())
        }),
    Disbursed => spec(MON, ("เบิกจ่ายสะสม (บาท)", "Disbursed to date (baht)"), Entry("disbursed"))
        .retyped()
        .text(|v| v.entry(|m| m.disbursed.to_string()), |reg, at, t, _| {
            let amount = parse::money(t)?;
            at.entry_mut(reg)?.disbursed = amount;
            Ok(())
        }),
    /// The result of the measure's indicator at this index.
    Indicator(usize) => spec(Group::Result, ("ตัวชี้วัด", "Indicator"), Place::Result)
        .numbered()
        .text(show::result, set::result)
        .edited_as(show::result_typed),
    Evidence => spec(Group::MonitoringEnd, ("หลักฐาน (บรรทัดละรายการ)", "Evidence (one per line)"), Entry("evidence"))
        .lines()
        .text(|v| v.entry(|m| m.evidence.join("\n")), |reg, at, t, _| {
            at.entry_mut(reg)?.evidence = t
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect();
            Ok(())
        }),
    Note => spec(H(0), ("หมายเหตุ", "Note"), Top("note"))
        .lines()
        .text(|v| v.ctx.register.note.clone(), |reg, _, t, _| {
            reg.note = t.to_string();
            Ok(())
        }),
    /// The methodology the register is rated under (read only).
    Method => spec(H(0), ("วิธีประเมิน", "Methodology"), Top("methodology")).read_only(
        (
            "วิธีประเมินกำหนดเมื่อสร้างทะเบียน แก้ที่นี่ไม่ได้",
            "the methodology is set when the register is created",
        ),
        header::method_text,
    ),
    PreparedName => spec(H(1), ("ชื่อ", "Name"), Top("prepared_by.name"))
        .text(
            |v| header::signature_text(&v.ctx.register.prepared_by, |s| s.name.clone()),
            |reg, _, t, today| header::sign(&mut reg.prepared_by, header::Part::Name, t, today),
        ),
    PreparedPosition => spec(H(1), ("ตำแหน่ง", "Position"), Top("prepared_by.position"))
        .text(
            |v| header::signature_text(&v.ctx.register.prepared_by, |s| s.position.clone()),
            |reg, _, t, today| header::sign(&mut reg.prepared_by, header::Part::Position, t, today),
        ),
    PreparedDate => spec(H(1), ("วันที่", "Date (yyyy-mm-dd)"), Top("prepared_by.date"))
        .retyped()
        .text(
            |v| v.ctx.register.prepared_by.as_ref().map(|s| s.date.written(v.lang())).unwrap_or_default(),
            |reg, _, t, today| header::sign(&mut reg.prepared_by, header::Part::Date, t, today),
        ),
    ReviewedName => spec(H(2), ("ชื่อ", "Name"), Top("reviewed_by.name"))
        .text(
            |v| header::signature_text(&v.ctx.register.reviewed_by, |s| s.name.clone()),
            |reg, _, t, today| header::sign(&mut reg.reviewed_by, header::Part::Name, t, today),
        ),
    ReviewedPosition => spec(H(2), ("ตำแหน่ง", "Position"), Top("reviewed_by.position"))
        .text(
            |v| header::signature_text(&v.ctx.register.reviewed_by, |s| s.position.clone()),
            |reg, _, t, today| header::sign(&mut reg.reviewed_by, header::Part::Position, t, today),
        ),
    ReviewedDate => spec(H(2), ("วันที่", "Date (yyyy-mm-dd)"), Top("reviewed_by.date"))
        .retyped()
        .text(
            |v| v.ctx.register.reviewed_by.as_ref().map(|s| s.date.written(v.lang())).unwrap_or_default(),
            |reg, _, t, today| header::sign(&mut reg.reviewed_by, header::Part::Date, t, today),
        ),
    Approval => spec(H(3), ("การอนุมัติ", "Approval"), Top("approved_by")).read_only(
        (
            "การอนุมัติลงนามด้วยคำสั่ง riskreg approve เท่านั้น แก้ด้วยมือไม่ได้",
            "the approval is signed by `riskreg approve`, never by hand",
        ),
        |v| header::approval_text(v.ctx.register, v.lang()),
    ),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Catalog, load_register};
    use std::path::Path;

    /// HRD's register with every optional part filled: an accepted risk,
    /// an allocated budget, indicators with results recorded, an Other
    /// implementation, both signatures.
    fn sample() -> (Register, Catalog) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("registers");
        let mut reg = load_register(&root.join("2567/HRD.ron"))
            .expect("HRD loads")
            .value;
        reg.risks[0].response = Response::Accept("ยอมรับได้".into());
        reg.reviewed_by.clone_from(&reg.prepared_by);
        let m = &mut reg.risks[0].measures[0];
        assert!(matches!(m.budget, Budget::Allocated { .. }));
        assert!(!m.indicators.is_empty());
        m.monitoring[0].implementation = Implementation::Other("รอระเบียบใหม่".into());
        assert!(!m.monitoring[0].results.is_empty());
        (reg, Catalog::load(&root).expect("catalog loads"))
    }

    fn forms(reg: &Register) -> Vec<Form> {
        let m = &reg.risks[0].measures[0];
        let round = m
            .monitoring
            .first()
            .expect("a recorded round")
            .round
            .clone();
        vec![
            Form::Risk(0),
            Form::Monitoring {
                risk: 0,
                measure: 0,
                round,
            },
            Form::Header,
        ]
    }

    /// Typing back what an edit opens with changes nothing: the text an
    /// edit starts from and the way it is set are one rule per field (the
    /// measure's id shown before its title is not typed into the title).
    #[test]
    fn every_typed_field_takes_back_the_text_it_opens_with() {
        let (reg, cat) = sample();
        let method = cat.method(&reg.methodology).cloned();
        let mut seen = 0;
        for form in forms(&reg) {
            let fields = fields(&form, &reg, method.as_ref());
            assert!(!fields.is_empty(), "{form:?}");
            for field in fields {
                let ctx = Ctx {
                    register: &reg,
                    method: method.as_ref(),
                    approaches: &cat.approaches.value,
                    lang: Lang::Th,
                };
                if !matches!(kind(field, &ctx), Kind::Text { .. }) {
                    continue;
                }
                let text = edit_text(field, &form, &ctx);
                let mut copy = reg.clone();
                let today = Date::try_from("2567-10-01".to_string()).ok();
                set_text(field, &form, &mut copy, &text, today)
                    .unwrap_or_else(|e| panic!("{field:?} refuses {text:?}: {e}"));
                assert_eq!(copy, reg, "{field:?} typed back as {text:?}");
                seen += 1;
            }
        }
        assert!(seen > 20, "only {seen} text fields");
    }

    /// Choosing the option a pick-list opens on changes nothing.
    #[test]
    fn every_pick_list_opens_on_the_option_it_holds() {
        let (reg, cat) = sample();
        let method = cat.method(&reg.methodology).cloned();
        for form in forms(&reg) {
            for field in fields(&form, &reg, method.as_ref()) {
                let ctx = Ctx {
                    register: &reg,
                    method: method.as_ref(),
                    approaches: &cat.approaches.value,
                    lang: Lang::En,
                };
                let Kind::Pick(options) = kind(field, &ctx) else {
                    continue;
                };
                let now = value(field, &form, &ctx);
                if !options.contains(&now) {
                    // no residual rated yet shows "—": choosing rates it
                    assert_eq!(now, "—", "{field:?}");
                    continue;
                }
                let mut copy = reg.clone();
                let at = picked(field, &form, &ctx);
                set_pick(
                    field,
                    &form,
                    &mut copy,
                    method.as_ref(),
                    &cat.approaches.value,
                    at,
                )
                .unwrap_or_else(|e| panic!("{field:?}: {e}"));
                assert_eq!(copy, reg, "{field:?} re-chosen as {now:?}");
            }
        }
    }

    /// Each field of the sample forms has a label in both languages and a
    /// place in the file the validator would name, under its form's.
    #[test]
    fn every_field_has_labels_and_a_place_under_its_form() {
        let (reg, cat) = sample();
        let method = cat.method(&reg.methodology).cloned();
        for form in forms(&reg) {
            for field in fields(&form, &reg, method.as_ref()) {
                assert!(!label(field, Lang::Th).trim().is_empty(), "{field:?}");
                assert!(!label(field, Lang::En).trim().is_empty(), "{field:?}");
                let Some(p) = path(field, &form, &reg) else {
                    // a result not recorded yet has no place in the file
                    assert!(
                        matches!(field, Field::Indicator(_)),
                        "{field:?} has no path"
                    );
                    continue;
                };
                if let Some(under) = target_path(&form, &reg) {
                    assert!(is_under(&p, &under), "{p} is not under {under}");
                }
            }
        }
        assert_eq!(
            path(Field::IndicatorTarget(0, 1), &Form::Risk(2), &reg).as_deref(),
            Some("risks[2].measures[0].indicators[1].target")
        );
        assert_eq!(label(Field::IndicatorTarget(0, 1), Lang::En), "  target 2");
        assert_eq!(pane(Field::MeasureKind(2)), 3);
        assert_eq!(pane(Field::ReviewedDate), 2);
    }

    /// A field set through another form's kind is refused, not applied to
    /// whatever the indices happen to reach.
    #[test]
    fn a_field_of_another_form_is_refused() {
        let (mut reg, _) = sample();
        let before = reg.clone();
        let forms = forms(&reg);
        let err = set_text(Field::Process, &forms[1], &mut reg, "x", None).expect_err("refused");
        assert!(
            err.to_string().contains("not a field of this form"),
            "{err}"
        );
        assert!(set_text(Field::Occurrence, &forms[0], &mut reg, "x", None).is_err());
        assert!(set_text(Field::Note, &forms[0], &mut reg, "x", None).is_err());
        assert_eq!(reg, before);
    }
}
