"""The HTML report renders right-to-left in Persian and left-to-right in English, checked in headless Chromium.

`scripts/report-screenshot` renders the page twice: once with an injected probe script that dumps the
layout (computed direction, block boxes and the per-line boxes of each element's text) and once as a
plain screenshot. The evidence of direction is then threefold and each part is checked on its own:

* layout: the computed `direction` of <html>;
* geometry: the lines of headings, paragraphs and list items hug the start edge of their box
  (the right edge in Persian) while their other end is ragged, and across the page the start edges of
  heading and paragraph lines cluster far more than their end edges;
* pixels: in the screenshot, per row band of ink, the start-most ink column (rightmost in Persian) sits
  on a common content edge far more consistently than the end-most one.

`test_rtl_checker_on_standin_pages` proves the checker on hand-written pages (a Persian RTL page must
pass; the same page without dir="rtl", and one with dir="rtl" but forced left alignment, must fail;
an English page passes as LTR and fails as RTL), so the checker is tested without `tarazu report`.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess

import pytest

from conftest import REPO

SCRIPT = REPO / "scripts" / "report-screenshot"
BOOK = REPO / "samples" / "tabriz"
WIDTH = 1200
# Lines judged for hugging the start edge of their box; table cells are not (numbers may rightly be
# aligned to the end of a cell), they only show up in the metrics.
TEXT_TAGS = {"h1", "h2", "h3", "p", "li"}
# Lines whose page-level start edges must cluster (list items are indented, so they are left out).
BLOCK_TAGS = {"h1", "h2", "h3", "p"}


# -- the browser ---------------------------------------------------------------------------------

def find_chromium():
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit if shutil.which(explicit) else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    return None


@pytest.fixture(scope="module")
def chromium():
    browser = find_chromium()
    if browser is None:
        message = "chromium is not installed (apt-get install -y chromium fonts-noto-core)"
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(message + ": CI is set, so the RTL rendering check must run")
        pytest.skip(message)
    return browser


def render(html, out_dir, width=WIDTH, height=None):
    """Screenshot and layout of `html` via scripts/report-screenshot: (png path, layout dict).
    `height` limits the screenshot to the top of the page (the layout always covers all of it)."""
    png = out_dir / (html.stem + ".png")
    layout = out_dir / (html.stem + ".layout.json")
    command = [str(SCRIPT), str(html), str(png), "--width", str(width), "--layout", str(layout)]
    if height:
        command += ["--height", str(height)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"report-screenshot failed ({result.returncode}): {result.stderr}"
    return png, json.loads(layout.read_text(encoding="utf-8"))


# -- the checker ---------------------------------------------------------------------------------

def merge_lines(rects):
    """Client rects of an element's text (one per inline fragment or bidi run) -> one (left, right) per line."""
    lines = []
    for rect in sorted(rects, key=lambda r: (r["top"], r["left"])):
        height = rect["bottom"] - rect["top"]
        for line in lines:
            overlap = min(line["bottom"], rect["bottom"]) - max(line["top"], rect["top"])
            if overlap > 0.5 * min(height, line["bottom"] - line["top"]):
                line.update(left=min(line["left"], rect["left"]), right=max(line["right"], rect["right"]),
                            top=min(line["top"], rect["top"]), bottom=max(line["bottom"], rect["bottom"]))
                break
        else:
            lines.append(dict(rect))
    return [(line["left"], line["right"]) for line in lines]


def largest_cluster(values, tolerance):
    """The largest fraction of `values` lying within +-tolerance of one of them."""
    if not values:
        return 0.0
    ordered = sorted(values)
    best, low = 0, 0
    for high, value in enumerate(ordered):
        while value - ordered[low] > 2 * tolerance:
            low += 1
        best = max(best, high - low + 1)
    return best / len(values)


