//! The pieces the field table is made of where a field needs more than a
//! line: pick-list options, values shown, values set, when a field is on
//! the form, and problems with a value in the file.

use super::spot::{Lists, Spot, View};
use super::*;

/// The options of the pick-lists, in the order their index is set by.
pub mod options {
    use super::*;

    pub fn categories(ctx: &Ctx) -> Vec<String> {
        ctx.method.map_or_else(Vec::new, |m| {
            m.categories
                .iter()
                .map(|c| format!("{} — {}", c.id, c.label.get(ctx.lang)))
                .collect()
        })
    }
    pub fn factors(ctx: &Ctx) -> Vec<String> {
        [crate::model::Factor::Known, crate::model::Factor::Unknown]
            .iter()
            .map(|f| f.label(ctx.lang).to_string())
            .collect()
    }
    fn levels(scale: &crate::method::Scale, lang: Lang) -> Vec<String> {
        scale
            .levels
            .iter()
            .map(|l| format!("{} {}", l.value, l.label.get(lang)))
            .collect()
    }
    pub fn likelihoods(ctx: &Ctx) -> Vec<String> {
        ctx.method
            .map_or_else(Vec::new, |m| levels(&m.likelihood, ctx.lang))
    }
    pub fn impacts(ctx: &Ctx) -> Vec<String> {
        ctx.method
            .map_or_else(Vec::new, |m| levels(&m.impact, ctx.lang))
    }
    pub fn control_grades(ctx: &Ctx) -> Vec<String> {
        crate::model::ControlQuality::ALL
            .iter()
            .map(|c| format!("{} {}", c.letter(), c.label(ctx.lang)))
            .collect()
    }
    pub fn responses(ctx: &Ctx) -> Vec<String> {
        (0..RESPONSES)
            .map(|i| response_of(i, String::new()).label(ctx.lang).to_string())
            .collect()
    }
    pub fn measure_kinds(ctx: &Ctx) -> Vec<String> {
        crate::model::MeasureKind::ALL
            .iter()
            .map(|k| k.label(ctx.lang).to_string())
            .collect()
    }
    pub fn approaches(ctx: &Ctx) -> Vec<String> {
        ctx.approaches
            .approaches
            .iter()
            .map(|a| format!("{} — {}", a.id, a.label.get(ctx.lang)))
            .collect()
    }
    pub fn budgets(ctx: &Ctx) -> Vec<String> {
        (0..3)
            .map(|i| budget_label(i, ctx.lang).to_string())
            .collect()
    }
    pub fn lights(ctx: &Ctx) -> Vec<String> {
        TrafficLight::ALL
            .iter()
            .map(|t| format!("{} {}", t.letter(), t.label(ctx.lang)))
            .collect()
    }
    pub fn implementations(ctx: &Ctx) -> Vec<String> {
        super::super::implementations()
            .iter()
            .map(|i| i.label(ctx.lang).to_string())
            .collect()
    }
}

/// Values as shown, where more than one field's worth of code.
pub mod show {
    use super::*;

    pub fn category(v: &View) -> String {
        v.risk(|r| {
            let label = v
                .ctx
                .method
                .and_then(|m| m.category(&r.category))
                .map(|c| c.label.get(v.lang()).to_string())
                .unwrap_or_default();
            format!("{} — {label}", r.category)
        })
    }
    pub fn approach(v: &View) -> String {
        v.measure(|m| {
            let label = v
                .ctx
                .approaches
                .get(&m.approach)
                .map(|a| a.label.get(v.lang()).to_string())
                .unwrap_or_default();
            format!("{} — {label}", m.approach)
        })
    }
    pub fn co_responsible(v: &View) -> String {
        v.measure(|m| match &m.co_responsible {
            CoResponsible::LeadOnly => String::new(),
            CoResponsible::AllBureaus => "all".to_string(),
            CoResponsible::Bureaus(codes) => codes
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        })
    }
    pub fn amount(v: &View) -> String {
        v.measure(|m| match &m.budget {
            Budget::Requested { amount } | Budget::Allocated { amount, .. } => amount.to_string(),
            Budget::NotRequested => String::new(),
        })
    }
    pub fn source(v: &View) -> String {
        v.measure(|m| match &m.budget {
            Budget::Allocated { source, .. } => source.clone(),
            _ => String::new(),
        })
    }
    /// The result as it is typed back (empty while pending or not recorded).
    pub fn result_typed(v: &View) -> String {
        let reg = v.ctx.register;
        let (Some(ind), Some(entry)) = (v.spot.indicator(reg), v.spot.entry(reg)) else {
            return String::new();
        };
        entry
            .results
            .iter()
            .find(|r| r.indicator == ind.id)
            .map(|r| results::achieved_text(&r.value))
            .unwrap_or_default()
    }
    /// The result with its target and the indicator's name.
    pub fn result(v: &View) -> String {
        let Some(ind) = v.spot.indicator(v.ctx.register) else {
            return String::new();
        };
        let lang = v.lang();
        let got = v.entry(|m| {
            m.results
                .iter()
                .find(|r| r.indicator == ind.id)
                .map_or_else(|| "—".to_string(), |r| r.value.display(lang))
        });
        // the verdict of model::judge, in words and a mark that needs no colour
        let met = v.entry(|m| {
            let judged = crate::model::judge(std::slice::from_ref(ind), &m.results);
            crate::tui::screens::marks::verdict(judged.first().and_then(|j| j.met), lang)
        });
        format!(
            "{got} · {} {} · {met} · {}",
            ind.target.display(lang),
            ind.unit,
            ind.name
        )
    }
}

