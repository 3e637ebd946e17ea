#!/usr/bin/env bash
# Intake under a read flood: Alertmanager webhook latency of relia serve on its own, then while READERS connections
# keep expensive API reads in flight (stats over a year, similar-incident search, lists of 10,000 incidents), on a
# SQLite store seeded with INCIDENTS incidents (the issue's reproduction: 10,000). wrk posts webhooks of 10 new
# alerts back to back on 2 connections (bench/intake.lua) and keeps the reads going (bench/reads.lua); both share
# the machine's cores with the server, as they would on a small host. Reports webhook p50/p99, webhooks/s, the
# server's CPU seconds and RSS at the end of the phase, and what the reads got (2xx, 429/503, socket errors) per
# run, what one stats answer and one search cost on a fresh server (first and second time), then medians and
# the ratio of webhook p99 with and without the flood. The issue's target: webhook p99 under 1 s.
#   bench/intake-under-reads.sh [RUNS] [SECONDS] [READERS] [INCIDENTS]   (default 3 runs, 20 s, 150, 10000)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib/packages.sh
source bench/lib.sh
relia_ensure_packages wrk:wrk python3:python3 || { echo "intake-under-reads.sh needs wrk and python3" >&2; exit 2; }

RUNS=${1:-3}
SECONDS_PER_RUN=${2:-20}
READERS=${3:-150}
INCIDENTS=${4:-10000}
WARMUP=${WARMUP:-10}
ALERTS=10
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
./relia --version >/dev/null   # builds the jar when needed: not part of the measurement

WORK=$(mktemp -d /tmp/relia-bench-under-reads-XXXXXX)
PIDS=()
cleanup() {
    bench_stop "${PIDS[@]}"
    rm -rf "$WORK"
}
trap cleanup EXIT
HZ=$(getconf CLK_TCK)

start_relia() {  # start_relia DATA_DIR -> RELIA_PORT, RELIA_PID, RELIA_JVM
    RELIA_PORT=$(bench_free_port)
    ./relia serve --data "$1" --port "$RELIA_PORT" >"$WORK/relia.log" 2>&1 &
    RELIA_PID=$!
    PIDS+=("$RELIA_PID")
    bench_wait_port "$RELIA_PORT" "relia serve" "$RELIA_PID"
    # The launcher runs java as a child; measure the JVM itself.
    RELIA_JVM=$(pgrep -P "$RELIA_PID" java || echo "$RELIA_PID")
}

