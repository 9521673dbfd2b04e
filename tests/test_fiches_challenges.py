"""On a participant's page, a challenge someone could share is not « what you already do ».

The probe's page for Julie Roux put « « mobilité » Julie Roux pourrait partager ce défi » under
« Ce que vous faites déjà et qui pourrait en intéresser d'autres » (« What you already do… »):
a challenge is not something one does. Actions stay under that heading; challenges get theirs,
which says whether someone shares them or only could, in French and in English."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant
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
        store.add_match(Match(workshop_id, seasonal.id, summer.id, status, 0.5, []))
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
