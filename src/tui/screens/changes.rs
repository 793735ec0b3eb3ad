//! The changes of the bureau on screen against git HEAD, as the semantic
//! diff of the audit module describes them (saved changes only: what is in
//! the file), with the register's approval state on top.

use super::move_in;
use crate::audit::ApprovalState;
use crate::text::wrap::wrap;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// The Changes screen's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangesView {
    /// The file's changes against git HEAD, or why there are none (the
    /// unsaved edits are computed as it is drawn).
    pub list: Result<Vec<crate::audit::Change>, crate::model::Label>,
    pub scroll: usize,
}

impl Default for ChangesView {
    fn default() -> ChangesView {
        ChangesView {
            list: Ok(Vec::new()),
            scroll: 0,
        }
    }
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let len = last_scroll(app) + 1;
    move_in(&mut app.changes.scroll, len, action);
    None
}

/// The first row the list may start at and still fill its box: its rows
/// as drawn at the width of the screen last reported, less the box's
/// height (the screen less the approval line and the borders).
pub fn last_scroll(app: &App) -> usize {
    let (w, h) = super::area_size(app);
    let rows = usize::from(h.saturating_sub(3));
    lines(app, usize::from(w.saturating_sub(2)))
        .len()
        .saturating_sub(rows)
}

/// The approval state in words.
pub fn approval_text(state: &ApprovalState, lang: crate::model::Lang) -> String {
    match state {
        ApprovalState::NotApproved => lang.pick("ยังไม่อนุมัติ", "not approved").into(),
        ApprovalState::Approved(a) => format!(
            "{} {} ({}) {}",
            lang.pick("✓ อนุมัติโดย", "✓ approved by"),
            a.name,
            a.position,
            a.date.written(lang)
        ),
        ApprovalState::ChangedSinceApproval { approval: a } => format!(
            "{} {} {}",
            lang.pick("≠ แก้ไขหลังอนุมัติโดย", "≠ changed since approved by"),
            a.name,
            a.date.written(lang)
        ),
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    if let Some(e) = app.ws.entries.get(app.current) {
        f.render_widget(Paragraph::new(approval_text(&e.approval, lang)), head);
    }
    let height = body.height.saturating_sub(2) as usize;
    let all = lines(app, body.width.saturating_sub(2) as usize);
    let skip = app.changes.scroll.min(all.len().saturating_sub(height));
    let shown: Vec<Line> = all.into_iter().skip(skip).take(height).collect();
    f.render_widget(
        Paragraph::new(shown).block(
            Block::bordered()
                .title(lang.pick(" การเปลี่ยนแปลงเทียบกับ HEAD ", " Changes against HEAD ")),
        ),
        body,
    );
}

/// The list's rows at a width: the unsaved changes (when there are), then
/// the saved ones against HEAD, each change whole, wrapped under its first
/// row, never cut at the edge.
fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let t = &app.theme;
    let said = |c: &crate::audit::Change, indent: usize| -> Vec<Line<'static>> {
        wrap(
            &crate::audit::render::line(c, lang),
            width.saturating_sub(indent + 2),
        )
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let pad = if i == 0 { indent } else { indent + 2 };
            Line::raw(format!("{}{row}", " ".repeat(pad)))
        })
        .collect()
    };
    let mut all: Vec<Line> = Vec::new();
    let unsaved = app.unsaved_changes();
    if !unsaved.is_empty() {
        all.push(Line::styled(
            lang.pick("ยังไม่บันทึก (Ctrl-S):", "Not saved yet (Ctrl-S):"),
            t.key(),
        ));
        all.extend(unsaved.iter().flat_map(|c| said(c, 2)));
        all.push(Line::styled(
            lang.pick("บันทึกแล้ว ยังไม่ commit:", "Saved, not committed:"),
            t.title(),
        ));
    }
    match &app.changes.list {
        Err(e) => all.extend(
            wrap(e.get(lang), width)
                .into_iter()
                .map(|row| Line::styled(row, t.error())),
        ),
        Ok(cs) if cs.is_empty() => all.push(Line::raw(lang.pick(
            "ไม่มีการเปลี่ยนแปลงจาก commit ล่าสุด",
            "no changes since the last commit",
        ))),
        Ok(cs) => all.extend(cs.iter().flat_map(|c| said(c, 0))),
    }
    all
}
