"""« atelier import GRILLE --into FICHIER » deletes the lines the grid no longer has (a wrong
grid, an older version of it): the file as it was could not be had back, the command line
making no backup (the window makes one when it opens a file). Now it is backed up first,
the command says where, and that copy is the file as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT, run_cli


def test_a_reimport_from_the_command_line_says_its_backup_and_the_backup_is_the_file_before(
    tmp_path: Path,
) -> None:
    path = tmp_path / "atelier.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    grid = tmp_path / "mauvaise-grille.csv"
    grid.write_text(
        "Participant;Actions engagées;Défis;Besoins;Ressources\nLucie Leroy / Grand Angoulême;Forum;;;\n",
        encoding="utf-8",
    )
    env = {"ATELIER_DATA_DIR": str(tmp_path / "donnees")}
    before = run_cli("export", str(path), "--json", "-", env=env).stdout
    done = run_cli("import", str(grid), "--into", str(path), env=env)
    assert done.returncode == 0, done.stderr
    said = done.stdout.replace("\u00a0", " ")
    (line,) = [line for line in said.splitlines() if line.startswith("Sauvegarde d'avant : ")]
    backup = Path(line.removeprefix("Sauvegarde d'avant : "))
    assert backup.is_file() and backup.is_relative_to(tmp_path / "donnees")
    assert run_cli("export", str(backup), "--json", "-", env=env).stdout == before
    assert run_cli("export", str(path), "--json", "-", env=env).stdout != before
