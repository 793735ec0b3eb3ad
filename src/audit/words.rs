//! Field values in the domain's words, in Thai and English, for a change to
//! say what a person reads on the form ("การควบคุม: พอใช้ → อ่อน"), never the
//! file's syntax (`Fair`, `Some((likelihood: 2, …))`).

// Each function takes the field's own type (`&String`, `&Vec<_>`), as
// `Say<T>` is called with a reference to the field.
#![allow(clippy::ptr_arg)]

use super::change::FieldWords;
use crate::method::{Methodology, Scale};
use crate::model::{
    Budget, CoResponsible, Date, Indicator, IndicatorResult, Label, Lang, Rating, Response,
    Signature,
};

/// Says a value in one language, with the methodology it is rated under.
pub type Say<'a, T> = &'a dyn Fn(&T, Option<&Methodology>, Lang) -> String;

/// The words of one field's change: its label and both values, in both languages.
pub fn field_words<T>(
    label: (&str, &str),
    (old, om): (&T, Option<&Methodology>),
    (new, nm): (&T, Option<&Methodology>),
    say: Say<'_, T>,
) -> FieldWords {
    let both = |v: &T, m| Label::new(say(v, m, Lang::Th), say(v, m, Lang::En));
    FieldWords {
        label: Label::new(label.0, label.1),
        old: both(old, om),
        new: both(new, nm),
    }
}

fn none(lang: Lang) -> String {
    lang.pick("(ไม่มี)", "(none)").into()
}

/// Free text on one line: line breaks shown as ⏎, nothing as "(none)".
pub fn text(s: &String, _: Option<&Methodology>, lang: Lang) -> String {
    if s.trim().is_empty() {
        return none(lang);
    }
    s.replace("\r\n", "\n").replace('\n', " ⏎ ")
}

/// A value whose display is its words in any language (ids, years, months).
pub fn shown<T: std::fmt::Display>(v: &T, _: Option<&Methodology>, _: Lang) -> String {
    v.to_string()
}

pub fn date(d: &Option<Date>, _: Option<&Methodology>, lang: Lang) -> String {
    d.map_or_else(|| none(lang), |d| d.to_string())
}

pub fn signature(s: &Option<Signature>, _: Option<&Methodology>, lang: Lang) -> String {
    s.as_ref().map_or_else(
        || none(lang),
        |s| format!("{}, {}, {}", s.name, s.position, s.date),
    )
}

fn level(scale: Option<&Scale>, v: u8, lang: Lang) -> String {
    scale
        .and_then(|s| s.levels.iter().find(|l| l.value == v))
        .map_or_else(|| v.to_string(), |l| format!("{v} {}", l.label.get(lang)))
}

pub fn likelihood(v: &u8, m: Option<&Methodology>, lang: Lang) -> String {
    level(m.map(|m| &m.likelihood), *v, lang)
}

pub fn impact(v: &u8, m: Option<&Methodology>, lang: Lang) -> String {
    level(m.map(|m| &m.impact), *v, lang)
}

/// A re-rated residual risk: `L2 × I3 medium` (โอกาส 2 × ผลกระทบ 3 ปานกลาง).
pub fn rating(r: &Option<Rating>, m: Option<&Methodology>, lang: Lang) -> String {
    let Some(r) = r else { return none(lang) };
    let band = m
        .and_then(|m| m.band_for(*r).ok())
        .map(|b| format!(" {}", b.label.get(lang)))
        .unwrap_or_default();
    match lang {
        Lang::Th => format!("โอกาส {} × ผลกระทบ {}{band}", r.likelihood, r.impact),
        Lang::En => format!("L{} × I{}{band}", r.likelihood, r.impact),
    }
}

pub fn category(c: &crate::model::CategoryId, m: Option<&Methodology>, lang: Lang) -> String {
    m.and_then(|m| m.category(c))
        .map_or_else(|| c.to_string(), |cat| cat.label.get(lang).to_string())
}

pub fn factor(f: &crate::model::Factor, _: Option<&Methodology>, lang: Lang) -> String {
    f.label(lang).into()
}

pub fn control_quality(
    c: &crate::model::ControlQuality,
    _: Option<&Methodology>,
    lang: Lang,
) -> String {
    c.label(lang).into()
}

pub fn response(r: &Response, _: Option<&Methodology>, lang: Lang) -> String {
    match r {
        Response::Accept(why) | Response::Transfer(why) if !why.trim().is_empty() => {
            format!("{} ({why})", r.label(lang))
        }
        _ => r.label(lang).into(),
    }
}

pub fn measure_kind(k: &crate::model::MeasureKind, _: Option<&Methodology>, lang: Lang) -> String {
    k.label(lang).into()
}

pub fn co_responsible(c: &CoResponsible, _: Option<&Methodology>, lang: Lang) -> String {
    match c {
        CoResponsible::LeadOnly => lang.pick("สำนักเจ้าของเท่านั้น", "the lead bureau alone").into(),
        CoResponsible::AllBureaus => lang.pick("ทุกสำนัก", "all bureaus").into(),
        CoResponsible::Bureaus(codes) => codes
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

pub fn budget(b: &Budget, _: Option<&Methodology>, lang: Lang) -> String {
    let baht = lang.pick("บาท", "baht");
    match b {
        Budget::NotRequested => lang.pick("ไม่ขอรับงบประมาณ", "no budget requested").into(),
        Budget::Requested { amount } => format!(
            "{} {} {baht}",
            lang.pick("ขอรับ", "requested"),
            amount.grouped()
        ),
        Budget::Allocated { amount, source } => format!(
            "{} {} {baht} ({source})",
            lang.pick("ได้รับจัดสรร", "allocated"),
            amount.grouped()
        ),
    }
}

pub fn indicators(list: &Vec<Indicator>, _: Option<&Methodology>, lang: Lang) -> String {
    if list.is_empty() {
        return none(lang);
    }
    list.iter()
        .map(|i| format!("{} {} ({})", i.id, i.name, i.target.display(lang)))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn results(list: &Vec<IndicatorResult>, _: Option<&Methodology>, lang: Lang) -> String {
    if list.is_empty() {
        return none(lang);
    }
    list.iter()
        .map(|r| format!("{}: {}", r.indicator, r.value.display(lang)))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn method_ref(r: &crate::model::MethodRef, _: Option<&Methodology>, lang: Lang) -> String {
    format!("{} {} {}", r.id, lang.pick("ฉบับ", "version"), r.version)
}

pub fn list(items: &Vec<String>, _: Option<&Methodology>, lang: Lang) -> String {
    if items.is_empty() {
        return none(lang);
    }
    items.join("; ")
}
