#!/usr/bin/env bash
# Forecast accuracy of Relia's Forecaster against the baselines of ../shared/research/forecast-protocol.md on the NAB
# series: hourly resample, N = min(14, D - 7) daily rolling origins, 24-hour horizon, MASE (scaled per origin by the
# in-sample daily seasonal naive MAE) and sMAPE over all test hours and outside the labelled anomaly windows.
#   1. Relia: io.relia.load.capacity.forecast.AccuracyBenchmark (relia-load classes + dependency classpath).
#   2. Baselines: bench/forecast_baselines.py with /usr/bin/python3 and Debian's statsmodels 0.13.5.
#   3. One Markdown table (bench/forecast_table.py), also written to $OUT (default /tmp/forecast-accuracy.md), with
#      both sides' rows beside it ($OUT.relia.jsonl, $OUT.baselines.jsonl).
# The two sides' seasonal naive 24 h MASE must agree to 3 decimals: that checks both use the same protocol.
# Usage:
#   bench/forecast-accuracy.sh [DATA_DIR [SERIES...]]     (default DATA_DIR: ../shared/data/nab beside the repo)
# Other data: bench/forecast-series/extract.sh NAB_GIT_DIR A|B OUT_DIR writes the evaluation sets (see series.txt);
# the synthetic set the method was frozen on is written by
#   mvn -pl relia-load -am test-compile surefire:test -Dtest=SyntheticForecastTest#writesTheSetForTheBenchmark \
#       -Dsurefire.failIfNoSpecifiedTests=false -Drelia.syntheticDir=DIR
# Installs python3-statsmodels (Debian) when missing and root; otherwise exits 2.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
JAVA_HOME=$(relia_find_jdk 21) || { echo "forecast-accuracy.sh needs a JDK 21 or newer" >&2; exit 2; }
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH" MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow
DATA=${1:-$ROOT/../shared/data/nab}
[ $# -gt 0 ] && shift
OUT=${OUT:-/tmp/forecast-accuracy.md}
PY=/usr/bin/python3
[ -d "$DATA" ] || { echo "no data directory $DATA" >&2; exit 2; }

if ! "$PY" -c 'import statsmodels' 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        echo "installing python3-statsmodels" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-statsmodels >/dev/null \
            || { echo "could not install python3-statsmodels" >&2; exit 2; }
    else
        echo "needs statsmodels for /usr/bin/python3: sudo apt-get install python3-statsmodels" >&2; exit 2
    fi
fi

WORK=$(mktemp -d /tmp/relia-forecast-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# One reactor build, nothing installed: relia-load and what it needs are packaged here, and the classpath names the
# reactor's own jars (a fresh clone has no relia artifacts in ~/.m2, and the parent POM is never installed).
mvn -q -B -ntp -Dmaven.test.skip=true -pl relia-load -am package dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp" >/dev/null

{
    echo "command: bench/forecast-accuracy.sh $*   (data $DATA)"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); date $(date -u +%FT%TZ)"
    echo "java:    $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 2 | tail -n 1)"
    echo "python:  $("$PY" -c 'import statsmodels, sys; print(sys.version.split()[0], "statsmodels", statsmodels.__version__)')"
} > "$WORK/head"
echo "running Relia (AccuracyBenchmark) ..." >&2
"$JAVA_HOME/bin/java" -cp "relia-load/target/classes:$(cat "$WORK/cp")" \
    io.relia.load.capacity.forecast.AccuracyBenchmark "$DATA" "$@" > "$WORK/relia.jsonl"
echo "running baselines (statsmodels) ..." >&2
"$PY" bench/forecast_baselines.py "$DATA" "$@" > "$WORK/baselines.jsonl"
{
    cat "$WORK/head"
    echo
    echo "MASE / sMAPE % over all test hours unless noted; s = seconds Relia took for all origins of the series."
    echo
    "$PY" bench/forecast_table.py "$WORK/relia.jsonl" "$WORK/baselines.jsonl"
    echo
    echo "Models Relia chose per origin:"
    "$PY" -c 'import json, sys, collections
for line in open(sys.argv[1]):
    r = json.loads(line)
    print("- " + r["series"] + ": " + "; ".join(f"{m} x{c}" for m, c in collections.Counter(r["models"]).most_common()))' "$WORK/relia.jsonl"
} | tee "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
cp "$WORK/relia.jsonl" "$OUT.relia.jsonl"
cp "$WORK/baselines.jsonl" "$OUT.baselines.jsonl"
echo "table written to $OUT (rows: $OUT.relia.jsonl, $OUT.baselines.jsonl)" >&2
