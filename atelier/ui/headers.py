"""Column titles that wrap: a table's header as tall as its longest title needs at the width
its column has, instead of « Besoins de ress… » on a 1024×768 projector laptop."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QWidget

MAX_LINES = 3  # a title longer than this at its width is cut (with « … ») on its last line
MARGIN = 8  # the style's padding inside a section, each side, and a little more


class WrappingHeader(QHeaderView):
    """A horizontal header whose titles go to the line between words (« Besoins de /
    ressources ») when their column is too narrow for them on one line; the header grows to
    the tallest title, up to MAX_LINES lines, and shrinks back when the columns widen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)  # as the header QTableView makes itself
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrapped, not cut on one line
        self.sectionResized.connect(self._resized)

    def _resized(self, *_args: object) -> None:
        # Its height follows the widths: the table lays its header out again.
        self.updateGeometry()

    def title_lines(self, section: int) -> list[str]:
        """The lines `section`'s title is shown on at its current width (for the tests and
        for the height): words kept whole, in the bold of the current column."""
        model = self.model()
        if model is None:
            return []
        text = str(model.headerData(section, self.orientation()) or "")
        metrics = QFontMetrics(self._bold())
        width = max(1, self.sectionSize(section) - 2 * MARGIN)
        lines: list[str] = []
        for word in text.split():
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return lines

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)  # the current column's title is bold: measured as it may be shown
        return font

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:  # Qt's name
        size = super().sectionSizeFromContents(logicalIndex)
        if self.orientation() != Qt.Orientation.Horizontal or self.model() is None:
            return size
        text = str(self.model().headerData(logicalIndex, self.orientation()) or "")
        width = max(1, self.sectionSize(logicalIndex) - 2 * MARGIN)
        metrics = QFontMetrics(self._bold())
        needed = metrics.boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter), text
        ).height()
        tallest = MAX_LINES * metrics.lineSpacing()
        one_line = metrics.lineSpacing()
        return QSize(size.width(), max(size.height(), size.height() - one_line + min(needed, tallest)))
