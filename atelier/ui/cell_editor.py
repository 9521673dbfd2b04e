"""Typing in a cell: one line per item, each shown with its bullet, the box as tall as the text.

The editor opens over the cell, at least wide enough to read a sentence, and grows with
what is typed (up to the bottom of the grid, then it scrolls). Enter starts a new item,
Ctrl+Enter or Tab commits, Échap cancels.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractProxyModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QHideEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from atelier.ui.cell_painter import PAD_X, PAD_Y, cell_document, hidden_items, paint_document
from atelier.ui.columns import COLUMN_PARTICIPANT
from atelier.ui.grid_model import GridModel, ParticipantRole, ToCheckRole
from atelier.ui.panels import PAUSES, PauseTimer
from atelier.ui.translate import tr

MIN_EDITOR_WIDTH = 420


class _BulletMargin(QWidget):
    """The strip left of the text where each item's bullet is drawn."""

    def __init__(self, editor: CellEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt's name
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.editor.palette().color(self.editor.backgroundRole()))
        painter.setPen(self.editor.palette().color(self.editor.foregroundRole()))
        painter.setFont(self.editor.font())
        block = self.editor.firstVisibleBlock()
        offset = self.editor.contentOffset()
        while block.isValid():
            top = self.editor.blockBoundingGeometry(block).translated(offset).top()
            if top > self.height():
                break
            if block.isVisible() and block.text().strip():
                line = self.editor.fontMetrics().height()
                painter.drawText(
                    QRect(0, int(top), self.width() - 2, line), int(Qt.AlignmentFlag.AlignRight), "•"
                )
            block = block.next()
        painter.end()


