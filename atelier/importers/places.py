"""The names of France's départements and régions, as a participant's cell writes them after
its structure (« Mission locale, Landes »): what the parser takes for a territory there.

Compared folded (`atelier.french.fold`: case, accents), hyphens and apostrophes as spaces:
« Pyrenees Atlantiques », « Côte d'Or » and « Cote-d'Or » are one département."""

from __future__ import annotations

import re

from atelier.french import fold

__all__ = ["is_departement_or_region"]

DEPARTEMENTS = (
    "Ain", "Aisne", "Allier", "Alpes-de-Haute-Provence", "Hautes-Alpes", "Alpes-Maritimes",
    "Ardèche", "Ardennes", "Ariège", "Aube", "Aude", "Aveyron", "Bouches-du-Rhône", "Calvados",
    "Cantal", "Charente", "Charente-Maritime", "Cher", "Corrèze", "Corse-du-Sud", "Haute-Corse",
    "Côte-d'Or", "Côtes-d'Armor", "Creuse", "Dordogne", "Doubs", "Drôme", "Eure", "Eure-et-Loir",
    "Finistère", "Gard", "Haute-Garonne", "Gers", "Gironde", "Hérault", "Ille-et-Vilaine",
    "Indre", "Indre-et-Loire", "Isère", "Jura", "Landes", "Loir-et-Cher", "Loire", "Haute-Loire",
    "Loire-Atlantique", "Loiret", "Lot", "Lot-et-Garonne", "Lozère", "Maine-et-Loire", "Manche",
    "Marne", "Haute-Marne", "Mayenne", "Meurthe-et-Moselle", "Meuse", "Morbihan", "Moselle",
    "Nièvre", "Nord", "Oise", "Orne", "Pas-de-Calais", "Puy-de-Dôme", "Pyrénées-Atlantiques",
    "Hautes-Pyrénées", "Pyrénées-Orientales", "Bas-Rhin", "Haut-Rhin", "Rhône", "Haute-Saône",
    "Saône-et-Loire", "Sarthe", "Savoie", "Haute-Savoie", "Paris", "Seine-Maritime",
    "Seine-et-Marne", "Yvelines", "Deux-Sèvres", "Somme", "Tarn", "Tarn-et-Garonne", "Var",
    "Vaucluse", "Vendée", "Vienne", "Haute-Vienne", "Vosges", "Yonne", "Territoire de Belfort",
    "Essonne", "Hauts-de-Seine", "Seine-Saint-Denis", "Val-de-Marne", "Val-d'Oise",
    "Guadeloupe", "Martinique", "Guyane", "La Réunion", "Réunion", "Mayotte",
)  # fmt: skip
REGIONS = (
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
    "Corse", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine",
    "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
)  # fmt: skip


def _key(name: str) -> str:
    return " ".join(re.split(r"[\s\-'’]+", fold(name.strip())))


_KNOWN = frozenset(_key(name) for name in DEPARTEMENTS + REGIONS)


def is_departement_or_region(text: str) -> bool:
    """« Landes », « Pyrénées-Atlantiques », « Nouvelle-Aquitaine »: a département or a région."""
    return _key(text) in _KNOWN
