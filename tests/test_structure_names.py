"""A participant's structure named after its area gives that area as the territory, whole:
« PETR du Pays Basque » was on the territory « Basque », « PETR Monts et barrages, Landes » on
« Monts et barrages - Landes » (the département glued to the PETR's area, and to its name),
« CC du Pays d'Orthe et Arrigans », « Communauté urbaine du Grand Reims », « PNR des Landes de
Gascogne » on none. A « Pays » is part of the area's name (« Pays Basque », « Pays de Lunel »),
a place written after the structure is its département, beside its area. The cards, the
directory, the exports and the minutes' territory count read these fields."""

from __future__ import annotations

import pytest

from atelier.importers.participant import parse_participant


@pytest.mark.parametrize(
    ("structure", "organisation", "territory"),
    [
        ("PETR Monts et barrages, Landes", "PETR Monts et barrages", "Monts et barrages (Landes)"),
        ("PETR du Pays Basque", "PETR du Pays Basque", "Pays Basque"),
        ("PETR Pays Basque", "PETR Pays Basque", "Pays Basque"),
        ("Pays Basque", "Pays Basque", "Pays Basque"),
        ("Pays Basque Nord", "Pays Basque Nord", "Pays Basque Nord"),
        ("Pays de Marennes Oléron", "Pays de Marennes Oléron", "Pays de Marennes Oléron"),
        ("Pays d'Orthe et Arrigans", "Pays d'Orthe et Arrigans", "Pays d'Orthe et Arrigans"),
        ("CC du Pays d'Orthe et Arrigans", "CC du Pays d'Orthe et Arrigans", "Pays d'Orthe et Arrigans"),
        (
            "Communauté d'agglomération du Pays Basque",
            "Communauté d'agglomération du Pays Basque",
            "Pays Basque",
        ),
        (
            "Communauté de communes du Pays de Lunel",
            "Communauté de communes du Pays de Lunel",
            "Pays de Lunel",
        ),
        ("CA du Pays Basque", "CA du Pays Basque", "Pays Basque"),
        ("CC du Pays Foyen", "CC du Pays Foyen", "Pays Foyen"),
        ("PLIE du Pays Basque", "PLIE du Pays Basque", "Pays Basque"),
        ("PETR du Pays de la Haute Lande", "PETR du Pays de la Haute Lande", "Pays de la Haute Lande"),
        (
            "Syndicat mixte du Pays du Grand Bergeracois",
            "Syndicat mixte du Pays du Grand Bergeracois",
            "Pays du Grand Bergeracois",
        ),
        ("Pays Adour Chalosse Tursan", "Pays Adour Chalosse Tursan", "Pays Adour Chalosse Tursan"),
        ("CC d'Aire-sur-l'Adour", "CC d'Aire-sur-l'Adour", "Aire-sur-l'Adour"),
        ("Communauté urbaine du Grand Reims", "Communauté urbaine du Grand Reims", "Grand Reims"),
        ("CU de Dunkerque", "CU de Dunkerque", "Dunkerque"),
        ("CA de La Rochelle", "CA de La Rochelle", "La Rochelle"),
        ("CC des Landes d'Armagnac", "CC des Landes d'Armagnac", "Landes d'Armagnac"),
        ("CC Maremne Adour Côte-Sud", "CC Maremne Adour Côte-Sud", "Maremne Adour Côte-Sud"),
        ("PNR des Landes de Gascogne", "PNR des Landes de Gascogne", "Landes de Gascogne"),
        (
            "Parc naturel régional des Landes de Gascogne",
            "Parc naturel régional des Landes de Gascogne",
            "Landes de Gascogne",
        ),
        ("Métropole de Lyon", "Métropole de Lyon", "Lyon"),
        ("Département des Landes", "Département des Landes", "Landes"),
        ("Département de la Gironde", "Département de la Gironde", "Gironde"),
        (
            "Conseil départemental des Pyrénées-Atlantiques",
            "Conseil départemental des Pyrénées-Atlantiques",
            "Pyrénées-Atlantiques",
        ),
        (
            "Conseil régional de Nouvelle-Aquitaine",
            "Conseil régional de Nouvelle-Aquitaine",
            "Nouvelle-Aquitaine",
        ),
        ("Région Nouvelle-Aquitaine", "Région Nouvelle-Aquitaine", "Nouvelle-Aquitaine"),
        ("Ville de Pau", "Ville de Pau", "Pau"),
        ("Mairie de Saint-Sever", "Mairie de Saint-Sever", "Saint-Sever"),
        (
            "PETR du Pays de Brocéliande, Ille-et-Vilaine",
            "PETR du Pays de Brocéliande",
            "Pays de Brocéliande (Ille-et-Vilaine)",
        ),
        ("CC du Val de l'Eyre, Gironde", "CC du Val de l'Eyre", "Val de l'Eyre (Gironde)"),
        ("PETR Sud Gironde, Gironde", "PETR Sud Gironde", "Sud Gironde (Gironde)"),
        # A service of an area names it after a particle (tests below).
        ("Mission locale des Landes", "Mission locale des Landes", "Landes"),
        ("MDE du Pays de Lorient", "MDE du Pays de Lorient", "Pays de Lorient"),
        ("Maison de l'emploi du Pays de Morlaix", "Maison de l'emploi du Pays de Morlaix", "Pays de Morlaix"),
        # Structures not named after their area give none, as before.
        ("Cap emploi 40", "Cap emploi 40", ""),
        ("France Travail agence de Mont-de-Marsan", "France Travail agence de Mont-de-Marsan", ""),
        ("Conseil de développement du Pays Basque", "Conseil de développement du Pays Basque", ""),
        ("Conseil Local de Santé Mentale", "Conseil Local de Santé Mentale", ""),
        # « Pays » alone names no area.
        ("CC du Pays // Mission locale", "CC du Pays // Mission locale", ""),
    ],
)
def test_a_structure_named_after_its_area_gives_the_whole_area(
    structure: str, organisation: str, territory: str
) -> None:
    parsed = parse_participant(f"Anne Martin / {structure}")
    assert (parsed.names, parsed.organisation, parsed.territory) == (["Anne Martin"], organisation, territory)


