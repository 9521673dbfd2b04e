"""A grid cell's words wrap whole: in a narrow column « accompagnement des jeunes NEET » was
drawn « accompagnemen / t des jeunes NEET », the word cut because the column was narrower
than it. Columns are now at least as wide as their longest word (up to a limit), so a word
moves to the next line whole; only a word longer than that limit may be cut. Read from the
real window's cells as they are drawn, at the size of a laptop's screen."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QStyleOptionViewItem

from atelier.domain import Item, ItemKind
from atelier.store import Store
from atelier.ui.columns import COLUMN_PARTICIPANT

from .conftest import ROOT
from .helpers.keyboard import active_example_window


def _lines(window, row: int, column: int) -> list[list[str]]:
    """The lines a cell is drawn on, item by item, as its document lays them out."""
    grid = window.grid
    index = grid.model().index(row, column)
    option = QStyleOptionViewItem()
    grid.initViewItemOption(option)
    option.rect = grid.visualRect(index)
    option.font = grid.font()
    document = grid.itemDelegate().document(option, index)
    lines = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        starts = [layout.lineAt(n) for n in range(layout.lineCount())]
        lines.append([block.text()[x.textStart() : x.textStart() + x.textLength()] for x in starts])
        block = block.next()
    return lines


@pytest.mark.parametrize("width", [1366, 1200])
def test_no_word_is_cut_across_two_lines_in_a_narrow_window(width: int, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:  # as the tester typed it in the last column
        people = store.participants(store.workshops()[0].id)
        store.add_item(Item(people[3].id, ItemKind.OFFER, "accompagnement des jeunes NEET"))
    window = active_example_window(qtbot, tmp_path)
    window.resize(width, 740)
    qtbot.waitUntil(lambda: window.grid.columnWidth(COLUMN_PARTICIPANT) > 0)
    window.grid.fit_columns()
    model = window.grid.model()
    cut: list[tuple[str, str]] = []
    for row in range(model.rowCount()):
        for column in range(1, model.columnCount()):
            for item in _lines(window, row, column):
                for before, after in zip(item, item[1:], strict=False):
                    if before and after and before[-1].isalpha() and after[0].isalpha():
                        cut.append((before, after))
    assert cut == [], (cut[:5], [window.grid.columnWidth(c) for c in range(5)])
    offers = [line for row in range(model.rowCount()) for item in _lines(window, row, 4) for line in item]
    assert any(line.startswith("accompagnement") for line in offers), offers
    window.close()
