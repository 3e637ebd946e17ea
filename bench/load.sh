#!/usr/bin/env bash
# `relia load run` against wrk 4.1 (closed model, max rate) and hey 0.1.4 (fixed 20,000 req/s), both from Debian,
# driving nginx 1.22 on 127.0.0.1 (worker_processes 1, access_log off, keepalive_requests 1000000, a 12-byte file),
# with the method of ../shared/research/network-baseline.md: before every run wait until the machine is < 8% busy;
# CPU of nginx and of every client from /proc/PID/stat (and /usr/bin/time), the machine's busy time from /proc/stat;
# a run where other processes used > 0.4 CPU-s is discarded and repeated (at most MAX_TRIES attempts).
#   a. max rate, closed model, 50 connections: wrk -t2 -c50 -d${S}s --latency, then
#      relia load run URL --closed -c 50 --duration ${S}s --threads T for T = 1 and 2 (both reported);
#   b. fixed rate: hey -z ${S}s -c 50 -q 400 (400 req/s per worker x 50 = 20,000 req/s), then
#      relia load run URL --rate 20000 -c 50 --duration ${S}s;
#   c. a table of medians [min–max] over the runs and the ratios (per repeat, then the median): relia req/s / wrk's,
#      relia CPU per request / wrk's (issue goals: >= 1.0x and <= 1.2x), relia CPU / hey's at 20k/s, p99s side by side.
#
# How the relia JVM's CPU is separated from its start-up (the "measured window"):
#   each relia run is started in the background as timeout -> /usr/bin/time -> java; a sampler (load_tools.py sample)
#   reads the java process's utime + stime (all threads) from /proc/PID/stat every 50 ms with a wall-clock stamp.
#   The JSON report gives the run's start instant (`started`, wall clock) and a timeline of 1-second intervals
#   (`timeline[].t` seconds after start, `doneRate` = requests finished per second in that interval). The window runs
#   from started + WINDOW_SKIP (default 1 s: JVM start-up, class loading, connecting and the first JIT compilations
#   are all before it) to the end of the last whole interval (the report and the JVM's exit are after it). The JVM's
#   CPU in the window is interpolated from the samples at both ends; requests in the window = sum of doneRate x
#   interval length. relia's "client µs/req" = window CPU / window requests; "client CPU s/s" = window CPU / window
#   length. wrk and hey are native programs with ~ms start-up: their CPU is /usr/bin/time's user + system for the
#   whole run over all their requests. For transparency the table also gives relia's whole-process CPU (/usr/bin/time:
#   start-up, JIT warm-up and report included) per request, and the script prints the CPU of `java -jar relia.jar
#   --version` (start-up alone, same JVM options) once; nothing is subtracted from anything.
#   relia's "req/s" is its own report's rates.achieved (whole run, first second included); "req/s window" is the
#   steady-state rate inside the window. Both ratios are printed.
# Usage:
#   bench/load.sh [RUNS] [SECONDS]      (defaults 3 runs of 10 s per client; smoke test: bench/load.sh 1 2)
# Environment: IDLE_WAIT (s to wait for an idle box before a run, default 120), MAX_TRIES (attempts per run, default
# 4), WINDOW_SKIP (s of each relia run left out of the window, default 1), RELIA_JAVA_OPTS (extra JVM options),
# KEEP_WORK=1 (keep the work directory: results.tsv and the last run's outputs of every client).
# Installs nginx, wrk and hey (Debian) when missing and root; otherwise exits 2. Finds a JDK 21+ (scripts/lib/jdk.sh).
# Runs `./relia --version` first, which rebuilds relia-cli/target/relia.jar when sources changed (RELIA_NO_BUILD=1
# measures the jar as it is).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source bench/lib.sh
source scripts/lib/packages.sh
source scripts/lib/jdk.sh
JAVA_HOME=$(relia_find_jdk) || exit 2
export JAVA_HOME MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow
JAVA="$JAVA_HOME/bin/java"

