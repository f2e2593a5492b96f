"""Start the window: the QApplication, error handling, the first project.

``main(argv)`` is the entry point for ``python -m gui.app``; the CLI's
``factdiff gui`` calls :func:`run`. Unexpected exceptions end up in a dialog
(and a log file), never as a traceback on the console the user may not see.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from core import __version__
from core.errors import FactDiffError
from gui.error_dialogs import log_error, show_unexpected_error, show_user_error

SCREENSHOT_SIZE = (1400, 900)
#: Set by the start-up benchmark: wall-clock time (``time.time()``) before the
#: process was spawned, so the app can report its own time to first paint.
STARTUP_ENV = "FACTDIFF_STARTUP_T0"
LOAD_TIMEOUT_S = 60
#: Load the engine this long after the window appears, once start-up work is done.
WARM_UP_DELAY_MS = 1500


def _needs_offscreen() -> bool:
    """Screenshots must work on a machine without a display (CI, bundles)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def install_excepthook(interactive: bool) -> None:
    """Route uncaught exceptions to a dialog (or, when nobody can click, to one line)."""

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if issubclass(exc_type, FactDiffError):
            show_user_error(str(exc), interactive)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        message = f"{exc_type.__name__}: {exc}"
        if interactive:
            show_unexpected_error(message, details)
        else:
            log = log_error(details)
            print(f"factdiff: error: {message}" + (f" (details in {log})" if log else ""),
                  file=sys.stderr)
            from PySide6.QtWidgets import QApplication

            QApplication.exit(1)

    sys.excepthook = hook


#: Warnings the offscreen platform prints for every window; noise in screenshot runs.
_HARMLESS_QT_MESSAGES = ("propagateSizeHints",)


def quiet_offscreen_warnings() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if not any(part in message for part in _HARMLESS_QT_MESSAGES):
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def create_application(argv: Sequence[str]):
    """The QApplication with FactDiff's name, version and icon (one per process)."""
    from PySide6.QtWidgets import QApplication

    from gui import icons

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "factdiff", *argv])
    app.setApplicationName("FactDiff")
    app.setOrganizationName("FactDiff")
    app.setApplicationDisplayName("FactDiff")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("factdiff")
    app.setWindowIcon(icons.app_icon())
    return app


def open_initial_project(window, project: Path | None, demo: bool) -> bool:
    """PROJECT if given, else --demo, else the last project, else (first start) the demo."""
    if project is not None:
        return window.open_project(project)
    if demo:
        return window.open_demo()
    recent = [p for p in window.settings.recent_projects() if Path(p).exists()]
    if recent and window.settings.preference("open_last_project") and window.open_project(
        recent[0]
    ):
        return True
    return window.open_demo()


def wait_for_pair(window, timeout_s: float = LOAD_TIMEOUT_S) -> bool:
    """Let a pair that is being compared in a worker arrive (screenshot mode)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while window.session.pair_id is not None and window.session.pair_data is None:
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents()
        time.sleep(0.01)
    return True


def take_screenshot(window, path: str | Path, size: tuple[int, int] = SCREENSHOT_SIZE) -> Path:
    """Lay out the window at ``size`` on its first pair and save it as a PNG."""
    from PySide6.QtWidgets import QApplication

    window.reset_layout(size)
    window.show()
    wait_for_pair(window)
    for _ in range(3):
        QApplication.processEvents()
    pixmap = window.grab()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(target), "PNG"):
        raise FactDiffError(f"cannot write the screenshot to {target}")
    return target


def platform_ready() -> bool:
    """False (after saying why, on stderr and in errors.log) if Qt would abort on start.

    A missing X11 library makes Qt abort the process with a generic message
    nothing can catch, so it is looked for before Qt tries.
    """
    from gui.platform_check import platform_hint

    hint = platform_hint()
    if hint is None:
        return True
    print(f"factdiff: error: {hint}", file=sys.stderr)
    log_error(hint)
    return False


def _report_startup() -> None:
    start = os.environ.get(STARTUP_ENV)
    if start:
        elapsed = (time.time() - float(start)) * 1000
        print(f"first paint after {elapsed:.0f} ms", file=sys.stderr)


def run(project: Path | str | None = None, demo: bool = False,
        screenshot: str | Path | None = None, size: tuple[int, int] | None = None) -> int:
    """Show the window (or only photograph it) and return the exit code."""
    if screenshot and _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not platform_ready():
        return 2
    app = create_application([])
    install_excepthook(interactive=not screenshot)
    if screenshot:
        quiet_offscreen_warnings()
    from PySide6.QtCore import QTimer

    from gui.main_window import MainWindow

    window = MainWindow()
    if not screenshot:
        window.show()  # at once: opening (or, on first start, building the demo) follows
        open_initial_project(window, Path(project) if project else None, demo)
        QTimer.singleShot(WARM_UP_DELAY_MS, window.warm_up)
        return int(app.exec())
    # Never restore a remembered geometry or layout into a picture meant for others.
    window.interactive = False
    window.reset_layout(size or SCREENSHOT_SIZE)
    if not open_initial_project(window, Path(project) if project else None, demo):
        return 2
    saved = take_screenshot(window, screenshot, size or SCREENSHOT_SIZE)
    _report_startup()
    print(f"screenshot saved to {saved}")
    window.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factdiff-gui", description="FactDiff's window.")
    parser.add_argument("project", nargs="?")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--screenshot", metavar="FILE.png")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        return run(args.project, demo=args.demo, screenshot=args.screenshot)
    except FactDiffError as exc:
        print(f"factdiff: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
