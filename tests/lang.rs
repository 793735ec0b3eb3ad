//! The language of the command line: `--lang` on every command, else the
//! settings' `lang`, else LC_ALL, LC_MESSAGES, LANG (starting with `th` →
//! Thai), else English. The real binary on a copy of the sample registers,
//! with an environment the test sets whole.

mod common;

use common::{sample_workspace, stderr, stdout};
use std::path::Path;
use std::process::{Command, Output};

/// Runs riskreg in `cwd` with exactly the locale variables of `env` and a
/// settings file holding `settings` (none when `None`).
fn run(cwd: &Path, env: &[(&str, &str)], settings: Option<&str>, args: &[&str]) -> Output {
    let config = cwd.join("config");
    std::fs::create_dir_all(&config).expect("config dir");
    let file = config.join("settings.ron");
    match settings {
        Some(text) => std::fs::write(&file, text).expect("settings"),
        None => {
            let _ = std::fs::remove_file(&file);
        }
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_riskreg"));
    cmd.args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("RISKREG_TODAY", common::TODAY)
        .env("RISKREG_CONFIG_DIR", &config);
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    cmd.output().expect("run riskreg")
}

/// A workspace whose FIN register rates its first risk's likelihood 9 on a
/// scale of 1–5.
fn out_of_scale() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, root) = sample_workspace();
    let fin = root.join("2567/FIN.ron");
    let text = std::fs::read_to_string(&fin).expect("read");
    let at = text.find("likelihood: ").expect("a likelihood") + "likelihood: ".len();
    let mut changed = text.clone();
    changed.replace_range(at..at + 1, "9");
    std::fs::write(&fin, changed).expect("write");
    (dir, root)
}

const EN_ERROR: &str = "registers/2567/FIN.ron:28:29: error: likelihood 9 is outside the \
                        scale 1–5 of coso-5x5 v1 [risks[0].inherent.likelihood]";
const TH_ERROR: &str = "registers/2567/FIN.ron:28:29: ข้อผิดพลาด: ระดับโอกาส 9 อยู่นอกมาตรวัด \
                        1–5 ของ coso-5x5 v1 [risks[0].inherent.likelihood]";

fn first_line(o: &Output) -> String {
    stdout(o).lines().next().unwrap_or_default().to_string()
}

