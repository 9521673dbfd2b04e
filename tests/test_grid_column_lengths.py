"""The grid shares its width by how much text each column shows. The lengths are now counted
without joining each cell's text (a second on the UI thread after re-importing a thousand rows
of long cells): they must be exactly those of the text the cells show, so that the columns keep
their widths, with every row shown or a search narrowing them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.helpers.keyboard import active_example_window


def _shown_lengths(grid) -> list[list[int]]:
    """What the cells show, asked of Qt cell by cell as the view paints them."""
    model = grid.model()
    return [
        [
            len(str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or ""))
            for row in range(model.rowCount())
        ]
        for column in range(model.columnCount())
    ]


def test_the_columns_are_weighed_by_the_text_their_cells_show(qtbot, tmp_path: Path) -> None:
    window = active_example_window(qtbot, tmp_path)
    model = window.grid.model()
    assert model.rowCount() > 10
    shown = _shown_lengths(window.grid)
    assert model.column_lengths() == shown
    widths = [window.grid.columnWidth(c) for c in range(model.columnCount())]
    window.grid.fit_columns()
    assert [window.grid.columnWidth(c) for c in range(model.columnCount())] == widths
    model.set_search("emploi")  # some rows only
    assert 0 < model.rowCount() < len(shown[0])
    assert model.column_lengths() == _shown_lengths(window.grid)
