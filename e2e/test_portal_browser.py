"""The public portal in a real browser (Debian's chromium via selenium and chromium-driver), served by
`tarazu serve` over the demo store: Persian right to left with Persian digits, charts that draw,
English left to right, no sideways scrolling on a phone, a screenshot that shows something.

The checks live in browser.py (for reuse, e.g. on the council dashboard behind `login`); the
`test_checker_*` tests below prove each check fails on a page that breaks it, and must stay.
Skipped without chromium/chromedriver/selenium, unless CI is set: then it fails.
"""
import http.server
import threading
import urllib.parse

import pytest

from browser import (assert_charts_render, assert_ltr_page, assert_no_horizontal_overflow,
                     assert_persian_digits, assert_rtl_page, assert_screenshot_not_blank, html_data_url,
                     login, new_driver, open_page, require_browser, set_width)
from live_server import demo_server


@pytest.fixture(scope="module")
def browser():
    require_browser()
    driver = new_driver(width=1200, height=900)
    yield driver
    driver.quit()


@pytest.fixture
def desktop(browser):
    set_width(browser, 1200)
    return browser


@pytest.fixture(scope="module")
def portal(tmp_path_factory, tarazu):
    require_browser()
    with demo_server(tarazu, tmp_path_factory.mktemp("portal")) as base:
        yield base


# -- the portal ----------------------------------------------------------------------------------

def test_home_page_reads_right_to_left_in_persian(desktop, portal, tmp_path):
    open_page(desktop, portal + "/")
    assert_rtl_page(desktop, lang="fa")
    assert_persian_digits(desktop)
    charts = assert_charts_render(desktop)
    png = assert_screenshot_not_blank(desktop, tmp_path / "home-fa.png")
    print(f"\nhome (fa): {len(charts)} chart(s), screenshot {png}")


def test_english_page_reads_left_to_right(desktop, portal):
    open_page(desktop, portal + "/?lang=en")
    assert_ltr_page(desktop, lang="en")
    assert_charts_render(desktop)


@pytest.mark.parametrize("query", ["", "?lang=en"])
def test_phone_width_has_no_horizontal_overflow(browser, portal, tmp_path, query):
    set_width(browser, 390, 844)
    try:
        open_page(browser, portal + "/" + query)
        assert_no_horizontal_overflow(browser)
        assert_charts_render(browser)
        if not query:
            assert_rtl_page(browser, lang="fa")
        assert_screenshot_not_blank(browser, tmp_path / "home-390.png")
    finally:
        set_width(browser, 1200)


# -- the checker's own tests: stand-in pages that break each check --------------------------------

STYLE = ("body { margin: 0; font: 17px/1.7 'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif; } "
         "main { max-width: 720px; margin: 0 auto; padding: 16px; }")
PERSIAN_BODY = """<main><h1>بودجهٔ شهر</h1>
<p>بودجهٔ مصوب سال ۱۴۰۳ برابر ۱۲۵ میلیارد ریال بود و از آن ۸۷ درصد خرج شد. این متن برای آزمودن جهت صفحه
نوشته شده و باید در چند سطر بشکند تا لبهٔ آغاز سطرها دیده شود. سطر آخر کوتاه‌تر است.</p>
<h2>نمودار</h2>
<figure><svg viewBox="0 0 300 60" width="300" height="60" xmlns="http://www.w3.org/2000/svg">
<rect x="0" y="5" width="250" height="20" fill="#1f5f99"/><rect x="0" y="35" width="120" height="20" fill="#8fb3d9"/></svg></figure>
<ul><li>اجرای بودجه ۸۷٪</li><li>سهم عمرانی ۶۳٪</li></ul>
<p>پایان.</p></main>"""


def page(body=PERSIAN_BODY, lang="fa", dir_attribute="rtl", style=""):
    dir_part = f' dir="{dir_attribute}"' if dir_attribute else ""
    return html_data_url(f'<!doctype html><html lang="{lang}"{dir_part}><head><meta charset="utf-8">'
                         f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                         f"<style>{STYLE}{style}</style></head><body>{body}</body></html>")


def fails(check, *args, expect=None):
    with pytest.raises(AssertionError) as failure:
        check(*args)
    if expect:
        assert expect in str(failure.value), str(failure.value)
    return str(failure.value)


