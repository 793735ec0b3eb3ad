//! `riskreg hook install`: the git pre-commit hook.

use super::diff::base_dir;
use super::out::Out;
use riskreg::audit::hook::{self, Installed};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn install(dir: Option<PathBuf>, force: bool) -> ExitCode {
    let result = base_dir(dir.as_deref()).and_then(|cwd| {
        let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("riskreg"));
        hook::install(&cwd, &exe, force)
    });
    let shown = |p: &PathBuf| super::targets::shown(p);
    match result {
        Ok(done) => {
            let line = match &done {
                Installed::New(p) => format!("installed {}", shown(p)),
                Installed::Updated(p) => format!("updated {}", shown(p)),
                Installed::Replaced(p) => format!("replaced the previous hook {}", shown(p)),
            };
            let mut out = Out::default();
            out.line(line);
            out.finish(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
