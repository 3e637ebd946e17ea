#!/usr/bin/python3
"""Baselines of ../shared/research/forecast-protocol.md on the NAB series, one JSON object per series on stdout.

Protocol: hourly means over [t, t+1h) (first/last bin dropped when it holds fewer than half the median count, empty
hours forward-filled); N = min(14, D - 7) daily origins at the end; refit on all history before each origin and
forecast 24 h; MASE scaled per origin by the in-sample daily seasonal naive MAE; sMAPE with 0/0 terms counted 0;
both over all test hours and over the hours outside combined_windows.json (an hour is inside when [t, t+1h)
overlaps a window). Baselines: seasonal naive 24 h and 168 h (168 h only when every origin has >= 336 h of history),
statsmodels ExponentialSmoothing additive trend + additive 24 h season (plain and damped, L-BFGS-B), linear OLS trend.
Usage: forecast_baselines.py DATA_DIR [SERIES...]
"""
import json
import os
import sys
import time
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.holtwinters import ExponentialSmoothing

H = 24


def hourly(path):
    frame = pd.read_csv(path, parse_dates=["timestamp"])
    grouped = frame.set_index("timestamp")["value"].resample("1h")
    means, counts = grouped.mean(), grouped.count()
    usual = int(np.median(counts[counts > 0]))
    if counts.iloc[0] * 2 < usual:
        means, counts = means.iloc[1:], counts.iloc[1:]
    if counts.iloc[-1] * 2 < usual:
        means, counts = means.iloc[:-1], counts.iloc[:-1]
    return means.ffill()


def anomaly_mask(index, windows):
    mask = np.zeros(len(index), dtype=bool)
    for start, end in windows:
        start, end = pd.Timestamp(start), pd.Timestamp(end)
        mask |= (index <= end) & (index + pd.Timedelta(hours=1) > start)
    return mask


def snaive(y, period):
    return lambda hist: np.array([hist[len(hist) - period + h % period] for h in range(H)])


def holt_winters(damped):
    def forecast(hist):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = ExponentialSmoothing(hist, trend="add", seasonal="add", seasonal_periods=24,
                                         damped_trend=damped, initialization_method="estimated")
            return model.fit(optimized=True, method="L-BFGS-B").forecast(H)
    return forecast


def linear(hist):
    t = np.arange(len(hist))
    slope, intercept = np.polyfit(t, hist, 1)
    return intercept + slope * np.arange(len(hist), len(hist) + H)


def smape_terms(actual, forecast):
    denominator = np.abs(actual) + np.abs(forecast)
    return np.where(denominator == 0, 0.0, 200 * np.abs(actual - forecast) / np.where(denominator == 0, 1, denominator))


def evaluate(y, anomaly, forecaster):
    n, days = len(y), len(y) // H
    count = min(14, days - 7)
    scaled, smape, outside = [], [], []
    for k in range(count):
        o = n - (count - k) * H
        hist = y[:o]
        scale = np.mean(np.abs(hist[24:] - hist[:-24]))
        f = np.asarray(forecaster(hist), dtype=float)
        actual = y[o:o + H]
        scaled.extend(np.abs(actual - f) / scale)
        smape.extend(smape_terms(actual, f))
        outside.extend(~anomaly[o:o + H])
    scaled, smape, outside = map(np.array, (scaled, smape, outside))
    return {"mase": scaled.mean(), "smape": smape.mean(),
            "maseOutside": scaled[outside].mean(), "smapeOutside": smape[outside].mean()}


def main():
    # SciPy's Fortran L-BFGS-B writes diagnostics ("ascent direction in projection gd = ...") straight to file
    # descriptor 1, past Python's sys.stdout: rows go to a duplicate of it, and descriptor 1 goes to stderr.
    rows = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    data = sys.argv[1]
    names = sys.argv[2:] or sorted(f[:-4] for f in os.listdir(data) if f.endswith(".csv"))
    with open(os.path.join(data, "combined_windows.json")) as f:
        windows = json.load(f)
    for name in names:
        series = hourly(os.path.join(data, name + ".csv"))
        y = series.to_numpy(dtype=float)
        own = next((w for key, w in windows.items() if key.endswith("/" + name + ".csv")), [])
        anomaly = anomaly_mask(series.index, own)
        count = min(14, len(y) // H - 7)
        baselines = {"snaive24": snaive(y, 24), "hwAdd": holt_winters(False), "hwDamped": holt_winters(True),
                     "linear": linear}
        if len(y) - count * H >= 336:
            baselines["snaive168"] = snaive(y, 168)
        row = {"series": name, "hours": len(y), "testDays": count}
        for key, forecaster in baselines.items():
            started = time.perf_counter()
            row[key] = evaluate(y, anomaly, forecaster)
            row[key]["seconds"] = time.perf_counter() - started
        print(json.dumps(row), file=rows, flush=True)


if __name__ == "__main__":
    main()
