"""A reason is read aloud to the room: it says what links a need and a resource (the words in
common, the theme, a meaning only close) and never more. A probe of a small workshop heard
« Le propose comme ressource » as the whole reason for « navette » to a need for « financement
FSE » (meaning alone brought it), « A déjà mené une action proche » for actions nothing but
meaning or a theme links, and « l'action déjà menée porte sur « appuie » » for a verb both say."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store

from .conftest import ROOT, run_cli
from .helpers.keyboard import active_window, key

NB = "\u00a0"
EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
# The probe's grid: who, structure, action, challenge, need, offer.
ROWS = (
    ("Anne Martin", "PLIE Landes", "forum emploi", "mobilité", "financement FSE", "ateliers CV"),
    (
        "Karim Benali",
        "Mission locale Pau",
        "garage solidaire",
        "recrutement",
        "ateliers CV",
        "financement FSE",
    ),
    ("Julie Roux", "CC Bazas", "navette", "jeunes", "mobilité rurale", "navette"),
    ("Élodie Mérignac", "Pôle emploi Mérignac", "café-rencontre", "déçus", "œuvre", "€ budget"),
)
# What the lines said that claimed a link nobody had checked, in both languages.
CLAIMS = (
    "Le propose comme ressource",
    "A déjà mené une action proche",
    "A un défi proche",
    "porte justement sur",
    "porte sur",
    "Dit la même chose autrement",
    "Offers it as a resource",
    "Has already done something close",
    "Has a similar challenge",
    "is about",
    "Says the same thing in other words",
)
KIND_LINES = {
    "fr": ("Ressource proposée", "Action déjà menée", "Un de ses défis"),
    "en": ("A resource offered", "An action already run", "One of their challenges"),
}
ALONE = {
    "fr": f"Seul lien{NB}: un sens voisin, à vérifier",
    "en": "Only link: close in meaning, to be checked",
}


def _workshop(path: Path) -> Path:
    with Store.create(path, title="Atelier de Pau", date="2026-11-23") as store:
        workshop_id = store.workshops()[0].id
        for name, structure, *texts in ROWS:
            person = store.add_participant(Participant(workshop_id, names=[name], organisation=structure))
            kinds = (ItemKind.ACTION, ItemKind.CHALLENGE, ItemKind.NEED, ItemKind.OFFER)
            for kind, text in zip(kinds, texts, strict=True):
                store.add_item(Item(person.id, kind, text))
    return path


def _listed(path: Path, lang: str) -> dict[str, dict[str, list[str]]]:
    """`atelier match` in a subprocess, with the meaning model as users have it: for each
    need, each resource's reason lines."""
    shown = run_cli("match", str(path), env={"ATELIER_LANG": lang, "ATELIER_SEMANTIC": "1"})
    assert shown.returncode == 0, shown.stderr
    found: dict[str, dict[str, list[str]]] = {}
    for block in shown.stdout.strip().split("\n\n"):
        head, *helpers = block.split("\n  ← ")
        need = head.split(f"{NB}: " if lang == "fr" else ": ", 1)[1].strip()
        found[need] = {}
        for helper in helpers:
            first, *lines = helper.split("\n")
            resource = first.split("]" + (f"{NB}: " if lang == "fr" else ": "), 1)[1]
            found[need][resource] = [line.removeprefix("      · ") for line in lines if line.strip()]
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_reason_says_what_links_the_two_and_no_more(tmp_path: Path, lang: str) -> None:
    path = _workshop(tmp_path / "pau.atelier")
    before = path.read_bytes()
    listed = _listed(path, lang)
    # « navette » for « financement FSE »: nothing but meaning links them, and it says so.
    assert listed["financement FSE"]["navette"] == [KIND_LINES[lang][0], ALONE[lang]]
    # « € budget »: what links them is the glossary's theme, named with the words of each.
    budget = listed["financement FSE"]["€ budget"]
    theme = "même thème (financement)" if lang == "fr" else "same theme (funding)"
    assert any("FSE" in line and "budget" in line and theme in line for line in budget), budget
    # An action: what it is, then the theme; never « close » on the kind line's word alone.
    assert listed["ateliers CV"]["forum emploi"][0] == KIND_LINES[lang][1]
    said = [lines for helpers in listed.values() for lines in helpers.values()]
    assert len(said) >= 6
    for lines in said:
        assert not [line for line in lines for claim in CLAIMS if claim in line], lines
        # Every suggestion names a link beyond what the resource is.
        assert [line for line in lines if line not in KIND_LINES[lang]], lines
    assert path.read_bytes() == before


def test_a_verb_both_say_is_said_as_a_word_in_common_not_a_topic() -> None:
    # In the example, Lucie Leroy asks when to « s'appuyer » on existing tools; the Bazadais
    # « appuie » craft firms: the listing said the action « porte sur « appuie » ».
    listed = _listed(EXAMPLE, "fr")
    need = next(n for n in listed if n.startswith("à quel moment doit-on s'appuyer"))
    action = next(r for r in listed[need] if r.startswith("L'EPCI appuie les entreprises artisanales"))
    assert listed[need][action][0] == f"Le besoin dit «{NB}appuyer{NB}», l'action aussi{NB}: «{NB}appuie{NB}»"
    english = _listed(EXAMPLE, "en")
    need = next(n for n in english if n.startswith("à quel moment doit-on s'appuyer"))
    assert english[need][action][0] == "The need says “appuyer”, and so does the action: “appuie”"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_window_card_says_meaning_alone_plainly(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv("ATELIER_LANG", lang)
    monkeypatch.setenv("ATELIER_SEMANTIC", "1")
    path = _workshop(tmp_path / "pau.atelier")
    window = active_window(qtbot, path)
    qtbot.waitUntil(lambda: bool(window.store.matches(window.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # Anne Martin's suggestions
    tree = window.panel.matches.tree_model
    need = tree.item(0)
    assert need.text() == "financement FSE"
    cards = [need.child(i).text() for i in range(need.rowCount())]
    card = next(text for text in cards if "— navette" in text)
    assert KIND_LINES[lang][0] in card and ALONE[lang] in card, card
    for text in cards:
        assert not [claim for claim in CLAIMS if claim in text], text
    window.close()
