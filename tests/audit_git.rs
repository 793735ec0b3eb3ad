//! Audit in real git repositories: commits by different authors that add,
//! edit, approve and then edit-after-approval registers; the semantic diff,
//! log and validate output asserted exactly, the hook run by a real commit.

mod common;

use common::{copy_dir, sample_registers, stderr, stdout};
use riskreg::model::{Implementation, Money, Register, RiskId, RoundId, TrafficLight};
use riskreg::store;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The environment every git and riskreg run gets: no user or system git
/// configuration, a fixed identity and date unless the call sets its own.
fn isolated(cmd: &mut Command, home: &Path) {
    cmd.env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", home)
        .env("NO_COLOR", "1")
        // the calendar's warnings (reviews due) see the day the tests name
        .env("RISKREG_TODAY", common::TODAY)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
}

struct Repo {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Repo {
    /// A repository holding the sample registers, committed by the preparer.
    fn new() -> Repo {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("repo");
        copy_dir(&sample_registers(), &root.join("registers"));
        let repo = Repo { _dir: dir, root };
        repo.git(&["-c", "init.defaultBranch=main", "init", "-q"]);
        repo
    }

    fn git_as(&self, who: (&str, &str), date: &str, args: &[&str]) -> Output {
        let mut cmd = Command::new("git");
        cmd.args(args).current_dir(&self.root);
        isolated(&mut cmd, self._dir.path());
        cmd.env("GIT_AUTHOR_NAME", who.0)
            .env("GIT_AUTHOR_EMAIL", who.1)
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_NAME", who.0)
            .env("GIT_COMMITTER_EMAIL", who.1)
            .env("GIT_COMMITTER_DATE", date);
        cmd.output().expect("run git")
    }

    fn git(&self, args: &[&str]) -> String {
        let out = self.git_as(OFFICER, "2024-01-10T09:00:00+07:00", args);
        assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
        stdout(&out)
    }

    fn commit(&self, who: (&str, &str), date: &str, subject: &str) {
        self.git(&["add", "-A"]);
        let out = self.git_as(who, date, &["commit", "-q", "-m", subject]);
        assert!(
            out.status.success(),
            "commit: {}{}",
            stdout(&out),
            stderr(&out)
        );
    }

    /// Tries a commit of what is staged; whether it went through, and what
    /// git and the hook said.
    fn try_commit(&self, subject: &str) -> (bool, String) {
        let out = self.git_as(
            OFFICER,
            "2024-05-01T09:00:00+07:00",
            &["commit", "-q", "-m", subject],
        );
        (
            out.status.success(),
            format!("{}{}", stdout(&out), stderr(&out)),
        )
    }

    fn set_fin_r1_likelihood(&self, likelihood: u8) {
        self.edit(FIN, |r| {
            r.risk_mut(&rid("FIN-R1"))
                .expect("risk")
                .inherent
                .likelihood = likelihood
        });
    }

