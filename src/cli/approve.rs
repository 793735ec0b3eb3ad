//! `riskreg approve`: sign a register off, recording the digest of exactly
//! what was approved.

use super::out::Out;
use super::targets::shown;
use riskreg::audit::{self, ApprovalState};
use riskreg::check;
use riskreg::model::{Date, Register};
use riskreg::store::{self, SaveError};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Options {
    /// The register file
    pub file: PathBuf,
    /// The approver's name
    #[arg(long)]
    pub name: String,
    /// The approver's position
    #[arg(long)]
    pub position: String,
    /// Date of approval in the Buddhist era, e.g. 2567-10-15; default today (Thai time)
    #[arg(long)]
    pub date: Option<String>,
}

pub fn run(opts: &Options) -> ExitCode {
    match approve(opts) {
        Ok(message) => {
            let mut out = Out::default();
            out.line(message);
            out.finish(ExitCode::SUCCESS)
        }
        Err(Failure(code, message)) => {
            super::out::error(message);
            ExitCode::from(code)
        }
    }
}

/// Why nothing was approved: the exit code and what to say.
struct Failure(u8, String);

impl From<SaveError> for Failure {
    fn from(e: SaveError) -> Self {
        Failure(1, e.to_string())
    }
}

fn approve(opts: &Options) -> Result<String, Failure> {
    let usage = |m: String| Failure(2, m);
    if opts.name.trim().is_empty() || opts.position.trim().is_empty() {
        return Err(usage("--name and --position must not be empty".into()));
    }
    let date = match &opts.date {
        Some(d) => Date::try_from(d.clone()).map_err(|e| usage(format!("--date {d}: {e}")))?,
        None => today_in_thailand(),
    };
    let shown_file = shown(&opts.file);
    let file = opts
        .file
        .canonicalize()
        .map_err(|e| usage(format!("{shown_file}: {e}")))?;
    let root = store::layout::find_root(&file).ok_or_else(|| {
        usage(format!(
            "{shown_file}: not inside a registers directory (one that holds {})",
            store::layout::BUREAUS_FILE
        ))
    })?;
    // check → approve → write under the register's lock: another approval,
    // a `fmt` or a save cannot change the file in between, so the approval
    // reported is the one in the file, and the one it replaces is named
    let mut done = None;
    store::update(&file, |bytes| {
        // approving a register with errors would sign off something invalid
        let only: BTreeSet<PathBuf> = [file.clone()].into_iter().collect();
        let report = check::check_root(&root, Some(&only));
        let errors: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == riskreg::validate::Severity::Error)
            .map(super::out::diagnostic_line)
            .collect();
        if !errors.is_empty() {
            return Err(Failure(
                1,
                format!(
                    "{shown_file} has errors; fix them before approving:\n{}",
                    errors.join("\n")
                ),
            ));
        }
        let register: Register =
            store::parse(&file, bytes, store::REGISTER).map_err(|e| Failure(1, e.to_string()))?;
        let previous = audit::approval_state(&register);
        let approved = audit::approve(&register, opts.name.trim(), opts.position.trim(), date);
        let text = store::to_canonical(&approved).map_err(|e| Failure(1, e))?;
        done = Some((previous, audit::content_digest(&approved)));
        Ok(Some(text.into_bytes()))
    })?;
    let Some((previous, digest)) = done else {
        return Err(Failure(1, format!("{shown_file}: nothing was written")));
    };
    let note = match previous {
        ApprovalState::NotApproved => String::new(),
        ApprovalState::Approved(a) | ApprovalState::ChangedSinceApproval { approval: a } => {
            format!(" (replacing the approval by {} of {})", a.name, a.date)
        }
    };
    Ok(format!(
        "approved {shown_file}: {} ({}), {date}, {digest}{note}",
        opts.name.trim(),
        opts.position.trim()
    ))
}

/// Today's date in Thailand (UTC+7), in the Buddhist era.
fn today_in_thailand() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::in_thailand_at(secs).unwrap_or_else(|_| {
        // only a clock before 1957 or after 2157 gets here
        Date::from_ce(2024, 1, 1).expect("a fixed valid date")
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_a_plausible_date() {
        let d = super::today_in_thailand();
        assert!(d.year_be() >= 2567, "{d}");
    }
}
