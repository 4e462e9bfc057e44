"""Accounts, sign-in, upload, confirm and rollback against the real binary (`tarazu user add`, `tarazu serve`,
`tarazu audit`). Cookies are sent by hand: the session cookie is Secure, and Python's cookie jar does not
send a Secure cookie over plain http."""
import io
import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile

import pytest

from conftest import REPO, tarazu_binary
from live_server import serving

PASSWORD = "a sufficiently long password"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(url, data=None, headers=None):
    """(status, headers, body) without following redirects."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data is not None else "GET")
    try:
        with OPENER.open(req, timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


def cookie(headers, name):
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith(name + "="):
            return value.split(";", 1)[0].split("=", 1)[1], value
    return None, None


def field(html, name):
    match = re.search(r'name="%s" value="([^"]*)"' % name, html)
    assert match, f"no {name} field in the page"
    return match.group(1)


def form(fields):
    return urllib.parse.urlencode(fields).encode("utf-8")


def multipart(fields, file_field, file_name, data):
    boundary = "tarazu-" + uuid.uuid4().hex
    body = io.BytesIO()
    for key, value in fields.items():
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
               f"Content-Type: application/zip\r\n\r\n".encode())
    body.write(data)
    body.write(f"\r\n--{boundary}--\r\n".encode())
    return body.getvalue(), f"multipart/form-data; boundary={boundary}"


def small_book_zip(realized_first_line="384000000"):
    folder = REPO / "fixtures" / "small-book"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            data = path.read_bytes()
            if path.name == "budget_lines.csv":
                data = data.replace(b",400000000,400000000,384000000", b",400000000,400000000," + realized_first_line.encode(), 1)
            archive.writestr("small-book/" + path.name, data)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def site(tmp_path_factory, tarazu):
    folder = tmp_path_factory.mktemp("accounts")
    db = folder / "accounts.sqlite"
    short = subprocess.run([str(tarazu_binary()), "user", "add", "sara", "--role", "analyst", "--password-stdin", "--db", str(db)],
                           input="short\n", capture_output=True, text=True, timeout=120)
    assert short.returncode != 0 and "at least 12" in short.stderr
    added = subprocess.run([str(tarazu_binary()), "user", "add", "sara", "--role", "analyst", "--display-name", "سارا",
                            "--password-stdin", "--db", str(db)], input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stderr
    listed = tarazu("user", "list", "--db", db)
    assert listed.returncode == 0 and "sara\tanalyst\tactive" in listed.stdout
    with serving(db, folder) as base:
        yield base, db


def test_sign_in_upload_confirm_rollback_and_audit(site, tarazu):
    base, db = site
    status, headers, _ = request(base + "/manage")
    assert status == 303 and headers["Location"] == "/login?next=/manage"

    status, headers, page = request(base + "/login?next=/manage")
    assert status == 200 and 'dir="rtl"' in page and "<script" not in page.lower()
    csrf_cookie, raw = cookie(headers, "tarazu_csrf")
    assert csrf_cookie == field(page, "csrf_token") and "HttpOnly" in raw and "SameSite=Strict" in raw

    # Without the double-submit cookie the sign-in is refused.
    status, _, _ = request(base + "/login", form({"csrf_token": csrf_cookie, "username": "sara", "password": PASSWORD}),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403

    status, headers, _ = request(base + "/login", form({"csrf_token": csrf_cookie, "username": "sara", "password": PASSWORD,
                                                         "next": "/manage"}),
                                 {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"tarazu_csrf={csrf_cookie}"})
    assert status == 303 and headers["Location"] == "/manage"
    session, raw = cookie(headers, "tarazu_session")
    assert session and all(flag in raw for flag in ("HttpOnly", "Secure", "SameSite=Strict", "Path=/"))
    signed_in = {"Cookie": f"tarazu_session={session}"}

    status, _, page = request(base + "/manage", headers=signed_in)
    assert status == 200 and "سارا" in page
    csrf = field(page, "csrf_token")

    def upload(data, name):
        body, content_type = multipart({"csrf_token": csrf}, "book", name, data)
        return request(base + "/manage/upload", body, {**signed_in, "Content-Type": content_type})

    def confirm(preview):
        return request(base + "/manage/confirm", form({"csrf_token": csrf, "staging": field(preview, "staging")}),
                       {**signed_in, "Content-Type": "application/x-www-form-urlencoded"})

    status, _, preview = upload(small_book_zip(), "small-book.zip")
    assert status == 200 and "کتاب تازه" in preview
    status, headers, _ = confirm(preview)
    assert status == 303 and headers["Location"] == "/manage/books/small-book/history"

    status, _, preview = upload(small_book_zip("385000000"), "small-book-v2.zip")
    assert status == 200 and "نسخهٔ ذخیره‌شده" in preview
    assert confirm(preview)[0] == 303

    status, _, bad = upload(small_book_zip("not a number"), "bad.zip")
    assert status == 422 and "budget_lines.csv" in bad

    status, _, history = request(base + "/manage/books/small-book/history", headers=signed_in)
    assert status == 200
    first = re.findall(r'name="import_id" value="(\d+)"', history)
    assert len(first) == 1
    status, _, _ = request(base + "/manage/books/small-book/rollback", form({"csrf_token": csrf, "import_id": first[0]}),
                           {**signed_in, "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 303

    listing = tarazu("history", "small-book", "--db", db)
    lines = listing.stdout.strip().splitlines()
    assert len(lines) == 3 and lines[0].split("\t")[2] == lines[2].split("\t")[2]
    assert f"rollback to import #{first[0]}" in lines[2] and "by sara" in lines[2]

    # The command line restores the second version again, and refuses an import that does not exist.
    second = re.search(r"import #(\d+)", lines[1]).group(1)
    restored = tarazu("rollback", "small-book", "--to", second, "--db", db)
    assert restored.returncode == 0 and f"to import #{second}" in restored.stdout, restored.stderr
    missing = tarazu("rollback", "small-book", "--to", "999", "--db", db)
    assert missing.returncode == 1 and "no import #999" in missing.stderr
    assert len(tarazu("history", "small-book", "--db", db).stdout.strip().splitlines()) == 4

    status, _, _ = request(base + "/logout", form({"csrf_token": csrf}),
                           {**signed_in, "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 303
    assert request(base + "/manage", headers=signed_in)[0] == 303

    audit = tarazu("audit", "--db", db)
    assert audit.returncode == 0
    for action in ("user.add", "login.success", "upload.accept", "upload.reject", "import.confirm", "book.rollback", "logout"):
        assert f"\t{action}\t" in audit.stdout, action
    assert "\tcli\tuser.add\tsara\t" in audit.stdout
    assert "\tcli\tbook.rollback\tsmall-book\t" in audit.stdout
