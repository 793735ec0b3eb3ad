//! Who works on the registers and what each may do: `registers/people.ron`,
//! beside `bureaus.ron`. Pure data and the questions asked of it; the
//! checks that use it (the TUI, the hooks, `riskreg verify`) live in
//! `crate::audit::access`.

use super::ids::BureauCode;
use serde::{Deserialize, Serialize};

/// The people file, beside `bureaus.ron`.
pub const PEOPLE_FILE: &str = "people.ron";
/// The SSH keys whose approval signatures count, beside the people file, in
/// the `allowed_signers` format of `ssh-keygen` (principals are the people's
/// e-mails or logins).
pub const ALLOWED_SIGNERS_FILE: &str = "allowed_signers";

/// `registers/people.ron`: everyone who may change something, with roles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct People {
    pub people: Vec<Person>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub position: String,
    /// The account on the shared server (`$USER` there); empty when none.
    #[serde(default)]
    pub login: String,
    /// The e-mail git records for their commits (`git config user.email`);
    /// empty when none.
    #[serde(default)]
    pub email: String,
    pub roles: Vec<Role>,
}

/// What a person does. Everyone may read every register; roles say who may
/// change what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Keeps the bureau's register (risk owner, responsible officer).
    Officer(BureauCode),
    /// Reviews the bureau's register before approval (ผู้สอบทาน); may change it.
    Reviewer(BureauCode),
    /// Approves the bureau's register (ผู้อนุมัติ); may change it and sign it off.
    Approver(BureauCode),
    /// Internal audit (กลุ่มตรวจสอบภายใน): reads everything, changes nothing
    /// but its own bureau's register when also an officer of it.
    InternalAudit,
    /// The planning bureau: reads everything and keeps the shared files
    /// (bureaus, approaches, methodologies, this file, allowed_signers).
    Planning,
}

impl Role {
    /// The bureau a bureau role is for.
    pub fn bureau(&self) -> Option<&BureauCode> {
        match self {
            Role::Officer(b) | Role::Reviewer(b) | Role::Approver(b) => Some(b),
            Role::InternalAudit | Role::Planning => None,
        }
    }
}

impl Person {
    /// Officers, reviewers and approvers of a bureau may change its register.
    pub fn may_change(&self, bureau: &str) -> bool {
        self.roles
            .iter()
            .any(|r| r.bureau().is_some_and(|b| b.as_str() == bureau))
    }
    pub fn may_approve(&self, bureau: &str) -> bool {
        self.roles
            .iter()
            .any(|r| matches!(r, Role::Approver(b) if b.as_str() == bureau))
    }
    /// Keeps the shared files (the planning bureau).
    pub fn keeps_shared_files(&self) -> bool {
        self.roles.contains(&Role::Planning)
    }
    /// Whether `id` (a login or an e-mail) names this person. E-mails are
    /// compared without regard to case, as mail systems do.
    pub fn is(&self, id: &str) -> bool {
        let id = id.trim();
        !id.is_empty() && (self.login == id || self.email.eq_ignore_ascii_case(id))
    }
    /// How the person is named in messages: name and login or e-mail.
    pub fn shown(&self) -> String {
        let handle = if self.login.is_empty() {
            &self.email
        } else {
            &self.login
        };
        format!("{} ({handle})", self.name)
    }
}

impl People {
    /// The person a login or e-mail names.
    pub fn find(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.is(id))
    }
    /// The bureaus whose register `person` may change, for messages.
    pub fn bureaus_of(person: &Person) -> Vec<&str> {
        let mut out: Vec<&str> = person
            .roles
            .iter()
            .filter_map(|r| r.bureau().map(BureauCode::as_str))
            .collect();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(login: &str, email: &str, roles: Vec<Role>) -> Person {
        Person {
            name: "n".into(),
            position: "p".into(),
            login: login.into(),
            email: email.into(),
            roles,
        }
    }

    #[test]
    fn bureau_roles_give_change_rights_only_to_their_bureau() {
        let fin = BureauCode::new("FIN").unwrap();
        let p = person("somchai", "", vec![Role::Officer(fin.clone())]);
        assert!(p.may_change("FIN"));
        assert!(!p.may_change("ICT"));
        assert!(!p.may_approve("FIN"));
        let a = person("", "a@x.go.th", vec![Role::Approver(fin)]);
        assert!(a.may_approve("FIN") && a.may_change("FIN"));
        let audit = person("aud", "", vec![Role::InternalAudit]);
        assert!(!audit.may_change("FIN") && !audit.keeps_shared_files());
    }

    #[test]
    fn a_person_is_found_by_login_or_email_in_any_case() {
        let people = People {
            people: vec![person("somchai", "Somchai@Senate.go.th", vec![])],
        };
        assert!(people.find("somchai").is_some());
        assert!(people.find("somchai@senate.go.th").is_some());
        assert!(people.find("Somchai").is_none(), "logins are exact");
        assert!(people.find("").is_none());
    }
}
