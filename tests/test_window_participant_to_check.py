"""A participant cell Atelier could not read for sure (« Maison de l'emploi Anne Martin »: a
person's name read into the structure) was said « à vérifier » once, in the import's report
or the status bar, and marked for the anonymised export; in the window, the row looked like
every other one, in the grid and on the card: the facilitator could not see which rows to
check. The grid's cell now ends with « ⚠ à vérifier » (tooltip: what is unsure), the card
says it above its fields, and both go once the card's fields are corrected. French and
English; a grid imported by the CLI, the window driven by keys offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from tests.conftest import run_cli

from .helpers.keyboard import active_window, key, type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

pytestmark = pytest.mark.usefixtures("no_modal_boxes")

MARK = {"fr": "⚠ à vérifier", "en": "⚠ to check"}
WHY = {
    "fr": (
        "« Maison de l'emploi Anne Martin », lu comme structure ou fonction, semble contenir le nom "
        "d'une personne"
    ),
    "en": "“Maison de l'emploi Anne Martin”, read as a structure or role, seems to hold someone's name",
}


# The card's fields by their underlined letter: « Pe&rsonnes », « &Structure »; « Peop&le »,
# « Or&ganisation ».
PEOPLE = {"fr": Qt.Key.Key_R, "en": Qt.Key.Key_L}
STRUCTURE = {"fr": Qt.Key.Key_S, "en": Qt.Key.Key_G}


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_an_unsure_participant_cell_is_marked_in_the_grid_and_on_the_card(
    qtbot, tmp_path: Path, language: str
) -> None:
    grid_file, path = tmp_path / "grille.csv", tmp_path / "salle.atelier"
    grid_file.write_text(
        "Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"
        "Maison de l'emploi Anne Martin;Un forum de l'emploi;;;\n"
        "Lucie Leroy / PLIE des Graves;Un club d'entreprises;;;\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid_file), "-o", str(path))
    assert done.returncode == 0, done.stderr

    window = active_window(qtbot, path)
    try:
        grid, model = window.grid, window.model
        unsure = next(p for p in (model.participant_at(r) for r in range(2)) if not p.names)
        sure = next(p for p in (model.participant_at(r) for r in range(2)) if p.names)

        def cell(participant_id: str):
            return window.proxy.mapFromSource(model.index(model.row_of(participant_id), 0))

        def drawn(participant_id: str) -> str:
            index = cell(participant_id)
            option = QStyleOptionViewItem()
            option.rect, option.font, option.widget = grid.visualRect(index), grid.font(), grid
            return grid.itemDelegateForIndex(index).document(option, index).toPlainText()

        # The grid: the mark on a line of its own under the unsure cell (once the window is on
        # screen), none under the other.
        qtbot.waitUntil(lambda: drawn(unsure.id).splitlines()[-1] == MARK[language])
        assert MARK[language] not in drawn(sure.id)
        tooltip = _plain(str(cell(unsure.id).data(Qt.ItemDataRole.ToolTipRole)))
        assert WHY[language] in tooltip, tooltip
        assert MARK[language].split()[-1] not in _plain(str(cell(sure.id).data(Qt.ItemDataRole.ToolTipRole)))

        # The card, reached by the keyboard: it says what to check, for that row only.
        grid.setFocus()
        grid.setCurrentIndex(cell(sure.id))
        key(qtbot, PEOPLE[language], ALT)  # the card opens on « Personnes »
        qtbot.waitUntil(lambda: window.panel_dock.isVisible())
        panel = window.panel
        assert not panel.to_check.isVisible()
        grid.setFocus()
        grid.setCurrentIndex(cell(unsure.id))
        qtbot.waitUntil(lambda: panel.participant_id == unsure.id)
        qtbot.waitUntil(lambda: panel.to_check.isVisible())
        said = _plain(panel.to_check.text())
        assert said.startswith(MARK[language].split()[0]) and WHY[language] in said, said

        # Corrected on the card (the person, then the structure): both marks go.
        key(qtbot, PEOPLE[language], ALT)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.names)
        type_text("Anne Martin")
        key(qtbot, STRUCTURE[language], ALT)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.organisation)
        key(qtbot, Qt.Key.Key_A, CTRL)
        type_text("Maison de l'emploi")
        key(qtbot, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: window.store.participant(unsure.id).organisation == "Maison de l'emploi")
        qtbot.waitUntil(lambda: not panel.to_check.isVisible())
        assert MARK[language] not in drawn(unsure.id)
    finally:
        window.close()
