"""Defects a QA pass of issues 18 and 19 found driving the real window with the keyboard,
each fixed with the test that shows it (every test here failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from atelier.ui.main_window import MainWindow

from .helpers.keyboard import active_example_window as _window
from .helpers.keyboard import active_window, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _current_row_wholly_in_view(window: MainWindow) -> bool:
    grid = window.grid
    index = grid.currentIndex()
    top = grid.rowViewportPosition(index.row())
    return top >= 0 and top + grid.rowHeight(index.row()) <= grid.viewport().height()


def test_ctrl_end_shows_the_whole_last_row_once_the_rows_are_measured(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_End, CTRL)
    qtbot.wait(300)  # the rows below the view are measured a few per turn of the event loop
    assert window.grid.currentIndex().row() == window.proxy.rowCount() - 1
    assert _current_row_wholly_in_view(window)


def test_a_directory_hit_opens_wholly_in_view_in_its_grid(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_3, ALT)  # « Répertoire »
    type_text("talvy")  # the last participant of the example, far below the first screen
    window.directory.search_now()
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert window.page() == "grid"
    current = window.grid.currentIndex()
    assert window.model.participant_at(window.proxy.mapToSource(current).row()).names == ["Grégory TALVY"]
    assert _current_row_wholly_in_view(window)


def test_the_projector_shows_a_confirmed_helper_from_an_earlier_workshop(qtbot, tmp_path: Path) -> None:
    """Lucie (2022) was put in touch with Gérard, who offered it at the 2021 workshop: the
    room sees that match like the others, with where Gérard said it (it was left out)."""
    from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Reason, ReasonKind, Workshop
    from atelier.store import Store

    path = tmp_path / "reseau.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        earlier = store.workshops()[0]
        gerard = store.add_participant(
            Participant(earlier.id, names=["Gérard Müller"], organisation="Mission locale du Médoc")
        )
        offer = store.add_item(Item(gerard.id, ItemKind.OFFER, "un annuaire des initiatives locales"))
        later = store.add_workshop(Workshop("Atelier du 15 mars 2022", date="2022-03-15"))
        lucie = store.add_participant(
            Participant(later.id, names=["Lucie Leroy"], organisation="Grand Angoulême")
        )
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire des initiatives locales"))
        reasons = [
            Reason(ReasonKind.EARLIER, term=earlier.title, resource="offer", detail="2021-03-16"),
            Reason(ReasonKind.WORDS, words=["initiatives locales"]),
        ]
        store.add_match(Match(later.id, need.id, offer.id, MatchStatus.CONFIRMED, 0.5, reasons))
    window = active_window(qtbot, path, height=850)
    assert window.model.workshop().title == "Atelier du 15 mars 2022"  # the file's latest
    qtbot.keyClick(window, Qt.Key.Key_F5)
    projector = window.projector
    assert projector is not None
    projector.render_image()
    painted = "\n".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    assert [(card.seeker, card.helper) for card in projector.projection.cards] == [
        ("Lucie Leroy (Grand Angoulême)", "Gérard Müller (Mission locale du Médoc, atelier du 16 mars 2021)")
    ]
    assert "Gérard Müller" in painted and "16 mars 2021" in painted
    (spot,) = [s for s in projector.projection.spotlights.values() if s.needs]
    assert [card.helper for card in spot.needs[0][1]] == [
        "Gérard Müller (Mission locale du Médoc, atelier du 16 mars 2021)"
    ]
    assert sorted(node.label for node in projector.projection.network.nodes) == [
        "Gérard Müller (Mission locale du Médoc, atelier du 16 mars 2021)",
        "Lucie Leroy (Grand Angoulême)",
    ]
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_M, CTRL | Qt.KeyboardModifier.ShiftModifier)  # names hidden
    projector.render_image()
    painted = " ".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    assert "Mission locale du Médoc (atelier du 16 mars 2021)" in painted and "Gérard" not in painted
    projector.close()
    window.close()


def test_the_card_says_no_need_in_words(qtbot, tmp_path: Path) -> None:
    """« Qui peut aider ? (0 besoin) » under the card of someone with no need: a facilitator
    says « aucun besoin », as the projector's « (aucun besoin noté) »; 3 are « 3 besoins »."""
    window = _window(qtbot, tmp_path)  # Maxime Roby, first row: no need
    assert (
        window.panel.matches.title.text().replace("\u202f", " ").replace("\u00a0", " ")
        == "Qui peut aider ? (aucun besoin)"
    )
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)  # Lucie Leroy: three needs
    assert (
        window.panel.matches.title.text().replace("\u202f", " ").replace("\u00a0", " ")
        == "Qui peut aider ? (3 besoins)"
    )


