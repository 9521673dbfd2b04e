"""A file of an older format is migrated only with the first change written to it: a command
that refuses leaves it byte-identical (still readable by the Atelier that wrote it), and the
backup a command takes before writing is of the file at its own format (tester54 F13, F11)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from atelier.backups import backups_of
from atelier.domain import ItemKind
from atelier.store import SCHEMA_VERSION, Store
from tests.conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures"
OLD = FIXTURES / "format-v14.atelier"  # one workshop « Atelier écrit au format 1 », 16/03/2021


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _format(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "ancien.atelier"
    shutil.copy(OLD, path)
    assert _format(path) == 14 < SCHEMA_VERSION
    return path


@pytest.fixture
def grid_2150(tmp_path: Path) -> Path:
    grid = tmp_path / "g2150.csv"
    grid.write_text(
        "Atelier Mobilité du 16 mars 2150\n\nNom;Structure;Besoins;Ressources\n"
        "Paul Durand;Mission locale;Un local;Annuaire\n",
        encoding="utf-8",
    )
    return grid


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["import", "{grid}", "--into", "{file}"], "rien n'a été importé"),
        (["import", "{grid}", "--into", "{file}", "--new-workshop"], "Rien n'a été écrit"),
        (["ateliers", "{file}", "--delete", "bc5f5d0e"], "ne peut pas être supprimé"),
    ],
    ids=["other-workshop", "new-workshop-2150", "delete-only-workshop"],
)
def test_a_refused_command_leaves_an_older_file_byte_identical(old, grid_2150, command, said):
    before = _sha(old)
    args = [a.format(grid=grid_2150, file=old) for a in command]
    result = run_cli(*args)
    assert result.returncode != 0
    assert said in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert "format 15" not in result.stderr  # nothing said upgraded: nothing was
    assert _sha(old) == before
    assert _format(old) == 14
    assert sorted(p.name for p in old.parent.iterdir() if p.name.startswith(old.name)) == [old.name]


def test_a_command_that_writes_migrates_the_file_and_its_change_is_there(old):
    result = run_cli("ateliers", str(old), "--rename", "bc5f5d0e", "--title", "Mobilité à Bordeaux")
    assert result.returncode == 0, result.stderr
    assert _format(old) == SCHEMA_VERSION
    # Said, with the copy kept at the old format among the backups (« avant un changement de format »)
    assert f"«\xa0{old}\xa0» est passé du format 14 au format {SCHEMA_VERSION}" in result.stderr
    (copy,) = backups_of(old)
    assert copy.reason == "upgrade"
    assert _format(copy.path) == 14
    kept = "Une copie au format\xa014, que ces versions ouvrent, est gardée dans les sauvegardes"
    assert f"{kept}\xa0: {copy.path}" in result.stderr
    listed = run_cli("ateliers", str(old))
    assert "Mobilité à Bordeaux" in listed.stdout
    info = run_cli("info", str(old))
    assert f"(format {SCHEMA_VERSION})" in info.stdout


def test_info_on_an_older_file_changes_nothing(old):
    before = _sha(old)
    result = run_cli("info", str(old))
    assert result.returncode == 0
    assert "Atelier écrit au format 1" in result.stdout
    assert _sha(old) == before


def test_the_backup_before_a_reimport_is_of_the_file_at_its_own_format(old, tmp_path):
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Nom;Structure;Besoins;Ressources\n"
        "Lucie Leroy;Grand Angoulême;besoin d'un répertoire d'initiatives locales;\n"
        "Paul Durand;Mission locale;Un local;Annuaire\n",
        encoding="utf-8",
    )
    result = run_cli("import", str(grid), "--into", str(old))
    assert result.returncode == 0, result.stderr
    assert "Sauvegarde d'avant" in result.stdout
    assert f"est passé du format 14 au format {SCHEMA_VERSION}" in result.stderr
    assert _format(old) == SCHEMA_VERSION
    (backup,) = backups_of(old)
    assert backup.reason == "import"
    assert _format(backup.path) == 14  # an older Atelier still opens it
    restored = tmp_path / "restauré.atelier"
    shutil.copy(backup.path, restored)
    shown = run_cli("info", str(restored))
    assert "Participants\xa0: 2" in shown.stdout  # as it was before the import added Paul Durand
    assert "Participants\xa0: 3" in run_cli("info", str(old)).stdout


def test_the_window_writes_an_older_file_at_todays_format_only_with_the_first_edit(qtbot, tmp_path, old):
    """Opened in the window (Fichier > Ouvrir), an older file is read at today's format; its copy
    among the backups is at its own format; closed without an edit, it is as it was; the first
    edit writes it at today's format."""
    from atelier.ui.operations import files
    from tests.conftest import example_window

    window = example_window(qtbot, tmp_path)
    before = _sha(old)
    assert files.open_file(window, old)
    assert window.model.rowCount() == 2
    assert window.store.path == old
    qtbot.waitUntil(lambda: len(backups_of(old)) == 1, timeout=10_000)  # the copy made when idle
    (backup,) = backups_of(old)
    assert _format(backup.path) == 14
    assert _sha(old) == before  # opened, read, backed up: not written
    window.model.setData(window.model.index(0, 3), "Un répertoire des initiatives locales")  # needs
    assert _format(old) == SCHEMA_VERSION
    assert backups_of(old) == [backup]  # the copy of the opening is the one at the old format
    window.close()
    window.store.close()
    with Store.open(old, readonly=True) as store:
        (workshop,) = store.workshops()
        first = store.participants(workshop.id)[0]
        assert [i.text for i in store.items(first.id, ItemKind.NEED)] == [
            "Un répertoire des initiatives locales"
        ]


def test_the_window_closed_without_an_edit_leaves_an_older_file_byte_identical(qtbot, tmp_path, old):
    from atelier.ui.operations import files
    from tests.conftest import example_window

    window = example_window(qtbot, tmp_path)
    before = _sha(old)
    assert files.open_file(window, old)
    assert window.model.rowCount() == 2
    files.open_file(window, tmp_path / "exemple.atelier")  # another file opened: this one let go
    assert window.store.path != old
    assert _sha(old) == before
    assert sorted(p.name for p in old.parent.iterdir() if p.name.startswith(old.name)) == [old.name]
