//! The rules a register must follow beyond parsing. Pure: it reads the model
//! and reports every problem at once, each with the logical path of the
//! value at fault; `store::SourceMap` turns paths into lines and columns.

pub mod cadence;
mod people;
mod register;

pub use cadence::check_cadence;
pub use people::{SignerProblem, check_people, check_signers};
pub use register::{
    YearKeys, check_register, check_register_header, check_register_risk, check_year,
    check_year_keys,
};

use crate::method::Methodology;
use crate::model::{ApproachList, BureauCode, BureauList, MethodRef};
use std::collections::HashSet;
use std::fmt;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    /// Information that is neither: what an approval's signature says.
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        })
    }
}

/// One problem, not yet placed on a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub file: PathBuf,
    /// Logical path of the value, e.g. `risks[0].inherent.likelihood`.
    pub path: String,
    pub message: String,
}

/// What registers are checked against.
#[derive(Clone)]
pub struct Context<'a> {
    pub bureaus: &'a BureauList,
    pub approaches: &'a ApproachList,
    pub methods: &'a [Methodology],
    /// The bureau codes, looked up in constant time: every register and
    /// co-responsible bureau is checked against a list that, for a national
    /// body, holds thousands.
    codes: HashSet<&'a str>,
}

impl<'a> Context<'a> {
    pub fn new(
        bureaus: &'a BureauList,
        approaches: &'a ApproachList,
        methods: &'a [Methodology],
    ) -> Context<'a> {
        Context {
            bureaus,
            approaches,
            methods,
            codes: bureaus.bureaus.iter().map(|b| b.code.as_str()).collect(),
        }
    }
    pub fn method(&self, r: &MethodRef) -> Option<&'a Methodology> {
        crate::method::find(self.methods, r)
    }
    /// Whether bureaus.ron lists `code`.
    pub fn knows_bureau(&self, code: &BureauCode) -> bool {
        self.codes.contains(code.as_str())
    }
}

/// Collects findings for one file.
pub(crate) struct Sink<'f> {
    file: &'f std::path::Path,
    pub(crate) out: Vec<Finding>,
}

impl<'f> Sink<'f> {
    pub(crate) fn new(file: &'f std::path::Path) -> Self {
        Sink {
            file,
            out: Vec::new(),
        }
    }
    pub(crate) fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Error, path.into(), message.into());
    }
    pub(crate) fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Warning, path.into(), message.into());
    }
    fn push(&mut self, severity: Severity, path: String, message: String) {
        self.out.push(Finding {
            severity,
            file: self.file.to_path_buf(),
            path,
            message,
        });
    }
}

/// Problems in the shared files: duplicate bureau codes and approach ids,
/// inconsistent methodologies, two files for one methodology version.
pub fn check_catalog(
    bureaus: (&std::path::Path, &BureauList),
    approaches: (&std::path::Path, &ApproachList),
    methods: &[(PathBuf, &Methodology)],
) -> Vec<Finding> {
    use std::collections::BTreeMap;
    let mut out = Vec::new();
    let mut sink = Sink::new(bureaus.0);
    let mut seen = BTreeMap::new();
    for (i, b) in bureaus.1.bureaus.iter().enumerate() {
        if let Some(first) = seen.insert(&b.code, i) {
            sink.error(
                format!("bureaus[{i}].code"),
                format!("bureau {} is listed twice (also bureaus[{first}])", b.code),
            );
        }
        if b.name.th.trim().is_empty() {
            sink.warn(
                format!("bureaus[{i}].name.th"),
                format!("bureau {} has no Thai name", b.code),
            );
        }
    }
    out.append(&mut sink.out);
    let mut sink = Sink::new(approaches.0);
    let mut seen = BTreeMap::new();
    for (i, a) in approaches.1.approaches.iter().enumerate() {
        if let Some(first) = seen.insert(&a.id, i) {
            sink.error(
                format!("approaches[{i}].id"),
                format!(
                    "approach {} is listed twice (also approaches[{first}])",
                    a.id
                ),
            );
        }
    }
    out.append(&mut sink.out);
    let mut versions: BTreeMap<(String, u32), &PathBuf> = BTreeMap::new();
    for (path, m) in methods {
        let mut sink = Sink::new(path);
        for p in crate::method::check_methodology(m) {
            sink.error(p.path, p.message);
        }
        if let Some(other) = versions.insert((m.id.to_string(), m.version), path) {
            sink.error(
                "id",
                format!(
                    "methodology {} version {} is also defined in {}",
                    m.id,
                    m.version,
                    other.display()
                ),
            );
        }
        out.append(&mut sink.out);
    }
    out
}
