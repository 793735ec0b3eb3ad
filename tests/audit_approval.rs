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
