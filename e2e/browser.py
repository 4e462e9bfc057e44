"""Real-browser checks of Tarazu's pages: Debian's chromium driven by selenium through chromium-driver.

Reusable by any page test (the public portal, the council dashboard):

    driver = new_driver(width=1200)              # headless chromium; the `browser` fixture wraps it
    open_page(driver, base + "/")
    assert_rtl_page(driver)                      # <html dir=rtl lang=fa>, headings and text on the right
    assert_persian_digits(driver)
    assert_charts_render(driver)                 # every <svg> is drawn, with visible shapes
    set_width(driver, 390); assert_no_horizontal_overflow(driver)
    assert_screenshot_not_blank(driver, tmp_path / "page.png")
    login(driver, base, "user", "secret")        # the HTML login form at /login

Each assert_* raises AssertionError with what it measured. No JavaScript of the page is needed: the
checks run their own measuring scripts through the driver.
"""
import base64
import os
import shutil
import time

import pytest

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


# -- the browser ---------------------------------------------------------------------------------

def in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def find_chromium():
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return shutil.which(explicit)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def find_chromedriver():
    explicit = os.environ.get("CHROMEDRIVER")
    if explicit:
        return shutil.which(explicit)
    return shutil.which("chromedriver") or (
        "/usr/lib/chromium/chromedriver" if os.access("/usr/lib/chromium/chromedriver", os.X_OK) else None)


def require_browser():
    """(chromium, chromedriver) paths; skips the test when either is missing, unless CI is set (then fails)."""
    missing = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -r e2e/requirements.txt)")
    chromium, chromedriver = find_chromium(), find_chromedriver()
    if chromium is None:
        missing.append("chromium (apt-get install -y chromium fonts-noto-core)")
    if chromedriver is None:
        missing.append("chromedriver (apt-get install -y chromium-driver)")
    if missing:
        message = "browser test needs " + ", ".join(missing)
        if in_ci():
            pytest.fail(message + ": CI is set, so the browser checks must run")
        pytest.skip(message)
    return chromium, chromedriver


def new_driver(width=1200, height=900, lang="fa"):
    """Headless chromium at WIDTH x HEIGHT CSS pixels, driven through Debian's chromedriver (no download)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, chromedriver = require_browser()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--force-device-scale-factor=1", f"--lang={lang}",
                     f"--window-size={width},{height}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(60)
    set_width(driver, width, height)
    return driver


def set_width(driver, width, height=900):
    """Make the layout viewport WIDTH CSS pixels wide (a phone at 390), whatever the window minimum.
    Not emulated as "mobile": a mobile viewport zooms out to fit overflowing content (innerWidth grows
    with it), which would hide the very overflow assert_no_horizontal_overflow looks for."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    inner = driver.execute_script("return window.innerWidth")
    assert inner == width, f"could not set the viewport to {width} px wide (innerWidth {inner})"


def submit(driver, button, timeout=30):
    """Click a form's submit `button` and wait for the page it leads to (the old page gone, the new one loaded)."""
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
    button.click()
    WebDriverWait(driver, timeout).until(expected_conditions.staleness_of(button))
    deadline = time.time() + timeout
    while driver.execute_script("return document.readyState") != "complete":
        assert time.time() < deadline, f"the page after submitting did not finish loading within {timeout} s"
        time.sleep(0.05)


