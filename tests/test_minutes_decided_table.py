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
