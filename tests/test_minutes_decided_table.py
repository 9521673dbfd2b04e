"""The minutes' « Les mises en relation » table says what the helper brings as the rest of the
document does: a challenge of theirs confirmed as the answer to a need is not printed under
« Peut aider » as if it were an offer (« Karima Haddou (Pôle emploi Langon) / mobiliser les
entreprises du BTP », when the projector card and the participant pages say « a pour défi »).
Read back from the .docx the CLI writes (python-docx)."""

from __future__ import annotations

from pathlib import Path

import docx

from atelier.domain import ItemKind, Match, MatchStatus
from atelier.store import Store
from tests.conftest import run_cli

GRID = (
    "Participant;Actions;Défis;Besoins;Ressources\n"
    "Thierry Lamarque / Communauté de communes du Réolais;diagnostic mobilité;garder les jeunes sur le "
    "territoire;clauses d'insertion dans les marchés publics;plateforme de mobilité solidaire\n"
    "Karima Haddou / Pôle emploi Langon;ateliers CV;mobiliser les entreprises du BTP;contacts avec les "
    "entreprises du BTP;données sur les métiers en tension\n"
)


def _decided_table(tmp_path: Path, lang: str = "fr") -> list[list[str]]:
    grid, path, minutes = tmp_path / "g.csv", tmp_path / "g.atelier", tmp_path / f"cr-{lang}.docx"
    if not path.exists():
        grid.write_text(GRID, encoding="utf-8")
        assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
        with Store.open(path) as store:
            workshop = store.workshops()[0].id
            items = {i.text: i for i in store.workshop_items(workshop)}
            need = items["clauses d'insertion dans les marchés publics"]
            challenge = items["mobiliser les entreprises du BTP"]
            assert challenge.kind == ItemKind.CHALLENGE
            offer = items["plateforme de mobilité solidaire"]
            other = items["contacts avec les entreprises du BTP"]
            store.add_match(Match(workshop, need.id, challenge.id, MatchStatus.CONFIRMED, 0.5))
            store.add_match(Match(workshop, other.id, offer.id, MatchStatus.CONFIRMED, 0.5))
    done = run_cli("export", str(path), "--docx", str(minutes), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    header = ("Cherche", "Peut aider") if lang == "fr" else ("Looking for", "Can help")
    for table in docx.Document(str(minutes)).tables:
        rows = [[c.text.replace("\u00a0", " ") for c in row.cells] for row in table.rows]
        if tuple(rows[0][:2]) == header:
            return rows
    raise AssertionError("no table of decided matches")


def test_a_confirmed_challenge_is_not_printed_as_an_offer(tmp_path: Path) -> None:
    rows = _decided_table(tmp_path)
    helper = next(r[1] for r in rows if "clauses d'insertion" in r[0])
    assert "Karima Haddou" in helper and "mobiliser les entreprises du BTP" in helper, helper
    # Said as hers, a challenge, as the pistes table and the participant pages say it.
    assert "mobiliser les entreprises du BTP (défi" in helper, helper
    offer = next(r[1] for r in rows if "contacts avec les entreprises" in r[0])
    assert "plateforme de mobilité solidaire (ressource proposée)" in offer, offer
    english = _decided_table(tmp_path, "en")
    helper = next(r[1] for r in english if "clauses d'insertion" in r[0])
    assert "mobiliser les entreprises du BTP (challenge)" in helper, helper


def test_the_leads_count_the_need_whose_match_came_to_nothing_apart(tmp_path: Path) -> None:
    """The example's minutes said « Sur ces 14 besoins, 5 ont donné lieu à une mise en relation
    (dont 1 classée sans suite), 3 n'ont qu'une piste possible … », then « Pour 4 besoins, voici
    les personnes de l'atelier qui pourraient vous aider »: 3 needs with a lead, then 4. The
    fourth is the need whose match came to nothing, which keeps its other lead. The leads'
    sentence now counts the needs as the synthesis does, and says the other one apart: « Pour
    1 autre besoin, et pour 1 besoin dont la mise en relation décidée a été classée sans suite,
    … »."""
    from atelier.domain import FollowUp, Item, Participant

    path = tmp_path / "pistes.atelier"
    with Store.create(path, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop_id = store.workshops()[0].id
        lucie, cecile, marc, karim = (
            store.add_participant(Participant(workshop_id, names=[name], organisation=org))
            for name, org in (
                ("Lucie Leroy", "Grand Angoulême"),
                ("Cécile Dallet", "PLIE des Graves"),
                ("Marc Roux", "Mission locale"),
                ("Karim Benali", "Cap Emploi"),
            )
        )
        clauses = store.add_item(Item(lucie.id, ItemKind.NEED, "des clauses d'insertion"))
        sites = store.add_item(Item(marc.id, ItemKind.NEED, "des chantiers d'insertion"))
        social = store.add_item(Item(cecile.id, ItemKind.OFFER, "clauses sociales dans les marchés"))
        guide = store.add_item(Item(karim.id, ItemKind.OFFER, "un guide des clauses d'insertion"))
        directory = store.add_item(Item(karim.id, ItemKind.OFFER, "un annuaire des chantiers d'insertion"))
        dropped = store.add_match(
            Match(workshop_id, clauses.id, social.id, MatchStatus.CONFIRMED, 0.5, ["mot"])
        )
        store.set_follow_up(dropped.id, FollowUp.TO_CONTACT, day="2022-03-15")  # decided there
        store.set_follow_up(dropped.id, FollowUp.DROPPED, day="2022-04-01")
        for need, offer in ((clauses, guide), (sites, directory)):
            store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.SUGGESTED, 0.9, ["insertion"]))
    minutes = tmp_path / "cr.docx"
    assert run_cli("export", str(path), "--docx", str(minutes)).returncode == 0
    texts = [
        p.text.replace("\u00a0", " ").replace("\u202f", " ") for p in docx.Document(str(minutes)).paragraphs
    ]
    (answers,) = [t for t in texts if t.startswith("Sur ces 2 besoins")]
    assert "1 a donné lieu à une mise en relation" in answers and "1 a une piste" in answers, answers
    (leads,) = [t for t in texts if t.startswith("Pour ")]
    assert leads.startswith(
        "Pour un autre besoin, et pour un besoin dont la mise en relation décidée a été classée sans suite, "
        "voici les personnes de l'atelier qui pourraient vous aider"
    ), leads
    english = tmp_path / "minutes.docx"
    assert run_cli("export", str(path), "--docx", str(english), env={"ATELIER_LANG": "en"}).returncode == 0
    (leads,) = [p.text for p in docx.Document(str(english)).paragraphs if p.text.startswith("For ")]
    assert leads.startswith(
        "For one other need, and for one need whose match was dropped, here are the people of the workshop"
    ), leads
