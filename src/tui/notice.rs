//! What the status line says: one variant per kind of message, with the
//! values it names, worded in both languages here and nowhere else (as
//! `validate::Message` is for findings). The state keeps the meaning; the
//! words are made when the line is drawn, so tests assert the meaning and
//! a language switch words it anew.

use super::form::{self, Field};
use crate::model::Lang;
use std::path::PathBuf;

/// How the status line shows a notice: a done deed, something the user
/// should know or do first, or a failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    // saving and the files
    /// These registers (bureau codes) were written.
    Saved {
        codes: Vec<String>,
    },
    NothingToSave,
    /// The conflict prompt was cancelled; the edits stay unsaved.
    SaveCancelled,
    /// My version went to `copy` and the version on disk was loaded.
    CopySaved {
        copy: PathBuf,
    },
    /// My version went to `copy`, but the version on disk did not load.
    CopySavedNotReloaded {
        copy: PathBuf,
        why: String,
    },
    /// A reload merged; `unsaved` when my edits are still to save.
    Merged {
        unsaved: bool,
    },
    /// A new register's file, `year/CODE.ron`.
    Created {
        file: String,
    },
    Exported {
        path: PathBuf,
    },
    // edits
    Added {
        id: String,
    },
    /// Deleted, and undo brings it back.
    Deleted {
        id: String,
    },
    NothingToUndo,
    /// An edit the register refuses (from the model or the form), or a
    /// value that could not be taken, in the words of where it came from.
    Refused {
        reason: String,
    },
    /// This user may not edit the register on screen (from people.ron).
    ReadOnly {
        reason: String,
    },
    /// The field under the cursor is never edited here.
    FieldReadOnly {
        field: Field,
    },
    // what to do first
    PasteIgnored,
    /// Indicators are added and deleted in the risk editor, not in the
    /// monitoring form.
    IndicatorsInRiskEditor,
    MoveToIndicatorToDelete,
    MoveToMeasureToDelete,
    MoveToMeasureToAddIndicator,
    /// The methodology rates residual risk from controls: no matrix cell.
    ResidualHasNoCell,
    /// Signing needs the user's name in the settings.
    NameFirst,
    HasRegister,
    NoRegisterThisYear,
    SaveBeforeYearChange,
    /// What was asked needs the whole year, and `done` of its `total`
    /// registers are read so far.
    StillLoading {
        done: usize,
        total: usize,
    },
    /// The settings file or its key overrides could not all be used.
    Settings {
        problems: Vec<crate::model::Label>,
    },
    /// I/O or a file that did not load, in the words of where it failed.
    Failed {
        why: String,
    },
    /// What could not be done (a save, a year or a new register that could
    /// not be read or written), worded in both languages where it failed.
    Unable {
        why: crate::model::Label,
    },
    /// A register's file that does not read: where, and why.
    Unreadable(crate::store::LoadError),
    /// `RISKREG_TODAY` does not read (or the clock cannot be read).
    NoToday(crate::clock::NoToday),
    // git from the interface
    /// A commit needs the user's name and e-mail, in this settings file.
    AuthorFirst {
        settings: String,
    },
    NothingToCommit,
    /// The new commit (its id) holding these registers.
    Committed {
        id: String,
        codes: Vec<String>,
    },
    /// git or its hook refused the commit (what it said is on the screen).
    CommitRefused,
    /// A history is of a risk or a measure: none is in hand.
    MoveToRiskOrMeasure,
}

impl Notice {
    pub fn level(&self) -> Level {
        use Notice as N;
        match self {
            N::Saved { .. }
            | N::NothingToSave
            | N::SaveCancelled
            | N::CopySaved { .. }
            | N::Merged { .. }
            | N::Created { .. }
            | N::Exported { .. }
            | N::Added { .. }
            | N::Deleted { .. }
            | N::NothingToUndo
            | N::NothingToCommit
            | N::Committed { .. } => Level::Info,
            N::Refused { .. }
            | N::ReadOnly { .. }
            | N::FieldReadOnly { .. }
            | N::PasteIgnored
            | N::IndicatorsInRiskEditor
            | N::MoveToIndicatorToDelete
            | N::MoveToMeasureToDelete
            | N::MoveToMeasureToAddIndicator
            | N::ResidualHasNoCell
            | N::NameFirst
            | N::HasRegister
            | N::NoRegisterThisYear
            | N::SaveBeforeYearChange
            | N::StillLoading { .. }
            | N::Settings { .. }
            | N::AuthorFirst { .. }
            | N::MoveToRiskOrMeasure => Level::Warning,
            N::CopySavedNotReloaded { .. }
            | N::Failed { .. }
            | N::Unable { .. }
            | N::NoToday(_)
            | N::Unreadable(_)
            | N::CommitRefused => Level::Error,
        }
    }

