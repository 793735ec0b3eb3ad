//! The whole monitoring report the secretariat submits (seeds 002 and 004):
//! cover, the monitoring table, charts, a page per measure, warnings and
//! sign-off. [`build`] turns a [`Summary`] and the registers into a
//! [`Report`] of plain, ready-to-print text and numbers; each renderer
//! (`html`, `xlsx`, `docx`) only lays it out, so every format says the same.

mod build;
mod docx;
mod html;
mod svg;
mod xlsx;

pub use build::{BuildOptions, build};

use super::ReportError;
use crate::model::{Lang, TrafficLight};

/// A format of `riskreg report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocFormat {
    Docx,
    Html,
    Xlsx,
}

impl DocFormat {
    pub fn parse(s: &str) -> Option<DocFormat> {
        match s.to_ascii_lowercase().as_str() {
            "docx" => Some(DocFormat::Docx),
            "html" | "htm" => Some(DocFormat::Html),
            "xlsx" => Some(DocFormat::Xlsx),
            _ => None,
        }
    }
}

/// The report, every text already in its language and digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub lang: Lang,
    pub thai_digits: bool,
    /// The cover's lines: what the report is, whose, which fiscal year.
    pub cover: Vec<String>,
    /// `รอบ 6 เดือน`.
    pub round: String,
    /// `(ตุลาคม 2566 – มีนาคม 2567)`.
    pub period: String,
    /// The monitoring table's title lines (seed 002's).
    pub table_title: Vec<String>,
    pub groups: Vec<TableGroup>,
    /// Red, yellow, green, as seed 002's หมายเหตุ lists them.
    pub legend: Vec<(TrafficLight, String)>,
    pub charts: Vec<Chart>,
    /// The pages per measure, grouped by approach as the table is.
    pub pages: Vec<PageGroup>,
    pub warnings: Vec<String>,
    /// The 12-month round compared with an earlier one, as lines.
    pub comparison: Option<(String, Vec<String>)>,
    pub signoffs: Vec<SignOff>,
    /// Words the layouts share, in the report's language.
    pub words: Words,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableGroup {
    /// `แนวทางการดำเนินการ : …`
    pub label: String,
    pub rows: Vec<TableRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    pub no: String,
    pub measure: String,
    pub title: String,
    pub occurrence: String,
    pub status: Option<TrafficLight>,
    /// The status as a word (`เขียว`), or `ไม่ได้รายงาน`.
    pub status_text: String,
    pub responsible: String,
}

/// A chart: a few bars of one split (implementation, budget, status).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    pub title: String,
    pub bars: Vec<Bar>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    /// A count, or satang for money; never negative.
    pub amount: i64,
    /// Whether `amount` is satang.
    pub money: bool,
    /// The value as printed with its share: `3 (20.00%)`.
    pub shown: String,
    pub rgb: (u8, u8, u8),
}

impl Bar {
    /// The amount as a spreadsheet or chart number (baht for money).
    pub fn number(&self) -> f64 {
        if self.money {
            self.amount as f64 / 100.0
        } else {
            self.amount as f64
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageGroup {
    pub label: String,
    pub measures: Vec<MeasurePage>,
}

/// One measure's page: what seed 002 prints per row of its second table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasurePage {
    pub no: String,
    pub measure: String,
    pub title: String,
    pub responsible: String,
    pub status_text: String,
    /// The five boxes in seed 002's order, ticked or not; the last one
    /// carries the other reason's text when ticked.
    pub boxes: Vec<(String, bool)>,
    pub done: String,
    pub added: String,
    /// (label, value) lines: allocated, disbursed, remaining — or one line
    /// saying no budget was requested.
    pub budget: Vec<(String, String)>,
    pub indicators: Vec<IndicatorLine>,
    pub evidence: Vec<String>,
    /// The same measure at the earlier round, when comparing.
    pub earlier: Option<String>,
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorLine {
    pub name: String,
    pub target: String,
    pub result: String,
    /// `บรรลุ` / `ไม่บรรลุ` / `รอผล`.
    pub met: String,
}

/// One signature block of a register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignOff {
    pub bureau: String,
    /// `ผู้จัดทำ`, `ผู้ทบทวน`, `ผู้อนุมัติ`.
    pub role: String,
    pub name: String,
    pub position: String,
    pub date: String,
}

/// Headings and labels every layout uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub no: String,
    pub measure: String,
    pub occurrence: String,
    pub status: String,
    pub green: String,
    pub yellow: String,
    pub red: String,
    pub responsible: String,
    pub note: String,
    pub charts: String,
    pub pages: String,
    pub implementation: String,
    pub done: String,
    pub added: String,
    pub budget: String,
    pub indicators: String,
    pub indicator: String,
    pub target: String,
    pub result: String,
    pub met: String,
    pub evidence: String,
    pub none: String,
    pub warnings: String,
    pub signoff: String,
    pub page: String,
}

impl Words {
    fn new(lang: Lang) -> Self {
        let p = |th: &str, en: &str| lang.pick(th, en).to_string();
        Words {
            no: p("ที่", "No."),
            measure: p(
                "มาตรการ/โครงการ/กิจกรรมป้องกันการทุจริต",
                "Anti-corruption measure/project/activity",
            ),
            occurrence: p("โอกาส/ความเสี่ยงการทุจริต", "Fraud risk occurrence"),
            status: p("สถานะความเสี่ยง", "Risk status"),
            green: TrafficLight::Green.label(lang).to_string(),
            yellow: TrafficLight::Yellow.label(lang).to_string(),
            red: TrafficLight::Red.label(lang).to_string(),
            responsible: p("ผู้รับผิดชอบ", "Responsible"),
            note: p("หมายเหตุ :", "Note:"),
            charts: p(
                "แผนภาพความก้าวหน้าการดำเนินงานตามแผนปฏิบัติการบริหารความเสี่ยงและป้องกันการทุจริต",
                "Progress of the risk-management and anti-corruption action plan",
            ),
            pages: p(
                "รายงานผลการดำเนินการตามแผนปฏิบัติการบริหารความเสี่ยงและป้องกันการทุจริต",
                "Results by measure",
            ),
            implementation: p("สถานะการดำเนินการ", "Implementation"),
            done: p("รายละเอียดการดำเนินการ", "What was done"),
            added: p("กิจกรรมที่เพิ่มเติม", "Activities added"),
            budget: p("งบประมาณ", "Budget"),
            indicators: p("ตัวชี้วัด", "Indicators"),
            indicator: p("ตัวชี้วัด", "Indicator"),
            target: p("เป้าหมาย", "Target"),
            result: p("ผลการดำเนินงาน", "Result"),
            met: p("ผลการประเมิน", "Met"),
            evidence: p("หลักฐาน", "Evidence"),
            none: p("–", "–"),
            warnings: super::warnings::heading(lang).to_string(),
            signoff: p("การลงนาม", "Sign-off"),
            page: p("หน้า", "Page"),
        }
    }
}

/// The report in `format`, as bytes.
pub fn render(report: &Report, format: DocFormat) -> Result<Vec<u8>, ReportError> {
    match format {
        DocFormat::Html => Ok(html::render(report).into_bytes()),
        DocFormat::Xlsx => xlsx::render(report),
        DocFormat::Docx => docx::render(report),
    }
}
