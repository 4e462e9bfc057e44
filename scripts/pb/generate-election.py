#!/usr/bin/env python3
"""A deterministic synthetic pabulib election for benchmarks (no randomness beyond the seed).

Approval ballots of random lengths (1 to --max-length projects, popular projects drawn more
often), project costs varied from 5 to 500 thousand, budget a share of the total cost.

Usage: python3 scripts/pb/generate-election.py OUT.pb [--projects 500] [--voters 5000]
       [--max-length 12] [--seed 42] [--budget-share 0.2]
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--projects", type=int, default=500)
    parser.add_argument("--voters", type=int, default=5000)
    parser.add_argument("--max-length", type=int, default=12)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--budget-share", type=float, default=0.2)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    costs = [rng.randint(5, 500) * 1000 for _ in range(args.projects)]
    weights = [(p % 7 + 1) * rng.randint(1, 9) for p in range(args.projects)]
    cumulative = list(itertools.accumulate(weights))
    budget = int(sum(costs) * args.budget_share) // 1000 * 1000
    lines = ["META", "key;value", f"description;synthetic election, seed {args.seed}",
             f"num_projects;{args.projects}", f"num_votes;{args.voters}", f"budget;{budget}",
             "vote_type;approval", f"max_length;{args.max_length}", "PROJECTS", "project_id;cost"]
    lines += [f"{p + 1};{cost}" for p, cost in enumerate(costs)]
    lines += ["VOTES", "voter_id;vote"]
    for voter in range(1, args.voters + 1):
        length = min(rng.randint(1, args.max_length), args.projects)
        chosen: list[int] = []
        while len(chosen) < length:
            p = bisect.bisect_right(cumulative, rng.randrange(cumulative[-1]))
            if p not in chosen:
                chosen.append(p)
        lines.append(f"{voter};{','.join(str(p + 1) for p in chosen)}")
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
