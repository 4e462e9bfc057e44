"""`tarazu risk` on a book it has not seen: projects given known overruns and slips must rank at the
top with the right main reason, whatever else the book holds."""
import csv
import json

import pytest


def write_rows(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def planted_book(tmp_path_factory, tarazu):
    folder = tmp_path_factory.mktemp("risk") / "book"
    result = tarazu("sample", "--out", folder, "--lines", 3000, "--seed", 77)
    assert result.returncode == 0, result.stderr
    with open(folder / "projects.csv", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header, projects = reader.fieldnames, list(reader)
    by_id = {row["project_id"]: row for row in projects}
    candidates = sorted(by_id)
    overrun, late, spent = candidates[3], candidates[11], candidates[19]
    # A cost estimate four times the plan: far beyond any reference class's upper bound.
    row = by_id[overrun]
    row["current_cost_estimate"] = str(int(row["planned_cost"]) * 4)
    # Five years past its planned end at 10 % progress.
    row = by_id[late]
    row["start_year"], row["planned_end_year"], row["physical_progress"], row["status"] = "1395", "1398", "10", "delayed"
    row["current_cost_estimate"] = row["planned_cost"]
    write_rows(folder / "projects.csv", header, projects)
    return folder, {"overrun": overrun, "late": late}


def test_planted_problems_rank_at_the_top_with_their_reasons(tarazu, planted_book):
    folder, planted = planted_book
    result = tarazu("risk", folder, "--format", "json")
    assert result.returncode == 0, result.stderr
    projects = json.loads(result.stdout)["projects"]
    ranks = {project["project_id"]: project for project in projects}
    # The generated book already holds dozens of projects with planted overruns, slips and cuts (several
    # at once on some, which rightly ranks them higher); the two made far worse must be in its top 5 %.
    top_share = max(3, len(projects) // 20)
    for name in ("overrun", "late"):
        assert ranks[planted[name]]["rank"] <= top_share, (name, ranks[planted[name]]["rank"], len(projects))
    assert ranks[planted["overrun"]]["main_factor"] == "cost_overrun"
    assert ranks[planted["late"]]["main_factor"] == "schedule_slip"
    overrun_reason = next(r for r in ranks[planted["overrun"]]["reasons"] if r["factor"] == "cost_overrun")
    assert "300" in overrun_reason["text_en"], overrun_reason["text_en"]
    late_reason = next(r for r in ranks[planted["late"]]["reasons"] if r["factor"] == "schedule_slip")
    assert "past the planned end (1398)" in late_reason["text_en"], late_reason["text_en"]
    # Every score is in range and the ranking is by score.
    scores = [project["score"] for project in projects]
    assert all(0 <= score <= 100 for score in scores)
    assert scores == sorted(scores, reverse=True)


def test_final_cost_estimates_are_ordered(tarazu, planted_book):
    folder, planted = planted_book
    projects = json.loads(tarazu("risk", folder, "--format", "json").stdout)["projects"]
    for project in projects:
        estimate = project.get("estimate")
        if estimate:
            assert estimate["p50"] <= estimate["p80"], project["project_id"]
            assert estimate["base"] <= estimate["p50"], project["project_id"]


def test_a_project_that_spent_far_beyond_its_estimate_is_left_out_as_a_likely_data_error(tarazu, tmp_path):
    folder = tmp_path / "book"
    result = tarazu("sample", "--out", folder, "--lines", 2000, "--seed", 78)
    assert result.returncode == 0, result.stderr
    with open(folder / "budget_lines.csv", encoding="utf-8") as handle:
        lines = list(csv.DictReader(handle))
    latest = max(int(row["year"]) for row in lines if row["realized"])
    spent = {}
    for row in lines:
        if row["project_id"] and row["realized"] and int(row["year"]) <= latest:
            spent[row["project_id"]] = spent.get(row["project_id"], 0) + int(row["realized"])
    with open(folder / "projects.csv", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header, projects = reader.fieldnames, list(reader)
    # The project with the most spending gets a current estimate of a third of it: 300 % spent.
    target = max((row for row in projects if spent.get(row["project_id"], 0) > 3), key=lambda row: spent[row["project_id"]])
    pid = target["project_id"]
    target["current_cost_estimate"] = str(spent[pid] // 3)
    write_rows(folder / "projects.csv", header, projects)

    risk = json.loads(tarazu("risk", folder, "--format", "json").stdout)
    assert pid not in {project["project_id"] for project in risk["projects"]}
    left = {project["project_id"]: project for project in risk["left_out"]}
    error = next(e for e in left[pid]["errors"] if e["check"] == "spent_above_estimate")
    assert error["table"] == "projects" and error["row"] == pid
    assert error["value"] > 2.9 and error["limit"] == 1.5
    text = tarazu("risk", folder).stdout
    assert "left out as likely data errors" in text and pid in text

    analysis = json.loads(tarazu("analyze", folder, "--format", "json").stdout)
    rows = [(e["table"], e["row"], e["check"]) for e in analysis["likely_data_errors"]]
    assert ("projects", pid, "spent_above_estimate") in rows
    # The figures are exact: whole rials (the book is in million rials).
    flagged = next(e for e in analysis["likely_data_errors"] if e["row"] == pid and e["check"] == "spent_above_estimate")
    assert flagged["figures"]["spent"] == spent[pid] * 1_000_000
    assert flagged["figures"]["current_cost_estimate"] == (spent[pid] // 3) * 1_000_000
