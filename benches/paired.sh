#!/usr/bin/env bash
# Paired summary ÷ parse runs of one or more builds of the summary bench, for
# comparisons finer than the machine's noise between whole bench runs
# (docs/speed.md). Each repetition runs every build's `--child parse DIR` then
# `--child summary DIR`, build after build; it prints, per build, the median
# of the per-pair ratios, their quartiles, and the median times.
#
#   benches/paired.sh DIR REPS BENCH_BINARY...
#
# DIR holds registers made with `BENCH_BINARY --generate DIR N`; a bench
# binary is target/release/deps/summary-<hash> after
# `cargo bench --bench summary --no-run` (copy it aside to keep one build).
set -euo pipefail
dir=$1 reps=$2
shift 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for _ in $(seq "$reps"); do
    for i in $(seq $#); do
        bin=${!i}
        p=$("$bin" --child parse "$dir" | cut -d' ' -f1)
        s=$("$bin" --child summary "$dir" | cut -d' ' -f1)
        echo "$p $s" >> "$out/$i"
    done
done
for i in $(seq $#); do
    python3 - "${!i}" "$out/$i" <<'PY'
import os, statistics, sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[2]) if l.strip()]
r = [s / p for p, s in rows]
q = statistics.quantiles(r, n=4) if len(r) > 1 else [r[0]] * 3
print(f"{os.path.basename(sys.argv[1])}: ratio {statistics.median(r):.3f} "
      f"(quartiles {q[0]:.3f}-{q[2]:.3f}), parse {statistics.median(p for p, _ in rows):.4f} s, "
      f"summary {statistics.median(s for _, s in rows):.4f} s")
PY
done
