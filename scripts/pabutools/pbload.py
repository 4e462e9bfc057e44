"""Shared helpers for the pabutools scripts: load a pabulib file and build the profile and
satisfaction class that match one of Tarazu's utilities.

Tarazu's utilities (see Sources/TarazuParticipation/PBUtility.swift):
- cost: a voter's utility for a project on her ballot is its cost;
- cardinality: 1 for each project on her ballot;
- points: the points she gave (cumulative and scoring ballots), or for ordinal ballots the
  `points` column when the file has one, else Borda scores max_length - position (position 0
  for the first choice; max_length from META, else the ballot's length).
Ordinal ballots are treated as approval of the ranked projects for cost and cardinality.
"""

from __future__ import annotations

from pabutools.election import (
    ApprovalBallot,
    ApprovalProfile,
    CardinalBallot,
    CardinalProfile,
    Cost_Sat,
    Cardinality_Sat,
    Additive_Cardinal_Sat,
    parse_pabulib,
)
from pabutools.election.satisfaction import AdditiveSatisfaction
from pabutools.fractions import str_as_frac

UTILITIES = ("cost", "cardinality", "points")


def load(path: str):
    """Returns (instance, profile, vote_type) as pabutools parses the file."""
    instance, profile = parse_pabulib(path)
    return instance, profile, instance.meta["vote_type"]


def utilities_for(vote_type: str) -> list[str]:
    """The utilities Tarazu offers for a vote type (points needs more than approval)."""
    if vote_type in ("approval", "choose-1"):
        return ["cost", "cardinality"]
    return list(UTILITIES)


def ordinal_points(instance, ballot) -> list:
    """Points of an ordinal ballot's projects, in ballot order."""
    if "points" in ballot.meta:
        return [str_as_frac(x.strip()) for x in ballot.meta["points"].split(",")]
    max_length = instance.meta.get("max_length")
    top = int(max_length) if max_length is not None else len(ballot)
    return [top - position for position in range(len(ballot))]


def as_approval(profile) -> ApprovalProfile:
    return ApprovalProfile([ApprovalBallot(list(ballot)) for ballot in profile])


def as_cardinal(instance, profile) -> CardinalProfile:
    ballots = []
    for ballot in profile:
        cardinal = CardinalBallot()
        for project, points in zip(list(ballot), ordinal_points(instance, ballot)):
            cardinal[project] = points
        ballots.append(cardinal)
    return CardinalProfile(ballots)


def profile_and_sat(instance, profile, vote_type: str, utility: str):
    """The profile and satisfaction class pabutools needs for Tarazu's `utility`."""
    if vote_type == "ordinal":
        if utility == "points":
            return as_cardinal(instance, profile), Additive_Cardinal_Sat
        profile = as_approval(profile)
    if utility == "cost":
        return profile, Cost_Sat
    if utility == "cardinality":
        return profile, Cardinality_Sat
    if vote_type in ("approval", "choose-1"):
        raise ValueError("points utility needs cumulative, scoring or ordinal ballots")
    return profile, Additive_Cardinal_Sat


def _score_times_cost(instance, profile, ballot, project, precomputed_values):
    return ballot[project] * project.cost if project in ballot else 0


class ScoreTimesCostSat(AdditiveSatisfaction):
    """Points times cost: pabutools' greedy divides by cost, so it then orders by points,
    which is how cities run greedy on cumulative, scoring and ordinal ballots."""

    def __init__(self, instance, profile, ballot):
        AdditiveSatisfaction.__init__(self, instance, profile, ballot, _score_times_cost)


def greedy_profile_and_sat(instance, profile, vote_type: str):
    """Greedy as cities run it: by approvals (approval ballots) or by points (the rest)."""
    if vote_type in ("approval", "choose-1"):
        return profile, Cost_Sat
    if vote_type == "ordinal":
        profile = as_cardinal(instance, profile)
    return profile, ScoreTimesCostSat
