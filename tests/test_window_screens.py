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
