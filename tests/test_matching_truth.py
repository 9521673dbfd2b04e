"""What a suggestion says must be true: a structure's own name is not what it did, everyday
verbs are not a subject, and the listing's verb agrees with the people who need."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Participant
from atelier.matching import engine_for, match_workshop
from atelier.matching.report import report_as_dict, report_as_text
from atelier.matching.semantic import shared_vectors
from atelier.reasons import say_all
from atelier.store import Store

from .conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"

PIECES = (
    "Seul lien, à vérifier\xa0: le besoin dit «\xa0PLIE\xa0», l'offre «\xa0emploi\xa0» (un mot pris dans un "
    "sigle ou une expression)",
    "Seul lien, à vérifier\xa0: le besoin dit «\xa0PLIE\xa0», l'offre «\xa0insertion\xa0» (un mot pris dans "
    "un sigle ou une expression)",
    "Seul lien, à vérifier\xa0: le besoin et l'offre disent «\xa0publics\xa0», mais l'un des deux dans un "
    "sigle ou une expression",
)


@pytest.fixture(autouse=True)
def _meaning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ATELIER_SEMANTIC", "1")  # as users get it: the shipped word vectors


@pytest.fixture(scope="module")
def example() -> Iterator[tuple[Store, str]]:
    with Store.open(EXAMPLE, readonly=True) as store:
        yield store, store.workshops()[0].id


def _shown(store: Store, workshop_id: str) -> dict[str, list[tuple[str, list[str]]]]:
    """Each need's text -> (resource text, reasons in French) as `atelier match` shows them."""
    engine = engine_for(store, workshop_id, vectors=shared_vectors())
    texts = {i.id: i.text for i in store.workshop_items(workshop_id)}
    return {
        texts[need]: [(texts[s.resource_id], say_all(s.reasons, "fr")) for s in found]
        for need, found in engine.suggest(top=5).items()
    }


def test_a_structure_named_in_its_own_text_is_not_what_it_did(store: Store) -> None:
    workshop_id = store.workshops()[0].id
    asker = store.add_participant(
        Participant(workshop_id, names=["Aurélie Tonnoir"], organisation="PLIE Grand Poitiers")
    )
    need = store.add_item(Item(asker.id, ItemKind.NEED, "Partage d'expériences entre animateurs"))
    helper = store.add_participant(
        Participant(workshop_id, names=["Eric Bedin"], organisation="CIAP-Champs du Partage")
    )
    store.add_item(
        Item(
            helper.id,
            ItemKind.ACTION,
            "CIAP-Champs du Partage est un espace test agricole, avec une fonction de couveuse "
            "pour les porteurs de projets agricoles.",
        )
    )
    answer = store.add_participant(Participant(workshop_id, names=["Denis Paineau"], organisation="CdC"))
    store.add_item(Item(answer.id, ItemKind.ACTION, "Partage des expériences des chefs d'entreprise du club"))
    others = store.add_participant(Participant(workshop_id, names=["Julie Thomas"], organisation="PETR"))
    for text in (
        "Mise en place d'un observatoire de l'emploi local",
        "Coordination de la cellule d'aide aux TPE",
        "Règlement d'intervention de la Région",
        "Plateforme de mobilité pour les saisonniers agricoles",
        "Accompagnement des jeunes décrocheurs vers l'apprentissage",
        "Chantier d'insertion en maraîchage biologique",
    ):
        store.add_item(Item(others.id, ItemKind.ACTION, text))
    assert shared_vectors() is not None
    for vectors in (None, shared_vectors()):
        report = match_workshop(store, workshop_id, vectors=vectors)
        texts = {i.id: i.text for i in store.workshop_items(workshop_id)}
        found = [(texts[s.resource_id], say_all(s.reasons, "fr")) for s in report.suggestions[need.id]]
        # « Partage » comes only from the structure's name: nothing links the couveuse to the need.
        assert [text for text, _ in found] == ["Partage des expériences des chefs d'entreprise du club"]


