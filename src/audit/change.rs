//! A change in domain terms: what it is about (a register, a risk, a measure,
//! a monitoring round) and what happened to it. Language-neutral: `render`
//! puts it into words.

use crate::model::{Implementation, Label, Money, TrafficLight};
use serde::Serialize;

/// What a change is about. Ids are the register's own, so a change can be
/// found again across revisions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "level", rename_all = "snake_case")]
pub enum Subject {
    Register,
    Risk {
        risk: String,
    },
    Measure {
        risk: String,
        measure: String,
    },
    /// One monitoring round of a measure.
    Round {
        risk: String,
        measure: String,
        round: String,
    },
}

impl Subject {
    pub fn risk(&self) -> Option<&str> {
        match self {
            Subject::Register => None,
            Subject::Risk { risk }
            | Subject::Measure { risk, .. }
            | Subject::Round { risk, .. } => Some(risk),
        }
    }
    pub fn measure(&self) -> Option<&str> {
        match self {
            Subject::Measure { measure, .. } | Subject::Round { measure, .. } => Some(measure),
            _ => None,
        }
    }
}

/// Which of the two revisions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Old,
    New,
}

/// Inherent or residual risk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Inherent,
    Residual,
}

/// A band of the methodology, with its label, as a change names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BandName {
    pub id: String,
    pub label: Label,
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    /// The register file is now at another path (same bureau and year).
    Moved {
        from: String,
    },
    /// The file does not parse at one revision, so its content cannot be compared.
    Unparsable {
        side: Side,
        message: String,
    },
    /// A field changed; values are shown as written in the file (for
    /// tools), and said in the domain's words (for people).
    Field {
        field: String,
        old: String,
        new: String,
        #[serde(skip)]
        words: Option<FieldWords>,
    },
    /// Consequence of a rating or control change: the risk moves to another band.
    Band {
        level: Level,
        old: Option<BandName>,
        new: Option<BandName>,
        /// +1 higher, -1 lower, 0 when either side has no band.
        direction: i8,
    },
    /// The traffic light of a round changed.
    Status {
        old: TrafficLight,
        new: TrafficLight,
    },
    /// The implementation status of a round changed.
    Implementation {
        old: Implementation,
        new: Implementation,
    },
    /// The cumulative amount disbursed at a round changed.
    Disbursed {
        old: Money,
        new: Money,
    },
    Approved {
        name: String,
        position: String,
        date: String,
    },
    ApprovalWithdrawn {
        name: String,
    },
}

/// A field's label and its two values in words, in Thai and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldWords {
    pub label: Label,
    pub old: Label,
    pub new: Label,
}

/// One change to one register file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// A stable id: `<file>#<target>:<what>`, the same for the same change
    /// in any run, for tools that track changes (JSON output).
    pub id: String,
    /// The file's path in the repository (the new path for moves, the old
    /// one for removals), with `/` separators.
    pub file: String,
    /// The register's bureau and fiscal year, when known.
    pub bureau: Option<String>,
    pub year: Option<u16>,
    pub target: Subject,
    #[serde(flatten)]
    pub kind: ChangeKind,
}

impl Change {
    pub fn new(
        file: &str,
        register: Option<(&str, u16)>,
        target: Subject,
        kind: ChangeKind,
    ) -> Self {
        let id = format!("{file}#{}:{}", target_id(&target), kind_id(&kind));
        Change {
            id,
            file: file.to_string(),
            bureau: register.map(|(b, _)| b.to_string()),
            year: register.map(|(_, y)| y),
            target,
            kind,
        }
    }
}

fn target_id(t: &Subject) -> String {
    match t {
        Subject::Register => String::new(),
        Subject::Risk { risk } => risk.clone(),
        Subject::Measure { risk, measure } => format!("{risk}/{measure}"),
        Subject::Round {
            risk,
            measure,
            round,
        } => format!("{risk}/{measure}@{round}"),
    }
}

fn kind_id(k: &ChangeKind) -> String {
    match k {
        ChangeKind::Added => "added".into(),
        ChangeKind::Removed => "removed".into(),
        ChangeKind::Moved { .. } => "moved".into(),
        ChangeKind::Unparsable { side, .. } => match side {
            Side::Old => "unparsable-old".into(),
            Side::New => "unparsable-new".into(),
        },
        ChangeKind::Field { field, .. } => format!("field.{field}"),
        ChangeKind::Band { level, .. } => match level {
            Level::Inherent => "band.inherent".into(),
            Level::Residual => "band.residual".into(),
        },
        ChangeKind::Status { .. } => "status".into(),
        ChangeKind::Implementation { .. } => "implementation".into(),
        ChangeKind::Disbursed { .. } => "disbursed".into(),
        ChangeKind::Approved { .. } => "approved".into(),
        ChangeKind::ApprovalWithdrawn { .. } => "approval-withdrawn".into(),
    }
}
