"""A workshop titled after a file's name (a grid with no title) is titled on one line, trimmed:
a name holding a line break, a tab or spaces before its extension made a title of two lines
(« Atelier\\nde mars ») for the minutes' big title, the workshops list and the window."""

from __future__ import annotations

import shlex
from pathlib import Path

from atelier.store import Store

from .conftest import run_cli

NB = "\u00a0"
GRID = "Participant;Actions;Besoins;Ressources\nAnne Roux (PLIE);Forum;Un minibus;Ateliers CV\n"


def _titles(path: Path) -> list[str]:
    with Store.open(path, readonly=True) as store:
        return [w.title for w in store.workshops()]


def test_a_title_from_the_output_name_is_one_trimmed_line(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    output = tmp_path / "  Atelier\nde\tmars  .atelier"
    done = run_cli("import", str(grid), "-o", str(output), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _titles(output) == ["Atelier de mars"]
    said = done.stdout.split("Titre repris", 1)[1]
    assert f"»{NB}: «{NB}Atelier de mars{NB}» (la grille n'en donne pas)" in said, done.stdout
    # The command it gives, pasted with a title in place of « … », renames that workshop.
    command = said.split(f"pour le changer{NB}: ", 1)[1].split("\nFichier créé", 1)[0]
    words = shlex.split(command.replace('"…"', '"Atelier de Langon"'))
    renamed = run_cli(*words[1:], cwd=tmp_path)
    assert renamed.returncode == 0, renamed.stderr
    assert _titles(output) == ["Atelier de Langon"]


def test_a_title_from_the_grid_s_name_is_one_trimmed_line(tmp_path: Path) -> None:
    grid = tmp_path / "grille\r\nbis .csv"
    grid.write_text(GRID, encoding="utf-8")
    path = tmp_path / "F.atelier"
    assert run_cli("new", str(path), "--title", "Atelier de mars", "--date", "2021-03-16").returncode == 0
    done = run_cli("import", str(grid), "--into", str(path), "--new-workshop", env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert _titles(path) == ["Atelier de mars", "grille bis"]
    assert "“grille bis” (the grid gives none)" in done.stdout, done.stdout
    listed = run_cli("workshops", str(path)).stdout
    assert len(listed.strip().splitlines()) == 2, listed  # one line each
