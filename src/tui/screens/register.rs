//! The register: a bureau's risks in a table, sortable by any column,
//! filtered by band or by a matrix cell, searched with `/` across the Thai
//! and English text of each risk and its measures. Here too are the edits
//! made from the table: a new risk, a deleted one, signing as preparer.

use super::matrix::MatrixCell;
use super::{band_span, light_span, move_in, risk_status, scroll_offset};
use crate::method::Methodology;
use crate::model::{BandId, Lang, Risk, RoundId};
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Modal, Notice};
use crate::tui::cache::Cached;
use crate::tui::form::Form;
use crate::tui::textedit::TextEdit;
use crate::tui::workspace::Part;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

/// The table's columns, in order; the one sorted by is named in the head line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Column {
    /// The file's order (risks are written in id order).
    #[default]
    Id,
    Process,
    Likelihood,
    Impact,
    /// The inherent band.
    Band,
    Controls,
    /// The residual band.
    Residual,
    /// The worst light of the risk's measures at the round.
    Status,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Id,
        Column::Process,
        Column::Likelihood,
        Column::Impact,
        Column::Band,
        Column::Controls,
        Column::Residual,
        Column::Status,
    ];

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Column::Id => lang.pick("รหัส", "Id"),
            Column::Process => lang.pick("กระบวนงาน", "Process"),
            Column::Likelihood => lang.pick("โอกาส", "L"),
            Column::Impact => lang.pick("ผลฯ", "I"),
            Column::Band => lang.pick("ระดับ", "Band"),
            Column::Controls => lang.pick("คุม", "Ctl"),
            Column::Residual => lang.pick("คงเหลือ", "Resid"),
            Column::Status => lang.pick("สถานะ", "Status"),
        }
    }

    /// The column `s` sorts by next, round to the first again.
    pub fn next(self) -> Column {
        let at = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(at + 1) % Column::ALL.len()]
    }
}

/// The register screen's state: cursor, sort, filters, search, detail pane.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RegisterView {
    pub selected: usize,
    pub sort: Column,
    pub reverse: bool,
    pub band: Option<BandId>,
    /// From the matrix: only risks in this cell.
    pub cell: Option<MatrixCell>,
    pub query: String,
    /// Tab gives the keys to the detail pane, to scroll it.
    pub detail_focus: bool,
    pub detail_scroll: usize,
    /// The rows after filter, search and sort, kept until what they depend
    /// on changes: sorting 2 000 risks on every key would cost a frame.
    pub(crate) rows: Cached<RowsKey, Vec<usize>>,
}

/// What the register's rows depend on besides the row under the cursor.
#[derive(Clone, PartialEq)]
pub(crate) struct RowsKey {
    generation: u64,
    view: RowsView,
}

/// What the rows depend on besides the registers' values: the register on
/// screen and its methodology (which bands its risks fall in), the view's
/// sort, filters and search, the round.
#[derive(Clone, PartialEq)]
struct RowsView {
    entry: usize,
    methodology: Option<crate::model::MethodRef>,
    sort: Column,
    reverse: bool,
    band: Option<BandId>,
    cell: Option<MatrixCell>,
    query: String,
    round: Option<RoundId>,
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let visible = visible_risks(app);
    let v = &mut app.register;
    if v.detail_focus {
        match action {
            Action::NextPane | Action::PrevPane | Action::Back => v.detail_focus = false,
            Action::Up | Action::PageUp | Action::Down | Action::PageDown | Action::Top => {
                move_in(&mut v.detail_scroll, 200, action)
            }
            _ => {}
        }
        return None;
    }
    let under_cursor = visible.get(v.selected).copied();
    match action {
        Action::NextPane | Action::PrevPane => v.detail_focus = true,
        Action::Open => {
            if let Some(ri) = under_cursor {
                super::editor::open(app, Form::Risk(ri), 1);
            }
        }
        Action::Search => app.modal = Modal::Search(TextEdit::new(&v.query, false)),
        Action::Sort => {
            v.sort = v.sort.next();
            v.reverse = false;
        }
        Action::SortReverse => v.reverse = !v.reverse,
        Action::FilterBand => {
            let bands: Vec<BandId> = app
                .method()
                .map(|m| m.bands.iter().map(|b| b.id.clone()).collect())
                .unwrap_or_default();
            let v = &mut app.register;
            let next = match &v.band {
                None => bands.first(),
                Some(b) => bands
                    .iter()
                    .position(|x| x == b)
                    .and_then(|p| bands.get(p + 1)),
            };
            v.band = next.cloned();
            v.selected = 0;
        }
        Action::SignPrepared => sign_prepared(app),
        Action::EditHeader => super::editor::open(app, Form::Header, 0),
        Action::AddRisk => add_risk(app),
        Action::DeleteRisk => {
            if let Some(ri) = under_cursor {
                delete_risk(app, ri);
            }
        }
        Action::ClearFilter => {
            v.band = None;
            v.cell = None;
            v.query.clear();
            v.selected = 0;
        }
        _ => {
            move_in(&mut v.selected, visible.len(), action);
            v.detail_scroll = 0;
        }
    }
    None
}

