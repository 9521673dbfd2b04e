"""Two words one stem links but that are not one word (« préparateurs » / « Préparation »,
« facilitée » / « facilitateurs », « dons » / « Donner ») are said as the pair each side writes,
never as a word both say: « Le besoin dit « préparateurs », l'offre aussi : « Préparation » »
claimed the offer says what it does not. One word in two forms (« appuyer » / « appuie »,
« emplois » / « emploi ») is still a word in common."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from .conftest import run_cli

GRID = (
    "Participant;Actions;Défis;Besoins;Ressources\n"
    "Anne Roux / PLIE Sud Landes;;;Former des préparateurs de commandes;\n"
    "Jean Dupont / CC du Seignanx;;;;Préparation aux entretiens\n"
    "Léa Bon / Mission locale;;;Une coopération facilitée entre acteurs;Donner du matériel\n"
    "Marc Petit / CCAS;;;Collecter des dons de matériel;Réseau de facilitateurs entre acteurs\n"
)
Q = {"fr": ("«\u00a0", "\u00a0»"), "en": ("“", "”")}


def _pair(lang: str, need: str, offer: str) -> str:
    o, c = Q[lang]
    if lang == "fr":
        return f"Le besoin dit {o}{need}{c}, l'offre {o}{offer}{c}\u00a0: mots de la même famille"
    return f"The need says {o}{need}{c}, the offer {o}{offer}{c}: words of the same family"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_two_words_of_one_family_are_said_as_a_pair_not_as_one_word(tmp_path: Path, lang: str) -> None:
    grid = tmp_path / "g.csv"
    grid.write_text(GRID, encoding="utf-8")
    path = tmp_path / "g.atelier"
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    listing = run_cli("match", str(path), env={"ATELIER_LANG": lang})
    assert listing.returncode == 0, listing.stderr
    said = listing.stdout
    assert _pair(lang, "préparateurs", "Préparation") in said, said
    assert _pair(lang, "facilitée", "facilitateurs") in said, said
    # No line says the offer also says a word it writes otherwise.
    for line in said.splitlines():
        if "aussi" in line or "and so does" in line:
            for word in ("préparateurs", "facilitée", "dons"):
                assert word not in line, line
    # Saved, the same sentence is what Excel's « Mises en relation » reads.
    assert run_cli("match", str(path), "--save").returncode == 0
    table = tmp_path / "t.xlsx"
    assert run_cli("export", str(path), "--xlsx", str(table), env={"ATELIER_LANG": lang}).returncode == 0
    book = openpyxl.load_workbook(table)
    cells = "\n".join(str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if v)
    assert _pair(lang, "préparateurs", "Préparation") in cells, cells


def test_a_decision_an_earlier_version_explained_by_one_shared_word_is_said_as_the_pair(
    tmp_path: Path,
) -> None:
    """A match decided in a file an earlier version wrote keeps its reasons (the facilitator's
    decision): its « préparateurs » / « Préparation » stored as a word in common is said as the
    pair, in the listing and the minutes."""
    import docx

    from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Reason, ReasonKind
    from atelier.store import Store

    path = tmp_path / "old.atelier"
    with Store.create(path, title="Atelier") as store:
        workshop_id = store.workshops()[0].id
        anne = store.add_participant(Participant(workshop_id, names=["Anne Roux"], organisation="PLIE"))
        jean = store.add_participant(Participant(workshop_id, names=["Jean Dupont"], organisation="CC"))
        need = store.add_item(Item(anne.id, ItemKind.NEED, "Former des préparateurs de commandes"))
        offer = store.add_item(Item(jean.id, ItemKind.OFFER, "Préparation aux entretiens"))
        stored = (Reason(ReasonKind.OFFER, ("Préparation",), need="préparateurs"),)
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4, stored))
    listing = run_cli("match", str(path))
    assert listing.returncode == 0, listing.stderr
    assert _pair("fr", "préparateurs", "Préparation") in listing.stdout, listing.stdout
    assert "aussi" not in listing.stdout, listing.stdout
    minutes = tmp_path / "cr.docx"
    assert run_cli("export", str(path), "--docx", str(minutes)).returncode == 0
    document = docx.Document(str(minutes))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any(_pair("fr", "préparateurs", "Préparation") in text for text in cells), cells
