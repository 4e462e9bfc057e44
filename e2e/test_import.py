"""`tarazu import`: all or nothing, with located errors; the store is unchanged on bad input."""
import hashlib
import shutil
import sqlite3

import openpyxl
import pytest

HEADER = ["year", "line_id", "department", "region_code", "function", "economic_class", "approved", "revised", "realized"]


def store_snapshot(db):
    """Every row of every table of an SQLite store, to compare before and after."""
    connection = sqlite3.connect(db)
    try:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: sorted(map(repr, connection.execute(f'SELECT * FROM "{table}"'))) for table in tables}
    finally:
        connection.close()


def write_book(folder, bad_row=None):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "regions.csv").write_text("region_code,name_fa,population\n1,منطقه ۱,1000\n2,منطقه ۲,500\n", encoding="utf-8")
    rows = [
        ["1403", "L1", "معاونت عمرانی", "1", "transport_traffic", "capital", "1000", "", "900"],
        ["1403", "L2", "معاونت خدمات شهری", "2", "urban_services_environment", "current", "500", "550", "480"],
        ["1403", "L3", "ستاد", "0", "management_development", "current", "250", "", "240"],
    ]
    if bad_row is not None:
        rows[bad_row][6] = "12,3x4"
    lines = [",".join(HEADER)] + [",".join(f'"{cell}"' if "," in cell else cell for cell in row) for row in rows]
    (folder / "budget_lines.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return rows


def test_good_book_imports_and_reimport_is_recorded(tarazu, tmp_path):
    book = tmp_path / "town"
    write_book(book)
    db = tmp_path / "s.sqlite"
    first = tarazu("import", book, "--db", db)
    assert first.returncode == 0, first.stderr
    assert "3 budget lines" in first.stdout
    (book / "budget_lines.csv").write_text((book / "budget_lines.csv").read_text().replace("1000", "1100"), encoding="utf-8")
    second = tarazu("import", book, "--db", db)
    assert second.returncode == 0, second.stderr
    history = tarazu("history", "--db", db)
    assert history.returncode == 0
    assert len(history.stdout.strip().splitlines()) == 2
    total = tarazu("aggregate", db, "--measure", "approved")
    assert total.stdout.splitlines() == ["approved", str(1100 + 500 + 250)]


def test_malformed_amount_in_csv_exits_1_and_changes_nothing(tarazu, tmp_path):
    db = tmp_path / "s.sqlite"
    good = tmp_path / "good"
    write_book(good)
    assert tarazu("import", good, "--db", db).returncode == 0
    before = store_snapshot(db)
    bad = tmp_path / "bad"
    write_book(bad, bad_row=1)
    result = tarazu("import", bad, "--db", db, "--name", "good")
    assert result.returncode == 1
    # row 3 of the file: header is row 1, the second data row is row 3
    assert 'budget_lines.csv:3:approved: malformed amount: "12,3x4" is not a number' in result.stderr
    assert store_snapshot(db) == before


def test_malformed_amount_in_xlsx_exits_1_and_changes_nothing(tarazu, tmp_path):
    db = tmp_path / "s.sqlite"
    good = tmp_path / "good"
    rows = write_book(good)
    assert tarazu("import", good, "--db", db, "--name", "book").returncode == 0
    before = store_snapshot(db)
    workbook = openpyxl.Workbook()
    regions = workbook.active
    regions.title = "regions"
    regions.append(["region_code", "name_fa", "population"])
    regions.append([1, "منطقه ۱", 1000])
    regions.append([2, "منطقه ۲", 500])
    lines = workbook.create_sheet("budget_lines")
    lines.append(HEADER)
    for index, row in enumerate(rows):
        cells = [int(cell) if cell.isdigit() else cell for cell in row]
        if index == 2:
            cells[6] = "2.5.0"
        lines.append(cells)
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    result = tarazu("import", path, "--db", db)
    assert result.returncode == 1
    assert "book.xlsx" in result.stderr and "budget_lines" in result.stderr
    assert ':4:approved: malformed amount: "2.5.0" is not a number' in result.stderr
    assert store_snapshot(db) == before


def test_real_spreadsheet_book_imports(tarazu, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "budget_lines"
    sheet.append(HEADER)
    sheet.append([1403, "L1", "ستاد", 0, "safety_crisis", "current", 350000000000000000, None, 1.5e17])
    path = tmp_path / "exact.xlsx"
    workbook.save(path)
    db = tmp_path / "s.sqlite"
    result = tarazu("import", path, "--db", db)
    assert result.returncode == 0, result.stderr
    total = tarazu("aggregate", db, "--measure", "realized")
    assert total.stdout.splitlines()[1] == "150000000000000000"


def test_unknown_codes_and_duplicates_are_all_reported(tarazu, tmp_path):
    book = tmp_path / "bad"
    write_book(book)
    text = (book / "budget_lines.csv").read_text()
    text = text.replace("L3,ستاد,0", "L1,ستاد,9").replace("transport_traffic", "defence")
    (book / "budget_lines.csv").write_text(text, encoding="utf-8")
    result = tarazu("import", book, "--db", tmp_path / "s.sqlite")
    assert result.returncode == 1
    assert "budget_lines.csv:2:function: unknown function \"defence\"" in result.stderr
    assert "budget_lines.csv:4:region_code: unknown region code \"9\"" in result.stderr
    assert "budget_lines.csv:4:line_id: duplicate line id" in result.stderr


def test_both_fiscal_data_packages_import(tarazu, shared, tmp_path):
    db = tmp_path / "s.sqlite"
    for package in ["openspending-macedonia", "au-budget"]:
        result = tarazu("import", shared / "data/fdp" / package, "--db", db)
        assert result.returncode == 0, result.stderr
    books = tarazu("books", "--db", db)
    assert "central-budget-of-macedonia" in books.stdout and "au-budget" in books.stdout
