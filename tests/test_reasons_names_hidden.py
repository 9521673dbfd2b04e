"""Names hidden (the projector's Ctrl+Maj+M, anonymised minutes and tables): a person is replaced
by their structure, and a reason that named both read « Le besoin cite « Cité de l'emploi » :
Cité de l'emploi à Tarbes (Cité de l'emploi à Tarbes) est là ». Every kind of reason, with names
hidden, says each structure once and no one's name."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Reason, ReasonKind
from atelier.exports import gather
from atelier.projection import build
from atelier.store import Store

from .conftest import ROOT, run_cli
from .helpers.keyboard import active_window, key

TARBES = "Cité de l'emploi à Tarbes"
# « X (X) », « X (X n° 2) »: a label said twice in a row.
DOUBLED = re.compile(r"([^\s«»():][^«»():]*?)\s*\(\s*\1(?:\s+n°\s*\d+)?\s*\)")


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# « X et X sont là »: two people of one structure, each replaced by it.
TWICE = re.compile(r"(?<![^\s:])([^\s«»():][^«»():]*?) (?:et|and) \1(?=[\s(]|$)")


def _doubled(text: str) -> list[str]:
    return [m.group(0) for pattern in (DOUBLED, TWICE) for m in pattern.finditer(_plain(text))]


def test_the_pattern_finds_what_the_room_read() -> None:
    assert _doubled(f"Le besoin cite « Cité de l'emploi » : {TARBES} ({TARBES}) est là")
    assert _doubled(f"Le besoin cite « Cité de l'emploi » : {TARBES} et {TARBES} sont là")
    assert not _doubled(f"Le besoin cite « Cité de l'emploi » : Martine Colin Rabouan ({TARBES}) est là")
    assert not _doubled(
        f"Le besoin cite « Cité de l'emploi » : Martine Colin Rabouan et Zoé Martin ({TARBES}) sont là"
    )


def _every_kind(path: Path) -> tuple[str, list[str]]:
    """A workshop where Sandrine Lassourelle (Grand Dax) needs what Martine Colin Rabouan and
    Zoé Martin (Cité de l'emploi à Tarbes) offer, confirmed with one reason of each kind, every
    one naming them where its data can."""
    people = ("Martine Colin Rabouan", "Zoé Martin")
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        seeker = store.add_participant(
            Participant(workshop_id, names=["Sandrine Lassourelle"], organisation="Grand Dax")
        )
        helper = store.add_participant(Participant(workshop_id, names=list(people), organisation=TARBES))
        need = store.add_item(
            Item(seeker.id, ItemKind.NEED, "un exemple de la Cité de l'emploi avec Martine Colin Rabouan")
        )
        name = people[0]
        reasons = [
            Reason(ReasonKind.CITED, people, term="Cité de l'emploi", resource=TARBES),
            Reason(ReasonKind.CITED, (name,), term="Cité de l'emploi", resource=TARBES),
            Reason(ReasonKind.OFFER, (name,)),
            Reason(ReasonKind.ACTION, (name,), need=name),
            Reason(ReasonKind.CHALLENGE, (name,)),
            Reason(ReasonKind.WORDS, (name, "Cité de l'emploi")),
            Reason(ReasonKind.TOPIC, term="coopération", need=name, resource="réseau"),
            Reason(ReasonKind.ACRONYM, term="MCR", need="MCR", resource=name, detail=name),
            Reason(ReasonKind.MEANING, need=name, resource="Cité de l'emploi"),
            Reason(ReasonKind.NEIGHBOUR, term="coopération", need=name, resource="réseau"),
            Reason(ReasonKind.EARLIER, term="2020-03-10", detail="2020-03-10"),
            Reason(ReasonKind.TEXT, detail=f"vu avec {name} ({TARBES})"),
        ]
        assert {r.kind for r in reasons} == set(ReasonKind)
        for number, reason in enumerate(reasons):
            offer = store.add_item(
                Item(
                    helper.id,
                    ItemKind.OFFER,
                    f"présenter la Cité de l'emploi (Martine Colin Rabouan) {number}",
                )
            )
            store.add_match(
                Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.9 - number / 100, [reason])
            )
    return workshop_id, [*people, "Martine", "Rabouan", "Zoé"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_kind_of_reason_says_a_structure_once_once_names_are_hidden(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "cite.atelier"
    workshop_id, names = _every_kind(path)
    with Store.open(path) as store:
        shown = build(store, workshop_id, private=True, lang=lang)
        data = gather(store, workshop_id, anonymise=True, match_first=False, lang=lang)
        open_ = build(store, workshop_id, private=False, lang=lang)
    said: list[str] = []
    for card in shown.cards:
        said += [card.because, *card.reasons, *card.brief]
    for row in data.matches:
        said += [*row.reasons, row.reason]
    assert len(shown.cards) == 12 and len(data.matches) == 12
    for text in said:
        assert not _doubled(text), text
        assert not any(n in text for n in names), text
    # « … : Cité de l'emploi à Tarbes est là » (« is here »): the structure, once.
    here = "est là" if lang == "fr" else "is here"
    cited = [t for t in said if here in t]
    assert cited and all(_plain(t).rstrip(".").endswith(f"{TARBES} {here}") for t in cited), cited
    # With names shown, the people and their structure, as before.
    named = [r for c in open_.cards for r in c.reasons if "Martine Colin Rabouan" in r]
    assert any(f"Martine Colin Rabouan et Zoé Martin ({TARBES})" in _plain(r) for r in named) or any(
        f"Martine Colin Rabouan and Zoé Martin ({TARBES})" in _plain(r) for r in named
    ), named


def test_the_probe_s_match_on_the_projector_and_in_the_anonymised_minutes(qtbot, tmp_path: Path) -> None:
    """Sandrine Lassourelle's need cites « Cité de l'emploi »; Martine Colin Rabouan is put in touch
    with it, then Ctrl+Maj+M: the card says « Cité de l'emploi à Tarbes est là », once; so do the
    anonymised minutes and table."""
    from atelier.matching import match_workshop, save_suggestions

    path = tmp_path / "pv.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        save_suggestions(store, workshop_id, match_workshop(store, workshop_id).suggestions)
        cited = [m for m in store.matches(workshop_id) if any(r.kind == ReasonKind.CITED for r in m.reasons)]
        assert cited
        for match in cited:
            store.update_match(match.id, status=MatchStatus.CONFIRMED)
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_F5)
    projector = window.projector
    qtbot.keyClick(
        window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert projector.private
    card = next(c for c in projector.projection.cards if any("est là" in r for r in c.reasons))
    assert not _doubled(" ".join(card.reasons)), card.reasons
    assert any(_plain(r).endswith(f"{TARBES} est là") for r in card.reasons), card.reasons
    projector.close()
    window.close()

    table = tmp_path / "pva.xlsx"
    result = run_cli("export", str(path), "--xlsx", str(table), "--anonymise")
    assert result.returncode == 0, result.stderr
    from openpyxl import load_workbook

    cells = [
        str(c.value)
        for sheet in load_workbook(table).worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.value
    ]
    assert any("est là" in c for c in cells)
    assert not [c for c in cells if _doubled(c)], [c for c in cells if _doubled(c)]
