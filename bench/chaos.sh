#!/usr/bin/env bash
# Relia's fault-injection proxy (relia chaos proxy) against haproxy 2.6 (mode tcp, nbthread 1) in front of nginx,
# loopback only, the method of ../shared/research/network-baseline.md: before every run wait until the machine is
# < 8% busy; CPU of nginx, haproxy, the Relia JVM and wrk from /proc/PID/stat, the machine's busy time from /proc/stat;
# a run where other processes used > 0.4 CPU-s is discarded and repeated (at most MAX_TRIES attempts).
#   1. wrk -t2 -c50 --latency: direct, via haproxy, via Relia, via Relia with a 0 ms latency toxic; medians [min–max].
#   2. Latency accuracy: latency toxic 50 ms ± 10 ms jitter, 500 sequential 1-byte round trips to a TCP echo.
#   3. Robustness: 10,000 connect-send-read-close cycles (20 workers), then 1,000 concurrent connections, while a
#      latency toxic is added and removed every 50 ms; the JVM's fds and RSS; exit 1 if fds grow by > 20.
# Usage:
#   bench/chaos.sh [RUNS] [SECONDS]      (defaults 3 runs of 10 s; smoke test: bench/chaos.sh 1 2)
# Environment: IDLE_WAIT (s to wait for an idle box before a run, default 120), MAX_TRIES (attempts per run, default 4),
# RELIA_JAVA_OPTS (extra JVM options for the proxy, e.g. -Xlog:gc:file=/tmp/gc.log), KEEP_WORK=1 (keep the temp dir).
# Installs nginx, haproxy and wrk (Debian) when missing and root; otherwise exits 2. Needs relia-cli/target/relia.jar.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source bench/lib.sh
source scripts/lib/packages.sh
source scripts/lib/jdk.sh
JAVA_HOME=$(relia_find_jdk) || exit 2
export JAVA_HOME MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow
JAVA="$JAVA_HOME/bin/java"
./relia --version >/dev/null   # builds relia-cli/target/relia.jar when the sources changed

RUNS=${1:-3}
DURATION=${2:-10}   # not $SECONDS: bash's own running clock
IDLE_WAIT=${IDLE_WAIT:-120}
MAX_TRIES=${MAX_TRIES:-4}
OTHER_LIMIT=0.4
JAR=relia-cli/target/relia.jar
PY=$(command -v python3) || { echo "chaos.sh needs python3" >&2; exit 2; }
NET="$PY $ROOT/bench/chaos_net.py"

if [ "$(id -u)" != 0 ]; then
    for c in nginx haproxy wrk; do
        command -v "$c" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin command -v "$c" >/dev/null 2>&1 || {
            echo "chaos.sh needs nginx, haproxy and wrk; not root, so it cannot install them:" \
                 "sudo apt-get install nginx haproxy wrk" >&2; exit 2; }
    done
