"""The file format: older files open, foreign, damaged and newer files are refused untouched."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from atelier.domain import ItemKind, MatchStatus
from atelier.errors import CorruptFile, FileRefused, NewerFile, NotAtelierFile
from atelier.store import SCHEMA_VERSION, Store
from atelier.store.schema import APPLICATION_ID

from .conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_a_file_written_by_every_earlier_format_opens_with_its_content(tmp_path: Path, version: int) -> None:
    copy = tmp_path / f"format-v{version}.atelier"
    shutil.copy(FIXTURES / f"format-v{version}.atelier", copy)
    with Store.open(copy) as store:
        assert store.format_version == SCHEMA_VERSION
        (workshop,) = store.workshops()
        assert workshop.title == "Atelier écrit au format 1"
        names = [p.names for p in store.participants(workshop.id)]
        assert names == [["Lucie Leroy"], ["Grégory TALVY"]]
        summary = store.summary()
        assert summary.items[ItemKind.NEED] == 1 and summary.items[ItemKind.OFFER] == 1
        assert summary.matches[MatchStatus.CONFIRMED] == 1
        assert store.integrity_check() == "ok"


def test_an_older_read_only_file_is_read_without_being_migrated(tmp_path: Path) -> None:
    copy = tmp_path / "old.atelier"
    shutil.copy(FIXTURES / "format-v1.atelier", copy)
    before = copy.read_bytes()
    with Store.open(copy, readonly=True) as store:
        assert store.workshops()[0].title == "Atelier écrit au format 1"
    assert copy.read_bytes() == before


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Anki')")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    Store.create(path, title="Du futur").close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    conn.commit()
    conn.close()


def _truncated(path: Path) -> None:
    shutil.copy(FIXTURES / "format-v1.atelier", path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _corrupt_pages(path: Path) -> None:
    shutil.copy(FIXTURES / "format-v1.atelier", path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page, len(data), 7):
        data[offset] = (data[offset] * 31 + 17) % 256
    path.write_bytes(bytes(data))


BAD_FILES = {
    "empty": (lambda p: p.write_bytes(b""), NotAtelierFile, "est un fichier vide"),
    "random bytes": (
        lambda p: p.write_bytes(os.urandom(5000)),
        NotAtelierFile,
        "n'est pas un fichier Atelier",
    ),
    "text": (
        lambda p: p.write_text("Participant;Besoins\n", encoding="utf-8"),
        NotAtelierFile,
        "n'est pas un fichier Atelier",
    ),
    "other app's sqlite": (_foreign_sqlite, NotAtelierFile, "n'est pas un fichier Atelier"),
    "newer format": (_newer, NewerFile, "version plus récente"),
    "truncated": (_truncated, CorruptFile, "endommagé"),
    "corrupt pages": (_corrupt_pages, CorruptFile, "endommagé"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_files_are_refused_with_a_clear_message_and_left_byte_identical(
    tmp_path: Path, kind: str
) -> None:
    make, error, words = BAD_FILES[kind]
    path = tmp_path / "reçu par courriel.atelier"
    make(path)
    before = path.read_bytes()
    with pytest.raises(error, match=words):
        Store.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("kind", list(BAD_FILES))
@pytest.mark.parametrize("command", ["info", "export"])
def test_the_command_line_refuses_bad_files_in_one_french_line(
    tmp_path: Path, kind: str, command: str
) -> None:
    make, _, words = BAD_FILES[kind]
    path = tmp_path / "fichier.atelier"
    make(path)
    before = path.read_bytes()
    args = [command, str(path)] + (["--json", str(tmp_path / "out.json")] if command == "export" else [])
    result = run_cli(*args)
    assert result.returncode == 1
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before
    assert not (tmp_path / "out.json").exists()


def test_the_tables_opening_knows_for_todays_format_are_those_its_migrations_make() -> None:
    """opening.TODAY spares every opening the migrations run in memory: it must say exactly
    what they make, or a file would be checked against the wrong tables."""
    from atelier.store.opening import TODAY, expected_schema

    version, tables = TODAY
    built = expected_schema(version)
    assert {t: frozenset(c) for t, c in tables.items()} == built
    latest = {t: tuple(sorted(c)) for t, c in expected_schema(SCHEMA_VERSION).items()}
    assert version == SCHEMA_VERSION, (
        f"a migration was added: set atelier.store.opening.TODAY to ({SCHEMA_VERSION}, {latest})"
    )


def _without_a_column(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE workshops DROP COLUMN contact")
    conn.commit()
    conn.close()


def _without_a_table(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE glossary_entries")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("damage", "error", "words"),
    [
        (_without_a_column, CorruptFile, "contact"),
        (_without_a_table, FileRefused, "glossary_entries"),
    ],
)
@pytest.mark.parametrize("for_the_window", [False, True])
def test_a_file_at_todays_format_missing_a_table_or_a_column_is_refused_untouched(
    tmp_path: Path, damage: object, error: type[Exception], words: str, for_the_window: bool
) -> None:
    path = tmp_path / "incomplet.atelier"
    Store.create(path, title="Incomplet").close()
    damage(path)  # type: ignore[operator]
    before = path.read_bytes()
    with pytest.raises(error, match=words):
        Store.open(path, lock=for_the_window, check_later=for_the_window)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_missing_file_and_folder_are_named(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="introuvable"):
        Store.open(tmp_path / "absent.atelier")
    with pytest.raises(FileRefused, match="dossier"):
        Store.open(tmp_path)


def test_the_file_announces_itself_in_its_header(store: Store) -> None:
    head = store.path.read_bytes()[:100]
    assert int.from_bytes(head[68:72], "big") == APPLICATION_ID
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


EDITOR = textwrap.dedent(
    """
    import sys
    from atelier.store import Store
    from atelier.domain import Item, ItemKind, Participant
    store = Store.open(sys.argv[1])
    workshop_id = store.workshops()[0].id
    participant = store.add_participant(Participant(workshop_id, names=["Témoin"]))
    print("P", participant.id, flush=True)
    n = 0
    while True:
        item = store.add_item(Item(participant.id, ItemKind.NEED, f"besoin {n}"))
        print("I", item.id, flush=True)  # acknowledged: the transaction has committed
        n += 1
    """
)


def test_every_acknowledged_edit_survives_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash.atelier"
    Store.create(path, title="Crash").close()
    acknowledged: list[str] = []
    for round_ in range(3):
        child = subprocess.Popen([sys.executable, "-c", EDITOR, str(path)], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        wanted = 20 + round_ * 17
        seen = 0
        for line in child.stdout:
            tag, ident = line.split()
            acknowledged.append(ident)
            seen += tag == "I"
            if seen >= wanted:
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        with Store.open(path) as store:
            assert store.integrity_check() == "ok"
            workshop_id = store.workshops()[0].id
            present = {p.id for p in store.participants(workshop_id)}
            present |= {i.id for i in store.workshop_items(workshop_id)}
        missing = [i for i in acknowledged if i not in present]
        assert missing == []


def test_own_schema_knows_today_s_schema_by_its_digest() -> None:
    """own_schema.TODAY_DIGEST spares every opening of a file at today's format the migrations
    run in memory to know Atelier's own schema: it must be the digest of today's schema."""
    from atelier.store.own_schema import TODAY_DIGEST, digest, today

    found = digest(today())
    said = f"a migration was added: set atelier.store.own_schema.TODAY_DIGEST to {found!r}"
    assert found == TODAY_DIGEST, said
