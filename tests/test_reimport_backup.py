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


def test_a_reimport_whose_backup_cannot_be_written_is_refused_and_the_file_left_as_it_was(
    tmp_path: Path,
) -> None:
    """The backups' folder could not be made (a file where it should be): the re-import went on
    without a word, deleting the lines the grid no longer had with no copy to have them back,
    where deleting or joining workshops refuses. Now it refuses too, in one sentence."""
    path = tmp_path / "atelier.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    grid = tmp_path / "mauvaise-grille.csv"
    grid.write_text(
        "Participant;Actions engagées;Défis;Besoins;Ressources\nLucie Leroy / Grand Angoulême;Forum;;;\n",
        encoding="utf-8",
    )
    (tmp_path / "donnees").mkdir()
    (tmp_path / "donnees" / "sauvegardes").write_text("pas un dossier\n", encoding="utf-8")
    before = path.read_bytes()
    for lang, said in (
        ("fr", "La grille n'a pas été réimportée : la sauvegarde d'avant n'a pas pu être écrite."),
        ("en", "The grid was not imported again: the backup from before could not be written."),
    ):
        env = {"ATELIER_DATA_DIR": str(tmp_path / "donnees"), "ATELIER_LANG": lang}
        done = run_cli("import", str(grid), "--into", str(path), env=env)
        assert done.returncode == 1, done.stdout
        assert said in done.stderr.replace("\u00a0", " ").replace("\u202f", " "), done.stderr
        assert "Traceback" not in done.stderr and "Sauvegarde d'avant" not in done.stdout
        assert path.read_bytes() == before
        beside = sorted(p.name for p in tmp_path.iterdir())
        assert beside == ["atelier.atelier", "donnees", "mauvaise-grille.csv"], beside
