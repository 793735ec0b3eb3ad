//! The semantic diff of two sets of register files. Pure: the caller reads
//! the files (from git or the working tree) and hands over what they parse to.

use super::change::{BandName, Change, ChangeKind, Level, Side, Subject};
use super::words;
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
        crate::method::find(&self.methods, r)
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
            methods: (None, None),
        };
        match (in_old, in_new) {
            (Some(o), None) => d.removed(o),
            (None, Some(n)) => d.added(n),
            (Some(o), Some(n)) => {
                if let Some(from) = old_path.filter(|p| *p != path) {
                    d.register = key(n);
                    d.push(Subject::Register, ChangeKind::Moved { from: from.clone() });
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
    /// The methodologies of the old and new register, to say ratings in words.
    methods: (Option<&'a Methodology>, Option<&'a Methodology>),
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
    fn push(&mut self, target: Subject, kind: ChangeKind) {
        let reg = self.register.as_ref().map(|(b, y)| (b.as_str(), *y));
        self.out.push(Change::new(self.file, reg, target, kind));
    }

    /// A field's change, with the file's text (for tools) and the domain's
    /// words (for people); values rated on a scale are said with the
    /// methodology of their side.
    fn field<T: Serialize + PartialEq>(
        &mut self,
        target: &Subject,
        name: &str,
        label: (&str, &str),
        old: &T,
        new: &T,
        say: words::Say<'_, T>,
    ) {
        if old != new {
            let words =
                words::field_words(label, (old, self.methods.0), (new, self.methods.1), say);
            self.push(
                target.clone(),
                ChangeKind::Field {
                    field: name.to_string(),
                    old: show(old),
                    new: show(new),
                    words: Some(words),
                },
            );
        }
    }

    fn unparsable(&mut self, side: Side, e: &LoadError) {
        let message = match e.position {
            Some((line, col)) => format!("line {line}, column {col}: {}", e.message),
            None => e.message.clone(),
        };
        self.push(Subject::Register, ChangeKind::Unparsable { side, message });
    }

    fn added(&mut self, r: &Result<Register, LoadError>) {
        match r {
            Ok(reg) => {
                self.register = Some((reg.bureau.as_str().to_string(), reg.year.be()));
                self.push(Subject::Register, ChangeKind::Added);
                self.each_risk_and_measure(reg, ChangeKind::Added);
            }
            Err(e) => self.unparsable(Side::New, e),
        }
    }

    fn removed(&mut self, r: &Result<Register, LoadError>) {
        match r {
            Ok(reg) => {
                self.register = Some((reg.bureau.as_str().to_string(), reg.year.be()));
                self.push(Subject::Register, ChangeKind::Removed);
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
            self.push(Subject::Risk { risk: risk.clone() }, kind.clone());
            for m in &r.measures {
                let measure = m.id.to_string();
                let t = Subject::Measure {
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
        let (om, nm) = (
            self.old.method(&o.methodology),
            self.new.method(&n.methodology),
        );
        self.methods = (om, nm);
        self.header(o, n);
        for nr in &n.risks {
            let target = Subject::Risk {
                risk: nr.id.to_string(),
            };
            match o.risk(&nr.id) {
                None => self.push(target, ChangeKind::Added),
                Some(or) => self.risk(&target, (or, om), (nr, nm)),
            }
        }
        for or in &o.risks {
            if n.risk(&or.id).is_none() {
                let target = Subject::Risk {
                    risk: or.id.to_string(),
                };
                self.push(target, ChangeKind::Removed);
            }
        }
        self.measures(o, n);
    }

    fn header(&mut self, o: &Register, n: &Register) {
        let t = Subject::Register;
        self.field(
            &t,
            "bureau",
            ("สำนัก", "bureau"),
            &o.bureau,
            &n.bureau,
            &words::shown,
        );
        self.field(
            &t,
            "year",
            ("ปีงบประมาณ", "fiscal year"),
            &o.year,
            &n.year,
            &words::shown,
        );
        self.field(
            &t,
            "methodology",
            ("วิธีประเมิน", "methodology"),
            &o.methodology,
            &n.methodology,
            &words::method_ref,
        );
        self.field(
            &t,
            "prepared_by",
            ("ผู้จัดทำ", "prepared by"),
            &o.prepared_by,
            &n.prepared_by,
            &words::signature,
        );
        self.field(
            &t,
            "reviewed_by",
            ("ผู้สอบทาน", "reviewed by"),
            &o.reviewed_by,
            &n.reviewed_by,
            &words::signature,
        );
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
        self.field(
            &Subject::Register,
            "note",
            ("หมายเหตุ", "note"),
            &o.note,
            &n.note,
            &words::text,
        );
    }

    fn risk(
        &mut self,
        t: &Subject,
        (o, om): (&Risk, Option<&Methodology>),
        (n, nm): (&Risk, Option<&Methodology>),
    ) {
        self.field(
            t,
            "process",
            ("กระบวนงาน", "process"),
            &o.process,
            &n.process,
            &words::text,
        );
        self.field(
            t,
            "description",
            ("ความเสี่ยงการทุจริต", "fraud risk"),
            &o.description,
            &n.description,
            &words::text,
        );
        self.field(
            t,
            "category",
            ("ประเภท", "category"),
            &o.category,
            &n.category,
            &words::category,
        );
        self.field(
            t,
            "factor",
            ("ปัจจัยเสี่ยง", "factor"),
            &o.factor,
            &n.factor,
            &words::factor,
        );
        self.field(
            t,
            "inherent.likelihood",
            ("โอกาส", "likelihood"),
            &o.inherent.likelihood,
            &n.inherent.likelihood,
            &words::likelihood,
        );
        self.field(
            t,
            "inherent.impact",
            ("ผลกระทบ", "impact"),
            &o.inherent.impact,
            &n.inherent.impact,
            &words::impact,
        );
        self.field(
            t,
            "controls",
            ("การควบคุมที่มีอยู่", "existing controls"),
            &o.controls,
            &n.controls,
            &words::text,
        );
        self.field(
            t,
            "control_quality",
            ("การควบคุม", "control grade"),
            &o.control_quality,
            &n.control_quality,
            &words::control_quality,
        );
        self.field(
            t,
            "residual",
            ("ความเสี่ยงคงเหลือที่ประเมินใหม่", "residual rating"),
            &o.residual,
            &n.residual,
            &words::rating,
        );
        self.field(
            t,
            "owner",
            ("ผู้รับผิดชอบ", "owner"),
            &o.owner,
            &n.owner,
            &words::text,
        );
        self.field(
            t,
            "response",
            ("การตอบสนอง", "response"),
            &o.response,
            &n.response,
            &words::response,
        );
        self.field(
            t,
            "next_review",
            ("ทบทวนครั้งถัดไป", "next review"),
            &o.next_review,
            &n.next_review,
            &words::date,
        );
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
            let t = Subject::Measure {
                risk: nr.id.to_string(),
                measure: nm.id.to_string(),
            };
            match old.get(&nm.id) {
                None => self.push(t, ChangeKind::Added),
                Some((or, om)) => {
                    self.field(
                        &t,
                        "risk",
                        ("ความเสี่ยง", "risk"),
                        &or.id,
                        &nr.id,
                        &words::shown,
                    );
                    self.measure(&t, om, nm);
                }
            }
        }
        for (or, om) in o.measures() {
            if !new_ids.contains(&om.id) {
                let t = Subject::Measure {
                    risk: or.id.to_string(),
                    measure: om.id.to_string(),
                };
                self.push(t, ChangeKind::Removed);
            }
        }
    }

    fn measure(&mut self, t: &Subject, o: &Measure, n: &Measure) {
        self.field(
            t,
            "title",
            ("ชื่อมาตรการ", "title"),
            &o.title,
            &n.title,
            &words::text,
        );
        self.field(
            t,
            "kind",
            ("ประเภทมาตรการ", "kind"),
            &o.kind,
            &n.kind,
            &words::measure_kind,
        );
        self.field(
            t,
            "approach",
            ("แนวทางการดำเนินการ", "approach"),
            &o.approach,
            &n.approach,
            &words::shown,
        );
        self.field(
            t,
            "co_responsible",
            ("สำนักที่รับผิดชอบร่วม", "co-responsible"),
            &o.co_responsible,
            &n.co_responsible,
            &words::co_responsible,
        );
        self.field(
            t,
            "other_responsible",
            ("ผู้รับผิดชอบอื่น", "other responsible"),
            &o.other_responsible,
            &n.other_responsible,
            &words::text,
        );
        self.field(
            t,
            "start",
            ("เริ่ม", "start"),
            &o.start,
            &n.start,
            &words::shown,
        );
        self.field(t, "end", ("สิ้นสุด", "end"), &o.end, &n.end, &words::shown);
        self.field(
            t,
            "budget",
            ("งบประมาณ", "budget"),
            &o.budget,
            &n.budget,
            &words::budget,
        );
        self.field(
            t,
            "indicators",
            ("ตัวชี้วัด", "indicators"),
            &o.indicators,
            &n.indicators,
            &words::indicators,
        );
        let (Subject::Measure { risk, measure } | Subject::Round { risk, measure, .. }) = t else {
            return;
        };
        let round_target = |round: &str| Subject::Round {
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

    fn round(&mut self, t: &Subject, o: &Monitoring, n: &Monitoring) {
        self.field(
            t,
            "as_of",
            ("ข้อมูล ณ วันที่", "as of"),
            &o.as_of,
            &n.as_of,
            &words::date,
        );
        if o.status != n.status {
            let kind = ChangeKind::Status {
                old: o.status,
                new: n.status,
            };
            self.push(t.clone(), kind);
        }
        self.field(
            t,
            "occurrence",
            ("การเกิดความเสี่ยง", "occurrence"),
            &o.occurrence,
            &n.occurrence,
            &words::text,
        );
        if o.implementation != n.implementation {
            let kind = ChangeKind::Implementation {
                old: o.implementation.clone(),
                new: n.implementation.clone(),
            };
            self.push(t.clone(), kind);
        }
        self.field(
            t,
            "done",
            ("สิ่งที่ดำเนินการ", "what was done"),
            &o.done,
            &n.done,
            &words::text,
        );
        self.field(
            t,
            "added_activities",
            ("กิจกรรมที่เพิ่มเติม", "added activities"),
            &o.added_activities,
            &n.added_activities,
            &words::text,
        );
        if o.disbursed != n.disbursed {
            let kind = ChangeKind::Disbursed {
                old: o.disbursed,
                new: n.disbursed,
            };
            self.push(t.clone(), kind);
        }
        self.field(
            t,
            "results",
            ("ผลตามตัวชี้วัด", "indicator results"),
            &o.results,
            &n.results,
            &words::results,
        );
        self.field(
            t,
            "evidence",
            ("หลักฐาน", "evidence"),
            &o.evidence,
            &n.evidence,
            &words::list,
        );
    }
}
