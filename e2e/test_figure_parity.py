"""One figure, one value, one label on every surface (issue "One pipeline, one voice").

Two books in one store - the Tabriz sample and a generated city nobody tuned to - are read through
seven surfaces: `tarazu analyze --format json` (the source), `tarazu analyze --format text`, the Persian
and English Markdown reports, the API, the dashboard's indicator pages (Persian and English), the portal's
book page and the dashboard's overview (their headline figures). Every scalar indicator must print the
value the JSON holds, formatted here independently by the documented rules (a ratio as a percentage with
one decimal, an index with three, billions of rials with one, rials per person whole, Persian digits in
Persian), under the indicator's own name; and on each surface one label must always mean one value.
"""
import html
import json
import re
import urllib.parse
from decimal import ROUND_HALF_UP, Decimal

import pytest

from test_accounts import cookie, field, form, request
from live_server import add_user, serving

PASSWORD = "a sufficiently long password"
GENERATED = "parity-city"
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f"), None)


def fixed(value, places, fa, grouping=True):
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)  # half away from zero for both signs
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    if grouping:
        whole = f"{int(whole):,}"
    text = sign + whole + ("." + fraction if places else "")
    if fa:
        text = text.replace(",", "٬").replace(".", "٫").translate(PERSIAN_DIGITS)
    return text


def formatted(value, unit, fa, declared=False):
    """The value as every surface must print it, or None for a record or a list; a declared fact nobody
    declared is "not declared"."""
    if value is None and declared:
        return "اظهار نشده" if fa else "not declared"
    if value is None:
        return "در دسترس نیست" if fa else "not available"
    if isinstance(value, bool):
        return ("بله" if value else "خیر") if fa else ("yes" if value else "no")
    if isinstance(value, (dict, list)):
        return None
    if isinstance(value, str):
        return value
    if unit == "ratio":
        return fixed(Decimal(str(value)) * 100, 1, fa) + ("٪" if fa else " %")
    if unit == "rials":
        return fixed(Decimal(value) / Decimal(10**9), 1, fa) + (" میلیارد ریال" if fa else " billion rials")
    if unit == "rials_per_person":
        if abs(Decimal(str(value))) < 10**6:
            return fixed(value, 0, fa) + (" ریال به ازای هر نفر" if fa else " rials per person")
        return fixed(Decimal(str(value)) / Decimal(10**6), 1, fa) + (" میلیون ریال به ازای هر نفر" if fa else " million rials per person")
    if unit == "times":
        return fixed(value, 1, fa) + (" برابر" if fa else " times")
    if unit in COUNTED:
        noun_fa, one_en, many_en = COUNTED[unit]
        return fixed(value, 0, fa) + " " + (noun_fa if fa else (one_en if value == 1 else many_en))
    if isinstance(value, int):
        return fixed(value, 0, fa)
    return fixed(value, 3, fa)


# Units that name what they count (the number is followed by the noun).
COUNTED = {"regions": ("منطقه", "region", "regions"), "functions": ("مأموریت", "function", "functions"),
           "lines": ("ردیف", "line", "lines"), "rows": ("ردیف", "row", "rows"), "entries": ("مورد", "entry", "entries"), "systems": ("سامانه", "system", "systems"),
           "years": ("سال", "year", "years")}


def spread(entry, fa):
    """The lowest and highest figures of a breakdown by dimension (a number per key, or a record's total),
    as the report writes them after the total: None for another indicator."""
    numbers = []
    for value in entry["breakdown"].values():
        if isinstance(value, dict):
            value = value.get("total")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            numbers.append(value)
    if ".by_" not in entry.get("id", "") or len(numbers) < 2:
        return None
    return formatted(min(numbers), entry["unit"], fa), formatted(max(numbers), entry["unit"], fa)


