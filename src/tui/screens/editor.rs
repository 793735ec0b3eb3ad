//! The risk editor and the monitoring form: every field as `label: value`,
//! the risk first, then a pane per measure (Tab jumps between panes). Enter
//! edits a field in place; values the file holds that break the methodology
//! are shown in the error style with the reason beside them. Here too are
//! the edits of a risk's records: measures and (in `indicators`) indicators.

pub(crate) mod field;
mod indicators;

pub use indicators::{delete as delete_indicator, rounds_with_results};

use super::{band_span, move_in, scroll_offset};
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Notice, Screen, target_risk};
use crate::tui::cache::Cached;
use crate::tui::form::{self, Ctx, Field, Form};
use crate::tui::textedit::truncate;
use crate::tui::workspace::Part;
use crate::validate::Finding;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::cell::Ref;
use unicode_width::UnicodeWidthStr;

/// The editor's state: what the form edits, and the field under the cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditorView {
    pub target: Option<Form>,
    pub cursor: usize,
    /// The validator's findings of what the form shows, kept until the
    /// register or the form changes.
    findings: Cached<FindingsKey, Vec<Finding>>,
}

/// What the editor's findings depend on: the workspace's generation, the
/// register on screen and the risk in the editor (none for the header).
type FindingsKey = (u64, usize, Option<usize>);

/// Opens the editor on `target` with the cursor on field `cursor`.
pub fn open(app: &mut App, target: Form, cursor: usize) {
    app.editor = EditorView {
        target: Some(target),
        cursor,
        findings: Cached::default(),
    };
    app.go(Screen::Editor);
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let fields = app.form_fields();
    let pane = fields.get(app.editor.cursor).map_or(0, |f| form::pane(*f));
    match action {
        Action::Open => field::open(app),
        Action::NextPane | Action::PrevPane => {
            let found = if action == Action::NextPane {
                fields.iter().position(|f| form::pane(*f) > pane)
            } else {
                let start = fields
                    .iter()
                    .position(|f| form::pane(*f) + 1 == pane.max(1));
                if pane == 0 { None } else { start }
            };
            app.editor.cursor = found.unwrap_or(0);
        }
        // Left/Right step a pick-list field without opening it
        Action::Left | Action::Right => field::step_pick(app, action == Action::Right),
        Action::AddMeasure => add_measure(app),
        Action::DeleteMeasure => delete_measure(app, pane),
        Action::AddIndicator | Action::DeleteIndicator
            if matches!(app.editor.target, Some(Form::Monitoring { .. })) =>
        {
            app.status = Some(Notice::IndicatorsInRiskEditor)
        }
        Action::AddIndicator => indicators::add(app, pane),
        Action::DeleteIndicator => match fields.get(app.editor.cursor) {
            Some(Field::IndicatorName(mi, k) | Field::IndicatorTarget(mi, k)) => {
                indicators::ask_delete(app, *mi, *k)
            }
            _ => app.status = Some(Notice::MoveToIndicatorToDelete),
        },
        _ => move_in(&mut app.editor.cursor, fields.len(), action),
    }
    None
}

/// Puts the editor's cursor on a field, if the form has it.
fn cursor_to(app: &mut App, field: Field) {
    if let Some(at) = app.form_fields().iter().position(|f| *f == field) {
        app.editor.cursor = at;
    }
}

/// Adds a measure to the risk in the editor and moves to its title.
fn add_measure(app: &mut App) {
    let Some(Form::Risk(ri)) = app.editor.target.clone() else {
        return;
    };
    let mut id = String::new();
    let none = app.lang.pick(
        "approaches.ron ไม่มีกลุ่มแนวทางใดเลย",
        "approaches.ron lists no approach group",
    );
    let result = app.mutate(Part::Risk(ri), |reg, _, approaches| {
        let approach = approaches
            .approaches
            .first()
            .map(|a| a.id.clone())
            .ok_or(none)?;
        let m = crate::model::blank::measure(reg, approach)?;
        id = m.id.to_string();
        reg.risks
            .get_mut(ri)
            .ok_or("the risk is gone")?
            .measures
            .push(m);
        Ok(())
    });
    if app.report_added(result, &id) {
        let last = app
            .editor_risk()
            .map_or(0, |r| r.measures.len().saturating_sub(1));
        cursor_to(app, Field::MeasureTitle(last));
    }
}

/// The (risk, measure) of an editor pane (pane 1 + measure index) of a
/// risk; else says `hint` and gives none.
fn measure_of_pane(app: &mut App, pane: usize, hint: Notice) -> Option<(usize, usize)> {
    match (&app.editor.target, pane.checked_sub(1)) {
        (Some(Form::Risk(ri)), Some(mi)) => Some((*ri, mi)),
        _ => {
            app.status = Some(hint);
            None
        }
    }
}

