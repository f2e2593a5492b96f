"""Tests that need ``../shared`` data skip without it locally, and fail without it on CI."""

from __future__ import annotations

import re

import conftest
import pytest
from conftest import REQUIRE_SEEDS, ROOT, seed


@pytest.fixture
def no_seeds(tmp_path, monkeypatch):
    """A checkout whose ``../shared/seeds`` folder is empty."""
    monkeypatch.setattr(conftest, "SEEDS", tmp_path)
    return tmp_path


@pytest.mark.parametrize("value", ["1", "yes"])
def test_a_missing_seed_fails_where_seeds_are_required(no_seeds, monkeypatch, value):
    monkeypatch.setenv(REQUIRE_SEEDS, value)
    with pytest.raises(pytest.fail.Exception, match=f"seed 000 not found at {re.escape(str(no_seeds))}"):
        seed("000")


@pytest.mark.parametrize("value", [None, "", "0"])
def test_a_missing_seed_skips_with_its_reason_otherwise(no_seeds, monkeypatch, value):
    if value is None:
        monkeypatch.delenv(REQUIRE_SEEDS, raising=False)
    else:
        monkeypatch.setenv(REQUIRE_SEEDS, value)
    with pytest.raises(pytest.skip.Exception, match=f"set {REQUIRE_SEEDS}=1 to fail instead"):
        seed("000")


def test_a_present_seed_is_found_whatever_the_setting(tmp_path, monkeypatch):
    article = tmp_path / "000_abc.txt"
    article.write_text("Title\n\nBody.", encoding="utf-8")
    monkeypatch.setattr(conftest, "SEEDS", tmp_path)
    monkeypatch.setenv(REQUIRE_SEEDS, "1")
    assert seed("000") == article


def test_ci_requires_the_seeds_and_runs_only_make_test():
    commands = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert f"export {REQUIRE_SEEDS}=1" in commands
    assert commands[-1] == "make test"
