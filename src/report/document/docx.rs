//! The report as a Word document, written as WordprocessingML by hand:
//! docx-rs 0.4 can neither repeat a table's header row on each page
//! (`w:tblHeader`) nor hold a chart part, and both are what the secretariat
//! needs. The parts are few: the document, its styles (TH Sarabun New, with
//! Laksaman and Sarabun named as alternatives), a footer with the page
//! number, and one native bar chart part per chart (its figures cached in
//! the part, so Word and LibreOffice draw it without a workbook).

use super::{Chart, MeasurePage, Report};
use crate::model::TrafficLight;
use crate::report::ReportError;
use std::io::Write;
use zip::write::SimpleFileOptions;

const FONT: &str = "TH Sarabun New";
/// A4 portrait in twentieths of a point, and the text width left by the
/// margins (1 inch left, 0.75 inch right).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const TEXT_W: u32 = PAGE_W - 1440 - 1080;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // characters XML 1.0 cannot hold are dropped, not written
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            _ => out.push(c),
        }
    }
    out
}

#[derive(Clone, Copy, Default)]
struct P {
    bold: bool,
    center: bool,
    /// Half-points; 0 for the style's 16 pt.
    size: u32,
    page_break: bool,
    keep_next: bool,
}

/// Runs of `text`, its line breaks as `w:br`.
fn runs(text: &str, p: P) -> String {
    let mut rpr = String::new();
    if p.bold {
        rpr.push_str("<w:b/><w:bCs/>");
    }
    if p.size > 0 {
        rpr.push_str(&format!(
            "<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            p.size
        ));
    }
    let rpr = if rpr.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{rpr}</w:rPr>")
    };
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(&format!("<w:r>{rpr}<w:br/></w:r>"));
        }
        out.push_str(&format!(
            "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            esc(line)
        ));
    }
    out
}

fn para(text: &str, p: P) -> String {
    let mut ppr = String::new();
    if p.page_break {
        ppr.push_str("<w:pageBreakBefore/>");
    }
    if p.keep_next {
        ppr.push_str("<w:keepNext/>");
    }
    if p.center {
        ppr.push_str("<w:jc w:val=\"center\"/>");
    }
    format!("<w:p><w:pPr>{ppr}</w:pPr>{}</w:p>", runs(text, p))
}

fn bold(text: &str) -> String {
    para(
        text,
        P {
            bold: true,
            keep_next: true,
            ..P::default()
        },
    )
}

struct Cell<'a> {
    text: &'a str,
    width: u32,
    span: u32,
    /// `Some(true)` starts a vertical merge, `Some(false)` continues it.
    vmerge: Option<bool>,
    fill: Option<String>,
    p: P,
}

fn cell(text: &str, width: u32) -> Cell<'_> {
    Cell {
        text,
        width,
        span: 1,
        vmerge: None,
        fill: None,
        p: P::default(),
    }
}

fn tc(c: &Cell) -> String {
    let mut pr = format!("<w:tcW w:w=\"{}\" w:type=\"dxa\"/>", c.width);
    if c.span > 1 {
        pr.push_str(&format!("<w:gridSpan w:val=\"{}\"/>", c.span));
    }
    match c.vmerge {
        Some(true) => pr.push_str("<w:vMerge w:val=\"restart\"/>"),
        Some(false) => pr.push_str("<w:vMerge/>"),
        None => {}
    }
    if let Some(f) = &c.fill {
        pr.push_str(&format!(
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{f}\"/>"
        ));
    }
    format!("<w:tc><w:tcPr>{pr}</w:tcPr>{}</w:tc>", para(c.text, c.p))
}

/// A row; `header` rows repeat at the top of each page the table runs onto.
fn tr(cells: &[Cell], header: bool) -> String {
    let pr = if header {
        "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
    } else {
        "<w:trPr><w:cantSplit/></w:trPr>"
    };
    let mut s = format!("<w:tr>{pr}");
    for c in cells {
        s.push_str(&tc(c));
    }
    s.push_str("</w:tr>");
    s
}

