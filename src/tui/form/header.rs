//! The register's header as a form: the note, who prepared and who reviewed
//! the register (name, position, date), and, read only, the methodology and
//! the approval. The approval carries a digest of the content it approved,
//! so it is never typed by hand: `riskreg approve` signs.

use super::spot::View;
use super::*;
use crate::audit::{ApprovalState, approval_state};
use crate::model::Signature;

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

/// The approval and whether the register is still what was approved.
pub fn approval_text(reg: &Register, lang: Lang) -> String {
    let who = |a: &crate::model::Approval| {
        format!(
            "{}, {}, {} ({}…)",
            a.name,
            a.position,
            a.date.written(lang),
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

/// The methodology's id, version and name.
pub fn method_text(v: &View) -> String {
    let reg = v.ctx.register;
    let name = v
        .ctx
        .method
        .map(|m| format!(" — {}", m.name.get(v.lang())))
        .unwrap_or_default();
    format!("{}{name}", reg.methodology)
}

/// A part of a signature as text (empty when nobody has signed).
pub fn signature_text(sig: &Option<Signature>, part: fn(&Signature) -> String) -> String {
    sig.as_ref().map(part).unwrap_or_default()
}

/// The parts of a signature typed in the header.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Name,
    Position,
    Date,
}

/// Sets a part of a signature; on error nothing changes. A signature that
/// does not exist yet is started dated `today` (a typed date replaces it);
/// one left with no name and no position is removed.
pub fn sign(
    slot: &mut Option<Signature>,
    part: Part,
    text: &str,
    today: Option<Date>,
) -> Result<(), super::Refusal> {
    let text = text.trim();
    let date = if part == Part::Date && !text.is_empty() {
        Some(Date::parse_written(text)?)
    } else {
        None
    };
    let mut sig = match slot.take() {
        Some(s) => s,
        None if text.is_empty() => return Ok(()),
        None => {
            let start = date.or(today).ok_or(super::Refusal::rule(
                "นาฬิกาของเครื่องไม่ให้วันที่ที่ใช้ได้ พิมพ์วันที่ก่อน",
                "the system clock gives no usable date: type the date first",
            ))?;
            Signature {
                name: String::new(),
                position: String::new(),
                date: start,
            }
        }
    };
    match part {
        Part::Name => sig.name = text.to_string(),
        Part::Position => sig.position = text.to_string(),
        Part::Date => match date {
            Some(d) => sig.date = d,
            None if sig.name.is_empty() && sig.position.is_empty() => return Ok(()),
            None => {
                *slot = Some(sig);
                return Err(super::Refusal::rule(
                    "การลงนามต้องมีวันที่ เช่น 1 ต.ค. 2567 หรือ 2567-10-01 (พ.ศ.) \
                     ถ้าจะลบการลงนาม ให้ลบชื่อและตำแหน่ง",
                    "a signature needs a date like 2567-10-01 (Buddhist era); \
                     empty the name and position to remove it",
                ));
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
            &Form::Header,
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
        set_text(Field::ReviewedName, &Form::Header, &mut reg, "", None).expect("emptied");
        assert_eq!(reg.reviewed_by, None);
    }

    #[test]
    fn a_bad_or_missing_date_is_refused_and_changes_nothing() {
        let mut reg = fin();
        set_text(
            Field::PreparedName,
            &Form::Header,
            &mut reg,
            "ก",
            Some(day("2567-01-02")),
        )
        .expect("set");
        let before = reg.clone();
        let err = set_text(
            Field::PreparedDate,
            &Form::Header,
            &mut reg,
            "2567-13-01",
            None,
        )
        .expect_err("bad");
        assert!(err.to_string().contains("month 13"), "{err}");
        assert_eq!(reg, before);
        let err =
            set_text(Field::PreparedDate, &Form::Header, &mut reg, "", None).expect_err("empty");
        assert!(err.to_string().contains("needs a date"), "{err}");
        assert_eq!(reg, before);
        set_text(
            Field::PreparedDate,
            &Form::Header,
            &mut reg,
            "2567-12-31",
            None,
        )
        .expect("good");
        assert_eq!(reg.prepared_by.map(|s| s.date), Some(day("2567-12-31")));
    }

    #[test]
    fn the_approval_and_methodology_are_not_typed() {
        let mut reg = fin();
        let before = reg.clone();
        let err =
            set_text(Field::Approval, &Form::Header, &mut reg, "x", None).expect_err("refused");
        assert!(err.to_string().contains("riskreg approve"), "{err}");
        assert!(set_text(Field::Method, &Form::Header, &mut reg, "x", None).is_err());
        assert_eq!(reg, before);
    }
}
