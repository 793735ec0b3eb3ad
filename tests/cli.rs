//! The `validate` and `fmt` commands through the real binary.

mod common;

use common::{riskreg, sample_workspace, stderr, stdout};

#[test]
fn help_explains_both_commands() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = riskreg(dir.path(), &["--help"]);
    let text = stdout(&out);
    assert!(out.status.success());
    assert!(text.contains("validate") && text.contains("fmt"), "{text}");
    let v = stdout(&riskreg(dir.path(), &["validate", "--help"]));
    assert!(
        v.contains("Errors (exit 1)") && v.contains("Warnings (exit 0)"),
        "{v}"
    );
    let f = stdout(&riskreg(dir.path(), &["fmt", "--help"]));
    assert!(f.contains("--check") && f.contains("canonical"), "{f}");
}

#[test]
fn validate_passes_the_samples_and_shows_their_warnings() {
    let (dir, _root) = sample_workspace();
    let out = riskreg(dir.path(), &["validate"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains(
            "registers/2567/HRD.ron:80:40: warning: measure HRD-M1 disbursed 10,075.00 baht"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("0 errors, 2 warnings in 11 files\n"),
        "{text}"
    );
}

#[test]
fn validate_exits_1_on_an_error_and_names_the_place() {
    let (dir, root) = sample_workspace();
    let path = root.join("2567/FIN.ron");
    let text = std::fs::read_to_string(&path).expect("read").replacen(
        "likelihood: 3,",
        "likelihood: 7,",
        1,
    );
    std::fs::write(&path, text).expect("write");
    let out = riskreg(dir.path(), &["validate", "registers/2567/FIN.ron"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert_eq!(
        text,
        "registers/2567/FIN.ron:28:29: error: likelihood 7 is outside the scale 1–5 of coso-5x5 v1 [risks[0].inherent.likelihood]\n\
         1 error, 0 warnings in 1 file\n"
    );
}

#[test]
fn validate_outside_a_registers_directory_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = riskreg(dir.path(), &["validate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not inside a registers directory"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn fmt_check_accepts_the_samples_and_flags_crlf_then_fmt_fixes_it() {
    let (dir, root) = sample_workspace();
    let out = riskreg(dir.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    let path = root.join("2567/PR.ron");
    let canonical = std::fs::read(&path).expect("read");
    let crlf = String::from_utf8(canonical.clone())
        .expect("utf8")
        .replace('\n', "\r\n");
    std::fs::write(&path, &crlf).expect("write");
    let out = riskreg(dir.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("registers/2567/PR.ron:1: not in canonical form"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        crlf.as_bytes(),
        "--check writes nothing"
    );

    let out = riskreg(dir.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("formatted registers/2567/PR.ron"));
    assert_eq!(std::fs::read(&path).expect("read"), canonical);
}

#[test]
fn fmt_canonicalises_a_hand_written_register() {
    let (dir, root) = sample_workspace();
    let path = root.join("2567/MTG.ron");
    let canonical = std::fs::read_to_string(&path).expect("read");
    // the same register written by hand: no struct names, other indentation,
    // fields with defaults left out, Thai escaped
    let loose = canonical
        .replace("Register(", "(")
        .replace("    ", "  ")
        .replace("reviewed_by: None,\n", "")
        .replace("สำนักการประชุม", "\\u{e2a}\\u{e33}นักการประชุม");
    std::fs::write(&path, &loose).expect("write");
    let out = riskreg(dir.path(), &["fmt", "--check", "registers/2567"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let out = riskreg(dir.path(), &["fmt", "registers/2567"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), canonical);
}

#[test]
fn fmt_will_not_drop_comments_silently() {
    let (dir, root) = sample_workspace();
    let path = root.join("2567/MTG.ron");
    let text = std::fs::read_to_string(&path).expect("read").replacen(
        "    note:",
        "    // ask the director\n    note:",
        1,
    );
    std::fs::write(&path, &text).expect("write");
    let out = riskreg(dir.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("registers/2567/MTG.ron:20:5: error: has a comment"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    let out = riskreg(dir.path(), &["fmt", "--drop-comments"]);
    assert!(out.status.success());
    assert!(!std::fs::read_to_string(&path).expect("read").contains("//"));
}
