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
    /// The approver's name (with --sign, default: yours in people.ron)
    #[arg(long, required_unless_present = "sign")]
    pub name: Option<String>,
    /// The approver's position (with --sign, default: yours in people.ron)
    #[arg(long, required_unless_present = "sign")]
    pub position: Option<String>,
    /// Also sign the approval with your SSH key (ssh-keygen -Y sign); you must
    /// be an approver of the register's bureau in people.ron and your key
    /// must be in allowed_signers
    #[arg(long)]
    pub sign: bool,
    /// The SSH key to sign with (a private key, or a .pub whose private half
    /// is in ssh-agent); default git's user.signingkey
    #[arg(long, value_name = "FILE", requires = "sign")]
    pub key: Option<PathBuf>,
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
    // approving a register with errors would sign off something invalid
    let only: BTreeSet<PathBuf> = [file.clone()].into_iter().collect();
    let report = check::check_root(&root, Some(&only));
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == riskreg::validate::Severity::Error)
        // the approval being replaced (even a forged one) is no reason to refuse
        .filter(|d| !d.path.starts_with("approved_by"))
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
    let signer = if opts.sign {
        Some(super::approve_sign::signer(
            &root,
            loaded.value.bureau.as_str(),
        )?)
    } else {
        None
    };
    let pick = |given: &Option<String>, from_people: Option<&str>, what: &str| {
        given
            .as_deref()
            .or(from_people)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .ok_or_else(|| usage(format!("--{what} must not be empty")))
    };
    let name = pick(&opts.name, signer.as_ref().map(|s| s.name.as_str()), "name")?;
    let position = pick(
        &opts.position,
        signer.as_ref().map(|s| s.position.as_str()),
        "position",
    )?;
    loaded.value = audit::approve(&loaded.value, &name, &position, date);
    let seal = match &signer {
        Some(_) => Some(super::approve_sign::sign(
            &root,
            &file,
            &mut loaded.value,
            opts.key.as_deref(),
        )?),
        None => None,
    };
    loaded.save().map_err(|e| (1, e.to_string()))?;
    let digest = audit::content_digest(&loaded.value);
    let note = match previous {
        ApprovalState::NotApproved => String::new(),
        ApprovalState::Approved(a) | ApprovalState::ChangedSinceApproval { approval: a } => {
            format!(" (replacing the approval by {} of {})", a.name, a.date)
        }
    };
    // unsigned is worth saying only where roles are in force (a people file)
    let in_force = root.join(riskreg::model::people::PEOPLE_FILE).exists();
    let sealed = match seal {
        Some(s) => format!(", {}", s.describe()),
        None if in_force => ", unsigned (riskreg approve --sign would sign it)".to_string(),
        None => String::new(),
    };
    Ok(format!(
        "approved {shown_file}: {name} ({position}), {date}, {digest}{sealed}{note}"
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
