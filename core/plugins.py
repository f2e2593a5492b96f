"""Front ends that extend the engine (the desktop window, PDF), found on demand.

``core`` never imports a front end: a distribution declares an entry point in
the ``factdiff.frontends`` group, and its target — called with no arguments —
registers what it adds through :func:`register_window` and
``core.report.export.register_exporter``. The group is read only when
something core lacks is asked for (the window, a PDF), so ``factdiff compare``
and the other commands never look; a frozen bundle ships the distribution's
metadata so the same lookup works there.
"""

from __future__ import annotations

from collections.abc import Callable

from core.errors import FactDiffError

GROUP = "factdiff.frontends"

#: Opens the window: ``runner(project=Path | None, demo=bool, screenshot=str | None,
#: size=(w, h) | None)`` returns the exit code.
WindowRunner = Callable[..., int]

_window: WindowRunner | None = None
_loaded = False
_broken: list[str] = []


def register_window(runner: WindowRunner) -> None:
    """Called by a front end's entry point: this runner opens the window."""
    global _window
    _window = runner


def entry_points(group: str) -> list:
    """The installed entry points of ``group``; importlib.metadata (~10 ms) loads only here."""
    from importlib.metadata import entry_points as installed

    return list(installed(group=group))


def load_frontends() -> None:
    """Call every ``factdiff.frontends`` entry point, once per process.

    A front end that fails to load is remembered, not raised: the caller then
    reports the missing feature in one line, naming what went wrong.
    """
    global _loaded
    if _loaded:
        return
    _loaded = True
    for entry in entry_points(group=GROUP):
        try:
            entry.load()()
        except (ImportError, AttributeError) as exc:
            _broken.append(f"{entry.name}: {exc}")


def missing(feature: str) -> FactDiffError:
    """The one-line error for a feature that no installed front end provides."""
    why = f" ({'; '.join(_broken)})" if _broken else ""
    return FactDiffError(
        f"{feature} needs the FactDiff desktop front end, which is not installed{why}"
    )


def window_runner() -> WindowRunner:
    """The installed window, loading the front ends first if need be."""
    load_frontends()
    if _window is None:
        raise missing("the window")
    return _window
