"""Shared fixtures for the end-to-end tests: they run the built `tarazu` binary as a user would."""
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


def tarazu_binary() -> pathlib.Path:
    explicit = os.environ.get("TARAZU_BIN")
    if explicit:
        return pathlib.Path(explicit)
    return REPO / ".build" / "debug" / "tarazu"


@pytest.fixture(scope="session")
def tarazu():
    binary = tarazu_binary()
    if not binary.exists():
        pytest.fail(f"{binary} does not exist: build it first (swift build) or set TARAZU_BIN")

    def run(*args, cwd=None, env=None):
        full_env = dict(os.environ)
        full_env.pop("DATABASE_URL", None)
        full_env.update(env or {})
        return subprocess.run([str(binary), *map(str, args)], capture_output=True, text=True, cwd=cwd, env=full_env, timeout=600)

    return run


@pytest.fixture(scope="session")
def shared():
    if not (SHARED / "data").is_dir():
        pytest.fail(f"the shared data folder {SHARED / 'data'} is missing")
    return SHARED


@pytest.fixture
def postgres_url():
    url = os.environ.get("TARAZU_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("TARAZU_TEST_POSTGRES_URL is not set (scripts/test sets it)")
    return url
