"""A .atelier file is a SQLite file anybody can write (sent by e-mail by another facilitator,
left on a network's shared folder): what its schema holds beyond Atelier's own must never run.

A probe found a file with a trigger that `atelier merge` copied into the merged file; the next
`atelier import --into` said « 1 participant mis à jour » while every participant was renamed
« Pirate » and lines were deleted; a trigger in a file opened directly ran at the first write.
Such a file is now refused, in one sentence, before any of it runs, and left byte-identical,
by every path that opens a file: the command line's commands, the window's Ctrl+O and merge,
a restore. Files Atelier wrote, at every format, still open."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from atelier.errors import FileRefused
from atelier.store import Store

from .conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("format-v*.atelier"))
REFUSED = "contient des éléments qu'Atelier n'a pas écrits"

# What a crafted file may carry, each added with SQLite to a real Atelier file.
CRAFTED = {
    "pirate": [  # the probe's: fires when a line is written, renames everyone
        "CREATE TRIGGER evil AFTER INSERT ON items BEGIN UPDATE participants SET names = '[\"Pirate\"]'; END",
        "CREATE TRIGGER evil2 AFTER UPDATE ON items BEGIN DELETE FROM items; END",
    ],
    "wipe": ["CREATE TRIGGER evil AFTER INSERT ON workshops BEGIN DELETE FROM items; END"],
    "view": ["CREATE VIEW v AS SELECT 1"],
    "index_trigger": [  # on a table of the directory's full-text index
        "CREATE TRIGGER evil AFTER INSERT ON directory_docsize BEGIN DELETE FROM items; END"
    ],
    "own_trigger_rewritten": [  # one of Atelier's own names, another body
        "DROP TRIGGER graves_items_back",
        "CREATE TRIGGER graves_items_back AFTER INSERT ON items BEGIN DELETE FROM participants; END",
    ],
    "extra_table": ["CREATE TABLE notes (id INTEGER PRIMARY KEY, at TEXT DEFAULT (random()))"],
    "generated_column": ["ALTER TABLE participants ADD COLUMN shout TEXT AS (upper(organisation))"],
    "statistics": ["ANALYZE"],
}


# What the refusal names, for each.
SAID = {
    "pirate": "(déclencheurs «\xa0evil\xa0», «\xa0evil2\xa0»)",
    "wipe": "(déclencheur «\xa0evil\xa0»)",
    "view": "(vue «\xa0v\xa0»)",
    "index_trigger": "(déclencheur «\xa0evil\xa0»)",
    "own_trigger_rewritten": "(déclencheur «\xa0graves_items_back\xa0»)",
    "extra_table": "(table «\xa0notes\xa0»)",
    "generated_column": "(table «\xa0participants\xa0»)",
    "statistics": "(table «\xa0sqlite_stat1\xa0»)",
}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _crafted(folder: Path, kind: str, source: Path = EXAMPLE, name: str = "recu.atelier") -> Path:
    """A copy of a real Atelier file with `kind`'s statements added by SQLite itself."""
    path = folder / name
    shutil.copy(source, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in CRAFTED[kind]:
            conn.execute(statement)
        conn.execute("PRAGMA journal_mode = DELETE")  # nothing left beside it
    finally:
        conn.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT names FROM participants ORDER BY id")]
    finally:
        conn.close()


def _one_refusal(result, path: Path) -> None:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert REFUSED in lines[0] and path.name in lines[0], lines[0]


@pytest.mark.parametrize("kind", sorted(CRAFTED))
def test_a_file_with_anything_atelier_did_not_write_is_refused_untouched(kind: str, tmp_path: Path) -> None:
    path = _crafted(tmp_path, kind)
    before = _sha(path)
    for readonly in (True, False):
        with pytest.raises(FileRefused) as refused:
            Store.open(path, readonly=readonly, lock=not readonly)
        assert str(refused.value) == (
            f"«\xa0{path}\xa0» contient des éléments qu'Atelier n'a pas écrits {SAID[kind]}\xa0: "
            "par précaution, il n'est pas ouvert. Il n'a pas été modifié."
        )
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recu.atelier"]


def test_the_probe_s_merge_then_import_no_longer_renames_everyone(tmp_path: Path) -> None:
    """hostB.atelier carried two triggers; merged, then a grid re-imported into the merge."""
    host = _crafted(tmp_path, "pirate", name="hostB.atelier")
    mine = tmp_path / "mineA.atelier"
    shutil.copy(EXAMPLE, mine)
    digests = {p: _sha(p) for p in (host, mine)}
    for first, second in ((host, mine), (mine, host)):
        merged = tmp_path / "C.atelier"
        result = run_cli("merge", str(first), str(second), "-o", str(merged))
        _one_refusal(result, host)
        assert not merged.exists()
    assert {p: _sha(p) for p in (host, mine)} == digests


def test_every_command_refuses_a_file_with_a_trigger_and_leaves_it_as_it_was(tmp_path: Path) -> None:
    path = _crafted(tmp_path, "pirate")
    before = _sha(path)
    names = _names(path)
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participants;Actions;Défis;Besoins;Ressources\n"
        "Élodie Mérignac, Mission locale;Forum emploi;Mobilité;Financement du permis;Ateliers CV\n",
        encoding="utf-8",
    )
    commands = [
        ("info", str(path)),
        ("workshops", str(path)),
        ("workshops", str(path), "--add", "--title", "Atelier de Pau"),
        ("import", str(grid), "--into", str(path)),
        ("match", str(path), "--lexical", "--save"),
        ("export", str(path), "--xlsx", str(tmp_path / "sortie.xlsx")),
        ("export", str(path), "--fiches", str(tmp_path / "fiches.docx")),
        ("suivi", str(path)),
        ("search", str(path), "emploi"),
        ("open", "--quit-after-show", str(path)),
    ]
    for command in commands:
        _one_refusal(run_cli(*command), path)
        assert _sha(path) == before, command
    assert _names(path) == names
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grille.csv", "recu.atelier"]


