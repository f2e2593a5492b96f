"""A process killed with SIGKILL mid-import leaves a sound file with every commit in it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from core.store import Project

IMPORTER = """
import sys
from core.store import Project
p = Project.open(sys.argv[1])
def progress(done, total, label):
    print(done, flush=True)
p.import_files([sys.argv[2]], progress=progress)
print("finished", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_batch_import_keeps_committed_articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(1000):
        body = f"Report {i}: the council met on day {i} and voted {i % 7} to {i % 5}.\n"
        (folder / f"a{i:04}.txt").write_text(f"Council vote {i}\n\n" + body * 20)
    path = tmp_path / "crash.factdiff"
    Project.create(path).close()

    child = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(path), str(folder)],
        stdout=subprocess.PIPE,
        text=True,
    )
    reported = 0
    for line in child.stdout:
        reported = int(line)
        if reported >= 100:
            break
    assert child.poll() is None, "the import finished before it could be killed"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    with Project.open(path) as p:  # the dead writer's lock does not keep us out
        assert p.check_integrity() == []
        articles = p.articles()
        assert reported <= len(articles) < 1000
        assert all(p.article(a.id).text for a in articles[-5:])
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        bodies = conn.execute("SELECT count(*) FROM article_bodies").fetchone()[0]
    assert bodies == len(articles)
