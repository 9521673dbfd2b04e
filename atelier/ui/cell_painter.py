"""How a grid cell reads: each item its own bullet with wrapped lines hanging under its text,
the words of a search highlighted, and, when a row is capped, how many items are below.

One QTextDocument per cell, laid out at the column's width: the same object measures the
row (size hint) and paints it, so that what is measured is what is drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QLinearGradient,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)

from atelier.french import fold

PAD_X, PAD_Y = 6, 4
HIGHLIGHT = QColor("#ffe066")  # a marker pen: readable under dark text, on white or grey rows


def _fold_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, where it comes from in `text`."""
    folded, origin = [], []
    for position, char in enumerate(text):
        for piece in fold(char):
            folded.append(piece)
            origin.append(position)
    return "".join(folded), origin


def highlights(text: str, needle: str) -> list[tuple[int, int]]:
    """(start, length) in `text` of each word of the search, found without case or accents."""
    words = [w for w in fold(needle).split() if w]
    if not words:
        return []
    folded, origin = _fold_positions(text)
    spans = []
    for word in words:
        start = folded.find(word)
        while start >= 0:
            first, last = origin[start], origin[start + len(word) - 1]
            spans.append((first, last - first + 1))
            start = folded.find(word, start + len(word))
    return spans


def cell_document(
    lines: list[str],
    font: QFont,
    width: float,
    *,
    bullets: bool,
    needle: str = "",
    first_bold: bool = False,
    note: str = "",
) -> QTextDocument:
    """The cell as a document `width` pixels wide: a bulleted list, or plain lines; `note`, a
    last line in small italics (« ⊘ hors répertoire » under a participant who opted out)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(font)
    document.setIndentWidth(max(12.0, font.pointSizeF() * 1.3))
    cursor = QTextCursor(document)
    block = QTextBlockFormat()
    block.setBottomMargin(2 if bullets else 0)
    plain = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    mark = QTextCharFormat()
    mark.setBackground(QBrush(HIGHLIGHT))
    cursor.setBlockFormat(block)
    if bullets and lines:
        list_format = QTextListFormat()
        list_format.setStyle(QTextListFormat.Style.ListDisc)
        list_format.setIndent(1)
        cursor.createList(list_format)
    for number, line in enumerate(lines):
        if number:
            cursor.insertBlock()  # same format: the next item of the same list
        start = cursor.position()
        cursor.insertText(line, bold if first_bold and number == 0 else plain)
        for offset, length in highlights(line, needle):
            cursor.setPosition(start + offset)
            cursor.setPosition(start + offset + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(mark)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    if note:
        said = QTextCharFormat()
        said.setFontItalic(True)
        said.setFontPointSize(max(6.0, font.pointSizeF() * 0.85))
        cursor.insertBlock(QTextBlockFormat())
        cursor.insertText(note, said)
    document.setTextWidth(max(20.0, width))
    return document


def hidden_items(document: QTextDocument, height: float) -> int:
    """How many items (blocks) start below the first `height` pixels."""
    layout = document.documentLayout()
    block = document.begin()
    hidden = 0
    while block.isValid():
        if layout.blockBoundingRect(block).top() + 4 > height:
            hidden += 1
        block = block.next()
    return hidden


def paint_document(
    painter: QPainter,
    document: QTextDocument,
    rect: QRectF,
    text_colour: QColor,
    background: QColor,
    more_text: str,
) -> None:
    """Draw the cell's text in `rect`; if it does not fit, fade its last line and say what is left."""
    inner = rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
    painter.save()
    painter.setClipRect(rect)
    painter.translate(inner.topLeft())
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, text_colour)
    context.clip = QRectF(0, 0, inner.width(), inner.height())
    document.documentLayout().draw(painter, context)
    painter.restore()
    if document.size().height() <= inner.height() + 1 or not more_text:
        return
    painter.save()
    metrics = painter.fontMetrics()
    fade = QRectF(rect.left(), rect.bottom() - metrics.height() * 1.6, rect.width(), metrics.height() * 1.6)
    gradient = QLinearGradient(QPointF(0, fade.top()), QPointF(0, fade.bottom()))
    clear = QColor(background)
    clear.setAlpha(0)
    gradient.setColorAt(0, clear)
    gradient.setColorAt(0.55, background)
    painter.fillRect(fade, gradient)
    pill_width = metrics.horizontalAdvance(more_text) + 14
    pill = QRectF(
        rect.right() - pill_width - 4, rect.bottom() - metrics.height() - 6, pill_width, metrics.height() + 2
    )
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#0b4f8a"))
    painter.drawRoundedRect(pill, 6, 6)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), more_text)
    painter.restore()
