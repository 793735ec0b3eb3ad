//! History in domain terms: the commits that changed a register, a risk or a
//! measure, each with its semantic changes; and the commit an approval was
//! given on, to say what changed since.

use super::git::{Commit, Repo};
use super::revision::{Compare, compare};
use super::{AuditError, Change, content_digest, diff::Snapshot};
use crate::method::Methodology;
use crate::model::{Approval, Lang, Register};
use crate::store;
use std::path::Path;

/// What to follow through history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogTarget {
    /// Register files matching these pathspecs (relative to the work tree top).
    Files(Vec<String>),
    Risk(String),
    Measure(String),
}

/// One commit and what it changed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LogEntry {
    pub commit: Commit,
    pub changes: Vec<Change>,
}

/// Every commit (newest first) that changed the target, with its changes;
/// commits that touched the files without a semantic change (reformatting)
/// are listed with no changes, so nothing in the history is hidden.
pub fn history(repo: &Repo, target: &LogTarget) -> Result<Vec<LogEntry>, AuditError> {
    let paths = match target {
        LogTarget::Files(p) => p.clone(),
        LogTarget::Risk(_) | LogTarget::Measure(_) => vec![super::REGISTER_FILES.to_string()],
    };
    let mut out = Vec::new();
    for commit in repo.log(&paths)? {
        let changes = compare(
            repo,
            &Compare {
                old: commit.parent.clone(),
                new: Some(commit.id.clone()),
                paths: paths.clone(),
            },
        )?;
        let changes: Vec<Change> = match target {
            LogTarget::Files(_) => changes,
            LogTarget::Risk(id) => changes
                .into_iter()
                .filter(|c| c.target.risk() == Some(id.as_str()))
                .collect(),
            LogTarget::Measure(id) => changes
                .into_iter()
                .filter(|c| c.target.measure() == Some(id.as_str()))
                .collect(),
        };
        if changes.is_empty() && !matches!(target, LogTarget::Files(_)) {
            continue;
        }
        out.push(LogEntry { commit, changes });
    }
    Ok(out)
}

/// A commit's author date in the Buddhist era: as the registers write dates
/// in English, the Thai way (`31 มี.ค. 2567`) in Thai.
pub fn commit_date(c: &Commit, lang: Lang) -> String {
    let mut parts = c.date.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Some(y)), Some(Some(m)), Some(Some(d))) => {
            crate::model::Date::from_ce(y as i32, m as u8, d as u8)
                .map_or(c.date.clone(), |d| d.written(lang))
        }
        _ => c.date.clone(),
    }
}

/// Where the approved content of a register is in history, and what changed since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SinceApproval {
    /// The newest commit whose version of the file has the approved content.
    pub commit: Commit,
    /// The changes from that version to `current`.
    pub changes: Vec<Change>,
}

/// Looks for the approved content of `current` (read from `file`) in the
/// file's history: `Ok(None)` when no commit holds it.
pub fn since_approval(
    file: &Path,
    current: &Register,
    approval: &Approval,
    methods: &[Methodology],
) -> Result<Option<SinceApproval>, AuditError> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let repo = Repo::discover(dir)?;
    let cwd = std::env::current_dir().map_err(|e| AuditError::Io {
        path: file.to_path_buf(),
        message: e.to_string(),
    })?;
    let rel = super::revision::pathspecs(&repo, &cwd, &[file.to_path_buf()])?;
    let Some(rel) = rel.into_iter().next() else {
        return Ok(None);
    };
    let commits = repo.log(std::slice::from_ref(&rel))?;
    let specs: Vec<String> = commits.iter().map(|c| format!("{}:{rel}", c.id)).collect();
    let blobs = repo.blobs(&specs)?;
    for (commit, blob) in commits.into_iter().zip(blobs) {
        let Some(bytes) = blob else { continue };
        let Ok(old) = store::parse::<Register>(Path::new(&rel), &bytes, store::REGISTER) else {
            continue;
        };
        if content_digest(&old) != approval.digest {
            continue;
        }
        let snap = |r: &Register| Snapshot {
            registers: [(rel.clone(), Ok(r.clone()))].into_iter().collect(),
            methods: methods.to_vec(),
        };
        let changes = super::diff(&snap(&old), &snap(current))
            .into_iter()
            // the approval itself being added is not a change to what was approved
            .filter(|c| !matches!(c.kind, super::ChangeKind::Approved { .. }))
            .collect();
        return Ok(Some(SinceApproval { commit, changes }));
    }
    Ok(None)
}

/// What `validate` says about a register edited after its approval: who
/// approved it and, when git history holds the approved content, which
/// commit that was and what changed since. `None` when the register is not
/// approved or still holds what was approved.
pub fn approval_warning(
    file: &Path,
    current: &Register,
    methods: &[Methodology],
) -> Option<crate::model::Label> {
    let super::ApprovalState::ChangedSinceApproval { approval } = super::approval_state(current)
    else {
        return None;
    };
    let found = since_approval(file, current, &approval, methods);
    let said = |lang: Lang| {
        let th = lang == Lang::Th;
        let who = if th {
            format!(
                "แก้ไขหลังจากที่ {} ({}) อนุมัติเมื่อ {}",
                approval.name,
                approval.position,
                approval.date.thai_short()
            )
        } else {
            format!(
                "changed since its approval by {} ({}) on {}",
                approval.name, approval.position, approval.date
            )
        };
        match &found {
            Ok(Some(SinceApproval { commit, changes })) => {
                const SHOWN: usize = 8;
                let short = &commit.id[..commit.id.len().min(10)];
                let mut listed: Vec<String> = changes
                    .iter()
                    .take(SHOWN)
                    .map(|c| super::render::line(c, lang))
                    .collect();
                if changes.len() > SHOWN {
                    let more = changes.len() - SHOWN;
                    listed.push(if th {
                        format!("และอีก {more} รายการ (riskreg diff {short} -- <file>)")
                    } else {
                        format!("and {more} more (riskreg diff {short} -- <file>)")
                    });
                }
                let listed = if listed.is_empty() {
                    lang.pick("ไม่มีการเปลี่ยนแปลงเนื้อหา", "nothing in domain terms")
                        .to_string()
                } else {
                    listed.join("; ")
                };
                if th {
                    format!(
                        "{who}; ฉบับที่อนุมัติคือ commit {short} ({}: {}); เปลี่ยนแปลงตั้งแต่นั้น: {listed}",
                        commit.author, commit.subject
                    )
                } else {
                    format!(
                        "{who}; the approved content is commit {short} ({}: {}); changed since: {listed}",
                        commit.author, commit.subject
                    )
                }
            }
            _ if th => format!(
                "{who}; เนื้อหาไม่ตรงกับค่าย่อย (digest) ที่อนุมัติ {} แล้ว",
                approval.digest.short()
            ),
            _ => format!(
                "{who}; the content no longer matches the approved digest {}",
                approval.digest.short()
            ),
        }
    };
    Some(crate::model::Label::new(said(Lang::Th), said(Lang::En)))
}
