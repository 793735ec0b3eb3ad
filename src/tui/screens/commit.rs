//! Committing from the interface, for officers who do not use git: `c` on
//! the overview or the Changes screen shows first what the commit will hold
//! — which registers, and in each the risks and measures added, removed and
//! changed, field by field — then asks for a message (a default in the
//! interface's language) and commits the saved files as the name and e-mail
//! of the settings. Unsaved edits stay out (and are named); a refusal of
//! git or of the pre-commit hook is shown whole, and nothing is lost.

use super::move_in;
use crate::audit::git::Author;
use crate::model::Lang;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Modal, Screen};
use crate::tui::git_effects::CommitPlan;
use crate::tui::keymap::{Key, TextKey};
use crate::tui::notice::Notice;
use crate::tui::textedit::TextEdit;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// The Commit screen's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommitView {
    /// What the commit would hold; `None` while it is being worked out.
    pub plan: Option<Result<CommitPlan, crate::model::Label>>,
    pub scroll: usize,
    /// What git or its hook said when it last refused the commit.
    pub refused: Option<String>,
}

/// The commit's author from the settings, or where to set it.
pub fn author(app: &App) -> Result<Author, Notice> {
    let name = app.settings.name.trim();
    let email = app.settings.email.trim();
    if !name.is_empty() && !email.is_empty() {
        return Ok(Author {
            name: name.to_string(),
            email: email.to_string(),
        });
    }
    let settings = crate::tui::settings::path()
        .map_or_else(|| "settings.ron".to_string(), |p| p.display().to_string());
    Err(Notice::AuthorFirst { settings })
}

/// `c`: checks who commits, then shows what the commit would hold.
pub fn start(app: &mut App) -> Option<Effect> {
    if let Err(why) = author(app) {
        app.status = Some(why);
        return None;
    }
    app.commit = CommitView::default();
    app.go(Screen::Commit);
    Some(Effect::PreviewCommit)
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Commit => ask_message(app),
        _ => {
            let len = preview_lines(app, 78).len();
            move_in(&mut app.commit.scroll, len, action);
        }
    }
    None
}

/// The message prompt, opened on a default that typing replaces.
fn ask_message(app: &mut App) {
    match &app.commit.plan {
        Some(Ok(plan)) if !plan.registers.is_empty() => {
            let text = default_message(plan, app.ws.year, app.lang);
            app.modal = Modal::CommitMessage {
                edit: TextEdit::selected(&text),
                error: None,
            };
        }
        Some(Ok(_)) => app.status = Some(Notice::NothingToCommit),
        _ => {}
    }
}

/// `ปรับปรุงทะเบียนความเสี่ยง ปีงบ 2567: FIN, HRD`.
pub fn default_message(plan: &CommitPlan, year: u16, lang: Lang) -> String {
    let bureaus = plan.bureaus().join(", ");
    match lang {
        Lang::Th => format!("ปรับปรุงทะเบียนความเสี่ยง ปีงบ {year}: {bureaus}"),
        Lang::En => format!("Update the risk registers of fiscal year {year}: {bureaus}"),
    }
}

/// A key in the message prompt: Enter commits, Esc goes back to the
/// preview, anything else edits the message.
pub fn on_message_key(app: &mut App, key: KeyEvent) -> Option<Effect> {
    let Modal::CommitMessage { edit, error } = &mut app.modal else {
        return None;
    };
    match app.keymap.text_key(edit.scope(), Key::from_event(&key)) {
        TextKey::Act(Action::Confirm) => {
            let message = edit.text().trim().to_string();
            if message.is_empty() {
                *error = Some(
                    app.lang
                        .pick("ใส่ข้อความบอกว่าแก้ไขอะไร", "say in a few words what changed")
                        .into(),
                );
                return None;
            }
            let files = match &app.commit.plan {
                Some(Ok(plan)) => plan.files(),
                _ => return None,
            };
            let author = author(app).ok()?;
            app.modal = Modal::None;
            Some(Effect::Commit {
                files,
                message,
                author,
            })
        }
        TextKey::Act(Action::Cancel) => {
            app.modal = Modal::None;
            None
        }
        TextKey::Act(action) => {
            edit.apply(action);
            None
        }
        TextKey::Type(c) => {
            edit.insert(c);
            None
        }
        TextKey::Ignore => None,
    }
}

/// The preview arrived.
pub fn previewed(app: &mut App, plan: Result<CommitPlan, crate::model::Label>) {
    if let Ok(p) = &plan
        && p.registers.is_empty()
    {
        app.status = Some(Notice::NothingToCommit);
    }
    app.commit.plan = Some(plan);
}

