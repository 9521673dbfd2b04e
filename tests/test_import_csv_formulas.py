"""A CSV grid made by a program, or saved from a spreadsheet with its formulas, names a
structure by a link (« =HYPERLINK("https://…";"Mission locale") », « =LIEN_HYPERTEXTE(…) » in a
French spreadsheet). The cell was dropped and said in Excel's words (« cellule à formule sans
valeur calculée », « une formule jamais calculée »), of a file that is no workbook. A link's
text is now read as the spreadsheet shows it, as plain text, its address said as not imported;
any other formula is said in the text file's terms, with what it was (tester finding F2).
Exported to Excel, nothing read from such a cell is ever a formula."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import run_cli

HEADERS = ["Participant", "Besoins", "Ressources", "Actions"]
ROWS = [
    [
        "Anne Martin / PLIE du Marsan",
        '=HYPERLINK("https://www.mission-locale.fr";"Mission locale")',
        "Locaux",
        "=SOMME(A2:A5)",
    ],
    ['=LIEN_HYPERTEXTE("mailto:paul.durand@example.org";"Paul Durand")', "Permis", "Forum", ""],
    ['=CONCATENER("Ka";"rim")', "Garde d'enfants", "Covoiturage", ""],
    ["Julie Roux / CC du Bazadais", '=HYPERLINK("https://x.example.org")', '="= priorité aux jeunes"', ""],
]


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture
def grid(tmp_path: Path) -> Path:
    path = tmp_path / "grille.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file, delimiter=";").writerows([HEADERS, *ROWS])  # as a spreadsheet saves it
    return path


def _import(grid: Path, lang: str = "fr") -> tuple[Path, list[str]]:
    before = grid.read_bytes()
    target = grid.with_name(f"{lang}.atelier")
    done = run_cli("import", str(grid), "-o", str(target), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    assert grid.read_bytes() == before
    return target, _plain(done.stdout + done.stderr).splitlines()


def _people(workshop: Path) -> dict[str, dict[str, list[str]]]:
    with Store.open(workshop, readonly=True) as store:
        (only,) = store.workshops()
        return {
            ", ".join(p.names): {kind.value: [i.text for i in store.items(p.id, kind)] for kind in ItemKind}
            for p in store.participants(only.id)
        }


def test_a_link_s_text_is_read_and_its_address_said_left_out(grid: Path) -> None:
    workshop, said = _import(grid)
    people = _people(workshop)
    assert set(people) == {"Anne Martin", "Paul Durand", "Julie Roux"}
    assert people["Anne Martin"]["need"] == ["Mission locale"]  # it was dropped
    assert people["Anne Martin"]["action"] == []
    assert people["Julie Roux"]["need"] == []
    assert people["Julie Roux"]["offer"] == ["= priorité aux jeunes"]  # a text, as a spreadsheet shows it
    assert (
        "Attention : 2 liens écrits en formule, importés par leur texte seul, sans leur adresse "
        "(ligne 2, colonne 2 ; ligne 3, colonne 1) : « https://www.mission-locale.fr », "
        "« mailto:paul.durand@example.org »"
    ) in said, said


def test_a_formula_is_said_in_the_csv_s_terms(grid: Path) -> None:
    _workshop, said = _import(grid)
    assert (
        "Attention : 2 cellules commençant par « = » (des formules de tableur écrites en texte, sans "
        "leur valeur) non importées (ligne 2, colonne 4 ; ligne 5, colonne 2) : « =SOMME(A2:A5) », "
        '« =HYPERLINK("https://x.example.org") »'
    ) in said, said
    assert (
        "Attention : ligne 4 non importée : sa cellule de participant commence par « = » (une formule "
        'de tableur écrite en texte, sans sa valeur : « =CONCATENER("Ka";"rim") »), ses éléments ne '
        "sont donnés à personne"
    ) in said, said
    text = "\n".join(said).lower()
    assert "calculée" not in text and "classeur" not in text and "excel" not in text


def test_said_in_english(grid: Path) -> None:
    _workshop, said = _import(grid, "en")
    assert (
        "Warning: 2 links written as formulas, imported as their text alone, without their addresses "
        "(row 2, column 2; row 3, column 1): “https://www.mission-locale.fr”, "
        "“mailto:paul.durand@example.org”"
    ) in said, said
    assert (
        "Warning: 2 cells starting with “=” (spreadsheet formulas written as text, without their values) "
        'not imported (row 2, column 4; row 5, column 2): “=SOMME(A2:A5)”, “=HYPERLINK("https://x.example.org")”'
    ) in said, said
    assert (
        "Warning: row 4 not imported: its participant cell starts with “=” (a spreadsheet formula "
        'written as text, without its value: “=CONCATENER("Ka";"rim")”), its items are given to no one'
    ) in said, said
    assert "computed" not in "\n".join(said) and "workbook" not in "\n".join(said)


def test_nothing_read_from_a_formula_is_a_formula_in_excel(grid: Path, tmp_path: Path) -> None:
    import openpyxl

    workshop, _said = _import(grid)
    exported = tmp_path / "export.xlsx"
    done = run_cli("export", str(workshop), "--xlsx", str(exported))
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(exported)
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "Mission locale" in {c.value for c in cells}
    priority = [c for c in cells if c.value == "= priorité aux jeunes"]
    assert priority and all(c.data_type == "s" and c.quotePrefix for c in priority)  # text, even edited
    assert not [c.value for c in cells if "HYPERLINK" in str(c.value) or "SOMME" in str(c.value)]
