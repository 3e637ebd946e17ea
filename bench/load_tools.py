#!/usr/bin/env python3
"""Helpers for bench/load.sh and bench/load-soak.sh (standard library only).

  load_tools.py sample PID OUT [INTERVAL]        every INTERVAL s (default 0.05) append "epoch_s ticks" of PID's CPU
                                                 (utime + stime, all threads) to OUT until PID exits; last line
                                                 "# self CPU_S" is the sampler's own CPU
  load_tools.py relia-window JSON SAMPLES SKIP   the measured window of one relia load run: from SKIP s after the
                                                 run's `started` to the end of its last whole timeline interval;
                                                 prints "seconds requests cpu_s" (JVM CPU interpolated from SAMPLES)
  load_tools.py wrk OUT | hey OUT | relia JSON   prints "reqs_per_s requests p50_ms p99_ms errors [uncorrected_p99]"
  load_tools.py table TSV                        the medians [min-max] table and the ratios of bench/load.sh
  load_tools.py soak JSTAT GCLOG SUMMARY WARM    heap after GC over a soak run of bench/load-soak.sh
"""
import bisect
import csv
import json
import os
import re
import sys
import time
from datetime import datetime

TCK = os.sysconf("SC_CLK_TCK")


def proc_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def sample(pid, out, interval=0.05):
    with open(out, "w") as f:
        while True:
            now = time.time()
            try:
                t = proc_ticks(pid)
            except (FileNotFoundError, ProcessLookupError, IndexError):
                break
            # a zombie (exited, not yet reaped) still has a stat file: stop at state Z
            try:
                with open(f"/proc/{pid}/stat") as s:
                    if s.read().rsplit(")", 1)[1].split()[0] == "Z":
                        break
            except FileNotFoundError:
                break
            f.write(f"{now:.6f} {t}\n")
            f.flush()
            time.sleep(interval)
        own = os.times()
        f.write(f"# self {own.user + own.system:.3f}\n")


def parse_started(s):
    # "2026-11-23T19:28:03.999283693Z": keep microseconds
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$", s)
    base = datetime.strptime(m.group(1) + "+0000", "%Y-%m-%dT%H:%M:%S%z").timestamp()
    return base + (float("0." + m.group(2)) if m.group(2) else 0.0)


def read_samples(path):
    ts, ticks = [], []
    for line in open(path):
        if line.startswith("#"):
            continue
        a, b = line.split()
        ts.append(float(a))
        ticks.append(int(b))
    return ts, ticks


def interp(ts, ticks, t):
    if not ts:
        raise SystemExit("no CPU samples")
    if t <= ts[0]:
        return ticks[0]
    if t >= ts[-1]:
        return ticks[-1]
    i = bisect.bisect_right(ts, t)
    t0, t1, k0, k1 = ts[i - 1], ts[i], ticks[i - 1], ticks[i]
    return k0 + (k1 - k0) * (t - t0) / (t1 - t0) if t1 > t0 else k0


def relia_window(json_path, samples_path, skip):
    rep = json.load(open(json_path))
    start = parse_started(rep["started"])
    tl = rep["timeline"]
    # intervals (t_prev, t] with their request counts; only whole (>= 0.99 s) intervals after `skip` count
    prev, lo, hi, requests = 0.0, None, None, 0.0
    for p in tl:
        t, length = p["t"], p["t"] - prev
        if prev >= skip - 1e-9 and length >= 0.99 and not p.get("warmup"):
            lo = prev if lo is None else lo
            hi = t
            requests += (p["doneRate"] or 0) * length
        prev = t
    if lo is None:
        raise SystemExit(f"relia run too short for a window after {skip} s: timeline {[p['t'] for p in tl]}")
    ts, ticks = read_samples(samples_path)
    if ts[-1] < start + hi:
        print(f"WARNING: the CPU samples end {start + hi - ts[-1]:.2f} s before the window does", file=sys.stderr)
    cpu = (interp(ts, ticks, start + hi) - interp(ts, ticks, start + lo)) / TCK
    print(f"{hi - lo:.3f} {requests:.0f} {cpu:.3f}")


