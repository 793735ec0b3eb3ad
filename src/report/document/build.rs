//! From a [`Summary`] and the registers it was made from to a [`Report`]:
//! all wording, number forms and digits decided here, once.

use super::{
    Bar, Chart, IndicatorLine, MeasurePage, PageGroup, Report, SignOff, TableGroup, TableRow, Words,
};
use crate::model::amount::format_hundredths_grouped;
use crate::model::calendar::{english_month, thai_month};
use crate::model::{
    Achieved, Budget, Date, FiscalYear, Implementation, Indicator, Lang, Measure, MeasureId,
    Register, RoundId, TrafficLight,
};
use crate::report::render::thai_digits;
use crate::report::{Percent, Row, Summary};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuildOptions {
    pub lang: Lang,
    pub thai_digits: bool,
    /// Months the round covers from 1 October (6 → October–March).
    pub months: u8,
}

struct Ctx<'a> {
    lang: Lang,
    thai: bool,
    s: &'a Summary,
}

impl Ctx<'_> {
    fn p<'b>(&self, th: &'b str, en: &'b str) -> &'b str {
        self.lang.pick(th, en)
    }
    /// Text with Thai digits when asked for.
    fn d(&self, s: &str) -> String {
        if self.thai {
            thai_digits(s)
        } else {
            s.to_string()
        }
    }
    fn money(&self, satang: i64) -> String {
        format!(
            "{} {}",
            self.d(&format_hundredths_grouped(satang)),
            self.p("บาท", "baht")
        )
    }
    fn pct(&self, p: Option<Percent>) -> String {
        p.map_or_else(|| "–".to_string(), |p| self.d(&format!("{p}%")))
    }
    fn name(&self, code: &crate::model::BureauCode) -> String {
        self.s.bureau_name(code, self.lang)
    }
    fn date(&self, date: Date) -> String {
        let month = match self.lang {
            Lang::Th => thai_month(date.month()),
            Lang::En => english_month(date.month()),
        };
        self.d(&format!("{} {month} {}", date.day(), date.year_be()))
    }
}

/// The report of `summary`, with the measure pages taken from `registers`
/// (those the summary was made from).
pub fn build(summary: &Summary, registers: &[Register], opts: BuildOptions) -> Report {
    let c = Ctx {
        lang: opts.lang,
        thai: opts.thai_digits,
        s: summary,
    };
    let measures: HashMap<&MeasureId, &Measure> = registers
        .iter()
        .flat_map(|r| r.measures().map(|(_, m)| (&m.id, m)))
        .collect();
    let secretariat = summary.secretariat.get(c.lang).to_string();
    let year = summary.year.to_string();
    let round = c.d(summary.round_label.get(c.lang));
    let period = c.d(&period(summary.year, opts.months, c.lang));
    let cover = match c.lang {
        Lang::Th => vec![
            "รายงานการติดตามและประเมินผลการดำเนินการ".to_string(),
            "ตามแผนปฏิบัติการบริหารความเสี่ยงและป้องกันการทุจริต".to_string(),
            format!("ของ{secretariat}"),
            c.d(&format!("ประจำปีงบประมาณ พ.ศ. {year}")),
        ],
        Lang::En => vec![
            "Monitoring and evaluation report".to_string(),
            "on the risk-management and anti-corruption action plan".to_string(),
            secretariat.clone(),
            c.d(&format!("fiscal year {year} BE")),
        ],
    };
    let table_title = match c.lang {
        Lang::Th => vec![
            "ตารางสรุปรายงานผลการเฝ้าระวังความเสี่ยงตามมาตรการ/โครงการ/กิจกรรม".to_string(),
            c.d(&format!("ของ{secretariat} ประจำปีงบประมาณ พ.ศ. {year}")),
            format!("{round} {period}"),
        ],
        Lang::En => vec![
            "Fraud-risk monitoring by measure, project and activity".to_string(),
            c.d(&format!("{secretariat}, fiscal year {year} BE")),
            format!("{round} {period}"),
        ],
    };
    let groups = summary
        .groups
        .iter()
        .map(|g| TableGroup {
            label: approach_label(&c, g.label.get(c.lang)),
            rows: g.rows.iter().map(|r| table_row(&c, r)).collect(),
        })
        .collect();
    let legend = [TrafficLight::Red, TrafficLight::Yellow, TrafficLight::Green]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let text = match c.lang {
                Lang::Th => format!(
                    "{}. (สถานะสี{} {:?}) {}",
                    i + 1,
                    t.label(Lang::Th),
                    t,
                    t.meaning(Lang::Th)
                ),
                Lang::En => format!(
                    "{}. ({} status) {}",
                    i + 1,
                    t.label(Lang::En),
                    t.meaning(Lang::En)
                ),
            };
            (*t, c.d(&text))
        })
        .collect();
    let earlier = summary.comparison.as_ref().map(|x| &x.from_round);
    let pages = summary
        .groups
        .iter()
        .map(|g| PageGroup {
            label: approach_label(&c, g.label.get(c.lang)),
            measures: g
                .rows
                .iter()
                .map(|r| page(&c, r, measures.get(&r.measure).copied(), earlier))
                .collect(),
        })
        .collect();
    Report {
        lang: c.lang,
        thai_digits: c.thai,
        cover,
        round,
        period,
        table_title,
        groups,
        legend,
        charts: charts(&c),
        pages,
        warnings: warnings(&c, summary.warnings.iter()),
        comparison: comparison(&c),
        signoffs: signoffs(&c, registers),
        words: Words::new(c.lang),
    }
}

