"""Qt's own file dialog (Fichier › Ouvrir…, where no desktop dialog is used) dated files as the
computer's locale says, not as the window speaks: « 11/30/26 6:10 PM » in a French window on
a computer set to American English, « 30 11 2026 18:10 » on one set to no language (« C »),
and sizes « 1.50 KiB ». The window's language is Qt's system locale too, when the computer's
is another: « 30/11/2026 14:05 », « 1,50 Kio » in French; a computer in the window's language
keeps its own (fr_CA, en_US).

Run in a fresh process each: Qt reads the system locale once, when a process first asks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import ROOT

PROBE = """
import json, os, sys, time
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication, QFileDialog, QTreeView
from atelier.ui.app import application

app = application()
dialog = QFileDialog(None, "x", sys.argv[1])  # as QFileDialog.getOpenFileName shows it here
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
dialog.show()
view = dialog.findChild(QTreeView)
model = view.model()
found = {}
deadline = time.monotonic() + 30
while not found and time.monotonic() < deadline:
    app.processEvents()
    root = view.rootIndex()
    for row in range(model.rowCount(root)):
        if model.index(row, 0, root).data() == "grille.csv":
            found = {"size": model.index(row, 1, root).data(), "date": model.index(row, 3, root).data()}
    time.sleep(0.02)
found["default"] = QLocale().toString(QDate(2026, 11, 30), QLocale.FormatType.ShortFormat)
found["number"] = QLocale().toString(1234.5, "f", 1)
print(json.dumps(found, ensure_ascii=False))
"""


def _probe(folder: Path, language: str, system: str) -> dict[str, str]:
    grid = folder / "grille.csv"
    grid.write_bytes(b"x" * 1536)
    when = datetime(2026, 11, 30, 14, 5).timestamp()
    os.utime(grid, (when, when))
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANGUAGE", "LANG")}
    env.update(
        {"QT_QPA_PLATFORM": "offscreen", "ATELIER_LANG": language, "LANG": system, "PYTHONPATH": str(ROOT)}
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(folder)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the system's own locale API there")
@pytest.mark.parametrize("system", ["en_US.UTF-8", "C.UTF-8"])
def test_a_french_window_dates_files_in_french(system: str, tmp_path: Path) -> None:
    found = _probe(tmp_path, "fr", system)
    assert _plain(found["date"]) == "30/11/2026 14:05", found
    assert _plain(found["size"]) == "1,50 Kio", found
    assert found["default"] == "30/11/2026" and _plain(found["number"]) == "1 234,5", found


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the system's own locale API there")
def test_an_english_window_on_a_french_computer_dates_files_in_english(tmp_path: Path) -> None:
    found = _probe(tmp_path, "en", "fr_FR.UTF-8")
    assert _plain(found["date"]) == "30/11/2026 14:05", found  # en_GB, as the window's dates
    assert found["size"] == "1.50 KiB", found
    assert found["number"] == "1,234.5", found


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the system's own locale API there")
def test_a_computer_in_the_window_s_language_keeps_its_own_locale(tmp_path: Path) -> None:
    """A Canadian French computer dates as it does (2026-11-30), an American one in English
    (11/30/26): their choice, in the window's language already."""
    assert _probe(tmp_path, "fr", "fr_CA.UTF-8")["date"].startswith("2026-11-30")
    assert _probe(tmp_path, "en", "en_US.UTF-8")["date"].startswith("11/30/26")
