"""ClaimReview export: valid objects only, checked against docs/claimreview.md; gaps named per item."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_report_project import sample_project_file

from core.cli import main
from core.errors import FactDiffError
from core.report.claimreview import build_claimreviews, render_claimreview
from core.report.claimreview_config import (
    ClaimReviewConfig,
    RatingRule,
    config_from_dict,
    default_config,
    load_config,
    save_config,
    user_config_path,
)
from core.report.collect import build_report
from core.report.options import ReportOptions
from core.store import Project

DOC = Path(__file__).resolve().parents[2] / "docs" / "claimreview.md"
ORG = ["--organization", "Harbour Checks", "--organization-url", "https://checks.example"]
PUBLISH = ["--review-url", "https://checks.example/harbour-fire#{id}"]


def documented_properties() -> dict[str, str]:
    """``property path → level`` from the Properties table of docs/claimreview.md."""
    section = DOC.read_text(encoding="utf-8").split("## Properties", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| (required|recommended|optional) \|$", section, re.M)
    return dict(rows)


def flatten(obj: dict, prefix: str = "") -> set[str]:
    paths = set()
    for key, value in obj.items():
        path = f"{prefix}{key}"
        paths.add(path)
        if isinstance(value, dict):
            paths |= flatten(value, f"{path}.")
    return paths


def check_against_doc(review: dict) -> list[str]:
    """What is wrong with one object under the documented table (empty: valid)."""
    documented = documented_properties()
    present = flatten(review)
    problems = [f"undocumented {p}" for p in sorted(present - set(documented))]
    problems += [f"missing {p}" for p, level in documented.items()
                 if level == "required" and p not in present]  # fmt: skip
    for path in present:
        value = review
        for key in path.split("."):
            value = value[key]
        if isinstance(value, str) and not value.strip():
            problems.append(f"empty {path}")
    if review.get("@type") != "ClaimReview" or review.get("@context") != "https://schema.org":
        problems.append("not a schema.org ClaimReview")
    rating = review.get("reviewRating", {})
    if "ratingValue" in rating:
        low, high = sorted((rating["worstRating"], rating["bestRating"]))
        if not low <= rating["ratingValue"] <= high:
            problems.append("ratingValue outside the scale")
    return problems


@pytest.fixture
def project_file(tmp_path):
    path = sample_project_file(tmp_path / "harbour.factdiff")
    with Project.open(path) as p:
        p.annotate(1, "att-21b0", status="confirmed", verdict="Misleading")
        p.annotate(1, "omi-3c9d", status="confirmed", verdict="half true")
    return path


def test_doc_lists_required_and_recommended_properties():
    documented = documented_properties()
    for required in ("claimReviewed", "url", "reviewRating.alternateName", "author.name",
                     "itemReviewed.appearance.url"):  # fmt: skip
        assert documented[required] == "required"
    assert documented["reviewRating.ratingValue"] == "recommended"


def test_cli_writes_only_valid_objects_and_names_the_rest(project_file, tmp_path, capsys):
    out = tmp_path / "reviews.jsonld"
    args = ["report", str(project_file), "--format", "claimreview", "-o", str(out), *ORG, *PUBLISH]
    assert main(args) == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["False", "Misleading"]
    for review in reviews:
        assert check_against_doc(review) == []
        assert set(flatten(review)) >= {  # the sample articles carry every recommended datum
            p for p, level in documented_properties().items() if level == "recommended"
        }
    first = reviews[0]
    assert first["claimReviewed"].startswith("A fire at a harbour warehouse killed 12 people")
    assert first["url"] == "https://checks.example/harbour-fire#num-5f1c"
    assert first["itemReviewed"]["appearance"]["url"] == "https://planet.example/news/harbour-fire"
    assert first["reviewRating"]["ratingValue"] == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        "factdiff: left out #4 omi-3c9d (pair 1): missing reviewRating "
        "(no rating for the verdict 'half true' in the rating table)"
    )
    assert err[-1] == "factdiff: 2 ClaimReview objects written, 1 left out"


def test_missing_fields_named_per_item_and_no_file_written(project_file, tmp_path, capsys):
    with Project.open(project_file) as p:
        p.edit_article(1, url="")
    out = tmp_path / "reviews.jsonld"
    out.write_text("old", encoding="utf-8")
    assert main(["report", str(project_file), "--format", "claimreview", "-o", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    skipped = [line for line in err if line.startswith("factdiff: left out")]
    assert len(skipped) == 3  # one line per candidate
    assert "url (no web address to publish the review at" in skipped[0]
    assert "author.name (no fact-checking organisation" in skipped[0]
    assert "itemReviewed.appearance.url (article 1 has no web address)" in skipped[0]
    assert err[-1].startswith("factdiff: error: no valid ClaimReview")
    assert out.read_text(encoding="utf-8") == "old"


def test_nothing_confirmed_is_an_error(tmp_path, capsys):
    path = sample_project_file(tmp_path / "h.factdiff")
    args = ["report", str(path), "--format", "claimreview", "--kind", "quote", *ORG, *PUBLISH]
    assert main(args) == 2
    assert "no confirmed discrepancy has a verdict" in capsys.readouterr().err


def test_preferences_file_is_what_the_cli_reads(project_file, tmp_path, capsys):
    assert user_config_path().parent != Path.home() / ".config" / "FactDiff"
    config = ClaimReviewConfig(
        organization="Desk", review_url="https://desk.example/r", worst_rating=0, best_rating=1,
        ratings=(RatingRule("inaccurate", "Wrong", 0), RatingRule("misleading", "Skewed", 0.5)),
    )  # fmt: skip
    save_config(config)
    assert user_config_path().is_file()
    assert main(["report", str(project_file), "--format", "claimreview"]) == 0
    reviews = json.loads(capsys.readouterr().out)
    assert [(r["reviewRating"]["alternateName"], r["reviewRating"]["ratingValue"])
            for r in reviews] == [("Wrong", 0), ("Skewed", 0.5)]  # fmt: skip
    assert {r["author"]["name"] for r in reviews} == {"Desk"}
    assert all(check_against_doc(r) == [] for r in reviews)


def test_shipped_table_matches_the_documented_one():
    rows = re.findall(r"^\| `(\w+)` \| ([\w ]+) \| (\d+) \|$", DOC.read_text(), re.M)
    table = {verdict: (rating, int(value)) for verdict, rating, value in rows}
    assert table == {r.verdict: (r.rating, r.value) for r in default_config().ratings}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a JSON object"),
        ({"ratings": {"x": {"rating": "X", "value": 9}}}, "outside 1–5"),
        ({"ratings": {"x": {"rating": "", "value": 1}}}, "has no rating text"),
        ({"ratings": {"x": {"rating": "X", "value": "1"}}}, "x.value must be a number"),
        ({"worst_rating": 2, "best_rating": 2}, "must differ"),
        ({"organization": 3}, "organization must be text"),
    ],
)
def test_bad_rating_tables_are_refused_in_one_line(data, message):
    with pytest.raises(FactDiffError, match=message):
        config_from_dict(data)


def test_unreadable_settings_file_is_one_line_error(project_file, capsys):
    assert user_config_path().parent != Path.home() / ".config" / "FactDiff"
    user_config_path().parent.mkdir(parents=True, exist_ok=True)
    user_config_path().write_text("{not json", encoding="utf-8")
    assert main(["report", str(project_file), "--format", "claimreview"]) == 2
    assert capsys.readouterr().err.startswith("factdiff: error: claimreview.json cannot be read")
    with pytest.raises(FactDiffError):
        load_config()


@settings(max_examples=60, deadline=None)
@given(org=st.text(min_size=1), title=st.text())
def test_untrusted_text_cannot_end_a_script_element(tmp_path_factory, org, title):
    from dataclasses import replace

    data = _sample_data(tmp_path_factory)
    pair = data.events[0].pairs[0]
    data = replace(data, events=(replace(data.events[0], pairs=(
        replace(pair, a=replace(pair.a, title=title)),)),))  # fmt: skip
    config = replace(default_config(), organization=org, review_url="https://x.example/r")
    export = build_claimreviews(data, config, today=date(2026, 11, 22))
    if not export.reviews:
        return  # an organisation name of blanks only: named as missing, nothing written
    text = render_claimreview(export)
    assert "<" not in text and ">" not in text and "\u2028" not in text
    reviews = json.loads(text)
    assert all(check_against_doc(r) == [] for r in reviews)
    assert reviews[0]["datePublished"] == "2026-11-22"


_SAMPLE: dict = {}


def _sample_data(tmp_path_factory):
    if "data" not in _SAMPLE:
        path = sample_project_file(tmp_path_factory.mktemp("cr") / "h.factdiff")
        with Project.open(path, readonly=True) as p:
            _SAMPLE["data"] = build_report(p, ReportOptions(statuses=("confirmed",)))
    return _SAMPLE["data"]
