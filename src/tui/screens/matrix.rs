//! The likelihood × impact heat map of the register on screen, in the
//! methodology's band colours, each cell with its band symbol and the count
//! of risks in it; inherent or residual. Enter shows the register filtered
//! to the risks of the cell under the cursor.

use crate::method::Methodology;
use crate::model::{Rating, Register, Risk};
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Notice, Screen};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// A cell of the matrix: the risks rated at this likelihood and impact,
/// before controls or (`residual`) after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatrixCell {
    pub residual: bool,
    pub likelihood: u8,
    pub impact: u8,
}

impl MatrixCell {
    /// Whether a risk is rated in this cell.
    pub fn holds(&self, risk: &Risk) -> bool {
        let point = if self.residual {
            risk.residual
        } else {
            Some(risk.inherent)
        };
        point.is_some_and(|p| p.likelihood == self.likelihood && p.impact == self.impact)
    }
}

/// The matrix screen's state: inherent or residual, and the cursor's cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixView {
    pub residual: bool,
    /// Cursor: likelihood and impact levels, 1-based.
    pub l: u8,
    pub i: u8,
}

impl Default for MatrixView {
    fn default() -> MatrixView {
        MatrixView {
            residual: false,
            l: 1,
            i: 1,
        }
    }
}

/// Shows the matrix with the cursor on the cell of the risk under the
/// register's cursor, if any.
pub fn enter(app: &mut App) {
    let point = super::register::visible_risks(app)
        .get(app.register.selected)
        .and_then(|&ri| app.register_value()?.risks.get(ri))
        .map(|r| r.inherent);
    if let Some(p) = point {
        app.matrix.l = p.likelihood.max(1);
        app.matrix.i = p.impact.max(1);
    }
    app.go(Screen::Matrix)
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let (nl, ni) = app.method().map_or((1, 1), |m| {
        (m.likelihood.levels.len() as u8, m.impact.levels.len() as u8)
    });
    let no_cells = !app.method().is_none_or(Methodology::rerates_residual);
    let v = &mut app.matrix;
    match action {
        Action::Up => v.l = (v.l + 1).min(nl),
        Action::Down => v.l = v.l.saturating_sub(1).max(1),
        Action::Right => v.i = (v.i + 1).min(ni),
        Action::Left => v.i = v.i.saturating_sub(1).max(1),
        Action::ToggleResidual => v.residual = !v.residual,
        Action::Open => {
            if v.residual && no_cells {
                app.status = Some(Notice::ResidualHasNoCell);
            } else {
                let cell = MatrixCell {
                    residual: v.residual,
                    likelihood: v.l,
                    impact: v.i,
                };
                let r = &mut app.register;
                r.cell = Some(cell);
                r.band = None;
                r.query.clear();
                r.selected = 0;
                app.go(Screen::Register);
            }
        }
        _ => {}
    }
    None
}

