mod cli;

use clap::Parser;
use cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Validate { paths }) => cli::validate::run(&paths),
        Some(Command::Fmt {
            check,
            drop_comments,
            paths,
        }) => cli::fmt::run(
            &paths,
            &cli::fmt::Options {
                check,
                drop_comments,
            },
        ),
        Some(Command::Roll { from, bureaus, dir }) => {
            cli::roll::run(&cli::roll::Options { from, bureaus, dir })
        }
        Some(Command::Tui { dir }) => cli::tui::run(dir),
        None => cli::tui::run(None),
    }
}
