//! `riskreg approve`: sign a register off, recording the digest of exactly
//! what was approved.

use super::out::Out;
use super::targets::shown;
use riskreg::audit::{self, ApprovalState};
use riskreg::check;
use riskreg::model::Date;
use riskreg::store;
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
            Out::default().line(message);
            ExitCode::SUCCESS
        }
        Err((code, message)) => {
            eprintln!("error: {message}");
            ExitCode::from(code)
        }
    }
}

fn approve(opts: &Options) -> Result<String, (u8, String)> {
    let usage = |m: String| (2, m);
    if opts.name.trim().is_empty() || opts.position.trim().is_empty() {
        return Err(usage("--name and --position must not be empty".into()));
    }
    let date = match &opts.date {
        Some(d) => Date::parse_written(d).map_err(|e| usage(format!("--date {d}: {e}")))?,
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
        return Err((
            1,
            format!(
                "{shown_file} has errors; fix them before approving:\n{}",
                errors.join("\n")
            ),
        ));
    }
    let mut loaded = store::load_register(&file).map_err(|e| (1, e.to_string()))?;
    let previous = audit::approval_state(&loaded.value);
    loaded.value = audit::approve(&loaded.value, opts.name.trim(), opts.position.trim(), date);
    loaded.save().map_err(|e| (1, e.to_string()))?;
    let digest = audit::content_digest(&loaded.value);
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