def to_ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", v)
    x = float(m.group(1))
    return {"us": x / 1000, "ms": x, "s": x * 1000, "m": x * 60000}[m.group(2)]


def parse_wrk(path):
    text = open(path).read()
    reqs = float(re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M).group(1))
    requests = int(re.search(r"^\s*(\d+) requests in", text, re.M).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        errors += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        errors += int(m.group(1))
    print(f"{reqs:.1f} {requests} {p50:.3f} {p99:.3f} {errors}")


def parse_hey(path):
    text = open(path).read()
    reqs = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = float(re.search(r"50%+ in ([\d.]+) secs", text).group(1)) * 1000
    p99 = float(re.search(r"99%+ in ([\d.]+) secs", text).group(1)) * 1000
    ok, errors = 0, 0
    sec = text.split("Status code distribution:", 1)
    if len(sec) == 2:
        for code, n in re.findall(r"\[(\d+)\]\s+(\d+) responses", sec[1].split("Error distribution:")[0]):
            if 200 <= int(code) < 400:
                ok += int(n)
            else:
                errors += int(n)
    sec = text.split("Error distribution:", 1)
    if len(sec) == 2:
        errors += sum(int(n) for n in re.findall(r"^\s+\[(\d+)\]", sec[1], re.M))
    print(f"{reqs:.1f} {ok + errors} {p50:.3f} {p99:.3f} {errors}")


def parse_relia(path):
    r = json.load(open(path))
    lat = r["latency"]
    print(f"{r['rates']['achieved']:.1f} {r['requests']['finished']} {lat['corrected']['p50']:.3f} "
          f"{lat['corrected']['p99']:.3f} {r['requests']['errors']} {lat['uncorrected']['p99']:.3f} "
          f"{r['requests'].get('lateSends', 0)} {r['rates'].get('intended', 0)} {r['rates'].get('sent', 0)}")


def med(v):
    v = sorted(v)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def fmt(v, f):
    v = [x for x in v if x is not None]
    if not v:
        return "–"
    return f"{f.format(med(v))} [{f.format(min(v))}–{f.format(max(v))}]" if len(v) > 1 else f.format(v[0])


def table(path):
    rows = list(csv.DictReader(open(path), delimiter="\t"))
    by = {}
    for r in rows:
        by.setdefault(r["scenario"], {})[int(r["run"])] = r
    f = lambda r, k: float(r[k]) if r.get(k) not in (None, "", "-") else None
    names = {"wrk": "wrk -t2 -c50 (closed)", "relia-t1": "relia --closed -c 50 --threads 1",
             "relia-t2": "relia --closed -c 50 --threads 2", "hey-20k": "hey -c 50 -q 400 (20k/s)",
             "relia-20k": "relia --rate 20000 -c 50"}
    cols = [("req/s", "reqs", "{:,.0f}"), ("req/s window", "win_rate", "{:,.0f}"), ("p50 ms", "p50", "{:.2f}"),
            ("p99 ms", "p99", "{:.2f}"), ("p99 uncorr. ms", "p99u", "{:.2f}"), ("client CPU s", "client_cpu", "{:.2f}"),
            ("client CPU s/s", "cpu_per_s", "{:.3f}"), ("client µs/req", "cpu_us", "{:.1f}"),
            ("µs/req whole", "cpu_us_whole", "{:.1f}"), ("nginx µs/req", "nginx_us", "{:.1f}")]
    hdr = ["scenario"] + [c[0] for c in cols] + ["errors"]
    out = []
    for scen in names:
        runs = by.get(scen)
        if not runs:
            continue
        rs = list(runs.values())
        out.append([names[scen]] + [fmt([f(r, k) for r in rs], fm) for _, k, fm in cols]
                   + [str(sum(int(r["errors"]) for r in rs))])
    w = [max(len(hdr[i]), *(len(t[i]) for t in out)) for i in range(len(hdr))] if out else [len(h) for h in hdr]
    print("medians [min–max] over runs. wrk and hey: whole process, whole run. relia: 'req/s' is its own report")
    print("(whole run, first second included); 'window' columns and 'client CPU s/s', 'client µs/req' are over the")
    print("measured window (JVM start-up, the first second and the report left out: see bench/load.sh's header);")
    print("'µs/req whole' = the relia JVM's whole-process CPU (start-up, JIT warm-up, report) / all its requests.")
    print("  ".join(h.ljust(w[i]) for i, h in enumerate(hdr)))
    print("  ".join("-" * w[i] for i in range(len(hdr))))
    for t in out:
        print("  ".join(c.ljust(w[i]) for i, c in enumerate(t)))
    noisy = [f"{r['scenario']} run {r['run']}" for r in rows if r["noisy"] == "1"]
    retried = sum(int(r["tries"]) - 1 for r in rows)
    print(f"discarded and repeated runs: {retried}; kept although noisy (> 0.4 CPU-s of others): {', '.join(noisy) or 'none'}")
    print()

    def ratio(a, b, ka, kb=None):
        A, B = by.get(a, {}), by.get(b, {})
        return [f(A[i], ka) / f(B[i], kb or ka) for i in A if i in B and f(A[i], ka) and f(B[i], kb or ka)]
    ok = lambda v, good: ("met" if good(med(v)) else "MISSED") if v else "n/a"
    print("ratios per repeat (same run number), then the median [min–max]:")
    for t in ("relia-t1", "relia-t2"):
        if t not in by or "wrk" not in by:
            continue
        rr, rw = ratio(t, "wrk", "reqs"), ratio(t, "wrk", "win_rate", "reqs")
        cr, cw = ratio(t, "wrk", "cpu_us"), ratio(t, "wrk", "cpu_us_whole")
        print(f"  {names[t]}: req/s {fmt(rr, '{:.2f}×')} wrk's (goal ≥ 1.0×: {ok(rr, lambda x: x >= 1.0)}; "
              f"window {fmt(rw, '{:.2f}×')}); CPU/request {fmt(cr, '{:.2f}×')} wrk's "
              f"(goal ≤ 1.2×: {ok(cr, lambda x: x <= 1.2)}; whole process {fmt(cw, '{:.2f}×')}); "
              f"p99 {fmt([f(r, 'p99') for r in by[t].values()], '{:.2f}')} vs wrk's "
              f"{fmt([f(r, 'p99') for r in by['wrk'].values()], '{:.2f}')} ms")
    if "relia-20k" in by and "hey-20k" in by:
        cps, cpr, cpw = ratio("relia-20k", "hey-20k", "cpu_per_s"), ratio("relia-20k", "hey-20k", "cpu_us"), \
            ratio("relia-20k", "hey-20k", "client_cpu")
        R, H = by["relia-20k"].values(), by["hey-20k"].values()
        print(f"  at 20k/s: relia CPU {fmt(cps, '{:.2f}×')} hey's (CPU-s per second of load; per request "
              f"{fmt(cpr, '{:.2f}×')}; whole process, JVM start included, {fmt(cpw, '{:.2f}×')}); achieved "
              f"{fmt([f(r, 'reqs') for r in R], '{:,.0f}')} vs hey's {fmt([f(r, 'reqs') for r in H], '{:,.0f}')} req/s;")
        print(f"            p99 relia corrected {fmt([f(r, 'p99') for r in R], '{:.2f}')} / uncorrected "
              f"{fmt([f(r, 'p99u') for r in R], '{:.2f}')} vs hey's {fmt([f(r, 'p99') for r in H], '{:.2f}')} ms "
              f"(hey measures from the actual send, like 'uncorrected'); relia lateSends "
              f"{fmt([f(r, 'late') for r in R], '{:,.0f}')}")


def soak(jstat, gclog, summary, warm):
    warm = float(warm)
    # jstat -gc -t: Timestamp S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC FGCT CGC CGCT GCT (KB, s)
    pts, hdr = [], None
    for line in open(jstat):
        p = line.split()
        if not p:
            continue
        if p[0] == "Timestamp":
            hdr = p
            continue
        if hdr and len(p) == len(hdr):
            try:
                d = dict(zip(hdr, (float(x.replace(",", ".")) if x != "-" else 0.0 for x in p)))
            except ValueError:
                continue
            pts.append(d)
    if len(pts) < 2:
        raise SystemExit(f"too few jstat samples ({len(pts)}) in {jstat}")
    t0 = pts[0]["Timestamp"]
    # heap after each GC from the unified GC log: "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 25M->3M(64M) 1.2ms"
    after, pauses, region_mb, old_regions = [], [], None, []
    for line in open(gclog):
        m = re.search(r"^\[([\d.]+)s\].*Pause .*?(\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms", line)
        if m:
            after.append((float(m.group(1)), int(m.group(3))))
            pauses.append(float(m.group(5)))
        m = re.search(r"Heap Region Size: (\d+)M", line)
        if m:
            region_mb = int(m.group(1))
        m = re.search(r"^\[([\d.]+)s\].*Old regions: \d+->(\d+)", line)
        if m:
            old_regions.append((float(m.group(1)), int(m.group(2))))
    # jstat's timestamps count from JVM start, like the GC log's uptime
    series = [(d["Timestamp"], d["OU"] / 1024, d["YGC"] + d.get("FGC", 0)) for d in pts]
    end = series[-1][0]
    kept = [s for s in series if s[0] >= warm]
    if len(kept) < 2:
        kept = series
    n = len(kept)
    xs = [s[0] / 60 for s in kept]
    ys = [s[1] for s in kept]
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0

    def at(t, s=series):
        return min(s, key=lambda p: abs(p[0] - t))

    def heap_after(t):
        c = [a for a in after if a[0] <= t]
        return f"{c[-1][1]} MB (GC at {c[-1][0]:.0f} s)" if c else "no GC yet"
    print(f"jstat samples: {len(series)} over {end - t0:.0f} s of JVM uptime; GCs: {int(series[-1][2])} "
          f"(from jstat), {len(pauses)} pauses in the GC log, longest {max(pauses) if pauses else 0:.1f} ms")
    mid = (warm + end) / 2
    for label, t in (("minute 1" if warm >= 60 else f"{warm:.0f} s (end of warm-up)", warm), ("middle", mid), ("end", end)):
        s = at(t)
        print(f"  {label:26} t={s[0]:6.0f} s  old gen used (jstat OU, = after the last GC) {s[1]:8.2f} MB; "
              f"heap after the last GC {heap_after(s[0])}")
    if region_mb and old_regions:
        o = [r for r in old_regions if r[0] >= warm] or old_regions
        print(f"  old regions after GC (log, {region_mb} MB each): first after warm-up {o[0][1]}, last {o[-1][1]}")
    verdict = "flat" if slope < 1.0 else "GROWING"
    print(f"old gen after GC, least-squares slope from {warm:.0f} s to the end ({n} samples): {slope:+.3f} MB/min "
          f"-> {verdict} (flat: < 1 MB/min)")
    r = json.load(open(summary))
    print(f"run: achieved {r['rates']['achieved']:,.1f} req/s (intended {r['rates'].get('intended', 0):,.0f}, sent "
          f"{r['rates'].get('sent', 0):,.1f}); finished {r['requests']['finished']:,}, errors {r['requests']['errors']:,}, "
          f"lateSends {r['requests'].get('lateSends', 0):,}, notSent {r['requests'].get('notSent', 0):,}; "
          f"p99 corrected {r['latency']['corrected']['p99']} ms, uncorrected {r['latency']['uncorrected']['p99']} ms")
    return 0 if verdict == "flat" else 1


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "sample":
        sample(int(args[0]), args[1], float(args[2]) if len(args) > 2 else 0.05)
    elif cmd == "relia-window":
        relia_window(args[0], args[1], float(args[2]))
    elif cmd == "wrk":
        parse_wrk(args[0])
    elif cmd == "hey":
        parse_hey(args[0])
    elif cmd == "relia":
        parse_relia(args[0])
    elif cmd == "table":
        table(args[0])
    elif cmd == "soak":
        sys.exit(soak(*args))
    else:
        sys.exit(__doc__)