def layout_problems(layout, expect, tolerance=2.0):
    """Problems with the direction and the line geometry of a dumped layout; (problems, metrics)."""
    problems, metrics = [], {}
    if layout["direction"] != expect:
        problems.append(f"computed direction of <html> is {layout['direction']!r}, expected {expect!r}")
    start_only = end_only = neither = full = 0
    starts, ends = [], []
    cells = 0
    for element in layout["elements"]:
        if element["tag"] == "td":
            cells += 1
        if element["tag"] not in TEXT_TAGS:
            continue
        box, padding, border = element["box"], element["padding"], element["border"]
        content_left = box["left"] + border["left"] + padding["left"]
        content_right = box["right"] - border["right"] - padding["right"]
        if content_right - content_left < 40:
            continue
        for left, right in merge_lines(element["lines"]):
            hug_left, hug_right = left - content_left <= tolerance, content_right - right <= tolerance
            hug_start, hug_end = (hug_right, hug_left) if expect == "rtl" else (hug_left, hug_right)
            if hug_start and hug_end:
                full += 1
            elif hug_start:
                start_only += 1
            elif hug_end:
                end_only += 1
            else:
                neither += 1
            if element["tag"] in BLOCK_TAGS:
                starts.append(right if expect == "rtl" else left)
                ends.append(left if expect == "rtl" else right)
    evidence = start_only + end_only + neither
    metrics.update(full_lines=full, start_only=start_only, end_only=end_only, neither=neither, cells=cells)
    if evidence < 3:
        problems.append(f"too few ragged text lines to judge the direction ({evidence}; {full} full lines)")
    elif start_only / evidence < 0.8:
        problems.append(f"only {start_only} of {evidence} ragged text lines hug the {expect} start edge of their box "
                        f"({end_only} hug the other edge, {neither} neither)")
    start_cluster, end_cluster = largest_cluster(starts, 3), largest_cluster(ends, 3)
    metrics.update(start_edge_cluster=round(start_cluster, 3), end_edge_cluster=round(end_cluster, 3))
    if starts and not (start_cluster >= 0.6 and start_cluster >= end_cluster + 0.15):
        problems.append(f"start edges of heading/paragraph lines do not cluster: {start_cluster:.2f} of lines share "
                        f"the start edge vs {end_cluster:.2f} the end edge")
    return problems, metrics


def ink_bands(png):
    """Row bands of the screenshot holding ink (pixels unlike the background): [(top, bottom, left, right)]."""
    from PIL import Image

    image = Image.open(png).convert("L")
    width, height = image.size
    histogram = image.histogram()
    background = max(range(256), key=histogram.__getitem__)
    mask = image.point(lambda v: 255 if abs(v - background) > 64 else 0)
    rows = []
    for y in range(height):
        box = mask.crop((0, y, width, y + 1)).getbbox()
        rows.append((box[0], box[2] - 1) if box else None)
    bands, current, gap = [], None, 0
    for y, row in enumerate(rows):
        if row is None:
            gap += 1
            if current and gap > 2:
                bands.append(current)
                current = None
            continue
        gap = 0
        if current is None:
            current = [y, y, row[0], row[1]]
        else:
            current[1], current[2], current[3] = y, min(current[2], row[0]), max(current[3], row[1])
    if current:
        bands.append(current)
    ink = sum(1 for row in rows if row)
    return [tuple(band) for band in bands if band[1] - band[0] >= 3], image.size, background, ink


def pixel_problems(png, expect, tolerance=6):
    """Problems with the screenshot: blank or trivial, or its ink not hugging the expected side; (problems, metrics)."""
    problems = []
    size_bytes = pathlib.Path(png).stat().st_size
    bands, (width, height), background, ink_rows = ink_bands(png)
    metrics = dict(png_bytes=size_bytes, png_size=(width, height), background=background, bands=len(bands))
    if width < 600 or height < 200 or size_bytes < 5000:
        problems.append(f"screenshot is trivial: {width}x{height}, {size_bytes} bytes")
    if len(bands) < 5 or ink_rows < 50:
        problems.append(f"screenshot is (nearly) blank: {len(bands)} ink bands, {ink_rows} rows with ink")
        return problems, metrics
    lefts, rights = [band[2] for band in bands], [band[3] for band in bands]
    starts, ends = (rights, lefts) if expect == "rtl" else (lefts, rights)
    start_cluster, end_cluster = largest_cluster(starts, tolerance), largest_cluster(ends, tolerance)
    metrics.update(start_ink_cluster=round(start_cluster, 3), end_ink_cluster=round(end_cluster, 3))
    side = "rightmost" if expect == "rtl" else "leftmost"
    # A page of prose, headings and indented lists: the start edge is shared by at least 1.5 times as many
    # row bands as the end edge (a real report: 0.33-0.45 against 0.1-0.18, the start edge lower and the end
    # edge higher when its findings are long sentences that wrap in indented lists; a mirrored page: 0.1
    # against 0.8, a ratio of 0.125).
    if not (start_cluster >= 0.3 and start_cluster >= 1.5 * end_cluster):
        problems.append(f"the {side} ink of text rows does not sit on a common edge: {start_cluster:.2f} of {len(bands)} "
                        f"row bands share it vs {end_cluster:.2f} on the other side")
    return problems, metrics


