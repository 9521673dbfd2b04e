"""A lone first name in a participant cell is a person, not a structure: « Anne / PLIE » is Anne
of the PLIE (it was imported as the structure « Anne / PLIE »). Names come from a shipped list
of French first names (atelier/resources/names, built from Faker's); a word not in it is read
as before, so « Pau / PLIE » or « Maison de l'emploi de Pau » are not made worse."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.importers import import_grid
from atelier.importers.participant import parse_participant, person_in_structure
from atelier.store import Store


@pytest.mark.parametrize(
    ("cell", "names", "organisation"),
    [
        ("Anne / PLIE", ["Anne"], "PLIE"),
        ("PLIE / Anne", ["Anne"], "PLIE"),
        ("Sandrine - Mission locale des Landes", ["Sandrine"], "Mission locale des Landes"),
        ("Marie-Claire / CC du Val de Gâtine", ["Marie-Claire"], "CC du Val de Gâtine"),
        ("Anne et Julien / PLIE Grand Poitiers", ["Anne", "Julien"], "PLIE Grand Poitiers"),
        # Common in France, missing from the list's first version (fr_BE's counts were not read).
        ("Karim / PLIE", ["Karim"], "PLIE"),
        ("Grégory - Mission locale du Médoc", ["Grégory"], "Mission locale du Médoc"),
        ("Marion et Ludovic / CdC du Bazadais", ["Marion", "Ludovic"], "CdC du Bazadais"),
        ("PLIE / Anne Martin", ["Anne Martin"], "PLIE"),
        # Read as before: the whole name first, a word that is no first name, a structure alone.
        ("Anne Martin / PLIE", ["Anne Martin"], "PLIE"),
        ("Maison de l'emploi de Pau", [], "Maison de l'emploi de Pau"),
        ("Pau / PLIE", [], "Pau / PLIE"),
        ("Lorraine / PLIE", [], "Lorraine / PLIE"),  # a region, too
        ("Mission locale / Aude", [], "Mission locale / Aude"),  # a département, too
        ("PLIE", [], "PLIE"),
        # First names alone in the cell (the facilitator typed « Anne » for the woman across
        # the table): people, not a structure « Anne » in the minutes' Structure column.
        ("Anne", ["Anne"], ""),
        ("Karim", ["Karim"], ""),
        ("Anne et Julien", ["Anne", "Julien"], ""),
        ("Anne, Julien", ["Anne", "Julien"], ""),
        ("Lorraine", [], "Lorraine"),  # a region, too
        ("Pau", [], "Pau"),
    ],
)
def test_a_first_name_goes_to_the_names_and_the_structure_to_the_structure(
    cell: str, names: list[str], organisation: str
) -> None:
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation) == (names, organisation)
    assert parsed.source_text == cell


def test_a_lone_first_name_keeps_its_place_in_parentheses() -> None:
    parsed = parse_participant("Anne (Landes)")
    assert (parsed.names, parsed.organisation, parsed.territory) == (["Anne"], "", "Landes")


def _imported(path: Path, tmp_path: Path) -> list[tuple[list[str], str]]:
    target = tmp_path / f"{path.stem}-{path.suffix[1:]}.atelier"
    import_grid(path, target)
    with Store.open(target, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        return [(p.names, p.organisation) for p in store.participants(workshop_id)]


def test_csv_and_word_grids_put_a_lone_first_name_with_the_people(tmp_path: Path) -> None:
    import docx

    rows = [
        ("Anne / PLIE", "Forum emploi", "Mobilité", "Un local", "Des contacts"),
        ("PLIE / Karim BENALI", "Clauses sociales", "Recrutement", "Des stages", "Un réseau"),
        ("Karim / PLIE", "Forum emploi", "Mobilité", "Un local", "Des contacts"),
        ("Maison de l'emploi de Pau", "Job dating", "Jeunes", "Des entreprises", "Un lieu"),
        ("Élodie", "Atelier CV", "Jeunes", "Des stages", "Un réseau"),
    ]
    header = ("Participant", "Actions", "Défis", "Besoins", "Je peux être ressource sur")
    csv = tmp_path / "grille.csv"
    csv.write_text("\n".join(";".join(r) for r in (header, *rows)) + "\n", encoding="utf-8")
    document = docx.Document()
    document.add_heading("Atelier du 5 avril 2024", level=1)
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    word = tmp_path / "grille.docx"
    document.save(str(word))
    expected = [
        (["Anne"], "PLIE"),
        (["Karim BENALI"], "PLIE"),
        (["Karim"], "PLIE"),
        ([], "Maison de l'emploi de Pau"),
        (["Élodie"], ""),
    ]
    assert _imported(csv, tmp_path) == expected
    assert _imported(word, tmp_path) == expected


@pytest.mark.parametrize(
    ("cell", "names", "organisation"),
    [
        # A brand and its town first, then a whole name with a known first name: the brand was
        # the person « Randstad Dax » and Julie Roy the structure, in the minutes.
        ("Randstad Dax - Julie Roy", ["Julie Roy"], "Randstad Dax"),
        ("Adecco Mont-de-Marsan / Karim Haddad", ["Karim Haddad"], "Adecco Mont-de-Marsan"),
        ("Julie Roy - Randstad Dax", ["Julie Roy"], "Randstad Dax"),  # as before
        # The person by her first name alone: the brand was the person « Randstad Dax » and
        # « Julie » the structure, with nothing to check said.
        ("Randstad Dax - Julie", ["Julie"], "Randstad Dax"),
        ("Adecco Pau / Karim et Julie", ["Karim", "Julie"], "Adecco Pau"),
        # The person written otherwise than « Prénom Nom »: in capitals, by a civility and her
        # surname, surname first. The brand was the person « Randstad Dax » and she its
        # structure, with nothing to check said.
        ("Randstad Dax - JULIE ROY", ["JULIE ROY"], "Randstad Dax"),
        ("Randstad Dax - M. Roy", ["M. Roy"], "Randstad Dax"),
        ("Adecco Pau / Mme Roy", ["Mme Roy"], "Adecco Pau"),
        ("Randstad Dax - Roy Julie", ["Roy Julie"], "Randstad Dax"),
        ("Randstad Dax - ROY Julie", ["ROY Julie"], "Randstad Dax"),
        ("Randstad Dax - M. et Mme Roy", ["M. Roy", "Mme Roy"], "Randstad Dax"),
        ("Randstad Dax - Roy Julie et Petit Marc", ["Roy Julie", "Petit Marc"], "Randstad Dax"),
        # The brand, a colon, then who came from it: the brand was the structure « Adecco :
        # M. Roy », nothing to check said (« Adecco : Julie Roy » was said to check).
        ("Adecco : Julie Roy", ["Julie Roy"], "Adecco"),
        ("Adecco : M. Roy", ["M. Roy"], "Adecco"),
        ("Randstad Dax : JULIE ROY", ["JULIE ROY"], "Randstad Dax"),
        ("Adecco : Roy Julie", ["Roy Julie"], "Adecco"),
        # In a parenthesis after the brand: she was its territory, the brand the person.
        ("Randstad Dax (Roy Julie)", ["Roy Julie"], "Randstad Dax"),
        ("PLIE (Roy Julie)", ["Roy Julie"], "PLIE"),  # was the structure « PLIE - Roy Julie »
        ("PLIE / Roy Julie", ["Roy Julie"], "PLIE"),
        ("Roy Julie / PLIE", ["Roy Julie"], "PLIE"),  # as before
        # Read as before: a place after the brand is no one (« Saint Jean », « Sainte Marie »).
        ("Mission locale - Sainte Marie", [], "Mission locale - Sainte Marie"),
        # Both whole names with a known first name: read as before (two people, or flagged).
        ("Anne Martin - Julie Roy", ["Anne Martin"], "Julie Roy"),
    ],
)
def test_a_brand_before_a_known_person_is_the_structure(
    cell: str, names: list[str], organisation: str
) -> None:
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation) == (names, organisation)


def test_a_csv_grid_names_the_person_not_the_agency(tmp_path: Path) -> None:
    header = ("Participant", "Actions", "Défis", "Besoins", "Je peux être ressource sur")
    rows = [("Randstad Dax - Julie Roy", "Forum emploi", "Mobilité", "Un local", "Des contacts")]
    csv = tmp_path / "grille.csv"
    csv.write_text("\n".join(";".join(r) for r in (header, *rows)) + "\n", encoding="utf-8")
    assert _imported(csv, tmp_path) == [(["Julie Roy"], "Randstad Dax")]


def test_a_csv_grid_names_the_person_written_in_capitals_or_surname_first(tmp_path: Path) -> None:
    header = ("Participant", "Actions", "Défis", "Besoins", "Je peux être ressource sur")
    rows = [
        ("Randstad Dax - JULIE ROY", "Forum emploi", "Mobilité", "Un local", "Des contacts"),
        ("Randstad Dax - M. Roy", "Job dating", "Jeunes", "Des stages", "Un réseau"),
        ("Randstad Dax - Roy Julie", "Atelier CV", "Jeunes", "Des entreprises", "Un lieu"),
    ]
    csv = tmp_path / "grille.csv"
    csv.write_text("\n".join(";".join(r) for r in (header, *rows)) + "\n", encoding="utf-8")
    assert _imported(csv, tmp_path) == [
        (["JULIE ROY"], "Randstad Dax"),
        (["M. Roy"], "Randstad Dax"),
        (["Roy Julie"], "Randstad Dax"),
    ]


@pytest.mark.parametrize(
    ("cell", "names", "organisation"),
    [
        # A structure named after someone, then a word no surname is: the structure, alone
        # (« Victor Hugo Emploi » was a person of that name, with no structure).
        ("Victor Hugo Emploi", [], "Victor Hugo Emploi"),
        # A firm and the part of the country it covers (« Colas Sud-Ouest », « Eiffage Nord »):
        # the compass point is no surname; they were the people « Colas Sud-Ouest », « Orange
        # Sud-Ouest », nothing to check said.
        ("Colas Sud-Ouest / agence de Langon", [], "Colas Sud-Ouest / agence de Langon"),
        ("Orange Sud-Ouest / PLIE", [], "Orange Sud-Ouest / PLIE"),
        ("Eiffage Nord / Anne Martin", ["Anne Martin"], "Eiffage Nord"),
        ("Colas Nord-Est", [], "Colas Nord-Est"),
        # After a whole name, the area she is from is no part of it (one person « Anne Martin
        # Sud Landes » was read).
        ("Anne Martin Sud Landes", ["Anne Martin"], "Sud Landes"),
        ("Victor Hugo Emploi / Anne Martin", ["Anne Martin"], "Victor Hugo Emploi"),
        ("Anne Martin - Jean Moulin Formation", ["Anne Martin"], "Jean Moulin Formation"),
        ("Anne Martin - Victor Hugo Emploi", ["Anne Martin"], "Victor Hugo Emploi"),
        ("Victor Hugo / PLIE", ["Victor Hugo"], "PLIE"),  # a man of that name, as before
        # A surname with an elision (« d'Arc ») before the word of the trade: the structure
        # was Jeanne d'Arc's, a person, of the structure « Formation ».
        ("Jeanne d'Arc Formation", [], "Jeanne d'Arc Formation"),
        ("Anne Martin - Jeanne d'Arc formation", ["Anne Martin"], "Jeanne d'Arc formation"),
        ("Jeanne d'Arc / PLIE", ["Jeanne d'Arc"], "PLIE"),  # a woman of that name, as before
        # Structures that start with a known first name (« Marine », « Rose »): they were the
        # people « Marine Nationale » and « Rose Habitat », and Paul Durand their structure.
        ("Marine Nationale", [], "Marine Nationale"),
        ("Marine Nationale / Paul Durand", ["Paul Durand"], "Marine Nationale"),
        ("Rose Habitat", [], "Rose Habitat"),
        ("Rose Martin", ["Rose Martin"], ""),  # a woman of that name, as before
    ],
)
def test_a_structure_named_after_someone_is_no_person(cell: str, names: list[str], organisation: str) -> None:
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation) == (names, organisation)
    assert person_in_structure(parsed) == ""  # nothing to check: no one's name read as a structure


@pytest.mark.parametrize(
    ("cell", "names", "organisation"),
    [
        # First names common in France that the list (Faker's alone) missed: « Blanche Dupont »
        # was the structure « Blanche Dupont » in the minutes.
        ("Blanche Dupont", ["Blanche Dupont"], ""),
        ("Blanche / PLIE", ["Blanche"], "PLIE"),
        ("Fatou / Mission locale des Landes", ["Fatou"], "Mission locale des Landes"),
        ("Soizic et Anne / CCAS", ["Soizic", "Anne"], "CCAS"),
        # Words the larger list leaves out: a structure's name stays a structure's.
        ("Harmonie Mutuelle", [], "Harmonie Mutuelle"),
        ("Prince / PLIE", [], "Prince / PLIE"),
        ("Mission locale / Fleury", [], "Mission locale / Fleury"),
    ],
)
def test_first_names_common_in_france_are_known(cell: str, names: list[str], organisation: str) -> None:
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation) == (names, organisation)
