//! Printing results to stdout. Every write is checked: output that cannot be
//! written (`> /dev/full`, a full disk) is an error and the exit code says
//! so, while a reader that goes away (`riskreg validate | head`) only stops
//! the output, quietly. Text from registers, commits and users is printed
//! with its control characters shown, never sent to the terminal raw.

use riskreg::visible::visible;
use std::fmt::Display;
use std::io::Write;
use std::process::ExitCode;

#[derive(Default)]
pub struct Out {
    closed: bool,
    failed: Option<std::io::Error>,
}

impl Out {
    /// One line of text (it may hold line breaks of its own).
    pub fn line(&mut self, text: impl Display) {
        let text = format!("{}\n", visible(&text.to_string()));
        self.write(text.as_bytes());
    }

    /// Bytes as they are: a rendered summary, already made safe.
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.write(bytes);
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.closed {
            return;
        }
        if let Err(e) = std::io::stdout().lock().write_all(bytes) {
            self.stop(e);
        }
    }

    fn stop(&mut self, e: std::io::Error) {
        self.closed = true;
        // the reader closed the pipe: nothing useful can be printed any
        // more, and the exit code still tells the result
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            self.failed = Some(e);
        }
    }

    /// The exit code of the command: `code`, unless the output could not be
    /// written, which is then said on stderr with exit code 1.
    pub fn finish(mut self, code: ExitCode) -> ExitCode {
        if !self.closed
            && let Err(e) = std::io::stdout().lock().flush()
        {
            self.stop(e);
        }
        match self.failed {
            Some(e) => {
                error(super::lang::current().pick(
                    &format!("เขียนผลลัพธ์ไม่ได้: {e}"),
                    &format!("cannot write the output: {e}"),
                ));
                ExitCode::from(1)
            }
            None => code,
        }
    }
}

/// A diagnostic as one grep-friendly line, its path relative to the current
/// directory: `registers/2567/FIN.ron:42:23: error: … [risks[1].inherent.likelihood]`,
/// in the language of the run (the place and path stay as they are).
/// Control characters of the values it quotes are shown, not sent.
pub fn diagnostic_line(d: &riskreg::check::Diagnostic) -> String {
    let mut d = d.clone();
    d.file = std::path::PathBuf::from(super::targets::shown(&d.file));
    visible(&d.text(super::lang::current())).into_owned()
}

/// Refuses to compute or write from registers with errors: prints each
/// error (not the warnings, which do not block) on stderr, then `why`, and
/// gives exit code 1. `None` when there is no error.
pub fn refuse_on_errors(report: &riskreg::check::Report, why: &str) -> Option<ExitCode> {
    if report.errors() == 0 {
        return None;
    }
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == riskreg::validate::Severity::Error);
    for d in errors {
        eprintln!("{}", diagnostic_line(d));
    }
    error(why);
    Some(ExitCode::from(1))
}

/// An error message on stderr, its control characters shown, after the
/// word `error:` in the language of the run.
pub fn error(message: impl Display) {
    let word = super::lang::current().pick("ข้อผิดพลาด", "error");
    eprintln!("{word}: {}", visible(&message.to_string()));
}

/// The text of a message in the language of the run: `th` or `en`. The
/// English text is the one tests and docs match; the Thai stands beside it.
pub fn say(th: impl Display, en: impl Display) -> String {
    match super::lang::current() {
        riskreg::model::Lang::Th => th.to_string(),
        riskreg::model::Lang::En => en.to_string(),
    }
}
