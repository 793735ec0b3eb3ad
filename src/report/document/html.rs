//! The report as one self-contained HTML page for A4 portrait: the table's
//! header repeats on each printed page (a `thead` does), charts are inline
//! SVG, each measure starts a page, page numbers come from `@page`.

use super::{MeasurePage, Report};
use crate::model::TrafficLight;

pub(super) use crate::report::render::html::{esc, hex};

fn css(r: &Report) -> String {
    // Thai digits in the page counter when the report prints them
    let counter = if r.thai_digits {
        "counter(page, thai)"
    } else {
        "counter(page)"
    };
    format!(
        "@page {{ size: A4 portrait; margin: 18mm 15mm 20mm 20mm; @bottom-center {{ content: {counter}; font-family: \"TH Sarabun New\", \"Sarabun\", \"Laksaman\", sans-serif; }} }}\n\
         body {{ font-family: \"TH Sarabun New\", \"Sarabun\", \"Laksaman\", \"Noto Sans Thai\", \"Leelawadee UI\", \"Tahoma\", sans-serif; font-size: 15pt; line-height: 1.25; }}\n\
         h1, h2, h3 {{ text-align: center; margin: 0.3em 0; }}\n\
         .cover {{ text-align: center; padding-top: 35%; page-break-after: always; }}\n\
         .cover p {{ font-size: 20pt; font-weight: bold; margin: 0.2em; }}\n\
         table {{ border-collapse: collapse; width: 100%; }}\n\
         th, td {{ border: 1px solid #333; padding: 2px 5px; vertical-align: top; }}\n\
         thead {{ display: table-header-group; }} th {{ background: #e8e8e8; }}\n\
         tr {{ page-break-inside: avoid; }}\n\
         td.no, td.mark {{ text-align: center; }} td.mark {{ width: 3.2em; font-weight: bold; }}\n\
         tr.group td {{ font-weight: bold; background: #f4f4f4; }}\n\
         section.measure {{ page-break-before: always; }}\n\
         .boxes {{ list-style: none; padding-left: 0; }}\n\
         .warn {{ color: #a00000; }}\n\
         .signoff {{ display: flex; flex-wrap: wrap; gap: 1em; }} .signoff div {{ width: 30%; text-align: center; page-break-inside: avoid; }}\n\
         * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}\n\
         td.Green {{ background: {}; }} td.Yellow {{ background: {}; }} td.Red {{ background: {}; }}\n",
        hex(TrafficLight::Green),
        hex(TrafficLight::Yellow),
        hex(TrafficLight::Red)
    )
}

pub fn render(r: &Report) -> String {
    let w = &r.words;
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<div class=\"cover\">\n",
        r.lang.pick("th", "en"),
        esc(&r.cover.join(" ")),
        css(r)
    );
    for l in &r.cover {
        h.push_str(&format!("<p>{}</p>\n", esc(l)));
    }
    h.push_str(&format!(
        "<p>{}</p>\n<p>{}</p>\n</div>\n",
        esc(&r.round),
        esc(&r.period)
    ));
    table(&mut h, r);
    h.push_str(&format!(
        "<section class=\"charts\" style=\"page-break-before: always\">\n<h2>{}</h2>\n<h3>{} {}</h3>\n",
        esc(&w.charts),
        esc(&r.round),
        esc(&r.period)
    ));
    for c in &r.charts {
        h.push_str(&super::svg::chart(c));
    }
    h.push_str("</section>\n");
    if !r.warnings.is_empty() {
        h.push_str(&format!(
            "<h2>{}</h2>\n<ul class=\"warn\">\n",
            esc(&w.warnings)
        ));
        for l in &r.warnings {
            h.push_str(&format!("<li>{}</li>\n", esc(l)));
        }
        h.push_str("</ul>\n");
    }
    if let Some((title, lines)) = &r.comparison {
        h.push_str(&format!("<h2>{}</h2>\n<ul>\n", esc(title)));
        for l in lines {
            h.push_str(&format!("<li>{}</li>\n", esc(l)));
        }
        h.push_str("</ul>\n");
    }
    for g in &r.pages {
        for m in &g.measures {
            measure(&mut h, r, &g.label, m);
        }
    }
    signoff(&mut h, r);
    h.push_str("</body>\n</html>\n");
    h
}

