//! The selected risk in full, beside or under the register table: what
//! could go wrong, the controls, the owner, and each measure with its light
//! at the round. Tab moves the keys here to scroll it.

use super::light_span;
use crate::model::Risk;
use crate::tui::app::App;
use crate::tui::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

pub fn draw(f: &mut Frame, area: Rect, app: &App, risk: Option<&Risk>) {
    let lang = app.lang;
    let t = &app.theme;
    let focused = app.register.detail_focus;
    let block = Block::bordered()
        .title(lang.pick(" รายละเอียด ", " Detail "))
        .border_style(if focused { t.key() } else { t.dim() });
    let Some(r) = risk else {
        f.render_widget(block, area);
        return;
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", r.id), t.title()),
        Span::raw(r.process.clone()),
    ])];
    lines.extend(paragraphs(None, &r.description));
    lines.extend(paragraphs(
        Some(Span::styled(lang.pick("การควบคุม: ", "Controls: "), t.dim())),
        &r.controls,
    ));
    lines.extend(paragraphs(
        Some(Span::styled(lang.pick("ผู้รับผิดชอบ: ", "Owner: "), t.dim())),
        &r.owner,
    ));
    let measures_from = lines.len();
    let round = app.round.as_ref();
    for m in &r.measures {
        let light = round.and_then(|x| m.at_round(x)).map(|x| x.status);
        lines.push(Line::from(vec![
            light_span(t, light),
            Span::raw(format!(" {} {}", m.id, m.title)),
        ]));
    }
    // a measure's title wraps under its title, past its light and id
    let width = usize::from(block.inner(area).width);
    let lines: Vec<Line> = lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| wrap::line(l, width, if i >= measures_from { 2 } else { 0 }))
        .collect();
    f.render_widget(
        Paragraph::new(lines)
            .scroll((app.register.detail_scroll as u16, 0))
            .block(block),
        area,
    );
}

/// A text of several paragraphs as one line each (a line break in a span
/// would be lost), the first after `label`.
fn paragraphs(label: Option<Span<'static>>, text: &str) -> Vec<Line<'static>> {
    let mut label = label;
    let mut lines: Vec<Line> = text
        .lines()
        .map(|p| {
            let mut spans: Vec<Span> = label.take().into_iter().collect();
            spans.push(Span::raw(p.to_string()));
            Line::from(spans)
        })
        .collect();
    if let Some(label) = label {
        lines.push(Line::from(label));
    }
    lines
}
