"""The projector under control, with one screen and with two, driven with F5 and Échap."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from atelier.ui.main_window import MainWindow

from .conftest import ROOT, example_window


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    win = example_window(qtbot, tmp_path)
    with qtbot.waitActive(win):
        win.activateWindow()
    yield win
    if win.projector is not None:
        win.projector.close()
    win.close()


def test_with_one_screen_f5_shows_the_projection_in_front_and_escape_brings_the_grid_back(
    qtbot, window: MainWindow
) -> None:
    assert len(QGuiApplication.screens()) == 1
    grid = window.grid
    grid.setFocus()
    assert "Projecteur éteint" in window.preview.text()
    qtbot.keyClick(grid, Qt.Key.Key_F5)
    projector = window.projector
    assert projector.isVisible() and projector.isFullScreen()
    assert projector.geometry() == window.screen().geometry()  # the whole screen: the room sees it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector, timeout=2000)
    qtbot.waitUntil(lambda: "À L'ÉCRAN\u00a0: Mises en relation" in window.preview.text(), timeout=2000)
    # The projector's keys work while it is in front: Ctrl+2, Ctrl+3, Ctrl+Maj+M.
    qtbot.keyClick(projector, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert projector.view == "spotlight"
    qtbot.keyClick(
        projector, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert projector.private
    qtbot.waitUntil(lambda: "noms masqués" in window.preview.text(), timeout=2000)
    # Échap: back to the grid, the keyboard in it.
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert not projector.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert QApplication.focusWidget() is grid
    assert not window.projector_action.isChecked()
    # F5 shows it again, F5 on the projection brings the grid back too.
    qtbot.keyClick(grid, Qt.Key.Key_F5)
    assert projector.isVisible()
    qtbot.keyClick(projector, Qt.Key.Key_F5)
    assert not projector.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is grid, timeout=2000)


def test_the_preview_is_a_small_copy_of_what_the_room_sees(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window.grid, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.preview.thumbnail.isVisible(), timeout=2000)
    image = window.preview.thumbnail.image
    assert image.width() == 256 and image.height() == 144
    # White paper with dark ink, like the projection.
    assert image.pixelColor(250, 140).lightness() > 240
    dark = sum(
        1 for x in range(0, 256, 2) for y in range(0, 144, 2) if image.pixelColor(x, y).lightness() < 200
    )
    assert dark > 30
    qtbot.keyClick(window.projector, Qt.Key.Key_Escape)


def test_with_two_screens_the_projection_goes_to_the_other_one_and_typing_stays_in_the_grid(
    tmp_path: Path,
) -> None:
    config = tmp_path / "ecrans.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "portable", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
                    {
                        "name": "projecteur",
                        "x": 1366,
                        "y": 0,
                        "width": 1920,
                        "height": 1080,
                        "logicalDpi": 96,
                    },
                ]
            }
        )
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(ROOT / "tests" / "helpers" / "two_screens.py"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout


def test_with_one_screen_the_grid_hidden_behind_the_projection_takes_no_key(
    qtbot, window: MainWindow
) -> None:
    """The projection covers the only screen: Ctrl+Maj+C, Ctrl+Suppr, Ctrl+N, Ctrl+Z typed then
    used to confirm, delete, add and undo in the grid nobody could see. Only the projector's
    own keys act; Échap brings the grid back as it was."""
    from atelier.matching import match_workshop, save_suggestions

    model = window.model
    grid = window.grid
    # A suggestion chosen, a row current: each key below would have acted on them.
    save_suggestions(
        window.store, model.workshop_id, match_workshop(window.store, model.workshop_id).suggestions
    )
    model.matches_changed.emit()
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a step Ctrl+Z would undo
    assert model.undo_stack.canUndo()
    match = max(window.store.matches(model.workshop_id), key=lambda m: m.score)
    window._select(window.store.item(match.need_id).participant_id, 3)
    window.focus_matches()
    assert window.panel.matches.current_match_id() is not None
    before = [(p.id, p.names) for p in model.participants()]
    statuses = sorted((m.id, m.status) for m in window.store.matches(model.workshop_id))
    undo_index = model.undo_stack.index()
    qtbot.keyClick(grid, Qt.Key.Key_F5)
    projector = window.projector
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector, timeout=2000)
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(projector, Qt.Key.Key_C, control | shift)
    qtbot.keyClick(projector, Qt.Key.Key_Delete, control)
    qtbot.keyClick(projector, Qt.Key.Key_N, control)
    qtbot.keyClick(projector, Qt.Key.Key_Z, control)
    assert projector.isVisible() and QApplication.activeWindow() is projector
    assert [(p.id, p.names) for p in model.participants()] == before
    assert sorted((m.id, m.status) for m in window.store.matches(model.workshop_id)) == statuses
    assert model.undo_stack.index() == undo_index
    # The projector's own keys still act: a view, the names hidden, Échap.
    qtbot.keyClick(projector, Qt.Key.Key_3, control)
    assert projector.view == "network"
    qtbot.keyClick(projector, Qt.Key.Key_M, control | shift)
    assert projector.private
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert not projector.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert [(p.id, p.names) for p in model.participants()] == before
