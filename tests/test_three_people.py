"""Three people in one participant cell, typed as the grid types them (« A, B et C
Structure »), are read as three people of one structure and named as a sentence names them,
« Corinne Corcuff, Sefallah Mahamat Bindi et Lucie Garnier », in every file Atelier writes:
the Word minutes' table of participants, the Excel tables, the participants' pages. The cell
was read as one person of the structure « Sefallah Mahamat Bindi et Lucie Garnier Mont de
Marsan Agglo », and the files wrote « A et B et C », which no one writes by hand; the Excel
table, read back by `atelier import`, still gives the three people."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from atelier.store import Store

from .conftest import ROOT, run_cli

GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
# As the grid's cell was typed (« Corinne Corcuff et Sefallah Mahamat Bindi Mont de Marsan
# Agglo »), a third person named: the list goes on before the structure.
TYPED = "Corinne Corcuff, Sefallah Mahamat Bindi et Lucie Garnier Mont de Marsan Agglo"
THREE = "Corinne Corcuff, Sefallah Mahamat Bindi et Lucie Garnier"
NAMES = ["Corinne Corcuff", "Sefallah Mahamat Bindi", "Lucie Garnier"]


def _grid_with_three_people(tmp_path: Path) -> Path:
    """The real grid, its Mont de Marsan cell naming a third person."""
    document = docx.Document(str(GRID))
    (cell,) = [c for t in document.tables for r in t.rows for c in r.cells[:1] if "Corcuff" in c.text]
    (paragraph,) = cell.paragraphs
    paragraph.runs[0].text = TYPED
    for run in paragraph.runs[1:]:
        run.text = ""
    path = tmp_path / "grille.docx"
    document.save(str(path))
    return path


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _xlsx_cells(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]


def test_three_people_of_one_cell_are_named_a_b_et_c_in_the_minutes_the_tables_and_the_pages(
    tmp_path: Path,
) -> None:
    workshop = tmp_path / "atelier.atelier"
    done = run_cli("import", str(_grid_with_three_people(tmp_path)), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    with Store.open(workshop, readonly=True) as store:
        (who,) = [p for p in store.participants(store.workshops()[0].id) if "Lucie Garnier" in p.names]
    assert who.names == NAMES and who.organisation == "Mont de Marsan Agglo"
    for lang, label in (
        ("fr", f"{THREE} (Mont de Marsan Agglo)"),
        ("en", f"{THREE.replace(' et ', ' and ')} ("),
    ):
        listed = run_cli("match", str(workshop), "--lexical", env={"ATELIER_LANG": lang})
        assert listed.returncode == 0, listed.stderr
        assert label in listed.stdout

    minutes, tables, pages = tmp_path / "cr.docx", tmp_path / "t.xlsx", tmp_path / "fiches.docx"
    for option, target in (("--docx", minutes), ("--xlsx", tables), ("--fiches", pages)):
        done = run_cli("export", str(workshop), option, str(target))
        assert done.returncode == 0, done.stderr

    document = docx.Document(str(minutes))
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert [THREE, "Mont de Marsan Agglo", ""] in [row[:3] for row in rows]
    said = _docx_text(minutes)
    assert "Corcuff et Sefallah" not in said and "Bindi et Lucie" in said

    cells = _xlsx_cells(tables)
    assert THREE in cells
    assert not [c for c in cells if "Corcuff et Sefallah" in c]

    page = docx.Document(str(pages))
    titles = [p.text for p in page.paragraphs if p.style is not None and p.style.name == "Title"]
    assert THREE in titles
    assert "Corcuff et Sefallah" not in _docx_text(pages)

    # The documents speak the interface's language: « A, B and C » in the minutes, the tables
    # and the pages when the command line speaks English.
    for option, target in (("--docx", minutes), ("--xlsx", tables), ("--fiches", pages)):
        done = run_cli("export", str(workshop), option, str(target), "--force", env={"ATELIER_LANG": "en"})
        assert done.returncode == 0, done.stderr
    for document in (minutes, pages):
        assert "Bindi et" not in _docx_text(document) and THREE.replace(" et ", " and ") in _docx_text(
            document
        )
    english = _xlsx_cells(tables)
    assert THREE.replace(" et ", " and ") in english
    assert not [c for c in english if "Bindi et" in c]

    # The Excel tables (here in English) are a grid Atelier reads back: still three people of
    # one structure.
    again = tmp_path / "again.atelier"
    done = run_cli("import", str(tables), "-o", str(again))
    assert done.returncode == 0, done.stderr
    with Store.open(again, readonly=True) as store:
        (back,) = [p for p in store.participants(store.workshops()[0].id) if "Lucie Garnier" in p.names]
    assert back.names == NAMES and back.organisation == "Mont de Marsan Agglo"
