//! Approval signatures: `ssh-keygen -Y sign` / `-Y verify` over the approval
//! statement, with the `allowed_signers` file kept beside `people.ron`.
//!
//! Why `ssh-keygen -Y` over a statement stored in the register, rather than
//! a signed tag or commit: the signature then travels with the file (copies,
//! exports, a shared folder without git) and `validate` checks it without
//! history; it covers exactly the approval (bureau, year, name, position,
//! date, digest), not a whole commit that a secretary may have made with
//! other changes; and tags are neither pushed by default nor tied to a file.
//! It is the same mechanism git uses for `gpg.format=ssh` (git runs these
//! very `ssh-keygen -Y` commands), with the keys officers already have and
//! the same `allowed_signers` format. The namespace keeps a signature made
//! for anything else (a commit, a file) from passing as an approval.

use crate::model::{Approval, Register};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The `ssh-keygen -Y` namespace of approval signatures.
pub const NAMESPACE: &str = "riskreg-approval";

const BEGIN: &str = "-----BEGIN SSH SIGNATURE-----";
const END: &str = "-----END SSH SIGNATURE-----";

/// The exact bytes an approver signs: one `field: value` line each. `None`
/// when a field holds a control character (a line break could make two
/// different approvals read as the same statement).
pub fn statement(reg: &Register, approval: &Approval) -> Option<String> {
    let fields = [
        ("bureau", reg.bureau.to_string()),
        ("year", reg.year.to_string()),
        ("name", approval.name.clone()),
        ("position", approval.position.clone()),
        ("date", approval.date.to_string()),
        ("digest", approval.digest.to_string()),
    ];
    if fields.iter().any(|(_, v)| v.chars().any(char::is_control)) {
        return None;
    }
    let mut out = String::from("riskreg approval 1\n");
    for (k, v) in fields {
        out.push_str(&format!("{k}: {v}\n"));
    }
    Some(out)
}

/// Why signing or checking could not run at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningError(pub String);

impl std::fmt::Display for SigningError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Runs `ssh-keygen` with `args`, feeding `input`; (success, stdout, stderr).
fn ssh_keygen(args: &[&str], input: &[u8]) -> Result<(bool, String, String), SigningError> {
    let mut child = Command::new("ssh-keygen")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            SigningError(format!(
                "cannot run ssh-keygen ({e}); is OpenSSH 8.2 or later installed?"
            ))
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        // the statement is a few hundred bytes: no risk of a full pipe
        let _ = stdin.write_all(input);
    }
    let out = child
        .wait_with_output()
        .map_err(|e| SigningError(format!("ssh-keygen: {e}")))?;
    Ok((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).trim().to_string(),
    ))
}

/// Signs `statement` with the private key at `key` (or, for a `.pub` file,
/// its private half in the ssh-agent), returning the signature's base64 body
/// on one line, as the register keeps it.
pub fn sign(statement: &str, key: &Path) -> Result<String, SigningError> {
    let key_arg = key.to_string_lossy();
    let (ok, stdout, stderr) = ssh_keygen(
        &["-Y", "sign", "-n", NAMESPACE, "-f", &key_arg, "-q", "-"],
        statement.as_bytes(),
    )?;
    if !ok {
        return Err(SigningError(format!(
            "ssh-keygen could not sign with {}: {stderr}",
            key.display()
        )));
    }
    let body: String = stdout
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .concat();
    if body.is_empty() {
        return Err(SigningError("ssh-keygen gave no signature".into()));
    }
    Ok(body)
}

/// What a signature says about an approval, before roles are considered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checked {
    /// Valid, by a key `allowed_signers` gives to these principals.
    By(Vec<String>),
    /// A valid signature of the statement by a key not in `allowed_signers`
    /// (the key's fingerprint).
    UnknownKey(String),
    /// Not a valid signature of this statement: the approval (digest, name,
    /// date…) is not what was signed, or the signature is damaged.
    Invalid(String),
}

/// Checks `signature` (the one-line body) over `statement` against the
/// `allowed_signers` file.
pub fn check(
    statement: &str,
    signature: &str,
    allowed_signers: &Path,
) -> Result<Checked, SigningError> {
    if signature.is_empty()
        || !signature
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    {
        return Ok(Checked::Invalid("the signature is not base64".into()));
    }
    let mut file = tempfile::NamedTempFile::new()
        .map_err(|e| SigningError(format!("cannot write a temporary file: {e}")))?;
    let mut armoured = format!("{BEGIN}\n");
    for chunk in signature.as_bytes().chunks(70) {
        armoured.push_str(&String::from_utf8_lossy(chunk));
        armoured.push('\n');
    }
    armoured.push_str(END);
    armoured.push('\n');
    file.write_all(armoured.as_bytes())
        .map_err(|e| SigningError(format!("cannot write a temporary file: {e}")))?;
    let sig = file.path().to_string_lossy().into_owned();
    let signers = allowed_signers.to_string_lossy().into_owned();
    let (found, stdout, _) =
        ssh_keygen(&["-Y", "find-principals", "-s", &sig, "-f", &signers], b"")?;
    let mut good = Vec::new();
    if found {
        for principal in stdout.lines().map(str::trim).filter(|p| !p.is_empty()) {
            let (ok, _, _) = ssh_keygen(
                &[
                    "-Y", "verify", "-f", &signers, "-I", principal, "-n", NAMESPACE, "-s", &sig,
                ],
                statement.as_bytes(),
            )?;
            if ok {
                good.push(principal.to_string());
            }
        }
    }
    if !good.is_empty() {
        return Ok(Checked::By(good));
    }
    // no allowed key made a valid signature: is it valid at all, and by whom?
    let (ok, stdout, stderr) = ssh_keygen(
        &["-Y", "check-novalidate", "-n", NAMESPACE, "-s", &sig],
        statement.as_bytes(),
    )?;
    if ok {
        let key = stdout
            .split_whitespace()
            .find(|w| w.starts_with("SHA256:"))
            .unwrap_or("(unknown key)")
            .to_string();
        Ok(Checked::UnknownKey(key))
    } else {
        Ok(Checked::Invalid(if stderr.is_empty() {
            "the signature does not verify".into()
        } else {
            stderr
        }))
    }
}