fn table_start(widths: &[u32]) -> String {
    let mut s = String::from(
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>",
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        s.push_str(&format!(
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"333333\"/>"
        ));
    }
    s.push_str("</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for w in widths {
        s.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    s.push_str("</w:tblGrid>");
    s
}

fn hex(t: TrafficLight) -> String {
    let (r, g, b) = t.rgb();
    format!("{r:02X}{g:02X}{b:02X}")
}

fn monitoring_table(r: &Report) -> String {
    let w = &r.words;
    let widths = [560, 3046, 1400, 760, 760, 760, 2100];
    let head = P {
        bold: true,
        center: true,
        ..P::default()
    };
    let mut s = table_start(&widths);
    let top = |text, i: usize| Cell {
        vmerge: Some(true),
        p: head,
        fill: Some("E8E8E8".into()),
        ..cell(text, widths[i])
    };
    let below = |i: usize| Cell {
        vmerge: Some(false),
        fill: Some("E8E8E8".into()),
        ..cell("", widths[i])
    };
    let shaded = |text, i: usize| Cell {
        p: head,
        fill: Some("E8E8E8".into()),
        ..cell(text, widths[i])
    };
    s.push_str(&tr(
        &[
            top(&w.no, 0),
            top(&w.measure, 1),
            top(&w.occurrence, 2),
            Cell {
                span: 3,
                ..shaded(&w.status, 3)
            },
            top(&w.responsible, 6),
        ],
        true,
    ));
    s.push_str(&tr(
        &[
            below(0),
            below(1),
            below(2),
            shaded(&w.green, 3),
            shaded(&w.yellow, 4),
            shaded(&w.red, 5),
            below(6),
        ],
        true,
    ));
    for g in &r.groups {
        s.push_str(&tr(
            &[Cell {
                span: 7,
                p: P {
                    bold: true,
                    ..P::default()
                },
                fill: Some("F4F4F4".into()),
                ..cell(&g.label, TEXT_W)
            }],
            false,
        ));
        for row in &g.rows {
            let mut cells = vec![
                Cell {
                    p: P {
                        center: true,
                        ..P::default()
                    },
                    ..cell(&row.no, widths[0])
                },
                cell(&row.title, widths[1]),
                cell(&row.occurrence, widths[2]),
            ];
            for (i, t) in TrafficLight::ALL.iter().enumerate() {
                cells.push(if row.status == Some(*t) {
                    Cell {
                        fill: Some(hex(*t)),
                        p: head,
                        ..cell("✓", widths[3 + i])
                    }
                } else {
                    cell("", widths[3 + i])
                });
            }
            cells.push(cell(&row.responsible, widths[6]));
            s.push_str(&tr(&cells, false));
        }
    }
    s.push_str("</w:tbl>");
    s
}

/// The inline drawing that shows chart part `n` (relationship `rIdChart{n}`).
fn chart_drawing(n: usize) -> String {
    let (cx, cy) = (5_400_000, 2_200_000);
    format!(
        "<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"Chart {n}\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart r:id=\"rIdChart{n}\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
}

/// A bar chart part whose categories and values are cached in it.
fn chart_part(c: &Chart) -> String {
    let n = c.bars.len();
    let mut cats = String::new();
    let mut vals = String::new();
    let mut points = String::new();
    for (i, b) in c.bars.iter().enumerate() {
        cats.push_str(&format!(
            "<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>",
            esc(&b.label)
        ));
        vals.push_str(&format!(
            "<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>",
            b.number()
        ));
        let (r, g, bl) = b.rgb;
        points.push_str(&format!(
            "<c:dPt><c:idx val=\"{i}\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr><a:solidFill><a:srgbClr val=\"{r:02X}{g:02X}{bl:02X}\"/></a:solidFill></c:spPr></c:dPt>"
        ));
    }
    let font = format!(
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1400\"><a:latin typeface=\"{FONT}\"/><a:cs typeface=\"{FONT}\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"th-TH\"/></a:p></c:txPr>"
    );
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><c:roundedCorners val=\"0\"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1600\" b=\"1\"><a:latin typeface=\"{FONT}\"/><a:cs typeface=\"{FONT}\"/></a:defRPr></a:pPr><a:r><a:rPr lang=\"th-TH\" sz=\"1600\" b=\"1\"><a:latin typeface=\"{FONT}\"/><a:cs typeface=\"{FONT}\"/></a:rPr><a:t>{title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/><c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"1\"/><c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:v>{title}</c:v></c:tx><c:invertIfNegative val=\"0\"/>{points}<c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls><c:cat><c:strLit><c:ptCount val=\"{n}\"/>{cats}</c:strLit></c:cat><c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"{n}\"/>{vals}</c:numLit></c:val></c:ser><c:gapWidth val=\"60\"/><c:axId val=\"1\"/><c:axId val=\"2\"/></c:barChart><c:catAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"2\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:tickLblSkip val=\"1\"/>{font}</c:catAx><c:valAx><c:axId val=\"2\"/><c:scaling><c:orientation val=\"minMax\"/><c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/><c:majorGridlines/><c:numFmt formatCode=\"#,##0\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/>{font}</c:valAx></c:plotArea><c:plotVisOnly val=\"1\"/></c:chart>{font}</c:chartSpace>",
        title = esc(&c.title)
    )
}

fn measure(b: &mut String, r: &Report, group: &str, m: &MeasurePage) {
    let w = &r.words;
    b.push_str(&para(
        group,
        P {
            bold: true,
            page_break: true,
            ..P::default()
        },
    ));
    b.push_str(&para(
        &format!("{}. {}", m.no, m.title),
        P {
            bold: true,
            size: 36,
            ..P::default()
        },
    ));
    b.push_str(&para(
        &format!("{} : {}", w.responsible, m.responsible),
        P::default(),
    ));
    b.push_str(&para(
        &format!("{} : {}", w.status, m.status_text),
        P::default(),
    ));
    b.push_str(&bold(&w.implementation));
    for (label, ticked) in &m.boxes {
        b.push_str(&para(
            &format!("{} {label}", if *ticked { "☑" } else { "☐" }),
            P::default(),
        ));
    }
    for (head, body) in [(&w.done, &m.done), (&w.added, &m.added)] {
        b.push_str(&bold(head));
        b.push_str(&para(
            if body.is_empty() { "–" } else { body },
            P::default(),
        ));
    }
    b.push_str(&bold(&w.budget));
    for (k, v) in &m.budget {
        b.push_str(&para(&format!("{k} : {v}"), P::default()));
    }
    if !m.indicators.is_empty() {
        b.push_str(&bold(&w.indicators));
        let widths = [3600, 1800, 2186, 1800];
        let head = P {
            bold: true,
            center: true,
            ..P::default()
        };
        b.push_str(&table_start(&widths));
        let heads = [&w.indicator, &w.target, &w.result, &w.met];
        let cells: Vec<Cell> = heads
            .iter()
            .zip(widths)
            .map(|(h, wd)| Cell {
                p: head,
                fill: Some("E8E8E8".into()),
                ..cell(h, wd)
            })
            .collect();
        b.push_str(&tr(&cells, true));
        for i in &m.indicators {
            let vals = [&i.name, &i.target, &i.result, &i.met];
            let cells: Vec<Cell> = vals.iter().zip(widths).map(|(v, wd)| cell(v, wd)).collect();
            b.push_str(&tr(&cells, false));
        }
        b.push_str("</w:tbl>");
    }
    if !m.evidence.is_empty() {
        b.push_str(&bold(&w.evidence));
        for e in &m.evidence {
            b.push_str(&para(&format!("– {e}"), P::default()));
        }
    }
    if let Some(e) = &m.earlier {
        b.push_str(&para(e, P::default()));
    }
    for x in &m.warnings {
        b.push_str(&para(
            &format!("! {x}"),
            P {
                bold: true,
                ..P::default()
            },
        ));
    }
}

fn document(r: &Report) -> String {
    let w = &r.words;
    let mut b = String::new();
    let big = P {
        bold: true,
        center: true,
        size: 44,
        ..P::default()
    };
    b.push_str(&para(
        "",
        P {
            size: 120,
            ..P::default()
        },
    ));
    for l in &r.cover {
        b.push_str(&para(l, big));
    }
    b.push_str(&para(&r.round, big));
    b.push_str(&para(&r.period, big));
    for (i, l) in r.table_title.iter().enumerate() {
        b.push_str(&para(
            l,
            P {
                bold: true,
                center: true,
                page_break: i == 0,
                keep_next: true,
                ..P::default()
            },
        ));
    }
    b.push_str(&monitoring_table(r));
    b.push_str(&bold(&w.note));
    for (_, l) in &r.legend {
        b.push_str(&para(l, P::default()));
    }
    b.push_str(&para(
        &w.charts,
        P {
            bold: true,
            center: true,
            page_break: true,
            ..P::default()
        },
    ));
    b.push_str(&para(
        &format!("{} {}", r.round, r.period),
        P {
            bold: true,
            center: true,
            ..P::default()
        },
    ));
    for (i, c) in r.charts.iter().enumerate() {
        b.push_str(&chart_drawing(i + 1));
        for bar in &c.bars {
            b.push_str(&para(
                &format!("{} : {}", bar.label, bar.shown),
                P::default(),
            ));
        }
    }
    if !r.warnings.is_empty() {
        b.push_str(&bold(&w.warnings));
        for l in &r.warnings {
            b.push_str(&para(&format!("! {l}"), P::default()));
        }
    }
    if let Some((title, lines)) = &r.comparison {
        b.push_str(&bold(title));
        for l in lines {
            b.push_str(&para(&format!("– {l}"), P::default()));
        }
    }
    for g in &r.pages {
        for m in &g.measures {
            measure(&mut b, r, &g.label, m);
        }
    }
    if !r.signoffs.is_empty() {
        b.push_str(&para(
            &w.signoff,
            P {
                bold: true,
                center: true,
                page_break: true,
                ..P::default()
            },
        ));
        for s in &r.signoffs {
            b.push_str(&para("", P::default()));
            b.push_str(&para(
                &format!(
                    "(ลงชื่อ) ..............................\n({})\n{}\n{} — {}\n{}",
                    s.name, s.position, s.role, s.bureau, s.date
                )
                .replace("(ลงชื่อ)", r.lang.pick("(ลงชื่อ)", "(signed)")),
                P {
                    center: true,
                    keep_next: false,
                    ..P::default()
                },
            ));
        }
    }
    // page numbers in Thai digits when the report prints them
    let fmt = if r.thai_digits {
        "thaiNumbers"
    } else {
        "decimal"
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><w:body>{b}<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/><w:pgMar w:top=\"1134\" w:right=\"1080\" w:bottom=\"1134\" w:left=\"1440\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:pgNumType w:fmt=\"{fmt}\"/></w:sectPr></w:body></w:document>"
    )
}

fn styles(r: &Report) -> String {
    let lang = r.lang.pick("th-TH", "en-GB");
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"{lang}\" w:bidi=\"th-TH\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style></w:styles>"
    )
}

