//! Draws the whole screen from the state: title line, the screen, a status
//! line, the key bar, and any window on top (help, edit, pick, prompts).

use super::app::{App, Modal};
use super::form;
use super::keymap::{Scope, keys_text};
use super::screens::{self, centered};
use super::wrap;
use crate::tui::app::Screen;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn draw(f: &mut Frame, app: &App) {
    draw_screen(f, app);
    split_sara_am(f.buffer_mut());
}

/// SARA AM (ำ) is one column for Unicode but some terminals (tmux among
/// them) draw it in a column of its own or none, so the screen drifts from
/// what was drawn and leaves ghosts behind. Writing it as NIKHAHIT + SARA AA
/// (ํ + า), which every terminal lays out the same, keeps the columns right;
/// the cell after the cluster is the one the cluster already occupied.
pub fn split_sara_am(buf: &mut ratatui::buffer::Buffer) {
    let width = usize::from(buf.area.width);
    if width == 0 {
        return;
    }
    for row in buf.content.chunks_mut(width) {
        for x in 0..row.len().saturating_sub(1) {
            let sym = row[x].symbol();
            if sym.ends_with('\u{0E33}') && sym.width() >= 2 {
                let head = format!("{}\u{0E4D}", &sym[..sym.len() - '\u{0E33}'.len_utf8()]);
                row[x].set_symbol(&head);
                // a window drawn over the cluster's second cell keeps it
                // (its border, say): the cluster is cut there, as it is seen
                if row[x + 1].symbol().trim().is_empty() {
                    let style = row[x].style();
                    row[x + 1].set_symbol("\u{0E32}").set_style(style);
                }
            }
        }
    }
}

