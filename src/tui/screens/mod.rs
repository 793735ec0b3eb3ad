//! One file per screen: each draws from `App` and holds the pure helpers
//! the screen's state changes need. Shared drawing bits live here.

pub mod changes;
pub mod detail;
pub mod editor;
pub mod matrix;
pub mod monitoring;
pub mod overview;
pub mod register;
pub mod summary;

use super::theme::Theme;
use crate::method::{Band, Methodology};
use crate::model::{Register, Risk, RoundId, TrafficLight};
use ratatui::layout::Rect;
use ratatui::text::Span;

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
