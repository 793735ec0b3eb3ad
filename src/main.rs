mod cli;

use clap::Parser;
use cli::{Cli, Command, HookCommand};
use std::process::ExitCode;

/// mimalloc, with large zeroed blocks mapped fresh: see
/// `riskreg::alloc` for why.
#[global_allocator]
static ALLOCATOR: riskreg::alloc::Allocator = riskreg::alloc::Allocator;

fn main() -> ExitCode {
    let cli = Cli::parse();
    cli::lang::settle(cli.lang);
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
        Some(Command::Roll(opts)) => cli::roll::run(&opts),
        Some(Command::Diff(opts)) => cli::diff::run(&opts),
        Some(Command::Log(opts)) => cli::log::run(&opts),
        Some(Command::Approve(opts)) => cli::approve::run(&opts),
        Some(Command::Hook(HookCommand::Install { dir, force, server })) => {
            if server {
                cli::hook::install_server(dir, force)
            } else {
                cli::hook::install(dir, force)
            }
        }
        Some(Command::Hook(HookCommand::CheckStaged)) => cli::hook::check_staged(),
        Some(Command::Hook(HookCommand::CheckPush)) => cli::hook::check_push(),
        Some(Command::Hook(HookCommand::Refused)) => cli::hook::refused(),
        Some(Command::Verify(opts)) => cli::verify::run(&opts),
        Some(Command::Summary(opts)) => cli::summary::run(&opts),
        Some(Command::Export(opts)) => cli::export::run(&opts),
        Some(Command::Import(opts)) => cli::import::run(&opts),
        Some(Command::Report(opts)) => cli::report::run(&opts),
        Some(Command::Tui { dir }) => cli::tui::run(dir),
        Some(Command::Init(opts)) => cli::init::run(&opts),
        Some(Command::Completions { shell }) => cli::install::completions(shell),
        Some(Command::Man) => cli::install::man(),
        None => cli::tui::run(None),
    }
}
