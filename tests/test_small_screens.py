"""The window on the screens facilitators have: a 1024×768 projector laptop, a 1280×720
beamer, a 1366×768 laptop, a 1920×1080 screen. Every column title of the grid, « Suivi »
and « Répertoire » is read whole, in French and in English (« Besoins de ress… » at
1024×768 said nothing of what the column holds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QHeaderView

from .conftest import example_window

SIZES = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)]


def _cut_titles(header: QHeaderView) -> list[str]:
    """The titles of `header` not shown whole: a word wider than its column, or more lines
    (words kept whole, in bold, as the current column's title is) than the header is tall."""
    bold = QFont(header.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    model = header.model()
    cut = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        width = header.sectionSize(section) - 8  # the style's padding
        lines: list[str] = []
        for word in title.split():
            if metrics.horizontalAdvance(word) > width:
                cut.append(title)
                break
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
        else:
            if len(lines) * metrics.lineSpacing() > header.height():
                cut.append(f"{title} ({len(lines)} lines, {header.height()} px)")
    return cut


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_every_column_title_is_read_whole_on_every_screen(
    qtbot, tmp_path: Path, size: tuple[int, int], language: str
) -> None:
    from atelier.i18n import choose_language
    from atelier.ui import settings
    from atelier.ui.app import install_translator

    app = QApplication.instance()
    settings.put(settings.LANGUAGE, language)
    installed = install_translator(app)
    try:
        window = example_window(qtbot, tmp_path)
        window.resize(*size)
        qtbot.waitUntil(lambda: window.grid.horizontalHeader().sectionSize(4) < 400 or size[0] > 1400)
        qtbot.wait(50)  # the columns fitted to the new width (at the next turn of the loop)
        header = window.grid.horizontalHeader()
        assert header.model().headerData(3, Qt.Orientation.Horizontal) == (
            "Besoins de ressources" if language == "fr" else "Needs help with"
        )
        assert _cut_titles(header) == [], (size, language)
        for page, table in (("followup", window.followup.table), ("directory", window.directory.table)):
            window.show_page(page)
            qtbot.waitUntil(table.isVisible)
            qtbot.wait(20)
            assert _cut_titles(table.horizontalHeader()) == [], (page, size, language)
        window.close()
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        settings.put(settings.LANGUAGE, "")
        choose_language("")


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
def test_suivi_shows_every_word_of_the_needs_and_offers_whole_on_a_small_screen(
    qtbot, tmp_path: Path, size: tuple[int, int], language: str
) -> None:
    """« Suivi » at 1024×768: the need and the offer got 115 px beside two columns of names
    of 170 px, and their long words were cut (« Accompagneme… », « l'interconnaissa… »)."""
    from atelier.domain import MatchStatus
    from atelier.matching import match_workshop, save_suggestions
    from atelier.store import Store
    from atelier.ui.followup_view import COL_NEED, COL_RESOURCE

    path = tmp_path / "exemple.atelier"
    import shutil

    from .conftest import ROOT

    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        save_suggestions(store, workshop_id, match_workshop(store, workshop_id).suggestions)
        for match in store.matches(workshop_id):
            store.update_match(match.id, status=MatchStatus.CONFIRMED)
    from atelier.i18n import choose_language
    from atelier.ui import settings
    from atelier.ui.app import install_translator

    app = QApplication.instance()
    settings.put(settings.LANGUAGE, language)  # « Since » is wider in English (« 28 September 2026 »)
    installed = install_translator(app)
    try:
        window = example_window(qtbot, tmp_path)
        window.resize(*size)
        window.show_page("followup")
        table = window.followup.table
        qtbot.waitUntil(lambda: table.model().rowCount() > 10)
        qtbot.wait(20)
        assert table.model().headerData(COL_NEED, Qt.Orientation.Horizontal) == (
            "Besoin" if language == "fr" else "Need"
        )
        metrics = table.fontMetrics()
        for column in (COL_NEED, COL_RESOURCE):
            room = table.columnWidth(column) - 8
            model = table.model()
            words = {w for r in range(model.rowCount()) for w in str(model.index(r, column).data()).split()}
            cut = sorted(w for w in words if metrics.horizontalAdvance(w) > room)
            assert cut == [], (size, language, column, room, cut)
        window.close()
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        settings.put(settings.LANGUAGE, "")
        choose_language("")
