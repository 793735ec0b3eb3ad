//! Monitoring: each measure of the register at the chosen round, with quick
//! keys for its traffic light and implementation status; Enter opens the
//! full form (occurrence, what was done, disbursed, evidence).

use super::{light_span, move_in, scroll_offset};
use crate::model::TrafficLight;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect};
use crate::tui::form::{self, Form};
use crate::tui::workspace::Part;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

/// The monitoring screen's cursor, over the rows of `measure_rows`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonitoringView {
    pub selected: usize,
}

/// (risk, measure) index pairs of the register on screen, in order.
pub fn measure_rows(app: &App) -> Vec<(usize, usize)> {
    app.register_value().map_or_else(Vec::new, |r| {
        r.risks
            .iter()
            .enumerate()
            .flat_map(|(ri, risk)| (0..risk.measures.len()).map(move |mi| (ri, mi)))
            .collect()
    })
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let rows = measure_rows(app);
    match action {
        Action::Green => set_light(app, TrafficLight::Green),
        Action::Yellow => set_light(app, TrafficLight::Yellow),
        Action::Red => set_light(app, TrafficLight::Red),
        Action::CycleImplementation => monitoring_change(app, |m| {
            m.implementation = form::next_implementation(&m.implementation)
        }),
        Action::Open => {
            if let (Some(&(risk, measure)), Some(round)) =
                (rows.get(app.monitoring.selected), app.round.clone())
            {
                let target = Form::Monitoring {
                    risk,
                    measure,
                    round,
                };
                super::editor::open(app, target, 0);
            }
        }
        _ => move_in(&mut app.monitoring.selected, rows.len(), action),
    }
    None
}

/// Sets the light of the measure under the cursor at the round.
fn set_light(app: &mut App, light: TrafficLight) {
    monitoring_change(app, |m| {
        m.status = light;
    });
}

/// Changes the monitoring entry of the measure under the cursor at the
/// round, starting one if there is none yet.
fn monitoring_change(app: &mut App, f: impl FnOnce(&mut crate::model::Monitoring)) {
    let rows = measure_rows(app);
    let (Some(&(ri, mi)), Some(round)) = (rows.get(app.monitoring.selected), app.round.clone())
    else {
        return;
    };
    let result = app.mutate(Part::Risk(ri), |reg, _, _| {
        let m = reg
            .risks
            .get_mut(ri)
            .and_then(|r| r.measures.get_mut(mi))
            .ok_or("the measure is gone")?;
        if m.at_round(&round).is_none() {
            m.monitoring
                .push(crate::model::Monitoring::new(round.clone()));
        }
        if let Some(entry) = m.at_round_mut(&round) {
            f(entry);
        }
        Ok(())
    });
    if let Err(e) = result {
        app.status = Some(e);
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let t = &app.theme;
    let Some(reg) = app.register_value() else {
        f.render_widget(Paragraph::new(lang.pick("ไม่มีทะเบียน", "no register")), area);
        return;
    };
    let rows_ix = measure_rows(app);
    let height = area.height.saturating_sub(3) as usize;
    let offset = scroll_offset(app.monitoring.selected, height);
    let round = app.round.as_ref();
    // borrowed for the draw: a register of 2 000 risks is not copied each frame
    let due_held = app.due_of(app.current);
    let nothing_due = super::marks::Due::default();
    let due: &super::marks::Due = due_held.as_deref().unwrap_or(&nothing_due);
    let rows: Vec<Row> = rows_ix
        .iter()
        .enumerate()
        .skip(offset)
        .take(height.max(1))
        .map(|(pos, &(ri, mi))| {
            let m = &reg.risks[ri].measures[mi];
            let at = round.and_then(|r| m.at_round(r));
            let owed = if due.reports.contains_key(&(ri, mi)) {
                super::marks::REPORT
            } else {
                ' '
            };
            let row = Row::new(vec![
                Cell::from(format!("{}{owed}", m.id)),
                Cell::from(m.title.clone()),
                Cell::from(Line::from(light_span(t, at.map(|x| x.status)))),
                Cell::from(at.map_or("—", |x| x.implementation.short(lang)).to_string()),
                Cell::from(at.map_or_else(|| "—".to_string(), |x| x.disbursed.grouped())),
                Cell::from(m.budget.allocated().grouped()),
                Cell::from(super::marks::judged(m, round)),
            ]);
            if pos == app.monitoring.selected {
                row.style(t.selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(vec![
        lang.pick("รหัส", "Id"),
        lang.pick("มาตรการ", "Measure"),
        lang.pick("สถานะ", "Light"),
        lang.pick("การดำเนินการ", "Implementation"),
        lang.pick("เบิกจ่าย", "Disbursed"),
        lang.pick("จัดสรร", "Allocated"),
        lang.pick("ตัวชี้วัด", "Target"),
    ])
    .style(t.title());
    let title = format!(" {} · {} ", reg.bureau, app.round_label());
    let mut legend = super::marks::met_legend(lang);
    if !due.reports.is_empty() {
        legend = format!("{legend}  {}", super::marks::report_legend(lang));
    }
    let table = Table::new(
        rows,
        [
            Constraint::Length(10),
            Constraint::Min(12),
            Constraint::Length(5),
            Constraint::Length(14),
            Constraint::Length(11),
            Constraint::Length(11),
            Constraint::Length(8),
        ],
    )
    .header(header)
    .block(
        Block::bordered()
            .title(title)
            .title_bottom(format!(" {legend} ")),
    );
    f.render_widget(table, area);
}
