"""The window opens on a real file, titled with the workshop, showing its grid."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store
from atelier.ui.main_window import MainWindow


def test_window_shows_the_workshop_and_its_participants(qtbot, store: Store) -> None:
    workshop_id = store.workshops()[0].id
    p = store.add_participant(Participant(workshop_id, names=["Lucie Leroy"],
                                          organisation="Grand Angoulême"))
    store.add_item(Item(p.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Atelier du 16 mars 2021" in window.windowTitle()
    assert "16 mars 2021" in window.details_label.text()
    assert "1 participant" in window.details_label.text()
    model = window.grid.model()
    assert model.rowCount() == 1
    assert "Lucie Leroy" in model.index(0, 0).data()
    assert "répertoire d'initiatives" in model.index(0, 3).data()
    header = model.headerData(3, Qt.Orientation.Horizontal)
    assert header == "Besoins de ressources"


def test_opening_a_foreign_file_from_the_window_keeps_the_current_one(
    qtbot, store: Store, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    window = MainWindow(store)
    qtbot.addWidget(window)
    foreign = tmp_path / "notes.atelier"
    foreign.write_text("pas un atelier", encoding="utf-8")
    assert window.open_file(foreign) is False
    assert shown and "n'est pas un fichier Atelier" in shown[0]
    assert window.store is store
    assert foreign.read_text(encoding="utf-8") == "pas un atelier"
