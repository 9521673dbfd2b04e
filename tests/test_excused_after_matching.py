"""Paul Durand's cell was corrected to say he was excused (« Paul Durand (excusé) / Mission locale
du Médoc ») after the workshop had been matched: the suggestions stored before stayed in the file
(matching again suggests nothing of his, but leaves them), and the documents told them. The
minutes said « Chacun des 3 besoins a une piste dans la salle » and, under « Pour 4 besoins,
voici les personnes de l'atelier qui pourraient vous aider », named Paul Durand as the one who
could help Anne Martin and listed his own need; Karim Benali's page gave him Paul Durand as his
only lead; Paul Durand's page said « ce que vous aviez transmis n'y a été rapproché de personne »
above three leads. A suggestion of someone away is now told nowhere; what the facilitator
decided with him stays, and his page says so. The CLI in a subprocess, the .docx read back."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from atelier.domain import MatchStatus
from atelier.store import Store
from tests.conftest import run_cli

NBSP, NNBSP = "\u00a0", "\u202f"

GRID = (
    "Participant / territoire;Actions engagées;Défis;Besoins;Ressources\n"
    "Anne Martin / PLIE Sud Gironde;forum emploi;recruter;mobilité des jeunes;"
    "clauses sociales dans les marchés publics\n"
    "Paul Durand / Mission locale du Médoc;garantie jeunes;;clauses sociales;aide à la mobilité des jeunes\n"
    "Lina Chevalier / CCAS de Langon;épicerie sociale;;permis de conduire pour les jeunes;"
    "accompagnement vers l'emploi\n"
    "Karim Benali / Agglo Agen;;;aide au permis de conduire;mobilité solidaire des jeunes\n"
)


def _plain(text: str) -> str:
    return text.replace(NBSP, " ").replace(NNBSP, " ")


def _matched_then_excused(tmp_path: Path, *, confirm: bool = False) -> Path:
    """The grid imported and matched, (Paul Durand's need put in touch with Anne Martin's
    offer,) then Paul Durand's cell corrected to say he was excused."""
    source, target = tmp_path / "g.csv", tmp_path / "g.atelier"
    source.write_text(GRID, encoding="utf-8")
    done = run_cli("import", str(source), "-o", str(target), "--title", "Atelier", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    done = run_cli("match", str(target), "--save", "--lexical")
    assert done.returncode == 0, done.stderr
    with Store.open(target) as store:
        workshop_id = store.workshops()[0].id
        people = {p.names[0]: p for p in store.participants(workshop_id)}
        paul = people["Paul Durand"]
        items = {i.id: i for i in store.workshop_items(workshop_id)}
        suggested = store.matches(workshop_id, MatchStatus.SUGGESTED)
        # Matched while he was there: his offer suggested to the others, theirs to his need.
        assert any(items[m.resource_id].participant_id == paul.id for m in suggested)
        assert any(items[m.need_id].participant_id == paul.id for m in suggested)
        if confirm:
            (clauses,) = [
                m
                for m in suggested
                if items[m.need_id].text == "clauses sociales"
                and items[m.resource_id].text.startswith("clauses sociales dans")
            ]
            store.update_match(clauses.id, status=MatchStatus.CONFIRMED)
        store.update_participant(paul.id, source_text="Paul Durand (excusé) / Mission locale du Médoc")
    return target


def _minutes(target: Path, tmp_path: Path, lang: str = "fr") -> tuple[str, list[tuple[str, str, str]]]:
    out = tmp_path / f"cr-{lang}.docx"
    done = run_cli("export", str(target), "--docx", str(out), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(out))
    text = "\n".join(_plain(p.text) for p in document.paragraphs)
    rows = [
        tuple(_plain(c.text) for c in row.cells[:3])
        for table in document.tables
        if table.rows[0].cells[1].text in ("Pourrait aider", "Could help")  # the leads' table
        for row in table.rows[1:]
    ]
    return text, rows


def _pages(target: Path, tmp_path: Path, lang: str = "fr") -> dict[str, str]:
    out = tmp_path / f"fiches-{lang}.docx"
    done = run_cli("export", str(target), "--fiches", str(out), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    pages: dict[str, list[str]] = {}
    name = ""
    for paragraph in docx.Document(str(out)).paragraphs:
        if paragraph.style.name == "Title":
            name = paragraph.text
        pages.setdefault(name, []).append(_plain(paragraph.text))
    return {n: "\n".join(lines) for n, lines in pages.items()}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_minutes_give_no_lead_of_someone_marked_excused_since(tmp_path: Path, lang: str) -> None:
    text, leads = _minutes(_matched_then_excused(tmp_path), tmp_path, lang)
    assert leads, text
    for need, helper, _why in leads:
        assert "Paul Durand" not in need and "Paul Durand" not in helper, leads
    # The leads' table and the sentence that counts them say the same number of needs.
    if lang == "fr":
        said = re.search(r"Pour (\d+) besoins?, voici les personnes de l'atelier", text)
        assert "Chacun des 3 besoins a une piste" not in text, text
        assert "Sur ces 3 besoins, 2 ont une piste dans la salle" in text, text
        assert "1 reste sans réponse pour l'instant" in text, text
    else:
        said = re.search(r"For (\d+) needs?, here are the people of the workshop", text)
        assert "Of these 3 needs, 2 have a lead in the room" in text, text
    assert said and int(said.group(1)) == len({need for need, _h, _w in leads}) == 2, (said, leads)


def test_the_pages_give_no_lead_of_someone_marked_excused_since(tmp_path: Path) -> None:
    pages = _pages(_matched_then_excused(tmp_path), tmp_path)
    for name in ("Anne Martin", "Lina Chevalier", "Karim Benali"):
        assert "Paul Durand" not in pages[name], pages[name]
    # Karim Benali's need had no other lead than Paul Durand's offer.
    assert (
        "« aide au permis de conduire »\nPersonne n'a encore été repéré pour ce besoin."
        in pages["Karim Benali"]
    ), pages["Karim Benali"]
    paul = pages["Paul Durand"]
    assert "Excusé·e à cet atelier : ce que vous aviez transmis n'y a été rapproché de personne." in paul
    assert "Piste suggérée" not in paul and "pourrait intéresser" not in paul, paul


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_what_was_decided_with_him_stays_and_his_page_says_so(tmp_path: Path, lang: str) -> None:
    target = _matched_then_excused(tmp_path, confirm=True)
    text, _leads = _minutes(target, tmp_path, lang)
    decided = "1 mise en relation décidée" if lang == "fr" else "1 match decided"
    assert decided in text, text
    paul = _pages(target, tmp_path, lang)["Paul Durand"]
    if lang == "fr":
        assert "Mise en relation confirmée" in paul, paul
        assert "rapproché de personne." not in paul, paul
        assert (
            "Excusé·e à cet atelier : ce que vous aviez transmis n'y a été rapproché de personne, "
            "hormis ce qu'a décidé l'animateur (ci-dessous)." in paul
        ), paul
    else:
        assert "Confirmed match" in paul, paul
        assert "matched with no one there." not in paul, paul
        assert (
            "Excused from this workshop: what you had sent was matched with no one there, "
            "apart from what the facilitator decided (below)." in paul
        ), paul
    assert "Piste suggérée" not in paul and "A lead suggested" not in paul, paul