RUNS=${1:-3}
DURATION=${2:-10}   # not $SECONDS: bash's own running clock
IDLE_WAIT=${IDLE_WAIT:-120}
MAX_TRIES=${MAX_TRIES:-4}
WINDOW_SKIP=${WINDOW_SKIP:-1}
OTHER_LIMIT=0.4
JAR=relia-cli/target/relia.jar
TOOLS="python3 $ROOT/bench/load_tools.py"
command -v python3 >/dev/null || { echo "load.sh needs python3" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "load.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ "$DURATION" -ge 2 ] 2>/dev/null || { echo "SECONDS must be an integer >= 2 (the window starts after ${WINDOW_SKIP} s)" >&2; exit 2; }

export PATH=$PATH:/usr/sbin
if [ "$(id -u)" != 0 ]; then
    for c in nginx wrk hey; do
        command -v "$c" >/dev/null 2>&1 || {
            echo "load.sh needs nginx, wrk and hey; not root, so it cannot install them: sudo apt-get install nginx wrk hey" >&2
            exit 2; }
    done
fi
relia_ensure_packages nginx:nginx wrk:wrk hey:hey || { echo "load.sh needs nginx, wrk and hey" >&2; exit 2; }
./relia --version >/dev/null   # builds relia-cli/target/relia.jar when the sources changed
[ -f "$JAR" ] || { echo "missing $JAR: ./relia --version builds it" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
TCK=$(getconf CLK_TCK)

echo "command: bench/load.sh $*   (RUNS=$RUNS, ${DURATION} s per run, IDLE_WAIT=$IDLE_WAIT, MAX_TRIES=$MAX_TRIES, WINDOW_SKIP=$WINDOW_SKIP)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), kernel $(uname -r)"
echo "java:    $("$JAVA" -version 2>&1 | head -n 2 | tail -n 1)${RELIA_JAVA_OPTS:+, options $RELIA_JAVA_OPTS}"
echo "peers:   $(nginx -v 2>&1 | cut -d: -f2- | sed 's/^ *//'), $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)," \
     "hey $(dpkg-query -W -f '${Version}' hey 2>/dev/null || echo '?'); date $(date -u +%FT%TZ)"

# --- processes we start, all stopped on exit -------------------------------------------------------------------
WORK=$(mktemp -d /tmp/relia-load-bench.XXXXXX)
PIDS=()      # for the whole script (nginx)
RUNNING=()   # the current run's client and sampler
cleanup() {
    bench_stop "${RUNNING[@]}" "${PIDS[@]}"
    if [ -n "${KEEP_WORK:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bench_nginx_url "$WORK" || exit 1

# JVM start-up alone, for reference: java -jar relia.jar --version, median CPU of 3 (same JVM options as the runs)
for i in 1 2 3; do
    # shellcheck disable=SC2086
    /usr/bin/time -f '%U %S' -o "$WORK/version.time" "$JAVA" ${RELIA_JAVA_OPTS:-} -jar "$JAR" --version >/dev/null
    awk '{ printf "%.3f\n", $1 + $2 }' "$WORK/version.time"
done | sort -n | sed -n 2p >"$WORK/startup-cpu"
echo "start-up: java -jar relia.jar --version uses $(cat "$WORK/startup-cpu") CPU-s (median of 3); relia's CPU/request below"
echo "          leaves start-up out by measuring inside a window (header of this script); nothing is subtracted"

# --- one run of one client -------------------------------------------------------------------------------------
# Finds the pid of the first child of $1 (waits up to 2 s).
child_of() {
    local c i
    for i in $(seq 100); do
        c=$(pgrep -P "$1" | head -n 1) && [ -n "$c" ] && { echo "$c"; return 0; }
        sleep 0.02
    done
    return 1
}

RESULTS=$WORK/results.tsv
printf 'scenario\trun\treqs\trequests\tp50\tp99\tp99u\tlate\twin_s\twin_req\twin_rate\twin_cpu\tclient_cpu\tcpu_per_s\tcpu_us\tcpu_us_whole\tnginx_cpu\tnginx_us\tbusy\tother\terrors\ttries\tnoisy\n' >"$RESULTS"
LIMIT=$((DURATION + 60))   # every client is killed after this many seconds

# Runs one client (scenario name) once; writes $WORK/SCEN.{out,err,time,samples}; echoes the parsed fields.
run_client() {
    local scen=$1 out="$WORK/$1.out" tm="$WORK/$1.time" tp jp sp args=()
    rm -f "$out" "$WORK/$scen.samples" "$tm"
    case $scen in
        wrk) timeout -k 5 "$LIMIT" /usr/bin/time -f '%U %S' -o "$tm" wrk -t2 -c50 -d"${DURATION}s" --latency "$URL" \
                 >"$out" 2>"$WORK/$scen.err" || true ;;
        hey-20k) timeout -k 5 "$LIMIT" /usr/bin/time -f '%U %S' -o "$tm" hey -z "${DURATION}s" -c 50 -q 400 "$URL" \
                 >"$out" 2>"$WORK/$scen.err" || true ;;
        relia-*)
            case $scen in
                relia-t1) args=(--closed -c 50 --threads 1) ;;
                relia-t2) args=(--closed -c 50 --threads 2) ;;
                relia-20k) args=(--rate 20000 -c 50) ;;
            esac
            # shellcheck disable=SC2086 # RELIA_JAVA_OPTS: extra JVM options
            timeout -k 5 "$LIMIT" /usr/bin/time -f '%U %S' -o "$tm" "$JAVA" ${RELIA_JAVA_OPTS:-} -jar "$JAR" \
                load run "$URL" "${args[@]}" --duration "${DURATION}s" --format json >"$out" 2>"$WORK/$scen.err" &
            tp=$!
            RUNNING=("$tp")
            jp=$(child_of "$tp") && jp=$(child_of "$jp") || { echo "cannot find the java process of $scen" >&2; exit 1; }
            $TOOLS sample "$jp" "$WORK/$scen.samples" 0.05 &
            sp=$!
            RUNNING+=("$sp")
            wait "$tp" || true
            wait "$sp" || true
            RUNNING=()
            ;;
    esac
}

