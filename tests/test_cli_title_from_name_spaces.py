"""A workshop titled after a file's name: its spaces single, and the name said on one line.
« Atelier du   9 avril .csv » titled the workshop « Atelier du   9 avril » (three spaces in
the minutes' big title), and an output named « ate⏎lier.atelier » was said « Titre repris du
nom du fichier « ate », then « lier.atelier » … » on the next line. The line break in the name
is now shown « � », as the terminal's guard shows what a terminal would obey."""

from __future__ import annotations

from pathlib import Path

from atelier.store import Store

from .conftest import run_cli

NB = "\u00a0"
GRID = "Participant;Besoins;Ressources\nAnne Roux (PLIE);Un minibus;Ateliers CV\n"


def _titles(path: Path) -> list[str]:
    with Store.open(path, readonly=True) as store:
        return [w.title for w in store.workshops()]


def test_a_title_from_the_grid_s_name_has_single_spaces(tmp_path: Path) -> None:
    grid = tmp_path / "  Atelier\tdu   9 avril  .csv"
    grid.write_text(GRID, encoding="utf-8")
    path = tmp_path / "F.atelier"
    assert run_cli("new", str(path), "--title", "Atelier de mars", "--date", "2021-03-16").returncode == 0
    done = run_cli("import", str(grid), "--into", str(path), "--new-workshop")
    assert done.returncode == 0, done.stderr
    assert _titles(path) == ["Atelier de mars", "Atelier du 9 avril"]
    assert f"{NB}: «{NB}Atelier du 9 avril{NB}» (la grille n'en donne pas)" in done.stdout, done.stdout


def test_a_title_from_the_output_name_has_single_spaces(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    output = tmp_path / " Atelier  de   mars .atelier"
    done = run_cli("import", str(grid), "-o", str(output))
    assert done.returncode == 0, done.stderr
    assert _titles(output) == ["Atelier de mars"]
    assert f"{NB}: «{NB}Atelier de mars{NB}» (la grille n'en donne pas)" in done.stdout, done.stdout


def test_a_file_name_with_a_line_break_is_said_on_one_line(tmp_path: Path) -> None:
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    output = tmp_path / "ate\nlier.atelier"
    done = run_cli("import", str(grid), "-o", str(output))
    assert done.returncode == 0, done.stderr
    assert _titles(output) == ["ate lier"]
    (said,) = [line for line in done.stdout.splitlines() if line.startswith("Titre repris")]
    assert said.startswith(
        f"Titre repris du nom du fichier «{NB}ate\ufffdlier.atelier{NB}»{NB}: «{NB}ate lier{NB}» "
        "(la grille n'en donne pas)"
    ), done.stdout

    english = run_cli(
        "import", str(grid), "-o", str(tmp_path / "en\r\nglish.atelier"), env={"ATELIER_LANG": "en"}
    )
    assert english.returncode == 0, english.stderr
    (said,) = [line for line in english.stdout.splitlines() if line.startswith("Title taken")]
    assert said.startswith("Title taken from the name of the file “en\ufffdglish.atelier”: “en glish”"), (
        english.stdout
    )