/// Records the settings' name as who prepared the register, today,
/// keeping the position already written.
fn sign_prepared(app: &mut App) {
    let name = app.settings.name.trim().to_string();
    if name.is_empty() {
        app.status = Some(Notice::NameFirst);
        return;
    }
    let date = match crate::clock::today() {
        Ok(date) => date,
        Err(why) => {
            app.status = Some(Notice::NoToday(why));
            return;
        }
    };
    let result = app.mutate(Part::Header, |reg, _, _| {
        let position = reg
            .prepared_by
            .as_ref()
            .map(|s| s.position.clone())
            .unwrap_or_default();
        reg.prepared_by = Some(crate::model::Signature {
            name,
            position,
            date,
        });
        Ok(())
    });
    if let Err(e) = result {
        app.status = Some(e);
    }
}

/// Adds a risk with the next free id and opens it in the editor.
fn add_risk(app: &mut App) {
    let mut id = String::new();
    let result = app.mutate(Part::Whole, |reg, method, _| {
        let category = method
            .and_then(|m| m.categories.first())
            .map(|c| c.id.clone())
            .ok_or("the register's methodology has no categories to choose from")?;
        let rated = method.is_none_or(Methodology::rerates_residual);
        let risk = crate::model::blank::risk(reg, category, rated)?;
        id = risk.id.to_string();
        reg.risks.push(risk);
        Ok(())
    });
    let ok = app.report_added(result, &id);
    if let (true, Some(reg)) = (ok, app.register_value()) {
        let ri = reg.risks.len() - 1;
        app.register = RegisterView::default();
        app.register.selected = visible_risks(app)
            .iter()
            .position(|&i| i == ri)
            .unwrap_or(0);
        super::editor::open(app, Form::Risk(ri), 1);
    }
}

fn delete_risk(app: &mut App, ri: usize) {
    let mut id = String::new();
    let result = app.mutate(Part::Whole, |reg, _, _| {
        if ri >= reg.risks.len() {
            return Err("the risk is gone".into());
        }
        id = reg.risks.remove(ri).id.to_string();
        Ok(())
    });
    app.report(result, Notice::Deleted { id });
    let len = visible_risks(app).len();
    app.register.selected = app.register.selected.min(len.saturating_sub(1));
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

/// The indexes of the risks shown, in display order (kept until the
/// register, the round or the view's filters change). After edits of single
/// risks only those risks are filtered and placed again: sorting 2 000
/// risks again after every keystroke's edit would cost the redraw.
pub fn visible_risks(app: &App) -> Vec<usize> {
    let v = &app.register;
    let key = RowsKey {
        generation: app.ws.generation(),
        view: RowsView {
            entry: app.current,
            methodology: app.register_value().map(|r| r.methodology.clone()),
            sort: v.sort,
            reverse: v.reverse,
            band: v.band.clone(),
            cell: v.cell,
            query: v.query.clone(),
            round: app.round.clone(),
        },
    };
    let view = key.view.clone();
    v.rows
        .get_renewed(key, |kept| {
            kept.and_then(|(was, rows)| catch_up(app, &was, &view, rows))
                .unwrap_or_else(|| visible(app))
        })
        .clone()
}

/// The rows `kept` (computed for `was`) brought up to date with the edits
/// made since, when they were edits of the header or of single risks of
/// the register on screen and the view is the same; `None` otherwise.
fn catch_up(app: &App, was: &RowsKey, view: &RowsView, mut rows: Vec<usize>) -> Option<Vec<usize>> {
    if was.view != *view {
        return None;
    }
    let order = Order::of(app)?;
    for (entry, part) in app.ws.changes_since(was.generation)? {
        match part {
            _ if entry != view.entry => {}
            // the rows depend on the risks alone (the methodology is in the key)
            Part::Header => {}
            Part::Risk(ri) => order.place(&mut rows, ri),
            Part::Whole => return None,
        }
    }
    Some(rows)
}

/// How the register on screen's risks are filtered and ordered.
struct Order<'a> {
    reg: &'a crate::model::Register,
    method: Option<&'a Methodology>,
    view: &'a RegisterView,
    round: Option<&'a RoundId>,
}

