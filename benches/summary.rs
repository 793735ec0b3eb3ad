//! `cargo bench --bench summary`: the cost of `riskreg summary` against
//! just reading and parsing the same files, on synthetic registers of
//! 30 risks × 3 measures per bureau.
//!
//! Sizes (bureau registers) come from `SUMMARY_BENCH_SIZES` (default
//! `20,1000`; the full run is `SUMMARY_BENCH_SIZES=20,1000,10000`), the
//! repetitions from `SUMMARY_BENCH_REPS` (default 5, and 1 from 10 000
//! registers up), the scratch directory from `SUMMARY_BENCH_DIR` (default
//! the system's temporary directory; 10 000 registers take 2.2 GiB of RON
//! and as much again of Parquet).
//! Each measurement runs in a fresh child process (this binary, re-run with
//! `--child`), so the peak resident memory it reports (VmHWM from
//! /proc/self/status, or the largest child's for the real binary) is that
//! measurement's alone. In the same run and on the same files it measures:
//! - parse: `store::load_year` — read and parse every register on all
//!   cores, the very loader `summary` uses;
//! - summary: `report::summarize` (load + frames + figures), the figures
//!   `riskreg summary` prints;
//! - +text: the same and rendering the whole table as text;
//! - export: `report::export::export_year` to Parquet (load + dataset frames
//!   + hive-partitioned files; the CLI's validation is not included);
//! - roll-up: the secretariat's totals at the round from that Parquet
//!   dataset alone — a lazy polars scan over the hive layout, monitoring
//!   joined with measures, summed — as DuckDB or Spark would do it
//!   (docs/scale.md), against `summary` from the RON files;
//! - the real binary: `riskreg summary DIR --round 12m --compare 6m` (its
//!   validation included) and `riskreg validate DIR`, output to /dev/null;
//!   with `SUMMARY_BENCH_BEFORE=PATH` also another build's `summary` (an
//!   earlier commit's binary), for a before/after in the same run.
//!
//! It prints, per size, the median wall time of the repetitions, each
//! measurement's ratio to the one it is held against (summary ≤ 1.3 × parse,
//! validate ≤ 1.5 × summary), peak memory, and time and memory per register
//! (linear cost keeps them flat across sizes).

use polars::prelude::*;
use riskreg::model::{FiscalYear, Lang, RoundId};
use riskreg::report::export::{self, ExportFormat};
use riskreg::report::{self, Format, RenderOptions, synthetic};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

#[path = "common/child.rs"]
mod child;
use child::{child_peak_rss_kib, peak_rss_kib};

/// The real binary's allocator (src/main.rs), so the library's figures are
/// the ones `riskreg` would give.
#[global_allocator]
static ALLOCATOR: riskreg::alloc::Allocator = riskreg::alloc::Allocator;

const YEAR: u16 = 2567;

/// The 12-month round, compared with the 6-month one.
fn rounds() -> (RoundId, RoundId) {
    (
        RoundId::new("12m").expect("round"),
        RoundId::new("6m").expect("round"),
    )
}

fn render_text(s: &report::Summary) -> Vec<u8> {
    let opts = RenderOptions {
        lang: Lang::En,
        thai_digits: false,
        width: None,
    };
    report::render(s, Format::Text, &opts).expect("render")
}

