"""The window's Fichier › Fusionner un fichier… (Ctrl+Maj+F) on the other laptop's file, which
holds the same workshop captured apart (its own import): the window only asked whether to add
« its workshops » to the file, and the file then held two « Atelier de Dax », each with half the
room. It now asks whether to join them (Entrée: yes) and the grid shows the whole room, the
same person once; Ctrl+Z makes it as it was. Ateliers › Réunir avec un autre atelier du même
jour… does it for two workshops already in the file (after a merge that kept them apart)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from atelier.store import Store
from tests.conftest import run_cli
from tests.helpers.keyboard import _activate, active_window, key
from tests.test_join_workshops import _digest, _halves, _plain


def _answer(qtbot, seen: list[str], answer: Callable[[QMessageBox], None]) -> None:
    """The next message box, once shown and active, answered (by the keyboard)."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            QTimer.singleShot(50, look)
            return
        seen.append(_plain(box.text()))
        answer(box)

    QTimer.singleShot(50, look)


def _names(window) -> list[tuple[str, str]]:
    store = window.store
    return sorted((p.names[0], p.organisation) for p in store.participants(window.model.workshop_id))


def test_merging_the_other_half_of_the_room_asks_to_join_it_and_enter_does(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    a, b = _halves(tmp_path)
    before_b = _digest(b)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a_, **k: (str(b), ""))
    window = active_window(qtbot, a)
    seen: list[str] = []
    # The question, answered with Entrée (its default button: join), then the report, with Entrée.
    _answer(
        qtbot,
        seen,
        lambda box: (
            qtbot.keyClick(box, Qt.Key.Key_Return),
            _answer(qtbot, seen, lambda r: qtbot.keyClick(r, Qt.Key.Key_Return)),
        ),
    )
    key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=30_000)
    assert (
        "« b.atelier » a son propre atelier « Atelier de Dax » (12/11/2026), saisi à part : "
        "l'autre moitié de la salle ?" in seen[0]
    ), seen
    assert seen[1].startswith(
        "2 ateliers réunis : 2 + 3 participants, dont 1 saisi sur les deux fichiers ; "
        "« Atelier de Dax » (12/11/2026) a maintenant 4 participants."
    ), seen
    assert window.model.rowCount() >= 4
    assert _names(window) == [
        ("Marc Roux", "Région"),
        ("Nina Vidal", "Cap emploi"),
        ("Nina Vidal", "Mission locale"),
        ("Paul Lin", "PLIE"),
    ]
    assert len(window.store.workshops()) == 1
    assert "2 ateliers réunis" in _plain(window.saved_label.text())
    assert _digest(b) == before_b
    # Ctrl+Z: the file as it was, one half of the room.
    _activate(qtbot, window)
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(_names(window)) == 2, timeout=10_000)
    assert _names(window) == [("Nina Vidal", "Mission locale"), ("Paul Lin", "PLIE")]
    window.close()


def test_two_workshops_of_one_day_in_one_file_are_joined_from_the_workshops_menu(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    a, b = _halves(tmp_path)
    c = tmp_path / "c.atelier"
    assert run_cli("merge", str(a), str(b), "-o", str(c)).returncode == 0  # side by side
    with Store.open(c, readonly=True) as store:
        assert len(store.workshops()) == 2
    asked: list[str] = []

    def pick(parent, title, label, items, current=0, editable=False, *args, **kwargs):
        asked.append(_plain(label))
        assert len(items) == 1  # the other workshop of that day
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    window = active_window(qtbot, c)
    menu = window.menuBar()
    # Alt+U opens « Ateliers et suivi », T its « Réunir avec un autre atelier du même jour… ».
    key(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=5_000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_T)
    qtbot.waitUntil(lambda: len(window.store.workshops()) == 1, timeout=10_000)
    assert asked and "Réunir dans « Atelier de Dax »" in asked[0]
    assert len(_names(window)) == 4
    said = _plain(window.saved_label.text())
    assert "2 ateliers réunis" in said and "dont 1 saisi dans les deux ateliers" in said, said
    assert menu is not None
    _activate(qtbot, window)
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.store.workshops()) == 2, timeout=10_000)
    window.close()
