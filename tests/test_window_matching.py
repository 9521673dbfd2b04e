"""Matching in the window: suggestions appear off the UI thread, decisions are saved and undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import ItemKind, MatchStatus
from atelier.french import typography
from atelier.reasons import say_all
from atelier.store import Store
from atelier.ui.main_window import MainWindow

from .conftest import ROOT, example_window


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = example_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: bool(win.store.matches(win.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not win.matching._busy, timeout=20_000)
    yield win
    win.close()


def _select(window: MainWindow, first_name: str, column: int = 0) -> str:
    for row in range(window.model.rowCount()):
        participant = window.model.participant_at(row)
        if participant.names and participant.names[0].startswith(first_name):
            window._select(participant.id, column)
            return participant.id
    raise AssertionError(first_name)


def _statuses(path: Path, need_text: str) -> dict[str, MatchStatus]:
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        items = {i.id: i for i in store.workshop_items(workshop_id)}
        need = next(i for i in items.values() if i.text == need_text)
        return {items[m.resource_id].text: m.status for m in store.matches_for_need(need.id)}


def test_suggestions_show_for_the_selected_participant_and_decisions_are_saved(
    qtbot, window: MainWindow
) -> None:
    path = window.store.path
    _select(window, "Eric")
    panel = window.panel.matches
    assert panel.title.text() == "Qui peut aider\u202f? (2 besoins)"
    need_text = (
        "Comment rentrer dans les cases des règlements d'intervention des institutions "
        "pour mobiliser des financements ?"
    )
    texts = [panel.tree_model.item(1).child(i).text() for i in range(panel.tree_model.item(1).rowCount())]
    assert panel.tree_model.item(1).text() == need_text
    assert "Règlement d'intervention de la Région" in texts[0]
    # On screen, not only a tooltip: the need's words and the offer's.
    assert "l'offre aussi\u00a0: «\u00a0Règlement d'intervention\u00a0»" in texts[0]

    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel.tree.setCurrentIndex(panel.tree_model.item(1).child(0).index())
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _statuses(path, need_text)["Règlement d'intervention de la Région"] == MatchStatus.CONFIRMED
    second = panel.tree_model.item(1).child(1)
    rejected_text = second.text().splitlines()[0].split(" — ", 1)[1].rsplit(" [", 1)[0]
    panel.tree.setCurrentIndex(second.index())
    panel.reject_button.click()
    assert _statuses(path, need_text)[rejected_text] == MatchStatus.REJECTED

    # Matching again keeps both decisions and never brings the rejected one back.
    window.run_matching()
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    statuses = _statuses(path, need_text)
    assert statuses["Règlement d'intervention de la Région"] == MatchStatus.CONFIRMED
    assert statuses[rejected_text] == MatchStatus.REJECTED
    shown = [panel.tree_model.item(1).child(i).text() for i in range(panel.tree_model.item(1).rowCount())]
    assert shown[0].startswith("✔ ") and not any(rejected_text in s for s in shown)

    # Undo the rejection, then the confirmation.
    window.undo()
    window.undo()
    assert _statuses(path, need_text)["Règlement d'intervention de la Région"] == MatchStatus.SUGGESTED


def test_editing_a_need_matches_that_need_again_at_once(qtbot, window: MainWindow) -> None:
    participant_id = _select(window, "Céline", column=3)
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    editor.selectAll()
    editor.insertPlainText("trouver des financements de la Région pour nos emplois")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    store = window.store
    (need,) = store.items(participant_id, ItemKind.NEED)
    assert need.text == "trouver des financements de la Région pour nos emplois"
    suggested = store.matches_for_need(need.id)  # no wait: re-matched in the same event
    texts = {i.id: i.text for i in store.workshop_items(window.model.workshop_id)}
    assert any("Région" in texts[m.resource_id] for m in suggested)


def test_a_need_can_be_matched_by_hand(qtbot, window: MainWindow) -> None:
    _select(window, "Céline")
    panel = window.panel.matches
    panel.tree.setCurrentIndex(panel.tree_model.item(0).index())
    choice = "Lydie Drouard (CitiZchool) — Lien entre entreprises et les jeunes"
    assert panel.add_manual(choice=choice)
    with Store.open(window.store.path, readonly=True) as store:
        manual = store.matches(store.workshops()[0].id, MatchStatus.MANUAL)
    assert len(manual) == 1
    window.undo()
    with Store.open(window.store.path, readonly=True) as store:
        assert store.matches(store.workshops()[0].id, MatchStatus.MANUAL) == []


def _suggestion_texts(store: Store, need_text: str) -> list[str]:
    workshop_id = store.workshops()[0].id
    items = {i.id: i for i in store.workshop_items(workshop_id)}
    need = next(i for i in items.values() if i.text == need_text)
    return [items[m.resource_id].text for m in store.matches_for_need(need.id)]


def test_a_glossary_entry_typed_in_the_window_brings_new_suggestions(qtbot, window: MainWindow) -> None:
    need = "Partage d'expériences"
    offer = "Club d'entreprises"  # (a cooperation offer comes already: a related theme)
    assert offer not in _suggestion_texts(window.store, need)
    dialog = window.edit_glossary(show=False)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("family"))
    # QTest types ASCII only; words are compared without accents anyway.
    qtbot.keyClicks(dialog.term, "partage")
    qtbot.keyClicks(dialog.words, "partage, club")
    qtbot.keyClick(dialog.words, Qt.Key.Key_Return)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "partage"
    dialog.close()
    qtbot.waitUntil(lambda: offer in _suggestion_texts(window.store, need), timeout=20_000)
    with Store.open(window.store.path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        items = {i.id: i for i in store.workshop_items(workshop_id)}
        found = [
            m
            for m in store.matches(workshop_id)
            if items[m.need_id].text == need and items[m.resource_id].text == offer
        ]
        said = say_all(found[0].reasons, "fr")
        assert any("Partage" in r and "Club" in r for r in said), said
        assert [e.term for e in store.glossary(workshop_id)] == ["partage"]


def test_importing_the_grid_again_in_the_window_keeps_the_decisions(qtbot, window: MainWindow) -> None:
    _select(window, "Eric")
    panel = window.panel.matches
    need_text = panel.tree_model.item(1).text()
    panel.tree.setCurrentIndex(panel.tree_model.item(1).child(0).index())
    panel.decide(MatchStatus.CONFIRMED)
    before = window.model.rowCount()
    grid = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
    assert window.reimport_grid(grid, dialog_hook=lambda dialog: True)
    assert window.model.rowCount() == before
    said = window.saved_label.text()
    assert "24 participants retrouvés sans changement (22 lignes de la grille), 0 ajouté, 0 absent" in said, (
        said
    )
    assert MatchStatus.CONFIRMED in _statuses(window.store.path, need_text).values()


def test_a_reimport_is_undone_in_one_step(qtbot, window: MainWindow, tmp_path) -> None:
    first = window.model.participant_at(0)
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participant / territoire;Besoins de ressources\n"
        f"{first.source_text};Un besoin ajouté dans la grille\n"
        "Nina Vidal / Mission locale;Trouver des bénévoles\n",
        encoding="utf-8",
    )
    rows = window.model.rowCount()
    assert window.reimport_grid(grid, dialog_hook=lambda dialog: True)
    assert window.model.rowCount() == rows + 1
    assert window.model.undo_stack.undoText() == "Réimporter la grille"
    window.undo_action.trigger()
    assert window.model.rowCount() == rows
    assert "Un besoin ajouté dans la grille" not in [
        i.text for i in window.store.items(first.id, ItemKind.NEED)
    ]
    window.redo_action.trigger()
    assert window.model.rowCount() == rows + 1


def test_a_glossary_entry_is_undone_from_the_window_like_a_cell(qtbot, window: MainWindow) -> None:
    ctrl = Qt.KeyboardModifier.ControlModifier
    dialog = window.edit_glossary(show=False)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("acronym"))
    qtbot.keyClicks(dialog.term, "SPE")
    qtbot.keyClicks(dialog.words, "service public de l'emploi")
    qtbot.keyClick(dialog.words, Qt.Key.Key_Return)
    assert dialog.table.rowCount() == 1
    assert window.saved_label.text().startswith("Enregistré à")
    qtbot.keyClick(dialog.term, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible() and window.isActiveWindow(), timeout=3000)

    def terms() -> list[str]:
        with Store.open(window.store.path, readonly=True) as store:
            return [e.term for e in store.glossary(store.workshops()[0].id)]

    assert terms() == ["SPE"]
    assert window.undo_action.text() == typography("&Annuler : ajouter « SPE » au glossaire")
    window.saved_label.clear()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ctrl)
    assert terms() == []
    # What was undone, how to redo it, and that the file has it.
    said = window.saved_label.text()
    assert said.startswith(typography("Annulé : ajouter « SPE » au glossaire")), said
    assert "Ctrl+Y pour rétablir. Enregistré à" in said, said
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, ctrl)
    assert terms() == ["SPE"]


def test_matching_by_hand_names_the_need_and_fits_a_laptop_screen(qtbot, tmp_path: Path) -> None:
    """Ctrl+Maj+K at 1366×768: the box asked « Quelle ressource répond à ce besoin ? » without
    saying which need, and its list was as wide as the longest action of the grid (hundreds of
    characters): the box ran off the screen, « OK » and « Annuler » with it. It names the need,
    fits the window, and Entrée on a resource chosen with the arrows records it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel

    from tests.helpers.keyboard import active_window, key

    path = tmp_path / "exemple.atelier"
    path.write_bytes((ROOT / "examples" / "atelier-2021-03-16.atelier").read_bytes())
    window = active_window(qtbot, path, 1366, 768)
    _select(window, "Céline", column=3)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # to the suggestions
    panel = window.panel.matches
    panel.tree.setCurrentIndex(panel.tree_model.item(0).index())
    need = panel.tree_model.item(0).text()
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        seen["label"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        seen["width"] = dialog.sizeHint().width()
        combo = dialog.findChild(QComboBox)
        assert combo is not None
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # the second resource of the list
        seen["choice"] = combo.currentText()
        qtbot.keyClick(combo, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    key(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    label = str(seen["label"]).replace("\u00a0", " ").replace("\u202f", " ")
    assert need[:40] in label, (need, label)
    assert int(seen["width"]) <= window.width(), seen["width"]
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        (manual,) = store.matches(workshop_id, MatchStatus.MANUAL)
        items = {i.id: i.text for i in store.workshop_items(workshop_id)}
    assert str(seen["choice"]).endswith(items[manual.resource_id][:30]) or items[manual.resource_id][
        :30
    ] in str(seen["choice"])
    assert items[manual.need_id] == need


def _ink_lines(image, rect) -> list[int]:
    """The left edge of each line of text drawn in `rect` of `image` (dark pixels on the
    list's light background), top to bottom."""
    lines: list[int] = []
    inked = False
    for y in range(rect.top(), rect.bottom()):
        xs = [x for x in range(rect.left(), rect.right()) if image.pixelColor(x, y).lightness() < 110]
        if xs and not inked:
            lines.append(min(xs))
        elif xs:
            lines[-1] = min(lines[-1], min(xs))
        inked = bool(xs)
    return lines


@pytest.mark.parametrize("width", [1366, 1920])
def test_a_reason_wrapped_in_the_panel_stays_under_its_suggestion(qtbot, tmp_path: Path, width: int) -> None:
    """« Qui peut aider ? » indents each reason under its suggestion. A reason longer than the
    panel's width went on at the panel's left edge (« « partenaires » », « lien » : même thème
    (coopération) »), where the facilitator reads the next suggestion's name: every line of a
    reason now keeps its indent."""
    from atelier.ui.columns import KIND_COLUMNS

    window = example_window(qtbot, tmp_path)
    window.resize(width, 768)
    qtbot.waitUntil(lambda: bool(window.store.matches(window.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    _select(window, "Lucie", KIND_COLUMNS[ItemKind.NEED])
    window.grid.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    panel = window.panel.matches
    tree, model = panel.tree, panel.tree_model
    tree.setCurrentIndex(model.item(0).index())  # the need's line chosen: no suggestion highlighted
    qtbot.wait(100)
    image = tree.viewport().grab().toImage()
    indent = tree.fontMetrics().horizontalAdvance("M")
    checked = wrapped = 0
    for n in range(model.rowCount()):
        for c in range(model.item(n).rowCount()):
            rect = tree.visualRect(model.item(n).child(c).index())
            if rect.bottom() > tree.viewport().height() or rect.top() < 0:
                continue
            lines = _ink_lines(image, rect)
            start = min(lines)
            indented = [left > start + indent for left in lines]
            first = indented.index(True) if True in indented else len(lines)
            # The name and offer first, at the edge; then the reasons, every line indented.
            assert all(indented[first:]), (model.item(n).child(c).text(), lines)
            checked += 1
            wrapped += len(lines) - first > model.item(n).child(c).text().count("\n")
    assert checked and wrapped, (checked, wrapped)
    window.close()
