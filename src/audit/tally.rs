//! The changes of one register counted as an officer reads them: how many
//! risks and measures were added, removed or changed. Pure; the lines that
//! say which fields changed come from `render`.

use super::{Change, ChangeKind, Subject};
use crate::model::Lang;
use std::collections::BTreeSet;

/// Added, removed and changed ids of one kind of record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: BTreeSet<String>,
    pub removed: BTreeSet<String>,
    pub changed: BTreeSet<String>,
}

impl Counts {
    fn note(&mut self, id: &str, kind: &ChangeKind, itself: bool) {
        match kind {
            ChangeKind::Added if itself => self.added.insert(id.to_string()),
            ChangeKind::Removed if itself => self.removed.insert(id.to_string()),
            // a record added or removed is not also "changed"
            _ if self.added.contains(id) || self.removed.contains(id) => false,
            _ => self.changed.insert(id.to_string()),
        };
    }
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The risks and measures a set of changes touches, and whether the
/// register's own header (note, signatures, approval) changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub risks: Counts,
    pub measures: Counts,
    pub header: bool,
}

/// Counts the changes of one register: a risk is changed when one of its
/// own fields or bands changed; a measure when one of its fields or one of
/// its monitoring rounds did. A change inside a measure is not counted
/// again as a change of its risk.
pub fn tally<'c>(changes: impl IntoIterator<Item = &'c Change>) -> Tally {
    let mut t = Tally::default();
    // added and removed first, so a field of a new record does not count it as changed
    let all: Vec<&Change> = changes.into_iter().collect();
    let (whole, parts): (Vec<&Change>, Vec<&Change>) = all
        .into_iter()
        .partition(|c| matches!(c.kind, ChangeKind::Added | ChangeKind::Removed));
    for c in whole.into_iter().chain(parts) {
        match &c.target {
            Subject::Register => t.header = true,
            Subject::Risk { risk } => t.risks.note(risk, &c.kind, true),
            Subject::Measure { measure, .. } => t.measures.note(measure, &c.kind, true),
            Subject::Round { measure, .. } => t.measures.note(measure, &c.kind, false),
        }
    }
    t
}

impl Tally {
    /// `risks: 1 added, 2 changed; measures: 1 removed` in the language
    /// asked; empty when nothing was counted.
    pub fn words(&self, lang: Lang) -> String {
        let part = |name: (&str, &str), c: &Counts| -> Option<String> {
            if c.is_empty() {
                return None;
            }
            let mut said = Vec::new();
            for (n, th, en) in [
                (c.added.len(), "เพิ่ม", "added"),
                (c.removed.len(), "ลบ", "removed"),
                (c.changed.len(), "แก้ไข", "changed"),
            ] {
                if n > 0 {
                    said.push(match lang {
                        Lang::Th => format!("{th} {n}"),
                        Lang::En => format!("{n} {en}"),
                    });
                }
            }
            Some(format!("{} {}", lang.pick(name.0, name.1), said.join(", ")))
        };
        let mut out: Vec<String> = [
            part(("ความเสี่ยง", "risks:"), &self.risks),
            part(("มาตรการ", "measures:"), &self.measures),
        ]
        .into_iter()
        .flatten()
        .collect();
        if self.header {
            out.push(lang.pick("ส่วนหัวทะเบียน", "register header").into());
        }
        out.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(target: Subject, kind: ChangeKind) -> Change {
        Change::new("2567/FIN.ron", Some(("FIN", 2567)), target, kind)
    }

    fn field(name: &str) -> ChangeKind {
        ChangeKind::Field {
            field: name.into(),
            old: "1".into(),
            new: "2".into(),
            words: None,
        }
    }

    #[test]
    fn records_added_are_not_also_changed_and_rounds_count_for_their_measure() {
        let r = |id: &str| Subject::Risk { risk: id.into() };
        let m = |id: &str| Subject::Measure {
            risk: "FIN-R1".into(),
            measure: id.into(),
        };
        let changes = vec![
            change(r("FIN-R4"), field("process")),
            change(r("FIN-R4"), ChangeKind::Added),
            change(r("FIN-R1"), field("likelihood")),
            change(m("FIN-M9"), ChangeKind::Removed),
            change(
                Subject::Round {
                    risk: "FIN-R1".into(),
                    measure: "FIN-M1".into(),
                    round: "6m".into(),
                },
                field("occurrence"),
            ),
            change(Subject::Register, field("note")),
        ];
        let t = tally(&changes);
        assert_eq!(t.risks.added.len(), 1);
        assert_eq!(t.risks.changed.iter().collect::<Vec<_>>(), ["FIN-R1"]);
        assert_eq!(t.measures.removed.len(), 1);
        assert_eq!(t.measures.changed.iter().collect::<Vec<_>>(), ["FIN-M1"]);
        assert!(t.header);
        assert_eq!(
            t.words(Lang::En),
            "risks: 1 added, 1 changed; measures: 1 removed, 1 changed; register header"
        );
        assert_eq!(
            t.words(Lang::Th),
            "ความเสี่ยง เพิ่ม 1, แก้ไข 1; มาตรการ ลบ 1, แก้ไข 1; ส่วนหัวทะเบียน"
        );
    }
}
