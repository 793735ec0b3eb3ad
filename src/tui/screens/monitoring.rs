//! Monitoring: each measure of the register at the chosen round, with quick
//! keys for its traffic light and implementation status; Enter opens the
//! full form (occurrence, what was done, disbursed, evidence).

use super::{light_span, scroll_offset};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let t = &app.theme;
    let Some(reg) = app.register_value() else {
        f.render_widget(Paragraph::new(lang.pick("ไม่มีทะเบียน", "no register")), area);
        return;
    };
    let rows_ix = app.measure_rows();
    let height = area.height.saturating_sub(3) as usize;
    let offset = scroll_offset(app.monitoring_selected, height);
    let round = app.round.as_ref();
    let rows: Vec<Row> = rows_ix
        .iter()
        .enumerate()
        .skip(offset)
        .take(height.max(1))
        .map(|(pos, &(ri, mi))| {
            let m = &reg.risks[ri].measures[mi];
            let at = round.and_then(|r| m.at_round(r));
            let row = Row::new(vec![
                Cell::from(m.id.to_string()),
                Cell::from(m.title.clone()),
                Cell::from(Line::from(light_span(t, at.map(|x| x.status)))),
                Cell::from(at.map_or("—", |x| x.implementation.short(lang)).to_string()),
                Cell::from(at.map_or_else(|| "—".to_string(), |x| x.disbursed.grouped())),
                Cell::from(m.budget.allocated().grouped()),
            ]);
            if pos == app.monitoring_selected {
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
    ])
    .style(t.title());
    let title = format!(" {} · {} ", reg.bureau, app.round_label());
    let table = Table::new(
        rows,
        [
            Constraint::Length(9),
            Constraint::Min(16),
            Constraint::Length(6),
            Constraint::Length(14),
            Constraint::Length(11),
            Constraint::Length(11),
        ],
    )
    .header(header)
    .block(Block::bordered().title(title));
    f.render_widget(table, area);
}