/// `(ตุลาคม 2566 – มีนาคม 2567)`: from 1 October to the round's last month.
fn period(year: FiscalYear, months: u8, lang: Lang) -> String {
    let (start, end) = (year.start(), year.round_end(months));
    let m = |d: Date| match lang {
        Lang::Th => thai_month(d.month()),
        Lang::En => english_month(d.month()),
    };
    format!(
        "({} {} – {} {}{})",
        m(start),
        start.year_be(),
        m(end),
        end.year_be(),
        lang.pick("", " BE")
    )
}

fn approach_label(c: &Ctx, label: &str) -> String {
    c.d(&format!(
        "{} : {label}",
        c.p("แนวทางการดำเนินการ", "Approach")
    ))
}

/// The responsible bureaus as seed 002 names them: the lead of a joint
/// measure holds its monitoring, so it is the one that reports
/// (`(ผู้รายงาน)`); a measure of every bureau is `ทุกสำนัก`.
fn responsible(c: &Ctx, r: &Row) -> String {
    let mut names: Vec<String> = if r.all_bureaus {
        vec![c.p("ทุกสำนัก", "all bureaus").to_string()]
    } else {
        r.responsible.iter().map(|b| c.name(b)).collect()
    };
    if !r.all_bureaus && names.len() > 1 {
        names[0] = format!("{} {}", names[0], c.p("(ผู้รายงาน)", "(reporting)"));
    }
    if !r.other_responsible.is_empty() {
        names.push(r.other_responsible.clone());
    }
    c.d(&names.join(c.p(" และ ", " and ")))
}

fn status_text(c: &Ctx, s: Option<TrafficLight>) -> String {
    match s {
        Some(t) => t.label(c.lang).to_string(),
        None => c.p("ไม่ได้รายงาน", "not reported").to_string(),
    }
}

fn table_row(c: &Ctx, r: &Row) -> TableRow {
    TableRow {
        no: c.d(&r.no.to_string()),
        measure: r.measure.to_string(),
        title: c.d(&r.title),
        occurrence: c.d(&r.occurrence),
        status: r.status,
        status_text: status_text(c, r.status),
        responsible: responsible(c, r),
    }
}

fn bar(c: &Ctx, label: &str, amount: i64, whole: i64, money: bool, rgb: (u8, u8, u8)) -> Bar {
    let amount = amount.max(0);
    let value = if money {
        c.money(amount)
    } else {
        c.d(&amount.to_string())
    };
    Bar {
        label: label.to_string(),
        amount,
        money,
        shown: format!("{value} ({})", c.pct(Percent::of(amount, whole))),
        rgb,
    }
}

