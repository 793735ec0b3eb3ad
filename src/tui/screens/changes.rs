//! The changes of the bureau on screen against git HEAD, as the semantic
//! diff of the audit module describes them (saved changes only: what is in
//! the file), with the register's approval state on top.

use crate::audit::ApprovalState;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// The approval state in words.
pub fn approval_text(state: &ApprovalState, lang: crate::model::Lang) -> String {
    match state {
        ApprovalState::NotApproved => lang.pick("ยังไม่อนุมัติ", "not approved").into(),
        ApprovalState::Approved(a) => format!(
            "{} {} ({}) {}",
            lang.pick("✓ อนุมัติโดย", "✓ approved by"),
            a.name,
            a.position,
            a.date
        ),
        ApprovalState::ChangedSinceApproval { approval: a } => format!(
            "{} {} {}",
            lang.pick("≠ แก้ไขหลังอนุมัติโดย", "≠ changed since approved by"),
            a.name,
            a.date
        ),
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let t = &app.theme;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    if let Some(e) = app.ws.entries.get(app.current) {
        let mut text = approval_text(&e.approval, lang);
        if e.dirty {
            text.push_str(lang.pick(
                "  · การแก้ไขที่ยังไม่บันทึกจะแสดงหลังบันทึก",
                "  · unsaved edits show here once saved",
            ));
        }
        f.render_widget(Paragraph::new(text), head);
    }
    let height = body.height.saturating_sub(2) as usize;
    let lines: Vec<Line> = match &app.changes {
        Err(e) => vec![Line::styled(e.clone(), t.error())],
        Ok(cs) if cs.is_empty() => vec![Line::raw(lang.pick(
            "ไม่มีการเปลี่ยนแปลงจาก commit ล่าสุด",
            "no changes since the last commit",
        ))],
        Ok(cs) => cs
            .iter()
            .skip(app.changes_scroll.min(cs.len().saturating_sub(1)))
            .take(height)
            .map(|c| Line::raw(c.clone()))
            .collect(),
    };
    f.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(lang.pick(" การเปลี่ยนแปลงเทียบกับ HEAD ", " Changes against HEAD ")),
        ),
        body,
    );
}
