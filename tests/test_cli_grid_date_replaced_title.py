"""A grid whose heading dates the workshop « Atelier Mobilité du 16 mars 2150 » is refused,
« … donnez sa date avec --date »; given with --date, the workshop was made with the title
« Atelier Mobilité du 16 mars 2150 » and the date 16/03/2021, which the minutes printed one
under the other. The title is now kept without the refused date --date replaces, and the
import says so, with the heading as the grid wrote it and how to change the title."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.store import Store

from .conftest import run_cli

ROWS = "Nom;Structure;Besoins;Ressources\nPaul Durand;Mission locale;Un local;Annuaire\n"


def _grid(tmp_path: Path, heading: str) -> Path:
    grid = tmp_path / "grille.csv"
    grid.write_text(f"{heading}\n\n{ROWS}", encoding="utf-8")
    return grid


def _workshops(path: Path) -> list[tuple[str, str | None]]:
    with Store.open(path, readonly=True) as store:
        return [(w.title, w.date) for w in store.workshops()]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Atelier Mobilité du 16 mars 2150", "Atelier Mobilité"),
        ("Atelier Mobilité du jeudi 16 mars 2150 — Langon", "Atelier Mobilité — Langon"),
        ("Rencontre emploi (16/03/2150)", "Rencontre emploi"),
        ("Atelier du 3 au 5 mars 1850", "Atelier"),
    ],
)
def test_the_title_loses_the_date_given_otherwise(heading: str, title: str, tmp_path: Path) -> None:
    grid = _grid(tmp_path, heading)
    output = tmp_path / "x.atelier"
    done = run_cli("import", str(grid), "-o", str(output), "--date", "16/03/2021")
    assert done.returncode == 0, done.stderr
    assert _workshops(output) == [(title, "2021-03-16")]
    said = done.stdout
    assert (
        f"Titre repris de la grille sans la date que --date remplace\xa0: «\xa0{title}\xa0» "
        f"(la grille dit «\xa0{heading}\xa0»)"
    ) in said, said
    assert "--title" in said  # how to change it

    info = run_cli("info", str(output))
    assert info.returncode == 0 and "2150" not in info.stdout and "1850" not in info.stdout, info.stdout


def test_the_same_added_to_a_file_and_in_english(tmp_path: Path) -> None:
    heading = "Atelier Mobilité du 16 mars 2150"
    grid = _grid(tmp_path, heading)
    base = tmp_path / "base.atelier"
    assert run_cli("new", str(base), "--title", "Atelier de mars", "--date", "2021-03-01").returncode == 0
    added = run_cli("import", str(grid), "--into", str(base), "--new-workshop", "--date", "16/03/2021")
    assert added.returncode == 0, added.stderr
    assert ("Atelier Mobilité", "2021-03-16") in _workshops(base)
    assert "(la grille dit «\xa0Atelier Mobilité du 16 mars 2150\xa0»)" in added.stdout, added.stdout

    english = tmp_path / "en.atelier"
    done = run_cli(
        "import", str(grid), "-o", str(english), "--date", "16/03/2021", env={"ATELIER_LANG": "en"}
    )
    assert done.returncode == 0, done.stderr
    assert (
        "Title taken from the grid without the date --date replaces: “Atelier Mobilité” "
        "(the grid says “Atelier Mobilité du 16 mars 2150”)"
    ) in done.stdout, done.stdout


def test_a_heading_that_is_only_the_date_gives_the_file_name(tmp_path: Path) -> None:
    grid = _grid(tmp_path, "16 mars 2150")
    output = tmp_path / "rencontre.atelier"
    done = run_cli("import", str(grid), "-o", str(output), "--date", "16/03/2021")
    assert done.returncode == 0, done.stderr
    assert _workshops(output) == [("rencontre", "2021-03-16")]
    assert (
        "Titre repris du nom du fichier «\xa0rencontre.atelier\xa0»\xa0: «\xa0rencontre\xa0» (la grille ne "
        "donne que la date «\xa016 mars 2150\xa0», que --date remplace)"
    ) in done.stdout, done.stdout


@pytest.mark.parametrize(
    ("heading", "options", "title"),
    [
        # The date the heading gives is the one given: the title as written.
        ("Atelier Mobilité du 16 mars 2021", [], "Atelier Mobilité du 16 mars 2021"),
        # A title given is the title.
        ("Atelier Mobilité du 16 mars 2150", ["--title", "Mobilité à Langon"], "Mobilité à Langon"),
        # A heading with no date keeps its title.
        ("Atelier Mobilité", [], "Atelier Mobilité"),
    ],
)
def test_a_title_given_or_agreeing_is_kept(
    heading: str, options: list[str], title: str, tmp_path: Path
) -> None:
    grid = _grid(tmp_path, heading)
    output = tmp_path / "x.atelier"
    done = run_cli("import", str(grid), "-o", str(output), "--date", "16/03/2021", *options)
    assert done.returncode == 0, done.stderr
    assert _workshops(output) == [(title, "2021-03-16")]
    assert "sans la date" not in done.stdout
