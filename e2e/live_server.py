"""`tarazu serve` over a fresh demo store, for tests that send many requests (API fuzzing, a browser).

The server's request log goes to a file, not to a pipe nobody reads: a busy test would otherwise fill
the pipe buffer (about 500 logged requests) and the server would block on its next log line.
"""
import contextlib
import os
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


def log_tail(path, lines=40):
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@contextlib.contextmanager
def serving(db, folder, timeout=60, env=None, args=(), replace_env=False):
    """Start `tarazu serve` on DB at a free port (its log in FOLDER/serve.log), wait until /healthz answers,
    yield its base URL (http://127.0.0.1:PORT), stop it afterwards. ENV is added to the environment, or is
    the whole environment with REPLACE_ENV."""
    port = free_port()
    log = folder / "serve.log"
    environment = dict(env or {}) if replace_env else {**os.environ, **(env or {})}
    with open(log, "w", encoding="utf-8") as sink:
        process = subprocess.Popen([str(tarazu_binary()), "serve", "--db", str(db), "--port", str(port), *args],
                                   stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=environment)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if process.poll() is not None:
                    pytest.fail(f"tarazu serve exited ({process.returncode}):\n{log_tail(log)}")
                if time.time() > deadline:
                    pytest.fail(f"tarazu serve did not answer within {timeout} s:\n{log_tail(log)}")
                time.sleep(0.3)
        yield base
        if process.poll() is not None:
            pytest.fail(f"tarazu serve died during the test ({process.returncode}):\n{log_tail(log)}")
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextlib.contextmanager
def demo_server(tarazu, folder, timeout=60, prepare=None, env=None, args=()):
    """Import the Tabriz demo into FOLDER/demo.sqlite, call PREPARE(db) if given (e.g. to add accounts),
    then serve it (``serving``) and yield its base URL. `tarazu` is the conftest fixture."""
    db = folder / "demo.sqlite"
    result = tarazu("demo", "--db", db, "--reports", folder / "reports")
    assert result.returncode == 0, f"tarazu demo failed: {result.stderr or result.stdout}"
    if prepare:
        prepare(db)
    with serving(db, folder, timeout=timeout, env=env, args=args) as base:
        yield base


def add_user(db, name, role, password, display_name=None):
    """Adds an account to the store `db` with `tarazu user add`, the password on standard input."""
    args = [str(tarazu_binary()), "user", "add", name, "--role", role]
    if display_name:
        args += ["--display-name", display_name]
    added = subprocess.run(args + ["--password-stdin", "--db", str(db)], input=password + "\n", capture_output=True,
                           text=True, timeout=120)
    assert added.returncode == 0, added.stderr
