"""« Annuler » while the import dialog reads a very wide sheet (20 000 columns): the dialog
closed, but the reading went on in the background, for seconds to minutes, taking the
processor from the window, to a result nobody would see. « Annuler » now stops it: the
reading ends without going on to the plan, the file holds what it held and nothing is written
beside it, and the window answers its keys. The real window, driven by keys."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

import atelier.importers.grid as grid_reader
import atelier.ui.import_dialog as import_dialog
from tests.helpers.keyboard import active_example_window, key

CTRL = Qt.KeyboardModifier.ControlModifier
HEADERS = ["Participant", "Actions engagées", "Défis", "J'ai besoin de", "Je peux apporter"]
ANNE = ["Anne Martin (PLIE Sud Gironde)", "forum emploi", "recruter", "mobilité", "clauses sociales"]


def _wide(folder: Path, extra: int = 20_000) -> Path:
    path = folder / "large.csv"
    header = [*HEADERS, *(f"x{i}" for i in range(extra))]
    row = [*ANNE, *("oui" for _ in range(extra))]
    path.write_text(";".join(header) + "\n" + ";".join(row) + "\n", encoding="utf-8")
    return path


def _rows(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """Each workshop of the file with its participants' names and items, read back."""
    from atelier.store import Store

    with Store.open(path, readonly=True) as store:
        return [
            (
                workshop.title,
                [" / ".join(p.names) for p in store.participants(workshop.id)],
                [item.text for item in store.workshop_items(workshop.id)],
            )
            for workshop in store.workshops()
        ]


def test_annuler_stops_the_reading_of_a_very_wide_sheet(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    grid = _wide(tmp_path)
    grid_before = grid.read_bytes()
    # What the file holds, read back (its bytes are the window's to change meanwhile: the
    # suggestions it saves on opening), and the files of the folder.
    rows_before, files_before = _rows(path), sorted(tmp_path.iterdir())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(grid), ""))
    # What the reading got to: the plan of the grid's columns (seconds for 20 000 columns),
    # which only a reading not stopped reaches.
    planned_to_the_end: list[bool] = []
    plan = import_dialog.planned

    def planned(*args, **kwargs):
        result = plan(*args, **kwargs)
        planned_to_the_end.append(True)
        return result

    monkeypatch.setattr(import_dialog, "planned", planned)
    running_before = set(threading.enumerate())
    cancelled: list[str] = []
    # The reading waits at its first checkpoint until « Annuler » is pressed: on an idle
    # machine the 20 000 columns were read to the end before the key reached the dialog, and
    # the test failed without anything being wrong (or passed without testing, had the plan
    # been made faster). What « Annuler » must stop is still the reading under way.
    pressed = threading.Event()
    real_checkpoint = grid_reader.checkpoint

    def checkpoint() -> None:
        if threading.current_thread() is not threading.main_thread():
            pressed.wait(60)
        real_checkpoint()

    monkeypatch.setattr(grid_reader, "checkpoint", checkpoint)

    def annuler() -> None:
        """« Annuler » by the keyboard as soon as the dialog is there, reading."""
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, import_dialog.ImportDialog) or not dialog.isVisible():
            QTimer.singleShot(20, annuler)
            return
        button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
        cancelled.append(button.text())
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
        pressed.set()

    QTimer.singleShot(20, annuler)
    key(qtbot, Qt.Key.Key_I, CTRL)  # Importer une grille…
    assert len(cancelled) == 1  # « Annuler » (Qt's own word for it, in its language)
    assert not isinstance(QApplication.activeModalWidget(), import_dialog.ImportDialog)

    def reading() -> list[threading.Thread]:
        return [
            t
            for t in threading.enumerate()
            if t not in running_before and t.name.startswith("atelier-") and t.is_alive()
        ]

    # The reading ends (before: it ran on to its end, then its result was dropped)…
    qtbot.waitUntil(lambda: not reading(), timeout=120_000)
    # … stopped, not run to its end.
    assert planned_to_the_end == []
    assert grid.read_bytes() == grid_before
    assert _rows(path) == rows_before
    assert sorted(tmp_path.iterdir()) == files_before  # no file written beside
    assert window.store.path == path
    # The window answers its keys: the grid's next row, the card following it.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    first = window.panel.names.text()
    key(qtbot, Qt.Key.Key_Down)
    assert window.grid.currentIndex().row() == 1
    assert window.panel.names.text() not in ("", first)
    assert _rows(path) == rows_before
