"""A grid with no title (a CSV, a bare Excel sheet) made a workshop titled after the output
file's name (« one » for one.atelier), printed as the minutes' big title, without a word at
import. The import now says it, with the command that changes it; nothing when the title
was given (--title) or read from the grid."""

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
    assert said[0].startswith(f"Titre repris du nom du fichier{NB}: «{NB}one{NB}» (la grille n'en donne pas)")
    # The command it gives works, as pasted in a terminal with a title in place of « … ».
    command = said[0].split(f"pour le changer{NB}: ", 1)[1]
    words = shlex.split(command.replace('"…"', '"Atelier emploi de Langon"'))
    assert words[0] == "atelier"
    renamed = run_cli(*words[1:], cwd=tmp_path)
    assert renamed.returncode == 0, renamed.stderr
    assert _title(tmp_path / "one.atelier") == "Atelier emploi de Langon"
    assert grid.read_bytes() == before
    english = run_cli("import", str(grid), "-o", "two.atelier", cwd=tmp_path, env={"ATELIER_LANG": "en"})
    assert "Title taken from the file's name: “two” (the grid gives none)" in english.stdout, english.stdout


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
