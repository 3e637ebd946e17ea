#!/usr/bin/env bash
# SLO rule generation at scale: 10,000 SLOs in one spec file, `relia slo generate` end to end in one JVM.
# No peer runs here (Sloth cannot be built offline); the goal is under 5 s. Medians of RUNS runs, CPU beside wall.
#   bench/slo-generate.sh [RUNS] [SLOS]      (defaults: 3 runs, 10000 SLOs)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source bench/lib.sh
RUNS=${1:-3}
COUNT=${2:-10000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./relia --version >/dev/null

# One native and one Sloth spec, each with COUNT availability SLOs over distinct routes.
python3 - "$WORK" "$COUNT" <<'PY'
import sys
work, count = sys.argv[1], int(sys.argv[2])
with open(f"{work}/native.yaml", "w") as out:
    out.write("service: bench\nslos:\n")
    for i in range(count):
        out.write(f"  - name: route-{i}\n    sli:\n      type: availability\n"
                  f"      good: http_requests_total{{route=\"/r{i}\",status!~\"5..\"}}\n"
                  f"      total: http_requests_total{{route=\"/r{i}\"}}\n    target: 99.9%\n    window: 30d\n")
with open(f"{work}/sloth.yaml", "w") as out:
    out.write('version: "prometheus/v1"\nservice: "bench"\nslos:\n')
    for i in range(count):
        out.write(f'  - name: "route-{i}"\n    objective: 99.9\n    sli:\n      events:\n'
                  f'        error_query: sum(rate(http_requests_total{{route="/r{i}",code=~"5.."}}[{{{{.window}}}}]))\n'
                  f'        total_query: sum(rate(http_requests_total{{route="/r{i}"}}[{{{{.window}}}}]))\n'
                  f'    alerting:\n      name: Route{i}Burn\n')
PY

for format in native sloth; do
    walls=(); cpus=(); rsss=()
    for run in $(seq "$RUNS"); do
        bench_wait_idle 120
        rm -rf "$WORK/out"
        /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" ./relia slo generate "$WORK/$format.yaml" --out "$WORK/out" \
            >/dev/null 2>"$WORK/err" || { cat "$WORK/err"; exit 1; }
        read -r wall user sys rss < "$WORK/time"
        walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)"); rsss+=("$rss")
    done
    rules=$(grep -c -E '^ *- (record|alert):' "$WORK/out/$format.rules.yaml")
    size=$(du -h "$WORK/out/$format.rules.yaml" | cut -f1)
    median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    echo "$format: $COUNT SLOs -> $rules rules ($size): median wall $(median "${walls[@]}") s, CPU $(median "${cpus[@]}") s," \
        "peak RSS $(( $(median "${rsss[@]}") / 1024 )) MiB  (runs: ${walls[*]})"
done
