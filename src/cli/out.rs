//! Printing results to stdout without panicking when the reader goes away
//! (`riskreg validate | head`): after a broken pipe, output stops quietly.

use std::fmt::Display;
use std::io::Write;

#[derive(Default)]
pub struct Out {
    closed: bool,
}

impl Out {
    pub fn line(&mut self, text: impl Display) {
        if self.closed {
            return;
        }
        if writeln!(std::io::stdout().lock(), "{text}").is_err() {
            // the reader closed the pipe, or stdout is gone: nothing useful
            // can be printed any more, and the exit code still tells the result
            self.closed = true;
        }
    }
}

/// A diagnostic as one grep-friendly line, its path relative to the current
/// directory: `registers/2567/FIN.ron:42:23: error: … [risks[1].inherent.likelihood]`.
pub fn diagnostic_line(d: &riskreg::check::Diagnostic) -> String {
    let mut d = d.clone();
    d.file = std::path::PathBuf::from(super::targets::shown(&d.file));
    if d.line == 0 {
        format!("{}: {}: {}", d.file.display(), d.severity, d.message)
    } else {
        d.to_string()
    }
}
