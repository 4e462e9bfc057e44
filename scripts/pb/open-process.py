#!/usr/bin/env python3
"""Print a copy of a PB process file whose voting phase is open now (for benchmarks and the kill -9 check).

    scripts/pb/open-process.py samples/pb/tabriz-1404.json [--slug NAME] > process.json

Phases are rewritten as ISO dates around today: drafting, proposals and feasibility review in the
past month, voting from yesterday to 30 days ahead, then tally and published. The rest is kept.
"""
import argparse
import datetime
import json
import sys

parser = argparse.ArgumentParser()
parser.add_argument("file")
parser.add_argument("--slug", default=None)
args = parser.parse_args()
process = json.load(open(args.file, encoding="utf-8"))
today = datetime.date.today()
day = lambda offset: (today + datetime.timedelta(days=offset)).isoformat()
process["phases"] = {
    "drafting": {"start": day(-40), "end": day(-30)},
    "proposals": {"start": day(-30), "end": day(-20)},
    "feasibility_review": {"start": day(-20), "end": day(-1)},
    "voting": {"start": day(-1), "end": day(30)},
    "tally": {"start": day(30), "end": day(40)},
    "published": {"start": day(40), "end": day(400)},
}
if args.slug:
    process["id"] = args.slug
json.dump(process, sys.stdout, ensure_ascii=False, indent=2)
