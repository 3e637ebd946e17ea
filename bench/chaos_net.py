#!/usr/bin/env python3
"""TCP helpers for bench/chaos.sh (loopback only, standard library only).

  chaos_net.py ports N                          print N distinct free 127.0.0.1 ports
  chaos_net.py echo PORT                        TCP echo server (asyncio) until SIGTERM
  chaos_net.py latency PORT N [LO HI BASE]      N sequential 1-byte round trips on one connection; histogram + stats
  chaos_net.py robust PORT JVM_PID ADMIN PROXY  churn + 1,000 open connections while a toxic is toggled every 50 ms;
                                                fds and RSS of JVM_PID; exit 1 when fds grow by > 20
"""
import asyncio
import json
import os
import signal
import socket
import sys
import threading
import time
import urllib.request
from collections import Counter


def free_ports(n):
    socks, ports = [], []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    print(" ".join(map(str, ports)))


def echo(port):
    async def handle(reader, writer):
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=4096, reuse_address=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        loop.add_signal_handler(signal.SIGINT, stop.set)
        async with server:
            await stop.wait()

    asyncio.run(main())


def connect(port, timeout=10.0):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def round_trip(s):
    s.sendall(b"x")
    data = s.recv(1)
    if data != b"x":
        raise EOFError("connection closed before the echo" if not data else f"unexpected echo {data!r}")


def pct(sorted_vals, p):
    if not sorted_vals:
        return float("nan")
    k = max(0, min(len(sorted_vals) - 1, int(round(p / 100.0 * len(sorted_vals) + 0.5)) - 1))
    return sorted_vals[k]