def direction_problems(html, expect, out_dir, rendered=None):
    """Render `html` (unless `rendered` gives its (png, layout)) and check it reads in direction `expect`
    ('rtl' or 'ltr'): (problems, metrics), problems prefixed "layout: " or "pixels: "."""
    png, layout = rendered or render(pathlib.Path(html), pathlib.Path(out_dir))
    problems, metrics = layout_problems(layout, expect)
    more_problems, more_metrics = pixel_problems(png, expect)
    metrics.update(more_metrics)
    return [f"layout: {p}" for p in problems] + [f"pixels: {p}" for p in more_problems], metrics


# -- stand-in pages ------------------------------------------------------------------------------

STANDIN_STYLE = """
body { font-family: "Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif; margin: 0;
       background: #fdfdfb; color: #1b1b1b; line-height: 1.7; font-size: 17px; }
main { max-width: 880px; margin: 0 auto; padding: 32px 40px; }
table { border-collapse: collapse; width: 70%; margin: 12px 0; }
th, td { border: 1px solid #c8c8c8; padding: 4px 10px; }
figure { margin: 12px 0; }
"""

PERSIAN = dict(
    title="گزارش حکمرانی بودجهٔ شهرداری تبریز",
    intro="این گزارش شاخص‌های اجرای بودجه، درآمد، انطباق و عدالت را برای سال ۱۴۰۳ نشان می‌دهد. "
          "ارقام نمونه‌اند و با بودجهٔ واقعی شهرداری تفاوت دارند؛ روش محاسبه در پیوست آمده است.",
    h_exec="اجرای بودجه", exec1="نرخ اجرای کل بودجه ۸۷ درصد بود.",
    exec2="سهم هزینه‌های سرمایه‌ای از بودجهٔ مصوب ۴۲ درصد است که نسبت به سال گذشته کاهش یافته و بخش بزرگی از "
          "پروژه‌های عمرانی نیمه‌تمام مانده است. تعهدات پرداخت‌نشده نیز افزایش یافته است.",
    h_chart="اعتبار مصوب و عملکرد", h_table="جدول شاخص‌ها", th1="شاخص", th2="مقدار",
    rows=[("نرخ اجرا", "۸۷٪"), ("سهم عوارض", "۳۱٪"), ("امتیاز PEFA PI-1", "B")],
    h_rec="توصیه‌ها", recs=["انتشار گزارش‌های فصلی اجرای بودجه", "کاهش تعهدات پرداخت‌نشده تا پایان سال",
                           "افزایش سهم بودجهٔ مشارکتی محله‌ها"],
    h_end="جمع‌بندی", end="وضعیت کلی قابل قبول است.", short="پایان گزارش.",
)

ENGLISH = dict(
    title="Tabriz municipality budget governance report",
    intro="This report shows the budget execution, revenue, compliance and equity indicators for 1403. "
          "The figures are illustrative and differ from the municipality's real budget; the method is in the annex.",
    h_exec="Budget execution", exec1="Total budget execution was 87 percent.",
    exec2="Capital spending is 42 percent of the approved budget, down from last year, and many construction "
          "projects remain unfinished. Unpaid commitments have also grown.",
    h_chart="Approved and realized", h_table="Indicators", th1="Indicator", th2="Value",
    rows=[("Execution rate", "87%"), ("Fees share", "31%"), ("PEFA PI-1 score", "B")],
    h_rec="Recommendations", recs=["Publish quarterly execution reports", "Reduce unpaid commitments by year end",
                                   "Raise the share of participatory budgeting"],
    h_end="Summary", end="The overall picture is acceptable.", short="End of report.",
)


def standin_page(text, lang, dir_attribute, extra_style=""):
    dir_part = f' dir="{dir_attribute}"' if dir_attribute else ""
    rows = "".join(f"<tr><td>{name}</td><td>{value}</td></tr>" for name, value in text["rows"])
    recs = "".join(f"<li>{item}</li>" for item in text["recs"])
    return f"""<!doctype html>
<html lang="{lang}"{dir_part}><head><meta charset="utf-8"><title>{text['title']}</title>
<style>{STANDIN_STYLE}{extra_style}</style></head><body><main>
<h1>{text['title']}</h1>
<p>{text['intro']}</p>
<h2>{text['h_exec']}</h2>
<p>{text['exec1']}</p>
<p>{text['exec2']}</p>
<h3>{text['h_chart']}</h3>
<figure><svg xmlns="http://www.w3.org/2000/svg" width="420" height="110" role="img" aria-label="{text['h_chart']}">
<rect x="0" y="8" width="380" height="26" fill="#2a7f62"/><rect x="0" y="46" width="290" height="26" fill="#c8553d"/>
<rect x="0" y="84" width="150" height="20" fill="#3d5a80"/></svg></figure>
<h2>{text['h_table']}</h2>
<table><tr><th>{text['th1']}</th><th>{text['th2']}</th></tr>{rows}</table>
<h2>{text['h_rec']}</h2>
<ul>{recs}</ul>
<h2>{text['h_end']}</h2>
<p>{text['end']}</p>
<p>{text['short']}</p>
</main></body></html>
"""


