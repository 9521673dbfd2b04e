"""`atelier match` lists what the facilitator decided first, under its heading (confirmed, then
added by hand), then Atelier's suggestions: never a decision among the suggestions by score."""

from __future__ import annotations

import json
from pathlib import Path

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant
from atelier.store import Store

from .conftest import run_cli

NEED = "trouver des bénévoles pour accompagner les jeunes vers l'emploi"
SUGGESTED = "un réseau de bénévoles qui accompagnent les jeunes vers l'emploi"
CONFIRMED = "une salle de réunion à Langon"
MANUAL = "un annuaire des structures d'insertion"


def _workshop(tmp_path: Path) -> Path:
    """A need with an offer the engine ranks high, and two offers decided with a low score."""
    path = tmp_path / "decisions.atelier"
    with Store.create(path, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(Participant(workshop_id, names=["Lucie Leroy"], organisation="PLIE"))
        cecile = store.add_participant(
            Participant(workshop_id, names=["Cécile Dallet"], organisation="Mission locale")
        )
        need = store.add_item(Item(lucie.id, ItemKind.NEED, NEED))
        store.add_item(Item(cecile.id, ItemKind.OFFER, SUGGESTED))
        confirmed = store.add_item(Item(cecile.id, ItemKind.OFFER, CONFIRMED))
        manual = store.add_item(Item(cecile.id, ItemKind.OFFER, MANUAL))
        # The one added by hand scores higher than the confirmed one: still after it.
        store.add_match(Match(workshop_id, need.id, confirmed.id, MatchStatus.CONFIRMED, 0.1, ["salle"]))
        store.add_match(Match(workshop_id, need.id, manual.id, MatchStatus.MANUAL, 0.2, ["structures"]))
    return path


def test_match_lists_decisions_first_under_their_heading(tmp_path: Path) -> None:
    path = _workshop(tmp_path)
    listed = run_cli("match", str(path), "--lexical")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    texts = [line for line in lines if line.startswith("  ")]
    shown = [line.strip() for line in texts if not line.startswith("      ·")]
    decided_at = shown.index("2 mises en relation décidées\u00a0:")
    assert CONFIRMED in shown[decided_at + 1] and "mise en relation confirmée" in shown[decided_at + 1], lines
    assert MANUAL in shown[decided_at + 2] and "ajoutée à la main" in shown[decided_at + 2], lines
    assert shown[decided_at + 3].endswith("d'Atelier\u00a0:") and "suggestion" in shown[decided_at + 3], lines
    assert any(SUGGESTED in line for line in shown[decided_at + 4 :]), lines

    english = run_cli("match", str(path), "--lexical", env={"ATELIER_LANG": "en"}).stdout.splitlines()
    assert "  2 decided matches:" in english, english
    assert any(line.startswith("  ") and line.endswith(" by Atelier:") for line in english), english


def test_match_json_gives_each_entry_its_status_decisions_first(tmp_path: Path) -> None:
    path = _workshop(tmp_path)
    dumped = run_cli("match", str(path), "--lexical", "--json")
    assert dumped.returncode == 0, dumped.stderr
    (need,) = json.loads(dumped.stdout)["needs"]
    listed = [(entry["status"], entry["text"]) for entry in need["suggestions"]]
    assert listed[:2] == [("confirmed", CONFIRMED), ("manual", MANUAL)], listed
    assert ("suggested", SUGGESTED) in listed[2:], listed
    assert all(status == "suggested" for status, _text in listed[2:]), listed


def test_match_without_decisions_has_no_heading(tmp_path: Path) -> None:
    path = tmp_path / "sans.atelier"
    with Store.create(path, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(Participant(workshop_id, names=["Lucie Leroy"], organisation="PLIE"))
        cecile = store.add_participant(Participant(workshop_id, names=["Cécile Dallet"], organisation="ML"))
        store.add_item(Item(lucie.id, ItemKind.NEED, NEED))
        store.add_item(Item(cecile.id, ItemKind.OFFER, SUGGESTED))
    listed = run_cli("match", str(path), "--lexical")
    assert listed.returncode == 0, listed.stderr
    assert SUGGESTED in listed.stdout and "décidée" not in listed.stdout, listed.stdout
    assert "d'Atelier" not in listed.stdout, listed.stdout
