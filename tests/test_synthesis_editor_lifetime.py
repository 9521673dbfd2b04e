"""The synthesis editor (Ctrl+Maj+S) opened and closed again and again in a session: each
opening made a new dialog that was never deleted, and each started its own computation of the
grid's figures (seconds on a region's workshop) even while the previous one still ran. The
window now keeps one editor: opened again, it shows the file as it is now and computes the
figures once more only when no computation is already running; a computation left running by
a closed editor delivers to no one and ends."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from atelier.ui import synthesis
from atelier.ui.synthesis import SynthesisDialog

from .helpers.keyboard import active_example_window
from .helpers.synthesis import figures_in

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _open_and_close_by_keyboard(qtbot, window, seen: list[SynthesisDialog]) -> None:
    """Ctrl+Maj+S from the grid, then Échap in the editor once it is on screen."""

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SynthesisDialog) or QApplication.activeWindow() is not dialog:
            QTimer.singleShot(10, close_it)  # not yet on screen with the keyboard
            return
        seen.append(dialog)
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)

    window.grid.setFocus()
    QTimer.singleShot(0, close_it)
    qtbot.keyClick(window.grid, Qt.Key.Key_S, CTRL_SHIFT)  # returns once the editor is closed
    QApplication.processEvents()


def test_the_editor_opened_again_and_again_is_one_editor_computing_once(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = active_example_window(qtbot, tmp_path)
    release = threading.Event()
    started: list[int] = []
    running, most = [0], [0]
    lock = threading.Lock()
    real = synthesis.grid_drafts

    def held(*args, **kwargs):  # the real figures, once the test lets them through
        with lock:
            started.append(1)
            running[0] += 1
            most[0] = max(most[0], running[0])
        try:
            release.wait(60)
            return real(*args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(synthesis, "grid_drafts", held)
    seen: list[SynthesisDialog] = []
    try:
        for _ in range(5):
            _open_and_close_by_keyboard(qtbot, window, seen)
        qtbot.waitUntil(lambda: len(started) >= 1)
        assert len(window.findChildren(SynthesisDialog)) <= 1
        assert len({id(dialog) for dialog in seen}) == 1, "each opening made a new editor"
    finally:
        release.set()
    # The figures asked by the first opening end with no one to deliver to: nothing left running.
    assert QThreadPool.globalInstance().waitForDone(60_000)
    QApplication.processEvents()
    assert len(started) == 1, f"{len(started)} computations of the grid's figures for 5 openings"
    assert not seen[0]._busy
    # Opened again: the figures computed for this opening, shown; closed, nothing is left running.
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    assert dialog is seen[0] and dialog.list.count() > 0 and dialog.drafts() is not None
    dialog.reject()
    assert QThreadPool.globalInstance().waitForDone(60_000)
    QApplication.processEvents()
    assert len(window.findChildren(SynthesisDialog)) == 1
    assert most[0] == 1 and running[0] == 0  # never two at once; none left running
