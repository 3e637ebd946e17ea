#!/usr/bin/env python3
"""Generates checkout-rps.csv once (seeded, so it is reproducible): 30 days of hourly checkout request rates with a
daily cycle (evening peak), a weekly cycle (weekends busier), 6%/month growth and noise. Run from this directory."""
import math
import random
from datetime import datetime, timedelta, timezone

random.seed(20261123)
start = datetime(2026, 10, 24, tzinfo=timezone.utc)
hours = 30 * 24
with open("checkout-rps.csv", "w", encoding="utf-8") as out:
    out.write("timestamp,value\n")
    for h in range(hours):
        t = start + timedelta(hours=h)
        growth = 1.06 ** (h / (30.4375 * 24))
        daily = 1 + 0.55 * math.sin(2 * math.pi * (t.hour - 14) / 24)  # peak around 20:00 UTC
        weekly = 1.18 if t.weekday() >= 5 else 1.0
        value = 22 * growth * daily * weekly * random.gauss(1, 0.06)
        out.write(f"{t.strftime('%Y-%m-%dT%H:%M:%SZ')},{max(value, 0):.2f}\n")
