//! The role rules applied to git: a commit about to be made (pre-commit), the
//! commits a push brings (the server's pre-receive hook) and history
//! (`riskreg verify`). Each change is judged by the people and
//! allowed_signers files of the revision before it, so a commit cannot
//! grant itself the rights it uses.

use super::access::{self, Identity, Seal};
use super::git::{Commit, Repo};
use super::{AuditError, REGISTER_FILES};
use crate::model::people::{ALLOWED_SIGNERS_FILE, PEOPLE_FILE};
use crate::model::{Label, Lang, People, Register};
use crate::store;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// Pathspecs of every file the rules guard.
pub fn guarded_pathspecs() -> Vec<String> {
    [
        REGISTER_FILES,
        ":(glob)**/people.ron",
        ":(glob)**/allowed_signers",
        ":(glob)**/bureaus.ron",
        ":(glob)**/approaches.ron",
        ":(glob)**/methodology/*.ron",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The rules in force at a revision for one registers root.
struct Rules {
    people: Option<People>,
    /// `allowed_signers` of that revision, written out for ssh-keygen.
    signers: Option<tempfile::NamedTempFile>,
    /// A people file that does not parse there.
    broken: Option<String>,
}

impl Rules {
    /// `rev` `None`: the index (what is staged).
    fn at(repo: &Repo, rev: Option<&str>, root: &str) -> Result<Rules, AuditError> {
        let read = |file: &str| -> Result<Option<Vec<u8>>, AuditError> {
            let path = format!("{root}{file}");
            match rev {
                Some(r) => repo.file_at(r, &path),
                None => repo.staged_file(&path),
            }
        };
        let (people, broken) = match read(PEOPLE_FILE)? {
            None => (None, None),
            Some(bytes) => {
                let path = format!("{root}{PEOPLE_FILE}");
                match store::parse::<People>(Path::new(&path), &bytes, access::PEOPLE) {
                    Ok(p) => (Some(p), None),
                    Err(e) => (None, Some(e.to_string())),
                }
            }
        };
        let signers = match read(ALLOWED_SIGNERS_FILE)? {
            None => None,
            Some(bytes) => {
                let io = |e: std::io::Error| AuditError::Io {
                    path: std::env::temp_dir(),
                    message: e.to_string(),
                };
                let mut f = tempfile::NamedTempFile::new().map_err(io)?;
                f.write_all(&bytes).map_err(io)?;
                Some(f)
            }
        };
        Ok(Rules {
            people,
            signers,
            broken,
        })
    }
}

/// What the rules say about one commit (or the staged change), each
/// sentence in Thai and English for the command that says it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Judgement {
    /// Changes made without the right role, forged approvals: each refuses
    /// a commit or a push, and is what `verify` reports.
    pub breaches: Vec<Label>,
    /// What each approval recorded says of its signature.
    pub approvals: Vec<Label>,
    /// Roots whose changes were not judged (no people file before them).
    pub unchecked: Vec<String>,
}

/// Judges the change from `base` (None: before the first commit) to `new`
/// (None: the index) by `who` (and the `pusher`, on a server).
fn judge(
    repo: &Repo,
    base: Option<&str>,
    new: Option<&str>,
    paths: &[String],
    who: &Identity,
    pusher: Option<&Identity>,
) -> Result<Judgement, AuditError> {
    let mut out = Judgement::default();
    let mut by_root: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for p in paths.iter().filter(|p| access::guarded(p).is_some()) {
        by_root
            .entry(access::root_of(p))
            .or_default()
            .push(p.clone());
    }
    for (root, paths) in by_root {
        let rules = match base {
            Some(b) => Rules::at(repo, Some(b), &root)?,
            None => Rules {
                people: None,
                signers: None,
                broken: None,
            },
        };
        if let Some(e) = &rules.broken {
            out.breaches.push(Label::new(
                format!("{root}{PEOPLE_FILE} อ่านไม่ได้ จึงไม่มีใครแก้ไขสิ่งใดได้: {e}"),
                format!("{root}{PEOPLE_FILE} does not parse, so nobody may change anything: {e}"),
            ));
            continue;
        }
        let Some(people) = &rules.people else {
            out.unchecked.push(format!("{root}{PEOPLE_FILE}"));
            continue;
        };
        out.breaches
            .extend(access::refusals(Some(people), who, &paths));
        if let Some(pusher) = pusher {
            out.breaches.extend(
                access::refusals(Some(people), pusher, &paths)
                    .into_iter()
                    .map(|r| {
                        Label::new(
                            format!("push โดย {}: {}", pusher.describe_in(Lang::Th), r.th),
                            format!("pushed by {}: {}", pusher.describe(), r.en),
                        )
                    }),
            );
        }
        for path in paths.iter().filter(|p| super::is_register_path(p)) {
            judge_approval(repo, base, new, path, people, &rules, who, &mut out)?;
        }
    }
    Ok(out)
}

/// An approval added or replaced in `path`: its seal, and a breach when it
/// is forged, or unsigned and recorded by someone who may not approve.
#[allow(clippy::too_many_arguments)]
fn judge_approval(
    repo: &Repo,
    base: Option<&str>,
    new: Option<&str>,
    path: &str,
    people: &People,
    rules: &Rules,
    who: &Identity,
    out: &mut Judgement,
) -> Result<(), AuditError> {
    let parse = |bytes: Option<Vec<u8>>| -> Option<Register> {
        store::parse::<Register>(Path::new(path), &bytes?, store::REGISTER).ok()
    };
    let after = parse(match new {
        Some(n) => repo.file_at(n, path)?,
        None => repo.staged_file(path)?,
    });
    let Some(after) = after else { return Ok(()) };
    let Some(approval) = &after.approved_by else {
        return Ok(());
    };
    let before = match base {
        Some(b) => parse(repo.file_at(b, path)?),
        None => None,
    };
    if before.and_then(|b| b.approved_by).as_ref() == Some(approval) {
        return Ok(());
    }
    let seal = access::seal(
        &after,
        approval,
        Some(people),
        rules.signers.as_ref().map(|f| f.path()),
    );
    let (name, date) = (&approval.name, approval.date);
    out.approvals.push(Label::new(
        format!(
            "{path}: การอนุมัติโดย {name} วันที่ {}: {}",
            date.thai_short(),
            seal.describe_in(Lang::Th)
        ),
        format!("{path}: approval by {name} on {date}: {}", seal.describe()),
    ));
    let bureau = after.bureau.as_str();
    match &seal {
        Seal::Forged(why) => out.breaches.push(Label::new(
            format!("{path}: การอนุมัติปลอมในนาม {name}: {}", why.text(Lang::Th)),
            format!("{path}: forged approval by {name}: {}", why.text(Lang::En)),
        )),
        Seal::Unsigned | Seal::Unchecked(_) => {
            if !who.person(people).is_some_and(|p| p.may_approve(bureau)) {
                out.breaches.push(Label::new(
                    format!(
                        "{path}: การอนุมัติในนาม {name} ที่ไม่มีลายมือชื่อที่ใช้ได้ถูกบันทึกโดย {} \
                         ซึ่งไม่มีสิทธิ์อนุมัติทะเบียนของ {bureau}",
                        who.describe_in(Lang::Th)
                    ),
                    format!(
                        "{path}: an approval by {name} without a valid signature was recorded by {}, \
                         who may not approve {bureau}",
                        who.describe()
                    ),
                ));
            }
        }
        Seal::Signed { .. } => {}
    }
    Ok(())
}

/// The staged change, as the pre-commit hook sees it, judged by the people
/// file of `HEAD`.
pub fn check_staged(repo: &Repo, who: &Identity) -> Result<Judgement, AuditError> {
    let paths = repo.staged()?;
    let head = repo.resolve("HEAD").ok();
    judge(repo, head.as_deref(), None, &paths, who, None)
}

/// One commit of history and what the rules say of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub commit: Commit,
    pub judgement: Judgement,
}

