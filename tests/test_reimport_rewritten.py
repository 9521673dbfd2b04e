"""A grid imported again into its workshop, where a need was rewritten into another need:
the confirmed match and its follow-up stay on the need that was decided, never on the new
words (« Paul Durand cherche : Hébergement d'urgence ← Anne Martin : Clauses sociales dans les
marchés publics, contacté le 15/06/2021 » was listed after such a re-import)."""

from __future__ import annotations

from pathlib import Path

from atelier.domain import FollowUp, ItemKind, Match, MatchStatus
from atelier.store import Store

from .conftest import run_cli

HEADER = "Participant;Actions engagées;Défis;J'ai besoin de ressources sur;Je peux être ressource sur\n"


def _grid(path: Path, paul_needs: str) -> Path:
    path.write_text(
        HEADER
        + "Mme Anne Martin / PLIE des Graves;Forum;Employeurs;Mobilité;"
        + "Clauses sociales dans les marchés publics\n"
        + f"Paul Durand / CC du Val;Atelier CV;Insertion des jeunes;{paul_needs};Accompagnement des jeunes\n",
        encoding="utf-8",
    )
    return path


def _made(tmp_path: Path) -> tuple[Path, str]:
    target = tmp_path / "suivi.atelier"
    first = _grid(tmp_path / "juin.csv", "Clauses sociales")
    made = run_cli("import", str(first), "-o", str(target), "--title", "Mobilité", "--date", "2021-06-10")
    assert made.returncode == 0, made.stderr
    with Store.open(target) as store:
        workshop = store.workshops()[0].id
        (need,) = store.workshop_items(workshop, ItemKind.NEED)[1:]
        offer = store.workshop_items(workshop, ItemKind.OFFER)[0]
        match = store.add_match(Match(workshop, need.id, offer.id, MatchStatus.CONFIRMED, 0.5))
        store.set_follow_up(match.id, FollowUp.TO_CONTACT, day="2021-06-10")
        store.set_follow_up(match.id, FollowUp.CONTACTED, note="Appel à Anne", day="2021-06-15")
    return target, need.text


def test_a_need_rewritten_in_the_grid_keeps_its_follow_up_on_the_need_decided(tmp_path: Path) -> None:
    target, _need = _made(tmp_path)
    grid = _grid(tmp_path / "juin-v2.csv", "Hébergement d'urgence")
    again = run_cli("import", str(grid), "--into", str(target))
    assert again.returncode == 0, again.stderr
    assert "1 élément conservé pour une mise en relation confirmée" in again.stdout, again.stdout
    listed = run_cli("suivi", str(target)).stdout.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Paul Durand (CC du Val) cherche : Clauses sociales\n" in listed, listed
    assert "Hébergement" not in listed, listed
    assert "Appel à Anne" in listed
    with Store.open(target, readonly=True) as store:  # the new need is in the grid too
        texts = [i.text for i in store.workshop_items(store.workshops()[0].id, ItemKind.NEED)]
    assert "Hébergement d'urgence" in texts and "Clauses sociales" in texts


def test_a_need_only_corrected_in_the_grid_keeps_its_follow_up(tmp_path: Path) -> None:
    target, _need = _made(tmp_path)
    grid = _grid(tmp_path / "juin-v2.csv", "Clauses sociales d'insertion")
    again = run_cli("import", str(grid), "--into", str(target))
    assert again.returncode == 0, again.stderr
    assert "0 élément conservé" in again.stdout, again.stdout
    listed = run_cli("suivi", str(target)).stdout.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Paul Durand (CC du Val) cherche : Clauses sociales d'insertion\n" in listed, listed
    assert "Appel à Anne" in listed
