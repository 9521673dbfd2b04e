"""The grid the facilitator types into: one line per item, keyboard only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from atelier.french import typography


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class CellEditor(QPlainTextEdit):
    """A cell being typed: Enter starts a new item, Ctrl+Enter or Tab commits."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setObjectName("cellEditor")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)


class CellDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.append_next_edit = False  # editing started by typing: add a new item

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,  # noqa: N802
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = CellEditor(parent)
        editor.setFont(option.font)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, CellEditor)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if self.append_next_edit and text and index.column() != 0:
            text += "\n"  # typing on a filled cell adds an item, never overwrites
        replace = self.append_next_edit and index.column() == 0
        self.append_next_edit = False
        editor.setPlainText(text)
        editor.moveCursor(QTextCursor.MoveOperation.End)
        if replace:
            editor.selectAll()  # typing over a participant replaces it, as in a spreadsheet

    def setModelData(
        self,
        editor: QWidget,
        model: Any,  # noqa: N802
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, CellEditor)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def sizeHint(
        self,
        option: QStyleOptionViewItem,  # noqa: N802
        index: QModelIndex | QPersistentModelIndex,
    ) -> Any:
        size = super().sizeHint(option, index)
        size.setHeight(size.height() + 8)  # air under the last line
        return size

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,  # noqa: N802
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect
        line = editor.fontMetrics().lineSpacing()
        lines = max(4, str(index.data(Qt.ItemDataRole.EditRole) or "").count("\n") + 3)
        rect.setHeight(max(rect.height(), min(line * lines + 12, 420)))
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(editor, CellEditor) and event.type() == QEvent.Type.KeyPress:
            key_event = event  # type: QKeyEvent  # type: ignore[assignment]
            enter = key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and key_event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(editor, event)


class GridView(QTableView):
    cell_cleared = Signal(QModelIndex)  # Suppr or Retour arrière emptied a cell (undoable)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("grid")
        self.cell_delegate = CellDelegate(self)
        self.setItemDelegate(self.cell_delegate)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(120)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setMinimumSectionSize(28)

    def edit(self, index, trigger=None, event=None):  # type: ignore[override]  # noqa: ANN001
        if trigger is None:
            return super().edit(index)
        self.cell_delegate.append_next_edit = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
        return super().edit(index, trigger, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        index = self.currentIndex()
        no_modifier = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and no_modifier
            and index.isValid()
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.cell_delegate.append_next_edit = False
            super().edit(index)
            return
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and no_modifier
            and index.isValid()
            and index.column() > 0
            and self.state() != QAbstractItemView.State.EditingState
        ):
            if str(index.data(Qt.ItemDataRole.EditRole) or "").strip() and self.model().setData(
                index, "", Qt.ItemDataRole.EditRole
            ):  # undoable
                self.cell_cleared.emit(index)
            return
        super().keyPressEvent(event)

    def fit_rows(self, first: int = 0, last: int | None = None) -> None:
        """Rows grow to show their text; only the rows that changed are measured."""
        model = self.model()
        if model is None:
            return
        last = model.rowCount() - 1 if last is None else last
        for row in range(max(0, first), min(last, model.rowCount() - 1) + 1):
            self.resizeRowToContents(row)

    def empty_text(self) -> str:
        """What the grid says when it shows no row: how to start, or why the search found nothing."""
        model = self.model()
        if model is None or model.rowCount() > 0:
            return ""
        search = str(getattr(model, "search_text", "") or "")
        if search:
            return typography(
                tr("Aucun participant ne contient « {text} ».\nÉchap : effacer la recherche").format(
                    text=search
                )
            )
        return typography(
            tr(
                "L'atelier est vide. Pour commencer :\n"
                "Ctrl+N : nouveau participant\n"
                "Ctrl+I : importer une grille Word, Excel ou CSV\n"
                "F1 : tous les raccourcis clavier"
            )
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        text = self.empty_text()
        if not text:
            return
        painter = QPainter(self.viewport())
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.palette().ColorRole.Text))
        area = self.viewport().rect().adjusted(40, 40, -40, -40)
        painter.drawText(QRect(area), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), text)
        painter.end()
