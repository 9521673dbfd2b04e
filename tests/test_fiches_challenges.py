"""On a participant's page, a challenge someone could share is not « what you already do ».

The probe's page for Julie Roux put « « mobilité » Julie Roux pourrait partager ce défi » under
« Ce que vous faites déjà et qui pourrait en intéresser d'autres » (« What you already do… »):
a challenge is not something one does. Actions stay under that heading; challenges get theirs,
which says whether someone shares them or only could, in French and in English."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Reason, ReasonKind
from atelier.exports.fiches import fiches_for, write_fiches
from atelier.store import Store

from .test_fiches import _pages

HEADINGS = {
    "fr": {
        "doing": "Ce que vous faites déjà et qui pourrait en intéresser d'autres",
        "could": "Vos défis, que d'autres pourraient partager",
        "shared": "Vos défis, partagés par d'autres",
        "share_line": "Zoé Martin pourrait partager ce défi avec vous :",
        "shared_line": "Zoé Martin partage ce défi avec vous :",
    },
    "en": {
        "doing": "What you already do that could interest others",
        "could": "Your challenges, which others could share",
        "shared": "Your challenges, shared by others",
        "share_line": "Zoé Martin could share this challenge with you:",
        "shared_line": "Zoé Martin shares this challenge with you:",
    },
}


def _sections(page: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Each level-1 heading of the page and the lines under it, up to the next one."""
    found: dict[str, list[str]] = {}
    current = ""
    for style, text in page:
        if style == "Heading 1":
            current = text
            found[current] = []
        elif current:
            found[current].append(text)
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("decided", [False, True])
def test_a_shared_challenge_has_its_own_heading(tmp_path: Path, lang: str, decided: bool) -> None:
    target = tmp_path / "defis.atelier"
    with Store.create(target, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop_id = store.workshops()[0].id
        paul = store.add_participant(Participant(workshop_id, names=["Paul Durand"], organisation="CC Médoc"))
        zoe = store.add_participant(
            Participant(workshop_id, names=["Zoé Martin"], organisation="Mission locale Bazas")
        )
        seasonal = store.add_item(Item(zoe.id, ItemKind.NEED, "recruter des saisonniers"))
        club = store.add_item(Item(paul.id, ItemKind.ACTION, "club d'entreprises Médoc"))
        summer = store.add_item(Item(paul.id, ItemKind.CHALLENGE, "recruter des saisonniers l'été"))
        store.add_match(Match(workshop_id, seasonal.id, club.id, MatchStatus.SUGGESTED, 0.5, []))
        status = MatchStatus.CONFIRMED if decided else MatchStatus.SUGGESTED
        # On the need's subject, as the engine says it (tests/test_link_captions.py: when not).
        why = [Reason(ReasonKind.CHALLENGE, ("recruter des saisonniers",), need="recruter des saisonniers")]
        store.add_match(Match(workshop_id, seasonal.id, summer.id, status, 0.5, why))
    with Store.open(target, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.workshops()[0].id, match_first=False, lang=lang)
    written = write_fiches(workshop, fiches, tmp_path / "p.docx", lang=lang)
    pages = {page[0][1]: page for page in _pages(docx.Document(str(written)))}
    sections = _sections(pages["Paul Durand"])
    said = HEADINGS[lang]
    doing = next((lines for heading, lines in sections.items() if heading.startswith(said["doing"][:20])), [])
    assert not any("saisonniers l" in line or "ce défi" in line or "challenge" in line for line in doing), (
        doing
    )
    challenges = sections[said["shared" if decided else "could"]]
    assert challenges[0].endswith("recruter des saisonniers l'été»") or "saisonniers l'été" in challenges[0]
    assert said["shared_line" if decided else "share_line"] in challenges, challenges


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_challenge_only_meaning_links_to_a_need_is_not_said_shareable(tmp_path: Path, lang: str) -> None:
    """A suggestion whose only link is a closeness of meaning (« Seul lien : un sens voisin, à
    vérifier ») said « Zoé Martin pourrait partager ce défi avec vous » under « Vos défis, que
    d'autres pourraient partager »: Atelier's reading, said as such, under « Vos défis »."""
    from atelier.domain import NEAR_MEANING

    target = tmp_path / "defis.atelier"
    with Store.create(target, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop_id = store.workshops()[0].id
        paul = store.add_participant(Participant(workshop_id, names=["Paul Durand"], organisation="CC Médoc"))
        zoe = store.add_participant(
            Participant(workshop_id, names=["Zoé Martin"], organisation="Mission locale Bazas")
        )
        need = store.add_item(Item(zoe.id, ItemKind.NEED, "des échanges de pratiques"))
        challenge = store.add_item(
            Item(paul.id, ItemKind.CHALLENGE, "faciliter l'interconnaissance des élus")
        )
        why = [Reason(ReasonKind.CHALLENGE), Reason(ReasonKind.MEANING, detail=NEAR_MEANING)]
        store.add_match(Match(workshop_id, need.id, challenge.id, MatchStatus.SUGGESTED, 0.3, why))
    with Store.open(target, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.workshops()[0].id, match_first=False, lang=lang)
    written = write_fiches(workshop, fiches, tmp_path / "p.docx", lang=lang)
    sections = _sections({page[0][1]: page for page in _pages(docx.Document(str(written)))}["Paul Durand"])
    heading, line = {
        "fr": ("Vos défis", "Atelier rapproche ce défi d'un besoin noté par Zoé Martin :"),
        "en": ("Your challenges", "Atelier links this challenge to a need noted by Zoé Martin:"),
    }[lang]
    assert line in sections[heading], sections
    assert not any("partag" in text or "share" in text for lines in sections.values() for text in lines)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_challenge_only_a_glossary_theme_links_to_a_need_is_not_said_shared(
    tmp_path: Path, lang: str
) -> None:
    """A confirmed match between a need and a challenge whose only link is a theme of the
    glossary (« interconnaissance » and « coopération », theme « coopération »: the example's
    Lucie Leroy and Marion GIORDANI) is not « the same challenge » (reasons.on_its_subject): the
    page says the match was made on this challenge, never that the other person shares it, as
    the README now says (it claimed a theme in common was enough)."""
    target = tmp_path / "defis.atelier"
    with Store.create(target, title="Atelier du 15 mars 2022", date="2022-03-15") as store:
        workshop_id = store.workshops()[0].id
        paul = store.add_participant(Participant(workshop_id, names=["Paul Durand"], organisation="PLIE"))
        zoe = store.add_participant(Participant(workshop_id, names=["Zoé Martin"], organisation="CC Médoc"))
        need = store.add_item(
            Item(zoe.id, ItemKind.NEED, "des projets où l'interconnaissance a été facilitée")
        )
        challenge = store.add_item(Item(paul.id, ItemKind.CHALLENGE, "Aller vers plus de coopération"))
        why = [
            Reason(ReasonKind.CHALLENGE),
            Reason(ReasonKind.TOPIC, term="coopération", need="interconnaissance", resource="coopération"),
        ]
        store.add_match(Match(workshop_id, need.id, challenge.id, MatchStatus.CONFIRMED, 0.3, why))
    with Store.open(target, readonly=True) as store:
        workshop, fiches = fiches_for(store, store.workshops()[0].id, match_first=False, lang=lang)
    written = write_fiches(workshop, fiches, tmp_path / "p.docx", lang=lang)
    sections = _sections({page[0][1]: page for page in _pages(docx.Document(str(written)))}["Paul Durand"])
    heading, line = {
        "fr": ("Vos défis", "Mise en relation confirmée avec Zoé Martin sur ce défi :"),
        "en": ("Your challenges", "Match confirmed with Zoé Martin on this challenge:"),
    }[lang]
    assert line in sections[heading], sections
    assert not any("partag" in text or "share" in text for lines in sections.values() for text in lines)
