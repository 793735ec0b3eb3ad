//! `riskreg verify [REV_RANGE]`: every commit that changed a register (or a
//! shared file) without the right role, and what each approval recorded
//! says of its signature — the report internal audit runs.

use super::diff::base_dir;
use super::out::{Out, say};
use riskreg::audit::AuditError;
use riskreg::audit::git::Repo;
use riskreg::audit::verify::{self, Verdict};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Options {
    /// Commits to check, as git names them (`main`, `v2567..HEAD`); default all of HEAD
    #[arg(value_name = "REV_RANGE")]
    pub range: Option<String>,
    /// Run as if started in DIR
    #[arg(short = 'C', value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run(opts: &Options) -> ExitCode {
    let verdicts = base_dir(opts.dir.as_deref())
        .and_then(|cwd| Repo::discover(&cwd))
        .and_then(|repo| {
            if let Some(r) = &opts.range {
                check_range(&repo, r)?;
            }
            verify::verify(&repo, opts.range.as_deref())
        });
    match verdicts {
        Ok(v) => {
            let mut out = Out::default();
            let breaches = report(&mut out, &v);
            out.finish(if breaches > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Err(e) => {
            super::out::error(audit_text(&e));
            ExitCode::from(2)
        }
    }
}

/// Each end of `A..B` / `A...B` must name a commit: a typo is an error, not
/// an empty report.
fn check_range(repo: &Repo, range: &str) -> Result<(), AuditError> {
    let ends: Vec<&str> = range
        .split("...")
        .flat_map(|p| p.split(".."))
        .filter(|e| !e.is_empty())
        .collect();
    if ends.is_empty() {
        return Err(AuditError::UnknownRevision(range.to_string()));
    }
    for end in ends {
        repo.resolve(end)?;
    }
    Ok(())
}

/// Prints the verdicts (oldest first); the number of breaches.
pub fn report(out: &mut Out, verdicts: &[Verdict]) -> usize {
    let mut breaches = 0;
    let mut unchecked = 0;
    for v in verdicts {
        let j = &v.judgement;
        if j.breaches.is_empty() && j.approvals.is_empty() {
            if !j.unchecked.is_empty() {
                unchecked += 1;
            }
            continue;
        }
        let c = &v.commit;
        out.line(format!(
            "{} {} {} <{}>: {}",
            &c.id[..c.id.len().min(10)],
            c.date,
            c.author,
            c.email,
            c.subject
        ));
        for b in j.breaches.iter().map(super::lang::said) {
            out.line(say(
                format!("    ไม่มีสิทธิ์: {b}"),
                format!("    NOT ALLOWED: {b}"),
            ));
        }
        for a in j.approvals.iter().map(super::lang::said) {
            out.line(format!("    {a}"));
        }
        breaches += j.breaches.len();
    }
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    out.line(say(
        format!(
            "ตรวจ {} commit พบการแก้ไขโดยไม่มีบทบาทที่ถูกต้องหรือการอนุมัติปลอม {} รายการ",
            verdicts.len(),
            breaches
        ),
        format!(
            "{} checked, {} without the right role or with a forged approval",
            plural(verdicts.len(), "commit"),
            plural(breaches, "change")
        ),
    ));
    if unchecked > 0 {
        out.line(say(
            format!("{unchecked} commit ทำก่อนมี people.ron จึงไม่ได้ตรวจบทบาท"),
            format!(
                "{} made before a people.ron existed: roles not checked there",
                plural(unchecked, "commit")
            ),
        ));
    }
    breaches
}

/// What went wrong with git, in the language of the run: the English is the
/// error's own text; what git itself said stays as it said it.
pub(super) fn audit_text(e: &AuditError) -> String {
    e.text(super::lang::current())
}