def clean(text):
    return html.unescape(text).translate(ISOLATES).strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory, tarazu):
    folder = tmp_path_factory.mktemp("parity")
    db = folder / "parity.sqlite"
    assert tarazu("demo", "--db", db, "--reports", folder / "reports").returncode == 0
    generated = folder / GENERATED
    made = tarazu("sample", "--out", generated, "--lines", "3000", "--seed", "11")
    assert made.returncode == 0, made.stderr
    imported = tarazu("import", generated, "--db", db, "--name", GENERATED)
    assert imported.returncode == 0, imported.stderr
    add_user(db, "maryam", "council", PASSWORD)
    with serving(db, folder) as base:
        yield sign_in(base, db)


def sign_in(base, db):
    """The site with a signed-in council member's cookie."""
    status, headers, page = request(base + "/login")
    csrf, _ = cookie(headers, "tarazu_csrf")
    status, headers, _ = request(base + "/login", form({"csrf_token": field(page, "csrf_token"), "username": "maryam", "password": PASSWORD}),
                                 {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"tarazu_csrf={csrf}"})
    assert status == 303, status
    session, _ = cookie(headers, "tarazu_session")
    return {"base": base, "db": db, "signed_in": {"Cookie": f"tarazu_session={session}"}}


class Surface:
    """What one surface printed: (label, value) per indicator id, and whether each label means one value."""

    def __init__(self, name):
        self.name = name
        self.shown = {}

    def add(self, indicator_id, label, value):
        self.shown[indicator_id] = (clean(label), clean(value))

    def one_label_one_value(self):
        values = {}
        for label, value in self.shown.values():
            values.setdefault(label, set()).add(value)
        return {label: found for label, found in values.items() if len(found) > 1}


def cli(tarazu, db, book, *args):
    result = tarazu(*args, db, "--book", book)
    assert result.returncode == 0, result.stderr
    return result.stdout


def report_rows(markdown):
    """Indicator id -> (name, value) from the report's indicator table (| name | `id` | value | unit | basis |)."""
    rows = {}
    for line in markdown.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.fullmatch(r"`[a-z0-9_.]+`", cells[1]):
            rows.setdefault(cells[1].strip("`"), (cells[0], cells[2]))
    return rows


def headline_pairs(page):
    """(label, value) of the headline figures: <dt>label</dt><dd class="figure"><bdi>value</bdi></dd>, the value
    of a share of all sources followed by its figure without borrowing in <small>."""
    return re.findall(r'<dt>([^<]*)</dt><dd class="figure"><bdi>([^<]*)</bdi>(?:<small>[^<]*</small>)?</dd>', page)


