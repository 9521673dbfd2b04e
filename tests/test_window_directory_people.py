"""« Répertoire » (Alt+3): the page opened empty until something was typed, and Gérard Müller,
who came to three workshops of the file, was three rows of the results (one per workshop). A
facilitator expects the directory to list everyone at once, one row per person, the workshops
they came to named on that row. Now: opened, it lists every person published in the directory
(not those who opted out), one row each; a search finds Gérard once, with his three
workshops; Entrée opens him at his latest workshop. The window, driven by keys, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import Item, ItemKind, Participant, Workshop
from atelier.store import Store

from .helpers.keyboard import active_window, key, type_text

ALT = Qt.KeyboardModifier.AltModifier
NBSP = "\u00a0"

pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "reseau.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        first = store.workshops()[0]
        second = store.add_workshop(Workshop("Forum de l'emploi", date="2022-03-15"))
        third = store.add_workshop(Workshop("Atelier du 14 mars 2023", date="2023-03-14"))
        for workshop, name in ((first, "Gérard Müller"), (second, "MÜLLER Gérard"), (third, "Gérard Müller")):
            gerard = store.add_participant(
                Participant(workshop.id, names=[name], organisation="Mission locale du Médoc")
            )
            store.add_item(Item(gerard.id, ItemKind.OFFER, f"annuaire des employeurs {workshop.date[:4]}"))
        store.add_participant(Participant(second.id, names=["Lucie Leroy"], organisation="Grand Angoulême"))
        store.add_participant(
            Participant(third.id, names=["Paul Roux"], organisation="CC du Réolais", unlisted=True)
        )
        store.add_participant(Participant(first.id, names=["Anne Martin"], organisation="PLIE des Graves"))
    return path


def _rows(window) -> list[tuple[str, str, str]]:
    model = window.directory.table.model()
    return [
        tuple(str(model.index(row, column).data() or "") for column in (0, 1, 3))
        for row in range(model.rowCount())
    ]


def test_the_directory_lists_everyone_at_once_one_row_per_person(
    qtbot, tmp_path: Path, language: str
) -> None:
    window = active_window(qtbot, _file(tmp_path))
    try:
        key(qtbot, Qt.Key.Key_3, ALT)  # « Répertoire », nothing typed
        assert QApplication.focusWidget() is window.directory.field
        rows = _rows(window)
        who = [text.split("\n")[0] for _kind, text, _where in rows]
        assert who == [
            "Anne Martin (PLIE des Graves)",
            "Gérard Müller (Mission locale du Médoc)",
            "Lucie Leroy (Grand Angoulême)",
        ], rows  # by name, Paul Roux (who opted out) nowhere
        gerard = rows[1][2]
        if language == "fr":
            assert gerard.startswith("3 ateliers"), gerard
            assert window.directory.counter.text() == "3 personnes"
        else:
            assert gerard.startswith("3 workshops"), gerard
            assert window.directory.counter.text() == "3 people"
        for title in ("Atelier du 16 mars 2021", "Forum de l'emploi", "Atelier du 14 mars 2023"):
            assert title in gerard, gerard
        assert "Forum de l'emploi" in rows[2][2]  # Lucie's one workshop
        # Searched: Gérard found once, on one row naming his three workshops, beside his offers.
        type_text("muller")
        window.directory.search_now()
        rows = _rows(window)
        people = [r for r in rows if r[1].startswith("Gérard")]
        assert len(people) == 1, rows
        assert "Forum de l'emploi" in people[0][2] and "Atelier du 14 mars 2023" in people[0][2]
        # Entrée on his row: his latest workshop's grid, his row.
        key(qtbot, Qt.Key.Key_Down)
        assert window.directory.current_hit().participant.names == ["Gérard Müller"]
        key(qtbot, Qt.Key.Key_Return)
        assert window.page() == "grid"
        assert window.model.workshop().title == "Atelier du 14 mars 2023"
        # Emptied again: everyone.
        key(qtbot, Qt.Key.Key_3, ALT)
        window.directory.field.clear()
        window.directory.search_now()
        assert len(_rows(window)) == 3
    finally:
        window.close()


def test_signs_alone_typed_in_the_directory_say_it_finds_words_not_no_result(qtbot, tmp_path: Path) -> None:
    """« 🎉 » typed alone searched nothing and the counter said « 0 résultat », of a file where
    a structure holds it (the grid's Ctrl+F finds it there): the directory finds words."""
    path = _file(tmp_path)
    with Store.open(path) as store:
        anne = [p for w in store.workshops() for p in store.participants(w.id) if p.names == ["Anne Martin"]]
        store.update_participant(anne[0].id, organisation="PLIE des Graves 🎉")
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_3, ALT)  # « Répertoire »
        type_text("🎉")
        qtbot.waitUntil(lambda: window.directory.counter.text() != "3 personnes")
        said = window.directory.counter.text()
        assert "trouve des mots" in said and "0 résultat" not in said, said
        assert _rows(window) == []
        type_text(" Graves")  # a word with it: found
        window.directory.search_now()
        assert [r[1].split("\n")[0] for r in _rows(window)] == ["Anne Martin (PLIE des Graves 🎉)"]
    finally:
        window.close()
