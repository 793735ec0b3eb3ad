//! Each measurement of a bench runs in a child process of its own (the
//! bench binary again, with `--child WHAT DIR`), so the peak memory it
//! reports is that measurement's alone.

use std::path::Path;
use std::process::Command;

/// Runs measurement `what` on `root` in a child; what it printed.
pub fn run(what: &str, root: &Path) -> String {
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
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// This process's peak resident memory in KiB (VmHWM), 0 when unknown.
pub fn peak_rss_kib() -> u64 {
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

/// The peak resident memory in KiB of the largest child waited for.
pub fn child_peak_rss_kib() -> u64 {
    // SAFETY: getrusage only writes the struct it is given
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0, "getrusage");
    // kilobytes on Linux
    u64::try_from(usage.ru_maxrss).unwrap_or(0)
}
