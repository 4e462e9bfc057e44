"""A fuzz test of the HTTP layer: random methods, paths, queries, headers, content types, cookies and bodies,
signed in and signed out, with and without a valid CSRF token, in batches; after every batch the server must
still answer /healthz, and no request may end in a 500 (an error the server did not turn into a reason).

Deterministic for a seed. CI sends TARAZU_HTTP_FUZZ_REQUESTS (default 4,000); `scripts/fuzz-http` runs longer.
"""
import json
import os
import random
import re
import socket
import time
import urllib.parse

import pytest

from live_server import add_user, demo_server, log_tail
from test_hardening import add_accounts_and_process

PASSWORD = "a sufficiently long password"
CSRF = "fuzz-double-submit-token-0123456789"
BATCH = 100

PATHS = [
    "/", "/books/{book}", "/books/{book}/report", "/books/{book}/data/budget_lines.csv", "/books/{book}/data/revenues.csv",
    "/books/{book}/datapackage.zip", "/assets/tarazu.css", "/openapi.json", "/healthz",
    "/api/v1/books", "/api/v1/cities", "/api/v1/books/{book}/years", "/api/v1/books/{book}/indicators",
    "/api/v1/books/{book}/assessment", "/api/v1/books/{book}/projects", "/api/v1/aggregate",
    "/login", "/logout", "/dashboard", "/dashboard/{book}", "/dashboard/{book}/functions", "/dashboard/{book}/regions",
    "/dashboard/{book}/economic", "/dashboard/{book}/trends", "/dashboard/{book}/compliance", "/dashboard/{book}/risks",
    "/dashboard/{book}/indicators/{id}", "/dashboard/{book}/functions/{code}", "/dashboard/{book}/projects/{code}",
    "/manage", "/manage/upload", "/manage/confirm", "/manage/books/{book}/history", "/manage/books/{book}/rollback",
    "/admin/users", "/admin/users/{user}/role", "/admin/users/{user}/disable", "/admin/audit",
    "/pb", "/pb/{slug}", "/pb/{slug}/results", "/pb/{slug}/vote", "/pb/{slug}/vote/phone", "/pb/{slug}/vote/code",
    "/pb/{slug}/vote/ballot", "/pb/sms/inbound",
]
QUERY_NAMES = ["year", "page", "pagesize", "lang", "format", "table", "measure", "drilldown", "cut", "order", "book", "rule",
               "next", "kiosk", "district", "restart", "region", "function", "limit"]
FORM_NAMES = ["csrf_token", "username", "password", "next", "phone", "code", "staging", "import_id", "role", "display_name",
              "district", "choice", "choices", "points", "from", "text", "message", "body"]
