"""A participant's page says « Objectif : », « Action : » or « Défi : » before what they
presented; an item typed with that label already (« objectifs : créer une nouvelle synergie… »
in the example's grid) was printed « Objectif : objectifs : créer… »: the label once, in the
number they wrote it (« Objectifs : créer … et proposer … »), in the page's language."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from atelier.domain import Item, ItemKind, Participant
from atelier.french import fold
from atelier.store import Store

from .conftest import run_cli

# The labels a page puts before what a participant presented, in both languages.
LABELS = {"objectif", "action", "defi", "aim", "challenge"}


def _bullets(path: Path) -> list[str]:
    return [
        p.text.replace("\u00a0", " ").replace("\u202f", " ")
        for p in docx.Document(str(path)).paragraphs
        if p.style.name == "List Bullet"
    ]


def _singular(word: str) -> str:
    word = fold(word)
    return word[:-1] if word.endswith("s") else word


def _label_twice(line: str) -> bool:
    """« Objectif : objectifs : … », « Aim: objectifs : … »: a label, then a label of the same kind."""
    found = re.match(r"([^\W\d_]+) ?: ?([^\W\d_]+) ?:", line)
    if not found or _singular(found.group(1)) not in LABELS:
        return False
    same = {("objectif", "aim"), ("defi", "challenge")}
    pair = (_singular(found.group(2)), _singular(found.group(1)))
    return pair[0] == pair[1] or pair in same or pair[::-1] in same


def _export(path: Path, target: Path, lang: str) -> list[str]:
    done = run_cli("export", str(path), "--fiches", str(target), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    return _bullets(target)


def _unmatched_aims(path: Path) -> Path:
    """The example's two aims typed with their label (« objectifs : créer une nouvelle
    synergie… », « enjeu : la création… »), by someone nobody in this file asks anything
    of: their page lists what they presented, each with its label once."""
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop = store.workshops()[0]
        martine = store.add_participant(
            Participant(
                workshop.id, names=["Martine Colin Rabouan"], organisation="Cité de l'emploi à Tarbes"
            )
        )
        for text in (
            "objectifs : créer une nouvelle synergie des acteurs et proposer des accompagnements "
            "sur mesure pour éviter les ruptures de parcours",
            "enjeu : la création d'une culture commune autour des cités de l'emploi + création d'une cohorte",
        ):
            store.add_item(Item(martine.id, ItemKind.ACTION, text))
        anne = store.add_participant(Participant(workshop.id, names=["Anne Roux"], organisation="Mairie"))
        store.add_item(Item(anne.id, ItemKind.NEED, "loger les saisonniers l'été"))
    return path


def test_the_example_s_aim_says_its_label_once(tmp_path: Path) -> None:
    path = _unmatched_aims(tmp_path / "exemple.atelier")
    french = _export(path, tmp_path / "fiches.docx", "fr")
    english = _export(path, tmp_path / "pages.docx", "en")
    for lines in (french, english):
        assert not [line for line in lines if _label_twice(line)]
    assert "Objectifs : créer une nouvelle synergie des acteurs" in "\n".join(french)
    assert "Aims: créer une nouvelle synergie des acteurs" in "\n".join(english)


def test_an_action_or_a_challenge_typed_with_its_label(tmp_path: Path) -> None:
    path = tmp_path / "labels.atelier"
    with Store.create(path, title="Atelier du 3 mai 2026", date="2026-05-03") as store:
        workshop = store.workshops()[0]
        anne = store.add_participant(Participant(workshop.id, names=["Anne Roux"], organisation="Mairie"))
        store.add_item(Item(anne.id, ItemKind.ACTION, "Action : forum de l'emploi saisonnier"))
        store.add_item(Item(anne.id, ItemKind.CHALLENGE, "DÉFIS : loger les saisonniers, les transporter"))
        # a label that is not the page's: kept as typed
        store.add_item(Item(anne.id, ItemKind.ACTION, "Public : jeunes de moins de 26 ans"))
    french = _export(path, tmp_path / "fiches.docx", "fr")
    english = _export(path, tmp_path / "pages.docx", "en")
    for lines in (french, english):
        assert not [line for line in lines if _label_twice(line)], lines
    assert "Action : forum de l'emploi saisonnier" in french, french
    assert "Défis : loger les saisonniers, les transporter" in french, french
    assert "Action : Public : jeunes de moins de 26 ans" in french, french
    assert "Action: forum de l'emploi saisonnier" in english, english
    assert "Challenges: loger les saisonniers, les transporter" in english, english


def test_an_aim_labelled_enjeu_says_its_author_s_label(tmp_path: Path) -> None:
    """« enjeu : la création d'une culture commune… », an aim its author labelled: the page said
    « Objectif : enjeu : la création… », two labels; it says theirs, « Enjeu : la création… »
    (English « Aim: la création… », as « objectifs : » is said « Aims: »)."""
    path = _unmatched_aims(tmp_path / "exemple.atelier")
    french = _export(path, tmp_path / "fiches.docx", "fr")
    english = _export(path, tmp_path / "pages.docx", "en")
    assert "Enjeu : la création d'une culture commune autour des cités de l'emploi" in "\n".join(french), (
        french
    )
    assert "Aim: la création d'une culture commune" in "\n".join(english), english
    assert not [line for line in french + english if re.match(r"(Objectif|Aim) ?: ?enjeu", line)]