def test_checker_direction(desktop):
    open_page(desktop, page())
    assert_rtl_page(desktop)                                   # the good stand-in passes
    assert_persian_digits(desktop)
    fails(assert_ltr_page, desktop)

    open_page(desktop, page(dir_attribute="ltr"))              # Persian text, but laid out left to right
    message = fails(assert_rtl_page, desktop, expect='dir="rtl"')
    assert "start edge" in message and "nearer" in message, message

    open_page(desktop, page(dir_attribute=None))               # no dir at all
    fails(assert_rtl_page, desktop, expect="computed direction")

    open_page(desktop, page(style="h1, h2, p, li { text-align: left; }"))   # dir=rtl, text forced left
    message = fails(assert_rtl_page, desktop, expect="not aligned to the rtl start")
    assert 'dir="rtl"' not in message and "computed direction" not in message, message

    open_page(desktop, page(lang="en"))                        # the language is checked too
    fails(assert_rtl_page, desktop, expect="lang='en'")

    english = "<main><h1>City budget</h1><p>The approved budget was 125 billion rials in 2024.</p></main>"
    open_page(desktop, page(english, lang="en", dir_attribute="ltr"))
    assert_ltr_page(desktop)
    fails(assert_rtl_page, desktop)
    fails(assert_persian_digits, desktop, expect="Persian digits")


def test_checker_charts(desktop):
    open_page(desktop, page())
    assert_charts_render(desktop)
    broken = {
        "empty": '<svg width="300" height="60" xmlns="http://www.w3.org/2000/svg"></svg>',
        "zero-size shapes": '<svg width="300" height="60" xmlns="http://www.w3.org/2000/svg">'
                            '<rect x="0" y="0" width="0" height="20"/><path d="M10 10"/></svg>',
        "collapsed box": '<svg width="0" height="0" xmlns="http://www.w3.org/2000/svg">'
                         '<rect width="50" height="20"/><rect y="30" width="50" height="20"/></svg>',
        "hidden shapes": '<svg width="300" height="60" xmlns="http://www.w3.org/2000/svg">'
                         '<rect width="50" height="20" fill="none"/><rect y="30" width="50" height="20" style="display:none"/></svg>',
    }
    for name, svg in broken.items():
        open_page(desktop, page(f"<main><h1>نمودار</h1><figure>{svg}</figure></main>"))
        fails(assert_charts_render, desktop, expect="charts do not render")
    open_page(desktop, page("<main><h1>بدون نمودار</h1><p>متن</p></main>"))
    fails(assert_charts_render, desktop, expect="expected at least 1")


def test_checker_overflow(browser):
    set_width(browser, 390, 844)
    try:
        open_page(browser, page())
        assert_no_horizontal_overflow(browser)
        open_page(browser, page(style="main { min-width: 600px; }"))
        fails(assert_no_horizontal_overflow, browser, expect="overflows sideways at 390 px")
        wide_table = "<main><h1>جدول</h1><table><tr>" + "<td>۱۲۳٬۴۵۶٬۷۸۹</td>" * 12 + "</tr></table></main>"
        open_page(browser, page(wide_table))
        fails(assert_no_horizontal_overflow, browser, expect="scrollWidth")
    finally:
        set_width(browser, 1200)


def test_checker_screenshot(desktop, tmp_path):
    open_page(desktop, page())
    assert_screenshot_not_blank(desktop, tmp_path / "good.png")
    open_page(desktop, html_data_url('<!doctype html><html lang="fa" dir="rtl"><body style="background:#fff"></body></html>'))
    fails(assert_screenshot_not_blank, desktop, tmp_path / "blank.png", expect="looks blank")


class LoginHandler(http.server.BaseHTTPRequestHandler):
    """A stand-in login: GET /login is the form, POST /login with alice/secret redirects to /welcome."""

    def log_message(self, *args):
        pass

    def send_html(self, status, body, headers=()):
        data = f'<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/login":
            self.send_html(200, '<form method="post" action="/login"><input name="username">'
                                '<input type="password" name="password"><button>ورود</button></form>')
        elif self.path == "/welcome":
            self.send_html(200, "<h1>خوش آمدید</h1>")
        else:
            self.send_html(404, "<h1>پیدا نشد</h1>")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        fields = urllib.parse.parse_qs(self.rfile.read(length).decode())
        if fields.get("username") == ["alice"] and fields.get("password") == ["secret"]:
            self.send_html(303, "", [("Location", "/welcome")])
        else:
            self.send_html(401, "<h1>نام کاربری یا گذرواژه نادرست است</h1>")


def test_checker_login(desktop):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), LoginHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert login(desktop, base, "alice", "secret").endswith("/welcome")
        assert "خوش آمدید" in desktop.page_source
        login(desktop, base, "alice", "wrong")
        assert "نادرست" in desktop.page_source
    finally:
        server.shutdown()
        server.server_close()
