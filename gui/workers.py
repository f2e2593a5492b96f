"""Background work: a QRunnable per job, reporting back through signals.

The GUI thread must never wait on the engine or the disk for long, so
imports, comparisons and downloads run in the global thread pool. Each job is
started through a :class:`TaskRunner` *channel* (e.g. ``"compare"``); starting
a new job on a channel cancels the previous one and bumps the channel's
generation, and results carrying an old generation are dropped — so a slow
answer to an old question can never overwrite a newer one.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from core.errors import FactDiffError

#: A job receives ``progress(done, total, label)`` and ``cancelled() -> bool``.
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], object]

#: Progress reports closer together than this are coalesced, so a chatty job
#: cannot flood the GUI thread's event queue.
PROGRESS_INTERVAL = 0.05


class Cancelled_(Exception):  # noqa: N801 - internal marker, never shown
    """Raised by :func:`check` to unwind a job that noticed it was cancelled."""


@dataclass
class Failure:
    """Why a job failed: ``expected`` errors are one-line FactDiffErrors."""

    message: str
    expected: bool
    details: str = ""


class TaskSignals(QObject):
    """Signals live on a QObject owned by the GUI thread; the runnable only emits."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Task(QRunnable):
    """Runs ``job`` once in a pool thread and reports through :attr:`signals`."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self.signals = TaskSignals()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, done: int, total: int, label: str) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL:
            return
        self._last_progress = now
        self.signals.progress.emit(int(done), int(total), str(label))

    def run(self) -> None:  # noqa: D401 - Qt override
        try:
            result = self._job(self._report, self.is_cancelled)
        except Cancelled_:
            self.signals.cancelled.emit()
        except FactDiffError as exc:
            self.signals.failed.emit(Failure(str(exc), expected=True))
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost
            details = "".join(traceback.format_exception(exc))
            self.signals.failed.emit(Failure(f"{type(exc).__name__}: {exc}", False, details))
        else:
            if self.is_cancelled():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)


def check(cancelled: Cancelled) -> None:
    """Unwind the current job when the user pressed Cancel."""
    if cancelled():
        raise Cancelled_


class TaskRunner(QObject):
    """Starts jobs on named channels and drops results from stale generations."""

    started = Signal(str, str)  # channel, title
    progress = Signal(str, int, int, str)  # channel, done, total, label
    ended = Signal(str)  # channel: finished, failed or cancelled — progress UI can go
    failed = Signal(str, object)  # channel, Failure

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._generation: dict[str, int] = {}
        self._tasks: dict[str, Task] = {}
        self._titles: dict[str, str] = {}
        # Every started task stays referenced until it reports its end, even when
        # superseded, so Python never frees a runnable the pool still holds.
        self._alive: set[Task] = set()
        # (jobs still to end, what to call then), from after_running_jobs.
        self._waiting: list[tuple[set[Task], Callable[[], None]]] = []

    def generation(self, channel: str) -> int:
        return self._generation.get(channel, 0)

    def is_busy(self, channel: str | None = None) -> bool:
        if channel is None:
            return bool(self._tasks)
        return channel in self._tasks

    def busy_channels(self) -> list[str]:
        return list(self._tasks)

    def title(self, channel: str) -> str:
        return self._titles.get(channel, "")

    def start(
        self,
        channel: str,
        title: str,
        job: Job,
        on_done: Callable[[object], None],
        on_cancelled: Callable[[], None] | None = None,
    ) -> int:
        """Run ``job``; ``on_done(result)`` is called in the GUI thread if still current."""
        self.cancel(channel)
        generation = self._generation.get(channel, 0) + 1
        self._generation[channel] = generation
        task = Task(job)
        self._tasks[channel] = task
        self._titles[channel] = title
        self._alive.add(task)
        sig = task.signals
        queued = Qt.ConnectionType.QueuedConnection
        sig.progress.connect(
            lambda d, t, label: self._on_progress(channel, generation, d, t, label), queued)
        sig.finished.connect(
            lambda result: self._on_finished(task, channel, generation, result, on_done), queued)
        sig.failed.connect(
            lambda failure: self._on_failed(task, channel, generation, failure), queued)
        sig.cancelled.connect(
            lambda: self._on_cancelled(task, channel, generation, on_cancelled), queued)
        self.started.emit(channel, title)
        self._pool.start(task)
        return generation

    def cancel(self, channel: str | None = None) -> None:
        """Ask the channel's job (or every job) to stop; its result will be dropped."""
        channels = [channel] if channel is not None else list(self._tasks)
        for name in channels:
            task = self._tasks.get(name)
            if task is not None:
                task.cancel()

    def abandon(self) -> None:
        """Cancel every job and drop whatever it still reports, without waiting for it.

        Each channel ends at once (its progress can go); a job that is still
        unwinding finishes in the background, and :meth:`after_running_jobs` says when.
        """
        for channel in list(self._tasks):
            self._tasks.pop(channel).cancel()
            self._generation[channel] = self._generation.get(channel, 0) + 1
            self.ended.emit(channel)

    def is_idle(self) -> bool:
        """True once every job this runner started has reported its end, abandoned ones too."""
        return not self._alive

    def after_running_jobs(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` in the GUI thread once every job running now has ended.

        Now, if none is. Jobs started later are not waited for, so a project
        being closed is not kept open by the work on the next one.
        """
        if self._alive:
            self._waiting.append((set(self._alive), callback))
        else:
            callback()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (used on quit so no job writes to a closed file)."""
        return self._pool.waitForDone(msecs)

    def _current(self, channel: str, generation: int) -> bool:
        return self._generation.get(channel) == generation

    def _finish(self, task: Task, channel: str, generation: int) -> bool:
        self._alive.discard(task)
        self._release_waiting(task)
        if not self._current(channel, generation):
            return False
        self._tasks.pop(channel, None)
        self.ended.emit(channel)
        return True

    def _release_waiting(self, task: Task) -> None:
        ready = []
        for waiting in self._waiting:
            waiting[0].discard(task)
            if not waiting[0]:
                ready.append(waiting)
        for waiting in ready:
            self._waiting.remove(waiting)
            waiting[1]()

    def _on_progress(self, channel: str, generation: int, done: int, total: int, label: str) -> None:
        if self._current(channel, generation) and channel in self._tasks:
            self.progress.emit(channel, done, total, label)

    def _on_finished(self, task: Task, channel: str, generation: int, result: object,
                     on_done: Callable[[object], None]) -> None:
        if self._finish(task, channel, generation) and not task.is_cancelled():
            on_done(result)

    def _on_failed(self, task: Task, channel: str, generation: int, failure: Failure) -> None:
        if self._finish(task, channel, generation):
            self.failed.emit(channel, failure)

    def _on_cancelled(self, task: Task, channel: str, generation: int,
                      on_cancelled: Callable[[], None] | None) -> None:
        if self._finish(task, channel, generation) and on_cancelled is not None:
            on_cancelled()


class ProgressIndicator(QWidget):
    """The status bar's busy indicator: what is running, how far, and Cancel."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop this job; work finished so far is kept")
        self.cancel_button.clicked.connect(self.cancelRequested)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def begin(self, title: str) -> None:
        self._title = title
        self.label.setText(title)
        self.bar.setRange(0, 0)  # busy until the first report
        self.show()

    def update_progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        text = f"{self._title} {done}/{total}" if total > 0 else self._title
        self.label.setText(f"{text} — {label}" if label else text)

    def end(self) -> None:
        self.hide()