fn table(h: &mut String, r: &Report) {
    let w = &r.words;
    h.push_str("<section class=\"table\">\n");
    for l in &r.table_title {
        h.push_str(&format!("<h3>{}</h3>\n", esc(l)));
    }
    h.push_str(&format!(
        "<table class=\"monitoring\">\n<colgroup><col style=\"width:5%\"><col style=\"width:37%\"><col style=\"width:15%\"><col style=\"width:7%\"><col style=\"width:7%\"><col style=\"width:7%\"><col style=\"width:22%\"></colgroup>\n<thead>\n<tr><th rowspan=\"2\">{}</th><th rowspan=\"2\">{}</th><th rowspan=\"2\">{}</th><th colspan=\"3\">{}</th><th rowspan=\"2\">{}</th></tr>\n<tr><th>{}</th><th>{}</th><th>{}</th></tr>\n</thead>\n<tbody>\n",
        esc(&w.no),
        esc(&w.measure),
        esc(&w.occurrence),
        esc(&w.status),
        esc(&w.responsible),
        esc(&w.green),
        esc(&w.yellow),
        esc(&w.red)
    ));
    for g in &r.groups {
        h.push_str(&format!(
            "<tr class=\"group\"><td colspan=\"7\">{}</td></tr>\n",
            esc(&g.label)
        ));
        for row in &g.rows {
            h.push_str(&format!(
                "<tr data-measure=\"{}\"><td class=\"no\">{}</td><td>{}</td><td>{}</td>",
                esc(&row.measure),
                esc(&row.no),
                esc(&row.title),
                esc(&row.occurrence)
            ));
            for t in TrafficLight::ALL {
                if row.status == Some(t) {
                    // the mark and the word carry the status without colour
                    h.push_str(&format!(
                        "<td class=\"mark {t:?}\" title=\"{}\">✓</td>",
                        esc(&row.status_text)
                    ));
                } else {
                    h.push_str("<td class=\"mark\"></td>");
                }
            }
            h.push_str(&format!("<td>{}</td></tr>\n", esc(&row.responsible)));
        }
    }
    h.push_str(&format!(
        "</tbody>\n</table>\n<p><b>{}</b></p>\n<ul class=\"legend\">\n",
        esc(&w.note)
    ));
    for (t, l) in &r.legend {
        h.push_str(&format!(
            "<li><span style=\"background:{};\">&nbsp;&nbsp;&nbsp;</span> {}</li>\n",
            hex(*t),
            esc(l)
        ));
    }
    h.push_str("</ul>\n</section>\n");
}

fn measure(h: &mut String, r: &Report, group: &str, m: &MeasurePage) {
    let w = &r.words;
    h.push_str(&format!(
        "<section class=\"measure\" data-measure=\"{}\">\n<p><b>{}</b></p>\n<h3>{}. {}</h3>\n<p><b>{}:</b> {}</p>\n<p><b>{}:</b> {}</p>\n<ul class=\"boxes\">\n",
        esc(&m.measure),
        esc(group),
        esc(&m.no),
        esc(&m.title),
        esc(&w.responsible),
        esc(&m.responsible),
        esc(&w.status),
        esc(&m.status_text)
    ));
    for (label, ticked) in &m.boxes {
        h.push_str(&format!(
            "<li>{} {}</li>\n",
            if *ticked { "☑" } else { "☐" },
            esc(label)
        ));
    }
    h.push_str("</ul>\n");
    let text = |h: &mut String, head: &str, body: &str| {
        h.push_str(&format!(
            "<p><b>{}</b><br>{}</p>\n",
            esc(head),
            if body.is_empty() {
                "–".to_string()
            } else {
                esc(body)
            }
        ));
    };
    text(h, &w.done, &m.done);
    text(h, &w.added, &m.added);
    h.push_str(&format!("<p><b>{}</b></p>\n<ul>\n", esc(&w.budget)));
    for (k, v) in &m.budget {
        h.push_str(&format!("<li>{} : {}</li>\n", esc(k), esc(v)));
    }
    h.push_str("</ul>\n");
    if !m.indicators.is_empty() {
        h.push_str(&format!(
            "<table class=\"indicators\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            esc(&w.indicator),
            esc(&w.target),
            esc(&w.result),
            esc(&w.met)
        ));
        for i in &m.indicators {
            h.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&i.name),
                esc(&i.target),
                esc(&i.result),
                esc(&i.met)
            ));
        }
        h.push_str("</tbody>\n</table>\n");
    }
    if !m.evidence.is_empty() {
        h.push_str(&format!("<p><b>{}</b></p>\n<ul>\n", esc(&w.evidence)));
        for e in &m.evidence {
            // shown as text, never as a link: a register's text is data
            h.push_str(&format!("<li>{}</li>\n", esc(e)));
        }
        h.push_str("</ul>\n");
    }
    if let Some(e) = &m.earlier {
        h.push_str(&format!("<p><i>{}</i></p>\n", esc(e)));
    }
    for x in &m.warnings {
        h.push_str(&format!("<p class=\"warn\">! {}</p>\n", esc(x)));
    }
    h.push_str("</section>\n");
}

fn signoff(h: &mut String, r: &Report) {
    if r.signoffs.is_empty() {
        return;
    }
    h.push_str(&format!(
        "<section class=\"measure\">\n<h2>{}</h2>\n<div class=\"signoff\">\n",
        esc(&r.words.signoff)
    ));
    for s in &r.signoffs {
        h.push_str(&format!(
            "<div><p>({})</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div>\n",
            esc(&s.name),
            esc(&s.position),
            esc(&s.role),
            esc(&s.bureau),
            esc(&s.date)
        ));
    }
    h.push_str("</div>\n</section>\n");
}
