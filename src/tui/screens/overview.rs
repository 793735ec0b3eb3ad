//! The overview: one row per bureau for the fiscal year, with its risks by
//! band, its measures by status at the round, budget disbursed, and marks
//! for unsaved edits, files changed on disk and uncommitted git changes.
//! Enter opens a bureau's register, `n` creates one, `[` `]` change year.

use super::{band_counts, move_in, scroll_offset};
use crate::model::{Money, TrafficLight};
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Notice};
use crate::tui::keymap::{Scope, keys_text};
use crate::tui::workspace::Entry;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};
use unicode_width::UnicodeWidthStr;

/// The overview's cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OverviewView {
    pub selected: usize,
}

/// The overview's rows: the bureaus of the list, then registers of bureaus
/// not on it; each with its entry if a register was loaded.
pub fn rows(app: &App) -> Vec<(String, Option<usize>)> {
    // by code, first entry first, as `entry_of` finds them: a national
    // body's thousand bureaus would make a search per row quadratic
    let mut by_code: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::with_capacity(app.ws.entries.len());
    for (i, e) in app.ws.entries.iter().enumerate() {
        by_code.entry(e.code()).or_insert(i);
    }
    let mut listed = vec![false; app.ws.entries.len()];
    let mut rows: Vec<(String, Option<usize>)> = app
        .ws
        .catalog
        .bureaus
        .value
        .bureaus
        .iter()
        .map(|b| {
            let entry = by_code.get(b.code.as_str()).copied();
            if let Some(i) = entry {
                listed[i] = true;
            }
            (b.code.to_string(), entry)
        })
        .collect();
    for (i, e) in app.ws.entries.iter().enumerate() {
        if !listed[i] {
            rows.push((e.code().to_string(), Some(i)));
        }
    }
    rows
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let rows = rows(app);
    let row = rows.get(app.overview.selected);
    match action {
        // the bureau's file may be among those not read yet, and a new
        // register's ids follow the whole year's
        Action::NewRegister if app.ws.loading.is_some() => app.status = app.still_loading(),
        Action::NewRegister => match row {
            Some((code, None)) => return Some(Effect::CreateRegister(code.clone())),
            _ => app.status = Some(Notice::HasRegister),
        },
        Action::NextYear => return step_year(app, true),
        Action::PrevYear => return step_year(app, false),
        Action::Open => {
            if let Some((_, Some(entry))) = row {
                app.current = *entry;
                app.open_register();
            } else if let Some(e) = row.and_then(|(code, _)| app.ws.error_of(code)) {
                app.status = Some(Notice::Unreadable(e.clone()));
            } else if row.is_some_and(|(code, _)| app.ws.pending(code)) {
                app.status = app.still_loading();
            } else {
                app.status = Some(Notice::NoRegisterThisYear);
            }
        }
        _ => move_in(&mut app.overview.selected, rows.len(), action),
    }
    None
}

/// The fiscal year after or before the one on show, once nothing is unsaved.
fn step_year(app: &mut App, forward: bool) -> Option<Effect> {
    let years = &app.ws.years;
    let now = years.iter().position(|y| *y == app.ws.year)?;
    let next = if forward {
        years.get(now + 1)
    } else {
        now.checked_sub(1).and_then(|p| years.get(p))
    }?;
    if app.ws.any_dirty() {
        app.status = Some(Notice::SaveBeforeYearChange);
        return None;
    }
    Some(Effect::LoadYear(*next))
}

/// Measures by status at a round: green, yellow, red, not reported.
pub fn status_counts(entry: &Entry, round: Option<&crate::model::RoundId>) -> [usize; 4] {
    let mut c = [0; 4];
    for (_, m) in entry.register().measures() {
        match round.and_then(|r| m.at_round(r)).map(|x| x.status) {
            Some(TrafficLight::Green) => c[0] += 1,
            Some(TrafficLight::Yellow) => c[1] += 1,
            Some(TrafficLight::Red) => c[2] += 1,
            None => c[3] += 1,
        }
    }
    c
}

/// Disbursed at the round over allocated, in satang; `None` when nothing was allocated.
pub fn disbursed(entry: &Entry, round: Option<&crate::model::RoundId>) -> (Money, Money) {
    let mut allocated = Money::ZERO;
    let mut paid = Money::ZERO;
    for (_, m) in entry.register().measures() {
        allocated = allocated
            .checked_add(m.budget.allocated())
            .unwrap_or(allocated);
        if let Some(x) = round.and_then(|r| m.at_round(r)) {
            paid = paid.checked_add(x.disbursed).unwrap_or(paid);
        }
    }
    (paid, allocated)
}

