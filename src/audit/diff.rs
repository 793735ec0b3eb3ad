//! The semantic diff of two sets of register files. Pure: the caller reads
//! the files (from git or the working tree) and hands over what they parse to.

use super::change::{BandName, Change, ChangeKind, Level, Side, Target};
use crate::method::Methodology;
use crate::model::{Measure, MethodRef, Monitoring, Register, Risk};
use crate::store::LoadError;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The register files of one revision that take part in a comparison, by
/// repository path, with the methodologies of that revision (for bands).
#[derive(Debug, Default)]
pub struct Snapshot {
    pub registers: BTreeMap<String, Result<Register, LoadError>>,
    pub methods: Vec<Methodology>,
}

impl Snapshot {
    fn method(&self, r: &MethodRef) -> Option<&Methodology> {
        self.methods
            .iter()
            .find(|m| m.id == r.id && m.version == r.version)
    }
}

/// Every change from `old` to `new`, file by file in path order. A path in
/// only one snapshot is an added or removed register, unless a register of
/// the same bureau and year sits at a path only the other has: then it moved.
pub fn diff(old: &Snapshot, new: &Snapshot) -> Vec<Change> {
    let key = |r: &Result<Register, LoadError>| {
        r.as_ref()
            .ok()
            .map(|r| (r.bureau.as_str().to_string(), r.year.be()))
    };
    let only_old: Vec<&String> = old
        .registers
        .keys()
        .filter(|p| !new.registers.contains_key(*p))
        .collect();
    let mut moved_from: BTreeMap<&String, &String> = BTreeMap::new();
    let mut paired: BTreeSet<&String> = BTreeSet::new();
    for (path, reg) in &new.registers {
        if old.registers.contains_key(path) {
            continue;
        }
        let Some(k) = key(reg) else { continue };
        if let Some(from) = only_old
            .iter()
            .find(|p| !paired.contains(**p) && key(&old.registers[**p]).as_ref() == Some(&k))
        {
            paired.insert(from);
            moved_from.insert(path, from);
        }
    }
    let mut files: Vec<(&String, Option<&String>)> = Vec::new();
    for path in new.registers.keys() {
        let from = moved_from.get(path).copied();
        let old_path = from.or(old.registers.contains_key(path).then_some(path));
        files.push((path, old_path));
    }
    for path in &only_old {
        if !paired.contains(*path) {
            files.push((path, Some(path)));
        }
    }
    files.sort();
    let mut out = Vec::new();
    for (path, old_path) in files {
        let in_new = new.registers.get(path);
        let in_old = old_path.and_then(|p| old.registers.get(p));
        let mut d = FileDiff {
            file: path,
            register: None,
            old,
            new,
            out: &mut out,
        };
        match (in_old, in_new) {
            (Some(o), None) => d.removed(o),
            (None, Some(n)) => d.added(n),
            (Some(o), Some(n)) => {
                if let Some(from) = old_path.filter(|p| *p != path) {
                    d.register = key(n);
                    d.push(Target::Register, ChangeKind::Moved { from: from.clone() });
                }
                d.compare(o, n);
            }
            (None, None) => {}
        }
    }
    out
}

/// Changes of one file, with what is needed to name them.
struct FileDiff<'a> {
    file: &'a str,
    register: Option<(String, u16)>,
    old: &'a Snapshot,
    new: &'a Snapshot,
    out: &'a mut Vec<Change>,
}

/// A value as it is written in the file, on one line.
pub fn show<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .escape_strings(false)
        .new_line(" ")
        .indentor("")
        .struct_names(false)
        .compact_arrays(true);
    match ron::ser::to_string_pretty(value, config) {
        // multi-line text would break the line: show its breaks as ⏎
        Ok(s) => s.replace('\n', "⏎"),
        Err(e) => format!("<{e}>"),
    }
}

