"""`--columns participant=9` on a grid of five columns: the people's column is empty in every
row, and the import wrote one nameless participant holding the three people's needs run
together (« @SUM(1+1) mobilité des jeunes formation »), reported as « Fichier créé ». A
column given by hand that holds no participant in any row is refused, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

GRID = (
    "Participants;Actions;Défis;Besoins;Ressources\n"
    "Anne Martin, PLIE Pau;Forum;;mobilité des jeunes;accompagnement RH\n"
    "Jean Dupont, Mission locale Dax;;;recrutement;mobilité\n"
    "Élodie Roux, Région;;;formation;\n"
)


@pytest.mark.parametrize("column", ["9", "G"])
def test_a_participant_column_empty_in_every_row_is_refused(tmp_path: Path, column: str) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    target = tmp_path / "atelier.atelier"
    done = run_cli(
        "import",
        str(grid),
        "-o",
        str(target),
        "--columns",
        f"participant={column},besoins=4",
        env={"ATELIER_LANG": "fr"},
    )
    assert done.returncode == 1, done.stdout
    assert "vide" in done.stderr and "participant" in done.stderr
    assert not target.exists()
    english = run_cli(
        "import",
        str(grid),
        "-o",
        str(target),
        "--columns",
        f"participant={column},needs=4",
        env={"ATELIER_LANG": "en"},
    )
    assert english.returncode == 1 and "empty" in english.stderr
    assert not target.exists()
