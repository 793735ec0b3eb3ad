//! The register: a bureau's risks in a table, sortable by any column,
//! filtered by band or by a matrix cell, searched with `/` across the Thai
//! and English text of each risk and its measures.

use super::{band_span, light_span, risk_status, scroll_offset};
use crate::method::Methodology;
use crate::model::{Lang, Risk, RoundId};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

pub fn column_names(lang: Lang) -> [&'static str; crate::tui::app::COLUMNS] {
    [
        lang.pick("รหัส", "Id"),
        lang.pick("กระบวนงาน", "Process"),
        lang.pick("โอกาส", "L"),
        lang.pick("ผลฯ", "I"),
        lang.pick("ระดับ", "Band"),
        lang.pick("คุม", "Ctl"),
        lang.pick("คงเหลือ", "Resid"),
        lang.pick("สถานะ", "Status"),
    ]
}

/// Whether a risk matches a search, in either language: its own text, its
/// category's labels and its measures' titles. Case-insensitive for English.
pub fn matches(risk: &Risk, method: Option<&Methodology>, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    let has = |s: &str| s.to_lowercase().contains(&q);
    has(risk.id.as_str())
        || has(&risk.process)
        || has(&risk.description)
        || has(&risk.controls)
        || has(&risk.owner)
        || has(risk.category.as_str())
        || method
            .and_then(|m| m.category(&risk.category))
            .is_some_and(|c| has(&c.label.th) || has(&c.label.en))
        || risk
            .measures
            .iter()
            .any(|m| has(m.id.as_str()) || has(&m.title))
}

fn band_rank(method: Option<&Methodology>, risk: &Risk, residual: bool) -> Option<usize> {
    let m = method?;
    let band = if residual {
        m.residual_band(risk).ok().flatten()?
    } else {
        m.inherent_band(risk).ok()?
    };
    m.band_rank(&band.id)
}

/// The indexes of the risks shown, in display order.
pub fn visible(app: &App) -> Vec<usize> {
    let Some(reg) = app.register_value() else {
        return Vec::new();
    };
    let method = app.method();
    let v = &app.register;
    let mut rows: Vec<usize> = reg
        .risks
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            v.band.as_ref().is_none_or(|b| {
                method
                    .and_then(|m| m.inherent_band(r).ok())
                    .is_some_and(|x| &x.id == b)
            })
        })
        .filter(|(_, r)| {
            v.cell.is_none_or(|(residual, l, i)| {
                let point = if residual {
                    r.residual
                } else {
                    Some(r.inherent)
                };
                point.is_some_and(|p| p.likelihood == l && p.impact == i)
            })
        })
        .filter(|(_, r)| matches(r, method, &v.query))
        .map(|(i, _)| i)
        .collect();
    let round = app.round.as_ref();
    let key = |r: &Risk| -> (Option<usize>, String) {
        match v.sort {
            1 => (None, r.process.clone()),
            2 => (Some(r.inherent.likelihood.into()), String::new()),
            3 => (Some(r.inherent.impact.into()), String::new()),
            4 => (band_rank(method, r, false), String::new()),
            5 => (Some(r.control_quality as usize), String::new()),
            6 => (band_rank(method, r, true), String::new()),
            7 => (risk_status(r, round).map(|s| s as usize), String::new()),
            _ => (None, String::new()),
        }
    };
    if v.sort != 0 {
        rows.sort_by_cached_key(|&i| key(&reg.risks[i]));
    }
    if v.reverse {
        rows.reverse();
    }
    rows
}

