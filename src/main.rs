mod cli;

use clap::Parser;
use cli::{Cli, Command, HookCommand};
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
        Some(Command::Diff {
            revs,
            paths,
            format,
            dir,
            lang,
        }) => cli::diff::run(&cli::diff::Options {
            revs,
            paths,
            format,
            dir,
            lang,
        }),
        Some(Command::Log {
            files,
            risk,
            measure,
            format,
            dir,
            lang,
        }) => cli::log::run(&cli::log::Options {
            files,
            risk,
            measure,
            dir,
            lang,
            format,
        }),
        Some(Command::Approve {
            file,
            name,
            position,
            date,
        }) => cli::approve::run(&cli::approve::Options {
            file,
            name,
            position,
            date,
        }),
        Some(Command::Hook(HookCommand::Install { dir, force })) => cli::hook::install(dir, force),
        Some(Command::Summary {
            dir,
            year,
            round,
            compare,
            format,
            lang,
            thai_digits,
            width,
            output,
        }) => cli::summary::run(&cli::summary::Options {
            dir,
            year,
            round,
            compare,
            format,
            lang,
            thai_digits,
            width,
            output,
        }),
        Some(Command::Tui { dir }) => cli::tui::run(dir),
        None => cli::tui::run(None),
    }
}
