"""A long cell (meeting notes pasted into « Actions engagées », a Word cell holding a report)
is read and written like any other: its minutes are written (a 100 KB cell made the Word
minutes take half a minute, 325 KB more than two and a half, each word prefix re-read:
benchmarks/bench_long_cell.py measures it). A
cell no grid holds (a million characters and more: a hostile or broken file) is refused in
one sentence before anything is written, not imported to make matching take gigabytes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

HEAD = "Participant;Actions;Défis;Besoins;Ressources\n"


def test_a_cell_of_pages_is_imported_and_its_minutes_written(tmp_path: Path) -> None:
    import docx

    grid, workshop, minutes = tmp_path / "grille.csv", tmp_path / "a.atelier", tmp_path / "cr.docx"
    notes = "forum emploi des saisonniers avec les entreprises du littoral " * 2_000  # ~120 KB
    grid.write_text(
        HEAD + f"Anne Roux / PLIE Sud Landes;{notes};;un lieu pour les permanences;\n"
        "Jean Dupont / CC du Seignanx;;;;un local pour les permanences\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    done = run_cli("export", str(workshop), "--docx", str(minutes))
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(minutes)).paragraphs)
    assert "forum emploi des saisonniers" in text


@pytest.mark.parametrize("separator", [",", "\t", "|"])
def test_a_cell_of_pages_is_read_whatever_the_separator(tmp_path: Path, separator: str) -> None:
    """Past Python's csv default of 128 KiB a field, a « , », tab or « | » grid was read as
    one column (« il n'a qu'une colonne remplie », three columns in the file): only « ; »,
    the fallback, worked."""
    grid, workshop = tmp_path / "grille.csv", tmp_path / "a.atelier"
    notes = "forum emploi des saisonniers avec les entreprises du littoral " * 3_000  # ~190 KB
    with grid.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=separator).writerows(
            [
                ["Participant", "Actions", "Défis", "Besoins", "Ressources"],
                ["Anne Roux / PLIE Sud Landes", notes, "", "un lieu pour les permanences", ""],
                ["Jean Dupont / CC du Seignanx", "", "", "", "un local pour les permanences"],
            ]
        )
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    read = json.loads(run_cli("export", str(workshop), "--json", "-").stdout)
    (anne, jean) = read["workshops"][0]["participants"]
    assert (anne["names"], jean["names"]) == (["Anne Roux"], ["Jean Dupont"])
    assert anne["actions"] == [notes.strip()] and anne["needs"] == ["un lieu pour les permanences"]
    assert jean["offers"] == ["un local pour les permanences"]


@pytest.mark.parametrize("separator", [";", ","])
def test_a_cell_no_grid_holds_is_refused_before_anything_is_written(tmp_path: Path, separator: str) -> None:
    grid, workshop = tmp_path / "grille.csv", tmp_path / "a.atelier"
    head = HEAD.replace(";", separator)
    row = f"Anne Roux / PLIE{separator}" + "forum " * 250_000 + separator * 3 + "\n"
    grid.write_text(head + row, encoding="utf-8")
    before = grid.read_bytes()
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 1, done.stdout
    (line,) = done.stderr.strip().splitlines()
    line = line.replace("\u00a0", " ").replace("\u202f", " ")
    assert "ligne 2, colonne 2" in line and "1 500 000 caractères" in line, line
    assert "Traceback" not in line and not workshop.exists() and grid.read_bytes() == before
