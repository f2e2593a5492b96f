"""ClaimReview settings: who publishes, where, and how verdicts become ratings.

One JSON file holds them (documented in docs/claimreview.md): the copy in the
user's settings folder (``claimreview.json``, edited by the window's
preferences and read by ``factdiff report --format claimreview``) when there
is one, otherwise the defaults shipped beside this module. Keeping the table
in data means a newsroom's own rating names never need a code change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.atomic_file import replacing
from core.errors import FactDiffError
from core.user_config import config_dir

FILE_NAME = "claimreview.json"
DEFAULTS_PATH = Path(__file__).with_name("claimreview_ratings.json")


@dataclass(frozen=True)
class RatingRule:
    """One verdict's rating: the textual rating (``alternateName``) and its number."""

    verdict: str
    rating: str
    value: float


@dataclass(frozen=True)
class ClaimReviewConfig:
    organization: str = ""
    organization_url: str = ""
    review_url: str = ""
    worst_rating: float = 1
    best_rating: float = 5
    ratings: tuple[RatingRule, ...] = field(default=())

    def rule(self, verdict: str) -> RatingRule | None:
        key = verdict.strip().casefold()
        return next((r for r in self.ratings if r.verdict.casefold() == key), None)


def user_config_path() -> Path:
    return config_dir() / FILE_NAME


def load_config(path: Path | None = None) -> ClaimReviewConfig:
    """``path``, else the user's file if it exists, else the shipped defaults."""
    if path is None:
        path = user_config_path()
        if not path.is_file():
            path = DEFAULTS_PATH
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FactDiffError(f"no such file: {path}") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise FactDiffError(f"{path.name} cannot be read ({exc})") from None
    return config_from_dict(data, path.name)


def default_config() -> ClaimReviewConfig:
    return load_config(DEFAULTS_PATH)


def config_from_dict(data: Any, name: str = FILE_NAME) -> ClaimReviewConfig:
    """Check every field once, so a hand-edited file fails with one clear line."""
    if not isinstance(data, dict):
        raise FactDiffError(f"{name}: expected a JSON object")
    worst = _number(data.get("worst_rating", 1), name, "worst_rating")
    best = _number(data.get("best_rating", 5), name, "best_rating")
    if worst == best:
        raise FactDiffError(f"{name}: worst_rating and best_rating must differ")
    ratings = data.get("ratings", {})
    if not isinstance(ratings, dict):
        raise FactDiffError(f"{name}: 'ratings' must map verdicts to ratings")
    rules = tuple(_rule(verdict, entry, name, worst, best) for verdict, entry in ratings.items())
    return ClaimReviewConfig(
        organization=_text(data.get("organization", ""), name, "organization"),
        organization_url=_text(data.get("organization_url", ""), name, "organization_url"),
        review_url=_text(data.get("review_url", ""), name, "review_url"),
        worst_rating=worst,
        best_rating=best,
        ratings=rules,
    )


def config_to_dict(config: ClaimReviewConfig) -> dict[str, Any]:
    return {
        "organization": config.organization,
        "organization_url": config.organization_url,
        "review_url": config.review_url,
        "worst_rating": config.worst_rating,
        "best_rating": config.best_rating,
        "ratings": {r.verdict: {"rating": r.rating, "value": r.value} for r in config.ratings},
    }


def save_config(config: ClaimReviewConfig, path: Path | None = None) -> Path:
    """Write the settings file atomically (checked first: an invalid table is never saved)."""
    data = config_to_dict(config)
    config_from_dict(data)
    target = path or user_config_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with replacing(target) as tmp:
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def _rule(verdict: Any, entry: Any, name: str, worst: float, best: float) -> RatingRule:
    verdict = " ".join(str(verdict).split())
    if not verdict:
        raise FactDiffError(f"{name}: a rating has no verdict name")
    if not isinstance(entry, dict):
        raise FactDiffError(f"{name}: the rating of {verdict!r} must be an object")
    rating = " ".join(_text(entry.get("rating", ""), name, f"{verdict}.rating").split())
    if not rating:
        raise FactDiffError(f"{name}: the verdict {verdict!r} has no rating text")
    value = _number(entry.get("value"), name, f"{verdict}.value")
    if not min(worst, best) <= value <= max(worst, best):
        raise FactDiffError(
            f"{name}: the value of {verdict!r} ({value:g}) is outside {worst:g}–{best:g}"
        )
    return RatingRule(verdict, rating, value)


def _number(value: Any, name: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FactDiffError(f"{name}: {key} must be a number")
    return int(value) if float(value).is_integer() else float(value)


def _text(value: Any, name: str, key: str) -> str:
    if not isinstance(value, str):
        raise FactDiffError(f"{name}: {key} must be text")
    return value.strip()
