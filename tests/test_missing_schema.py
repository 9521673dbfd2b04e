"""A .atelier file that lacks something Atelier writes in every file of its format.

A probe dropped, with SQLite, one of Atelier's own triggers from a real file: every command
opened it and wrote into it as if nothing were amiss. Without `directory_item_added` a line
imported with `atelier import --into` was never found by `atelier chercher`; without
`graves_items_back` a line deleted then put back kept its deletion marker, and the next merge
took it out of the merged file. A file lacking a table or a column was already refused; one
lacking a trigger is now refused too, in one sentence, and left byte-identical.

An index Atelier makes (not a unique one: SQLite cannot drop those alone) only makes reading
faster: such a file is read as it is, left byte-identical by every command that only reads it,
and the index is made again in the first transaction that writes it (a merge's output too)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from atelier.errors import FileRefused
from atelier.store import Store
from atelier.store.own_schema import TODAY_DIGEST, digest, entries

from .conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
V8 = ROOT / "tests" / "fixtures" / "format-v8.atelier"
MISSING = "n'a plus tous les éléments qu'Atelier écrit dans ses fichiers"
TRIGGERS = ["directory_item_added", "graves_items_back", "directory_participant_changed"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _without(folder: Path, statement: str, source: Path = EXAMPLE, name: str = "recu.atelier") -> Path:
    path = folder / name
    shutil.copy(source, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(statement)
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    return path


def _schema_digest(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return digest(entries(conn))
    finally:
        conn.close()


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def _one_refusal(result, path: Path, said: str = MISSING) -> None:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert said in lines[0] and path.name in lines[0], lines[0]


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_a_file_lacking_one_of_atelier_s_triggers_is_refused_untouched(trigger: str, tmp_path: Path) -> None:
    path = _without(tmp_path, f"DROP TRIGGER {trigger}")
    before = _sha(path)
    for readonly in (True, False):
        with pytest.raises(FileRefused) as refused:
            Store.open(path, readonly=readonly, lock=not readonly)
        assert str(refused.value) == (
            f"«\xa0{path}\xa0» n'a plus tous les éléments qu'Atelier écrit dans ses fichiers (il y manque "
            f"le déclencheur «\xa0{trigger}\xa0»)\xa0: il a été modifié par un autre programme, ou il est "
            "endommagé. Par précaution, il n'est pas ouvert. Il n'a pas été modifié."
        )
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recu.atelier"]


def test_an_older_file_lacking_a_trigger_is_refused_before_its_migration(tmp_path: Path) -> None:
    path = _without(tmp_path, "DROP TRIGGER graves_participants_back", source=V8)
    before = _sha(path)
    with pytest.raises(FileRefused) as refused:
        Store.open(path, lock=True)
    assert "«\xa0graves_participants_back\xa0»" in str(refused.value)
    assert _sha(path) == before


def test_every_command_refuses_a_file_lacking_a_trigger(tmp_path: Path) -> None:
    """The probe's: a line imported into it was never found by a search."""
    path = _without(tmp_path, "DROP TRIGGER directory_item_added")
    other = tmp_path / "autre.atelier"
    shutil.copy(EXAMPLE, other)
    before = _sha(path)
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participants;Actions;Défis;Besoins;Ressources\n"
        "Élodie Mérignac, Mission locale;Forum emploi;Mobilité;Permis;Ateliers ornithologiques\n",
        encoding="utf-8",
    )
    commands = [
        ("import", str(grid), "--into", str(path), "--new-workshop"),
        ("info", str(path)),
        ("workshops", str(path), "--add", "--title", "Atelier de Pau"),
        ("match", str(path), "--lexical", "--save"),
        ("merge", str(path), str(other), "-o", str(tmp_path / "fusion.atelier")),
        ("merge", str(other), str(path), "-o", str(tmp_path / "fusion.atelier")),
        ("export", str(path), "--json", str(tmp_path / "sortie.json")),
        ("search", str(path), "ornithologiques"),
    ]
    for command in commands:
        _one_refusal(run_cli(*command), path)
        assert _sha(path) == before, command
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autre.atelier", "grille.csv", "recu.atelier"]
    english = run_cli("info", str(path), env={"ATELIER_LANG": "en"})
    assert (
        "lacks things Atelier writes in its files (trigger “directory_item_added” missing)" in english.stderr
    )


def test_a_file_lacking_an_index_is_read_untouched_and_the_index_made_again_when_written(
    tmp_path: Path,
) -> None:
    path = _without(tmp_path, "DROP INDEX items_participant")
    before = _sha(path)
    for command in (("info", str(path)), ("search", str(path), "emploi"), ("suivi", str(path))):
        result = run_cli(*command)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert _sha(path) == before, command
    with Store.open(path, lock=True) as store:
        assert len(store.workshops()) == 1
    assert "items_participant" not in _indexes(path)  # opened, nothing written: as it was
    result = run_cli("workshops", str(path), "--add", "--title", "Atelier de Pau")
    assert result.returncode == 0, result.stderr
    assert "items_participant" in _indexes(path)
    assert _schema_digest(path) == TODAY_DIGEST  # word for word today's
    with Store.open(path, lock=True) as store:
        assert store.integrity_check() == "ok"
        assert len(store.workshops()) == 2


def test_a_merge_of_a_file_lacking_an_index_writes_it_whole(tmp_path: Path) -> None:
    path = _without(tmp_path, "DROP INDEX matches_resource")
    other = tmp_path / "autre.atelier"
    shutil.copy(EXAMPLE, other)
    before = _sha(path)
    for first, second in ((path, other), (other, path)):
        merged = tmp_path / f"fusion-{first.stem}.atelier"
        result = run_cli("merge", str(first), str(second), "-o", str(merged))
        assert result.returncode == 0, result.stderr
        assert _schema_digest(merged) == TODAY_DIGEST
    assert _sha(path) == before


def test_a_restore_of_a_backup_lacking_an_index_writes_it_whole(tmp_path: Path) -> None:
    mine = tmp_path / "mien.atelier"
    shutil.copy(EXAMPLE, mine)
    backup = _without(tmp_path, "DROP INDEX participants_workshop")
    before = _sha(backup)
    with Store.open(mine, lock=True) as store:
        store.replace_with(backup)
        assert len(store.workshops()) == 1
    assert _schema_digest(mine) == TODAY_DIGEST
    assert _sha(backup) == before
