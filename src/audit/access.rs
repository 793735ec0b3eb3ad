//! Who may change which file, and what an approval's signature is worth:
//! the rules of `people.ron` applied to a person, a set of changed paths or
//! an approval. Pure but for reading the people and signers files; the
//! commits and pushes they are applied to are in `audit::verify`.

use super::signing::{self, Checked};
use crate::model::people::{ALLOWED_SIGNERS_FILE, PEOPLE_FILE};
use crate::model::{Approval, Lang, People, Person, Register};
use crate::store::{self, LoadError};
use std::path::{Path, PathBuf};

/// What the people file should hold, for error messages.
pub const PEOPLE: &str = "the people file: People(people: [Person(name: …, roles: [...]), ...])";

/// Reads `people.ron` of a registers root; `Ok(None)` when there is none
/// (roles are then not in force).
pub fn load_people(root: &Path) -> Result<Option<People>, LoadError> {
    let path = root.join(PEOPLE_FILE);
    if !path.exists() {
        return Ok(None);
    }
    store::load_file::<People>(&path, PEOPLE).map(|l| Some(l.value))
}

/// The `allowed_signers` file of a registers root, if there is one.
pub fn allowed_signers(root: &Path) -> Option<PathBuf> {
    let path = root.join(ALLOWED_SIGNERS_FILE);
    path.is_file().then_some(path)
}

/// Who is at the keyboard (or pushing): the names they go by, each with
/// where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub claims: Vec<(&'static str, String)>,
}

/// Set, it names the user (a login or an e-mail of people.ron) and nothing
/// else is asked.
pub const USER_VAR: &str = "RISKREG_USER";

impl Identity {
    /// `$RISKREG_USER` when set; else the login `$USER` and, when `git_email`,
    /// the e-mail git is configured with in `dir`.
    pub fn current(dir: &Path, git_email: bool) -> Identity {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        if let Some(u) = var(USER_VAR) {
            return Identity {
                claims: vec![(USER_VAR, u.trim().to_string())],
            };
        }
        let mut claims = Vec::new();
        if let Some(u) = var("USER") {
            claims.push(("login", u.trim().to_string()));
        }
        if git_email && let Some(e) = super::git::config_value(dir, "user.email") {
            claims.push(("git user.email", e));
        }
        Identity { claims }
    }
    /// An identity from one claim (a commit's author e-mail).
    pub fn of(source: &'static str, id: &str) -> Identity {
        Identity {
            claims: vec![(source, id.to_string())],
        }
    }
    /// The person of people.ron the first matching claim names.
    pub fn person<'p>(&self, people: &'p People) -> Option<&'p Person> {
        self.claims.iter().find_map(|(_, id)| people.find(id))
    }
    /// "login somchai, git user.email s@x", for messages.
    pub fn describe(&self) -> String {
        if self.claims.is_empty() {
            return "no login, no git e-mail and no RISKREG_USER".into();
        }
        self.claims
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What a path in the repository is, for the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guarded {
    /// A register; the bureau code is its file name.
    Register { bureau: String },
    /// bureaus, approaches, methodologies, people, allowed_signers.
    Shared,
}

/// Classifies a repository path (`registers/2567/FIN.ron`); `None` for files
/// the rules do not cover.
pub fn guarded(path: &str) -> Option<Guarded> {
    let mut parts = path.rsplit('/');
    let file = parts.next()?;
    let dir = parts.next();
    if super::is_register_path(path) {
        let bureau = file.strip_suffix(".ron")?.to_string();
        return Some(Guarded::Register { bureau });
    }
    let shared = matches!(
        file,
        "bureaus.ron" | "approaches.ron" | PEOPLE_FILE | ALLOWED_SIGNERS_FILE
    ) || (dir == Some("methodology") && file.ends_with(".ron"));
    shared.then_some(Guarded::Shared)
}

/// The registers root (as a repository path prefix, `""` or `"registers/"`)
/// a guarded path belongs to, where its people file is.
pub fn root_of(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let keep = match guarded(path) {
        Some(Guarded::Register { .. }) => parts.len().saturating_sub(2),
        Some(Guarded::Shared) if parts.len() >= 2 && parts[parts.len() - 2] == "methodology" => {
            parts.len() - 2
        }
        _ => parts.len().saturating_sub(1),
    };
    parts[..keep].iter().map(|p| format!("{p}/")).collect()
}

/// Why `person` may not change `path`; `None` when they may.
pub fn refusal(person: &Person, path: &str) -> Option<String> {
    match guarded(path)? {
        Guarded::Register { bureau } if !person.may_change(&bureau) => Some(format!(
            "{path}: {} may not change the register of {bureau}: only its officers, reviewers \
             and approvers may ({})",
            person.shown(),
            member_of(person)
        )),
        Guarded::Shared if !person.keeps_shared_files() => Some(format!(
            "{path}: {} may not change a shared file: only the planning bureau (role Planning) \
             may ({})",
            person.shown(),
            member_of(person)
        )),
        _ => None,
    }
}

fn member_of(person: &Person) -> String {
    format!("they {}", belongs(person, false))
}

/// "belong to FIN, ICT" / "belongs to no bureau".
fn belongs(person: &Person, third_person: bool) -> String {
    let verb = if third_person { "belongs" } else { "belong" };
    format!("{verb} to {}", bureaus_or_none(person, "no bureau"))
}

/// Why `who` may not change `paths` under `people`: one line per path
/// refused. No people file: nothing is refused (roles not in force).
pub fn refusals(people: Option<&People>, who: &Identity, paths: &[String]) -> Vec<String> {
    let Some(people) = people else {
        return Vec::new();
    };
    let touched: Vec<&String> = paths.iter().filter(|p| guarded(p).is_some()).collect();
    if touched.is_empty() {
        return Vec::new();
    }
    match who.person(people) {
        Some(person) => touched.iter().filter_map(|p| refusal(person, p)).collect(),
        None => touched
            .iter()
            .map(|p| {
                format!(
                    "{p}: {} is nobody in {PEOPLE_FILE}, so may change no register",
                    who.describe()
                )
            })
            .collect(),
    }
}

/// Whether the TUI opens a bureau's register for editing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditRights {
    people: Option<People>,
    who: Identity,
    /// A people file that does not parse: everything read-only, saying why.
    broken: Option<String>,
}

