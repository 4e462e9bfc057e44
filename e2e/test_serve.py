"""`tarazu serve` as a user starts it: the portal and the API answer over real HTTP, in Persian by default."""
import json
import urllib.error
import urllib.request

import pytest

from live_server import serving


@pytest.fixture(scope="module")
def server(tmp_path_factory, tarazu):
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "demo.sqlite"
    result = tarazu("demo", "--db", db, "--reports", folder / "reports")
    assert result.returncode == 0, result.stderr
    with serving(db, folder) as base:
        yield base


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers, response.read().decode("utf-8")


def test_portal_is_persian_first_with_an_english_switch(server):
    status, headers, body = get(server + "/")
    assert status == 200
    assert 'dir="rtl"' in body and 'lang="fa"' in body
    assert "script-src 'none'" in headers.get("Content-Security-Policy", "")
    assert "<script" not in body.lower()
    status, _, english = get(server + "/?lang=en")
    assert status == 200 and 'lang="en"' in english


def test_api_lists_the_sample_book_and_its_assessment(server):
    status, headers, body = get(server + "/api/v1/books")
    assert status == 200 and headers.get("Content-Type", "").startswith("application/json")
    books = json.loads(body)
    names = [book["name"] for book in (books["books"] if isinstance(books, dict) else books)]
    assert "tabriz" in names
    status, _, body = get(server + "/api/v1/books/tabriz/assessment")
    statuses = [criterion["status"] for criterion in json.loads(body)["criteria"]]
    assert statuses == ["weak", "partial", "partial", "absent", "weak"]


def test_unknown_book_is_a_404_with_a_json_reason(server):
    with pytest.raises(urllib.error.HTTPError) as refused:
        get(server + "/api/v1/books/nowhere/indicators")
    assert refused.value.code == 404
    assert "error" in json.loads(refused.value.read().decode("utf-8"))
