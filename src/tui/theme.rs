//! Colours and their monochrome stand-ins. Colour is never the only signal:
//! every band and status is also drawn as a letter or symbol, so the
//! monochrome theme only drops colour.

use super::notice::Level;
use super::settings::ThemeChoice;
use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
}

impl Theme {
    /// Honours `NO_COLOR` (any non-empty value) over the settings.
    pub fn from_env(choice: ThemeChoice) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            colour: choice == ThemeChoice::Colour && !no_color,
        }
    }
    pub fn mono() -> Theme {
        Theme { colour: false }
    }
    pub fn colourful() -> Theme {
        Theme { colour: true }
    }

    /// A cell filled with a band or traffic-light colour, text in black or
    /// white, whichever reads better on it.
    pub fn fill(&self, (r, g, b): (u8, u8, u8)) -> Style {
        if !self.colour {
            return Style::default();
        }
        let luma = 299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b);
        let fg = if luma > 128_000 {
            Color::Black
        } else {
            Color::White
        };
        Style::default().bg(Color::Rgb(r, g, b)).fg(fg)
    }
    /// Text in a colour (for status letters in tables).
    pub fn ink(&self, (r, g, b): (u8, u8, u8)) -> Style {
        if self.colour {
            Style::default().fg(Color::Rgb(r, g, b))
        } else {
            Style::default()
        }
    }
    pub fn selected(&self) -> Style {
        if self.colour {
            Style::default().bg(Color::Blue).fg(Color::White)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }
    pub fn title(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.colour { s.fg(Color::Cyan) } else { s }
    }
    pub fn error(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.colour { s.fg(Color::Red) } else { s }
    }
    pub fn dim(&self) -> Style {
        if self.colour {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }
    /// The status line: done in green, do-this-first in yellow, failed in
    /// red; bold in every case, so without colour it still stands out.
    pub fn notice(&self, level: Level) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        match (self.colour, level) {
            (false, _) => s,
            (true, Level::Info) => s.fg(Color::Green),
            (true, Level::Warning) => s.fg(Color::Yellow),
            (true, Level::Error) => s.fg(Color::Red),
        }
    }
    pub fn key(&self) -> Style {
        let s = Style::default().add_modifier(Modifier::BOLD);
        if self.colour { s.fg(Color::Yellow) } else { s }
    }
}