def test_the_askers_own_structure_in_a_need_links_nothing(store: Store) -> None:
    workshop_id = store.workshops()[0].id
    asker = store.add_participant(
        Participant(workshop_id, names=["Eric Bedin"], organisation="CIAP-Champs du Partage")
    )
    need = store.add_item(Item(asker.id, ItemKind.NEED, "Faire connaître CIAP-Champs du Partage aux élus"))
    other = store.add_participant(Participant(workshop_id, names=["Lucie Leroy"], organisation="Agglo"))
    store.add_item(Item(other.id, ItemKind.OFFER, "Partage de pratiques sur les champs de l'insertion"))
    report = match_workshop(store, workshop_id, vectors=shared_vectors())
    assert report.suggestions[need.id] == []


def test_everyday_words_alone_link_nothing(example: tuple[Store, str]) -> None:
    shown = _shown(*example)
    # « …en fonction des orientations à venir » and « Projet de Parc Naturel Régional à venir »
    # share « venir » only; « Partage » comes from « CIAP-Champs du Partage », the helper's name.
    for need in ("Partage de pratiques en fonction des orientations à venir", "Partage d'expériences"):
        for text, reasons in shown[need]:
            assert text != "Projet de Parc Naturel Régional à venir", (need, reasons)
            # The first line says what the helper is and the words of theirs that answer.
            assert "venir" not in reasons[0] and "Partage" not in reasons[0], (need, text, reasons)
            assert not (text.startswith("CIAP-Champs du Partage, est un Espace Test") and len(reasons) == 1)


def test_everyday_words_are_not_named_when_a_theme_links_the_pair(example: tuple[Store, str]) -> None:
    shown = _shown(*example)
    need = next(n for n in shown if n.startswith("à quel moment doit-on s'appuyer"))
    said = [r for _text, reasons in shown[need] for r in reasons]
    kinds = [r for r in said if "le défi aussi\xa0:" in r or "l'action aussi\xa0:" in r]
    for everyday in ("créer", "répondre", "existe"):
        assert not any(everyday in r for r in kinds), said
    # A word the glossary holds as a theme is a subject, however common: still named.
    need = next(n for n in shown if n.startswith("Comment inclure davantage les entreprises"))
    assert any(
        "Le besoin et l'offre disent tous deux «\xa0entreprises\xa0»" in r
        for _t, reasons in shown[need]
        for r in reasons
    )