METHODS = ["GET"] * 10 + ["POST"] * 10 + ["HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "get"]


def integers(rng):
    return rng.choice(["0", "1", "-1", "2", "1403", "1402", "1399", "9223372036854775807", "-9223372036854775808",
                       "9223372036854775808", "99999999999999999999999", "1e9", "0x10", "۱۴۰۳", "١٤٠٣", "3.5", "", " 7 "])


def junk(rng, length=None):
    length = rng.randint(0, 40) if length is None else length
    alphabet = "abcz09-_.~%/\\:;,=&?#[]{}<>\"' \t|^`$!*()+@\u0627\u06cc\u202e\u200c\u0000\u00ff\ufeff\U0001f600"
    return "".join(rng.choice(alphabet) for _ in range(length))


def value(rng):
    roll = rng.random()
    if roll < 0.35:
        return integers(rng)
    if roll < 0.55:
        return rng.choice(["رای ۱ ۲ ۳", "VOTE 1 2", "رای ۱:۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹", "09121234567", "+989121234567", "fa", "en", "html", "md", "csv", "json", "xlsx", "approved", "realized", "approved.sum", "function",
                           "region", "region.code", "year|function", "year.year:1403", "function.code:05|year.year:1402",
                           "approved:desc", "_count:asc", ":", "|:|", ":desc", "a#", "#", "|", ",", ".", "..", "greedy", "mes", "mes-add1", "tabriz", "/dashboard", "//evil.example",
                           "/\\evil", "citywide", "1", "overview", "by_function"])
    if roll < 0.6:
        return "A" * rng.choice([1000, 5000, 20000])
    return junk(rng)


def path(rng, slugs):
    template = rng.choice(PATHS)
    filled = template
    for name, options in (("{book}", ["tabriz", "nope", "..", "%2e%2e", "a" * 300, junk(rng, 8)]),
                          ("{slug}", slugs + ["nope", junk(rng, 6)]),
                          ("{id}", ["execution.rate.total", "equity.gini", "nope", junk(rng, 8)]),
                          ("{code}", ["05", "01", "P-1", "nope", junk(rng, 5)]),
                          ("{user}", ["sara", "reza", "nobody", junk(rng, 5)])):
        filled = filled.replace(name, urllib.parse.quote(rng.choice(options), safe="") if rng.random() < 0.97 else rng.choice(options))
    roll = rng.random()
    if roll < 0.05:
        filled += "/" + urllib.parse.quote(junk(rng, 5), safe="")
    elif roll < 0.07:
        filled = "/" + urllib.parse.quote(junk(rng), safe="/%")
    elif roll < 0.08:
        filled = "/" + junk(rng)
    elif roll < 0.1:
        filled = filled.replace("/", "//")
    if rng.random() < 0.7:
        pairs = [(rng.choice(QUERY_NAMES), value(rng)) for _ in range(rng.randint(1, 5))]
        if rng.random() < 0.97:
            filled += "?" + urllib.parse.urlencode(pairs)
        else:
            filled += "?" + "&".join(f"{k}={v}" for k, v in pairs)
    return filled


def multipart_body(rng, fields, boundary):
    parts = []
    for name, text in fields:
        if rng.random() < 0.2:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{junk(rng, 6)}.zip"\r\n'
                         f"Content-Type: application/zip\r\n\r\n".encode("utf-8", "replace") + rng.randbytes(rng.randint(0, 300)) + b"\r\n")
        else:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{text}\r\n'.encode("utf-8", "replace"))
    end = f"--{boundary}--\r\n".encode() if rng.random() < 0.85 else b""
    return b"".join(parts) + end


def body_and_type(rng, csrf):
    fields = [(rng.choice(FORM_NAMES), value(rng)) for _ in range(rng.randint(0, 6))]
    if csrf:
        fields.insert(0, ("csrf_token", csrf))
    roll = rng.random()
    if roll < 0.4:
        return urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded"
    if roll < 0.6:
        boundary = rng.choice(["b0undary", "x", "-" * 70, "a b", "é", "", " ", '""', "a" * 71, "=;", junk(rng, 10)])
        return multipart_body(rng, fields, boundary), f"multipart/form-data; boundary={boundary}"
    if roll < 0.7:
        return json.dumps(dict(fields)).encode(), "application/json"
    if roll < 0.75:
        return b"[" * rng.randint(1, 50000), "application/json"
    if roll < 0.8:
        return b"<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>", "application/xml"
    types = ["multipart/mixed; boundary=abc", "multipart/form-data", "text/plain", "application/octet-stream", "",
             "application/x-www-form-urlencoded; charset=ebcdic", "*/*", "multipart/form-data; boundary=abc; boundary=",
             junk(rng, 12)]
    return rng.randbytes(rng.randint(0, 2000)), rng.choice(types)


def raw_request(rng, port, slugs, sessions):
    method = rng.choice(METHODS)
    target = path(rng, slugs)
    headers = {"Host": f"127.0.0.1:{port}"}
    cookies = []
    session = rng.choice([None, None] + sessions)
    csrf = None
    if session:
        cookies.append(f"tarazu_session={session['token']}")
        csrf = session["csrf"] if rng.random() < 0.8 else junk(rng, 10)
    elif rng.random() < 0.6:
        cookies.append(f"tarazu_csrf={CSRF}")
        csrf = CSRF if rng.random() < 0.8 else junk(rng, 10)
    if rng.random() < 0.15:
        cookies.append(rng.choice(["tarazu_pb=" + urllib.parse.quote(junk(rng, 30)), "tarazu_session=" + urllib.parse.quote(junk(rng, 20)),
                                   "tarazu_pb=code|hard|x|99999999999|sig", "=;;=", "a" * 5000]))
    if cookies:
        headers["Cookie"] = "; ".join(cookies)
    body = b""
    if method not in ("GET", "HEAD") or rng.random() < 0.05:
        body, content_type = body_and_type(rng, csrf)
        if content_type:
            headers["Content-Type"] = content_type
    for name in rng.sample(["Accept-Language", "If-None-Match", "X-Forwarded-For", "Accept", "Range", "Content-Encoding",
                            "Transfer-Encoding", "Expect", "X-Tarazu-Gateway-Token", "Origin", "Referer"], rng.randint(0, 3)):
        headers[name] = rng.choice(["fa", "en;q=0.1", "*", "W/\"x\", \"y\"", "bytes=0-1", "gzip", "deflate", "chunked",
                                    "100-continue", "127.0.0.1", "fuzz-token", urllib.parse.quote(junk(rng, 15)),
                                    junk(rng, 15) if rng.random() < 0.1 else "x"])
    # Content-Encoding and Transfer-Encoding values a body does not honour are part of the test; a
    # Content-Length always states the bytes sent, so a request never waits for bytes that will not come.
    if headers.get("Transfer-Encoding") == "chunked":
        body = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    else:
        headers.pop("Transfer-Encoding", None)
        headers["Content-Length"] = str(len(body))
    head = f"{method} {target} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "Connection: close\r\n\r\n"
    return method, target, head.encode("utf-8", "surrogateescape") + body


