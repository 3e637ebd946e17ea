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

# --- helpers shared by the network benchmarks (chaos.sh, load.sh, load-soak.sh) ---------------------------------------------------------------------------

# CPU ticks (utime + stime, all threads) of the given pids; pids that are gone count 0.
bench_ticks() {
    local t=0 p s f
    for p in "$@"; do
        s=$(cat "/proc/$p/stat" 2>/dev/null) || continue
        read -r -a f <<<"${s##*) }"
        t=$((t + f[11] + f[12]))
    done
    echo "$t"
}

# /proc/stat: "busy softirq" ticks summed over all cores (busy = user nice system irq softirq; steal excluded).
bench_machine_ticks() { head -n 1 /proc/stat | awk '{print $2 + $3 + $4 + $7 + $8, $8}'; }

# Waits until 127.0.0.1:PORT accepts (at most 30 s): port, what, pid (fails early when the pid exits).
bench_wait_port() {
    local i
    for i in $(seq 300); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        kill -0 "$3" 2>/dev/null || { echo "$2 exited before listening on $1" >&2; return 1; }
        sleep 0.1
    done
    echo "$2 not listening on $1 after 30 s" >&2; return 1
}

# Prints one free 127.0.0.1 port.
bench_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts nginx as in ../shared/research/network-baseline.md (worker_processes 1, access_log off,
# keepalive_requests 1000000, a 12-byte static file /f) under DIR on 127.0.0.1:PORT; sets BENCH_NGINX_PID.
# The caller stops it (kill $BENCH_NGINX_PID). Usage: bench_start_nginx DIR PORT
bench_start_nginx() {
    local dir=$1 port=$2
    mkdir -p "$dir/html" "$dir/logs" "$dir/tmp"
    chmod 755 "$dir" "$(dirname "$dir")"   # nginx workers run as an unprivileged user
    printf 'hello relia\n' > "$dir/html/f"   # 12 bytes
    cat > "$dir/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    default_type text/plain;
    server {
        listen 127.0.0.1:$port;
        root $dir/html;
    }
}
NGINX
    nginx -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" &
    BENCH_NGINX_PID=$!
    bench_wait_port "$port" nginx "$BENCH_NGINX_PID"
}

# The nginx master and its worker(s).
bench_nginx_pids() { echo "$BENCH_NGINX_PID $(pgrep -P "$BENCH_NGINX_PID" | tr '\n' ' ')"; }

# Stops the given pids: TERM, up to 5 s, then KILL.
bench_stop() {
    local p
    for p in "$@"; do kill "$p" 2>/dev/null || true; done
    for p in "$@"; do
        for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$p" 2>/dev/null || true
    done
}

# Starts nginx under WORK/nginx on a free port, adds it to the caller's PIDS array (stopped on exit), checks a GET of
# the static file and sets URL to it. Usage: bench_nginx_url WORK
bench_nginx_url() {
    local port
    port=$(bench_free_port)
    bench_start_nginx "$1/nginx" "$port"
    PIDS+=("$BENCH_NGINX_PID")
    URL="http://127.0.0.1:$port/f"
    curl -sf "$URL" | cmp -s - "$1/nginx/html/f" || { echo "GET $URL failed" >&2; return 1; }
    echo "nginx:   $URL (pid $BENCH_NGINX_PID)"
}
