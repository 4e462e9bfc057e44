"""Participatory budgeting end to end with the built binary: a process file, the web vote with the code
read from the SMS log, the SMS webhook, paper ballots, results and an anonymized pabulib export."""
import datetime
import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import REPO
from live_server import serving

TOKEN = "e2e-gateway-secret"
PHONE = "09121234567"


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def process_file(folder):
    sample = json.loads((REPO / "samples" / "pb" / "tabriz-1404.json").read_text(encoding="utf-8"))
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    day = datetime.timedelta(days=1)
    starts = [now - 40 * day, now - 30 * day, now - 20 * day, now - day, now + day, now + 10 * day, now + 100 * day]
    names = ["drafting", "proposals", "feasibility_review", "voting", "tally", "published"]
    sample["id"] = "e2e-1405"
    sample["phases"] = {name: {"start": iso(starts[i]), "end": iso(starts[i + 1])} for i, name in enumerate(names)}
    sample["settings"]["allow_changes"] = False
    path = folder / "process.json"
    path.write_text(json.dumps(sample, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def setup(tmp_path_factory, tarazu):
    folder = tmp_path_factory.mktemp("pb")
    db = folder / "pb.sqlite"
    bad = folder / "bad.json"
    bad.write_text('{"id": "x", "year": 1405}', encoding="utf-8")
    refused = tarazu("pb", "process", "add", bad, "--db", db)
    assert refused.returncode == 1 and "missing" in refused.stderr, refused.stderr
    added = tarazu("pb", "process", "add", process_file(folder), "--db", db)
    assert added.returncode == 0, added.stderr
    sample = tarazu("pb", "process", "add", REPO / "samples" / "pb" / "tabriz-1404.json", "--db", db)
    assert sample.returncode == 0, sample.stderr
    listed = tarazu("pb", "process", "list", "--db", db)
    assert "e2e-1405" in listed.stdout and "tabriz-1404" in listed.stdout and "voting" in listed.stdout

    log = folder / "sms.log"
    env = {"TARAZU_SMS_LOG": str(log), "TARAZU_SMS_TOKEN": TOKEN, "PATH": "/usr/bin:/bin"}
    with serving(db, folder, env=env, replace_env=True) as base:
        yield {"folder": folder, "db": db, "base": base, "log": log}


def csrf(html):
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, html[:500]
    return match.group(1)


def test_web_vote_with_the_code_from_the_log(setup):
    base = setup["base"]
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def post(path, fields):
        data = urllib.parse.urlencode(fields).encode()
        try:
            with opener.open(base + path, data=data, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    with opener.open(base + "/pb/e2e-1405/vote", timeout=10) as response:
        page = response.read().decode("utf-8")
    token = csrf(page)
    status, body = post("/pb/e2e-1405/vote/phone", {"phone": PHONE, "csrf_token": token})
    assert status == 200 and 'name="code"' in body, body[:400]
    line = [l for l in setup["log"].read_text(encoding="utf-8").splitlines() if "+989121234567" in l][-1]
    code = re.search(r"[0-9۰-۹]{6}", json.loads(line)["text"]).group(0)
    wrong = post("/pb/e2e-1405/vote/code", {"code": "000000" if code != "000000" else "111111", "csrf_token": token})
    assert wrong[0] == 422
    status, body = post("/pb/e2e-1405/vote/code", {"code": code, "csrf_token": token})
    assert status == 200 and "district=0" in body, body[:400]
    with opener.open(base + "/pb/e2e-1405/vote/ballot?district=0", timeout=10) as response:
        form = response.read().decode("utf-8")
    assert 'name="p_1"' in form
    status, body = post("/pb/e2e-1405/vote/ballot", {"district": "0", "p_1": "1", "p_4": "1", "csrf_token": token})
    assert status == 200 and "pb-receipt" in body, body[:600]


def sms(base, sender, text, token=TOKEN):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["X-Tarazu-Gateway-Token"] = token
    request = urllib.request.Request(base + "/pb/sms/inbound", data=json.dumps({"from": sender, "text": text, "process": "e2e-1405"}).encode(),
                                     headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_sms_webhook(setup):
    base = setup["base"]
    assert sms(base, "09351112233", "رای ۱۱", token=None)[0] == 401
    status, body = sms(base, "09351112233", "سلام")
    assert status == 200 and "«رأی ۱ ۲»" in body and "«راهنما»" in body and "VOTE" not in body, body
    status, body = sms(base, "09351112233", "رای ۱۱")
    assert status == 200 and "ثبت شد" in body and len(body.strip()) <= 70, body
    # The web voter again by SMS: one person, one ballot.
    status, body = sms(base, "+98 912 123 4567", "vote 2")
    assert "already voted" in body


def test_paper_results_and_anonymized_export(setup, tarazu):
    folder, db = setup["folder"], setup["db"]
    bad = folder / "bad.csv"
    bad.write_text("voter_id,district,choices\nA1,0,1 2\nA2,0,999\n", encoding="utf-8")
    refused = tarazu("pb", "paper", "e2e-1405", bad, "--db", db)
    assert refused.returncode == 1 and "bad.csv:3" in refused.stderr, refused.stderr
    good = folder / "paper.csv"
    good.write_text("voter_id,district,choices,phone\nA1,0,۱ ۲,\nA2,1,11 12,09357778899\nA3,0,4,\n", encoding="utf-8")
    imported = tarazu("pb", "paper", "e2e-1405", good, "--db", db)
    assert imported.returncode == 0, imported.stderr
    assert tarazu("pb", "paper", "e2e-1405", good, "--db", db).returncode == 1  # the same serials again

    results = tarazu("pb", "results", "e2e-1405", "--rule", "mes", "--format", "json", "--db", db)
    assert results.returncode == 0, results.stderr
    document = json.loads(results.stdout)
    assert document["ballots"] == 5
    citywide = document["budgets"][0]
    assert citywide["district"] == "0" and citywide["ballots"] == 3 and citywide["funded"]
    assert "payments" in json.dumps(citywide["tally"])
    greedy = tarazu("pb", "results", "e2e-1405", "--rule", "greedy", "--db", db)
    assert greedy.returncode == 0 and "citywide" in greedy.stdout

    out = folder / "citywide.pb"
    exported = tarazu("pb", "export", "e2e-1405", "--district", "0", "--out", out, "--db", db)
    assert exported.returncode == 0, exported.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("META") and "num_votes;3" in text
    for secret in ["+98", "0912", "0935", "v1:", "paper:", "A1", "A3"]:
        assert secret not in text, secret
    assert not re.search(r"[0-9a-f]{32}", text)
    tally = tarazu("pb", "tally", out, "--rule", "greedy", "--format", "json")
    assert tally.returncode == 0, tally.stderr
    assert json.loads(tally.stdout)["selected"]
