//! The part of a register an edit changes, and that part as it was, so an
//! undo step keeps one risk (or the header) rather than a copy of the whole
//! register: at a national body's 2 000 risks, copying, comparing and
//! dropping the whole register on every keystroke's edit cost more than a
//! frame (issue 16).

use crate::model::{Register, Risk};

/// What an edit may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Anything: risks added, removed or reordered, a merge.
    Whole,
    /// The header: everything but the risks (note, signatures, approval).
    Header,
    /// One risk, by index, with its measures, indicators and monitoring.
    Risk(usize),
}

/// A part of a register as it was: what an undo or redo step puts back.
#[derive(Clone, Debug, PartialEq)]
pub enum Earlier {
    Whole(Register),
    /// The header, held as a register without risks.
    Header(Register),
    Risk(usize, Risk),
}

impl Earlier {
    /// The part it holds.
    pub fn part(&self) -> Part {
        match self {
            Earlier::Whole(_) => Part::Whole,
            Earlier::Header(_) => Part::Header,
            Earlier::Risk(i, _) => Part::Risk(*i),
        }
    }
}

/// A copy of `part` of `reg`; none for a risk it does not have.
pub fn keep(reg: &Register, part: Part) -> Option<Earlier> {
    Some(match part {
        Part::Whole => Earlier::Whole(reg.clone()),
        Part::Header => Earlier::Header(header_of(reg)),
        Part::Risk(i) => Earlier::Risk(i, reg.risks.get(i)?.clone()),
    })
}

/// Whether the part `earlier` holds is, in `reg`, as it holds it.
pub fn unchanged(reg: &Register, earlier: &Earlier) -> bool {
    match earlier {
        Earlier::Whole(was) => reg == was,
        Earlier::Header(was) => same_headers(reg, was),
        Earlier::Risk(i, was) => reg.risks.get(*i) == Some(was),
    }
}

/// Puts `earlier` back into `reg`; gives that part as it was just before,
/// for the other stack (undo ↔ redo). None, and nothing changed, when `reg`
/// no longer has the risk.
pub fn put_back(reg: &mut Register, earlier: Earlier) -> Option<Earlier> {
    Some(match earlier {
        Earlier::Whole(was) => Earlier::Whole(std::mem::replace(reg, was)),
        Earlier::Header(mut was) => {
            // the risks stay where they are; everything else is swapped
            std::mem::swap(&mut was.risks, &mut reg.risks);
            Earlier::Header(std::mem::replace(reg, was))
        }
        Earlier::Risk(i, was) => Earlier::Risk(i, std::mem::replace(reg.risks.get_mut(i)?, was)),
    })
}

/// The register without its risks, cloned without cloning them.
fn header_of(reg: &Register) -> Register {
    let Register {
        bureau,
        year,
        methodology,
        prepared_by,
        reviewed_by,
        approved_by,
        note,
        risks: _,
    } = reg;
    Register {
        bureau: bureau.clone(),
        year: *year,
        methodology: methodology.clone(),
        prepared_by: prepared_by.clone(),
        reviewed_by: reviewed_by.clone(),
        approved_by: approved_by.clone(),
        note: note.clone(),
        risks: Vec::new(),
    }
}

/// Whether two registers have the same header, whatever their risks: a
/// copy of a header is a few strings, so comparing copies is cheap.
pub(super) fn same_headers(a: &Register, b: &Register) -> bool {
    header_of(a) == header_of(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Register {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/registers/2567/FIN.ron");
        crate::store::load_register(std::path::Path::new(path))
            .expect("the sample register")
            .value
    }

    #[test]
    fn a_risk_put_back_undoes_its_edit_and_gives_the_edit_for_redo() {
        let original = sample();
        let mut reg = original.clone();
        let kept = keep(&reg, Part::Risk(1)).expect("risk 1");
        reg.risks[1].owner = "คนอื่น".into();
        assert!(!unchanged(&reg, &kept));
        let edited = reg.clone();
        let redo = put_back(&mut reg, kept).expect("put back");
        assert_eq!(reg, original);
        put_back(&mut reg, redo).expect("redo");
        assert_eq!(reg, edited);
    }

    #[test]
    fn the_header_put_back_leaves_the_risks_as_they_are() {
        let original = sample();
        let mut reg = original.clone();
        let kept = keep(&reg, Part::Header).expect("header");
        assert!(unchanged(&reg, &kept));
        reg.note = "บันทึก".into();
        // a later edit of a risk must survive undoing the note
        reg.risks[0].owner = "คนอื่น".into();
        assert!(!unchanged(&reg, &kept));
        put_back(&mut reg, kept).expect("put back");
        assert_eq!(reg.note, original.note);
        assert_eq!(reg.risks[0].owner, "คนอื่น");
    }

    #[test]
    fn a_risk_no_longer_there_is_not_put_back() {
        let mut reg = sample();
        let kept = keep(&reg, Part::Risk(2)).expect("risk 2");
        reg.risks.truncate(1);
        let now = reg.clone();
        assert!(put_back(&mut reg, kept).is_none());
        assert_eq!(reg, now);
        assert!(keep(&reg, Part::Risk(5)).is_none());
    }
}
