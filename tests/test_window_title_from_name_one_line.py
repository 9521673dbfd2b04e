"""A workshop titled after its grid's file name in the window (a grid that gives no title) is
titled on one line, trimmed, as the command line titles it (`title_of_file`): a name holding a
line break, a tab or spaces around it made the import dialog propose, and the file keep, a
title of two lines (« Atelier\\nde mars ») or a padded one. The real window, driven by keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog

from atelier.store import Store
from tests.helpers.keyboard import active_example_window, import_dialog_ready, key

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
GRID = "Participant;Actions;Besoins;Ressources\nAnne Roux (PLIE);Forum;Un minibus;Ateliers CV\n"


def _grid(folder: Path, name: str) -> Path:
    grid = folder / name
    grid.write_text(GRID, encoding="utf-8")
    return grid


def _accept(qtbot) -> str:
    """The title the import dialog proposes, then Entrée on « Importer »."""
    dialog = import_dialog_ready(qtbot)
    proposed = dialog.title_edit.text()
    dialog.import_button.setFocus()
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)
    return proposed


def test_a_new_workshop_of_this_file_from_a_two_line_name(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    with Store.open(path, readonly=True) as store:
        before = [w.title for w in store.workshops()]
    grid = _grid(tmp_path, "  Atelier\nde\tmars  .csv")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(grid), ""))
    seen: dict[str, str] = {}
    QTimer.singleShot(0, lambda: seen.update(proposed=_accept(qtbot)))
    key(qtbot, Qt.Key.Key_I, CTRL | ALT)  # Importer une grille comme nouvel atelier
    qtbot.waitUntil(lambda: "proposed" in seen, timeout=60_000)
    with Store.open(path, readonly=True) as store:
        qtbot.waitUntil(lambda: len(store.workshops()) == len(before) + 1, timeout=30_000)
        titles = [w.title for w in store.workshops()]
    assert titles == [*before, "Atelier de mars"]
    assert seen["proposed"] == "Atelier de mars"  # what the dialog proposed, before it was kept
    window.close()


def test_a_new_file_from_a_padded_name(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = active_example_window(qtbot, tmp_path)
    grid = _grid(tmp_path, "  grille\r\nbis .csv")
    target = tmp_path / "nouveau.atelier"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(grid), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    seen: dict[str, str] = {}
    QTimer.singleShot(0, lambda: seen.update(proposed=_accept(qtbot)))
    key(qtbot, Qt.Key.Key_I, CTRL)  # Importer une grille (the example has rows: a new file)
    qtbot.waitUntil(lambda: "proposed" in seen, timeout=60_000)
    qtbot.waitUntil(lambda: window.store.path == target, timeout=30_000)
    with Store.open(target, readonly=True) as store:
        assert [w.title for w in store.workshops()] == ["grille bis"]
    assert seen["proposed"] == "grille bis"
    window.close()
