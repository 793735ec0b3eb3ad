//! The changes of the bureau on screen against git HEAD, as a semantic diff.
//! It needs the audit module (issue 5); until that is merged this screen
//! says what it will show.

use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let text = lang.pick(
        "การเปลี่ยนแปลงของทะเบียนสำนักนี้เทียบกับ commit ล่าสุด (ทีละช่อง: ความเสี่ยง มาตรการ ผลการติดตาม) และสถานะการอนุมัติ จะแสดงที่นี่เมื่อรวมโมดูล audit แล้ว",
        "The changes of this bureau's register against the last commit (field by field: risks, measures, monitoring) and its approval state will show here once the audit module is merged.",
    );
    f.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(lang.pick(" การเปลี่ยนแปลง ", " Changes "))),
        area,
    );
}
