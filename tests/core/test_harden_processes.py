"""Worker processes of a parallel compare die with their parent, however it dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path

    PIDS = Path(sys.argv[1])

    def slow_engine(a, b):
        (PIDS / str(os.getpid())).write_text("")
        time.sleep(120)

    if __name__ == "__main__":
        from core.model import Article
        from core.store.comparing import run_comparisons

        jobs = iter([(i, Article(f"text {i}"), Article(f"other {i}")) for i in range(8)])
        for _ in run_comparisons(jobs, 2, engine=slow_engine):
            pass
    """
)


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_die_when_the_parent_is_killed(tmp_path):
    script = tmp_path / "parallel_compare.py"
    script.write_text(SCRIPT)
    pids = tmp_path / "pids"
    pids.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, str(script), str(pids)], env=env, cwd=tmp_path)
    try:
        for _ in range(600):  # until both workers are inside the engine
            if len(list(pids.iterdir())) >= 2 or parent.poll() is not None:
                break
            time.sleep(0.1)
        workers = [int(p.name) for p in pids.iterdir()]
        assert len(workers) >= 2, "the workers never started"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        for _ in range(100):  # generous: the check is that they end, not how fast
            if not any(_running(pid) for pid in workers):
                break
            time.sleep(0.1)
        survivors = [pid for pid in workers if _running(pid)]
    finally:
        if parent.poll() is None:
            parent.kill()
    for pid in survivors:  # clean up before failing
        os.kill(pid, signal.SIGKILL)
    assert survivors == []
