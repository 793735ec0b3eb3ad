//! The selected risk in full, beside or under the register table: what
//! could go wrong, the controls, the owner, and each measure with its light
//! at the round. Tab moves the keys here to scroll it.

use super::light_span;
use crate::model::Risk;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

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
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ", r.id), t.title()),
            Span::raw(r.process.clone()),
        ]),
        Line::raw(r.description.clone()),
        Line::from(vec![
            Span::styled(lang.pick("การควบคุม: ", "Controls: "), t.dim()),
            Span::raw(r.controls.clone()),
        ]),
        Line::from(vec![
            Span::styled(lang.pick("ผู้รับผิดชอบ: ", "Owner: "), t.dim()),
            Span::raw(r.owner.clone()),
        ]),
    ];
    let round = app.round.as_ref();
    for m in &r.measures {
        let light = round.and_then(|x| m.at_round(x)).map(|x| x.status);
        lines.push(Line::from(vec![
            light_span(t, light),
            Span::raw(format!(" {} {}", m.id, m.title)),
        ]));
    }
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .scroll((app.register.detail_scroll as u16, 0))
            .block(block),
        area,
    );
}
