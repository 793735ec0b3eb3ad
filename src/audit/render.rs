//! Changes in words: one line each for the TUI, plain text for the
//! terminal, Markdown for pull requests and audit memos, JSON for tools.

use super::change::{Change, ChangeKind, Level, Side, Subject};
use crate::model::Lang;
use std::fmt::Write;

/// What a change is about, e.g. `risk FIN-R1`, `measure FIN-M1, round 6m`;
/// empty for the register itself.
pub fn subject(t: &Subject, lang: Lang) -> String {
    match t {
        Subject::Register => String::new(),
        Subject::Risk { risk } => format!("{} {risk}", lang.pick("ความเสี่ยง", "risk")),
        Subject::Measure { measure, .. } => {
            format!("{} {measure}", lang.pick("มาตรการ", "measure"))
        }
        Subject::Round { measure, round, .. } => format!(
            "{} {measure}, {} {round}",
            lang.pick("มาตรการ", "measure"),
            lang.pick("รอบ", "round")
        ),
    }
}

/// What happened, without the subject.
pub fn what(c: &Change, lang: Lang) -> String {
    let p = |th: &'static str, en: &'static str| lang.pick(th, en).to_string();
    match &c.kind {
        ChangeKind::Added => match c.target {
            Subject::Register => p("เพิ่มทะเบียนใหม่", "register added"),
            Subject::Round { .. } => p("บันทึกผลรอบนี้", "monitoring recorded"),
            _ => p("เพิ่ม", "added"),
        },
        ChangeKind::Removed => match c.target {
            Subject::Register => p("ลบทะเบียน", "register removed"),
            Subject::Round { .. } => p("ลบผลการติดตามรอบนี้", "monitoring removed"),
            _ => p("ลบ", "removed"),
        },
        ChangeKind::Moved { from } => format!("{} {from}", lang.pick("ย้ายมาจาก", "moved from")),
        ChangeKind::Unparsable { side, message } => format!(
            "{}: {message}",
            match side {
                Side::Old => lang.pick(
                    "อ่านไฟล์ฉบับเดิมไม่ได้ จึงเปรียบเทียบเนื้อหาไม่ได้",
                    "does not parse at the old revision, content not compared"
                ),
                Side::New => lang.pick(
                    "อ่านไฟล์ฉบับใหม่ไม่ได้ จึงเปรียบเทียบเนื้อหาไม่ได้",
                    "does not parse at the new revision, content not compared"
                ),
            }
        ),
        ChangeKind::Field { words: Some(w), .. } => format!(
            "{}: {} → {}",
            w.label.get(lang),
            w.old.get(lang),
            w.new.get(lang)
        ),
        ChangeKind::Field {
            field, old, new, ..
        } => format!("{field}: {old} → {new}"),
        ChangeKind::Band {
            level,
            old,
            new,
            direction,
        } => {
            let name = |b: &Option<super::change::BandName>| {
                b.as_ref()
                    .map_or_else(|| p("(ไม่มี)", "(none)"), |b| b.label.get(lang).to_string())
            };
            let level = match level {
                Level::Inherent => p("ระดับความเสี่ยงก่อนควบคุม", "inherent risk"),
                Level::Residual => p("ระดับความเสี่ยงคงเหลือ", "residual risk"),
            };
            let verb = match direction {
                1 => p("สูงขึ้น", "rises"),
                -1 => p("ลดลง", "falls"),
                _ => p("เปลี่ยน", "changes"),
            };
            format!("{level} {verb}: {} → {}", name(old), name(new))
        }
        ChangeKind::Status { old, new } => {
            let mut s = format!(
                "{}: {} → {}",
                lang.pick("สถานะ", "status"),
                old.label(lang),
                new.label(lang)
            );
            if new > old {
                let _ = write!(s, " ({})", new.meaning(lang));
            }
            s
        }
        ChangeKind::Implementation { old, new } => {
            let label = |i: &crate::model::Implementation| match i {
                crate::model::Implementation::Other(why) => format!("{} ({why})", i.label(lang)),
                _ => i.label(lang).to_string(),
            };
            format!(
                "{}: {} → {}",
                lang.pick("ผลการดำเนินการ", "implementation"),
                label(old),
                label(new)
            )
        }
        ChangeKind::Disbursed { old, new } => format!(
            "{}: {} → {} {}",
            lang.pick("เบิกจ่ายสะสม", "disbursed"),
            old.grouped(),
            new.grouped(),
            lang.pick("บาท", "baht")
        ),
        ChangeKind::Approved {
            name,
            position,
            date,
        } => format!(
            "{} {name} ({position}), {}",
            lang.pick("อนุมัติโดย", "approved by"),
            shown_date(date, lang)
        ),
        ChangeKind::ApprovalWithdrawn { name } => {
            format!(
                "{} {name}",
                lang.pick("ยกเลิกการอนุมัติของ", "approval withdrawn:")
            )
        }
    }
}

