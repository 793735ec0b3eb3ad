//! The semantic diff on its own (no git): snapshots built from the sample
//! registers, edited in the model, compared with exact expectations.

mod common;

use riskreg::audit::render::line;
use riskreg::audit::{Snapshot, diff};
use riskreg::method::Methodology;
use riskreg::model::{ControlQuality, Lang, Register};
use riskreg::store::{self, LoadError};
use std::path::Path;

fn sample(name: &str) -> Register {
    let path = common::sample_registers().join("2567").join(name);
    store::load_register(&path).expect("sample").value
}

fn methods() -> Vec<Methodology> {
    ["coso-5x5-v1.ron", "pacc-3x3-v1.ron"]
        .iter()
        .map(|f| {
            let path = common::sample_registers().join("methodology").join(f);
            store::load_file::<Methodology>(&path, store::METHODOLOGY)
                .expect("methodology")
                .value
        })
        .collect()
}

fn snapshot(files: Vec<(&str, Result<Register, LoadError>)>) -> Snapshot {
    Snapshot {
        registers: files.into_iter().map(|(p, r)| (p.to_string(), r)).collect(),
        methods: methods(),
    }
}

fn lines(old: &Snapshot, new: &Snapshot) -> Vec<String> {
    diff(old, new)
        .iter()
        .map(|c| format!("{} | {}", c.file, line(c, Lang::En)))
        .collect()
}

const PR: &str = "registers/2567/PR.ron";

#[test]
fn a_control_change_that_moves_the_residual_band_says_so() {
    let old = sample("PR.ron");
    let mut new = old.clone();
    new.risks[0].control_quality = ControlQuality::Weak;
    new.risks[1].control_quality = ControlQuality::Weak;
    let got = lines(
        &snapshot(vec![(PR, Ok(old))]),
        &snapshot(vec![(PR, Ok(new))]),
    );
    assert_eq!(
        got,
        [
            "registers/2567/PR.ron | risk PR-R1: control grade: fair → weak",
            "registers/2567/PR.ron | risk PR-R1: residual risk rises: medium → high",
            "registers/2567/PR.ron | risk PR-R2: control grade: good → weak",
            "registers/2567/PR.ron | risk PR-R2: residual risk rises: low → high",
        ]
    );
}

#[test]
fn a_measure_moved_to_another_risk_is_one_change_and_rounds_are_added_and_removed() {
    let old = sample("FIN.ron");
    let mut new = old.clone();
    let moved = new.risks[0].measures.remove(0);
    new.risks[1].measures.push(moved);
    let m2 = &mut new.risks[1].measures[0];
    m2.monitoring.retain(|m| m.round.as_str() != "12m");
    new.risks[2].measures[0]
        .monitoring
        .retain(|m| m.round.as_str() != "12m");
    let fin = "registers/2567/FIN.ron";
    let mut partial = old.clone();
    partial.risks[2].measures[0]
        .monitoring
        .retain(|m| m.round.as_str() != "12m");
    let got = lines(
        &snapshot(vec![(fin, Ok(partial))]),
        &snapshot(vec![(fin, Ok(old.clone()))]),
    );
    assert_eq!(
        got,
        ["registers/2567/FIN.ron | measure FIN-M3, round 12m: monitoring recorded"]
    );
    let got = lines(
        &snapshot(vec![(fin, Ok(old))]),
        &snapshot(vec![(fin, Ok(new))]),
    );
    assert_eq!(
        got,
        [
            "registers/2567/FIN.ron | measure FIN-M2, round 12m: monitoring removed",
            "registers/2567/FIN.ron | measure FIN-M1: risk: FIN-R1 → FIN-R2",
            "registers/2567/FIN.ron | measure FIN-M3, round 12m: monitoring removed",
        ]
    );
}

#[test]
fn moves_additions_removals_and_unparsable_files() {
    let pr = sample("PR.ron");
    let mtg = sample("MTG.ron");
    let broken = store::parse::<Register>(
        Path::new("registers/2567/CAB.ron"),
        b"Register(\n    bureau: 12,\n",
        store::REGISTER,
    );
    let old = snapshot(vec![
        ("registers/2567/PR.ron", Ok(pr.clone())),
        ("registers/2567/MTG.ron", Ok(mtg.clone())),
        ("registers/2567/CAB.ron", broken),
    ]);
    let mut unapproved = mtg;
    unapproved.approved_by = None;
    let new = snapshot(vec![
        ("archive/2567/PR.ron", Ok(pr)),
        ("registers/2567/MTG.ron", Ok(unapproved)),
        ("registers/2567/CAB.ron", Ok(sample("CAB.ron"))),
        ("registers/2567/HRD.ron", Ok(sample("HRD.ron"))),
    ]);
    let got = lines(&old, &new);
    assert_eq!(
        got,
        [
            "archive/2567/PR.ron | moved from registers/2567/PR.ron",
            "registers/2567/CAB.ron | does not parse at the old revision, content not compared: line 2, column 12: bureau: Expected string",
            "registers/2567/HRD.ron | register added",
            "registers/2567/HRD.ron | risk HRD-R1: added",
            "registers/2567/HRD.ron | measure HRD-M1: added",
            "registers/2567/HRD.ron | risk HRD-R2: added",
            "registers/2567/HRD.ron | measure HRD-M2: added",
            "registers/2567/MTG.ron | approval withdrawn: นางสาวพรทิพย์ วงศ์สุวรรณ",
        ]
    );
    // the other way round: the move goes back, HRD is removed
    let back = lines(&new, &old);
    assert_eq!(
        back[0],
        "registers/2567/CAB.ron | does not parse at the new revision, content not compared: line 2, column 12: bureau: Expected string"
    );
    assert!(back.contains(&"registers/2567/HRD.ron | register removed".to_string()));
    assert!(back.contains(&"registers/2567/PR.ron | moved from archive/2567/PR.ron".to_string()));
}

#[test]
fn one_line_is_short_for_the_tui() {
    let old = sample("FIN.ron");
    let mut new = old.clone();
    new.risks[0].description = "ก".repeat(300);
    let fin = "registers/2567/FIN.ron";
    let changes = diff(
        &snapshot(vec![(fin, Ok(old))]),
        &snapshot(vec![(fin, Ok(new))]),
    );
    let one = riskreg::audit::render::one_line(&changes[0], Lang::Th);
    assert_eq!(one.chars().count(), 100);
    assert!(
        one.starts_with("ความเสี่ยง FIN-R1: ความเสี่ยงการทุจริต: "),
        "{one}"
    );
    assert!(one.ends_with('…'));
}
