#!/usr/bin/env bash
# Alert intake benchmark: wrk posts Alertmanager webhooks (ALERTS new firing alerts each, real v4 bodies from
# bench/intake.lua) to relia serve on a SQLite store (WAL, synchronous=FULL: every answered webhook is on disk), and,
# in the same run, the alert lists Prometheus sends to a real Alertmanager's own POST /api/v2/alerts (in memory, no
# disk) as the reference peer. Reports alerts/s, p50/p99 latency and server CPU per run, medians, and the ratio.
# wrk and the server share the machine's cores, as they would on a small host.
# Each target gets a WARMUP-second run first (default 20 s), not measured.
#   bench/intake.sh [RUNS] [SECONDS] [CONNECTIONS] [ALERTS]   (default 3 runs, 15 s, 8 connections, 10 alerts)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib/packages.sh
source bench/lib.sh
relia_ensure_packages wrk:wrk prometheus-alertmanager:prometheus-alertmanager \
    || { echo "intake.sh needs wrk and prometheus-alertmanager" >&2; exit 2; }

RUNS=${1:-3}
SECONDS_PER_RUN=${2:-15}
CONNECTIONS=${3:-8}
ALERTS=${4:-10}
WARMUP=${WARMUP:-20}
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
./relia --version >/dev/null   # builds the jar when needed: not part of the measurement

WORK=$(mktemp -d /tmp/relia-bench-intake-XXXXXX)
PIDS=()
cleanup() {
    bench_stop "${PIDS[@]}"
    rm -rf "$WORK"
}
trap cleanup EXIT
HZ=$(getconf CLK_TCK)

start_relia() {
    rm -rf "$WORK/relia"
    TOKEN=$(./relia token create bench --scope intake --data "$WORK/relia" 2>/dev/null)
    RELIA_PORT=$(bench_free_port)
    ./relia serve --data "$WORK/relia" --port "$RELIA_PORT" >"$WORK/relia.log" 2>&1 &
    RELIA_PID=$!
    PIDS+=("$RELIA_PID")
    bench_wait_port "$RELIA_PORT" "relia serve" "$RELIA_PID"
    # The launcher runs java as a child; measure the JVM itself.
    RELIA_JVM=$(pgrep -P "$RELIA_PID" java || echo "$RELIA_PID")
}

start_alertmanager() {
    rm -rf "$WORK/am"
    mkdir -p "$WORK/am/data"
    printf 'route:\n  receiver: none\nreceivers:\n  - name: none\n' >"$WORK/am/alertmanager.yml"
    AM_PORT=$(bench_free_port)
    prometheus-alertmanager --config.file="$WORK/am/alertmanager.yml" --storage.path="$WORK/am/data" \
        --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= >"$WORK/am.log" 2>&1 &
    AM_PID=$!
    PIDS+=("$AM_PID")
    bench_wait_port "$AM_PORT" "alertmanager" "$AM_PID"
}

# run_wrk NAME URL MODE PID -> appends "name alerts_per_s p50_ms p99_ms cpu_s errors" to $OUT/intake-runs.txt
run_wrk() {
    local name=$1 url=$2 mode=$3 pid=$4 before after out rps p50 p99 errors
    # Warm-up, not measured: the JVM compiles its hot paths in the first seconds (Alertmanager gets the same).
    MODE=$mode TOKEN=${TOKEN:-} ALERTS=$ALERTS wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/intake.lua "$url" \
        >/dev/null
    bench_wait_idle 120
    before=$(bench_ticks "$pid")
    out=$(MODE=$mode TOKEN=${TOKEN:-} ALERTS=$ALERTS wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency \
        -s bench/intake.lua "$url")
    after=$(bench_ticks "$pid")
    echo "$out" >"$OUT/intake-$name-last.txt"
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print "socket-errors"}' <<<"$out" | head -n 1)
    printf '%s %s %s %s %s %s\n' "$name" "$(awk -v r="$rps" -v a="$ALERTS" 'BEGIN {printf "%.0f", r * a}')" \
        "$(ms "$p50")" "$(ms "$p99")" \
        "$(awk -v t=$((after - before)) -v hz="$HZ" 'BEGIN {printf "%.2f", t / hz}')" "${errors:-0}" \
        | tee -a "$OUT/intake-runs.txt"
}

# wrk prints 812.00us, 3.21ms or 1.02s
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

: >"$OUT/intake-runs.txt"
echo "run  target        alerts/s  p50_ms  p99_ms  server_cpu_s  non2xx"
for run in $(seq "$RUNS"); do
    start_relia
    run_wrk relia-sqlite "http://127.0.0.1:$RELIA_PORT/api/v1/alerts/alertmanager" webhook "$RELIA_JVM"
    stored=$(sqlite3 "$WORK/relia/relia.db" 'SELECT COUNT(*) FROM alerts' 2>/dev/null || echo "?")
    echo "     (relia stored $stored alerts)"
    bench_stop "$RELIA_PID"
    start_alertmanager
    run_wrk alertmanager "http://127.0.0.1:$AM_PORT/api/v2/alerts" amapi "$AM_PID"
    bench_stop "$AM_PID"
done

python3 - "$OUT/intake-runs.txt" "$SECONDS_PER_RUN" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
seconds = float(sys.argv[2])
by = {}
for name, aps, p50, p99, cpu, errors in rows:
    by.setdefault(name, []).append((float(aps), float(p50), float(p99), float(cpu), errors))
print("\nmedians of %d runs, %d s each" % (len(by.get("relia-sqlite", [])), seconds))
print("| target | alerts/s | p50 ms | p99 ms | server CPU s per 1,000 alerts |")
print("|---|---|---|---|---|")
med = {}
for name, runs in by.items():
    aps = statistics.median(r[0] for r in runs)
    cpu_per_k = statistics.median(r[3] / (r[0] * seconds) * 1000 for r in runs)
    med[name] = aps
    print("| %s | %.0f | %.2f | %.2f | %.3f |" % (name, aps, statistics.median(r[1] for r in runs),
          statistics.median(r[2] for r in runs), cpu_per_k))
if "relia-sqlite" in med and "alertmanager" in med:
    print("\nrelia ÷ alertmanager throughput: %.2f×" % (med["relia-sqlite"] / med["alertmanager"]))
PY
