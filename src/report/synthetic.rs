//! Synthetic registers for benchmarks: see `generate`.
