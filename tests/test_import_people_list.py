"""A list of people (a sign-in sheet exported to CSV or Excel: « Nom, Prénom » over names) is not
a workshop grid: no actions, no challenges, no needs, no offers. `atelier import` refused it
saying « Indiquez-les avec --columns … » (there was nothing to map), while the window's import
dialog offered to import it (« 3 participants · 0 action … »), with the first names only when
« Nom » and « Prénom » were two columns. Both now refuse it in the same sentence, saying what
was found and what a grid needs, and leave every file as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import run_cli
from tests.helpers.keyboard import active_example_window


def _one_column(folder: Path) -> Path:
    grid = folder / "emargement.csv"
    grid.write_text('"Nom, Prénom"\n"Dupont, Marie"\n"Martin, Paul"\n"Durand, Lucie"\n', encoding="utf-8")
    return grid


def _names_in_two_columns(folder: Path) -> Path:
    grid = folder / "emargement.csv"
    grid.write_text("Nom;Prénom\nDupont;Marie\nMartin;Paul\nDurand;Lucie\n", encoding="utf-8")
    return grid


def _one_column_sheet(folder: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in [["Nom, Prénom"], ["Dupont, Marie"], ["Martin, Paul"], ["Durand, Lucie"]]:
        workbook.active.append(row)
    grid = folder / "emargement.xlsx"
    workbook.save(str(grid))
    return grid


def _sign_in_sheet(folder: Path) -> Path:
    """A title above, and the « Signature » column empty once exported."""
    from openpyxl import Workbook

    workbook = Workbook()
    for row in [
        ["Émargement — atelier emploi du 16 mars 2021"],
        ["Nom", "Prénom", "Structure", "Signature"],
        ["Dupont", "Marie", "PLIE de Pau", None],
        ["Martin", "Paul", "CCAS de Tarbes", None],
    ]:
        workbook.active.append(row)
    grid = folder / "emargement.xlsx"
    workbook.save(str(grid))
    return grid


LISTS = {
    "one column": _one_column,
    "two columns": _names_in_two_columns,
    "sheet": _one_column_sheet,
    "sign-in sheet": _sign_in_sheet,
}


def _refused_by_the_command(grid: Path, *extra: str) -> str:
    before = grid.read_bytes()
    target = grid.parent / "atelier.atelier"
    done = run_cli("import", str(grid), "-o", str(target), *extra)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert not target.exists() and grid.read_bytes() == before
    return done.stderr.strip()


@pytest.mark.parametrize("made", LISTS.values(), ids=LISTS.keys())
def test_the_command_refuses_a_list_of_people_saying_what_a_grid_needs(tmp_path: Path, made) -> None:
    grid = made(tmp_path)
    said = _refused_by_the_command(grid)
    assert "n'est pas une grille d'atelier" in said, said
    assert "--columns" not in said  # no mapping can make a grid of it
    assert "au moins une colonne d'actions, de défis, de besoins ou de ressources" in said
    # The people's column given by hand: the same sentence, not a workshop of empty rows.
    assert _refused_by_the_command(grid, "--columns", "participant=1") == said


def _dialog_says(qtbot, window, grid: Path):
    from atelier.ui.import_dialog import ImportDialog

    dialog = ImportDialog(grid, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.start()  # read and understood off the UI thread, as from Fichier › Importer
    qtbot.waitUntil(lambda: dialog.table is not None and not dialog.progress.isVisible(), timeout=20_000)
    return dialog


@pytest.mark.parametrize("made", LISTS.values(), ids=LISTS.keys())
def test_the_import_dialog_refuses_a_list_of_people_in_the_command_s_words(
    qtbot, tmp_path: Path, made
) -> None:
    window = active_example_window(qtbot, tmp_path)
    grid = made(tmp_path)
    before = grid.read_bytes()
    said = _refused_by_the_command(grid)
    dialog = _dialog_says(qtbot, window, grid)
    assert dialog.summary.text() == said
    assert not dialog.import_button.isEnabled() and dialog.plan is None
    # Entrée does not import it; the first column chosen as the participants by keyboard:
    # still the same sentence.
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    combo = dialog.combos[0]
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentData() == "participant":
            break
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentData() == "participant"
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=20_000)
    assert dialog.summary.text() == said
    assert not dialog.import_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert grid.read_bytes() == before
    written = [p.name for p in tmp_path.iterdir() if p.suffix == ".atelier" and not p.name.startswith(".")]
    assert written == ["exemple.atelier"]


def test_a_grid_mapped_without_any_column_of_statements_is_refused_the_same_way(
    qtbot, tmp_path: Path
) -> None:
    """A real grid, its people's column alone given: « rien que des noms » is not imported as a
    workshop of empty rows either, by the command or by the dialog."""
    window = active_example_window(qtbot, tmp_path)
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participant;Besoins\nZoé Martin / CC A;un lieu\nPaul Lin / CC B;un local\n", encoding="utf-8"
    )
    said = _refused_by_the_command(grid, "--columns", "participant=1")
    assert "colonne d'actions, de défis, de besoins ou de ressources" in said
    dialog = _dialog_says(qtbot, window, grid)
    assert dialog.import_button.isEnabled()
    dialog.set_column_kind(1, "ignore")
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=20_000)
    assert dialog.summary.text() == said
    assert not dialog.import_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