/// The share disbursed, by the one rounding rule of every percentage
/// (`report::Percent`: two decimals, half away from zero, see docs/summary.md).
pub fn percent(part: Money, whole: Money) -> String {
    if whole.satang() <= 0 {
        return "—".into();
    }
    crate::report::Percent::of(part.satang(), whole.satang())
        .map_or_else(|| "—".into(), |p| format!("{p}%"))
}

/// The marks of an entry: `*` unsaved, `!` changed on disk, `+` uncommitted,
/// then the approval: `✓` approved, `≠` changed since approval.
pub fn marks(entry: &Entry) -> String {
    let mut s = String::new();
    s.push(if entry.dirty { '*' } else { ' ' });
    s.push(if entry.changed_on_disk { '!' } else { ' ' });
    s.push(if entry.uncommitted { '+' } else { ' ' });
    s.push(entry.approval_mark());
    s
}

/// What a bureau without a register shows: the key that creates one (a new
/// registers directory has none yet), or just that there is none.
fn no_register(app: &App) -> String {
    let key = app
        .keymap
        .bindings(Scope::Overview)
        .iter()
        .find(|b| b.action == Action::NewRegister)
        .map(keys_text);
    match key {
        Some(k) => format!(
            "{} — {k} {}",
            app.lang.pick("ยังไม่มี", "none"),
            app.lang.pick("สร้าง", "creates")
        ),
        None => app.lang.pick("ยังไม่มีทะเบียน", "no register").into(),
    }
}