#[test]
fn validate_speaks_thai_with_the_flag_and_keeps_the_place() {
    let (dir, _) = out_of_scale();
    let out = run(
        dir.path(),
        &[("LANG", "C.UTF-8")],
        None,
        &["validate", "--lang", "th"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(first_line(&out), TH_ERROR);
    let last = stdout(&out).lines().last().unwrap_or_default().to_string();
    assert_eq!(last, "ข้อผิดพลาด 1 รายการ คำเตือน 2 รายการ ใน 11 ไฟล์");
    // the warnings too, with Thai words around the figures (ASCII digits:
    // Thai digits are for --thai-digits documents)
    assert!(
        stdout(&out).contains("คำเตือน: มาตรการ HRD-M1 เบิกจ่าย 10,075.00 บาท"),
        "{}",
        stdout(&out)
    );
    // the flag is global: before the command as well
    let before = run(dir.path(), &[], None, &["--lang", "th", "validate"]);
    assert_eq!(stdout(&before), stdout(&out));
}

#[test]
fn english_is_unchanged_and_is_the_default_of_a_non_thai_locale() {
    let (dir, _) = out_of_scale();
    for env in [
        &[][..],
        &[("LANG", "C.UTF-8")][..],
        &[("LANG", "en_GB.UTF-8")][..],
    ] {
        let out = run(dir.path(), env, None, &["validate"]);
        assert_eq!(first_line(&out), EN_ERROR, "{env:?}");
        assert!(stdout(&out).ends_with("1 error, 2 warnings in 11 files\n"));
    }
}

#[test]
fn a_thai_locale_makes_validate_thai() {
    let (dir, _) = out_of_scale();
    let out = run(dir.path(), &[("LANG", "th_TH.UTF-8")], None, &["validate"]);
    assert_eq!(first_line(&out), TH_ERROR);
}

#[test]
fn a_parse_error_in_thai_keeps_file_line_and_column() {
    let (dir, root) = sample_workspace();
    let fin = root.join("2567/FIN.ron");
    let text = std::fs::read_to_string(&fin).expect("read");
    std::fs::write(&fin, text.replacen("risks: [", "risks: [ oops", 1)).expect("write");
    let th = run(dir.path(), &[("LANG", "th_TH.UTF-8")], None, &["validate"]);
    assert_eq!(th.status.code(), Some(1));
    assert_eq!(
        first_line(&th),
        "registers/2567/FIN.ron:20:14: ข้อผิดพลาด: risks[0]: ต้องเป็นโครงสร้าง `Risk` แต่พบ `oops`"
    );
    let en = run(
        dir.path(),
        &[("LANG", "th_TH.UTF-8")],
        None,
        &["validate", "--lang", "en"],
    );
    assert_eq!(
        first_line(&en),
        "registers/2567/FIN.ron:20:14: error: risks[0]: Expected struct `Risk` but found `oops`"
    );
    // a misspelt field: the fields it may be are listed in both languages
    std::fs::write(&fin, text.replacen("process:", "proces:", 1)).expect("write");
    let th = run(dir.path(), &[], None, &["validate", "--lang", "th"]);
    let line = first_line(&th);
    assert!(line.starts_with("registers/2567/FIN.ron:"), "{line}");
    assert!(line.contains("ไม่มีฟิลด์ชื่อ `proces`"), "{line}");
    assert!(line.contains("`process`"), "{line}");
}

#[test]
fn the_flag_beats_the_settings_which_beat_the_locale() {
    let (dir, _) = out_of_scale();
    let th_env = [("LANG", "th_TH.UTF-8")];
    let en_settings = Some("Settings(lang: En)");
    let th_settings = Some("Settings(lang: Th, theme: Mono)");
    // settings over the locale, both ways
    let out = run(dir.path(), &th_env, en_settings, &["validate"]);
    assert_eq!(first_line(&out), EN_ERROR);
    let out = run(dir.path(), &[("LANG", "C")], th_settings, &["validate"]);
    assert_eq!(first_line(&out), TH_ERROR);
    // the flag over the settings
    let out = run(
        dir.path(),
        &th_env,
        en_settings,
        &["validate", "--lang", "th"],
    );
    assert_eq!(first_line(&out), TH_ERROR);
    let out = run(dir.path(), &[], th_settings, &["validate", "--lang", "en"]);
    assert_eq!(first_line(&out), EN_ERROR);
    // settings without a lang key leave it to the locale
    let out = run(
        dir.path(),
        &th_env,
        Some("Settings(theme: Mono)"),
        &["validate"],
    );
    assert_eq!(first_line(&out), TH_ERROR);
}

#[test]
fn lc_all_beats_lc_messages_which_beats_lang() {
    let (dir, _) = out_of_scale();
    let cases: [(&[(&str, &str)], &str); 5] = [
        (
            &[
                ("LC_ALL", "en_US.UTF-8"),
                ("LC_MESSAGES", "th_TH.UTF-8"),
                ("LANG", "th_TH.UTF-8"),
            ],
            EN_ERROR,
        ),
        (
            &[("LC_ALL", "th_TH.UTF-8"), ("LANG", "en_US.UTF-8")],
            TH_ERROR,
        ),
        (
            &[("LC_MESSAGES", "th_TH.UTF-8"), ("LANG", "en_US.UTF-8")],
            TH_ERROR,
        ),
        (&[("LC_MESSAGES", "C"), ("LANG", "th_TH.UTF-8")], EN_ERROR),
        // an empty variable is not set
        (
            &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "th_TH.UTF-8")],
            TH_ERROR,
        ),
    ];
    for (env, want) in cases {
        let out = run(dir.path(), env, None, &["validate"]);
        assert_eq!(first_line(&out), want, "{env:?}");
    }
}