impl<'a> Order<'a> {
    fn of(app: &'a App) -> Option<Order<'a>> {
        Some(Order {
            reg: app.register_value()?,
            method: app.method(),
            view: &app.register,
            round: app.round.as_ref(),
        })
    }

    /// Whether risk `ri` passes the band and cell filters and the search.
    fn shown(&self, ri: usize) -> bool {
        let (v, method) = (self.view, self.method);
        let Some(r) = self.reg.risks.get(ri) else {
            return false;
        };
        v.band.as_ref().is_none_or(|b| {
            method
                .and_then(|m| m.inherent_band(r).ok())
                .is_some_and(|x| &x.id == b)
        }) && v.cell.is_none_or(|c| c.holds(r))
            && matches(r, method, &v.query)
    }

    /// What risk `ri` is sorted by; ties keep the file's order.
    fn key(&self, ri: usize) -> (Option<usize>, String) {
        let r = &self.reg.risks[ri];
        let method = self.method;
        match self.view.sort {
            Column::Process => (None, r.process.clone()),
            Column::Likelihood => (Some(r.inherent.likelihood.into()), String::new()),
            Column::Impact => (Some(r.inherent.impact.into()), String::new()),
            Column::Band => (band_rank(method, r, false), String::new()),
            Column::Controls => (Some(r.control_quality as usize), String::new()),
            Column::Residual => (band_rank(method, r, true), String::new()),
            Column::Status => (
                risk_status(r, self.round).map(|s| s as usize),
                String::new(),
            ),
            Column::Id => (None, String::new()),
        }
    }

    /// All the rows, filtered and sorted (stable, then reversed when asked).
    fn rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..self.reg.risks.len())
            .filter(|&ri| self.shown(ri))
            .collect();
        if self.view.sort != Column::Id {
            rows.sort_by_cached_key(|&ri| self.key(ri));
        }
        if self.view.reverse {
            rows.reverse();
        }
        rows
    }

    /// Takes risk `ri` out of `rows` and puts it back where `rows()` would
    /// have it, if it is shown: a stable sort is an order by (key, index),
    /// and its reverse the reverse of that, so one binary search finds it.
    fn place(&self, rows: &mut Vec<usize>, ri: usize) {
        rows.retain(|&r| r != ri);
        if !self.shown(ri) {
            return;
        }
        let at = (self.key(ri), ri);
        let pos = rows.partition_point(|&r| {
            let here = (self.key(r), r);
            if self.view.reverse {
                here > at
            } else {
                here < at
            }
        });
        rows.insert(pos, ri);
    }
}

fn visible(app: &App) -> Vec<usize> {
    Order::of(app).map_or_else(Vec::new, |order| order.rows())
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
    if let Some(c) = v.cell {
        let which = if c.residual {
            lang.pick("คงเหลือ", "residual")
        } else {
            lang.pick("ก่อนควบคุม", "inherent")
        };
        parts.push(format!("{which} L{}×I{}", c.likelihood, c.impact));
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
    let visible = visible_risks(app);
    let total = app.register_value().map_or(0, |r| r.risks.len());
    let mut head_line = vec![Span::styled(
        format!(
            "{} {}/{total}  ",
            lang.pick("ความเสี่ยง", "Risks"),
            visible.len()
        ),
        t.title(),
    )];
    let sort_name = app.register.sort.name(lang);
    head_line.push(Span::raw(format!(
        "{} {sort_name}{}  ",
        lang.pick("เรียง", "sort"),
        if app.register.reverse { " ↓" } else { "" }
    )));
    let filters = filter_text(app);
    if !filters.is_empty() {
        head_line.push(Span::styled(format!("[{filters}]  "), t.key()));
    }
    // borrowed for the draw: a register of 2 000 risks is not copied each frame
    let due_held = app.due_of(app.current);
    let nothing_due = super::marks::Due::default();
    let due: &super::marks::Due = due_held.as_deref().unwrap_or(&nothing_due);
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
                Cell::from(due.risk_marks(ri)),
            ]);
            if pos == app.register.selected {
                row.style(t.selected())
            } else {
                row
            }
        })
        .collect();
    let mut names = Column::ALL.map(|c| c.name(lang)).to_vec();
    names.push("");
    let header = Row::new(names).style(t.title());
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
            Constraint::Length(2),
        ],
    )
    .header(header)
    .block(due_block(Block::bordered().title(title), due, lang));
    f.render_widget(table, body);
    let selected = visible
        .get(app.register.selected)
        .and_then(|&ri| reg.risks.get(ri));
    super::detail::draw(f, detail, app, selected);
}

/// The table's frame, carrying the legend of the overdue marks at its foot
/// when any is shown.
fn due_block<'a>(block: Block<'a>, due: &super::marks::Due, lang: Lang) -> Block<'a> {
    if due.is_empty() {
        block
    } else {
        block.title_bottom(format!(" {} ", super::marks::due_legend(lang)))
    }
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
