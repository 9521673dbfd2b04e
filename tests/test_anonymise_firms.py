"""Anonymised exports mask people, never structures: a participant's structure named after a
person (« Guy Hoquet », « Léa Nature ») stays in every text that names it, and so does a firm
written as one (« l'enseigne Yves Rocher »); an absent person written in lower case after
« avec », « pour », « chez »… (« rendez-vous avec martine ») is masked, while ordinary lower-case
words that are also first names (« la rose des vents, pierre et olive ») stay. The export's
note counts exactly the words it left that may be a first name."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from .conftest import run_cli

ROWS = [
    (
        "Paul Martin / Guy Hoquet",
        "Partenariat avec Guy Hoquet et Léa Nature",
        "rendez-vous avec martine",
        "la rose des vents, pierre et olive",
        "Rencontre chez Guy Hoquet",
    ),
    (
        "Sophie Leroy / Léa Nature",
        "Léa Nature recrute",
        "Rendez-vous avec Martine du Département",
        "voir avec claire",
        "un rendez-vous pour martine",
    ),
    (
        "Jean Dupont / CC du Seignanx",
        "Travail avec Mme Durand",
        "le bureau de nadine",
        "appeler ginette demain",
        "partenariat avec l'enseigne Yves Rocher",
    ),
]
# What each text reads anonymised: a person masked, a structure or a word left as written.
EXPECTED = {
    "Partenariat avec Guy Hoquet et Léa Nature": "Partenariat avec Guy Hoquet et Léa Nature",
    "Rencontre chez Guy Hoquet": "Rencontre chez Guy Hoquet",
    "Léa Nature recrute": "Léa Nature recrute",
    "partenariat avec l'enseigne Yves Rocher": "partenariat avec l'enseigne Yves Rocher",
    "rendez-vous avec martine": "rendez-vous avec [nom]",
    "un rendez-vous pour martine": "un rendez-vous pour [nom]",
    "le bureau de nadine": "le bureau de [nom]",
    "Rendez-vous avec Martine du Département": "Rendez-vous avec [nom] du Département",
    "Travail avec Mme Durand": "Travail avec [nom]",
    "la rose des vents, pierre et olive": "la rose des vents, pierre et olive",
    "voir avec claire": "voir avec claire",
    "appeler ginette demain": "appeler ginette demain",
}


def test_structures_stay_and_absent_people_in_lower_case_are_masked(tmp_path: Path) -> None:
    grid = tmp_path / "g.csv"
    lines = ["Participant;Actions;Défis;Besoins;Ressources", *(";".join(row) for row in ROWS)]
    grid.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "g.atelier"
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    table = tmp_path / "t.xlsx"
    done = run_cli("export", str(path), "--anonymise", "--xlsx", str(table))
    assert done.returncode == 0, done.stderr

    book = openpyxl.load_workbook(table)
    sheets = {"Actions", "Défis", "Besoins", "Ressources"}
    texts = [
        row[-1]
        for sheet in book
        if sheet.title in sheets
        for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    structures = [row[1] for row in book["Grille"].iter_rows(min_row=2, values_only=True)]
    assert structures == ["Guy Hoquet", "Léa Nature", "CC du Seignanx"]
    assert sorted(texts) == sorted(EXPECTED.values()), texts
    everything = "\n".join(
        str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row if v is not None
    )
    for name in ("Paul", "Martin", "Sophie", "Leroy", "Dupont", "martine", "Durand", "nadine"):
        assert name not in everything, name
    # The words left that may be someone's first name: « claire » after « avec », « ginette »,
    # a first name and no everyday word; never « rose », « pierre », « olive » of a phrase.
    said = done.stdout + done.stderr
    assert "2 mots laissés tels quels pourraient être des prénoms" in said, said
    assert "«\u00a0claire\u00a0», «\u00a0ginette\u00a0»" in said, said


def test_a_structure_that_may_be_a_person_is_said_when_printed_anonymised(tmp_path: Path) -> None:
    """« Anne Martin / Paul Durand »: the import reads Paul Durand as Anne Martin's structure
    and says « à vérifier »; the anonymised export printed « Paul Durand » in every table and
    said nothing, though it may be a second person. Structures named after a person stay (a
    firm, « Guy Hoquet »), but whoever exports is now told which ones were printed as written,
    to check them before the document is shared; a structure that reads as none is not."""
    grid = tmp_path / "g.csv"
    grid.write_text(
        "Participant;Actions;Besoins\n"
        "Anne Martin / Paul Durand;Partenariat;Trouver des bénévoles\n"
        "Paul Martin / Guy Hoquet;Rencontre;Logement\n"
        "Jean Dupont / CC du Seignanx;Atelier CV;Mobilité\n",
        encoding="utf-8",
    )
    path = tmp_path / "g.atelier"
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    before = path.read_bytes()
    table = tmp_path / "t.xlsx"
    done = run_cli("export", str(path), "--anonymise", "--xlsx", str(table))
    assert done.returncode == 0, done.stderr
    said = done.stdout + done.stderr
    assert (
        "Anonymisation\u00a0: 2 structures semblent contenir le nom d'une personne et restent "
        "imprimées telles quelles («\u00a0Guy Hoquet\u00a0», «\u00a0Paul Durand\u00a0»)"
    ) in said, said
    assert "Seignanx" not in said.split("Anonymisation", 1)[1]
    assert path.read_bytes() == before
    english = run_cli(
        "export", str(path), "--anonymise", "--xlsx", str(tmp_path / "en.xlsx"), env={"ATELIER_LANG": "en"}
    )
    assert english.returncode == 0, english.stderr
    said = english.stdout + english.stderr
    assert "2 structures seem to hold a person's name and are printed as written" in said, said