/// The commit was made, or refused: made, the user goes back to where `c`
/// was pressed; refused, the reason stays on the preview.
pub fn committed(app: &mut App, done: Result<String, crate::model::Label>) -> Option<Effect> {
    match done {
        Ok(id) => {
            let codes = match &app.commit.plan {
                Some(Ok(plan)) => plan.bureaus(),
                _ => Vec::new(),
            };
            app.status = Some(Notice::Committed { id, codes });
            app.commit = CommitView::default();
            app.back();
            if app.screen == Screen::Changes {
                return app.load_changes();
            }
            None
        }
        Err(said) => {
            app.status = Some(Notice::CommitRefused);
            app.commit.refused = Some(said.get(app.lang).to_string());
            None
        }
    }
}

/// What a hook said, as text: its colour codes (`ESC [ … m`, which hooks
/// often print) dropped, any other control character written visibly, so
/// it can never drive the terminal.
pub fn plain(said: &str) -> String {
    let mut out = String::with_capacity(said.len());
    let mut chars = said.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            // parameters and intermediates, up to the final byte @ to ~
            for d in chars.by_ref() {
                if ('@'..='~').contains(&d) {
                    break;
                }
            }
            continue;
        }
        out.push(c);
    }
    crate::visible::visible(&out).into_owned()
}

/// The preview as lines of at most `width` columns.
fn preview_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let t = &app.theme;
    let mut out: Vec<Line> = Vec::new();
    let text = |out: &mut Vec<Line<'static>>, s: &str, indent: usize, style| {
        out.extend(super::hanging(s, width, indent, style));
    };
    if let Some(said) = &app.commit.refused {
        text(
            &mut out,
            lang.pick(
                "git ไม่รับ commit นี้ (ไม่มีข้อมูลสูญหาย) เพราะ:",
                "git refused this commit (nothing is lost):",
            ),
            0,
            t.error(),
        );
        for l in plain(said).lines() {
            text(&mut out, l, 2, t.error());
        }
        out.push(Line::raw(""));
    }
    match &app.commit.plan {
        None => out.push(Line::raw(lang.pick("กำลังตรวจ…", "working it out…"))),
        Some(Err(e)) => text(&mut out, e.get(lang), 0, t.error()),
        Some(Ok(plan)) => {
            if plan.registers.is_empty() {
                text(&mut out, &Notice::NothingToCommit.text(lang), 0, t.dim());
            }
            for r in &plan.registers {
                let name = app
                    .ws
                    .bureau(&r.bureau)
                    .map(|b| b.name.get(lang).to_string())
                    .unwrap_or_default();
                text(
                    &mut out,
                    &format!("{} {name} ({})", r.bureau, r.file),
                    0,
                    t.title(),
                );
                let tally = crate::audit::tally::tally(&r.changes).words(lang);
                if !tally.is_empty() {
                    text(&mut out, &tally, 2, t.key());
                }
                if r.changes.is_empty() {
                    text(
                        &mut out,
                        lang.pick(
                            "จัดรูปแบบไฟล์เท่านั้น เนื้อหาไม่เปลี่ยน",
                            "layout of the file only, no change in content",
                        ),
                        2,
                        t.dim(),
                    );
                }
                for c in &r.changes {
                    text(&mut out, &crate::audit::render::line(c, lang), 2, t.dim());
                }
            }
            if !plan.unsaved.is_empty() {
                out.push(Line::raw(""));
                text(
                    &mut out,
                    &format!(
                        "{} {}",
                        lang.pick(
                            "ไม่รวมการแก้ไขที่ยังไม่บันทึก (Ctrl-S ก่อน แล้ว commit ใหม่):",
                            "edits not saved are not committed (Ctrl-S first, then commit again):",
                        ),
                        plan.unsaved.join(", ")
                    ),
                    0,
                    t.error(),
                );
            }
        }
    }
    out
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let who = author(app).map_or_else(
        |_| String::new(),
        |a| format!("{} {} <{}>", lang.pick("ผู้ commit:", "as"), a.name, a.email),
    );
    f.render_widget(Paragraph::new(who), head);
    let width = body.width.saturating_sub(2) as usize;
    let height = body.height.saturating_sub(2) as usize;
    let all = preview_lines(app, width);
    let skip = app.commit.scroll.min(all.len().saturating_sub(height));
    let lines: Vec<Line> = all.into_iter().skip(skip).take(height).collect();
    let key = app
        .keymap
        .bindings(crate::tui::keymap::Scope::Commit)
        .iter()
        .find(|b| b.action == Action::Commit)
        .map(crate::tui::keymap::keys_text)
        .unwrap_or_default();
    let title = format!(
        " {} — {key} {} ",
        lang.pick("สิ่งที่จะ commit", "What will be committed"),
        lang.pick("ใส่ข้อความแล้ว commit", "message, then commit")
    );
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title)),
        body,
    );
}
