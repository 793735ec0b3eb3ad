//! The register's header as a form: the note, who prepared and who reviewed
//! the register (name, position, date), and, read only, the methodology and
//! the approval. The approval carries a digest of the content it approved,
//! so it is never typed by hand: `riskreg approve` signs.

use super::*;
use crate::audit::{ApprovalState, approval_state};
use crate::model::Signature;

/// The header's fields, in order (panes: note and methodology, prepared,
/// reviewed, approval).
pub const FIELDS: [Field; 9] = [
    Field::Note,
    Field::Method,
    Field::PreparedName,
    Field::PreparedPosition,
    Field::PreparedDate,
    Field::ReviewedName,
    Field::ReviewedPosition,
    Field::ReviewedDate,
    Field::Approval,
];

/// The heading of a header pane (1 prepared, 2 reviewed, 3 approval).
pub fn heading(pane: usize, lang: Lang) -> &'static str {
    match pane {
        1 => lang.pick("ผู้จัดทำ", "Prepared by"),
        2 => lang.pick("ผู้สอบทาน", "Reviewed by"),
        _ => lang.pick(
            "ผู้อนุมัติ — ลงนามด้วยคำสั่ง riskreg approve เท่านั้น",
            "Approved by — only `riskreg approve` signs",
        ),
    }
}

/// Which signature a field belongs to, if any.
fn signature_of(field: Field, reg: &Register) -> Option<&Option<Signature>> {
    match field {
        Field::PreparedName | Field::PreparedPosition | Field::PreparedDate => {
            Some(&reg.prepared_by)
        }
        Field::ReviewedName | Field::ReviewedPosition | Field::ReviewedDate => {
            Some(&reg.reviewed_by)
        }
        _ => None,
    }
}

/// The approval and whether the register is still what was approved.
pub fn approval_text(reg: &Register, lang: Lang) -> String {
    let who = |a: &crate::model::Approval| {
        format!(
            "{}, {}, {} ({}…)",
            a.name,
            a.position,
            a.date,
            a.digest.short()
        )
    };
    match approval_state(reg) {
        ApprovalState::NotApproved => lang.pick("ยังไม่อนุมัติ", "not approved").to_string(),
        ApprovalState::Approved(a) => {
            format!("✓ {} — {}", lang.pick("อนุมัติแล้ว", "approved"), who(&a))
        }
        ApprovalState::ChangedSinceApproval { approval } => format!(
            "⚠ {} — {}",
            lang.pick("แก้ไขหลังอนุมัติ", "changed since approval"),
            who(&approval)
        ),
    }
}

/// A header field's value as text.
pub fn value(field: Field, ctx: &Ctx) -> String {
    let reg = ctx.register;
    if let Some(sig) = signature_of(field, reg) {
        let Some(s) = sig else {
            return String::new();
        };
        return match field {
            Field::PreparedName | Field::ReviewedName => s.name.clone(),
            Field::PreparedPosition | Field::ReviewedPosition => s.position.clone(),
            _ => s.date.to_string(),
        };
    }
    match field {
        Field::Note => reg.note.clone(),
        Field::Method => {
            let name = ctx
                .method
                .map(|m| format!(" — {}", m.name.get(ctx.lang)))
                .unwrap_or_default();
            format!("{}{name}", reg.methodology)
        }
        Field::Approval => approval_text(reg, ctx.lang),
        _ => String::new(),
    }
}

/// The logical path of a header field, as the validator names places.
pub fn path(field: Field) -> Option<String> {
    let p = match field {
        Field::Note => "note",
        Field::PreparedName => "prepared_by.name",
        Field::PreparedPosition => "prepared_by.position",
        Field::PreparedDate => "prepared_by.date",
        Field::ReviewedName => "reviewed_by.name",
        Field::ReviewedPosition => "reviewed_by.position",
        Field::ReviewedDate => "reviewed_by.date",
        Field::Method => "methodology",
        Field::Approval => "approved_by",
        _ => return None,
    };
    Some(p.to_string())
}

