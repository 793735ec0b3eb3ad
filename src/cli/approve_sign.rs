//! `riskreg approve --sign`: who signs (from people.ron), with which key,
//! and the check that the signature holds before anything is written.

use riskreg::audit::access::{self, Identity, Seal};
use riskreg::audit::git::{Repo, config_value};
use riskreg::audit::signing;
use riskreg::model::{People, Person, Register};
use std::path::{Path, PathBuf};

type Failure = (u8, String);

/// The person signing: the current user (`$RISKREG_USER`, `$USER`, git
/// e-mail), who must be an approver of `bureau`.
pub fn signer(root: &Path, bureau: &str) -> Result<Person, Failure> {
    let people: People = access::load_people(root)
        .map_err(|e| (1, e.to_string()))?
        .ok_or_else(|| {
            (
                1,
                format!(
                    "--sign needs {} beside bureaus.ron to say who may approve",
                    riskreg::model::people::PEOPLE_FILE
                ),
            )
        })?;
    let who = Identity::current(root, true);
    let person = who.person(&people).ok_or_else(|| {
        (
            1,
            format!(
                "you ({}) are not in people.ron; set RISKREG_USER to your login",
                who.describe()
            ),
        )
    })?;
    if !person.may_approve(bureau) {
        return Err((
            1,
            format!(
                "{} may not approve the register of {bureau}",
                person.shown()
            ),
        ));
    }
    Ok(person.clone())
}

/// Signs the approval of `reg` with `key` (default git's user.signingkey),
/// then checks the signature as `validate` will: a signature that would read
/// as forged (key not in allowed_signers) is refused, nothing written.
pub fn sign(
    root: &Path,
    file: &Path,
    reg: &mut Register,
    key: Option<&Path>,
) -> Result<Seal, Failure> {
    let dir = file.parent().unwrap_or(root);
    let key: PathBuf = match key {
        Some(k) => k.to_path_buf(),
        None => Repo::discover(dir)
            .ok()
            .and_then(|r| r.config("user.signingkey"))
            .or_else(|| config_value(dir, "user.signingkey"))
            .map(PathBuf::from)
            .ok_or_else(|| {
                (
                    2,
                    "--sign needs a key: --key ~/.ssh/id_ed25519, or git config user.signingkey"
                        .to_string(),
                )
            })?,
    };
    let approval = reg
        .approved_by
        .as_mut()
        .ok_or((1, "nothing to sign".to_string()))?;
    let mut unsigned = approval.clone();
    unsigned.signature = None;
    let statement = signing::statement(reg, &unsigned).ok_or((
        2,
        "the name, position or date holds a control character; it cannot be signed".to_string(),
    ))?;
    let signature = signing::sign(&statement, &key).map_err(|e| (1, e.to_string()))?;
    if let Some(a) = reg.approved_by.as_mut() {
        a.signature = Some(signature);
    }
    let seal = access::seal_in(root, reg).unwrap_or(Seal::Unsigned);
    match seal {
        Seal::Signed { .. } => Ok(seal),
        other => Err((
            1,
            format!(
                "the signature would not hold, so nothing was written: {} \
                 (the planning bureau adds approvers' public keys to allowed_signers)",
                other.describe()
            ),
        )),
    }
}
