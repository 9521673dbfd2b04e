"""« Colas / PLIE », « Chanel »: a rarely given first name alone in a participant cell is read
as a person, and the import said « à vérifier » once, in its report; in the window the row then
looked like any other, the person « Colas » with nothing to check. The grid's cell now ends
with « ⚠ à vérifier » (tooltip: what is unsure), as for a name read into a structure, and the
mark goes once the card's people are corrected. French and English; a grid imported by the
CLI, the window driven by keys offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from tests.conftest import run_cli

from .helpers.keyboard import active_window, key, type_text

ALT = Qt.KeyboardModifier.AltModifier

pytestmark = pytest.mark.usefixtures("no_modal_boxes")

MARK = {"fr": "⚠ à vérifier", "en": "⚠ to check"}
WHY = {
    "fr": "« Colas », seul et prénom peu donné, lu comme une personne (une structure, une marque ?)",
    "en": "“Colas”, alone and a rarely given first name, read as a person (a structure, a brand?)",
}
PEOPLE = {"fr": Qt.Key.Key_R, "en": Qt.Key.Key_L}  # « Pe&rsonnes », « Peop&le »


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_a_rare_first_name_alone_is_marked_in_the_grid(qtbot, tmp_path: Path, language: str) -> None:
    grid_file, path = tmp_path / "grille.csv", tmp_path / "salle.atelier"
    grid_file.write_text(
        "Participant;Actions engagées;Défis;Besoins de ressources;Peut être ressource sur\n"
        "Colas / PLIE;Un chantier école;;;\n"
        "Anne / PLIE des Graves;Un club d'entreprises;;;\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid_file), "-o", str(path))
    assert done.returncode == 0, done.stderr

    window = active_window(qtbot, path)
    try:
        grid, model = window.grid, window.model
        rows = [model.participant_at(r) for r in range(2)]
        colas = next(p for p in rows if p.names == ["Colas"])
        anne = next(p for p in rows if p.names == ["Anne"])

        def cell(participant_id: str):
            return window.proxy.mapFromSource(model.index(model.row_of(participant_id), 0))

        def drawn(participant_id: str) -> str:
            index = cell(participant_id)
            option = QStyleOptionViewItem()
            option.rect, option.font, option.widget = grid.visualRect(index), grid.font(), grid
            return grid.itemDelegateForIndex(index).document(option, index).toPlainText()

        qtbot.waitUntil(lambda: drawn(colas.id).splitlines()[-1] == MARK[language])
        assert MARK[language] not in drawn(anne.id)
        tooltip = _plain(str(cell(colas.id).data(Qt.ItemDataRole.ToolTipRole)))
        assert WHY[language] in tooltip, tooltip

        # Corrected on the card (the person's whole name): the mark goes.
        grid.setFocus()
        grid.setCurrentIndex(cell(colas.id))
        key(qtbot, PEOPLE[language], ALT)
        qtbot.waitUntil(lambda: window.panel_dock.isVisible())
        panel = window.panel
        qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.names)
        key(qtbot, Qt.Key.Key_End)
        type_text(" Le Goff")
        key(qtbot, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: window.store.participant(colas.id).names == ["Colas Le Goff"], timeout=3000)
        qtbot.waitUntil(lambda: MARK[language] not in drawn(colas.id))
    finally:
        window.close()
