//! Errors of reading and writing register files, each naming the file and,
//! where there is one, the line and column.

use crate::model::Lang;
use std::fmt;
use std::path::{Path, PathBuf};

/// A file that could not be read as what it should hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    /// 1-based line and column; `None` when the problem is the whole file
    /// (missing, unreadable).
    pub position: Option<(usize, usize)>,
    pub message: LoadMessage,
}

/// What was wrong with a file, said in Thai or English ([`LoadMessage::text`]);
/// `Display` is the English. `what` is the description of what the file
/// should hold, as in [`super::REGISTER`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadMessage {
    InvalidUtf8,
    Empty {
        what: String,
    },
    Truncated {
        what: String,
    },
    TooDeep {
        what: String,
    },
    UnclosedComment,
    /// What the RON parser or a value's own check found, at `field`.
    Syntax {
        field: Option<String>,
        /// Boxed: ron's error is large, and a `Result` carries it.
        code: Box<ron::Error>,
        hint: Option<Hint>,
    },
    CannotRead {
        error: String,
    },
    CannotList {
        what: Listing,
        error: String,
    },
    MissingFromGit,
}

/// How a value of a field is written, added to an error about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Amount,
    Date,
    Month,
}

/// A directory whose entries could not be listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    FiscalYears,
    Registers,
    Methodologies,
}

/// The Thai of a description of what a file holds (`a register: Register(…)`):
/// the words translated, the RON shape kept.
fn what_th(what: &str) -> String {
    let (words, shape) = match what.split_once(": ") {
        Some((w, s)) => (w, Some(s)),
        None => (what, None),
    };
    let words = match words {
        "a register" => "ทะเบียนความเสี่ยง",
        "the bureau list" => "รายชื่อสำนัก",
        "the approach groups" => "กลุ่มแนวทาง",
        "a methodology" => "ระเบียบวิธีประเมินความเสี่ยง",
        "the people file" => "รายชื่อบุคคล",
        other => other,
    };
    match shape {
        Some(shape) => format!("{words}: {shape}"),
        None => words.to_string(),
    }
}

