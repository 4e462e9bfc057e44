#!/usr/bin/env python3
"""Compute pabutools' answers once for every pabulib file and write them as JSON fixtures.

The Swift tests (Tests/TarazuParticipationTests) compare Tarazu's tally with these files, so
CI does not rerun slow Python. One JSON file per election, under
Tests/TarazuParticipationTests/Fixtures/pabutools/. Each rule run has a time limit; a run that
does not finish in time is recorded as {"timeout_seconds": LIMIT}.

Add1 reruns MES once per budget step, so on the large elections pabutools does not finish in
minutes. There, with --tarazu BINARY, the script checks the end point instead: it asks Tarazu
how many steps k its Add1 took, then has pabutools compute MES at steps k and k + 1 and records
both outcomes ("endpoint"); the tests check that Tarazu's outcome is pabutools' at step k and
that pabutools' outcome at step k + 1 costs more than the budget (or, with the exhaustive stop,
that pabutools' outcome at step k is exhaustive).

Greedy and MES use pabutools' plain profile; Add1 and the end points use its multiprofile
(identical ballots merged, as in methods.md's recipe for Wieliczka), which gives the same outcome
faster. Runs already in the fixtures are kept unless --force; --retry-timeouts reruns those that timed out.

Usage: python3 scripts/pabutools/make_fixtures.py [--data DIR] [--timeout S] [--jobs J]
           [--tarazu BINARY] [--force] [--retry-timeouts] [FILE.pb ...]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import time
from importlib.metadata import version

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pbload  # noqa: E402
import subprocess  # noqa: E402

from copy import deepcopy  # noqa: E402
from pabutools.election.instance import total_cost  # noqa: E402
from pabutools.rules import (  # noqa: E402
    exhaustion_by_budget_increase,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
)

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_DATA = os.path.join(os.path.dirname(REPO), "shared", "data", "pabulib")
OUT = os.path.join(REPO, "Tests", "TarazuParticipationTests", "Fixtures", "pabutools")


def mes_at_step(instance, profile, vote_type, utility, step_count):
    """pabutools' MES with the total budget raised by step_count budget steps (one unit per voter)."""
    prof, sat = pbload.profile_and_sat(instance, profile, vote_type, utility)
    raised = deepcopy(instance)
    raised.budget_limit = instance.budget_limit + step_count * profile.num_ballots()
    outcome = method_of_equal_shares(raised, prof.as_multiprofile(), sat_class=sat)
    return [p.name for p in outcome], str(total_cost(outcome))


def run_task(path: str, kind: str, utility: str | None, queue, tarazu: str | None = None) -> None:
    """Runs one rule in a child process and puts (result, seconds) on queue."""
    instance, profile, vote_type = pbload.load(path)
    start = time.perf_counter()
    if kind.endswith("_endpoint"):
        rule = kind[: -len("_endpoint")]
        args = [tarazu, "pb", "tally", path, "--rule", "mes-add1", "--utility", utility, "--format", "json"]
        if rule == "mes_add1_exhaustive_stop":
            args.append("--exhaustive-stop")
        report = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
        k = report["completion"]["increments"]
        at_k, cost_k = mes_at_step(instance, profile, vote_type, utility, k)
        result = {"increments": k, "selected": at_k, "total_cost": cost_k,
                  "stopped_because": report["completion"]["stopped_because"]}
        if report["completion"]["stopped_because"] == "over-budget":
            result["next_selected"], result["next_total_cost"] = mes_at_step(
                instance, profile, vote_type, utility, k + 1)
        else:
            result["exhaustive"] = instance.is_exhaustive([p for p in instance if p.name in set(at_k)])
        queue.put((result, time.perf_counter() - start))
        return
    if kind == "greedy":
        prof, sat = pbload.greedy_profile_and_sat(instance, profile, vote_type)
        outcome = greedy_utilitarian_welfare(instance, prof, sat_class=sat)
    else:
        prof, sat = pbload.profile_and_sat(instance, profile, vote_type, utility)
        if kind == "mes":
            outcome = method_of_equal_shares(instance, prof, sat_class=sat)
        else:
            outcome = exhaustion_by_budget_increase(
                instance,
                prof.as_multiprofile(),
                method_of_equal_shares,
                {"sat_class": sat},
                exhaustive_stop=(kind == "mes_add1_exhaustive_stop"),
                budget_step=profile.num_ballots(),
            )
    seconds = time.perf_counter() - start
    queue.put(({"selected": [p.name for p in outcome]}, seconds))