def _count(window: MainWindow) -> str:
    return window.search_bar.found.text().replace("\u202f", " ").replace("\u00a0", " ")


def test_the_search_count_follows_the_grid_and_a_new_workshop_starts_unfiltered(
    qtbot, tmp_path: Path
) -> None:
    """« 6 résultats sur 22 lignes de la grille » stayed on screen over a new, empty workshop (with
    « Aucun participant ne contient « gpect » » instead of how to start), and after a
    participant was deleted."""
    window = _window(qtbot, tmp_path)
    # The example's 22 rows name 24 people, as the workshop's label above the grid says: the
    # search counted rows as « sur 22 participants ». It says what it counts, rows.
    assert "24 participants" in window.switcher.combo.currentText().replace("\u00a0", " ")
    key(qtbot, Qt.Key.Key_F, CTRL)
    type_text("gpect")
    assert _count(window) == "6 résultats sur 22 lignes de la grille"
    key(qtbot, Qt.Key.Key_Return)  # back to the grid, on the first result
    key(qtbot, Qt.Key.Key_Delete, CTRL)  # Ctrl+Suppr: that participant is deleted
    assert window.model.rowCount() == 21
    qtbot.waitUntil(lambda: _count(window) == "5 résultats sur 21 lignes de la grille")
    key(qtbot, Qt.Key.Key_N, CTRL | ALT)  # « Nouvel atelier dans ce fichier »
    assert window.model.rowCount() == 0
    assert window.search.text() == "" and _count(window) == ""
    assert "Ctrl+N" in window.grid.empty_text()


def test_the_search_count_says_grid_rows_in_english_too(qtbot, tmp_path: Path, monkeypatch) -> None:
    """English: « 6 results of 22 participants » under « 24 participants »; rows, said so, in
    the words `atelier info`, the minutes and the Excel summary use: « 22 rows of the grid »,
    never « 22 grid rows » in the window alone."""
    from atelier.french import counted

    from .helpers.language import window_language

    with window_language(monkeypatch, "en"):
        window = _window(qtbot, tmp_path)
        assert "24 participants" in window.switcher.combo.currentText().replace("\u00a0", " ")
        key(qtbot, Qt.Key.Key_F, CTRL)
        type_text("gpect")
        assert (
            _count(window)
            == "6 results of 22 rows of the grid"
            == f"6 results of {counted(22, 'n.grid_row', 'en')}"
        )
        window.close()


def test_the_card_shows_the_start_of_a_long_structure_not_its_end(qtbot, tmp_path: Path) -> None:
    """Moving down the grid to Julie Thomas: her card reads « PETR Vallée de la… », not
    « …e de la Dordogne Corrézienne » (a line edit given a text scrolls to its end)."""
    window = _window(qtbot, tmp_path)
    window.resize(1366, 768)
    for _ in range(4):
        key(qtbot, Qt.Key.Key_Down)
    panel = window.panel
    qtbot.waitUntil(lambda: panel.organisation.text().startswith("PETR Vallée"))
    field = panel.organisation
    assert field.fontMetrics().horizontalAdvance(field.text()) > field.contentsRect().width()  # too long
    for field in (panel.organisation, panel.territory):
        # The text caret, where typing would start, sits at the field's left edge: the start shows.
        assert field.cursorPosition() == 0, field.text()
        assert field.cursorRect().left() < field.contentsRect().left() + 12, field.text()
    window.close()


def test_a_long_workshop_title_shows_its_start_not_its_end(qtbot, tmp_path: Path) -> None:
    """A workshop titled « Atelier territorial emploi-formation des intercommunalités du Sud
    des Landes et du Pays d'Orthe … » read « …Pays d'Orthe et Arrigans, session de printemps »
    in the window's header at 1366 pixels: its start, what names it, was scrolled out of view."""
    import shutil

    from atelier.store import Store

    from .conftest import ROOT

    path = tmp_path / "long.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    title = (
        "Atelier territorial emploi-formation des intercommunalités du Sud des Landes, "
        "du Pays d'Orthe et Arrigans et du Seignanx, session de printemps"
    )
    with Store.open(path) as store:
        store.update_workshop(store.workshops()[0].id, title=title)
    window = active_window(qtbot, path, 1366, 768)
    field = window.header.title
    qtbot.waitUntil(lambda: field.text() == title)
    assert field.fontMetrics().horizontalAdvance(field.text()) > field.contentsRect().width()  # too long
    assert field.cursorPosition() == 0
    assert field.cursorRect().left() < field.contentsRect().left() + 12
    assert field.toolTip() == title  # all of it on hover
    window.close()
