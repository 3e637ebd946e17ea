#!/usr/bin/env bash
# Alert backtesting at scale: 100 SLOs (10 services x 10 objectives) over 90 days at 1-minute steps.
# Relia offline (recorded OpenMetrics) against the same backtest asking a real Prometheus (query_range, chunked
# at 11,000 points) in the same run; then `slo status` for 500 SLOs against Prometheus, at most 8 queries in flight.
# Medians of RUNS runs, CPU beside wall.
#   bench/slo-backtest.sh [RUNS] [DAYS] [SERVICES]     (defaults: 3 runs, 90 days, 10 services)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source bench/lib.sh
source scripts/lib/jdk.sh
RUNS=${1:-3}
DAYS=${2:-90}
SERVICES=${3:-10}
WORK=$(mktemp -d)
PROM_PID=
cleanup() { [ -n "$PROM_PID" ] && kill "$PROM_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
command -v prometheus >/dev/null && command -v promtool >/dev/null || { echo "needs prometheus and promtool" >&2; exit 2; }
JAVA_HOME=$(relia_find_jdk) || exit 2
export MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow
./relia --version >/dev/null
JAVA_HOME=$JAVA_HOME mvn -q -B -ntp -pl relia-slo -am test-compile >/dev/null

echo "generating $SERVICES services x $DAYS days of 1-minute samples" >&2
"$JAVA_HOME/bin/java" -cp relia-slo/target/test-classes:relia-slo/target/classes:relia-core/target/classes \
    io.relia.slo.live.HistoryFiles "$WORK/history.om" --days "$DAYS" --services "$SERVICES" >&2
FROM=2026-10-01T00:00:00Z
TO=$(date -u -d "2026-10-01 + $DAYS days - 1 minute" +%Y-%m-%dT%H:%M:%SZ)

# 100 SLOs: one Sloth file per service, ten objectives each over the same SLI; 500 for the status run.
python3 - "$WORK" "$SERVICES" <<'PY'
import sys
work, services = sys.argv[1], int(sys.argv[2])
objectives = [99.0, 99.5, 99.8, 99.9, 99.95, 99.9, 99.5, 99.0, 99.95, 99.8]
for per, name in ((10, "slos"), (50, "many")):
    for k in range(services):
        with open(f"{work}/{name}-{k}.yaml", "w") as out:
            out.write(f'version: "prometheus/v1"\nservice: "shop-{k}"\nslos:\n')
            for i in range(per):
                out.write(f'  - name: "availability-{i}"\n    objective: {objectives[i % 10]}\n    sli:\n      events:\n'
                          f'        error_query: sum(rate(http_requests_total{{service="shop-{k}",status=~"5.."}}[{{{{.window}}}}]))\n'
                          f'        total_query: sum(rate(http_requests_total{{service="shop-{k}"}}[{{{{.window}}}}]))\n'
                          f'    alerting:\n      name: Shop{k}Availability{i}\n')
PY

# promtool 2.42 writes 2h blocks and re-reads its whole input for each: one file per day is ~5x faster.
echo "backfilling Prometheus (promtool tsdb create-blocks-from openmetrics, one file per day)" >&2
mkdir -p "$WORK/data" "$WORK/days"
awk -v dir="$WORK/days" '
    /^# (HELP|TYPE|UNIT)/ { header = header $0 "\n"; next }
    /^# EOF/ { next }
    { file = dir "/day-" int($NF / 86400) ".om"
      if (!(file in seen)) { seen[file] = 1; printf "%s", header > file }
      print > file }
    END { for (file in seen) print "# EOF" >> file }' "$WORK/history.om"
ls "$WORK"/days/*.om | xargs -P 2 -I{} sh -c 'out=$(mktemp -d "$1/blocks.XXXX") &&
    promtool tsdb create-blocks-from openmetrics --quiet "$2" "$out" >/dev/null && mv "$out"/01* "$1/data/"' _ "$WORK" {}
rm -rf "$WORK/days"
printf 'global:\n  scrape_interval: 1m\n' > "$WORK/prometheus.yml"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" --storage.tsdb.retention.time=100y \
    --web.listen-address="127.0.0.1:$PORT" --log.level=warn >"$WORK/prometheus.log" 2>&1 &
PROM_PID=$!
for _ in $(seq 120); do curl -fs "http://127.0.0.1:$PORT/-/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$PORT/-/ready" >/dev/null || { cat "$WORK/prometheus.log"; exit 3; }

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() { # label, then the relia arguments; prints "label wall cpu"
    local label=$1; shift
    local walls=() cpus=()
    for _ in $(seq "$RUNS"); do
        bench_wait_idle 120
        /usr/bin/time -f "%e %U %S" -o "$WORK/time" ./relia "$@" >"$WORK/out" 2>"$WORK/err" \
            || { cat "$WORK/err" >&2; exit 1; }
        read -r wall user sys < "$WORK/time"
        # Prometheus works in another process: count its CPU too for the live runs.
        walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)")
    done
    echo "$label $(median "${walls[@]}") $(median "${cpus[@]}") (runs: ${walls[*]})"
}
prom_cpu() { awk '{print ($14 + $15) / 100}' "/proc/$PROM_PID/stat"; }

SLOS=("$WORK"/slos-*.yaml)
MANY=("$WORK"/many-*.yaml)
offline=$(run offline slo backtest "${SLOS[@]}" --data "$WORK/history.om" --prometheus-compat 2 --from "$FROM" --to "$TO" \
    --step 1m --format json --output "$WORK/offline.json")
before=$(prom_cpu)
live=$(run prometheus slo backtest "${SLOS[@]}" --prometheus "http://127.0.0.1:$PORT" --from "$FROM" --to "$TO" \
    --step 1m --timeout 300s --format json --output "$WORK/live.json")
prom_used=$(echo "($(prom_cpu) - $before) / $RUNS" | bc -l)
before=$(prom_cpu)
status=$(run status slo status "${MANY[@]}" --prometheus "http://127.0.0.1:$PORT" --at "$TO" --max-in-flight 8 \
    --format json --output "$WORK/status.json")
status_prom=$(echo "($(prom_cpu) - $before) / $RUNS" | bc -l)
read -r _ ow oc _ <<<"$offline"
read -r _ lw lc _ <<<"$live"
read -r _ sw sc _ <<<"$status"
echo "backtest of $((SERVICES * 10)) SLOs over $DAYS days at 1m ($(( DAYS * 1440 )) steps):"
echo "  relia offline:        median wall $ow s, CPU $oc s   ${offline#* * * }"
printf '  via Prometheus 2.42:  median wall %s s, CPU %s s (relia) + %.1f s (prometheus)   %s\n' "$lw" "$lc" "$prom_used" "${live#* * * }"
echo "  ratio (Prometheus wall / offline wall): $(echo "scale=1; $lw / $ow" | bc)x"
printf 'slo status of %d SLOs via Prometheus, <= 8 queries in flight: median wall %s s, CPU %s s (relia) + %.1f s (prometheus)   %s\n' \
    "$((SERVICES * 50))" "$sw" "$sc" "$status_prom" "${status#* * * }"
if ! diff <(grep -o '"delaySeconds" : [0-9a-z]*' "$WORK/offline.json") <(grep -o '"delaySeconds" : [0-9a-z]*' "$WORK/live.json") >/dev/null; then
    echo "note: detection delays differ between offline and Prometheus (see $WORK, kept)" >&2
    trap - EXIT
fi