/// The change as one line without the file: `risk FIN-R1: inherent risk rises: medium → high`.
/// A stored date (`2567-03-31`) as shown: unchanged in English, the Thai
/// way (`31 มี.ค. 2567`) in Thai; text that is no date stays as it is.
fn shown_date(stored: &str, lang: Lang) -> String {
    crate::model::Date::try_from(stored.to_string())
        .map_or_else(|_| stored.to_string(), |d| d.written(lang))
}

pub fn line(c: &Change, lang: Lang) -> String {
    let s = subject(&c.target, lang);
    if s.is_empty() {
        what(c, lang)
    } else {
        format!("{s}: {}", what(c, lang))
    }
}

/// A short line for the TUI: at most `MAX` characters, long values cut with `…`.
pub fn one_line(c: &Change, lang: Lang) -> String {
    const MAX: usize = 100;
    let full = line(c, lang);
    if full.chars().count() <= MAX {
        return full;
    }
    let mut cut: String = full.chars().take(MAX - 1).collect();
    cut.push('…');
    cut
}

/// Changes grouped by file, as plain text.
pub fn text(changes: &[Change], lang: Lang) -> String {
    let mut out = String::new();
    for (file, group) in by_file(changes) {
        let _ = writeln!(out, "{file}{}", heading_suffix(group[0], lang));
        for c in group {
            let _ = writeln!(out, "  {}", line(c, lang));
        }
    }
    if changes.is_empty() {
        out.push_str(lang.pick("ไม่มีการเปลี่ยนแปลงในทะเบียน\n", "no changes to registers\n"));
    }
    out
}

/// Changes grouped by file, as Markdown for a pull request or an audit memo.
pub fn markdown(changes: &[Change], lang: Lang) -> String {
    let mut out = String::new();
    if changes.is_empty() {
        out.push_str(lang.pick("ไม่มีการเปลี่ยนแปลงในทะเบียน\n", "No changes to registers.\n"));
        return out;
    }
    for (file, group) in by_file(changes) {
        let _ = writeln!(
            out,
            "### {}{}\n",
            code(file),
            heading_suffix(group[0], lang)
        );
        markdown_items(&mut out, &group, lang);
        out.push('\n');
    }
    out
}

/// One Markdown list item per change, for a file's section or a commit's.
pub fn markdown_items(out: &mut String, changes: &[&Change], lang: Lang) {
    for c in changes {
        let s = subject(&c.target, lang);
        let w = match &c.kind {
            // without words (never from `diff`), names and values as in the file
            ChangeKind::Field {
                field,
                old,
                new,
                words: None,
            } => {
                format!("{}: {} → {}", code(field), code(old), code(new))
            }
            _ => md_escape(&what(c, lang)),
        };
        if s.is_empty() {
            let _ = writeln!(out, "- {w}");
        } else {
            let _ = writeln!(out, "- **{}**: {w}", md_escape(&s));
        }
    }
}

/// Changes as JSON (an array of objects with stable ids), or a history.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn heading_suffix(c: &Change, lang: Lang) -> String {
    match (&c.bureau, c.year) {
        (Some(b), Some(y)) => format!(" ({b}, {}{y})", lang.pick("ปีงบประมาณ ", "FY")),
        _ => String::new(),
    }
}

fn by_file(changes: &[Change]) -> Vec<(&str, Vec<&Change>)> {
    let mut out: Vec<(&str, Vec<&Change>)> = Vec::new();
    for c in changes {
        match out.last_mut() {
            Some((f, group)) if *f == c.file => group.push(c),
            _ => out.push((&c.file, vec![c])),
        }
    }
    out
}

/// A code span that holds `s` whatever backticks it contains.
pub fn code(s: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for ch in s.chars() {
        run = if ch == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    if longest == 0 {
        format!("{fence}{s}{fence}")
    } else {
        format!("{fence} {s} {fence}")
    }
}

/// Escapes what Markdown would read as markup in free text.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
