//! `riskreg completions SHELL` and `riskreg man`: what installing riskreg for
//! users needs besides the binary, generated from the one command-line
//! definition so they never fall behind it.

use super::Cli;
use clap::CommandFactory;
use std::io::Write;
use std::process::ExitCode;

/// The completion script of `shell` on stdout.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "riskreg", &mut buf);
    emit(&buf)
}

/// The manual page (roff) on stdout.
pub fn man() -> ExitCode {
    let mut buf = Vec::new();
    if let Err(e) = clap_mangen::Man::new(Cli::command()).render(&mut buf) {
        super::out::error(super::out::say(
            format!("เขียนหน้าคู่มือไม่ได้: {e}"),
            format!("cannot write the manual page: {e}"),
        ));
        return ExitCode::from(1);
    }
    emit(&buf)
}

/// Writes all of `bytes`; a closed or failing stdout is an error (exit 1),
/// never a silent half file.
fn emit(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            super::out::error(super::out::say(
                format!("เขียนออกทาง stdout ไม่ได้: {e}"),
                format!("cannot write to stdout: {e}"),
            ));
            ExitCode::from(1)
        }
    }
}
