"""A facilitator running a workshop with the window, keys only: what goes wrong on the way
(found by driving the real window under Xvfb), each kept from coming back."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.conftest import ROOT
from tests.helpers.keyboard import active_example_window, key

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _answer_box(qtbot, answer: Callable[[QMessageBox], None], seen: list[str]) -> None:
    """When a message box comes up, read it and answer it with the keyboard."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            QTimer.singleShot(50, look)
            return
        seen.append(box.text())
        answer(box)

    QTimer.singleShot(50, look)


def test_a_new_workshop_typed_without_its_extension_never_silently_replaces_that_file(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Ctrl+Shift+N, « autre » typed in the save dialog: the dialog only asked about « autre »,
    so « autre.atelier », another workshop, must not be replaced without a question."""
    window = active_example_window(qtbot, tmp_path)
    other = tmp_path / "autre.atelier"
    shutil.copy(EXAMPLE, other)
    before = _digest(other)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "autre"), ""))

    seen: list[str] = []
    # Entrée: the box's default answer, which must be « Non ».
    _answer_box(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert "«\u00a0autre.atelier\u00a0» existe déjà" in seen[0]
    assert _digest(other) == before
    assert window.store.path.name == "exemple.atelier" and window.model.rowCount() == 22
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.grid)

    # Asked and answered « Oui » (Tab to it, Espace): then, and only then, it is replaced.
    seen.clear()

    def yes(box: QMessageBox) -> None:
        while QApplication.focusWidget() is not box.button(QMessageBox.StandardButton.Yes):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)

    _answer_box(qtbot, yes, seen)
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.store.path.name == "autre.atelier")
    assert window.model.rowCount() == 0


def _confirm(path: Path, need_start: str, resources: list[str]) -> None:
    """The facilitator has confirmed these matches for the need starting with `need_start`."""
    from atelier.domain import Match, MatchStatus
    from atelier.store import Store

    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        items = store.workshop_items(workshop_id)
        (need,) = [i for i in items if i.text.startswith(need_start)]
        for start in resources:
            (resource,) = [i for i in items if i.text.startswith(start)]
            store.add_match(Match(workshop_id, need.id, resource.id, MatchStatus.CONFIRMED, 0.5, []))


def test_the_spotlight_shows_every_confirmed_helper_and_says_who_already_did_it(
    qtbot, tmp_path: Path
) -> None:
    """Lucie Leroy's first need has three confirmed helpers, one of them an action another
    participant already ran: F5, Ctrl+2 on her row shows all three, and Barbara Bargues as
    having done it (« l'a déjà fait »), not as offering it."""
    path = tmp_path / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    _confirm(
        path,
        "besoins de connaissances",
        [
            "présenter les différents dispositifs",
            "Études et diagnostic",
            "Animation du dispositif Initiatives",
        ],
    )
    window = active_example_window(qtbot, tmp_path)
    for _ in range(3):  # down to the fourth row: Lucie Leroy
        key(qtbot, Qt.Key.Key_Down)
    assert window.model.participant_at(window.grid.currentIndex().row()).names == ["Lucie Leroy"]
    key(qtbot, Qt.Key.Key_F5)
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    projector = window.projector
    assert projector is not None and projector.view == "spotlight"
    projector.render_image()
    painted = " ".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    assert "Grégory TALVY (Région N-A)" in painted and "Céline Dallet (CC Val de Gâtine)" in painted
    assert "Barbara BARGUES (Pôle formation de la Région N-A), l'a déjà fait :" in painted
    assert "Animation du dispositif" in painted
    projector.close()