fn draw_screen(f: &mut Frame, app: &App) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let mut msg = format!(
            "terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT}, now {}×{})",
            area.width, area.height
        );
        if app.lang == crate::model::Lang::Th {
            msg = format!("หน้าต่างเล็กเกินไป ต้องการอย่างน้อย {MIN_WIDTH}×{MIN_HEIGHT}\n{msg}");
        }
        // only quitting works at this size: say so, and ask here if it must ask
        msg.push('\n');
        msg.push_str(if app.modal == Modal::ConfirmQuit {
            app.lang.pick(
                "ยังไม่บันทึก ออกและทิ้งการแก้ไข? (y/n)",
                "unsaved changes: quit and drop them? (y/n)",
            )
        } else {
            app.lang.pick(
                "ขยายหน้าต่างเพื่อทำงานต่อ หรือกด q เพื่อออก",
                "enlarge the window to go on, or press q to quit",
            )
        });
        let rows = wrap::lines(msg.lines().map(Line::raw), usize::from(area.width));
        f.render_widget(Paragraph::new(rows), area);
        return;
    }
    // a long message takes the rows it needs (up to 4) rather than being cut
    let status_rows = app.status.as_ref().map_or(Vec::new(), |n| {
        wrap::line(&Line::raw(n.text(app.lang)), usize::from(area.width), 2)
    });
    let status_height = status_rows.len().clamp(1, 4) as u16;
    let [top, body, status, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(status_height),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_title(f, top, app);
    screens::draw(f, body, app);
    if !status_rows.is_empty() {
        let style = app.status.as_ref().map(|n| app.theme.notice(n.level()));
        let lines: Vec<Line> = status_rows
            .into_iter()
            .map(|r| r.style(style.unwrap_or_default()))
            .collect();
        f.render_widget(Paragraph::new(lines), status);
    }
    draw_bar(f, bar, app);
    match &app.modal {
        Modal::None | Modal::Search(_) | Modal::Export { .. } => {}
        Modal::Help => draw_help(f, body, app),
        Modal::CommitMessage { edit, error } => {
            let title = app.lang.pick("ข้อความของ commit", "Commit message");
            draw_text_window(f, body, app, title, edit, error.as_deref());
        }
        Modal::Edit { field, edit, error } => {
            let title = form::label(*field, app.lang);
            draw_text_window(f, body, app, &title, edit, error.as_deref());
        }
        Modal::Pick {
            field,
            options,
            selected,
            error,
        } => {
            let title = form::label(*field, app.lang);
            let w = options
                .iter()
                .map(|o| o.width())
                .max()
                .unwrap_or(10)
                .max(title.width()) as u16
                + 6;
            let h = (options.len() as u16 + 2 + u16::from(error.is_some())).min(body.height);
            let rect = centered(body, w.min(body.width), h);
            f.render_widget(Clear, rect);
            let mut lines: Vec<Line> = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let marker = if i == *selected { "▶ " } else { "  " };
                    let line = Line::raw(format!("{marker}{o}"));
                    if i == *selected {
                        line.style(app.theme.selected())
                    } else {
                        line
                    }
                })
                .collect();
            if let Some(e) = error {
                lines.push(Line::styled(format!("✗ {e}"), app.theme.error()));
            }
            f.render_widget(
                Paragraph::new(lines).block(Block::bordered().title(format!(" {title} "))),
                rect,
            );
        }
        Modal::ConfirmQuit => {
            let names: Vec<&str> = app
                .ws
                .entries
                .iter()
                .filter(|e| e.dirty)
                .map(|e| e.code())
                .collect();
            let text = format!(
                "{} {}. {}",
                app.lang.pick("ยังไม่บันทึก:", "Unsaved changes in"),
                names.join(", "),
                app.lang.pick("ออกและทิ้งการแก้ไข?", "Quit and drop them?")
            );
            prompt(f, body, app, Scope::ConfirmQuit, &text);
        }
        Modal::Conflict(key) => {
            let path = key.path().display().to_string();
            let text = format!(
                "{path}: {}",
                app.lang.pick(
                    "ไฟล์ถูกแก้ไขบนดิสก์หลังจากที่เปิดมา การบันทึกทับจะทำให้งานนั้นหาย",
                    "the file changed on disk since it was loaded; saving over it would lose that work."
                )
            );
            prompt(f, body, app, Scope::Conflict, &text);
        }
        Modal::Merge(m) => draw_merge(f, body, app, m),
        Modal::ConfirmDeleteIndicator {
            risk,
            measure,
            indicator,
            rounds,
        } => {
            let (m, ind) = app
                .register_value()
                .and_then(|r| r.risks.get(*risk)?.measures.get(*measure))
                .and_then(|m| Some((m.id.to_string(), m.indicators.get(*indicator)?)))
                .map_or_else(Default::default, |(m, i)| (m, i.id.to_string()));
            let text = match app.lang {
                crate::model::Lang::Th => format!(
                    "ตัวชี้วัด {ind} ของมาตรการ {m} มีผลที่บันทึกไว้ใน {rounds} รอบการติดตาม ลบตัวชี้วัดและผลเหล่านั้น?"
                ),
                crate::model::Lang::En => format!(
                    "Indicator {ind} of measure {m} has results recorded in {rounds} monitoring round(s). Delete it and those results?"
                ),
            };
            prompt(f, body, app, Scope::ConfirmDelete, &text);
        }
    }
}

/// A field both I and the version on disk changed: each side's change, and
/// the keys that choose one.
fn draw_merge(f: &mut Frame, area: Rect, app: &App, m: &crate::tui::app::merge::Merging) {
    let lang = app.lang;
    let (theirs, mine) = m.words.get(m.at).cloned().unwrap_or_default();
    let mut lines = vec![Line::raw(lang.pick(
        "ทั้งฉบับบนดิสก์และคุณแก้ไขช่องเดียวกัน เลือกว่าจะใช้ของใคร:",
        "The version on disk and you both changed the same field; choose one:",
    ))];
    lines.push(Line::styled(
        lang.pick("ฉบับบนดิสก์ (t):", "On disk (t):"),
        app.theme.key(),
    ));
    lines.extend(theirs.iter().map(|l| Line::raw(format!("  {l}"))));
    lines.push(Line::styled(
        lang.pick("ของคุณ (m):", "Yours (m):"),
        app.theme.key(),
    ));
    lines.extend(mine.iter().map(|l| Line::raw(format!("  {l}"))));
    lines.push(Line::raw(""));
    lines.push(Line::from(
        app.keymap
            .help(Scope::Merge)
            .iter()
            .flat_map(|b| {
                [
                    Span::styled(keys_text(b), app.theme.key()),
                    Span::raw(format!(" {}   ", b.action.label(lang))),
                ]
            })
            .collect::<Vec<_>>(),
    ));
    let width = area.width.saturating_sub(4).max(20);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let lines: Vec<Line> = lines.iter().flat_map(|l| wrap::line(l, inner, 2)).collect();
    let rect = centered(area, width, (lines.len() as u16 + 2).min(area.height));
    let title = format!(
        " {} {}/{} ",
        lang.pick("รวมการแก้ไข", "Merge"),
        m.at + 1,
        m.merged.conflicts.len()
    );
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title)),
        rect,
    );
}

