"""A reason is read aloud to the room: it says what links a need and a resource (the words in
common, the theme, a meaning only close) and never more. A probe of a small workshop heard
« Le propose comme ressource » as the whole reason for « navette » to a need for « financement
FSE » (meaning alone brought it), « A déjà mené une action proche » for actions nothing but
meaning or a theme links, and « l'action déjà menée porte sur « appuie » » for a verb both say."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import Item, ItemKind, Participant
from atelier.store import Store

from .conftest import ROOT, run_cli
from .helpers.dev_workshops import dev_workshop
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

    # Confirmed (Ctrl+Maj+C), the facilitator checked it: its card in « Qui peut aider ? » and
    # its reason in « Suivi » (Alt+2) said « …, à vérifier » still; now « Seul lien : un sens
    # voisin », as the projector and the minutes say it.
    store = window.store
    (navette,) = [
        m
        for m in store.matches(window.model.workshop_id)
        if store.item(m.need_id).text == "financement FSE"
        and store.item(m.resource_id).text == "navette"
        and store.item(m.resource_id).kind == ItemKind.OFFER
    ]
    assert window.panel.matches.select_match(navette.id)
    key(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    decided, check = ALONE[lang].rsplit(", ", 1)  # « Seul lien : un sens voisin », « à vérifier »
    need = tree.item(0)
    (card,) = [need.child(i) for i in range(need.rowCount()) if need.child(i).text().startswith("✔")]
    assert "— navette" in card.text() and decided in card.text(), card.text()
    assert check not in card.text() and check not in card.toolTip(), card.toolTip()
    from atelier.ui.followup_view import COL_RESOURCE

    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    followed = window.followup.table.model()
    (row,) = range(followed.rowCount())
    tip = str(followed.index(row, COL_RESOURCE).data(Qt.ItemDataRole.ToolTipRole))
    assert decided in tip and check not in tip, tip
    window.close()


# ------------------------------------------------------------------ acronyms and their expansions
# A probe's grids: « TPE » (très petites entreprises) and an offer « Club d'entreprises » were
# said « Le besoin dit « TPE », l'offre aussi : « entreprises » »: the offer never says TPE, it
# shares a word of the acronym's expansion. « PAT » (projet alimentaire territorial) and
# « Projet alimentaire local » likewise.
TPE_GRID = (
    "Participants;Besoins;Ressources\n"
    "Céline Dallet, CC Val de Gâtine;Étude sur les TPE;Diagnostic territorial\n"
    "Denis Paineau, CdC du Bazadais;Financement;Club d'entreprises\n"
)
PAT_GRID = (
    "Participants;Besoins;Ressources\n"
    "Anne Martin, CC Landes;Monter un PLIE;Diagnostic\n"
    "Karim Benali, ML Dax;Financement;Accompagnement vers l'emploi\n"
    "Sophie Roux, MDE;Rien;Projet alimentaire local\n"
    "Jean Dupont, CCAS;Démarche PAT;Rien du tout\n"
)
VAE_GRID = (
    "Participants;Besoins;Ressources\n"
    "Anne Martin, CC Landes;Faire valider un diplôme;Diagnostic\n"
    "Karim Benali, ML Dax;Financement;Présenter la VAE\n"
)


def _imported(tmp_path: Path, name: str, grid: str) -> Path:
    source = tmp_path / f"{name}.csv"
    source.write_text(grid, encoding="utf-8")
    target = tmp_path / f"{name}.atelier"
    done = run_cli("import", str(source), "-o", str(target))
    assert done.returncode == 0, done.stderr
    return target


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_acronym_is_never_said_by_the_side_that_only_shares_a_word_of_its_expansion(
    tmp_path: Path, lang: str
) -> None:
    q = (f"«{NB}", f"{NB}»") if lang == "fr" else ("“", "”")
    colon = f"{NB}:" if lang == "fr" else ":"
    tpe = _listed(_imported(tmp_path, "tpe", TPE_GRID), lang)["Étude sur les TPE"]["Club d'entreprises"]
    pat = _listed(_imported(tmp_path, "pat", PAT_GRID), lang)["Démarche PAT"]["Projet alimentaire local"]
    for lines, acronym in ((tpe, "TPE"), (pat, "PAT")):
        # Nothing says the offer says the acronym, nor that both say the same thing.
        assert not [line for line in lines if "aussi" in line or "and so does" in line], lines
        assert not [line for line in lines if "disent tous deux" in line or "both say" in line], lines
        assert all(f"{q[0]}{acronym}{q[1]}" not in line.split(",", 1)[-1] for line in lines), lines
    # What links them is said as it is: the glossary's theme, with the words of each side.
    theme = "même thème" if lang == "fr" else "same theme"
    assert any(f"{q[0]}Club d'entreprises{q[1]}{colon} {theme}" in line for line in tpe), tpe
    # A word of the expansion no theme's line quotes: the acronym, the offer's word, what the
    # acronym stands for (it said « Le besoin dit « valider », l'offre aussi : « VAE » »).
    vae = _listed(_imported(tmp_path, "vae", VAE_GRID), lang)["Faire valider un diplôme"]["Présenter la VAE"]
    assert not [line for line in vae if "aussi" in line or "and so does" in line], vae
    if lang == "fr":
        said = f"Le besoin dit {q[0]}valider{q[1]}, l'offre {q[0]}VAE{q[1]}{colon} VAE veut dire"
    else:
        said = f"The need says {q[0]}valider{q[1]}, the offer {q[0]}VAE{q[1]}{colon} VAE stands for"
    meaning = "" if lang == "fr" else " (accreditation of prior experience)"
    assert f"{said} validation des acquis de l'expérience{meaning}" in vae, vae


# Snowball cuts « français » and « France », « départ » and « Département » to one stem: the
# listing said « Le besoin dit « français », l'offre aussi : « France » » of a need for French
# lessons and an offer to present France Travail (development workshop A).
FALSE_FRIENDS_GRID = (
    "Participants;Besoins;Ressources\n"
    "Anne Martin, CC Landes;Cours de français pour les allocataires;Diagnostic\n"
    "Karim Benali, ML Dax;Aide au départ en vacances des familles;Présenter France Travail aux allocataires\n"
    "Sophie Roux, MDE;Rien;Accompagnement des familles avec le Département\n"
)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_two_words_of_one_stem_and_two_meanings_are_never_said_to_be_the_same(
    tmp_path: Path, lang: str
) -> None:
    q = (f"«{NB}", f"{NB}»") if lang == "fr" else ("“", "”")
    listed = _listed(_imported(tmp_path, "faux", FALSE_FRIENDS_GRID), lang)
    lessons = listed["Cours de français pour les allocataires"]["Présenter France Travail aux allocataires"]
    holidays = listed["Aide au départ en vacances des familles"][
        "Accompagnement des familles avec le Département"
    ]
    # The word both say is said; the other, said by one side only, is no word in common.
    said = "Le besoin et l'offre disent tous deux" if lang == "fr" else "The need and the offer both say"
    assert lessons[0] == f"{said} {q[0]}allocataires{q[1]}", lessons
    for lines, word in ((lessons, "France"), (holidays, "Département")):
        assert not [line for line in lines if f"{q[0]}{word}" in line], lines
    assert not [line for line in lessons if f"{q[0]}français" in line], lessons
    assert not [line for line in holidays if f"{q[0]}départ{q[1]}" in line], holidays


# Nothing but two words of one stem and two meanings links a need and an offer: « isolement »
# (of people) and « isolation » (of a building). Said « Le besoin dit « isolement », l'offre
# aussi : « isolation » », then « … se ressemblent sans être le même mot »: nothing links them,
# the offer is not suggested for the need.
ALIKE_GRID = (
    "Participants;Besoins;Ressources\n"
    "Anne Martin, CC Landes;Rompre l'isolement des seniors;Diagnostic\n"
    "Karim Benali, ML Dax;Financement;Conseils sur l'isolation\n"
    "Sophie Roux, MDE;Rien;Rompre l'isolement : visites à domicile\n"
)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_two_words_that_only_look_alike_link_nothing(tmp_path: Path, lang: str) -> None:
    listed = _listed(_imported(tmp_path, "alike", ALIKE_GRID), lang)
    assert list(listed["Rompre l'isolement des seniors"]) == ["Rompre l'isolement : visites à domicile"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_reason_stored_for_two_words_that_only_look_alike_is_said_as_such(lang: str) -> None:
    from atelier.domain import SPELLED_ALIKE, Reason, ReasonKind
    from atelier.reasons import say

    stored = Reason(ReasonKind.WORDS, need="isolement", resource="isolation", detail=SPELLED_ALIKE)
    if lang == "fr":
        words = f"«{NB}isolement{NB}» et «{NB}isolation{NB}»"
        alike = f"Seul lien{NB}: {words} se ressemblent sans être le même mot, à vérifier"
    else:
        alike = "Only link: “isolement” and “isolation” look alike but are not the same word, to be checked"
    assert say(stored, lang) == alike


def _stems(text: str) -> set[str]:
    from atelier.matching.text import tokens

    return {t.stem for t in tokens(text)}


@cache
def _false_friends() -> dict[str, str]:
    """Each word of resources/faux_amis.toml (as written, lowercase) -> the stem of its own."""
    import tomllib

    from atelier.paths import resources_dir

    data = tomllib.loads((resources_dir() / "faux_amis.toml").read_text(encoding="utf-8"))
    return {form: key for key, forms in data["mots"].items() for form in forms}


def _words(text: str) -> set[str]:
    """A text's words as one word each, whatever its form: its stem, unless the list of words
    Snowball cuts to the stem of another (faux_amis.toml) gives it one of its own: « France »
    and « français », « départ » and « Département » are two words, not one."""
    from atelier.matching.text import tokens

    own = _false_friends()
    found = set()
    for token in tokens(text):
        lower = token.surface.lower()
        singular = lower[:-1] if len(lower) > 3 and lower[-1] in "sx" and lower[-2] != "s" else lower
        found.add(own.get(lower) or own.get(singular) or token.stem)
    return found


def _untrue(reason, need: str, resource: str, held: tuple[dict[str, float], dict[str, float]], expansions):
    """What a reason claims that the two texts, as the engine reads them, do not say."""
    from atelier.domain import ReasonKind
    from atelier.reasons import KIND_REASONS

    wrong: list[str] = []
    need_text, resource_text = need.lower(), resource.lower()
    if reason.kind in KIND_REASONS and reason.words and reason.need:
        # « Le besoin dit « a », l'offre aussi : « b » » / « … disent tous deux … »: each side
        # says its words, and each word of one is a word of the other.
        asked = reason.need.split(", ")
        wrong += [f"the need never says {w!r}" for w in asked if w.lower() not in need_text]
        wrong += [f"the resource never says {w!r}" for w in reason.words if w.lower() not in resource_text]
        # The same word, not two of one stem (« français » / « France »).
        theirs = set().union(*(_words(w) for w in reason.words))
        ours = set().union(*(_words(w) for w in asked))
        wrong += [f"{w!r} is not said by the resource" for w in asked if not _words(w) & theirs]
        wrong += [f"{w!r} is not said by the need" for w in reason.words if not _words(w) & ours]
    elif reason.kind == ReasonKind.CITED and reason.term.lower() not in need_text:
        wrong.append(f"the need never names {reason.term!r}")
    elif reason.kind in (ReasonKind.TOPIC, ReasonKind.NEIGHBOUR, ReasonKind.ACRONYM, ReasonKind.MEANING):
        if reason.need and reason.need.lower() not in need_text:
            wrong.append(f"the need never says {reason.need!r}")
        if reason.resource and reason.resource.lower() not in resource_text:
            wrong.append(f"the resource never says {reason.resource!r}")
        if reason.kind == ReasonKind.TOPIC and not all(f"f:{reason.term}" in side for side in held):
            wrong.append(f"not both of the theme {reason.term!r}")
        if reason.kind == ReasonKind.NEIGHBOUR and not (
            f"f:{reason.term}" in held[0] and f"f:{reason.detail}" in held[1]
        ):
            wrong.append(f"not the themes {reason.term!r} and {reason.detail!r}")
        if reason.kind == ReasonKind.ACRONYM and reason.need and reason.resource:
            # One side says the acronym; the other says it too, or its expansion, or words of it.
            meaning = _stems(expansions.get(reason.term, "")) | _stems(reason.term)
            for said, side in ((reason.need, "need"), (reason.resource, "resource")):
                if not _stems(said) & meaning:
                    wrong.append(f"the {side}'s {said!r} is neither {reason.term} nor a word of it")
            if f"a:{reason.term}" not in held[0] and f"a:{reason.term}" not in held[1]:
                wrong.append(f"neither says {reason.term}")
    return wrong


@pytest.mark.parametrize("meaning", [True, False])
def test_every_reason_of_the_tuned_on_workshops_says_only_what_both_texts_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, meaning: bool
) -> None:
    """Generated over the example and the four development workshops, with the meaning model
    as users have it and on words alone (`--lexical`): every word a reason quotes from a side
    is in that side's text; words « in common » are the same word on both sides (never an
    acronym on one side and a word of its expansion on the other, nor two words Snowball cuts
    alike: « français » / « France », resources/faux_amis.toml); a theme or an acronym named
    is held by the sides it is said of; a structure said to be named is named by the need."""
    import shutil

    from atelier.matching import engine_for, match_workshop, semantic
    from atelier.reasons import say_all

    monkeypatch.setenv("ATELIER_SEMANTIC", "1" if meaning else "0")
    vectors = semantic.shared_vectors() if meaning else None
    assert (vectors is not None) == meaning
    example = tmp_path / "example.atelier"
    shutil.copy(EXAMPLE, example)
    files = [example] + [dev_workshop(tmp_path / f"dev_{n}.atelier", n) for n in "abcd"]
    checked, untrue = 0, []
    for path in files:
        with Store.open(path, readonly=True) as store:
            workshop_id = store.workshops()[0].id
            texts = {i.id: i.text for i in store.workshop_items(workshop_id)}
            engine = engine_for(store, workshop_id, vectors=vectors)
            found = match_workshop(store, workshop_id, engine=engine).suggestions
        expansions = engine.glossary.acronyms
        for need_id, suggestions in found.items():
            for s in suggestions:
                held = (engine.analyses[need_id].weights, engine.analyses[s.resource_id].weights)
                for reason in s.reasons:
                    checked += 1
                    wrong = _untrue(reason, texts[need_id], texts[s.resource_id], held, expansions)
                    if wrong:
                        said = say_all([*s.reasons], "fr")
                        untrue.append((texts[need_id], texts[s.resource_id], said, wrong))
    assert checked > 800
    assert not untrue, f"{len(untrue)} untrue reasons, first: {untrue[:3]}"
