"""A structure's name is never cut into a structure and a function, nor taken for a function:
« Louis Petit / Lycée professionnel Léonard de Vinci » is Louis Petit of the « Lycée
professionnel Léonard de Vinci » (« professionnel » after a structure's word is its adjective,
« Léonard » inside a structure's name is no one), not of « Lycée » with the function
« professionnel Léonard de Vinci »; « Sous-préfecture de Sarlat » is a structure, as
« Préfecture » is (a « sous-préfet » is a function). « Pôle emploi Langon » is on Langon, as
« Maison de l'emploi de Bayonne » is on Bayonne. Read by the import, shown in the minutes'
« Personnes | Structure | Territoire » annex and its pistes."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.importers.participant import parse_participant

from .conftest import run_cli


@pytest.mark.parametrize(
    ("cell", "names", "organisation", "territory", "role"),
    [
        (
            "Louis Petit / Lycée professionnel Léonard de Vinci",
            ["Louis Petit"],
            "Lycée professionnel Léonard de Vinci",
            "",
            "",
        ),
        (
            "Anne Roux / Centre de formation professionnelle de Dax",
            ["Anne Roux"],
            "Centre de formation professionnelle de Dax",
            "",
            "",
        ),
        ("Paul Henry / Sous-préfecture de Sarlat", ["Paul Henry"], "Sous-préfecture de Sarlat", "", ""),
        ("Karima Haddou / Pôle emploi Langon", ["Karima Haddou"], "Pôle emploi Langon", "Langon", ""),
        # Unchanged: a function that starts a part, a sous-préfet.
        ("Paul Henry / sous-préfet de Sarlat", ["Paul Henry"], "", "", "sous-préfet de Sarlat"),
        (
            "Julie Blanc / Mission locale des Landes / professionnelle de l'insertion",
            ["Julie Blanc"],
            "Mission locale des Landes",
            "Landes",
            "professionnelle de l'insertion",
        ),
        ("Maison de l'emploi de Bayonne", [], "Maison de l'emploi de Bayonne", "Bayonne", ""),
        # A town written without « de »: the town served when the cell names its people apart
        # (alone, « Maison de l'emploi Bordeaux » might end on a surname: no territory).
        (
            "Anne Martin / Maison de l'emploi Bordeaux",
            ["Anne Martin"],
            "Maison de l'emploi Bordeaux",
            "Bordeaux",
            "",
        ),
        ("Maison de l'emploi Bordeaux", [], "Maison de l'emploi Bordeaux", "", ""),
        ("Anne Martin / Mission locale Dupont", ["Anne Martin"], "Mission locale Dupont", "", ""),
        ("Mission locale Dupont", [], "Mission locale Dupont", "", ""),
    ],
)
def test_a_structure_s_name_is_read_whole(
    cell: str, names: list[str], organisation: str, territory: str, role: str
) -> None:
    parsed = parse_participant(cell)
    assert (parsed.names, parsed.organisation, parsed.territory, parsed.role) == (
        names,
        organisation,
        territory,
        role,
    )


def test_the_minutes_name_the_lycee_and_the_sous_prefecture_whole(tmp_path: Path) -> None:
    import docx

    grid, workshop, target = tmp_path / "g.csv", tmp_path / "g.atelier", tmp_path / "g.docx"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Louis Petit / Lycée professionnel Léonard de Vinci;;;stages pour les élèves;plateau technique\n"
        "Paul Henry / Sous-préfecture de Sarlat;;;plateau technique;stages pour les élèves\n"
        "Karima Haddou / Pôle emploi Langon;;;stages;offres d'emploi\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0, done.stderr
    assert "à vérifier" not in done.stdout + done.stderr
    assert run_cli("export", str(workshop), "--docx", str(target)).returncode == 0
    document = docx.Document(str(target))
    rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    assert ["Louis Petit", "Lycée professionnel Léonard de Vinci", ""] in rows, rows
    assert ["Paul Henry", "Sous-préfecture de Sarlat", ""] in rows, rows
    assert ["Karima Haddou", "Pôle emploi Langon", "Langon"] in rows, rows
    text = "\n".join(c for r in rows for c in r)
    assert "Louis Petit (Lycée professionnel Léonard de Vinci)" in text
    assert "Louis Petit (Lycée)" not in text
