"""The command line's follow-up and workshops, as a person reads them: one name for one state
(« faite » in the list, in the steps and in the answer to `--etat fait`: « la mise en
relation » is feminine; never « aboutie » beside it), an odd input refused in one sentence
with every file untouched, a note said to be saved, a workshop's title on one line and of a
size a line can show, and the help of `search` naming everything it finds."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from atelier.store import Store
from tests.conftest import run_cli
from tests.helpers.one_match import lucie_and_cecile

NBSP, NNBSP = "\u00a0", "\u202f"
EN = {"ATELIER_LANG": "en"}
HELD = date(2021, 3, 16)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ok(*args: str, env: dict[str, str] | None = None) -> str:
    done = run_cli(*args, env=env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def _refused(path: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """The command's refusal, in one line, the file byte-identical."""
    before = _digest(path)
    done = run_cli(*args, env=env)
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr and done.stdout == "", (done.stdout, done.stderr)
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert _digest(path) == before
    return done.stderr.strip()


@pytest.fixture
def workshop(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "suivi.atelier"
    match = lucie_and_cecile(path, HELD, title="Atelier du réseau")[:6]
    return path, match


def test_the_state_done_has_one_name_in_the_answer_the_list_the_steps_and_the_exports(
    workshop: tuple[Path, str], tmp_path: Path
) -> None:
    path, match = workshop
    _ok("suivi", str(path), match, "--etat", "a-contacter", "--le", "16/03/2021")
    said = _ok("suivi", str(path), match, "--etat", "fait", "--le", "01/04/2021")
    listed = _ok("suivi", str(path), "--historique")
    steps = next(line for line in listed.splitlines() if "étapes" in line)
    assert "faite le 01/04/2021" in said, said  # said of « la mise en relation »
    assert f"{match}  faite le 01/04/2021" in listed, listed
    assert steps.endswith("faite le 01/04/2021"), steps
    table = tmp_path / "t.xlsx"
    _ok("export", str(path), "--xlsx", str(table))
    import openpyxl

    cells = [
        str(c)
        for sheet in openpyxl.load_workbook(table)
        for row in sheet.iter_rows(values_only=True)
        for c in row
    ]
    assert any("faite le 1" in c for c in cells), cells
    for text in [said, listed, *cells]:
        assert "abouti" not in text, text
    english = _ok("suivi", str(path), "--history", env=EN)
    assert "done on 1 April 2021" in english, english
    assert "done on 1 April 2021" in _ok("suivi", str(path), match, "--state", "done", env=EN)


def test_a_date_left_empty_is_refused_not_taken_for_today(workshop: tuple[Path, str]) -> None:
    path, match = workshop
    said = _refused(path, "suivi", str(path), match, "--etat", "fait", "--le", "")
    assert said.startswith("Une date est attendue après --le, pas un texte vide"), said
    said = _refused(path, "suivi", str(path), match, "--state", "done", "--on", " ", env=EN)
    assert said.startswith("A date is expected after --on, not an empty text"), said


def test_an_empty_identifier_is_said_to_be_missing(workshop: tuple[Path, str]) -> None:
    path, _ = workshop
    for typed in ("", "  "):
        said = _refused(path, "suivi", str(path), typed, "--etat", "fait")
        assert "manquant" in said and "commence par" not in said, said
    said = _refused(path, "suivi", str(path), "", "--state", "done", env=EN)
    assert "missing" in said and "starts with" not in said, said


def test_a_note_recorded_is_said_with_its_words(workshop: tuple[Path, str]) -> None:
    path, match = workshop
    said = _ok("suivi", str(path), match, "--note", "Rappel: lundi?")
    assert f"Note enregistrée{NBSP}: «{NBSP}Rappel: lundi?{NBSP}»." in said, said
    with Store.open(path, readonly=True) as store:
        assert [m.note for m in store.matches(store.workshops()[0].id)] == ["Rappel: lundi?"]
    said = _ok("suivi", str(path), match, "--note", "Mail: envoyé", env=EN)
    assert "Note saved: “Mail: envoyé”." in said, said
    assert "Note replaced (the old one said: “Rappel: lundi?”)." in said, said


def test_a_workshop_title_is_one_line(workshop: tuple[Path, str]) -> None:
    path, _ = workshop
    said = _ok(
        "workshops", str(path), "--add", "--title", "Atelier\nd'automne\t2021 ", "--date", "12/10/2021"
    )
    assert f"«{NBSP}Atelier d'automne 2021{NBSP}»" in said, said
    listed = _ok("workshops", str(path))
    assert len(listed.strip().splitlines()) == 2, listed  # two workshops, one line each
    with Store.open(path, readonly=True) as store:
        assert "Atelier d'automne 2021" in [w.title for w in store.workshops()]
    _ok("workshops", str(path), "--rename", "automne", "--title", "Atelier\r\nd'automne")
    assert len(_ok("workshops", str(path)).strip().splitlines()) == 2


def test_a_title_too_long_is_refused_and_one_already_in_a_file_is_shortened(
    workshop: tuple[Path, str], tmp_path: Path
) -> None:
    path, _ = workshop
    long = "Atelier" + " très" * 600  # 3 007 characters
    said = _refused(path, "workshops", str(path), "--add", "--title", long)
    assert len(said) < 300 and f"3{NNBSP}007{NBSP}caractères" in said, said
    said = _refused(path, "workshops", str(path), "--add", "--title", long, env=EN)
    assert len(said) < 300 and "3,007 characters" in said, said
    said = _refused(path, "workshops", str(path), "--rename", "réseau", "--title", long)
    assert len(said) < 300, said
    created = tmp_path / "long.atelier"
    said = run_cli("new", str(created), "--title", long)
    assert said.returncode != 0 and not created.exists(), said.stdout
    # A file whose title is that long already (written before, or by another program): every
    # line that names it stays a line.
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        store.update_workshop(workshop_id, title=long)
        store.add_workshop(store.workshops()[0].__class__(title="Autre"))
    for line in _ok("workshops", str(path)).splitlines():
        assert len(line) < 300, line
    question = _refused(path, "workshops", str(path), "--delete", workshop_id[:8])
    assert len(question) < 400 and "…" in question and "--oui" in question, question
    for line in _ok("suivi", str(path)).splitlines():
        assert len(line) < 300, line
    for line in _ok("search", str(path), "Lucie").splitlines():
        assert len(line) < 300, line


def test_the_help_of_search_names_the_challenges_it_finds(workshop: tuple[Path, str]) -> None:
    path, _ = workshop
    with Store.open(path) as store:
        from atelier.domain import Item, ItemKind

        lucie = store.participants(store.workshops()[0].id)[0]
        store.add_item(Item(lucie.id, ItemKind.CHALLENGE, "Mobiliser les employeurs"))
    found = json.loads(_ok("search", str(path), "employeurs", "--json"))
    assert [h["kind"] for h in found["hits"]] == ["challenge"]
    french = " ".join(_ok("--help").split())
    assert "défis" in french, french
    english = " ".join(_ok("--help", env=EN).split())
    assert "challenges" in english, english
    assert "défis" in " ".join(_ok("search", "--help").split())
    assert "challenges" in " ".join(_ok("search", "--help", env=EN).split())


def test_a_day_to_come_is_still_refused(workshop: tuple[Path, str]) -> None:
    path, match = workshop
    later = (date.today() + timedelta(days=3)).strftime("%d/%m/%Y")
    said = _refused(path, "suivi", str(path), match, "--etat", "fait", "--le", later)
    assert later in said, said