/// Seed 002's chart page: implementation and budget; and the statuses.
fn charts(c: &Ctx) -> Vec<Chart> {
    let p = &c.s.progress;
    let n = i64::try_from(p.measures).unwrap_or(i64::MAX);
    let count = |x: u64| i64::try_from(x).unwrap_or(i64::MAX);
    let (blue, orange) = ((0x2e, 0x75, 0xb6), (0xed, 0x7d, 0x31));
    let remaining = p.remaining_satang.max(0);
    vec![
        Chart {
            title: c
                .d(&format!(
                    "{} {} {}",
                    c.p("โครงการตามแผนปฏิบัติราชการฯ จำนวน", "Measures in the plan:"),
                    p.measures,
                    c.p("โครงการ", "")
                ))
                .trim_end()
                .to_string(),
            bars: vec![
                bar(
                    c,
                    c.p("ดำเนินการแล้วเสร็จ", "Completed"),
                    count(p.completed),
                    n,
                    false,
                    blue,
                ),
                bar(
                    c,
                    c.p("อยู่ระหว่างดำเนินการ", "In progress"),
                    count(p.in_progress),
                    n,
                    false,
                    orange,
                ),
            ],
        },
        Chart {
            title: format!(
                "{} {}",
                c.p("งบประมาณตามแผนปฏิบัติราชการฯ จำนวน", "Budget in the plan:"),
                c.money(p.allocated_satang)
            ),
            bars: vec![
                bar(
                    c,
                    c.p("งบประมาณที่เบิกจ่าย", "Disbursed"),
                    p.disbursed_satang,
                    p.allocated_satang,
                    true,
                    blue,
                ),
                bar(
                    c,
                    c.p("งบประมาณที่ยังไม่เบิกจ่าย", "Not yet disbursed"),
                    remaining,
                    p.allocated_satang,
                    true,
                    orange,
                ),
            ],
        },
        Chart {
            title: c
                .p("มาตรการตามสถานะความเสี่ยง", "Measures by risk status")
                .to_string(),
            bars: TrafficLight::ALL
                .iter()
                .map(|t| {
                    let k = match t {
                        TrafficLight::Green => p.green,
                        TrafficLight::Yellow => p.yellow,
                        TrafficLight::Red => p.red,
                    };
                    bar(c, t.label(c.lang), count(k), n, false, t.rgb())
                })
                .collect(),
        },
    ]
}

fn boxes(c: &Ctx, at: Option<&Implementation>) -> Vec<(String, bool)> {
    let other = match at {
        Some(Implementation::Other(reason)) => Implementation::Other(reason.clone()),
        _ => Implementation::Other(String::new()),
    };
    [
        Implementation::NotStarted,
        Implementation::InProgress,
        Implementation::Completed,
        Implementation::PlanRevised,
        other,
    ]
    .into_iter()
    .map(|i| {
        let mut label = i.label(c.lang).to_string();
        if let Implementation::Other(reason) = &i
            && !reason.is_empty()
        {
            label = format!("{label}: {}", c.d(reason));
        }
        let ticked = at.is_some_and(|a| a.id() == i.id());
        (label, ticked)
    })
    .collect()
}

fn budget(c: &Ctx, m: &Measure, disbursed: i64) -> Vec<(String, String)> {
    let disbursed_text = if disbursed == 0 {
        c.p("ยังไม่เบิกจ่าย", "nothing yet").to_string()
    } else {
        c.money(disbursed)
    };
    match &m.budget {
        Budget::NotRequested => {
            let mut v = vec![(
                c.p("ได้รับจัดสรร", "Allocated").to_string(),
                c.p("ไม่ขอรับการจัดสรรงบประมาณ", "no budget requested")
                    .to_string(),
            )];
            if disbursed != 0 {
                v.push((c.p("เบิกจ่าย", "Disbursed").to_string(), disbursed_text));
            }
            v
        }
        Budget::Requested { amount } => vec![
            (
                c.p("ขอรับการจัดสรร", "Requested").to_string(),
                format!(
                    "{} {}",
                    c.money(amount.satang()),
                    c.p("(ยังไม่ได้รับจัดสรร)", "(not allocated)")
                ),
            ),
            (c.p("เบิกจ่าย", "Disbursed").to_string(), disbursed_text),
        ],
        Budget::Allocated { amount, source } => {
            let a = amount.satang();
            let mut alloc = c.money(a);
            if !source.is_empty() {
                alloc = format!("{alloc} ({})", c.d(source));
            }
            vec![
                (c.p("ได้รับจัดสรร", "Allocated").to_string(), alloc),
                (c.p("เบิกจ่าย", "Disbursed").to_string(), disbursed_text),
                (
                    c.p("คงเหลือ", "Remaining").to_string(),
                    c.money(a - disbursed),
                ),
            ]
        }
    }
}

