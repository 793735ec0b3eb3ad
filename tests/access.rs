//! Who may change which register, and approvals that cannot be forged: real
//! git repositories, real SSH keys made by ssh-keygen, identities given by
//! RISKREG_USER and git's author e-mail, the real binary and its hooks.

mod common;

use common::{copy_dir, sample_registers, stderr, stdout};
use riskreg::audit::access::{EditRights, Identity};
use riskreg::audit::content_digest;
use riskreg::model::Lang;
use riskreg::store;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PEOPLE: &str = r#"People(
    people: [
        Person(
            name: "นายสมชาย ใจดี",
            position: "นักวิชาการเงินและบัญชี",
            login: "somchai",
            email: "somchai@senate.test",
            roles: [
                Officer("FIN"),
            ],
        ),
        Person(
            name: "นางวิไลวรรณ ศรีสุข",
            position: "ผู้อำนวยการสำนักการคลังและงบประมาณ",
            login: "wilaiwan",
            email: "wilaiwan@senate.test",
            roles: [
                Approver("FIN"),
            ],
        ),
        Person(
            name: "นายธนากร แก้วมณี",
            position: "ผู้อำนวยการสำนักเทคโนโลยีสารสนเทศ",
            login: "thanakorn",
            email: "thanakorn@senate.test",
            roles: [
                Officer("ICT"),
                Approver("ICT"),
            ],
        ),
        Person(
            name: "นางสาวกนกพร มีทรัพย์",
            position: "นักวิเคราะห์นโยบายและแผน",
            login: "kanokporn",
            email: "kanokporn@senate.test",
            roles: [
                Planning,
            ],
        ),
    ],
)
"#;

/// A repository holding the sample registers, people.ron and an
/// allowed_signers with the keys of wilaiwan (approver of FIN) and thanakorn
/// (approver of ICT only); a stranger's key exists but is not listed.
struct Office {
    _dir: tempfile::TempDir,
    repo: PathBuf,
    keys: PathBuf,
}

impl Office {
    fn new() -> Office {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = dir.path().join("office");
        let keys = dir.path().join("keys");
        std::fs::create_dir_all(&keys).expect("keys dir");
        copy_dir(&sample_registers(), &repo.join("registers"));
        std::fs::write(repo.join("registers/people.ron"), PEOPLE).expect("people");
        let mut signers = String::new();
        for who in ["wilaiwan", "thanakorn", "stranger"] {
            let key = keys.join(who);
            let out = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C", who, "-f"])
                .arg(&key)
                .output()
                .expect("ssh-keygen runs");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let public = std::fs::read_to_string(key.with_extension("pub")).expect("pub");
            if who != "stranger" {
                signers.push_str(&format!("{who}@senate.test {public}"));
            }
        }
        std::fs::write(repo.join("registers/allowed_signers"), signers).expect("signers");
        let office = Office {
            _dir: dir,
            repo,
            keys,
        };
        office.git("kanokporn", &["init", "-q", "-b", "main"]);
        office.git("kanokporn", &["add", "."]);
        office.git("kanokporn", &["commit", "-q", "-m", "registers and people"]);
        office
    }

    fn key(&self, who: &str) -> String {
        self.keys.join(who).to_string_lossy().into_owned()
    }

    /// git as `who` (author and committer e-mail, RISKREG_USER for hooks).
    fn git_output(&self, who: &str, args: &[&str]) -> Output {
        git_as(&self.repo, who, args)
    }

    fn git(&self, who: &str, args: &[&str]) -> String {
        let out = self.git_output(who, args);
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout(&out)
    }

    fn riskreg(&self, who: &str, args: &[&str]) -> Output {
        riskreg_as(&self.repo, who, args)
    }

    /// thanakorn (ICT) writes himself into people.ron as an officer of FIN.
    fn grant_ict_officer_fin(&self) {
        let people = self.repo.join("registers/people.ron");
        let text = std::fs::read_to_string(&people).expect("people");
        let granted = text.replace(
            "Officer(\"ICT\"),",
            "Officer(\"ICT\"),\n                Officer(\"FIN\"),",
        );
        assert_ne!(granted, text);
        std::fs::write(&people, granted).expect("write people");
    }

    fn fin(&self) -> PathBuf {
        self.repo.join("registers/2567/FIN.ron")
    }

