# shellcheck shell=bash
# Shared by the benchmark scripts: wait for an idle machine (../shared/research/network-baseline.md's method).

# Prints the machine's busy fraction (0..1) over one second, from /proc/stat.
bench_busy_fraction() {
    local a b
    read -r -a a < <(head -n 1 /proc/stat)
    sleep 1
    read -r -a b < <(head -n 1 /proc/stat)
    awk -v a="${a[*]}" -v b="${b[*]}" 'BEGIN {
        n = split(a, x, " "); split(b, y, " "); total = 0; idle = 0
        for (i = 2; i <= n; i++) total += y[i] - x[i]
        idle = (y[5] - x[5]) + (y[6] - x[6])
        printf "%.3f\n", (total > 0 ? 1 - idle / total : 0) }'
}

# Waits (at most $1 seconds, default 300) until the machine is < 8% busy; warns when it never gets there.
bench_wait_idle() {
    local limit=${1:-300} waited=0 busy
    while :; do
        busy=$(bench_busy_fraction)
        if awk -v b="$busy" 'BEGIN { exit !(b < 0.08) }'; then
            echo "machine idle (busy $busy)" >&2
            return 0
        fi
        waited=$((waited + 1))
        if [ "$waited" -ge "$limit" ]; then
            echo "WARNING: machine still busy ($busy) after ${limit}s; numbers will be noisy" >&2
            return 0
        fi
    done
}