def fill_and_submit(driver, name, text, attempts=3):
    """Type TEXT into the field named NAME and submit its form, finding both afresh on each attempt: right
    after a navigation the browser may still swap the document, which detaches an element found a moment
    before ("does not belong to the document", a stale element)."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By
    for attempt in range(attempts):
        try:
            field = driver.find_element(By.NAME, name)
            field.clear()
            field.send_keys(text)
            button = field.find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button")
        except (StaleElementReferenceException, WebDriverException) as error:
            detached = isinstance(error, StaleElementReferenceException) or "does not belong to the document" in str(error)
            if not detached or attempt == attempts - 1:
                raise
            time.sleep(0.2)
            continue
        submit(driver, button)
        return


def open_page(driver, url, timeout=30):
    driver.get(url)
    deadline = time.time() + timeout
    while driver.execute_script("return document.readyState") != "complete":
        assert time.time() < deadline, f"{url} did not finish loading within {timeout} s"
        time.sleep(0.05)
    driver.execute_script("return document.fonts ? document.fonts.ready : null")


def html_data_url(html):
    return "data:text/html;charset=utf-8;base64," + base64.b64encode(html.encode("utf-8")).decode("ascii")


def login(driver, base_url, username, password, timeout=20):
    """Open BASE_URL/login, fill the fields named `username` and `password`, submit their form and wait
    until the next page has loaded. Returns the URL of that page."""
    from selenium.webdriver.common.by import By

    open_page(driver, base_url.rstrip("/") + "/login")
    user_field = driver.find_element(By.NAME, "username")
    password_field = driver.find_element(By.NAME, "password")
    user_field.clear()
    user_field.send_keys(username)
    password_field.clear()
    password_field.send_keys(password)
    old_root = driver.find_element(By.TAG_NAME, "html")
    form = password_field.find_element(By.XPATH, "ancestor::form")
    buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit], button:not([type])")
    (buttons[0].click if buttons else form.submit)()
    deadline = time.time() + timeout
    while True:
        try:
            old_root.tag_name  # raises once the old document is gone
        except Exception:  # StaleElementReferenceException: the next page replaced the form
            if driver.execute_script("return document.readyState") == "complete":
                return driver.current_url
        assert time.time() < deadline, f"submitting the login form at {base_url}/login led to no new page in {timeout} s"
        time.sleep(0.05)


# -- the checks ----------------------------------------------------------------------------------

# Per element: its content box and the boxes of its text lines (one rect per line fragment).
_TEXT_GEOMETRY = """
const selector = arguments[0];
return Array.from(document.querySelectorAll(selector)).filter(e => e.offsetParent !== null || e.getClientRects().length).map(e => {
  const s = getComputedStyle(e), b = e.getBoundingClientRect();
  const range = document.createRange(); range.selectNodeContents(e);
  const lines = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0)
                     .map(r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom}));
  return {tag: e.tagName.toLowerCase(), text: (e.innerText || '').trim().slice(0, 60),
          direction: s.direction, textAlign: s.textAlign,
          contentLeft: b.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft),
          contentRight: b.right - parseFloat(s.borderRightWidth) - parseFloat(s.paddingRight), lines};
});
"""


def _merge_lines(rects):
    lines = []
    for rect in sorted(rects, key=lambda r: (r["top"], r["left"])):
        for line in lines:
            overlap = min(line["bottom"], rect["bottom"]) - max(line["top"], rect["top"])
            if overlap > 0.5 * min(rect["bottom"] - rect["top"], line["bottom"] - line["top"]):
                line.update(left=min(line["left"], rect["left"]), right=max(line["right"], rect["right"]))
                break
        else:
            lines.append(dict(rect))
    return lines


def direction_problems(driver, expect, lang=None, tolerance=3.0):
    """What contradicts a page reading in direction EXPECT ('rtl' or 'ltr'): [problem, ...]."""
    problems = []
    root = driver.execute_script(
        "const h = document.documentElement; return {dir: h.getAttribute('dir'), lang: h.getAttribute('lang'),"
        " direction: getComputedStyle(h).direction, width: h.clientWidth}")
    if expect == "rtl" and root["dir"] != "rtl":
        problems.append(f'<html> has dir={root["dir"]!r}, expected dir="rtl"')
    if root["direction"] != expect:
        problems.append(f"computed direction of <html> is {root['direction']!r}, expected {expect!r}")
    if lang and root["lang"] != lang:
        problems.append(f"<html> has lang={root['lang']!r}, expected {lang!r}")
    width = root["width"]

    # Headings: the text hugs the start edge of its box, and sits nearer that edge of the viewport.
    headings = [h for h in driver.execute_script(_TEXT_GEOMETRY, "main h1, main h2, h1, h2") if h["lines"]]
    seen, nearer = set(), 0
    if not headings:
        problems.append("no visible h1/h2 heading to judge the direction by")
    for heading in headings:
        key = (heading["tag"], heading["text"], heading["contentLeft"])
        if key in seen:
            continue
        seen.add(key)
        lines = _merge_lines(heading["lines"])
        text_left, text_right = min(l["left"] for l in lines), max(l["right"] for l in lines)
        start_gap = heading["contentRight"] - text_right if expect == "rtl" else text_left - heading["contentLeft"]
        if start_gap > tolerance:
            problems.append(f"heading {heading['text']!r} does not start at the {expect} start edge of its box "
                            f"(text {text_left:.0f}-{text_right:.0f}, box {heading['contentLeft']:.0f}-{heading['contentRight']:.0f})")
        to_right, to_left = width - text_right, text_left
        near_gap, far_gap = (to_right, to_left) if expect == "rtl" else (to_left, to_right)
        if near_gap > far_gap + tolerance:
            problems.append(f"heading {heading['text']!r} sits nearer the wrong side of the viewport: "
                            f"{to_left:.0f} px from the left, {to_right:.0f} px from the right")
        elif near_gap < far_gap - tolerance:
            nearer += 1
    if seen and not nearer:
        problems.append(f"no heading sits nearer the {'right' if expect == 'rtl' else 'left'} edge of the viewport")

    # Body text: aligned to the start side, and its short (last) lines ragged on the other side only.
    blocks = [b for b in driver.execute_script(_TEXT_GEOMETRY, "main p, main li, main dd, main dt, main td, main th")
              if b["lines"]]
    wrong_align = [b for b in blocks if not _aligned_to_start(b, expect)]
    if not blocks:
        problems.append("no visible body text (p, li, dd, td) to judge the alignment by")
    elif len(wrong_align) > 0.1 * len(blocks):
        problems.append(f"{len(wrong_align)} of {len(blocks)} text blocks are not aligned to the {expect} start, e.g. "
                        + "; ".join(f"<{b['tag']}> {b['text']!r} text-align {b['textAlign']}, direction {b['direction']}"
                                    for b in wrong_align[:3]))
    hug_start = hug_end = 0
    for block in blocks:
        if block["contentRight"] - block["contentLeft"] < 80:
            continue
        for line in _merge_lines(block["lines"]):
            at_left = line["left"] - block["contentLeft"] <= tolerance
            at_right = block["contentRight"] - line["right"] <= tolerance
            if at_left != at_right:
                at_start = at_right if expect == "rtl" else at_left
                hug_start, hug_end = hug_start + at_start, hug_end + (not at_start)
    if hug_start + hug_end >= 3 and hug_start < 0.8 * (hug_start + hug_end):
        problems.append(f"only {hug_start} of {hug_start + hug_end} ragged text lines hug the {expect} start edge")
    return problems


def _aligned_to_start(block, expect):
    align = block["textAlign"]
    if align in ("start", "-webkit-auto"):
        return block["direction"] == expect
    if align == "end":
        return block["direction"] != expect
    if align in ("right", "-webkit-right"):
        return expect == "rtl"
    if align in ("left", "-webkit-left"):
        return expect == "ltr"
    return False  # center, justify, match-parent...: not aligned to one side


def assert_rtl_page(driver, lang="fa"):
    """<html dir="rtl" lang=LANG>, headings start at the right (and sit nearer the viewport's right
    edge), body text is right-aligned."""
    problems = direction_problems(driver, "rtl", lang)
    assert not problems, f"{driver.current_url[:80]} does not read right to left:\n  " + "\n  ".join(problems)


def assert_ltr_page(driver, lang="en"):
    problems = direction_problems(driver, "ltr", lang)
    assert not problems, f"{driver.current_url[:80]} does not read left to right:\n  " + "\n  ".join(problems)


def assert_persian_digits(driver, minimum=3):
    text = driver.execute_script("return document.body.innerText")
    count = sum(text.count(d) for d in PERSIAN_DIGITS)
    assert count >= minimum, f"{count} Persian digits (۰-۹) on the page, expected at least {minimum}"


_SVG_GEOMETRY = """
return Array.from(document.querySelectorAll('svg:not([aria-hidden="true"])')).filter(s => !s.parentElement.closest('svg')).map(s => {
  const b = s.getBoundingClientRect();
  const shapes = Array.from(s.querySelectorAll('rect, path, circle, ellipse, line, polyline, polygon')).map(e => {
    const r = e.getBoundingClientRect(); let box = null;
    try { const g = e.getBBox(); box = {width: g.width, height: g.height}; } catch (err) {}
    const st = getComputedStyle(e);
    return {tag: e.tagName.toLowerCase(), width: r.width, height: r.height, box,
            visible: st.display !== 'none' && st.visibility !== 'hidden' && parseFloat(st.opacity) > 0
                     && !(st.fill === 'none' && st.stroke === 'none')};
  });
  return {label: s.getAttribute('aria-label') || (s.querySelector('title') || {}).textContent || '',
          width: b.width, height: b.height, shapes};
});
"""


def assert_charts_render(driver, minimum=1, shapes_per_chart=2):
    """At least MINIMUM top-level <svg> charts; each has a nonzero box and at least SHAPES_PER_CHART
    visible rect/path/... shapes of nonzero size (a bar may be thin: either side nonzero, the box too).
    Decorative SVG hidden from assistive technology (a map legend's colour swatches) is not a chart."""
    charts = driver.execute_script(_SVG_GEOMETRY)
    assert len(charts) >= minimum, f"{len(charts)} <svg> charts on the page, expected at least {minimum}"
    problems = []
    for index, chart in enumerate(charts):
        name = f"svg #{index + 1} {chart['label'][:50]!r}"
        if chart["width"] < 1 or chart["height"] < 1:
            problems.append(f"{name} has an empty box {chart['width']:.0f}x{chart['height']:.0f}")
            continue
        drawn = [s for s in chart["shapes"] if s["visible"] and s["width"] * s["height"] > 0
                 and (s["box"] is None or s["box"]["width"] * s["box"]["height"] > 0 or s["tag"] in ("line", "path"))]
        if len(drawn) < shapes_per_chart:
            problems.append(f"{name} ({chart['width']:.0f}x{chart['height']:.0f}) draws {len(drawn)} visible shapes of "
                            f"nonzero size out of {len(chart['shapes'])}, expected at least {shapes_per_chart}")
    assert not problems, "charts do not render:\n  " + "\n  ".join(problems)
    return charts


def assert_no_horizontal_overflow(driver):
    """The document does not scroll sideways: scrollingElement.scrollWidth <= innerWidth + 1."""
    widths = driver.execute_script(
        "const s = document.scrollingElement || document.documentElement;"
        "return {scroll: s.scrollWidth, inner: window.innerWidth,"
        " widest: Array.from(document.querySelectorAll('body *')).map(e => [e.getBoundingClientRect(), e])"
        "  .filter(([r]) => r.right > window.innerWidth + 1 || r.left < -1)"
        "  .slice(0, 3).map(([r, e]) => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined"
        "   ? '.' + e.className : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right))}")
    assert widths["scroll"] <= widths["inner"] + 1, (
        f"the page overflows sideways at {widths['inner']} px: scrollWidth {widths['scroll']}; "
        f"sticking out: {widths['widest']}")


def assert_screenshot_not_blank(driver, path, min_colours=8, min_ink=0.005):
    """Save a screenshot to PATH and check it shows something: several colours and some share of pixels
    unlike the background. Returns the path."""
    from PIL import Image

    assert driver.save_screenshot(str(path)), f"could not save a screenshot to {path}"
    image = Image.open(path).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    background_count = max(count for count, _ in colours) if colours else 0
    total = image.size[0] * image.size[1]
    ink = 1 - background_count / total
    assert len(colours) >= min_colours and ink >= min_ink, (
        f"screenshot {path} ({image.size[0]}x{image.size[1]}) looks blank: {len(colours)} colours, "
        f"{ink:.2%} of pixels unlike the background")
    return path
