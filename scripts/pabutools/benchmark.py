#!/usr/bin/env python3
"""Time MES and MES + Add1: pabutools against `tarazu pb tally`, on the largest shared elections.

For each election: pabutools' method_of_equal_shares (cost utility, the plain profile, exact
gmpy2 fractions) once, and Tarazu's MES and MES + Add1 (no exhaustive stop) `--repeat` times
(median). Times exclude reading the file: Tarazu reports them with --timings, pabutools is timed
around the rule alone. pabutools' Add1 reruns MES once per budget step, so its time is
estimated as (number of Add1 steps) x (pabutools' MES time), unless --full-add1 runs it.
Prints a Markdown table.

Usage: python3 scripts/pabutools/benchmark.py TARAZU_BINARY [--data DIR] [--repeat N] [--full-add1] [FILE.pb ...]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pbload  # noqa: E402

from pabutools.election import Cost_Sat  # noqa: E402
from pabutools.rules import exhaustion_by_budget_increase, method_of_equal_shares  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_DATA = os.path.join(os.path.dirname(REPO), "shared", "data", "pabulib")
LARGEST = [
    "poland_warszawa_2021_mokotow.pb",
    "poland_warszawa_2022_praga-poludnie.pb",
    "poland_warszawa_2021_wola.pb",
    "poland_warszawa_2023_ursynow.pb",
    "poland_wieliczka_2023.pb",
]


def tarazu(binary: str, path: str, rule: str) -> tuple[float, dict]:
    run = subprocess.run([binary, "pb", "tally", path, "--rule", rule, "--utility", "cost",
                          "--format", "json", "--timings"], capture_output=True, text=True, check=True)
    seconds = float(re.search(r"tally ([0-9.]+) s", run.stderr).group(1))
    return seconds, json.loads(run.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarazu")
    parser.add_argument("files", nargs="*")
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--full-add1", action="store_true", help="run pabutools' Add1 for real (slow)")
    args = parser.parse_args()
    files = args.files or [os.path.join(args.data, name) for name in LARGEST]
    print("| election | voters | projects | pabutools MES s | Tarazu MES s | ratio | Add1 steps (Tarazu runs) "
          "| pabutools Add1 s | Tarazu Add1 s | ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path in files:
        instance, profile, _ = pbload.load(path)
        start = time.perf_counter()
        expected = method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
        pabutools_mes = time.perf_counter() - start
        mes_times, add1_times = [], []
        for _ in range(args.repeat):
            seconds, report = tarazu(args.tarazu, path, "mes")
            assert report["selected"] == [p.name for p in expected], f"{path}: MES differs from pabutools"
            mes_times.append(seconds)
            seconds, add1 = tarazu(args.tarazu, path, "mes-add1")
            add1_times.append(seconds)
        completion = add1["completion"]
        # pabutools runs MES at every step up to the kept one, and once more when the next step's
        # outcome is over budget; Tarazu skips the steps it proves unchanged ("runs" counts its own).
        runs = completion["increments"] + (2 if completion["stopped_because"] == "over-budget" else 1)
        if args.full_add1:
            start = time.perf_counter()
            outcome = exhaustion_by_budget_increase(
                instance, profile, method_of_equal_shares, {"sat_class": Cost_Sat},
                exhaustive_stop=False, budget_step=profile.num_ballots())
            pabutools_add1 = time.perf_counter() - start
            assert add1["selected"] == [p.name for p in outcome], f"{path}: Add1 differs from pabutools"
            add1_label = f"{pabutools_add1:.1f}"
        else:
            pabutools_add1 = runs * pabutools_mes
            add1_label = f"~{pabutools_add1:.0f} (est.)"
        mes, add1_s = statistics.median(mes_times), statistics.median(add1_times)
        print(f"| {os.path.basename(path)} | {profile.num_ballots()} | {len(instance)} | {pabutools_mes:.2f} "
              f"| {mes:.3f} | {pabutools_mes / mes:.0f}x | {runs} ({completion['runs']}) | {add1_label} | {add1_s:.2f} "
              f"| {pabutools_add1 / add1_s:.0f}x |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