impl EditRights {
    /// The rights of the current user (`$RISKREG_USER`, `$USER`, git
    /// e-mail) over the registers directory `root`.
    pub fn load(root: &Path) -> EditRights {
        EditRights::load_as(root, Identity::current(root, true))
    }
    /// The rights of `who` over `root`.
    pub fn load_as(root: &Path, who: Identity) -> EditRights {
        let (people, broken) = match load_people(root) {
            Ok(p) => (p, None),
            Err(e) => (None, Some(e.to_string())),
        };
        EditRights {
            people,
            who,
            broken,
        }
    }
    /// `Ok` when the register of `bureau` may be edited; else why it is
    /// read-only, in `lang`.
    pub fn check(&self, bureau: &str, lang: Lang) -> Result<(), String> {
        if let Some(e) = &self.broken {
            return Err(format!(
                "{}: {PEOPLE_FILE} {}: {e}",
                lang.pick("อ่านอย่างเดียว", "read-only"),
                lang.pick("อ่านไม่ได้", "does not parse")
            ));
        }
        let Some(people) = &self.people else {
            return Ok(());
        };
        match self.who.person(people) {
            None => Err(match lang {
                Lang::Th => format!(
                    "อ่านอย่างเดียว: คุณ ({}) ไม่อยู่ใน {PEOPLE_FILE}; ตั้ง RISKREG_USER เป็นชื่อผู้ใช้ของคุณ",
                    self.who.describe()
                ),
                Lang::En => format!(
                    "read-only: you ({}) are not in {PEOPLE_FILE}; set RISKREG_USER to your login",
                    self.who.describe()
                ),
            }),
            Some(p) if p.may_change(bureau) => Ok(()),
            Some(p) => Err(match lang {
                Lang::Th => format!(
                    "อ่านอย่างเดียว: ทะเบียนของ {bureau} แก้ได้เฉพาะเจ้าหน้าที่ของ {bureau}; {} สังกัด {}",
                    p.name,
                    bureaus_or_none(p, "ไม่มีสำนัก")
                ),
                Lang::En => format!(
                    "read-only: only officers of {bureau} edit its register; {} {}",
                    p.name,
                    belongs(p, true)
                ),
            }),
        }
    }
}

fn bureaus_or_none(person: &Person, none: &str) -> String {
    let bureaus = People::bureaus_of(person);
    if bureaus.is_empty() {
        none.to_string()
    } else {
        bureaus.join(", ")
    }
}

/// What an approval's signature is worth.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seal {
    /// No signature: accepted, as approvals were before signing.
    Unsigned,
    /// Validly signed by this approver of the register's bureau.
    Signed { by: String },
    /// A signature that does not hold: why.
    Forged(String),
    /// A signature that cannot be checked here: why.
    Unchecked(String),
}

