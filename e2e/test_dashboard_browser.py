"""The council dashboard in a real browser (Debian's chromium via selenium), as a council member uses it:
`tarazu user add` on the demo store, `tarazu serve`, sign in through the HTML form, then the overview,
the regions map, a drill-down and the English version; right to left in Persian, charts and the
choropleth drawn, no sideways scrolling on a phone, and signing out closes the dashboard.
The checks are browser.py's (their own failure tests are in test_portal_browser.py).
"""

import pytest

from browser import (assert_charts_render, assert_ltr_page, assert_no_horizontal_overflow, assert_persian_digits,
                     assert_rtl_page, assert_screenshot_not_blank, login, new_driver, open_page, require_browser,
                     set_width)
from live_server import add_user, demo_server

USER, PASSWORD = "council1", "a long enough council password"


def add_council_member(db):
    add_user(db, USER, "council", PASSWORD, display_name="عضو شورا")


@pytest.fixture(scope="module")
def server(tmp_path_factory, tarazu):
    require_browser()
    with demo_server(tarazu, tmp_path_factory.mktemp("dashboard"), prepare=add_council_member) as base:
        yield base


@pytest.fixture(scope="module")
def signed_in(server):
    driver = new_driver(width=1200, height=900)
    landed = login(driver, server, USER, PASSWORD)
    yield driver, server, landed
    driver.quit()


def test_signing_in_opens_the_persian_overview(signed_in, tmp_path):
    from selenium.webdriver.common.by import By
    driver, base, landed = signed_in
    assert landed.startswith(base + "/dashboard"), landed
    open_page(driver, base + "/dashboard/tabriz")
    assert_rtl_page(driver, lang="fa")
    assert_persian_digits(driver)
    account = driver.find_element(By.CSS_SELECTOR, "nav.account").text
    assert "عضو شورا" in account
    png = assert_screenshot_not_blank(driver, tmp_path / "dashboard-fa.png")
    print(f"\ndashboard overview (fa): {png}")


def test_the_regions_map_draws_every_region(signed_in, tmp_path):
    from selenium.webdriver.common.by import By
    driver, base, _ = signed_in
    set_width(driver, 1200)
    open_page(driver, base + "/dashboard/tabriz/regions")
    assert_rtl_page(driver, lang="fa")
    maps = driver.find_elements(By.CSS_SELECTOR, "svg.choropleth")
    assert len(maps) == 1
    shapes = maps[0].find_elements(By.TAG_NAME, "path")
    assert len(shapes) == 10
    sizes = [shape.rect for shape in shapes]
    assert all(rect["width"] > 5 and rect["height"] > 5 for rect in sizes), sizes
    fills = {shape.get_attribute("fill") for shape in shapes}
    assert len(fills) >= 3, f"the regions should fall into several classes, got {fills}"
    assert_charts_render(driver)
    png = assert_screenshot_not_blank(driver, tmp_path / "regions-fa.png")
    print(f"\nregions map (fa): {png}")


def test_drill_down_from_function_to_program_with_breadcrumbs(signed_in):
    from selenium.webdriver.common.by import By
    driver, base, _ = signed_in
    open_page(driver, base + "/dashboard/tabriz/functions")
    link = driver.find_element(By.CSS_SELECTOR, "#table-functions tbody a")
    link.click()
    assert "/dashboard/tabriz/functions/" in driver.current_url
    crumbs = driver.find_elements(By.CSS_SELECTOR, "nav.crumbs li")
    assert len(crumbs) >= 3
    program = driver.find_element(By.CSS_SELECTOR, "table tbody a")
    program.click()
    assert "/programs/" in driver.current_url
    assert len(driver.find_elements(By.CSS_SELECTOR, "nav.crumbs li")) >= 4
    assert_rtl_page(driver, lang="fa")


def test_english_dashboard_reads_left_to_right(signed_in):
    driver, base, _ = signed_in
    open_page(driver, base + "/dashboard/tabriz?lang=en")
    assert_ltr_page(driver, lang="en")
    for view in ["functions", "trends", "regions"]:
        open_page(driver, base + f"/dashboard/tabriz/{view}?lang=en")
        assert_ltr_page(driver, lang="en")
        assert_charts_render(driver)


@pytest.mark.parametrize("path", ["/dashboard/tabriz", "/dashboard/tabriz/regions", "/dashboard/tabriz/functions"])
def test_phone_width_has_no_horizontal_overflow(signed_in, path):
    driver, base, _ = signed_in
    set_width(driver, 390)
    try:
        open_page(driver, base + path)
        assert_no_horizontal_overflow(driver)
    finally:
        set_width(driver, 1200)


def test_signing_out_closes_the_dashboard(server):
    from selenium.webdriver.common.by import By
    driver = new_driver(width=1200, height=900)
    try:
        login(driver, server, USER, PASSWORD)
        open_page(driver, server + "/dashboard/tabriz")
        driver.find_element(By.CSS_SELECTOR, "form[action^='/logout'] button").click()
        # Wait for the sign-out's redirect, or the next page may load before the session ends.
        from selenium.webdriver.support.ui import WebDriverWait
        WebDriverWait(driver, 30).until(lambda d: "/dashboard" not in d.current_url)
        open_page(driver, server + "/dashboard/tabriz")
        assert "/login" in driver.current_url, driver.current_url
    finally:
        driver.quit()
