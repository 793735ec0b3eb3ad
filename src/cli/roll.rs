//! `riskreg roll`: start next year's registers from this year's.

use super::out::{Out, say};
use super::progress::StderrBar;
use super::targets::{self, shown};
use riskreg::check;
use riskreg::model::Register;
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
    let from = match super::summary::fiscal_year(opts.from) {
        Ok(y) => y,
        Err(e) => {
            super::out::error(e);
            return ExitCode::from(2);
        }
    };
    // a year that cannot be listed is said as such, not as "no registers"
    if let Err(e) = store::year_files(root, from.be()) {
        super::out::error(e.text(super::lang::current()));
        return ExitCode::from(1);
    }
    // figures rolled from registers with errors would carry the errors on;
    // the registers checked are the ones rolled, read once
    let checked = check::load_year(root, from.be(), &StderrBar::new());
    if let Some(code) = super::out::refuse_on_errors(
        &checked.report,
        &say(
            format!(
                "แก้ไขไฟล์ข้างต้นก่อนจึงจะขึ้นปีงบประมาณใหม่จากปี {from} ได้ (`riskreg validate` แสดงข้อผิดพลาดเหล่านี้พร้อมคำเตือน) จึงไม่ได้เขียนสิ่งใด"
            ),
            format!(
                "fix the files above before rolling fiscal year {from} over (`riskreg validate` shows them with the warnings); nothing was written"
            ),
        ),
    ) {
        return code;
    }
    let registers = checked.registers;
    let chosen: Vec<&Loaded<Register>> = registers
        .iter()
        .filter(|r| {
            opts.bureaus.is_empty() || opts.bureaus.iter().any(|b| b == r.value.bureau.as_str())
        })
        .collect();
    if chosen.is_empty() {
        super::out::error(say(
            format!(
                "ไม่มีทะเบียนของปีงบประมาณ {from}{} ใน {}",
                bureau_list(&opts.bureaus, " ของ "),
                shown(root)
            ),
            format!(
                "no registers for fiscal year {from}{} under {}",
                bureau_list(&opts.bureaus, " of "),
                shown(root)
            ),
        ));
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
            super::out::error(say(
                format!("{}: สร้างไดเรกทอรีไม่ได้ ({e})", shown(dir)),
                format!("{}: {e}", shown(dir)),
            ));
            return ExitCode::from(1);
        }
        let measures: usize = next.risks.iter().map(|r| r.measures.len()).sum();
        let risks = next.risks.len();
        match Loaded::create(&path, next) {
            Ok(_) => out.line(say(
                format!(
                    "สร้าง {} จาก {} แล้ว (ความเสี่ยง {risks} รายการ มาตรการ {measures} รายการ; ล้างผลการติดตามและการลงนามแล้ว งบที่ได้รับจัดสรรเปลี่ยนเป็นงบที่ขอ)",
                    shown(&path),
                    shown(&reg.path)
                ),
                format!(
                    "created {} from {} ({risks} risks, {measures} measures; monitoring and sign-offs cleared, allocations now requested)",
                    shown(&path),
                    shown(&reg.path)
                ),
            )),
            Err(e) => {
                failed += 1;
                super::out::error(e.text(super::lang::current()));
            }
        }
    }
    out.finish(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn bureau_list(bureaus: &[String], of: &str) -> String {
    if bureaus.is_empty() {
        String::new()
    } else {
        format!("{of}{}", bureaus.join(", "))
    }
}