def exchange(port, data, timeout=60):
    """The status line's code, or None when the server closed without a status line (a refusal at the
    protocol level, e.g. a header it cannot parse)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as client:
        try:
            client.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        received = b""
        try:
            while b"\r\n" not in received:
                chunk = client.recv(4096)
                if not chunk:
                    break
                received += chunk
        except ConnectionResetError:
            pass
    match = re.match(rb"HTTP/1\.[01] (\d{3})", received)
    return int(match.group(1)) if match else None


def healthz(port):
    status = exchange(port, f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode(), timeout=30)
    return status


def sign_in(port, username):
    body = urllib.parse.urlencode({"csrf_token": CSRF, "username": username, "password": PASSWORD}).encode()
    head = (f"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            f"Cookie: tarazu_csrf={CSRF}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", port), timeout=60) as client:
        client.sendall(head + body)
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    token = re.search(rb"tarazu_session=([^;]+)", answer).group(1).decode()
    page = exchange_text(port, {"sara": "/admin/users", "ana": "/manage"}.get(username, "/dashboard/tabriz"),
                         f"tarazu_session={token}")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return {"token": token, "csrf": csrf}


def exchange_text(port, target, cookie):
    head = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n".encode()
    with socket.create_connection(("127.0.0.1", port), timeout=60) as client:
        client.sendall(head)
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    return answer.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def site(tmp_path_factory, tarazu):
    folder = tmp_path_factory.mktemp("http-fuzz")

    def prepare(db):
        for name, role in (("ana", "analyst"),):
            add_user(db, name, role, PASSWORD)
        add_accounts_and_process(folder)(db)

    with demo_server(tarazu, folder, prepare=prepare, env={"TARAZU_SMS_TOKEN": "fuzz-token"}) as base:
        yield {"port": int(base.rsplit(":", 1)[1]), "log": folder / "serve.log"}


def test_random_requests_never_stop_the_server(site):
    port = site["port"]
    total = int(os.environ.get("TARAZU_HTTP_FUZZ_REQUESTS", "4000"))
    seed = int(os.environ.get("TARAZU_HTTP_FUZZ_SEED", "20261204"))
    rng = random.Random(seed)
    sessions = [sign_in(port, "sara"), sign_in(port, "ana"), sign_in(port, "reza")]
    errors = []
    closed = []
    statuses = {}
    started = time.time()
    for batch in range(0, total, BATCH):
        for index in range(batch, min(total, batch + BATCH)):
            method, target, data = raw_request(rng, port, ["hard-1405"], sessions)
            try:
                status = exchange(port, data)
            except (socket.timeout, TimeoutError):
                status = "timeout"
            statuses[status] = statuses.get(status, 0) + 1
            if status in (500, "timeout"):
                errors.append(f"#{index} {status}: {method} {target[:200]}")
            elif status is None and len(closed) < 5:
                closed.append(data[:300])
        health = healthz(port)
        assert health == 200, (f"the server stopped answering /healthz after request {min(total, batch + BATCH)} "
                               f"(seed {seed}): {health}\n{log_tail(site['log'])}")
    print(f"{total} requests in {time.time() - started:.1f} s, statuses {sorted(statuses.items(), key=str)}")
    print("closed without a status line, e.g.:", *closed, sep="\n  ")
    assert not errors, "\n".join(errors[:30]) + "\n" + log_tail(site["log"], 60)
