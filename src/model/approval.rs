//! Sign-off of a register: who approved it, and a digest of exactly what
//! they approved, so that a later edit is noticed.

use super::calendar::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// `sha256:<64 lowercase hex digits>`: the SHA-256 of the register's
/// canonical RON text with `approved_by` set to `None`. Computed by
/// `riskreg::audit::content_digest`; here it is only a checked string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ContentDigest(String);

const PREFIX: &str = "sha256:";

impl ContentDigest {
    /// The digest of 32 hash bytes given as hex.
    pub fn from_hex(hex: &str) -> Result<Self, String> {
        Self::new(format!("{PREFIX}{hex}"))
    }
    pub fn new(s: impl Into<String>) -> Result<Self, String> {
        let s = s.into();
        let Some(hex) = s.strip_prefix(PREFIX) else {
            return Err(format!(
                "a content digest is written \"sha256:<64 hex digits>\"; found {s:?}"
            ));
        };
        if hex.len() != 64 || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(format!(
                "a content digest has 64 lowercase hex digits after \"sha256:\"; found {s:?}"
            ));
        }
        Ok(ContentDigest(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The first 12 hex digits, enough to tell digests apart on screen.
    pub fn short(&self) -> &str {
        &self.0[PREFIX.len()..PREFIX.len() + 12]
    }
}

impl TryFrom<String> for ContentDigest {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::new(s)
    }
}

impl From<ContentDigest> for String {
    fn from(d: ContentDigest) -> String {
        d.0
    }
}

impl fmt::Display for ContentDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The approval (ผู้อนุมัติ) of a register: a signature plus the digest of
/// the content approved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub name: String,
    pub position: String,
    pub date: Date,
    pub digest: ContentDigest,
    /// The approver's SSH signature (`ssh-keygen -Y sign`, the base64 body
    /// of the armoured signature on one line) over the approval statement:
    /// bureau, year, name, position, date and digest. `None` for an
    /// unsigned approval; left out of the file then, so unsigned registers
    /// keep their canonical text. See `crate::audit::signing`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_must_be_sha256_with_64_lowercase_hex_digits() {
        let good = format!("sha256:{}", "0a".repeat(32));
        assert_eq!(ContentDigest::new(good.clone()).unwrap().as_str(), good);
        assert_eq!(ContentDigest::new(good).unwrap().short(), "0a0a0a0a0a0a");
        assert!(ContentDigest::new("0a".repeat(32)).is_err());
        assert!(ContentDigest::new(format!("sha256:{}", "0A".repeat(32))).is_err());
        assert!(ContentDigest::new(format!("sha256:{}", "0a".repeat(31))).is_err());
        assert!(ContentDigest::new("md5:abc").is_err());
    }
}
