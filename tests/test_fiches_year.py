"""Pages sent months after a workshop, in a file that holds a year of them: the same person
came back under another spelling of their name, and a workshop is titled by its month."""

from __future__ import annotations

from pathlib import Path

import docx

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant, Workshop
from atelier.store import Store

from .conftest import run_cli

NBSP = "\u00a0"


def _paragraphs(target: Path) -> list[str]:
    return [p.text.replace(NBSP, " ").replace("\u202f", " ") for p in docx.Document(str(target)).paragraphs]


def test_a_person_who_came_back_under_another_spelling_is_named_once(tmp_path: Path) -> None:
    """Corinne offered clause facilitation in March 2021; Lucie, back in September as « LEROY
    Lucie » and in spring as « Lucie LEROY » of the PLIE, was put in touch with her twice.
    Corinne's page said « Cette proposition intéresse LEROY Lucie et Lucie LEROY » : two
    people where there is one."""
    path, target = tmp_path / "annee.atelier", tmp_path / "fiches.docx"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        march = store.workshops()[0]
        corinne = store.add_participant(
            Participant(march.id, names=["Corinne Corcuff"], organisation="Mont de Marsan Agglo")
        )
        offer = store.add_item(Item(corinne.id, ItemKind.OFFER, "Facilitatrice des clauses d'insertion"))
        for title, day, name, structure, need in (
            ("Atelier de septembre", "2021-09-21", "LEROY Lucie", "Grand Angoulême", "clauses sociales"),
            (
                "Atelier de printemps",
                "2022-03-15",
                "Lucie LEROY",
                "PLIE du Grand Angoulême",
                "former aux clauses",
            ),
        ):
            later = store.add_workshop(Workshop(title, date=day))
            lucie = store.add_participant(Participant(later.id, names=[name], organisation=structure))
            asked = store.add_item(Item(lucie.id, ItemKind.NEED, need))
            match = store.add_match(Match(later.id, asked.id, offer.id, MatchStatus.CONFIRMED, 0.8, []))
            store.set_follow_up(match.id, FollowUp.TO_CONTACT, day=day)
    done = run_cli("export", str(path), "--workshop", "2021-03-16", "--fiches", str(target))
    assert done.returncode == 0, done.stderr
    texts = _paragraphs(target)
    assert "Cette proposition intéresse LEROY Lucie :" in texts, texts
    # Both times she asked are on the page, each with its workshop and structure.
    assert any(t.startswith("LEROY Lucie — Grand Angoulême (atelier du 21 septembre 2021)") for t in texts)
    assert any(t.startswith("Lucie LEROY — PLIE du Grand Angoulême (atelier du 15 mars 2022)") for t in texts)


def test_two_people_of_one_name_in_two_structures_stay_two(tmp_path: Path) -> None:
    """Homonyms: Julie Thomas of the PETR and Julie Thomas of the Mission locale, each with a
    structure, in the same workshop, both interested: named once each would lose one; the page
    names each with a bullet of her own."""
    path, target = tmp_path / "homonymes.atelier", tmp_path / "fiches.docx"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        denis = store.add_participant(Participant(workshop_id, names=["Denis Paineau"], organisation="CdC"))
        offer = store.add_item(Item(denis.id, ItemKind.OFFER, "chantier d'insertion"))
        for structure in ("PETR Vallée de la Dordogne", "Mission locale de Brive"):
            julie = store.add_participant(
                Participant(workshop_id, names=["Julie Thomas"], organisation=structure)
            )
            need = store.add_item(Item(julie.id, ItemKind.NEED, f"monter un chantier ({structure})"))
            store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.8, []))
    done = run_cli("export", str(path), "--fiches", str(target))
    assert done.returncode == 0, done.stderr
    texts = _paragraphs(target)
    assert sum(t.startswith("Julie Thomas — ") for t in texts) == 2, texts


def test_a_workshop_titled_by_its_month_alone_is_dated(tmp_path: Path) -> None:
    """« Atelier de septembre, Bordeaux. » headed a page sent in December, and again the next
    year: which September? A title that names a month but no year is followed by the date."""
    path, target = tmp_path / "septembre.atelier", tmp_path / "fiches.docx"
    with Store.create(path, title="Atelier de septembre", date="2021-09-21", place="Bordeaux") as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(Participant(workshop_id, names=["Lucie Leroy"]))
        store.add_item(Item(lucie.id, ItemKind.NEED, "un répertoire d'initiatives locales"))
    done = run_cli("export", str(path), "--fiches", str(target))
    assert done.returncode == 0, done.stderr
    assert "Atelier de septembre, 21 septembre 2021, Bordeaux." in _paragraphs(target)
    english = tmp_path / "pages.docx"
    done = run_cli("export", str(path), "--fiches", str(english), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert "Atelier de septembre, 21 September 2021, Bordeaux." in _paragraphs(english)
