#!/usr/bin/env python3
"""Print a paper-ballot CSV of N random approval ballots for a PB process file (for benchmarks).

    scripts/pb/paper-ballots.py process.json N [--seed S] > ballots.csv

Each ballot picks a district at random (citywide "0" or a region with proposals) and 1 to the rule's
maximum of that district's proposals; voter ids are P1..PN.
"""
import argparse
import json
import random

parser = argparse.ArgumentParser()
parser.add_argument("file")
parser.add_argument("count", type=int)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
process = json.load(open(args.file, encoding="utf-8"))
rng = random.Random(args.seed)
by_district = {}
for proposal in (p for p in process["proposals"] if p.get("status", "feasible") == "feasible"):
    by_district.setdefault(proposal["district"], []).append(proposal["id"])
most = process["rules"].get("max_projects", 3)
print("voter_id,district,choices")
for index in range(1, args.count + 1):
    district = rng.choice(sorted(by_district))
    ids = by_district[district]
    chosen = rng.sample(ids, rng.randint(1, min(most, len(ids))))
    print(f"P{index},{district},{' '.join(chosen)}")
