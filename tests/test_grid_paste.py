"""Pasting into the grid: rows copied from a spreadsheet or a Word table (cells separated by
tabs, rows by line breaks) become participants read as the import reads a grid, never one
item per row with its tabs; Ctrl+V on a cell not being typed pastes into it, never nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.store import Store

from .helpers.keyboard import active_window, key

CTRL = Qt.KeyboardModifier.ControlModifier

pytestmark = pytest.mark.usefixtures("no_modal_boxes")

ROWS = (
    "Marie Curie / PLIE de Pau\tForum emploi\tRecruter\tFinancement FSE\tRéseau élus\n"
    "Pierre Loti / Mission locale de Rochefort\tGarantie jeunes\t\tMobilité des jeunes\t\n"
)


def in_file(path: Path) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """The participants' names in grid order and the items, as the next program reads them."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            json.loads(n) for (n,) in connection.execute("SELECT names FROM participants ORDER BY position")
        ]
        items = connection.execute(
            "SELECT i.kind, i.text FROM items i JOIN participants p ON p.id = i.participant_id "
            "ORDER BY p.position, i.kind, i.position"
        ).fetchall()
    finally:
        connection.close()
    return names, items


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    target = tmp_path / "collage.atelier"
    Store.create(target, title="Collage", date="2026-11-12").close()
    return target


def test_a_pasted_row_naming_two_people_counts_them_as_the_file_does(qtbot, empty: Path) -> None:
    """« Paul Roux et Léa Petit » pasted on one row: the status bar said « 1 participant collé »
    where the file, the minutes and `atelier info` count two. It says both now, as the import
    does: « 2 participants (1 ligne de la grille) collés »."""
    window = active_window(qtbot, empty)
    QApplication.clipboard().setText("Paul Roux et Léa Petit / PLIE de Pau\tForum emploi\t\t\t\n")
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_V, CTRL)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    names, _items = in_file(empty)
    assert names == [["Paul Roux", "Léa Petit"]]
    said = window.saved_label.text()
    assert "2 participants (1 ligne de la grille) collés\u00a0: 1 action" in said, said


def test_rows_pasted_into_a_cell_being_typed_become_participants(qtbot, empty: Path) -> None:
    """The tester's steps: Ctrl+N, Échap, →, Entrée, Ctrl+V, Ctrl+Entrée."""
    window = active_window(qtbot, empty)
    QApplication.clipboard().setText(ROWS)
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_V, CTRL)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    names, items = in_file(empty)
    assert names == [["Marie Curie"], ["Pierre Loti"]]  # the blank row made by Ctrl+N is filled
    assert not any("\t" in text for _kind, text in items)
    assert sorted(items) == sorted(
        [
            ("action", "Forum emploi"),
            ("challenge", "Recruter"),
            ("need", "Financement FSE"),
            ("offer", "Réseau élus"),
            ("action", "Garantie jeunes"),
            ("need", "Mobilité des jeunes"),
        ]
    )
    said = window.saved_label.text()
    assert "2 participants collés\u00a0: 2 actions, 1 défi, 2 besoins, 1 ressource" in said, said
    assert "Ctrl+Z" in said
    # One step: Ctrl+Z takes it all back (the blank row typed before it comes back).
    key(qtbot, Qt.Key.Key_Z, CTRL)
    names, items = in_file(empty)
    assert names == [[]] and items == []
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert in_file(empty)[0] == [["Marie Curie"], ["Pierre Loti"]]


def test_rows_pasted_on_a_cell_not_typed_in_go_after_its_participant(qtbot, empty: Path) -> None:
    window = active_window(qtbot, empty)
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Return)
    from .helpers.keyboard import type_text

    type_text("Anne Martin / CC du Val")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    QApplication.clipboard().setText(ROWS)
    key(qtbot, Qt.Key.Key_V, CTRL)
    names, _items = in_file(empty)
    assert names == [["Anne Martin"], ["Marie Curie"], ["Pierre Loti"]]
    assert window.grid.currentIndex().row() == 1


def test_table_rows_not_of_the_grid_shape_are_refused_and_nothing_is_stored(qtbot, empty: Path) -> None:
    window = active_window(qtbot, empty)
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Return)
    QApplication.clipboard().setText("Forum emploi\tRecruter\nClauses\tMobilité\n")
    key(qtbot, Qt.Key.Key_V, CTRL)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    names, items = in_file(empty)
    assert names == [[]] and items == []
    said = window.saved_label.text()
    assert "Rien n’a été collé" in said or "Rien n'a été collé" in said, said
    # It says what to copy, and that the import makes a new file (not rows of this one).
    assert "ligne de leurs titres" in said and "nouveau fichier" in said and "Ctrl+I" in said, said