def test_the_listing_agrees_with_the_people_who_need(tmp_path, monkeypatch) -> None:
    with Store.open(EXAMPLE, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        data = report_as_dict(store, match_workshop(store, workshop_id), "fr")
    monkeypatch.setenv("ATELIER_LANG", "fr")
    text = report_as_text(data)
    assert "Corinne Corcuff et Sefallah Mahamat Bindi (Mont de Marsan Agglo) cherchent\xa0: Comment" in text
    assert "Lucie Leroy (Grand Angoulême) cherche\xa0: " in text
    monkeypatch.setenv("ATELIER_LANG", "en")
    text = report_as_text(data)
    assert "Corinne Corcuff et Sefallah Mahamat Bindi (Mont de Marsan Agglo) are looking for: Comment" in text
    assert "Lucie Leroy (Grand Angoulême) is looking for: " in text


def test_the_workshops_everyday_words_alone_link_nothing(example: tuple[Store, str]) -> None:
    # « territorial » is in 14 of the example's 157 statements (it is a workshop on territorial
    # employment): « initiatives territoriales » and « démarches territoriales » have nothing
    # else in common. « diagnostic économique territorial » is an offer of a theme related to
    # knowing what exists (the glossary's [voisins]): suggested for that, not for « territorial ».
    shown = _shown(*example)
    need = next(n for n in shown if n.startswith("avoir connaissance des initiatives territoriales"))
    texts = [text for text, _reasons in shown[need]]
    assert "Accompagne 31 démarches territoriales pour l'emploi sur la région." not in texts
    study = dict(shown[need]).get("Études et diagnostic économique territorial pour définir une stratégie.")
    if study is not None:
        assert any("thèmes voisins (connaissance de l'existant, diagnostic)" in r for r in study), study
    # Said with a better link, the workshop's words are still named (the ITE dispositif).
    ite = next(r for t, r in shown[need] if t.startswith("Animation du dispositif Initiatives territoriales"))
    assert ite[0] == "Le besoin et l'action disent tous deux «\xa0Initiatives territoriales\xa0»"


def test_two_everyday_words_said_together_link_a_need_and_an_action(store: Store) -> None:
    """« conseil » and « énergie » are everyday French: alone, either links by chance; both
    together say the subject."""
    workshop_id = store.workshops()[0].id
    asker = store.add_participant(Participant(workshop_id, names=["Anne Roux"], organisation="Commune"))
    need = store.add_item(
        Item(asker.id, ItemKind.NEED, "Des conseils pour baisser la facture d'énergie de l'école")
    )
    helper = store.add_participant(Participant(workshop_id, names=["Lucie Leroy"], organisation="ALEC"))
    store.add_item(
        Item(helper.id, ItemKind.ACTION, "Conseil en énergie auprès des petites communes depuis 2019")
    )
    other = store.add_participant(Participant(workshop_id, names=["Julie Thomas"], organisation="CCAS"))
    store.add_item(Item(other.id, ItemKind.ACTION, "Réunions publiques sur le budget des ménages"))
    assert shared_vectors() is not None  # with them, « énergie » and « conseil » are everyday French
    report = match_workshop(store, workshop_id, vectors=shared_vectors())
    texts = {i.id: i.text for i in store.workshop_items(workshop_id)}
    found = [texts[s.resource_id] for s in report.suggestions[need.id]]
    assert found == ["Conseil en énergie auprès des petites communes depuis 2019"]


def test_the_listing_names_a_participant_as_corrected_since_the_import(tmp_path) -> None:
    # The facilitator corrected a row's person and structure on its card after the import
    # (the grid's cell as typed is kept apart): `atelier match` credits Grégory TALVY's
    # offers and needs to the person the row now names, never to the name as first typed.
    path = tmp_path / "corrected.atelier"
    path.write_bytes(EXAMPLE.read_bytes())
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        row = next(p for p in store.participants(workshop_id) if p.names == ["Grégory TALVY"])
        store.update_participant(row.id, names=["Nadia Benali"], organisation="Département de la Gironde")
    listed = run_cli("match", str(path), "--lexical", env={"ATELIER_LANG": "fr"})
    assert listed.returncode == 0, listed.stderr
    text = listed.stdout
    assert "TALVY" not in text
    assert "Nadia Benali (Département de la Gironde) cherche\xa0: faire une veille" in text
    assert "← Nadia Benali (Département de la Gironde) [" in text
    # A row not corrected is named the same way: its people, then its structure.
    assert "Corinne Corcuff et Sefallah Mahamat Bindi (Mont de Marsan Agglo) cherchent\xa0: " in text


def test_the_listing_says_which_matches_were_confirmed(tmp_path) -> None:
    # `atelier match` listed a confirmed match as « [ressource, possible] », exactly as a
    # suggestion nobody had looked at: the facilitator could not tell what was decided.
    import json

    from atelier.domain import MatchStatus

    path = tmp_path / "decided.atelier"
    path.write_bytes(EXAMPLE.read_bytes())
    assert run_cli("match", str(path), "--lexical", "--save").returncode == 0
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        need = next(i for i in store.workshop_items(workshop_id) if i.text == "Partage d'expériences")
        kept = max(store.matches_for_need(need.id), key=lambda m: m.score)
        store.update_match(kept.id, status=MatchStatus.CONFIRMED)
        confirmed_text = store.item(kept.resource_id).text
    listed = run_cli("match", str(path), "--lexical", env={"ATELIER_LANG": "fr"})
    block = listed.stdout.split("cherche\xa0: Partage d'expériences\n", 1)[1].split("\n\n", 1)[0]
    helpers = [line for line in block.splitlines() if line.startswith("  ← ")]
    assert len(helpers) >= 2, block  # the confirmed one and the engine's suggestions
    (decided,) = [line for line in helpers if "mise en relation confirmée" in line]
    assert decided.endswith(f"\xa0: {confirmed_text}"), decided
    english = run_cli("match", str(path), "--lexical", env={"ATELIER_LANG": "en"})
    assert "confirmed match]: " + confirmed_text in english.stdout
    data = json.loads(run_cli("match", str(path), "--lexical", "--json").stdout)
    (entry,) = [n for n in data["needs"] if n["id"] == need.id]
    statuses = {s["text"]: s["status"] for s in entry["suggestions"]}
    assert statuses.pop(confirmed_text) == "confirmed"
    assert set(statuses.values()) == {"suggested"}


def _pieces_workshop(path: Path) -> None:
    """A small real workshop: two needs, each with a resource that answers it and resources
    that share only a piece of what the need says (an acronym's expansion, an expression)."""
    with Store.create(path, title="Atelier clauses et PLIE", date="2026-11-30", place="Angoulême") as store:
        workshop_id = store.workshops()[0].id
        for name, organisation, kind, text in (
            (
                "Lucie Leroy",
                "Mission locale",
                ItemKind.NEED,
                "Mieux connaître le PLIE de l'agglomération pour y orienter nos jeunes",
            ),
            (
                "Anne Roux",
                "Régie de quartier",
                ItemKind.NEED,
                "Se former aux marchés publics pour décrocher des commandes de la ville",
            ),
            (
                "Julie Thomas",
                "Département",
                ItemKind.OFFER,
                "Je peux présenter les initiatives locales sur l'emploi des seniors",
            ),
            (
                "Julie Thomas",
                "Département",
                ItemKind.ACTION,
                "Soutien aux initiatives locales des associations sportives",
            ),
            (
                "Paul Martin",
                "Agglo",
                ItemKind.OFFER,
                "Je peux présenter le plan local pour l'insertion et l'emploi et ses référents",
            ),
            (
                "Paul Martin",
                "Agglo",
                ItemKind.ACTION,
                "Animation du PLIE depuis 2015 avec 300 participants par an",
            ),
            (
                "Nadia Benali",
                "Wimoov",
                ItemKind.OFFER,
                "Je peux présenter notre plateforme de mobilité des publics en insertion",
            ),
            (
                "Eric Bedin",
                "CCI",
                ItemKind.OFFER,
                "Je peux accompagner les structures à répondre aux appels d'offres",
            ),
        ):
            found = [p for p in store.participants(workshop_id) if p.names == [name]]
            person = (
                found[0]
                if found
                else store.add_participant(Participant(workshop_id, names=[name], organisation=organisation))
            )
            store.add_item(Item(person.id, kind, text))


def _helpers(block: str) -> dict[str, list[str]]:
    """What `atelier match`'s listing suggests for a need: each resource's text, with the
    reasons said under it."""
    found: dict[str, list[str]] = {}
    reasons: list[str] = []
    for line in block.splitlines():
        suggested = re.match(r"^  ← .+? \[[^\]]*\]\xa0: (.*)$", line)
        if suggested:
            reasons = found[suggested.group(1)] = []
        elif line.startswith("      · "):
            reasons.append(line.removeprefix("      · "))
    return found


@pytest.mark.parametrize("words_only", [False, True])
def test_a_piece_of_an_acronym_or_of_an_expression_is_not_said_in_common(
    tmp_path: Path, words_only: bool
) -> None:
    # « PLIE » is the « plan local pour l'insertion et l'emploi »: for a need about it, the
    # listing said of « initiatives locales sur l'emploi des seniors » « Le besoin dit « PLIE »,
    # l'offre porte justement sur « locales sur l'emploi » », and of « mobilité des publics en
    # insertion » « … porte justement sur « insertion » »; for a need about « marchés publics »
    # (public procurement), « Le besoin et l'offre disent tous deux « publics » » of the same
    # « mobilité des publics » (the people served). Those words are pieces of something longer
    # that the other does not say: such suggestions stay, « à vérifier », claiming nothing but
    # what links them (« Seul lien : un mot pris dans un sigle ou une expression »).
    path = tmp_path / "pieces.atelier"
    _pieces_workshop(path)
    before = path.read_bytes()
    listed = run_cli("match", str(path), *(["--lexical"] if words_only else []), env={"ATELIER_LANG": "fr"})
    assert listed.returncode == 0, listed.stderr
    text = listed.stdout
    plie, procurement = text.split("\n\n")[:2]
    assert plie.startswith("Lucie Leroy (Mission locale) cherche\xa0: Mieux connaître le PLIE"), text
    assert procurement.startswith(
        "Anne Roux (Régie de quartier) cherche\xa0: Se former aux marchés publics"
    ), text
    plie_helpers, procurement_helpers = _helpers(plie), _helpers(procurement)
    for said in (
        plie_helpers.get("Je peux présenter les initiatives locales sur l'emploi des seniors"),
        plie_helpers.get("Je peux présenter notre plateforme de mobilité des publics en insertion"),
        procurement_helpers.get("Je peux présenter notre plateforme de mobilité des publics en insertion"),
    ):
        if said is not None:  # what links them, each side's word, said as no word in common
            assert said[0] == "Ressource proposée" and said[1] in PIECES, said
    assert "[ressource, à vérifier]\xa0: Je peux présenter les initiatives locales" in plie, plie
    # What answers says why: the PLIE spelled out, the action of the one who runs it, the theme.
    # (Never « Le besoin dit « PLIE », l'offre aussi : « plan local pour l'insertion » »: the need
    # says the acronym, not its words.)
    spelled = plie_helpers["Je peux présenter le plan local pour l'insertion et l'emploi et ses référents"]
    assert spelled[0] == "Ressource proposée", spelled
    assert spelled[1] == (
        "Le besoin dit «\xa0PLIE\xa0», l'offre «\xa0plan local pour l'insertion et l'emploi\xa0»\xa0: PLIE"
        " veut dire plan local pour l'insertion et l'emploi"
    ), spelled
    run = plie_helpers["Animation du PLIE depuis 2015 avec 300 participants par an"]
    # Both write « PLIE »: a word in common, with what it stands for (« PLIE = … » alone glossed it).
    assert (
        "Le besoin et l'action disent tous deux «\xa0PLIE\xa0» (plan local pour l'insertion et l'emploi)"
        in run
    ), run
    tenders = procurement_helpers["Je peux accompagner les structures à répondre aux appels d'offres"]
    assert (
        "Le besoin dit «\xa0marchés publics\xa0», l'offre «\xa0répondre aux appels d'offres\xa0»\xa0: même"
        " thème (commande publique)"
    ) in tenders, tenders
    assert path.read_bytes() == before  # listing writes nothing


def test_a_place_filled_by_meaning_names_no_piece_of_an_acronym(tmp_path: Path) -> None:
    # A resource brought by meaning alone (a place filled « à vérifier ») is explained by the
    # words it shares with the need: « PLIE » shares no word with « initiatives locales sur
    # l'emploi » (its expansion's « local » and « emploi » are not said), so none is named: the
    # meaning alone is, plainly.
    path = tmp_path / "pieces.atelier"
    _pieces_workshop(path)
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        engine = engine_for(store, workshop_id, vectors=shared_vectors())
        texts = {i.id: i.text for i in store.workshop_items(workshop_id)}
    ids = {text: item_id for item_id, text in texts.items()}
    need = ids["Mieux connaître le PLIE de l'agglomération pour y orienter nos jeunes"]
    local = ids["Je peux présenter les initiatives locales sur l'emploi des seniors"]
    said = say_all(engine.reasons(need, local, filled=True), "fr")
    assert said == ["Ressource proposée", "Seul lien\xa0: un sens voisin, à vérifier"], said
    # The PLIE spelled out is still said to be the PLIE, in so many words.
    spelled = ids["Je peux présenter le plan local pour l'insertion et l'emploi et ses référents"]
    said = say_all(engine.reasons(need, spelled), "fr")
    assert said[0] == "Ressource proposée", said
    assert "PLIE veut dire plan local pour l'insertion et l'emploi" in said[1], said