fn prompt(f: &mut Frame, area: Rect, app: &App, scope: Scope, text: &str) {
    let choices: Vec<Span> = app
        .keymap
        .help(scope)
        .iter()
        .flat_map(|b| {
            [
                Span::styled(keys_text(b), app.theme.key()),
                Span::raw(format!(" {}   ", b.action.label(app.lang))),
            ]
        })
        .collect();
    let width = area.width.min(76);
    let lines = wrap::lines(
        [Line::raw(text), Line::raw(""), Line::from(choices)],
        usize::from(width.saturating_sub(2)),
    );
    let rect = centered(area, width, (lines.len() as u16 + 2).max(7));
    f.render_widget(Clear, rect);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(app.lang.pick(" ยืนยัน ", " Confirm "))),
        rect,
    );
}

fn draw_title(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let mut spans = vec![
        Span::styled(" riskreg ", app.theme.title()),
        Span::raw(format!("· {} {} ", lang.pick("ปีงบ", "FY"), app.ws.year)),
    ];
    if !matches!(app.screen, Screen::Overview | Screen::Summary)
        && let Some(e) = app.ws.entries.get(app.current)
    {
        let name = app
            .ws
            .bureau(e.code())
            .map(|b| b.name.get(lang).to_string())
            .unwrap_or_default();
        spans.push(Span::raw(format!("· {} {name} ", e.code())));
        if e.dirty {
            spans.push(Span::styled(
                lang.pick("[ยังไม่บันทึก] ", "[unsaved] "),
                app.theme.key(),
            ));
        }
    }
    spans.push(Span::styled(
        format!("· {}", app.screen.title(lang)),
        app.theme.title(),
    ));
    if let Some(progress) = app.loading_text() {
        spans.push(Span::styled(format!("  · {progress}"), app.theme.key()));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_bar(f: &mut Frame, area: Rect, app: &App) {
    let mut spans = Vec::new();
    for b in app.keymap.bar(app.scope()) {
        let key = b.keys.first().map(ToString::to_string).unwrap_or_default();
        spans.push(Span::styled(key, app.theme.key()));
        spans.push(Span::raw(format!(" {}  ", b.action.bar_label(app.lang))));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The help window: every binding of the screen, then the global ones; in
/// two columns when one does not fit the height.
fn draw_help(f: &mut Frame, area: Rect, app: &App) {
    let lines = help_lines(app, app.screen.scope());
    // each binding's lines, wrapped under its words rather than its keys
    let wrapped = |width: u16| -> Vec<Vec<Line<'static>>> {
        let width = usize::from(width.saturating_sub(2));
        lines
            .iter()
            .map(|l| wrap::line(&Line::raw(l.as_str()), width, HELP_KEYS + 1))
            .collect()
    };
    let one = wrapped(64.min(area.width));
    let rows: usize = one.iter().map(Vec::len).sum();
    let fits = rows as u16 + 2 <= area.height;
    let (columns, entries) = if fits {
        (1, one)
    } else {
        (2, wrapped(area.width / 2 + 1))
    };
    let total: usize = entries.iter().map(Vec::len).sum();
    // the first column takes whole entries up to half the rows
    let mut split = vec![Vec::new(), Vec::new()];
    let mut used = 0;
    for entry in entries {
        let col = usize::from(columns == 2 && used >= total.div_ceil(2));
        used += entry.len();
        split[col].extend(entry);
    }
    let height = split.iter().map(Vec::len).max().unwrap_or(0) as u16 + 2;
    let rect = if fits {
        centered(area, 64, height)
    } else {
        centered(area, area.width, height)
    };
    f.render_widget(Clear, rect);
    let title = format!(
        " {} — {} ",
        app.lang.pick("วิธีใช้", "Help"),
        app.screen.title(app.lang)
    );
    // the rule of crate::text::kedmanee, where every key is explained
    let layout = app.lang.pick(
        " แป้นพิมพ์ไทย: ปุ่มคำสั่งใช้ตามตำแหน่ง (ๆ = q) ",
        " Thai keyboard: keys work by their place (ๆ = q) ",
    );
    let block = Block::bordered().title(title).title_bottom(layout);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let cols = Layout::horizontal(vec![Constraint::Ratio(1, columns as u32); columns]).split(inner);
    for (text, col) in split.into_iter().zip(cols.iter()) {
        f.render_widget(Paragraph::new(text), *col);
    }
}

/// The width of the keys column of the help.
const HELP_KEYS: usize = 13;

/// One line per binding: keys, then what they do.
pub fn help_lines(app: &App, scope: Scope) -> Vec<String> {
    app.keymap
        .help(scope)
        .iter()
        .map(|b| {
            let keys = keys_text(b);
            let pad = HELP_KEYS.saturating_sub(keys.width());
            format!("{keys}{} {}", " ".repeat(pad), b.action.label(app.lang))
        })
        .collect()
}

/// A text box over the screen: the value (reversed while selected, so
/// typing replaces it), what was wrong with it, and the keys at its foot.
fn draw_text_window(
    f: &mut Frame,
    body: Rect,
    app: &App,
    title: &str,
    edit: &super::textedit::TextEdit,
    error: Option<&str>,
) {
    let rect_w = body.width.saturating_sub(4);
    let inner_w = rect_w.saturating_sub(2) as usize;
    let (rows, (line, col)) = edit.layout(inner_w.saturating_sub(1));
    // a selected value shows reversed: typing replaces it
    let style = if edit.is_selected() {
        app.theme.selected()
    } else {
        ratatui::style::Style::default()
    };
    let mut all: Vec<Line> = rows.into_iter().map(|r| Line::styled(r, style)).collect();
    let text_rows = all.len();
    let error_rows = error.map_or(Vec::new(), |e| {
        let said = Line::styled(format!("✗ {e}"), app.theme.error());
        wrap::line(&said, inner_w, 2)
    });
    let error_height = error_rows.len();
    all.extend(error_rows);
    let h = (all.len() as u16 + 3).clamp(5, body.height);
    let rect = centered(body, rect_w, h);
    f.render_widget(Clear, rect);
    let hint = app.keymap.hint(edit.scope(), app.lang);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .title_bottom(hint);
    let inner = block.inner(rect);
    let visible = inner.height.saturating_sub(error_height as u16).max(1) as usize;
    let scroll = (line + 1).saturating_sub(visible).min(text_rows) as u16;
    f.render_widget(Paragraph::new(all).block(block).scroll((scroll, 0)), rect);
    let x = inner.x + (col as u16).min(inner.width.saturating_sub(1));
    let y = inner.y + (line as u16).saturating_sub(scroll);
    f.set_cursor_position((x, y.min(inner.bottom().saturating_sub(1))));
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;

    /// Seen at 120×40: the edit window's corner, drawn over the second
    /// cell of สำ (in สำนักร่วม), was replaced by the split's า.
    #[test]
    fn sara_am_is_drawn_in_its_two_cells_unless_a_window_covers_the_second() {
        let mut buf = Buffer::with_lines(["สำนัก"]);
        split_sara_am(&mut buf);
        assert_eq!(
            (buf[(0, 0)].symbol(), buf[(1, 0)].symbol()),
            ("ส\u{0E4D}", "\u{0E32}")
        );
        let mut buf = Buffer::with_lines(["สำนัก"]);
        buf[(1, 0)].set_symbol("└");
        split_sara_am(&mut buf);
        assert_eq!(
            (buf[(0, 0)].symbol(), buf[(1, 0)].symbol()),
            ("ส\u{0E4D}", "└")
        );
    }
}
