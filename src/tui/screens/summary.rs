//! The secretariat-wide monitoring table and progress summary for the round,
//! computed by the report module from the registers on screen (unsaved
//! edits included) and drawn with its Thai-width-aware text renderer.
//! `x` exports it to a file whose extension chooses the format.

use crate::model::RoundId;
use crate::report::Summary;
use crate::report::{Format, RenderOptions, render};
use crate::text::pad;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Modal, Notice};
use crate::tui::cache::Cached;
use crate::tui::keymap::Scope;
use crate::tui::screens::{centered, move_in};
use crate::tui::textedit::TextEdit;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};
use std::cell::Ref;

/// The summary screen's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryView {
    /// The first line shown.
    pub scroll: usize,
    /// Compare the round with the one before it (what turned red, …).
    pub compare: bool,
    /// The summary, kept until a register, the year, the round or the
    /// comparison changes.
    summary: Cached<SummaryKey, Result<Summary, String>>,
}

/// What the summary depends on: the workspace's generation, the year, the
/// round and whether it compares with the round before.
type SummaryKey = (u64, u16, Option<RoundId>, bool);

/// The secretariat-wide summary of the round, from the registers as they
/// are on screen (unsaved edits included), as `riskreg summary` makes it.
pub fn round_summary(app: &App) -> Ref<'_, Result<Summary, String>> {
    let key = (
        app.ws.generation(),
        app.ws.year,
        app.round.clone(),
        app.summary.compare,
    );
    app.summary.summary.get(key, || summarize(app))
}

fn summarize(app: &App) -> Result<Summary, String> {
    // a summary of the registers read so far would look final
    if let Some(why) = app.still_loading() {
        return Err(why.text(app.lang));
    }
    let round = app.round.clone().ok_or("no monitoring round")?;
    let year = crate::model::FiscalYear::new(app.ws.year)?;
    // the round before this one in the methodology, when comparing
    let earlier = app
        .summary
        .compare
        .then(|| {
            let rounds = &app.method()?.rounds;
            let at = rounds.iter().position(|r| r.id == round)?;
            Some(rounds.get(at.checked_sub(1)?)?.id.clone())
        })
        .flatten();
    if app.summary.compare && earlier.is_none() {
        return Err(app
            .lang
            .pick(
                "ไม่มีรอบก่อนหน้าให้เทียบ ([ เลือกรอบ)",
                "no earlier round to compare with ([ picks a round)",
            )
            .into());
    }
    let registers: Vec<crate::model::Register> = app
        .ws
        .entries
        .iter()
        .map(|e| e.register().clone())
        .collect();
    crate::report::summarize_with_methods(
        &app.ws.catalog.bureaus.value,
        &app.ws.catalog.approaches.value,
        &app.ws.catalog.method_values(),
        &registers,
        year,
        &round,
        earlier.as_ref(),
    )
    .map_err(|e| e.to_string())
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Compare => app.summary.compare = !app.summary.compare,
        Action::Export => {
            let name = format!(
                "summary-{}-{}.xlsx",
                app.ws.year,
                app.round
                    .as_ref()
                    .map_or("round".to_string(), ToString::to_string)
            );
            let dir = app.ws.root.parent().unwrap_or(&app.ws.root);
            let path = dir.join(name).display().to_string();
            app.modal = Modal::Export {
                edit: TextEdit::new(&path, false),
                error: None,
            };
        }
        _ => {
            let len = last_scroll(app) + 1;
            move_in(&mut app.summary.scroll, len, action)
        }
    }
    None
}

/// Exports the summary on screen to the path in the export window, in the
/// format its extension names; an unknown extension keeps the window open
/// and says which ones there are.
pub fn commit_export(app: &mut App) -> Option<Effect> {
    let Modal::Export { edit, error } = &mut app.modal else {
        return None;
    };
    let path = std::path::PathBuf::from(edit.text().trim());
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if Format::parse(ext).is_none() {
        *error = Some(format!(
            "{} .txt .md .csv .json .html .xlsx",
            app.lang
                .pick("นามสกุลไฟล์บอกรูปแบบ:", "the extension names the format:")
        ));
        return None;
    }
    app.modal = Modal::None;
    let summary = round_summary(app).clone();
    match summary {
        Ok(summary) => Some(Effect::Export {
            path,
            summary: Box::new(summary),
            lang: app.lang,
        }),
        Err(why) => {
            app.status = Some(Notice::Failed { why });
            None
        }
    }
}

/// The last line the summary may start at and still fill its box, in the
/// terminal as last reported (80×24 until it is): the screen less the
/// title, status and key-bar rows and the box's borders.
pub fn last_scroll(app: &App) -> usize {
    let (w, h) = super::area_size(app);
    let rows = usize::from(h.saturating_sub(2));
    lines(app, w.saturating_sub(2)).map_or(0, |ls| ls.len().saturating_sub(rows))
}

