//! `riskreg roll`: start next year's registers from this year's.

use super::out::Out;
use super::progress::StderrBar;
use super::targets::{self, shown};
use riskreg::model::{FiscalYear, Register};
use riskreg::store::{self, Loaded, layout};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Options {
    /// The fiscal year to roll over (Buddhist era), e.g. 2567
    pub from: u16,
    /// Only these bureaus (codes); default all
    #[arg(long = "bureau", value_name = "CODE")]
    pub bureaus: Vec<String>,
    /// The registers directory; default the one of the current directory
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

pub fn run(opts: &Options) -> ExitCode {
    let root = match targets::root_or_exit(opts.dir.as_ref()) {
        Ok(root) => root,
        Err(code) => return code,
    };
    let root = root.as_path();
    let from = match FiscalYear::new(opts.from) {
        Ok(y) => y,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let (registers, errors) = match store::load_year_with(root, from.be(), &StderrBar::new()) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    if !errors.is_empty() {
        for e in errors {
            eprintln!("{}", super::out::diagnostic_line(&e.into()));
        }
        eprintln!(
            "error: fix the files above before rolling fiscal year {from} over; nothing was written"
        );
        return ExitCode::from(1);
    }
    let chosen: Vec<&Loaded<Register>> = registers
        .iter()
        .filter(|r| {
            opts.bureaus.is_empty() || opts.bureaus.iter().any(|b| b == r.value.bureau.as_str())
        })
        .collect();
    if chosen.is_empty() {
        eprintln!(
            "error: no registers for fiscal year {from}{} under {}",
            bureau_list(&opts.bureaus),
            shown(root)
        );
        return ExitCode::from(1);
    }
    let to = from.next();
    let mut out = Out::default();
    let mut failed = 0;
    for reg in chosen {
        let next = reg.value.rolled_over();
        let path = layout::register_path(root, to.be(), next.bureau.as_str());
        if let Some(dir) = path.parent()
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            eprintln!("error: {}: {e}", shown(dir));
            return ExitCode::from(1);
        }
        let measures: usize = next.risks.iter().map(|r| r.measures.len()).sum();
        let risks = next.risks.len();
        match Loaded::create(&path, next) {
            Ok(_) => out.line(format!(
                "created {} from {} ({risks} risks, {measures} measures; monitoring and sign-offs cleared, allocations now requested)",
                shown(&path),
                shown(&reg.path)
            )),
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
        }
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn bureau_list(bureaus: &[String]) -> String {
    if bureaus.is_empty() {
        String::new()
    } else {
        format!(" of {}", bureaus.join(", "))
    }
}
