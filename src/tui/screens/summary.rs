//! The secretariat-wide monitoring table and progress summary for a round.
//! It needs the report module (issue 3); until that is merged this screen
//! says what it will show.

use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn draw(f: &mut Frame, area: Rect, app: &App) {
    let lang = app.lang;
    let text = lang.pick(
        "สรุปผลการติดตามทั้งสำนักงานสำหรับรอบที่เลือก (ตารางติดตามผลและสรุปความก้าวหน้า ตามคำสั่ง summary) จะแสดงที่นี่เมื่อรวมโมดูลรายงานแล้ว พร้อมปุ่ม x เพื่อส่งออกเป็นไฟล์",
        "The secretariat-wide monitoring table and progress summary for the chosen round, as the summary command computes them, will show here once the report module is merged, with x to export them to a file.",
    );
    f.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(format!(
                " {} · {} ",
                lang.pick("สรุปผล", "Summary"),
                app.round_label()
            ))),
        area,
    );
}
