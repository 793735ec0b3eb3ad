//! The approval digest and what it says about a register now. Pure.

use crate::model::{Approval, ContentDigest, Register};
use crate::store::{Fingerprint, to_canonical};

/// The digest an approval of `reg` records: SHA-256 of its canonical RON
/// text with `approved_by` set to `None`. Canonical text makes the digest
/// independent of how the file happens to be formatted, and leaving the
/// approval out lets the approval sit in the file it approves.
pub fn content_digest(reg: &Register) -> ContentDigest {
    let mut unsigned = reg.clone();
    unsigned.approved_by = None;
    // Writing the model to a String has no I/O and no map keys that RON
    // could refuse; a failure here is a bug in the model, not in a file.
    let text = to_canonical(&unsigned).expect("a register always serialises to RON");
    let hex = Fingerprint::of(text.as_bytes()).hex();
    ContentDigest::from_hex(&hex).expect("a SHA-256 in hex is a valid digest")
}

/// Whether a register is approved, and whether it still holds what was approved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApprovalState {
    NotApproved,
    /// Approved, and the content is exactly what was approved.
    Approved(Approval),
    /// Approved, but edited since: the digest no longer matches.
    ChangedSinceApproval {
        approval: Approval,
    },
}

pub fn approval_state(reg: &Register) -> ApprovalState {
    match &reg.approved_by {
        None => ApprovalState::NotApproved,
        Some(a) if a.digest == content_digest(reg) => ApprovalState::Approved(a.clone()),
        Some(a) => ApprovalState::ChangedSinceApproval {
            approval: a.clone(),
        },
    }
}

/// `reg` approved by this person on this date, with the digest of its content.
pub fn approve(reg: &Register, name: &str, position: &str, date: crate::model::Date) -> Register {
    let mut out = reg.clone();
    out.approved_by = Some(Approval {
        name: name.to_string(),
        position: position.to_string(),
        date,
        digest: content_digest(reg),
        signature: None,
    });
    out
}