def latency(port, n, lo=None, hi=None, base=None):
    s = connect(port)
    round_trip(s)  # connection set up, not measured
    samples = []
    for _ in range(n):
        t0 = time.perf_counter_ns()
        round_trip(s)
        samples.append((time.perf_counter_ns() - t0) / 1e6)
    s.close()
    v = sorted(samples)
    print(f"  {n} round trips: min {v[0]:.3f}  p50 {pct(v, 50):.3f}  p99 {pct(v, 99):.3f}  max {v[-1]:.3f} ms"
          f"  (mean {sum(v) / len(v):.3f})")
    if lo is None:
        return
    lo, hi = float(lo), float(hi)
    buckets = Counter()
    for x in samples:
        if x < 38:
            buckets["<38"] += 1
        elif x >= 64:
            buckets[">=64"] += 1
        else:
            b = 38 + 2 * int((x - 38) // 2)
            buckets[b] += 1
    width = 50
    top = max(buckets.values())
    rows = [("   < 38", buckets["<38"])]
    rows += [(f"{b:3d}–{b + 2:<3d}", buckets[b]) for b in range(38, 64, 2)]
    rows += [("  >= 64", buckets[">=64"])]
    print("  histogram (ms, 2 ms buckets):")
    for label, c in rows:
        print(f"    {label} {c:4d} {'#' * (round(c * width / top) if top else 0)}")
    inside = sum(1 for x in samples if lo <= x <= hi + 1.0)
    print(f"  inside [{lo:g}, {hi:g}] ms + 1 ms loopback: {inside}/{n} = {100.0 * inside / n:.1f}%")
    if base is not None:  # the same round trip through the proxy without the toxic
        base = float(base)
        mid = (lo + hi) / 2
        print(f"  beyond the toxic (round trip without it: p50 {base:.3f} ms): mean {sum(v) / len(v) - mid - base:+.3f} ms"
              f" over {mid:g} ms; min {v[0] - lo - base:+.3f} ms over {lo:g}; max {v[-1] - hi - base:+.3f} ms over {hi:g}")


def fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


class Toggler(threading.Thread):
    """Adds and removes a latency toxic every 50 ms (bounded: at most max_iter toggles)."""

    def __init__(self, admin, proxy, max_iter=6000):
        super().__init__(daemon=True)
        self.base = f"http://127.0.0.1:{admin}/proxies/{proxy}/toxics"
        self.stop = threading.Event()
        self.max_iter = max_iter
        self.ok = 0
        self.failed = Counter()

    def call(self, method, url, body=None):
        req = urllib.request.Request(url, data=body, method=method)
        try:
            with urllib.request.urlopen(req, timeout=5) as r:
                r.read()
            self.ok += 1
        except Exception as e:  # noqa: BLE001 - counted and reported
            self.failed[f"{method} {type(e).__name__}: {e}"[:120]] += 1

    def run(self):
        body = json.dumps({"name": "churn", "type": "latency", "stream": "downstream",
                           "attributes": {"latency": 5, "jitter": 2}}).encode()
        present = False
        for _ in range(self.max_iter):
            if self.stop.is_set():
                break
            if present:
                self.call("DELETE", self.base + "/churn")
            else:
                self.call("POST", self.base, body)
            present = not present
            self.stop.wait(0.05)
        if present:
            self.call("DELETE", self.base + "/churn")


def robust(port, pid, admin, proxy, cycles=10_000, workers=20, held=1_000):
    def state(label):
        f, r = fds(pid), rss_mib(pid)
        print(f"  {label:34s} fds {f:5d}   RSS {r:7.1f} MiB")
        return f

    before = state("before")
    tog = Toggler(admin, proxy)
    tog.start()

    errors = Counter()
    lock = threading.Lock()
    done = [0]
    per_worker = cycles // workers

    def churn():
        for _ in range(per_worker):
            try:
                s = connect(port, timeout=10)
                try:
                    round_trip(s)
                finally:
                    s.close()
                with lock:
                    done[0] += 1
            except Exception as e:  # noqa: BLE001 - counted and reported
                with lock:
                    errors[type(e).__name__] += 1

    t0 = time.monotonic()
    threads = [threading.Thread(target=churn) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    churn_s = time.monotonic() - t0
    print(f"  churn: {done[0]}/{per_worker * workers} connect-send-read-close cycles ok in {churn_s:.1f} s,"
          f" {workers} workers; errors: {dict(errors) or 'none'}")
    time.sleep(1.0)
    state("after churn (+1 s)")

    conns, open_errors = [], Counter()
    t0 = time.monotonic()
    for _ in range(held):
        try:
            s = connect(port, timeout=10)
            round_trip(s)
            conns.append(s)
        except Exception as e:  # noqa: BLE001
            open_errors[type(e).__name__] += 1
    print(f"  opened {len(conns)}/{held} concurrent connections (each echoed 1 byte) in {time.monotonic() - t0:.1f} s;"
          f" errors: {dict(open_errors) or 'none'}")
    state(f"with {len(conns)} connections open")
    # every held connection still works after the toxic churn
    late = Counter()
    for s in conns:
        try:
            round_trip(s)
        except Exception as e:  # noqa: BLE001
            late[type(e).__name__] += 1
    print(f"  second round trip on the held connections: {len(conns) - sum(late.values())} ok;"
          f" errors: {dict(late) or 'none'}")
    tog.stop.set()
    tog.join(timeout=10)
    print(f"  toxic toggles: {tog.ok} API calls ok; failed: {dict(tog.failed) or 'none'}")
    for s in conns:
        s.close()
    after = fds(pid)
    for _ in range(100):  # closes reach the proxy asynchronously: wait up to 10 s
        if after <= before + 20:
            break
        time.sleep(0.1)
        after = fds(pid)
    state("after closing all (≤ 10 s)")
    failed = sum(errors.values()) + sum(open_errors.values()) + sum(late.values())
    verdict = "OK" if after - before <= 20 else "FAIL"
    print(f"  fd growth {after - before:+d} (limit +20): {verdict}; client errors in total: {failed}")
    sys.exit(0 if verdict == "OK" else 1)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "ports":
        free_ports(int(args[0]))
    elif cmd == "echo":
        echo(int(args[0]))
    elif cmd == "latency":
        latency(int(args[0]), int(args[1]), *args[2:5])
    elif cmd == "robust":
        robust(int(args[0]), int(args[1]), int(args[2]), args[3])
    else:
        sys.exit(f"unknown command {cmd}")