/// When a field is on the form.
pub mod shown {
    use super::*;

    pub fn residual(_: &Register, method: Option<&Methodology>, _: &Spot) -> bool {
        method.is_none_or(Methodology::rerates_residual)
    }
    pub fn response_text(reg: &Register, _: Option<&Methodology>, at: &Spot) -> bool {
        at.risk(reg)
            .is_some_and(|r| response_text_of(&r.response).is_some())
    }
    pub fn budget_amount(reg: &Register, _: Option<&Methodology>, at: &Spot) -> bool {
        at.measure(reg)
            .is_some_and(|m| !matches!(m.budget, Budget::NotRequested))
    }
    pub fn budget_source(reg: &Register, _: Option<&Methodology>, at: &Spot) -> bool {
        at.measure(reg)
            .is_some_and(|m| matches!(m.budget, Budget::Allocated { .. }))
    }
    pub fn other_reason(reg: &Register, _: Option<&Methodology>, at: &Spot) -> bool {
        at.entry(reg)
            .is_some_and(|m| matches!(m.implementation, Implementation::Other(_)))
    }
}

/// Problems with a value in the file, beside the field.
pub mod check {
    use super::*;

    fn band(v: &View, rating: Option<Rating>) -> Option<String> {
        let method = v.ctx.method?;
        method.band_for(rating?).err().map(|e| e.to_string())
    }
    pub fn inherent(v: &View) -> Option<String> {
        band(v, v.spot.risk(v.ctx.register).map(|r| r.inherent))
    }
    pub fn residual(v: &View) -> Option<String> {
        band(v, v.spot.risk(v.ctx.register).and_then(|r| r.residual))
    }
    pub fn category(v: &View) -> Option<String> {
        let risk = v.spot.risk(v.ctx.register)?;
        v.ctx
            .method?
            .category(&risk.category)
            .is_none()
            .then(|| format!("unknown category {:?}", risk.category.as_str()))
    }
}

/// Values set, where more than one field's worth of code; on error nothing
/// changes.
pub mod set {
    use super::*;

