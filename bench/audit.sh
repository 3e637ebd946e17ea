#!/usr/bin/env bash
# Reliability audit speed on real third-party code, against PMD 7.27 in the same run.
# Corpus (../shared/research/audit-baseline.md): the .java files of seven -sources.jar from Maven Central,
# 4,122 files, ~804k lines. PMD runs from its Maven Central jars (pmd-cli + pmd-java 7.27.0) with the same JDK
# and thread count (2) as Relia: errorprone + bestpractices, and the six-rule reliability set.
# Cold runs (no cache) and warm re-runs (Relia's per-file-hash cache, PMD's incremental cache), each primed once.
# Medians of RUNS runs; wall, CPU (user + sys), peak RSS; findings per rule from Relia's JSON.
#   bench/audit.sh [RUNS]      (default 2)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source bench/lib.sh
source scripts/lib/jdk.sh
RUNS=${1:-2}
CACHE=bench/.cache/audit
JAVA_HOME=$(relia_find_jdk) || exit 2
export JAVA_HOME MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow
./relia --version >/dev/null

# 1. The corpus and PMD, fetched once from Maven Central into bench/.cache (git-ignored).
mkdir -p "$CACHE"
if [ ! -d "$CACHE/corpus" ]; then
    cat > "$CACHE/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>audit-corpus</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId><version>4.3.1</version><classifier>sources</classifier></dependency>
    <dependency><groupId>org.springframework</groupId><artifactId>spring-web</artifactId><version>7.0.10</version><classifier>sources</classifier></dependency>
    <dependency><groupId>redis.clients</groupId><artifactId>jedis</artifactId><version>8.0.1</version><classifier>sources</classifier></dependency>
    <dependency><groupId>io.netty</groupId><artifactId>netty-codec-http</artifactId><version>4.2.18.Final</version><classifier>sources</classifier></dependency>
    <dependency><groupId>org.apache.httpcomponents.client5</groupId><artifactId>httpclient5</artifactId><version>5.6.4</version><classifier>sources</classifier></dependency>
    <dependency><groupId>io.grpc</groupId><artifactId>grpc-core</artifactId><version>1.84.0</version><classifier>sources</classifier></dependency>
    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.13</version><classifier>sources</classifier></dependency>
  </dependencies>
</project>
POM
    mvn -q -B -ntp -f "$CACHE/pom.xml" dependency:copy-dependencies -DexcludeTransitive=true -DoutputDirectory=jars >&2
    mkdir -p "$CACHE/corpus.tmp"
    for jar in "$CACHE"/jars/*-sources.jar; do
        name=$(basename "$jar" -sources.jar)
        mkdir -p "$CACHE/corpus.tmp/$name"
        (cd "$CACHE/corpus.tmp/$name" && "$JAVA_HOME/bin/jar" xf "$ROOT/$jar")
        find "$CACHE/corpus.tmp/$name" -type f ! -name '*.java' -delete
    done
    mv "$CACHE/corpus.tmp" "$CACHE/corpus"
fi
if [ ! -d "$CACHE/pmd" ]; then
    cat > "$CACHE/pmd.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>pmd</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>net.sourceforge.pmd</groupId><artifactId>pmd-cli</artifactId><version>7.27.0</version></dependency>
    <dependency><groupId>net.sourceforge.pmd</groupId><artifactId>pmd-java</artifactId><version>7.27.0</version></dependency>
  </dependencies>
</project>
POM
    mvn -q -B -ntp -f "$CACHE/pmd.xml" dependency:copy-dependencies -DoutputDirectory=pmd.tmp >&2
    mv "$CACHE/pmd.tmp" "$CACHE/pmd"
fi
FILES=$(find "$CACHE/corpus" -name '*.java' | wc -l)
LINES=$(find "$CACHE/corpus" -name '*.java' -print0 | xargs -0 cat | wc -l)
echo "corpus: $FILES files, $LINES lines" >&2
PMD_CP=$(find "$ROOT/$CACHE/pmd" -name '*.jar' | tr '\n' ':')
SIX=category/java/errorprone.xml/EmptyCatchBlock,category/java/errorprone.xml/AvoidCatchingThrowable,category/java/errorprone.xml/CloseResource,category/java/design.xml/AvoidCatchingGenericException,category/java/bestpractices.xml/UseTryWithResources,category/java/bestpractices.xml/PreserveStackTrace

# The median; with an even count, the mean of the middle two.
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
measure() { # label, command...; prints label wall cpu rss_mib files/s
    local label=$1; shift
    local walls=() cpus=() rsss=()
    for _ in $(seq "$RUNS"); do
        bench_wait_idle 120
        /usr/bin/time -f "%e %U %S %M" -o "$CACHE/time" "$@" >"$CACHE/out" 2>"$CACHE/err" || true
        read -r wall user sys rss < <(tail -n 1 "$CACHE/time")
        walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)"); rsss+=("$rss")
    done
    local w; w=$(median "${walls[@]}")
    printf '%-44s wall %6.1f s  CPU %6.1f s  peak RSS %5d MiB  %6.0f files/s  (runs: %s)\n' "$label" "$w" \
        "$(median "${cpus[@]}")" $(( $(median "${rsss[@]}") / 1024 )) "$(echo "$FILES / $w" | bc -l)" "${walls[*]}"
}

# /usr/bin/time runs programs, not shell functions: PMD's command line goes into a small script.
cat > "$CACHE/pmd.sh" <<SH
#!/bin/sh
exec "$JAVA_HOME/bin/java" -cp "$PMD_CP" net.sourceforge.pmd.cli.PmdCli check --no-progress \\
    --threads 2 -f text -d "$CACHE/corpus" "\$@"
SH
chmod +x "$CACHE/pmd.sh"
FULL=category/java/errorprone.xml,category/java/bestpractices.xml
RULES=$(./relia audit --list-rules | tail -n 1)
relia_run=$(measure "relia audit cold ($RULES, 2 threads)" ./relia audit "$CACHE/corpus" --no-cache --format json --output "$CACHE/relia.json")
pmd_full=$(measure "PMD 7.27 errorprone+bestpractices cold" "$CACHE/pmd.sh" --no-cache -R "$FULL")
pmd_six=$(measure "PMD 7.27 six reliability rules cold" "$CACHE/pmd.sh" --no-cache -R "$SIX")
# Warm: one priming run fills each cache, then the measured re-runs find every file unchanged.
rm -rf "$CACHE/relia-cache" "$CACHE/pmd-cache"
./relia audit "$CACHE/corpus" --cache "$CACHE/relia-cache" --format json --output "$CACHE/relia-warm.json" || true
"$CACHE/pmd.sh" --cache "$CACHE/pmd-cache" -R "$FULL" >/dev/null 2>&1 || true
relia_warm=$(measure "relia audit warm (cache)" ./relia audit "$CACHE/corpus" --cache "$CACHE/relia-cache" --format json --output "$CACHE/relia-warm.json")
pmd_warm=$(measure "PMD 7.27 errorprone+bestpractices warm" "$CACHE/pmd.sh" --cache "$CACHE/pmd-cache" -R "$FULL")
if ! cmp -s <(grep -v '"generated"' "$CACHE/relia.json") <(grep -v '"generated"' "$CACHE/relia-warm.json"); then
    echo "warning: the warm run's findings differ from the cold run's" >&2
fi
echo "$relia_run"
echo "$pmd_full"
echo "$pmd_six"
echo "$relia_warm"
echo "$pmd_warm"
echo "Relia findings per rule:"
grep -o '"ruleId" : "[^"]*"' "$CACHE/relia.json" | sort | uniq -c | sort -rn
