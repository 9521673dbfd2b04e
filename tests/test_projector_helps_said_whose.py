"""A helper's spotlight lists, under « Aide », whom the room put them in touch with. It read

    → Sandrine Lassourelle (Grand Dax)
    cherche : …
    a déjà fait : <Martine's action>

the last line under Sandrine's name, as if Sandrine had done it (« propose : » the same for an
offer). The line now names whose it is, as the cards and the needs' side of the spotlight say
it: « ← Martine Colin Rabouan (…), a déjà fait : … », « ← Grégory TALVY (…) : <offer> »."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import Item, ItemKind, Match, MatchStatus
from atelier.store import Store

from .conftest import ROOT, run_cli
from .helpers.keyboard import active_window, key
from .helpers.language import window_language


def _painted(projector) -> str:
    projector.render_image()  # paints at 1920×1080 and records what the room reads
    text = "\n".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_whom_a_helper_helps_says_whose_action_and_offer_it_is(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        people = {p.names[0]: p for p in store.participants(workshop_id) if p.names}
        items = store.workshop_items(workshop_id)

        def first(name: str, kind: ItemKind):
            return next(i for i in items if i.participant_id == people[name].id and i.kind == kind)

        need = first("Sandrine Lassourelle", ItemKind.NEED)
        action = first("Martine Colin Rabouan", ItemKind.ACTION)
        # Someone with an offer, put in touch with a need of Sandrine's too.
        helper = next(
            p
            for name, p in people.items()
            if name not in ("Sandrine Lassourelle", "Martine Colin Rabouan")
            and any(i.participant_id == p.id and i.kind == ItemKind.OFFER for i in items)
        )
        offer = next(i for i in items if i.participant_id == helper.id and i.kind == ItemKind.OFFER)
        store.add_match(Match(workshop_id, need.id, action.id, MatchStatus.CONFIRMED, 0.4, []))
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4, []))
        martine = people["Martine Colin Rabouan"]
    with window_language(monkeypatch, lang):
        window = active_window(qtbot, path)
        window._select(martine.id, 0)
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        projector = window.projector
        assert projector.view == "spotlight"
        text = _painted(projector)
        helps = "Aide" if lang == "fr" else "Helps"
        whom = text[text.index(f"{helps} → Sandrine Lassourelle") :]
        did = "a déjà fait :" if lang == "fr" else "has already done:"
        # Her action, said as hers under Sandrine's need, never as Sandrine's.
        assert f"← Martine Colin Rabouan (Cité de l'emploi à Tarbes), {did} {action.text[:20]}" in whom, whom
        assert f"{did} {action.text[:20]}" not in whom.replace(
            f"(Cité de l'emploi à Tarbes), {did} {action.text[:20]}", ""
        ), whom

        # The offer's helper: their spotlight names them beside their offer too.
        window._select(helper.id, 0)
        qtbot.waitUntil(lambda: projector.participant_id == helper.id, timeout=5000)
        text = _painted(projector)
        whom = text[text.index(f"{helps} → Sandrine Lassourelle") :]
        assert f"← {helper.names[0]}" in whom and f": {offer.text[:20]}" in whom, whom
        assert whom.index(f"← {helper.names[0]}") < whom.index(f": {offer.text[:20]}"), whom
        projector.close()
        window.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_spotlight_headings_agree_with_a_row_naming_two_people(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """« Anne Martin et Paul Durand / PLIE du Grand Dax » typed in one row: the cards said
    « … cherchent : », but their spotlight (F5, Ctrl+2) was headed « Cherche », « Peut
    apporter », « Aide » under their two names. The headings agree with the title now; one
    person's spotlight keeps the singular."""
    from atelier.domain import Participant

    path = tmp_path / "atelier.atelier"
    with Store.create(path, title="Atelier emploi", date="2026-12-03", place="") as store:
        workshop_id = store.workshops()[0].id

        def row(names: list[str], organisation: str, need: str, offer: str):
            p = store.add_participant(Participant(workshop_id, names=names, organisation=organisation))
            return (
                p,
                store.add_item(Item(p.id, ItemKind.NEED, need)),
                store.add_item(Item(p.id, ItemKind.OFFER, offer)),
            )

        two, two_need, two_offer = row(
            ["Anne Martin", "Paul Durand"], "PLIE du Grand Dax", "la mobilité solidaire", "le RSA"
        )
        one, one_need, one_offer = row(
            ["François Béguin"], "Maison de l'emploi", "le RSA", "la mobilité solidaire"
        )
        store.add_match(Match(workshop_id, two_need.id, one_offer.id, MatchStatus.CONFIRMED, 0.6, []))
        store.add_match(Match(workshop_id, one_need.id, two_offer.id, MatchStatus.CONFIRMED, 0.6, []))
    plural = (
        ("Cherchent", "Peuvent apporter", "Aident") if lang == "fr" else ("Looking for", "Can offer", "Help")
    )
    single = ("Cherche", "Peut apporter", "Aide") if lang == "fr" else ("Looking for", "Can offer", "Helps")
    with window_language(monkeypatch, lang):
        window = active_window(qtbot, path)
        window._select(two.id, 0)
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        projector = window.projector
        assert projector.view == "spotlight"
        for who, headings in ((two, plural), (one, single)):
            window._select(who.id, 0)
            qtbot.waitUntil(lambda who=who: projector.participant_id == who.id, timeout=5000)
            projector.render_image()
            drawn = [" ".join(t.split()) for t in projector.drawn]
            for heading in headings:
                assert heading in drawn, (who.names, heading, drawn)
            wrong = set(single if headings is plural else plural) - set(headings)
            assert not wrong & set(drawn), (who.names, drawn)
        projector.close()
        window.close()


