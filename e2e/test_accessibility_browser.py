"""Accessibility (WCAG 2.1 A and AA, as axe-core checks it) and screenshots of the pages a citizen and a
council member use, in a real browser (Debian's chromium via selenium) against `tarazu serve` over the demo
store with a council member and a participatory budgeting process in its voting phase.

axe-core comes with axe-selenium-python (e2e/requirements.txt); it runs the rules tagged wcag2a, wcag2aa,
wcag21a and wcag21aa on each page, and a test fails on any violation, printing the rule, its impact and
the offending elements. The screenshots (390 and 1280 px wide) go to the test's tmp_path and, when the
environment variable TARAZU_SCREENSHOTS names a folder, there too, for a person to look at.
"""
import json
import re
import os
import pathlib
import shutil
import subprocess

import pytest

from browser import (submit, assert_no_horizontal_overflow, assert_screenshot_not_blank, login, new_driver, open_page,
                     require_browser, set_width)
from conftest import tarazu_binary
from live_server import add_user, demo_server
from test_pb_process import process_file

USER, PASSWORD = "council1", "a long enough council password"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PROCESS = "e2e-1405"


def axe_script():
    """axe-core's source: the file named by AXE_CORE_JS (a newer axe-core), else the one axe-selenium-python bundles."""
    explicit = os.environ.get("AXE_CORE_JS")
    if explicit:
        return pathlib.Path(explicit).read_text(encoding="utf-8")
    try:
        import axe_selenium_python
    except ImportError:
        message = "the accessibility test needs axe-selenium-python (pip install -r e2e/requirements.txt)"
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(message)
        pytest.skip(message)
    found = sorted(pathlib.Path(axe_selenium_python.__file__).parent.rglob("axe.min.js"))
    assert found, f"no axe.min.js in {pathlib.Path(axe_selenium_python.__file__).parent}"
    return found[0].read_text(encoding="utf-8")


def axe_violations(driver):
    """axe-core's violations of the WCAG 2.0/2.1 A and AA rules on the page open in DRIVER. An axe-core
    that has no rule with one of the tags (3.1, bundled with axe-selenium-python 2, has none tagged
    wcag21a) runs the others; the tags left out are printed."""
    driver.execute_script(axe_script())
    version, known = driver.execute_script(
        "return [axe.version, Array.from(new Set(axe.getRules().flatMap(r => r.tags)))]")
    tags = [tag for tag in TAGS if tag in known]
    assert "wcag2a" in tags and "wcag2aa" in tags, f"axe-core {version} knows none of the WCAG 2 A/AA tags: {known}"
    if len(tags) < len(TAGS):
        print(f"\naxe-core {version} has no rule tagged {', '.join(t for t in TAGS if t not in tags)}")
    options = json.dumps({"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]})
    driver.set_script_timeout(120)
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {options}).then(r => done({{violations: r.violations}}), e => done({{error: String(e)}}));")
    assert "error" not in results, f"axe-core failed on {driver.current_url}: {results['error']}"
    return results["violations"]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} - {len(violation['nodes'])} element(s)")
        for node in violation["nodes"][:12]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {' '.join(node['target'])}: {node['html'][:160]}  [{summary[:200]}]")
    return "\n".join(lines)


def assert_accessible(driver, name):
    violations = axe_violations(driver)
    print(f"\naxe on {name} ({driver.current_url}): {len(violations)} violation(s)" + (("\n" + describe(violations)) if violations else ""))
    assert not violations, f"{name}: WCAG 2.1 AA violations found by axe-core:\n{describe(violations)}"


def screenshot(driver, tmp_path, name):
    """Screenshots of the whole page at 390 and 1280 px (the window grown to the page's height)."""
    url = driver.current_url
    saved = []
    for width in (390, 1280):
        set_width(driver, width, 900)
        open_page(driver, url)
        if width == 390:
            assert_no_horizontal_overflow(driver)
        height = min(driver.execute_script("return document.documentElement.scrollHeight"), 6000)
        set_width(driver, width, height)
        path = assert_screenshot_not_blank(driver, tmp_path / f"{name}-{width}.png")
        folder = os.environ.get("TARAZU_SCREENSHOTS")
        if folder:
            pathlib.Path(folder).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, pathlib.Path(folder) / path.name)
        saved.append(path)
    set_width(driver, 1280, 900)
    print(f"\nscreenshots of {name}: {', '.join(map(str, saved))}")
    return saved


@pytest.fixture(scope="module")
def server(tmp_path_factory, tarazu):
    require_browser()
    axe_script()
    folder = tmp_path_factory.mktemp("accessibility")
    log = folder / "sms.log"

    def prepare(db):
        add_user(db, USER, "council", PASSWORD, display_name="عضو شورا")
        process = subprocess.run([str(tarazu_binary()), "pb", "process", "add", str(process_file(folder)), "--db", str(db)],
                                 capture_output=True, text=True, timeout=120)
        assert process.returncode == 0, process.stderr

    with demo_server(tarazu, folder, prepare=prepare, env={"TARAZU_SMS_LOG": str(log)}) as base:
        yield base, log


