"""`tarazu serve` as a user starts it: the portal and the API answer over real HTTP, in Persian by default."""
import json
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from conftest import tarazu_binary


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, tarazu):
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "demo.sqlite"
    result = tarazu("demo", "--db", db, "--reports", folder / "reports")
    assert result.returncode == 0, result.stderr
    port = free_port()
    process = subprocess.Popen([str(tarazu_binary()), "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(base + "/openapi.json", timeout=2)
            break
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None:
                pytest.fail(f"tarazu serve exited: {process.stderr.read()}")
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("tarazu serve did not answer within 60 s")
    yield base
    process.terminate()
    process.wait(timeout=20)


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
