//! Auditing registers kept in git: the approval digest, the semantic diff of
//! two revisions, the history of a register, risk or measure, and the
//! pre-commit hook. Git is reached through the `git` binary (see
//! docs/audit.md for why); the diff itself is pure.

pub mod approval;

pub use approval::{ApprovalState, approval_state, approve, content_digest};
