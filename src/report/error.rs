//! Why a report could not be made, each saying where to look.

use crate::model::{FiscalYear, Lang, RoundId};
use crate::store::LoadError;
use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum ReportError {
    /// Files that could not be read or parsed, each with file:line:col.
    Load(Vec<LoadError>),
    /// No register exists for the fiscal year.
    NoData { year: FiscalYear },
    /// The round is not one of the methodology a register names.
    UnknownRound {
        round: RoundId,
        /// `id vN` of the methodology.
        method: String,
        known: Vec<RoundId>,
    },
    /// A register names a methodology that is not in `methodology/`.
    UnknownMethod { bureau: String, method: String },
    /// The output could not be written; nothing was left behind.
    Output {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A renderer failed (e.g. the xlsx writer); not a user error.
    Render(String),
    /// The aggregation failed; not a user error.
    Frame(String),
}

/// A methodology's rounds as a list: `6m, 12m`.
fn rounds(known: &[RoundId]) -> String {
    known
        .iter()
        .map(RoundId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

impl ReportError {
    /// The error in `lang`; the English is its `Display`. Files, rounds
    /// and methodologies are named as they are written in both.
    pub fn text(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ReportError::Load(errors) => {
                let mut s = format!("อ่านไฟล์ไม่ได้ {} ไฟล์ แก้ไขก่อน:", errors.len());
                for e in errors {
                    s.push_str(&format!("\n  {}", e.text(lang)));
                }
                s
            }
            ReportError::NoData { year } => {
                format!("ไม่มีข้อมูลของปี {year}: ไม่มีทะเบียนของปีงบประมาณ {year}")
            }
            ReportError::UnknownRound {
                round,
                method,
                known,
            } => format!(
                "รอบ {round} ไม่ใช่รอบของวิธีประเมิน {method} (รอบที่มี: {})",
                rounds(known)
            ),
            ReportError::UnknownMethod { bureau, method } => {
                format!("ทะเบียนของ {bureau} ใช้วิธีประเมิน {method} ซึ่งไม่มีใน methodology/")
            }
            ReportError::Output { path, error } => {
                format!("{}: เขียนรายงานไม่ได้: {error}", path.display())
            }
            ReportError::Render(m) => format!("สร้างรายงานไม่ได้: {m}"),
            ReportError::Frame(m) => format!("รวมข้อมูลทะเบียนไม่ได้: {m}"),
        }
    }
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Load(errors) => {
                let n = errors.len();
                write!(
                    f,
                    "{n} file{} could not be read; fix {} first:",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "it" } else { "them" }
                )?;
                for e in errors {
                    write!(f, "\n  {e}")?;
                }
                Ok(())
            }
            ReportError::NoData { year } => write!(
                f,
                "no data for year {year}: there is no register for fiscal year {year}"
            ),
            ReportError::UnknownRound {
                round,
                method,
                known,
            } => write!(
                f,
                "round {round} is not a round of methodology {method} (its rounds: {})",
                rounds(known)
            ),
            ReportError::UnknownMethod { bureau, method } => write!(
                f,
                "the register of {bureau} names methodology {method}, which is not in methodology/"
            ),
            ReportError::Output { path, error } => {
                write!(f, "{}: cannot write the report: {error}", path.display())
            }
            ReportError::Render(m) => write!(f, "cannot render the report: {m}"),
            ReportError::Frame(m) => write!(f, "cannot aggregate the registers: {m}"),
        }
    }
}

impl std::error::Error for ReportError {}
