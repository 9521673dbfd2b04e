"""Participant cells as real grids write them (« NOM Prénom », « Prénom NOM – fonction –
structure », commas, slashes, dashes, parentheses, two people, a structure alone, acronyms,
lower case, capitals, civilities), read into what the minutes' table of participants, the
pages, the directory and the projector show: the people, their structure, its territory, the
role. What was wrong: « Anne Martin (PLIE du Marsan) et Paul Durand (Mission locale des
Landes) » was Anne Martin alone at « (PLIE du Marsan) et Paul Durand - Mission locale des
Landes »; « élodie Mérignac / Mission locale des Landes » named nobody, the whole cell a
structure; « Dr Fatou Ndiaye », « Mme Nguyen Thi Lan » kept the civility in the name; « Anne
Martin, Paul Durand, Julie Thomas - Département des Landes » put Julie Thomas in the
structure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atelier.importers.participant import parse_participant, person_in_structure
from tests.conftest import run_cli

# The area of a service named after a département (« Mission locale des Landes ») is read by
# tests/test_structure_names.py: not asserted here.
AREA_OF_A_SERVICE = None

CELLS: list[tuple[str, list[str], str, str | None, str]] = [
    # The real grid of 16 March 2021 (/work/shared/data), as typed.
    (
        "Maxime Roby / PETR Monts et barrages",
        ["Maxime Roby"],
        "PETR Monts et barrages",
        "Monts et barrages",
        "",
    ),
    (
        "Martine Colin Rabouan / Cité de l'emploi à Tarbes (Hautes Pyrénées)",
        ["Martine Colin Rabouan"],
        "Cité de l'emploi à Tarbes",
        "Hautes Pyrénées",
        "",
    ),
    (
        "Gustave Buzaud / 2ème adjoint au maire Commune de Fauillet (Lot et Garonne)",
        ["Gustave Buzaud"],
        "Commune de Fauillet",
        "Lot et Garonne",
        "2ème adjoint au maire",
    ),
    (
        "Maison de l'emploi de Bordeaux Agnès PALLET",
        ["Agnès PALLET"],
        "Maison de l'emploi de Bordeaux",
        None,
        "",
    ),
    (
        "Aurélié TONNOIR - PLIE Chef de projet PLIE Grand Poitiers",
        ["Aurélié TONNOIR"],
        "PLIE Grand Poitiers",
        "Grand Poitiers",
        "Chef de projet",
    ),
    (
        "Cécile BECHON et Ghislaine Paparemborde - CDA Pau Béarn Pyrénées",
        ["Cécile BECHON", "Ghislaine Paparemborde"],
        "CDA Pau Béarn Pyrénées",
        "Pau Béarn Pyrénées",
        "",
    ),
    ("Elise ENNAHLI PETR Sud Gironde", ["Elise ENNAHLI"], "PETR Sud Gironde", "Sud Gironde", ""),
    ("Denis Paineau / CdC du Bazadais", ["Denis Paineau"], "CdC du Bazadais", "Bazadais", ""),
    ("Eric BEDIN - CIAP-Champs du Partage", ["Eric BEDIN"], "CIAP-Champs du Partage", "", ""),
    ("Jacques Le-priol, Région N-A", ["Jacques Le-priol"], "Région N-A", "Région N-A", ""),
    ("Grégory TALVY / Région N-A", ["Grégory TALVY"], "Région N-A", "Région N-A", ""),
    ("Sandrine LEDIEU Syndicat Est Creuse", ["Sandrine LEDIEU"], "Syndicat Est Creuse", "Est Creuse", ""),
    ("Lydie Drouard - CitiZchool", ["Lydie Drouard"], "CitiZchool", "", ""),
    (
        "Corinne Corcuff et Sefallah Mahamat Bindi Mont de Marsan Agglo",
        ["Corinne Corcuff", "Sefallah Mahamat Bindi"],
        "Mont de Marsan Agglo",
        "",
        "",
    ),
    # « NOM Prénom », « Prénom NOM », a function between dashes, capitals throughout.
    ("DUPONT Jean - Directeur - CC du Seignanx", ["DUPONT Jean"], "CC du Seignanx", "Seignanx", "Directeur"),
    ("Jean Dupont - Directeur - CC du Seignanx", ["Jean Dupont"], "CC du Seignanx", "Seignanx", "Directeur"),
    (
        "Jean DUPONT – chargé de mission – Maison de l'emploi du Bassin d'Arcachon",
        ["Jean DUPONT"],
        "Maison de l'emploi du Bassin d'Arcachon",
        AREA_OF_A_SERVICE,
        "chargé de mission",
    ),
    ("MARTIN Anne, PLIE des Graves", ["MARTIN Anne"], "PLIE des Graves", "Graves", ""),
    # The area as a place's name is written, as « PLIE du Marsan » gives it (was « MARSAN »).
    ("ANNE MARTIN / PLIE DU MARSAN", ["ANNE MARTIN"], "PLIE DU MARSAN", "Marsan", ""),
    (
        "Marie-Claire Dupuis, responsable, CCAS de Pau",
        ["Marie-Claire Dupuis"],
        "CCAS de Pau",
        "",
        "responsable",
    ),
    ("Jean-Pierre Bernard (CC du Seignanx)", ["Jean-Pierre Bernard"], "CC du Seignanx", "Seignanx", ""),
    ("Lucie Leroy (PLIE Grand Angoulême)", ["Lucie Leroy"], "PLIE Grand Angoulême", "Grand Angoulême", ""),
    (
        "Karim BENALI / Mission locale de Bayonne",
        ["Karim BENALI"],
        "Mission locale de Bayonne",
        AREA_OF_A_SERVICE,
        "",
    ),
    ("Nguyen Van Minh / Cap emploi 40", ["Nguyen Van Minh"], "Cap emploi 40", AREA_OF_A_SERVICE, ""),
    ("Sophie Durand, CC Terres et Marais", ["Sophie Durand"], "CC Terres et Marais", "Terres et Marais", ""),
    # A structure alone, an acronym alone.
    ("PLIE", [], "PLIE", "", ""),
    ("CCAS de Pau", [], "CCAS de Pau", "", ""),
    ("Communauté de communes du Seignanx", [], "Communauté de communes du Seignanx", "Seignanx", ""),
    (
        "Maison de l'emploi et de la formation du Pays Basque",
        [],
        "Maison de l'emploi et de la formation du Pays Basque",
        AREA_OF_A_SERVICE,
        "",
    ),
    # Several people: each their structure, as written, one after the other.
    (
        "Anne Martin (PLIE du Marsan) et Paul Durand (Mission locale des Landes)",
        ["Anne Martin", "Paul Durand"],
        "PLIE du Marsan, Mission locale des Landes",
        AREA_OF_A_SERVICE,
        "",
    ),
    (
        "Anne Martin / PLIE du Marsan et Paul Durand / Mission locale des Landes",
        ["Anne Martin", "Paul Durand"],
        "PLIE du Marsan, Mission locale des Landes",
        AREA_OF_A_SERVICE,
        "",
    ),
    (
        "Anne Martin - PLIE du Marsan / Paul Durand - CCAS de Pau",
        ["Anne Martin", "Paul Durand"],
        "PLIE du Marsan, CCAS de Pau",
        "Marsan",
        "",
    ),
    (
        "Anne Martin (PLIE du Marsan) / Paul Durand (CCAS de Pau)",
        ["Anne Martin", "Paul Durand"],
        "PLIE du Marsan, CCAS de Pau",
        "Marsan",
        "",
    ),
    (
        "Anne Martin, PLIE du Marsan & Paul Durand, CCAS de Pau",
        ["Anne Martin", "Paul Durand"],
        "PLIE du Marsan, CCAS de Pau",
        "Marsan",
        "",
    ),
    ("Anne Martin (PLIE) et Paul Durand", ["Anne Martin", "Paul Durand"], "PLIE", "", ""),
    # … or one structure for them all.
    (
        "Paul Durand et Anne Martin (PLIE du Marsan)",
        ["Paul Durand", "Anne Martin"],
        "PLIE du Marsan",
        "Marsan",
        "",
    ),
    (
        "Zoé Martin et Loïc Bérard / CA de La Rochelle",
        ["Zoé Martin", "Loïc Bérard"],
        "CA de La Rochelle",
        "La Rochelle",
        "",
    ),
    (
        "Anne Martin, Paul Durand, Julie Thomas - Département des Landes",
        ["Anne Martin", "Paul Durand", "Julie Thomas"],
        "Département des Landes",
        "Landes",
        "",
    ),
    # Typed live, capitals skipped: the person is still a person.
    (
        "élodie Mérignac / Mission locale des Landes",
        ["Élodie Mérignac"],
        "Mission locale des Landes",
        AREA_OF_A_SERVICE,
        "",
    ),
    ("élodie mérignac / CC du Seignanx", ["Élodie Mérignac"], "CC du Seignanx", "Seignanx", ""),
    ("CC du Seignanx / élodie Mérignac", ["Élodie Mérignac"], "CC du Seignanx", "Seignanx", ""),
    ("jean dupont, directeur, CC du Seignanx", ["Jean Dupont"], "CC du Seignanx", "Seignanx", "directeur"),
    ("anne martin", ["Anne Martin"], "", "", ""),
    ("rose des vents / CCAS de Pau", [], "rose des vents / CCAS de Pau", "", ""),  # no one's name
    # Civilities are said before a name, not part of it.
    ("Dr Fatou Ndiaye", ["Fatou Ndiaye"], "", "", ""),
    ("Mme Nguyen Thi Lan", ["Nguyen Thi Lan"], "", "", ""),
    (
        "Mme Sophie Bernard, chargée de mission, Communauté d'agglomération Pays Basque",
        ["Sophie Bernard"],
        "Communauté d'agglomération Pays Basque",
        "Pays Basque",
        "chargée de mission",
    ),
    ("M. Jean Dupont / CC du Seignanx", ["Jean Dupont"], "CC du Seignanx", "Seignanx", ""),
    ("Pr Alain Roux - Université de Pau", ["Alain Roux"], "Université de Pau", "", ""),
    ("Mme LEROY Lucie / PLIE", ["LEROY Lucie"], "PLIE", "", ""),
    # Before a surname alone, the civility is what says a person: kept.
    ("Mme Martin / CCAS de Pau", ["Mme Martin"], "CCAS de Pau", "", ""),
    # Each line of the cell a part of it, as after « / » (paragraphs of a Word cell, lines of a
    # spreadsheet's cell, Entrée typed in the window), whatever comes first; a line that goes
    # on with the one before (« … ¶ du Seignanx ») is the same part.
    ("PLIE Sud Landes\nAnne Roux", ["Anne Roux"], "PLIE Sud Landes", "Sud Landes", ""),
    ("Mission locale de Dax\nKarim Haddad", ["Karim Haddad"], "Mission locale de Dax", "Dax", ""),
    ("CCAS de Pau\nlucie ferrand", ["Lucie Ferrand"], "CCAS de Pau", "", ""),
    (
        "Chargée de mission\nCC du Seignanx\nJulie Blanc",
        ["Julie Blanc"],
        "CC du Seignanx",
        "Seignanx",
        "Chargée de mission",
    ),
    (
        "Communauté de communes\ndu Seignanx\nJulie Blanc",
        ["Julie Blanc"],
        "Communauté de communes du Seignanx",
        "Seignanx",
        "",
    ),
    (
        "PETR du Val d'Adour\r\nThomas Garnier\r\nNadia Perrin",
        ["Thomas Garnier", "Nadia Perrin"],
        "PETR du Val d'Adour",
        "Val d'Adour",
        "",
    ),
    (
        "Anne Martin - PLIE du Marsan\nPaul Durand - CCAS de Pau",
        ["Anne Martin", "Paul Durand"],
        "PLIE du Marsan, CCAS de Pau",
        "Marsan",
        "",
    ),
    ("CC du Seignanx\nLandes", [], "CC du Seignanx", "Seignanx (Landes)", ""),
    # « Structure : personne, personne »: the structure and its people.
    ("PLIE Sud Landes : Anne Roux", ["Anne Roux"], "PLIE Sud Landes", "Sud Landes", ""),
    (
        "PLIE du Marsan : Anne Martin, Paul Durand",
        ["Anne Martin", "Paul Durand"],
        "PLIE du Marsan",
        "Marsan",
        "",
    ),
    (
        "Mission locale de Dax :\nHugo Lambert\nInès Moreau",
        ["Hugo Lambert", "Inès Moreau"],
        "Mission locale de Dax",
        "Dax",
        "",
    ),
    (
        "CA du Grand Dax : Élise FABRE, responsable insertion",
        ["Élise FABRE"],
        "CA du Grand Dax",
        "Grand Dax",
        "responsable insertion",
    ),
    (
        "Romain Vidal : CC Terres de Chalosse",
        ["Romain Vidal"],
        "CC Terres de Chalosse",
        "Terres de Chalosse",
        "",
    ),
    # The person in the parenthesis after the structure, or the role and the structure in the
    # parenthesis after the person: neither is a place.
    ("PLIE Sud Landes (Anne Roux)", ["Anne Roux"], "PLIE Sud Landes", "Sud Landes", ""),
    ("CC du Seignanx (Camille)", ["Camille"], "CC du Seignanx", "Seignanx", ""),
    (
        "Sophie Marty (directrice, Mission locale de Dax)",
        ["Sophie Marty"],
        "Mission locale de Dax",
        "Dax",
        "directrice",
    ),
    (
        "Maison de l'emploi des Landes (Nadia Benali, coordinatrice)",
        ["Nadia Benali"],
        "Maison de l'emploi des Landes",
        "Landes",
        "coordinatrice",
    ),
    # The person written after the structure's area, with no sign between them.
    ("Mission locale de Dax Karim Haddad", ["Karim Haddad"], "Mission locale de Dax", "Dax", ""),
    ("Mission locale des Landes Anne Martin", ["Anne Martin"], "Mission locale des Landes", "Landes", ""),
    (
        "Coordinatrice PLIE Sud Landes Anne Roux",
        ["Anne Roux"],
        "PLIE Sud Landes",
        "Sud Landes",
        "Coordinatrice",
    ),
    ("CCAS Mme Léa Garcia", ["Léa Garcia"], "CCAS", "", ""),
    # A role said with its structure: the role, then the structure.
    (
        "Directrice de la Mission locale de Dax, Sophie Marty",
        ["Sophie Marty"],
        "Mission locale de Dax",
        "Dax",
        "Directrice",
    ),
    (
        "Jonathan Perez, chargé de développement de la Communauté de communes du Seignanx",
        ["Jonathan Perez"],
        "Communauté de communes du Seignanx",
        "Seignanx",
        "chargé de développement",
    ),
    (
        "Cap emploi des Landes : Farid Mansour (conseiller)",
        ["Farid Mansour"],
        "Cap emploi des Landes",
        "Landes",
        "conseiller",
    ),
    # Each part labelled, as a form writes it: each as its label says.
    (
        "Nom : Lucas Girard\nStructure : CC Terres de Chalosse\nFonction : chargé de mission",
        ["Lucas Girard"],
        "CC Terres de Chalosse",
        "Terres de Chalosse",
        "chargé de mission",
    ),
    (
        "Prénom : Nadia ; Nom : BENALI ; Organisme : Mission locale des Landes",
        ["Nadia BENALI"],
        "Mission locale des Landes",
        "Landes",
        "",
    ),
    # A dash between words, spaced or not, separates the parts (« – », « — »; « - » only spaced).
    ("Animatrice—PLIE des Graves—Nadia Perrin", ["Nadia Perrin"], "PLIE des Graves", "Graves", "Animatrice"),
    ("PETR\nCœur Haute Lande\nInès Moreau", ["Inès Moreau"], "PETR Cœur Haute Lande", "Cœur Haute Lande", ""),
]

# Cells whose reading stays unsure: a structure or a place may be named after someone
# (« Centre social Louise Michel »), a service may be followed by its people or its name. They
# are never read as someone who came: left as written, and said to be checked.
UNSURE = [
    "Mission locale Karim Haddad",
    "Maison de l'emploi Anne Martin",
    "Centre social Louise Michel",
    "PETR Monts et barrages Lucas Girard",
    "Réunion du 12/03 : Anne Roux",
    # Surname first, then a known first name, beside a brand no list knows: « Roy Julie » was
    # in the structure « Roy Julie / Adecco », nothing to check said.
    "Roy Julie / Adecco",
    "Carrefour Market : M. Roy",  # a brand of everyday words, then a person: said, not read
    "Leclerc : JULIE ROY",
]

# Cells that name no one and must stay so: a structure named after someone, a place in the
# parenthesis, a colon that introduces no person.
NO_ONE = [
    "Lycée Jean Moulin",
    "Association Jean Moulin",
    "Espace Simone Veil - Mairie de Dax",
    "Ville de Florence Martin",
    "CC du Seignanx (Landes)",
    "Département des Landes (Mont de Marsan)",
    "Tél : 05 58 00 00 00",
    "Résidence Marie / CCAS",  # a place named after someone
    "Mission locale / Sainte Marie",
]


@pytest.mark.parametrize(("cell", "names", "organisation", "territory", "role"), CELLS)
def test_a_participant_cell_is_read_as_written(
    cell: str, names: list[str], organisation: str, territory: str | None, role: str
) -> None:
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation, parsed.role) == (names, organisation, role)
    if territory is not None:
        assert parsed.territory == territory
    assert parsed.source_text == cell  # the cell as typed, kept beside


def test_the_table_holds_forty_cells() -> None:
    assert len(CELLS) >= 40


@pytest.mark.parametrize("cell", UNSURE)
def test_an_unsure_cell_names_no_one_and_is_said_to_be_checked(cell: str) -> None:
    parsed = parse_participant(cell)
    assert parsed.names == [] and person_in_structure(parsed), (parsed.names, parsed.organisation)


@pytest.mark.parametrize("cell", NO_ONE)
def test_a_cell_that_names_no_one_stays_so(cell: str) -> None:
    parsed = parse_participant(cell)
    assert parsed.names == [] and not person_in_structure(parsed), parsed


def test_two_people_with_their_own_structures_are_both_in_the_minutes(tmp_path: Path) -> None:
    """The tester's grid: Paul Durand was nowhere as a person, the label with doubled
    parentheses everywhere; the import said nothing."""
    import docx

    grid, path, minutes = tmp_path / "g4.csv", tmp_path / "w4.atelier", tmp_path / "cr.docx"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Anne Martin (PLIE du Marsan) et Paul Durand (Mission locale des Landes);"
        "Forum emploi;;Financement FSE;\n"
        "Jean Dupont - Directeur - CC du Seignanx;;;;Ingénierie financière FSE\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "-o", str(path))
    assert done.returncode == 0, done.stderr
    said = (done.stdout + done.stderr).replace("\u00a0", " ")
    assert "ligne 2 : plusieurs personnes dans une même entrée (Anne Martin et Paul Durand)" in said, said
    assert run_cli("export", str(path), "--docx", str(minutes)).returncode == 0
    document = docx.Document(str(minutes))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )
    assert "Paul Durand" in text and "PLIE du Marsan, Mission locale des Landes" in text, text
    assert "(PLIE du Marsan) et" not in text and "et Paul Durand -" not in text, text


def test_a_name_read_into_a_structure_is_said_to_be_checked(tmp_path: Path) -> None:
    """Where the reading is unsure, the import's report says the line needs checking rather
    than put a person's name in a structure silently; a sure line says nothing."""
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Anne Martin (PLIE du Marsan) avec Paul Durand;Forum emploi;;;\n"
        "Lycée Jean Moulin / Marc Petit;Stages;;;\n"
        "élodie Mérignac / CC du Seignanx;;;Financement FSE;\n",
        encoding="utf-8",
    )
    for lang, expected in (
        (
            "fr",
            "ligne 2 : « (PLIE du Marsan) avec Paul Durand », lu comme structure ou fonction, "
            "semble contenir le nom d'une personne, à vérifier",
        ),
        (
            "en",
            "row 2: “(PLIE du Marsan) avec Paul Durand”, read as a structure or role, seems to hold "
            "someone's name, please check",
        ),
    ):
        done = run_cli(
            "import", str(grid), "-o", str(tmp_path / f"{lang}.atelier"), env={"ATELIER_LANG": lang}
        )
        assert done.returncode == 0, done.stderr
        said = (done.stdout + done.stderr).replace("\u00a0", " ")
        assert expected in said, said
        assert "Jean Moulin" not in said and "Mérignac" not in said, said  # read as written: nothing to check


