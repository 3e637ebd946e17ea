#!/usr/bin/env bash
# Incident store benchmark: the same relia commands on the embedded SQLite store and on a real PostgreSQL
# (Debian's, started here on 127.0.0.1 in a temporary directory). No peer tool runs here: the open-source tools
# Relia's incident engine replaces (Netflix Dispatch, Grafana OnCall OSS) are archived and need Slack or a cloud
# account, so the comparison is between Relia's two stores. Medians of hyperfine runs, CPU time beside wall time;
# an import of N incidents is timed RUNS times into a fresh store each time.
#   bench/incidents.sh [RUNS] [INCIDENTS]      (default 10 runs, 1000 incidents; results in bench/results/)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib/packages.sh
source bench/lib.sh
relia_ensure_packages hyperfine:hyperfine || { echo "incidents.sh needs hyperfine" >&2; exit 2; }
relia_ensure_postgresql || { echo "incidents.sh needs the postgresql package" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "incidents.sh starts PostgreSQL as the postgres user and must run as root" >&2; exit 2; }

RUNS=${1:-10}
INCIDENTS=${2:-1000}
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
./relia --version >/dev/null   # builds the jar when needed: not part of the measurement

PG_BIN=$(dirname "$(printf "%s\n" /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
WORK=$(mktemp -d /tmp/relia-bench-incidents-XXXXXX)
chmod 755 "$WORK"
PG_PORT=$(bench_free_port)
cleanup() {
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
install -d -o postgres -m 700 "$WORK/pg"
install -d -o postgres -m 755 "$WORK/run"     # the server's log and socket
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
# Production settings for durability: fsync and synchronous_commit stay on, as SQLite's synchronous=FULL.
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/run/pg.log" -w \
    -o "-h 127.0.0.1 -p $PG_PORT -k $WORK/run" start >/dev/null
PG_URL_BASE="jdbc:postgresql://127.0.0.1:$PG_PORT"
psql_admin() { runuser -u postgres -- "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q "$@"; }

python3 - "$INCIDENTS" "$WORK/history.yaml" <<'PY'
import random, sys, datetime
n, path = int(sys.argv[1]), sys.argv[2]
random.seed(20261123)
families = [
    ("payments connection pool exhausted", "HikariPool-1 - Connection is not available, request timed out", "pool too small for the worker threads"),
    ("TLS certificate expired", "x509: certificate has expired or is not yet valid", "manual renewal forgotten"),
    ("bad deploy of checkout", "NullPointerException after release 2026.04", "untested code path shipped without canary"),
    ("disk full on the orders database", "No space left on device", "WAL archive not pruned"),
    ("DNS resolution failing", "getaddrinfo EAI_AGAIN payments.internal", "resolver config pushed with a typo"),
    ("memory leak in notifications", "OOMKilled: container exceeded its memory limit", "unbounded cache of templates"),
    ("retry storm against inventory", "every client retrying without backoff", "retries without jitter or budget"),
    ("consumer lag on the orders topic", "Kafka consumer lag above 2 million", "slow consumer after schema change"),
]
services = ["checkout", "payments", "search", "auth", "inventory", "orders", "notifications"]
start = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
def q(text):
    return '"' + text.replace('"', "'") + '"'
with open(path, "w") as out:
    out.write("incidents:\n")
    for i in range(n):
        title, symptom, cause = random.choice(families)
        declared = start + datetime.timedelta(hours=7 * i + random.randint(0, 5))
        ack = declared + datetime.timedelta(minutes=random.randint(1, 40))
        mitigated = ack + datetime.timedelta(minutes=random.randint(5, 240))
        resolved = mitigated + datetime.timedelta(minutes=random.randint(5, 120))
        z = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
        out.write(f"  - title: {q(title.capitalize() + ' (' + str(i) + ')')}\n")
        out.write(f"    severity: SEV{random.randint(1, 4)}\n")
        out.write(f"    summary: {q('Users saw errors; logs said: ' + symptom)}\n")
        out.write(f"    services: [{random.choice(services)}]\n")
        out.write(f"    declared: {z(declared)}\n    acknowledged: {z(ack)}\n")
        out.write(f"    mitigated: {z(mitigated)}\n    resolved: {z(resolved)}\n")
        out.write(f"    root_cause: {q(cause)}\n    resolution: {q('fixed ' + cause)}\n")
        out.write(f"    action_items:\n      - {{title: {q('prevent: ' + cause)}, type: prevent, owner: sre, priority: P2}}\n")
PY

SQLITE_DIR="$WORK/sqlite"
psql_admin -c "CREATE DATABASE relia_bench"
PG="--db $PG_URL_BASE/relia_bench --db-user postgres"
./relia incident import "$WORK/history.yaml" --data "$SQLITE_DIR" >/dev/null
# shellcheck disable=SC2086
./relia incident import "$WORK/history.yaml" $PG >/dev/null

bench_wait_idle 300
stamp=$(date -u +%Y%m%dT%H%M%SZ)
json="$OUT/incidents-$stamp.json"
hyperfine --style basic --warmup 2 --runs "$RUNS" --export-json "$json" \
    -n "new (SQLite)" "./relia incident new 'Checkout 502s' -s SEV2 --service checkout --data $SQLITE_DIR" \
    -n "new (PostgreSQL)" "./relia incident new 'Checkout 502s' -s SEV2 --service checkout $PG" \
    -n "list (SQLite)" "./relia incident list --all --limit 100 --data $SQLITE_DIR" \
    -n "list (PostgreSQL)" "./relia incident list --all --limit 100 $PG" \
    -n "similar (SQLite)" "./relia incident similar 'x509 certificate has expired' --data $SQLITE_DIR" \
    -n "similar (PostgreSQL)" "./relia incident similar 'x509 certificate has expired' $PG" \
    -n "stats (SQLite)" "./relia incident stats --since 1000d --data $SQLITE_DIR" \
    -n "stats (PostgreSQL)" "./relia incident stats --since 1000d $PG" \
    >/dev/null
imports_json="$OUT/incidents-import-$stamp.json"
hyperfine --style basic --runs "$RUNS" --export-json "$imports_json" \
    -n "import $INCIDENTS (SQLite)" \
        --prepare "rm -rf $WORK/import-sqlite" \
        "./relia incident import $WORK/history.yaml --data $WORK/import-sqlite" \
    -n "import $INCIDENTS (PostgreSQL)" \
        --prepare "runuser -u postgres -- $PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -q -c 'DROP DATABASE IF EXISTS relia_import' -c 'CREATE DATABASE relia_import'" \
        "./relia incident import $WORK/history.yaml --db $PG_URL_BASE/relia_import --db-user postgres" \
    >/dev/null

python3 - "$json" "$INCIDENTS" "$imports_json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
results.update({r["command"]: r for r in json.load(open(sys.argv[3]))["results"]})
n = int(sys.argv[2])
print(f"{'command':28} {'median wall s':>14} {'mean CPU s':>11}")
for name, r in results.items():
    print(f"{name:28} {r['median']:14.3f} {r['user'] + r['system']:11.3f}")
for what in ["new", "list", "similar", "stats", f"import {n}"]:
    lite, pg = results[f"{what} (SQLite)"], results[f"{what} (PostgreSQL)"]
    print(f"ratio PostgreSQL / SQLite, {what}: wall {pg['median'] / lite['median']:.2f}x")
for store in ["SQLite", "PostgreSQL"]:
    r = results[f"import {n} (" + store + ")"]
    print(f"import into {store}: {n / r['median']:.0f} incidents/s (one transaction each, with its action item "
          f"and timeline)")
PY
echo "raw results: $json $imports_json"