class CellEditor(QPlainTextEdit):
    """A cell being typed: Enter starts a new item, Ctrl+Enter or Tab commits."""

    # Text pasted that holds tabs: rows of a spreadsheet or a Word table, not items of this
    # cell; not put in it, given to the grid (GridView.paste_text) to read as grid rows.
    table_pasted = Signal(str)
    # Hidden: the cell left or given up (Qt deletes the editor later).
    closed = Signal()

    def __init__(self, parent: QWidget, *, bullets: bool = True) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        # Saved at pauses in the typing (CellDelegate._save_at_pause): the key its saves merge
        # on, None until the first; `pausing` while such a save is written.
        self.typing: object | None = None
        self.pausing = False
        self.setObjectName("cellEditor")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.bullets = bullets
        self.margin = _BulletMargin(self) if bullets else None
        self.setViewportMargins(self._margin_width(), 0, 0, 0)
        self.anchor = QRect()  # the cell's rectangle: the editor never gets smaller than it
        self.textChanged.connect(self.fit)
        self.updateRequest.connect(self._scrolled)

    def _margin_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("•") + 10 if self.bullets else 0

    def _scrolled(self, rect: QRect, dy: int) -> None:
        if self.margin is not None:
            if dy:
                self.margin.scroll(0, dy)
            else:
                self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def hideEvent(self, event: QHideEvent) -> None:  # Qt's name
        super().hideEvent(event)
        if not event.spontaneous():  # not the window minimised: the editor closed
            self.closed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        if self.margin is not None:
            area = self.contentsRect()
            self.margin.setGeometry(QRect(area.left(), area.top(), self._margin_width(), area.height()))

    def insertFromMimeData(self, source: QMimeData) -> None:  # Qt's name: every paste
        text = source.text() if source.hasText() else ""
        if "\t" in text:
            self.table_pasted.emit(text)
            return
        super().insertFromMimeData(source)

    def items(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def wanted_height(self) -> int:
        """The height that shows every line as wrapped now, and room for one more."""
        lines = 0
        block = self.document().begin()
        while block.isValid():
            layout = block.layout()
            lines += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        frame = 2 * self.frameWidth() + int(2 * self.document().documentMargin())
        return (lines + 1) * self.fontMetrics().lineSpacing() + frame + 4

    def fit(self) -> None:
        """Grow (or shrink back to the cell) with the text, within the grid's viewport."""
        parent = self.parentWidget()
        if parent is None or self.anchor.isNull():
            return
        limit = parent.height()
        height = max(self.anchor.height(), min(self.wanted_height(), limit))
        top = self.anchor.top()
        if top + height > limit:  # no room below: grow upwards
            top = max(0, limit - height)
        self.setGeometry(QRect(self.x(), top, self.width(), height))


class CellDelegate(QStyledItemDelegate):
    """Draws cells (bullets, search highlight, « +n » when a row is capped) and edits them."""

    DOCUMENTS_KEPT = 400  # a few screens of cells

    # A cell's text the file refused (disk full, file held by another program): its cell,
    # and the text as typed, to be given back in an editor once the refusal has been said.
    refused = Signal(QPersistentModelIndex, str)
    # Table rows pasted into a cell being typed (CellEditor.table_pasted): its editor, its cell, the text.
    table_pasted = Signal(QWidget, QPersistentModelIndex, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.append_next_edit = False  # editing started by typing: add a new item
        self.refusal: tuple[QPersistentModelIndex, str] | None = None  # until given back
        self.search = ""  # words to highlight
        self.max_row_height = 0  # 0 = rows as tall as their text
        # Natural heights already measured, by cell content, width and font: laying a cell
        # out costs ~0.3 ms, and the grid is measured again at each resize (five times while
        # the window opens, at the same widths), though few cells change between two passes.
        self._heights: dict[tuple[Any, ...], int] = {}
        # The cells laid out last, by the same key plus the search: the document that measured
        # a cell then paints it (a cell in view was laid out twice, once for each).
        self._documents: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

    # ------------------------------------------------------------ drawing

    def _lines(self, index: QModelIndex | QPersistentModelIndex) -> list[str]:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        lines = text.splitlines()
        if index.column() != COLUMN_PARTICIPANT:
            lines = [line[2:] if line.startswith("• ") else line for line in lines]
        return lines

    def _note(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """Under a participant whose cell was not read for sure (a person's name read into
        the structure: « ⚠ à vérifier »), or who asked not to be published in the directory
        (« ⊘ hors répertoire »), a mark the facilitator sees without hovering (the tooltip and
        the card say it in full)."""
        if index.column() != COLUMN_PARTICIPANT:
            return ""
        participant = index.data(ParticipantRole)
        if participant is None:
            return ""
        marks = [tr("⚠ à vérifier")] if index.data(ToCheckRole) else []
        if getattr(participant, "unlisted", False):
            marks.append(tr("⊘ hors répertoire"))
        return " · ".join(marks)

    def document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> Any:
        lines = self._lines(index)
        participant = index.column() == COLUMN_PARTICIPANT
        note = self._note(index)
        width = option.rect.width() - 2 * PAD_X
        key = (participant, width, option.font.key(), tuple(lines), self.search, note)
        document = self._documents.get(key)
        if document is not None:
            self._documents.move_to_end(key)
            return document
        document = cell_document(
            lines,
            option.font,
            width,
            bullets=not participant,
            needle=self.search,
            first_bold=participant,
            note=note,
        )
        self._documents[key] = document
        if len(self._documents) > self.DOCUMENTS_KEPT:
            self._documents.popitem(last=False)
        return document

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:  # Qt's name
        super().initStyleOption(option, index)
        option.text = ""  # the style draws the cell's background and focus; its text is drawn here

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)  # background, selection, focus: the style's
        # Selected as the view tells the style (without QStyle's Python type, whose few
        # thousand enum members PySide would build before the first paint).
        view = option.widget
        selection = view.selectionModel() if isinstance(view, QAbstractItemView) else None
        selected = selection is not None and selection.isSelected(index)
        palette = option.palette
        role = QPalette.ColorRole
        text_colour = palette.color(role.HighlightedText if selected else role.Text)
        if selected:
            background = palette.color(role.Highlight)
        elif option.features & QStyleOptionViewItem.ViewItemFeature.Alternate:
            background = palette.color(role.AlternateBase)
        else:
            background = palette.color(role.Base)
        document = self.document(option, index)
        height = option.rect.height() - 2 * PAD_Y
        hidden = hidden_items(document, height) if index.column() != COLUMN_PARTICIPANT else 0
        more = f"+{hidden} ▾" if hidden else ("…" if document.size().height() > height + 1 else "")
        paint_document(painter, document, QRectF(option.rect), text_colour, background, more)

    def sizeHint(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        widget = option.widget
        width = option.rect.width()
        if isinstance(widget, QAbstractItemView) and hasattr(widget, "columnWidth"):
            # As wide as the cell is drawn: a table draws its grid line inside the column.
            width = widget.columnWidth(index.column()) - (1 if getattr(widget, "showGrid", bool)() else 0)
        key = (
            index.column() == COLUMN_PARTICIPANT,
            width,
            option.font.key(),
            tuple(self._lines(index)),
            self._note(index),
        )
        height = self._heights.get(key)
        if height is None:
            measure = QStyleOptionViewItem(option)
            measure.rect = QRect(0, 0, width, 10)
            document = self.document(measure, index)  # highlighted words colour, never resize
            height = int(document.size().height()) + 2 * PAD_Y + 4
            if len(self._heights) >= 20_000:
                self._heights.clear()
            self._heights[key] = height
        if self.max_row_height:
            height = min(height, self.max_row_height)
        return QSize(width, height)

    # ------------------------------------------------------------ editing

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = CellEditor(parent, bullets=index.column() != COLUMN_PARTICIPANT)
        editor.setFont(option.font)
        cell = QPersistentModelIndex(index)
        editor.table_pasted.connect(lambda text: self.table_pasted.emit(editor, cell, text))
        if index.column() != COLUMN_PARTICIPANT:
            # A list of items may be typed for minutes before Tab: saved at each pause in the
            # typing, as the card's fields are, so that a crash loses at most the last words.
            pause = PauseTimer(editor)
            pause.timeout.connect(lambda: self._save_at_pause(editor))
            editor.textChanged.connect(pause.start)
        else:
            # The participant is read when the cell is left (its names, structure, territory),
            # not at a pause: until then the window says the name typed is not saved yet.
            def typed() -> None:
                if editor.document().isModified():
                    PAUSES.held.emit(editor)

            def written(modified: bool) -> None:
                if not modified:  # written to the file, or the file's text put back
                    PAUSES.ended.emit(editor)

            editor.textChanged.connect(typed)
            editor.document().modificationChanged.connect(written)
            editor.closed.connect(lambda: PAUSES.ended.emit(editor))
        return editor

    def _save_at_pause(self, editor: CellEditor) -> None:
        """The typing so far written to the file, the editor left open and as typed."""
        if editor.typing is None:
            editor.typing = object()  # this typing's saves: one undo step (commands.EditCell)
        editor.pausing = True
        try:
            self.commitData.emit(editor)
        finally:
            editor.pausing = False

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, CellEditor)
        if editor.typing is not None:
            return  # its own save at a pause, shown back: the text stays as typed, caret and all
        if editor.document().isModified():
            return  # typed and not yet written: not replaced by the row's refresh under the keys
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if self.append_next_edit and text and index.column() != COLUMN_PARTICIPANT:
            text += "\n"  # typing on a filled cell adds an item, never overwrites
        replace = self.append_next_edit and index.column() == COLUMN_PARTICIPANT
        self.append_next_edit = False
        editor.setPlainText(text)
        for pause in editor.findChildren(PauseTimer):
            pause.stop()  # the file's text, put in: nothing typed waits to be saved
        editor.moveCursor(QTextCursor.MoveOperation.End)
        if replace:
            editor.selectAll()  # typing over a participant replaces it, as in a spreadsheet

    def setModelData(
        self,
        editor: QWidget,
        model: Any,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, CellEditor)
        text = editor.toPlainText()  # read first: the box saying a refusal may close the editor
        for pause in editor.findChildren(PauseTimer):
            pause.stop()  # what is typed is written now: no longer waiting for its pause
        editor.document().setModified(False)  # nor for the cell to be left
        source = model.sourceModel() if isinstance(model, QAbstractProxyModel) else model
        grid = source if isinstance(source, GridModel) else None
        if grid is not None:
            grid.cell_typing, grid.cell_pausing = editor.typing, editor.pausing
        try:
            model.setData(index, text, Qt.ItemDataRole.EditRole)
        finally:
            if grid is not None:
                grid.cell_typing, grid.cell_pausing = None, False
        if editor.pausing:
            return  # a refusal at a pause is said as the editor closes (Tab, Ctrl+Entrée)
        if getattr(source, "cell_refused", None):  # said once (GridModel._push_cell), given back
            self.refusal = (QPersistentModelIndex(index), text)
            self.refused.emit(self.refusal[0], text)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Over the cell, at least wide enough for a sentence, inside the visible grid."""
        assert isinstance(editor, CellEditor)
        rect = QRect(option.rect)
        viewport = editor.parentWidget()
        left_limit = 0
        widget = option.widget
        if widget is not None and hasattr(widget, "frozen_width") and index.column() != COLUMN_PARTICIPANT:
            left_limit = widget.frozen_width()  # never under the participant column kept in view
        if viewport is not None:
            width = min(max(rect.width(), MIN_EDITOR_WIDTH), viewport.width() - left_limit)
            left = min(rect.left(), viewport.width() - width)
            rect = QRect(max(left, left_limit), rect.top(), width, rect.height())
        rect.setHeight(max(rect.height(), 3 * editor.fontMetrics().lineSpacing() + 12))
        editor.anchor = QRect(rect)
        editor.setGeometry(rect)
        editor.fit()

    def _cancel_saved_typing(self, editor: CellEditor) -> None:
        """Échap on a cell already saved at a pause: the cell goes back to what it held before
        the typing (the step undone and dropped), as Échap has always left it."""
        from atelier.ui.commands import EditCell, cancel_typing

        typing, editor.typing = editor.typing, None
        viewport = editor.parentWidget()  # the editor sits on its view's viewport
        view = viewport.parentWidget() if viewport is not None else None
        if not isinstance(view, QAbstractItemView):
            return
        model = view.model()
        source = model.sourceModel() if isinstance(model, QAbstractProxyModel) else model
        cancel_typing(getattr(source, "undo_stack", None), typing, EditCell)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if isinstance(editor, CellEditor) and event.type() == QEvent.Type.KeyPress:
            key_event = cast(QKeyEvent, event)
            if key_event.key() == Qt.Key.Key_Escape and editor.typing is not None:
                self._cancel_saved_typing(editor)
            enter = key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and key_event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(editor, event)
