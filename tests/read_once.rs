//! `summary`, `report`, `roll` and `export` read each register once: the
//! registers they check are the ones they compute from, not a second read
//! of the same files (that double read made `summary` of 20 registers 75 %
//! slower). Measured from outside the real binary: the bytes it read, as
//! Linux counts them (`rchar` of /proc/PID/io, taken after it has exited
//! and before it is reaped).
#![cfg(target_os = "linux")]

mod common;

use riskreg::model::FiscalYear;
use riskreg::report::synthetic;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs the real binary in `cwd` and returns whether it succeeded, its
/// stderr and the number of bytes it read.
fn run_counting(cwd: &Path, args: &[&str]) -> (bool, String, u64) {
    let err_path = cwd.join("stderr.txt");
    let err = std::fs::File::create(&err_path).expect("stderr file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_riskreg"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("RISKREG_TODAY", common::TODAY)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err)
        .spawn()
        .expect("run riskreg");
    let proc_dir = Path::new("/proc").join(child.id().to_string());
    // a zombie keeps its counters until it is waited for
    let exited = || {
        let stat = std::fs::read_to_string(proc_dir.join("stat")).expect("stat");
        let state = stat
            .rsplit(')')
            .next()
            .and_then(|s| s.split_whitespace().next());
        state == Some("Z")
    };
    let started = std::time::Instant::now();
    while !exited() {
        assert!(
            started.elapsed().as_secs() < 300,
            "riskreg {args:?} did not finish"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let io = std::fs::read_to_string(proc_dir.join("io")).expect("io");
    let rchar = io
        .lines()
        .find_map(|l| l.strip_prefix("rchar:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("rchar");
    let status = child.wait().expect("wait");
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    (status.success(), stderr, rchar)
}

#[test]
fn commands_that_compute_from_registers_read_each_register_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("registers");
    let year = FiscalYear::new(2567).expect("year");
    let size = synthetic::Size {
        bureaus: 6,
        risks: 30,
        measures: 3,
    };
    synthetic::write(&root, year, size).expect("generate");
    let registers: u64 = std::fs::read_dir(root.join("2567"))
        .expect("ls")
        .map(|e| e.expect("entry").metadata().expect("size").len())
        .sum();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("out dir");
    let commands: [&[&str]; 4] = [
        &["summary", "registers", "--year", "2567", "--round", "12m"],
        &[
            "report",
            "registers",
            "--year",
            "2567",
            "--round",
            "12m",
            "--output",
            "out/report.html",
        ],
        &[
            "export",
            "registers",
            "--year",
            "2567",
            "--format",
            "csv",
            "--output",
            "out/dataset",
        ],
        &["roll", "2567", "--dir", "registers"],
    ];
    for args in commands {
        let (ok, stderr, read) = run_counting(dir.path(), args);
        assert!(ok, "riskreg {args:?}: {stderr}");
        // the registers once, and the small shared files besides; a second
        // read of the registers would double it
        assert!(
            read >= registers && read < registers + registers / 2,
            "riskreg {args:?} read {read} bytes for {registers} bytes of registers"
        );
    }
}
