"""« Ne pas publier dans le répertoire » in `atelier export FILE --json`: Lucie Leroy (Grand
Angoulême), of the March workshop, asked not to be published; her offer was confirmed for a
September need. September's pages, minutes, Excel and follow-up say « une personne non nommée
à sa demande » (Participant.seen_from), but the JSON's September match entry said « Lucie
Leroy (Grand Angoulême) » to any program reading it. It now says what the other outputs say;
her own workshop's entries still name her. The real command, in a subprocess, on a file built
through the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Workshop
from atelier.store import Store
from tests.conftest import run_cli

UNNAMED = {"fr": "une personne non nommée à sa demande", "en": "someone not named at their request"}


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "reseau.atelier"
    with Store.create(path, title="Atelier de mars", date="2021-03-16") as store:
        march = store.workshops()[0]
        september = store.add_workshop(Workshop(title="Atelier de septembre", date="2021-09-14"))
        lucie = store.add_participant(
            Participant(march.id, names=["Lucie Leroy"], organisation="Grand Angoulême", unlisted=True)
        )
        offer = store.add_item(Item(lucie.id, ItemKind.OFFER, "Répertoire des initiatives locales"))
        own_need = store.add_item(Item(lucie.id, ItemKind.NEED, "Salle pour un forum"))
        paul = store.add_participant(Participant(march.id, names=["Paul Girard"], organisation="PLIE"))
        room = store.add_item(Item(paul.id, ItemKind.OFFER, "Salle de réunion"))
        store.add_match(Match(march.id, own_need.id, room.id, MatchStatus.CONFIRMED, 0.5))
        marc = store.add_participant(
            Participant(september.id, names=["Marc Dupuis"], organisation="CC du Réolais")
        )
        need = store.add_item(Item(marc.id, ItemKind.NEED, "Connaître les initiatives locales"))
        store.add_match(Match(september.id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4))
    return path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_export_json_does_not_name_in_another_workshop_someone_who_opted_out(
    tmp_path: Path, lang: str
) -> None:
    path = _file(tmp_path)
    out = tmp_path / "reseau.json"
    done = run_cli("export", str(path), "--json", str(out), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    workshops = {w["title"]: w for w in data["workshops"]}
    september = workshops["Atelier de septembre"]
    [match] = september["matches"]
    assert match["offer_participant"] == UNNAMED[lang], match
    assert match["offer_text"] == "Répertoire des initiatives locales"  # what she said stays hers
    assert "Leroy" not in json.dumps(september, ensure_ascii=False)
    assert "Angoulême" not in json.dumps(september, ensure_ascii=False)
    # Her own workshop names her, as its documents do.
    [own] = workshops["Atelier de mars"]["matches"]
    assert own["need_participant"] == "Lucie Leroy (Grand Angoulême)"
    # One workshop exported alone: the same.
    alone = run_cli(
        "export", str(path), "--workshop", "2021-09-14", "--json", "-", env={"ATELIER_LANG": lang}
    )
    assert alone.returncode == 0, alone.stderr
    assert "Leroy" not in alone.stdout
    assert UNNAMED[lang] in alone.stdout