measure() { # scenario run
    local scen=$1 run=$2 try n0 n1 m0 m1 q0 q1 cu cs parsed win sampler row other noisy
    for try in $(seq "$MAX_TRIES"); do
        bench_wait_idle "$IDLE_WAIT"
        n0=$(bench_ticks $(bench_nginx_pids)); read -r m0 q0 < <(bench_machine_ticks)
        run_client "$scen"
        n1=$(bench_ticks $(bench_nginx_pids)); read -r m1 q1 < <(bench_machine_ticks)
        if [ ! -s "$WORK/$scen.time" ] || ! read -r cu cs < <(grep -E '^[0-9.]+ [0-9.]+$' "$WORK/$scen.time"); then
            echo "  $scen run $run: the client failed or timed out; its output:" >&2
            cat "$WORK/$scen.out" "$WORK/$scen.err" "$WORK/$scen.time" >&2 2>/dev/null; exit 1
        fi
        win="- - -"; sampler=0
        case $scen in
            wrk) parsed=$($TOOLS wrk "$WORK/$scen.out")" - 0" ;;
            hey-20k) parsed=$($TOOLS hey "$WORK/$scen.out")" - 0" ;;
            relia-*)
                parsed=$($TOOLS relia "$WORK/$scen.out" | cut -d' ' -f1-7) || {
                    echo "  $scen run $run: no JSON report; stdout and stderr:" >&2
                    head -c 2000 "$WORK/$scen.out" >&2; cat "$WORK/$scen.err" >&2; exit 1; }
                win=$($TOOLS relia-window "$WORK/$scen.out" "$WORK/$scen.samples" "$WINDOW_SKIP")
                sampler=$(awk '/^# self/ {print $3}' "$WORK/$scen.samples")
                ;;
        esac
        [ -n "$parsed" ] || { echo "  $scen run $run: cannot parse the output" >&2; cat "$WORK/$scen.out" >&2; exit 1; }
        # parsed: reqs requests p50 p99 errors p99u late;  win: seconds requests cpu
        row=$(awk -v t="$TCK" -v p="$parsed" -v w="$win" -v c="$(awk -v u="$cu" -v s="$cs" 'BEGIN{print u + s}')" \
            -v n=$((n1 - n0)) -v m=$((m1 - m0)) -v smp="${sampler:-0}" -v d="$DURATION" 'BEGIN {
            split(p, a, " "); split(w, b, " ")
            reqs = a[1]; requests = a[2]; nginx = n / t; busy = m / t; other = busy - nginx - c - smp
            if (b[1] == "-") { ws = "-"; wr = "-"; wrate = "-"; wc = "-"; cps = c / d; cus = c / requests * 1e6 }
            else { ws = b[1]; wr = b[2]; wc = b[3]; wrate = sprintf("%.1f", wr / ws); cps = wc / ws; cus = wc / wr * 1e6 }
            printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.3f\t%.4f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%s",
                reqs, requests, a[3], a[4], a[6], a[7], ws, wr, wrate, wc, c, cps, cus, c / requests * 1e6,
                nginx, nginx / requests * 1e6, busy, other, a[5] }')
        other=$(cut -f18 <<<"$row")
        if awk -v o="$other" -v l="$OTHER_LIMIT" 'BEGIN { exit !(o <= l) }' || [ "$try" -eq "$MAX_TRIES" ]; then
            noisy=0
            awk -v o="$other" -v l="$OTHER_LIMIT" 'BEGIN { exit !(o > l) }' && noisy=1
            printf '%s\t%s\t%s\t%s\t%s\n' "$scen" "$run" "$row" "$try" "$noisy" >>"$RESULTS"
            awk -F'\t' -v s="$scen" -v r="$run" -v nz="$noisy" -v mt="$MAX_TRIES" '{
                printf "  %-9s run %d: %9.0f req/s  p50 %6.2f  p99 %6.2f ms  CPU s: client %s (%.3f/s in window, %s µs/req), nginx %s (%s µs/req); other %s%s%s\n",
                    s, r, $1, $3, $4, $11, $12, $13, $15, $16, $18, ($19 != 0 ? "; errors " $19 : ""),
                    (nz == 1 ? "  NOISY (kept after " mt " tries)" : "") }' <<<"$row"
            return 0
        fi
        echo "  $scen run $run: discarded (other processes used $other CPU-s > $OTHER_LIMIT), try $try/$MAX_TRIES"
    done
}

echo
echo "== $RUNS run(s) of ${DURATION} s per client; closed model at 50 connections, then 20,000 req/s =="
for run in $(seq "$RUNS"); do
    for scen in wrk relia-t1 relia-t2 hey-20k relia-20k; do
        measure "$scen" "$run"
    done
done
echo
$TOOLS table "$RESULTS"
echo
echo "rows: $RESULTS$([ -n "${KEEP_WORK:-}" ] || echo ' (deleted on exit; KEEP_WORK=1 keeps it)')"
