"""The example workshop ships at the current file format, and `atelier example` opens a copy of it."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def _atelier(*args: str, user_data: Path, cwd: Path) -> subprocess.Popen[str]:
    """`python -m atelier ARGS` in a process of its own (Qt cannot run in a forked one), its
    error stream a pipe, as from a desktop launcher: no terminal to say a refusal in."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ATELIER_DATA_DIR": str(user_data)}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.Popen(
        [sys.executable, "-m", "atelier", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env=env,
    )


def _ended(
    child: subprocess.Popen, *, stop_after: float | None = None, timeout: float = 30
) -> tuple[str, str]:
    """What `child` wrote once it ended by itself, or after SIGTERM sent `stop_after` seconds in
    (the session ending, `kill`); killed if it has not ended within `timeout`."""
    try:
        if stop_after is not None:
            time.sleep(stop_after)
            child.send_signal(signal.SIGTERM)
        return child.communicate(timeout=timeout)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()


def _damaged_copies(tmp_path: Path) -> dict[str, bytes]:
    shipped = EXAMPLE.read_bytes()
    return {
        "truncated": shipped[:5000],
        "garbage": bytes(range(256)) * 20,
        "a Word file": (ROOT / "examples" / "grille-atelier-2021-03-16.docx").read_bytes(),
        "empty": b"",
    }


@pytest.mark.parametrize("damage", ["truncated", "garbage", "a Word file", "empty"])
def test_a_damaged_copy_of_the_example_is_said_in_one_sentence_and_the_command_ends(
    damage: str, _user_data: Path, tmp_path: Path
) -> None:
    """`atelier example --quit-after-show` on a damaged working copy showed a message box that
    never went away (nor on SIGTERM): the process hung. Refused as `open` refuses it, in the
    terminal, the command ends and the copy is left as it was."""
    copy = _user_data / "Exemple - atelier du 16 mars 2021.atelier"
    copy.write_bytes(_damaged_copies(tmp_path)[damage])
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    child = _atelier("example", "--quit-after-show", user_data=_user_data, cwd=tmp_path)
    out, err = _ended(child, timeout=60)
    assert child.returncode == 1, (child.returncode, out, err)
    assert out.splitlines() == [f"Exemple déjà copié dans\xa0: {copy}"], out
    lines = err.splitlines()
    assert len(lines) == 2 and "Traceback" not in err, err
    assert f"«\xa0{copy}\xa0»" in lines[0], err
    assert "n'a pas été modifié" in lines[0], err  # « Il n'a pas été modifié. » too
    # What to do to get the example back, said with the copy's name.
    assert lines[1].startswith("Pour repartir de l'exemple fourni"), err
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before


def test_sigterm_closes_the_box_that_says_a_file_is_refused(_user_data: Path, tmp_path: Path) -> None:
    """Opened from a launcher (no terminal), a refused file is said in a message box: SIGTERM
    (the session ending, `kill`) was swallowed while it showed, and the process stayed."""
    copy = _user_data / "Exemple - atelier du 16 mars 2021.atelier"
    copy.write_bytes(_damaged_copies(tmp_path)["truncated"])
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    child = _atelier("example", user_data=_user_data, cwd=tmp_path)
    assert child.stdout is not None
    assert child.stdout.readline().startswith("Exemple déjà copié dans")
    # The box is up after 3 s (a signal before it is kept for it all the same).
    out, err = _ended(child, stop_after=3)
    # Ended at once, and said why in its error stream too: the file refused.
    assert child.returncode == 1, (child.returncode, out, err)
    assert "est endommagé" in err and "Traceback" not in err, err
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before


def test_sigterm_closes_the_box_of_a_refused_open(_user_data: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "abîmé.atelier"
    damaged.write_bytes(b"not an atelier file" * 100)
    child = _atelier("open", str(damaged), user_data=_user_data, cwd=tmp_path)
    out, err = _ended(child, stop_after=4)
    assert child.returncode == 1, (child.returncode, out, err)
    assert "n'est pas un fichier Atelier" in err and "Traceback" not in err, err
    assert damaged.read_bytes() == b"not an atelier file" * 100
