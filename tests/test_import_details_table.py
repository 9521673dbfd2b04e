"""The workshop's date and place given in a small table above the grid (« Date | 12 octobre
2026 », « Lieu | Langon, salle des fêtes »), as facilitators lay out a Word or Excel grid: the
workshop had no date and no place (« tableau 1 … non importé : ce n'est pas une grille »), and
the minutes no date. They are now read as the same words written as lines above the grid."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

GRID = [
    ["Participant", "Actions", "Besoins", "Ressources"],
    ["Anne Roux (PLIE des Graves)", "Forum", "Un minibus", "Ateliers CV"],
    ["Karim Haddad (Cap emploi)", "Job dating", "Employeurs", "Formations"],
]


def _workshop(grid: Path) -> tuple[dict, str]:
    target = grid.with_suffix(".atelier")
    before = grid.read_bytes()
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert grid.read_bytes() == before
    out = run_cli("export", str(target), "--json", "-")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["workshops"][0], " ".join(done.stdout.split())


def test_a_word_table_of_date_and_place_above_the_grid(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Atelier Langonnais")
    details = document.add_table(rows=2, cols=2)
    for r, (label, value) in enumerate([("Date", "12 octobre 2026"), ("Lieu", "Langon, salle des fêtes")]):
        details.cell(r, 0).text = label
        details.cell(r, 1).text = value
    document.add_paragraph("")
    table = document.add_table(rows=len(GRID), cols=len(GRID[0]))
    for r, row in enumerate(GRID):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    grid = tmp_path / "grille.docx"
    document.save(str(grid))

    workshop, said = _workshop(grid)

    assert (workshop["title"], workshop["date"], workshop["place"]) == (
        "Atelier Langonnais",
        "2026-10-12",
        "Langon, salle des fêtes",
    ), said
    assert "non importé" not in said, said
    assert len(workshop["participants"]) == 2


def test_excel_rows_of_date_and_place_above_the_headers(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Atelier de Blaye"])
    sheet.append(["Date", "3 décembre 2026"])
    sheet.append(["Lieu :", "Blaye"])
    sheet.append([])
    for row in GRID:
        sheet.append(row)
    grid = tmp_path / "grille.xlsx"
    workbook.save(str(grid))

    workshop, said = _workshop(grid)

    assert (workshop["title"], workshop["date"], workshop["place"]) == (
        "Atelier de Blaye",
        "2026-12-03",
        "Blaye",
    ), said
    assert len(workshop["participants"]) == 2
