"""A structure renamed between two workshops (« Maison de l'emploi de Bordeaux » in 2021, « MDE
du Grand Bordeaux » since): « Répertoire » finds both when either name is typed, and says
where it found each (« Participant (structure) »). A row found through the acronym said
« Participant » alone, as if it had matched nothing. Agnès Pallet came to both: one row,
naming both workshops."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import Participant, Workshop
from atelier.store import Store
from atelier.ui.directory_view import COL_KIND, COL_WORKSHOP
from atelier.ui.main_window import MainWindow

from .conftest import run_cli
from .helpers.keyboard import key, type_text

pytestmark = pytest.mark.usefixtures("no_modal_boxes")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "annee.atelier"
    with Store.create(target, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        march = store.workshops()[0]
        store.add_participant(
            Participant(march.id, names=["Agnès PALLET"], organisation="Maison de l'emploi de Bordeaux")
        )
        spring = store.add_workshop(Workshop("Atelier du 15 mars 2022", date="2022-03-15"))
        store.add_participant(
            Participant(spring.id, names=["Agnès Pallet"], organisation="MDE du Grand Bordeaux")
        )
    return target


def test_the_directory_says_a_renamed_structure_was_found_in_the_structure(qtbot, path: Path) -> None:
    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    try:
        key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # « Répertoire »
        for typed in ("MDE", "maison de l'emploi"):
            window.directory.field.clear()
            type_text(typed)
            window.directory.search_now()
            model = window.directory.model
            shown = sorted(model.index(row, COL_KIND).data() for row in range(model.rowCount()))
            # One person at two workshops: one row (test_window_directory_people.py), both named.
            assert shown == ["Participant (structure)"], (typed, shown)
            where = model.index(0, COL_WORKSHOP).data()
            assert "Atelier du 16 mars 2021" in where and "Atelier du 15 mars 2022" in where, where
    finally:
        window.close()


def test_search_json_says_the_field_found_through_an_acronym(path: Path) -> None:
    done = run_cli("search", str(path), "MDE", "--json")
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)["hits"]
    # Agnès Pallet came to both: one hit, as the window's one row, naming both workshops.
    assert [(h["participant"]["organisation"], h["fields"]) for h in hits] == [
        ("MDE du Grand Bordeaux", ["structure"]),
    ]
    assert [w["date"] for w in hits[0]["workshops"]] == ["2022-03-15", "2021-03-16"]