def test_the_refusal_is_said_in_english_too(tmp_path: Path) -> None:
    path = _crafted(tmp_path, "wipe")
    result = run_cli("info", str(path), env={"ATELIER_LANG": "en"})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "holds things Atelier did not write (trigger “evil”)" in result.stderr, result.stderr


def test_an_older_file_with_a_trigger_is_refused_before_its_migration_writes(tmp_path: Path) -> None:
    """Opening a file of an older format to write it migrates it, and a migration updates
    rows: a trigger on them would fire inside Atelier's own transaction."""
    path = _crafted(tmp_path, "wipe", source=ROOT / "tests" / "fixtures" / "format-v8.atelier")
    before = _sha(path)
    with pytest.raises(FileRefused):
        Store.open(path, lock=True)
    assert _sha(path) == before


@pytest.mark.parametrize("source", [EXAMPLE, *FIXTURES], ids=lambda p: p.stem)
def test_files_atelier_wrote_at_every_format_still_open(source: Path, tmp_path: Path) -> None:
    path = tmp_path / source.name
    shutil.copy(source, path)
    with Store.open(path, readonly=True) as store:
        assert store.workshops()
    with Store.open(path, lock=True) as store:
        assert not store.readonly and store.workshops()


def test_a_file_whose_directory_index_was_rebuilt_still_opens(tmp_path: Path) -> None:
    """The directory's index rebuilt beside the live one (store/graves.py) and put in its place:
    SQLite writes the renamed tables' names quoted; in the middle of it, the file has the index
    being rebuilt and its triggers. Both are Atelier's own."""
    from atelier.store import directory

    for finished in (False, True):
        path = tmp_path / f"rebuilt-{finished}.atelier"
        shutil.copy(EXAMPLE, path)
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN")
        directory.start_next(conn)
        directory.copy_next(conn, None if finished else 1)
        if finished:
            directory.swap_next(conn)
        conn.execute("COMMIT")
        conn.close()
        with Store.open(path, lock=True) as store:
            assert len(store.search("emploi")[0]) > 0


def test_the_window_refuses_such_a_file_by_ctrl_o_and_by_its_merge(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes: list[str]
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from tests.helpers.keyboard import active_example_window, key

    window = active_example_window(qtbot, tmp_path)
    mine = window.store.path
    mine_names = _names(mine)
    path = _crafted(tmp_path, "pirate")
    before = _sha(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    key(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # Ouvrir…
    qtbot.waitUntil(lambda: len(no_modal_boxes) == 1)
    assert REFUSED in no_modal_boxes[0] and "recu.atelier" in no_modal_boxes[0]
    assert window.store.path == mine  # the window stays on its file
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    key(qtbot, Qt.Key.Key_F, ctrl_shift)  # Fusionner un fichier…
    qtbot.waitUntil(lambda: len(no_modal_boxes) == 2, timeout=20_000)
    assert REFUSED in no_modal_boxes[1] and "recu.atelier" in no_modal_boxes[1]
    assert window.store.path == mine
    assert _sha(path) == before
    assert _names(mine) == mine_names
    window.close()


def test_a_restore_refuses_a_backup_with_a_trigger(tmp_path: Path) -> None:
    mine = tmp_path / "mien.atelier"
    shutil.copy(EXAMPLE, mine)
    backup = _crafted(tmp_path, "pirate")
    before = (_sha(mine), _sha(backup))
    with Store.open(mine, lock=True) as store, pytest.raises(FileRefused):
        store.replace_with(backup)
    assert (_sha(mine), _sha(backup)) == before