@pytest.mark.parametrize("book", ["tabriz", GENERATED])
def test_every_surface_shows_the_indicator_value_under_its_name(site, tarazu, book):
    db, base = site["db"], site["base"]
    source = json.loads(cli(tarazu, db, book, "analyze", "--format", "json"))
    indicators = source["indicators"]
    scalar = {key: entry for key, entry in indicators.items() if formatted(entry["value"], entry["unit"], False) is not None}
    assert len(scalar) >= 30, f"only {len(scalar)} scalar indicators"
    surfaces = []
    problems = []

    def expect(surface, indicator_id, label, value, fa):
        entry = indicators[indicator_id]
        want_label = entry["name_fa"] if fa else entry["name_en"]
        want_value = formatted(entry["value"], entry["unit"], fa, entry.get("basis") == "declared")
        surface.add(indicator_id, label, value)
        got_label, got_value = surface.shown[indicator_id]
        if got_label != want_label or got_value != want_value:
            problems.append(f"{surface.name} {indicator_id}: shows {got_label!r} = {got_value!r}, "
                            f"the indicator is {want_label!r} = {want_value!r}")

    # The API holds exactly the command line's indicators.
    status, _, body = request(f"{base}/api/v1/books/{book}/indicators")
    assert status == 200
    assert json.loads(body)["indicators"] == indicators

    text = Surface("analyze --format text")
    lines = {line.split()[0]: line for line in cli(tarazu, db, book, "analyze").splitlines() if line[:1].isalpha() and " " in line}
    for indicator_id, entry in scalar.items():
        line = lines.get(indicator_id, "")
        match = re.match(r"\S+\s+(.*?)  (.*)  \[[^\]]*\]$", line)
        # As in the report: a breakdown by dimension is its total, then its spread; a share of all sources
        # its figure, then the same without borrowing.
        shown = (match.group(1) if match else "").partition("; ")[0].removesuffix(" in all")
        expect(text, indicator_id, match.group(2) if match else "", shown, False)
    surfaces.append(text)

    for language in ("fa", "en"):
        # Dated today, as the served surfaces are: timeliness and deadlines count from the date.
        markdown = cli(tarazu, db, book, "report", "--lang", language, "--format", "md", "--date", "today")
        rows = report_rows(markdown)
        surface = Surface(f"report ({language})")
        for indicator_id in scalar:
            label, value = rows.get(indicator_id, ("", ""))
            # A breakdown by dimension shows its total, then its lowest and highest entries; a share of
            # all sources its figure without borrowing.
            total, _, rest = value.partition("؛ " if language == "fa" else "; ")
            total = total.removesuffix(" در کل" if language == "fa" else " in all")
            without = indicators[indicator_id]["breakdown"].get("realized_without_borrowing")
            if without is not None and indicators[indicator_id]["unit"] == "ratio":
                want = ("بدون استقراض: " if language == "fa" else "borrowing left out: ") + formatted(without, "ratio", language == "fa")
                if rest != want:
                    problems.append(f"{surface.name} {indicator_id}: {rest!r} instead of {want!r}")
                rest = ""
            extremes = spread(dict(indicators[indicator_id], id=indicator_id), language == "fa")
            if extremes:
                low, high = extremes
                if not (rest.startswith(("از " if language == "fa" else "from ") + low) and high in rest):
                    problems.append(f"{surface.name} {indicator_id}: the spread {rest!r} is not from {low} to {high}")
            elif rest:
                problems.append(f"{surface.name} {indicator_id}: {value!r} has a spread but is no breakdown by dimension")
            expect(surface, indicator_id, label, total, language == "fa")
        surfaces.append(surface)

        pages = Surface(f"dashboard indicator pages ({language})")
        for indicator_id in scalar:
            status, _, page = request(f"{base}/dashboard/{book}/indicators/{urllib.parse.quote(indicator_id)}?lang={language}",
                                      headers=site["signed_in"])
            assert status == 200, (indicator_id, status)
            title = re.search(r"<h1>([^<]*)</h1>", page)
            value = re.search(r'<p class="note">(?:مقدار|Value): ([^<]*)</p>', page)
            expect(pages, indicator_id, title.group(1) if title else "", value.group(1) if value else "", language == "fa")
        surfaces.append(pages)

        for name, url, headers in (("portal", f"{base}/books/{book}?lang={language}", {}),
                                   ("dashboard overview", f"{base}/dashboard/{book}?lang={language}", site["signed_in"])):
            status, _, page = request(url, headers=headers)
            assert status == 200, (url, status)
            surface = Surface(f"{name} ({language})")
            by_label = {entry["name_fa" if language == "fa" else "name_en"]: key for key, entry in indicators.items()}
            pairs = headline_pairs(page)
            assert len(pairs) >= 8, f"{name}: {len(pairs)} headline figures"
            for label, value in pairs:
                indicator_id = by_label.get(clean(label))
                if indicator_id is None:
                    problems.append(f"{surface.name}: the label {clean(label)!r} is no indicator's name")
                    continue
                expect(surface, indicator_id, label, value, language == "fa")
            surfaces.append(surface)

    assert len(surfaces) >= 5
    assert sum(len(surface.shown) for surface in surfaces) >= 30 * 5
    for surface in surfaces:
        for label, values in surface.one_label_one_value().items():
            problems.append(f"{surface.name}: {label!r} shows {sorted(values)}")
    checked = sum(len(surface.shown) for surface in surfaces)
    assert not problems, f"{len(problems)} of {checked} figures disagree:\n" + "\n".join(problems[:40])
