//! One file per screen: each holds its view state (cursor, scroll, filters),
//! its `update` (an action the screen gets → a change of state, and maybe
//! an effect) and its `draw`. `App` routes actions here by the screen on
//! show; shared drawing bits live here too.

pub mod changes;
pub mod commit;
pub mod detail;
pub mod editor;
pub mod history;
pub mod marks;
pub mod matrix;
pub mod monitoring;
pub mod overview;
pub mod register;
pub mod summary;

use super::action::Action;
use super::app::{App, Effect};
use super::keymap::Scope;
use super::theme::Theme;
use crate::method::{Band, Methodology};
use crate::model::Lang;
use crate::model::{Register, Risk, RoundId, TrafficLight};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

/// The screens, one a module here; `App::screen` is the one on show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Overview,
    Register,
    Editor,
    Monitoring,
    Matrix,
    Summary,
    Changes,
    Commit,
    History,
}

impl Screen {
    pub fn scope(self) -> Scope {
        match self {
            Screen::Overview => Scope::Overview,
            Screen::Register => Scope::Register,
            Screen::Editor => Scope::Editor,
            Screen::Monitoring => Scope::Monitoring,
            Screen::Matrix => Scope::Matrix,
            Screen::Summary => Scope::Summary,
            Screen::Changes => Scope::Changes,
            Screen::Commit => Scope::Commit,
            Screen::History => Scope::History,
        }
    }
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Screen::Overview => lang.pick("ภาพรวม", "Overview"),
            Screen::Register => lang.pick("ทะเบียนความเสี่ยง", "Register"),
            Screen::Editor => lang.pick("แก้ไข", "Editor"),
            Screen::Monitoring => lang.pick("ติดตามผล", "Monitoring"),
            Screen::Matrix => lang.pick("เมทริกซ์ความเสี่ยง", "Risk matrix"),
            Screen::Summary => lang.pick("สรุปผล", "Summary"),
            Screen::Changes => lang.pick("การเปลี่ยนแปลง", "Changes"),
            Screen::Commit => lang.pick("commit ทะเบียน", "Commit"),
            Screen::History => lang.pick("ประวัติการแก้ไข", "History"),
        }
    }
}

/// An action no prompt and no global key took, for the screen on show.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    match app.screen {
        Screen::Overview => overview::update(app, action),
        Screen::Register => register::update(app, action),
        Screen::Editor => editor::update(app, action),
        Screen::Monitoring => monitoring::update(app, action),
        Screen::Matrix => matrix::update(app, action),
        Screen::Summary => summary::update(app, action),
        Screen::Changes => changes::update(app, action),
        Screen::Commit => commit::update(app, action),
        Screen::History => history::update(app, action),
    }
}

/// The screen on show, in the area between the title and the status line.
pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    match app.screen {
        Screen::Overview => overview::draw(f, area, app),
        Screen::Register => register::draw(f, area, app),
        Screen::Editor => editor::draw(f, area, app),
        Screen::Monitoring => monitoring::draw(f, area, app),
        Screen::Matrix => matrix::draw(f, area, app),
        Screen::Summary => summary::draw(f, area, app),
        Screen::Changes => changes::draw(f, area, app),
        Screen::Commit => commit::draw(f, area, app),
        Screen::History => history::draw(f, area, app),
    }
}

/// The size of the area a screen is drawn in, at the terminal size last
/// reported (80×24 until it is): the terminal less the title row, the key
/// bar and a status line of one row (a key that scrolls leaves no longer
/// notice: every action clears the last one first).
pub fn area_size(app: &App) -> (u16, u16) {
    let (w, h) = app
        .terminal_size
        .unwrap_or((super::view::MIN_WIDTH, super::view::MIN_HEIGHT));
    (w, h.saturating_sub(3))
}

/// Moves a list cursor of `len` rows.
pub fn move_in(cursor: &mut usize, len: usize, action: Action) {
    let last = len.saturating_sub(1);
    *cursor = match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => (*cursor + 1).min(last),
        Action::PageUp => cursor.saturating_sub(10),
        Action::PageDown => (*cursor + 10).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => *cursor,
    };
}

/// A band as its symbol on its colour (the symbol alone without colour).
pub fn band_span(theme: &Theme, band: Option<&Band>) -> Span<'static> {
    match band {
        Some(b) => Span::styled(format!(" {:<2} ", b.symbol), theme.fill(b.rgb())),
        None => Span::raw(" ?  "),
    }
}

/// A traffic light as its letter, coloured when colour is on.
pub fn light_span(theme: &Theme, light: Option<TrafficLight>) -> Span<'static> {
    match light {
        Some(l) => Span::styled(format!(" {} ", l.letter()), theme.fill(l.rgb())),
        None => Span::raw(" · "),
    }
}

/// The worst status of a risk's measures at a round (red over yellow over green).
pub fn risk_status(risk: &Risk, round: Option<&RoundId>) -> Option<TrafficLight> {
    let round = round?;
    risk.measures
        .iter()
        .filter_map(|m| m.at_round(round).map(|x| x.status))
        .max()
}

/// Counts of risks by band, in the methodology's band order (inherent).
pub fn band_counts<'m>(register: &Register, method: &'m Methodology) -> Vec<(&'m Band, usize)> {
    let mut counts: Vec<(&Band, usize)> = method.bands.iter().map(|b| (b, 0)).collect();
    for r in &register.risks {
        if let Ok(b) = method.inherent_band(r)
            && let Some(slot) = counts.iter_mut().find(|(x, _)| x.id == b.id)
        {
            slot.1 += 1;
        }
    }
    counts
}

/// A rectangle of at most `w`×`h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The first row to draw so that `selected` stays in a window of `height` rows.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 || selected < height {
        0
    } else {
        selected + 1 - height
    }
}

/// `text` wrapped between words into rows of at most `width` cells, the
/// first indented by `indent` spaces and the rest by two more, so a long
/// change reads as one item under its first row.
pub fn hanging(
    text: &str,
    width: usize,
    indent: usize,
    style: ratatui::style::Style,
) -> Vec<ratatui::text::Line<'static>> {
    crate::text::wrap::wrap(text, width.saturating_sub(indent + 2))
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let pad = if i == 0 { indent } else { indent + 2 };
            ratatui::text::Line::styled(format!("{}{row}", " ".repeat(pad)), style)
        })
        .collect()
}
