//! Synthetic registers of any size, for benchmarks: a registers directory
//! with a bureau list naming `bureaus` bureaus and, for one fiscal year, a
//! canonical RON register per bureau of `risks` risks × `measures` measures,
//! each monitored at the 6- and 12-month rounds. Content is varied by a
//! fixed pseudo-random sequence, so every run writes the same files.

use crate::model::{
    Approach, ApproachList, Budget, Bureau, BureauCode, BureauList, CoResponsible, ControlQuality,
    Date, Factor, FiscalYear, Implementation, Label, Measure, MeasureKind, MethodRef, Money,
    Monitoring, Rating, Register, Risk, TrafficLight, YearMonth,
};
use crate::store::{layout, to_canonical};
use std::io;
use std::path::Path;

/// The sample 5×5 methodology the synthetic registers are rated under.
const METHODOLOGY: &str = include_str!("../../registers/methodology/coso-5x5-v1.ron");

/// How big a synthetic secretariat is.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub bureaus: usize,
    pub risks: usize,
    pub measures: usize,
}

/// A small deterministic generator (64-bit LCG): no dependency, same files
/// every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

fn invalid(e: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e)
}

fn code(i: usize) -> BureauCode {
    // a valid id by construction: letters and digits only
    BureauCode::new(format!("B{i:05}")).unwrap_or_else(|_| unreachable!("B + digits is an id"))
}

/// Writes the synthetic registers directory under `root` for fiscal year
/// `year`.
pub fn write(root: &Path, year: FiscalYear, size: Size) -> io::Result<()> {
    std::fs::create_dir_all(root.join(layout::METHODOLOGY_DIR))?;
    std::fs::create_dir_all(layout::year_dir(root, year.be()))?;
    std::fs::write(
        root.join(layout::METHODOLOGY_DIR).join("coso-5x5-v1.ron"),
        METHODOLOGY,
    )?;
    let bureaus = BureauList {
        secretariat: Label::new("สำนักงานสังเคราะห์", "Synthetic secretariat"),
        bureaus: (0..size.bureaus)
            .map(|i| Bureau {
                code: code(i),
                name: Label::new(format!("สำนักที่ {i}"), format!("Bureau {i}")),
                abbreviation: String::new(),
            })
            .collect(),
    };
    std::fs::write(
        root.join(layout::BUREAUS_FILE),
        to_canonical(&bureaus).map_err(invalid)?,
    )?;
    let approaches = ApproachList {
        approaches: ["knowledge", "standards", "control"]
            .iter()
            .map(|id| Approach {
                id: crate::model::ApproachId::new(*id)
                    .unwrap_or_else(|_| unreachable!("a fixed valid id")),
                label: Label::new(format!("แนวทาง {id}"), format!("Approach {id}")),
            })
            .collect(),
    };
    std::fs::write(
        root.join(layout::APPROACHES_FILE),
        to_canonical(&approaches).map_err(invalid)?,
    )?;
    for b in 0..size.bureaus {
        let reg = register(b, year, size)?;
        let path = layout::register_path(root, year.be(), reg.bureau.as_str());
        std::fs::write(path, to_canonical(&reg).map_err(invalid)?)?;
    }
    Ok(())
}

