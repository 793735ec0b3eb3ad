//! How long work tells how far it has got: the loader counts files as it
//! reads them, and whoever started the work decides how to show it (a bar
//! on the terminal's stderr for the CLI, a line on screen in the TUI,
//! nothing at all in tests and pipes). Knows nothing of terminals.

/// Receives progress reports. Called from several threads at once.
pub trait Progress: Sync {
    /// Work of `total` steps, described by `what` ("reading registers"),
    /// begins.
    fn start(&self, what: &str, total: usize);
    /// `n` more steps are done.
    fn advance(&self, n: usize);
    /// The work is over (done or failed): whatever shows it goes away.
    fn finish(&self);
}

/// Shows nothing.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: &str, _: usize) {}
    fn advance(&self, _: usize) {}
    fn finish(&self) {}
}
