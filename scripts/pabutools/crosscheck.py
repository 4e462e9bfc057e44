#!/usr/bin/env python3
"""Live cross-check: pabutools and `tarazu pb tally --format json` on a few small elections.

Runs greedy, MES with every utility, and MES + Add1 (with and without the exhaustive stop) in
pabutools and in Tarazu, and compares the selected projects (in selection order for MES).
Prints one line per check, then "N passed, M failed"; exits 1 if any check failed.

Usage: python3 scripts/pabutools/crosscheck.py TARAZU_BINARY [--data DIR] [FILE.pb ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pbload  # noqa: E402

from pabutools.rules import (  # noqa: E402
    exhaustion_by_budget_increase,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_DATA = os.path.join(os.path.dirname(REPO), "shared", "data", "pabulib")
DEFAULT_FILES = [
    "toy.pb",
    "poland_warszawa_2018_niskie-okecie.pb",  # approval, 229 voters
    "poland_gdansk_2020_vii-dwor.pb",  # cumulative, 362 voters
]


def pabutools_answers(path: str) -> dict[tuple[str, str | None, bool], list[str]]:
    instance, profile, vote_type = pbload.load(path)
    answers = {}
    prof, sat = pbload.greedy_profile_and_sat(instance, profile, vote_type)
    answers[("greedy", None, False)] = [p.name for p in greedy_utilitarian_welfare(instance, prof, sat_class=sat)]
    for utility in pbload.utilities_for(vote_type):
        prof, sat = pbload.profile_and_sat(instance, profile, vote_type, utility)
        answers[("mes", utility, False)] = [p.name for p in method_of_equal_shares(instance, prof, sat_class=sat)]
        for stop in (False, True):
            outcome = exhaustion_by_budget_increase(
                instance, prof, method_of_equal_shares, {"sat_class": sat},
                exhaustive_stop=stop, budget_step=profile.num_ballots())
            answers[("mes-add1", utility, stop)] = [p.name for p in outcome]
    return answers


def tarazu_answer(binary: str, path: str, rule: str, utility: str | None, stop: bool) -> list[str]:
    args = [binary, "pb", "tally", path, "--rule", rule, "--format", "json"]
    if utility:
        args += ["--utility", utility]
    if stop:
        args.append("--exhaustive-stop")
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"exit {run.returncode}: {run.stderr.strip()}")
    return json.loads(run.stdout)["selected"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarazu", help="path to the tarazu binary")
    parser.add_argument("files", nargs="*", help=f"pabulib files (default: {', '.join(DEFAULT_FILES)})")
    parser.add_argument("--data", default=DEFAULT_DATA)
    args = parser.parse_args()
    files = args.files or [os.path.join(args.data, name) for name in DEFAULT_FILES]
    passed = failed = 0
    for path in files:
        if not os.path.exists(path):
            print(f"FAIL {path}: file not found")
            failed += 1
            continue
        for (rule, utility, stop), expected in pabutools_answers(path).items():
            label = f"{os.path.basename(path)} {rule}{' ' + utility if utility else ''}{' exhaustive-stop' if stop else ''}"
            try:
                got = tarazu_answer(args.tarazu, path, rule, utility, stop)
            except (RuntimeError, json.JSONDecodeError, KeyError) as error:
                print(f"FAIL {label}: {error}")
                failed += 1
                continue
            same = sorted(got) == sorted(expected) if rule == "greedy" else got == expected
            if same:
                passed += 1
                print(f"ok   {label}: {got}")
            else:
                failed += 1
                print(f"FAIL {label}: tarazu {got}, pabutools {expected}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
