//! Adding and deleting the indicators of a measure in the risk editor. A
//! deleted indicator takes its recorded results with it (a result of an
//! indicator that no longer exists would make the register invalid), so
//! deleting one that has results asks first.

use super::{clamp_cursor, cursor_to, measure_of_pane};
use crate::model::Register;
use crate::tui::app::{App, Modal, Notice};
use crate::tui::form::{Field, Form};
use crate::tui::workspace::Part;

/// Adds an indicator to the measure whose pane the cursor is in
/// (pane 1 + index) and moves to its name.
pub(super) fn add(app: &mut App, pane: usize) {
    let Some((ri, mi)) = measure_of_pane(app, pane, Notice::MoveToMeasureToAddIndicator) else {
        return;
    };
    let mut id = String::new();
    let result = app.mutate(Part::Risk(ri), |reg, _, _| {
        let m = measure_mut(reg, ri, mi)?;
        let ind = crate::model::blank::indicator(m)?;
        id = format!("{} {}", m.id, ind.id);
        m.indicators.push(ind);
        Ok(())
    });
    if app.report_added(result, &id) {
        let k = app
            .editor_risk()
            .and_then(|r| r.measures.get(mi))
            .map_or(0, |m| m.indicators.len().saturating_sub(1));
        cursor_to(app, Field::IndicatorName(mi, k));
    }
}

/// Deletes indicator `k` of measure `mi` of the risk in the editor; when
/// results were recorded for it, asks first.
pub(super) fn ask_delete(app: &mut App, mi: usize, k: usize) {
    let Some(Form::Risk(ri)) = app.editor.target.clone() else {
        return;
    };
    let Some(m) = app.editor_risk().and_then(|r| r.measures.get(mi)) else {
        return;
    };
    let Some(ind) = m.indicators.get(k) else {
        return;
    };
    let rounds = rounds_with_results(m, &ind.id);
    if rounds == 0 {
        delete(app, ri, mi, k);
    } else {
        app.modal = Modal::ConfirmDeleteIndicator {
            risk: ri,
            measure: mi,
            indicator: k,
            rounds,
        };
    }
}

/// Removes the indicator and every result recorded for it.
pub fn delete(app: &mut App, ri: usize, mi: usize, k: usize) {
    let mut id = String::new();
    let result = app.mutate(Part::Risk(ri), |reg, _, _| {
        let m = measure_mut(reg, ri, mi)?;
        if k >= m.indicators.len() {
            return Err("the indicator is gone".into());
        }
        let gone = m.indicators.remove(k).id;
        for entry in &mut m.monitoring {
            entry.results.retain(|r| r.indicator != gone);
        }
        id = format!("{} {gone}", m.id);
        Ok(())
    });
    app.report(result, Notice::Deleted { id });
    clamp_cursor(app);
}

/// How many monitoring rounds of a measure hold a result for an indicator.
pub fn rounds_with_results(m: &crate::model::Measure, id: &crate::model::IndicatorId) -> usize {
    m.monitoring
        .iter()
        .filter(|e| e.results.iter().any(|r| &r.indicator == id))
        .count()
}

fn measure_mut(
    reg: &mut Register,
    ri: usize,
    mi: usize,
) -> Result<&mut crate::model::Measure, String> {
    reg.risks
        .get_mut(ri)
        .and_then(|r| r.measures.get_mut(mi))
        .ok_or_else(|| "the measure is gone".into())
}
