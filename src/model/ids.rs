//! Identifiers as types of their own, so a risk id can never be passed where a
//! bureau code is expected, and a malformed id is rejected where it is read.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a string is not a valid identifier.
fn check_id(s: &str) -> Result<(), String> {
    if s.is_empty() {
        return Err("an id cannot be empty".into());
    }
    if s.len() > 64 {
        return Err(format!(
            "an id is at most 64 characters, this one has {}",
            s.len()
        ));
    }
    if let Some(bad) = s
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "an id may hold only ASCII letters, digits, '-', '_' and '.'; found {} in {}",
            // as typed: `{:?}` would print a Thai mark as \u{e48}
            super::quoted(&bad.to_string()),
            super::quoted(s)
        ));
    }
    Ok(())
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Builds the id, refusing strings that are not valid ids.
            pub fn new(s: impl Into<String>) -> Result<Self, String> {
                let s = s.into();
                check_id(&s)?;
                Ok(Self(s))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
            /// Moves the id out, leaving an empty (invalid) one behind: only
            /// for a value that is dropped right after, such as a register
            /// the summary has taken its texts from. (Made for every id
            /// type; only some need it.)
            #[allow(dead_code)]
            pub(crate) fn take(&mut self) -> Self {
                Self(std::mem::take(&mut self.0))
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                Self::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// A bureau's short code, e.g. `FIN`; the register file is named after it.
    BureauCode
);
id_type!(
    /// A risk's id, unique in the fiscal year, e.g. `FIN-R1`.
    RiskId
);
id_type!(
    /// A measure's id, unique in the fiscal year, e.g. `FIN-M1`.
    MeasureId
);
id_type!(
    /// An indicator's id, unique within its measure, e.g. `i1`.
    IndicatorId
);
id_type!(
    /// A risk category defined by the methodology, e.g. `procurement`.
    CategoryId
);
id_type!(
    /// An approach group (แนวทางการดำเนินการ) from `approaches.ron`.
    ApproachId
);
id_type!(
    /// A monitoring round defined by the methodology, e.g. `6m`.
    RoundId
);
id_type!(
    /// A methodology's id, e.g. `coso-5x5`.
    MethodId
);
id_type!(
    /// A band defined by the methodology, e.g. `high`.
    BandId
);

/// Splits off the leading run of digits or of non-digits.
fn run(s: &str) -> (&str, &str) {
    let digit = s.starts_with(|c: char| c.is_ascii_digit());
    let end = s
        .find(|c: char| c.is_ascii_digit() != digit)
        .unwrap_or(s.len());
    s.split_at(end)
}

/// Ids compare with their digits as numbers: `PLAN-M2` before `PLAN-M10`
/// (the order of the monitoring table's measures within a register).
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    // Ids of one register share most of their length (`FIN-M12-1`,
    // `FIN-M12-2`): skip the bytes they share, back to the start of the
    // number the first difference falls in. The parts skipped split into
    // the same runs on both sides, so only the rest needs comparing by runs.
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let start = a.as_bytes()[..common]
        .iter()
        .rposition(|c| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    // ASCII bytes end where they start, so `start` is a char boundary
    match (a.get(start..), b.get(start..)) {
        (Some(ra), Some(rb)) => natural_cmp_runs(ra, rb),
        _ => natural_cmp_runs(a, b),
    }
}

/// [`natural_cmp`], run by run from the first character.
fn natural_cmp_runs(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() {
        let ((ra, rest_a), (rb, rest_b)) = (run(a), run(b));
        let da = ra.starts_with(|c: char| c.is_ascii_digit());
        let db = rb.starts_with(|c: char| c.is_ascii_digit());
        let ord = match (da, db) {
            // numbers by value: fewer significant digits is smaller
            (true, true) => {
                let (ta, tb) = (ra.trim_start_matches('0'), rb.trim_start_matches('0'));
                ta.len()
                    .cmp(&tb.len())
                    .then_with(|| ta.cmp(tb))
                    .then_with(|| ra.len().cmp(&rb.len()))
            }
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (false, false) => ra.cmp(rb),
        };
        if ord != Ordering::Equal {
            return ord;
        }
        (a, b) = (rest_a, rest_b);
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering::*;

    #[test]
    fn ids_accept_codes_and_refuse_spaces_and_thai() {
        assert!(BureauCode::new("FIN").is_ok());
        assert!(RiskId::new("FIN-R1.2_a").is_ok());
        assert!(BureauCode::new("").is_err());
        assert!(BureauCode::new("FI N").is_err());
        assert!(BureauCode::new("สำนัก").is_err());
        assert!(BureauCode::new("x".repeat(65)).is_err());
    }

    #[test]
    fn ids_sort_with_numbers_by_value() {
        assert_eq!(natural_cmp("PLAN-M2", "PLAN-M10"), Less);
        assert_eq!(natural_cmp("PLAN-M10", "PLAN-M9"), Greater);
        assert_eq!(natural_cmp("A-M1-2", "A-M1-10"), Less);
        assert_eq!(
            natural_cmp("A-M01", "A-M1"),
            Greater,
            "same value: longer last"
        );
        assert_eq!(natural_cmp("CAB-M1", "FIN-M1"), Less);
        assert_eq!(natural_cmp("X1", "X1"), Equal);
    }

    proptest::proptest! {
        /// Skipping the shared start gives the order of comparing run by
        /// run from the first character, on strings built to share starts
        /// and numbers (with zeros and a Thai letter among them).
        #[test]
        fn skipping_the_shared_start_keeps_the_order(
            stem in "[AB0-9ก-]{0,6}",
            a in "[AB09ก-]{0,6}",
            b in "[AB09ก-]{0,6}",
        ) {
            let (a, b) = (format!("{stem}{a}"), format!("{stem}{b}"));
            proptest::prop_assert_eq!(natural_cmp(&a, &b), natural_cmp_runs(&a, &b));
            proptest::prop_assert_eq!(natural_cmp(&b, &a), natural_cmp(&a, &b).reverse());
        }
    }
}
