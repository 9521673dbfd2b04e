"""Two commands making the same new file at once (a script that runs `atelier new` or `atelier
import -o` twice in the background, two terminals): each found no file of that name when it
began, built its own beside it, then renamed it into place. Without --force, the later one
replaced the file the other had just made and said « Fichier créé » and « L'ancien … est gardé
dans les sauvegardes », and the other had said « Fichier créé » of a file that was no longer
its own. The name is checked again as the file is put in place: the later one is refused, the
file the other made stays as it made it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from atelier.errors import FileRefused
from atelier.store import Store
from tests.conftest import run_cli


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_made_by_another_command_meanwhile_is_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "atelier.atelier"
    made: dict[str, str] = {}

    def another_command_meanwhile(_store: Store) -> None:
        # While this file is being built (as `atelier import -o` fills it), another command,
        # a process of its own, makes a file of the same name.
        done = run_cli("new", str(target), "--title", "Atelier de Corinne", "--date", "16/03/2021")
        assert done.returncode == 0, done.stderr
        made["digest"] = _digest(target)

    with pytest.raises(FileRefused) as refused:
        Store.create(target, title="Atelier de Paul", date="2021-03-17", fill=another_command_meanwhile)

    assert (
        str(refused.value)
        == f"«\xa0{target}\xa0» existe déjà\u202f; choisissez un autre nom (ou --force pour le remplacer)."
    )
    assert _digest(target) == made["digest"]
    with Store.open(target, readonly=True) as store:
        assert [w.title for w in store.workshops()] == ["Atelier de Corinne"]
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_with_force_the_later_command_replaces_it_and_keeps_it_among_the_backups(tmp_path: Path) -> None:
    target = tmp_path / "atelier.atelier"

    def another_command_meanwhile(_store: Store) -> None:
        assert run_cli("new", str(target), "--title", "Atelier de Corinne").returncode == 0

    Store.create(target, title="Atelier de Paul", force=True, fill=another_command_meanwhile).close()

    with Store.open(target, readonly=True) as store:
        assert [w.title for w in store.workshops()] == ["Atelier de Paul"]
