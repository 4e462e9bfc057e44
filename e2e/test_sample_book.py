"""The sample book and generated books: valid Fiscal Data Packages, and what `import` stores is what the files say."""
import csv
import json
import subprocess
import sys

from conftest import REPO

UNIT = {"rial": 1, "thousand_rial": 1_000, "million_rial": 1_000_000, "billion_rial": 1_000_000_000, "toman": 10}


def validate(descriptor):
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", str(descriptor)], capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout)
    assert report["valid"], json.dumps(report, ensure_ascii=False)[:2000]


def test_committed_sample_is_a_valid_data_package():
    validate(REPO / "samples/tabriz/datapackage.json")


def test_generated_book_is_valid_and_imports_exactly(tarazu, tmp_path):
    out = tmp_path / "books"
    made = tarazu("sample", "--out", out, "--lines", 10000, "--cities", 2, "--seed", 7)
    assert made.returncode == 0, made.stderr
    folders = sorted(path for path in out.iterdir() if path.is_dir())
    assert len(folders) == 2
    db = tmp_path / "s.sqlite"
    for folder in folders:
        validate(folder / "datapackage.json")
        result = tarazu("import", folder, "--db", db)
        assert result.returncode == 0, result.stderr
    folder = folders[1]
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    factor = UNIT[descriptor.get("amount_unit", "rial")]
    with open(folder / "budget_lines.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = {}
    for row in rows:
        if row["realized"]:
            expected[row["year"]] = expected.get(row["year"], 0) + int(row["realized"]) * factor
    got = tarazu("aggregate", db, "--book", descriptor["name"], "--measure", "realized", "--drilldown", "year")
    assert got.returncode == 0, got.stderr
    lines = got.stdout.strip().splitlines()
    assert lines[0] == "year.year,realized"
    assert {line.split(",")[0]: int(line.split(",")[1]) for line in lines[1:]} == expected


def test_demo_writes_the_sample_city_into_the_default_store(tarazu, tmp_path):
    result = tarazu("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "tarazu.sqlite").exists()
    assert "illustrative" in result.stdout
    books = tarazu("books", cwd=tmp_path)
    assert books.stdout.startswith("tabriz\t")