fi
export PATH=$PATH:/usr/sbin
relia_ensure_packages nginx:nginx haproxy:haproxy wrk:wrk || { echo "chaos.sh needs nginx, haproxy and wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "missing $JAR: ./relia --version builds it" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
TCK=$(getconf CLK_TCK)

echo "command: bench/chaos.sh $*   (RUNS=$RUNS, ${DURATION} s per run, IDLE_WAIT=$IDLE_WAIT, MAX_TRIES=$MAX_TRIES)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), kernel $(uname -r)"
echo "java:    $("$JAVA" -version 2>&1 | head -n 2 | tail -n 1)"
echo "peers:   $(nginx -v 2>&1 | cut -d: -f2- | sed 's/^ *//'), $(haproxy -v | head -n 1 | cut -d' ' -f1-3), $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); date $(date -u +%FT%TZ)"
echo

# --- processes we start, all stopped on exit -------------------------------------------------------------------
WORK=$(mktemp -d /tmp/relia-chaos-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as an unprivileged user
PIDS=()
cleanup() {
    bench_stop "${PIDS[@]}"
    if [ -n "${KEEP_WORK:-}" ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

read -r P_NGINX P_HAPROXY P_RELIA P_ECHO P_ECHO_PROXY P_ADMIN < <($NET ports 6)

# nginx: own prefix, one worker, a 12-byte static file /f (bench/lib.sh)
bench_start_nginx "$WORK/nginx" "$P_NGINX"
NGINX_PID=$BENCH_NGINX_PID
PIDS+=("$NGINX_PID")

# haproxy: mode tcp, one thread
cat > "$WORK/haproxy.cfg" <<EOF
global
    nbthread 1
    maxconn 4096
defaults
    mode tcp
    timeout connect 5s
    timeout client 60s
    timeout server 60s
frontend fe
    bind 127.0.0.1:$P_HAPROXY
    default_backend be
backend be
    server nginx 127.0.0.1:$P_NGINX
EOF
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
PIDS+=("$HAPROXY_PID")
bench_wait_port "$P_HAPROXY" haproxy "$HAPROXY_PID"

# TCP echo (for the latency and robustness parts)
$NET echo "$P_ECHO" >"$WORK/echo.log" 2>&1 &
ECHO_PID=$!
PIDS+=("$ECHO_PID")
bench_wait_port "$P_ECHO" echo "$ECHO_PID"

# Relia's proxy: web -> nginx, echo -> the echo server
cat > "$WORK/proxies.json" <<EOF
[{"name":"web","listen":"127.0.0.1:$P_RELIA","upstream":"127.0.0.1:$P_NGINX"},
 {"name":"echo","listen":"127.0.0.1:$P_ECHO_PROXY","upstream":"127.0.0.1:$P_ECHO"}]
EOF
# shellcheck disable=SC2086 # RELIA_JAVA_OPTS: extra JVM options for diagnosis, e.g. -Xlog:gc:file=/tmp/gc.log
"$JAVA" ${RELIA_JAVA_OPTS:-} -jar "$JAR" chaos proxy --port "$P_ADMIN" --config "$WORK/proxies.json" >"$WORK/relia.log" 2>&1 &
RELIA_PID=$!
PIDS+=("$RELIA_PID")
bench_wait_port "$P_ADMIN" "relia chaos proxy" "$RELIA_PID"
bench_wait_port "$P_RELIA" "relia chaos proxy" "$RELIA_PID"
ADMIN=http://127.0.0.1:$P_ADMIN
echo "ports: nginx $P_NGINX, haproxy $P_HAPROXY, relia $P_RELIA (admin $P_ADMIN), echo $P_ECHO via relia $P_ECHO_PROXY"
curl -sf "http://127.0.0.1:$P_RELIA/f" | cmp -s - "$WORK/nginx/html/f" || { echo "GET through Relia failed" >&2; exit 1; }

add_toxic() { # name, latency ms, jitter ms
    curl -sf -X POST "$ADMIN/proxies/${4:-web}/toxics" \
        -d "{\"name\":\"$1\",\"type\":\"latency\",\"stream\":\"downstream\",\"attributes\":{\"latency\":$2,\"jitter\":$3}}" >/dev/null
}
del_toxic() { curl -sf -X DELETE "$ADMIN/proxies/${2:-web}/toxics/$1" >/dev/null; }

# --- throughput -----------------------------------------------------------------------------------------------

wrk_to() { # url seconds -> wrk output in $WORK/wrk.out, CPU in $WORK/wrk.time
    /usr/bin/time -f '%U %S' -o "$WORK/wrk.time" wrk -t2 -c50 -d"$2"s --latency "$1" >"$WORK/wrk.out" 2>&1
}
to_ms() { awk '{ v = $1 + 0; if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /ms$/) v += 0; else if ($1 ~ /s$/) v *= 1000; printf "%.3f", v }' <<<"$1"; }

RESULTS=$WORK/results.tsv
printf 'scenario\trun\treqs\trequests\tp50\tp99\tnginx\thaproxy\trelia\twrk\tbusy\tsoftirq\tother\terrors\ttries\tnoisy\n' >"$RESULTS"
measure() { # scenario url run
    local scen=$1 url=$2 run=$3 try n0 h0 r0 m0 n1 h1 r1 m1 wu ws
    for try in $(seq "$MAX_TRIES"); do
        bench_wait_idle "$IDLE_WAIT"
        [ "$scen" = relia-toxic0 ] && add_toxic lat0 0 0
        n0=$(bench_ticks $(bench_nginx_pids)); h0=$(bench_ticks "$HAPROXY_PID"); r0=$(bench_ticks "$RELIA_PID"); read -r m0 q0 < <(bench_machine_ticks)
        wrk_to "$url" "$DURATION"
        n1=$(bench_ticks $(bench_nginx_pids)); h1=$(bench_ticks "$HAPROXY_PID"); r1=$(bench_ticks "$RELIA_PID"); read -r m1 q1 < <(bench_machine_ticks)
        [ "$scen" = relia-toxic0 ] && del_toxic lat0
        read -r wu ws <"$WORK/wrk.time"
        local reqs requests p50 p99 errors row other
        reqs=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.out")
        requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
        p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$WORK/wrk.out")")
        p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")")
        errors=$(awk '/Socket errors:/ {gsub(",", ""); e = $4 + $6 + $8 + $10} /Non-2xx/ {e += $NF} END {print e + 0}' "$WORK/wrk.out")
        row=$(awk -v t="$TCK" -v n=$((n1 - n0)) -v h=$((h1 - h0)) -v r=$((r1 - r0)) -v m=$((m1 - m0)) -v q=$((q1 - q0)) \
            -v wu="$wu" -v ws="$ws" 'BEGIN { w = wu + ws; o = m / t - (n + h + r) / t - w
                printf "%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f", n / t, h / t, r / t, w, m / t, q / t, o }')
        other=$(cut -f7 <<<"$row")
        if [ -z "$reqs" ] || [ -z "$requests" ]; then
            echo "  $scen run $run: wrk failed:" >&2; cat "$WORK/wrk.out" >&2; exit 1
        fi
        if awk -v o="$other" -v l="$OTHER_LIMIT" 'BEGIN { exit !(o <= l) }' || [ "$try" -eq "$MAX_TRIES" ]; then
            local noisy=0
            awk -v o="$other" -v l="$OTHER_LIMIT" 'BEGIN { exit !(o > l) }' && noisy=1
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scen" "$run" "$reqs" "$requests" "$p50" "$p99" "$row" "$errors" \
                "$try	$noisy" >>"$RESULTS"
            printf '  %-13s run %d: %9.0f req/s  p99 %6.2f ms  CPU s: nginx %s haproxy %s relia %s wrk %s; other %s%s%s\n' \
                "$scen" "$run" "$reqs" "$p99" "$(cut -f1 <<<"$row")" "$(cut -f2 <<<"$row")" "$(cut -f3 <<<"$row")" \
                "$(cut -f4 <<<"$row")" "$other" "$([ "$errors" != 0 ] && echo "; wrk errors $errors")" \
                "$([ "$noisy" = 1 ] && echo "  NOISY (kept after $MAX_TRIES tries)")"
            return 0
        fi
        echo "  $scen run $run: discarded (other processes used $other CPU-s > $OTHER_LIMIT), try $try/$MAX_TRIES"
    done
}

echo
echo "== 1. Throughput: wrk -t2 -c50 -d${DURATION}s --latency, 12-byte file; $RUNS run(s) each =="
echo "  warming Relia's JIT: one unmeasured 5 s wrk run through it"
wrk -t2 -c50 -d5s "http://127.0.0.1:$P_RELIA/f" >/dev/null
for run in $(seq "$RUNS"); do
    measure direct "http://127.0.0.1:$P_NGINX/f" "$run"
    measure haproxy "http://127.0.0.1:$P_HAPROXY/f" "$run"
    measure relia "http://127.0.0.1:$P_RELIA/f" "$run"
    measure relia-toxic0 "http://127.0.0.1:$P_RELIA/f" "$run"
done
echo
"$PY" - "$RESULTS" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
by = {}
for r in rows:
    by.setdefault(r["scenario"], {})[int(r["run"])] = r
def med(v):
    v = sorted(v); n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
def fmt(v, f):
    if not v: return "–"
    return f"{f.format(med(v))} [{f.format(min(v))}–{f.format(max(v))}]" if len(v) > 1 else f.format(v[0])
def cpu_us(r, scen):  # proxy CPU per proxied request (nginx's for direct)
    key = {"direct": "nginx", "haproxy": "haproxy"}.get(scen, "relia")
    return float(r[key]) / int(r["requests"]) * 1e6
names = {"direct": "(a) direct to nginx", "haproxy": "(b) via haproxy", "relia": "(c) via Relia, no toxics",
         "relia-toxic0": "(d) via Relia, latency 0 ms"}
hdr = ["scenario", "req/s", "p99 ms", "proxy CPU µs/req", "req/s vs haproxy", "CPU/req vs haproxy", "added p99 ms", "nginx µs/req", "wrk µs/req", "errors"]
table, summary = [], {}
for scen in ["direct", "haproxy", "relia", "relia-toxic0"]:
    runs = by.get(scen, {})
    if not runs: continue
    reqs = [float(r["reqs"]) for r in runs.values()]
    p99 = [float(r["p99"]) for r in runs.values()]
    cpu = [cpu_us(r, scen) for r in runs.values()]
    ngx = [float(r["nginx"]) / int(r["requests"]) * 1e6 for r in runs.values()]
    wrk = [float(r["wrk"]) / int(r["requests"]) * 1e6 for r in runs.values()]
    hp, d = by.get("haproxy", {}), by.get("direct", {})
    rr = [float(r["reqs"]) / float(hp[i]["reqs"]) for i, r in runs.items() if i in hp]
    cr = [cpu_us(r, scen) / cpu_us(hp[i], "haproxy") for i, r in runs.items() if i in hp]
    ap = [float(r["p99"]) - float(d[i]["p99"]) for i, r in runs.items() if i in d]
    summary[scen] = (med(rr) if rr else None, med(cr) if cr else None, med(ap) if ap else None)
    errs = sum(int(r["errors"]) for r in runs.values())
    table.append([names[scen], fmt(reqs, "{:,.0f}"), fmt(p99, "{:.2f}"),
                  "–" if scen == "direct" else fmt(cpu, "{:.1f}"),
                  "–" if scen in ("direct", "haproxy") else fmt(rr, "{:.2f}×"),
                  "–" if scen in ("direct", "haproxy") else fmt(cr, "{:.2f}×"),
                  "–" if scen == "direct" else fmt(ap, "{:+.2f}"), fmt(ngx, "{:.1f}"), fmt(wrk, "{:.1f}"), str(errs)])
w = [max(len(hdr[i]), *(len(t[i]) for t in table)) for i in range(len(hdr))]
print("medians [min–max] over runs; ratios and added p99 are per run (same repeat), then the median")
print("  ".join(h.ljust(w[i]) for i, h in enumerate(hdr)))
print("  ".join("-" * w[i] for i in range(len(hdr))))
for t in table:
    print("  ".join(c.ljust(w[i]) for i, c in enumerate(t)))
noisy = [f"{r['scenario']} run {r['run']}" for r in rows if r["noisy"] == "1"]
retried = sum(int(r["tries"]) - 1 for r in rows)
print(f"discarded and repeated runs: {retried}; kept although noisy (> 0.4 CPU-s of others): {', '.join(noisy) or 'none'}")
print()
hp_added = summary.get("haproxy", (None, None, None))[2]
for scen in ["relia", "relia-toxic0"]:
    if scen not in summary: continue
    rr, cr, ap = summary[scen]
    ok = lambda b: "met" if b else "MISSED"
    print(f"goals {names[scen]}: req/s {rr:.2f}× haproxy (goal ≥ 0.95×: {ok(rr >= 0.95)}); "
          f"CPU/request {cr:.2f}× haproxy (goal ≤ 1.2×: {ok(cr <= 1.2)}); "
          f"added p99 {ap:+.2f} ms vs haproxy's {hp_added:+.2f} ms (goal ≤ haproxy's + 0.2 ms: {ok(ap <= hp_added + 0.2)})")
PY

# --- latency accuracy -----------------------------------------------------------------------------------------
echo
echo "== 2. Latency accuracy: latency toxic 50 ms ± 10 ms jitter (downstream), 500 sequential 1-byte round trips =="
echo "  loopback, direct to the echo server:"
$NET latency "$P_ECHO" 200
echo "  through Relia, no toxic:"
$NET latency "$P_ECHO_PROXY" 200 | tee "$WORK/lat-none"
base=$(awk '/round trips/ {for (i = 1; i <= NF; i++) if ($i == "p50") print $(i + 1)}' "$WORK/lat-none")
add_toxic lat50 50 10 echo
echo "  through Relia, latency 50 ± 10 ms:"
$NET latency "$P_ECHO_PROXY" 500 40 60 "$base"
del_toxic lat50 echo

# --- robustness -----------------------------------------------------------------------------------------------
echo
echo "== 3. Robustness: 10,000 connect-send-read-close cycles (20 workers), then 1,000 open connections, through the"
echo "   echo proxy while a latency toxic (5 ± 2 ms) is added and removed every 50 ms; JVM pid $RELIA_PID =="
status=0
$NET robust "$P_ECHO_PROXY" "$RELIA_PID" "$P_ADMIN" echo || status=$?
echo
n_err=$(grep -ciE 'exception|error|warn' "$WORK/relia.log" || true)
echo "Relia's log: $(wc -l <"$WORK/relia.log") lines, $n_err with exception/error/warn"
if [ "$n_err" != 0 ]; then grep -iE 'exception|error|warn' "$WORK/relia.log" | sort | uniq -c | sort -rn | head -n 10; fi
kill -0 "$RELIA_PID" 2>/dev/null || { echo "Relia's proxy died" >&2; status=1; }
exit "$status"
