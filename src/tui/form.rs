//! The fields of the risk editor and the monitoring form: how each field is
//! shown, how it is edited (free text, checked text, or a pick-list) and how
//! an entered value is checked before it touches the register. A value that
//! does not check is refused with the reason; nothing is silently accepted.

mod apply;
pub mod header;
mod place;
mod refusal;
pub mod results;
mod spot;
mod table;
mod values;

pub use apply::co_responsible;
pub use place::{is_under, path, target_path};
pub use refusal::Refusal;
pub use table::Field;

use spot::{Lists, Spot, View};
use table::{DECLARED, Group, Input, Set};

use crate::method::Methodology;
use crate::model::{
    ApproachList, Budget, BureauCode, CoResponsible, Date, Implementation, Lang, Money, Monitoring,
    Rating, Register, Response, RoundId, TrafficLight, YearMonth,
};

use crate::tui::workspace::Part;

/// Which form is open: a risk's, a monitoring entry's, or the header's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Form {
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

impl Form {
    /// The part of the register the form edits (what an undo step keeps).
    pub fn part(&self) -> Part {
        match self {
            Form::Risk(risk) | Form::Monitoring { risk, .. } => Part::Risk(*risk),
            Form::Header => Part::Header,
        }
    }

    /// Risk, measure and round of a monitoring form.
    pub fn monitoring(&self) -> Option<(usize, usize, &RoundId)> {
        match self {
            Form::Monitoring {
                risk,
                measure,
                round,
            } => Some((*risk, *measure, round)),
            Form::Risk(_) | Form::Header => None,
        }
    }
}

/// Fields whose value is retyped rather than edited (amounts, dates,
/// months): they open with the value selected, so typing replaces it.
pub fn retyped(field: Field) -> bool {
    matches!(field.spec().input, Input::Retyped)
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

impl Group {
    /// Whether a field of this group is on a form of this kind.
    fn on(self, form: &Form) -> bool {
        match form {
            Form::Risk(_) => matches!(self, Group::Risk | Group::Measure | Group::Indicator),
            Form::Monitoring { .. } => matches!(
                self,
                Group::Monitoring | Group::Result | Group::MonitoringEnd
            ),
            Form::Header => matches!(self, Group::Header(_)),
        }
    }
}

/// The fields of a form, in the order they are declared; a measure's
/// fields repeat for each measure, each followed by its indicators', and
/// an indicator's result for each indicator. [`pane`] gives where each
/// pane starts (Tab jumps between them).
pub fn fields(form: &Form, register: &Register, method: Option<&Methodology>) -> Vec<Field> {
    let risk = match form {
        Form::Risk(ri) | Form::Monitoring { risk: ri, .. } => register.risks.get(*ri),
        Form::Header => None,
    };
    if risk.is_none() && *form != Form::Header {
        return Vec::new();
    }
    let group = |g: Group, a: usize, b: usize| -> Vec<Field> {
        DECLARED
            .iter()
            .map(|make| make(a, b))
            .filter(|f| {
                let spec = f.spec();
                spec.group == g && (spec.shown)(register, method, &Spot::of(*f, form))
            })
            .collect()
    };
    let indicators = |mi: usize| {
        risk.and_then(|r| r.measures.get(mi))
            .map_or(0, |m| m.indicators.len())
    };
    match form {
        Form::Risk(_) => {
            let mut v = group(Group::Risk, 0, 0);
            for mi in 0..risk.map_or(0, |r| r.measures.len()) {
                v.extend(group(Group::Measure, mi, 0));
                for k in 0..indicators(mi) {
                    v.extend(group(Group::Indicator, mi, k));
                }
            }
            v
        }
        Form::Monitoring { measure, .. } => {
            let mut v = group(Group::Monitoring, 0, 0);
            for k in 0..indicators(*measure) {
                v.extend(group(Group::Result, k, 0));
            }
            v.extend(group(Group::MonitoringEnd, 0, 0));
            v
        }
        Form::Header => (0..4).flat_map(|p| group(Group::Header(p), 0, 0)).collect(),
    }
}

/// Which pane a field belongs to: 0 for the risk, 1 + i for measure i; the
/// header's panes are note, prepared, reviewed, approval.
pub fn pane(field: Field) -> usize {
    match field.spec().group {
        Group::Measure | Group::Indicator => 1 + field.indices().0,
        Group::Header(p) => p,
        Group::Risk | Group::Monitoring | Group::Result | Group::MonitoringEnd => 0,
    }
}

pub fn label(field: Field, lang: Lang) -> String {
    let spec = field.spec();
    let text = lang.pick(spec.label.0, spec.label.1);
    if spec.numbered {
        let (a, b) = field.indices();
        let k = if spec.group == Group::Indicator { b } else { a };
        format!("{text} {}", k + 1)
    } else {
        text.to_string()
    }
}

/// Why a field cannot be edited by hand, if it cannot.
pub fn read_only_reason(field: Field, lang: Lang) -> Option<&'static str> {
    match field.spec().input {
        Input::ReadOnly(th, en) => Some(lang.pick(th, en)),
        _ => None,
    }
}

