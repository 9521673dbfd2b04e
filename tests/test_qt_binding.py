"""The Qt binding Atelier installs keeps a long session alive.

PySide6 6.12.0 drops a reference to None at each call of a Qt function that returns nothing
(QCoreApplication.postEvent, QWidget.setWindowTitle…). On Python 3.11, where None is not
immortal, a workshop's worth of such calls brings None's count to zero and the interpreter
aborts ("deallocating None"), edits saved but the window gone. pyproject.toml keeps Python
3.11 on PySide6 6.11; this fails if the installed binding has the bug.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

LONG_SESSION = """
import sys
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel()
label.show()
before = sys.getrefcount(None)
for n in range(before + 1000):  # more calls than None has references: the bug would free it
    QCoreApplication.postEvent(label, QEvent(QEvent.Type.User))
    label.setText(str(n))
app.processEvents()
print(before - sys.getrefcount(None))
"""


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: nothing to wear out"
)
def test_a_long_session_of_qt_calls_keeps_none_alive() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LONG_SESSION],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert int(done.stdout.strip()) < 100  # references lost to None: none, give or take Qt's own


def test_pysides_import_hook_gets_its_own_answer_for_every_module_loaded() -> None:
    """ui/qtcompat.py answers PySide's import hook (does this module's source mention PySide6?)
    from the file's bytes, and for Python's own modules without reading them: the answer must
    be the one PySide's own function gives, for Python's modules, Atelier's and the others."""
    import atelier.ui.main_window  # noqa: F401 - the window's modules, qtcompat among them

    feature = sys.modules["shibokensupport.feature"]
    ours = feature._mod_uses_pyside
    pysides = ours.original
    modules = [
        m
        for m in list(sys.modules.values())
        if isinstance(getattr(m, "__file__", None), str) and m.__file__.endswith(".py")
    ]
    standard = os.path.dirname(os.__file__)
    assert sum(m.__file__.startswith(standard) for m in modules) > 50
    answers = {m.__name__: ours(m) for m in modules}
    assert answers["atelier.ui.main_window"] and not answers["typing"]
    assert [m.__name__ for m in modules if answers[m.__name__] != bool(pysides(m))] == []
