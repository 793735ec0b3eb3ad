//! Peak resident memory, for the benches that report it (each measurement
//! runs in a child process of its own, so a peak is that measurement's).

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