fn register(b: usize, year: FiscalYear, size: Size) -> io::Result<Register> {
    let mut rng = Lcg(b as u64 + 1);
    let ym = |y: u16, m: u8| YearMonth::new(y, m).map_err(|e| invalid(e.to_string()));
    let date = |y: u16, m: u8, d: u8| Date::new(y, m, d).map_err(|e| invalid(e.to_string()));
    let approaches = ["knowledge", "standards", "control"];
    let mut risks = Vec::with_capacity(size.risks);
    for r in 0..size.risks {
        let mut measures = Vec::with_capacity(size.measures);
        for m in 0..size.measures {
            let allocated = rng.next(4) == 0;
            let amount = Money::from_satang(rng.next(5_000_000) as i64);
            let budget = if allocated {
                Budget::Allocated {
                    amount,
                    source: "งบดำเนินงาน".into(),
                }
            } else {
                Budget::NotRequested
            };
            let light = |x: u64| match x {
                0 => TrafficLight::Red,
                1 | 2 => TrafficLight::Yellow,
                _ => TrafficLight::Green,
            };
            let implementation = |x: u64| match x {
                0 => Implementation::NotStarted,
                1 => Implementation::InProgress,
                _ => Implementation::Completed,
            };
            let spent6 = if allocated { amount.satang() / 3 } else { 0 };
            let spent12 = if allocated {
                amount.satang() * (rng.next(12) as i64) / 10
            } else {
                0
            };
            let entry = |round: &str,
                         status: TrafficLight,
                         imp: Implementation,
                         spent: i64,
                         as_of: Date| {
                let mut e = Monitoring::new(crate::model::RoundId::new(round).map_err(invalid)?);
                e.as_of = Some(as_of);
                e.status = status;
                e.occurrence = "ไม่มีความเสี่ยง/การทุจริตเกิดขึ้น".into();
                e.implementation = imp;
                e.done = "ดำเนินการตามแผนที่กำหนด และรายงานผลต่อผู้บังคับบัญชา".into();
                if status.needs_added_activity() {
                    e.added_activities = "เพิ่มการตรวจสอบรายเดือน".into();
                }
                e.disbursed = Money::from_satang(spent);
                Ok::<Monitoring, io::Error>(e)
            };
            let six = entry(
                "6m",
                light(rng.next(10)),
                implementation(rng.next(3)),
                spent6,
                date(year.be(), 3, 31)?,
            )?;
            let twelve = entry(
                "12m",
                light(rng.next(10)),
                implementation(rng.next(3)),
                spent12,
                date(year.be(), 9, 30)?,
            )?;
            let co = match rng.next(10) {
                0 => CoResponsible::AllBureaus,
                1 | 2 => CoResponsible::Bureaus(vec![code((b + 1) % size.bureaus.max(1))]),
                _ => CoResponsible::LeadOnly,
            };
            measures.push(Measure {
                id: crate::model::MeasureId::new(format!("{}-M{}-{}", code(b), r + 1, m + 1))
                    .map_err(invalid)?,
                title: format!("กิจกรรมป้องกันการทุจริตที่ {} ของความเสี่ยงที่ {}", m + 1, r + 1),
                kind: MeasureKind::Activity,
                approach: crate::model::ApproachId::new(approaches[rng.next(3) as usize])
                    .map_err(invalid)?,
                co_responsible: co,
                other_responsible: String::new(),
                start: ym(year.be() - 1, 10)?,
                end: ym(year.be(), 9)?,
                budget,
                indicators: Vec::new(),
                monitoring: vec![six, twelve],
            });
        }
        let l = 1 + rng.next(5) as u8;
        let i = 1 + rng.next(5) as u8;
        risks.push(Risk {
            id: crate::model::RiskId::new(format!("{}-R{}", code(b), r + 1)).map_err(invalid)?,
            process: "การจัดซื้อจัดจ้าง".into(),
            description: "การกำหนดคุณลักษณะเฉพาะเอื้อประโยชน์แก่ผู้เสนอราคารายใดรายหนึ่ง".into(),
            category: crate::model::CategoryId::new("procurement").map_err(invalid)?,
            factor: if rng.next(2) == 0 {
                Factor::Known
            } else {
                Factor::Unknown
            },
            inherent: Rating {
                likelihood: l,
                impact: i,
            },
            controls: "ตรวจสอบเอกสารสองชั้น".into(),
            control_quality: ControlQuality::Fair,
            residual: Some(Rating {
                likelihood: l.saturating_sub(1).max(1),
                impact: i,
            }),
            owner: "ผู้อำนวยการกลุ่มงาน".into(),
            response: crate::model::Response::Reduce,
            next_review: None,
            measures,
        });
    }
    Ok(Register {
        bureau: code(b),
        year,
        methodology: MethodRef {
            id: crate::model::MethodId::new("coso-5x5").map_err(invalid)?,
            version: 1,
        },
        prepared_by: None,
        reviewed_by: None,
        approved_by: None,
        note: String::new(),
        risks,
    })
}
