"""« Enregistrer une copie sous… » says what is true: onto the open file itself it is refused in
one sentence and the file is left byte-identical; from a file opened read-only, the status
says the copy is now the one being edited, not that Ctrl+Z still undoes in it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import ROOT
from tests.helpers.keyboard import active_example_window, key

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _bytes(path: Path) -> list[str]:
    """The file and its journal, as they are on the disk."""
    return [
        hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else ""
        for p in (path, path.with_name(path.name + "-wal"))
    ]


@pytest.mark.parametrize("typed", ["exemple.atelier", "exemple"])
def test_a_copy_onto_the_open_file_itself_is_refused_in_one_sentence(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes: list[str], typed: str
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = active_example_window(qtbot, tmp_path)
    path = window.store.path
    before = _bytes(path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / typed), ""))
    key(qtbot, Qt.Key.Key_S, CTRL_ALT)  # Enregistrer une copie sous…
    said = (
        "«\xa0exemple.atelier\xa0» est le fichier ouvert\xa0: une copie doit porter un autre nom\u202f; "
        "rien n'a été écrit."
    )
    assert no_modal_boxes == [said]
    assert window.saved_label.text() == said
    assert window.store.path == path and _bytes(path) == before


def test_a_copy_of_a_file_opened_read_only_says_the_copy_is_now_edited_and_the_file_untouched(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes: list[str]
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from atelier.ui.main_window import MainWindow
    from tests.helpers.keyboard import _activate

    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    window = MainWindow(Store.open(path, readonly=True))  # as `atelier open` shows a file it may not change
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    _activate(qtbot, window)
    assert window.store.readonly and window.readonly_banner.isVisible()
    before = _bytes(path)
    copy = tmp_path / "copie.atelier"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(copy), ""))
    key(qtbot, Qt.Key.Key_S, CTRL_ALT)
    status = window.saved_label.text()
    assert status == (
        "Copie enregistrée\xa0: la suite s'écrit dans «\xa0copie.atelier\xa0»\u202f; "
        "«\xa0exemple.atelier\xa0», ouvert en lecture seule, reste tel quel."
    )
    assert "Ctrl+Z" not in status
    assert not window.store.readonly and not window.readonly_banner.isVisible()
    assert window.panel.territory.isEnabled() and not window.header.place.isReadOnly()  # typing is taken
    # What the status says is true: an edit now goes into the copy, and only there.
    first = window.model.participant_at(0)
    window.grid.setCurrentIndex(window.proxy.index(0, 1))
    key(qtbot, Qt.Key.Key_Delete)  # the cell emptied
    with Store.open(copy, readonly=True) as store:
        assert store.items(first.id, ItemKind.ACTION) == []
    assert _bytes(path) == before
    assert no_modal_boxes == []
