//! CSV for spreadsheets and scripts: ids and plain numbers (baht with two
//! decimals, percentages without the sign), in two blocks separated by an
//! empty line — the table, then the figures per bureau with a final `ALL` row,
//! then (when there are any) the warnings.

use crate::model::amount::format_hundredths;
use crate::report::{FollowUp, Percent, Progress, Summary, Warning};

/// A field quoted when it holds a comma, quote or line break (RFC 4180);
/// one a spreadsheet would run as a formula is made text first.
fn field(s: &str) -> String {
    let s = crate::visible::csv_text(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn pct(p: Option<Percent>) -> String {
    p.map(|p| p.to_string()).unwrap_or_default()
}

fn figures(p: &Progress) -> Vec<String> {
    vec![
        p.measures.to_string(),
        p.completed.to_string(),
        pct(p.completed_pct),
        p.in_progress.to_string(),
        pct(p.in_progress_pct),
        p.not_reported.to_string(),
        format_hundredths(p.allocated_satang),
        format_hundredths(p.disbursed_satang),
        pct(p.disbursed_pct),
        format_hundredths(p.remaining_satang),
        pct(p.remaining_pct),
        p.green.to_string(),
        p.yellow.to_string(),
        p.red.to_string(),
    ]
}

fn follow_up(f: &FollowUp) -> [String; 5] {
    [
        f.indicators.to_string(),
        f.indicators_met.to_string(),
        f.indicators_not_met.to_string(),
        f.reviews_overdue.to_string(),
        f.reports_overdue.to_string(),
    ]
}

pub fn render(s: &Summary) -> String {
    let mut out = String::from(
        "no,approach,measure,risk,title,occurrence,status,implementation,responsible,all_bureaus,other_responsible,allocated,disbursed,band\n",
    );
    for g in &s.groups {
        for r in &g.rows {
            let cols = [
                r.no.to_string(),
                g.approach.to_string(),
                r.measure.to_string(),
                r.risk.to_string(),
                r.title.clone(),
                r.occurrence.clone(),
                r.status.map(|t| format!("{t:?}")).unwrap_or_default(),
                r.implementation
                    .as_ref()
                    .map(|i| i.id().to_string())
                    .unwrap_or_default(),
                r.responsible
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(";"),
                r.all_bureaus.to_string(),
                r.other_responsible.clone(),
                format_hundredths(r.allocated_satang),
                format_hundredths(r.disbursed_satang),
                r.band.as_ref().map(|b| b.to_string()).unwrap_or_default(),
            ];
            let line: Vec<String> = cols.iter().map(|c| field(c)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
    }
    out.push_str("\nbureau,measures,completed,completed_pct,in_progress,in_progress_pct,not_reported,allocated,disbursed,disbursed_pct,remaining,remaining_pct,green,yellow,red,co_responsible,indicators,indicators_met,indicators_not_met,reviews_overdue,reports_overdue\n");
    for b in &s.bureaus {
        let mut cols = vec![b.bureau.to_string()];
        cols.extend(figures(&b.progress));
        cols.push(b.co_responsible.to_string());
        cols.extend(follow_up(&b.follow_up));
        out.push_str(&cols.join(","));
        out.push('\n');
    }
    let mut cols = vec!["ALL".to_string()];
    cols.extend(figures(&s.progress));
    cols.push(String::new());
    cols.extend(follow_up(&s.follow_up));
    out.push_str(&cols.join(","));
    out.push('\n');
    if !s.warnings.is_empty() {
        out.push_str("\nwarning,no,measure,allocated,disbursed\n");
        for x in &s.warnings {
            let cols = match x {
                Warning::Overspent {
                    no,
                    measure,
                    allocated_satang,
                    disbursed_satang,
                } => [
                    "overspent".to_string(),
                    no.to_string(),
                    measure.to_string(),
                    format_hundredths(*allocated_satang),
                    format_hundredths(*disbursed_satang),
                ],
                Warning::NotReported { no, measure } => [
                    "not_reported".to_string(),
                    no.to_string(),
                    measure.to_string(),
                    String::new(),
                    String::new(),
                ],
            };
            let line: Vec<String> = cols.iter().map(|c| field(c)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
    }
    out
}
