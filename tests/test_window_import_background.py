"""A large grid is written to its new file off the UI thread: the window keeps running and
shows the progress; « Annuler » or closing the window meanwhile leaves nothing written."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

import atelier.importers
from atelier.store import Store
from tests.helpers.keyboard import active_example_window

WORDS = "Action longue de l'atelier emploi, collée depuis un rapport "


def _large_grid(folder: Path, rows: int = 120, cell: int = 20_000) -> Path:
    grid = folder / "grille-longue.csv"
    long = (WORDS * (cell // len(WORDS) + 1))[:cell]
    with grid.open("w", encoding="utf-8") as out:
        out.write("Participant;Actions;Défis;Besoins;Ressources\n")
        for row in range(rows):
            out.write(f"Personne{row} Nom, Structure {row};{long};mobilité;un lieu;un local\n")
    return grid


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _box() -> QProgressDialog | None:
    shown = [b for b in QApplication.allWidgets() if isinstance(b, QProgressDialog) and b.isVisible()]
    return shown[0] if shown else None


@pytest.fixture
def gated(monkeypatch):
    """The write waits, before it starts, until the UI thread has done `action` (set by the
    test): a write on the UI thread could never let it, and would go on after 5 s, ungated."""
    original = atelier.importers.write_plan
    state: dict = {"action": lambda: False, "ran": threading.Event()}

    def write_plan(*args, **kwargs):
        state["ran"].wait(5)
        return original(*args, **kwargs)

    monkeypatch.setattr(atelier.importers, "write_plan", write_plan)

    def tick() -> None:
        if not state["ran"].is_set() and state["action"]():
            state["ran"].set()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    yield state
    timer.stop()


def test_a_large_grid_is_written_while_the_window_keeps_running(qtbot, tmp_path: Path, gated) -> None:
    window = active_example_window(qtbot, tmp_path)
    out = tmp_path / "sortie"
    out.mkdir()
    labels: list[str] = []

    def look() -> bool:  # the UI thread runs during the write, with the progress box up
        box = _box()
        if box is not None:
            labels.append(box.labelText())
        return box is not None

    gated["action"] = look
    target = out / "atelier-long.atelier"
    assert window.import_grid(_large_grid(tmp_path), target, dialog_hook=lambda _dialog: True)
    assert labels and labels[0] == "Écriture de «\xa0atelier-long.atelier\xa0»…"
    assert _box() is None  # gone once written
    assert window.store.path == target
    with Store.open(target, readonly=True) as store:
        assert window.model.rowCount() == len(store.participants(store.workshops()[0].id)) > 100
    assert all(".~atelier-" not in name for name in _hidden(out))


def test_closing_the_window_during_the_write_leaves_no_file_and_nothing_half_written(
    qtbot, tmp_path: Path, gated, no_modal_boxes: list[str]
) -> None:
    window = active_example_window(qtbot, tmp_path)
    opened = window.store.path
    out = tmp_path / "sortie"
    out.mkdir()

    def close() -> bool:  # the facilitator closes the window mid-import
        gated["ran"].set()
        window.close()
        return True

    gated["action"] = close
    target = out / "atelier-long.atelier"
    assert not window.import_grid(_large_grid(tmp_path), target, dialog_hook=lambda _dialog: True)
    assert not window.isVisible()
    assert not target.exists()
    assert _hidden(out) == []  # no temporary, no journal, no lock left behind
    assert no_modal_boxes == []
    with Store.open(opened, readonly=True) as store:  # the file the window had open is sound
        assert store.integrity_check() == "ok"


def test_cancelling_the_write_leaves_nothing_and_says_so(qtbot, tmp_path: Path, gated) -> None:
    window = active_example_window(qtbot, tmp_path)
    out = tmp_path / "sortie"
    out.mkdir()

    def escape() -> bool:  # « Annuler » from the keyboard, once the box is up
        box = _box()
        if box is not None:
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        return box is not None

    gated["action"] = escape
    target = out / "atelier-long.atelier"
    assert not window.import_grid(_large_grid(tmp_path), target, dialog_hook=lambda _dialog: True)
    assert not target.exists() and _hidden(out) == []
    assert window.saved_label.text() == "Import annulé\xa0: rien n'a été écrit."
    assert window.store.path.name == "exemple.atelier"  # the window stays on its file
