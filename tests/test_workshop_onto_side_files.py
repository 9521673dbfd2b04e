"""A workshop file written under the name of another one's journal or lock.

`atelier merge a.atelier b.atelier -o a.atelier-journal` said « Fusion écrite dans
« a.atelier-journal » », `atelier new a.atelier-shm` « Fichier créé », `atelier import grille.csv
-o .~lock.a.atelier` too; the next write into a.atelier deleted all three (SQLite and the lock
take those names as theirs): a file Atelier said it had written, gone without a word. An
export was already refused such a name; a workshop file now is too, in one sentence, before
anything is written."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", ["a.atelier-wal", "a.atelier-shm", "a.atelier-journal", ".~lock.a.atelier"])
def test_no_workshop_file_is_written_under_the_name_of_another_s_journal_or_lock(
    name: str, tmp_path: Path
) -> None:
    mine = tmp_path / "a.atelier"
    shutil.copy(EXAMPLE, mine)
    other = tmp_path / "b.atelier"
    shutil.copy(EXAMPLE, other)
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participants;Actions;Défis;Besoins;Ressources\n"
        "Élodie Mérignac, Mission locale;Forum;Mobilité;Permis;CV\n",
        encoding="utf-8",
    )
    before = {p.name: _sha(p) for p in tmp_path.iterdir()}
    target = tmp_path / name
    for command in (
        ("new", str(target), "--title", "Atelier de Pau"),
        ("import", str(grid), "-o", str(target)),
        ("merge", str(other), str(mine), "-o", str(target)),
    ):
        result = run_cli(*command)
        assert result.returncode != 0 and "Traceback" not in result.stderr, result.stdout
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr
        assert lines[0] == (
            f"«\xa0{target}\xa0» accompagne le fichier d'atelier «\xa0{mine}\xa0» (journal ou verrou)\xa0: "
            "choisissez un autre nom\u202f; rien n'a été écrit."
        )
        assert {p.name: _sha(p) for p in tmp_path.iterdir()} == before, command