@pytest.mark.parametrize(
    "cell",
    [
        "Anne Martin (PLIE) - Paul Durand (CCAS)",
        "Anne Martin (PLIE), Paul Durand (CCAS)",
        "Anne Martin (PLIE) – Paul Durand (CCAS)",
    ],
)
def test_two_people_each_with_a_structure_in_parentheses_after_a_dash_or_a_comma(cell: str) -> None:
    """« Anne Martin (PLIE) - Paul Durand (CCAS) » made Anne Martin alone, of a structure
    « PLIE - Paul Durand » with the role « CCAS »: a person's name in the structure, the
    minutes' table of participants without him. A dash or a comma between two people who each
    say their structure is read as « ; » and « / » are."""
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation, parsed.role) == (
        ["Anne Martin", "Paul Durand"],
        "PLIE, CCAS",
        "",
    )
    assert not person_in_structure(parsed)


def test_a_company_named_after_its_trade_is_no_person() -> None:
    """« Entreprise Martin BTP » was a person « Martin BTP » of a structure « Entreprise »: an
    acronym (« BTP ») written last is no surname in capitals."""
    parsed = parse_participant("Entreprise Martin BTP")
    assert (parsed.names, parsed.organisation) == ([], "Entreprise Martin BTP"), parsed


@pytest.mark.parametrize(
    ("cell", "names", "organisation"),
    [
        # Initials: a person as a first name is.
        ("A. Martin", ["A. Martin"], ""),
        ("E. Macron", ["E. Macron"], ""),
        ("MARTIN A. / PLIE", ["MARTIN A."], "PLIE"),
        # A surname with an elided particle (« d'Arcy », « d'Estaing »).
        (
            "Marie-Hélène d'Arcy / Région Nouvelle-Aquitaine",
            ["Marie-Hélène d'Arcy"],
            "Région Nouvelle-Aquitaine",
        ),
        ("Anne d'Estaing / PLIE", ["Anne d'Estaing"], "PLIE"),
        # People one after the other, their structure said once or by one of them.
        ("Anne Martin (PLIE)\nPaul Durand", ["Anne Martin", "Paul Durand"], "PLIE"),
        ("Anne, Paul et Léa (CCAS)", ["Anne", "Paul", "Léa"], "CCAS"),
    ],
)
def test_people_written_otherwise_are_people(cell: str, names: list[str], organisation: str) -> None:
    """What was wrong: « A. Martin » (an initial) was a structure; « MARTIN A. / PLIE »,
    « Anne d'Estaing / PLIE » named no one, the whole cell a structure; « Anne Martin (PLIE) ¶
    Paul Durand » put Paul Durand in the structure; « Anne, Paul et Léa (CCAS) » was Anne
    alone, of a structure « Paul et Léa », her role « CCAS ». (« Anne Martin / Paul Durand »
    stays a person and her structure, said to be checked: « Paul Martin / Guy Hoquet » is
    written alike, tests/test_anonymise_firms.py.)"""
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation) == (names, organisation), parsed
    assert not person_in_structure(parsed)


