#!/usr/bin/env bash
# Soak of `relia load run` (issue 8, item 1): one long open-model run against nginx 1.22 on 127.0.0.1
# (worker_processes 1, access_log off, keepalive_requests 1000000, a 12-byte file), watching the JVM's heap:
#   relia load run URL --rate RATE --duration ${MINUTES}m -c 100 --out DIR --format json
# run as "$JAVA" -Xlog:gc*:file=gc.log -jar relia.jar (the shipped default GC, G1), sampled every SOAK_INTERVAL s by
# the JDK's `jstat -gc -t PID` (old gen used, OU: it only changes at a GC, so each sample is the old gen after the
# last GC, to the KB) and /proc/PID/status (RSS). Prints old gen used at minute 1 (the end of the warm-up), the middle
# and the end, the heap after the last GC (GC log) at those points, the least-squares slope of old gen used from
# minute 1 to the end in MB per minute with the verdict "flat" when it is < 1 MB/min, and the run's achieved rate,
# lateSends and p99 (corrected and uncorrected) from DIR/summary.json.
# Method of ../shared/research/network-baseline.md where it applies: waits for a < 8% busy machine before the run and
# reports how much CPU other processes used during it (a soak is not repeated; judge a noisy one by that figure).
# Usage:
#   bench/load-soak.sh [MINUTES] [RATE]      (defaults 10 minutes at 20000 req/s)
# Environment: SOAK_SECONDS (duration in seconds instead of MINUTES, for smoke tests: SOAK_SECONDS=20), SOAK_INTERVAL
# (s between samples, default 10), SOAK_WARM (s before the slope starts, default 60, or a third of the run when that
# is shorter), IDLE_WAIT (default 120), RELIA_JAVA_OPTS (extra JVM options, e.g. -Xmx256m), KEEP_WORK=1 (keep the
# work directory: gc.log, jstat.txt, rss.txt, the --out directory).
# Exit status: 0 flat, 1 growing, 2 set-up problems. Installs nginx (Debian) when missing and root. Finds a JDK 21+.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source bench/lib.sh
source scripts/lib/packages.sh
source scripts/lib/jdk.sh
JAVA_HOME=$(relia_find_jdk) || exit 2
export JAVA_HOME MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow
JAVA="$JAVA_HOME/bin/java"
JSTAT="$JAVA_HOME/bin/jstat"

