"""A file of format 14 or before kept no record of what the grid said of each line: a line
deleted in Atelier then left no trace, and a re-import cannot tell it from a line new in the
grid. The lines it adds to such a participant are named in its summary (command line and window,
French and English), to be checked; once re-imported, the file knows, and says nothing more."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from atelier.backups import backups_of
from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import run_cli
from tests.helpers.keyboard import reimport_by_keys

OLD = Path(__file__).parent / "fixtures" / "format-v14.atelier"  # Lucie Leroy, Grégory TALVY
NEED = "besoin d'un répertoire d'initiatives locales"  # Lucie Leroy's one need in the file


def _grid(folder: Path, *needs: str) -> Path:
    grid = folder / "grille.csv"
    grid.write_text(
        "Nom;Structure;Besoins;Ressources\n"
        f'Lucie Leroy;Grand Angoulême;"{chr(10).join([NEED, *needs])}";\n'
        "Grégory TALVY;Région N-A;;apport d'éléments de réponse sur les aides de la Région\n",
        encoding="utf-8",
    )
    return grid


def _lucie_needs(path: Path) -> list[str]:
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        (lucie,) = [p for p in store.participants(workshop_id) if p.names == ["Lucie Leroy"]]
        return [i.text for i in store.items(lucie.id, ItemKind.NEED)]


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "ancien.atelier"
    shutil.copy(OLD, path)
    return path


def test_the_command_line_names_lines_it_cannot_tell_were_deleted(old: Path, tmp_path: Path) -> None:
    grid = _grid(tmp_path, "Un contact à la Région", "Un local pour l'été")
    done = run_cli("import", str(grid), "--into", str(old), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert (
        "2 lignes de la grille, absentes du fichier, ont été ajoutées pour Lucie Leroy "
        "(Grand Angoulême)\xa0: «\xa0Un contact à la Région\xa0» et «\xa0Un local pour l'été\xa0» "
        "(fichier d'un format antérieur\xa0: Atelier ne sait pas si elles y avaient été supprimées)."
    ) in done.stdout.splitlines(), done.stdout
    assert _lucie_needs(old) == [NEED, "Un contact à la Région", "Un local pour l'été"]
    # Re-imported once, the file knows what the grid said: a line new in the grid is just added.
    again = run_cli(
        "import", str(_grid(tmp_path, "Un contact à la Région", "Un local pour l'été", "Un bénévole")),
        "--into", str(old), env={"ATELIER_LANG": "fr"},
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert "format antérieur" not in again.stdout, again.stdout
    assert _lucie_needs(old)[-1] == "Un bénévole"


def test_the_command_line_says_it_in_english(old: Path, tmp_path: Path) -> None:
    done = run_cli(
        "import",
        str(_grid(tmp_path, "Un contact à la Région")),
        "--into",
        str(old),
        env={"ATELIER_LANG": "en"},
    )
    assert done.returncode == 0, done.stderr
    assert (
        "1 line of the grid, missing from the file, was added for Lucie Leroy (Grand Angoulême): "
        "“Un contact à la Région” (file of an earlier format: Atelier cannot tell whether it had "
        "been deleted there)."
    ) in done.stdout.splitlines(), done.stdout


def test_a_grid_that_adds_nothing_to_a_known_participant_says_nothing_of_it(
    old: Path, tmp_path: Path
) -> None:
    done = run_cli("import", str(_grid(tmp_path)), "--into", str(old), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert "format antérieur" not in done.stdout, done.stdout


def test_the_window_names_them_in_the_reimport_summary(
    qtbot, tmp_path: Path, old: Path, monkeypatch, no_modal_boxes: list[str], language: str
) -> None:
    from atelier.ui.operations import files
    from tests.conftest import example_window

    window = example_window(qtbot, tmp_path)
    assert files.open_file(window, old)
    qtbot.waitUntil(lambda: len(backups_of(old)) == 1, timeout=10_000)  # the copy of the opening
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.setFocus()
    said = reimport_by_keys(qtbot, monkeypatch, _grid(tmp_path, "Un contact à la Région"))
    if language == "fr":
        assert (
            "1 ligne de la grille, absente du fichier, a été ajoutée pour Lucie Leroy (Grand Angoulême)\xa0: "
            "«\xa0Un contact à la Région\xa0» (fichier d'un format antérieur\xa0: Atelier ne sait pas "
            "si elle y avait été supprimée)."
        ) in said, said
    else:
        assert (
            "1 line of the grid, missing from the file, was added for Lucie Leroy (Grand Angoulême): "
            "“Un contact à la Région” (file of an earlier format: Atelier cannot tell whether it had "
            "been deleted there)."
        ) in said, said
    assert window.saved_label.text() == said
    window.close()
    window.store.close()
    assert _lucie_needs(old) == [NEED, "Un contact à la Région"]
