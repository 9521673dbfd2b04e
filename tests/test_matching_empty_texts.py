"""A text that carries no word of meaning (a phone number, a lone « été » or « le », a dash,
a question mark, an e-mail address or a web address) is close in meaning to nothing: the
probe saw « Paul Durand cherche : été ← Anne Martin : 06 12 34 56 78 · Seul lien : un sens
voisin, à vérifier », marked « possible ». Every such text had the same sentence vector (the
workshop's mean taken away from nothing), so they were all « close » to each other and to
whatever lay opposite the workshop's mean. Through the command line on the probe's grid, and
through the engine on the example workshop (the places filled by meaning alone, from 40
statements, as the window shows them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Participant
from atelier.matching import engine_for
from atelier.matching.semantic import shared_vectors
from atelier.reasons import say_all
from atelier.store import Store

from .conftest import ROOT, run_cli

SENSE = "Seul lien\xa0: un sens voisin"
PROBE_GRID = (
    "Participant / territoire;Actions engagées;Défis;J'ai besoin de ressources sur...;"
    "Je peux être ressource sur...\n"
    "Anne Martin / PLIE Sud Gironde;forum emploi;recruter;communication;06 12 34 56 78\n"
    "Paul Durand / Mission locale du Médoc;garantie jeunes;mobilité;été;accueil des saisonniers\n"
    "Julie Petit / CC du Bazadais;club d'entreprises;attractivité;un local;salle de réunion à Bazas\n"
    "Karim Benali / Agglo Agen;chantier d'insertion;logement;les saisonniers;permis de conduire\n"
)
EMPTY_OFFERS = ("06 12 34 56 78", "+33 6 12 34 56 78", "-", "?", "contact@plie-sudgironde.fr")
EMPTY_NEEDS = ("été", "le", "!!", "besoin été", "2024", "https://www.plie-sudgironde.fr/contact")


@pytest.fixture(autouse=True)
def _meaning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATELIER_SEMANTIC", "1")  # as users get it: the shipped word vectors


def test_a_phone_number_is_not_suggested_for_a_one_word_need(tmp_path: Path) -> None:
    grid, path = tmp_path / "sense.csv", tmp_path / "sense.atelier"
    grid.write_text(PROBE_GRID, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    done = run_cli("match", str(path))
    assert done.returncode == 0, done.stderr
    assert "06 12 34 56 78" not in done.stdout, done.stdout
    assert SENSE not in done.stdout, done.stdout
    # « été » now has nothing near it, as it is said; what words link stays.
    assert "cherche\xa0: été\n    (aucune ressource proche dans la grille)" in done.stdout, done.stdout
    assert "Le besoin et l'offre disent tous deux «\xa0saisonniers\xa0»" in done.stdout


def test_texts_without_words_are_close_to_nothing_in_a_full_workshop(tmp_path: Path) -> None:
    """On the example (157 statements: meaning counts, and empty places are filled by it), a
    participant whose offers are a phone number, a dash, a question mark, an e-mail address,
    and another whose needs are « été », « le », « !! », « besoin été », « 2024 » and a web
    address: none of these is suggested for anything, nor given anything, by meaning alone."""
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        anne = store.add_participant(Participant(workshop_id, names=["Anne Martin"], organisation="PLIE"))
        paul = store.add_participant(Participant(workshop_id, names=["Paul Durand"], organisation="ML"))
        for text in EMPTY_OFFERS:
            store.add_item(Item(anne.id, ItemKind.OFFER, text))
        for text in EMPTY_NEEDS:
            store.add_item(Item(paul.id, ItemKind.NEED, text))
        words = store.add_item(Item(paul.id, ItemKind.NEED, "communication"))
        engine = engine_for(store, workshop_id, vectors=shared_vectors())
        texts = {i.id: i.text for i in store.workshop_items(workshop_id)}
    empty = {i for i, t in texts.items() if t in EMPTY_OFFERS + EMPTY_NEEDS}
    shown = [
        (texts[need], texts[s.resource_id], say_all(s.reasons, "fr"))
        for need, found in engine.suggest(top=5).items()
        for s in found
        if need in empty or s.resource_id in empty
    ]
    assert shown == [], shown
    # A need of real words that nothing else links is still given offers close in meaning.
    close = [say_all(s.reasons, "fr") for s in engine.suggest([words.id], top=5)[words.id]]
    assert any(SENSE in " ".join(reasons) for reasons in close), close
