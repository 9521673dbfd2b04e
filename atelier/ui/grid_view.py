"""The grid the facilitator types into: one line per item, keyboard only.

It uses the screen: the five columns share the width by how much each holds, rows are
capped so that several participants are read at once (a « +n » says what is below), and
the participant column stays in view when the grid scrolls sideways (Qt's frozen-column
pattern: a second view over the first, same model, same selection).
"""

from __future__ import annotations

import heapq
import math
from typing import TYPE_CHECKING, Any, overload

from PySide6.QtCore import (
    QAbstractProxyModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QPaintEvent, QPalette, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from atelier.domain import MatchStatus
from atelier.french import typography
from atelier.ui.cell_editor import CellDelegate, CellEditor
from atelier.ui.cell_painter import PAD_X
from atelier.ui.columns import COLUMN_PARTICIPANT
from atelier.ui.grid_model import GridFilter, GridModel, longest_word
from atelier.ui.headers import WrappingHeader
from atelier.ui.panels import PauseTimer
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.domain import Item, Participant
    from atelier.importers.grid import GridPlan

__all__ = ["CellDelegate", "CellEditor", "GridView"]

ROWS_AT_ONCE = 3  # a row is never taller than a third of the grid: three participants in view
MIN_COLUMN = 130
WORD_COLUMN = 220  # the widest a column is made for its longest word to wrap whole


def column_weights(lengths: list[list[int]]) -> list[float]:
    """How much width each column deserves from what it holds: `lengths[column]` is the text
    length of each row. Square root: a column with four times more text gets twice the width."""
    weights = []
    for column in lengths:
        filled = sorted(n for n in column if n)
        if not filled:
            weights.append(1.0)
            continue
        typical = filled[len(filled) // 2] * 0.5 + sum(filled) / len(filled) * 0.5
        weights.append(max(1.0, math.sqrt(typical / 40)))
    return weights


class RowNumbers(QHeaderView):
    """The row numbers down the grid's left edge: Qt's own vertical header, whose width is
    remembered from one layout to the next.

    Qt forgets a header's size hint whenever one of its sections is resized, and finds it
    again by asking the model for every row's number (four questions per row, each through
    Python): every row fitted to its text made the next layout ask them all again, some six
    hundred questions before the first screen and as many each time a row typed into grows.
    A row's number does not depend on its height: the hint is kept until what it does depend
    on changes (the rows added, removed, filtered or reset, the header's texts, font or style).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionsClickable(True)  # as the header QTableView makes itself
        self.setHighlightSections(True)
        self._hint: QSize | None = None
        self._watched: Any = None

    def forget_size(self, *_args: Any) -> None:
        self._hint = None

    def setModel(self, model: Any) -> None:  # Qt's name
        super().setModel(model)
        self._hint = None
        if model is not None and model is not self._watched:
            self._watched = model
            for signal in (
                model.rowsInserted,
                model.rowsRemoved,
                model.rowsMoved,
                model.modelReset,
                model.layoutChanged,
                model.headerDataChanged,
            ):
                signal.connect(self.forget_size)

    def sizeHint(self) -> QSize:  # Qt's name
        if self._hint is None:
            self._hint = super().sizeHint()
        return QSize(self._hint)

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._hint = None
        super().changeEvent(event)


class FrozenColumn(QTableView):
    """The participant column drawn again over the grid's left edge while it scrolls sideways."""

    def __init__(self, grid: GridView) -> None:
        super().__init__(grid)
        self.grid = grid
        self.setObjectName("frozenColumn")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalHeader(WrappingHeader(self))  # its title as the grid's
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setStyleSheet("QTableView#frozenColumn { border: none; border-right: 2px solid #8a96a3; }")
        self.doubleClicked.connect(self._edit_in_grid)
        # Its own delegate, which only paints: a view connects to its delegate's commitData and
        # closeEditor, so sharing the grid's made Qt warn at every cell typed (« commitData
        # called with an editor that does not belong to this view »). Editing is the grid's.
        self.painter = CellDelegate(self)
        self.setItemDelegate(self.painter)

    def attach(self) -> None:
        model = self.grid.model()
        self.setModel(model)
        self.setSelectionModel(self.grid.selectionModel())
        if model is not None:
            for column in range(1, model.columnCount()):
                self.setColumnHidden(column, True)
        self.sync()

    def sync(self) -> None:
        model = self.grid.model()
        if model is None:
            return
        self.setColumnWidth(COLUMN_PARTICIPANT, self.grid.columnWidth(COLUMN_PARTICIPANT))
        for row in range(model.rowCount()):
            self.setRowHeight(row, self.grid.rowHeight(row))
        self.verticalScrollBar().setValue(self.grid.verticalScrollBar().value())
        self.place()

    def place(self) -> None:
        grid = self.grid
        frame = grid.frameWidth()
        self.horizontalHeader().setFixedHeight(grid.horizontalHeader().height())  # rows level
        self.setGeometry(
            grid.verticalHeader().width() + frame,
            frame,
            grid.columnWidth(COLUMN_PARTICIPANT),
            grid.viewport().height() + grid.horizontalHeader().height(),
        )
        scrolled = grid.horizontalScrollBar().value() > 0
        self.setVisible(scrolled and not grid.editing_participant())

    def _edit_in_grid(self, index: QModelIndex) -> None:
        self.grid.setCurrentIndex(index)
        self.grid.setFocus()
        self.grid.edit(index)


class GridView(QTableView):
    cell_cleared = Signal(QModelIndex)  # Suppr or Retour arrière emptied a cell (undoable)
    pasted = Signal(str)  # what a paste put in, and how to undo it: for the status bar
    paste_refused = Signal(str)  # why a paste put nothing in
    # Ctrl+Maj+C or Ctrl+Maj+X in the grid with no suggestion chosen (their actions are then
    # disabled, and the keys come here): the decision it would have been (MatchStatus).
    undecided = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("grid")
        # A viewport made here, as Qt makes its own: the one Qt made has no Python object yet,
        # and PySide, making one the first time the grid asks for it (its height, at each
        # fit), settles its type by loading every widget class it has, with their enums
        # (8 ms, before the first paint).
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        self.setViewport(viewport)
        self._fit_pending = False
        self._rows_below: tuple[int, int] | None = None  # rows left to measure after the next paint
        self._below_soon = False  # their measuring is on its way
        self._columns_soon = False  # a fit of the columns is on its way
        self._painted = False  # not yet on screen: resizes are fitted once, just before
        self.cell_delegate = CellDelegate(self)
        self.setItemDelegate(self.cell_delegate)
        self.cell_delegate.refused.connect(lambda *_: QTimer.singleShot(0, self, self._give_back_refused))
        self.cell_delegate.table_pasted.connect(self._table_pasted_while_typing)
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
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Titles wrapped between words when their column is narrow (« Besoins de /
        # ressources » at 1024×768), never « Besoins de ress… ».
        header = WrappingHeader(self)
        self.setHorizontalHeader(header)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(MIN_COLUMN)
        header.sectionResized.connect(self._section_resized)
        self.setVerticalHeader(RowNumbers(self))
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setMinimumSectionSize(28)
        self.verticalHeader().sectionResized.connect(self._row_resized)
        self.auto_columns = True  # widths follow the window until the facilitator drags one
        self._watched: Any = None
        self._fitting = False
        # The kept participant column: made the first time the grid scrolls sideways (a
        # second table view, measured row by row: not for a grid that never needs it).
        self._frozen: FrozenColumn | None = None
        self.horizontalScrollBar().valueChanged.connect(self._scrolled_sideways)

    # ----------------------------------------------------------- layout

    def setModel(self, model: Any) -> None:  # Qt's name
        super().setModel(model)
        if self._frozen is not None:
            self._frozen.attach()
        if model is not None and model is not self._watched:
            # A participant added or removed (not each keystroke): the widths follow the content.
            self._watched = model
            for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
                signal.connect(self._rows_added_or_removed)

    def _rows_added_or_removed(self, *_args: Any) -> None:
        if self.auto_columns:
            self.fit_columns_soon()  # (a jump to a row before then fits them first: see scrollTo)

    @property
    def frozen(self) -> FrozenColumn:
        if self._frozen is None:
            frozen = self._frozen = FrozenColumn(self)
            frozen.hide()
            frozen.painter.max_row_height = self.cell_delegate.max_row_height
            frozen.painter.search = self.cell_delegate.search
            self.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
            frozen.attach()
        return self._frozen

    def _scrolled_sideways(self, value: int) -> None:
        if value > 0 or self._frozen is not None:
            frozen = self.frozen
            frozen.place()

    def _place_frozen(self) -> None:
        if self._frozen is not None:
            self._frozen.place()

    def frozen_width(self) -> int:
        frozen = self._frozen
        return self.columnWidth(COLUMN_PARTICIPANT) if frozen is not None and frozen.isVisible() else 0

    def editing_participant(self) -> bool:
        return self.state() == QAbstractItemView.State.EditingState and self.currentIndex().column() == 0

    def row_cap(self) -> int:
        """The tallest a row may be: a third of the visible grid (never under four lines)."""
        line = self.fontMetrics().lineSpacing()
        return max(4 * line + 12, (self.viewport().height() - 4) // ROWS_AT_ONCE)

    def fit_columns(self) -> None:
        """Share the visible width between the columns by how much text each holds."""
        model = self.model()
        if model is None or model.columnCount() == 0:
            return
        # The width inside the frame, less the row numbers and a vertical scroll bar (there
        # nearly always is one, and its coming must not push the last column out of view).
        available = (
            self.width()
            - 2 * self.frameWidth()
            - max(self.verticalHeader().width(), self.verticalHeader().sizeHint().width())
            - self.verticalScrollBar().sizeHint().width()
            - 2
        )
        if available < 200:
            self.fit_rows()  # the rows are still fitted (a row fit asked meanwhile waited for this)
            return
        if isinstance(model, GridFilter):  # the grid's filter: read in Python at once
            lengths = model.column_lengths()
            people = model.column_texts([COLUMN_PARTICIPANT])[0]
            words = model.longest_words()
        else:
            texts = [
                [str(model.index(row, column).data() or "") for row in range(model.rowCount())]
                for column in range(model.columnCount())
            ]
            lengths = [[len(text) for text in column] for column in texts]
            people = texts[COLUMN_PARTICIPANT]
            words = [[]] + [
                heapq.nlargest(8, {longest_word(t) for t in column}, key=len) for column in texts[1:]
            ]
        weights = column_weights(lengths)
        # The participant column: as wide as its longest line, within a sixth to a quarter.
        metrics = self.fontMetrics()
        longest = max(
            (metrics.horizontalAdvance(line) for text in people for line in text.splitlines()),
            default=0,
        )
        first = int(min(available * 0.24, max(available * 0.15, longest + 24, MIN_COLUMN)))
        rest = available - first
        share = sum(weights[1:]) or 1.0
        # Each column at least as wide as its longest word (its bullet's indent and margins
        # beside it), so that a word moves to the next line whole (« accompagnemen / t » was cut
        # in a column of the minimum width); a word wider than WORD_COLUMN, or a window too
        # narrow for all of them, may still be cut.
        indent = max(12.0, self.font().pointSizeF() * 1.3) + 2 * PAD_X + 4
        widest = [max((metrics.horizontalAdvance(word) for word in found), default=0) for found in words]
        floors = [MIN_COLUMN] + [max(MIN_COLUMN, min(WORD_COLUMN, math.ceil(w + indent))) for w in widest[1:]]
        # Too narrow for every longest word: the longest give way first (a usual word such as
        # « accompagnement » stays whole when one as long as « l'interconnaissance » cannot).
        # The participant column gives way down to its own least (a sixth of the width).
        floors[0] = min(first, int(max(available * 0.15, MIN_COLUMN)))
        level = WORD_COLUMN
        while level > MIN_COLUMN and floors[0] + sum(min(f, level) for f in floors[1:]) > available:
            level -= 1
        floors = [floors[0]] + [min(f, level) for f in floors[1:]]
        widths = [first] + [
            max(floor, int(rest * w / share)) for floor, w in zip(floors[1:], weights[1:], strict=True)
        ]
        widths[-1] = max(floors[-1], available - sum(widths[:-1]))
        excess = sum(widths) - available
        room = sum(w - floor for w, floor in zip(widths, floors, strict=True))
        if excess > 0 and room > 0:  # the minimums pushed past the edge: take it from the wide ones
            widths = [
                w - math.ceil(excess * (w - floor) / room) for w, floor in zip(widths, floors, strict=True)
            ]
        self._fitting = True
        try:
            for column, width in enumerate(widths):
                self.setColumnWidth(column, width)
            # The titles wrap to the new widths: the header's height, and so the rows' cap (a
            # third of the view), is settled before the rows are measured against it.
            self.updateGeometries()
        finally:
            self._fitting = False
        self.fit_rows()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        dragged = bool(QApplication.mouseButtons() & Qt.MouseButton.LeftButton)
        if not self._fitting and dragged:
            self.auto_columns = False  # the facilitator dragged this width: keep it
            self.fit_rows()
        if column == COLUMN_PARTICIPANT and self._frozen is not None:
            self._frozen.setColumnWidth(COLUMN_PARTICIPANT, self.columnWidth(COLUMN_PARTICIPANT))
            self._frozen.place()

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        if self._frozen is not None:
            self._frozen.setRowHeight(row, new)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        if not self.isVisible():
            return  # the window being laid out before it shows: fitted once, when shown
        if not self._painted:
            # The window settling before its first screen resizes the grid several times
            # in a row (menu bar, status bar, docks): one fit, at the size it ends at.
            self.fit_columns_soon()
            return
        if self._fitting:
            # A fit setting the widths changes the height of the titles (they wrap to the new
            # widths) or of the scroll bar below, so the viewport's height, never the grid's
            # width: the fit under way ends with the rows measured at the height reached; a
            # second fit inside it, to the same widths, was only time (6 ms of the first screen).
            self._place_frozen()
            return
        if self.auto_columns:
            self.fit_columns()
        else:
            self.fit_rows()
        self._place_frozen()

    def fit_rows(self, first: int = 0, last: int | None = None) -> None:
        """Rows grow to show their text, up to a third of the grid; only the rows asked are measured.

        The rows in view are measured now; those below it once the grid has painted (each
        row is measured by laying out the text of its five cells: a grid of a hundred rows
        would otherwise delay every screen, the first one included, by all of them)."""
        model = self.model()
        if model is None:
            return
        cap = self.cell_delegate.max_row_height = self.row_cap()
        if self._frozen is not None:
            self._frozen.painter.max_row_height = cap
        last = min(model.rowCount() - 1 if last is None else last, model.rowCount() - 1)
        bottom = self.viewport().height()
        for row in range(max(0, first), last + 1):
            if self.rowViewportPosition(row) > bottom:
                below = self._rows_below
                self._rows_below = (row, last) if below is None else (min(row, below[0]), max(last, below[1]))
                # Never taller than the cap, even until measured; the cap as a measured row has
                # it (Qt adds its grid line to the delegate's height): a row trimmed to one pixel
                # less grew again when painted, and a row scrolled to (Ctrl+Fin) went below the view.
                tallest = cap + (1 if self.showGrid() else 0)
                for later in range(row, last + 1):
                    if self.rowHeight(later) > tallest:
                        self.setRowHeight(later, tallest)
                self.viewport().update()  # its paint measures them
                return
            self.resizeRowToContents(row)

    ROWS_PER_TURN = 8  # rows below the view measured per turn of the event loop

    def _fit_rows_below(self) -> None:
        """A few of the rows below the view, then the next few at the next turn of the event
        loop: keys typed meanwhile are not kept waiting behind a long grid."""
        self._below_soon = False
        if not self.isVisible():
            # The window closed (or another page shown) before this turn came: nothing to
            # measure for now; the next paint of the grid takes the rows up again.
            return
        below, self._rows_below = self._rows_below, None
        model = self.model()
        if below is None or model is None:
            return
        first, last = below[0], min(below[1], model.rowCount() - 1)
        for row in range(first, min(last, first + self.ROWS_PER_TURN - 1) + 1):
            self.resizeRowToContents(row)
        if first + self.ROWS_PER_TURN <= last:
            self._rows_below = (first + self.ROWS_PER_TURN, last)
            self._below_soon = True
            QTimer.singleShot(0, self._fit_rows_below)

    def _measure_rows_down_to(self, row: int) -> None:
        """The widths fitted if due, and the rows not yet measured down to `row`, now."""
        if row <= 0 and not self._painted:
            # The first row, before the first screen (Qt shows the current cell as the
            # window appears): no row above it to measure, and the widths are fitted just
            # before that first paint, at the size the window settles at.
            return
        self._fit_columns_if_due()
        below = self._rows_below
        if below is None or row < below[0]:
            return
        last = min(row, below[1])
        for later in range(below[0], last + 1):
            self.resizeRowToContents(later)
        self._rows_below = (last + 1, below[1]) if last < below[1] else None
        self.updateGeometries()  # the scroll bar's range, for the heights just measured

    def fit_columns_soon(self) -> None:
        """Fit the columns (and rows) once the current changes are done, once however many asked."""
        if not self._columns_soon:
            self._columns_soon = True
            QTimer.singleShot(0, self._fit_columns_at_turn)

    def _fit_columns_at_turn(self) -> None:
        if self.isVisible() and not self._painted:
            # On its way to the screen: the window is still settling (shown, then maximized,
            # its docks and scroll bar placed), each step resizing the grid. One fit, just
            # before the first paint (paintEvent), rather than one per step (three at start).
            return
        self._fit_columns_if_due()

    def _fit_columns_if_due(self) -> None:
        if self._columns_soon:
            self._columns_soon = False
            if self.auto_columns:
                self.fit_columns()
            else:
                self.fit_rows()
            self._place_frozen()

    def fit_rows_soon(self) -> None:
        """Fit the rows' heights once the current changes are done (one pass, however many asked)."""
        if self._fit_pending:
            return
        self._fit_pending = True
        QTimer.singleShot(0, self._fit_rows_if_pending)

    def _fit_rows_if_pending(self) -> None:
        if self._fit_pending:
            self._fit_pending = False
            if self._columns_soon and self.auto_columns:
                return  # the columns' fit, due this turn of the event loop, fits them at their new widths
            self.fit_rows()

    def source_rows_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        """Rows of the grid model changed (an edit, an undo): those shown are measured again."""
        proxy = self.model()
        if not isinstance(proxy, QAbstractProxyModel):
            return
        source = proxy.sourceModel()
        for row in range(top_left.row(), bottom_right.row() + 1):
            index = proxy.mapFromSource(source.index(row, 0))
            if index.isValid():
                self.resizeRowToContents(index.row())

    def rows_in_view(self) -> int:
        """How many rows are entirely visible now."""
        model = self.model()
        if model is None:
            return 0
        height = self.viewport().height()
        return sum(
            1
            for row in range(model.rowCount())
            if self.rowViewportPosition(row) >= 0
            and self.rowViewportPosition(row) + self.rowHeight(row) <= height
        )

    def set_search(self, text: str) -> None:
        self.cell_delegate.search = text.strip()
        self.viewport().update()
        if self._frozen is not None:
            self._frozen.painter.search = self.cell_delegate.search
            self._frozen.viewport().update()

    # ------------------------------------------------------------ editing

    @overload
    def edit(self, index: QModelIndex | QPersistentModelIndex, /) -> None: ...

    @overload
    def edit(
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger,
        event: QEvent | None,
        /,
    ) -> bool: ...

    def edit(
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger | None = None,
        event: QEvent | None = None,
        /,
    ) -> bool | None:
        result: bool | None
        if trigger is None:
            result = super().edit(index)
        else:
            self.cell_delegate.append_next_edit = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
            # PySide6's stub wants an event; Qt passes none when a program (not a key) edits.
            result = super().edit(index, trigger, event)  # type: ignore[arg-type]
        self._place_frozen()
        return result

    def closeEditor(self, editor: QWidget, hint: Any) -> None:  # Qt's name
        if self.cell_delegate.refusal is not None:
            hint = CellDelegate.EndEditHint.NoHint  # Tab does not go on: the cell is typed again
        else:
            here, tab = self.currentIndex(), CellDelegate.EndEditHint
            if self._at_grid_end(hint == tab.EditNextItem, here) or self._at_grid_end(
                hint == tab.EditPreviousItem, here, back=True
            ):
                hint = tab.NoHint  # the grid's last (first) cell: written, the cursor stays on it
        super().closeEditor(editor, hint)
        self._place_frozen()

    def _give_back_refused(self) -> None:
        """The file refused what was typed in a cell (disk full, file held by another program),
        and the box that said so closed its editor: the cell is opened again with the text as
        typed, for Ctrl+Entrée once the file is free, never to be typed again from memory."""
        refusal, self.cell_delegate.refusal = self.cell_delegate.refusal, None
        if refusal is None or not refusal[0].isValid():
            return
        index = self.model().index(refusal[0].row(), refusal[0].column())
        self.setCurrentIndex(index)
        self.edit(index)
        editor = self.indexWidget(index)
        if isinstance(editor, CellEditor):
            editor.setPlainText(refusal[1])
            editor.moveCursor(QTextCursor.MoveOperation.End)
            editor.setFocus()

    def drop_editing(self) -> None:
        """The window leaves its file (closed, another opened): every cell's text is in the
        file, or the file refused it and the facilitator chose to lose it (asked). A cell
        still open (a refused text is given back in its cell while the question is asked) is
        closed as it is: its pause in the typing would write into a file left, closed."""
        self.cell_delegate.refusal = None  # not given back: lost, as the question said
        for editor in self.viewport().findChildren(CellEditor):
            for pause in editor.findChildren(PauseTimer):
                pause.stop()
            editor.document().setModified(False)
            self.closeEditor(editor, CellDelegate.EndEditHint.NoHint)  # an editor closed already: no-op

    def _at_grid_end(self, tabbing: bool, index: QModelIndex, *, back: bool = False) -> bool:
        """Whether Tab (Maj+Tab if `back`) is pressed on the grid's last cell (first cell)."""
        model = self.model()
        if not tabbing or model is None or not index.isValid():
            return False
        if back:
            return index.row() == 0 and index.column() == 0
        return index.row() == model.rowCount() - 1 and index.column() == model.columnCount() - 1

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:  # Qt's name
        """Tab on the last cell of the last row stays there (Maj+Tab on the first, likewise):
        Qt went round to the top, where the next Ctrl+N put the next person typed, the grid
        and the minutes then in an order nobody typed. Ctrl+N from the last row adds at the end."""
        index = self.currentIndex()
        action = QAbstractItemView.CursorAction
        if self._at_grid_end(cursorAction == action.MoveNext, index) or self._at_grid_end(
            cursorAction == action.MovePrevious, index, back=True
        ):
            return index
        return super().moveCursor(cursorAction, modifiers)

    def scrollTo(self, index: Any, hint: Any = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Like Qt's, but a cell hidden under the kept participant column is scrolled out from under it,
        and the rows down to the one shown are measured first: a row reached by Ctrl+Fin or opened
        from the directory is shown whole, not pushed off the bottom when the rows above it grow."""
        if index.isValid():
            self._measure_rows_down_to(index.row())
        super().scrollTo(index, hint)
        if not index.isValid() or index.column() == COLUMN_PARTICIPANT or self.frozen_width() == 0:
            return
        covered = self.frozen_width() - self.columnViewportPosition(index.column())
        if covered > 0:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - covered)

    # ------------------------------------------------------------ pasting

    def _table_pasted_while_typing(self, editor: QWidget, cell: QPersistentModelIndex, text: str) -> None:
        """Rows of a table pasted into a cell being typed: what was typed in it is written (as
        Ctrl+Entrée would), then the rows are pasted as the grid's (paste_text)."""
        delegate = self.cell_delegate
        delegate.commitData.emit(editor)
        delegate.closeEditor.emit(editor, CellDelegate.EndEditHint.NoHint)
        if delegate.refusal is None and cell.isValid():
            self.paste_text(self.model().index(cell.row(), cell.column()), text)

    def paste_text(self, index: QModelIndex, text: str) -> None:
        """Ctrl+V on a cell: a list goes into it, one item per line (after the items it
        holds; a participant's cell is replaced, as typing over it does); rows of a table
        (cells separated by tabs) become participants, read as the import reads a grid."""
        model = self.model()
        grid = model.grid_model() if isinstance(model, GridFilter) else model
        if not isinstance(grid, GridModel) or not index.isValid():
            return
        if grid.store.readonly:
            return  # the window says why nothing is typed into a file opened read-only
        if not text.strip():
            self.paste_refused.emit(
                typography(tr("Rien n'a été collé : le presse-papiers ne contient pas de texte."))
            )
            return
        if "\t" in text:
            self._paste_rows(index, text)
            return
        from atelier.ui.columns import column_titles

        current = str(index.data(Qt.ItemDataRole.EditRole) or "")
        joined = text if index.column() == COLUMN_PARTICIPANT or not current.strip() else f"{current}\n{text}"
        if model.setData(index, joined, Qt.ItemDataRole.EditRole):
            self.pasted.emit(
                tr("Collé dans la cellule « {column} » — Ctrl+Z pour annuler").format(
                    column=column_titles()[index.column()]
                )
            )
        elif not grid.cell_refused:  # (a refusal of the file is said by the model)
            self.paste_refused.emit(typography(tr("Rien n'a été collé : la cellule contient déjà ce texte.")))

    def _paste_rows(self, index: QModelIndex, text: str) -> None:
        from atelier.domain import ITEM_KINDS
        from atelier.errors import AtelierError
        from atelier.french import counted
        from atelier.importers import entries_as_rows, people_counted, plan_pasted
        from atelier.ui import commands
        from atelier.ui.grid_model import participant_cell

        model = self.model()
        grid = model.grid_model() if isinstance(model, GridFilter) else model
        assert isinstance(grid, GridModel)
        try:
            plan = plan_pasted(text)
        except AtelierError:
            plan = None
        if plan is None:
            self.paste_refused.emit(
                typography(
                    tr(
                        "Rien n'a été collé : ce texte est un tableau (cellules séparées par des "
                        "tabulations) qui n'a ni les 5 colonnes de la grille, dans son ordre, ni "
                        "leurs titres. Copiez les 5 colonnes, de Participant à Ressources, ou la "
                        "ligne de leurs titres avec les lignes ; une grille entière s'importe dans un "
                        "nouveau fichier : Fichier › Importer une grille (Ctrl+I)."
                    )
                )
            )
            return
        source_row = model.mapToSource(index).row() if isinstance(model, GridFilter) else index.row()
        current = grid.participant_at(source_row)
        blank = not participant_cell(current).strip() and not any(
            grid.items_of(current.id, kind) for kind in ITEM_KINDS
        )
        position = source_row if blank else source_row + 1
        rows = entries_as_rows(plan, grid.workshop_id)
        command = commands.PasteRows(grid, rows, position, current.id if blank else None)
        if not commands.push(grid, command):
            return  # the model said what the file refused
        first = grid.index(position, max(index.column(), 0))
        if isinstance(model, GridFilter):
            first = model.mapFromSource(first)
        if first.isValid():
            self.setCurrentIndex(first)
        counts = plan.counts()
        items = ", ".join(
            counted(counts[kind], f"n.{kind}") for kind in (str(k) for k in ITEM_KINDS) if counts.get(kind)
        )
        # People, as the file counts them (« 2 participants (1 ligne de la grille) collés »).
        one = plan.people() == 1
        people = people_counted(plan.people(), len(rows), "n.participant")
        if items:
            said = tr("{participants} collé : {items}") if one else tr("{participants} collés : {items}")
        else:
            said = tr("{participants} collé") if one else tr("{participants} collés")
        said = said.format(participants=people, items=items)
        said += _to_check(_said_by_grid_rows(plan, rows, position))
        self.pasted.emit(said + tr(" — Ctrl+Z pour annuler"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if (
            event.matches(QKeySequence.StandardKey.Paste)
            and index.isValid()
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.paste_text(index, QApplication.clipboard().text())
            return
        decisions = {Qt.Key.Key_C: MatchStatus.CONFIRMED, Qt.Key.Key_X: MatchStatus.REJECTED}
        if (
            event.modifiers() == Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            and event.key() in decisions
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.undecided.emit(decisions[Qt.Key(event.key())])
            return
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
            self.edit(index)
            return
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and no_modifier
            and index.isValid()
            and index.column() != COLUMN_PARTICIPANT
            and self.state() != QAbstractItemView.State.EditingState
        ):
            if str(index.data(Qt.ItemDataRole.EditRole) or "").strip() and self.model().setData(
                index, "", Qt.ItemDataRole.EditRole
            ):  # undoable
                self.cell_cleared.emit(index)
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------ empty

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

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt's name
        self._painted = True
        self._fit_columns_if_due()  # never a screen at widths not yet fitted
        super().paintEvent(event)
        if self._rows_below is not None and not self._below_soon:
            self._below_soon = True
            QTimer.singleShot(0, self._fit_rows_below)  # the rows below the view, once it is painted
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


def _said_by_grid_rows(
    plan: GridPlan, rows: list[tuple[Participant, list[Item]]], position: int
) -> list[str]:
    """The warnings of rows pasted at the grid's row `position` (0 for the first), each row they
    name named as the facilitator sees it: the grid's row and its participant, « ligne 3 (Zoé
    Roux) » (the row alone when the warning names them already), never the line of the pasted
    text (« ligne 1 » of a paste at the grid's second row named the person above); a line that
    made no row of the grid, « ligne 4 du texte collé »."""
    from atelier.french import shorten
    from atelier.importers.said import said_again
    from atelier.ui.grid_model import participant_cell

    shown: dict[str, tuple[int, str]] = {}
    for number, (entry, (participant, _items)) in enumerate(zip(plan.entries, rows, strict=True)):
        who = shorten(participant_cell(participant).split("\n")[0], 40)
        shown[entry.place()] = (position + number + 1, who)

    def said(warning: str) -> str:
        told = " ".join(str(value) for value in getattr(warning, "params", {}).values())

        def place(line: str) -> str:
            if line not in shown:
                return tr("{line} du texte collé").format(line=line)
            row, who = shown[line]
            return f"{row} ({who})" if who and who not in told else str(row)

        return said_again(warning, place)

    return [said(warning) for warning in plan.warnings]


SAID_PROBLEMS = 3  # a pasted table's problems named in the status bar; the others counted


def _to_check(warnings: list[str]) -> str:
    """What a paste left to check, said after what it pasted: every problem counted, the first
    ones named (a bare « (+4) » said neither what nor how many rows)."""
    if not warnings:
        return ""
    if len(warnings) == 1:
        return tr(" ; à vérifier : {warning}").format(warning=warnings[0])
    named = tr(" ; ").join(warnings[:SAID_PROBLEMS])
    more = len(warnings) - SAID_PROBLEMS
    if more == 1:
        named += tr(" ; et {n} autre").format(n=more)
    elif more > 1:
        named += tr(" ; et {n} autres").format(n=more)
    return tr(" ; {n} points à vérifier : {warnings}").format(n=len(warnings), warnings=named)
