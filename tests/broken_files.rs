//! A corpus of broken register files: each gives a clear error with its
//! line and column and says what was expected; none panics, none is changed.

mod common;

use common::{copy_dir, riskreg, sample_registers, stdout};
use riskreg::model::Register;
use riskreg::store::{LoadError, parse};
use std::path::{Path, PathBuf};

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

fn load(name: &str) -> Result<Register, LoadError> {
    let path = corpus(name);
    let bytes = std::fs::read(&path).expect("corpus file");
    parse(&path, &bytes, riskreg::store::REGISTER)
}

/// Asserts the error's position and that its message contains each part.
fn assert_error(name: &str, line: usize, col: usize, parts: &[&str]) {
    let err = load(&format!("broken/{name}")).expect_err(name);
    assert_eq!(err.position, Some((line, col)), "{name}: {err}");
    for part in parts {
        assert!(
            err.message.to_string().contains(part),
            "{name}: {:?} lacks {part:?}",
            err.message
        );
    }
}

#[test]
fn the_valid_fixture_loads() {
    let reg = load("valid_minimal.ron").expect("valid");
    assert_eq!(reg.risks.len(), 1);
}

#[test]
fn truncated_file_says_it_ends_too_early() {
    assert_error("truncated.ron", 23, 26, &["ends too early", "Register("]);
}

#[test]
fn wrong_type_names_the_field_and_the_type() {
    assert_error("wrong_type.ron", 3, 10, &["year", "Expected integer"]);
}

#[test]
fn misspelt_field_lists_the_right_names() {
    assert_error(
        "misspelt_field.ron",
        20,
        17,
        &["likelihod", "`likelihood` or `impact`"],
    );
}

#[test]
fn missing_field_names_it_and_its_struct() {
    assert_error(
        "missing_field.ron",
        62,
        9,
        &["risks[0]", "`factor`", "`Risk`"],
    );
}

#[test]
fn unknown_enum_value_lists_the_allowed_ones() {
    assert_error(
        "unknown_enum.ron",
        51,
        37,
        &["status", "`Blue`", "`Green`, `Yellow`, or `Red`"],
    );
}

#[test]
fn invalid_utf8_points_at_the_bad_byte() {
    // the bad bytes replace the second Thai letter of the occurrence note
    assert_error("invalid_utf8.ron", 52, 43, &["invalid UTF-8"]);
}

#[test]
fn empty_file_says_what_it_should_hold() {
    assert_error("empty.ron", 1, 1, &["empty", "Register("]);
}

#[test]
fn impossible_date_is_refused() {
    assert_error("bad_date.ron", 50, 42, &["as_of", "days 1–29, not 30"]);
}

#[test]
fn a_float_where_money_belongs_explains_the_money_format() {
    assert_error(
        "float_money.ron",
        56,
        39,
        &["disbursed", "two decimals", "\"10075.50\""],
    );
}

#[test]
fn a_common_era_year_is_caught() {
    assert_error("christian_era_year.ron", 3, 11, &["Common-era", "2567"]);
}

#[test]
fn an_id_with_a_space_is_refused() {
    assert_error("bad_id.ron", 14, 18, &["risks[0].id", "found \" \" in"]);
}

#[test]
fn crlf_line_ends_load_with_the_same_content() {
    let crlf = load("crlf.ron").expect("CRLF is only whitespace");
    assert_eq!(crlf, load("valid_minimal.ron").expect("valid"));
}

#[test]
fn a_10_mb_note_loads_and_a_10_mb_unterminated_string_is_located() {
    let valid = std::fs::read_to_string(corpus("valid_minimal.ron")).expect("fixture");
    let big = "ความเสี่ยง".repeat(10 * 1024 * 1024 / "ความเสี่ยง".len());
    let with_note = valid.replace("note: \"\"", &format!("note: \"{big}\""));
    let reg: Register = parse(Path::new("big.ron"), with_note.as_bytes(), "a register")
        .expect("a big note is fine");
    assert_eq!(reg.note.len(), big.len());

    // a string opened and never closed runs to the end of the file
    let cut = valid.find("occurrence: \"").expect("field") + "occurrence: \"".len();
    let unterminated = format!("{}{big}", &valid[..cut]);
    let err = parse::<Register>(Path::new("big.ron"), unterminated.as_bytes(), "a register")
        .expect_err("unterminated");
    assert_eq!(err.position.map(|p| p.0), Some(52), "{err}");
    assert!(err.message.to_string().contains("occurrence"), "{err}");
}

/// 100 000 nested brackets: typed parsing stops at the first bracket that
/// cannot be there, and locating the error does not grow with the depth.
#[test]
fn deep_nesting_is_a_located_error_not_a_stack_overflow() {
    let valid = std::fs::read_to_string(corpus("valid_minimal.ron")).expect("fixture");
    let deep = valid.replace(
        "evidence: []",
        &format!("evidence: {}{}", "[".repeat(100_000), "]".repeat(100_000)),
    );
    let err = parse::<Register>(Path::new("deep.ron"), deep.as_bytes(), "a register")
        .expect_err("too deep");
    assert_eq!(err.position, Some((58, 40)), "{err}");
    assert!(
        err.message
            .to_string()
            .contains("evidence[0]: Expected string"),
        "{err}"
    );
    let nested_note = valid.replace(
        "note: \"\"",
        &format!("note: {}{}", "(".repeat(100_000), ")".repeat(100_000)),
    );
    let err = parse::<Register>(Path::new("deep.ron"), nested_note.as_bytes(), "a register")
        .expect_err("too deep");
    assert_eq!(err.position.map(|p| p.0), Some(11), "{err}");
}

/// The whole corpus through the real binary: exit 1, every file reported
/// with its line and column, no panic, and not one byte changed on disk.
#[test]
fn validate_reports_every_broken_file_and_changes_none() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("registers");
    copy_dir(&sample_registers(), &root);
    let year = root.join("2567");
    std::fs::remove_dir_all(&year).expect("clear year");
    std::fs::create_dir_all(&year).expect("year dir");
    let broken: Vec<PathBuf> = std::fs::read_dir(corpus("broken"))
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    let mut before = Vec::new();
    for f in &broken {
        let target = year.join(f.file_name().expect("name"));
        std::fs::copy(f, &target).expect("copy");
        before.push((target.clone(), std::fs::read(&target).expect("read")));
    }
    for args in [
        &["validate", "registers"][..],
        &["fmt", "registers"][..],
        &["fmt", "--check", "registers"][..],
    ] {
        let out = riskreg(dir.path(), args);
        let text = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.status.code(), Some(1), "{args:?}: {text}");
        assert!(!text.contains("panicked"), "{args:?}: {text}");
        for f in &broken {
            let name = f.file_name().expect("name").to_string_lossy().into_owned();
            let located = text.lines().any(|l| {
                l.contains(&format!("2567/{name}:"))
                    && l.split(':')
                        .nth(1)
                        .is_some_and(|n| n.parse::<usize>().is_ok())
            });
            assert!(
                located,
                "{args:?}: {name} is not reported with a line:\n{text}"
            );
        }
    }
    for (path, bytes) in before {
        assert_eq!(
            std::fs::read(&path).expect("read"),
            bytes,
            "{} was changed",
            path.display()
        );
    }
}
