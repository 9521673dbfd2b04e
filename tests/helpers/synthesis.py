"""The synthesis editor, as the tests wait for it: its figures are computed off the UI thread."""

from __future__ import annotations

from typing import Any


def figures_in(qtbot, dialog: Any) -> Any:
    """`dialog` once the grid's figures are in and shown (« Calcul des chiffres de la grille… »
    gone): Atelier's draft written on a first opening, the ⚠ marks set."""
    qtbot.waitUntil(lambda: dialog.figures_box.isHidden(), timeout=60_000)
    return dialog
