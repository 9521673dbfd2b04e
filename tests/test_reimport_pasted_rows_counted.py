"""A row pasted in the window (« Anne Roux et Marc Bel / PLIE de Pau », two people on one row)
that the grid re-imported does not have is kept, and was counted « 2 absents de la grille
conservés (1 ligne de la grille) »: a row the grid does not have, said to be a row of the grid.
The rows of the file the grid does not have are now said rows of the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.store import Store
from tests.conftest import run_cli

from .helpers.keyboard import active_window, key, reimport_by_keys

CTRL = Qt.KeyboardModifier.ControlModifier
GRID = (
    "Participant;Besoins;Ressources\n"
    "Paul Dupont / Mission locale;Un local;Annuaire\n"
    "Léa Petit / PLIE des Graves;Des contacts;Clauses sociales\n"
)
PASTED = "Anne Roux et Marc Bel / PLIE de Pau\tForum emploi\t\tUn minibus\t\n"


def _imported(tmp_path: Path) -> tuple[Path, Path]:
    grid = tmp_path / "grille.csv"
    grid.write_text(GRID, encoding="utf-8")
    path = tmp_path / "atelier.atelier"
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    return grid, path


def _paste_a_row(qtbot, window) -> None:
    QApplication.clipboard().setText(PASTED)
    key(qtbot, Qt.Key.Key_End, CTRL)  # the last row, then Ctrl+V: the row goes after it
    key(qtbot, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: len(_names(window.store.path)) == 3, timeout=5_000)


def _names(path: Path) -> list[list[str]]:
    with Store.open(path, readonly=True) as store:
        return [p.names for p in store.participants(store.workshops()[0].id)]


@pytest.mark.usefixtures("no_modal_boxes")
def test_a_pasted_row_is_counted_a_row_of_the_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid, path = _imported(tmp_path)
    window = active_window(qtbot, path)
    _paste_a_row(qtbot, window)

    text = reimport_by_keys(qtbot, monkeypatch, grid)

    assert "2 absents de la grille conservés (1 ligne du fichier)" in text, text
    assert "ligne de la grille" not in text, text
    window.close()
    assert _names(path) == [["Paul Dupont"], ["Léa Petit"], ["Anne Roux", "Marc Bel"]]

    for lang, said in (
        ("fr", "2 absents de la grille conservés (1 ligne du fichier)"),
        ("en", "2 missing from the grid kept (1 row of the file)"),
    ):
        done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": lang})
        assert done.returncode == 0, done.stderr
        assert said in done.stdout.replace("\xa0", " "), done.stdout
        assert "de la grille)" not in done.stdout and "of the grid)" not in done.stdout, done.stdout
