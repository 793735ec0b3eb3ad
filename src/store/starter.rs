//! A new registers directory for a secretariat starting with riskreg: the
//! shared files it needs before the first register can be written (a bureau
//! list to fill in, the approach groups, both shipped methodologies) and the
//! directory of the current fiscal year, every file written atomically and
//! none over an existing one.

use super::{SaveError, atomic, layout, to_canonical};
use crate::model::{Approach, ApproachId, ApproachList, Bureau, BureauCode, BureauList, Label};
use std::path::{Path, PathBuf};

/// The methodologies shipped with riskreg, as the sample registers hold them
/// (already canonical): written byte for byte.
pub const METHODOLOGIES: [(&str, &str); 2] = [
    (
        "coso-5x5-v1.ron",
        include_str!("../../registers/methodology/coso-5x5-v1.ron"),
    ),
    (
        "pacc-3x3-v1.ron",
        include_str!("../../registers/methodology/pacc-3x3-v1.ron"),
    ),
];

/// The secretariat's name when none is given: says where to put the real one.
pub const SECRETARIAT_PLACEHOLDER: (&str, &str) = (
    "ชื่อสำนักงาน (แก้ไขใน bureaus.ron)",
    "Name of the secretariat (edit in bureaus.ron)",
);

/// The bureau listed when none is given, so a first register can be created.
pub const BUREAU_PLACEHOLDER: (&str, &str, &str) = (
    "B1",
    "สำนักที่ 1 (แก้ไขรหัสและชื่อใน bureaus.ron)",
    "Bureau 1 (edit its code and name in bureaus.ron)",
);

/// The bureau list of a new directory: the secretariat's name (or a
/// placeholder) and the bureaus given (or one placeholder bureau).
pub fn bureau_list(secretariat: Option<Label>, bureaus: Vec<Bureau>) -> BureauList {
    let secretariat = secretariat
        .unwrap_or_else(|| Label::new(SECRETARIAT_PLACEHOLDER.0, SECRETARIAT_PLACEHOLDER.1));
    let bureaus = if bureaus.is_empty() {
        let (code, th, en) = BUREAU_PLACEHOLDER;
        vec![Bureau {
            code: BureauCode::new(code).expect("the placeholder code is a valid id"),
            name: Label::new(th, en),
            abbreviation: String::new(),
        }]
    } else {
        bureaus
    };
    BureauList {
        secretariat,
        bureaus,
    }
}

/// The approach groups of the PACC fraud-prevention plan, worded for any
/// organisation.
pub fn approach_list() -> ApproachList {
    let approach = |id: &str, th: &str, en: &str| Approach {
        id: ApproachId::new(id).expect("a fixed valid id"),
        label: Label::new(th, en),
    };
    ApproachList {
        approaches: vec![
            approach(
                "knowledge",
                "การเสริมสร้างความรู้และทัศนคติเกี่ยวกับการป้องกันการทุจริต หรือมาตรฐานจริยธรรม หรือธรรมาภิบาล",
                "Building knowledge and attitudes on corruption prevention, ethical standards or good governance",
            ),
            approach(
                "standards",
                "การกำหนดมาตรการหรือส่งเสริมมาตรฐานจริยธรรม หรือธรรมาภิบาลในการป้องกันการทุจริตภายในหน่วยงาน",
                "Setting measures or promoting ethical standards and good governance to prevent corruption within the organisation",
            ),
        ],
    }
}

/// Why a directory cannot be started here; nothing was written.
#[derive(Debug)]
pub enum StartError {
    /// `root` or a directory above it already is a registers directory.
    AlreadyRegisters(PathBuf),
    /// `root` exists and holds files: riskreg will not mix its files in.
    NotEmpty(PathBuf),
    Save(SaveError),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::AlreadyRegisters(p) => write!(
                f,
                "{} already holds a registers directory ({} is there); nothing was written",
                p.display(),
                layout::BUREAUS_FILE
            ),
            StartError::NotEmpty(p) => write!(
                f,
                "{} exists and is not empty; give a new or empty directory; nothing was written",
                p.display()
            ),
            StartError::Save(e) => write!(f, "{e}"),
            StartError::Io(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

impl std::error::Error for StartError {}

/// Writes a new registers directory at `root` (created if missing; it must
/// be empty) with `bureaus`, the approach groups, the shipped methodologies
/// and an empty directory for fiscal year `year`. Returns the files written.
/// Refuses when `root` or a directory above it is already a registers
/// directory.
pub fn start(root: &Path, bureaus: &BureauList, year: u16) -> Result<Vec<PathBuf>, StartError> {
    // `root` itself, its registers/ child or a directory above it
    let absolute = std::path::absolute(root).map_err(|e| StartError::Io(root.to_path_buf(), e))?;
    if let Some(existing) = layout::find_root(&absolute) {
        return Err(StartError::AlreadyRegisters(existing));
    }
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |e| StartError::Io(p, e)
    };
    match std::fs::read_dir(root) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(StartError::NotEmpty(root.to_path_buf()));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(StartError::Io(root.to_path_buf(), e)),
    }
    let method_dir = root.join(layout::METHODOLOGY_DIR);
    std::fs::create_dir_all(&method_dir).map_err(io(&method_dir))?;
    let year_dir = layout::year_dir(root, year);
    std::fs::create_dir_all(&year_dir).map_err(io(&year_dir))?;
    let canonical = |path: &Path, text: Result<String, String>| {
        text.map_err(|message| {
            StartError::Save(SaveError::Serialize {
                path: path.to_path_buf(),
                message,
            })
        })
    };
    let bureaus_path = root.join(layout::BUREAUS_FILE);
    let approaches_path = root.join(layout::APPROACHES_FILE);
    let mut files = vec![
        (
            bureaus_path.clone(),
            canonical(&bureaus_path, to_canonical(bureaus))?,
        ),
        (
            approaches_path.clone(),
            canonical(&approaches_path, to_canonical(&approach_list()))?,
        ),
    ];
    for (name, text) in METHODOLOGIES {
        files.push((method_dir.join(name), text.to_string()));
    }
    // git keeps no empty directory: a marker keeps the year in a clone
    files.push((year_dir.join(".gitkeep"), String::new()));
    let mut written = Vec::new();
    for (path, text) in files {
        atomic::save_checked(&path, atomic::Expect::Absent, text.as_bytes())
            .map_err(StartError::Save)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_methodologies_are_the_sample_files_and_parse() {
        for (name, text) in METHODOLOGIES {
            let m: crate::method::Methodology =
                crate::store::parse(Path::new(name), text.as_bytes(), crate::store::METHODOLOGY)
                    .expect("parses");
            assert_eq!(
                text,
                to_canonical(&m).expect("canonical"),
                "{name} is canonical"
            );
        }
    }

    #[test]
    fn placeholders_are_valid_and_named_for_editing() {
        let list = bureau_list(None, Vec::new());
        assert_eq!(list.bureaus.len(), 1);
        assert!(list.secretariat.th.contains("bureaus.ron"));
        let given = bureau_list(Some(Label::new("สำนักงาน ก", "")), Vec::new());
        assert_eq!(given.secretariat.th, "สำนักงาน ก");
    }
}
