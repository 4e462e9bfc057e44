"""`tarazu import` hardening (issue 11): input that is not what it claims is an error, located as
file:row:column: reason, and nothing is written."""
import pathlib
import shutil
import sqlite3

import pytest

SAMPLE = pathlib.Path(__file__).resolve().parents[1] / "samples" / "tabriz"


@pytest.fixture
def tabriz(tmp_path):
    """A copy of the sample book, to damage."""
    folder = tmp_path / "tabriz"
    shutil.copytree(SAMPLE, folder)
    return folder


def books_in(db):
    if not db.exists():
        return []
    connection = sqlite3.connect(db)
    try:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return [row for row in connection.execute("SELECT * FROM books")] if "books" in tables else []
    finally:
        connection.close()


def assert_rejected(result, db):
    assert result.returncode == 1, result.stdout + result.stderr
    assert "NSCocoaErrorDomain" not in result.stderr and "could not be completed" not in result.stderr
    assert books_in(db) == []


def test_a_few_invalid_bytes_in_utf8_are_located_errors_not_windows_1256(tarazu, tabriz, tmp_path):
    path = tabriz / "budget_lines.csv"
    lines = path.read_bytes().split(b"\n")
    # Damage the department of rows 3 and 7: one stray byte each (as a bad copy-and-paste leaves).
    for row in (3, 7):
        cells = lines[row - 1].split(b",")
        cells[2] = cells[2][:6] + b"\xc8" + cells[2][6:]
        lines[row - 1] = b",".join(cells)
    path.write_bytes(b"\n".join(lines))
    db = tmp_path / "s.sqlite"
    result = tarazu("import", tabriz, "--db", db)
    assert_rejected(result, db)
    errors = result.stderr.strip().splitlines()
    assert errors[0].startswith("budget_lines.csv:3:department: invalid UTF-8 byte 0xC8")
    assert errors[1].startswith("budget_lines.csv:7:department: invalid UTF-8 byte 0xC8")
    stated = tarazu("import", tabriz, "--db", db, "--encoding", "utf-8")
    assert_rejected(stated, db)
    assert "budget_lines.csv:3:department: invalid UTF-8 byte 0xC8" in stated.stderr


def test_an_unknown_encoding_is_a_usage_error(tarazu, tabriz, tmp_path):
    result = tarazu("import", tabriz, "--db", tmp_path / "s.sqlite", "--encoding", "latin-9")
    assert result.returncode == 2
    assert "unknown encoding" in result.stderr


def test_a_windows_1256_book_imports_detected_or_stated(tarazu, tmp_path):
    book = tmp_path / "legacy"
    book.mkdir()
    (book / "regions.csv").write_bytes("region_code,name_fa,population\n1,منطقه يك,1000\n".encode("cp1256"))
    (book / "budget_lines.csv").write_bytes(
        ("year,line_id,department,region_code,function,economic_class,approved,realized\n"
         "1403,L1,معاونت عمراني,1,transport_traffic,capital,1000,900\n").encode("cp1256"))
    for extra in ([], ["--encoding", "windows-1256"]):
        db = tmp_path / f"s{len(extra)}.sqlite"
        result = tarazu("import", book, "--db", db, *extra)
        assert result.returncode == 0, result.stderr
        assert "1 budget lines" in result.stdout
        detected = "budget_lines.csv: warning: read as Windows-1256, since the file is not UTF-8" in result.stderr
        assert detected == (not extra)


def test_a_truncated_budget_table_is_an_error_at_the_cut_row(tarazu, tabriz, tmp_path):
    path = tabriz / "budget_lines.csv"
    data = path.read_bytes()
    cut = data[: data.rindex(b",", 0, len(data) - 30) - 3]  # in the middle of the last row's amounts
    path.write_bytes(cut)
    rows = cut.count(b"\n") + 1
    db = tmp_path / "s.sqlite"
    result = tarazu("import", tabriz, "--db", db)
    assert_rejected(result, db)
    assert f"budget_lines.csv:{rows}: the file ends in the middle of this row" in result.stderr


def test_a_header_only_budget_table_is_an_error(tarazu, tabriz, tmp_path):
    path = tabriz / "budget_lines.csv"
    path.write_bytes(path.read_bytes().split(b"\n")[0] + b"\n")
    db = tmp_path / "s.sqlite"
    result = tarazu("import", tabriz, "--db", db)
    assert_rejected(result, db)
    assert "budget_lines.csv:1: the budget_lines table has a header but no rows" in result.stderr


def test_an_invalid_governance_file_is_an_error_and_deep_nesting_does_not_crash(tarazu, tabriz, tmp_path):
    db = tmp_path / "s.sqlite"
    (tabriz / "governance.yaml").write_text("[" * 100_000, encoding="utf-8")
    deep = tarazu("import", tabriz, "--db", db)
    assert_rejected(deep, db)
    assert deep.stderr.startswith("governance.yaml:1:char ") and "not valid YAML" in deep.stderr
    (tabriz / "governance.yaml").write_text("source: x\nfacts:\n  council_dashboards: false\ncolour: blue\n", encoding="utf-8")
    unknown = tarazu("import", tabriz, "--db", db)
    assert_rejected(unknown, db)
    assert "governance.yaml:4:char 1: unknown key `colour`" in unknown.stderr


def test_side_files_that_are_not_utf8_are_errors(tarazu, tabriz, tmp_path):
    db = tmp_path / "s.sqlite"
    (tabriz / "governance.yaml").write_bytes("source: \"شورا\"\n".encode("cp1256"))
    result = tarazu("import", tabriz, "--db", db)
    assert_rejected(result, db)
    assert "governance.yaml:1:char 10: invalid UTF-8 byte" in result.stderr
    (tabriz / "governance.yaml").write_text("source: x\nfacts: {}\n", encoding="utf-8")
    geojson = tabriz / "regions.geojson"
    geojson.write_bytes(geojson.read_bytes().replace(b"region_code", b"region_code\xff", 1))
    mapped = tarazu("import", tabriz, "--db", db)
    assert_rejected(mapped, db)
    assert "regions.geojson:" in mapped.stderr and "invalid UTF-8 byte 0xFF" in mapped.stderr


def test_a_descriptor_syntax_error_has_its_line_and_column(tarazu, tabriz, tmp_path):
    descriptor = tabriz / "datapackage.json"
    text = descriptor.read_text(encoding="utf-8")
    descriptor.write_text(text.replace('"calendar" : "jalali",', '"calendar" : "jalali"', 1), encoding="utf-8")
    db = tmp_path / "s.sqlite"
    result = tarazu("import", tabriz, "--db", db)
    assert_rejected(result, db)
    assert result.stderr.strip() == "datapackage.json:4:char 3: the descriptor is not valid JSON: expected ',' or '}', found '\"'"


def test_a_300_character_book_name_is_refused_with_a_clear_message(tarazu, tabriz, tmp_path):
    db = tmp_path / "s.sqlite"
    result = tarazu("import", tabriz, "--db", db, "--name", "a" * 300)
    assert_rejected(result, db)
    assert "book name: " in result.stderr and "has 300 characters; a book name needs 1 to 64" in result.stderr
    ok = tarazu("import", tabriz, "--db", db, "--name", "a" * 64)
    assert ok.returncode == 0, ok.stderr
