"""Another workshop's grid with no heading to say so (an Excel grid: no « Atelier du … » line)
re-imported into a workshop: `atelier import autre.xlsx --into mars.atelier` said « 0
participant mis à jour, 3 ajoutés, 24 absents de la grille conservés » and added its people to
the 16 March workshop, whose minutes then listed people who were not there. A grid that has
none of the workshop's participants is refused as one whose heading names another workshop
is: nothing written, the way to add it as a new workshop or to merge it anyway; the window
asks. A grid sharing one participant, and a first import into an empty workshop, go on."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.test_import_other_workshop import HEADERS, _reimport_in_window, workshops

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
OTHERS = [
    ["Anne Martin (PLIE du Marsan)", "Forum emploi", "Mobilité", "Solutions de covoiturage", "Ateliers CV"],
    ["Paul Roux (Mission locale des Landes)", "Permanences", "Garde d'enfants", "Ateliers CV", "Réseau BTP"],
    ["Julie Bernard (Pôle emploi Dax)", "Job dating", "Recrutement", "Saisonniers", "Offres d'emploi"],
]
# a row of the 16 March workshop, as its grid has it
MAXIME = ["Maxime Roby\nPETR Monts et barrages", "GPECT", "Filière bois", "", ""]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def excel_grid(folder: Path, rows: list[list[str]], name: str = "autre.xlsx") -> Path:
    """A grid as Excel holds it: the columns' headings, then a row per participant; no title."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in [HEADERS, *rows]:
        sheet.append(row)
    path = folder / name
    book.save(path)
    return path


def march(folder: Path) -> Path:
    target = folder / "mars.atelier"
    shutil.copy(EXAMPLE, target)
    return target


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_cli_refuses_a_grid_sharing_no_one_with_the_workshop(tmp_path: Path, lang: str) -> None:
    grid = excel_grid(tmp_path, OTHERS)
    target = march(tmp_path)
    before, grid_before = sha(target), sha(grid)
    done = run_cli("import", str(grid), "--into", str(target), env={"ATELIER_LANG": lang})
    assert done.returncode != 0, done.stdout
    said = done.stderr.strip()
    assert len(said.splitlines()) == 1 and "Traceback" not in said, said
    if lang == "fr":
        assert said == (
            f"«\xa0{grid}\xa0» n'a aucun des participants de l'atelier «\xa0Atelier du 16 mars 2021\xa0» "
            f"(16 mars 2021) de «\xa0{target}\xa0» (3 participants dans la grille, 24 participants dans "
            "l'atelier)\xa0: c'est sans doute la grille d'un autre atelier\u202f; rien n'a été importé. "
            "Pour l'ajouter au fichier comme un nouvel atelier\xa0: --new-workshop\u202f; pour la fusionner "
            "quand même avec cet atelier\xa0: --merge-anyway."
        ), said
    else:
        assert said == (
            f"“{grid}” has none of the participants of the workshop “Atelier du 16 mars 2021” (16 March "
            f"2021) in “{target}” (3 participants in the grid, 24 participants in the workshop): it is "
            "probably another workshop's grid; nothing was imported. To add it to the file as a new "
            "workshop: --new-workshop; to merge it into this workshop anyway: --merge-anyway."
        ), said
    assert sha(target) == before and sha(grid) == grid_before
    assert not list(tmp_path.glob("*.atelier-journal")) and not list(tmp_path.glob("*.atelier-wal"))


def test_cli_merge_anyway_and_new_workshop_go_on(tmp_path: Path) -> None:
    grid = excel_grid(tmp_path, OTHERS)
    target = march(tmp_path)
    done = run_cli("import", str(grid), "--into", str(target), "--merge-anyway")
    assert done.returncode == 0, done.stderr
    ((_title, _date, people),) = workshops(target)
    assert len(people) == 25 and "Anne Martin (PLIE du Marsan)" in people

    other = tmp_path / "mars2.atelier"
    shutil.copy(EXAMPLE, other)
    done = run_cli("import", str(grid), "--into", str(other), "--new-workshop")
    assert done.returncode == 0, done.stderr
    (_t, _d, in_march), (_t2, _d2, added) = workshops(other)
    assert len(in_march) == 22 and "Anne Martin (PLIE du Marsan)" not in in_march
    assert sorted(added) == sorted(row[0] for row in OTHERS)


