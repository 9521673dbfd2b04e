"""« Le contexte » of the Word minutes says what the cited participants wrote, not what one
word inside another subject might mean. The minutes said « 3 participants font état d'une
période de changement : ateliers de réécriture de CV avec les jeunes (PLIE des Graves) ;
forum lancé récemment avec succès (Cap emploi) ; aussi la Mission locale de Blaye » (whose
action was « Préparation des élections des délégués de jeunes ») and « La crise revient chez
2 participants : cellule de crise canicule pour les aînés (CCAS de Langon) ; aussi CIDFF »
(« Gestion de crise dans les familles »). Rewriting a CV, a forum launched recently, the
election of youth delegates, a crisis unit for a heatwave are no change of the territory and
no crisis it goes through; a protocol being rewritten, the 2020 elections, the health crisis
are.

Read back from the .docx the CLI writes (python-docx), French and English."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from tests.conftest import run_cli

HEADER = "Participant;Actions;Défis;Besoins;Ressources\n"
# Said of a change or a crisis, in so many words.
TRUE_ROWS = [
    (
        "Marc Petit (PLIE Technowest)",
        "Réécriture du protocole du PLIE en 2021",
        "remédier à la crise sanitaire et économique",
        "Données locales",
        "Ateliers numériques",
    ),
    (
        "Julie Morel (Maison de l'emploi de Bordeaux)",
        "Protocole PLIE en cours de réécriture",
        "Relancer les filières fragilisées par la crise",
        "Mobilité",
        "Observatoire",
    ),
    (
        "Hélène Garnier (Communauté de communes du Réolais)",
        "Nouvelle feuille de route depuis les élections municipales de 2020",
        "Attirer des entreprises",
        "Foncier",
        "Accueil d'entreprises",
    ),
]
# One word of it inside another subject (the probe's P19 grid).
FALSE_ROWS = [
    (
        "Anne Roux (PLIE des Graves)",
        "Ateliers de réécriture de CV avec les jeunes",
        "",
        "Un minibus",
        "Ateliers CV",
    ),
    (
        "Karim Haddad (Cap emploi)",
        "Forum lancé récemment avec succès",
        "",
        "Employeurs",
        "Formations handicap",
    ),
    (
        "Lucie Martin (Mission locale de Blaye)",
        "Préparation des élections des délégués de jeunes",
        "Fusion des deux antennes réussie",
        "Logement",
        "Accompagnement",
    ),
    ("Paul Vidal (CCAS de Langon)", "Cellule de crise canicule pour les aînés", "", "Bénévoles", "Colis"),
    ("Sophie Blanc (CIDFF)", "Gestion de crise dans les familles : médiation", "", "Juristes", "Permanences"),
]
FALSE_OWNERS = ("PLIE des Graves", "Cap emploi", "Mission locale de Blaye", "CCAS de Langon", "CIDFF")


def _grid(rows) -> str:
    return HEADER + "".join(";".join(row) + "\n" for row in rows)


def _context(tmp_path: Path, rows, lang: str, name: str) -> list[str]:
    grid, workshop = tmp_path / f"{name}.csv", tmp_path / f"{name}.atelier"
    if not workshop.exists():
        grid.write_text(_grid(rows), encoding="utf-8")
        done = run_cli("import", str(grid), "-o", str(workshop), "--title", "Atelier", "--date", "01/12/2026")
        assert done.returncode == 0, done.stderr
    minutes = tmp_path / f"{name}-{lang}.docx"
    done = run_cli("export", str(workshop), "--docx", str(minutes), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    lines: list[str] = []
    inside = False
    for p in docx.Document(str(minutes)).paragraphs:
        text = p.text.replace("\u00a0", " ").replace("\u202f", " ")
        if p.style.name.startswith("Heading"):
            inside = text in ("Le contexte", "The context")
        elif inside and text.strip():
            lines.append(text)
    return lines


def _count(line: str) -> int:
    found = re.search(r"(\d+) participants?", line)
    assert found, line
    return int(found.group(1))


LEADS = {
    "fr": ("état d'une période de changement", "La crise revient chez"),
    "en": ("a period of change", "The crisis comes up with"),
}


def test_single_words_inside_another_subject_claim_no_change_and_no_crisis(tmp_path: Path) -> None:
    for lang, (change, crisis) in LEADS.items():
        lines = _context(tmp_path, FALSE_ROWS, lang, "faux")
        said = " ".join(lines)
        assert change not in said, (lang, lines)
        assert crisis not in said, (lang, lines)
        assert "crise" not in said.lower() and "crisis" not in said.lower(), (lang, lines)


def test_change_and_crisis_rest_on_what_the_cited_participants_wrote(tmp_path: Path) -> None:
    for lang, (change, crisis) in LEADS.items():
        lines = _context(tmp_path, TRUE_ROWS + FALSE_ROWS, lang, "mixte")
        changes = [line for line in lines if change in line]
        crises = [line for line in lines if line.startswith(crisis)]
        assert len(changes) == 1, (lang, lines)
        assert len(crises) == 1, (lang, lines)
        # The protocol rewritten twice and the 2020 elections: three participants, not the
        # CV workshop, the recent forum or the youth delegates' election.
        assert _count(changes[0]) == 3, changes
        assert _count(crises[0]) == 2, crises
        for owner in FALSE_OWNERS:
            assert owner not in changes[0] and owner not in crises[0], (lang, owner, changes, crises)
        assert "réécriture de CV" not in " ".join(lines) and "cellule de crise" not in " ".join(lines).lower()
