"""Test-wide set-up: headless Qt, settings in a temp folder, the seed articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DEMO = ROOT / "resources" / "demo"


def seed(prefix: str) -> Path:
    """The seed article whose file name starts with ``prefix`` ("000", "002"…)."""
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        if os.environ.get("CI"):  # CI always has ../shared: a missing seed is a broken run
            pytest.fail(f"seed {prefix} not found at {SEEDS}", pytrace=False)
        pytest.skip(f"seed {prefix} not available at {SEEDS}")
    return matches[0]


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """Keep QSettings, recent files and reviewer names out of the real home."""
    home = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("FACTDIFF_SETTINGS_DIR", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    yield
