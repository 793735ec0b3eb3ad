//! `riskreg init [DIR]`: start a registers directory for a secretariat — the
//! files, a git repository (or a folder of the one DIR is in), the
//! pre-commit hook and a `.gitignore`.

use super::out::{Out, say};
use super::targets::shown;
use riskreg::audit::git::Repo;
use riskreg::audit::hook::{self, Installed};
use riskreg::model::{Bureau, Label};
use riskreg::store::starter::StartError;
use riskreg::store::{Expect, SaveError, atomic, starter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Options {
    /// The folder to start in (default: the current directory); registers go
    /// in its registers/ (or in DIR itself when DIR is named registers)
    pub dir: Option<PathBuf>,
    /// The secretariat's name in Thai, as reports title it
    #[arg(long, value_name = "NAME")]
    pub secretariat: Option<String>,
    /// The secretariat's name in English
    #[arg(long, value_name = "NAME")]
    pub secretariat_en: Option<String>,
    /// A bureau to list: CODE or CODE=Thai name (repeat for each bureau)
    #[arg(long = "bureau", value_name = "CODE[=NAME]")]
    pub bureaus: Vec<String>,
}

/// What `.gitignore` keeps out of the repository: riskreg's temporary files
/// and what editors and office programs leave beside the files they open.
pub const GITIGNORE: &str = "\
# written by `riskreg init`: files that are not registers
.riskreg-*.tmp
*~
*.swp
~$*
.~lock.*#
.DS_Store
Thumbs.db
";

/// The next steps printed at the end, for someone who has never used git.
fn next_steps(registers: &str, bureaus_given: bool) -> String {
    if super::lang::current() == riskreg::model::Lang::Th {
        let fill = if bureaus_given {
            format!("ตรวจชื่อสำนักใน {registers}/bureaus.ron")
        } else {
            format!("ใส่รายชื่อสำนัก (รหัสและชื่อ) ใน {registers}/bureaus.ron")
        };
        return format!(
            "ขั้นต่อไป:\n  1. {fill}\n  2. riskreg validate      (ตรวจไฟล์)\n  \
             3. riskreg               (เปิดหน้าจอโปรแกรม กด n ที่สำนักเพื่อสร้างทะเบียน)\n  \
             4. git add . && git commit -m \"เริ่มทะเบียน\"   (บันทึกฉบับแรกนี้ไว้)"
        );
    }
    let fill = if bureaus_given {
        format!("check the names in {registers}/bureaus.ron")
    } else {
        format!("list your bureaus (code and name) in {registers}/bureaus.ron")
    };
    format!(
        "next:\n  1. {fill}\n  2. riskreg validate      (checks the files)\n  \
         3. riskreg               (opens the interface; press n on a bureau to create its register)\n  \
         4. git add . && git commit -m \"Start the registers\"   (records this first version)"
    )
}

pub fn run(opts: &Options) -> ExitCode {
    match start(opts) {
        Ok(code) => code,
        Err(message) => {
            super::out::error(message);
            ExitCode::from(1)
        }
    }
}

fn start(opts: &Options) -> Result<ExitCode, String> {
    let bureaus = opts
        .bureaus
        .iter()
        .map(|b| parse_bureau(b))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("--bureau {e}"))?;
    let secretariat = match (&opts.secretariat, &opts.secretariat_en) {
        (None, None) => None,
        (th, en) => Some(Label::new(
            th.clone().unwrap_or_default(),
            en.clone().unwrap_or_default(),
        )),
    };
    let given = opts.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    // `riskreg init registers` means the registers directory itself
    let (folder, registers) = if given.file_name().is_some_and(|n| n == "registers") {
        let parent = given
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        (parent, given.clone())
    } else {
        (given.clone(), given.join("registers"))
    };
    let today = super::lang::today()?;
    let year = today.fiscal_year().be();
    let list = starter::bureau_list(secretariat, bureaus);
    let written = starter::start(&registers, &list, year).map_err(|e| start_text(&e))?;
    let folder = folder.canonicalize().map_err(|e| {
        say(
            format!("{}: เปิดไม่ได้ ({e})", folder.display()),
            format!("{}: {e}", folder.display()),
        )
    })?;
    let mut out = Out::default();
    for path in &written {
        out.line(created(path));
    }
    let repo = match Repo::discover(&folder) {
        Ok(repo) => {
            out.line(say(
                format!("ทะเบียนเป็นโฟลเดอร์หนึ่งในคลัง git {}", shown(&repo.root)),
                format!(
                    "registers are a folder of the git repository {}",
                    shown(&repo.root)
                ),
            ));
            repo
        }
        Err(_) => {
            let repo = Repo::init(&folder).map_err(|e| super::verify::audit_text(&e))?;
            out.line(say(
                format!("สร้างคลัง git {} แล้ว", shown(&repo.root)),
                format!("created the git repository {}", shown(&repo.root)),
            ));
            repo
        }
    };
    let ignore = folder.join(".gitignore");
    match atomic::save_checked(&ignore, Expect::Absent, GITIGNORE.as_bytes()) {
        Ok(_) => out.line(created(&ignore)),
        Err(SaveError::Exists { .. }) => {
            out.line(say(
                format!("คง {} ที่มีอยู่เดิมไว้", shown(&ignore)),
                format!("kept the existing {}", shown(&ignore)),
            ));
        }
        Err(e) => return Err(e.text(super::lang::current())),
    }
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("riskreg"));
    let hooked = hook::install(&repo.root, &exe, false);
    let code = match hooked {
        Ok(Installed::New(p) | Installed::Updated(p) | Installed::Replaced(p)) => {
            out.line(say(
                format!("ติดตั้ง pre-commit hook {} แล้ว", shown(&p)),
                format!("installed the pre-commit hook {}", shown(&p)),
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            // everything else is in place; say so and that this part is not
            super::out::error(say(
                format!(
                    "สร้างทะเบียนแล้ว แต่ยังไม่ได้ติดตั้ง pre-commit hook: {}",
                    super::verify::audit_text(&e)
                ),
                format!("the registers are created, but the pre-commit hook is not installed: {e}"),
            ));
            ExitCode::from(1)
        }
    };
    out.line(next_steps(&shown(&registers), !opts.bureaus.is_empty()));
    Ok(code)
}

/// `CODE` or `CODE=ชื่อ`.
fn created(path: &Path) -> String {
    say(
        format!("สร้าง {} แล้ว", shown(path)),
        format!("created {}", shown(path)),
    )
}

fn parse_bureau(text: &str) -> Result<Bureau, String> {
    let (code, name) = match text.split_once('=') {
        Some((c, n)) => (c.trim(), n.trim()),
        None => (text.trim(), ""),
    };
    let code = super::export::bureau_code(code).map_err(|e| format!("{text:?}: {e}"))?;
    Ok(Bureau {
        code,
        name: Label::new(name, ""),
        abbreviation: String::new(),
    })
}

/// Why the directory cannot be started, in the language of the run.
fn start_text(e: &StartError) -> String {
    match e {
        StartError::AlreadyRegisters(p) => say(
            format!(
                "{} มีไดเรกทอรีทะเบียนอยู่แล้ว (มี {} อยู่) จึงไม่ได้เขียนสิ่งใด",
                p.display(),
                riskreg::store::layout::BUREAUS_FILE
            ),
            e,
        ),
        StartError::NotEmpty(p) => say(
            format!(
                "{} มีอยู่แล้วและไม่ว่าง โปรดระบุไดเรกทอรีใหม่หรือไดเรกทอรีว่าง จึงไม่ได้เขียนสิ่งใด",
                p.display()
            ),
            e,
        ),
        StartError::Save(save) => save.text(super::lang::current()),
        StartError::Io(p, why) => say(format!("{}: เขียนไม่ได้ ({why})", p.display()), e),
    }
}
