//! Nothing lost, nothing wrong (issue 9, command line and storage): every
//! command that writes or reports is tried as a user would, and with hostile
//! and unlucky input, through the real binary on real files.

mod common;

use common::{git, riskreg, sample_workspace, stderr, stdout};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_riskreg")
}

fn cmd(cwd: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin());
    c.args(args).current_dir(cwd).env("NO_COLOR", "1");
    c
}

/// Waits for a child, killing it (and failing) if it takes longer than
/// `secs`: a command that hangs on a FIFO must fail the test, not hang it.
fn finish_within(mut child: Child, secs: u64, what: &str) -> Output {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        match child.try_wait().expect("wait") {
            Some(_) => return child.wait_with_output().expect("output"),
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{what} still running after {secs}s: it hangs");
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

// ---- 8. figures from invalid registers ----

#[test]
fn summary_and_roll_refuse_a_methodology_grid_with_four_rows() {
    let (dir, root) = sample_workspace();
    replace_in(
        &root.join("methodology/pacc-3x3-v1.ron"),
        "            \"very_high\",\n        ],\n    ]),",
        "            \"very_high\",\n        ],\n        [\n            \"low\",\n            \"low\",\n            \"low\",\n        ],\n    ]),",
    );
    let out = riskreg(dir.path(), &["summary", "--year", "2567", "--round", "6"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(out.stdout.is_empty(), "no figures: {}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("registers/methodology/pacc-3x3-v1.ron:") && err.contains(": error: "),
        "{err}"
    );
    let out = riskreg(dir.path(), &["roll", "2567"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!root.join("2568").exists(), "nothing rolled over");
}

#[test]
fn summary_and_roll_refuse_a_likelihood_of_9_but_not_warnings() {
    let (dir, root) = sample_workspace();
    // the samples have warnings only: they do not block
    let out = riskreg(dir.path(), &["summary", "--year", "2567", "--round", "6"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    replace_in(
        &root.join("2567/FIN.ron"),
        "likelihood: 3,",
        "likelihood: 9,",
    );
    let out = riskreg(dir.path(), &["summary", "--year", "2567", "--round", "6"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no figures: {}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("registers/2567/FIN.ron:28:29: error: likelihood 9 is outside the scale"),
        "{err}"
    );
    assert!(
        !err.contains(": warning: "),
        "warnings are not repeated: {err}"
    );
    let out = riskreg(dir.path(), &["roll", "2567"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("FIN.ron:28:29"), "{}", stderr(&out));
    assert!(!root.join("2568").exists(), "nothing rolled over");
}

#[test]
fn report_refuses_a_likelihood_of_9_and_writes_nothing() {
    let (dir, root) = sample_workspace();
    replace_in(
        &root.join("2567/FIN.ron"),
        "likelihood: 3,",
        "likelihood: 9,",
    );
    let out = riskreg(
        dir.path(),
        &[
            "report",
            "--year",
            "2567",
            "--round",
            "6",
            "--format",
            "html",
            "--output",
            "report.html",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("FIN.ron:28:29: error: likelihood 9 is outside the scale"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("report.html").exists(), "nothing written");
}

// ---- 9. failed writes ----

fn to_dev_full(cwd: &Path, args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    cmd(cwd, args)
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("run")
}

/// A git repository holding the sample registers, one commit.
fn repo_with_samples() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = sample_workspace();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "samples"]);
    (dir, root)
}

#[test]
fn output_to_a_full_device_is_an_error_for_every_command() {
    let (dir, root) = repo_with_samples();
    replace_in(&root.join("2567/PR.ron"), "note: \"\",", "note: \"เพิ่ม\",");
    for args in [
        &["summary", "--year", "2567", "--round", "6"][..],
        &[
            "summary", "--year", "2567", "--round", "6", "--format", "csv",
        ],
        &["validate"],
        &["fmt", "--check"],
        &["log"],
        &["diff"],
    ] {
        let out = to_dev_full(dir.path(), args);
        assert_ne!(out.status.code(), Some(0), "{args:?} reported success");
        assert!(
            stderr(&out).contains("cannot write the output"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    let (dir, _root) = repo_with_samples();
    for args in [
        &["summary", "--year", "2567", "--round", "6"][..],
        &["validate"],
        &["log"],
    ] {
        let mut child = cmd(dir.path(), args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // as `| head -n 0` does: the reader closes the pipe at once
        drop(child.stdout.take());
        let out = finish_within(child, 60, "closed pipe");
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?} stays quiet");
    }
}

// ---- 10. lost approvals ----

#[test]
fn approvals_racing_fmt_and_each_other_are_never_lost() {
    let (dir, root) = sample_workspace();
    let file = root.join("2567/PR.ron");
    let canonical = std::fs::read_to_string(&file).expect("read");
    // CRLF line ends: `fmt` has something to rewrite each run
    let crlf = canonical.replace('\n', "\r\n");
    let approve = |name: &str| {
        cmd(
            dir.path(),
            &[
                "approve",
                "registers/2567/PR.ron",
                "--name",
                name,
                "--position",
                "ผู้อำนวยการ",
                "--date",
                "2567-10-15",
            ],
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn approve")
    };
    for run in 0..12 {
        std::fs::write(&file, &crlf).expect("reset");
        let fmt = cmd(dir.path(), &["fmt", "registers/2567/PR.ron"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn fmt");
        let a = approve("นายเอ");
        let b = approve("นายบี");
        let fmt = finish_within(fmt, 120, "fmt");
        let a = finish_within(a, 120, "approve A");
        let b = finish_within(b, 120, "approve B");
        assert!(fmt.status.success(), "run {run}: fmt: {}", stderr(&fmt));
        let text = std::fs::read_to_string(&file).expect("read");
        let in_file = |name: &str| text.contains(&format!("name: \"{name}\""));
        for (me, other, out) in [("นายเอ", "นายบี", &a), ("นายบี", "นายเอ", &b)]
        {
            if !stdout(out).starts_with("approved ") {
                continue;
            }
            // reported approved: it is in the file, or the approval now in
            // the file said that it replaced it
            let replaced = if me == "นายเอ" { &b } else { &a };
            assert!(
                in_file(me)
                    || stdout(replaced)
                        .contains(&format!("(replacing the approval by {me} of 2567-10-15)")),
                "run {run}: {me} was reported approved but is not in the file\n\
                 {me}: {}\n{other}: {}{}\nfile approval: {}",
                stdout(out),
                stdout(replaced),
                stderr(replaced),
                text.lines()
                    .skip_while(|l| !l.contains("approved_by"))
                    .take(4)
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
        assert!(
            in_file("นายเอ") || in_file("นายบี"),
            "run {run}: no approval in the file\nA: {}{}\nB: {}{}",
            stdout(&a),
            stderr(&a),
            stdout(&b),
            stderr(&b)
        );
        assert!(!text.contains('\r'), "run {run}: fmt's rewrite was lost");
    }
}

// ---- 11. --output ----

#[test]
fn output_to_a_fifo_is_written_in_place() {
    let (dir, _root) = sample_workspace();
    let fifo = dir.path().join("report.csv");
    mkfifo(&fifo);
    let (sent, received) = std::sync::mpsc::channel();
    {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::fs::File::open(&fifo).and_then(|mut f| f.read_to_string(&mut text));
            let _ = sent.send(text);
        });
    }
    let child = cmd(
        dir.path(),
        &[
            "summary",
            "--year",
            "2567",
            "--round",
            "6",
            "--output",
            "report.csv",
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("spawn");
    let out = finish_within(child, 60, "summary --output FIFO");
    assert!(out.status.success(), "{}", stderr(&out));
    // a FIFO replaced by a file is never written: the reader waits forever
    let text = received
        .recv_timeout(Duration::from_secs(30))
        .expect("nothing came through the FIFO");
    assert!(text.starts_with("no,approach,measure,"), "{text}");
    let kind = std::fs::symlink_metadata(&fifo).expect("meta").file_type();
    use std::os::unix::fs::FileTypeExt;
    assert!(kind.is_fifo(), "the FIFO was replaced by a file");
}

#[test]
fn output_to_a_full_device_fails_and_leaves_the_device_alone() {
    let (dir, _root) = sample_workspace();
    // through a link of our own: should this ever regress, the link is what
    // gets replaced, not the machine's /dev/full (run as root, the old code
    // renamed a regular file over the device)
    std::os::unix::fs::symlink("/dev/full", dir.path().join("full.csv")).expect("ln");
    let out = riskreg(
        dir.path(),
        &[
            "summary", "--year", "2567", "--round", "6", "--output", "full.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("No space left on device"),
        "{}",
        stderr(&out)
    );
    let link = std::fs::symlink_metadata(dir.path().join("full.csv")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link was replaced");
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::metadata("/dev/full").expect("meta").file_type();
    assert!(kind.is_char_device(), "/dev/full is still a device");
}

#[test]
fn output_to_dev_stdout_goes_to_standard_output() {
    let (dir, _root) = sample_workspace();
    let out = riskreg(
        dir.path(),
        &[
            "summary",
            "--year",
            "2567",
            "--round",
            "6",
            "--format",
            "csv",
            "--output",
            "/dev/stdout",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("no,approach,measure,"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn output_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let (dir, _root) = sample_workspace();
    std::fs::create_dir(dir.path().join("shared")).expect("mkdir");
    std::fs::write(dir.path().join("shared/latest.md"), "old").expect("write");
    std::os::unix::fs::symlink("shared/latest.md", dir.path().join("report.md")).expect("ln");
    let out = riskreg(
        dir.path(),
        &[
            "summary",
            "--year",
            "2567",
            "--round",
            "6",
            "--output",
            "report.md",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let link = std::fs::symlink_metadata(dir.path().join("report.md")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link was replaced");
    let text = std::fs::read_to_string(dir.path().join("shared/latest.md")).expect("read");
    assert!(text.starts_with('#'), "the target holds the report: {text}");
}

#[test]
fn new_outputs_and_the_hook_get_the_umask_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _root) = repo_with_samples();
    for (umask, mode) in [("022", 0o644), ("002", 0o664)] {
        let name = format!("report-{umask}.html");
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec '{}' summary --year 2567 --round 6 --output {name}",
                bin()
            ))
            .current_dir(dir.path())
            .status()
            .expect("sh");
        assert!(status.success());
        let got = std::fs::metadata(dir.path().join(&name))
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(got, mode, "umask {umask}");
    }
    let hook = dir.path().join(".git/hooks/pre-commit");
    std::fs::write(&hook, "#!/bin/sh\n# riskreg pre-commit hook\n").expect("old hook");
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("umask 022 && exec '{}' hook install", bin()))
        .current_dir(dir.path())
        .status()
        .expect("sh");
    assert!(status.success());
    let got = std::fs::metadata(&hook).expect("meta").permissions().mode() & 0o777;
    assert_eq!(got, 0o755, "the hook is executable");
}

// ---- 12. register text drives nothing ----

#[test]
fn control_characters_from_registers_and_commits_are_shown_not_sent() {
    let (dir, root) = repo_with_samples();
    let fin = root.join("2567/FIN.ron");
    let text = std::fs::read_to_string(&fin).expect("read");
    // the title of the first measure: an ESC sequence that clears the screen,
    // then a formula for a spreadsheet
    let title_at = text.find("title: \"").expect("a title") + "title: \"".len();
    let mut hostile = text.clone();
    hostile.insert_str(title_at, "=HYPERLINK(\\\"http://x\\\")\\u{1b}[2J");
    // a category id with an OSC that retitles the window: an error quotes it
    hostile = hostile.replacen("category: \"", "category: \"\\u{1b}]0;pwned\\u{7}", 1);
    std::fs::write(&fin, &hostile).expect("write");

    let out = riskreg(dir.path(), &["validate"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out.stdout.contains(&0x1b), "raw ESC: {}", stdout(&out));
    assert!(
        stdout(&out).contains("\\u{1b}]0;pwned\\u{7}"),
        "{}",
        stdout(&out)
    );

    // the error blocks the summary; fix it, keep the hostile title
    std::fs::write(&fin, hostile.replacen("\\u{1b}]0;pwned\\u{7}", "", 1)).expect("write");
    for format in ["text", "markdown", "csv", "html"] {
        let out = riskreg(
            dir.path(),
            &[
                "summary", "--year", "2567", "--round", "6", "--format", format,
            ],
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert!(!out.stdout.contains(&0x1b), "{format}: raw ESC");
        assert!(
            stdout(&out).contains("\\u{1b}"),
            "{format}: {}",
            stdout(&out)
        );
        if format == "csv" {
            assert!(
                stdout(&out).contains("\"'=HYPERLINK(\"\"http://x\"\")"),
                "{}",
                stdout(&out)
            );
        }
    }
    // the whole report too: its HTML is read with `cat` as often as in a browser
    let out = riskreg(
        dir.path(),
        &[
            "report",
            "--year",
            "2567",
            "--round",
            "6",
            "--format",
            "html",
            "--output",
            "report.html",
        ],
    );
    assert!(out.status.success(), "report: {}", stderr(&out));
    let html = std::fs::read(dir.path().join("report.html")).expect("report.html");
    assert!(!html.contains(&0x1b), "report: raw ESC");
    assert!(
        String::from_utf8_lossy(&html).contains("\\u{1b}[2J"),
        "report: shown"
    );

    // a commit message and an author name carrying escapes
    let status = Command::new("git")
        .args([
            "commit",
            "-q",
            "-a",
            "-m",
            "แก้ชื่อ\u{1b}[2J\u{1b}]0;pwned\u{7}",
        ])
        .current_dir(dir.path())
        .env("GIT_AUTHOR_NAME", "Evil\u{1b}[31m Officer")
        .env("GIT_AUTHOR_EMAIL", "e@example.test")
        .env("GIT_COMMITTER_NAME", "Test Officer")
        .env("GIT_COMMITTER_EMAIL", "officer@example.test")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir.path())
        .status()
        .expect("git");
    assert!(status.success());
    for args in [
        &["log"][..],
        &["log", "--format", "markdown"],
        &["diff", "HEAD~1", "HEAD"],
    ] {
        let out = riskreg(dir.path(), args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(
            !out.stdout.contains(&0x1b),
            "{args:?}: raw ESC: {}",
            stdout(&out)
        );
        assert!(!out.stdout.contains(&0x07), "{args:?}: raw BEL");
    }
    assert!(
        stdout(&riskreg(dir.path(), &["log"])).contains("แก้ชื่อ\\u{1b}[2J"),
        "Thai raw, ESC shown"
    );

    let out = riskreg(
        dir.path(),
        &[
            "approve",
            "registers/2567/PR.ron",
            "--name",
            "นาย\u{1b}[2Jก",
            "--position",
            "ผอ.",
            "--date",
            "2567-10-15",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!out.stdout.contains(&0x1b), "approve: raw ESC");
    assert!(stdout(&out).contains("นาย\\u{1b}[2Jก"), "{}", stdout(&out));
    let file = std::fs::read(root.join("2567/PR.ron")).expect("read");
    assert!(
        !file.contains(&0x1b),
        "the file holds the escape, not the ESC"
    );
}

// ---- 13. canonical escapes ----

#[test]
fn fmt_escapes_control_characters_and_is_then_clean() {
    let (dir, root) = sample_workspace();
    let pr = root.join("2567/PR.ron");
    replace_in(
        &pr,
        "note: \"\",",
        "note: \"บรรทัดหนึ่ง\\r\\nบรรทัดสอง\\tแท็บ\\0ศูนย์ \\\"quoted\\\"\",",
    );
    let out = riskreg(dir.path(), &["fmt", "registers/2567/PR.ron"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&pr).expect("read");
    assert!(
        !bytes.contains(&b'\r') && !bytes.contains(&0),
        "no raw CR or NUL"
    );
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(
        text.contains("note: \"บรรทัดหนึ่ง\\r\nบรรทัดสอง\\tแท็บ\\0ศูนย์ \\\"quoted\\\"\","),
        "{text}"
    );
    let out = riskreg(dir.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = riskreg(dir.path(), &["fmt", "registers/2567/PR.ron"]);
    assert!(
        stdout(&out).contains("0 of 1 files reformatted"),
        "{}",
        stdout(&out)
    );
}

// ---- 14. FIFOs and devices named as registers ----

#[test]
fn a_fifo_named_as_a_register_is_refused_not_waited_on() {
    let (dir, root) = sample_workspace();
    mkfifo(&root.join("2567/X.ron"));
    for args in [
        &["validate", "registers/2567/X.ron"][..],
        &["validate"],
        &["fmt", "registers/2567/X.ron"],
        &["fmt", "--check", "registers/2567/X.ron"],
        &[
            "approve",
            "registers/2567/X.ron",
            "--name",
            "ก",
            "--position",
            "ข",
        ],
    ] {
        let child = cmd(dir.path(), args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let out = finish_within(child, 60, &format!("{args:?}"));
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
        let said = stdout(&out) + &stderr(&out);
        assert!(
            said.contains("registers/2567/X.ron") && said.contains("not a regular file"),
            "{args:?}: {said}"
        );
    }
}

// ---- 15. byte-order mark ----

#[test]
fn a_byte_order_mark_is_read_and_fmt_removes_it() {
    let (dir, root) = sample_workspace();
    let pr = root.join("2567/PR.ron");
    let canonical = std::fs::read(&pr).expect("read");
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&canonical);
    std::fs::write(&pr, &with_bom).expect("write");
    let out = riskreg(dir.path(), &["validate", "registers/2567/PR.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = riskreg(dir.path(), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("registers/2567/PR.ron:1:"),
        "{}",
        stdout(&out)
    );
    let out = riskreg(dir.path(), &["fmt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&pr).expect("read"), canonical);
}

// ---- 16. misleading errors ----

#[test]
fn a_missing_methodology_directory_is_named_as_such() {
    let (dir, root) = sample_workspace();
    std::fs::remove_dir_all(root.join("methodology")).expect("rm");
    let out = riskreg(dir.path(), &["fmt", "--check"]);
    assert_ne!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("registers/methodology"), "{err}");
    let out = riskreg(dir.path(), &["summary", "--year", "2567", "--round", "6m"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("registers/methodology"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unclosed_block_comment_is_reported_where_it_opens() {
    let (dir, root) = sample_workspace();
    replace_in(
        &root.join("2567/PR.ron"),
        "    note: \"\",",
        "    note: \"\", /* why the note is empty",
    );
    let out = riskreg(dir.path(), &["validate", "registers/2567/PR.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with("registers/2567/PR.ron:15:15: error: this block comment is never closed"),
        "{text}"
    );
}

#[test]
fn a_zero_whole_and_reports_dated_out_of_order_are_findings() {
    let (dir, root) = sample_workspace();
    let cab = root.join("2567/CAB.ron");
    replace_in(&cab, "value: Fraction(57, 62),", "value: Fraction(5, 0),");
    replace_in(
        &cab,
        "as_of: Some(\"2567-09-30\"),",
        "as_of: Some(\"2567-03-01\"),",
    );
    let out = riskreg(dir.path(), &["validate", "registers/2567/CAB.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("error: Fraction(5, 0): the whole (second number) cannot be 0"),
        "{text}"
    );
    assert!(
        text.contains(
            "warning: the 12-month report is dated 2567-03-01, before the 6-month one (2567-03-31)"
        ),
        "{text}"
    );
}

#[test]
fn command_line_errors_do_not_speak_of_the_interface() {
    let (_dir, root) = sample_workspace();
    let path = root.join("2567/PR.ron");
    let mut mine = riskreg::store::load_register(&path).expect("load");
    std::fs::write(&path, std::fs::read_to_string(&path).expect("read") + "\n").expect("touch");
    mine.value.note = "ของฉัน".into();
    let err = mine.save().expect_err("conflict").to_string();
    assert!(err.contains("changed on disk"), "{err}");
    assert!(
        !err.contains("reload") && !err.contains("save as a copy"),
        "{err}"
    );
}
