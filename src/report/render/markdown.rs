//! Markdown: the table as seed 002 lays it out, ready to paste.

use super::words::Words;
use crate::model::TrafficLight;
use crate::report::Summary;

/// A cell's text with the characters that would break a Markdown table
/// escaped and line breaks as `<br>`.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "\n")
        .replace('\n', "<br>")
}

pub fn render(s: &Summary, w: &Words) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n**{}**\n\n", w.title(s), w.round(s)));
    out.push_str(&format!(
        "| {} |\n|---:|---|---|:-:|:-:|:-:|---|\n",
        w.table_headings().join(" | ")
    ));
    for g in &s.groups {
        out.push_str(&format!(
            "| | **{}** | | | | | |\n",
            cell(&w.label(&g.label))
        ));
        for r in &g.rows {
            let mark = |t: TrafficLight| {
                if r.status == Some(t) {
                    w.status(Some(t))
                } else {
                    String::new()
                }
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                w.count(u64::from(r.no)),
                cell(&w.digits(&r.title)),
                cell(&w.digits(&r.occurrence)),
                mark(TrafficLight::Green),
                mark(TrafficLight::Yellow),
                mark(TrafficLight::Red),
                cell(&w.responsible(r)),
            ));
        }
    }
    out.push_str(&format!("\n{}\n\n", w.pick("หมายเหตุ:", "Note:")));
    for l in w.legend() {
        out.push_str(&format!("- {}\n", cell(&l)));
    }
    out.push_str(&format!(
        "\n## {} — {}\n\n| | | % |\n|---|---:|---:|\n",
        w.pick("ความก้าวหน้า", "Progress"),
        w.round(s)
    ));
    for (label, value, pct) in w.summary_lines(s) {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            cell(label.trim()),
            value,
            pct
        ));
    }
    out.push_str(&format!(
        "\n{}. {}.\n",
        w.in_progress_note(),
        w.rounding_note()
    ));
    if let Some((head, lines)) = w.warnings(s).split_first() {
        out.push_str(&format!("\n## {head}\n\n"));
        for l in lines {
            out.push_str(&format!("- {}\n", cell(l)));
        }
    }
    let heads = w.bureau_headings();
    out.push_str(&format!(
        "\n## {}\n\n| {} | {} |\n|---|{}\n",
        w.bureau_heading(),
        w.pick("สำนัก", "Bureau"),
        heads.join(" | "),
        "---:|".repeat(heads.len())
    ));
    for b in &s.bureaus {
        out.push_str(&format!(
            "| {} | {} |\n",
            cell(&w.label(&b.name)),
            w.bureau_cells(b).join(" | ")
        ));
    }
    if let Some(c) = &s.comparison {
        out.push_str(&format!(
            "\n## {} {}\n\n",
            w.pick("เทียบกับ", "Compared with"),
            w.label(&c.from_label)
        ));
        for m in &c.moves {
            out.push_str(&format!("- {}\n", cell(&w.status_move(m))));
        }
        if c.moves.is_empty() {
            out.push_str(&format!(
                "- {}\n",
                w.pick("ไม่มีสถานะที่เปลี่ยน", "no status moves")
            ));
        }
        out.push_str(&format!(
            "\n{}\n\n{}\n",
            cell(&w.newly_completed(c)),
            w.disbursed_between(c)
        ));
    }
    out
}