    /// The notice in words.
    pub fn text(&self, lang: Lang) -> String {
        use Notice as N;
        let say = |th: &str, en: &str| lang.pick(th, en).to_string();
        match self {
            N::Saved { codes } => {
                format!("{} {}", lang.pick("บันทึกแล้ว:", "saved:"), codes.join(", "))
            }
            N::NothingToSave => say("ไม่มีอะไรต้องบันทึก", "nothing to save"),
            N::SaveCancelled => say(
                "ยกเลิกการบันทึก ข้อมูลของคุณยังอยู่",
                "save cancelled; your changes are kept",
            ),
            N::CopySaved { copy } => format!(
                "{} {}; {}",
                lang.pick("บันทึกของคุณไว้ที่", "saved yours as"),
                copy.display(),
                lang.pick("โหลดฉบับบนดิสก์แล้ว", "loaded the version on disk")
            ),
            N::CopySavedNotReloaded { copy, why } => format!("{} ✓; {why}", copy.display()),
            N::Merged { unsaved: true } => say(
                "โหลดฉบับบนดิสก์และรวมการแก้ไขที่ยังไม่บันทึกของคุณแล้ว (u ย้อนไปฉบับบนดิสก์ · Ctrl-S บันทึก)",
                "loaded the version on disk and merged your unsaved edits into it (u goes back to the version on disk, Ctrl-S saves)",
            ),
            N::Merged { unsaved: false } => say(
                "โหลดฉบับบนดิสก์แล้ว ไม่มีการแก้ไขของคุณที่ต่างจากฉบับนั้น",
                "loaded the version on disk; none of your edits differ from it",
            ),
            N::Created { file } => format!("{} {file}", lang.pick("สร้างแล้ว:", "created:")),
            N::Exported { path } => {
                format!("{} {}", lang.pick("ส่งออกแล้ว:", "exported:"), path.display())
            }
            N::Added { id } => format!("{} {id}", lang.pick("เพิ่มแล้ว:", "added:")),
            N::Deleted { id } => format!(
                "{} {id} — {}",
                lang.pick("ลบแล้ว:", "deleted:"),
                lang.pick("กด u เพื่อเลิกทำ", "u undoes it")
            ),
            N::NothingToUndo => say("ไม่มีอะไรให้ย้อน", "nothing to undo"),
            N::Refused { reason } | N::ReadOnly { reason } => reason.clone(),
            N::FieldReadOnly { field } => form::read_only_reason(*field, lang)
                .unwrap_or_else(|| lang.pick("ช่องนี้แก้ไขไม่ได้", "this field is not edited"))
                .to_string(),
            N::PasteIgnored => say(
                "ไม่ได้วางข้อความ: กด Enter ที่ช่องที่จะวางก่อน",
                "paste ignored: open a text field (Enter) first, then paste",
            ),
            N::IndicatorsInRiskEditor => say(
                "เพิ่มและลบตัวชี้วัดในหน้าแก้ไขความเสี่ยง",
                "indicators are added and deleted in the risk editor",
            ),
            N::MoveToIndicatorToDelete => say(
                "เลื่อนไปที่ตัวชี้วัดที่จะลบก่อน",
                "move to the indicator to delete first",
            ),
            N::MoveToMeasureToDelete => say(
                "เลื่อนไปที่มาตรการที่จะลบก่อน",
                "move to the measure to delete first",
            ),
            N::MoveToMeasureToAddIndicator => say(
                "เลื่อนไปที่มาตรการที่จะเพิ่มตัวชี้วัดก่อน",
                "move to the measure to add an indicator to first",
            ),
            N::ResidualHasNoCell => say(
                "ความเสี่ยงคงเหลือของวิธีนี้มาจากตารางการควบคุม ไม่มีตำแหน่งในเมทริกซ์",
                "this methodology derives residual risk from controls; it has no cell",
            ),
            N::NameFirst => say(
                "ใส่ชื่อของคุณ (name) ในไฟล์ตั้งค่าก่อน",
                "put your name (name) in the settings file first",
            ),
            N::HasRegister => say("สำนักนี้มีทะเบียนแล้ว", "this bureau already has a register"),
            N::NoRegisterThisYear => say(
                "สำนักนี้ยังไม่มีทะเบียนในปีนี้ (n สร้างใหม่)",
                "this bureau has no register this year (n creates one)",
            ),
            N::SaveBeforeYearChange => say(
                "บันทึกก่อนเปลี่ยนปีงบประมาณ (Ctrl-S)",
                "save before changing the fiscal year (Ctrl-S)",
            ),
            N::StillLoading { done, total } => format!(
                "{} {done}/{total} — {}",
                lang.pick("กำลังอ่านทะเบียน", "reading registers"),
                lang.pick("รอให้อ่านครบก่อน", "wait until every register is read")
            ),
            N::Settings { problems } => problems
                .iter()
                .map(|p| p.get(lang))
                .collect::<Vec<_>>()
                .join("; "),
            N::Failed { why } => why.clone(),
            N::Unable { why } => why.get(lang).to_string(),
            N::NoToday(why) => why.text(lang),
            N::Unreadable(e) => e.text(lang),
            N::AuthorFirst { settings } => match lang {
                Lang::Th => format!(
                    "ยัง commit ไม่ได้: ใส่ชื่อ (name) และอีเมล (email) ของคุณในไฟล์ตั้งค่า {settings} ก่อน เช่น name: \"สมชาย ใจดี\", email: \"somchai@example.go.th\""
                ),
                Lang::En => format!(
                    "cannot commit yet: put your name (name) and e-mail (email) in the settings file {settings}, e.g. name: \"Somchai Jaidee\", email: \"somchai@example.go.th\""
                ),
            },
            N::NothingToCommit => say(
                "ไม่มีอะไรต้อง commit: ทะเบียนที่บันทึกแล้วตรงกับ commit ล่าสุด",
                "nothing to commit: the saved registers are as last committed",
            ),
            N::Committed { id, codes } => format!(
                "{} {} ({})",
                lang.pick("commit แล้ว:", "committed:"),
                &id[..id.len().min(10)],
                codes.join(", ")
            ),
            N::CommitRefused => say(
                "commit ไม่สำเร็จ ไม่มีข้อมูลสูญหาย: ไฟล์ยังอยู่ตามที่บันทึกไว้",
                "commit refused; nothing is lost: the files are as saved",
            ),
            N::MoveToRiskOrMeasure => say(
                "เลือกความเสี่ยงหรือมาตรการก่อน",
                "move to a risk or a measure first",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every notice that has words of its own says them in both languages,
    /// and the English words hold no Thai.
    #[test]
    fn notices_speak_both_languages() {
        let all = [
            Notice::Saved {
                codes: vec!["FIN".into(), "CAB".into()],
            },
            Notice::NothingToSave,
            Notice::SaveCancelled,
            Notice::CopySaved {
                copy: "2568/FIN.mine.ron".into(),
            },
            Notice::Merged { unsaved: true },
            Notice::Merged { unsaved: false },
            Notice::Created {
                file: "2568/FIN.ron".into(),
            },
            Notice::Exported {
                path: "s.xlsx".into(),
            },
            Notice::Added { id: "R9".into() },
            Notice::Deleted { id: "R9".into() },
            Notice::NothingToUndo,
            Notice::FieldReadOnly {
                field: Field::Approval,
            },
            Notice::PasteIgnored,
            Notice::IndicatorsInRiskEditor,
            Notice::MoveToIndicatorToDelete,
            Notice::MoveToMeasureToDelete,
            Notice::MoveToMeasureToAddIndicator,
            Notice::ResidualHasNoCell,
            Notice::NameFirst,
            Notice::HasRegister,
            Notice::NoRegisterThisYear,
            Notice::SaveBeforeYearChange,
            Notice::AuthorFirst {
                settings: "settings.ron".into(),
            },
            Notice::NothingToCommit,
            Notice::Committed {
                id: "0123456789abcdef".into(),
                codes: vec!["FIN".into()],
            },
            Notice::CommitRefused,
            Notice::MoveToRiskOrMeasure,
            Notice::StillLoading {
                done: 340,
                total: 1000,
            },
        ];
        let thai = |s: &str| s.chars().any(|c| ('\u{0e00}'..='\u{0e7f}').contains(&c));
        for n in all {
            let (th, en) = (n.text(Lang::Th), n.text(Lang::En));
            assert!(thai(&th), "{n:?} in Thai: {th}");
            assert!(!thai(&en) && !en.is_empty(), "{n:?} in English: {en}");
        }
    }

    #[test]
    fn saved_names_the_registers_and_failures_are_errors() {
        let saved = Notice::Saved {
            codes: vec!["FIN".into(), "CAB".into()],
        };
        assert_eq!(saved.text(Lang::En), "saved: FIN, CAB");
        assert_eq!(saved.level(), Level::Info);
        let failed = Notice::Failed {
            why: "disk full".into(),
        };
        assert_eq!(failed.text(Lang::Th), "disk full");
        assert_eq!(failed.level(), Level::Error);
        assert_eq!(Notice::NameFirst.level(), Level::Warning);
    }
}
