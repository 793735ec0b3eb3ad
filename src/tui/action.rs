//! Everything a key can ask for. Keys map to actions through the key map;
//! `App::update` turns actions into state changes.

use crate::model::Lang;

/// Declares the actions once: the enum, the list of all of them (for the
/// settings file's names) and their labels in Thai and English (for the
/// help, the key bar and the user guide), so none can be left out of one.
macro_rules! actions {
    ($($name:ident => ($th:expr, $en:expr $(,)?)),* $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $($name),*
        }

        pub const ALL: &[Action] = &[$(Action::$name),*];

        impl Action {
            pub fn label(self, lang: Lang) -> &'static str {
                let (th, en) = match self {
                    $(Action::$name => ($th, $en)),*
                };
                lang.pick(th, en)
            }
        }
    };
}

actions! {
    Up => ("ขึ้น", "up"),
    Down => ("ลง", "down"),
    Left => ("ซ้าย", "left"),
    Right => ("ขวา", "right"),
    PageUp => ("หน้าก่อน", "page up"),
    PageDown => ("หน้าถัดไป", "page down"),
    Top => ("บนสุด", "top"),
    Bottom => ("ล่างสุด", "bottom"),
    NextPane => ("ส่วนถัดไป", "next pane"),
    PrevPane => ("ส่วนก่อนหน้า", "previous pane"),
    Back => ("ย้อนกลับ", "back"),
    Open => ("เปิด/แก้ไข", "open/edit"),
    Quit => ("ออก", "quit"),
    Help => ("วิธีใช้", "help"),
    Save => ("บันทึก", "save"),
    Undo => ("เลิกทำ", "undo"),
    Redo => ("ทำซ้ำ", "redo"),
    ToOverview => ("ภาพรวม", "overview"),
    ToRegister => ("ทะเบียน", "register"),
    ToMonitoring => ("ติดตามผล", "monitoring"),
    ToMatrix => ("เมทริกซ์", "matrix"),
    ToSummary => ("สรุป", "summary"),
    ToChanges => ("การเปลี่ยนแปลง", "changes"),
    NextYear => ("ปีถัดไป", "next year"),
    PrevYear => ("ปีก่อน", "previous year"),
    NextRound => ("รอบถัดไป", "next round"),
    PrevRound => ("รอบก่อน", "previous round"),
    Search => ("ค้นหา", "search"),
    Sort => ("เรียงตามคอลัมน์ถัดไป", "sort by next column"),
    SortReverse => ("กลับลำดับ", "reverse sort"),
    FilterBand => ("กรองตามระดับ", "filter by band"),
    ClearFilter => ("ล้างตัวกรอง", "clear filters"),
    Green => ("สถานะเขียว", "status green"),
    Yellow => ("สถานะเหลือง", "status yellow"),
    Red => ("สถานะแดง", "status red"),
    CycleImplementation => ("สถานะการดำเนินการถัดไป", "next implementation status"),
    ToggleResidual => ("สลับก่อน/หลังควบคุม", "inherent/residual"),
    Export => ("ส่งออก", "export"),
    ToggleLang => ("ไทย/อังกฤษ", "Thai/English"),
    Reload => ("โหลดฉบับบนดิสก์ แล้วรวมการแก้ไขของฉัน", "reload and merge mine"),
    SaveCopy => ("บันทึกของฉันเป็นสำเนา", "save mine as a copy"),
    KeepMine => ("ใช้ของฉัน", "keep mine"),
    TakeTheirs => ("ใช้ฉบับบนดิสก์", "take theirs (on disk)"),
    Yes => ("ใช่", "yes"),
    No => ("ไม่", "no"),
    SignPrepared => (
        "ลงชื่อผู้จัดทำ (ชื่อจากการตั้งค่า)",
        "sign as preparer (settings name)",
    ),
    AddRisk => ("เพิ่มความเสี่ยง", "add a risk"),
    DeleteRisk => ("ลบความเสี่ยง (เลิกทำได้)", "delete the risk (undoable)"),
    AddMeasure => ("เพิ่มมาตรการ", "add a measure"),
    DeleteMeasure => ("ลบมาตรการนี้ (เลิกทำได้)", "delete this measure (undoable)"),
    NewRegister => ("สร้างทะเบียนใหม่ให้สำนักนี้", "create a register for this bureau"),
    Compare => ("เทียบกับรอบก่อน", "compare with the round before"),
    EditHeader => (
        "แก้ไขส่วนหัว (หมายเหตุ ผู้จัดทำ ผู้สอบทาน)",
        "edit the header (note, prepared, reviewed)",
    ),
    AddIndicator => ("เพิ่มตัวชี้วัดของมาตรการนี้", "add an indicator to this measure"),
    DeleteIndicator => ("ลบตัวชี้วัดนี้ (เลิกทำได้)", "delete this indicator (undoable)"),
    Confirm => ("ตกลง ใช้ค่านี้", "accept the value"),
    Cancel => ("ยกเลิก ไม่เปลี่ยน", "cancel, change nothing"),
    NewLine => ("ขึ้นบรรทัดใหม่", "start a new line"),
    ClearText => ("ล้างข้อความ", "clear the text"),
    DeleteBack => ("ลบอักษรที่พิมพ์ล่าสุด", "delete the character before the cursor"),
    DeleteForward => ("ลบอักษรหลังเคอร์เซอร์", "delete the character after the cursor"),
    LineStart => ("ต้นบรรทัด", "start of the line"),
    LineEnd => ("ท้ายบรรทัด", "end of the line"),
    PickNumber => ("เลือกตามลำดับที่ (1 = ตัวเลือกแรก)", "choose by number (1 = the first)"),
    Commit => (
        "commit ทะเบียนที่บันทึกแล้ว (ดูรายการก่อน)",
        "commit the saved registers (shows what first)",
    ),
    History => (
        "ประวัติการแก้ไขของความเสี่ยง/มาตรการนี้",
        "history of this risk or measure",
    ),
}

impl Action {
    /// The name used in the settings file's `keys` map.
    pub fn name(self) -> String {
        format!("{self:?}")
    }
    pub fn from_name(name: &str) -> Option<Action> {
        ALL.iter().copied().find(|a| a.name() == name)
    }
    /// A shorter label for the key bar, where 80 columns must hold the main keys.
    pub fn bar_label(self, lang: Lang) -> &'static str {
        use Action::*;
        match self {
            Green => lang.pick("เขียว", "green"),
            Yellow => lang.pick("เหลือง", "yellow"),
            Red => lang.pick("แดง", "red"),
            CycleImplementation => lang.pick("การดำเนินการ", "impl."),
            NextRound => lang.pick("รอบ", "round"),
            Open => lang.pick("เปิด", "open"),
            ToggleResidual => lang.pick("ก่อน/หลัง", "inh./resid."),
            Confirm => lang.pick("ตกลง", "ok"),
            Cancel => lang.pick("ยกเลิก", "cancel"),
            NewLine => lang.pick("ขึ้นบรรทัด", "new line"),
            ClearText => lang.pick("ล้าง", "clear"),
            Commit => "commit",
            History => lang.pick("ประวัติ", "history"),
            _ => self.label(lang),
        }
    }
}
