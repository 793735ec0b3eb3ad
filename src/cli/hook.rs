//! `riskreg hook`: the git pre-commit hook, the server's pre-receive hook,
//! and the checks they run.

use super::diff::base_dir;
use super::out::{Out, say};
use super::verify::audit_text;
use riskreg::audit::access::Identity;
use riskreg::audit::git::Repo;
use riskreg::audit::hook::{self, Installed};
use riskreg::audit::{AuditError, verify};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn install(dir: Option<PathBuf>, force: bool) -> ExitCode {
    let result = base_dir(dir.as_deref()).and_then(|cwd| {
        let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("riskreg"));
        hook::install(&cwd, &exe, force)
    });
    installed(result)
}

fn installed(result: Result<Installed, AuditError>) -> ExitCode {
    let shown = |p: &PathBuf| super::targets::shown(p);
    match result {
        Ok(done) => {
            let line = match &done {
                Installed::New(p) => say(
                    format!("ติดตั้ง {} แล้ว", shown(p)),
                    format!("installed {}", shown(p)),
                ),
                Installed::Updated(p) => say(
                    format!("ปรับปรุง {} แล้ว", shown(p)),
                    format!("updated {}", shown(p)),
                ),
                Installed::Replaced(p) => say(
                    format!("แทนที่ hook เดิม {} แล้ว", shown(p)),
                    format!("replaced the previous hook {}", shown(p)),
                ),
            };
            let mut out = Out::default();
            out.line(line);
            out.finish(ExitCode::SUCCESS)
        }
        Err(e) => {
            super::out::error(audit_text(&e));
            ExitCode::from(2)
        }
    }
}

/// `riskreg hook install --server`: the pre-receive hook of a central repository.
pub fn install_server(dir: Option<PathBuf>, force: bool) -> ExitCode {
    let result = base_dir(dir.as_deref()).and_then(|cwd| {
        let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("riskreg"));
        hook::install_server(&cwd, &exe, force)
    });
    installed(result)
}

/// Run by the pre-commit hook: refuses a commit that changes a register of
/// a bureau the committer does not belong to (people.ron of HEAD).
pub fn check_staged() -> ExitCode {
    let result = base_dir(None).and_then(|cwd| {
        let repo = Repo::discover(&cwd)?;
        let who = Identity::current(&repo.root, true);
        verify::check_staged(&repo, &who).map(|j| (who, j))
    });
    match result {
        Ok((who, j)) => {
            for a in &j.approvals {
                eprintln!("riskreg: {}", super::lang::said(a));
            }
            if j.breaches.is_empty() {
                return ExitCode::SUCCESS;
            }
            for b in &j.breaches {
                eprintln!("riskreg: {}", super::lang::said(b));
            }
            eprintln!(
                "{}",
                say(
                    format!(
                        "riskreg: ปฏิเสธการ commit: คุณคือ {} ดู people.ron และ docs/audit.md",
                        who.describe_in(riskreg::model::Lang::Th)
                    ),
                    format!(
                        "riskreg: commit refused: you are {}; see people.ron and docs/audit.md",
                        who.describe()
                    ),
                )
            );
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!(
                "{}",
                say(
                    format!(
                        "riskreg: ปฏิเสธการ commit: ตรวจสอบบทบาทไม่ได้: {}",
                        audit_text(&e)
                    ),
                    format!("riskreg: commit refused: cannot check roles: {e}"),
                )
            );
            ExitCode::from(1)
        }
    }
}

/// Run by the pre-commit hook after `validate` or `fmt --check` refused the
/// staged registers: says so in the committer's language.
pub fn refused() -> ExitCode {
    eprintln!(
        "{}",
        say(
            "riskreg: ปฏิเสธการ commit: แก้ไขทะเบียนที่ stage ไว้ตามข้างบน (riskreg fmt จัดรูปแบบให้เป็นมาตรฐาน)",
            "riskreg: commit refused: fix the staged registers above (riskreg fmt rewrites them canonically)",
        )
    );
    ExitCode::SUCCESS
}

/// Run by the server's pre-receive hook: `<old> <new> <ref>` lines on stdin.
pub fn check_push() -> ExitCode {
    let mut updates = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut updates) {
        eprintln!(
            "{}",
            say(
                format!("riskreg: ปฏิเสธการ push: อ่าน ref ที่ push มาไม่ได้: {e}"),
                format!("riskreg: push refused: cannot read the refs pushed: {e}"),
            )
        );
        return ExitCode::from(1);
    }
    // the pusher is the server login, never a git setting they control
    let pusher = Identity::current(std::path::Path::new("."), false);
    let result = base_dir(None)
        .and_then(|cwd| verify::check_push(&Repo::discover(&cwd)?, &updates, &pusher));
    match result {
        Ok(verdicts) => {
            let mut refused = false;
            for v in &verdicts {
                for b in &v.judgement.breaches {
                    let id = &v.commit.id[..v.commit.id.len().min(10)];
                    let b = super::lang::said(b);
                    eprintln!("riskreg: {id} {}: {b}", v.commit.email);
                    refused = true;
                }
            }
            if refused {
                eprintln!(
                    "{}",
                    say(
                        "riskreg: ปฏิเสธการ push (ดู people.ron และ docs/audit.md)",
                        "riskreg: push refused (see people.ron and docs/audit.md)",
                    )
                );
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!(
                "{}",
                say(
                    format!(
                        "riskreg: ปฏิเสธการ push: ตรวจสอบบทบาทไม่ได้: {}",
                        audit_text(&e)
                    ),
                    format!("riskreg: push refused: cannot check roles: {e}"),
                )
            );
            ExitCode::from(1)
        }
    }
}