def tasks_for(path: str) -> list[tuple[str, str | None]]:
    _, _, vote_type = pbload.load(path)
    tasks: list[tuple[str, str | None]] = [("greedy", None)]
    for kind in ("mes", "mes_add1", "mes_add1_exhaustive_stop"):
        tasks += [(kind, u) for u in pbload.utilities_for(vote_type)]
    return tasks


def write(name: str, record: dict) -> None:
    with open(os.path.join(OUT, name.replace(".pb", ".json")), "w", encoding="utf-8") as out:
        json.dump(record, out, indent=1, sort_keys=True)
        out.write("\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="pabulib files (default: all in --data)")
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per rule run")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--tarazu", help="tarazu binary, for Add1 end-point checks after a timeout")
    parser.add_argument("--force", action="store_true", help="recompute runs already in the fixtures")
    parser.add_argument("--retry-timeouts", action="store_true")
    args = parser.parse_args()

    files = args.files or sorted(
        os.path.join(args.data, f) for f in os.listdir(args.data) if f.endswith(".pb")
    )
    os.makedirs(OUT, exist_ok=True)
    records: dict[str, dict] = {}
    pending: list[tuple[str, str, str | None]] = []
    for path in files:
        name = os.path.basename(path)
        instance, profile, vote_type = pbload.load(path)
        fixture = os.path.join(OUT, name.replace(".pb", ".json"))
        old = {} if args.force or not os.path.exists(fixture) else json.load(open(fixture))
        records[name] = old | {
            "file": name,
            "pabutools_version": version("pabutools"),
            "vote_type": vote_type,
            "voters": profile.num_ballots(),
            "budget_step": profile.num_ballots(),
        }

        def known(kind, utility):
            entry = old.get(kind) if utility is None else old.get(kind, {}).get(utility)
            return entry is not None and ("timeout_seconds" not in entry or not args.retry_timeouts)

        for kind, utility in tasks_for(path):
            if not known(kind, utility):
                pending.append((path, kind, utility))
            elif args.tarazu and kind.startswith("mes_add1") and "timeout_seconds" in old[kind][utility]:
                if not known(kind + "_endpoint", utility):
                    pending.append((path, kind + "_endpoint", utility))
    # Cheap runs first, so a slow election does not hold up the small ones.
    order = {"greedy": 0, "mes": 1, "mes_add1_exhaustive_stop": 2, "mes_add1": 3,
             "mes_add1_exhaustive_stop_endpoint": 4, "mes_add1_endpoint": 5}
    pending.sort(key=lambda t: (order[t[1]], os.path.getsize(t[0])))

    running: list[tuple[mp.Process, mp.Queue, float, tuple]] = []
    while pending or running:
        while pending and len(running) < args.jobs:
            task = pending.pop(0)
            queue: mp.Queue = mp.Queue()
            proc = mp.Process(target=run_task, args=(*task, queue, args.tarazu))
            proc.start()
            running.append((proc, queue, time.monotonic(), task))
        time.sleep(0.05)
        for entry in list(running):
            proc, queue, started, (path, kind, utility) = entry
            result = None
            if not queue.empty() or not proc.is_alive():
                try:
                    result, seconds = queue.get(timeout=5)
                except Exception:
                    raise SystemExit(f"{path}: {kind} {utility} failed (exit {proc.exitcode})")
                result["seconds"] = round(seconds, 3)
                proc.join()
            elif time.monotonic() - started > args.timeout and not kind.endswith("_endpoint"):
                proc.terminate()
                proc.join()
                result = {"timeout_seconds": args.timeout}
                if args.tarazu:
                    pending.append((path, kind + "_endpoint", utility))
            if result is None:
                continue
            running.remove(entry)
            name = os.path.basename(path)
            if kind == "greedy":
                records[name]["greedy"] = result
            else:
                records[name].setdefault(kind, {})[utility] = result
            write(name, records[name])
            print(f"{name} {kind} {utility or ''}: {result}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
