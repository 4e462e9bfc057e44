"""`tarazu aggregate` against independent computations with Python's csv and decimal modules."""
import csv
import io
import json
from collections import defaultdict
from decimal import Decimal, InvalidOperation

import pytest


def read_csv(path, delimiter):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=delimiter))
    return [row for row in rows if any((value or "").strip() for value in row.values())]


def amount(text):
    try:
        return Decimal(text.strip())
    except (InvalidOperation, AttributeError):
        return None  # not-available marks such as "nfp"


def group_sums(rows, keys, measure, where=lambda row: True):
    sums = defaultdict(Decimal)
    for row in rows:
        if not where(row):
            continue
        value = amount(row[measure])
        sums[tuple(row[key].strip() for key in keys)] += value or Decimal(0)
    return sums


def parse_output(stdout):
    reader = csv.reader(io.StringIO(stdout))
    header = next(reader)
    return header, {tuple(row[:-1]): Decimal(row[-1]) for row in reader}


def test_macedonia_by_section_matches_independent_sums(tarazu, shared):
    package = shared / "data/fdp/openspending-macedonia"
    rows = read_csv(package / "MFBudzetIRebalansNaRMmk-MK.csv", ";")
    expected = group_sums(rows, ["Број раздел"], "Буџет")
    result = tarazu("aggregate", package / "datapackage.json", "--measure", "amount", "--drilldown", "section.code")
    assert result.returncode == 0, result.stderr
    header, got = parse_output(result.stdout)
    assert header == ["section.code", "amount"]
    assert got == expected


def test_macedonia_two_levels_with_a_cut(tarazu, shared):
    package = shared / "data/fdp/openspending-macedonia"
    rows = read_csv(package / "MFBudzetIRebalansNaRMmk-MK.csv", ";")
    when = "2015-01-01T00:00:00"
    expected = group_sums(rows, ["Категорија", "Назив категорија"], "Буџет", where=lambda r: r["Датум на објавување"] == when)
    result = tarazu("aggregate", package, "--measure", "amount", "--drilldown", "category.category-code|category.category-title",
                    "--cut", f"date.date:{when}")
    assert result.returncode == 0, result.stderr
    header, got = parse_output(result.stdout)
    assert header == ["category.category-code", "category.category-title", "amount"]
    assert got == expected


def test_australian_budget_by_portfolio_skips_not_for_publication(tarazu, shared):
    package = shared / "data/fdp/au-budget"
    rows = read_csv(package / "data/201505181230budget1516.csv", ",")
    assert any(row["2015-16"] == "nfp" for row in rows)
    expected = group_sums(rows, ["Portfolio"], "2015-16")
    result = tarazu("aggregate", package, "--measure", "2015-16", "--drilldown", "portfolio")
    assert result.returncode == 0, result.stderr
    header, got = parse_output(result.stdout)
    assert header == ["portfolio.portfolio", "2015-16"]
    assert got == expected


def test_json_format_has_exact_totals(tarazu, shared):
    package = shared / "data/fdp/au-budget"
    rows = read_csv(package / "data/201505181230budget1516.csv", ",")
    expected = sum((amount(row["2016-17"]) or Decimal(0)) for row in rows)
    result = tarazu("aggregate", package, "--measure", "2016-17", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout, parse_float=Decimal, parse_int=Decimal)
    assert document["total"] == expected
    assert document["fact_count"] == len(rows)


def test_store_gives_the_same_answer_as_the_package(tarazu, shared, tmp_path):
    db = tmp_path / "store.sqlite"
    for package in ["openspending-macedonia", "au-budget"]:
        imported = tarazu("import", shared / "data/fdp" / package, "--db", db)
        assert imported.returncode == 0, imported.stderr
    from_path = tarazu("aggregate", shared / "data/fdp/au-budget", "--measure", "2014-15", "--drilldown", "Department/Agency")
    from_store = tarazu("aggregate", f"sqlite://{db}", "--book", "au-budget", "--measure", "2014-15", "--drilldown", "Department/Agency")
    assert from_path.returncode == 0 and from_store.returncode == 0, from_store.stderr
    assert from_path.stdout == from_store.stdout


def test_postgres_store_gives_the_same_answer(tarazu, shared, postgres_url):
    package = shared / "data/fdp/openspending-macedonia"
    imported = tarazu("import", package, "--db", postgres_url)
    assert imported.returncode == 0, imported.stderr
    from_path = tarazu("aggregate", package, "--measure", "amount", "--drilldown", "account")
    from_store = tarazu("aggregate", postgres_url, "--book", "central-budget-of-macedonia", "--measure", "amount", "--drilldown", "account")
    assert from_store.returncode == 0, from_store.stderr
    assert from_path.stdout == from_store.stdout


@pytest.mark.parametrize("args", [
    ["--measure", "nope"],
    ["--measure", "amount", "--drilldown", "colour"],
])
def test_queries_that_do_not_fit_exit_1(tarazu, shared, args):
    result = tarazu("aggregate", shared / "data/fdp/openspending-macedonia", *args)
    assert result.returncode == 1
    assert "unknown" in result.stderr


def test_usage_errors_exit_2(tarazu, shared):
    missing_measure = tarazu("aggregate", shared / "data/fdp/openspending-macedonia")
    assert missing_measure.returncode == 2
    bad_format = tarazu("aggregate", shared / "data/fdp/au-budget", "--measure", "2014-15", "--format", "xml")
    assert bad_format.returncode == 2
