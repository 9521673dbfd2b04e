"""`atelier suivi FICHIER ID` asked to record what the file already says (an empty note where
there is none, the state the match is in, the same note again): nothing is written, the file
byte-identical and its modification time unchanged (a backup tool, a synchronised folder, a
colleague's « modifié le » all read it), and the command says it left the file unchanged."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.helpers.one_match import lucie_and_cecile

HELD = date(2021, 3, 16)
NBSP = "\u00a0"


def _state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@pytest.fixture
def workshop(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "suivi.atelier"
    match = lucie_and_cecile(path, HELD, title="Atelier du réseau")[:6]
    for words in (
        ("--etat", "a-contacter", "--le", "16/03/2021"),
        ("--etat", "contactee", "--le", "17/03/2021"),
    ):
        done = run_cli("suivi", str(path), match, *words, "--note", "Appel")
        assert done.returncode == 0, done.stderr
    return path, match


@pytest.mark.parametrize(
    "words",
    [
        ("--note", "Appel"),
        ("--etat", "contactee"),
        ("--etat", "contactee", "--le", "17/03/2021"),
        ("--etat", "contactee", "--note", "Appel"),
        ("--note", " Appel "),
    ],
    ids=["same note", "same state", "same state and day", "same state and note", "note spaced"],
)
def test_recording_what_the_file_says_writes_nothing(
    workshop: tuple[Path, str], words: tuple[str, ...]
) -> None:
    path, match = workshop
    before = _state(path)
    for lang, said in (
        ("fr", f"«{NBSP}{path}{NBSP}» n'a pas été modifié"),
        ("en", f"“{path}” was left unchanged"),
    ):
        done = run_cli("suivi", str(path), match, *words, env={"ATELIER_LANG": lang})
        assert done.returncode == 0, done.stderr
        assert said in done.stdout + done.stderr, (done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        assert _state(path) == before


def test_an_empty_note_where_there_is_none_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "suivi.atelier"
    match = lucie_and_cecile(path, HELD, title="Atelier du réseau")[:6]
    before = _state(path)
    done = run_cli("suivi", str(path), match, "--note", "", env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert f"«{NBSP}{path}{NBSP}» n'a pas été modifié" in done.stdout + done.stderr
    assert _state(path) == before


def test_a_real_change_is_still_written(workshop: tuple[Path, str]) -> None:
    path, match = workshop
    before = _state(path)
    done = run_cli("suivi", str(path), match, "--note", "Rappel")
    assert done.returncode == 0, done.stderr
    assert "n'a pas été modifié" not in done.stdout + done.stderr
    assert _state(path) != before
