"""In the window's header, « Atelier du 16 mars 2021 » redated 17/03/2021 kept its title: the
minutes printed it over « Date : 17 mars 2021 ». A title that says the workshop's day now loses
it once another day is typed in « Date », as `atelier ateliers --rename --date` and an import's
--date make it, in the same undo step as the date, and the status bar says so; a title that
says another day is left."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store

from .helpers.keyboard import active_window, key, type_text

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def _file(path: Path, title: str) -> Path:
    with Store.create(path, title=title, date="2021-03-16") as store:
        person = store.add_participant(Participant(store.workshops()[0].id, names=["Paul Durand"]))
        store.add_item(Item(person.id, ItemKind.NEED, "Un local"))
    return path


def _in_file(path: Path) -> tuple[str, str | None]:
    with Store.open(path, readonly=True) as store:
        workshop = store.workshops()[0]
        return workshop.title, workshop.date


def _type_date(qtbot, window, text: str, language: str = "fr") -> None:
    key(qtbot, Qt.Key.Key_E if language == "fr" else Qt.Key.Key_D, ALT)  # « Dat&e : », « &Date: »
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(text)
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not window.header.saving())


def test_a_title_saying_the_old_day_loses_it_in_the_date_s_undo_step(
    qtbot, tmp_path: Path, language: str
) -> None:
    path = _file(tmp_path / "a.atelier", "Atelier du 16 mars 2021")
    window = active_window(qtbot, path)
    try:
        steps = window.model.undo_stack.count()
        _type_date(qtbot, window, "17/03/2021", language)
        assert _in_file(path) == ("Atelier", "2021-03-17")
        assert window.header.title.text() == "Atelier"
        said = window.saved_label.text().replace("\xa0", " ").replace("\u202f", " ")
        if language == "fr":
            assert window.header.date.text() == "17 mars 2021"
            assert (
                "Nouveau titre « Atelier » : il disait le 16 mars 2021, que la nouvelle date remplace."
                in said
            )
        else:
            assert window.header.date.text() == "17 March 2021"
            assert "New title “Atelier”: it said 16 March 2021, which the new date replaces." in said
        assert window.model.undo_stack.count() == steps + 1
        window.grid.setFocus()
        key(qtbot, Qt.Key.Key_Z, CTRL)
        assert _in_file(path) == ("Atelier du 16 mars 2021", "2021-03-16")
        assert window.header.title.text() == "Atelier du 16 mars 2021"
    finally:
        window.close()


def test_a_title_saying_another_day_is_left(qtbot, tmp_path: Path) -> None:
    path = _file(tmp_path / "b.atelier", "Retour sur l'atelier du 2 février 2021")
    window = active_window(qtbot, path)
    try:
        _type_date(qtbot, window, "17/03/2021")
        assert _in_file(path) == ("Retour sur l'atelier du 2 février 2021", "2021-03-17")
        assert "Nouveau titre" not in window.saved_label.text()
    finally:
        window.close()
