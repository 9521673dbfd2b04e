"""A small table typed inside a cell of a Word grid (« forum emploi » above a table of
actions and their years), imported through the command line: each of its rows is one item,
its cells joined (« Action imbriquée A — 2022 »), never a year that became an action of its
own; and the import says where it did so, for the facilitator to check."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli
from tests.test_import_fidelity import _import, _p, _people, _word_grid


def _table(rows: list[list[str]]) -> str:
    columns = "".join("<w:gridCol/>" for _ in rows[0])
    body = "".join("<w:tr>" + "".join(f"<w:tc>{_p(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{columns}</w:tblGrid>{body}</w:tbl>{_p('')}"


def _grid(path: Path) -> Path:
    return _word_grid(
        path,
        [
            [
                _p("Anne Martin / PLIE Sud Gironde"),
                _p("forum emploi") + _table([["Action imbriquée A", "2022"], ["Action imbriquée B", "2023"]]),
                _p("Mobilité"),
                _p("Un lieu"),
                _p("Réseau"),
            ],
            [
                _p("Loïc Hervé / Mission locale"),
                _p("Forum"),
                _p("Décrochage"),
                _table([["besoin caché dans un tableau"]]),
                _p("Clauses"),
            ],
        ],
    )


def test_each_row_of_a_table_in_a_cell_is_one_item_and_said(tmp_path: Path) -> None:
    workshop, warnings = _import(_grid(tmp_path / "grille.docx"), tmp_path)
    people = _people(workshop)
    assert people["Anne Martin"]["actions"] == [
        "forum emploi",
        "Action imbriquée A — 2022",
        "Action imbriquée B — 2023",
    ]
    # A table of one column is a list: its cells stay items, nothing to say about it.
    assert people["Loïc Hervé"]["needs"] == ["besoin caché dans un tableau"]
    said = [w for w in warnings if "tableau dans une cellule" in w]
    assert len(said) == 1, warnings
    assert "tableau dans une cellule (ligne 2, «\xa0Actions engagées\xa0»)\xa0: " in said[0], said
    assert said[0].endswith("chaque ligne lue comme un élément"), said


def test_the_table_in_a_cell_is_said_in_english(tmp_path: Path) -> None:
    grid = _grid(tmp_path / "grille.docx")
    result = run_cli("import", str(grid), "-o", str(tmp_path / "en.atelier"), env={"ATELIER_LANG": "en"})
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "table in a cell" in line]
    assert len(lines) == 1, result.stdout
    assert "row 2, “Actions engagées”" in lines[0] and "each row read as one item" in lines[0], lines
    assert "tableau" not in result.stdout, result.stdout
