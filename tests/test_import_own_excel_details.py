"""Atelier's own Excel, imported back, keeps the workshop's place, organiser and contact (its
« Synthèse » sheet says them under the title) and each participant's contact (the « Grille »
sheet has a « Contact » column, last): they were lost, the new file's workshop placeless and
its people unreachable, without a word. What the import does not take back, the matches
decided and their follow-up, is said. An anonymised export has no contact to give back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant
from atelier.store import Store
from tests.conftest import run_cli

CONTACT = "Christophe Rochard, chargé de mission\n05 56 00 00 00 · c.rochard@pqn-a.fr"


def _workshop(path: Path) -> None:
    with Store.create(
        path,
        title="Atelier emploi Landes",
        date="2024-05-02",
        place="Mont-de-Marsan, salle du conseil",
        organiser="PQN-A",
        contact=CONTACT,
    ) as store:
        workshop_id = store.workshops()[0].id
        anne = store.add_participant(
            Participant(
                workshop_id,
                names=["Anne Roux"],
                organisation="PLIE Sud Landes",
                territory="Landes",
                contact="anne.roux@plie.fr\n+33 6 12 34 56 78",
            )
        )
        jean = store.add_participant(
            Participant(workshop_id, names=["Jean Dupont"], organisation="CC du Seignanx")
        )
        need = store.add_item(Item(anne.id, ItemKind.NEED, "mobilité des jeunes"))
        offer = store.add_item(Item(jean.id, ItemKind.OFFER, "transport solidaire pour les jeunes"))
        store.add_match(Match(workshop_id, need.id, offer.id, status=MatchStatus.CONFIRMED, score=0.8))


def _kept(path: Path) -> dict:
    shown = run_cli("export", str(path), "--json", "-")
    assert shown.returncode == 0, shown.stderr
    (workshop,) = json.loads(shown.stdout)["workshops"]
    return workshop


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_own_excel_gives_back_the_workshop_s_place_organiser_contact_and_each_contact(
    tmp_path: Path, lang: str
) -> None:
    source, workbook, again = tmp_path / "a.atelier", tmp_path / "tableaux.xlsx", tmp_path / "relu.atelier"
    _workshop(source)
    env = {"ATELIER_LANG": lang}
    assert run_cli("export", str(source), "--xlsx", str(workbook), env=env).returncode == 0
    done = run_cli("import", str(workbook), "-o", str(again), env=env)
    assert done.returncode == 0, done.stderr
    before, after = _kept(source), _kept(again)
    for detail in ("title", "date", "place", "organiser", "contact"):
        assert after[detail] == before[detail], detail
    assert [p["contact"] for p in after["participants"]] == [p["contact"] for p in before["participants"]]
    assert after["participants"][0]["contact"] == "anne.roux@plie.fr\n+33 6 12 34 56 78"
    said = (done.stdout + done.stderr).replace("\u00a0", " ").replace("\u202f", " ")
    if lang == "fr":
        assert (
            "feuille « Mises en relation » : 1 mise en relation décidée non reprise (décision et suivi) ; "
            "la grille importée est à apparier de nouveau"
        ) in said, said
    else:
        assert "sheet “Matches”: 1 decided match not taken back (decision and follow-up)" in said, said


def test_anonymised_excel_has_no_contact_to_give_back(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    source, workbook, again = tmp_path / "a.atelier", tmp_path / "anonyme.xlsx", tmp_path / "relu.atelier"
    _workshop(source)
    assert run_cli("export", str(source), "--xlsx", str(workbook), "--anonymise").returncode == 0
    header = [c.value for c in load_workbook(workbook)["Grille"][1]]
    assert "Contact" not in header and "Fonction" not in header
    assert run_cli("import", str(workbook), "-o", str(again)).returncode == 0
    assert all(p["contact"] == "" for p in _kept(again)["participants"])


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("decided", [True, False])
def test_own_excel_says_the_matches_set_aside_are_not_taken_back(
    tmp_path: Path, lang: str, decided: bool
) -> None:
    """The workbook lists the matches the facilitator set aside (« écartée »); its import took
    none back and said nothing of them (or only of those decided): matching the grid again
    suggested the transport Anne had been told no to, as if never seen."""
    source, workbook, again = tmp_path / "a.atelier", tmp_path / "tableaux.xlsx", tmp_path / "relu.atelier"
    _workshop(source)
    with Store.open(source) as store:
        workshop_id = store.workshops()[0].id
        (match,) = store.matches(workshop_id)
        if not decided:
            store.update_match(match.id, status=MatchStatus.REJECTED)
        else:
            jean = next(p for p in store.participants(workshop_id) if p.names == ["Jean Dupont"])
            anne = next(p for p in store.participants(workshop_id) if p.names == ["Anne Roux"])
            need = store.add_item(Item(anne.id, ItemKind.NEED, "un minibus pour les jeunes"))
            offer = store.add_item(Item(jean.id, ItemKind.OFFER, "prêt d'un minibus"))
            store.add_match(Match(workshop_id, need.id, offer.id, status=MatchStatus.REJECTED, score=0.6))
    env = {"ATELIER_LANG": lang}
    assert run_cli("export", str(source), "--xlsx", str(workbook), env=env).returncode == 0
    done = run_cli("import", str(workbook), "-o", str(again), env=env)
    assert done.returncode == 0, done.stderr
    said = (done.stdout + done.stderr).replace("\u00a0", " ").replace("\u202f", " ")
    if lang == "fr":
        expected = (
            "feuille « Mises en relation » : 1 mise en relation décidée non reprise (décision et suivi) "
            "et 1 mise en relation écartée non reprise ; "
            if decided
            else "feuille « Mises en relation » : 1 mise en relation écartée non reprise ; "
        ) + "la grille importée est à apparier de nouveau, et l'appariement pourra suggérer de nouveau la "
        "mise en relation écartée"
    else:
        expected = (
            "sheet “Matches”: 1 decided match not taken back (decision and follow-up) and 1 rejected match "
            "not taken back; "
            if decided
            else "sheet “Matches”: 1 rejected match not taken back; "
        ) + "match the imported grid again, and matching may suggest the rejected match again"
    assert expected in said, said
    with Store.open(again, readonly=True) as store:
        assert store.matches(store.workshops()[0].id) == []  # none taken back, as said
