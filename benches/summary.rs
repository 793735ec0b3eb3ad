//! `cargo bench --bench summary`: the cost of `riskreg summary` against
//! just reading and parsing the same files, on synthetic registers of
//! 30 risks × 3 measures per bureau.
//!
//! Sizes (bureau registers) come from `SUMMARY_BENCH_SIZES` (default
//! `20,1000`; the full run is `SUMMARY_BENCH_SIZES=20,1000,10000`).
//! Each measurement runs in a fresh child process (this binary, re-run with
//! `--child`), so the peak resident memory it reports (VmHWM from
//! /proc/self/status) is that measurement's alone. In the same run and on
//! the same files it measures:
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
//!   (docs/scale.md), against `summary` from the RON files.
//!
//! It prints the median wall time of the repetitions, the ratios to parse
//! (target ≤ 1.3 for summary), the roll-up's time as a share of the
//! summary's, peak memory, and the summary's cost per register across sizes
//! (linear cost keeps it flat).

use polars::prelude::*;
use riskreg::model::{FiscalYear, Lang, RoundId};
use riskreg::report::export::{self, ExportFormat};
use riskreg::report::{self, Format, RenderOptions, synthetic};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const YEAR: u16 = 2567;

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

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
            let out = root.with_file_name("export-bench");
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
        other => panic!("unknown measurement {other}"),
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{secs} {}", peak_rss_kib());
}

/// The secretariat's totals at 12 months from the Parquet dataset alone.
fn rollup(dataset: &Path) -> DataFrame {
    let scan = |table: &str| {
        let args = ScanArgsParquet {
            hive_options: HiveOptions::new_enabled(),
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
    let out = Command::new(std::env::current_exe().expect("exe"))
        .args(["--child", what])
        .arg(root)
        .output()
        .expect("run child");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text.split_whitespace();
    let secs = parts.next().and_then(|s| s.parse().ok()).expect("seconds");
    let kib = parts.next().and_then(|s| s.parse().ok()).expect("kib");
    (secs, kib)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

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
    println!(
        "summary benchmark: 30 risks × 3 measures per register, {} cores",
        std::thread::available_parallelism().map_or(1, usize::from)
    );
    println!(
        "{:>6} {:>7} {:>8} {:>9} {:>6} {:>8} {:>6} {:>8} {:>6} {:>8} {:>7} {:>9} {:>9} {:>9} {:>8}",
        "regs",
        "MiB",
        "parse s",
        "summary s",
        "ratio",
        "+text s",
        "ratio",
        "export s",
        "ratio",
        "rollup s",
        "/summ.",
        "parse MiB",
        "summ. MiB",
        "text MiB",
        "ms/reg"
    );
    for n in sizes {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("registers");
        let size = synthetic::Size {
            bureaus: n,
            risks: 30,
            measures: 3,
        };
        synthetic::write(&root, FiscalYear::new(YEAR).expect("year"), size).expect("generate");
        let bytes: u64 = std::fs::read_dir(root.join(YEAR.to_string()))
            .expect("ls")
            .filter_map(|e| e.ok()?.metadata().ok())
            .map(|m| m.len())
            .sum();
        let reps = if n <= 1000 { 5 } else { 3 };
        // warm the page cache once so both measurements read from memory
        measure("parse", &root);
        // the dataset the roll-up reads
        export::export_year(
            &root,
            FiscalYear::new(YEAR).expect("year"),
            None,
            ExportFormat::Parquet,
            &dir.path().join("dataset"),
            false,
        )
        .expect("export");
        let mut times = [Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new()];
        let mut peaks = [0u64; 5];
        for _ in 0..reps {
            // interleaved so drift on a shared machine hits all alike
            let all = ["parse", "summary", "text", "export", "rollup"];
            for (i, what) in all.iter().enumerate() {
                let (t, k) = measure(what, &root);
                times[i].push(t);
                peaks[i] = peaks[i].max(k);
            }
        }
        let [p, s, t, e, r] = times.map(median);
        let mib = |k: u64| k as f64 / 1024.0;
        println!(
            "{:>6} {:>7.1} {:>8.3} {:>9.3} {:>6.2} {:>8.3} {:>6.2} {:>8.3} {:>6.2} {:>8.3} {:>7.2} {:>9.1} {:>9.1} {:>9.1} {:>8.3}",
            n,
            bytes as f64 / 1_048_576.0,
            p,
            s,
            s / p,
            t,
            t / p,
            e,
            e / p,
            r,
            r / s,
            mib(peaks[0]),
            mib(peaks[1]),
            mib(peaks[2]),
            s * 1000.0 / n as f64
        );
    }
}