#[test]
fn an_unknown_language_is_bad_usage() {
    let (dir, _) = sample_workspace();
    let out = run(dir.path(), &[], None, &["validate", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown language \"fr\": use th or en"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn summary_follows_the_same_rule_and_still_takes_its_lang() {
    let (dir, _) = sample_workspace();
    let args = ["summary", "--year", "2567", "--round", "6"];
    let th = run(
        dir.path(),
        &[],
        None,
        &[&args[..], &["--lang", "th"]].concat(),
    );
    let en = run(
        dir.path(),
        &[],
        None,
        &[&args[..], &["--lang", "en"]].concat(),
    );
    assert!(
        th.status.success() && en.status.success(),
        "{}",
        stderr(&th)
    );
    let by_locale = run(dir.path(), &[("LANG", "th_TH.UTF-8")], None, &args);
    assert_eq!(stdout(&by_locale), stdout(&th));
    let by_default = run(dir.path(), &[], None, &args);
    assert_eq!(stdout(&by_default), stdout(&en));
    assert_ne!(stdout(&th), stdout(&en));
}

#[test]
fn thai_digits_never_reach_english_output() {
    let (dir, _) = sample_workspace();
    let args = ["summary", "--year", "2567", "--round", "6", "--thai-digits"];
    let en = run(
        dir.path(),
        &[],
        None,
        &[&args[..], &["--lang", "en"]].concat(),
    );
    assert!(en.status.success(), "{}", stderr(&en));
    let thai_digit = |c: char| ('๐'..='๙').contains(&c);
    assert!(!stdout(&en).contains(thai_digit), "{}", stdout(&en));
    let th = run(
        dir.path(),
        &[],
        None,
        &[&args[..], &["--lang", "th"]].concat(),
    );
    assert!(stdout(&th).contains(thai_digit));
}

/// The summary's errors (a `ReportError`) follow `--lang`: a round the
/// methodology does not have, said in Thai with the round and methodology
/// as written; in English as before.
#[test]
fn the_summary_s_errors_follow_the_language() {
    let (dir, _) = sample_workspace();
    let th = run(
        dir.path(),
        &[],
        None,
        &["summary", "--round", "99m", "--lang", "th"],
    );
    assert_eq!(th.status.code(), Some(1), "{}", stderr(&th));
    assert_eq!(
        stderr(&th).trim(),
        "ข้อผิดพลาด: รอบ 99m ไม่ใช่รอบของวิธีประเมิน coso-5x5 v1 (รอบที่มี: 6m, 12m)"
    );
    let en = run(
        dir.path(),
        &[],
        None,
        &["summary", "--round", "99m", "--lang", "en"],
    );
    assert_eq!(
        stderr(&en).trim(),
        "error: round 99m is not a round of methodology coso-5x5 v1 (its rounds: 6m, 12m)"
    );
}

#[test]
fn export_says_a_missing_register_in_thai() {
    let (dir, _) = sample_workspace();
    let out = run(
        dir.path(),
        &[],
        None,
        &[
            "export", "--year", "2567", "--bureau", "ZZZ", "--format", "csv", "-o", "out",
            "--lang", "th",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stderr(&out).trim(), "ข้อผิดพลาด: ไม่มีทะเบียนของ ZZZ ปี 2567");
    assert!(!dir.path().join("out").exists(), "nothing written");
}

/// Runs the same command in Thai and in English; both outputs.
fn both(cwd: &Path, args: &[&str]) -> (Output, Output) {
    let th = run(cwd, &[], None, &[args, &["--lang", "th"]].concat());
    let en = run(cwd, &[], None, &[args, &["--lang", "en"]].concat());
    (th, en)
}

/// The command line's own errors follow `--lang` too: a summary with no
/// fiscal year to take, said in Thai with the path as it is; in English as
/// before.
#[test]
fn a_usage_error_of_summary_speaks_thai() {
    let (dir, root) = sample_workspace();
    std::fs::remove_dir_all(root.join("2567")).expect("remove the year");
    let (th, en) = both(dir.path(), &["summary", "--round", "6"]);
    assert_eq!(th.status.code(), Some(2), "{}", stderr(&th));
    assert_eq!(
        stderr(&th).trim(),
        "ข้อผิดพลาด: ไม่มีไดเรกทอรีปีงบประมาณใน registers โปรดระบุ --year"
    );
    assert_eq!(en.status.code(), Some(2));
    assert_eq!(
        stderr(&en).trim(),
        "error: no fiscal-year directory under registers; give --year"
    );
    // an unknown report format, and a Common-era year
    let (th, en) = both(
        dir.path(),
        &[
            "report", "--round", "6", "--year", "2567", "--format", "pdf", "-o", "r.pdf",
        ],
    );
    assert!(
        stderr(&th).contains("ไม่รู้จักรูปแบบรายงาน \"pdf\""),
        "{}",
        stderr(&th)
    );
    assert!(!stderr(&th).contains("unknown report format"));
    assert!(stderr(&en).contains("error: unknown report format \"pdf\"; use docx, html or xlsx"));
    let (th, en) = both(dir.path(), &["summary", "--round", "6", "--year", "2024"]);
    assert_eq!(
        stderr(&th).trim(),
        "ข้อผิดพลาด: --year 2024: ปี 2024 เป็นปี ค.ศ. ให้ใช้ปี พ.ศ. เช่น 2567"
    );
    assert!(
        stderr(&en).starts_with("error: --year 2024: year 2024 looks like a Common-era year"),
        "{}",
        stderr(&en)
    );
}

#[test]
fn export_refuses_a_bureau_code_and_a_missing_year_in_thai() {
    let (dir, _) = sample_workspace();
    let export = |year: &str, bureau: &str| {
        [
            "export", "--year", year, "--bureau", bureau, "--format", "csv", "-o", "out",
        ]
        .map(str::to_string)
    };
    let args = export("2567", "FI N");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (th, en) = both(dir.path(), &args);
    assert_eq!(th.status.code(), Some(2), "{}", stderr(&th));
    assert!(
        stderr(&th).starts_with("ข้อผิดพลาด: --bureau: รหัสสำนัก \"FI N\" ใช้ไม่ได้"),
        "{}",
        stderr(&th)
    );
    assert!(
        stderr(&en).starts_with("error: --bureau: an id may hold only ASCII letters"),
        "{}",
        stderr(&en)
    );
    let args = export("2568", "FIN");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (th, en) = both(dir.path(), &args);
    assert_eq!(th.status.code(), Some(1), "{}", stderr(&th));
    assert_eq!(
        stderr(&th).trim(),
        "ข้อผิดพลาด: ไม่มีทะเบียนของปี 2568: registers/2568 ไม่ใช่ไดเรกทอรี"
    );
    assert_eq!(
        stderr(&en).trim(),
        "error: no registers for 2568: registers/2568 is not a directory"
    );
}

#[test]
fn init_refuses_a_place_that_is_not_empty_in_thai() {
    let dir = tempfile::tempdir().expect("tempdir");
    let place = dir.path().join("office/registers");
    std::fs::create_dir_all(&place).expect("mkdir");
    std::fs::write(place.join("notes.txt"), "mine").expect("write");
    let (th, en) = both(dir.path(), &["init", "office"]);
    assert_eq!(th.status.code(), Some(1), "{}", stderr(&th));
    assert_eq!(
        stderr(&th).trim(),
        "ข้อผิดพลาด: office/registers มีอยู่แล้วและไม่ว่าง โปรดระบุไดเรกทอรีใหม่หรือไดเรกทอรีว่าง \
         จึงไม่ได้เขียนสิ่งใด"
    );
    assert_eq!(
        stderr(&en).trim(),
        "error: office/registers exists and is not empty; give a new or empty directory; \
         nothing was written"
    );
    assert_eq!(
        std::fs::read_dir(&place).expect("list").count(),
        1,
        "nothing written"
    );
}

#[test]
fn verify_outside_git_and_a_hook_refusal_speak_thai() {
    let (dir, _) = sample_workspace();
    let (th, en) = both(dir.path(), &["verify"]);
    assert_eq!(th.status.code(), Some(2), "{}", stderr(&th));
    assert!(
        stderr(&th).starts_with("ข้อผิดพลาด: ") && stderr(&th).contains("ไม่ได้อยู่ในคลัง git"),
        "{}",
        stderr(&th)
    );
    assert!(!stderr(&th).contains("is not inside a git repository"));
    assert!(
        stderr(&en).starts_with("error: ")
            && stderr(&en).contains("is not inside a git repository"),
        "{}",
        stderr(&en)
    );
    // a pre-commit hook riskreg did not write is left alone, said in Thai
    common::git(dir.path(), &["init", "-q"]);
    let hook = dir.path().join(".git/hooks/pre-commit");
    std::fs::create_dir_all(hook.parent().expect("hooks")).expect("mkdir");
    std::fs::write(&hook, "#!/bin/sh\nexit 0\n").expect("write");
    let (th, en) = both(dir.path(), &["hook", "install"]);
    assert_eq!(th.status.code(), Some(2), "{}", stderr(&th));
    assert!(
        stderr(&th).contains("มี hook ที่ riskreg ไม่ได้เขียนอยู่แล้ว จึงไม่เขียนทับ"),
        "{}",
        stderr(&th)
    );
    assert!(
        stderr(&en).contains("a pre-commit hook that riskreg did not write is already there"),
        "{}",
        stderr(&en)
    );
    assert_eq!(
        std::fs::read_to_string(&hook).expect("read"),
        "#!/bin/sh\nexit 0\n"
    );
}

/// A `RISKREG_TODAY` that is no date stops the command, said in the language
/// of the run; the value and the variable's name stay as they are.
#[test]
fn a_riskreg_today_that_does_not_read_is_said_in_thai() {
    let (dir, _) = sample_workspace();
    let bad = [("RISKREG_TODAY", "garbage")];
    let th = run(dir.path(), &bad, None, &["validate", "--lang", "th"]);
    assert_eq!(th.status.code(), Some(2), "{}", stderr(&th));
    assert_eq!(
        stderr(&th).trim(),
        "ข้อผิดพลาด: RISKREG_TODAY=garbage: ต้องเป็นวันที่ พ.ศ. เช่น \"2567-01-12\" แต่พบ \"garbage\""
    );
    let en = run(dir.path(), &bad, None, &["validate", "--lang", "en"]);
    assert_eq!(
        stderr(&en).trim(),
        "error: RISKREG_TODAY=garbage: expected a Buddhist-era date like \"2567-01-12\", found \"garbage\""
    );
    // approve says it the same way
    let th = run(
        dir.path(),
        &bad,
        None,
        &[
            "approve",
            "registers/2567/FIN.ron",
            "--name",
            "สมชาย",
            "--position",
            "ผู้อำนวยการ",
            "--lang",
            "th",
        ],
    );
    assert_eq!(th.status.code(), Some(2), "{}", stderr(&th));
    assert!(stderr(&th).contains("ต้องเป็นวันที่ พ.ศ."), "{}", stderr(&th));
}

/// A workbook laid out as `riskreg export --format xlsx` writes it, every
/// sheet with its header row, whose one register row has `year` "abc".
fn workbook_with_a_bad_year(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let about = book.add_worksheet();
    about.set_name("dataset").expect("name");
    for (r, (k, v)) in [("dataset", "riskreg"), ("version", "1"), ("year", "2567")]
        .iter()
        .enumerate()
    {
        about.write_string(r as u32, 0, *k).expect("write");
        about.write_string(r as u32, 1, *v).expect("write");
    }
    for (name, columns) in riskreg::import::export_layout::READ {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("name");
        for (c, column) in columns.iter().enumerate() {
            sheet.write_string(0, c as u16, *column).expect("write");
            if name == "registers" {
                let value = match *column {
                    "year" => "abc",
                    "bureau" => "FIN",
                    _ => "",
                };
                sheet.write_string(1, c as u16, value).expect("write");
            }
        }
    }
    book.save(path).expect("save");
}

/// import's problems name the sheet, the cell and what was expected in the
/// language of the run; nothing is written either way.
#[test]
fn import_says_each_bad_cell_in_thai() {
    let (dir, root) = sample_workspace();
    let fin = root.join("2567/FIN.ron");
    let before = std::fs::read(&fin).expect("read");
    workbook_with_a_bad_year(&dir.path().join("bad.xlsx"));
    let (th, en) = both(
        dir.path(),
        &[
            "import", "bad.xlsx", "--year", "2567", "--bureau", "FIN", "--force",
        ],
    );
    assert_eq!(th.status.code(), Some(1), "{}", stderr(&th));
    let th_text = stderr(&th);
    let th_lines: Vec<&str> = th_text.lines().collect();
    assert_eq!(
        th_lines,
        [
            "bad.xlsx: ชีต \"registers\" A2 (แถว 2 คอลัมน์ A): year: ต้องเป็นจำนวนเต็ม 2500–2700 \
             แต่พบ \"abc\"",
            "bad.xlsx: ชีต \"registers\": ไม่มีแถวของทะเบียน FIN ปี 2567 (--bureau, --year)",
            "ข้อผิดพลาด: อ่านเซลล์ของ bad.xlsx ไม่ได้ 2 เซลล์ จึงไม่ได้เขียนสิ่งใด",
        ]
    );
    let en_text = stderr(&en);
    let en_lines: Vec<&str> = en_text.lines().collect();
    assert_eq!(
        en_lines,
        [
            "bad.xlsx: sheet \"registers\" A2 (row 2, column A): year: expected a whole number \
             2500–2700, found \"abc\"",
            "bad.xlsx: sheet \"registers\": no row for the register of FIN in 2567 (--bureau, \
             --year)",
            "error: 2 cells of bad.xlsx could not be read; nothing was written",
        ]
    );
    assert_eq!(
        std::fs::read(&fin).expect("read"),
        before,
        "nothing written"
    );

    // a workbook kept another way, without a mapping; a file that is no
    // workbook at all
    let mut other = rust_xlsxwriter::Workbook::new();
    other
        .add_worksheet()
        .write_string(0, 0, "ลำดับ")
        .expect("write");
    other.save(dir.path().join("office.xlsx")).expect("save");
    std::fs::write(dir.path().join("notes.xlsx"), "not a zip").expect("write");
    let (th, en) = both(
        dir.path(),
        &[
            "import",
            "office.xlsx",
            "--year",
            "2567",
            "--bureau",
            "FIN",
            "--force",
        ],
    );
    says(
        &th,
        "office.xlsx: ชีต \"Sheet1\": ต้องเป็นสมุดงานที่ riskreg export --format xlsx เขียน",
    );
    says(
        &en,
        "office.xlsx: sheet \"Sheet1\": expected the workbook riskreg export --format xlsx \
             writes",
    );
    let (th, en) = both(
        dir.path(),
        &[
            "import",
            "notes.xlsx",
            "--year",
            "2567",
            "--bureau",
            "FIN",
            "--force",
        ],
    );
    says(&th, "ข้อผิดพลาด: notes.xlsx: ไม่ใช่สมุดงาน xlsx (");
    says(&en, "error: notes.xlsx: not an xlsx workbook (");
}

/// Asserts that a command's stderr begins with `start`.
fn says(o: &Output, start: &str) {
    assert!(stderr(o).starts_with(start), "{}", stderr(o));
}

fn example_people() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/people.ron"))
        .expect("example people")
}

/// The e-mail docs/examples/people.ron gives the person of `login`.
fn email_of(login: &str) -> String {
    let people = example_people();
    let at = people
        .find(&format!("login: \"{login}\""))
        .expect("a person");
    let rest = &people[at..];
    let start = rest.find("email: \"").expect("an e-mail") + "email: \"".len();
    let end = start + rest[start..].find('"').expect("closing quote");
    rest[start..end].to_string()
}

/// git (and the hooks it runs) in `cwd` as `who` (login and author e-mail
/// of docs/examples/people.ron) with the locale `lang`.
fn git_as(cwd: &Path, who: &str, lang: &str, args: &[&str]) -> Output {
    let email = email_of(who);
    let mut cmd = Command::new("git");
    cmd.args(args)
        .current_dir(cwd)
        .env("GIT_AUTHOR_NAME", who)
        .env("GIT_AUTHOR_EMAIL", &email)
        .env("GIT_COMMITTER_NAME", who)
        .env("GIT_COMMITTER_EMAIL", &email)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", cwd)
        .env("RISKREG_USER", who)
        .env("RISKREG_CONFIG_DIR", cwd.join("config"))
        .env("NO_COLOR", "1");
    for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", lang).output().expect("run git")
}

/// A repository of the sample registers with docs/examples/people.ron,
/// committed by the planning officer; then thanakorn (ICT) commits an edit
/// of FIN's register with no hook to stop him.
fn office_with_a_commit_out_of_role() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, root) = sample_workspace();
    std::fs::write(root.join("people.ron"), example_people()).expect("people");
    let git = |who: &str, args: &[&str]| {
        let o = git_as(dir.path(), who, "C", args);
        assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
    };
    git("kanokporn", &["init", "-q", "-b", "main"]);
    git("kanokporn", &["add", "registers"]);
    git("kanokporn", &["commit", "-q", "-m", "registers and people"]);
    let fin = root.join("2567/FIN.ron");
    let text = std::fs::read_to_string(&fin).expect("FIN");
    let at = text.find("owner: \"").expect("an owner") + "owner: \"".len();
    let mut edited = text.clone();
    edited.insert_str(at, "ICT: ");
    std::fs::write(&fin, edited).expect("write FIN");
    git("thanakorn", &["commit", "-qam", "FIN by ICT"]);
    (dir, root)
}

/// verify's per-commit sentences and the pre-commit hook's refusal in the
/// language of the run; names, paths and commit subjects as they are.
#[test]
fn verify_and_the_hook_say_a_change_out_of_role_in_thai() {
    let (dir, root) = office_with_a_commit_out_of_role();
    let (th, en) = both(dir.path(), &["verify"]);
    assert_eq!(th.status.code(), Some(1), "{}", stderr(&th));
    let th_out = stdout(&th);
    assert!(
        th_out.contains(
            "    ไม่มีสิทธิ์: registers/2567/FIN.ron: นายธนากร แก้วมณี (thanakorn) แก้ไขทะเบียนของ FIN \
             ไม่ได้: แก้ได้เฉพาะเจ้าหน้าที่ ผู้สอบทาน และผู้อนุมัติของ FIN (นายธนากร แก้วมณี \
             (thanakorn) สังกัด ICT)"
        ),
        "{th_out}"
    );
    assert!(th_out.contains(": FIN by ICT"), "{th_out}");
    assert!(!th_out.contains("may not change"), "{th_out}");
    assert!(
        stdout(&en).contains(
            "    NOT ALLOWED: registers/2567/FIN.ron: นายธนากร แก้วมณี (thanakorn) may not change \
             the register of FIN: only its officers, reviewers and approvers may (they belong \
             to ICT)"
        ),
        "{}",
        stdout(&en)
    );

    // the hook, run by git under a Thai locale, refuses the next such commit
    let (th, _) = both(dir.path(), &["hook", "install"]);
    assert_eq!(th.status.code(), Some(0), "{}", stderr(&th));
    let fin = root.join("2567/FIN.ron");
    let text = std::fs::read_to_string(&fin).expect("FIN");
    std::fs::write(&fin, text.replacen("ICT: ", "ICT again: ", 1)).expect("write");
    let refused = git_as(
        dir.path(),
        "thanakorn",
        "th_TH.UTF-8",
        &["commit", "-qam", "again"],
    );
    assert!(!refused.status.success(), "{}", stderr(&refused));
    let said = stderr(&refused);
    assert!(
        said.contains(
            "riskreg: registers/2567/FIN.ron: นายธนากร แก้วมณี (thanakorn) แก้ไขทะเบียนของ FIN ไม่ได้"
        ),
        "{said}"
    );
    assert!(
        said.contains("riskreg: ปฏิเสธการ commit: คุณคือ RISKREG_USER thanakorn"),
        "{said}"
    );
    assert!(!said.contains("may not change"), "{said}");

    // FIN's own officer, with a likelihood off the scale: validate refuses
    // the staged file, and the hook's last word is Thai too
    let text = std::fs::read_to_string(&fin).expect("FIN");
    let at = text.find("likelihood: ").expect("a likelihood") + "likelihood: ".len();
    let mut off_scale = text.clone();
    off_scale.replace_range(at..at + 1, "9");
    std::fs::write(&fin, off_scale).expect("write");
    let refused = git_as(
        dir.path(),
        "somchai",
        "th_TH.UTF-8",
        &["commit", "-qam", "off the scale"],
    );
    assert!(!refused.status.success(), "{}", stderr(&refused));
    let said = format!("{}{}", stdout(&refused), stderr(&refused));
    assert!(said.contains("ข้อผิดพลาด: ระดับโอกาส 9 อยู่นอกมาตรวัด"), "{said}");
    assert!(
        said.contains(
            "riskreg: ปฏิเสธการ commit: แก้ไขทะเบียนที่ stage ไว้ตามข้างบน (riskreg fmt จัดรูปแบบให้เป็นมาตรฐาน)"
        ),
        "{said}"
    );
    assert!(!said.contains("commit refused"), "{said}");
}

/// A save refused by the store (the new year's file is already there) is
/// said in the language of the run; the file is left as it was.
#[test]
fn a_refused_save_is_said_in_thai() {
    let (dir, root) = sample_workspace();
    let first = run(dir.path(), &[], None, &["roll", "2567", "--bureau", "FIN"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let rolled = root.join("2568/FIN.ron");
    std::fs::write(&rolled, "mine").expect("write");
    let (th, en) = both(dir.path(), &["roll", "2567", "--bureau", "FIN"]);
    assert_eq!(th.status.code(), Some(1), "{}", stderr(&th));
    for (o, word, tail) in [
        (&th, "ข้อผิดพลาด: ", "มีไฟล์นี้อยู่แล้ว จึงไม่บันทึกทับ"),
        (&en, "error: ", "already exists; not overwriting it"),
    ] {
        let said = stderr(o);
        let end = format!("registers/2568/FIN.ron: {tail}");
        assert!(
            said.starts_with(word) && said.trim_end().ends_with(&end),
            "{said}"
        );
    }
    assert_eq!(std::fs::read_to_string(&rolled).expect("read"), "mine");
}

/// The interface that cannot open its directory says why before it takes
/// the terminal, in the language of the run.
#[test]
fn the_interface_says_a_directory_it_cannot_open_in_thai() {
    let (dir, root) = sample_workspace();
    std::fs::remove_dir_all(root.join("2567")).expect("remove the year");
    let (th, en) = both(dir.path(), &["tui", "registers"]);
    assert_eq!(th.status.code(), Some(1), "{}", stderr(&th));
    assert_eq!(
        stderr(&th).trim(),
        "riskreg: registers: ไม่มีไดเรกทอรีปีงบประมาณ (เช่น 2567/) ที่มีทะเบียน"
    );
    assert_eq!(
        stderr(&en).trim(),
        "riskreg: registers: no fiscal-year directory (e.g. 2567/) with registers"
    );
    std::fs::create_dir(root.join("2567")).expect("mkdir");
    std::fs::write(root.join("bureaus.ron"), "x").expect("break bureaus");
    let (th, _) = both(dir.path(), &["tui", "registers"]);
    says(
        &th,
        "riskreg: registers/bureaus.ron:1:1: ต้องเป็นโครงสร้าง `BureauList` แต่พบ `x`",
    );
}

/// approve says what it recorded in the language of the run, its date the
/// Thai way in Thai; the digest, names and path as they are.
#[test]
fn approve_says_what_it_recorded_in_thai() {
    let (dir, _) = sample_workspace();
    let approve = |name: &str, lang: &str| {
        run(
            dir.path(),
            &[],
            None,
            &[
                "approve",
                "registers/2567/FIN.ron",
                "--name",
                name,
                "--position",
                "ผู้อำนวยการ",
                "--lang",
                lang,
            ],
        )
    };
    let th = approve("นางวิไลวรรณ ศรีสุข", "th");
    assert!(th.status.success(), "{}", stderr(&th));
    assert!(
        stdout(&th).starts_with(
            "อนุมัติ registers/2567/FIN.ron แล้ว: นางวิไลวรรณ ศรีสุข (ผู้อำนวยการ), 1 เม.ย. 2567, sha256:"
        ),
        "{}",
        stdout(&th)
    );
    let th = approve("นายสมศักดิ์ ดีงาม", "th");
    assert!(
        stdout(&th)
            .trim_end()
            .ends_with("(แทนการอนุมัติโดย นางวิไลวรรณ ศรีสุข วันที่ 1 เม.ย. 2567)"),
        "{}",
        stdout(&th)
    );
    let en = approve("นางวิไลวรรณ ศรีสุข", "en");
    assert!(
        stdout(&en).starts_with(
            "approved registers/2567/FIN.ron: นางวิไลวรรณ ศรีสุข (ผู้อำนวยการ), 2567-04-01, sha256:"
        ) && stdout(&en)
            .trim_end()
            .ends_with("(replacing the approval by นายสมศักดิ์ ดีงาม of 2567-04-01)"),
        "{}",
        stdout(&en)
    );
}
