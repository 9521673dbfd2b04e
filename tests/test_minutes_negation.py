"""A participant who wrote that they do NOT have a problem or a need is never counted or
cited as having it. The Word minutes said « La crise revient chez 4 participants : … ; « pas
de crise de recrutement chez nous » (Maison de l'emploi du Pays Basque) », « Recrutement, un
défi pour 6 participants : … « sans difficulté de recrutement pour nos adhérents » (CCI des
Landes) », « Mobilité, un besoin pour 4 participants » with the Maison de l'emploi who wrote
« aucun besoin en mobilité »; `atelier match` offered a training offer to « pas besoin de
formation ». A lack stays a need (« jeunes sans permis » is a mobility need).

Read back from the .docx the CLI writes (python-docx), and from `atelier match --json`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import run_cli
from tests.helpers.minutes import minutes_sections

HEADER = "Participant;Actions;Défis;Besoins;Ressources\n"
ROWS = [
    (
        "Anne Martin / PLIE Sud Landes",
        "forum des métiers du BTP",
        "la crise du recrutement dans le BTP",
        "solutions de mobilité pour les publics",
        "mise en relation avec les SIAE du territoire",
    ),
    (
        "Paul Roux / Communauté de communes du Réolais",
        "plan de mobilité rurale",
        "faire face à la crise du recrutement dans l'hôtellerie",
        "besoin de mobilité pour les jeunes sans permis",
        "retour d'expérience sur le transport à la demande",
    ),
    (
        "Claire Dubois / Maison de l'emploi du Pays Basque",
        "plateforme RH pour les TPE",
        "pas de crise de recrutement chez nous",
        "aucun besoin en mobilité",
        "diagnostic RH des petites entreprises",
    ),
    (
        "Hugo Lefèvre / CCI des Landes",
        "club d'entreprises",
        "sans difficulté de recrutement pour nos adhérents",
        "pas besoin de formation",
        "réseau de chefs d'entreprise",
    ),
    (
        "Léa Fontaine / Centre social de Mont-de-Marsan",
        "ateliers numériques",
        "difficultés de recrutement des aides à domicile",
        "formation des bénévoles",
        "formation des tuteurs en entreprise",
    ),
    (
        "Sabine Roux / Département des Landes",
        "accompagnement des allocataires du RSA",
        "crise du recrutement dans le secteur médico-social",
        "mobilité des allocataires",
        "financement du permis de conduire",
    ),
]
GRID = HEADER + "".join(";".join(row) + "\n" for row in ROWS)
DENYING = ("Maison de l'emploi du Pays Basque", "CCI des Landes")


def _workshop(tmp_path: Path) -> Path:
    grid, workshop = tmp_path / "grille.csv", tmp_path / "atelier.atelier"
    grid.write_text(GRID, encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(workshop), "--title", "Atelier", "--date", "20/11/2026")
    assert done.returncode == 0, done.stderr
    return workshop


def _synthesis(workshop: Path, lang: str) -> dict[str, list[str]]:
    return minutes_sections(workshop, workshop.with_name(f"cr-{lang}.docx"), lang)


def _count(line: str) -> int:
    found = re.search(r"(\d+) participants?", line)
    assert found, line
    return int(found.group(1))


def test_what_a_participant_denies_is_no_theme_of_theirs_in_the_minutes(tmp_path: Path) -> None:
    workshop = _workshop(tmp_path)
    for lang, context, challenges, needs, crisis, recruitment, mobility, training in (
        (
            "fr",
            "Le contexte",
            "Les défis à relever",
            "Les besoins de ressources",
            "La crise revient chez",
            "Recrutement, un défi pour",
            "Mobilité, un besoin pour",
            "Formation, un besoin pour",
        ),
        (
            "en",
            "The context",
            "The challenges ahead",
            "The needs for resources",
            "The crisis comes up with",
            "Recruitment, a challenge for",
            "Mobility, a need for",
            "Training, a need for",
        ),
    ):
        sections = _synthesis(workshop, lang)
        assert context in sections and challenges in sections and needs in sections, list(sections)
        said = {
            "crisis": [line for line in sections[context] if line.startswith(crisis)],
            "recruitment": [line for line in sections[challenges] if recruitment in line],
            "mobility": [line for line in sections[needs] if mobility in line],
            "training": [line for line in sections[needs] if training in line],
        }
        # The three who write of a crisis (« la crise du recrutement… ») are counted, not the
        # one who wrote there is none; the four who write of recruiting difficulties.
        assert len(said["crisis"]) == 1, (lang, sections[context])
        assert _count(said["crisis"][0]) == 3, said["crisis"]
        assert len(said["recruitment"]) == 1, (lang, sections[challenges])
        assert _count(said["recruitment"][0]) == 4, said["recruitment"]
        # A lack is a need: « jeunes sans permis » still counts among the mobility needs.
        assert len(said["mobility"]) == 1, (lang, sections[needs])
        assert _count(said["mobility"][0]) == 3, said["mobility"]
        assert not said["training"], (lang, said["training"])  # one training need: no theme
        for theme, lines in said.items():
            for line in lines:
                for denying in DENYING:
                    assert denying not in line, (lang, theme, line)
        assert "Communauté de communes du Réolais" in said["mobility"][0], said["mobility"]


def test_a_need_denied_is_matched_with_no_offer(tmp_path: Path) -> None:
    workshop = _workshop(tmp_path)
    done = run_cli("match", str(workshop), "--json")
    assert done.returncode == 0, done.stderr
    needs = {need["text"]: need["suggestions"] for need in json.loads(done.stdout)["needs"]}
    assert needs["pas besoin de formation"] == [], needs["pas besoin de formation"]
    assert needs["aucun besoin en mobilité"] == [], needs["aucun besoin en mobilité"]
    # A lack is matched as before: the young people without a licence, to the licence's funding.
    assert any("permis" in s["text"] for s in needs["besoin de mobilité pour les jeunes sans permis"])


def test_what_a_sentence_denies_and_what_it_lacks() -> None:
    from atelier.french import affirmed

    denied = [
        "pas de crise de recrutement chez nous",
        "aucun besoin en mobilité",
        "sans difficulté de recrutement pour nos adhérents",
        "pas besoin de formation",
        "le recrutement n'est pas un problème",
        "nous ne manquons pas de candidats",
        "Nous n'avons plus de difficultés de recrutement",
        "pas de mal à recruter",
    ]
    for text in denied:
        assert not affirmed(text).strip(), text
        assert len(affirmed(text)) == len(text)
    kept = [
        "besoin de mobilité pour les jeunes sans permis",
        "pas de transport en commun",
        "pas mal de difficultés de recrutement",
        "pas seulement un problème de mobilité",
        "pas de réponse aux difficultés de mobilité",
        "plus de difficultés de recrutement",
    ]
    for text in kept:
        assert affirmed(text) == text, text
    # Only the clause that denies: « mais besoin de formation » is said.
    assert (
        affirmed("pas de crise de recrutement, mais besoin de formation").strip()
        == ", mais besoin de formation"
    )
    said = affirmed("la mobilité, ce n'est pas un souci ; besoin de logement")
    assert "mobilité" not in said and said.endswith("; besoin de logement"), said
    assert affirmed("pouvoir recruter sans difficulté").strip() == "pouvoir recruter"


def test_a_denial_is_looked_for_wherever_a_word_of_denial_is_written_and_only_there() -> None:
    """What a text denies is worked out only when it writes a word of denial (`affirmed`'s first
    test, a quick search run on every statement matched): as a word, in any case, after an
    apostrophe or before a hyphen, never inside another word."""
    from atelier.french import _MAY_DENY

    written = [
        "Pas de crise",
        "AUCUNES difficultés",
        "l'aucun d'entre eux",
        "les sans-abri",
        "ni l'un ni l'autre",
        "Guère de candidats",
        "guere",
        "nulle part",
        "JAMAIS",
        "plus de mobilité",
        "recrutement : pas.",
    ]
    inside = [
        "passage",
        "impasse",
        "plusieurs",
        "aucunement",
        "unis",
        "_pas",
        "pas_",
        "2pas",
        "NUL2",
        "nulles",
    ]
    assert [text for text in written if not _MAY_DENY.search(text)] == []
    assert [text for text in inside if _MAY_DENY.search(text)] == []
