#!/bin/sh
# Times the full `sourcing-sim run` of the Southwark scenario against the NumPy peer
# (bench/numpy_peer.py), in alternation (peer, tool, peer, tool, ...) after one warm-up of each,
# and prints each one's median and range of wall seconds and peak memory (maxrss) over RUNS runs.
#
#   bench/compare.sh [ITERATIONS] [RUNS] [THREADS]      defaults: 1000000 5 2
#
# Uses the release build (swift build -c release); set SOURCING_SIM to time another binary.
# Wall time is only meaningful on a quiet machine; peak memory is not affected by load.
set -eu
N=${1:-1000000}
RUNS=${2:-5}
THREADS=${3:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOL=${SOURCING_SIM:-$ROOT/.build/release/sourcing-sim}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
timed() { # NAME FUNCTION: appends "seconds kilobytes" to $OUT/NAME
    /usr/bin/time -f "%e %M" -o "$OUT/t" sh -c ". '$OUT/fns'; $2"
    cat "$OUT/t" >> "$OUT/$1"
}
cat > "$OUT/fns" <<FNS
tool() { "$TOOL" run "$ROOT/scenarios/southwark-2017.yaml" --iterations "$N" --threads "$THREADS" --quiet --out "$OUT/run"; }
peer() { OPENBLAS_NUM_THREADS=$THREADS python3 "$ROOT/bench/numpy_peer.py" "$N" > "$OUT/peer.txt"; }
FNS
. "$OUT/fns"
tool; peer # warm-up
i=0
while [ "$i" -lt "$RUNS" ]; do
    timed peer peer
    timed tool tool
    i=$((i + 1))
done
summary() { # NAME: median and range of the seconds and of the peak memory
    python3 - "$OUT/$1" "$1" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
s = sorted(float(r[0]) for r in rows); m = sorted(int(r[1]) / 1000 for r in rows)
print(f"{sys.argv[2]:5} wall median {statistics.median(s):.2f} s (range {s[0]:.2f}-{s[-1]:.2f}), "
      f"peak memory median {statistics.median(m):.0f} MB (range {m[0]:.0f}-{m[-1]:.0f}), {len(rows)} runs")
PY
}
echo "Southwark, $N iterations, $THREADS threads, the scenario's sampling (Latin hypercube)"
summary peer
summary tool
echo "peer's mean PV (check against summary.csv's pv_cost means):"
cat "$OUT/peer.txt"
grep pv_cost "$OUT/run/summary.csv" | cut -d, -f1,4,6
