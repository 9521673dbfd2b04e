"""Two grids side by side on one sheet (« Groupe A » in columns A–C, « Groupe B » in E–G, the
same headers): the second group's people were left out, said only as « colonne 5
« Participant » non importée », and its needs and offers were given to the first group's
people. Each group is now read, one after the other, and said; a group whose columns are not
the first's is left out, said with its people's names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli


def _xlsx(path: Path, rows: list[list[str | None]]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(str(path))
    return path


def _import(grid: Path, lang: str = "fr") -> tuple[dict[str, dict[str, list[str]]], str]:
    target = grid.with_suffix(".atelier")
    before = grid.read_bytes()
    done = run_cli("import", str(grid), "-o", str(target), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    assert grid.read_bytes() == before
    out = run_cli("export", str(target), "--json", "-")
    assert out.returncode == 0, out.stderr
    people = json.loads(out.stdout)["workshops"][0]["participants"]
    return {p["names"][0]: {k: p[k] for k in ("needs", "offers")} for p in people}, " ".join(
        done.stdout.split()
    )


def test_both_groups_of_a_sheet_are_read(tmp_path: Path) -> None:
    grid = _xlsx(
        tmp_path / "groupes.xlsx",
        [
            ["Groupe A", None, None, None, "Groupe B"],
            ["Participant", "Besoins", "Ressources", None, "Participant", "Besoins", "Ressources"],
            [
                "Anne Roux (PLIE)",
                "Minibus",
                "Ateliers CV",
                None,
                "Karim Haddad (Cap emploi)",
                "Employeurs",
                "Formations",
            ],
            [
                "Lucie Martin (CdC)",
                "Données",
                "Foncier",
                None,
                "Paul Petit (Mission locale)",
                "Logement",
                "Accompagnement",
            ],
        ],
    )
    people, said = _import(grid)
    assert people == {
        "Anne Roux": {"needs": ["Minibus"], "offers": ["Ateliers CV"]},
        "Lucie Martin": {"needs": ["Données"], "offers": ["Foncier"]},
        "Karim Haddad": {"needs": ["Employeurs"], "offers": ["Formations"]},
        "Paul Petit": {"needs": ["Logement"], "offers": ["Accompagnement"]},
    }, said
    assert "grilles côte à côte (« Groupe A » et « Groupe B »)" in said, said
    assert "non importée" not in said, said


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_group_of_other_columns_is_said_with_its_people(tmp_path: Path, lang: str) -> None:
    grid = _xlsx(
        tmp_path / "groupes.xlsx",
        [
            ["Atelier du 3 mars 2027 à Blaye"],
            ["Participant", "Besoins", "Ressources", None, "Participant", "Défis"],
            ["Anne Roux (PLIE)", "Minibus", "Ateliers CV", None, "Karim Haddad (Cap emploi)", "Recrutement"],
            ["Lucie Martin (CdC)", "Données", "Foncier", None, "Paul Petit (Mission locale)", "Logement"],
        ],
    )
    people, said = _import(grid, lang)
    assert sorted(people) == ["Anne Roux", "Lucie Martin"]
    assert people["Anne Roux"] == {"needs": ["Minibus"], "offers": ["Ateliers CV"]}, said
    if lang == "fr":
        assert (
            "grille voisine colonnes 5 à 6 non importée, ses colonnes n'étant pas celles de la "
            "première : 2 participants non importés (Karim Haddad (Cap emploi) et Paul Petit "
            "(Mission locale))"
        ) in said.replace("\u202f", " ").replace("\xa0", " "), said
    else:
        assert (
            "2 participants not imported (Karim Haddad (Cap emploi) and Paul Petit (Mission locale))" in said
        )


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("spacers", [1, 2])
def test_the_empty_columns_between_two_unnamed_grids_belong_to_neither(
    tmp_path: Path, lang: str, spacers: int
) -> None:
    """No « Groupe A » / « Groupe B » above them: the grids are said by their columns, and the
    empty column(s) between them were counted in the first (« colonnes 1 à 4 » for A–C)."""
    gap: list[str | None] = [None] * spacers
    grid = _xlsx(
        tmp_path / "groupes.xlsx",
        [
            ["Participant", "Besoins", "Ressources", *gap, "Participant", "Besoins", "Ressources"],
            ["Anne Roux (PLIE)", "Minibus", "Ateliers CV", *gap, "Karim Haddad (Cap emploi)", "Employeurs",
             "Formations"],
            ["Lucie Martin (CdC)", "Données", "Foncier", *gap, "Paul Petit (Mission locale)", "Logement",
             "Conseil"],
        ],
    )  # fmt: skip
    people, said = _import(grid, lang)
    assert people == {
        "Anne Roux": {"needs": ["Minibus"], "offers": ["Ateliers CV"]},
        "Lucie Martin": {"needs": ["Données"], "offers": ["Foncier"]},
        "Karim Haddad": {"needs": ["Employeurs"], "offers": ["Formations"]},
        "Paul Petit": {"needs": ["Logement"], "offers": ["Conseil"]},
    }, said
    second = f"{4 + spacers} {'to' if lang == 'en' else 'à'} {6 + spacers}"
    if lang == "fr":
        assert f"grilles côte à côte (colonnes 1 à 3 et colonnes {second})" in said, said
    else:
        assert f"grids side by side (columns 1 to 3 and columns {second})" in said, said
    assert "4 participants" in said and "non importé" not in said, said


def test_a_group_of_other_columns_after_an_empty_column_is_said_by_its_own(tmp_path: Path) -> None:
    grid = _xlsx(
        tmp_path / "groupes.xlsx",
        [
            ["Participant", "Besoins", "Ressources", None, None, "Participant", "Défis"],
            ["Anne Roux (PLIE)", "Minibus", "Ateliers CV", None, None, "Karim Haddad (Cap emploi)",
             "Recrutement"],
        ],
    )  # fmt: skip
    people, said = _import(grid)
    assert sorted(people) == ["Anne Roux"], said
    assert "grille voisine colonnes 6 à 7 non importée" in said.replace("\xa0", " "), said
