"""A citizen votes in a real browser (Debian's chromium via selenium), on a phone-wide screen, in Persian:
the process page, the mobile number, the code sent by SMS (read from the log gateway's file), the ballot
form, the receipt. Every page reads right to left with Persian digits and does not scroll sideways."""
import json
import re
import subprocess

import pytest

from browser import (fill_and_submit, assert_no_horizontal_overflow, assert_persian_digits, assert_rtl_page, assert_screenshot_not_blank,
                     new_driver, open_page, require_browser, set_width)
from conftest import tarazu_binary
from live_server import demo_server
from test_pb_process import process_file


@pytest.fixture(scope="module")
def server(tmp_path_factory, tarazu):
    require_browser()
    folder = tmp_path_factory.mktemp("pb-browser")
    log = folder / "sms.log"

    def add_process(db):
        added = subprocess.run([str(tarazu_binary()), "pb", "process", "add", str(process_file(folder)), "--db", str(db)],
                               capture_output=True, text=True, timeout=120)
        assert added.returncode == 0, added.stderr

    with demo_server(tarazu, folder, prepare=add_process, env={"TARAZU_SMS_LOG": str(log)}) as base:
        yield base, log


@pytest.fixture(scope="module")
def phone(server):
    driver = new_driver(width=390, height=844)
    set_width(driver, 390, 844)
    yield driver
    driver.quit()


def check_page(driver):
    assert_rtl_page(driver, lang="fa")
    assert_persian_digits(driver, minimum=1)
    assert_no_horizontal_overflow(driver)


def test_a_citizen_votes_on_a_phone_in_persian(server, phone, tmp_path):
    from selenium.webdriver.common.by import By
    base, log = server
    open_page(phone, base + "/pb/e2e-1405")
    check_page(phone)
    assert "e2e-1405" in phone.current_url
    open_page(phone, base + "/pb/e2e-1405/vote")
    check_page(phone)
    fill_and_submit(phone, "phone", "۰۹۱۲۳۳۳۴۴۵۵")  # Persian digits, as a phone keyboard types them
    phone.find_element(By.NAME, "code")
    check_page(phone)
    message = json.loads(log.read_text(encoding="utf-8").strip().splitlines()[-1])
    assert message["to"] == "+989123334455"
    fill_and_submit(phone, "code", re.search(r"[0-9۰-۹]{6}", message["text"]).group(0))
    # Choose the citywide ballot when asked for a district, then two projects.
    if not phone.find_elements(By.CSS_SELECTOR, "input[type=checkbox]"):
        open_page(phone, base + "/pb/e2e-1405/vote/ballot?district=0")
    check_page(phone)
    boxes = phone.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
    assert len(boxes) >= 2
    for box in boxes[:2]:
        box.click()
    boxes[0].find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit], button:not([type])").click()
    check_page(phone)
    page = phone.find_element(By.TAG_NAME, "main").text
    assert "رسید" in page or "ثبت" in page, page[:300]
    assert_screenshot_not_blank(phone, tmp_path / "receipt.png")
