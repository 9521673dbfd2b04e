"""A participant cell written on several lines (paragraphs of a Word cell, Entrée typed in
the window's cell) is read as « / » reads it: each line a part of the cell. What a user saw:
« PLIE Sud Landes ¶ Anne Roux » named nobody, the structure « PLIE Sud Landes Anne Roux » on
the territory « Sud Landes Anne Roux », in the minutes' table, their count of territories,
the cards and the directory; typed in the window, the same."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import run_cli
from tests.helpers.keyboard import active_example_window, key, type_text

HEADER = ["Participant", "Actions engagées", "Défis", "Besoins de ressources", "Peut être ressource sur"]

# Each participant cell as its paragraphs, and what the row is: names, structure, territory, role.
ROWS = [
    (["Cap emploi des Landes", "Manon Girard"], ["Manon Girard"], "Cap emploi des Landes", "Landes", ""),
    (
        ["Chargé de mission", "CC Cœur Haute Lande", "Bastien Noël"],
        ["Bastien Noël"],
        "CC Cœur Haute Lande",
        "Cœur Haute Lande",
        "Chargé de mission",
    ),
    (
        ["Communauté d'agglomération du Grand Dax :", "Lina Chevalier", "Yanis Robert"],
        ["Lina Chevalier", "Yanis Robert"],
        "Communauté d'agglomération du Grand Dax",
        "Grand Dax",
        "",
    ),
]


STATEMENTS = [
    ("Forum de l'emploi saisonnier", "Recruter des saisonniers", "Logement des saisonniers", ""),
    ("Navette vers la zone d'activités", "", "", "Mobilité des salariés"),
    ("", "Attirer des médecins", "", "Logement des saisonniers"),
]


def _grid(folder: Path, kind: str) -> Path:
    """The grid as Word (a paragraph a line, as Entrée in Word makes it), Excel (lines of a
    cell, Alt+Entrée) or CSV (a quoted cell over several lines) writes it."""
    rows = [["\n".join(row[0]), *said] for row, said in zip(ROWS, STATEMENTS, strict=True)]
    path = folder / f"lignes.{kind}"
    if kind == "docx":
        import docx

        document = docx.Document()
        table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
        for cells, texts in zip(table.rows, [HEADER, *rows], strict=True):
            for cell, text in zip(cells.cells, texts, strict=True):
                lines = text.split("\n")
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
        document.save(str(path))
    elif kind == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        for texts in [HEADER, *rows]:
            workbook.active.append(texts)
        workbook.save(str(path))
    else:
        import csv

        with path.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out, delimiter=";").writerows([HEADER, *rows])
    return path


@pytest.mark.parametrize("kind", ["docx", "xlsx", "csv"])
def test_a_cell_of_several_lines_is_read_line_by_line(tmp_path: Path, kind: str) -> None:
    import docx

    grid, workshop, minutes = _grid(tmp_path, kind), tmp_path / "l.atelier", tmp_path / "cr.docx"
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    said = (done.stdout + done.stderr).replace("\u00a0", " ")
    assert "à vérifier" not in said, said  # each row read as written: nothing to check
    # the line of the row (its first line in the CSV file)
    assert "plusieurs personnes dans une même entrée (Lina Chevalier et Yanis Robert)" in said, said
    connection = sqlite3.connect(f"file:{workshop}?mode=ro", uri=True)
    try:
        stored = connection.execute(
            "SELECT names, organisation, territory, role FROM participants ORDER BY position"
        ).fetchall()
    finally:
        connection.close()
    assert [(json.loads(n), o, t, r) for n, o, t, r in stored] == [tuple(row[1:]) for row in ROWS]

    assert run_cli("export", str(workshop), "--docx", str(minutes)).returncode == 0
    document = docx.Document(str(minutes))
    text = "\n".join(p.text for p in document.paragraphs).replace("\u00a0", " ").replace("\u202f", " ")
    assert "4 participants (3 lignes de la grille), venus de 3 territoires," in text, text
    table = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    for _paragraphs, names, organisation, _territory, _role in ROWS:
        assert any(all(n in " ".join(r) for n in names) and organisation in r for r in table), table
    assert not any("Landes Manon" in c or "Lande Bastien" in c for r in table for c in r), table


@pytest.mark.usefixtures("no_modal_boxes")
def test_lines_typed_in_the_window_cell_are_its_parts(qtbot, tmp_path: Path) -> None:
    """Ctrl+N, the structure, Entrée (a new line in the cell), the person, Tab: the person
    and the structure, as the same cell imported; the status bar says nothing to check."""
    window = active_example_window(qtbot, tmp_path)
    for lines, names, organisation, territory in (
        (
            ["Mission locale du Seignanx", "Théo Lemaire"],
            ["Théo Lemaire"],
            "Mission locale du Seignanx",
            "Seignanx",
        ),
        (["PLIE Sud Landes (Chloé Fournier)"], ["Chloé Fournier"], "PLIE Sud Landes", "Sud Landes"),
    ):
        before = window.model.rowCount()
        key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        for position, line in enumerate(lines):
            if position:
                key(qtbot, Qt.Key.Key_Return)  # a new line in the cell, not the cell validated
            type_text(line)
        key(qtbot, Qt.Key.Key_Tab)
        assert window.model.rowCount() == before + 1
        cell = "\n".join(lines)
        connection = sqlite3.connect(f"file:{window.store.path}?mode=ro", uri=True)
        try:
            ((stored_names, stored_organisation, stored_territory),) = connection.execute(
                "SELECT names, organisation, territory FROM participants WHERE source_text = ?", (cell,)
            ).fetchall()
        finally:
            connection.close()
        assert (json.loads(stored_names), stored_organisation, stored_territory) == (
            names,
            organisation,
            territory,
        )
        said = window.saved_label.text().replace("\u00a0", " ")
        assert "à vérifier" not in said, said
