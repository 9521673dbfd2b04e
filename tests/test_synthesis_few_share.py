"""Themes a few participants share, said in the minutes with who said them.

The drafter gave each challenge to the largest group it belonged to; a theme two participants
shared disappeared when a larger group took one of its statements (« gérer la concurrence
entre structures » went to the cooperation group, « dépasser les compétitions /
concurrences » stayed alone), and a challenge someone else already acts on was never put
beside that action (« travailler le aller vers » and « démarches innovantes d'aller vers »).
The hand-written minutes of 16 March 2021 draw both out. Read back from the Word minutes as
a recipient reads them, each piece with its author; a participant who only shares the words
in another sense (« aller vers plus de coopération ») is never credited with the theme."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

from atelier.domain import ItemKind

from .conftest import run_cli
from .test_attribution import Truth, check_credits
from .test_synthesis import _store

ROOT = Path(__file__).resolve().parent.parent
GRID = ROOT / "examples" / "grille-atelier-2021-03-16.txt"
C, A = ItemKind.CHALLENGE, ItemKind.ACTION


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _section(path: Path, heading: str) -> list[str]:
    """The paragraphs of one section of the Word minutes (its heading to the next one)."""
    lines: list[str] = []
    inside = False
    for paragraph in Document(str(path)).paragraphs:
        if paragraph.style.name.startswith("Heading"):
            inside = _plain(paragraph.text) == heading
            continue
        if inside and paragraph.text.strip():
            lines.append(_plain(paragraph.text))
    return lines


def _minutes(tmp_path: Path, target: Path) -> Path:
    minutes = tmp_path / "cr.docx"
    made = run_cli("export", str(target), "--docx", str(minutes))
    assert made.returncode == 0, made.stderr
    return minutes


def _credited(line: str) -> dict[str, str]:
    """« piece (Who) ; piece (Who) »: each participant credited in the line, with their piece."""
    body = line.split(" : ", 1)[-1]
    return {who: piece for piece, who in re.findall(r"([^;]+?) \(([^()]+)\)(?= ;|\.$)", body)}


def test_the_minutes_of_16_march_2021_say_the_concurrence_and_aller_vers_themes(tmp_path: Path) -> None:
    target = tmp_path / "atelier.atelier"
    made = run_cli("import", str(GRID), "-o", str(target))
    assert made.returncode == 0, made.stderr
    minutes = _minutes(tmp_path, target)
    challenges = _section(minutes, "Les défis à relever")

    # « dépasser les concurrences »: both who said it, each with their own words
    (line,) = [x for x in challenges if "Myriam LOUIS" in x and "concurrence" in x.casefold()]
    credited = _credited(line)
    assert "concurrence" in credited["Cité de l'emploi à Tarbes"].casefold(), line
    assert "concurrences" in credited["Myriam LOUIS"].casefold(), line

    # « aller vers »: the Maison de l'emploi's challenge, beside the Grand Dax's action
    (line,) = [x for x in challenges if "aller vers" in x.casefold() and "Grand Dax" in x]
    credited = _credited(line)
    assert "aller vers" in credited["Maison de l'emploi de Bordeaux"], line
    assert "aller vers" in credited["Grand Dax"], line
    assert "un défi pour la Maison de l'emploi de Bordeaux et déjà parmi les actions de Grand Dax" in line, (
        line
    )  # an action, not a challenge of theirs
    # « Aller vers plus de coopération » is another sense: never credited with outreach
    assert "ADSI" not in line, line

    # Every piece of the section is its author's
    truth = Truth(target, anonymise=False)
    assert check_credits("\n".join(challenges), truth, "défis") >= 20


def test_a_theme_two_share_is_said_even_when_a_larger_group_took_one_of_them(tmp_path: Path) -> None:
    """Another grid, other words: « mobilité » shared by two (one of them in the larger
    « entreprises » group), « illettrisme » a challenge of one and an action of another,
    « aller vers » in its two senses."""
    target = _store(
        tmp_path / "atelier.atelier",
        [
            (
                "Anne Martin",
                "PLIE Landes",
                {C: ["travailler avec les entreprises sur la mobilité des salariés"]},
            ),
            ("Karim Benali", "Mission locale Pau", {C: ["mobiliser les entreprises du bassin"]}),
            ("Julie Roux", "CC Bazas", {C: ["associer les entreprises à la gouvernance locale"]}),
            (
                "Paul Durand",
                "CC Lacq",
                {C: ["trouver des solutions de mobilité pour les jeunes sans permis"]},
            ),
            ("Léa Petit", "Agglo Agen", {C: ["lutter contre l'illettrisme des demandeurs d'emploi"]}),
            (
                "Marc Leroy",
                "Centre social Nérac",
                {A: ["ateliers de lutte contre l'illettrisme avec le Greta"]},
            ),
            ("Sophie Blanc", "Commune de Nay", {C: ["aller vers plus de mutualisation"]}),
            ("Tom Roche", "PLIE Béarn", {C: ["travailler le « aller vers » les publics invisibles"]}),
            ("Zoé Lucas", "Centre social Orthez", {A: ["permanences d'aller vers dans les quartiers"]}),
        ],
    )
    challenges = _section(_minutes(tmp_path, target), "Les défis à relever")

    (line,) = [x for x in challenges if "CC Lacq" in x and "mobilité" in x.casefold()]
    credited = _credited(line)
    assert "mobilité" in credited["PLIE Landes"] and "mobilité" in credited["CC Lacq"], line

    # A challenge beside the action of another (cited among the actions above: named here)
    (line,) = [x for x in challenges if "Centre social Nérac" in x]
    assert "illettrisme" in _credited(line)["Agglo Agen"], line
    assert "Illettrisme, un défi pour l'Agglo Agen" in line, line
    assert "et déjà parmi les actions du Centre social Nérac" in line, line

    (line,) = [x for x in challenges if "Centre social Orthez" in x]
    assert "aller vers" in _credited(line)["PLIE Béarn"], line
    assert "et déjà parmi les actions du Centre social Orthez" in line, line
    assert "Commune de Nay" not in line, line  # « aller vers plus de mutualisation »: another sense

    truth = Truth(target, anonymise=False)
    assert check_credits("\n".join(challenges), truth, "défis") >= 6


def test_an_action_that_only_mentions_the_theme_in_a_detail_is_not_said_to_act_on_it(tmp_path: Path) -> None:
    """Held-out workshop e: « Retraité, un défi pour le Relais Petite Enfance et déjà parmi les
    actions de la Mission locale : un tiers des assmat part à la retraite (…) ; « […] un
    bénévole retraité […] » (Mission locale) »: the mission locale lends scooters that a retired
    volunteer services; it does nothing about childminders retiring. An action acts on a theme
    when its first clause says it, not a detail after it."""
    target = _store(
        tmp_path / "atelier.atelier",
        [
            ("Léa Petit", "RPE Ouest", {C: ["Un tiers des assmat part à la retraite d'ici 2028"]}),
            (
                "Camille Fabre",
                "Mission locale Ouest",
                {A: ["Prêt de 6 scooters pour 3 mois, entretenus par un bénévole retraité"]},
            ),
            ("Marc Leroy", "Centre social Nérac", {A: ["ateliers de lutte contre l'illettrisme"]}),
            ("Anne Martin", "Agglo Agen", {C: ["lutter contre l'illettrisme des demandeurs d'emploi"]}),
            ("Paul Durand", "CC Lacq", {C: ["des solutions de mobilité pour les jeunes sans permis"]}),
        ],
    )
    minutes = _minutes(tmp_path, target)
    challenges = _section(minutes, "Les défis à relever")
    assert not [x for x in challenges if "déjà parmi les actions de la Mission locale" in x], challenges
    assert not [x for x in challenges if x.startswith("Retraité")], challenges
    # The action that says the theme first is still put beside the challenge.
    assert [x for x in challenges if "et déjà parmi les actions du Centre social Nérac" in x], challenges
