"""A theme of the Word minutes counts and names only the participants whose words hold it.

Two development workshops (tests/data) said it of others: « Marché de producteurs, chez 4
participants » (Puy-de-Dôme) counted the EHPAD's « 240 repas/jour » and the ACI's « maraîchage
bio » (their words are of the glossary's theme « alimentation », never « marché de
producteurs »), and « Embauche, chez 6 participants » (vallée de l'Arve) counted a Maison de
l'emploi and a building federation that never wrote it. A group the glossary's theme or the
meaning brought together is titled in words of some of them: those others are not among those
it counts, and are said with the items no theme holds.

Read back from the .docx `atelier export` writes (python-docx), in French and in English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers.dev_workshops import dev_workshop
from tests.helpers.minutes import minutes_sections

HEADINGS = {
    "fr": {
        "actions": "Ce qui est déjà engagé",
        "challenges": "Les défis à relever",
        "needs": "Les besoins de ressources",
    },
    "en": {
        "actions": "What is already under way",
        "challenges": "The challenges ahead",
        "needs": "The needs for resources",
    },
}
LEADS = {
    "fr": re.compile(
        r"^(?P<title>[^,:]+), (?:chez|un défi pour|un besoin pour) (?P<n>\d+) participants\b(?P<rest>.*)$"
    ),
    "en": re.compile(
        r"^(?P<title>[^,:]+), (?:with|a challenge for|a need for) (?P<n>\d+) participants\b(?P<rest>.*)$"
    ),
}


def _stems(text: str) -> set[str]:
    from atelier.matching.text import tokens

    return {t.stem for t in tokens(text)}


def _lines(workshop: Path, lang: str) -> dict[str, list[str]]:
    return minutes_sections(workshop, workshop.with_name(f"{workshop.stem}-{lang}.docx"), lang)


@pytest.mark.parametrize(
    ("name", "title", "writers"),
    [
        # The Jardins de la Dore's « Légumerie en projet » is an aim (« Objectifs annoncés »), no
        # action: the food theme is titled « Maraîchage », written by the Espace test agricole
        # and the Jardins de la Dore (« Marché de producteurs », Chambre d'agriculture and
        # Office de tourisme, before).
        ("b", "Maraîchage", 2),
        ("d", "Embauche", 4),  # France Travail, Mermillod, Transports Arve-Giffre, Net'Alpes
    ],
)
def test_a_theme_titled_in_some_participants_words_counts_only_them(
    tmp_path: Path, name: str, title: str, writers: int
) -> None:
    data = json.loads((ROOT / "tests" / "data" / f"dev_workshop_{name}.json").read_text(encoding="utf-8"))
    column = {row["who"].split(" / ")[-1]: row.get("actions", []) for row in data["participants"]}
    workshop = dev_workshop(tmp_path / "atelier.atelier", name)
    for lang in ("fr", "en"):
        sections = _lines(workshop, lang)
        lines = sections[HEADINGS[lang]["actions"]]
        said = [LEADS[lang].match(line.lstrip("“”")) for line in lines]
        found = [m for m in said if m and title.casefold() in m.group("title").casefold()]
        assert len(found) == 1, (lang, lines)
        line = found[0]
        assert int(line.group("n")) == writers, (lang, line.group(0))
        # Every participant the line names writes its title in one of their actions.
        for who, actions in column.items():
            if who in line.group("rest"):
                assert any(_stems(title) <= _stems(a) for a in actions), (lang, who, actions, line.group(0))


def test_every_theme_of_the_development_workshops_counts_those_who_say_it(tmp_path: Path) -> None:
    """The same for every theme line titled in participants' words, of the four workshops:
    as many participants write the title as the line counts."""
    for name in ("a", "b", "c", "d"):
        data = json.loads((ROOT / "tests" / "data" / f"dev_workshop_{name}.json").read_text(encoding="utf-8"))
        workshop = dev_workshop(tmp_path / f"{name}.atelier", name)
        sections = _lines(workshop, "fr")
        for key, heading in HEADINGS["fr"].items():
            column = [row.get(key, []) for row in data["participants"]]
            for line in sections.get(heading, []):
                found = LEADS["fr"].match(line)
                if not found or "(" in found.group("title"):
                    continue  # not a theme line, or an acronym spelled out
                title = found.group("title").strip("« »")
                writing = sum(1 for items in column if any(_stems(title) <= _stems(i) for i in items))
                theme = _glossary_theme(title)
                if theme:  # a theme of the glossary by its name: each holds one of its words
                    continue
                assert writing >= int(found.group("n")), (name, line)


def _glossary_theme(title: str) -> bool:
    import tomllib

    from atelier.french import fold
    from atelier.paths import resources_dir

    data = tomllib.loads((resources_dir() / "glossaire.toml").read_text(encoding="utf-8"))
    return fold(title) in {fold(name) for name in data["familles"]}
