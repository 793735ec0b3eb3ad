//! The registers arriving from the background loader: the app opens with
//! the shared files only, draws, and takes the registers in as they are
//! read. Until the year is read whole, what is computed across registers
//! (the overview's round figures, the summary) says it is still loading,
//! and what needs a register not yet read says so instead of acting.

use super::*;
use crate::tui::workspace::{Background, Piece};

impl App {
    /// Opens a registers directory with its registers read in the
    /// background; the event loop hands what `background` receives to
    /// `update` as `Msg::Loaded`.
    pub fn open_in_background(
        root: &std::path::Path,
        settings: Settings,
        theme: Theme,
        background: Background,
    ) -> Result<App, crate::model::Label> {
        Ok(App::new(
            Workspace::open_in_background(root, background)?,
            settings,
            theme,
        ))
    }

    pub(super) fn on_loaded(&mut self, piece: Piece) {
        self.ws.take(piece);
        // the default round is the latest with monitoring in any register:
        // each piece may hold a later one
        if self.round_is_default {
            self.round = self.default_round();
        }
    }

    /// "reading registers 340/1000" while the year is being read.
    pub fn loading_text(&self) -> Option<String> {
        let l = self.ws.loading.as_ref()?;
        Some(format!(
            "{} {}/{}",
            self.lang.pick("กำลังอ่านทะเบียน", "reading registers"),
            l.done,
            l.total()
        ))
    }

    /// Why an action that needs the whole year waits, while it is read.
    pub fn still_loading(&self) -> Option<Notice> {
        let l = self.ws.loading.as_ref()?;
        Some(Notice::StillLoading {
            done: l.done,
            total: l.total(),
        })
    }
}
