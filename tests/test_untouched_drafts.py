"""Atelier's draft, saved when the synthesis editor opens and never edited, follows the grid:
minutes exported after the grid changed say what the grid says now (never « 22
participants » when there are 23). A section the facilitator rewrote keeps their text."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx

from atelier.store import Store

from .conftest import ROOT, example_window, run_cli
from .helpers.synthesis import figures_in

GRID = ROOT / "examples" / "grille-atelier-2021-03-16.txt"


def _grid_with_one_more(tmp_path: Path) -> Path:
    grid = tmp_path / "grille.txt"
    shutil.copy(GRID, grid)
    with grid.open("a", encoding="utf-8") as out:
        out.write(
            "\nZoé Nouvelle / CC des Deux Rives\tun forum de l'emploi\tun défi neuf"
            "\tun lieu pour les permanences\tun minibus\n"
        )
    return grid


def _context(minutes: Path) -> str:
    paragraphs = docx.Document(str(minutes)).paragraphs
    start = next(
        n for n, p in enumerate(paragraphs) if p.text == "Le contexte" and p.style.name == "Heading 2"
    )
    return paragraphs[start + 1].text


def test_an_untouched_draft_is_drafted_again_from_the_grid_as_it_is(qtbot, tmp_path: Path) -> None:
    window = example_window(qtbot, tmp_path)
    # the editor opens: Atelier's draft is saved
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    assert "24 participants (22 lignes de la grille)" in dialog.body.toPlainText()
    dialog.close()
    path = window.store.path
    window.close()
    grid = _grid_with_one_more(tmp_path)
    done = run_cli("import", str(grid), "--into", str(path))
    assert done.returncode == 0, done.stderr
    minutes = tmp_path / "cr.docx"
    done = run_cli("export", str(path), "--docx", str(minutes))
    assert done.returncode == 0, done.stderr
    assert _context(minutes).startswith("25 participants (23 lignes de la grille)"), _context(minutes)
    # The window, opened again, shows the same as the minutes.
    window = example_window(qtbot, tmp_path)
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    assert dialog.body.toPlainText().startswith("25 participants (23 lignes de la grille)"), (
        dialog.body.toPlainText()
    )
    dialog.close()
    window.close()


def test_a_rewritten_section_is_kept_as_written(qtbot, tmp_path: Path) -> None:
    window = example_window(qtbot, tmp_path)
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    dialog.body.setPlainText("Vingt-deux structures étaient là, selon l'animatrice.")
    dialog.save_now()
    dialog.close()
    path = window.store.path
    window.close()
    assert run_cli("import", str(_grid_with_one_more(tmp_path)), "--into", str(path)).returncode == 0
    minutes = tmp_path / "cr.docx"
    assert run_cli("export", str(path), "--docx", str(minutes)).returncode == 0
    assert _context(minutes) == "Vingt-deux structures étaient là, selon l'animatrice."
    with Store.open(path, readonly=True) as store:
        assert store.synthesis_sections(store.workshops()[0].id)[0].body.startswith("Vingt-deux")
