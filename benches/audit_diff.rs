//! `cargo bench --bench audit_diff`: the semantic diff of two revisions of
//! a 1 000-register repository against the time to load (read from git and
//! parse) every register of both revisions, measured in the same run, with
//! loose objects and again after `git gc`. Target: diff ≤ 2 × load.

use riskreg::audit::git::Repo;
use riskreg::audit::{Compare, compare, is_register_path};
use riskreg::model::{BureauCode, FiscalYear, Money, Register, RiskId, TrafficLight};
use riskreg::store;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const REGISTERS: usize = 1000;
const RUNS: usize = 7;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Bench")
        .env("GIT_AUTHOR_EMAIL", "bench@example.test")
        .env("GIT_COMMITTER_NAME", "Bench")
        .env("GIT_COMMITTER_EMAIL", "bench@example.test")
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Register `i`: the sample FIN register under its own bureau code and year.
fn register(template: &Register, i: usize) -> (String, Register) {
    let mut r = template.clone();
    let code = format!("B{:03}", i % 100);
    let year = 2500 + (i / 100) as u16;
    r.bureau = BureauCode::new(code.clone()).expect("code");
    r.year = FiscalYear::new(year).expect("year");
    for (k, risk) in r.risks.iter_mut().enumerate() {
        risk.id = RiskId::new(format!("{code}-{year}-R{k}")).expect("id");
    }
    (format!("registers/{year}/{code}.ron"), r)
}

/// A few fields in many registers: a likelihood, a status and an amount.
fn edit(r: &mut Register, i: usize) {
    let n = r.risks.len();
    let risk = &mut r.risks[i % n];
    risk.inherent.likelihood = risk.inherent.likelihood % 5 + 1;
    if let Some(m) = risk
        .measures
        .first_mut()
        .and_then(|m| m.monitoring.first_mut())
    {
        m.status = TrafficLight::Yellow;
        m.disbursed = Money::from_satang(m.disbursed.satang() + 10_000);
    }
}

/// Every register of both revisions read from git (one `cat-file --batch`
/// per revision) and parsed: the baseline.
fn load_both(repo: &Repo, revs: [&str; 2]) -> usize {
    let mut parsed = 0;
    for rev in revs {
        let files = repo.files(rev, is_register_path).expect("ls-tree");
        let specs: Vec<String> = files.iter().map(|(_, oid)| oid.clone()).collect();
        let blobs = repo.blobs(&specs).expect("cat-file");
        for ((path, _), blob) in files.iter().zip(blobs) {
            let bytes = blob.expect("blob");
            let r: Register =
                store::parse(Path::new(path), &bytes, store::REGISTER).expect("parses");
            parsed += r.risks.len();
        }
    }
    parsed
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn measure(repo: &Repo, a: &str, b: &str, label: &str) -> f64 {
    let what = Compare {
        old: Some(a.to_string()),
        new: Some(b.to_string()),
        paths: Vec::new(),
    };
    let (mut load, mut diff) = (Vec::new(), Vec::new());
    let mut changes = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        std::hint::black_box(load_both(repo, [a, b]));
        load.push(t.elapsed());
        let t = Instant::now();
        changes = std::hint::black_box(compare(repo, &what).expect("diff")).len();
        diff.push(t.elapsed());
    }
    let (load, diff) = (median(load), median(diff));
    let ratio = diff.as_secs_f64() / load.as_secs_f64();
    println!(
        "{label:<14} load both revisions {:>8.1} ms   diff {:>8.1} ms ({changes} changes)   diff/load {ratio:.2} {}",
        load.as_secs_f64() * 1e3,
        diff.as_secs_f64() * 1e3,
        if ratio <= 2.0 {
            "(≤ 2: ok)"
        } else {
            "(> 2: OVER TARGET)"
        }
    );
    ratio
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    git(root, &["-c", "init.defaultBranch=main", "init", "-q"]);
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("registers/2567/FIN.ron");
    let template = store::load_register(&sample).expect("sample").value;
    let registers: Vec<(String, Register)> =
        (0..REGISTERS).map(|i| register(&template, i)).collect();
    let write = |path: &str, r: &Register| {
        let file = root.join(path);
        std::fs::create_dir_all(file.parent().expect("dir")).expect("mkdir");
        std::fs::write(file, store::to_canonical(r).expect("ron")).expect("write");
    };
    for (path, r) in &registers {
        write(path, r);
    }
    let methods = Path::new(env!("CARGO_MANIFEST_DIR")).join("registers/methodology");
    std::fs::create_dir_all(root.join("registers/methodology")).expect("mkdir");
    for f in std::fs::read_dir(methods).expect("methods") {
        let f = f.expect("entry").path();
        std::fs::copy(
            &f,
            root.join("registers/methodology")
                .join(f.file_name().expect("name")),
        )
        .expect("copy");
    }
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "first"]);
    // the second commit edits three in four registers
    for (i, (path, r)) in registers.iter().enumerate() {
        if i % 4 != 0 {
            let mut r = r.clone();
            edit(&mut r, i);
            write(path, &r);
        }
    }
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "second"]);
    let repo = Repo::discover(root).expect("repo");
    let (a, b) = (
        git(root, &["rev-parse", "HEAD~1"]),
        git(root, &["rev-parse", "HEAD"]),
    );
    println!("audit_diff: {REGISTERS} registers, 750 changed; median of {RUNS} runs");
    let loose = measure(&repo, &a, &b, "loose objects");
    git(root, &["gc", "-q"]);
    let packed = measure(&repo, &a, &b, "after git gc");
    if loose > 2.0 || packed > 2.0 {
        std::process::exit(1);
    }
}