/// The font and the ones to use where it is not installed.
fn font_table() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:font w:name=\"{FONT}\"><w:altName w:val=\"Sarabun,Laksaman,Tahoma\"/><w:charset w:val=\"DE\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>"
    )
}

fn footer(r: &Report) -> String {
    let word = esc(&r.words.page);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{word} </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>"
    )
}

pub fn render(r: &Report) -> Result<Vec<u8>, ReportError> {
    let n = r.charts.len();
    let mut types = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/><Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>",
    );
    let mut rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdFonts\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/><Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>",
    );
    for i in 1..=n {
        types.push_str(&format!("<Override PartName=\"/word/charts/chart{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"));
        rels.push_str(&format!("<Relationship Id=\"rIdChart{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"charts/chart{i}.xml\"/>"));
    }
    types.push_str("</Types>");
    rels.push_str("</Relationships>");
    let root_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    let mut parts: Vec<(String, String)> = vec![
        ("[Content_Types].xml".into(), types),
        ("_rels/.rels".into(), root_rels.into()),
        ("word/document.xml".into(), document(r)),
        ("word/_rels/document.xml.rels".into(), rels),
        ("word/styles.xml".into(), styles(r)),
        ("word/fontTable.xml".into(), font_table()),
        ("word/footer1.xml".into(), footer(r)),
    ];
    for (i, c) in r.charts.iter().enumerate() {
        parts.push((format!("word/charts/chart{}.xml", i + 1), chart_part(c)));
    }
    let err = |e: &dyn std::fmt::Display| ReportError::Render(format!("docx: {e}"));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        zip.start_file(name, opts).map_err(|e| err(&e))?;
        zip.write_all(body.as_bytes()).map_err(|e| err(&e))?;
    }
    let out = zip.finish().map_err(|e| err(&e))?;
    Ok(out.into_inner())
}
