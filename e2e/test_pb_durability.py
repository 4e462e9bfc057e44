"""kill -9 in the middle of ballot intake loses no acknowledged ballot (scripts/pb-kill9 against the built
binary: SMS-webhook ballots from 16 clients, SIGKILL after 1.5 s, every acknowledged voter key looked up)."""
import pathlib
import subprocess
import sys

from conftest import REPO, tarazu_binary


def test_kill_minus_nine_loses_no_acknowledged_ballot():
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "pb-kill9"), str(tarazu_binary()), "--seconds", "1.5"],
                            capture_output=True, text=True, timeout=300)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ", 0 acknowledged ballots lost" in result.stdout
    acknowledged = int(result.stdout.split(" ballots acknowledged")[0].rsplit(" ", 1)[1])
    assert acknowledged > 0
