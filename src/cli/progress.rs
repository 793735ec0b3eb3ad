//! A progress bar on stderr for commands that read many files (`validate`,
//! `summary`, `roll`, …): drawn only when stderr is a terminal, so pipes,
//! files and CI logs get nothing, and cleared when the work is done, so the
//! command's output is the same with and without it.
//!
//! indicatif draws it: it redraws at most 20 times a second whatever the
//! rate of files, fits the bar to the terminal's width, takes increments
//! from every core without a lock of ours, and estimates the time left.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use riskreg::progress::Progress;
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

/// Work done sooner than this shows no bar: it would only flicker.
const WORTH_A_BAR: Duration = Duration::from_millis(400);

/// The bar of the work under way, if it is shown.
pub struct StderrBar {
    shown: bool,
    bar: Mutex<Option<ProgressBar>>,
}

impl StderrBar {
    /// A bar on stderr, or nothing when stderr is not a terminal.
    pub fn new() -> StderrBar {
        StderrBar {
            shown: std::io::stderr().is_terminal(),
            bar: Mutex::new(None),
        }
    }

    fn current(&self) -> Option<ProgressBar> {
        self.bar.lock().ok()?.clone()
    }
}

impl Default for StderrBar {
    fn default() -> Self {
        Self::new()
    }
}

impl Progress for StderrBar {
    fn start(&self, what: &str, total: usize) {
        if !self.shown {
            return;
        }
        let style = ProgressStyle::with_template(
            "{msg} [{wide_bar}] {human_pos}/{human_len} files, {eta} left",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        // hidden until the work has lasted long enough to be worth a bar
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden())
            .with_style(style)
            .with_message(what.to_string());
        if let Ok(mut slot) = self.bar.lock()
            && let Some(old) = slot.replace(bar)
        {
            old.finish_and_clear();
        }
    }
    fn advance(&self, n: usize) {
        if let Some(bar) = self.current() {
            if bar.is_hidden() && bar.elapsed() >= WORTH_A_BAR {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
            bar.inc(n as u64);
        }
    }
    fn finish(&self) {
        if let Ok(mut slot) = self.bar.lock()
            && let Some(bar) = slot.take()
        {
            bar.finish_and_clear();
        }
    }
}

impl Drop for StderrBar {
    fn drop(&mut self) {
        self.finish();
    }
}
