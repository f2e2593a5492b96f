"""Test-wide set-up: headless Qt, settings in a temp folder, the seed articles."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DEMO = ROOT / "resources" / "demo"
REQUIRE_SEEDS = "FACTDIFF_REQUIRE_SEEDS"  # set: missing ../shared data fails a test, not skips it


def seed(prefix: str) -> Path:
    """The seed article whose file name starts with ``prefix`` ("000", "002"…)."""
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        missing_shared_data(f"seed {prefix}", SEEDS)
    return matches[0]


def missing_shared_data(what: str, where: Path) -> NoReturn:
    """Skip the test for want of ``../shared`` test data, or fail it where that data is required.

    A checkout without ``../shared`` may still run the rest of the suite; CI sets
    ``FACTDIFF_REQUIRE_SEEDS=1`` because there a silent skip would hide tests that never ran.
    """
    if os.environ.get(REQUIRE_SEEDS, "") not in ("", "0"):
        pytest.fail(f"{what} not found at {where} ({REQUIRE_SEEDS} is set)", pytrace=False)
    pytest.skip(f"{what} not available at {where} (set {REQUIRE_SEEDS}=1 to fail instead)")


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """Keep QSettings, recent files and reviewer names out of the real home."""
    home = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("FACTDIFF_SETTINGS_DIR", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    yield