/// The Thai of what the RON parser (or a value's own check) says.
fn ron_th(code: &ron::Error) -> String {
    use ron::Error as E;
    let list = |alts: &[&str]| {
        if alts.is_empty() {
            "ไม่มี".to_string()
        } else {
            alts.iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let within = |outer: &Option<String>| match outer {
        Some(o) => format!(" ใน `{o}`"),
        None => String::new(),
    };
    match code {
        E::Eof => "ไฟล์จบก่อนที่ควรจะจบ".into(),
        E::ExpectedArray => "ต้องเปิดด้วย `[`".into(),
        E::ExpectedArrayEnd => "ต้องปิดด้วย `]`".into(),
        E::ExpectedBoolean => "ต้องเป็น true หรือ false".into(),
        E::ExpectedComma => "ขาดเครื่องหมายจุลภาค `,`".into(),
        E::ExpectedFloat => "ต้องเป็นตัวเลขทศนิยม".into(),
        E::ExpectedInteger => "ต้องเป็นจำนวนเต็ม".into(),
        E::ExpectedOption => "ต้องเป็น Some(…) หรือ None".into(),
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => "ต้องปิดด้วย `)`".into(),
        E::ExpectedMap => "ต้องเปิดด้วย `{`".into(),
        E::ExpectedMapColon => "ขาดเครื่องหมายทวิภาค `:`".into(),
        E::ExpectedMapEnd => "ต้องปิดด้วย `}`".into(),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("ต้องเป็นโครงสร้าง `{expected}` แต่พบ `{found}`")
        }
        E::ExpectedStructLike => "ต้องเปิดด้วย `(`".into(),
        E::ExpectedNamedStructLike(name) => format!("ต้องเปิดด้วย `(` ของโครงสร้าง `{name}`"),
        E::ExpectedString => "ต้องเป็นข้อความในเครื่องหมายคำพูด (\"…\")".into(),
        E::ExpectedStringEnd => "ข้อความไม่มีเครื่องหมายคำพูดปิด".into(),
        E::ExpectedIdentifier => "ต้องเป็นชื่อ (เช่น ชื่อฟิลด์หรือชื่อค่า)".into(),
        E::IntegerOutOfBounds => "ตัวเลขเกินขอบเขตที่รับได้".into(),
        E::UnexpectedChar(c) => format!("พบอักขระ {c:?} ในที่ที่ไม่ควรมี"),
        E::TrailingCharacters => "มีข้อความเกินมาหลังค่าที่ครบแล้ว".into(),
        E::InvalidValueForType { expected, found } => {
            format!("ต้องเป็น {expected} แต่พบ {found}")
        }
        E::ExpectedDifferentLength { expected, found } => {
            format!("ต้องเป็น {expected} แต่พบ {found} รายการ")
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "ไม่มีค่า `{found}`{}; ค่าที่ใช้ได้: {}",
            within(outer),
            list(expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "ไม่มีฟิลด์ชื่อ `{found}`{}; ฟิลด์ที่ใช้ได้: {}",
            within(outer),
            list(expected)
        ),
        E::MissingStructField { field, outer } => {
            format!("ขาดฟิลด์ `{field}`{}", within(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("ฟิลด์ `{field}` ซ้ำ{}", within(outer))
        }
        E::ExpectedStructName(name) => format!("ต้องขึ้นต้นด้วยชื่อโครงสร้าง `{name}`"),
        // a value's own check (a date, an amount, an id): its words follow
        E::Message(m) => format!("ค่าไม่ถูกต้อง: {m}"),
        other => format!("รูปแบบ RON ไม่ถูกต้อง: {other}"),
    }
}

impl Hint {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Hint::Amount, Lang::En) => {
                " (amounts are written in baht as a string with two decimals, e.g. \"10075.50\")"
            }
            (Hint::Amount, Lang::Th) => {
                " (จำนวนเงินเขียนเป็นบาท ในเครื่องหมายคำพูด มีทศนิยมสองตำแหน่ง เช่น \"10075.50\")"
            }
            (Hint::Date, Lang::En) => {
                " (dates are written in the Buddhist era as a string, e.g. \"2567-03-31\")"
            }
            (Hint::Date, Lang::Th) => " (วันที่เขียนเป็นปีพุทธศักราช ในเครื่องหมายคำพูด เช่น \"2567-03-31\")",
            (Hint::Month, Lang::En) => {
                " (months are written in the Buddhist era as a string, e.g. \"2566-10\")"
            }
            (Hint::Month, Lang::Th) => " (เดือนเขียนเป็นปีพุทธศักราช ในเครื่องหมายคำพูด เช่น \"2566-10\")",
        }
    }
}

impl LoadMessage {
    pub fn text(&self, lang: Lang) -> String {
        use LoadMessage as M;
        let th = lang == Lang::Th;
        match self {
            M::InvalidUtf8 if th => "ไม่ใช่ UTF-8 ที่ถูกต้อง: ต้องบันทึกไฟล์เป็นข้อความ UTF-8".into(),
            M::InvalidUtf8 => "invalid UTF-8: files must be saved as UTF-8 text".into(),
            M::Empty { what } if th => format!("ไฟล์ว่างเปล่า; ต้องเป็น{}", what_th(what)),
            M::Empty { what } => format!("the file is empty; expected {what}"),
            M::Truncated { what } if th => format!(
                "ไฟล์จบเร็วเกินไป (ถูกตัดหาย?); ยังขาดส่วนที่เหลือของ{}",
                what_th(what)
            ),
            M::Truncated { what } => {
                format!("the file ends too early (truncated?); expected the rest of {what}")
            }
            M::TooDeep { what } if th => {
                format!("ไฟล์ซ้อนกันลึกเกินกว่าจะเป็น{}", what_th(what))
            }
            M::TooDeep { what } => format!("the file is nested too deeply to be {what}"),
            M::UnclosedComment if th => "หมายเหตุแบบบล็อกนี้ไม่มีที่ปิด (เติม `*/` ตรงที่ควรจบ)".into(),
            M::UnclosedComment => {
                "this block comment is never closed (add `*/` where it should end)".into()
            }
            M::Syntax { field, code, hint } => {
                let said = if th { ron_th(code) } else { code.to_string() };
                match field {
                    None => said,
                    Some(field) => format!("{field}: {said}{}", hint.map_or("", |h| h.text(lang))),
                }
            }
            M::CannotRead { error } if th => format!("อ่านไฟล์ไม่ได้: {error}"),
            M::CannotRead { error } => format!("cannot read: {error}"),
            M::CannotList { what, error } => {
                let (th_what, en_what) = match what {
                    Listing::FiscalYears => ("ปีงบประมาณ", "fiscal years"),
                    Listing::Registers => ("ทะเบียนความเสี่ยง", "registers"),
                    Listing::Methodologies => ("ระเบียบวิธี", "methodologies"),
                };
                if th {
                    format!("แสดงรายการ{th_what}ไม่ได้: {error}")
                } else {
                    format!("cannot list {en_what}: {error}")
                }
            }
            M::MissingFromGit if th => "ไม่พบในคลังวัตถุของ git".into(),
            M::MissingFromGit => "missing from the git object store".into(),
        }
    }

    /// One message of every kind, for the tests that check both languages.
    #[cfg(test)]
    pub(crate) fn samples() -> Vec<LoadMessage> {
        use LoadMessage as M;
        let what = || super::REGISTER.to_string();
        let mut out = vec![
            M::InvalidUtf8,
            M::Empty { what: what() },
            M::Truncated { what: what() },
            M::TooDeep { what: what() },
            M::UnclosedComment,
            M::CannotRead {
                error: "Permission denied".into(),
            },
            M::MissingFromGit,
        ];
        for what in [
            Listing::FiscalYears,
            Listing::Registers,
            Listing::Methodologies,
        ] {
            out.push(M::CannotList {
                what,
                error: "Permission denied".into(),
            });
        }
        for hint in [
            None,
            Some(Hint::Amount),
            Some(Hint::Date),
            Some(Hint::Month),
        ] {
            out.push(M::Syntax {
                field: Some("risks[0].amount".into()),
                code: Box::new(ron::Error::ExpectedString),
                hint,
            });
        }
        out
    }
}

impl fmt::Display for LoadMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl LoadError {
    pub fn at(path: &Path, line: usize, col: usize, message: LoadMessage) -> Self {
        LoadError {
            path: path.to_path_buf(),
            position: Some((line, col)),
            message,
        }
    }
    pub fn whole(path: &Path, message: LoadMessage) -> Self {
        LoadError {
            path: path.to_path_buf(),
            position: None,
            message,
        }
    }
    /// `file:line:col: message` with the message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let message = self.message.text(lang);
        match self.position {
            Some((line, col)) => format!("{}:{line}:{col}: {message}", self.path.display()),
            None => format!("{}: {message}", self.path.display()),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// Why a save did not happen. In every case the file on disk is untouched.
#[derive(Debug)]
pub enum SaveError {
    /// The file changed on disk since it was loaded (someone else saved, or
    /// `git pull` brought a new version); overwriting would lose that work.
    Conflict { path: PathBuf },
    /// The file was deleted or moved since it was loaded.
    Vanished { path: PathBuf },
    /// A new file was to be created, but one is already there.
    Exists { path: PathBuf },
    /// The value could not be written as RON (should not happen for our model).
    Serialize { path: PathBuf, message: String },
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl SaveError {
    /// What happened, in `lang`; the file on disk is untouched in every case.
    /// What the system said of a failed write stays in its own words.
    pub fn text(&self, lang: Lang) -> String {
        let th = lang == Lang::Th;
        match self {
            SaveError::Conflict { path } if th => {
                format!("{}: ไฟล์ถูกแก้ไขบนดิสก์หลังจากที่อ่านมา จึงไม่บันทึกทับ", path.display())
            }
            SaveError::Conflict { path } => format!(
                "{}: the file changed on disk since it was loaded; not overwriting it",
                path.display()
            ),
            SaveError::Vanished { path } if th => format!(
                "{}: ไฟล์ถูกลบหรือย้ายไปหลังจากที่อ่านมา จึงไม่สร้างขึ้นใหม่",
                path.display()
            ),
            SaveError::Vanished { path } => format!(
                "{}: the file was removed or moved since it was loaded; not recreating it",
                path.display()
            ),
            SaveError::Exists { path } if th => {
                format!("{}: มีไฟล์นี้อยู่แล้ว จึงไม่บันทึกทับ", path.display())
            }
            SaveError::Exists { path } => {
                format!("{}: already exists; not overwriting it", path.display())
            }
            SaveError::Serialize { path, message } if th => {
                format!("{}: เขียนไม่ได้: {message}", path.display())
            }
            SaveError::Serialize { path, message } => {
                format!("{}: cannot write: {message}", path.display())
            }
            SaveError::Io { path, error } if th => {
                format!("{}: บันทึกไม่ได้ ({error})", path.display())
            }
            SaveError::Io { path, error } => format!("{}: {error}", path.display()),
        }
    }

    /// [`SaveError::text`] in both languages, for a state that keeps it
    /// until it is shown (the interface's status line).
    pub fn words(&self) -> crate::model::Label {
        crate::model::Label::new(self.text(Lang::Th), self.text(Lang::En))
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for SaveError {}
