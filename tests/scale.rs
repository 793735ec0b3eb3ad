//! Working at a national body's size: many registers are read on all cores,
//! checked and placed on their lines without a second read, and long work
//! shows a progress bar on stderr only when stderr is a terminal.

mod common;

use common::{riskreg, stderr, stdout};
use riskreg::model::FiscalYear;
use riskreg::progress::Progress;
use riskreg::report::synthetic;
use riskreg::store::{self, SourceMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

fn generate(bureaus: usize, risks: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("registers");
    let size = synthetic::Size {
        bureaus,
        risks,
        measures: 3,
    };
    synthetic::write(&root, FiscalYear::new(2567).expect("year"), size).expect("generate");
    (dir, root)
}

/// Counts what it is told.
#[derive(Default)]
struct Counter {
    total: AtomicUsize,
    done: AtomicUsize,
    finished: AtomicUsize,
}

impl Progress for Counter {
    fn start(&self, _: &str, total: usize) {
        self.total.store(total, Ordering::SeqCst);
    }
    fn advance(&self, n: usize) {
        self.done.fetch_add(n, Ordering::SeqCst);
    }
    fn finish(&self) {
        self.finished.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn every_finding_is_placed_where_an_index_of_the_whole_file_puts_it() {
    let (_dir, root) = generate(40, 6);
    // a co-responsible bureau that is not listed, and a likelihood off the scale
    let file = root.join("2567/B00003.ron");
    let text = std::fs::read_to_string(&file).expect("read");
    let text = text.replacen("likelihood: ", "likelihood: 9", 1).replacen(
        "LeadOnly",
        "Bureaus([\"NOPE\"])",
        1,
    );
    std::fs::write(&file, text).expect("write");

    let report = riskreg::check::check_root(&root, None);
    assert!(report.errors() >= 2, "{:#?}", report.diagnostics);
    assert!(report.diagnostics.iter().any(|d| {
        d.message
            .to_string()
            .contains("co-responsible bureau NOPE is not in bureaus.ron")
    }));
    assert!(report.warnings() > 40, "the synthetic registers warn");
    for d in &report.diagnostics {
        let text = std::fs::read_to_string(&d.file).expect("read");
        let full = SourceMap::build(&text);
        assert_eq!((d.line, d.col), full.locate(&d.path), "{d}");
    }
    // in file and line order
    let keys: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.file.clone(), d.line, d.col))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn many_files_come_back_in_order_and_progress_counts_each() {
    let (_dir, root) = generate(60, 1);
    let files = store::year_files(&root, 2567).expect("files");
    let counter = Counter::default();
    let codes: Vec<String> = store::load_many_then::<riskreg::model::Register, _, _>(
        &files,
        store::REGISTER,
        &counter,
        |r, text| {
            assert!(!text.is_empty());
            r.expect("parses").value.bureau.to_string()
        },
    );
    let expected: Vec<String> = files
        .iter()
        .map(|f| f.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(codes, expected);
    assert_eq!(counter.done.load(Ordering::SeqCst), 60);

    let counter = Counter::default();
    let (loaded, errors) = store::load_year_with(&root, 2567, &counter).expect("load");
    assert_eq!((loaded.len(), errors.len()), (60, 0));
    assert_eq!(counter.total.load(Ordering::SeqCst), 60);
    assert_eq!(counter.done.load(Ordering::SeqCst), 60);
    assert_eq!(counter.finished.load(Ordering::SeqCst), 1);
}

/// Runs `riskreg ARGS > out` with stderr on a pseudo-terminal (util-linux
/// `script`), returning what the terminal showed and what stdout held.
fn in_a_terminal(cwd: &Path, args: &str) -> (String, String) {
    let out = cwd.join("stdout.txt");
    let cmd = format!(
        "{} {args} > {}",
        env!("CARGO_BIN_EXE_riskreg"),
        out.display()
    );
    let run = Command::new("script")
        .args(["-q", "-e", "-c", &cmd, "/dev/null"])
        .current_dir(cwd)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script runs (util-linux)");
    (
        String::from_utf8_lossy(&run.stdout).into_owned(),
        std::fs::read_to_string(&out).expect("stdout file"),
    )
}

#[test]
fn long_work_shows_a_bar_on_a_terminal_and_nothing_in_a_pipe() {
    let (dir, root) = generate(100, 30);
    let cwd = dir.path();
    let registers = root.to_string_lossy().into_owned();
    for (args, label) in [
        (format!("validate {registers}"), "checking registers"),
        (
            // summary checks the registers as it reads them, once
            format!("summary {registers} --round 12m --lang en"),
            "checking registers",
        ),
    ] {
        let words: Vec<&str> = args.split(' ').collect();
        let piped = riskreg(cwd, &words);
        assert_eq!(stderr(&piped), "", "{args}: nothing on a pipe");
        let (terminal, out) = in_a_terminal(cwd, &args);
        assert!(
            terminal.contains(label) && terminal.contains("/100 files"),
            "{args}: the terminal showed {terminal:?}"
        );
        // the bar is cleared at the end, and stdout is what it is without it
        assert_eq!(out, stdout(&piped), "{args}");
    }
    let (terminal, _) = in_a_terminal(cwd, &format!("roll 2567 --dir {registers}"));
    assert!(terminal.contains("checking registers"), "{terminal:?}");
    assert!(root.join("2568/B00099.ron").is_file());
}

/// The editor validates only the risk it shows after an edit; what it gets
/// is exactly what the whole register's check says of that risk.
#[test]
fn one_risk_checked_alone_gets_what_the_whole_register_says_of_it() {
    use riskreg::validate::{self, Context};
    let root = common::sample_registers();
    let catalog = store::Catalog::load(&root).expect("catalog");
    let file = root.join("2567/FIN.ron");
    let mut reg = store::load_register(&file).expect("FIN").value;
    // a risk copied to the end repeats its own id and its measures' ids;
    // another gets a likelihood off the scale
    let copy = reg.risks[0].clone();
    reg.risks.push(copy.clone());
    reg.risks.insert(1, copy);
    reg.risks[2].inherent.likelihood = 9;
    let methods = catalog.method_values();
    let ctx = Context::new(&catalog.bureaus.value, &catalog.approaches.value, &methods);
    let whole = validate::check_register(&ctx, &file, &reg);
    assert!(
        whole
            .iter()
            .any(|f| f.message.to_string().contains("used twice"))
    );
    let under = |f: &validate::Finding, at: &str| {
        f.path == at
            || f.path.starts_with(&format!("{at}."))
            || f.path.starts_with(&format!("{at}["))
    };
    for ri in 0..reg.risks.len() {
        let at = format!("risks[{ri}]");
        let expected: Vec<_> = whole.iter().filter(|f| under(f, &at)).cloned().collect();
        assert_eq!(
            validate::check_register_risk(&ctx, &file, &reg, ri),
            expected,
            "{at}"
        );
    }
    let header: Vec<_> = whole
        .iter()
        .filter(|f| !under(f, "risks"))
        .cloned()
        .collect();
    assert_eq!(validate::check_register_header(&ctx, &file, &reg), header);
}
