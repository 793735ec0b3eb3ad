//! Saving registers: one change is one line of `git diff`, saves are atomic
//! and never overwrite a file that changed on disk since it was loaded.

mod common;

use common::{git, sample_workspace};
use riskreg::model::*;
use riskreg::store::{self, Loaded, SaveError};

#[test]
fn changing_one_likelihood_changes_exactly_one_line_in_git() {
    let (dir, root) = sample_workspace();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "samples"]);

    let path = root.join("2567/FIN.ron");
    let mut reg: Loaded<Register> = store::load_register(&path).expect("load");
    assert_eq!(reg.value.risks[1].inherent.likelihood, 4);
    reg.value.risks[1].inherent.likelihood = 5;
    reg.save().expect("save");

    let numstat = git(dir.path(), &["diff", "--numstat"]);
    assert_eq!(numstat, "1\t1\tregisters/2567/FIN.ron\n");
    let diff = git(dir.path(), &["diff", "-U0"]);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| l.starts_with(['+', '-']) && !l.starts_with("+++") && !l.starts_with("---"))
        .collect();
    assert_eq!(
        changed,
        [
            "-                likelihood: 4,",
            "+                likelihood: 5,"
        ]
    );
}

#[test]
fn editing_one_line_of_a_multi_line_note_changes_one_line() {
    let (dir, root) = sample_workspace();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "samples"]);
    let path = root.join("2567/CAB.ron");
    let mut reg = store::load_register(&path).expect("load");
    let controls = &mut reg.value.risks[0].controls;
    assert!(
        controls.contains('\n'),
        "the sample controls text has two lines"
    );
    *controls = controls.replace("ประกาศผลการคัดเลือกโดยเปิดเผย", "ประกาศผลการคัดเลือกทางเว็บไซต์");
    reg.save().expect("save");
    assert_eq!(
        git(dir.path(), &["diff", "--numstat"]),
        "1\t1\tregisters/2567/CAB.ron\n"
    );
}

#[test]
fn load_then_save_of_a_canonical_file_is_byte_identical() {
    let (_dir, root) = sample_workspace();
    for entry in std::fs::read_dir(root.join("2567")).expect("dir") {
        let path = entry.expect("entry").path();
        let before = std::fs::read(&path).expect("read");
        let mut reg = store::load_register(&path).expect("load");
        reg.save().expect("save");
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "{}",
            path.display()
        );
    }
}

#[test]
fn a_save_refuses_to_overwrite_a_file_changed_on_disk() {
    let (_dir, root) = sample_workspace();
    let path = root.join("2567/PR.ron");
    let mut mine = store::load_register(&path).expect("load");
    // someone else saves first (another officer, or a git pull)
    let mut theirs = store::load_register(&path).expect("load");
    theirs.value.note = "บันทึกของผู้อื่น".into();
    theirs.save().expect("their save");
    let their_bytes = std::fs::read(&path).expect("read");

    mine.value.risks[0].owner = "ผู้รับผิดชอบใหม่".into();
    let err = mine.save().expect_err("must not overwrite");
    assert!(matches!(err, SaveError::Conflict { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("changed on disk since it was loaded"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        their_bytes,
        "their work is untouched"
    );
    assert!(!mine.unchanged_on_disk());
}

#[test]
fn a_save_refuses_to_recreate_a_deleted_file_and_create_refuses_to_overwrite() {
    let (_dir, root) = sample_workspace();
    let path = root.join("2567/PR.ron");
    let mut reg = store::load_register(&path).expect("load");
    std::fs::remove_file(&path).expect("rm");
    assert!(matches!(reg.save(), Err(SaveError::Vanished { .. })));
    assert!(!path.exists());

    let existing = root.join("2567/FIN.ron");
    let before = std::fs::read(&existing).expect("read");
    let err = Loaded::create(&existing, reg.value.clone()).expect_err("exists");
    assert!(matches!(err, SaveError::Exists { .. }), "{err}");
    assert_eq!(std::fs::read(&existing).expect("read"), before);
    let created = Loaded::create(&path, reg.value.clone()).expect("create");
    assert!(created.unchanged_on_disk());
}

#[test]
fn saves_leave_no_temporary_files_and_keep_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, root) = sample_workspace();
    let path = root.join("2567/ICT.ron");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    let mut reg = store::load_register(&path).expect("load");
    for n in 0..5 {
        reg.value.note = format!("รอบที่ {n}");
        reg.save().expect("save");
    }
    let names: Vec<String> = std::fs::read_dir(root.join("2567"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".ron") && !n.starts_with('.')),
        "{names:?}"
    );
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o664);
}

#[test]
fn a_new_file_gets_the_permissions_of_any_new_file_not_a_temp_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    // what the umask makes of a plain create, whatever this machine's umask is
    let plain = dir.path().join("plain");
    std::fs::File::create(&plain).expect("create");
    let expected = std::fs::metadata(&plain)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    let written = dir.path().join("summary.html");
    store::atomic::write_atomic(&written, b"<html></html>\n").expect("write");
    let mode = std::fs::metadata(&written)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, expected, "{mode:o} vs {expected:o}");
    assert_ne!(mode, 0o600, "a new file must not be private to its writer");
}