pub(crate) const RESPONSES: usize = 4;

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

/// The justification (accepted) or to whom (transferred), if the response has one.
fn response_text_of(r: &Response) -> Option<String> {
    match r {
        Response::Accept(t) | Response::Transfer(t) => Some(t.clone()),
        _ => None,
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
fn implementation_index(i: &Implementation) -> usize {
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

pub fn kind(field: Field, ctx: &Ctx) -> Kind {
    match field.spec().input {
        Input::ReadOnly(..) => Kind::ReadOnly,
        Input::Line | Input::Retyped => Kind::Text { multiline: false },
        Input::Lines => Kind::Text { multiline: true },
        Input::Pick(options) => Kind::Pick(options(ctx)),
    }
}

/// The field's value as shown.
pub fn value(field: Field, form: &Form, ctx: &Ctx) -> String {
    (field.spec().show)(&View {
        ctx,
        spot: Spot::of(field, form),
    })
}

/// The text an edit of the field starts from: the value as shown, but
/// without what is shown beside it (a measure's id, an indicator's target
/// and name beside its result).
pub fn edit_text(field: Field, form: &Form, ctx: &Ctx) -> String {
    let spec = field.spec();
    (spec.edit.unwrap_or(spec.show))(&View {
        ctx,
        spot: Spot::of(field, form),
    })
}

fn budget_index(b: &Budget) -> usize {
    match b {
        Budget::NotRequested => 0,
        Budget::Requested { .. } => 1,
        Budget::Allocated { .. } => 2,
    }
}

/// Applies typed text to a field; on error nothing changes. `today` dates
/// a signature the text starts (the header's).
pub fn set_text(
    field: Field,
    form: &Form,
    register: &mut Register,
    text: &str,
    today: Option<Date>,
) -> Result<(), Refusal> {
    let spec = field.spec();
    if !spec.group.on(form) {
        return Err("not a field of this form".into());
    }
    match spec.set {
        Set::Text(set) => set(register, &Spot::of(field, form), text, today),
        Set::Pick(_) => Err("this field is chosen from a list".into()),
        Set::Never => Err(match field.spec().input {
            Input::ReadOnly(th, en) => Refusal::rule(th, en),
            _ => "this field cannot be edited".into(),
        }),
    }
}

/// Applies the choice `index` of a field's pick-list; on error nothing changes.
pub fn set_pick(
    field: Field,
    form: &Form,
    register: &mut Register,
    method: Option<&Methodology>,
    approaches: &ApproachList,
    index: usize,
) -> Result<(), String> {
    let spec = field.spec();
    if !spec.group.on(form) {
        return Err("not a field of this form".into());
    }
    match spec.set {
        Set::Pick(set) => set(
            register,
            &Spot::of(field, form),
            &Lists { method, approaches },
            index,
        ),
        Set::Text(_) | Set::Never => Err("this field is typed, not chosen".into()),
    }
}

/// The option of a pick-list that holds the current value.
pub fn picked(field: Field, form: &Form, ctx: &Ctx) -> usize {
    let Kind::Pick(options) = kind(field, ctx) else {
        return 0;
    };
    let now = value(field, form, ctx);
    options.iter().position(|o| *o == now).unwrap_or(0)
}

/// A problem with the value in the file as it stands (e.g. a likelihood
/// outside the scale), shown beside the field.
pub fn problem(field: Field, form: &Form, ctx: &Ctx) -> Option<String> {
    let check = field.spec().problem?;
    if !matches!(form, Form::Risk(_)) {
        return None;
    }
    check(&View {
        ctx,
        spot: Spot::of(field, form),
    })
}
