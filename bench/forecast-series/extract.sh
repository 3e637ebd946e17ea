#!/usr/bin/env bash
# Writes the NAB series of one set of series.txt (A = evaluation, B = reserve for a re-evaluation after a change of
# method) into OUT_DIR as NAB CSVs plus labels/combined_windows.json, read from a git mirror of numenta/NAB at the
# pinned commit (no network here: fetch the mirror first, e.g. the session tool `fetch github:numenta/NAB`).
# Usage: bench/forecast-series/extract.sh NAB_GIT_DIR A|B|all OUT_DIR
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 NAB_GIT_DIR A|B|all OUT_DIR" >&2; exit 2; }
GIT=$1 SET=$2 OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
COMMIT=ea702d75cc2258d9d7dd35ca8e5e2539d71f3140
git --git-dir="$GIT" cat-file -e "$COMMIT^{commit}" 2>/dev/null \
    || { echo "$GIT has no commit $COMMIT of numenta/NAB" >&2; exit 2; }
mkdir -p "$OUT"
git --git-dir="$GIT" show "$COMMIT:labels/combined_windows.json" > "$OUT/combined_windows.json"
count=0
while read -r set name path; do
    case $set in '#'*|'') continue ;; esac
    [ "$SET" = all ] || [ "$SET" = "$set" ] || continue
    git --git-dir="$GIT" show "$COMMIT:$path" > "$OUT/$name.csv"
    count=$((count + 1))
done < "$HERE/series.txt"
[ "$count" -gt 0 ] || { echo "no series in set $SET" >&2; exit 2; }
echo "wrote $count series of set $SET to $OUT (NAB $COMMIT, MIT licence)" >&2