fn filter_text(app: &App) -> String {
    let lang = app.lang;
    let v = &app.register;
    let mut parts = Vec::new();
    if let Some(b) = &v.band {
        let label = app
            .method()
            .and_then(|m| m.band(b))
            .map_or_else(|| b.to_string(), |x| x.label.get(lang).to_string());
        parts.push(format!("{} {label}", lang.pick("ระดับ", "band")));
    }
    if let Some((residual, l, i)) = v.cell {
        let which = if residual {
            lang.pick("คงเหลือ", "residual")
        } else {
            lang.pick("ก่อนควบคุม", "inherent")
        };
        parts.push(format!("{which} L{l}×I{i}"));
    }
    parts.join(" · ")
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let t = &app.theme;
    let [head, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    // the selected risk in full beside the table, or under it when narrow
    let [body, detail] = if rest.width >= 110 {
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(rest)
    } else {
        Layout::vertical([Constraint::Min(5), Constraint::Length(7)]).areas(rest)
    };
    let visible = app.visible_risks();
    let total = app.register_value().map_or(0, |r| r.risks.len());
    let mut head_line = vec![Span::styled(
        format!(
            "{} {}/{total}  ",
            lang.pick("ความเสี่ยง", "Risks"),
            visible.len()
        ),
        t.title(),
    )];
    let sort_name = column_names(lang)[app.register.sort];
    head_line.push(Span::raw(format!(
        "{} {sort_name}{}  ",
        lang.pick("เรียง", "sort"),
        if app.register.reverse { " ↓" } else { "" }
    )));
    let filters = filter_text(app);
    if !filters.is_empty() {
        head_line.push(Span::styled(format!("[{filters}]  "), t.key()));
    }
    if let crate::tui::app::Modal::Search(edit) = &app.modal {
        head_line.push(Span::styled(format!("/{}", edit.text()), t.key()));
    } else if !app.register.query.is_empty() {
        head_line.push(Span::raw(format!("/{}", app.register.query)));
    }
    f.render_widget(Paragraph::new(Line::from(head_line)), head);
    if let crate::tui::app::Modal::Search(edit) = &app.modal {
        let before: String = format!("/{}", &edit.text()[..edit.cursor()]);
        let prefix: usize = head_line_width(app, &visible, total, &filters, sort_name);
        let x = head.x + (prefix + unicode_width::UnicodeWidthStr::width(before.as_str())) as u16;
        f.set_cursor_position((x.min(head.right().saturating_sub(1)), head.y));
    }

    let (Some(reg), method) = (app.register_value(), app.method()) else {
        f.render_widget(Paragraph::new(lang.pick("ไม่มีทะเบียน", "no register")), body);
        return;
    };
    let round: Option<&RoundId> = app.round.as_ref();
    let height = body.height.saturating_sub(3) as usize;
    let offset = scroll_offset(app.register.selected, height);
    let rows: Vec<Row> = visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(height.max(1))
        .map(|(pos, &ri)| {
            let r = &reg.risks[ri];
            let inherent = method.and_then(|m| m.inherent_band(r).ok());
            let residual = method.and_then(|m| m.residual_band(r).ok().flatten());
            let row = Row::new(vec![
                Cell::from(r.id.to_string()),
                Cell::from(r.process.clone()),
                Cell::from(r.inherent.likelihood.to_string()),
                Cell::from(r.inherent.impact.to_string()),
                Cell::from(Line::from(band_span(t, inherent))),
                Cell::from(r.control_quality.letter().to_string()),
                Cell::from(Line::from(band_span(t, residual))),
                Cell::from(Line::from(light_span(t, risk_status(r, round)))),
            ]);
            if pos == app.register.selected {
                row.style(t.selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(column_names(lang).to_vec()).style(t.title());
    let approval = app
        .ws
        .entries
        .get(app.current)
        .map(|e| super::changes::approval_text(&e.approval, lang))
        .unwrap_or_default();
    let title = format!(" {} · {} · {approval} ", reg.bureau, app.round_label());
    let table = Table::new(
        rows,
        [
            Constraint::Length(9),
            Constraint::Min(14),
            Constraint::Length(5),
            Constraint::Length(4),
            Constraint::Length(5),
            Constraint::Length(4),
            Constraint::Length(7),
            Constraint::Length(6),
        ],
    )
    .header(header)
    .block(Block::bordered().title(title));
    f.render_widget(table, body);
    let selected = visible
        .get(app.register.selected)
        .and_then(|&ri| reg.risks.get(ri));
    super::detail::draw(f, detail, app, selected);
}

fn head_line_width(
    app: &App,
    visible: &[usize],
    total: usize,
    filters: &str,
    sort_name: &str,
) -> usize {
    use unicode_width::UnicodeWidthStr;
    let lang = app.lang;
    let mut w = format!(
        "{} {}/{total}  ",
        lang.pick("ความเสี่ยง", "Risks"),
        visible.len()
    )
    .width();
    w += format!(
        "{} {sort_name}{}  ",
        lang.pick("เรียง", "sort"),
        if app.register.reverse { " ↓" } else { "" }
    )
    .width();
    if !filters.is_empty() {
        w += format!("[{filters}]  ").width();
    }
    w
}
