"""The example workshop ships at the current file format, and `atelier example` opens a copy of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from atelier.example import example_working_copy
from atelier.paths import bundled_example
from atelier.store import Store
from atelier.store.schema import SCHEMA_VERSION

from .conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def _format(path: Path) -> int:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def test_the_shipped_example_is_written_at_the_current_format() -> None:
    """Behind the code, any writable opening would upgrade the shipped file in place."""
    found = _format(EXAMPLE)
    assert found == SCHEMA_VERSION, (
        f"{EXAMPLE.name} is at format {found} while the code writes format {SCHEMA_VERSION}: "
        "rebuild it with `python examples/build_example.py` and commit it"
    )


def test_the_source_tree_opens_the_shipped_example() -> None:
    assert bundled_example() == EXAMPLE


def test_the_working_copy_is_a_copy_and_the_shipped_file_is_untouched() -> None:
    before = EXAMPLE.read_bytes()
    copy = example_working_copy()
    assert copy != EXAMPLE and copy.is_file()
    with Store.open(copy) as store:
        workshop = store.workshops()[0]
        assert workshop.title and len(store.participants(workshop.id)) > 10
    assert EXAMPLE.read_bytes() == before


def test_atelier_example_quit_after_show_opens_the_window_and_quits(_user_data: Path) -> None:
    before = EXAMPLE.read_bytes()
    done = run_cli("example", "--quit-after-show", env={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    copies = list(_user_data.glob("*.atelier"))
    assert len(copies) == 1 and _format(copies[0]) == SCHEMA_VERSION
    assert EXAMPLE.read_bytes() == before
    # where the edits go, said in one line
    assert done.stdout.splitlines() == [f"Exemple copié dans\xa0: {copies[0]}"], done.stdout
    english = {"QT_QPA_PLATFORM": "offscreen", "ATELIER_LANG": "en"}
    again = run_cli("example", "--quit-after-show", env=english)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [f"Example already copied to: {copies[0]}"], again.stdout


def test_the_copy_is_named_in_the_user_s_language_and_its_workshop_stays_french(_user_data: Path) -> None:
    """`atelier example` in English named its copy « Exemple - atelier du 16 mars 2021.atelier ».
    The copy is named in the user's language; the workshop in it is a real French workshop
    (its grid, as typed in the room): its content stays French, as the help says."""
    english = {"QT_QPA_PLATFORM": "offscreen", "ATELIER_LANG": "en"}
    done = run_cli("example", "--quit-after-show", env=english)
    assert done.returncode == 0, done.stderr
    (copy,) = _user_data.glob("*.atelier")
    assert copy.name == "Example - workshop of 16 March 2021.atelier", copy.name
    assert done.stdout.splitlines() == [f"Example copied to: {copy}"], done.stdout
    with Store.open(copy, readonly=True) as store:
        assert store.workshops()[0].title == "Atelier du 16 mars 2021"
    helped = run_cli("example", "--help", env=english).stdout
    assert "real French workshop" in " ".join(helped.split()), helped
    # Asked again in French: the same copy, with its edits, not a second one.
    again = run_cli("example", "--quit-after-show", env={"QT_QPA_PLATFORM": "offscreen"})
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [f"Exemple déjà copié dans\xa0: {copy}"], again.stdout
    assert list(_user_data.glob("*.atelier")) == [copy]
    aide = " ".join(run_cli("example", "--help").stdout.replace("\xa0", " ").split())
    assert "un véritable atelier français" in aide, aide


def test_with_no_example_shipped_the_copy_is_a_new_workshop_of_today(
    _user_data: Path, tmp_path: Path, monkeypatch
) -> None:
    """An install stripped of its example starts the copy on an empty « Nouvel atelier »,
    dated today as the window's and `atelier new`'s new workshops are, not « sans date »."""
    from datetime import date

    monkeypatch.setattr("atelier.example.bundled_example", lambda: tmp_path / "absent.atelier")
    days = {date.today().isoformat()}
    copy = example_working_copy()
    days.add(date.today().isoformat())
    with Store.open(copy, readonly=True) as store:
        (workshop,) = store.workshops()
    assert workshop.title == "Nouvel atelier" and workshop.date in days, workshop