@pytest.fixture(scope="module")
def public(server):
    driver = new_driver(width=1280, height=900)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def council(server):
    base, _ = server
    driver = new_driver(width=1280, height=900)
    login(driver, base, USER, PASSWORD)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def voter(server):
    """A browser that has confirmed a mobile number for the process and holds the citywide ballot."""
    from selenium.webdriver.common.by import By
    base, log = server
    driver = new_driver(width=1280, height=900)
    open_page(driver, base + f"/pb/{PROCESS}/vote")
    field = driver.find_element(By.NAME, "phone")
    field.send_keys("09123334466")
    submit(driver, field.find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button"))
    code_field = driver.find_element(By.NAME, "code")
    message = json.loads(log.read_text(encoding="utf-8").strip().splitlines()[-1])
    code_field.send_keys(re.search(r"[0-9۰-۹]{6}", message["text"]).group(0))
    submit(driver, code_field.find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button"))
    open_page(driver, base + f"/pb/{PROCESS}/vote/ballot?district=0")
    assert driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox]"), driver.page_source[:500]
    yield driver
    driver.quit()


# -- public pages ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path, name", [
    ("/", "portal home (fa)"), ("/?lang=en", "portal home (en)"), ("/books/tabriz", "book page (fa)"),
    ("/books/tabriz?lang=en", "book page (en)"), ("/login", "sign-in page"), ("/pb", "participatory budgeting list"),
    (f"/pb/{PROCESS}", "participatory budgeting process"),
    ("/books/tabriz/report?lang=fa", "HTML report (fa)"), ("/books/tabriz/report?lang=en", "HTML report (en)"),
])
def test_public_page_is_accessible(server, public, path, name):
    base, _ = server
    set_width(public, 1280)
    open_page(public, base + path)
    assert_accessible(public, name)


@pytest.mark.parametrize("path, name", [
    ("/dashboard/tabriz", "dashboard overview"), ("/dashboard/tabriz?lang=en", "dashboard overview (en)"),
    ("/dashboard/tabriz/trends", "dashboard trends"), ("/dashboard/tabriz/regions", "dashboard regions"),
    ("/dashboard/tabriz/indicators/execution.rate.total", "indicator page"),
])
def test_dashboard_page_is_accessible(server, council, path, name):
    base, _ = server
    set_width(council, 1280)
    open_page(council, base + path)
    assert "/login" not in council.current_url, council.current_url
    assert_accessible(council, name)


def test_ballot_is_accessible(voter):
    assert_accessible(voter, "participatory budgeting ballot")


# -- screenshots -----------------------------------------------------------------------------------

def test_screenshots_of_the_portal_home(server, public, tmp_path):
    from selenium.webdriver.common.by import By
    base, _ = server
    open_page(public, base + "/books/tabriz")
    heading = public.find_element(By.TAG_NAME, "h1").text
    assert not any("a" <= c.lower() <= "z" for c in heading), f"the Persian book page's heading has Latin letters: {heading!r}"
    screenshot(public, tmp_path, "portal-home")
    open_page(public, base + "/")
    screenshot(public, tmp_path, "portal-list")


def test_the_map_legend_is_readable_on_a_phone(server, public):
    """At 390 px the regions map's legend wraps as text of the page's size: no entry smaller than 14 px,
    none overlapping another or leaving the screen, the lightest class first in reading order (right)."""
    base, _ = server
    set_width(public, 390)
    try:
        open_page(public, base + "/books/tabriz")
        entries = public.execute_script(
            "return Array.from(document.querySelectorAll('figure.map .map-legend li')).map(li => {"
            " const r = li.getBoundingClientRect();"
            " return {text: li.textContent, size: parseFloat(getComputedStyle(li).fontSize),"
            " left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })")
        width = public.execute_script("return document.documentElement.clientWidth")
    finally:
        set_width(public, 1280)
    assert len(entries) >= 3, entries
    for entry in entries:
        assert entry["size"] >= 14, f"legend text of {entry['size']} px: {entry['text']!r}"
        assert entry["left"] >= 0 and entry["right"] <= width, f"legend entry off the screen: {entry}"
    for i, a in enumerate(entries):
        for b in entries[i + 1:]:
            apart = a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]
            assert apart, f"legend entries overlap: {a} and {b}"
    first_row = [e for e in entries if abs(e["top"] - entries[0]["top"]) < 2]
    assert entries[0]["right"] == max(e["right"] for e in first_row), "the lightest class is not first (rightmost) in Persian"
    assert entries[-1]["text"].strip() == "بدون داده", entries[-1]


def test_screenshots_of_the_dashboard(server, council, tmp_path):
    base, _ = server
    open_page(council, base + "/dashboard/tabriz")
    screenshot(council, tmp_path, "dashboard-overview")
    open_page(council, base + "/dashboard/tabriz/trends")
    screenshot(council, tmp_path, "dashboard-trends")


def test_screenshots_of_the_ballot(server, voter, tmp_path):
    from selenium.webdriver.common.by import By
    base, _ = server
    open_page(voter, base + f"/pb/{PROCESS}/vote/ballot?district=0")
    text = voter.find_element(By.TAG_NAME, "main").text
    assert "میلیارد ریال" in text, text[:400]
    screenshot(voter, tmp_path, "ballot")
    open_page(voter, base + f"/pb/{PROCESS}")
    button = voter.find_element(By.CSS_SELECTOR, "a.button")
    size = button.size
    assert size["height"] >= 44 and size["width"] >= 44, f"the vote button is {size}, too small to tap"
    screenshot(voter, tmp_path, "pb-process")