def test_ctrl_v_on_a_cell_not_typed_in_pastes_into_it(qtbot, empty: Path) -> None:
    """A list pasted on a selected cell: one item per line, bullets taken off, undoable."""
    window = active_window(qtbot, empty)
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)
    QApplication.clipboard().setText("- Financement FSE\n- Mobilité\n• Garde d'enfants\n")
    key(qtbot, Qt.Key.Key_V, CTRL)
    _names, items = in_file(empty)
    assert items == [("need", "Financement FSE"), ("need", "Mobilité"), ("need", "Garde d'enfants")]
    assert "Ctrl+Z" in window.saved_label.text()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert in_file(empty)[1] == []


def test_a_list_pasted_while_typing_stays_one_item_per_line(qtbot, empty: Path) -> None:
    active_window(qtbot, empty)
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Return)
    QApplication.clipboard().setText("- a\n- b\n• c")
    key(qtbot, Qt.Key.Key_V, CTRL)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    assert in_file(empty)[1] == [("action", "a"), ("action", "b"), ("action", "c")]


def test_rows_copied_with_their_header_row_are_read_by_their_titles(qtbot, empty: Path) -> None:
    """Columns in another order, named by the titles copied with them; a cell of several
    lines in quotes, as Excel copies it, is one cell of several items."""
    window = active_window(qtbot, empty)
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Escape)
    QApplication.clipboard().setText(
        "Nom / structure\tBesoins\tActions\r\n"
        'Anne Martin / CC du Val\t"Mobilité\r\nGarde d\'enfants"\tForum emploi\r\n'
    )
    key(qtbot, Qt.Key.Key_V, CTRL)
    names, items = in_file(empty)
    assert names == [["Anne Martin"]]
    assert items == [("action", "Forum emploi"), ("need", "Mobilité"), ("need", "Garde d'enfants")]
    assert "1 participant collé\u00a0: 1 action, 2 besoins" in window.saved_label.text()


WORDY_ROWS = (
    "Anne Martin / PLIE Sud Landes\tactions collectives pour les jeunes\tdéfi : emploi des seniors\t"
    "besoins en mobilité des salariés\toffres d'emploi saisonnières\n"
    "Paul Roux / CCAS de Dax\tépicerie solidaire\tlogement des jeunes\tbénévoles\tsalle de réunion\n"
)


def test_a_first_row_whose_cells_say_actions_or_needs_is_a_participant_not_headers(
    qtbot, empty: Path, tmp_path: Path
) -> None:
    """Anne Martin's row, pasted first, says « actions collectives… », « défi : … », « besoins
    en mobilité… », « offres d'emploi… »: it was taken for the column titles and dropped, « 1
    participant collé », Anne and her four points gone without a word (and the same two rows
    imported from a CSV). A row whose participant cell names someone is a participant's."""
    from .conftest import run_cli

    window = active_window(qtbot, empty)
    QApplication.clipboard().setText(WORDY_ROWS)
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_V, CTRL)
    names, items = in_file(empty)
    assert names == [["Anne Martin"], ["Paul Roux"]], names
    assert ("need", "besoins en mobilité des salariés") in items, items
    assert "2 participants collés" in window.saved_label.text(), window.saved_label.text()
    window.close()

    # The same rows in a file with no row of titles: refused, saying why, never Paul alone.
    grid = tmp_path / "deux.csv"
    grid.write_text(WORDY_ROWS.replace("\t", ";"), encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(tmp_path / "deux.atelier"))
    assert done.returncode == 1 and not (tmp_path / "deux.atelier").exists(), done.stdout
    assert done.stderr.strip() == (
        f"La première ligne de «\xa0{grid}\xa0» est celle d'un participant, «\xa0Anne Martin / PLIE Sud "
        "Landes\xa0», pas une ligne de titres\xa0: ajoutez au-dessus une ligne qui nomme les colonnes, par "
        "exemple «\xa0Participant\u202f; Actions\u202f; Défis\u202f; Besoins\u202f; Ressources\xa0», puis "
        "importez de nouveau. Rien n'a été écrit."
    ), done.stderr
    titled = tmp_path / "titres.csv"
    titled.write_text("Participant;Actions;Défis;Besoins;Ressources\n" + grid.read_text(encoding="utf-8"))
    done = run_cli("import", str(titled), "-o", str(tmp_path / "titres.atelier"))
    assert done.returncode == 0, done.stderr
    assert in_file(tmp_path / "titres.atelier")[0] == [["Anne Martin"], ["Paul Roux"]]


