//! The I/O that actions ask for: saving through the store's atomic,
//! conflict-checked save, saving a copy, reloading, changing year.

use super::app::{App, Effect, Modal};
use crate::store::{Loaded, SaveError};
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

pub fn perform(app: &mut App, effect: Effect) {
    let lang = app.lang;
    match effect {
        Effect::Save => save_all(app),
        Effect::SaveCopy(ix) => {
            let Some(entry) = app.ws.entries.get(ix) else {
                return;
            };
            let path = copy_path(&entry.loaded.path);
            match Loaded::create(&path, entry.loaded.value.clone()) {
                Ok(_) => {
                    let shown = path.display().to_string();
                    // the copy holds our version; show the one on disk now
                    match app.reload_dropping_mine(ix) {
                        Ok(()) => {
                            app.status = Some(format!(
                                "{} {shown}; {}",
                                lang.pick("บันทึกของคุณไว้ที่", "saved yours as"),
                                lang.pick("โหลดฉบับบนดิสก์แล้ว", "loaded the version on disk")
                            ));
                        }
                        Err(e) => app.status = Some(format!("{shown} ✓; {e}")),
                    }
                }
                Err(e) => app.status = Some(e.to_string()),
            }
        }
        Effect::Reload(ix) => match app.reload_merging(ix) {
            // with conflicts, the merge window asks, then says what it kept
            Ok(0) => app.status = Some(app.merged_status()),
            Ok(_) => {}
            Err(e) => app.status = Some(e),
        },
        Effect::LoadYear(year) => match app.ws.load_year(year) {
            Ok(()) => {
                app.forget_history();
                app.current = 0;
                app.overview_selected = 0;
                app.round = app.default_round();
            }
            Err(e) => app.status = Some(e),
        },
        Effect::CreateRegister(code) => {
            let made = crate::model::BureauCode::new(code.clone()).and_then(|bureau| {
                let year = crate::model::FiscalYear::new(app.ws.year)?;
                let others: Vec<&crate::model::Register> =
                    app.ws.entries.iter().map(|e| e.register()).collect();
                let methods = app.ws.catalog.method_values();
                super::records::new_register(bureau, year, &others, &methods)
            });
            match made.and_then(|reg| app.ws.create(reg)) {
                Ok(ix) => {
                    app.current = ix;
                    app.status = Some(format!(
                        "{} {}/{code}.ron",
                        lang.pick("สร้างแล้ว:", "created:"),
                        app.ws.year
                    ));
                    app.open_register();
                }
                Err(e) => app.status = Some(e),
            }
        }
        Effect::LoadChanges => {
            app.unsaved_changes = unsaved_changes(app);
            app.changes = match app.ws.entries.get(app.current) {
                None => Err(lang.pick("ไม่มีทะเบียน", "no register").into()),
                Some(e) => crate::audit::changes_against_head(&e.loaded.path)
                    .map(|cs| {
                        cs.iter()
                            .map(|c| crate::audit::render::one_line(c, lang))
                            .collect()
                    })
                    .map_err(|e| e.to_string()),
            };
        }
        Effect::Export(path) => {
            let format = path
                .extension()
                .and_then(|e| e.to_str())
                .and_then(crate::report::Format::parse);
            let result = match (&*app.summary(), format) {
                (Ok(summary), Some(format)) => {
                    let opts = crate::report::RenderOptions {
                        lang,
                        ..Default::default()
                    };
                    crate::report::write_output(summary, format, &opts, &path)
                        .map_err(|e| e.to_string())
                }
                (Err(e), _) => Err(e.clone()),
                (_, None) => Err(format!("{}: unknown format", path.display())),
            };
            app.status = Some(match result {
                Ok(()) => format!("{} {}", lang.pick("ส่งออกแล้ว:", "exported:"), path.display()),
                Err(e) => e,
            });
        }
    }
}

/// The unsaved edits of the register on screen, described as the audit
/// module describes commits: the saved value against the one on screen.
fn unsaved_changes(app: &App) -> Vec<String> {
    let Some(e) = app.ws.entries.get(app.current) else {
        return Vec::new();
    };
    app.change_lines(app.current, &e.saved, e.register())
}

/// Saves every register with unsaved edits; stops at the first conflict and
/// asks what to do with it.
fn save_all(app: &mut App) {
    let lang = app.lang;
    let mut saved = Vec::new();
    for ix in 0..app.ws.entries.len() {
        let entry = &mut app.ws.entries[ix];
        if !entry.dirty {
            continue;
        }
        match entry.loaded.save() {
            Ok(()) => {
                entry.saved = entry.loaded.value.clone();
                entry.touched();
                entry.changed_on_disk = false;
                saved.push(entry.code().to_string());
            }
            Err(SaveError::Conflict { .. }) => {
                app.modal = Modal::Conflict(ix);
                app.current = ix;
                app.ws.refresh_git();
                return;
            }
            Err(e) => {
                app.status = Some(e.to_string());
                app.ws.refresh_git();
                return;
            }
        }
    }
    app.ws.refresh_git();
    if app.screen == super::app::Screen::Changes {
        perform(app, Effect::LoadChanges);
    }
    app.status = Some(if saved.is_empty() {
        lang.pick("ไม่มีอะไรต้องบันทึก", "nothing to save").into()
    } else {
        format!("{} {}", lang.pick("บันทึกแล้ว:", "saved:"), saved.join(", "))
    });
}

/// `FIN.ron.mine-<seconds>`: beside the file, ignored by git, never clobbering.
pub fn copy_path(path: &std::path::Path) -> PathBuf {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".mine-{secs}"));
    path.with_file_name(name)
}
