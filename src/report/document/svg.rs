//! A chart as inline SVG: one horizontal bar per value, its length the
//! value's share of the chart's largest, with the label and the figure
//! written beside it so the chart reads without colour.

use super::Chart;
use super::html::esc;

const WIDTH: u32 = 640;
const LABEL: u32 = 210;
const BAR: u32 = 26;
const GAP: u32 = 10;

pub fn chart(c: &Chart) -> String {
    let max = c.bars.iter().map(|b| b.amount).max().unwrap_or(0).max(1);
    let height = 30 + (BAR + GAP) * c.bars.len() as u32;
    let room = i64::from(WIDTH - LABEL - 170);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\">\n<text x=\"0\" y=\"18\" font-weight=\"bold\">{}</text>\n",
        esc(&c.title),
        esc(&c.title)
    );
    for (i, b) in c.bars.iter().enumerate() {
        let y = 30 + (BAR + GAP) * i as u32;
        // integer arithmetic: the length is exact to the pixel
        let len = (b.amount.max(0) * room / max).max(if b.amount > 0 { 1 } else { 0 });
        let (r, g, bl) = b.rgb;
        s.push_str(&format!(
            "<text x=\"0\" y=\"{}\">{}</text>\n<rect x=\"{LABEL}\" y=\"{y}\" width=\"{len}\" height=\"{BAR}\" fill=\"#{r:02x}{g:02x}{bl:02x}\"/>\n<text x=\"{}\" y=\"{}\">{}</text>\n",
            y + 19,
            esc(&b.label),
            i64::from(LABEL) + len + 6,
            y + 19,
            esc(&b.shown)
        ));
    }
    s.push_str("</svg>\n");
    s
}