MINUTES=${1:-10}
RATE=${2:-20000}
if [ -n "${SOAK_SECONDS:-}" ]; then DUR_S=$SOAK_SECONDS; DUR_ARG="${SOAK_SECONDS}s"; else DUR_S=$((MINUTES * 60)); DUR_ARG="${MINUTES}m"; fi
INTERVAL=${SOAK_INTERVAL:-10}
WARM=${SOAK_WARM:-$((DUR_S / 3 < 60 ? DUR_S / 3 : 60))}
IDLE_WAIT=${IDLE_WAIT:-120}
JAR=relia-cli/target/relia.jar
TOOLS="python3 $ROOT/bench/load_tools.py"
command -v python3 >/dev/null || { echo "load-soak.sh needs python3" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "load-soak.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ -x "$JSTAT" ] || { echo "load-soak.sh needs jstat in $JAVA_HOME/bin (a full JDK)" >&2; exit 2; }

export PATH=$PATH:/usr/sbin
if [ "$(id -u)" != 0 ] && ! command -v nginx >/dev/null 2>&1; then
    echo "load-soak.sh needs nginx; not root, so it cannot install it: sudo apt-get install nginx" >&2; exit 2
fi
relia_ensure_packages nginx:nginx || { echo "load-soak.sh needs nginx" >&2; exit 2; }
./relia --version >/dev/null   # builds relia-cli/target/relia.jar when the sources changed
[ -f "$JAR" ] || { echo "missing $JAR: ./relia --version builds it" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
TCK=$(getconf CLK_TCK)

echo "command: bench/load-soak.sh $*   (${DUR_S} s at $RATE req/s, -c 100, samples every ${INTERVAL} s, slope from ${WARM} s)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), kernel $(uname -r)"
echo "java:    $("$JAVA" -version 2>&1 | head -n 2 | tail -n 1)${RELIA_JAVA_OPTS:+, options $RELIA_JAVA_OPTS}"
echo "peer:    $(nginx -v 2>&1 | cut -d: -f2- | sed 's/^ *//'); date $(date -u +%FT%TZ)"

WORK=$(mktemp -d /tmp/relia-load-soak.XXXXXX)
PIDS=()
cleanup() {
    bench_stop "${PIDS[@]}"
    if [ -n "${KEEP_WORK:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bench_nginx_url "$WORK" || exit 1

child_of() { # first child of $1, waiting up to 2 s
    local c i
    for i in $(seq 100); do
        c=$(pgrep -P "$1" | head -n 1) && [ -n "$c" ] && { echo "$c"; return 0; }
        sleep 0.02
    done
    return 1
}

bench_wait_idle "$IDLE_WAIT"
n0=$(bench_ticks $(bench_nginx_pids)); read -r m0 _ < <(bench_machine_ticks)
# shellcheck disable=SC2086 # RELIA_JAVA_OPTS: extra JVM options
timeout -k 5 $((DUR_S + 120)) /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" \
    "$JAVA" "-Xlog:gc*:file=$WORK/gc.log:uptime,level,tags" ${RELIA_JAVA_OPTS:-} -jar "$JAR" \
    load run "$URL" --rate "$RATE" --duration "$DUR_ARG" -c 100 --out "$WORK/out" --format json \
    >"$WORK/report.json" 2>"$WORK/relia.err" &
TP=$!
PIDS+=("$TP")
JP=$(child_of "$TP") && JP=$(child_of "$JP") || { echo "cannot find the java process" >&2; exit 1; }
echo "relia:   java pid $JP, $DUR_ARG at $RATE req/s; jstat -gc -t every ${INTERVAL} s"

# jstat needs the JVM's perf data file, which appears a moment after start
for _ in $(seq 50); do [ -e "/tmp/hsperfdata_$(id -un)/$JP" ] && break; sleep 0.1; done
"$JSTAT" -gc -t "$JP" "$((INTERVAL * 1000))" >"$WORK/jstat.txt" 2>&1 &
PIDS+=("$!")
( while [ -e "/proc/$JP/status" ]; do
      printf '%s %s\n' "$(awk '{print $1}' /proc/uptime)" "$(awk '/^VmRSS/ {print $2}' "/proc/$JP/status" 2>/dev/null)"
      sleep "$INTERVAL"
  done ) >"$WORK/rss.txt" 2>/dev/null &
PIDS+=("$!")

status=0
wait "$TP" || status=$?
n1=$(bench_ticks $(bench_nginx_pids)); read -r m1 _ < <(bench_machine_ticks)
if [ "$status" != 0 ] && [ "$status" != 1 ]; then   # 1 = a threshold failed; there are none here
    echo "relia load run exited with $status; stderr:" >&2; tail -n 30 "$WORK/relia.err" >&2; exit 2
fi
SUMMARY=$WORK/out/summary.json
[ -s "$SUMMARY" ] || { echo "no $SUMMARY; using the report on stdout" >&2; SUMMARY=$WORK/report.json; }
read -r wall ju js maxrss < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$WORK/time")

echo
status=0
$TOOLS soak "$WORK/jstat.txt" "$WORK/gc.log" "$SUMMARY" "$WARM" || status=$?
[ "$status" = 1 ] || status=0
awk -v t="$TCK" -v n=$((n1 - n0)) -v m=$((m1 - m0)) -v u="$ju" -v s="$js" -v w="$wall" -v r="$maxrss" \
    -v r0="$(awk 'NF == 2 {print $2; exit}' "$WORK/rss.txt")" -v r1="$(awk 'NF == 2 {v = $2} END {print v}' "$WORK/rss.txt")" 'BEGIN {
    j = u + s; printf "CPU: relia JVM %.1f s over %.0f s wall (%.2f cores; whole process, start-up included), nginx %.1f s; " \
        "other processes %.1f CPU-s%s\n", j, w, j / w, n / t, m / t - n / t - j, (m / t - n / t - j > 0.4 * w / 10 ? " (a busy box: noisy)" : "")
    printf "RSS: %.0f MiB at the first sample, %.0f MiB at the last, peak %.0f MiB\n", r0 / 1024, r1 / 1024, r / 1024 }'
n_err=$(grep -ciE 'exception|error' "$WORK/relia.err" || true)
[ "$n_err" = 0 ] || { echo "relia's stderr has $n_err lines with exception/error:"; grep -iE 'exception|error' "$WORK/relia.err" | sort | uniq -c | sort -rn | head -n 5; }
exit "$status"