def test_cli_a_grid_sharing_one_participant_and_a_first_import_go_on(tmp_path: Path) -> None:
    """One of the workshop's people in the grid: its grid (a row added since); an empty
    workshop takes any grid, as its first import."""
    grid = excel_grid(tmp_path, [MAXIME, *OTHERS], "avec-maxime.xlsx")
    target = march(tmp_path)
    done = run_cli("import", str(grid), "--into", str(target))
    assert done.returncode == 0, done.stderr
    said = done.stdout.replace("\xa0", " ")
    assert "1 participant mis à jour, 3 ajoutés" in said, said

    empty = tmp_path / "vide.atelier"
    assert run_cli("new", str(empty), "--title", "Atelier de Dax").returncode == 0
    done = run_cli("import", str(excel_grid(tmp_path, OTHERS)), "--into", str(empty))
    assert done.returncode == 0, done.stderr
    ((_title, _date, people),) = workshops(empty)
    assert sorted(people) == sorted(row[0] for row in OTHERS)


@pytest.mark.usefixtures("no_modal_boxes")
def test_window_asks_and_imports_as_a_new_workshop_by_default(qtbot, tmp_path: Path, monkeypatch) -> None:
    grid = excel_grid(tmp_path, OTHERS)
    window, asked, _done = _reimport_in_window(qtbot, tmp_path, monkeypatch, grid, None)
    qtbot.waitUntil(lambda: len(window.store.workshops()) == 2, timeout=60_000)
    (question,) = asked
    assert question["text"] == (
        "«\xa0autre.xlsx\xa0» n'a aucun des participants de cet atelier, «\xa0Atelier du 16 mars 2021\xa0» "
        "(16 mars 2021)\xa0: 3 participants dans la grille, 24 participants dans l'atelier. C'est sans "
        "doute la grille d'un autre atelier."
    ), question
    assert question["informative"] == (
        "Comme nouvel atelier de ce fichier, ses participants restent à part. Fusionnée avec cet "
        "atelier, elle y ajouterait ses participants comme s'ils y étaient venus."
    )
    assert question["default"] == "Importer comme nouvel atelier" and question["escape"] == "Annuler"
    march_workshop, added = window.store.workshops()
    names = [p.display_name() for p in window.store.participants(march_workshop.id)]
    assert len(names) == 22 and not any("Anne Martin" in n for n in names)
    assert sorted(p.display_name() for p in window.store.participants(added.id)) == sorted(
        r[0] for r in OTHERS
    )


@pytest.mark.usefixtures("no_modal_boxes")
def test_window_cancel_leaves_the_workshop_as_it_was(qtbot, tmp_path: Path, monkeypatch) -> None:
    grid = excel_grid(tmp_path, OTHERS)
    window, asked, done = _reimport_in_window(qtbot, tmp_path, monkeypatch, grid, "Annuler")
    qtbot.waitUntil(lambda: bool(asked), timeout=60_000)
    (workshop,) = window.store.workshops()
    names = [p.display_name() for p in window.store.participants(workshop.id)]
    assert len(names) == 22 and not any("Anne Martin" in n for n in names)
    assert done == [] and window.saved_label.text() == "Import annulé\xa0: rien n'a été écrit."


@pytest.mark.usefixtures("no_modal_boxes")
def test_window_a_grid_sharing_one_participant_asks_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:
    grid = excel_grid(tmp_path, [MAXIME, *OTHERS], "avec-maxime.xlsx")
    window, asked, done = _reimport_in_window(qtbot, tmp_path, monkeypatch, grid, None)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    assert asked == []
    assert done[0].replace("\xa0", " ").startswith("1 participant mis à jour, 3 ajoutés"), done
