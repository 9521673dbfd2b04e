"""« Autour de la table » says each participant's kind of structure only when the structure
says it: a union, a tourist office, a business club, a chambre consulaire are no
intercommunalités, « CA » says nothing (an agglomeration, a chambre d'agriculture or the
Crédit agricole?), and a structure of no known kind is among « autres structures »."""

from __future__ import annotations

from pathlib import Path

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


def _around(tmp_path: Path, lang: str) -> str:
    grid, path = tmp_path / "grille.csv", tmp_path / "table.atelier"
    grid.write_text(GRID, encoding="utf-8")
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
