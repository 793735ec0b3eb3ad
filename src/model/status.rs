//! The fixed vocabularies of the monitoring report (seed 002) and of the
//! risk register. File values are these language-neutral ids; labels in both
//! languages live here so every screen and report uses the same words.

use super::label::Lang;
use serde::{Deserialize, Serialize};

/// The traffic-light status of a measure at a round (สถานะความเสี่ยง).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TrafficLight {
    Green,
    Yellow,
    Red,
}

impl TrafficLight {
    pub const ALL: [TrafficLight; 3] =
        [TrafficLight::Green, TrafficLight::Yellow, TrafficLight::Red];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TrafficLight::Green => lang.pick("เขียว", "green"),
            TrafficLight::Yellow => lang.pick("เหลือง", "yellow"),
            TrafficLight::Red => lang.pick("แดง", "red"),
        }
    }
    /// What the status means, word for word as seed 002's legend defines it.
    pub fn meaning(self, lang: Lang) -> &'static str {
        match self {
            TrafficLight::Green => lang.pick(
                "ยังไม่เกิด ให้เฝ้าระวังต่อเนื่อง",
                "has not occurred; keep monitoring",
            ),
            TrafficLight::Yellow => lang.pick(
                "เกิดขึ้นแล้วแต่ยอมรับได้ ควรมีกิจกรรมเพิ่มเติม",
                "occurred but acceptable; add activities",
            ),
            TrafficLight::Red => lang.pick(
                "เกินกว่าการยอมรับ ควรมีกิจกรรมเพิ่มเติม",
                "beyond acceptance; add activities",
            ),
        }
    }
    /// A letter that carries the status where colour cannot.
    pub fn letter(self) -> char {
        match self {
            TrafficLight::Green => 'G',
            TrafficLight::Yellow => 'Y',
            TrafficLight::Red => 'R',
        }
    }
    /// Red and yellow call for added activities (ควรมีกิจกรรมเพิ่มเติม).
    pub fn needs_added_activity(self) -> bool {
        !matches!(self, TrafficLight::Green)
    }
    pub fn rgb(self) -> (u8, u8, u8) {
        match self {
            TrafficLight::Green => (0x2e, 0x9e, 0x44),
            TrafficLight::Yellow => (0xf2, 0xc2, 0x00),
            TrafficLight::Red => (0xd6, 0x28, 0x28),
        }
    }
}

/// How far a measure has been carried out at a round (สถานะการดำเนินการ),
/// the five boxes of seed 002.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Implementation {
    NotStarted,
    InProgress,
    Completed,
    PlanRevised,
    /// เหตุผลอื่น… with the reason.
    Other(String),
}

impl Implementation {
    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            Implementation::NotStarted => lang.pick("ยังไม่ได้ดำเนินการ", "not started"),
            Implementation::InProgress => lang.pick("เริ่มดำเนินการไปบ้าง แต่ยังไม่ครบถ้วน", "partly done"),
            Implementation::Completed => lang.pick("ดำเนินการแล้วเสร็จ", "completed"),
            Implementation::PlanRevised => {
                lang.pick("มีการปรับปรุงแผนบริหารความเสี่ยงใหม่ให้เหมาะสม", "plan revised")
            }
            Implementation::Other(_) => lang.pick("เหตุผลอื่น", "other reason"),
        }
    }
    /// A short form for narrow columns.
    pub fn short(&self, lang: Lang) -> &'static str {
        match self {
            Implementation::NotStarted => lang.pick("ยังไม่เริ่ม", "not started"),
            Implementation::InProgress => lang.pick("ดำเนินการบางส่วน", "partly done"),
            Implementation::Completed => lang.pick("แล้วเสร็จ", "completed"),
            Implementation::PlanRevised => lang.pick("ปรับแผน", "revised"),
            Implementation::Other(_) => lang.pick("อื่น ๆ", "other"),
        }
    }
    pub fn is_completed(&self) -> bool {
        matches!(self, Implementation::Completed)
    }
    /// The language-neutral id, as files write it (without the reason).
    pub fn id(&self) -> &'static str {
        match self {
            Implementation::NotStarted => "NotStarted",
            Implementation::InProgress => "InProgress",
            Implementation::Completed => "Completed",
            Implementation::PlanRevised => "PlanRevised",
            Implementation::Other(_) => "Other",
        }
    }
}

/// How well the existing controls work (ประเมินการควบคุมความเสี่ยง).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ControlQuality {
    Good,
    Fair,
    Weak,
}

impl ControlQuality {
    pub const ALL: [ControlQuality; 3] = [
        ControlQuality::Good,
        ControlQuality::Fair,
        ControlQuality::Weak,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ControlQuality::Good => lang.pick("ดี", "good"),
            ControlQuality::Fair => lang.pick("พอใช้", "fair"),
            ControlQuality::Weak => lang.pick("อ่อน", "weak"),
        }
    }
    pub fn letter(self) -> char {
        match self {
            ControlQuality::Good => 'G',
            ControlQuality::Fair => 'F',
            ControlQuality::Weak => 'W',
        }
    }
}

/// Whether the risk has happened before (Known) or is only foreseen (Unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Factor {
    Known,
    Unknown,
}

impl Factor {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Factor::Known => lang.pick("Known (เคยเกิดขึ้น)", "Known"),
            Factor::Unknown => lang.pick("Unknown (ยังไม่เคยเกิด)", "Unknown"),
        }
    }
}

/// How the bureau answers the risk.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Response {
    /// Reduce it with measures (ลดความเสี่ยง).
    Reduce,
    /// Accept it, with the justification (ยอมรับความเสี่ยง).
    Accept(String),
    /// Transfer it, saying to whom or how (ถ่ายโอนความเสี่ยง).
    Transfer(String),
    /// Avoid it by not doing the activity (หลีกเลี่ยงความเสี่ยง).
    Avoid,
}

impl Response {
    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            Response::Reduce => lang.pick("ลดความเสี่ยง", "reduce"),
            Response::Accept(_) => lang.pick("ยอมรับความเสี่ยง", "accept"),
            Response::Transfer(_) => lang.pick("ถ่ายโอนความเสี่ยง", "transfer"),
            Response::Avoid => lang.pick("หลีกเลี่ยงความเสี่ยง", "avoid"),
        }
    }
}

/// What kind of undertaking a measure is (มาตรการ/โครงการ/กิจกรรม).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeasureKind {
    Measure,
    Project,
    Activity,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 3] = [
        MeasureKind::Measure,
        MeasureKind::Project,
        MeasureKind::Activity,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MeasureKind::Measure => lang.pick("มาตรการ", "measure"),
            MeasureKind::Project => lang.pick("โครงการ", "project"),
            MeasureKind::Activity => lang.pick("กิจกรรม", "activity"),
        }
    }
}
