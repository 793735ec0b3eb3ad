//! What a reader of the monitoring table must not miss, worked out from the
//! table's rows alone: a measure that disbursed more than it was allocated
//! (inside a bureau's total the overspend would hide behind another
//! measure's unspent budget), and a measure with no entry for the round
//! (the table counts it "in progress", which it may not be).

use super::summary::{Group, Row, Warning};
use crate::model::Lang;
use crate::model::MeasureId;
use crate::model::amount::format_hundredths_grouped;

/// The warnings of a table, in table order: per row, overspend first.
pub fn of(groups: &[Group]) -> Vec<Warning> {
    groups
        .iter()
        .flat_map(|g| g.rows.iter())
        .flat_map(of_row)
        .collect()
}

fn of_row(r: &Row) -> Vec<Warning> {
    let mut out = Vec::new();
    if r.disbursed_satang > r.allocated_satang {
        out.push(Warning::Overspent {
            no: r.no,
            measure: r.measure.clone(),
            allocated_satang: r.allocated_satang,
            disbursed_satang: r.disbursed_satang,
        });
    }
    if r.status.is_none() {
        out.push(Warning::NotReported {
            no: r.no,
            measure: r.measure.clone(),
        });
    }
    out
}

impl Warning {
    pub fn measure(&self) -> &MeasureId {
        match self {
            Warning::Overspent { measure, .. } | Warning::NotReported { measure, .. } => measure,
        }
    }
    /// One sentence with ASCII digits.
    pub fn text(&self, lang: Lang) -> String {
        self.text_with(lang, &|n| n.to_string())
    }
    /// One sentence, its numbers (not the measure id) passed through
    /// `number` — e.g. to print them in Thai digits.
    pub fn text_with(&self, lang: Lang, number: &dyn Fn(&str) -> String) -> String {
        match self {
            Warning::Overspent {
                no,
                measure,
                allocated_satang,
                disbursed_satang,
            } => {
                let money = |satang: i64| number(&format_hundredths_grouped(satang));
                let (no, a, d) = (
                    number(&no.to_string()),
                    money(*allocated_satang),
                    money(*disbursed_satang),
                );
                let over = money(disbursed_satang - allocated_satang);
                match lang {
                    Lang::Th => format!(
                        "ลำดับที่ {no} ({measure}): เบิกจ่าย {d} บาท เกินงบประมาณที่ได้รับจัดสรร {a} บาท อยู่ {over} บาท"
                    ),
                    Lang::En => format!(
                        "No. {no} ({measure}): disbursed {d} baht, {over} baht more than the {a} baht allocated"
                    ),
                }
            }
            Warning::NotReported { no, measure } => {
                let no = number(&no.to_string());
                match lang {
                    Lang::Th => format!("ลำดับที่ {no} ({measure}): ยังไม่ได้รายงานผลในรอบนี้"),
                    Lang::En => format!("No. {no} ({measure}): not reported in this round"),
                }
            }
        }
    }
}

/// The heading of the warnings section.
pub fn heading(lang: Lang) -> &'static str {
    lang.pick("ข้อสังเกต", "Warnings")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RiskId, TrafficLight};

    fn row(no: u32, allocated: i64, disbursed: i64, status: Option<TrafficLight>) -> Row {
        Row {
            no,
            measure: MeasureId::new(format!("X-M{no}")).expect("id"),
            title: String::new(),
            risk: RiskId::new("X-R1").expect("id"),
            occurrence: String::new(),
            status,
            implementation: None,
            responsible: Vec::new(),
            all_bureaus: false,
            other_responsible: String::new(),
            allocated_satang: allocated,
            disbursed_satang: disbursed,
            band: None,
            indicators: Vec::new(),
        }
    }

    #[test]
    fn overspend_and_missing_entries_are_flagged_in_table_order() {
        let g = Group {
            approach: crate::model::ApproachId::new("a").expect("id"),
            label: crate::model::Label {
                th: String::new(),
                en: String::new(),
            },
            rows: vec![
                row(1, 980_000, 1_007_500, Some(TrafficLight::Green)),
                row(2, 100, 100, Some(TrafficLight::Green)),
                row(3, 0, 1, None),
            ],
        };
        let w = of(&[g]);
        assert_eq!(w.len(), 3);
        assert_eq!(
            w[0].text(Lang::En),
            "No. 1 (X-M1): disbursed 10,075.00 baht, 275.00 baht more than the 9,800.00 baht allocated"
        );
        assert!(matches!(w[1], Warning::Overspent { no: 3, .. }));
        assert_eq!(w[2].text(Lang::Th), "ลำดับที่ 3 (X-M3): ยังไม่ได้รายงานผลในรอบนี้");
    }
}