impl FileDiff<'_> {
    fn push(&mut self, target: Target, kind: ChangeKind) {
        let reg = self.register.as_ref().map(|(b, y)| (b.as_str(), *y));
        self.out.push(Change::new(self.file, reg, target, kind));
    }

    fn field<T: Serialize + PartialEq>(&mut self, target: &Target, name: &str, old: &T, new: &T) {
        if old != new {
            self.push(
                target.clone(),
                ChangeKind::Field {
                    field: name.to_string(),
                    old: show(old),
                    new: show(new),
                },
            );
        }
    }

    fn unparsable(&mut self, side: Side, e: &LoadError) {
        let message = match e.position {
            Some((line, col)) => format!("line {line}, column {col}: {}", e.message),
            None => e.message.clone(),
        };
        self.push(Target::Register, ChangeKind::Unparsable { side, message });
    }

    fn added(&mut self, r: &Result<Register, LoadError>) {
        match r {
            Ok(reg) => {
                self.register = Some((reg.bureau.as_str().to_string(), reg.year.be()));
                self.push(Target::Register, ChangeKind::Added);
                self.each_risk_and_measure(reg, ChangeKind::Added);
            }
            Err(e) => self.unparsable(Side::New, e),
        }
    }

    fn removed(&mut self, r: &Result<Register, LoadError>) {
        match r {
            Ok(reg) => {
                self.register = Some((reg.bureau.as_str().to_string(), reg.year.be()));
                self.push(Target::Register, ChangeKind::Removed);
                self.each_risk_and_measure(reg, ChangeKind::Removed);
            }
            Err(e) => self.unparsable(Side::Old, e),
        }
    }

    /// A whole register added or removed: its risks and measures are too,
    /// so that the history of one risk or measure starts where its file did.
    fn each_risk_and_measure(&mut self, reg: &Register, kind: ChangeKind) {
        for r in &reg.risks {
            let risk = r.id.to_string();
            self.push(Target::Risk { risk: risk.clone() }, kind.clone());
            for m in &r.measures {
                let measure = m.id.to_string();
                let t = Target::Measure {
                    risk: risk.clone(),
                    measure,
                };
                self.push(t, kind.clone());
            }
        }
    }

    fn compare(&mut self, o: &Result<Register, LoadError>, n: &Result<Register, LoadError>) {
        let (o, n) = match (o, n) {
            (Ok(o), Ok(n)) => (o, n),
            (o, n) => {
                if let Ok(r) = o.as_ref().or(n.as_ref()) {
                    self.register = Some((r.bureau.as_str().to_string(), r.year.be()));
                }
                if let Err(e) = o {
                    self.unparsable(Side::Old, e);
                }
                if let Err(e) = n {
                    self.unparsable(Side::New, e);
                }
                return;
            }
        };
        self.register = Some((n.bureau.as_str().to_string(), n.year.be()));
        self.header(o, n);
        let (om, nm) = (
            self.old.method(&o.methodology),
            self.new.method(&n.methodology),
        );
        for nr in &n.risks {
            let target = Target::Risk {
                risk: nr.id.to_string(),
            };
            match o.risk(&nr.id) {
                None => self.push(target, ChangeKind::Added),
                Some(or) => self.risk(&target, (or, om), (nr, nm)),
            }
        }
        for or in &o.risks {
            if n.risk(&or.id).is_none() {
                let target = Target::Risk {
                    risk: or.id.to_string(),
                };
                self.push(target, ChangeKind::Removed);
            }
        }
        self.measures(o, n);
    }

    fn header(&mut self, o: &Register, n: &Register) {
        let t = Target::Register;
        self.field(&t, "bureau", &o.bureau, &n.bureau);
        self.field(&t, "year", &o.year, &n.year);
        self.field(&t, "methodology", &o.methodology, &n.methodology);
        self.field(&t, "prepared_by", &o.prepared_by, &n.prepared_by);
        self.field(&t, "reviewed_by", &o.reviewed_by, &n.reviewed_by);
        match (&o.approved_by, &n.approved_by) {
            (a, b) if a == b => {}
            (_, Some(b)) => self.push(
                t,
                ChangeKind::Approved {
                    name: b.name.clone(),
                    position: b.position.clone(),
                    date: b.date.to_string(),
                },
            ),
            (Some(a), None) => self.push(
                t,
                ChangeKind::ApprovalWithdrawn {
                    name: a.name.clone(),
                },
            ),
            (None, None) => {}
        }
        self.field(&Target::Register, "note", &o.note, &n.note);
    }

    fn risk(
        &mut self,
        t: &Target,
        (o, om): (&Risk, Option<&Methodology>),
        (n, nm): (&Risk, Option<&Methodology>),
    ) {
        self.field(t, "process", &o.process, &n.process);
        self.field(t, "description", &o.description, &n.description);
        self.field(t, "category", &o.category, &n.category);
        self.field(t, "factor", &o.factor, &n.factor);
        self.field(
            t,
            "inherent.likelihood",
            &o.inherent.likelihood,
            &n.inherent.likelihood,
        );
        self.field(t, "inherent.impact", &o.inherent.impact, &n.inherent.impact);
        self.field(t, "controls", &o.controls, &n.controls);
        self.field(t, "control_quality", &o.control_quality, &n.control_quality);
        self.field(t, "residual", &o.residual, &n.residual);
        self.field(t, "owner", &o.owner, &n.owner);
        self.field(t, "response", &o.response, &n.response);
        self.field(t, "next_review", &o.next_review, &n.next_review);
        let band = |m: Option<&Methodology>, r: &Risk, level: Level| -> Option<(BandName, usize)> {
            let m = m?;
            let b = match level {
                Level::Inherent => m.inherent_band(r).ok()?,
                Level::Residual => m.residual_band(r).ok()??,
            };
            let rank = m.bands.iter().position(|x| x.id == b.id)?;
            Some((
                BandName {
                    id: b.id.to_string(),
                    label: b.label.clone(),
                },
                rank,
            ))
        };
        for level in [Level::Inherent, Level::Residual] {
            let (ob, nb) = (band(om, o, level), band(nm, n, level));
            let ids = |b: &Option<(BandName, usize)>| b.as_ref().map(|(n, _)| n.id.clone());
            if ids(&ob) == ids(&nb) {
                continue;
            }
            let direction = match (&ob, &nb) {
                (Some((_, a)), Some((_, b))) => match b.cmp(a) {
                    std::cmp::Ordering::Greater => 1,
                    std::cmp::Ordering::Less => -1,
                    std::cmp::Ordering::Equal => 0,
                },
                _ => 0,
            };
            self.push(
                t.clone(),
                ChangeKind::Band {
                    level,
                    old: ob.map(|(b, _)| b),
                    new: nb.map(|(b, _)| b),
                    direction,
                },
            );
        }
    }

    /// Measures are matched by id across the register, so one moved to
    /// another risk is a change of its risk, not a removal and an addition.
    fn measures(&mut self, o: &Register, n: &Register) {
        let old: BTreeMap<_, _> = o.measures().map(|(r, m)| (&m.id, (r, m))).collect();
        let new_ids: BTreeSet<_> = n.measures().map(|(_, m)| &m.id).collect();
        for (nr, nm) in n.measures() {
            let t = Target::Measure {
                risk: nr.id.to_string(),
                measure: nm.id.to_string(),
            };
            match old.get(&nm.id) {
                None => self.push(t, ChangeKind::Added),
                Some((or, om)) => {
                    self.field(&t, "risk", &or.id, &nr.id);
                    self.measure(&t, om, nm);
                }
            }
        }
        for (or, om) in o.measures() {
            if !new_ids.contains(&om.id) {
                let t = Target::Measure {
                    risk: or.id.to_string(),
                    measure: om.id.to_string(),
                };
                self.push(t, ChangeKind::Removed);
            }
        }
    }

    fn measure(&mut self, t: &Target, o: &Measure, n: &Measure) {
        self.field(t, "title", &o.title, &n.title);
        self.field(t, "kind", &o.kind, &n.kind);
        self.field(t, "approach", &o.approach, &n.approach);
        self.field(t, "co_responsible", &o.co_responsible, &n.co_responsible);
        self.field(
            t,
            "other_responsible",
            &o.other_responsible,
            &n.other_responsible,
        );
        self.field(t, "start", &o.start, &n.start);
        self.field(t, "end", &o.end, &n.end);
        self.field(t, "budget", &o.budget, &n.budget);
        self.field(t, "indicators", &o.indicators, &n.indicators);
        let (Target::Measure { risk, measure } | Target::Round { risk, measure, .. }) = t else {
            return;
        };
        let round_target = |round: &str| Target::Round {
            risk: risk.clone(),
            measure: measure.clone(),
            round: round.to_string(),
        };
        for nm in &n.monitoring {
            let rt = round_target(nm.round.as_str());
            match o.at_round(&nm.round) {
                None => self.push(rt, ChangeKind::Added),
                Some(om) => self.round(&rt, om, nm),
            }
        }
        for om in &o.monitoring {
            if n.at_round(&om.round).is_none() {
                self.push(round_target(om.round.as_str()), ChangeKind::Removed);
            }
        }
    }

    fn round(&mut self, t: &Target, o: &Monitoring, n: &Monitoring) {
        self.field(t, "as_of", &o.as_of, &n.as_of);
        if o.status != n.status {
            let kind = ChangeKind::Status {
                old: o.status,
                new: n.status,
            };
            self.push(t.clone(), kind);
        }
        self.field(t, "occurrence", &o.occurrence, &n.occurrence);
        if o.implementation != n.implementation {
            let kind = ChangeKind::Implementation {
                old: o.implementation.clone(),
                new: n.implementation.clone(),
            };
            self.push(t.clone(), kind);
        }
        self.field(t, "done", &o.done, &n.done);
        self.field(
            t,
            "added_activities",
            &o.added_activities,
            &n.added_activities,
        );
        if o.disbursed != n.disbursed {
            let kind = ChangeKind::Disbursed {
                old: o.disbursed,
                new: n.disbursed,
            };
            self.push(t.clone(), kind);
        }
        self.field(t, "results", &o.results, &n.results);
        self.field(t, "evidence", &o.evidence, &n.evidence);
    }
}