@pytest.mark.parametrize(
    ("cell", "organisation", "territory"),
    [
        # A structure named after no area, its département or region after a comma: that is
        # the territory, out of the structure's name (it was « Mission locale - Landes », on none).
        ("Mission locale, Landes", "Mission locale", "Landes"),
        ("Anne Martin / Mission locale, Landes", "Mission locale", "Landes"),
        ("Anne Martin, Mission locale, Landes", "Mission locale", "Landes"),
        ("Pôle emploi, Pyrénées-Atlantiques", "Pôle emploi", "Pyrénées-Atlantiques"),
        ("Cap emploi, Côte-d'Or", "Cap emploi", "Côte-d'Or"),
        ("Maison de l'emploi, Nouvelle-Aquitaine", "Maison de l'emploi", "Nouvelle-Aquitaine"),
        # Anything else after the comma stays in the structure's name, as before: a town, a
        # second structure, a service.
        ("Mission locale, Mont-de-Marsan", "Mission locale - Mont-de-Marsan", ""),
        ("Mission locale, Pôle emploi", "Mission locale - Pôle emploi", ""),
        # After a slash or a dash, not a comma: as before (« Aude » may be the person).
        ("Mission locale / Aude", "Mission locale / Aude", ""),
        ("Mission locale - Landes", "Mission locale - Landes", ""),
        # A structure named after its area keeps it, the département beside it.
        ("PETR Monts et barrages, Landes", "PETR Monts et barrages", "Monts et barrages (Landes)"),
    ],
)
def test_a_departement_after_a_comma_is_the_territory(cell: str, organisation: str, territory: str) -> None:
    parsed = parse_participant(cell)
    assert (parsed.organisation, parsed.territory) == (organisation, territory)


