"""F1: the keyboard help, grouped by what the facilitator is doing, generated from ui/actions.py."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QStyle, QTextBrowser, QVBoxLayout, QWidget

from atelier.french import typography
from atelier.ui.actions import help_rows
from atelier.ui.translate import tr

TWO_COLUMNS_CHARS = 155  # the dialog's width two columns of keys need, in average characters
NAMES_CHARS = 18  # the least room for what a key does, beside its keys, in average characters


def help_html(columns: int = 2) -> str:
    """Two columns of sections (one per task), each a table: what to do, which keys; one
    column (`columns` 1) for a narrow dialog; for a very narrow one (`columns` 0) each
    name on its line, its keys under it, indented: beside keys that never wrap (« Ctrl+Entrée,
    ou Tab pour passer à la suivante »), the names had a few letters a line."""
    sections = []
    for title, rows in help_rows():
        if columns == 0:
            lines = "".join(
                f"<p class='what'>{escape(typography(what))}</p><p class='keys'><b>{escape(keys)}</b></p>"
                for what, keys in rows
            )
            sections.append(f"<h3>{escape(title)}</h3>{lines}")
            continue
        lines = "".join(
            f"<tr><td class='what'>{escape(typography(what))}</td>"
            f"<td class='keys'><b>{escape(keys)}</b></td></tr>"
            for what, keys in rows
        )
        sections.append(f"<h3>{escape(title)}</h3><table width='100%' cellspacing='0'>{lines}</table>")
    # Columns of about equal length; typing and matching first: what a live workshop needs most.
    weights = [s.count("<tr>") for s in sections]
    total, running, half = sum(weights), 0, len(sections)
    for index, weight in enumerate(weights):
        running += weight
        if running >= total / 2:
            half = index + 1
            break
    style = (
        "<style>h3 { margin-top: 10px; margin-bottom: 4px; color: #0b4f8a; }"
        "td { padding: 3px 10px 3px 0; vertical-align: top; }"
        "td.keys { white-space: nowrap; }"
        "p.what { margin-top: 4px; margin-bottom: 0px; }"
        "p.keys { margin-top: 0px; margin-bottom: 2px; margin-left: 16px; }</style>"
    )
    if columns in (0, 1):
        return style + "".join(sections)
    left, right = "".join(sections[:half]), "".join(sections[half:])
    return (
        f"{style}<table width='100%'><tr><td width='50%' style='padding-right: 24px'>{left}</td>"
        f"<td width='50%'>{right}</td></tr></table>"
    )


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(tr("Raccourcis clavier"))
        layout = self._layout = QVBoxLayout(self)
        self._widest_keys: int | None = None  # measured once (`_keys_width`)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)
        self.columns = -1  # 2, 1 or 0 (keys under names), from the dialog's width (`_lay_out`)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, Qt.Orientation.Horizontal, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = parent.screen().availableGeometry() if parent is not None else None
        width = min(1180, screen.width() - 60) if screen is not None else 1100
        height = min(960, screen.height() - 80) if screen is not None else 700
        self.resize(width, height)
        self._lay_out(width)  # read before it is shown (its size is given to it then)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        """Two columns when they fit, else one, else keys under names: on a narrow dialog (a
        screen 800 pixels wide, the dialog made narrower) the two columns left « Annuler »,
        « Rétablir »… one letter a line beside keys that never wrap."""
        super().resizeEvent(event)
        self._lay_out(event.size().width())

    def _lay_out(self, width: int) -> None:
        """Two columns, one, or for a very narrow dialog (420 pixels) each name above its
        keys: one column left the names beside the widest keys a few letters a line."""
        metrics = self.fontMetrics()
        wide = width >= metrics.averageCharWidth() * TWO_COLUMNS_CHARS
        side_by_side = width >= self._keys_width() + metrics.averageCharWidth() * NAMES_CHARS
        columns = 2 if wide else 1 if side_by_side else 0
        if columns != self.columns:
            self.columns = columns
            self.browser.setHtml(help_html(columns))

    def _keys_width(self) -> int:
        """The pixels the widest keys take (bold, never wrapped beside a name), with the
        dialog's and the list's margins and a scroll bar."""
        if self._widest_keys is None:
            bold = QFont(self.browser.document().defaultFont())
            bold.setBold(True)
            metrics = QFontMetrics(bold)
            widest = max(
                (metrics.horizontalAdvance(keys) for _t, rows in help_rows() for _w, keys in rows), default=0
            )
            margins = self._layout.contentsMargins()
            scroll = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            # 10 pixels right of each cell (the style's padding), the frame and document margins.
            self._widest_keys = widest + margins.left() + margins.right() + scroll + 20 + 2 * 10 + 8
        return self._widest_keys
