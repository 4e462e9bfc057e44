#!/usr/bin/env python3
"""Live cross-check of Tarazu's Holt / damped Holt forecasts against statsmodels.

Usage:
  crosscheck.py BINARY [--mode helper|tarazu]

  --mode helper  BINARY reads the request JSON on stdin (the forecast-json helper executable)
  --mode tarazu  BINARY is the tarazu CLI: `BINARY forecast --series FILE.json` (default)

For every series of make_fixtures.all_series() and each of holt / damped_holt, statsmodels is fitted
live (same objective and bounds as TarazuForecast: SSE of one-step errors over alpha, beta, phi, l0,
b0; alpha, beta in [0.0001, 0.9999], phi in [0.8, 0.98]) and compared with Tarazu's forecast with the
method fixed. Values are sent as whole rials (series x 1e6) so rounding to rials is negligible.

Tolerance: |tarazu - statsmodels| <= 2 % of the series level (mean |y| of the last 3 values) for
h = 1..3, OR Tarazu's SSE <= statsmodels' SSE * (1 + 1e-6): the two optimizers may stop at different
points of a flat or multi-modal SSE surface, and a lower SSE is a better least-squares fit, not an
error. The methods.md known-parameter fixture must agree to 1e-6 (relative to the unit).
Exits 1 on any mismatch.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
try:
    import statsmodels  # noqa: F401
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "statsmodels"])
import make_fixtures  # noqa: E402

SCALE = 1e6
TOLERANCE = 0.02


def call(binary, mode, request):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(request, f)
        path = f.name
    try:
        if mode == "helper":
            with open(path) as stdin:
                out = subprocess.run([binary], stdin=stdin, capture_output=True, text=True)
        else:
            out = subprocess.run([binary, "forecast", "--series", path], capture_output=True, text=True)
    finally:
        os.unlink(path)
    if out.returncode != 0:
        raise SystemExit(f"{binary} failed ({out.returncode}): {out.stderr.strip()}")
    return json.loads(out.stdout)["results"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--mode", choices=["helper", "tarazu"], default="tarazu")
    args = parser.parse_args()
    failures = 0

    known = make_fixtures.known()
    request = {"horizon": 3, "method": "damped_holt",
               "parameters": {"alpha": 0.5, "beta": 0.3, "phi": 0.9, "l0": 96 * SCALE, "b0": 4 * SCALE},
               "series": [{"key": "methods_md_known", "values": [int(v * SCALE) for v in known["y"]]}]}
    ours = [p["value"] / SCALE for p in call(args.binary, args.mode, request)[0]["forecasts"]]
    diff = max(abs(a - b) for a, b in zip(ours, known["forecasts"]))
    ok = diff <= 1e-6
    failures += not ok
    print(f"known parameters (methods.md): statsmodels {[round(x, 6) for x in known['forecasts']]} "
          f"tarazu {[round(x, 6) for x in ours]} max diff {diff:.2e} {'ok' if ok else 'MISMATCH'}")
    print()
    header = f"{'series':<22}{'method':<13}{'n':>3} {'statsmodels h1..h3':<28}{'tarazu h1..h3':<28}" \
             f"{'max|d|/level':>13}{'SSE sm':>12}{'SSE tarazu':>12}  result"
    print(header)
    print("-" * len(header))
    for name, y in make_fixtures.all_series().items():
        level = sum(abs(v) for v in y[-3:]) / 3
        for method, damped in (("holt", False), ("damped_holt", True)):
            sm = make_fixtures.fit(y, damped)
            request = {"horizon": 3, "method": method,
                       "series": [{"key": name, "values": [round(v * SCALE) for v in y]}]}
            result = call(args.binary, args.mode, request)[0]
            ours = [p["value"] / SCALE for p in result["forecasts"]]
            sse = result["sse"] / SCALE ** 2
            rel = max(abs(a - b) for a, b in zip(ours, sm["forecasts"])) / level
            if rel <= TOLERANCE:
                verdict = "ok"
            elif sse <= sm["sse"] * (1 + 1e-6):
                verdict = "ok (lower SSE)"
            else:
                verdict = "MISMATCH"
                failures += 1
            fmt = lambda xs: " ".join(f"{x:8.2f}" for x in xs)
            print(f"{name:<22}{method:<13}{len(y):>3} {fmt(sm['forecasts']):<28}{fmt(ours):<28}"
                  f"{rel:>12.3%} {sm['sse']:>11.3f} {sse:>11.3f}  {verdict}")
    print()
    print(f"tolerance: 2 % of level or a lower SSE; {failures} mismatch(es)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
