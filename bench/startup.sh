#!/usr/bin/env bash
# Start-up benchmark: Relia's --version, review and validate against promtool (Go, from Debian's prometheus
# package), the kind of tool Relia replaces. Medians of hyperfine runs after warm-up, CPU time beside wall time.
#   bench/startup.sh [RUNS]        (default 20 runs per command; results in bench/results/startup-*.json)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib/packages.sh
source bench/lib.sh
relia_ensure_packages hyperfine:hyperfine promtool:prometheus || { echo "startup.sh needs hyperfine and promtool" >&2; exit 2; }

RUNS=${1:-20}
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
./relia --version >/dev/null   # builds the jar and the AOT cache when needed: not part of the measurement
EXAMPLE=examples/checkout-service
bench_wait_idle 300
stamp=$(date -u +%Y%m%dT%H%M%SZ)
json="$OUT/startup-$stamp.json"
hyperfine --style basic --warmup 3 --runs "$RUNS" --export-json "$json" \
    -n "relia --version" "./relia --version" \
    -n "promtool --version" "promtool --version" \
    -n "relia validate (runbook)" "./relia validate $EXAMPLE/reliability/runbooks/high-cpu-usage.yaml" \
    -n "promtool check rules" "promtool check rules $EXAMPLE/monitoring/alerts.yaml" \
    -n "relia review (example)" "./relia review $EXAMPLE --format json" >/dev/null

python3 - "$json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
def row(name):
    r = results[name]
    return r["median"], r["user"] + r["system"]
print(f"{'command':28} {'median wall s':>14} {'mean CPU s':>11}")
for name in results:
    wall, cpu = row(name)
    print(f"{name:28} {wall:14.3f} {cpu:11.3f}")
for ours, peer in [("relia --version", "promtool --version"), ("relia validate (runbook)", "promtool check rules")]:
    print(f"ratio {ours} / {peer}: wall {row(ours)[0] / row(peer)[0]:.1f}x, CPU {row(ours)[1] / row(peer)[1]:.1f}x")
PY
echo "raw results: $json"
