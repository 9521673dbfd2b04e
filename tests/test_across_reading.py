"""Suggestions from the other workshops of the file are read from the window's own file: not
from whatever file lies at its name now (a sync client put another copy there while the
window had it open), whose people and offers are not this file's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from atelier.domain import Item, ItemKind, MatchStatus, Participant, Workshop
from atelier.store import Store
from atelier.ui.grid_view import CellEditor
from atelier.ui.main_window import MainWindow
from tests.helpers.keyboard import answer_on_closing, key, type_text


def _file(path: Path, helper: str) -> Path:
    """In 2021 `helper` offered a directory; in 2022 Lucie needs one."""
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        earlier = store.workshops()[0]
        who = store.add_participant(Participant(earlier.id, names=[helper], organisation="Mission locale"))
        store.add_item(Item(who.id, ItemKind.OFFER, "un annuaire des initiatives locales pour l'emploi"))
        later = store.add_workshop(Workshop("Atelier du 15 mars 2022", date="2022-03-15"))
        lucie = store.add_participant(
            Participant(later.id, names=["Lucie Leroy"], organisation="Grand Angoulême")
        )
        store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire des initiatives locales pour l'emploi"))
    return path


def _helpers(window: MainWindow) -> set[str]:
    """Who is suggested to Lucie, by name, as the window's file says."""
    store = window.store
    lucie = next(p for p in store.participants(window.model.workshop_id) if p.names == ["Lucie Leroy"])
    (need,) = store.items(lucie.id, ItemKind.NEED)
    found = set()
    for match in store.matches_for_need(need.id):
        if match.status == MatchStatus.SUGGESTED:
            found.add(store.participant(store.item(match.resource_id).participant_id).names[0])
    return found


def test_suggestions_across_workshops_come_from_the_window_s_file_not_the_copy_put_at_its_name(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(QMessageBox, "open", lambda box: None)  # « n'est plus sur le disque »
    path = _file(tmp_path / "reseau.atelier", "Gérard Müller")
    theirs = _file(tmp_path / "leur copie.atelier", "Intrus Étranger")
    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    qtbot.waitExposed(window)
    window.switch_workshop(window.store.find_workshop("2022-03-15").id)
    qtbot.waitUntil(lambda: window.matching.matcher is not None and not window.matching._busy, timeout=20_000)
    assert _helpers(window) == {"Gérard Müller"}

    theirs.replace(path)  # put in place in one rename, as sync clients do
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # someone joins: matched again
    assert isinstance(QApplication.focusWidget(), CellEditor)
    type_text("Nadia Ferrand / PLIE")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.matching.matcher is not None and not window.matching._busy, timeout=20_000)
    assert _helpers(window) == {"Gérard Müller"}  # not the other copy's Intrus Étranger
    # What the window wrote has no name left on the disk: asked before closing, closed anyway.
    asked = answer_on_closing(qtbot, [(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)])
    window.close()
    assert asked and "n'est plus sur le disque" in asked[0], asked
