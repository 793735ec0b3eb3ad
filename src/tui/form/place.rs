//! Where a field's value sits in the register file, as the validator names
//! the place of each finding, so findings can be shown beside their field.

use super::spot::Spot;
use super::table::Place;
use super::*;

/// The logical path of a field in the register file (`risks[0].inherent.likelihood`),
/// as the validator names the place of each finding.
pub fn path(field: Field, form: &Form, register: &Register) -> Option<String> {
    let at = Spot::of(field, form);
    let (mi, k) = (at.measure, at.item);
    match (field.spec().place, form) {
        (Place::Header(p), Form::Header) => Some(p.to_string()),
        (Place::Risk(p), Form::Risk(ri)) => Some(format!("risks[{ri}].{p}")),
        (Place::Measure(p), Form::Risk(ri)) => Some(format!("risks[{ri}].measures[{mi}].{p}")),
        (Place::Indicator(p), Form::Risk(ri)) => {
            Some(format!("risks[{ri}].measures[{mi}].indicators[{k}].{p}"))
        }
        (Place::Entry(p), Form::Monitoring { .. }) => {
            Some(format!("{}.{p}", entry_path(form, register)?))
        }
        (Place::Result, Form::Monitoring { .. }) => {
            let id = &at.indicator(register)?.id;
            let j = at
                .entry(register)?
                .results
                .iter()
                .position(|r| &r.indicator == id)?;
            Some(format!("{}.results[{j}]", entry_path(form, register)?))
        }
        _ => None,
    }
}

/// The path of a monitoring form's entry (`risks[0].measures[1].monitoring[2]`).
fn entry_path(form: &Form, register: &Register) -> Option<String> {
    let (risk, measure, round) = form.monitoring()?;
    let e = register
        .risks
        .get(risk)?
        .measures
        .get(measure)?
        .monitoring
        .iter()
        .position(|x| &x.round == round)?;
    Some(format!("risks[{risk}].measures[{measure}].monitoring[{e}]"))
}

/// The logical path of the whole form (`risks[0]`, or its monitoring entry).
pub fn target_path(form: &Form, register: &Register) -> Option<String> {
    match form {
        Form::Risk(ri) => Some(format!("risks[{ri}]")),
        // the header's fields are spread over the top of the file
        Form::Header => None,
        Form::Monitoring { .. } => entry_path(form, register),
    }
}

/// Whether a finding at `finding` belongs to the value at `at` or inside it.
pub fn is_under(finding: &str, at: &str) -> bool {
    finding == at
        || finding
            .strip_prefix(at)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}
