//! Where a field's value sits: the form and, for a measure's or an
//! indicator's field, which one; with the ways to read it for display and
//! to reach it for a change.

use super::*;
use crate::model::{Indicator, Measure, Risk};

/// A field's place in the register: the form, the measure (a measure's or
/// indicator's field, or the monitoring form's measure) and the item (the
/// indicator).
#[derive(Clone, Copy, Debug)]
pub struct Spot<'a> {
    pub form: &'a Form,
    pub measure: usize,
    pub item: usize,
}

impl<'a> Spot<'a> {
    pub fn of(field: Field, form: &'a Form) -> Spot<'a> {
        let (a, b) = field.indices();
        let form_measure = match form {
            Form::Monitoring { measure, .. } => *measure,
            Form::Risk(_) | Form::Header => 0,
        };
        let (measure, item) = match field.spec().group {
            Group::Measure => (a, 0),
            Group::Indicator => (a, b),
            Group::Result => (form_measure, a),
            _ => (form_measure, 0),
        };
        Spot {
            form,
            measure,
            item,
        }
    }

    fn risk_index(&self) -> Option<usize> {
        match self.form {
            Form::Risk(ri) => Some(*ri),
            Form::Monitoring { risk, .. } => Some(*risk),
            Form::Header => None,
        }
    }

    pub fn risk<'r>(&self, reg: &'r Register) -> Option<&'r Risk> {
        reg.risks.get(self.risk_index()?)
    }
    pub fn measure<'r>(&self, reg: &'r Register) -> Option<&'r Measure> {
        self.risk(reg)?.measures.get(self.measure)
    }
    pub fn indicator<'r>(&self, reg: &'r Register) -> Option<&'r Indicator> {
        self.measure(reg)?.indicators.get(self.item)
    }
    /// The monitoring entry at the form's round, if recorded.
    pub fn entry<'r>(&self, reg: &'r Register) -> Option<&'r Monitoring> {
        let (_, _, round) = self.form.monitoring()?;
        self.measure(reg)?.at_round(round)
    }

    pub fn risk_mut<'r>(&self, reg: &'r mut Register) -> Result<&'r mut Risk, String> {
        let ri = self.risk_index().ok_or("nothing to edit")?;
        reg.risks
            .get_mut(ri)
            .ok_or_else(|| "the risk is gone".into())
    }
    pub fn measure_mut<'r>(&self, reg: &'r mut Register) -> Result<&'r mut Measure, String> {
        let mi = self.measure;
        self.risk_mut(reg)?
            .measures
            .get_mut(mi)
            .ok_or_else(|| "the measure is gone".into())
    }
    pub fn indicator_mut<'r>(&self, reg: &'r mut Register) -> Result<&'r mut Indicator, String> {
        let k = self.item;
        self.measure_mut(reg)?
            .indicators
            .get_mut(k)
            .ok_or_else(|| "the indicator is gone".into())
    }
    /// The monitoring entry at the form's round, created if missing.
    pub fn entry_mut<'r>(&self, reg: &'r mut Register) -> Result<&'r mut Monitoring, String> {
        let (_, _, round) = self.form.monitoring().ok_or("not a monitoring form")?;
        let m = self.measure_mut(reg)?;
        if m.at_round(round).is_none() {
            m.monitoring.push(Monitoring::new(round.clone()));
        }
        m.at_round_mut(round)
            .ok_or_else(|| "no monitoring entry".into())
    }
}

/// A field's value being read for the screen.
pub struct View<'a> {
    pub ctx: &'a Ctx<'a>,
    pub spot: Spot<'a>,
}

impl View<'_> {
    pub fn lang(&self) -> Lang {
        self.ctx.lang
    }
    /// Text from the risk (empty when it is gone).
    pub fn risk(&self, f: impl Fn(&crate::model::Risk) -> String) -> String {
        self.spot.risk(self.ctx.register).map(f).unwrap_or_default()
    }
    pub fn measure(&self, f: impl Fn(&crate::model::Measure) -> String) -> String {
        self.spot
            .measure(self.ctx.register)
            .map(f)
            .unwrap_or_default()
    }
    pub fn indicator(&self, f: impl Fn(&crate::model::Indicator) -> String) -> String {
        self.spot
            .indicator(self.ctx.register)
            .map(f)
            .unwrap_or_default()
    }
    /// Text from the monitoring entry; a round with nothing recorded shows
    /// what setting a field would create.
    pub fn entry(&self, f: impl Fn(&Monitoring) -> String) -> String {
        if self.spot.risk(self.ctx.register).is_none() {
            return String::new();
        }
        match (
            self.spot.entry(self.ctx.register),
            self.spot.form.monitoring(),
        ) {
            (Some(m), _) => f(m),
            (None, Some((_, _, round))) => f(&Monitoring::new(round.clone())),
            (None, None) => String::new(),
        }
    }
    fn level(&self, scale: Option<&crate::method::Scale>, v: u8) -> String {
        scale
            .and_then(|s| s.levels.iter().find(|l| l.value == v))
            .map_or_else(
                || v.to_string(),
                |l| format!("{v} {}", l.label.get(self.ctx.lang)),
            )
    }
    pub fn likelihood(&self, v: u8) -> String {
        self.level(self.ctx.method.map(|m| &m.likelihood), v)
    }
    pub fn impact(&self, v: u8) -> String {
        self.level(self.ctx.method.map(|m| &m.impact), v)
    }
}

/// What a pick-list's choice is read against.
pub struct Lists<'a> {
    pub method: Option<&'a Methodology>,
    pub approaches: &'a ApproachList,
}

impl Lists<'_> {
    fn level(scale: Option<&crate::method::Scale>, index: usize) -> Result<u8, String> {
        let scale = scale.ok_or("the register's methodology is not loaded")?;
        scale
            .levels
            .get(index)
            .map(|l| l.value)
            .ok_or_else(|| "no such level".into())
    }
    pub fn likelihood(&self, index: usize) -> Result<u8, String> {
        Self::level(self.method.map(|m| &m.likelihood), index)
    }
    pub fn impact(&self, index: usize) -> Result<u8, String> {
        Self::level(self.method.map(|m| &m.impact), index)
    }
}