def test_rtl_checker_on_standin_pages(chromium, tmp_path):
    pages = {
        "fa_rtl": standin_page(PERSIAN, "fa", "rtl"),
        "fa_broken_no_dir": standin_page(PERSIAN, "fa", None),
        "fa_broken_left_aligned": standin_page(PERSIAN, "fa", "rtl", "h1, h2, h3, p, li, td { text-align: left; }"),
        "en_ltr": standin_page(ENGLISH, "en", "ltr"),
    }
    for name, page in pages.items():
        (tmp_path / f"{name}.html").write_text(page, encoding="utf-8")

    problems, metrics = direction_problems(tmp_path / "fa_rtl.html", "rtl", tmp_path)
    assert not problems, (problems, metrics)

    english = render(tmp_path / "en_ltr.html", tmp_path)
    problems, metrics = direction_problems(tmp_path / "en_ltr.html", "ltr", tmp_path, english)
    assert not problems, (problems, metrics)

    # A Persian page without dir="rtl": every part of the check must notice, each on its own.
    problems, metrics = direction_problems(tmp_path / "fa_broken_no_dir.html", "rtl", tmp_path)
    assert any(p.startswith("layout: computed direction") for p in problems), (problems, metrics)
    assert any("hug the rtl start edge" in p for p in problems), (problems, metrics)
    assert any(p.startswith("pixels: ") for p in problems), (problems, metrics)

    # dir="rtl" but text forced to the left: the direction is right, the geometry and the pixels are not.
    problems, metrics = direction_problems(tmp_path / "fa_broken_left_aligned.html", "rtl", tmp_path)
    assert not any("computed direction" in p for p in problems), (problems, metrics)
    assert any("hug the rtl start edge" in p for p in problems), (problems, metrics)
    assert any(p.startswith("pixels: ") for p in problems), (problems, metrics)

    # And an English page is not mistaken for a right-to-left one.
    problems, metrics = direction_problems(tmp_path / "en_ltr.html", "rtl", tmp_path, english)
    assert any(p.startswith("pixels: ") for p in problems) and any("computed direction" in p for p in problems), (problems, metrics)


def test_checker_rejects_a_blank_page(chromium, tmp_path):
    page = tmp_path / "blank.html"
    page.write_text('<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"></head><body></body></html>',
                    encoding="utf-8")
    problems, metrics = direction_problems(page, "rtl", tmp_path)
    assert any("blank" in p or "trivial" in p for p in problems), (problems, metrics)


# -- the real report -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang, expect", [("fa", "rtl"), ("en", "ltr")])
def test_report_html_reads_in_the_direction_of_its_language(tarazu, chromium, tmp_path, lang, expect):
    out = tmp_path / f"report-{lang}.html"
    result = tarazu("report", BOOK, "--lang", lang, "--format", "html", "--out", out)
    assert result.returncode == 0, f"tarazu report failed ({result.returncode}): {result.stderr or result.stdout}"
    html = out.read_text(encoding="utf-8")
    root = re.search(r"<html\b[^>]*>", html, re.I)
    assert root, "no <html> element"
    assert re.search(rf'\blang="{lang}"', root.group(0)), root.group(0)
    if lang == "fa":
        assert re.search(r'\bdir="rtl"', root.group(0)), root.group(0)
    assert "<script" not in html.lower(), "the report must not contain JavaScript"
    assert not re.search(r'<link\b[^>]*rel="?stylesheet', html, re.I), "the report must inline its CSS"
    assert not re.search(r'\ssrc="https?:', html, re.I), "the report must not load remote resources"

    # The pixel check reads the prose at the top of the report (title, purpose, the first lens); below
    # it, tables and charts put numbers at the end edge by design, which blurs the ink edges.
    problems, metrics = direction_problems(out, expect, tmp_path, render(out, tmp_path, height=1800))
    assert not problems, (problems, metrics)
