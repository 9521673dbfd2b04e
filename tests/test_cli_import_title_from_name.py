"""A grid with no title (a CSV, a bare Excel sheet) made a workshop titled after the output
file's name (« one » for one.atelier), printed as the minutes' big title, without a word at
import. The import now says it, with the command that changes it; nothing when the title
was given (--title) or read from the grid. It says which file's name it took: « Titre repris
du nom du fichier » alone left the facilitator to guess between the grid (« grille.csv ») and
the file written (« one.atelier »), and the two commands take it from different files (the
file written by `-o`, the grid by `--into … --new-workshop`, the file then holding other
workshops)."""

from __future__ import annotations

import shlex
from pathlib import Path

from atelier.store import Store

from .conftest import run_cli

NB = "\u00a0"
GRID = "Participant;Actions;Besoins;Ressources\nAnne Roux (PLIE);Forum;Un minibus;Ateliers CV\n"


def _title(path: Path) -> str:
    with Store.open(path, readonly=True) as store:
        return store.workshops()[0].title


def test_a_title_taken_from_the_file_name_is_said_with_how_to_change_it(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    before = grid.read_bytes()
    done = run_cli("import", str(grid), "-o", "one", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _title(tmp_path / "one.atelier") == "one"
    said = [line for line in done.stdout.splitlines() if line.startswith("Titre repris")]
    assert len(said) == 1, done.stdout
    assert said[0].startswith(
        f"Titre repris du nom du fichier «{NB}one.atelier{NB}»{NB}: «{NB}one{NB}» (la grille n'en donne pas)"
    ), said
    # The command it gives works, as pasted in a terminal with a title in place of « … ».
    command = said[0].split(f"pour le changer{NB}: ", 1)[1]
    words = shlex.split(command.replace('"…"', '"Atelier emploi de Langon"'))
    assert words[0] == "atelier"
    renamed = run_cli(*words[1:], cwd=tmp_path)
    assert renamed.returncode == 0, renamed.stderr
    assert _title(tmp_path / "one.atelier") == "Atelier emploi de Langon"
    assert grid.read_bytes() == before
    english = run_cli("import", str(grid), "-o", "two.atelier", cwd=tmp_path, env={"ATELIER_LANG": "en"})
    assert (
        "Title taken from the name of the file “two.atelier”: “two” (the grid gives none)" in english.stdout
    ), english.stdout


def test_nothing_is_said_of_a_title_given_or_read(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    given = run_cli("import", str(grid), "-o", "a.atelier", "--title", "Atelier de Langon", cwd=tmp_path)
    assert given.returncode == 0, given.stderr
    assert "Titre repris" not in given.stdout and _title(tmp_path / "a.atelier") == "Atelier de Langon"
    titled = tmp_path / "titree.csv"
    titled.write_text("Atelier du Réolais\n\n" + GRID, encoding="utf-8")
    read = run_cli("import", str(titled), "-o", "b.atelier", cwd=tmp_path)
    assert read.returncode == 0, read.stderr
    assert "Titre repris" not in read.stdout and _title(tmp_path / "b.atelier") == "Atelier du Réolais"


def test_a_new_workshop_of_a_file_titled_after_the_grid_s_name_is_said_too(tmp_path: Path) -> None:
    """`import grille.csv --into F.atelier --new-workshop`: the workshop is titled « grille »
    (the grid's file name) and the import says so, with the command that changes it (the
    workshop named by its id: the file may hold another of that title)."""
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    made = run_cli("new", "F.atelier", "--title", "Atelier de mars", "--date", "2021-03-16", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    done = run_cli("import", "grille.csv", "--into", "F.atelier", "--new-workshop", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with Store.open(tmp_path / "F.atelier", readonly=True) as store:
        assert [w.title for w in store.workshops()] == ["Atelier de mars", "grille"]
    said = [line for line in done.stdout.splitlines() if line.startswith("Titre repris")]
    assert len(said) == 1, done.stdout
    assert said[0].startswith(
        f"Titre repris du nom du fichier «{NB}grille.csv{NB}»{NB}: «{NB}grille{NB}» "
        "(la grille n'en donne pas)"
    ), said
    command = said[0].split(f"pour le changer{NB}: ", 1)[1]
    words = shlex.split(command.replace('"…"', '"Atelier emploi de Langon"'))
    assert words[:2] == ["atelier", "ateliers"], words
    renamed = run_cli(*words[1:], cwd=tmp_path)
    assert renamed.returncode == 0, renamed.stderr
    with Store.open(tmp_path / "F.atelier", readonly=True) as store:
        assert [w.title for w in store.workshops()] == ["Atelier de mars", "Atelier emploi de Langon"]
    english = run_cli(
        "import", "grille.csv", "--into", "F.atelier", "--new-workshop", "--date", "2021-04-01",
        cwd=tmp_path, env={"ATELIER_LANG": "en"},
    )  # fmt: skip
    assert english.returncode == 0, english.stderr
    assert (
        "Title taken from the name of the file “grille.csv”: “grille” (the grid gives none)" in english.stdout
    ), english.stdout
    given = run_cli(
        "import", "grille.csv", "--into", "F.atelier", "--new-workshop", "--title", "Atelier de Dax",
        cwd=tmp_path,
    )  # fmt: skip
    assert given.returncode == 0, given.stderr
    assert "Titre repris" not in given.stdout, given.stdout
