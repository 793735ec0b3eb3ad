//! `riskreg diff`: what changed in the registers between two revisions, in
//! domain terms.

use super::out::Out;
use riskreg::audit::git::Repo;
use riskreg::audit::{AuditError, Compare, compare, render};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Options {
    /// Revisions: none (HEAD vs working tree), one (it vs working tree) or two
    #[arg(value_name = "REV", num_args = 0..=2)]
    pub revs: Vec<String>,
    /// Only these files or directories
    #[arg(last = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output as plain text, Markdown (pull requests, audit memos) or JSON
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Run as if started in DIR
    #[arg(short = 'C', value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The directory commands run in: `-C DIR` or the current one.
pub fn base_dir(dir: Option<&Path>) -> Result<PathBuf, AuditError> {
    let cwd = std::env::current_dir().map_err(|e| AuditError::Io {
        path: PathBuf::from("."),
        message: e.to_string(),
    })?;
    Ok(match dir {
        Some(d) => cwd.join(d),
        None => cwd,
    })
}

pub fn run(opts: &Options) -> ExitCode {
    match changes(opts) {
        Ok(changes) => {
            let text = match opts.format {
                Format::Text => render::text(&changes, super::lang::current()),
                Format::Markdown => render::markdown(&changes, super::lang::current()),
                Format::Json => render::json(&changes) + "\n",
            };
            let mut out = Out::default();
            out.line(text.trim_end());
            out.finish(ExitCode::SUCCESS)
        }
        Err(e) => {
            super::out::error(super::verify::audit_text(&e));
            ExitCode::from(2)
        }
    }
}

fn changes(opts: &Options) -> Result<Vec<riskreg::audit::Change>, AuditError> {
    let cwd = base_dir(opts.dir.as_deref())?;
    let repo = Repo::discover(&cwd)?;
    let paths = riskreg::audit::revision_pathspecs(&repo, &cwd, &opts.paths)?;
    let (old, new) = match opts.revs.as_slice() {
        // a repository without commits yet: everything in it is added
        [] => (repo.resolve("HEAD").ok(), None),
        [a] => (Some(repo.resolve(a)?), None),
        [a, b] => (Some(repo.resolve(a)?), Some(repo.resolve(b)?)),
        _ => {
            return Err(AuditError::UnknownRevision(
                "(at most two revisions may be given; put paths after --)".into(),
            ));
        }
    };
    compare(&repo, &Compare { old, new, paths })
}
