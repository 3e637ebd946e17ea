#!/usr/bin/python3
"""Joins AccuracyBenchmark's and forecast_baselines.py's JSON lines into one Markdown table with geometric means.
Usage: forecast_table.py RELIA_JSONL BASELINES_JSONL"""
import json
import math
import sys

BASELINES = [("snaive24", "sNaive-24"), ("snaive168", "sNaive-168"), ("hwAdd", "HW add"),
             ("hwDamped", "HW damped"), ("linear", "linear")]


def rows(path):
    with open(path) as f:
        return {r["series"]: r for r in map(json.loads, filter(str.strip, f))}


def fmt(mase):
    return f"{mase:.4f}" if mase < 0.1 else f"{mase:.3f}"


def coverage(r):
    if "coverage80" not in r:
        return f"{r['coverage95']:.2f}"
    return f"{r['coverage80']:.2f} / {r['coverage95']:.2f} ({r['coverage80Outside']:.2f} / {r['coverage95Outside']:.2f})"


def geomean(values):
    return math.exp(sum(map(math.log, values)) / len(values)) if values else float("nan")


relia, base = rows(sys.argv[1]), rows(sys.argv[2])
head = ["series", "test days"] + [label for _, label in BASELINES] + \
       ["Relia", "Relia / best", "best baseline", "Relia outside windows",
        "80% / 95% PI coverage (outside windows)", "s", "goal"]
print("| " + " | ".join(head) + " |")
print("|" + "|".join(["---"] + ["---:"] * (len(head) - 2) + ["---"]) + "|")
per_model = {key: [] for key, _ in BASELINES}
per_model["relia"] = []
met, covered, crosscheck = 0, 0, []
for name in sorted(relia, key=str.lower):
    r, b = relia[name], base[name]
    cells = [name, str(r["testDays"])]
    scores = {key: b[key]["mase"] for key, _ in BASELINES if key in b}
    for key, _ in BASELINES:
        cells.append(f"{fmt(b[key]['mase'])} / {b[key]['smape']:.1f}" if key in b else "n/a")
        if key in b:
            per_model[key].append(b[key]["mase"])
    best_key = min(scores, key=scores.get)
    ratio = r["mase"] / scores[best_key]
    ok = r["mase"] <= scores[best_key]
    met += ok
    covered += 0.90 <= r["coverage95"] <= 0.98
    per_model["relia"].append(r["mase"])
    cells += [f"**{fmt(r['mase'])}** / {r['smape']:.1f}", f"{ratio:.3f}", dict(BASELINES)[best_key],
              f"{fmt(r['maseOutside'])} / {r['smapeOutside']:.1f}", coverage(r), f"{r['seconds']:.1f}",
              "met" if ok else "missed"]
    print("| " + " | ".join(cells) + " |")
    crosscheck.append((name, r["snaive24Mase"], b["snaive24"]["mase"]))
n = len(relia)
geo = ["**geometric mean MASE**", ""]
for key, _ in BASELINES:
    values = per_model[key]
    geo.append(f"{geomean(values):.3f}" if len(values) == n else f"({geomean(values):.3f} over {len(values)})")
best_single = min(geomean(v) for k, v in per_model.items() if k != "relia" and len(v) == n)
relia_geo = geomean(per_model["relia"])
geo += [f"**{relia_geo:.3f}**", f"{relia_geo / best_single:.3f}", "", "", "", "", ""]
print("| " + " | ".join(geo) + " |")
print()
print(f"Per-series goal (Relia MASE <= best baseline): met on {met} of {n} series.")
print(f"Geometric-mean goal (<= 0.9 x best single baseline {best_single:.3f} = {0.9 * best_single:.3f}): "
      f"Relia {relia_geo:.3f} -> {'met' if relia_geo <= 0.9 * best_single else 'missed'}.")
print(f"95% interval coverage goal (0.90 to 0.98 of all test hours): met on {covered} of {n} series.")
agree = all(round(j, 3) == round(p, 3) for _, j, p in crosscheck)
print("Cross-check sNaive-24 MASE, Java vs Python: " +
      ", ".join(f"{name} {j:.4f}/{p:.4f}" for name, j, p in crosscheck) + (" -> agree" if agree else " -> DISAGREE"))
