//! The real `riskreg export` binary on a copy of the sample registers: the
//! Parquet dataset read back by polars as DuckDB or Spark would read it (a
//! lazy scan over the hive layout) gives the summary's totals; every format
//! is written; bad registers and existing outputs are refused.

mod common;

use common::{riskreg, sample_workspace, stderr};
use polars::prelude::*;
use riskreg::model::{FiscalYear, RoundId};
use std::path::Path;

fn export(cwd: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["export", "registers", "--year", "2567"];
    all.extend(args);
    riskreg(cwd, &all)
}

/// A table of the dataset, scanned lazily over its hive partitions.
fn scan(out: &Path, table: &str) -> LazyFrame {
    let keys = Schema::from_iter([
        Field::new("year".into(), DataType::Int64),
        Field::new("bureau".into(), DataType::String),
    ]);
    let args = ScanArgsParquet {
        hive_options: HiveOptions {
            schema: Some(Arc::new(keys)),
            ..HiveOptions::new_enabled()
        },
        ..ScanArgsParquet::default()
    };
    let glob = format!("{}/{table}/**/*.parquet", out.display());
    LazyFrame::scan_parquet(PlRefPath::new(glob), args).expect("scan")
}

fn int(df: &DataFrame, name: &str, row: usize) -> i64 {
    let c = df.column(name).expect(name);
    c.cast(&DataType::Int64)
        .expect("cast")
        .i64()
        .expect("i64")
        .get(row)
        .unwrap_or(0)
}