/// Risks per cell: `counts[l-1][i-1]`.
pub fn counts(register: &Register, method: &Methodology, residual: bool) -> Vec<Vec<usize>> {
    let nl = method.likelihood.levels.len();
    let ni = method.impact.levels.len();
    let mut c = vec![vec![0; ni]; nl];
    for r in &register.risks {
        let point: Option<Rating> = if residual {
            r.residual
        } else {
            Some(r.inherent)
        };
        if let Some(p) = point {
            let (l, i) = (usize::from(p.likelihood), usize::from(p.impact));
            if (1..=nl).contains(&l) && (1..=ni).contains(&i) {
                c[l - 1][i - 1] += 1;
            }
        }
    }
    c
}

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let t = &app.theme;
    let (Some(reg), Some(method)) = (app.register_value(), app.method()) else {
        f.render_widget(
            Paragraph::new(lang.pick(
                "ไม่มีวิธีการประเมินของทะเบียนนี้",
                "the register's methodology is not loaded",
            )),
            area,
        );
        return;
    };
    let residual = app.matrix.residual;
    let which = if residual {
        lang.pick("ความเสี่ยงคงเหลือ", "residual")
    } else {
        lang.pick("ความเสี่ยงก่อนควบคุม", "inherent")
    };
    let block = Block::bordered().title(format!(
        " {} · {which} · {} ",
        reg.bureau,
        method.name.get(lang)
    ));
    let inner = block.inner(area);
    f.render_widget(block, area);
    if residual && !method.rerates_residual() {
        let mut lines = vec![Line::raw(lang.pick(
            "วิธีนี้หาความเสี่ยงคงเหลือจากผลการควบคุม จึงไม่มีตำแหน่งบนเมทริกซ์ จำนวนตามระดับคงเหลือ:",
            "This methodology derives residual risk from the controls, so it has no cell. By residual band:",
        ))];
        for b in &method.bands {
            let n = reg
                .risks
                .iter()
                .filter(|r| {
                    method
                        .residual_band(r)
                        .ok()
                        .flatten()
                        .is_some_and(|x| x.id == b.id)
                })
                .count();
            lines.push(Line::styled(
                format!(" {:<3} {} {n}", b.symbol, b.label.get(lang)),
                t.fill(b.rgb()),
            ));
        }
        f.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let nl = method.likelihood.levels.len();
    let ni = method.impact.levels.len();
    let c = counts(reg, method, residual);
    let [grid_area, axis] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(inner);
    let label_w = 12u16;
    let cell_w = (grid_area.width.saturating_sub(label_w) / ni.max(1) as u16).max(4);
    let cell_h = (grid_area.height / nl.max(1) as u16).clamp(1, 3);
    for (row, l) in (1..=nl).rev().enumerate() {
        let y = grid_area.y + row as u16 * cell_h;
        if y + cell_h > grid_area.bottom() {
            break;
        }
        let label = method
            .likelihood
            .levels
            .get(l - 1)
            .map(|x| format!("{l} {}", x.label.get(lang)))
            .unwrap_or_default();
        f.render_widget(
            Paragraph::new(crate::tui::textedit::truncate(&label, label_w as usize - 1)),
            Rect::new(grid_area.x, y + cell_h / 2, label_w, 1),
        );
        for i in 1..=ni {
            let x = grid_area.x + label_w + (i as u16 - 1) * cell_w;
            let rect = Rect::new(x, y, cell_w.saturating_sub(1), cell_h);
            let band = method
                .band_for(Rating {
                    likelihood: l as u8,
                    impact: i as u8,
                })
                .ok();
            let n = c[l - 1][i - 1];
            let symbol = band.map_or("?", |b| b.symbol.as_str());
            let here = app.matrix.l as usize == l && app.matrix.i as usize == i;
            let text = if here {
                format!("[{symbol} {n}]")
            } else {
                format!("{symbol} {n}")
            };
            let mut style = band.map_or_else(Default::default, |b| t.fill(b.rgb()));
            if here {
                style = style.add_modifier(Modifier::BOLD | Modifier::REVERSED);
            }
            let mut lines = vec![Line::raw(""); usize::from(cell_h / 2)];
            lines.push(Line::raw(text));
            f.render_widget(
                Paragraph::new(lines)
                    .style(style)
                    .alignment(Alignment::Center),
                rect,
            );
        }
    }
    let mut axis_line = " ".repeat(label_w as usize);
    for i in 1..=ni {
        let label = method
            .impact
            .levels
            .get(i - 1)
            .map(|x| format!("{i} {}", x.label.get(lang)))
            .unwrap_or_default();
        let cell = crate::tui::textedit::truncate(&label, cell_w as usize - 1);
        let pad =
            (cell_w as usize).saturating_sub(unicode_width::UnicodeWidthStr::width(cell.as_str()));
        axis_line.push_str(&cell);
        axis_line.push_str(&" ".repeat(pad));
    }
    let legend: String = method
        .bands
        .iter()
        .map(|b| format!("{}={} ", b.symbol, b.label.get(lang)))
        .collect();
    f.render_widget(
        Paragraph::new(vec![
            Line::raw(axis_line),
            Line::styled(
                format!(
                    "↑ {}  → {}   {legend}",
                    method.likelihood.name.get(lang),
                    method.impact.name.get(lang)
                ),
                t.dim(),
            ),
        ]),
        axis,
    );
}
