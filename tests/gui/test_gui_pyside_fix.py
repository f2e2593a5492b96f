"""Long sessions must not abort on PySide6's singleton reference leak."""

import subprocess
import sys

from conftest import ROOT

STRESS = r"""
import gui  # applies the guard
from PySide6.QtCore import QObject, Signal

class Probe(QObject):
    ping = Signal(object)

probe = Probe()
probe.ping.connect(lambda value: None)
for _ in range(300_000):
    probe.setObjectName("x")  # a void call: loses a reference to None on 6.12.0
    probe.ping.emit(None)     # emit: loses a reference to True on 6.12.0
print("survived")
"""


def test_three_hundred_thousand_calls_do_not_abort_the_interpreter():
    proc = subprocess.run([sys.executable, "-c", STRESS], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "survived" in proc.stdout

