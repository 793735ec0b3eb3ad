//! The history of one risk or measure: the commits that changed it, newest
//! first, each with who, when and what in domain terms — what
//! `riskreg log --risk`/`--measure` prints. `v` on the register (the risk
//! under the cursor) or in the editor (the measure the cursor is in, else
//! the risk) opens it.

use super::move_in;
use crate::audit::{LogEntry, LogTarget};
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Screen};
use crate::tui::form::{self, Form};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// The History screen's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HistoryView {
    /// Whose history; `None` before any was asked for.
    pub target: Option<LogTarget>,
    /// The commits, or why they could not be read; `None` while reading.
    pub list: Option<Result<Vec<LogEntry>, crate::model::Label>>,
    pub scroll: usize,
}

/// The risk or measure `v` asks about on the screen on show.
fn target(app: &App) -> Option<LogTarget> {
    let reg = app.register_value()?;
    match app.screen {
        Screen::Register => {
            let ri = *super::register::visible_risks(app).get(app.register.selected)?;
            Some(LogTarget::Risk(reg.risks.get(ri)?.id.to_string()))
        }
        Screen::Editor => match app.editor.target.as_ref()? {
            Form::Risk(ri) => {
                let risk = reg.risks.get(*ri)?;
                // pane 0 is the risk itself, pane 1 + n its n-th measure
                let pane = app
                    .form_fields()
                    .get(app.editor.cursor)
                    .map_or(0, |f| form::pane(*f));
                Some(
                    match pane.checked_sub(1).and_then(|m| risk.measures.get(m)) {
                        Some(m) => LogTarget::Measure(m.id.to_string()),
                        None => LogTarget::Risk(risk.id.to_string()),
                    },
                )
            }
            Form::Monitoring { risk, measure, .. } => Some(LogTarget::Measure(
                reg.risks.get(*risk)?.measures.get(*measure)?.id.to_string(),
            )),
            Form::Header => None,
        },
        _ => None,
    }
}

/// `v`: opens the history of the risk or measure in hand.
pub fn open(app: &mut App) -> Option<Effect> {
    let Some(target) = target(app) else {
        app.status = Some(crate::tui::notice::Notice::MoveToRiskOrMeasure);
        return None;
    };
    app.history = HistoryView {
        target: Some(target.clone()),
        list: None,
        scroll: 0,
    };
    app.go(Screen::History);
    Some(Effect::LoadHistory(target))
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let len = lines(app, 78).len();
    move_in(&mut app.history.scroll, len, action);
    None
}

fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let t = &app.theme;
    let mut out: Vec<Line> = Vec::new();
    let mut push = |s: &str, indent: usize, style| {
        out.extend(super::hanging(s, width, indent, style));
    };
    match &app.history.list {
        None => push(
            lang.pick("กำลังอ่านประวัติ…", "reading the history…"),
            0,
            t.dim(),
        ),
        Some(Err(e)) => push(e.get(lang), 0, t.error()),
        Some(Ok(list)) if list.is_empty() => push(
            lang.pick(
                "ยังไม่มี commit ใดแก้ไขรายการนี้ (การแก้ไขที่ยังไม่ commit ดูได้ที่หน้าการเปลี่ยนแปลง)",
                "no commit has changed it yet (changes not committed are on the Changes screen)",
            ),
            0,
            t.dim(),
        ),
        Some(Ok(list)) => {
            for e in list {
                let c = &e.commit;
                push(
                    &format!(
                        "{} {} {}: {}",
                        crate::audit::history::commit_date(c, lang),
                        &c.id[..c.id.len().min(7)],
                        c.author,
                        c.subject
                    ),
                    0,
                    t.title(),
                );
                for change in &e.changes {
                    push(
                        &crate::audit::render::line(change, lang),
                        2,
                        Default::default(),
                    );
                }
            }
        }
    }
    out
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let width = area.width.saturating_sub(2) as usize;
    let height = area.height.saturating_sub(2) as usize;
    let all = lines(app, width);
    let skip = app.history.scroll.min(all.len().saturating_sub(height));
    let shown: Vec<Line> = all.into_iter().skip(skip).take(height).collect();
    let whose = match &app.history.target {
        Some(LogTarget::Risk(id)) => format!("{} {id}", lang.pick("ความเสี่ยง", "risk")),
        Some(LogTarget::Measure(id)) => format!("{} {id}", lang.pick("มาตรการ", "measure")),
        _ => String::new(),
    };
    let title = format!(" {} {whose} ", lang.pick("ประวัติการแก้ไขของ", "History of"));
    f.render_widget(
        Paragraph::new(shown).block(Block::bordered().title(title)),
        area,
    );
}
