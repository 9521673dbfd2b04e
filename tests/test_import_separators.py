"""CSV grids whose columns are separated otherwise than by « ; », « , » or a tab, imported
through the command line: a « | » grid (some exports write one) is read by its columns even
when a cell holds a « ; »; a separator Atelier does not know is said as such, in one sentence,
not as a grid of « only one filled column » quoting a participant's cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_import_fidelity import HEADERS, _import, _people


def _grid(path: Path, separator: str) -> Path:
    rows = [
        HEADERS,
        ["Anne Martin / PLIE Sud Gironde", "Forum", '"Mobilité; horaires"', "Un lieu", "Réseau"],
        ["Karim Benali / Mission locale ; Bordeaux", "Salon", "Décrochage", "Des locaux", "Clauses"],
        ["Loïc Hervé / CC Test", "Régie", "Logement", "Un café", "Parrainage"],
    ]
    path.write_text("\n".join(separator.join(row) for row in rows) + "\n", encoding="utf-8")
    return path


def test_a_pipe_separated_grid_is_read_by_its_columns(tmp_path: Path) -> None:
    workshop, _warnings = _import(_grid(tmp_path / "grille.csv", "|"), tmp_path)
    people = _people(workshop)
    assert set(people) == {"Anne Martin", "Karim Benali", "Loïc Hervé"}, list(people)
    assert people["Karim Benali"]["needs"] == ["Des locaux"]
    assert people["Anne Martin"]["challenges"] == ["Mobilité; horaires"]
    assert people["Loïc Hervé"]["offers"] == ["Parrainage"]


def test_an_unknown_separator_is_said_in_one_sentence(tmp_path: Path) -> None:
    grid = _grid(tmp_path / "grille.csv", "#")
    before = grid.read_bytes()
    target = tmp_path / "importé.atelier"
    result = run_cli("import", str(grid), "-o", str(target))
    assert result.returncode != 0
    said = (result.stdout + result.stderr).strip()
    assert "Traceback" not in said
    assert len(said.splitlines()) == 1, said
    assert "séparateur" in said and "reconnu" in said, said
    assert "Karim" not in said and "colonne remplie" not in said, said
    assert grid.read_bytes() == before and not target.exists()
    english = run_cli("import", str(grid), "-o", str(target), env={"ATELIER_LANG": "en"})
    said = english.stdout + english.stderr
    assert "separated by “#”" in said and "séparateur" not in said, said


def test_a_character_repeated_inside_multi_line_cells_is_no_separator(tmp_path: Path) -> None:
    # Two people, each cell of several lines holding « : » twice: more lines hold two « : »
    # than the file has rows, yet « ; » separates its columns.
    cell = '"lundi : 9h : 12h\nmardi : 14h : 17h\njeudi : 9h : 12h"'
    rows = [
        ";".join(HEADERS),
        f"Anne Martin / PLIE Sud Gironde;{cell};Mobilité;Un lieu;Réseau",
        f"Loïc Hervé / CC Test;{cell};Logement;Un café;Parrainage",
    ]
    grid = tmp_path / "grille.csv"
    grid.write_text("\n".join(rows) + "\n", encoding="utf-8")
    workshop, _warnings = _import(grid, tmp_path)
    assert set(_people(workshop)) == {"Anne Martin", "Loïc Hervé"}


def _excel_text(path: Path, encoding: str) -> Path:
    """A grid as Excel saves it « Texte Unicode (*.txt) » (UTF-16, BOM) or « Texte (séparateur :
    tabulation) »: cells by tabs, rows by CRLF, a cell of several lines or with quotes in
    quotes (its own quotes doubled)."""
    rows = [
        HEADERS,
        ["Anne Martin / PLIE Sud Gironde", '"Forum emploi\r\nSalon des métiers"', "Recruter", "Un lieu", ""],
        [
            "Karim Benali / Mission locale",
            '"Clauses\r\nd\'insertion"',
            "",
            "Des locaux",
            '"Le ""aller vers"""',
        ],
        ["Loïc Hervé / CC Test", "Régie", "Logement", "Un café", "Parrainage"],
    ]
    text = "".join("\t".join(row) + "\r\n" for row in rows)
    path.write_bytes(("\ufeff" + text).encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-8"])
def test_a_text_grid_saved_by_excel_keeps_its_cells_of_several_lines(tmp_path: Path, encoding: str) -> None:
    """The second line of a quoted cell (« d'insertion" ») was read as a row of its own: a
    participant « d'insertion" » was made, and Karim's action « "Clauses »."""
    workshop, _warnings = _import(_excel_text(tmp_path / "grille.txt", encoding), tmp_path)
    people = _people(workshop)
    assert set(people) == {"Anne Martin", "Karim Benali", "Loïc Hervé"}, list(people)
    assert people["Anne Martin"]["actions"] == ["Forum emploi", "Salon des métiers"]
    assert people["Karim Benali"]["actions"] == ["Clauses", "d'insertion"] or people["Karim Benali"][
        "actions"
    ] == ["Clauses d'insertion"], people["Karim Benali"]["actions"]
    assert people["Karim Benali"]["offers"] == ['Le "aller vers"']
    assert people["Loïc Hervé"]["offers"] == ["Parrainage"]


def test_a_text_grid_saved_by_excel_says_a_quote_once(tmp_path: Path) -> None:
    """A cell with quotes of its own and no line break: Excel quotes it and doubles them; the
    grid read each quote twice, and the quotes around, where Karim typed « Le "aller vers" »."""
    grid = tmp_path / "grille.txt"
    rows = [HEADERS, ["Karim Benali / Mission locale", "Salon", "", "Des locaux", '"Le ""aller vers"""']]
    grid.write_bytes(("\ufeff" + "".join("\t".join(row) + "\r\n" for row in rows)).encode("utf-16-le"))
    workshop, _warnings = _import(grid, tmp_path)
    assert _people(workshop)["Karim Benali"]["offers"] == ['Le "aller vers"']
