//! The approval digest on the shipped registers and on edits of them.

mod common;

use riskreg::audit::{ApprovalState, approval_state, approve, content_digest};
use riskreg::model::{Date, Register};
use riskreg::store;
use std::path::Path;

fn sample(name: &str) -> Register {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("registers/2567")
        .join(name);
    store::load_register(&path).expect("sample loads").value
}

#[test]
fn the_approved_sample_register_matches_its_digest() {
    let mtg = sample("MTG.ron");
    match approval_state(&mtg) {
        ApprovalState::Approved(a) => {
            assert_eq!(a.name, "นางสาวพรทิพย์ วงศ์สุวรรณ");
            assert_eq!(a.digest, content_digest(&mtg));
        }
        other => panic!("expected approved, got {other:?}"),
    }
}

#[test]
fn the_digest_is_the_sha256_of_the_canonical_text_without_the_approval() {
    // FIN is canonical on disk and not approved: its digest is the hash of its bytes.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("registers/2567/FIN.ron");
    let bytes = std::fs::read(&path).expect("read");
    let fin = sample("FIN.ron");
    assert!(fin.approved_by.is_none());
    let expected = format!("sha256:{}", store::Fingerprint::of(&bytes).hex());
    assert_eq!(content_digest(&fin).as_str(), expected);
}

#[test]
fn an_edit_after_approval_is_noticed_and_the_approval_itself_is_not_content() {
    let fin = sample("FIN.ron");
    assert_eq!(approval_state(&fin), ApprovalState::NotApproved);
    let date = Date::try_from("2567-10-15".to_string()).expect("date");
    let approved = approve(&fin, "ผู้อนุมัติ", "เลขาธิการ", date);
    assert!(matches!(
        approval_state(&approved),
        ApprovalState::Approved(_)
    ));
    // approving again (another date) gives the same digest: the approval is not content
    let again = approve(&approved, "ผู้อนุมัติ", "เลขาธิการ", date);
    assert_eq!(again.approved_by, approved.approved_by);

    let mut edited = approved.clone();
    edited.risks[0].inherent.likelihood += 1;
    assert!(matches!(
        approval_state(&edited),
        ApprovalState::ChangedSinceApproval { .. }
    ));
    let mut noted = approved;
    noted.note.push('.');
    assert!(matches!(
        approval_state(&noted),
        ApprovalState::ChangedSinceApproval { .. }
    ));
}

#[test]
fn rolling_over_drops_the_approval() {
    let next = sample("MTG.ron").rolled_over();
    assert_eq!(approval_state(&next), ApprovalState::NotApproved);
}

/// `riskreg approve` of FIN's register by its director on `date`.
fn approve_fin(dir: &std::path::Path, date: &str) -> std::process::Output {
    common::riskreg(
        dir,
        &[
            "approve",
            "registers/2567/FIN.ron",
            "--name",
            "นายสมชาย ผู้อนุมัติ",
            "--position",
            "ผู้อำนวยการสำนัก",
            "--date",
            date,
        ],
    )
}

#[test]
fn approve_writes_the_digest_and_refuses_a_register_with_errors() {
    let (dir, root) = common::sample_workspace();
    let out = approve_fin(dir.path(), "2567-10-15");
    assert!(out.status.success(), "{}", common::stderr(&out));
    let fin = store::load_register(&root.join("2567/FIN.ron"))
        .expect("load")
        .value;
    assert_eq!(
        common::stdout(&out),
        format!(
            "approved registers/2567/FIN.ron: นายสมชาย ผู้อนุมัติ (ผู้อำนวยการสำนัก), 2567-10-15, {}\n",
            content_digest(&fin)
        )
    );
    assert!(matches!(approval_state(&fin), ApprovalState::Approved(_)));

    let path = root.join("2567/HRD.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    let broken = text.replacen("likelihood: ", "likelihood: 9", 1);
    std::fs::write(&path, &broken).expect("write");
    let out = common::riskreg(
        dir.path(),
        &[
            "approve",
            "registers/2567/HRD.ron",
            "--name",
            "ก",
            "--position",
            "ข",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        common::stderr(&out)
            .starts_with("error: registers/2567/HRD.ron has errors; fix them before approving:\n"),
        "{}",
        common::stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        broken,
        "untouched"
    );
    let out = common::riskreg(
        dir.path(),
        &[
            "approve",
            "registers/2567/FIN.ron",
            "--name",
            "ก",
            "--position",
            "ข",
            "--date",
            "2024-10-15",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr(&out).contains("--date 2024-10-15"),
        "{}",
        common::stderr(&out)
    );
}

#[test]
fn the_approval_shown_in_docs_audit_md_is_the_sample_one() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/audit.md"))
        .expect("docs/audit.md");
    let mtg = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("registers/2567/MTG.ron"),
    )
    .expect("MTG.ron");
    let start = mtg
        .find("    approved_by: Some(Approval(")
        .expect("approval");
    let end = start + mtg[start..].find(")),\n").expect("end") + 4;
    assert!(
        doc.contains(&mtg[start..end]),
        "docs/audit.md shows:\n{}",
        &mtg[start..end]
    );
}

#[test]
fn approve_reads_a_date_written_the_thai_way_and_stores_the_canonical_form() {
    let (dir, root) = common::sample_workspace();
    let out = approve_fin(dir.path(), "๑๕ ต.ค. ๒๕๖๗");
    assert!(out.status.success(), "{}", common::stderr(&out));
    let text = std::fs::read_to_string(root.join("2567/FIN.ron")).expect("read");
    assert!(text.contains("\"2567-10-15\""), "{text}");
}

/// Without `--date` the approval is dated by the one clock of riskreg, which
/// `RISKREG_TODAY` fixes, as it does for validation and the reports; a
/// malformed one is refused rather than replaced by the system clock.
#[test]
fn approve_without_a_date_is_dated_by_riskreg_today() {
    let (dir, root) = common::sample_workspace();
    let args = [
        "approve",
        "registers/2567/FIN.ron",
        "--name",
        "นายสมชาย ผู้อนุมัติ",
        "--position",
        "ผู้อำนวยการสำนัก",
    ];
    let out = common::riskreg_on("2568-01-20", dir.path(), &args);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        common::stdout(&out).contains("(ผู้อำนวยการสำนัก), 2568-01-20, "),
        "{}",
        common::stdout(&out)
    );
    let text = std::fs::read_to_string(root.join("2567/FIN.ron")).expect("read");
    assert!(text.contains("\"2568-01-20\""), "{text}");

    let out = common::riskreg_on("20-01-2568", dir.path(), &args);
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("RISKREG_TODAY=20-01-2568"),
        "{}",
        common::stderr(&out)
    );
}