/// In the child: one measurement, printed as `<seconds> <peak KiB>`.
fn child(what: &str, root: &Path) {
    let year = FiscalYear::new(YEAR).expect("year");
    let start = Instant::now();
    match what {
        "parse" => {
            let (loaded, errors) = riskreg::store::load_year(root, YEAR).expect("load");
            assert!(errors.is_empty(), "{:?}", errors.first());
            std::hint::black_box(&loaded);
        }
        "summary" | "text" => {
            let (round, compare) = rounds();
            let s = report::summarize(root, year, &round, Some(&compare)).expect("summary");
            if what == "text" {
                std::hint::black_box(render_text(&s));
            }
            std::hint::black_box(&s);
        }
        "export" => {
            // the dataset the roll-up then reads
            let out = root.with_file_name("dataset");
            let written = export::export_year(root, year, None, ExportFormat::Parquet, &out, true)
                .expect("export");
            std::hint::black_box(written);
        }
        "rollup" => {
            std::hint::black_box(rollup(&root.with_file_name("dataset")));
        }
        // where the summary's time goes beyond parsing: printed to stderr
        "phases" => {
            let (loaded, _) = riskreg::store::load_year(root, YEAR).expect("load");
            let parsed = start.elapsed().as_secs_f64();
            let catalog = riskreg::store::Catalog::load(root).expect("catalog");
            let regs: Vec<_> = loaded.into_iter().map(|l| l.value).collect();
            let methods = catalog.method_values();
            let t = Instant::now();
            let (round, compare) = rounds();
            let s = report::summarize_with_methods(
                &catalog.bureaus.value,
                &catalog.approaches.value,
                &methods,
                &regs,
                year,
                &round,
                Some(&compare),
            )
            .expect("summary");
            let built = t.elapsed().as_secs_f64();
            let t = Instant::now();
            std::hint::black_box(render_text(&s));
            eprintln!(
                "parse {parsed:.3} s, summarize {built:.3} s, render text {:.3} s",
                t.elapsed().as_secs_f64()
            );
        }
        "cli-summary" | "cli-validate" | "cli-before" => {
            let (bin, args): (String, &[&str]) = match what {
                "cli-validate" => (env!("CARGO_BIN_EXE_riskreg").into(), &["validate"]),
                "cli-before" => (
                    std::env::var("SUMMARY_BENCH_BEFORE").expect("SUMMARY_BENCH_BEFORE"),
                    SUMMARY_ARGS,
                ),
                _ => (env!("CARGO_BIN_EXE_riskreg").into(), SUMMARY_ARGS),
            };
            let mut cmd = Command::new(bin);
            cmd.arg(args[0]).arg(root).args(&args[1..]);
            let status = cmd
                .stdout(std::process::Stdio::null())
                .status()
                .expect("run riskreg");
            // validate's exit status says whether it found errors: there are none
            assert!(status.success(), "riskreg {args:?} failed");
            let secs = start.elapsed().as_secs_f64();
            println!("{secs} {}", child_peak_rss_kib());
            return;
        }
        other => panic!("unknown measurement {other}"),
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{secs} {}", peak_rss_kib());
}

/// `riskreg summary` as the real binary is asked for it (after the dir).
const SUMMARY_ARGS: &[&str] = &["summary", "--round", "12m", "--compare", "6m"];

/// The secretariat's totals at 12 months from the Parquet dataset alone.
fn rollup(dataset: &Path) -> DataFrame {
    // the partition keys typed, not inferred (a code of digits stays text)
    let keys = Schema::from_iter([
        Field::new("year".into(), DataType::Int64),
        Field::new("bureau".into(), DataType::String),
    ]);
    let hive = HiveOptions {
        schema: Some(Arc::new(keys)),
        ..HiveOptions::new_enabled()
    };
    let scan = |table: &str| {
        let args = ScanArgsParquet {
            hive_options: hive.clone(),
            ..ScanArgsParquet::default()
        };
        let glob = format!("{}/{table}/**/*.parquet", dataset.display());
        LazyFrame::scan_parquet(PlRefPath::new(glob), args).expect("scan")
    };
    let keys = [col("year"), col("bureau"), col("measure_id")];
    let count = |e: Expr| e.fill_null(lit(false)).cast(DataType::Int64).sum();
    scan("monitoring")
        .filter(col("round").eq(lit("12m")))
        .join(
            scan("measures"),
            keys.clone(),
            keys,
            JoinArgs::new(JoinType::Inner),
        )
        .select([
            len().alias("measures"),
            count(col("implementation").eq(lit("Completed"))).alias("completed"),
            count(col("status").eq(lit("red"))).alias("red"),
            col("allocated_satang").sum(),
            col("disbursed_satang").sum(),
        ])
        .collect()
        .expect("roll-up")
}

fn measure(what: &str, root: &Path) -> (f64, u64) {
    let text = child::run(what, root);
    let mut parts = text.split_whitespace();
    let secs = parts.next().and_then(|s| s.parse().ok()).expect("seconds");
    let kib = parts.next().and_then(|s| s.parse().ok()).expect("kib");
    (secs, kib)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// What each measurement is held against, and the target of that ratio.
const MEASURES: &[(&str, &str, &str, Option<f64>)] = &[
    // (measurement, label, against, target)
    ("parse", "parse", "parse", None),
    ("summary", "summary", "parse", Some(1.3)),
    ("text", "summary + text", "parse", None),
    ("export", "export parquet", "parse", None),
    ("rollup", "roll-up parquet", "summary", None),
    ("cli-summary", "riskreg summary", "parse", None),
    ("cli-validate", "riskreg validate", "cli-summary", Some(1.5)),
    ("cli-before", "summary (before)", "cli-summary", None),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(&args[i + 1], Path::new(&args[i + 2]));
        return;
    }
    // `--generate DIR N`: only write N synthetic registers under DIR
    if let Some(i) = args.iter().position(|a| a == "--generate") {
        let n = args[i + 2].parse().expect("number of registers");
        let size = synthetic::Size {
            bureaus: n,
            risks: 30,
            measures: 3,
        };
        synthetic::write(
            Path::new(&args[i + 1]),
            FiscalYear::new(YEAR).expect("year"),
            size,
        )
        .expect("generate");
        return;
    }
    let sizes: Vec<usize> = std::env::var("SUMMARY_BENCH_SIZES")
        .unwrap_or_else(|_| "20,1000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let reps_asked: Option<usize> = std::env::var("SUMMARY_BENCH_REPS")
        .ok()
        .and_then(|r| r.parse().ok());
    let scratch = std::env::var_os("SUMMARY_BENCH_DIR").map(std::path::PathBuf::from);
    let before = std::env::var_os("SUMMARY_BENCH_BEFORE").is_some();
    let measures: Vec<_> = MEASURES
        .iter()
        .filter(|m| before || m.0 != "cli-before")
        .collect();
    println!(
        "summary benchmark: 30 risks × 3 measures per register, {} cores",
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    for n in sizes {
        let dir = match &scratch {
            Some(parent) => tempfile::tempdir_in(parent),
            None => tempfile::tempdir(),
        }
        .expect("tempdir");
        let root = dir.path().join("registers");
        let size = synthetic::Size {
            bureaus: n,
            risks: 30,
            measures: 3,
        };
        let t = Instant::now();
        synthetic::write(&root, FiscalYear::new(YEAR).expect("year"), size).expect("generate");
        let generated = t.elapsed().as_secs_f64();
        let bytes: u64 = std::fs::read_dir(root.join(YEAR.to_string()))
            .expect("ls")
            .filter_map(|e| e.ok()?.metadata().ok())
            .map(|m| m.len())
            .sum();
        let reps = reps_asked.unwrap_or(if n < 10_000 { 5 } else { 1 });
        // warm the page cache once so every measurement reads from memory
        measure("parse", &root);
        let mut times: Vec<Vec<f64>> = vec![Vec::new(); measures.len()];
        let mut peaks = vec![0u64; measures.len()];
        for _ in 0..reps {
            // interleaved so drift on a shared machine hits all alike;
            // export before the roll-up, which reads what it wrote
            for (i, m) in measures.iter().enumerate() {
                let (t, k) = measure(m.0, &root);
                times[i].push(t);
                peaks[i] = peaks[i].max(k);
            }
        }
        let medians: Vec<f64> = times.into_iter().map(median).collect();
        let time_of = |what: &str| {
            measures
                .iter()
                .position(|m| m.0 == what)
                .map(|i| medians[i])
        };
        println!(
            "\n{n} registers, {:.1} MiB of RON (generated in {generated:.1} s), median of {reps} run{}, load average {}",
            bytes as f64 / 1_048_576.0,
            if reps == 1 { "" } else { "s" },
            load_average()
        );
        println!(
            "  {:<18} {:>9} {:>8} {:<16} {:>9} {:>7} {:>9}",
            "measurement", "seconds", "ratio", "to", "peak MiB", "ms/reg", "KiB/reg"
        );
        for (i, m) in measures.iter().enumerate() {
            let t = medians[i];
            let against = time_of(m.2).unwrap_or(f64::NAN);
            let target = m.3.map_or(String::new(), |x| format!(" (≤ {x})"));
            println!(
                "  {:<18} {:>9.3} {:>8.2} {:<16} {:>9.1} {:>7.3} {:>9.1}",
                m.1,
                t,
                t / against,
                format!("{}{target}", m.2),
                peaks[i] as f64 / 1024.0,
                t * 1000.0 / n as f64,
                peaks[i] as f64 / n as f64
            );
        }
    }
}

/// The 1-, 5- and 15-minute load averages: how shared the machine was.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