    fn riskreg(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_riskreg"));
        cmd.args(args).current_dir(&self.root);
        isolated(&mut cmd, self._dir.path());
        cmd.output().expect("run riskreg")
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Loads a register, changes it and writes it back canonically.
    fn edit(&self, rel: &str, change: impl FnOnce(&mut Register)) {
        let mut loaded = store::load_register(&self.path(rel)).expect("load");
        change(&mut loaded.value);
        loaded.save().expect("save");
    }
}

const OFFICER: (&str, &str) = ("กาญจนา บุญประเสริฐ", "kanchana@fin.example");
const DEPUTY: (&str, &str) = ("สุภาพร วงศ์ไทย", "supaporn@fin.example");
const DIRECTOR: (&str, &str) = ("Director Somchai", "director@senate.example");

const FIN: &str = "registers/2567/FIN.ron";

fn rid(s: &str) -> RiskId {
    RiskId::new(s).expect("id")
}

/// The edit of commit 2: a likelihood raised into a higher band, a 6-month
/// status turned yellow with money disbursed and work started.
fn raise_fin_r1(r: &mut Register) {
    let risk = r.risk_mut(&rid("FIN-R1")).expect("FIN-R1");
    risk.inherent.likelihood = 5;
    let round = RoundId::new("6m").expect("id");
    let m = risk.measures[0].at_round_mut(&round).expect("6m");
    m.status = TrafficLight::Yellow;
    m.implementation = Implementation::InProgress;
    m.disbursed = Money::from_satang(12_050);
    m.added_activities = "ตรวจสอบเอกสารเพิ่ม".into();
}

/// Commits: 1 all samples (officer), 2 FIN edited (deputy), 3 FIN approved
/// (director, through `riskreg approve`), 4 FIN edited after approval (officer).
fn history() -> Repo {
    let repo = Repo::new();
    repo.commit(OFFICER, "2024-01-10T09:00:00+07:00", "Registers of FY2567");
    repo.edit(FIN, raise_fin_r1);
    repo.commit(
        DEPUTY,
        "2024-02-01T10:00:00+07:00",
        "FIN: 6-month monitoring",
    );
    let out = repo.riskreg(&[
        "approve",
        FIN,
        "--name",
        "นายสมชาย ผู้อนุมัติ",
        "--position",
        "ผู้อำนวยการสำนัก",
        "--date",
        "2567-03-01",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    repo.commit(DIRECTOR, "2024-03-01T15:00:00+07:00", "FIN approved");
    repo.edit(FIN, |r| {
        let risk = r.risk_mut(&rid("FIN-R2")).expect("FIN-R2");
        risk.owner = "หัวหน้างานพัสดุ".into();
        let round = RoundId::new("12m").expect("id");
        let m = risk.measures[0].at_round_mut(&round).expect("12m");
        m.status = TrafficLight::Red;
    });
    repo.commit(OFFICER, "2024-04-02T11:00:00+07:00", "FIN: owner of FIN-R2");
    repo
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}{}",
        out.status.code(),
        stdout(out),
        stderr(out)
    );
    stdout(out)
}

fn short(repo: &Repo, rev: &str) -> String {
    repo.git(&["rev-parse", rev]).trim()[..10].to_string()
}

#[test]
fn diff_of_two_commits_speaks_in_domain_terms() {
    let repo = history();
    let text = ok(&repo.riskreg(&["diff", "HEAD~3", "HEAD~2"]));
    assert_eq!(
        text,
        "registers/2567/FIN.ron (FIN, FY2567)
  risk FIN-R1: likelihood: 3 medium → 5 very high
  risk FIN-R1: inherent risk rises: high → very high
  measure FIN-M1, round 6m: status: green → yellow (occurred but acceptable; add activities)
  measure FIN-M1, round 6m: implementation: not started → partly done
  measure FIN-M1, round 6m: added activities: (none) → ตรวจสอบเอกสารเพิ่ม
  measure FIN-M1, round 6m: disbursed: 0.00 → 120.50 baht
"
    );
    insta::assert_snapshot!(
        "diff_text_th",
        ok(&repo.riskreg(&["diff", "--lang", "th", "HEAD~3", "HEAD~2"]))
    );
    insta::assert_snapshot!(
        "diff_markdown",
        ok(&repo.riskreg(&["diff", "--format", "markdown", "HEAD~3", "HEAD"]))
    );
}

#[test]
fn json_output_has_stable_ids() {
    let repo = history();
    let json = ok(&repo.riskreg(&["diff", "--format", "json", "HEAD~2", "HEAD"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let ids: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "registers/2567/FIN.ron#:approved",
            "registers/2567/FIN.ron#FIN-R2:field.owner",
            "registers/2567/FIN.ron#FIN-R2/FIN-M2@12m:status",
        ]
    );
    assert_eq!(v[2]["old"], "Yellow");
    assert_eq!(v[2]["new"], "Red");
    assert_eq!(v[2]["target"]["round"], "12m");
}

#[test]
fn log_of_a_risk_lists_commits_newest_first_with_their_changes() {
    let repo = history();
    let text = ok(&repo.riskreg(&["log", "--risk", "FIN-R1"]));
    let (c2, c1) = (short(&repo, "HEAD~2"), short(&repo, "HEAD~3"));
    assert_eq!(
        text,
        format!(
            "{c2} 2567-02-01 สุภาพร วงศ์ไทย <supaporn@fin.example>: FIN: 6-month monitoring
    registers/2567/FIN.ron: risk FIN-R1: likelihood: 3 medium → 5 very high
    registers/2567/FIN.ron: risk FIN-R1: inherent risk rises: high → very high
    registers/2567/FIN.ron: measure FIN-M1, round 6m: status: green → yellow (occurred but acceptable; add activities)
    registers/2567/FIN.ron: measure FIN-M1, round 6m: implementation: not started → partly done
    registers/2567/FIN.ron: measure FIN-M1, round 6m: added activities: (none) → ตรวจสอบเอกสารเพิ่ม
    registers/2567/FIN.ron: measure FIN-M1, round 6m: disbursed: 0.00 → 120.50 baht
{c1} 2567-01-10 กาญจนา บุญประเสริฐ <kanchana@fin.example>: Registers of FY2567
    registers/2567/FIN.ron: risk FIN-R1: added
    registers/2567/FIN.ron: measure FIN-M1: added
"
        )
    );
}

#[test]
fn log_of_a_file_shows_every_commit_and_author() {
    let repo = history();
    let text = ok(&repo.riskreg(&["log", FIN]));
    let heads: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
    let authors: Vec<String> = heads
        .iter()
        .map(|l| l.split(" <").next().unwrap_or("")[11..].to_string())
        .collect();
    assert_eq!(
        authors,
        [
            "2567-04-02 กาญจนา บุญประเสริฐ",
            "2567-03-01 Director Somchai",
            "2567-02-01 สุภาพร วงศ์ไทย",
            "2567-01-10 กาญจนา บุญประเสริฐ",
        ]
    );
    assert!(text.contains(
        "    registers/2567/FIN.ron: approved by นายสมชาย ผู้อนุมัติ (ผู้อำนวยการสำนัก), 2567-03-01\n"
    ));
    insta::assert_snapshot!(
        "log_markdown",
        ok(&repo.riskreg(&["log", "--format", "markdown", FIN]))
            .replace(&short(&repo, "HEAD"), "<commit 4>")
            .replace(&short(&repo, "HEAD~1"), "<commit 3>")
            .replace(&short(&repo, "HEAD~2"), "<commit 2>")
            .replace(&short(&repo, "HEAD~3"), "<commit 1>")
    );
    let json = ok(&repo.riskreg(&["log", "--format", "json", "--risk", "FIN-R2"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let subjects: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|e| e["commit"]["subject"].as_str().expect("subject"))
        .collect();
    assert_eq!(subjects, ["FIN: owner of FIN-R2", "Registers of FY2567"]);
    assert_eq!(v[0]["commit"]["date"], "2024-04-02");
    assert_eq!(
        v[0]["changes"][0]["id"],
        "registers/2567/FIN.ron#FIN-R2:field.owner"
    );
    let measure = ok(&repo.riskreg(&["log", "--measure", "FIN-M2"]));
    assert_eq!(measure.lines().filter(|l| !l.starts_with(' ')).count(), 2);
    assert!(measure.contains(
        "measure FIN-M2, round 12m: status: yellow → red (beyond acceptance; add activities)"
    ));
}

#[test]
fn validate_reports_the_edit_after_approval_and_what_changed_since() {
    let repo = history();
    let out = repo.riskreg(&["validate", "registers"]);
    assert_eq!(out.status.code(), Some(0), "a warning, not an error");
    let approved = short(&repo, "HEAD~1");
    let line = stdout(&out)
        .lines()
        .find(|l| l.starts_with("registers/2567/FIN.ron:"))
        .expect("a finding for FIN")
        .to_string();
    assert_eq!(
        line,
        format!(
            "registers/2567/FIN.ron:22:17: warning: changed since its approval by นายสมชาย ผู้อนุมัติ (ผู้อำนวยการสำนัก) on 2567-03-01; \
             the approved content is commit {approved} (Director Somchai: FIN approved); changed since: \
             risk FIN-R2: owner: ผู้อำนวยการกลุ่มงานพัสดุและทรัพย์สิน → หัวหน้างานพัสดุ; \
             measure FIN-M2, round 12m: status: yellow → red (beyond acceptance; add activities) [approved_by.digest]"
        )
    );
    // at the approved commit itself there is nothing to report
    repo.git(&["checkout", "-q", "HEAD~1", "--", FIN]);
    let out = ok(&repo.riskreg(&["validate", "registers"]));
    assert!(!out.contains("FIN.ron"), "{out}");
}

#[test]
fn approved_content_missing_from_history_is_said_plainly() {
    let repo = history();
    // the approval was forged by hand onto content that was never committed
    repo.edit(FIN, |r| r.note = "แก้ไขภายหลัง".into());
    let text = std::fs::read_to_string(repo.path(FIN)).expect("read");
    let forged = Repo::new();
    std::fs::write(forged.path(FIN), text).expect("write");
    forged.commit(OFFICER, "2024-05-01T09:00:00+07:00", "copied");
    let out = ok(&forged.riskreg(&["validate", "registers"]));
    assert!(
        out.contains(
            "warning: changed since its approval by นายสมชาย ผู้อนุมัติ (ผู้อำนวยการสำนัก) on 2567-03-01; \
             the content no longer matches the approved digest "
        ),
        "{out}"
    );
}

#[test]
fn working_tree_changes_moves_and_unparsable_files() {
    let repo = history();
    // nothing changed yet
    assert_eq!(ok(&repo.riskreg(&["diff"])), "no changes to registers\n");
    std::fs::create_dir_all(repo.path("archive/2567")).expect("mkdir");
    std::fs::rename(
        repo.path("registers/2567/PR.ron"),
        repo.path("archive/2567/PR.ron"),
    )
    .expect("move");
    std::fs::write(
        repo.path("registers/2567/CAB.ron"),
        "Register(\n    bureau: \"CAB\",\n",
    )
    .expect("truncate");
    let text = ok(&repo.riskreg(&["diff"]));
    assert_eq!(
        text,
        "archive/2567/PR.ron (PR, FY2567)
  moved from registers/2567/PR.ron
registers/2567/CAB.ron (CAB, FY2567)
  does not parse at the new revision, content not compared: line 2, column 19: the file ends too early (truncated?); expected the rest of a register: Register(bureau: …, year: …, …)
"
    );
    // paths after -- limit the comparison; -C runs elsewhere
    let only = ok(&repo.riskreg(&["diff", "-C", "registers", "--", "2567/CAB.ron"]));
    assert!(
        only.starts_with("registers/2567/CAB.ron (CAB, FY2567)\n"),
        "{only}"
    );
}

#[test]
fn bad_revisions_and_places_are_clear_errors() {
    let repo = history();
    let out = repo.riskreg(&["diff", "no-such-branch"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: unknown revision \"no-such-branch\": no commit, branch or tag of that name\n"
    );
    let out = repo.riskreg(&["diff", "--", "../elsewhere.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is outside the git repository"),
        "{}",
        stderr(&out)
    );
    let out = repo.riskreg(&["diff", "HEAD~9"]);
    assert_eq!(out.status.code(), Some(2));
    let outside = tempfile::tempdir().expect("tempdir");
    let out = repo.riskreg(&["log", "-C", &outside.path().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is not inside a git repository"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn changes_against_head_for_the_tui() {
    let repo = history();
    let fin = repo.path(FIN);
    assert!(
        riskreg::audit::changes_against_head(&fin)
            .expect("diff")
            .is_empty()
    );
    repo.edit(FIN, |r| r.note = "ทบทวน".into());
    let changes = riskreg::audit::changes_against_head(&fin).expect("diff");
    let lines: Vec<String> = changes
        .iter()
        .map(|c| riskreg::audit::render::one_line(c, riskreg::model::Lang::En))
        .collect();
    assert_eq!(lines, ["note: (none) → ทบทวน"]);
    // a new file, not in HEAD: all added
    let new = repo.path("registers/2568/FIN.ron");
    std::fs::create_dir_all(new.parent().expect("dir")).expect("mkdir");
    let next = store::load_register(&fin)
        .expect("load")
        .value
        .rolled_over();
    std::fs::write(&new, store::to_canonical(&next).expect("ron")).expect("write");
    let added = riskreg::audit::changes_against_head(&new).expect("diff");
    let lines: Vec<String> = added
        .iter()
        .map(|c| riskreg::audit::render::one_line(c, riskreg::model::Lang::En))
        .collect();
    assert_eq!(lines[0], "register added");
    assert!(
        lines.contains(&"risk FIN-R1: added".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"measure FIN-M3: added".to_string()),
        "{lines:?}"
    );
}

#[test]
fn the_hook_refuses_a_commit_of_a_broken_register() {
    let repo = history();
    let out = ok(&repo.riskreg(&["hook", "install"]));
    assert_eq!(out, "installed .git/hooks/pre-commit\n");
    let hook = repo.path(".git/hooks/pre-commit");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&hook).expect("hook").permissions().mode();
        assert_eq!(mode & 0o111, 0o111, "executable");
    }
    let head = repo.git(&["rev-parse", "HEAD"]);
    // staged: a likelihood off the scale
    repo.set_fin_r1_likelihood(9);
    repo.git(&["add", FIN]);
    let (committed, said) = repo.try_commit("bad");
    assert!(!committed);
    assert!(
        said.contains("registers/2567/FIN.ron:33:29: error: likelihood 9 is outside the scale 1–5 of coso-5x5 v1"),
        "{said}"
    );
    assert!(said.contains("riskreg: commit refused"), "{said}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    // the staged content is what counts: fixing only the working tree does not help
    repo.set_fin_r1_likelihood(4);
    assert!(!repo.try_commit("bad").0, "the staged file is still broken");
    // staged but not canonical
    repo.git(&["add", FIN]);
    let text = std::fs::read_to_string(repo.path(FIN)).expect("read");
    std::fs::write(repo.path(FIN), text.replace("    note: ", "    note:  ")).expect("write");
    repo.git(&["add", FIN]);
    let (committed, said) = repo.try_commit("ugly");
    assert!(!committed);
    assert!(
        said.contains("registers/2567/FIN.ron:24: not in canonical form"),
        "{said}"
    );
    // fixed and staged: the commit goes through
    std::fs::write(repo.path(FIN), text).expect("write");
    repo.commit(OFFICER, "2024-05-01T09:00:00+07:00", "FIN-R1 likelihood 4");
    assert_ne!(repo.git(&["rev-parse", "HEAD"]), head);
    // a hook that is not ours is kept unless --force
    std::fs::write(&hook, "#!/bin/sh\nexit 0\n").expect("write");
    let out = repo.riskreg(&["hook", "install"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not overwriting it"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&hook).expect("hook"),
        "#!/bin/sh\nexit 0\n"
    );
    let out = ok(&repo.riskreg(&["hook", "install", "--force"]));
    assert!(out.starts_with("replaced the previous hook"), "{out}");
}

#[test]
fn a_repository_without_commits_has_everything_added_and_no_history() {
    let repo = Repo::new();
    let text = ok(&repo.riskreg(&["diff", "--", "registers/2567/MTG.ron"]));
    assert_eq!(
        text,
        "registers/2567/MTG.ron (MTG, FY2567)
  register added
  risk MTG-R1: added
  risk MTG-R2: added
"
    );
    assert_eq!(ok(&repo.riskreg(&["log"])), "no commits changed it\n");
}

#[test]
fn log_leaves_out_commits_that_touched_no_register_and_one_revision_compares_with_the_working_tree()
{
    let repo = history();
    let bureaus = repo.path("registers/bureaus.ron");
    let text = std::fs::read_to_string(&bureaus).expect("read");
    std::fs::write(
        &bureaus,
        text.replace("สำนักการคลังและงบประมาณ", "สำนักการคลัง"),
    )
    .expect("write");
    repo.commit(DEPUTY, "2024-06-01T09:00:00+07:00", "Shorter bureau name");
    let log = ok(&repo.riskreg(&["log"]));
    assert!(!log.contains("Shorter bureau name"), "{log}");
    assert_eq!(log.lines().filter(|l| !l.starts_with(' ')).count(), 4);
    // one revision: against the working tree, which is HEAD here
    assert_eq!(
        ok(&repo.riskreg(&["diff", "HEAD~3"])),
        ok(&repo.riskreg(&["diff", "HEAD~3", "HEAD"]))
    );
}

#[test]
fn log_in_thai_shows_dates_the_thai_way() {
    let repo = history();
    let text = ok(&repo.riskreg(&["log", "--lang", "th", FIN]));
    let dates: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.split(" <").next().unwrap_or("")[11..].to_string())
        .collect();
    assert_eq!(
        dates,
        [
            "2 เม.ย. 2567 กาญจนา บุญประเสริฐ",
            "1 มี.ค. 2567 Director Somchai",
            "1 ก.พ. 2567 สุภาพร วงศ์ไทย",
            "10 ม.ค. 2567 กาญจนา บุญประเสริฐ",
        ]
    );
    assert!(
        text.contains("อนุมัติโดย นายสมชาย ผู้อนุมัติ (ผู้อำนวยการสำนัก), 1 มี.ค. 2567\n"),
        "{text}"
    );
}

/// What the interface marks as not yet committed comes from one git call in
/// `audit::git`: files changed, added or untracked under the registers
/// directory, and nothing outside it.
#[test]
fn uncommitted_files_under_the_registers_directory() {
    let repo = Repo::new();
    std::fs::write(repo.path("notes.txt"), "outside the registers").expect("write");
    repo.commit(OFFICER, "2024-01-10T09:00:00+07:00", "registers");
    repo.set_fin_r1_likelihood(2);
    std::fs::write(repo.path("registers/2567/NEW.ron"), "()").expect("write");
    std::fs::write(repo.path("notes.txt"), "changed, but not a register").expect("write");
    let dir = repo.path("registers");
    let git = riskreg::audit::git::Repo::discover(&dir).expect("a work tree");
    let mut changed = git.uncommitted_under(&dir).expect("git status");
    changed.sort();
    let top = std::fs::canonicalize(&repo.root).expect("top");
    assert_eq!(
        changed,
        vec![top.join(FIN), top.join("registers/2567/NEW.ron")]
    );
}