/// The secretariat table's totals at `round`, from the Parquet files alone.
fn totals(out: &Path, round: &str) -> DataFrame {
    let flag = |e: Expr| e.cast(DataType::Int64).sum();
    scan(out, "monitoring")
        .filter(col("round").eq(lit(round)))
        .join(
            scan(out, "measures"),
            [col("year"), col("bureau"), col("measure_id")],
            [col("year"), col("bureau"), col("measure_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .group_by([col("bureau")])
        .agg([
            len().cast(DataType::Int64).alias("measures"),
            flag(
                col("implementation")
                    .eq(lit("Completed"))
                    .fill_null(lit(false)),
            )
            .alias("completed"),
            flag(col("status").is_null()).alias("not_reported"),
            flag(col("status").eq(lit("green")).fill_null(lit(false))).alias("green"),
            flag(col("status").eq(lit("yellow")).fill_null(lit(false))).alias("yellow"),
            flag(col("status").eq(lit("red")).fill_null(lit(false))).alias("red"),
            col("allocated_satang").sum().alias("allocated"),
            col("disbursed_satang").sum().alias("disbursed"),
        ])
        .sort(["bureau"], SortMultipleOptions::default())
        .collect()
        .expect("roll-up")
}

#[test]
fn parquet_rolled_up_by_polars_gives_the_summary_totals() {
    let (dir, root) = sample_workspace();
    let out = dir.path().join("dataset");
    let run = export(dir.path(), &["--format", "parquet", "--output", "dataset"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        out.join("monitoring/year=2567/bureau=FIN/part-0.parquet")
            .is_file()
    );
    let year = FiscalYear::new(2567).unwrap();
    for round in ["6m", "12m"] {
        let summary =
            riskreg::report::summarize(&root, year, &RoundId::new(round).unwrap(), None).unwrap();
        let by_bureau = totals(&out, round);
        let sum = |name: &str| -> i64 {
            (0..by_bureau.height())
                .map(|r| int(&by_bureau, name, r))
                .sum()
        };
        let p = &summary.progress;
        assert_eq!(sum("measures"), p.measures as i64, "{round}");
        assert_eq!(sum("completed"), p.completed as i64, "{round}");
        assert_eq!(sum("not_reported"), p.not_reported as i64, "{round}");
        assert_eq!(
            (sum("green"), sum("yellow"), sum("red")),
            (p.green as i64, p.yellow as i64, p.red as i64),
            "{round}"
        );
        assert_eq!(sum("allocated"), p.allocated_satang, "{round}");
        assert_eq!(sum("disbursed"), p.disbursed_satang, "{round}");
        // per bureau, as the summary's bureau rows; a bureau whose register
        // holds no measure has no row in the roll-up
        let codes = by_bureau.column("bureau").unwrap();
        for b in &summary.bureaus {
            let row = (0..by_bureau.height())
                .find(|r| codes.get(*r).unwrap() == AnyValue::String(b.bureau.as_str()));
            let Some(i) = row else {
                assert_eq!(b.progress.measures, 0, "{}", b.bureau);
                continue;
            };
            assert_eq!(int(&by_bureau, "measures", i), b.progress.measures as i64);
            assert_eq!(int(&by_bureau, "completed", i), b.progress.completed as i64);
            assert_eq!(int(&by_bureau, "allocated", i), b.progress.allocated_satang);
            assert_eq!(int(&by_bureau, "disbursed", i), b.progress.disbursed_satang);
        }
        assert!(by_bureau.height() >= 5, "{by_bureau}");
    }

    // the band counts: measures joined with their risk's inherent band
    let summary =
        riskreg::report::summarize(&root, year, &RoundId::new("12m").unwrap(), None).unwrap();
    let bands = scan(&out, "measures")
        .join(
            scan(&out, "risks"),
            [col("year"), col("bureau"), col("risk_id")],
            [col("year"), col("bureau"), col("risk_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .group_by([col("inherent_band")])
        .agg([len().cast(DataType::Int64).alias("count")])
        .collect()
        .unwrap();
    for b in &summary.progress.bands {
        let id = b.band.as_ref().map(|b| b.to_string());
        let found = (0..bands.height())
            .find(|r| {
                let v = bands.column("inherent_band").unwrap().get(*r).unwrap();
                match (&v, &id) {
                    (AnyValue::String(s), Some(id)) => s == id,
                    (AnyValue::Null, None) => true,
                    _ => false,
                }
            })
            .map_or(0, |r| int(&bands, "count", r));
        assert_eq!(found, b.count as i64, "band {id:?}");
    }
}

#[test]
fn every_format_is_written_and_csv_is_partitioned() {
    let (dir, root) = sample_workspace();
    let csv = export(dir.path(), &["--format", "csv", "--output", "csv"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let part = dir
        .path()
        .join("csv/measures/year=2567/bureau=FIN/part-0.csv");
    let text = std::fs::read_to_string(&part).expect("csv part");
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("measure_id,risk_id,title,kind,approach,responsible,all_bureaus"));
    assert!(
        !header.contains("bureau,"),
        "partition keys live in the path: {header}"
    );
    assert!(text.contains("FIN-M1"), "{text}");
    // an engine reads the CSV parts as they are: the money sums exactly
    let glob = format!("{}/csv/measures/**/*.csv", dir.path().display());
    // (a partition whose column is all empty would be read as text: give
    // the documented type, as a reader of many partitions should)
    let types = Schema::from_iter([Field::new("allocated_satang".into(), DataType::Int64)]);
    let sums = LazyCsvReader::new(PlRefPath::new(glob))
        .with_dtype_overwrite(Some(Arc::new(types)))
        .finish()
        .expect("scan csv")
        .select([len().alias("measures"), col("allocated_satang").sum()])
        .collect()
        .expect("csv roll-up");
    let summary = riskreg::report::summarize(
        &root,
        FiscalYear::new(2567).unwrap(),
        &RoundId::new("12m").unwrap(),
        None,
    )
    .unwrap();
    assert_eq!(int(&sums, "measures", 0), summary.progress.measures as i64);
    assert_eq!(
        int(&sums, "allocated_satang", 0),
        summary.progress.allocated_satang
    );

    let json = export(dir.path(), &["--format", "json", "--output", "d.json"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("d.json")).unwrap()).unwrap();
    assert_eq!(doc["year"], 2567);
    let measures = doc["tables"]["measures"].as_array().unwrap();
    assert_eq!(measures.len(), 15);
    let m1 = measures
        .iter()
        .find(|m| m["measure_id"] == "CAB-M1")
        .unwrap();
    assert_eq!(m1["allocated_satang"], 1_000_000);
    assert_eq!(m1["bureau"], "CAB");
    assert_eq!(m1["budget"], "Allocated");
    let monitoring = doc["tables"]["monitoring"].as_array().unwrap();
    assert_eq!(monitoring.len(), 30, "a row per measure and round");

    let xlsx = export(
        dir.path(),
        &[
            "--bureau", "CAB", "--format", "xlsx", "--output", "cab.xlsx",
        ],
    );
    assert!(xlsx.status.success(), "{}", stderr(&xlsx));
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(dir.path().join("cab.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "dataset",
            "registers",
            "risks",
            "measures",
            "monitoring",
            "indicators"
        ]
    );
    let risks = book.worksheet_range("risks").unwrap();
    assert_eq!(risks.get((0, 2)), Some(&Data::String("risk_id".into())));
    assert_eq!(risks.get((1, 2)), Some(&Data::String("CAB-R1".into())));
    // text stays text: a multi-line Thai control description, whole
    let controls = risks.get((1, 10)).unwrap().to_string();
    assert!(
        controls.contains('\n') && controls.contains("คณะกรรมการ"),
        "{controls}"
    );
    let registers = book.worksheet_range("registers").unwrap();
    assert_eq!(registers.height(), 2, "one register: CAB");
}

#[test]
fn refuses_registers_with_errors_and_writes_nothing() {
    let (dir, root) = sample_workspace();
    let file = root.join("2567/CAB.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    // a likelihood outside the 5-point scale: a validation error, not a parse error
    let broken = text.replacen("likelihood: 3,", "likelihood: 9,", 1);
    assert_ne!(broken, text);
    std::fs::write(&file, broken).unwrap();
    let out = export(dir.path(), &["--format", "parquet", "--output", "dataset"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("CAB.ron:"), "{}", stderr(&out));
    assert!(!dir.path().join("dataset").exists());
    // another bureau's register exports: only the exported files count
    let fin = export(
        dir.path(),
        &[
            "--bureau", "FIN", "--format", "parquet", "--output", "dataset",
        ],
    );
    assert!(fin.status.success(), "{}", stderr(&fin));
}

#[test]
fn an_existing_output_is_refused_or_replaced_whole() {
    let (dir, _root) = sample_workspace();
    let out = dir.path().join("dataset");
    std::fs::create_dir_all(out.join("risks/year=2566")).unwrap();
    std::fs::write(out.join("risks/year=2566/stale.parquet"), b"old").unwrap();
    let refused = export(dir.path(), &["--format", "parquet", "--output", "dataset"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert!(
        out.join("risks/year=2566/stale.parquet").exists(),
        "left alone"
    );

    let forced = export(
        dir.path(),
        &["--format", "parquet", "--output", "dataset", "--force"],
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(!out.join("risks/year=2566").exists(), "old files are gone");
    assert!(
        out.join("risks/year=2567/bureau=CAB/part-0.parquet")
            .is_file()
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".riskreg"))
        .collect();
    assert!(leftovers.is_empty(), "no staging directory left behind");
    // the tree gets the permissions of any new directory (0777 less the
    // umask), not the owner-only 0700 of the staging directory it was built in
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("plain");
        std::fs::create_dir(&plain).unwrap();
        assert_eq!(mode(&out), mode(&plain), "{:o}", mode(&out));
    }

    std::fs::write(dir.path().join("d.json"), b"{}").unwrap();
    let file = export(dir.path(), &["--format", "json", "--output", "d.json"]);
    assert_eq!(file.status.code(), Some(1));
    assert_eq!(std::fs::read(dir.path().join("d.json")).unwrap(), b"{}");
}

#[test]
fn every_column_is_documented_in_the_file_format() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/file-format.md"))
            .unwrap();
    let start = doc.find("## The exported dataset").expect("section");
    let end = doc[start..].find("\n## ").map_or(doc.len(), |e| start + e);
    let section = &doc[start..end];
    let ds = riskreg::report::dataset::dataset(&[], &[]).unwrap();
    for (table, df) in &ds.frames {
        let heading = format!("### `{table}`");
        assert!(section.contains(&heading), "no section {heading}");
        for name in df.get_column_names() {
            // a column is named in the first cell of a table row
            let named = section.lines().any(|l| {
                l.starts_with('|')
                    && l.split('|')
                        .nth(1)
                        .is_some_and(|cell| cell.split(',').any(|c| c.trim() == name.as_str()))
            });
            assert!(named, "{table}.{name} is not documented");
        }
    }
}
