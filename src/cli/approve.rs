//! `riskreg approve`: sign a register off, recording the digest of exactly
//! what was approved.

use super::out::{Out, say};
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
    /// Date of approval in the Buddhist era, e.g. 2567-10-15; default today (Thai time, or RISKREG_TODAY)
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
        Failure(1, e.text(super::lang::current()))
    }
}

impl From<(u8, String)> for Failure {
    fn from((code, message): (u8, String)) -> Self {
        Failure(code, message)
    }
}

fn approve(opts: &Options) -> Result<String, Failure> {
    let usage = |m: String| Failure(2, m);
    let date = match &opts.date {
        Some(d) => Date::parse_written(d)
            .map_err(|e| usage(format!("--date {d}: {}", e.text(super::lang::current()))))?,
        None => super::lang::today().map_err(usage)?,
    };
    let shown_file = shown(&opts.file);
    let file = opts.file.canonicalize().map_err(|e| {
        usage(say(
            format!("{shown_file}: เปิดไม่ได้ ({e})"),
            format!("{shown_file}: {e}"),
        ))
    })?;
    let root = store::layout::find_root(&file).ok_or_else(|| {
        let bureaus = store::layout::BUREAUS_FILE;
        usage(say(
            format!("{shown_file}: ไม่ได้อยู่ในไดเรกทอรีทะเบียน (ไดเรกทอรีที่มี {bureaus})"),
            format!("{shown_file}: not inside a registers directory (one that holds {bureaus})"),
        ))
    })?;
    // check → approve → sign → write under the register's lock: another
    // approval, a `fmt` or a save cannot change the file in between, so the
    // approval reported is the one in the file, and the one it replaces is
    // named
    let mut done = None;
    store::update(&file, |bytes| {
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
            return Err(Failure(
                1,
                say(
                    format!(
                        "{shown_file} มีข้อผิดพลาด ให้แก้ไขก่อนอนุมัติ:\n{}",
                        errors.join("\n")
                    ),
                    format!(
                        "{shown_file} has errors; fix them before approving:\n{}",
                        errors.join("\n")
                    ),
                ),
            ));
        }
        let mut register: Register = store::parse(&file, bytes, store::REGISTER)
            .map_err(|e| Failure(1, e.text(super::lang::current())))?;
        let previous = audit::approval_state(&register);
        let signer = if opts.sign {
            Some(super::approve_sign::signer(
                &root,
                register.bureau.as_str(),
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
                .ok_or_else(|| {
                    usage(say(
                        format!("--{what} ต้องไม่ว่าง"),
                        format!("--{what} must not be empty"),
                    ))
                })
        };
        let name = pick(&opts.name, signer.as_ref().map(|s| s.name.as_str()), "name")?;
        let position = pick(
            &opts.position,
            signer.as_ref().map(|s| s.position.as_str()),
            "position",
        )?;
        register = audit::approve(&register, &name, &position, date);
        let seal = match &signer {
            Some(_) => Some(super::approve_sign::sign(
                &root,
                &file,
                &mut register,
                opts.key.as_deref(),
            )?),
            None => None,
        };
        let text = store::to_canonical(&register).map_err(|e| Failure(1, e))?;
        done = Some((
            previous,
            audit::content_digest(&register),
            seal,
            name,
            position,
        ));
        Ok(Some(text.into_bytes()))
    })?;
    let Some((previous, digest, seal, name, position)) = done else {
        return Err(Failure(
            1,
            say(
                format!("{shown_file}: ไม่ได้เขียนสิ่งใด"),
                format!("{shown_file}: nothing was written"),
            ),
        ));
    };
    let note = match previous {
        ApprovalState::NotApproved => String::new(),
        ApprovalState::Approved(a) | ApprovalState::ChangedSinceApproval { approval: a } => say(
            format!(" (แทนการอนุมัติโดย {} วันที่ {})", a.name, a.date.thai_short()),
            format!(" (replacing the approval by {} of {})", a.name, a.date),
        ),
    };
    // unsigned is worth saying only where roles are in force (a people file)
    let in_force = root.join(riskreg::model::people::PEOPLE_FILE).exists();
    let sealed = match seal {
        Some(s) => format!(", {}", s.describe_in(super::lang::current())),
        None if in_force => say(
            ", ยังไม่ได้ลงลายมือชื่อดิจิทัล (riskreg approve --sign จะลงลายมือชื่อให้)",
            ", unsigned (riskreg approve --sign would sign it)",
        ),
        None => String::new(),
    };
    Ok(say(
        format!(
            "อนุมัติ {shown_file} แล้ว: {name} ({position}), {}, {digest}{sealed}{note}",
            date.thai_short()
        ),
        format!("approved {shown_file}: {name} ({position}), {date}, {digest}{sealed}{note}"),
    ))
}