# The seeded store, built once and copied for each run: INCIDENTS alerts of distinct services, so each opens an
# incident, a third of them resolved again (incidents in monitoring, with recovery times for the stats).
echo "seeding $INCIDENTS incidents..." >&2
TOKEN=$(./relia token create bench --scope intake --data "$WORK/seed" 2>/dev/null)
start_relia "$WORK/seed"
python3 - "$RELIA_PORT" "$TOKEN" "$INCIDENTS" <<'PY'
import json, sys, urllib.request
port, token, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
def post(alerts):
    body = json.dumps({"version": "4", "status": "firing", "receiver": "relia", "alerts": alerts}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/alerts/alertmanager", body,
                                     {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        assert answer.status == 200, answer.status
def alert(n, status):
    return {"status": status, "fingerprint": f"seed-{n:08d}", "generatorURL": "http://prometheus:9090/graph",
            "labels": {"alertname": f"HighErrorRate{n % 40}", "service": f"svc-{n}",
                       "severity": "critical" if n % 3 == 0 else "warning", "instance": f"10.0.{n // 250}.{n % 250}"},
            "annotations": {"summary": f"checkout error rate above 2% after deploy {n}",
                            "description": "5xx responses above 2% for 5 minutes on the checkout path"},
            "startsAt": "2026-11-24T00:00:00Z",
            "endsAt": "2026-11-24T00:20:00Z" if status == "resolved" else "0001-01-01T00:00:00Z"}
for start in range(0, total, 1000):
    post([alert(n, "firing") for n in range(start, min(total, start + 1000))])
for start in range(0, total, 3000):
    post([alert(n, "resolved") for n in range(start, min(total, start + 3000), 3)])
PY
bench_stop "$RELIA_PID"

# run_phase NAME -> appends "name p50_ms p99_ms webhooks_per_s server_cpu_s rss_mb reads_2xx reads_refused
# read_socket_errors" to $OUT/intake-under-reads-runs.txt; with READS=1 the read flood runs meanwhile.
run_phase() {
    local name=$1 before after out p50 p99 rps reads_out="" reads_pid="" ok refused errors rss
    if [ "${READS:-0}" = 1 ]; then
        wrk -t2 -c"$READERS" -d"$((SECONDS_PER_RUN + 4))s" --timeout 30s -s bench/reads.lua "http://127.0.0.1:$RELIA_PORT" \
            >"$WORK/reads.txt" 2>&1 &
        reads_pid=$!
        sleep 2   # the flood is in full swing before the first measured webhook
    fi
    before=$(bench_ticks "$RELIA_JVM")
    out=$(MODE=webhook TOKEN=$TOKEN ALERTS=$ALERTS wrk -t1 -c2 -d"${SECONDS_PER_RUN}s" --latency --timeout 60s \
        -s bench/intake.lua "http://127.0.0.1:$RELIA_PORT/api/v1/alerts/alertmanager")
    after=$(bench_ticks "$RELIA_JVM")
    if [ -n "$reads_pid" ]; then
        wait "$reads_pid" || true
        reads_out=$(cat "$WORK/reads.txt")
    fi
    echo "$out" >"$OUT/intake-under-reads-$name-last.txt"
    [ -n "$reads_out" ] && echo "$reads_out" >"$OUT/intake-under-reads-$name-reads-last.txt"
    p50=$(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
    p99=$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    if [ "$(awk '/requests in/ {print $1}' <<<"$out")" = 0 ]; then
        p50=inf p99=inf   # not one webhook answered during the run
    fi
    if grep -q "Non-2xx\|Socket errors" <<<"$out"; then
        echo "WARNING: webhooks not answered 2xx: $(grep 'Non-2xx\|Socket errors' <<<"$out")" >&2
    fi
    # The reads: all requests, those not 2xx (429 and 503: refused), and those never answered.
    ok=$(awk '/requests in/ {print $1}' <<<"$reads_out")
    refused=$(awk '/Non-2xx/ {print $NF}' <<<"$reads_out")
    errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$reads_out")
    ok=$(( ${ok:-0} - ${refused:-0} ))
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$RELIA_JVM/status")
    printf '%s %s %s %s %s %s %s %s %s\n' "$name" "$p50" "$p99" "$rps" \
        "$(awk -v t=$((after - before)) -v hz="$HZ" 'BEGIN {printf "%.2f", t / hz}')" "$rss" "$ok" \
        "${refused:-0}" "${errors:-0}" | tee -a "$OUT/intake-under-reads-runs.txt"
}

# single_reads -> appends "read bytes seconds" to $OUT/intake-under-reads-single.txt: the first and a second stats
# answer and similar-incident search on a freshly started server (what one request costs, before and after caching)
single_reads() {
    local path name
    for name in stats-first stats-again similar-first similar-again; do
        case $name in
            stats-*) path="/api/v1/stats?since=365d" ;;
            similar-*) path="/api/v1/similar?q=checkout+error+rate+above+2%25+after+deploy&limit=50" ;;
        esac
        printf '%s %s\n' "$name" "$(curl -s -o /dev/null -w '%{size_download} %{time_total}' \
            "http://127.0.0.1:$RELIA_PORT$path")" >>"$OUT/intake-under-reads-single.txt"
    done
}

# wrk prints 812.00us, 3.21ms or 1.02s
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

: >"$OUT/intake-under-reads-runs.txt"
: >"$OUT/intake-under-reads-single.txt"
echo "phase       p50_ms  p99_ms  webhooks/s  server_cpu_s  rss_mb  reads_2xx  reads_refused  read_errors"
for run in $(seq "$RUNS"); do
    rm -rf "$WORK/run"
    cp -a "$WORK/seed" "$WORK/run"
    start_relia "$WORK/run"
    single_reads
    # Warm-up, not measured: JIT, the stats cache and the similar-incident index (built on first use).
    MODE=webhook TOKEN=$TOKEN ALERTS=$ALERTS wrk -t1 -c2 -d"${WARMUP}s" -s bench/intake.lua \
        "http://127.0.0.1:$RELIA_PORT/api/v1/alerts/alertmanager" >/dev/null
    wrk -t1 -c2 -d"${WARMUP}s" -s bench/reads.lua "http://127.0.0.1:$RELIA_PORT" >/dev/null
    bench_wait_idle 120
    READS=0 run_phase alone
    bench_wait_idle 120
    READS=1 run_phase under-reads
    bench_stop "$RELIA_PID"
done

python3 - "$OUT/intake-under-reads-runs.txt" "$SECONDS_PER_RUN" "$READERS" "$INCIDENTS" \
    "$OUT/intake-under-reads-single.txt" <<'PY'
import statistics, sys
single = {}
for line in open(sys.argv[5]):
    if line.strip():
        name, size, seconds = line.split()
        single.setdefault(name, []).append((int(size), float(seconds)))
print("\none request on a fresh server, medians: " + ", ".join("%s %.0f KB in %.3f s" % (
    name, statistics.median(r[0] for r in runs) / 1000, statistics.median(r[1] for r in runs))
    for name, runs in single.items()))
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
seconds, readers, incidents = float(sys.argv[2]), sys.argv[3], sys.argv[4]
by = {}
for name, p50, p99, rps, cpu, rss, ok, refused, errors in rows:
    by.setdefault(name, []).append([float(p50), float(p99), float(rps), float(cpu), float(rss), int(ok),
                                    int(refused), int(errors)])
def med(name, i):
    return statistics.median(r[i] for r in by[name])
print("\nmedians of %d runs, %d s each, %s incidents, %s read connections"
      % (len(by["alone"]), seconds, incidents, readers))
print("| webhooks | p50 ms | p99 ms | webhooks/s | server CPU s (per wall s) | RSS MB at end | reads 2xx/s | reads refused/s | reads unanswered |")
print("|---|---|---|---|---|---|---|---|---|")
for name in ("alone", "under-reads"):
    print("| %s | %.1f | %.1f | %.0f | %.1f (%.2f) | %.0f | %.0f | %.0f | %d |" % (
        name, med(name, 0), med(name, 1), med(name, 2), med(name, 3), med(name, 3) / seconds, med(name, 4),
        med(name, 5) / (seconds + 4), med(name, 6) / (seconds + 4), med(name, 7)))
def ratio(i):
    value = med("under-reads", i) / med("alone", i)
    return "%.1fx" % value if value != float("inf") else "no webhook answered"
print("\nwebhook p99 under reads / alone: %s (p50 %s); target: p99 under 1,000 ms in every run -> %s"
      % (ratio(1), ratio(0), "met" if max(r[1] for r in by["under-reads"]) < 1000 else "NOT met"))
PY