/// The summary as text lines for a width.
pub fn lines(app: &App, width: u16) -> Result<Vec<String>, String> {
    let summary = round_summary(app);
    let summary = summary.as_ref().map_err(Clone::clone)?;
    let opts = RenderOptions {
        lang: app.lang,
        thai_digits: false,
        width: Some(width),
    };
    let bytes = render(summary, Format::Text, &opts).map_err(|e| e.to_string())?;
    let mut out = bars(&summary.progress, app.lang, usize::from(width));
    out.extend(String::from_utf8_lossy(&bytes).lines().map(String::from));
    Ok(out)
}

/// `filled` of `whole` as a bar of `cells`: `█` for the part, `░` for the
/// rest, rounded to the nearest cell in integers.
fn split(filled: i64, whole: i64, cells: usize) -> String {
    let cells_i = i64::try_from(cells).unwrap_or(0);
    let n = if whole <= 0 {
        0
    } else {
        ((filled.clamp(0, whole) * cells_i * 2 + whole) / (whole * 2)) as usize
    };
    format!("{}{}", "█".repeat(n), "░".repeat(cells.saturating_sub(n)))
}

/// The report's chart splits as bars over the table: implementation,
/// budget, and statuses (as letters, so they read without colour).
fn bars(p: &crate::report::Progress, lang: crate::model::Lang, width: usize) -> Vec<String> {
    let cells = width.saturating_sub(34).clamp(8, 40);
    let n = i64::try_from(p.measures).unwrap_or(0);
    let count = |x: u64| i64::try_from(x).unwrap_or(0);
    let pct = |x: Option<crate::report::Percent>| x.map_or("–".to_string(), |x| format!("{x}%"));
    let mut status = String::new();
    for (letter, k) in [('G', p.green), ('Y', p.yellow), ('R', p.red)] {
        let cells_k = if n == 0 {
            0
        } else {
            (count(k) * cells as i64 * 2 + n) / (n * 2)
        };
        status.extend(std::iter::repeat_n(
            letter,
            usize::try_from(cells_k).unwrap_or(0),
        ));
    }
    vec![
        format!(
            "{}{} {}/{} {}",
            pad(lang.pick("แล้วเสร็จ", "completed"), 12),
            split(count(p.completed), n, cells),
            p.completed,
            p.measures,
            pct(p.completed_pct)
        ),
        format!(
            "{}{} {}",
            pad(lang.pick("เบิกจ่าย", "disbursed"), 12),
            split(p.disbursed_satang, p.allocated_satang, cells),
            pct(p.disbursed_pct)
        ),
        format!(
            "{}{} G{} Y{} R{}",
            pad(lang.pick("สถานะ", "status"), 12),
            status,
            p.green,
            p.yellow,
            p.red
        ),
        String::new(),
    ]
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
            // a scroll past what fills the box (a smaller terminal) stops here
            let last = ls.len().saturating_sub(inner.height as usize);
            ls.into_iter()
                .skip(app.summary.scroll.min(last))
                .take(inner.height as usize)
                .map(Line::raw)
                .collect()
        }
        Err(e) => crate::tui::wrap::line(
            &Line::styled(e, app.theme.error()),
            usize::from(inner.width),
            0,
        ),
    };
    f.render_widget(Paragraph::new(body).block(block), area);

    if let Modal::Export { edit, error } = &app.modal {
        let rect = centered(area, area.width.saturating_sub(4), 6);
        f.render_widget(Clear, rect);
        let mut text = vec![Line::raw(edit.text().to_string())];
        let inner_w = usize::from(rect.width.saturating_sub(2));
        if let Some(e) = error {
            let said = Line::styled(format!("✗ {e}"), app.theme.error());
            text.extend(crate::tui::wrap::line(&said, inner_w, 2));
        }
        let block = Block::bordered()
            .title(lang.pick(
                " ส่งออกเป็นไฟล์ (.txt .md .csv .json .html .xlsx) ",
                " Export to file (.txt .md .csv .json .html .xlsx) ",
            ))
            .title_bottom(app.keymap.hint(Scope::ExportPath, lang));
        let inner = block.inner(rect);
        f.render_widget(Paragraph::new(text).block(block), rect);
        let (_, col) = edit.cursor_position();
        f.set_cursor_position((
            inner.x + (col as u16).min(inner.width.saturating_sub(1)),
            inner.y,
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn bars_round_to_the_nearest_cell() {
        // 3 of 15 over 10 cells = 2 cells; 10,075 of 91,200 = 1.1 → 1 cell
        assert_eq!(super::split(3, 15, 10), "██░░░░░░░░");
        assert_eq!(super::split(1_007_500, 9_120_000, 10), "█░░░░░░░░░");
        assert_eq!(super::split(5, 0, 4), "░░░░");
    }

    #[test]
    fn thai_labels_line_the_bars_up_by_display_width() {
        let p = crate::report::Progress {
            measures: 15,
            completed: 3,
            ..Default::default()
        };
        let rows = super::bars(&p, crate::model::Lang::Th, 80);
        // แล้วเสร็จ has two zero-width marks: by characters the bar would sit
        // two columns left of the others
        let at = |row: &str| crate::text::width(&row[..row.find(['█', '░', 'G']).unwrap_or(0)]);
        assert_eq!(at(&rows[0]), 12);
        assert_eq!(at(&rows[1]), 12);
    }
}