    pub fn category(reg: &mut Register, at: &Spot, lists: &Lists, i: usize) -> Result<(), String> {
        let m = lists
            .method
            .ok_or("the register's methodology is not loaded")?;
        let id = m.categories.get(i).ok_or("no such category")?.id.clone();
        at.risk_mut(reg)?.category = id;
        Ok(())
    }
    pub fn factor(reg: &mut Register, at: &Spot, _: &Lists, i: usize) -> Result<(), String> {
        at.risk_mut(reg)?.factor = if i == 0 {
            crate::model::Factor::Known
        } else {
            crate::model::Factor::Unknown
        };
        Ok(())
    }
    pub fn control_grade(reg: &mut Register, at: &Spot, _: &Lists, i: usize) -> Result<(), String> {
        let grade = *crate::model::ControlQuality::ALL
            .get(i)
            .ok_or("no such grade")?;
        at.risk_mut(reg)?.control_quality = grade;
        Ok(())
    }
    /// A new response keeps the justification already written.
    pub fn response(reg: &mut Register, at: &Spot, _: &Lists, i: usize) -> Result<(), String> {
        if i >= RESPONSES {
            return Err("no such response".into());
        }
        let risk = at.risk_mut(reg)?;
        let keep = response_text_of(&risk.response).unwrap_or_default();
        risk.response = response_of(i, keep);
        Ok(())
    }
    pub fn response_text(
        reg: &mut Register,
        at: &Spot,
        t: &str,
        _: Option<Date>,
    ) -> Result<(), Refusal> {
        match &mut at.risk_mut(reg)?.response {
            Response::Accept(x) | Response::Transfer(x) => *x = t.to_string(),
            _ => {
                return Err(Refusal::rule(
                    "มีข้อความนี้เฉพาะความเสี่ยงที่ยอมรับหรือโอนไป",
                    "only an accepted or transferred risk has this text",
                ));
            }
        }
        Ok(())
    }
    /// The id is shown before the title; typed back, it does not go into it.
    pub fn measure_title(
        reg: &mut Register,
        at: &Spot,
        t: &str,
        _: Option<Date>,
    ) -> Result<(), Refusal> {
        let m = at.measure_mut(reg)?;
        let id = m.id.to_string();
        let t = t.trim_start();
        m.title = t.strip_prefix(&id).map_or(t, str::trim_start).to_string();
        Ok(())
    }
    /// A new start or end, refused when the start would come after the end.
    pub fn period(
        m: &mut crate::model::Measure,
        start: Option<YearMonth>,
        end: Option<YearMonth>,
    ) -> Result<(), Refusal> {
        let (start, end) = (start.unwrap_or(m.start), end.unwrap_or(m.end));
        if start > end {
            return Err(Refusal::rule(
                format!("เดือนเริ่ม {start} อยู่หลังเดือนสิ้นสุด {end}"),
                format!("the start {start} is after the end {end}"),
            ));
        }
        m.start = start;
        m.end = end;
        Ok(())
    }
    /// A new kind of budget keeps the amount and source already written.
    pub fn budget(reg: &mut Register, at: &Spot, _: &Lists, i: usize) -> Result<(), String> {
        let m = at.measure_mut(reg)?;
        let amount = match &m.budget {
            Budget::Requested { amount } | Budget::Allocated { amount, .. } => *amount,
            Budget::NotRequested => Money::ZERO,
        };
        let source = match &m.budget {
            Budget::Allocated { source, .. } => source.clone(),
            _ => String::new(),
        };
        m.budget = match i {
            0 => Budget::NotRequested,
            1 => Budget::Requested { amount },
            2 => Budget::Allocated { amount, source },
            _ => return Err("no such budget kind".into()),
        };
        Ok(())
    }
    pub fn amount(reg: &mut Register, at: &Spot, t: &str, _: Option<Date>) -> Result<(), Refusal> {
        let amount = super::super::apply::money(t)?;
        match &mut at.measure_mut(reg)?.budget {
            Budget::Requested { amount: a } | Budget::Allocated { amount: a, .. } => *a = amount,
            Budget::NotRequested => {
                return Err(Refusal::rule(
                    "เลือก ขอรับการจัดสรร หรือ ได้รับจัดสรร ก่อน",
                    "choose requested or allocated first",
                ));
            }
        }
        Ok(())
    }
    pub fn source(reg: &mut Register, at: &Spot, t: &str, _: Option<Date>) -> Result<(), Refusal> {
        match &mut at.measure_mut(reg)?.budget {
            Budget::Allocated { source, .. } => *source = t.to_string(),
            _ => {
                return Err(Refusal::rule(
                    "มีแหล่งงบประมาณเฉพาะงบที่ได้รับจัดสรรแล้ว",
                    "only an allocated budget has a source",
                ));
            }
        }
        Ok(())
    }
    /// Other keeps a reason already written when it is chosen again.
    pub fn implementation(
        reg: &mut Register,
        at: &Spot,
        _: &Lists,
        i: usize,
    ) -> Result<(), String> {
        let mut chosen = super::super::implementations()
            .get(i)
            .cloned()
            .ok_or("no such status")?;
        let m = at.entry_mut(reg)?;
        if let (Implementation::Other(new), Implementation::Other(old)) =
            (&mut chosen, &m.implementation)
        {
            new.clone_from(old);
        }
        m.implementation = chosen;
        Ok(())
    }
    /// An indicator's result, read against its target first, so a bad value
    /// never creates an empty monitoring entry.
    pub fn result(reg: &mut Register, at: &Spot, t: &str, _: Option<Date>) -> Result<(), Refusal> {
        let ind = at.indicator(reg).ok_or("the indicator is gone")?;
        let id = ind.id.clone();
        let value = results::parse_achieved(t, &ind.target.value)?;
        let m = at.entry_mut(reg)?;
        match m.results.iter_mut().find(|r| r.indicator == id) {
            Some(r) => r.value = value,
            None => m.results.push(crate::model::IndicatorResult {
                indicator: id,
                value,
            }),
        }
        Ok(())
    }
}
