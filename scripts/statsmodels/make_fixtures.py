#!/usr/bin/env python3
"""Write Tests/TarazuForecastTests/Fixtures/statsmodels.json: statsmodels Holt fits to compare with
TarazuForecast.

For each series: statsmodels ExponentialSmoothing(trend="add", damped_trend=False/True,
initialization_method="estimated", bounds=alpha,beta in [0.0001, 0.9999], phi in [0.8, 0.98]).fit()
(optimized, its default SLSQP with brute-force start), recording the parameters, the one-step SSE and
the 1-3 step forecasts. Plus the methods.md known-parameter fixture (optimized=False).

Series: the methods.md fixture, synthetic series with fixed seeds (numpy default_rng), and two
5-year totals from the Australian 2015-16 budget package in /work/shared/data/fdp (thousand AUD,
divided by 1e6 to keep values near 1-500).

Usage: python3 scripts/statsmodels/make_fixtures.py [OUTPUT]
"""
import csv
import json
import os
import sys
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.holtwinters import ExponentialSmoothing

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "TarazuForecastTests", "Fixtures", "statsmodels.json")
AU_CSV = "/work/shared/data/fdp/au-budget/data/201505181230budget1516.csv"
BOUNDS = {"smoothing_level": (0.0001, 0.9999), "smoothing_trend": (0.0001, 0.9999), "damping_trend": (0.8, 0.98)}
METHODS_MD_Y = [100, 104, 109, 113, 120, 124, 131, 135, 142, 147]


def synthetic():
    out = {}
    rng = np.random.default_rng(1)
    t = np.arange(12)
    out["linear_noise"] = list(np.round(200 + 15 * t + rng.normal(0, 6, 12), 3))
    rng = np.random.default_rng(2)
    out["inflation_30pct"] = list(np.round(100 * 1.3 ** np.arange(10) * np.exp(rng.normal(0, 0.04, 10)), 3))
    rng = np.random.default_rng(3)
    out["random_walk"] = list(np.round(500 + np.cumsum(rng.normal(0, 20, 10)), 3))
    rng = np.random.default_rng(4)
    level = 300.0
    slope = 40.0
    values = []
    for _ in range(12):
        level += slope
        slope *= 0.8
        values.append(level + rng.normal(0, 4))
    out["damped_growth"] = list(np.round(values, 3))
    rng = np.random.default_rng(5)
    out["falling"] = list(np.round(900 - 35 * np.arange(9) + rng.normal(0, 15, 9), 3))
    rng = np.random.default_rng(6)
    out["short_6"] = list(np.round(80 + 6 * np.arange(6) + rng.normal(0, 3, 6), 3))
    return {k: [float(x) for x in v] for k, v in out.items()}


def au_series():
    years = ["2014-15", "2015-16", "2016-17", "2017-18", "2018-19"]
    total = np.zeros(5)
    treasury = np.zeros(5)
    try:
        with open(AU_CSV, newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                try:
                    vals = np.array([float(row[y]) for y in years])
                except (ValueError, KeyError):
                    continue
                total += vals
                if row["Portfolio"].startswith("Treasury"):
                    treasury += vals
    except FileNotFoundError:
        return {}
    return {"au_total_expenses": [round(x / 1e6, 6) for x in total],
            "au_treasury_expenses": [round(x / 1e6, 6) for x in treasury]}


def fit(y, damped):
    model = ExponentialSmoothing(np.asarray(y, dtype=float), trend="add", damped_trend=damped,
                                 initialization_method="estimated", bounds=BOUNDS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = model.fit()
    p = res.params
    return {
        "alpha": float(p["smoothing_level"]), "beta": float(p["smoothing_trend"]),
        "phi": float(p["damping_trend"]) if damped else 1.0,
        "l0": float(p["initial_level"]), "b0": float(p["initial_trend"]),
        "sse": float(res.sse), "forecasts": [float(x) for x in res.forecast(3)],
    }


def known():
    model = ExponentialSmoothing(np.asarray(METHODS_MD_Y, dtype=float), trend="add", damped_trend=True,
                                 initialization_method="known", initial_level=96, initial_trend=4)
    res = model.fit(smoothing_level=0.5, smoothing_trend=0.3, damping_trend=0.9, optimized=False)
    return {"y": METHODS_MD_Y, "alpha": 0.5, "beta": 0.3, "phi": 0.9, "l0": 96.0, "b0": 4.0,
            "sse": float(res.sse), "forecasts": [float(x) for x in res.forecast(3)]}


def all_series():
    series = {"methods_md": [float(x) for x in METHODS_MD_Y]}
    series.update(synthetic())
    series.update(au_series())
    return series


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    fixtures = {"statsmodels": statsmodels.__version__, "bounds": {k: list(v) for k, v in BOUNDS.items()},
                "known": known(), "series": []}
    for name, y in all_series().items():
        fixtures["series"].append({"name": name, "y": y, "holt": fit(y, False), "damped_holt": fit(y, True)})
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(fixtures, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {out}: {len(fixtures['series'])} series")


if __name__ == "__main__":
    main()
