"""« Autour de la table » says each participant's kind of structure only when the structure
says it: a union, a tourist office, a business club, a chambre consulaire are no
intercommunalités, « CA » says nothing (an agglomeration, a chambre d'agriculture or the
Crédit agricole?), and a structure of no known kind is among « autres structures »."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.helpers.minutes import minutes_sections

GRID = """Participant;Besoins;Ressources
Luc Martin / Syndicat CFDT Aquitaine;Contacts employeurs;Dialogue social
Eva Roche / UMIH Gironde, syndicat des hôteliers;Saisonniers;Offres saisonnières
Jean Brun / Office de tourisme du Pays Foyen;Guides;Accueil
Paul Vidal / Club d'entreprises de la Métropole;Candidats;Stages
Marc Roy / CA Aquitaine;Financement;Microcrédit
Léa Dupuy / Chambre d'agriculture de la Gironde;Saisonniers agricoles;Formations
Nina Blanc / Syndicat mixte du Pays Foyen;Mobilité;Transport à la demande
Paul Gros / PETR du Pays Foyen;Données;Diagnostic
Tom Vert / Association du Pays de Born;Bénévoles;Ateliers
Anne Roux / PLIE des Graves;Employeurs;Ateliers CV
"""


def _around(tmp_path: Path, lang: str, rows: str = GRID) -> str:
    grid, path = tmp_path / "grille.csv", tmp_path / "table.atelier"
    grid.write_text(rows, encoding="utf-8")
    if not path.exists():
        done = run_cli("import", str(grid), "-o", str(path), "--title", "Atelier partenaires")
        assert done.returncode == 0, done.stderr
    sections = minutes_sections(path, tmp_path / f"cr-{lang}.docx", lang)
    start = "Autour de la table" if lang == "fr" else "Around the table"
    (line,) = [p for lines in sections.values() for p in lines if p.startswith(start)]
    return line


def test_unions_offices_clubs_and_ca_are_no_intercommunalities(tmp_path: Path) -> None:
    line = _around(tmp_path, "fr")
    assert line == (
        "Autour de la table : intercommunalités ou pays (2 participants), opérateur de l'emploi et "
        "de l'insertion (1), association (1) et autres structures (6)."
    ), line
    english = _around(tmp_path, "en")
    assert english == (
        "Around the table: inter-municipal bodies or local development areas (2 participants), "
        "employment and inclusion operator (1), association (1) and other structures (6)."
    ), english


# Intercommunalities as they name themselves: « X Communauté », « X Agglomération », « Agglo »,
# « CC du Pays de … », « Communauté urbaine », « Com'Com »; never a Communauté Emmaüs (a
# community of companions) or a CPTS (« communauté professionnelle territoriale de santé »).
INTERCOMMUNAL = """Participant;Besoins;Ressources
Karim Benali / Pontivy Communauté;Locaux;Salle
Julie Roux / Lorient Agglomération;Candidats;Transport
Yann Le Goff / CC du Pays de Landivisiau;Employeurs;Ateliers
Marie Petit / Communauté urbaine de Dunkerque;Bénévoles;Forum
Paul Morel / Quimperlé Communauté;Mobilité;Minibus
Léa Guen / Dinan Agglo;Données;Diagnostic
Hugo Bras / Com'Com du Val d'Oust;Financement;Conseil
Inès Riou / Intercommunalité du Blavet;Logement;Foyer
Sami Diallo / Communauté Emmaüs de Pontivy;Meubles;Ateliers bois
Rose Marc / Communauté professionnelle territoriale de santé du Blavet;Médecins;Prévention
"""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_intercommunalities_by_their_names(tmp_path: Path, lang: str) -> None:
    line = _around(tmp_path, lang, INTERCOMMUNAL)
    if lang == "fr":
        assert (
            line
            == "Autour de la table : intercommunalités ou pays (8 participants) et autres structures (2)."
        ), line
    else:
        assert line == (
            "Around the table: inter-municipal bodies or local development areas (8 participants) "
            "and other structures (2)."
        ), line


def test_an_associative_third_place_is_an_association(tmp_path: Path) -> None:
    rows = (
        "Participant;Besoins;Ressources\n"
        "Claire Fayolle / La Fabrique du Bourg, tiers-lieu associatif;Bénévoles;Salle\n"
        "Maryse Chabrier / ADMR du Haut-Livradois;Aides à domicile;Formation\n"
        "Paul Gros / Menuiserie Gros;Apprentis;Stages\n"
    )
    line = _around(tmp_path, "fr", rows)
    assert line == "Autour de la table : associations (2 participants) et autre structure (1).", line
