"""A helper's spotlight lists, under « Aide », whom the room put them in touch with, then counts
what did not fit: « → + 3 autres personnes ». It counted the lines left out, not the people:
Grégory TALVY put in touch with six needs of one newcomer was said to help « + 3 autres
personnes » under her name shown three times (on the imported March grid, suggestions on:
« + 10 autres personnes » for seven people in all). The room now reads how many other people
there are, or, when the lines left out are more needs of someone already shown, « + 3 autres
besoins d'Agnès Martin (…) »."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import MatchStatus

from .helpers.keyboard import active_example_window, key, match_by_hand, type_text
from .helpers.language import window_language

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NEWCOMER = "Agnès Martin / Mairie de Lesparre"
NEEDS = [
    "trouver des bénévoles pour l'accueil",
    "un local pour les permanences",
    "des contacts de chefs d'entreprise",
    "un véhicule pour les tournées",
    "une aide au montage de dossiers",
    "des retours d'expérience d'autres territoires",
]
OFFER = "faire du lien entre certains partenaires"  # Grégory TALVY's, in the example


def _painted(projector) -> str:
    projector.render_image()  # paints at 1920×1080 and records what the room reads
    text = "\n".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    return text


def _by_hand(qtbot, window, need_row: int, choice: str) -> None:
    """Ctrl+Maj+K on the line of need `need_row` in « Qui peut aider ? », `choice` taken."""
    panel = window.panel.matches
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(panel.tree_model.item(need_row).index())
    match_by_hand(qtbot, window, lambda _qtbot, combo: combo.setCurrentIndex(combo.findText(choice)))


@pytest.mark.usefixtures("no_modal_boxes")
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_whom_a_helper_helps_is_counted_in_people_not_in_lines(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    with window_language(monkeypatch, lang):
        window = active_example_window(qtbot, tmp_path)
        store, model = window.store, window.model
        # A newcomer typed in at the end of the grid, with six needs.
        key(qtbot, Qt.Key.Key_End, CTRL)
        key(qtbot, Qt.Key.Key_N, CTRL)
        type_text(NEWCOMER)
        for _ in range(3):  # to « Besoins de ressources »
            key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_F2)
        for n, need in enumerate(NEEDS):
            if n:
                key(qtbot, Qt.Key.Key_Return)
            type_text(need)
        key(qtbot, Qt.Key.Key_Tab)
        agnes = next(p for p in model.participants() if "Agnès Martin" in p.names)
        assert [i.text for i in model.items_of(agnes.id, "need")] == NEEDS
        gregory = next(p for p in model.participants() if "Grégory TALVY" in p.names)

        # Each of them put in touch by hand with Grégory TALVY's offer.
        window._select(agnes.id, 3)
        key(qtbot, Qt.Key.Key_M, CTRL)
        for row in range(len(NEEDS)):
            _by_hand(qtbot, window, row, f"Grégory TALVY (Région N-A) — {OFFER}")
        assert len(store.matches(model.workshop_id, MatchStatus.MANUAL)) == len(NEEDS)

        # Grégory in the spotlight: one person helped, six of her needs.
        window._select(gregory.id, 0)
        window.grid.setFocus()
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_2, CTRL)
        projector = window.projector
        assert projector.view == "spotlight"
        qtbot.waitUntil(lambda: "Agnès Martin" in _painted(projector), timeout=10_000)
        lines = _painted(projector).splitlines()
        helps = "Aide" if lang == "fr" else "Helps"
        whom = lines[lines.index(helps) :]
        shown = sum(1 for line in whom if line.startswith("→ Agnès Martin"))
        assert 0 < shown < len(NEEDS), whom  # some of them left out: counted
        left = len(NEEDS) - shown
        people = ("autre personne", "autres personnes") if lang == "fr" else ("other person", "other people")
        assert not any(p in line for line in whom for p in people), whom
        if lang == "fr":
            said = f"→ + {left} {'autre besoin' if left == 1 else 'autres besoins'} d'Agnès Martin"
        else:
            said = f"→ + {left} {'more need' if left == 1 else 'more needs'} of Agnès Martin"
        assert any(line.startswith(said) for line in whom), whom

        # Someone else helped too, after her: one more person, whatever is left of hers.
        projector.close()
        lucie = next(p for p in model.participants() if "Lucie Leroy" in p.names)
        window._select(lucie.id, 3)
        window.grid.setFocus()
        key(qtbot, Qt.Key.Key_M, CTRL)
        _by_hand(qtbot, window, 0, f"Grégory TALVY (Région N-A) — {OFFER}")
        window._select(gregory.id, 0)
        window.grid.setFocus()
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_2, CTRL)
        projector = window.projector
        qtbot.waitUntil(lambda: "Lucie Leroy" in _painted(projector) or people[0] in _painted(projector))
        lines = _painted(projector).splitlines()
        whom = lines[lines.index(helps) :]
        assert not any(line.startswith("→ Lucie Leroy") for line in whom), whom
        assert f"→ + 1 {people[0]}" in whom, whom
        projector.close()
        window.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_helps_left_out_under_a_need_are_counted_as_what_they_are(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Under a need, the spotlight lists what each helper brings, one line each, and counts the
    lines that did not fit: « ← + 8 autres aides », in English « ← + 8 more helpers », said of
    eight actions of one single helper. It counts lines of help, not people: « ← + 8 more
    offers of help »."""
    import shutil

    from atelier.domain import Item, ItemKind, Match
    from atelier.store import Store

    from .conftest import ROOT
    from .helpers.keyboard import active_window

    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        people = {p.names[0]: p.id for p in store.participants(workshop_id) if p.names}
        items = store.workshop_items(workshop_id)
        need = next(i for i in items if i.participant_id == people["Aurélié TONNOIR"] and i.kind == "need")
        elise = [i for i in items if i.participant_id == people["Elise ENNAHLI"] and i.kind == "action"]
        for number in range(1, 11):  # ten more of hers: more than the page holds
            said = f"Rencontre des acteurs de l'emploi du canton n° {number} et de leurs partenaires"
            elise.append(store.add_item(Item(people["Elise ENNAHLI"], ItemKind.ACTION, said)))
        for action in elise:  # all her actions put in touch with the one need
            store.add_match(Match(workshop_id, need.id, action.id, MatchStatus.CONFIRMED, 0.4, []))
    with window_language(monkeypatch, lang):
        window = active_window(qtbot, path)
        window._select(people["Aurélié TONNOIR"], 0)
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_2, CTRL)
        projector = window.projector
        assert projector.view == "spotlight"
        lines = _painted(projector).splitlines()
        said = [line for line in lines if line.startswith("← Elise ENNAHLI")]
        counted = [line for line in lines if line.startswith("← + ")]
        assert len(counted) == 1, lines
        left = len(elise) - len(said)
        assert left > 1, lines
        if lang == "fr":
            assert counted == [f"← + {left} autres aides"], counted
        else:
            assert counted == [f"← + {left} more offers of help"], counted
        projector.close()
        window.close()