/// A commit judged by the rules of its parent, its author taken as the one
/// who made it.
pub fn check_commit(
    repo: &Repo,
    commit: &Commit,
    pusher: Option<&Identity>,
) -> Result<Verdict, AuditError> {
    let changed = repo.changed(
        commit.parent.as_deref(),
        Some(&commit.id),
        &guarded_pathspecs(),
    )?;
    let paths: Vec<String> = changed.into_iter().map(|c| c.path).collect();
    let author = Identity::of("author e-mail", &commit.email);
    let judgement = judge(
        repo,
        commit.parent.as_deref(),
        Some(&commit.id),
        &paths,
        &author,
        pusher,
    )?;
    Ok(Verdict {
        commit: commit.clone(),
        judgement,
    })
}

/// Every commit of `range` (default: all of `HEAD`) that changed a guarded
/// file, oldest first, judged.
pub fn verify(repo: &Repo, range: Option<&str>) -> Result<Vec<Verdict>, AuditError> {
    let revs: Vec<&str> = range.into_iter().collect();
    let mut commits = repo.log_of(&revs, &guarded_pathspecs())?;
    commits.reverse();
    commits
        .iter()
        .map(|c| check_commit(repo, c, None))
        .collect()
}

/// The commits a push brings (`<old> <new> <ref>` lines, as a pre-receive
/// hook reads them), judged, with the pusher's rights checked too.
pub fn check_push(
    repo: &Repo,
    updates: &str,
    pusher: &Identity,
) -> Result<Vec<Verdict>, AuditError> {
    let mut out = Vec::new();
    for line in updates.lines() {
        let mut f = line.split_whitespace();
        let (Some(_old), Some(new), Some(_name)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        if new.bytes().all(|b| b == b'0') {
            continue; // a deleted ref brings no commits
        }
        let mut commits = repo.log_of(&[new, "--not", "--all"], &guarded_pathspecs())?;
        commits.reverse();
        for c in &commits {
            out.push(check_commit(repo, c, Some(pusher))?);
        }
    }
    Ok(out)
}
