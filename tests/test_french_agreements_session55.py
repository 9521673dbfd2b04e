"""French slips the tester read in what Atelier says: one cell was « pour les lire », and a
missing export format listed its options with spaces only (« --json --xlsx --docx --fiches »)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT, run_cli


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _formula_grid(tmp_path: Path, formulas: list[str]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Matin"
    sheet.append(["Participants", "Actions", "Défis", "Besoins", "Ressources"])
    sheet.append(["Anne Martin, PLIE", "forum", "mobilité", *formulas, "navette"][:5])
    sheet.append(["Paul Roux, Mission locale", "salon", "logement", "transport", "covoiturage"])
    grid = tmp_path / "grille.xlsx"
    workbook.save(grid)  # openpyxl writes no computed value: as never opened in Excel
    return grid


def test_one_formula_cell_never_computed_is_la(tmp_path: Path) -> None:
    grid = _formula_grid(tmp_path, ["=1+1"])
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"))
    assert done.returncode == 0, done.stderr
    (line,) = [_plain(x) for x in done.stdout.splitlines() if "valeur calculée" in x]
    assert "1 cellule à formule sans valeur calculée non importée (D2) : pour la lire," in line
    english = run_cli("import", str(grid), "-o", str(tmp_path / "b.atelier"), env={"ATELIER_LANG": "en"})
    (line,) = [x for x in english.stdout.splitlines() if "never computed" in x]
    assert ": to read it, open the workbook" in line, line


def test_two_formula_cells_never_computed_are_les(tmp_path: Path) -> None:
    import openpyxl

    grid = _formula_grid(tmp_path, ["=1+1"])
    workbook = openpyxl.load_workbook(grid)
    workbook.active["E3"] = "=2+2"
    workbook.save(grid)
    done = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"))
    (line,) = [_plain(x) for x in done.stdout.splitlines() if "valeur calculée" in x]
    assert "2 cellules à formule sans valeur calculée non importées" in line and ": pour les lire," in line


def test_export_without_a_format_lists_its_options(tmp_path: Path) -> None:
    workshop = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", workshop)
    before = workshop.read_bytes()
    done = run_cli("export", str(workshop))
    assert done.returncode == 2
    assert "l'un de ces arguments est requis : --json, --xlsx, --docx ou --fiches" in _plain(done.stderr), (
        done.stderr
    )
    english = run_cli("export", str(workshop), env={"ATELIER_LANG": "en"})
    assert "one of the arguments --json, --xlsx, --docx or --fiches is required" in english.stderr
    assert workshop.read_bytes() == before


GRID = (
    "Atelier mobilité du 12 mai 2022 à Dax\n"
    "Participants;Actions;Défis;Besoins;Ressources\n"
    "Anne Martin, PLIE Sud Landes;forum emploi;mobilité des jeunes;"
    "solutions de mobilité pour les jeunes;garde d'enfants\n"
    "Paul Roux, Mission locale des Landes;accompagnement des jeunes;logement;"
    "logement des saisonniers;covoiturage pour les jeunes\n"
    "Julie Bernard, Pôle emploi Dax;job dating;recrutement;recrutement saisonnier;"
    "solutions de mobilité et covoiturage\n"
    "Sophie Leroy, CCAS de Dax;aide alimentaire;précarité;garde d'enfants horaires décalés;"
    "logement temporaire\n"
)


def _minutes(tmp_path: Path, lang: str) -> list[str]:
    import docx

    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    workshop = tmp_path / f"{lang}.atelier"
    assert run_cli("import", str(grid), "-o", str(workshop)).returncode == 0
    minutes = tmp_path / f"{lang}.docx"
    done = run_cli("export", str(workshop), "--docx", str(minutes), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    return [_plain(p.text) for p in docx.Document(str(minutes)).paragraphs]


def test_what_a_single_theme_leaves_apart_is_said_apart_from_that_theme(tmp_path: Path) -> None:
    """One theme among the actions, the challenges or the needs: those left were said « à aucun
    de ces thèmes »."""
    said = _minutes(tmp_path, "fr")
    assert "Les 4 actions présentées se regroupent d'abord autour d'un thème :" in said, said
    assert (
        "2 autres actions ne se rattachent pas à ce thème, par exemple : aide alimentaire (CCAS de Dax)."
        in said
    )
    assert (
        "3 autres défis ne se rattachent pas à ce thème : logement (Mission locale des Landes) ; "
        in "\n".join(said)
    )
    assert "2 autres besoins ne se rattachent pas à ce thème : solutions de mobilité" in "\n".join(said)
    assert not any("ces thèmes" in line for line in said), said
    english = "\n".join(_minutes(tmp_path, "en"))
    assert "2 other actions do not fit this theme, for example: aide alimentaire (CCAS de Dax)." in english
    assert "3 other challenges do not fit this theme: " in english
    assert "none of these themes" not in english
