//! The secretariat-wide monitoring table and progress summary for the round,
//! computed by the report module from the registers on screen (unsaved
//! edits included) and drawn with its Thai-width-aware text renderer.
//! `x` exports it to a file whose extension chooses the format.

use crate::report::{Format, RenderOptions, render};
use crate::tui::app::{App, Modal};
use crate::tui::screens::centered;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// The summary as text lines for a width.
pub fn lines(app: &App, width: u16) -> Result<Vec<String>, String> {
    let summary = app.summary();
    let summary = summary.as_ref().map_err(Clone::clone)?;
    let opts = RenderOptions {
        lang: app.lang,
        thai_digits: false,
        width: Some(width),
    };
    let bytes = render(summary, Format::Text, &opts).map_err(|e| e.to_string())?;
    Ok(String::from_utf8_lossy(&bytes)
        .lines()
        .map(String::from)
        .collect())
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let block = Block::bordered().title(format!(
        " {} · {} ",
        lang.pick("สรุปผลการติดตาม", "Monitoring summary"),
        app.round_label()
    ));
    let inner = block.inner(area);
    let body: Vec<Line> = match lines(app, inner.width) {
        Ok(ls) => {
            let last = ls.len().saturating_sub(inner.height as usize);
            app.summary_max_scroll.set(last);
            ls.into_iter()
                .skip(app.summary_scroll.min(last))
                .take(inner.height as usize)
                .map(Line::raw)
                .collect()
        }
        Err(e) => vec![Line::styled(e, app.theme.error())],
    };
    f.render_widget(Paragraph::new(body).block(block), area);

    if let Modal::Export { edit, error } = &app.modal {
        let rect = centered(area, area.width.saturating_sub(4), 6);
        f.render_widget(Clear, rect);
        let mut text = vec![Line::raw(edit.text().to_string())];
        if let Some(e) = error {
            text.push(Line::styled(format!("✗ {e}"), app.theme.error()));
        }
        let block = Block::bordered()
            .title(lang.pick(
                " ส่งออกเป็นไฟล์ (.txt .md .csv .json .html .xlsx) ",
                " Export to file (.txt .md .csv .json .html .xlsx) ",
            ))
            .title_bottom(lang.pick(" Enter ส่งออก · Esc ยกเลิก ", " Enter export · Esc cancel "));
        let inner = block.inner(rect);
        f.render_widget(
            Paragraph::new(text).wrap(Wrap { trim: false }).block(block),
            rect,
        );
        let (_, col) = edit.cursor_position();
        f.set_cursor_position((
            inner.x + (col as u16).min(inner.width.saturating_sub(1)),
            inner.y,
        ));
    }
}
