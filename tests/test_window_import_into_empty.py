"""« L'atelier est vide. Pour commencer : … Ctrl+I : importer une grille » — on a new, empty
workshop of a file of several, Ctrl+I asked where to save a separate new file, and the workshop
the facilitator was on stayed empty. Ctrl+I on an empty workshop now imports into it, and the
import dialog says so before anything is written; on a workshop with rows it still makes a new
file. The real window, driven by keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from atelier.store import Store
from tests.helpers.keyboard import active_example_window, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _grid(folder: Path) -> Path:
    grid = folder / "suivi.csv"
    grid.write_text(
        "Participant;Territoire;Actions engagées;Défis;J'ai besoin de;Je peux apporter\n"
        "Anne Martin (PLIE Sud Gironde);Sud Gironde;forum emploi;recruter;mobilité;clauses sociales\n"
        "Paul Durand (Mission locale);Médoc;garantie jeunes;logement;locaux;accompagnement\n",
        encoding="utf-8",
    )
    return grid


def _accept_the_import(qtbot, seen: dict[str, str]) -> None:
    """Once the import dialog has read the grid: what it says, then Entrée on « Importer »."""
    from atelier.ui.import_dialog import ImportDialog

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportDialog) or not dialog.import_button.isEnabled():
            QTimer.singleShot(50, look)
            return
        seen["said"] = "\n".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        seen["button"] = dialog.import_button.text()
        dialog.import_button.setFocus()
        qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)

    QTimer.singleShot(50, look)


def test_ctrl_i_on_a_new_empty_workshop_imports_into_it(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    grid = _grid(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(grid), ""))
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **_k: (asked.append(a), ("", ""))[1])
    key(qtbot, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.AltModifier)  # Nouvel atelier dans ce fichier
    type_text("Atelier de suivi")
    key(qtbot, Qt.Key.Key_Return)
    window.grid.setFocus()
    assert window.model.rowCount() == 0
    seen: dict[str, str] = {}
    _accept_the_import(qtbot, seen)
    key(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=30_000)
    assert asked == []  # no separate file asked for
    # Said before writing: into which workshop of which file.
    assert "«\u00a0Atelier de suivi\u00a0»" in seen["said"], seen["said"]
    assert path.name in seen["said"], seen["said"]
    assert window.store.path == path
    assert not (tmp_path / "suivi.atelier").exists()
    with Store.open(path, readonly=True) as store:
        (workshop,) = [w for w in store.workshops() if w.title == "Atelier de suivi"]
        people = {p.names[0]: p for p in store.participants(workshop.id)}
        assert set(people) == {"Anne Martin", "Paul Durand"}
        assert people["Paul Durand"].territory == "Médoc"
        assert len(store.workshops()) == 2  # the example's workshop and the new one, no third
    # One step to undo, as any change of the grid (from the grid, where the import left it).
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)
    window.close()


def test_ctrl_i_on_a_workshop_with_rows_still_makes_a_new_file(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = active_example_window(qtbot, tmp_path)
    grid = _grid(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(grid), ""))
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **_k: (asked.append(a), ("", ""))[1])
    rows = window.model.rowCount()
    seen: dict[str, str] = {}
    _accept_the_import(qtbot, seen)
    key(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: bool(asked), timeout=30_000)
    assert window.model.rowCount() == rows
    window.close()