def test_whom_a_helper_helps_is_said_whole_when_the_page_has_room(qtbot, tmp_path: Path) -> None:
    """Under « Aide », the need of whom they help was cut after two lines (« cherche : besoin
    de ressources sur l'accompagnement des bénéficiaires du… ») above a page half empty: the
    room never read its last words. With the room for it, it is said whole, as is the offer."""
    from atelier.domain import Participant

    need_text = (
        "besoin de ressources sur l'accompagnement des bénéficiaires du RSA vers les métiers "
        "de l'aide à domicile, en lien avec les employeurs du territoire et les centres de formation"
    )
    offer_text = (
        "peut être ressource sur l'accompagnement des bénéficiaires du RSA, les métiers de l'aide "
        "à domicile et les relations avec les employeurs et les centres de formation du territoire"
    )
    path = tmp_path / "atelier.atelier"
    with Store.create(path, title="Atelier emploi", date="2026-12-03", place="") as store:
        workshop_id = store.workshops()[0].id
        helper = store.add_participant(Participant(workshop_id, names=["Anne Martin"], organisation="PLIE"))
        offer = store.add_item(Item(helper.id, ItemKind.OFFER, offer_text))
        seeker = store.add_participant(
            Participant(workshop_id, names=["Élodie Lefèvre"], organisation="Mission locale")
        )
        need = store.add_item(Item(seeker.id, ItemKind.NEED, need_text))
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.6, []))
    window = active_window(qtbot, path)
    window._select(helper.id, 0)
    key(qtbot, Qt.Key.Key_F5)
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    projector = window.projector
    assert projector.view == "spotlight" and projector.participant_id == helper.id
    text = _painted(projector)
    whom = text[text.index("Aide → Élodie Lefèvre") :]
    assert f"cherche : {need_text}" in whom, whom  # the need whole, its last words read
    assert f"← Anne Martin (PLIE) : {offer_text}" in whom, whom  # what helps, whole too
    assert "…" not in text, text
    projector.close()
    window.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_suggested_helper_says_their_structure_and_suggestion_in_one_bracket(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Under « Aide », a suggestion's helper read « ← Martine Colin Rabouan (Cité de l'emploi à
    Tarbes) (suggestion), a déjà fait : … »: two brackets in a row. One now: « (Cité de l'emploi
    à Tarbes, suggestion) »."""
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    assert run_cli("match", str(path), "--save", "--lexical").returncode == 0  # the suggestions
    with window_language(monkeypatch, lang):
        window = active_window(qtbot, path)
        qtbot.waitUntil(lambda: not window.matching._busy, timeout=60_000)
        with Store.open(path) as store:
            workshop_id = store.workshops()[0].id
            people = {p.id: p for p in store.participants(workshop_id)}
            owner = {i.id: i.participant_id for i in store.workshop_items(workshop_id)}
            suggested = [m for m in store.matches(workshop_id) if m.status == MatchStatus.SUGGESTED]
        helper = next(
            people[owner[m.resource_id]]
            for m in suggested
            if people[owner[m.resource_id]].organisation and people[owner[m.resource_id]].names
        )
        window._select(helper.id, 0)
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        projector = window.projector
        assert projector.suggestions and projector.view == "spotlight"
        qtbot.waitUntil(lambda: projector.participant_id == helper.id, timeout=5000)
        text = _painted(projector)
        helps = "Aide" if lang == "fr" else "Helps"
        assert f"{helps} →" in text, text
        whom = text[text.index(f"{helps} →") :]
        assert ") (suggestion)" not in whom, whom
        assert f"← {helper.names[0]} ({helper.organisation}, suggestion)" in whom, whom
        projector.close()
        window.close()
