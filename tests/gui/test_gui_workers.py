import threading

import pytest

from core.errors import FactDiffError
from gui.workers import ProgressIndicator, TaskRunner, check


def test_result_arrives_in_the_gui_thread(qtbot):
    runner = TaskRunner()
    results = []
    seen_threads = []

    def job(progress, cancelled):
        progress(1, 2, "half")
        return threading.get_ident()

    def done(result):
        seen_threads.append(threading.get_ident())
        results.append(result)

    with qtbot.waitSignal(runner.ended, timeout=5000):
        runner.start("x", "Test", job, done)
    assert results and results[0] != threading.get_ident()
    assert seen_threads == [threading.get_ident()]
    assert not runner.is_busy()


def test_a_newer_job_drops_the_older_result(qtbot):
    runner = TaskRunner()
    release = threading.Event()
    results = []

    def slow(progress, cancelled):
        release.wait(5)
        return "old"

    runner.start("x", "Slow", slow, results.append)
    with qtbot.waitSignal(runner.ended, timeout=5000):
        runner.start("x", "Fast", lambda p, c: "new", results.append)
    release.set()
    runner.wait(5000)
    qtbot.wait(50)
    assert results == ["new"]
    assert runner.generation("x") == 2


def test_cancel_stops_a_cooperative_job(qtbot):
    runner = TaskRunner()
    started = threading.Event()
    results, cancelled_calls = [], []

    def loop(progress, cancelled):
        started.set()
        while True:
            check(cancelled)

    runner.start("x", "Loop", loop, results.append, lambda: cancelled_calls.append(True))
    assert started.wait(5)
    with qtbot.waitSignal(runner.ended, timeout=5000):
        runner.cancel("x")
    assert results == [] and cancelled_calls == [True]


@pytest.mark.parametrize("error, expected", [(FactDiffError("bad file"), True),
                                             (ZeroDivisionError("boom"), False)])
def test_failures_are_reported_not_raised(qtbot, error, expected):
    runner = TaskRunner()

    def job(progress, cancelled):
        raise error

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start("x", "Failing", job, lambda r: None)
    channel, failure = blocker.args
    assert channel == "x"
    assert failure.expected is expected
    assert str(error) in failure.message
    if not expected:
        assert "ZeroDivisionError" in failure.details


def test_progress_indicator_shows_counts(qtbot):
    indicator = ProgressIndicator()
    qtbot.addWidget(indicator)
    indicator.begin("Importing")
    assert not indicator.isHidden()
    indicator.update_progress(3, 10, "a.txt")
    assert indicator.bar.maximum() == 10 and indicator.bar.value() == 3
    assert "3/10" in indicator.label.text() and "a.txt" in indicator.label.text()
    with qtbot.waitSignal(indicator.cancelRequested, timeout=1000):
        indicator.cancel_button.click()


def test_abandoned_jobs_end_at_once_and_report_nothing(qtbot):
    runner = TaskRunner()
    release = threading.Event()
    results, cancelled_calls, unwound = [], [], []
    runner.start("x", "Slow", lambda p, c: release.wait(5) and "late", results.append,
                 lambda: cancelled_calls.append(True))
    with qtbot.waitSignal(runner.ended, timeout=1000) as blocker:
        runner.abandon()
    assert blocker.args == ["x"] and not runner.is_busy() and not runner.is_idle()
    runner.after_running_jobs(lambda: unwound.append(True))
    assert unwound == []
    release.set()
    qtbot.waitUntil(lambda: unwound == [True], timeout=5000)
    assert results == [] and cancelled_calls == [] and runner.is_idle()


def test_with_nothing_running_the_callback_comes_at_once(qtbot):
    runner = TaskRunner()
    called = []
    runner.after_running_jobs(lambda: called.append(True))
    assert called == [True]