/// Deletes the measure whose pane the cursor is in (pane 1 + index).
fn delete_measure(app: &mut App, pane: usize) {
    let Some((ri, mi)) = measure_of_pane(app, pane, Notice::MoveToMeasureToDelete) else {
        return;
    };
    let mut id = String::new();
    let result = app.mutate(Part::Risk(ri), |reg, _, _| {
        let risk = reg.risks.get_mut(ri).ok_or("the risk is gone")?;
        if mi >= risk.measures.len() {
            return Err("the measure is gone".into());
        }
        id = risk.measures.remove(mi).id.to_string();
        Ok(())
    });
    app.report(result, Notice::Deleted { id });
    clamp_cursor(app);
}

/// Keeps the cursor on the form after fields went away.
fn clamp_cursor(app: &mut App) {
    let len = app.form_fields().len();
    app.editor.cursor = app.editor.cursor.min(len.saturating_sub(1));
}

/// What `riskreg validate` says of what the editor shows — the risk (with
/// its measures and monitoring) or the header — of the register on screen
/// as it is now (unsaved edits included), so the editor can show it
/// beside each field. Only that part is validated after an edit: a
/// register of 2 000 risks would cost the redraw its budget.
pub fn findings(app: &App) -> Ref<'_, Vec<Finding>> {
    let risk = app.editor.target.as_ref().and_then(target_risk);
    let key = (app.ws.generation(), app.current, risk);
    app.editor.findings.get(key, || {
        let Some(e) = app.ws.entries.get(app.current) else {
            return Vec::new();
        };
        let methods = app.ws.catalog.method_values();
        let ctx = crate::validate::Context::new(
            &app.ws.catalog.bureaus.value,
            &app.ws.catalog.approaches.value,
            &methods,
        );
        let (path, reg) = (&e.loaded.path, e.register());
        match risk {
            Some(ri) => crate::validate::check_register_risk(&ctx, path, reg, ri),
            None => crate::validate::check_register_header(&ctx, path, reg),
        }
    })
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let t = &app.theme;
    let (Some(target), Some(reg)) = (app.editor.target.as_ref(), app.register_value()) else {
        f.render_widget(
            Paragraph::new(lang.pick("ไม่มีรายการ", "nothing to edit")),
            area,
        );
        return;
    };
    let method = app.method();
    let ctx = Ctx {
        register: reg,
        method,
        approaches: &app.ws.catalog.approaches.value,
        lang,
    };
    let risk = target_risk(target).and_then(|ri| reg.risks.get(ri));
    if risk.is_none() && *target != Form::Header {
        f.render_widget(
            Paragraph::new(lang.pick("ไม่มีรายการ", "nothing to edit")),
            area,
        );
        return;
    }
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);

    // what the ratings come to, so a change shows its effect at once
    let mut summary = Vec::new();
    match (target, risk) {
        (Form::Risk(_), Some(risk)) => {
            summary.push(Span::styled(format!("{} ", risk.id), t.title()));
            summary.push(Span::raw(lang.pick("ก่อนควบคุม ", "inherent ")));
            summary.push(band_span(
                t,
                method.and_then(|m| m.inherent_band(risk).ok()),
            ));
            summary.push(Span::raw(lang.pick("  คงเหลือ ", "  residual ")));
            summary.push(band_span(
                t,
                method.and_then(|m| m.residual_band(risk).ok().flatten()),
            ));
        }
        (Form::Monitoring { measure, .. }, Some(risk)) => {
            summary.push(Span::styled(format!("{} ", risk.id), t.title()));
            let title = risk
                .measures
                .get(*measure)
                .map(|m| format!("{} {}", m.id, m.title));
            summary.push(Span::raw(format!(
                "{} · {}",
                title.unwrap_or_default(),
                app.round_label()
            )));
        }
        _ => {
            // the header: whose register, and whether it is still as approved
            summary.push(Span::styled(
                format!("{} {} ", reg.bureau, reg.year.be()),
                t.title(),
            ));
            summary.push(Span::raw(form::header::approval_text(reg, lang)));
        }
    }
    f.render_widget(Paragraph::new(Line::from(summary)), head);

    let fields = app.form_fields();
    let findings = findings(app);
    let field_paths: Vec<Option<String>> =
        fields.iter().map(|f| form::path(*f, target, reg)).collect();
    // what the validator says of this risk (or monitoring entry), by field;
    // the header's fields are spread over the file, so theirs are found by field
    let mine: Vec<&crate::validate::Finding> = match form::target_path(target, reg) {
        Some(at) => findings
            .iter()
            .filter(|f| form::is_under(&f.path, &at))
            .collect(),
        None => findings
            .iter()
            .filter(|f| {
                field_paths
                    .iter()
                    .flatten()
                    .any(|p| form::is_under(&f.path, p))
            })
            .collect(),
    };
    let finding_text = |f: &crate::validate::Finding| {
        let (mark, style) = match f.severity {
            crate::validate::Severity::Error => ("✗", t.error()),
            crate::validate::Severity::Warning => ("⚠", t.key()),
            crate::validate::Severity::Note => ("·", t.key()),
        };
        (format!("{mark} {}", f.message.text(lang)), style)
    };
    let label_w = fields
        .iter()
        .map(|f| form::label(*f, lang).width())
        .max()
        .unwrap_or(10)
        .min(24);
    let inner_w = body.width.saturating_sub(2) as usize;
    let value_w = inner_w.saturating_sub(label_w + 3);
    let mut lines: Vec<Line> = Vec::new();
    // findings that belong to no field on the form come first, whole
    for f in mine.iter().filter(|f| {
        !field_paths
            .iter()
            .flatten()
            .any(|p| form::is_under(&f.path, p))
    }) {
        let (text, style) = finding_text(f);
        push_wrapped(&mut lines, &text, style, 1, inner_w);
    }
    let mut cursor_line = 0;
    let mut pane = usize::MAX;
    for (i, &field) in fields.iter().enumerate() {
        let p = form::pane(field);
        if p != pane {
            pane = p;
            if p > 0 {
                let heading = match risk {
                    Some(risk) => format!(
                        "── {} {} ",
                        lang.pick("มาตรการ", "Measure"),
                        risk.measures
                            .get(p - 1)
                            .map(|m| m.id.to_string())
                            .unwrap_or_default()
                    ),
                    None => format!("── {} ", form::header::heading(p, lang)),
                };
                lines.push(Line::styled(heading, t.title()));
            }
        }
        if i == app.editor.cursor {
            cursor_line = lines.len();
        }
        let mut value = form::value(field, target, &ctx);
        // a target shows how it fares at the round on show (model::judge)
        if let (form::Field::IndicatorTarget(mi, k), Some(risk)) = (field, risk)
            && let Some(met) = risk
                .measures
                .get(mi)
                .and_then(|m| super::marks::verdict_at(m, k, app.round.as_ref()))
        {
            let verdict = super::marks::verdict(met, lang);
            value = format!("{value} · {verdict} ({})", app.round_label());
        }
        let first = value.lines().next().unwrap_or("");
        let more = value.lines().count() > 1;
        let shown = truncate(
            &format!("{first}{}", if more { " ⏎…" } else { "" }),
            value_w,
        );
        let label = truncate(&form::label(field, lang), label_w);
        let pad = label_w.saturating_sub(label.width());
        let used = label_w + 3 + shown.width();
        let mut spans = vec![
            Span::styled(format!("{label}{} : ", " ".repeat(pad)), t.dim()),
            Span::raw(shown),
        ];
        let here: Vec<&&crate::validate::Finding> = field_paths[i]
            .as_ref()
            .map(|p| mine.iter().filter(|f| form::is_under(&f.path, p)).collect())
            .unwrap_or_default();
        let mut said: Vec<(String, ratatui::style::Style)> =
            here.iter().map(|f| finding_text(f)).collect();
        if said.is_empty()
            && let Some(problem) = form::problem(field, target, &ctx)
        {
            said.push((format!("✗ {problem}"), t.error()));
        }
        // the first finding beside the value when it fits; else each in full
        // on the rows below, never cut at the screen's edge
        let beside = said
            .first()
            .filter(|(text, _)| said.len() == 1 && used + 2 + text.width() <= inner_w)
            .cloned();
        if let Some((text, style)) = &beside {
            spans.push(Span::styled(format!("  {text}"), *style));
        }
        let line = Line::from(spans);
        lines.push(if i == app.editor.cursor {
            line.style(t.selected())
        } else {
            line
        });
        if beside.is_none() {
            for (text, style) in &said {
                push_wrapped(&mut lines, text, *style, label_w + 3, inner_w);
            }
        }
    }
    let height = body.height.saturating_sub(2) as usize;
    let offset = scroll_offset(cursor_line, height);
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    let title = match target {
        Form::Risk(_) => lang.pick(" ความเสี่ยง ", " Risk "),
        Form::Monitoring { .. } => lang.pick(" ผลการติดตาม ", " Monitoring "),
        Form::Header => lang.pick(" ส่วนหัวทะเบียน ", " Register header "),
    };
    f.render_widget(
        Paragraph::new(visible).block(Block::bordered().title(title)),
        body,
    );
}

/// Adds `text` as rows of at most `width` columns, each indented by `indent`.
fn push_wrapped(
    lines: &mut Vec<Line<'static>>,
    text: &str,
    style: ratatui::style::Style,
    indent: usize,
    width: usize,
) {
    let room = width.saturating_sub(indent).max(10);
    for row in crate::text::wrap::wrap(text, room) {
        lines.push(Line::styled(format!("{}{row}", " ".repeat(indent)), style));
    }
}

/// The label of a field, for the edit window's title.
pub fn field_title(field: Field, app: &App) -> String {
    form::label(field, app.lang)
}