def test_rows_pasted_with_several_problems_say_how_many_and_the_first_ones(qtbot, empty: Path) -> None:
    """Five pasted rows to check were said « à vérifier : ligne 1 : … (+4) »: one problem shown,
    the others a bare « (+4) ». Now the count in words, the first three, and how many more."""
    window = active_window(qtbot, empty)
    people = [
        "Anne Martin et Paul Durand / PLIE",
        "Julie Petit et Karim Benali",
        "Zoé Roux et Luc Bas",
        "Léa Morel et Hugo Diaz",
        "Inès Faure et Marc Petit",
    ]
    QApplication.clipboard().setText("".join(f"{who}\tForum\t\t\t\n" for who in people))
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Escape)
    key(qtbot, Qt.Key.Key_V, CTRL)
    said = window.saved_label.text()
    assert len(in_file(empty)[0]) == 5
    assert said.startswith(
        "10 participants (5 lignes de la grille) collés\xa0: 5 actions\u202f; 5 points à vérifier\xa0: "
        "ligne 1\xa0: plusieurs personnes dans une même entrée (Anne Martin et Paul Durand)\u202f; "
        "ligne 2\xa0: plusieurs personnes dans une même entrée (Julie Petit et Karim Benali)\u202f; "
        "ligne 3\xa0: plusieurs personnes dans une même entrée (Zoé Roux et Luc Bas)\u202f; "
        "et 2 autres — Ctrl+Z pour annuler"
    ), said
    # Two: both said, no « autre ».
    QApplication.clipboard().setText("".join(f"{who}\tSalon\t\t\t\n" for who in people[3:]))
    key(qtbot, Qt.Key.Key_V, CTRL)
    said = window.saved_label.text()
    assert said.startswith(
        "4 participants (2 lignes de la grille) collés\xa0: 2 actions\u202f; 2 points à vérifier\xa0: "
        "ligne 2\xa0: plusieurs personnes dans une même entrée (Léa Morel et Hugo Diaz)\u202f; "
        "ligne 3\xa0: plusieurs personnes dans une même entrée (Inès Faure et Marc Petit)"
        " — Ctrl+Z pour annuler"
    ), said


def test_the_problems_of_rows_pasted_lower_in_the_grid_name_their_grid_row_and_person(
    qtbot, empty: Path
) -> None:
    """Rows pasted under Anne Martin (the grid's first row) were said « ligne 1 : plusieurs
    personnes… »: the first line of the pasted text, which on the screen is Anne's row, not
    Zoé Roux's. Now the grid's row and who is on it; a pasted line that made no row is said
    to be the pasted text's."""
    from .helpers.keyboard import type_text

    window = active_window(qtbot, empty)
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Return)
    type_text("Anne Martin / CC du Val")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    QApplication.clipboard().setText(
        "Zoé Roux et Luc Bas / PLIE\tForum\t\t\t\n"
        "Julie Petit / Mission locale\tidem\t\t\t\n"
        "----\t\t\t\t\n"
        "Karim Benali / CCAS de Dax\tAtelier CV\t\t\t\n"
    )
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert in_file(empty)[0] == [
        ["Anne Martin"],
        ["Zoé Roux", "Luc Bas"],
        ["Julie Petit"],
        ["Karim Benali"],
    ]
    said = window.saved_label.text()
    assert said.startswith(
        "4 participants (3 lignes de la grille) collés\xa0: 3 actions\u202f; 3 points à vérifier\xa0: "
        "ligne 2\xa0: plusieurs personnes dans une même entrée (Zoé Roux et Luc Bas)\u202f; "
        "ligne 3 (Julie Petit)\xa0: «\xa0idem\xa0» renvoie à une autre cellule, gardé tel quel\xa0: "
        "à vérifier\u202f; "
        "ligne 3 du texte collé ignorée (séparateur)"
    ), said
    assert "ligne 1" not in said and "ligne 4" not in said, said


def test_a_quote_never_closed_in_pasted_rows_names_the_grid_row_it_is_on(qtbot, empty: Path) -> None:
    """The reader's own warning, « guillemet ouvert jamais refermé », said the pasted text's
    line (« ligne 2 ») while the rows were pasted at the grid's rows 2 to 4: Julie Petit's
    row is the grid's third."""
    from .helpers.keyboard import type_text

    window = active_window(qtbot, empty)
    key(qtbot, Qt.Key.Key_N, CTRL)
    key(qtbot, Qt.Key.Key_Return)
    type_text("Anne Martin / CC du Val")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    QApplication.clipboard().setText(
        "Zoé Roux / PLIE\tForum\t\t\t\n"
        'Julie Petit / Mission locale\t"Salon\t\t\t\n'
        "Karim Benali / CCAS de Dax\tAtelier CV\t\t\t\n"
    )
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert in_file(empty)[0] == [["Anne Martin"], ["Zoé Roux"], ["Julie Petit"], ["Karim Benali"]]
    said = window.saved_label.text()
    assert said.startswith(
        "3 participants collés\xa0: 3 actions\u202f; à vérifier\xa0: ligne 3 (Julie Petit)\xa0: guillemet "
        "ouvert jamais refermé\u202f; lu comme un caractère, les lignes suivantes restent des lignes"
    ), said