# Real-looking cells of the services that serve an area (Maison de l'emploi, MDE, MDEF, Mission
# locale, Cap emploi, Pôle emploi, France Travail), and the area their name goes on to say: after
# « de », « du », « des », « de la », « d' », or, without one, a département, a région, or an
# area's name (« Grand Dax », « Sud Landes », « Pays Basque »). « Mission locale, Landes » had
# one (8d21a62), « Maison de l'emploi Landes » had none.
SERVED_AREAS = [
    ("Maison de l'emploi Landes", "Landes"),
    ("Maison de l’Emploi des Landes", "Landes"),
    ("MDE des Landes", "Landes"),
    ("MDE Landes", "Landes"),
    ("MDEF Nord Landes", "Nord Landes"),
    ("Mission Locale Sud Landes", "Sud Landes"),
    ("Mission locale du Grand Dax", "Grand Dax"),
    ("MDE du Grand Dax", "Grand Dax"),
    ("Maison de l'emploi Grand Dax", "Grand Dax"),
    ("PLIE du Grand Dax", "Grand Dax"),
    ("Maison de l'emploi de Bordeaux", "Bordeaux"),
    ("Maison de l'emploi et de la formation du Pays Basque", "Pays Basque"),
    ("Mission locale de la Haute Gironde", "Haute Gironde"),
    ("Mission locale de l'Agenais", "Agenais"),
    ("Mission locale d'Aire-sur-l'Adour", "Aire-sur-l'Adour"),
    ("Mission locale Pyrénées-Atlantiques", "Pyrénées-Atlantiques"),
    ("Cap emploi Gironde", "Gironde"),
    ("Pôle emploi de Dax", "Dax"),
    ("France Travail Occitanie", "Occitanie"),
]

# Names that say no area: the structure alone, a person's name after it (a surname is no
# place), a town written without « de » (it may be a surname: « M. Bordeaux »), a number.
NO_AREA = [
    "Maison de l'emploi",
    "Maison de l'Emploi et de la Formation",
    "MDE",
    "Mission locale",
    "Mission locale Dupont",
    "Maison de l'emploi Martin",
    "MDE Lucie",
    "Mission locale Anne Martin",
    "Cap emploi 40",
    "Mission locale jeunes",
]


@pytest.mark.parametrize(("structure", "territory"), SERVED_AREAS)
def test_a_service_of_an_area_gives_the_area_its_name_says(structure: str, territory: str) -> None:
    for cell in (structure, f"Anne Martin / {structure}", f"{structure} / Karim BENALI"):
        parsed = parse_participant(cell)
        assert (parsed.organisation, parsed.territory) == (structure, territory), cell
        assert parsed.names == (
            [] if cell == structure else [n for n in ("Anne Martin", "Karim BENALI") if n in cell]
        )


@pytest.mark.parametrize("structure", NO_AREA)
def test_a_service_named_without_an_area_gives_none(structure: str) -> None:
    for cell in (structure, f"Anne Martin / {structure}"):
        assert parse_participant(cell).territory == "", cell


def test_a_person_written_after_the_service_is_the_person_not_its_area() -> None:
    """« Maison de l'emploi Agnès PALLET »: Agnès PALLET, at the Maison de l'emploi, on no area."""
    parsed = parse_participant("Maison de l'emploi Agnès PALLET")
    assert (parsed.names, parsed.organisation, parsed.territory) == (
        ["Agnès PALLET"],
        "Maison de l'emploi",
        "",
    )
    parsed = parse_participant("Maison de l'emploi des Landes Agnès PALLET")
    assert (parsed.names, parsed.organisation, parsed.territory) == (
        ["Agnès PALLET"],
        "Maison de l'emploi des Landes",
        "Landes",
    )
