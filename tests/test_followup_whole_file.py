"""The follow-up of the whole file in one export: the Excel export was one workshop's (its
« Mises en relation » sheet), so a facilitator following up a year of workshops made one
workbook per workshop and pasted them together. `atelier suivi FILE --xlsx OUT.xlsx` (and
« Ateliers et suivi › Exporter le suivi de tous les ateliers », Ctrl+Alt+E, in the window)
now writes every workshop's follow-up in one sheet, each row naming its workshop and its date,
and the workshop of an offer made at another one. Real commands in a subprocess, the window
driven by keys offscreen, the workbook read back."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant, Workshop
from atelier.store import Store

from .conftest import run_cli
from .helpers.keyboard import active_window, key

SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "annee.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        march = store.workshops()[0]
        september = store.add_workshop(Workshop("Forum de septembre", date="2021-09-14"))

        def person(workshop: Workshop, name: str, structure: str) -> Participant:
            return store.add_participant(Participant(workshop.id, names=[name], organisation=structure))

        lucie, paul = person(march, "Lucie Leroy", "Grand Angoulême"), person(march, "Paul Girard", "PLIE")
        marc, anne = person(september, "Marc Dupuis", "CC du Réolais"), person(september, "Anne Roy", "CCAS")
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "Salle pour un forum"))
        room = store.add_item(Item(paul.id, ItemKind.OFFER, "Salle de réunion"))
        guide = store.add_item(Item(paul.id, ItemKind.OFFER, "Guide des aides régionales"))
        asked = store.add_item(Item(marc.id, ItemKind.NEED, "Connaître les aides régionales"))
        driver = store.add_item(Item(anne.id, ItemKind.OFFER, "Covoiturage solidaire"))
        mobility = store.add_item(Item(marc.id, ItemKind.NEED, "Mobilité des jeunes"))
        first = store.add_match(Match(march.id, need.id, room.id, MatchStatus.CONFIRMED, 0.5))
        store.set_follow_up(first.id, FollowUp.TO_CONTACT, day="2021-03-16")
        store.set_follow_up(first.id, FollowUp.CONTACTED, day="2021-03-22", note="RDV le 12 avril")
        store.add_match(Match(september.id, asked.id, guide.id, MatchStatus.CONFIRMED, 0.4))
        store.add_match(Match(september.id, mobility.id, driver.id, MatchStatus.MANUAL, 0.0))
    return path


def _rows(out: Path) -> tuple[str, list[str], list[tuple]]:
    book = openpyxl.load_workbook(out)
    [sheet] = book.worksheets
    rows = list(sheet.iter_rows(values_only=True))
    return sheet.title, [str(h).translate(SPACES) for h in rows[0]], rows[1:]


def test_suivi_xlsx_writes_every_workshop_s_follow_up_in_one_sheet(tmp_path: Path) -> None:
    path = _file(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "suivi.xlsx"
    done = run_cli("suivi", str(path), "--xlsx", str(out))
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    title, header, rows = _rows(out)
    assert title == "Suivi"
    column = {name: header.index(name) for name in header}
    assert [r[column["Atelier"]] for r in rows] == [
        "Atelier du 16 mars 2021",
        "Forum de septembre",
        "Forum de septembre",
    ]
    assert [r[column["Date"]] for r in rows] == [dt.datetime(2021, 3, 16)] + [dt.datetime(2021, 9, 14)] * 2
    lucie, marc, _mobility = rows
    assert (lucie[column["Participant"]], lucie[column["Besoin"]]) == ("Lucie Leroy", "Salle pour un forum")
    assert lucie[column["Peut aider : participant"]] == "Paul Girard"
    assert lucie[column["Suivi"]] == "contactée"
    assert lucie[column["Dernière étape le"]] == dt.datetime(2021, 3, 22)
    assert lucie[column["Note"]] == "RDV le 12 avril"
    assert lucie[column["Atelier de la ressource"]] in (None, "")
    # Paul's March offer for Marc's September need: the offer's workshop said on its row.
    assert marc[column["Ressource"]] == "Guide des aides régionales"
    assert marc[column["Atelier de la ressource"]] == "atelier du 16 mars 2021"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    # One workshop only, as `suivi --workshop` lists it; English.
    english = tmp_path / "follow-up.xlsx"
    done = run_cli(
        "suivi", str(path), "--workshop", "2021-09-14", "--xlsx", str(english), env={"ATELIER_LANG": "en"}
    )
    assert done.returncode == 0, done.stderr
    title, header, rows = _rows(english)
    assert title == "Follow-up"
    assert header[:2] == ["Workshop", "Date"]
    assert [r[0] for r in rows] == ["Forum de septembre", "Forum de septembre"]


def test_suivi_xlsx_never_replaces_a_file_without_force(tmp_path: Path) -> None:
    path = _file(tmp_path)
    out = tmp_path / "suivi.xlsx"
    out.write_bytes(b"someone's workbook")
    done = run_cli("suivi", str(path), "--xlsx", str(out))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert out.read_bytes() == b"someone's workbook"
    done = run_cli("suivi", str(path), "--xlsx", str(out), "--json")
    assert done.returncode == 2 and out.read_bytes() == b"someone's workbook"
    done = run_cli("suivi", str(path), "--xlsx", str(out), "--force")
    assert done.returncode == 0, done.stderr
    assert len(_rows(out)[2]) == 3


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_exports_the_follow_up_of_every_workshop(
    qtbot, tmp_path: Path, monkeypatch, language: str
) -> None:
    path = _file(tmp_path)
    out = tmp_path / "tout.xlsx"
    asked: list[str] = []

    def save(*args, **_kwargs):
        asked.append(args[2])
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # « Suivi »
        key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(out.exists, timeout=20_000)
        title, header, rows = _rows(out)
        assert len(rows) == 3
        assert {r[0] for r in rows} == {"Atelier du 16 mars 2021", "Forum de septembre"}
        said = window.saved_label.text().translate(SPACES)
        if language == "fr":
            assert title == "Suivi"
            assert said.startswith(f"Suivi de tous les ateliers exporté (3 mises en relation) : {out}"), said
        else:
            assert title == "Follow-up"
            assert said.startswith(f"Follow-up of every workshop exported (3 matches): {out}"), said
        assert asked and asked[0].endswith(".xlsx")
    finally:
        window.close()


def _nothing_decided(tmp_path: Path) -> Path:
    """A workshop matched, its suggestions saved, none decided: nothing to follow up."""
    path = tmp_path / "rien.atelier"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(Participant(workshop_id, names=["Lucie Leroy"], organisation="CC"))
        paul = store.add_participant(Participant(workshop_id, names=["Paul Girard"], organisation="PLIE"))
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "Salle pour un forum"))
        room = store.add_item(Item(paul.id, ItemKind.OFFER, "Salle de réunion"))
        store.add_match(Match(workshop_id, need.id, room.id, MatchStatus.SUGGESTED, 0.5))
    return path


def test_suivi_xlsx_with_nothing_to_follow_up_writes_no_table_and_says_so(tmp_path: Path) -> None:
    """`suivi F --xlsx OUT` on a file where nothing was decided wrote a sheet of column headings
    over no row and said « Suivi exporté (0 mise en relation) »: a table to send that says
    nothing, or reads as one left unfilled. It now says, in one sentence, that there is nothing
    to follow up and that nothing was written, as `export --fiches` does of a workshop without
    participants; no file is made, and one already there (--force) is left as it was."""
    path = _nothing_decided(tmp_path)
    before = path.read_bytes()
    out = tmp_path / "suivi.xlsx"
    for lang, said in (
        ("fr", "Aucune mise en relation décidée à suivre : pas de tableau à écrire ; rien n'a été écrit."),
        ("en", "No decided match to follow up: no table to write; nothing was written."),
    ):
        refused = run_cli("suivi", str(path), "--xlsx", str(out), env={"ATELIER_LANG": lang})
        assert refused.returncode == 1 and not out.exists(), refused.stderr
        assert refused.stderr.strip().translate(SPACES) == said, refused.stderr
        assert refused.stdout == ""
    out.write_bytes(b"last month's follow-up")
    refused = run_cli("suivi", str(path), "--xlsx", str(out), "--force")
    assert refused.returncode == 1 and out.read_bytes() == b"last month's follow-up"
    # Of a state none is in: said of that state, as the listing says it.
    decided = _file(tmp_path)
    refused = run_cli("suivi", str(decided), "--etat", "faite", "--xlsx", str(tmp_path / "faites.xlsx"))
    assert refused.returncode == 1 and not (tmp_path / "faites.xlsx").exists()
    assert refused.stderr.strip().translate(SPACES) == (
        "Aucune mise en relation faite : pas de tableau à écrire ; rien n'a été écrit."
    ), refused.stderr
    assert path.read_bytes() == before


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_writes_no_follow_up_table_when_nothing_is_to_follow_up(
    qtbot, tmp_path: Path, monkeypatch, language: str
) -> None:
    """Ctrl+Alt+E on a file where nothing was decided asked for a file name, then wrote a sheet
    of headings over no row. It now says, as `suivi --xlsx` does, that there is nothing to
    follow up, before any file name is asked for; nothing is written."""
    path = _nothing_decided(tmp_path)
    asked: list[str] = []

    def save(*args, **_kwargs):
        asked.append(args[2])
        return str(tmp_path / "vide.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # « Suivi »
        key(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        said = window.saved_label.text().translate(SPACES)
        assert said == (
            "Aucune mise en relation décidée à suivre : pas de tableau à écrire ; rien n'a été écrit."
            if language == "fr"
            else "No decided match to follow up: no table to write; nothing was written."
        ), said
        assert asked == [] and not (tmp_path / "vide.xlsx").exists()
    finally:
        window.close()
