"""A participant written on two rows of the grid (a row pasted twice, a person who came back
lower in the table) becomes two entries: the import says so, with both lines, instead of
reporting 4 participants for 2 without a word."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, run_cli


def test_a_participant_on_two_rows_is_named(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participant;Besoins de ressources;Peut être ressource sur\n"
        "Zoé Martin / Mission locale du Val;un lieu;un minibus\n"
        "Paul Lin / CC des Deux Rives;des bénévoles;\n"
        "Zoé MARTIN / Mission locale du Val;un lieu;un minibus\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"))
    assert done.returncode == 0, done.stderr
    said = (done.stdout + done.stderr).replace("\u00a0", " ").replace("\u202f", " ")
    assert "ligne 4 : « Zoé MARTIN » figure déjà ligne 2" in said, said


def test_the_example_grid_names_no_one_twice(tmp_path: Path) -> None:
    grid = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"))
    assert done.returncode == 0 and "figure déjà" not in done.stdout + done.stderr