/// Applies typed text to a header field; on error nothing changes.
/// A signature that does not exist yet is started dated `today` (a typed
/// date replaces it); one left with no name and no position is removed.
pub fn set_text(
    field: Field,
    reg: &mut Register,
    text: &str,
    today: Option<Date>,
) -> Result<(), String> {
    if field == Field::Note {
        reg.note = text.to_string();
        return Ok(());
    }
    let slot = match field {
        Field::PreparedName | Field::PreparedPosition | Field::PreparedDate => &mut reg.prepared_by,
        Field::ReviewedName | Field::ReviewedPosition | Field::ReviewedDate => &mut reg.reviewed_by,
        Field::Method => {
            return Err("the methodology is chosen when the register is created".into());
        }
        Field::Approval => return Err("only `riskreg approve` signs the approval".into()),
        _ => return Err("not a field of the header".into()),
    };
    let text = text.trim();
    let is_date = matches!(field, Field::PreparedDate | Field::ReviewedDate);
    let date = if is_date && !text.is_empty() {
        Some(Date::parse_written(text)?)
    } else {
        None
    };
    let mut sig = match slot.take() {
        Some(s) => s,
        None if text.is_empty() => return Ok(()),
        None => {
            let start = date
                .or(today)
                .ok_or("the system clock gives no usable date: type the date first")?;
            Signature {
                name: String::new(),
                position: String::new(),
                date: start,
            }
        }
    };
    match field {
        Field::PreparedName | Field::ReviewedName => sig.name = text.to_string(),
        Field::PreparedPosition | Field::ReviewedPosition => sig.position = text.to_string(),
        _ => match date {
            Some(d) => sig.date = d,
            None if sig.name.is_empty() && sig.position.is_empty() => return Ok(()),
            None => {
                let err = "a signature needs a date like 2567-10-01 (Buddhist era); \
                           empty the name and position to remove it";
                *slot = Some(sig);
                return Err(err.into());
            }
        },
    }
    // nothing left to sign with: the signature goes
    if !(sig.name.is_empty() && sig.position.is_empty()) {
        *slot = Some(sig);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::load_register;
    use std::path::Path;

    fn fin() -> Register {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("registers");
        load_register(&root.join("2567/FIN.ron"))
            .expect("FIN loads")
            .value
    }

    fn day(s: &str) -> Date {
        Date::try_from(s.to_string()).expect("date")
    }

    #[test]
    fn a_name_starts_a_signature_dated_today_and_emptying_it_removes_it() {
        let mut reg = fin();
        reg.reviewed_by = None;
        set_text(
            Field::ReviewedName,
            &mut reg,
            "  สมศรี ",
            Some(day("2567-11-02")),
        )
        .expect("set");
        let sig = reg.reviewed_by.clone().expect("started");
        assert_eq!(
            (sig.name.as_str(), sig.position.as_str(), sig.date),
            ("สมศรี", "", day("2567-11-02"))
        );
        set_text(Field::ReviewedName, &mut reg, "", None).expect("emptied");
        assert_eq!(reg.reviewed_by, None);
    }

    #[test]
    fn a_bad_or_missing_date_is_refused_and_changes_nothing() {
        let mut reg = fin();
        set_text(Field::PreparedName, &mut reg, "ก", Some(day("2567-01-02"))).expect("set");
        let before = reg.clone();
        let err = set_text(Field::PreparedDate, &mut reg, "2567-13-01", None).expect_err("bad");
        assert!(err.contains("month 13"), "{err}");
        assert_eq!(reg, before);
        let err = set_text(Field::PreparedDate, &mut reg, "", None).expect_err("empty");
        assert!(err.contains("needs a date"), "{err}");
        assert_eq!(reg, before);
        set_text(Field::PreparedDate, &mut reg, "2567-12-31", None).expect("good");
        assert_eq!(reg.prepared_by.map(|s| s.date), Some(day("2567-12-31")));
    }

    #[test]
    fn the_approval_and_methodology_are_not_typed() {
        let mut reg = fin();
        let before = reg.clone();
        let err = set_text(Field::Approval, &mut reg, "x", None).expect_err("refused");
        assert!(err.contains("riskreg approve"), "{err}");
        assert!(set_text(Field::Method, &mut reg, "x", None).is_err());
        assert_eq!(reg, before);
    }
}