    /// Changes the owner of FIN's first risk (a valid, canonical edit).
    fn edit_fin(&self, to: &str) {
        let text = std::fs::read_to_string(self.fin()).expect("FIN");
        let from = "owner: \"ผู้อำนวยการกลุ่มงานการเงิน\"";
        let text = if text.contains(from) {
            text.replacen(from, &format!("owner: \"{to}\""), 1)
        } else {
            let start = text.find("owner: \"").expect("an owner");
            let end = start + text[start + 8..].find('"').expect("closing quote") + 9;
            format!("{}owner: \"{to}\"{}", &text[..start], &text[end..])
        };
        std::fs::write(self.fin(), text).expect("write FIN");
    }
}

fn git_as(dir: &Path, who: &str, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", who)
        .env("GIT_AUTHOR_EMAIL", format!("{who}@senate.test"))
        .env("GIT_COMMITTER_NAME", who)
        .env("GIT_COMMITTER_EMAIL", format!("{who}@senate.test"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env("RISKREG_USER", who)
        .output()
        .expect("run git")
}

fn riskreg_as(dir: &Path, who: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_riskreg"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("RISKREG_USER", who)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("run riskreg")
}

fn both(o: &Output) -> String {
    format!("{}{}", stdout(o), stderr(o))
}

#[test]
fn the_shipped_sample_people_file_and_signers_validate_against_the_sample_bureaus() {
    let (_dir, root) = common::sample_workspace();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples");
    for f in ["people.ron", "allowed_signers"] {
        std::fs::copy(examples.join(f), root.join(f)).expect("copy example");
    }
    let out = riskreg_as(root.parent().expect("parent"), "nobody", &["validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    // the approved sample (MTG) is unsigned: accepted, and said so
    assert!(
        stdout(&out).contains("MTG.ron") && stdout(&out).contains("unsigned (still accepted"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_bad_people_file_and_signers_file_are_reported_at_their_lines() {
    let (_dir, root) = common::sample_workspace();
    let people = PEOPLE.replace("Officer(\"ICT\")", "Officer(\"XYZ\")");
    std::fs::write(root.join("people.ron"), people).expect("people");
    std::fs::write(
        root.join("allowed_signers"),
        "# keys\nnobody@x ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIClybSskSkGMmUynLM0A\nwilaiwan ssh-ed25519\n",
    )
    .expect("signers");
    let out = riskreg_as(root.parent().expect("parent"), "nobody", &["validate"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let text = stdout(&out);
    assert!(
        text.contains("registers/people.ron:27:17: error: bureau XYZ is not in bureaus.ron"),
        "{text}"
    );
    assert!(
        text.contains("registers/allowed_signers:2:1: error: nobody@x is nobody in people.ron"),
        "{text}"
    );
    assert!(
        text.contains("registers/allowed_signers:3:1: error: expected `principals"),
        "{text}"
    );
    // a syntax error gives its place too
    std::fs::write(root.join("people.ron"), "People(people: [Person(name: 3)])").expect("w");
    let out = riskreg_as(root.parent().expect("parent"), "nobody", &["validate"]);
    assert!(
        stdout(&out).contains("registers/people.ron:1:29: error: people[0].name: Expected string"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_pre_commit_hook_refuses_a_register_of_another_bureau_and_lets_its_officer_commit() {
    let office = Office::new();
    let out = office.riskreg("kanokporn", &["hook", "install"]);
    assert!(out.status.success(), "{}", both(&out));

    office.edit_fin("หัวหน้างานการเงิน (แก้โดย ICT)");
    office.git("thanakorn", &["add", "-A"]);
    let refused = office.git_output("thanakorn", &["commit", "-q", "-m", "ICT edits FIN"]);
    assert!(!refused.status.success(), "{}", both(&refused));
    let why = stderr(&refused);
    assert!(
        why.contains(
            "registers/2567/FIN.ron: นายธนากร แก้วมณี (thanakorn) may not change the register of FIN"
        ) && why.contains("they belong to ICT")
            && why.contains("commit refused"),
        "{why}"
    );
    assert_eq!(
        office
            .git("thanakorn", &["rev-list", "--count", "HEAD"])
            .trim(),
        "1"
    );

    let ok = office.git_output("somchai", &["commit", "-q", "-m", "FIN edits FIN"]);
    assert!(ok.status.success(), "{}", both(&ok));
    assert_eq!(
        office
            .git("somchai", &["rev-list", "--count", "HEAD"])
            .trim(),
        "2"
    );

    // nobody may grant themselves rights: people.ron is the planning bureau's
    office.grant_ict_officer_fin();
    office.git("thanakorn", &["add", "-A"]);
    let refused = office.git_output("thanakorn", &["commit", "-q", "-m", "me too"]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("may not change a shared file"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn verify_reports_every_commit_made_without_the_right_role() {
    let office = Office::new();
    office.edit_fin("แก้โดยเจ้าหน้าที่การเงิน");
    office.git("somchai", &["commit", "-qam", "FIN by its officer"]);
    // no hook here: the commit goes in, and verify must find it
    office.edit_fin("แก้โดย ICT");
    office.git("thanakorn", &["commit", "-qam", "FIN by ICT"]);
    // granting oneself the role in the same commit does not help
    office.grant_ict_officer_fin();
    office.edit_fin("ICT อีกครั้ง");
    office.git("thanakorn", &["commit", "-qam", "self-granted"]);

    let out = office.riskreg("prasert", &["verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let text = stdout(&out);
    assert!(!text.contains("FIN by its officer"), "{text}");
    assert!(text.contains("FIN by ICT"), "{text}");
    assert!(text.contains("self-granted"), "{text}");
    assert!(
        text.contains("NOT ALLOWED: registers/people.ron: นายธนากร แก้วมณี (thanakorn) may not change a shared file"),
        "{text}"
    );
    assert_eq!(
        text.matches("may not change the register of FIN").count(),
        2,
        "{text}"
    );
    assert!(
        text.contains("4 commits checked, 3 changes without the right role"),
        "{text}"
    );
    assert!(
        text.contains("1 commit made before a people.ron existed"),
        "{text}"
    );

    // a range: only the last commit
    let out = office.riskreg("prasert", &["verify", "HEAD~1..HEAD"]);
    assert!(
        stdout(&out).contains("1 commit checked"),
        "{}",
        stdout(&out)
    );
    let out = office.riskreg("prasert", &["verify", "nope..HEAD"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown revision \"nope\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_signed_approval_holds_and_forged_ones_are_caught() {
    let office = Office::new();
    let fin = office.fin();
    let fin_arg = fin.to_string_lossy().into_owned();

    // only an approver of FIN may sign it off
    let out = office.riskreg(
        "thanakorn",
        &[
            "approve",
            &fin_arg,
            "--sign",
            "--key",
            &office.key("thanakorn"),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    assert!(
        stderr(&out).contains("may not approve the register of FIN"),
        "{}",
        stderr(&out)
    );

    let out = office.riskreg(
        "wilaiwan",
        &[
            "approve",
            &fin_arg,
            "--sign",
            "--key",
            &office.key("wilaiwan"),
            "--date",
            "2567-10-15",
        ],
    );
    assert!(out.status.success(), "{}", both(&out));
    assert!(
        stdout(&out).contains("นางวิไลวรรณ ศรีสุข (ผู้อำนวยการสำนักการคลังและงบประมาณ)")
            && stdout(&out)
                .contains("signed by นางวิไลวรรณ ศรีสุข (wilaiwan), an approver of this bureau"),
        "{}",
        stdout(&out)
    );
    let out = office.riskreg("prasert", &["validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    assert!(
        stdout(&out).contains("note: approval by นางวิไลวรรณ ศรีสุข: signed by"),
        "{}",
        stdout(&out)
    );
    office.git("wilaiwan", &["commit", "-qam", "FIN approved"]);
    let approved = std::fs::read_to_string(&fin).expect("FIN");

    // 1. forged digest: content edited and its digest recomputed; the
    //    signature no longer matches
    office.edit_fin("แก้หลังอนุมัติ");
    let mut reg = store::load_register(&fin).expect("load").value;
    let digest = content_digest(&reg);
    if let Some(a) = reg.approved_by.as_mut() {
        a.digest = digest;
    }
    std::fs::write(&fin, store::to_canonical(&reg).expect("ron")).expect("write");
    let out = office.riskreg("prasert", &["validate", &fin_arg]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    assert!(
        stdout(&out).contains(
            "error: approval by นางวิไลวรรณ ศรีสุข: FORGED: the signature does not match this approval"
        ),
        "{}",
        stdout(&out)
    );
    office.git(
        "somchai",
        &["commit", "-qam", "quietly edited, digest recomputed"],
    );

    // 2. wrong signer: signed by a key allowed_signers lists, but for a
    //    person who may not approve FIN
    std::fs::write(&fin, &approved).expect("restore");
    let mut reg = store::load_register(&fin).expect("load").value;
    let mut approval = reg.approved_by.clone().expect("approved");
    approval.signature = None;
    let statement = riskreg::audit::signing::statement(&reg, &approval).expect("statement");
    let by_thanakorn =
        riskreg::audit::signing::sign(&statement, Path::new(&office.key("thanakorn")))
            .expect("sign");
    let by_stranger = riskreg::audit::signing::sign(&statement, Path::new(&office.key("stranger")))
        .expect("sign");
    approval.signature = Some(by_thanakorn);
    reg.approved_by = Some(approval.clone());
    std::fs::write(&fin, store::to_canonical(&reg).expect("ron")).expect("write");
    let out = office.riskreg("prasert", &["validate", &fin_arg]);
    assert!(
        stdout(&out)
            .contains("FORGED: signed by นายธนากร แก้วมณี (thanakorn), who may not approve FIN"),
        "{}",
        stdout(&out)
    );

    // 3. a key nobody listed
    approval.signature = Some(by_stranger);
    reg.approved_by = Some(approval);
    std::fs::write(&fin, store::to_canonical(&reg).expect("ron")).expect("write");
    let out = office.riskreg("prasert", &["validate", &fin_arg]);
    assert!(
        stdout(&out).contains("FORGED: signed by key SHA256:")
            && stdout(&out).contains("which allowed_signers does not list"),
        "{}",
        stdout(&out)
    );
    office.git("somchai", &["commit", "-qam", "stranger's signature"]);

    // 4. unsigned, recorded by the officer (not an approver)
    let out = office.riskreg(
        "somchai",
        &[
            "approve",
            &fin_arg,
            "--name",
            "นางวิไลวรรณ ศรีสุข",
            "--position",
            "ผอ.",
        ],
    );
    assert!(out.status.success(), "{}", both(&out));
    assert!(stdout(&out).contains(", unsigned"), "{}", stdout(&out));
    let out = office.riskreg("prasert", &["validate", &fin_arg]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    assert!(
        stdout(&out).contains("warning: approval by นางวิไลวรรณ ศรีสุข: unsigned (still accepted"),
        "{}",
        stdout(&out)
    );
    office.git("somchai", &["commit", "-qam", "unsigned approval"]);

    // verify says it of each approval in history
    let out = office.riskreg("prasert", &["verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let text = stdout(&out);
    assert!(text.contains("FIN approved\n    registers/2567/FIN.ron: approval by นางวิไลวรรณ ศรีสุข on 2567-10-15: signed by"), "{text}");
    assert!(text.contains("NOT ALLOWED: registers/2567/FIN.ron: forged approval by นางวิไลวรรณ ศรีสุข: the signature does not match"), "{text}");
    assert!(
        text.contains("forged approval by นางวิไลวรรณ ศรีสุข: signed by key SHA256:"),
        "{text}"
    );
    assert!(text.contains("without a valid signature was recorded by author e-mail somchai@senate.test, who may not approve FIN"), "{text}");

    // and log, after the changes, says it of each approval it lists
    let out = office.riskreg("prasert", &["log", "registers/2567/FIN.ron"]);
    assert!(out.status.success(), "{}", both(&out));
    let text = stdout(&out);
    let seals = &text[text.find("\napprovals:\n").expect("approvals section")..];
    assert_eq!(
        seals.matches("registers/2567/FIN.ron: approval by").count(),
        4,
        "{seals}"
    );
    assert!(
        seals.contains("signed by นางวิไลวรรณ ศรีสุข (wilaiwan), an approver of this bureau"),
        "{seals}"
    );
    assert_eq!(seals.matches("FORGED").count(), 2, "{seals}");
    assert!(seals.contains("unsigned (still accepted"), "{seals}");
}

#[test]
fn the_server_hook_refuses_a_push_by_someone_outside_the_bureau() {
    let office = Office::new();
    let bare = office.repo.parent().expect("parent").join("central.git");
    let out = git_as(
        office.repo.parent().expect("p"),
        "admin",
        &[
            "init",
            "-q",
            "--bare",
            "-b",
            "main",
            &bare.to_string_lossy(),
        ],
    );
    assert!(out.status.success(), "{}", both(&out));
    let out = riskreg_as(&bare, "admin", &["hook", "install", "--server"]);
    assert!(out.status.success(), "{}", both(&out));
    assert!(bare.join("hooks/pre-receive").is_file());
    let url = bare.to_string_lossy().into_owned();
    office.git("kanokporn", &["remote", "add", "origin", &url]);
    // the first push brings people.ron itself: nothing to judge it by yet
    office.git("kanokporn", &["push", "-q", "origin", "main"]);

    office.edit_fin("แก้โดย ICT");
    office.git("thanakorn", &["commit", "-qam", "FIN by ICT"]);
    let refused = office.git_output("thanakorn", &["push", "-q", "origin", "main"]);
    assert!(!refused.status.success(), "{}", both(&refused));
    assert!(
        stderr(&refused).contains("may not change the register of FIN")
            && stderr(&refused).contains("push refused"),
        "{}",
        stderr(&refused)
    );
    // the central repository did not take it
    let central = git_as(&bare, "admin", &["rev-list", "--count", "main"]);
    assert_eq!(stdout(&central).trim(), "1");

    // FIN's own officer pushing a commit of their own is let through; the
    // same commit pushed by the ICT login is not
    office.git("somchai", &["reset", "-q", "--hard", "HEAD~1"]);
    office.edit_fin("แก้โดยเจ้าหน้าที่การเงิน");
    office.git("somchai", &["commit", "-qam", "FIN by FIN"]);
    let by_ict_login = office.git_output("thanakorn", &["push", "-q", "origin", "main"]);
    assert!(!by_ict_login.status.success());
    assert!(
        stderr(&by_ict_login).contains("pushed by RISKREG_USER thanakorn"),
        "{}",
        stderr(&by_ict_login)
    );
    let ok = office.git_output("somchai", &["push", "-q", "origin", "main"]);
    assert!(ok.status.success(), "{}", both(&ok));
    assert_eq!(
        stdout(&git_as(&bare, "admin", &["rev-list", "--count", "main"])).trim(),
        "2"
    );
}

#[test]
fn the_interface_is_read_only_for_other_bureaus_and_says_why() {
    let office = Office::new();
    let root = office.repo.join("registers");
    let rights = EditRights::load_as(&root, Identity::of("RISKREG_USER", "thanakorn"));
    assert_eq!(rights.check("ICT", Lang::En), Ok(()));
    let why = rights.check("FIN", Lang::En).expect_err("read-only");
    assert!(
        why.contains("only officers of FIN edit its register")
            && why.contains("นายธนากร แก้วมณี belongs to ICT"),
        "{why}"
    );
    assert!(
        rights
            .check("FIN", Lang::Th)
            .expect_err("ro")
            .contains("ทะเบียนของ FIN แก้ได้เฉพาะเจ้าหน้าที่ของ FIN; นายธนากร แก้วมณี สังกัด ICT")
    );
    let stranger = EditRights::load_as(&root, Identity::of("login", "root"));
    assert!(
        stranger
            .check("ICT", Lang::En)
            .expect_err("ro")
            .contains("are not in people.ron")
    );

    // in the app: an edit of FIN by ICT is refused with the reason, and FIN
    // is unchanged; ICT's own register can be edited
    let mut app = riskreg::tui::app::App::open(
        &root,
        riskreg::tui::settings::Settings::default(),
        riskreg::tui::theme::Theme::mono(),
    )
    .expect("open");
    app.rights = rights;
    let fin = common::select_bureau(&mut app, "FIN");
    app.current = fin;
    let before = app.register_value().cloned();
    let result = app.mutate(riskreg::tui::workspace::Part::Whole, |reg, _, _| {
        reg.note = "ICT was here".into();
        Ok(())
    });
    let refused = result.expect_err("refused");
    assert!(
        matches!(&refused, riskreg::tui::app::Notice::ReadOnly { reason }
            if reason.contains(app.lang.pick("อ่านอย่างเดียว", "read-only"))),
        "{refused:?}"
    );
    assert_eq!(app.register_value().cloned(), before);
    app.current = common::select_bureau(&mut app, "ICT");
    app.mutate(riskreg::tui::workspace::Part::Whole, |reg, _, _| {
        reg.note = "ICT edits ICT".into();
        Ok(())
    })
    .expect("own bureau");
    assert!(app.ws.any_dirty());
}

#[test]
fn the_people_example_of_the_file_format_page_parses_and_validates() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/file-format.md"))
            .expect("doc");
    let section = &text[text.find("## `people.ron`").expect("section")..];
    let open = section.find("```ron\n").expect("ron block") + "```ron\n".len();
    let close = section[open..].find("```").expect("end of block");
    let (_dir, root) = common::sample_workspace();
    std::fs::write(root.join("people.ron"), &section[open..open + close]).expect("write");
    let report = riskreg::check::check_root(&root, None);
    let in_people: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.file.ends_with("people.ron"))
        .collect();
    assert!(in_people.is_empty(), "{in_people:?}");
    assert!(
        riskreg::audit::access::load_people(&root)
            .expect("parses")
            .is_some()
    );
}
