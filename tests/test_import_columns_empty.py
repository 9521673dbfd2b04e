"""`--columns participant=9` on a grid of five columns: the people's column is empty in every
row, and the import wrote one nameless participant holding the three people's needs run
together (« @SUM(1+1) mobilité des jeunes formation »), reported as « Fichier créé ». A
column given by hand that holds no participant in any row is refused, nothing written."""

from __future__ import annotations

import json
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


def test_columns_given_for_rows_without_titles_keep_the_first_participant(tmp_path: Path) -> None:
    """Rows without a row of titles, their columns given by hand: the first row was taken as
    the titles, « Colonnes : 1 « Anne Martin, PLIE Pau » → participant », and Anne Martin was
    left out of the workshop without a word. A first row that names someone and no column is
    the first participant's."""
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID.split("\n", 1)[1], encoding="utf-8")  # the rows, not their titles
    target = tmp_path / "atelier.atelier"
    columns = "participant=1,actions=2,defis=3,besoins=4,offres=5"
    done = run_cli("import", str(grid), "-o", str(target), "--columns", columns)
    assert done.returncode == 0, done.stderr
    assert "Import : 3 participants" in done.stdout.replace("\u00a0", " "), done.stdout
    assert "« Anne Martin, PLIE Pau » → participant" not in done.stdout.replace("\u00a0", " ")
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    names = [p["names"] for p in exported["workshops"][0]["participants"]]
    assert names == [["Anne Martin"], ["Jean Dupont"], ["Élodie Roux"]]
