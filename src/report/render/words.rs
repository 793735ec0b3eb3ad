//! The words and number forms every rendering shares, in Thai or English,
//! with optional Thai digits (๐–๙) as official documents print them.

use super::RenderOptions;
use crate::model::amount::format_hundredths_grouped;
use crate::model::{BureauCode, Label, Lang, TrafficLight};
use crate::report::{BureauRow, Comparison, FollowUp, Percent, Progress, Row, StatusMove, Summary};
use std::collections::HashMap;

/// How many of [`Words::bureau_cells`] are counts; the rest are money.
pub const BUREAU_COUNTS: usize = 10;

pub struct Words {
    pub lang: Lang,
    thai_digits: bool,
    /// Bureau code → name in `lang`, looked up once per row.
    names: HashMap<BureauCode, String>,
}

use crate::model::written_date::thai_digits;

impl Words {
    pub fn new(opts: &RenderOptions, s: &Summary) -> Self {
        Words {
            lang: opts.lang,
            // Thai digits are for Thai documents: English keeps 0–9
            thai_digits: opts.thai_digits && opts.lang == Lang::Th,
            names: s
                .bureau_names
                .iter()
                .map(|(c, l)| (c.clone(), l.get(opts.lang).to_string()))
                .collect(),
        }
    }
    fn name(&self, code: &BureauCode) -> String {
        self.names
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_string())
    }
    pub fn pick<'a>(&self, th: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(th, en)
    }
    /// Text as shown: with Thai digits when asked for.
    pub fn digits(&self, s: &str) -> String {
        if self.thai_digits {
            thai_digits(s)
        } else {
            s.to_string()
        }
    }
    pub fn label(&self, l: &Label) -> String {
        self.digits(l.get(self.lang))
    }
    pub fn count(&self, n: u64) -> String {
        self.digits(&n.to_string())
    }
    /// Baht with separators: `10,075.00`.
    pub fn money(&self, satang: i64) -> String {
        self.digits(&format_hundredths_grouped(satang))
    }
    /// `20.00%`, or `–` when there is nothing to take a share of.
    pub fn pct(&self, p: Option<Percent>) -> String {
        match p {
            Some(p) => self.digits(&format!("{p}%")),
            None => "–".to_string(),
        }
    }
    pub fn status(&self, s: Option<TrafficLight>) -> String {
        match s {
            Some(s) => format!("{} {}", s.letter(), s.label(self.lang)),
            None => self.pick("ไม่ได้รายงาน", "not reported").to_string(),
        }
    }
    pub fn title(&self, s: &Summary) -> String {
        self.digits(&match self.lang {
            Lang::Th => format!(
                "ตารางสรุปรายงานผลการเฝ้าระวังความเสี่ยงตามมาตรการ/โครงการ/กิจกรรม ของ{} ประจำปีงบประมาณ พ.ศ. {}",
                s.secretariat.get(self.lang),
                s.year
            ),
            Lang::En => format!(
                "Fraud-risk monitoring by measure, project and activity: {}, fiscal year {} BE",
                s.secretariat.get(self.lang),
                s.year
            ),
        })
    }
    pub fn round(&self, s: &Summary) -> String {
        self.label(&s.round_label)
    }
    /// Responsible bureaus by name, lead first, joined with "และ"/"and".
    pub fn responsible(&self, r: &Row) -> String {
        let mut names: Vec<String> = if r.all_bureaus {
            vec![self.pick("ทุกสำนัก", "all bureaus").to_string()]
        } else {
            r.responsible.iter().map(|c| self.name(c)).collect()
        };
        if r.all_bureaus && !r.responsible.is_empty() {
            let lead = self.name(&r.responsible[0]);
            names[0] = format!(
                "{} ({} {lead})",
                names[0],
                self.pick("ประสานโดย", "coordinated by")
            );
        }
        if !r.other_responsible.is_empty() {
            names.push(r.other_responsible.clone());
        }
        self.digits(&names.join(self.pick(" และ ", " and ")))
    }
    /// The statuses in the legend's order.
    pub const LEGEND: [TrafficLight; 3] =
        [TrafficLight::Red, TrafficLight::Yellow, TrafficLight::Green];

    /// What a status means, without its letter: `สถานะสีแดง (Red): …`.
    pub fn legend_meaning(&self, s: TrafficLight) -> String {
        match self.lang {
            Lang::Th => format!(
                "สถานะสี{} ({:?}): {}",
                s.label(Lang::Th),
                s,
                s.meaning(Lang::Th)
            ),
            Lang::En => format!("{}: {}", s.label(Lang::En), s.meaning(Lang::En)),
        }
    }
    /// The three statuses as seed 002's legend writes them: `R = …`.
    pub fn legend(&self) -> Vec<String> {
        Self::LEGEND
            .iter()
            .map(|&s| format!("{} = {}", s.letter(), self.legend_meaning(s)))
            .collect()
    }
    /// A bureau in the per-bureau tables: its name in Thai, as a Thai
    /// reader looks for it; its code in English, where names are long.
    pub fn bureau_in_table(&self, code: &BureauCode) -> String {
        match self.lang {
            Lang::Th => self.digits(&self.name(code)),
            Lang::En => code.to_string(),
        }
    }
    /// `2 FIN-M1: Y yellow → R red`.
    pub fn status_move(&self, m: &StatusMove) -> String {
        format!(
            "{} {}: {} → {}",
            self.count(u64::from(m.no)),
            m.measure,
            self.status(m.from),
            self.status(m.to)
        )
    }
    /// `Newly completed: 2 (ADM-M1, LAW-M1)`.
    pub fn newly_completed(&self, c: &Comparison) -> String {
        let done: Vec<&str> = c.newly_completed.iter().map(|m| m.as_str()).collect();
        let list = if done.is_empty() {
            String::new()
        } else {
            format!(" ({})", done.join(", "))
        };
        format!(
            "{}: {}{list}",
            self.pick("แล้วเสร็จเพิ่มขึ้น", "Newly completed"),
            self.count(done.len() as u64)
        )
    }
    /// `Disbursed in between: 3,016.66 baht`.
    pub fn disbursed_between(&self, c: &Comparison) -> String {
        format!(
            "{}: {} {}",
            self.pick("เบิกจ่ายระหว่างรอบ", "Disbursed in between"),
            self.money(c.disbursed_between_satang),
            self.pick("บาท", "baht")
        )
    }
    /// The monitoring table's column headings as seed 002 has them: No.,
    /// measure, risk occurrence, the three statuses, responsible.
    pub fn table_headings(&self) -> [&'static str; 7] {
        [
            self.pick("ที่", "No."),
            self.pick("มาตรการ/โครงการ/กิจกรรม", "Measure/project/activity"),
            self.pick("โอกาส/ความเสี่ยงการทุจริต", "Risk occurrence"),
            TrafficLight::Green.label(self.lang),
            TrafficLight::Yellow.label(self.lang),
            TrafficLight::Red.label(self.lang),
            self.pick("ผู้รับผิดชอบ", "Responsible"),
        ]
    }
    /// The heading of the per-bureau table.
    pub fn bureau_heading(&self) -> &'static str {
        self.pick(
            "รายสำนัก (มาตรการที่เป็นเจ้าของเรื่อง)",
            "By bureau (measures it leads)",
        )
    }
    /// The per-bureau table's column headings, after the bureau's: the counts
    /// then the money, in the order of [`Words::bureau_cells`].
    pub fn bureau_headings(&self) -> [&'static str; 15] {
        [
            self.pick("ทั้งหมด", "Total"),
            self.pick("แล้วเสร็จ", "Completed"),
            "%",
            self.pick("ระหว่างดำเนินการ", "In progress"),
            "%",
            "G",
            "Y",
            "R",
            self.pick("ร่วมรับผิดชอบ", "Co-carried"),
            self.pick("ตัวชี้วัดที่บรรลุ", "Indicators met"),
            self.pick("จัดสรร", "Allocated"),
            self.pick("เบิกจ่าย", "Disbursed"),
            "%",
            self.pick("คงเหลือ", "Remaining"),
            "%",
        ]
    }
    /// A bureau's figures as every format prints them: the first
    /// [`BUREAU_COUNTS`] are counts, the rest money.
    pub fn bureau_cells(&self, b: &BureauRow) -> [String; 15] {
        let p = &b.progress;
        [
            self.count(p.measures),
            self.count(p.completed),
            self.pct(p.completed_pct),
            self.count(p.in_progress),
            self.pct(p.in_progress_pct),
            self.count(p.green),
            self.count(p.yellow),
            self.count(p.red),
            self.count(b.co_responsible),
            self.met_of(&b.follow_up),
            self.money(p.allocated_satang),
            self.money(p.disbursed_satang),
            self.pct(p.disbursed_pct),
            self.money(p.remaining_satang),
            self.pct(p.remaining_pct),
        ]
    }
    /// The summary's warnings as sentences, with the heading first; empty
    /// when there is nothing to warn about.
    pub fn warnings(&self, s: &Summary) -> Vec<String> {
        if s.warnings.is_empty() {
            return Vec::new();
        }
        let mut out = vec![crate::report::warnings::heading(self.lang).to_string()];
        out.extend(
            s.warnings
                .iter()
                .map(|x| x.text_with(self.lang, &|n| self.digits(n))),
        );
        out
    }
    pub fn in_progress_note(&self) -> &'static str {
        self.pick(
            "อยู่ระหว่างดำเนินการ นับทุกมาตรการที่ยังไม่แล้วเสร็จ: ยังไม่ได้ดำเนินการ ดำเนินการไปบ้าง ปรับปรุงแผน เหตุผลอื่น และที่ยังไม่ได้รายงานผลในรอบนี้",
            "\"in progress\" counts every measure not completed: not started, partly done, plan revised, other reason, and not reported this round",
        )
    }
    pub fn rounding_note(&self) -> &'static str {
        self.pick(
            "ร้อยละคำนวณจากจำนวนเต็มที่แน่นอน ปัดเศษทศนิยมสองตำแหน่งแบบครึ่งขึ้น (ห่างจากศูนย์)",
            "percentages are computed on exact integers and rounded to two decimals, half away from zero",
        )
    }
    /// Indicators met of all indicators: `3/5`.
    pub fn met_of(&self, f: &FollowUp) -> String {
        self.digits(&format!("{}/{}", f.indicators_met, f.indicators))
    }
    /// (label, value, percentage) lines of the whole summary: the progress,
    /// then what needs following up.
    pub fn summary_lines(&self, s: &Summary) -> Vec<(String, String, String)> {
        let mut out = self.progress_lines(&s.progress);
        out.extend(self.follow_up_lines(&s.follow_up));
        out
    }
    /// (label, value, percentage) lines of the follow-up figures.
    pub fn follow_up_lines(&self, f: &FollowUp) -> Vec<(String, String, String)> {
        vec![
            (
                self.pick("ตัวชี้วัดที่บรรลุค่าเป้าหมาย", "Indicators meeting their target")
                    .into(),
                self.met_of(f),
                self.pct(Percent::of(
                    i64::try_from(f.indicators_met).unwrap_or(i64::MAX),
                    i64::try_from(f.indicators).unwrap_or(i64::MAX),
                )),
            ),
            (
                self.pick("  ไม่บรรลุค่าเป้าหมาย", "  not meeting it").into(),
                self.count(f.indicators_not_met),
                String::new(),
            ),
            (
                self.pick("ความเสี่ยงที่เลยกำหนดทบทวน", "Risks overdue for review")
                    .into(),
                self.count(f.reviews_overdue),
                String::new(),
            ),
            (
                self.pick(
                    "มาตรการที่ยังไม่รายงานผลเมื่อสิ้นรอบ",
                    "Measures unreported after round end",
                )
                .into(),
                self.count(f.reports_overdue),
                String::new(),
            ),
        ]
    }
    /// (label, value, percentage) lines of the progress summary.
    pub fn progress_lines(&self, p: &Progress) -> Vec<(String, String, String)> {
        let baht = self.pick("บาท", "baht");
        let mut out = vec![
            (
                self.pick("มาตรการ/โครงการ/กิจกรรมทั้งหมด", "Measures in total")
                    .into(),
                self.count(p.measures),
                String::new(),
            ),
            (
                self.pick("ดำเนินการแล้วเสร็จ", "Completed").into(),
                self.count(p.completed),
                self.pct(p.completed_pct),
            ),
            (
                self.pick("อยู่ระหว่างดำเนินการ", "In progress").into(),
                self.count(p.in_progress),
                self.pct(p.in_progress_pct),
            ),
            (
                self.pick("  ในจำนวนนี้ ยังไม่ได้รายงานผล", "  of which not reported")
                    .into(),
                self.count(p.not_reported),
                String::new(),
            ),
            (
                self.pick("งบประมาณที่ได้รับจัดสรร", "Budget allocated").into(),
                format!("{} {baht}", self.money(p.allocated_satang)),
                String::new(),
            ),
            (
                self.pick("เบิกจ่ายแล้ว", "Disbursed").into(),
                format!("{} {baht}", self.money(p.disbursed_satang)),
                self.pct(p.disbursed_pct),
            ),
            (
                self.pick("คงเหลือ", "Remaining").into(),
                format!("{} {baht}", self.money(p.remaining_satang)),
                self.pct(p.remaining_pct),
            ),
        ];
        for s in TrafficLight::ALL {
            let n = match s {
                TrafficLight::Green => p.green,
                TrafficLight::Yellow => p.yellow,
                TrafficLight::Red => p.red,
            };
            out.push((
                format!("{} {}", self.pick("สถานะ", "Status"), self.status(Some(s))),
                self.count(n),
                String::new(),
            ));
        }
        for b in &p.bands {
            out.push((
                format!(
                    "{} {}",
                    self.pick("ระดับความเสี่ยง", "Risk band"),
                    self.label(&b.label)
                ),
                self.count(b.count),
                String::new(),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_digits_replace_only_ascii_digits() {
        assert_eq!(thai_digits("91,200.00 บาท (2567)"), "๙๑,๒๐๐.๐๐ บาท (๒๕๖๗)");
    }
}