/// The next step when saved registers are not committed: the key that
/// commits them, and how many wait.
fn commit_hint(app: &App) -> Option<String> {
    let waiting = app.ws.entries.iter().filter(|e| e.uncommitted).count();
    if waiting == 0 {
        return None;
    }
    let key = app
        .keymap
        .bindings(Scope::Overview)
        .iter()
        .find(|b| b.action == Action::Commit)
        .map(keys_text)?;
    Some(match app.lang {
        crate::model::Lang::Th => {
            format!("+ {waiting} ทะเบียนบันทึกแล้วแต่ยังไม่ commit — กด {key} เพื่อดูและ commit")
        }
        crate::model::Lang::En => format!(
            "+ {waiting} saved register(s) not committed — press {key} to review and commit"
        ),
    })
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let t = &app.theme;
    let hint = commit_hint(app);
    let [head, body, legend] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(if hint.is_some() { 3 } else { 2 }),
    ])
    .areas(area);
    let years: Vec<Span> = app
        .ws
        .years
        .iter()
        .map(|y| {
            if *y == app.ws.year {
                Span::styled(format!("[{y}]"), t.selected())
            } else {
                Span::raw(format!(" {y} "))
            }
        })
        .collect();
    let mut line = vec![Span::styled(
        lang.pick("ปีงบประมาณ ", "Fiscal year "),
        t.title(),
    )];
    line.extend(years);
    line.push(Span::raw(format!("   {}", app.round_label())));
    f.render_widget(Paragraph::new(Line::from(line)), head);

    let rows = rows(app);
    // while the year is read, the default round may still move later
    let provisional = app.ws.loading.is_some() && app.round_is_default;
    let height = body.height.saturating_sub(3) as usize;
    let offset = scroll_offset(app.overview.selected, height);
    let table_rows: Vec<Row> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height.max(1))
        .map(|(i, (code, entry))| {
            let name = app
                .ws
                .bureau(code)
                .map(|b| b.name.get(lang).to_string())
                .unwrap_or_default();
            let mut cells = vec![Cell::from(code.clone()), Cell::from(name)];
            match entry.and_then(|e| app.ws.entries.get(e).map(|x| (e, x))) {
                Some((ix, e)) => {
                    let bands: Vec<Span> = app
                        .ws
                        .method(ix)
                        .map(|m| band_counts(e.register(), m))
                        .unwrap_or_default()
                        .into_iter()
                        .flat_map(|(b, n)| {
                            [
                                Span::styled(format!("{}{n}", b.symbol), t.fill(b.rgb())),
                                Span::raw(" "),
                            ]
                        })
                        .collect();
                    cells.push(Cell::from(Line::from(bands)));
                    if provisional {
                        cells.push(Cell::from(Line::styled("…", t.dim())));
                        cells.push(Cell::from(Line::styled("…", t.dim())));
                    } else {
                        let c = status_counts(e, app.round.as_ref());
                        let lights = Line::from(vec![
                            Span::styled(format!("G{}", c[0]), t.fill(TrafficLight::Green.rgb())),
                            Span::raw(" "),
                            Span::styled(format!("Y{}", c[1]), t.fill(TrafficLight::Yellow.rgb())),
                            Span::raw(" "),
                            Span::styled(format!("R{}", c[2]), t.fill(TrafficLight::Red.rgb())),
                            Span::raw(format!(" ·{}", c[3])),
                        ]);
                        let (paid, alloc) = disbursed(e, app.round.as_ref());
                        cells.push(Cell::from(lights));
                        cells.push(Cell::from(percent(paid, alloc)));
                    }
                    cells.push(Cell::from(marks(e)));
                    let due = app.due_of(ix).map(|d| d.counts()).unwrap_or_default();
                    cells.push(Cell::from(due));
                }
                None if app.ws.pending(code) => cells.push(Cell::from(Line::styled(
                    lang.pick("กำลังอ่าน…", "reading…"),
                    t.dim(),
                ))),
                None => match app.ws.error_of(code) {
                    // the file is there but does not read: say where
                    Some(e) => cells.push(Cell::from(Line::styled(
                        format!(
                            "✗ {}{}",
                            e.position
                                .map_or_else(String::new, |(l, c)| format!("{l}:{c} ")),
                            e.message.text(app.lang)
                        ),
                        t.error(),
                    ))),
                    None => cells.push(Cell::from(no_register(app))),
                },
            }
            let row = Row::new(cells);
            if i == app.overview.selected {
                row.style(t.selected())
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(vec![
        lang.pick("สำนัก", "Bureau"),
        lang.pick("ชื่อ", "Name"),
        lang.pick("ความเสี่ยงตามระดับ", "Risks by band"),
        lang.pick("มาตรการตามสถานะ", "Measures by status"),
        lang.pick("เบิกจ่าย", "Disbursed"),
        "*!+✓",
        lang.pick("ค้าง", "Due"),
    ])
    .style(t.title());
    // codes are three letters in a secretariat, longer in a national body's list
    let code_width = rows
        .iter()
        .map(|(c, _)| c.width())
        .max()
        .unwrap_or(0)
        .max(5);
    let table = Table::new(
        table_rows,
        [
            Constraint::Length(code_width as u16),
            Constraint::Min(12),
            Constraint::Length(16),
            Constraint::Length(16),
            Constraint::Length(9),
            Constraint::Length(4),
            Constraint::Length(6),
        ],
    )
    .header(header)
    .block(Block::bordered().title(lang.pick(" สำนัก ", " Bureaus ")));
    f.render_widget(table, body);

    let mut notes: Vec<Line> = hint.into_iter().map(|h| Line::styled(h, t.key())).collect();
    notes.push(Line::styled(
        format!(
            "{}  {}",
            lang.pick(
                "* ยังไม่บันทึก  ! แก้ไขบนดิสก์  + ยังไม่ commit  ✓ อนุมัติแล้ว  ≠ แก้หลังอนุมัติ  G/Y/R เขียว/เหลือง/แดง  · ยังไม่รายงาน",
                "* unsaved  ! changed on disk  + uncommitted  ✓ approved  ≠ changed since approval  G/Y/R  · not reported",
            ),
            super::marks::due_legend(lang)
        ),
        t.dim(),
    ));
    if let Some(e) = app.ws.errors.first() {
        notes.push(Line::styled(e.to_string(), t.error()));
    }
    let notes = crate::tui::wrap::lines(notes, usize::from(legend.width));
    f.render_widget(Paragraph::new(notes), legend);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disbursed_share_rounds_like_every_report_percentage() {
        let pct = |part, whole| percent(Money::from_satang(part), Money::from_satang(whole));
        // 97.25 % and 15.45 % exactly: once cut to 97.2 % and 15.4 %
        assert_eq!(pct(9_725, 10_000), "97.25%");
        assert_eq!(pct(1_545, 10_000), "15.45%");
        // 1/32 = 3.125 % rounds half away from zero, as docs/summary.md says
        assert_eq!(pct(1, 32), "3.13%");
        assert_eq!(pct(1, 3), "33.33%");
        assert_eq!(pct(5, 0), "—");
    }
}