/// `654 จาก 662 = 98.79 %` for a fraction (seed 004's form); the model's
/// display for the rest.
fn achieved(c: &Ctx, a: &Achieved) -> String {
    match *a {
        Achieved::Fraction(n, d) => match Achieved::fraction_percent(n, d) {
            Some(p) => c.d(&format!("{n} {} {d} = {p} %", c.p("จาก", "of"))),
            None => c.d(&format!("{n}/{d}")),
        },
        _ => c.d(&a.display(c.lang)),
    }
}

fn indicator(c: &Ctx, i: &Indicator, result: Option<&Achieved>) -> IndicatorLine {
    let (result_text, met) = match result {
        None => (
            c.p("ยังไม่ได้รายงาน", "not reported").to_string(),
            c.p("รอผล", "pending").to_string(),
        ),
        Some(a) => {
            let met = match i.target.is_met(a) {
                Ok(Some(true)) => c.p("บรรลุ", "met"),
                Ok(Some(false)) => c.p("ไม่บรรลุ", "not met"),
                Ok(None) => c.p("รอผล", "pending"),
                Err(_) => c.p("หน่วยไม่ตรงกับเป้าหมาย", "unit differs from target"),
            };
            (achieved(c, a), met.to_string())
        }
    };
    let mut name = c.d(&i.name);
    if !i.unit.is_empty() {
        name = format!("{name} ({})", c.d(&i.unit));
    }
    IndicatorLine {
        name,
        target: c.d(&i.target.display(c.lang)),
        result: result_text,
        met,
    }
}

fn page(c: &Ctx, r: &Row, m: Option<&Measure>, earlier: Option<&RoundId>) -> MeasurePage {
    let entry = m.and_then(|m| m.at_round(&c.s.round));
    let indicators = m.map_or_else(Vec::new, |m| {
        m.indicators
            .iter()
            .map(|i| {
                let result = entry
                    .and_then(|e| e.results.iter().find(|x| x.indicator == i.id))
                    .map(|x| &x.value);
                indicator(c, i, result)
            })
            .collect()
    });
    let earlier = earlier.and_then(|round| {
        let e = m?.at_round(round);
        let label =
            c.s.comparison
                .as_ref()
                .map_or_else(String::new, |x| c.d(x.from_label.get(c.lang)));
        Some(match e {
            None => format!("{label}: {}", c.p("ไม่ได้รายงาน", "not reported")),
            Some(e) => format!(
                "{label}: {}; {} {}; {} {}",
                e.implementation.label(c.lang),
                c.p("สถานะ", "status"),
                e.status.label(c.lang),
                c.p("เบิกจ่าย", "disbursed"),
                c.money(e.disbursed.satang())
            ),
        })
    });
    let own: Vec<_> =
        c.s.warnings
            .iter()
            .filter(|w| w.measure() == &r.measure)
            .collect();
    MeasurePage {
        no: c.d(&r.no.to_string()),
        measure: r.measure.to_string(),
        title: c.d(&r.title),
        responsible: responsible(c, r),
        status_text: status_text(c, r.status),
        boxes: boxes(c, entry.map(|e| &e.implementation)),
        done: entry.map_or_else(String::new, |e| c.d(&e.done)),
        added: entry.map_or_else(String::new, |e| c.d(&e.added_activities)),
        budget: m.map_or_else(Vec::new, |m| budget(c, m, r.disbursed_satang)),
        indicators,
        evidence: entry.map_or_else(Vec::new, |e| e.evidence.clone()),
        earlier,
        warnings: warnings(c, own.into_iter()),
    }
}