impl Seal {
    /// One phrase for validate, log and verify.
    pub fn describe(&self) -> String {
        self.describe_in(crate::model::Lang::En)
    }
    /// [`Seal::describe`] in `lang`; the reason of a forged or unchecked
    /// signature is the checker's own words.
    pub fn describe_in(&self, lang: crate::model::Lang) -> String {
        if lang == crate::model::Lang::Th {
            return match self {
                Seal::Unsigned => "ยังไม่ได้ลงลายมือชื่อดิจิทัล (ยังใช้ได้; riskreg approve --sign \
                                   บันทึกลายมือชื่อของผู้อนุมัติ)"
                    .into(),
                Seal::Signed { by } => format!("ลงลายมือชื่อโดย {by} ผู้อนุมัติของสำนักนี้"),
                Seal::Forged(why) => format!("ลายมือชื่อปลอม: {why}"),
                Seal::Unchecked(why) => format!("ยังตรวจลายมือชื่อไม่ได้: {why}"),
            };
        }
        match self {
            Seal::Unsigned => "unsigned (still accepted; riskreg approve --sign records the \
                               approver's signature)"
                .into(),
            Seal::Signed { by } => format!("signed by {by}, an approver of this bureau"),
            Seal::Forged(why) => format!("FORGED: {why}"),
            Seal::Unchecked(why) => format!("signature not checked: {why}"),
        }
    }
}

/// Checks the signature of `approval` on `reg` against `allowed_signers`
/// and the approvers of `people`.
pub fn seal(
    reg: &Register,
    approval: &Approval,
    people: Option<&People>,
    allowed_signers: Option<&Path>,
) -> Seal {
    let Some(signature) = &approval.signature else {
        return Seal::Unsigned;
    };
    let Some(statement) = signing::statement(reg, approval) else {
        return Seal::Forged("the approval's fields hold control characters".into());
    };
    let Some(signers) = allowed_signers else {
        return Seal::Unchecked(format!(
            "no {ALLOWED_SIGNERS_FILE} file beside {PEOPLE_FILE}"
        ));
    };
    let checked = match signing::check(&statement, signature, signers) {
        Ok(c) => c,
        Err(e) => return Seal::Unchecked(e.to_string()),
    };
    let bureau = reg.bureau.as_str();
    match checked {
        Checked::Invalid(_) => Seal::Forged(
            "the signature does not match this approval: its digest, name, position or date \
             is not what the approver signed"
                .into(),
        ),
        Checked::UnknownKey(key) => Seal::Forged(format!(
            "signed by key {key}, which {ALLOWED_SIGNERS_FILE} does not list"
        )),
        Checked::By(principals) => {
            let Some(people) = people else {
                return Seal::Unchecked(format!(
                    "signed by {}, but there is no {PEOPLE_FILE} to say who may approve",
                    principals.join(", ")
                ));
            };
            let persons: Vec<&Person> = principals.iter().filter_map(|p| people.find(p)).collect();
            let Some(signer) = persons.iter().find(|p| p.may_approve(bureau)) else {
                return Seal::Forged(match persons.first() {
                    Some(p) => format!("signed by {}, who may not approve {bureau}", p.shown()),
                    None => format!(
                        "signed by {}, who is not in {PEOPLE_FILE}",
                        principals.join(", ")
                    ),
                });
            };
            if signer.name.trim() != approval.name.trim() {
                return Seal::Forged(format!(
                    "signed by {}, but the approval names {}",
                    signer.shown(),
                    approval.name
                ));
            }
            Seal::Signed { by: signer.shown() }
        }
    }
}

/// The seal of a register's approval read from the registers root `root`
/// (its people and signers files); `None` when not approved.
pub fn seal_in(root: &Path, reg: &Register) -> Option<Seal> {
    let approval = reg.approved_by.as_ref()?;
    let people = load_people(root).ok().flatten();
    let signers = allowed_signers(root);
    Some(seal(reg, approval, people.as_ref(), signers.as_deref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_classified_by_place() {
        assert_eq!(
            guarded("registers/2567/FIN.ron"),
            Some(Guarded::Register {
                bureau: "FIN".into()
            })
        );
        assert!(guarded("2567/ICT.ron").is_some());
        assert_eq!(guarded("registers/people.ron"), Some(Guarded::Shared));
        assert_eq!(guarded("registers/allowed_signers"), Some(Guarded::Shared));
        assert_eq!(
            guarded("registers/methodology/coso.ron"),
            Some(Guarded::Shared)
        );
        assert_eq!(guarded("README.md"), None);
        assert_eq!(guarded("docs/notes.ron"), None);
        assert_eq!(root_of("registers/2567/FIN.ron"), "registers/");
        assert_eq!(root_of("2567/FIN.ron"), "");
        assert_eq!(root_of("registers/methodology/coso.ron"), "registers/");
        assert_eq!(root_of("registers/people.ron"), "registers/");
    }
}
