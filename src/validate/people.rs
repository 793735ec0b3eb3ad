//! The rules of `people.ron` and `allowed_signers`. Pure.

use super::{Finding, Message, Severity, Sink};
use crate::model::{BureauList, People};
use std::collections::BTreeMap;
use std::path::Path;

/// Problems in the people file: roles for unknown bureaus, people nobody
/// could be recognised as, two people with one login or e-mail.
pub fn check_people(path: &Path, people: &People, bureaus: &BureauList) -> Vec<Finding> {
    let mut sink = Sink::new(path);
    let mut logins: BTreeMap<&str, usize> = BTreeMap::new();
    let mut emails: BTreeMap<String, usize> = BTreeMap::new();
    for (i, p) in people.people.iter().enumerate() {
        let at = |f: &str| format!("people[{i}].{f}");
        if p.name.trim().is_empty() {
            sink.error(at("name"), Message::PersonNoName);
        }
        if p.login.trim().is_empty() && p.email.trim().is_empty() {
            sink.error(
                at("name"),
                Message::Unrecognisable {
                    name: p.name.clone(),
                },
            );
        }
        if p.login.chars().any(|c| c.is_whitespace() || c.is_control()) {
            sink.error(
                at("login"),
                Message::LoginWithSpace {
                    login: p.login.clone(),
                },
            );
        } else if !p.login.is_empty()
            && let Some(first) = logins.insert(&p.login, i)
        {
            sink.error(
                at("login"),
                Message::LoginTwice {
                    login: p.login.clone(),
                    first,
                },
            );
        }
        if !p.email.is_empty() {
            if !p.email.contains('@') || p.email.chars().any(|c| c.is_whitespace()) {
                sink.error(
                    at("email"),
                    Message::NotAnEmail {
                        email: p.email.clone(),
                    },
                );
            } else if let Some(first) = emails.insert(p.email.to_ascii_lowercase(), i) {
                sink.error(
                    at("email"),
                    Message::EmailTwice {
                        email: p.email.clone(),
                        first,
                    },
                );
            }
        }
        if p.roles.is_empty() {
            sink.warn(
                at("roles"),
                Message::NoRole {
                    name: p.name.clone(),
                },
            );
        }
        for (j, r) in p.roles.iter().enumerate() {
            if let Some(b) = r.bureau()
                && bureaus.get(b).is_none()
            {
                sink.error(
                    format!("people[{i}].roles[{j}]"),
                    Message::UnknownBureau {
                        code: b.to_string(),
                    },
                );
            }
        }
    }
    sink.out
}

/// A problem on a line of `allowed_signers` (line and column from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignerProblem {
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: Message,
}

/// Problems in `allowed_signers` (ssh-keygen's format: `principals
/// [options] keytype base64-key [comment]`): lines without a key, and
/// principals that are nobody in people.ron or approve nothing.
pub fn check_signers(text: &str, people: Option<&People>) -> Vec<SignerProblem> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let mut problem = |col: usize, severity, message: Message| {
            out.push(SignerProblem {
                line: n + 1,
                col: col + 1,
                severity,
                message,
            })
        };
        let tokens: Vec<&str> = trimmed.split_whitespace().collect();
        let key_at = tokens.iter().position(|t| is_key_type(t));
        match key_at {
            Some(k) if k >= 1 && tokens.get(k + 1).is_some_and(|b| is_base64(b)) => {}
            _ => {
                problem(indent, Severity::Error, Message::SignerLine);
                continue;
            }
        }
        let Some(people) = people else { continue };
        let principals = tokens[0].trim_matches('"');
        let mut col = indent;
        for principal in principals.split(',') {
            if principal.contains(['*', '?']) {
                problem(
                    col,
                    Severity::Error,
                    Message::SignerPattern {
                        principal: principal.to_string(),
                    },
                );
            } else {
                match people.find(principal) {
                    None => problem(
                        col,
                        Severity::Error,
                        Message::SignerNobody {
                            principal: principal.to_string(),
                        },
                    ),
                    Some(p)
                        if !p
                            .roles
                            .iter()
                            .any(|r| matches!(r, crate::model::Role::Approver(_))) =>
                    {
                        problem(
                            col,
                            Severity::Warning,
                            Message::SignerApprovesNothing { who: p.shown() },
                        )
                    }
                    Some(_) => {}
                }
            }
            col += principal.len() + 1;
        }
    }
    out
}

fn is_key_type(t: &str) -> bool {
    t.starts_with("ssh-") || t.starts_with("ecdsa-sha2-") || t.starts_with("sk-")
}

fn is_base64(t: &str) -> bool {
    t.len() >= 16
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signer_lines_need_a_key_type_and_a_key() {
        let p = check_signers("# comment\n\nsomchai ssh-ed25519\n", None);
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].line, p[0].col), (3, 1));
        let ok = check_signers(
            "somchai namespaces=\"riskreg-approval\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA\n",
            None,
        );
        assert!(ok.is_empty(), "{ok:?}");
    }
}