@pytest.mark.parametrize(
    ("cell", "names", "organisation"),
    [
        ("- Anne Martin (PLIE)\n- Paul Durand (CCAS)", ["Anne Martin", "Paul Durand"], "PLIE, CCAS"),
        ("• Anne Martin\n• Paul Durand\nCCAS", ["Anne Martin", "Paul Durand"], "CCAS"),
        ("1) Anne Martin - PLIE\n2) Paul Durand - CCAS", ["Anne Martin", "Paul Durand"], "PLIE, CCAS"),
        ("- Anne Martin / PLIE", ["Anne Martin"], "PLIE"),
    ],
)
def test_people_listed_with_bullets_are_people(cell: str, names: list[str], organisation: str) -> None:
    """People listed in the participant's cell as a list is typed (« - », « • », « 1) » before
    each): « - Anne Martin (PLIE) ¶ - Paul Durand (CCAS) » was Paul Durand alone, of a structure
    « - Anne Martin (PLIE) »; « • Anne Martin ¶ • Paul Durand ¶ CCAS » named no one. A bullet
    is no part of who the row is."""
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation) == (names, organisation), parsed
    assert parsed.source_text == cell


COMPANIONS = [
    ("Anne Martin + 2 collègues (CCAS)", ["Anne Martin"], "CCAS"),
    ("Anne Martin (CCAS) + 2 collègues", ["Anne Martin"], "CCAS"),
    ("Anne Martin et 2 collègues (CCAS)", ["Anne Martin"], "CCAS"),
    ("Anne Martin + 1 collègue / CCAS", ["Anne Martin"], "CCAS"),
    ("Anne Martin, CCAS, + 3 personnes", ["Anne Martin"], "CCAS"),
    ("Anne Martin + Paul Durand (CCAS)", ["Anne Martin", "Paul Durand"], "CCAS"),
]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_colleagues_counted_but_not_named_are_no_structure_nor_role(tmp_path: Path, kind: str) -> None:
    """« Anne Martin + 2 collègues (CCAS) » was Anne Martin of a structure « + 2 collègues »,
    her role « CCAS »: the minutes' table of participants, the directory and the projector said
    so. People counted but not named are no name, structure or role (Atelier counts the people
    a row names): the structure is CCAS, and the cell as typed keeps « + 2 collègues »."""
    rows = [["Participant", "Actions", "Défis", "Besoins", "Ressources"]]
    rows += [[cell, f"action {index}", "", "", ""] for index, (cell, _, _) in enumerate(COMPANIONS)]
    source, target = tmp_path / f"grille.{kind}", tmp_path / "out.atelier"
    if kind == "csv":
        import csv

        with source.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
    else:
        import openpyxl

        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(source)
    done = run_cli("import", str(source), "-o", str(target), "--title", "T", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    participants = exported["workshops"][0]["participants"]
    read = [(p["source_text"], p["names"], p["organisation"], p["role"]) for p in participants]
    assert read == [(cell, names, organisation, "") for cell, names, organisation in COMPANIONS]


# Emoji typed in a participant cell (a party popper for a newcomer, a heart, a flag): no part
# of a name or of a structure; the cell as typed keeps them.
PICTOGRAPHS = [
    ("Anne Roux 🎉 / PLIE", ["Anne Roux"], "PLIE"),
    ("🎉 Anne Roux - Mission locale des Landes", ["Anne Roux"], "Mission locale des Landes"),
    ("Anne Roux / PLIE ❤️", ["Anne Roux"], "PLIE"),
    ("Karim Haddad 👋🏽 (CCAS)", ["Karim Haddad"], "CCAS"),
    ("Mission locale n° 3 / Anne Roux", ["Anne Roux"], "Mission locale n° 3"),  # « ° » stays
    # A keycap numbering a list copied from a messaging app: Anne Roux was no one, and the
    # structure « 1 ⃣ Anne Roux / PLIE » (its digit and a stray mark) in the minutes.
    ("1\ufe0f\u20e3 Anne Roux / PLIE", ["Anne Roux"], "PLIE"),
    ("Anne Roux / PLIE #\ufe0f\u20e3", ["Anne Roux"], "PLIE"),
    ("Anne Roux / PLIE 3", ["Anne Roux"], "PLIE 3"),  # a digit alone stays
    # An emoji between two people: it was left out and the words either side joined, one
    # person « Anne Julien », « Anne Martin Julien Roux ». A known first name after it starts
    # another person.
    ("Anne ❤️ Julien / CCAS", ["Anne", "Julien"], "CCAS"),
    ("Anne ❤️ Julien", ["Anne", "Julien"], ""),
    ("Anne Martin 😀 Julien Roux / CCAS", ["Anne Martin", "Julien Roux"], "CCAS"),
    ("PLIE 🌟 Anne Roux", ["Anne Roux"], "PLIE"),
    # Before a word that starts no one, read as before: one name, one structure.
    ("Anne 👩\u200d💼 Roux / CCAS", ["Anne Roux"], "CCAS"),
    ("Mission locale 🌟 des Landes", [], "Mission locale des Landes"),
    ("PLIE 🌟 Sud Landes", [], "PLIE Sud Landes"),
]


@pytest.mark.parametrize(("cell", "names", "organisation"), PICTOGRAPHS)
def test_an_emoji_is_no_part_of_a_name_or_a_structure(cell: str, names: list[str], organisation: str) -> None:
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation, parsed.source_text) == (names, organisation, cell)


def test_an_emoji_is_left_out_of_the_imported_structure(tmp_path: Path) -> None:
    """« Anne Roux 🎉 / PLIE » was Anne Roux of the structure « 🎉 / PLIE » in the minutes."""
    import csv

    source, target = tmp_path / "grille.csv", tmp_path / "out.atelier"
    with source.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(
            [
                ["Participant", "Actions", "Défis", "Besoins", "Ressources"],
                ["Anne Roux 🎉 / PLIE", "forum", "", "", ""],
            ]
        )
    done = run_cli("import", str(source), "-o", str(target), "--title", "T", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    exported = json.loads(run_cli("export", str(target), "--json", "-").stdout)
    (participant,) = exported["workshops"][0]["participants"]
    assert (participant["names"], participant["organisation"]) == (["Anne Roux"], "PLIE")
    assert participant["source_text"] == "Anne Roux 🎉 / PLIE"
