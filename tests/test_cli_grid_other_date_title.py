"""A grid whose heading dates the workshop « Atelier Mobilité du 16 mars 2021 », imported with
--date 17/03/2021, made the workshop « Atelier Mobilité du 16 mars 2021 » dated 17 March: the
minutes printed the title over « Date : 17 mars 2021 », two days for one workshop. The title
is now the heading without the date --date replaces, as for a refused date, and the import
says so; a --date that is the heading's day (or one of its days) keeps the title as written."""

from __future__ import annotations

from pathlib import Path

import docx
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


def _minutes_head(path: Path, tmp_path: Path, lang: str = "fr") -> list[str]:
    minutes = tmp_path / f"cr-{lang}.docx"
    done = run_cli("export", str(path), "--docx", str(minutes), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    return [p.text.replace("\xa0", " ") for p in docx.Document(str(minutes)).paragraphs[:4]]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Atelier Mobilité du 16 mars 2021", "Atelier Mobilité"),
        ("Atelier Mobilité du mardi 16 mars 2021 — Langon", "Atelier Mobilité — Langon"),
        ("Rencontre emploi (16/03/2021)", "Rencontre emploi"),
        ("Atelier du 3 au 5 mars 2021", "Atelier"),
    ],
)
def test_the_title_loses_the_day_another_date_replaces(heading: str, title: str, tmp_path: Path) -> None:
    grid = _grid(tmp_path, heading)
    output = tmp_path / "x.atelier"
    done = run_cli("import", str(grid), "-o", str(output), "--date", "17/03/2021")
    assert done.returncode == 0, done.stderr
    assert _workshops(output) == [(title, "2021-03-17")]
    assert (
        f"Titre repris de la grille sans la date que --date remplace\xa0: «\xa0{title}\xa0» "
        f"(la grille dit «\xa0{heading}\xa0»)"
    ) in done.stdout, done.stdout
    head = _minutes_head(output, tmp_path)
    assert head[1] == title and "Date : 17 mars 2021" in head, head
    assert not any("16" in line or "mars 2021 —" in line for line in head[:2]), head


def test_added_to_a_file_and_in_english(tmp_path: Path) -> None:
    heading = "Atelier Mobilité du 16 mars 2021"
    grid = _grid(tmp_path, heading)
    base = tmp_path / "base.atelier"
    assert run_cli("new", str(base), "--title", "Atelier de mars", "--date", "2021-03-01").returncode == 0
    added = run_cli("import", str(grid), "--into", str(base), "--new-workshop", "--date", "18/03/2021")
    assert added.returncode == 0, added.stderr
    assert ("Atelier Mobilité", "2021-03-18") in _workshops(base)
    assert "(la grille dit «\xa0Atelier Mobilité du 16 mars 2021\xa0»)" in added.stdout, added.stdout

    english = tmp_path / "en.atelier"
    done = run_cli(
        "import", str(grid), "-o", str(english), "--date", "2021-03-18", env={"ATELIER_LANG": "en"}
    )
    assert done.returncode == 0, done.stderr
    assert _workshops(english) == [("Atelier Mobilité", "2021-03-18")]
    assert (
        "Title taken from the grid without the date --date replaces: “Atelier Mobilité” "
        "(the grid says “Atelier Mobilité du 16 mars 2021”)"
    ) in done.stdout, done.stdout
    head = _minutes_head(english, tmp_path, "en")
    assert head[1] == "Atelier Mobilité" and "Date: 18 March 2021" in head, head


@pytest.mark.parametrize(
    ("heading", "date"),
    [
        ("Atelier Mobilité du 16 mars 2021", "16/03/2021"),  # the heading's day
        ("Atelier du 3 au 5 mars 2021", "04/03/2021"),  # one of its days
    ],
)
def test_a_date_the_heading_says_keeps_the_title(heading: str, date: str, tmp_path: Path) -> None:
    grid = _grid(tmp_path, heading)
    output = tmp_path / "x.atelier"
    done = run_cli("import", str(grid), "-o", str(output), "--date", date)
    assert done.returncode == 0, done.stderr
    assert _workshops(output)[0][0] == heading
    assert "sans la date" not in done.stdout, done.stdout