fn warnings<'a>(c: &Ctx, w: impl Iterator<Item = &'a crate::report::Warning>) -> Vec<String> {
    w.map(|x| x.text_with(c.lang, &|n| c.d(n))).collect()
}

fn comparison(c: &Ctx) -> Option<(String, Vec<String>)> {
    let x = c.s.comparison.as_ref()?;
    let from = c.d(x.from_label.get(c.lang));
    let now = &c.s.progress;
    let was = &x.from_progress;
    let mut lines = vec![
        c.d(&format!(
            "{}: {} → {} ({} → {})",
            c.p("ดำเนินการแล้วเสร็จ", "Completed"),
            was.completed,
            now.completed,
            was.completed_pct.map_or("–".into(), |p| format!("{p}%")),
            now.completed_pct.map_or("–".into(), |p| format!("{p}%")),
        )),
        format!(
            "{}: {} → {}",
            c.p("เบิกจ่ายสะสม", "Disbursed, cumulative"),
            c.money(was.disbursed_satang),
            c.money(now.disbursed_satang)
        ),
        format!(
            "{}: {}",
            c.p("เบิกจ่ายระหว่างรอบ", "Disbursed in between"),
            c.money(x.disbursed_between_satang)
        ),
    ];
    let done: Vec<&str> = x.newly_completed.iter().map(|m| m.as_str()).collect();
    lines.push(format!(
        "{}: {}{}",
        c.p("แล้วเสร็จเพิ่มขึ้น", "Newly completed"),
        c.d(&done.len().to_string()),
        if done.is_empty() {
            String::new()
        } else {
            format!(" ({})", done.join(", "))
        }
    ));
    for m in &x.moves {
        lines.push(format!(
            "{} {} ({}): {} → {}",
            c.p("ลำดับที่", "No."),
            c.d(&m.no.to_string()),
            m.measure,
            status_text(c, m.from),
            status_text(c, m.to)
        ));
    }
    let title = format!("{} {from}", c.p("เปรียบเทียบกับ", "Compared with"));
    Some((title, lines))
}

/// Prepared, reviewed and approved blocks of every register, bureaus in
/// official order; a role nobody signed yet is left out.
fn signoffs(c: &Ctx, registers: &[Register]) -> Vec<SignOff> {
    let mut regs: Vec<&Register> = registers.iter().collect();
    let rank = |code: &crate::model::BureauCode| {
        c.s.bureau_names
            .iter()
            .position(|(b, _)| b == code)
            .unwrap_or(usize::MAX)
    };
    regs.sort_by_key(|r| rank(&r.bureau));
    let mut out = Vec::new();
    for r in regs {
        let bureau = c.name(&r.bureau);
        let mut push = |role: &str, name: &str, position: &str, date: Date| {
            out.push(SignOff {
                bureau: bureau.clone(),
                role: role.to_string(),
                name: c.d(name),
                position: c.d(position),
                date: c.date(date),
            })
        };
        if let Some(s) = &r.prepared_by {
            push(c.p("ผู้จัดทำ", "Prepared by"), &s.name, &s.position, s.date);
        }
        if let Some(s) = &r.reviewed_by {
            push(c.p("ผู้ทบทวน", "Reviewed by"), &s.name, &s.position, s.date);
        }
        if let Some(s) = &r.approved_by {
            push(c.p("ผู้อนุมัติ", "Approved by"), &s.name, &s.position, s.date);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_6_month_period_runs_october_to_march() {
        let y = FiscalYear::new(2567).expect("year");
        assert_eq!(period(y, 6, Lang::Th), "(ตุลาคม 2566 – มีนาคม 2567)");
        assert_eq!(
            period(y, 12, Lang::En),
            "(October 2566 – September 2567 BE)"
        );
    }
}
