//! A self-contained HTML page (no external files) that prints on A4
//! landscape: coloured status cells that also carry the letter and word, a
//! Thai font stack, the legend, the progress summary and per-bureau rows.

use super::words::Words;
use crate::model::TrafficLight;
use crate::report::Summary;

/// Text as HTML, for the summary and the report alike: markup characters
/// escaped, control characters shown as in the canonical files (an ESC from
/// a register must not reach whoever `cat`s the page), line breaks as `<br>`.
pub(in crate::report) fn esc(s: &str) -> String {
    let s = crate::visible::visible(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}

/// A status colour as CSS.
pub(in crate::report) fn hex(t: TrafficLight) -> String {
    let (r, g, b) = t.rgb();
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn css() -> String {
    let mut css = String::from(
        "@page { size: A4 landscape; margin: 12mm; }\n\
         body { font-family: \"TH Sarabun New\", \"Sarabun\", \"Noto Sans Thai\", \"Leelawadee UI\", \"Tahoma\", sans-serif; font-size: 14pt; }\n\
         table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }\n\
         th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; }\n\
         th { background: #eee; }\n\
         td.num { text-align: right; white-space: nowrap; }\n\
         td.status { text-align: center; width: 4.5em; }\n\
         tr.group td { font-weight: bold; background: #f6f6f6; }\n\
         tr { page-break-inside: avoid; }\n\
         * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n",
    );
    for t in TrafficLight::ALL {
        css.push_str(&format!(
            "td.{} {{ background: {}; color: #000; font-weight: bold; }}\n",
            t.label(crate::model::Lang::En),
            hex(t)
        ));
    }
    css
}

pub fn render(s: &Summary, w: &Words) -> String {
    let mut h = String::new();
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        w.pick("th", "en"),
        esc(&w.title(s)),
        css()
    ));
    h.push_str(&format!(
        "<h1>{}</h1>\n<h2>{}</h2>\n",
        esc(&w.title(s)),
        esc(&w.round(s))
    ));
    h.push_str(&format!(
        "<table class=\"monitoring\">\n<thead><tr><th rowspan=\"2\">{}</th><th rowspan=\"2\">{}</th><th rowspan=\"2\">{}</th><th colspan=\"3\">{}</th><th rowspan=\"2\">{}</th></tr>\n<tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        w.pick("ที่", "No."),
        w.pick("มาตรการ/โครงการ/กิจกรรม", "Measure/project/activity"),
        w.pick("โอกาส/ความเสี่ยงการทุจริต", "Risk occurrence"),
        w.pick("สถานะความเสี่ยง", "Risk status"),
        w.pick("ผู้รับผิดชอบ", "Responsible"),
        TrafficLight::Green.label(w.lang),
        TrafficLight::Yellow.label(w.lang),
        TrafficLight::Red.label(w.lang),
    ));
    for g in &s.groups {
        h.push_str(&format!(
            "<tr class=\"group\"><td colspan=\"7\">{}</td></tr>\n",
            esc(&w.label(&g.label))
        ));
        for r in &g.rows {
            h.push_str(&format!(
                "<tr data-measure=\"{}\"><td class=\"num\">{}</td><td>{}</td><td>{}</td>",
                esc(r.measure.as_str()),
                w.count(u64::from(r.no)),
                esc(&w.digits(&r.title)),
                esc(&w.digits(&r.occurrence))
            ));
            for t in TrafficLight::ALL {
                if r.status == Some(t) {
                    h.push_str(&format!(
                        "<td class=\"status {}\">{}</td>",
                        t.label(crate::model::Lang::En),
                        esc(&w.status(Some(t)))
                    ));
                } else {
                    h.push_str("<td class=\"status\"></td>");
                }
            }
            h.push_str(&format!("<td>{}</td></tr>\n", esc(&w.responsible(r))));
        }
    }
    h.push_str("</tbody>\n</table>\n");
    h.push_str(&format!(
        "<div class=\"legend\"><p>{}</p>\n<ul>\n",
        w.pick("หมายเหตุ :", "Note:")
    ));
    // the swatch shows the letter: the text says only what it means
    for t in Words::LEGEND {
        h.push_str(&format!(
            "<li><span class=\"swatch\" style=\"background:{};\">&nbsp;{}&nbsp;</span> {}</li>\n",
            hex(t),
            t.letter(),
            esc(&w.legend_meaning(t))
        ));
    }
    h.push_str("</ul></div>\n");
    h.push_str(&format!(
        "<h2>{} — {}</h2>\n<table class=\"progress\">\n",
        w.pick("ความก้าวหน้า", "Progress"),
        esc(&w.round(s))
    ));
    for (label, value, pct) in w.summary_lines(s) {
        h.push_str(&format!(
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            esc(label.trim()),
            esc(&value),
            esc(&pct)
        ));
    }
    h.push_str(&format!(
        "</table>\n<p>{}. {}.</p>\n",
        esc(w.in_progress_note()),
        esc(w.rounding_note())
    ));
    if let Some((head, lines)) = w.warnings(s).split_first() {
        h.push_str(&format!(
            "<h2>{}</h2>\n<ul class=\"warnings\">\n",
            esc(head)
        ));
        for l in lines {
            h.push_str(&format!("<li>{}</li>\n", esc(l)));
        }
        h.push_str("</ul>\n");
    }
    h.push_str(&format!(
        "<h2>{}</h2>\n<table class=\"bureaus\">\n<tr><th>{}</th>",
        esc(w.bureau_heading()),
        esc(w.pick("สำนัก", "Bureau"))
    ));
    for head in w.bureau_headings() {
        h.push_str(&format!("<th>{}</th>", esc(head)));
    }
    h.push_str("</tr>\n");
    for b in &s.bureaus {
        h.push_str(&format!("<tr><td>{}</td>", esc(&w.label(&b.name))));
        for n in w.bureau_cells(b) {
            h.push_str(&format!("<td class=\"num\">{}</td>", esc(&n)));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
    if let Some(c) = &s.comparison {
        h.push_str(&format!(
            "<h2>{} {}</h2>\n<ul>\n",
            w.pick("เทียบกับ", "Compared with"),
            esc(&w.label(&c.from_label))
        ));
        for m in &c.moves {
            h.push_str(&format!("<li>{}</li>\n", esc(&w.status_move(m))));
        }
        h.push_str(&format!(
            "</ul>\n<p>{}</p>\n<p>{}</p>\n",
            esc(&w.newly_completed(c)),
            esc(&w.disbursed_between(c))
        ));
    }
    h.push_str("</body>\n</html>\n");
    h
}
