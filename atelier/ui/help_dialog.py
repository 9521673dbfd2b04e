"""F1: the keyboard help, grouped by what the facilitator is doing, generated from ui/actions.py."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from atelier.french import typography
from atelier.ui.actions import help_rows
from atelier.ui.translate import tr

TWO_COLUMNS_CHARS = 155  # the dialog's width two columns of keys need, in average characters


def help_html(columns: int = 2) -> str:
    """Two columns of sections (one per task), each a table: what to do, which keys; one
    column (`columns` 1) for a narrow dialog."""
    sections = []
    for title, rows in help_rows():
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
        "td.keys { white-space: nowrap; }</style>"
    )
    if columns == 1:
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
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)
        self.columns = 0  # 2 or 1, from the width the dialog has (`_lay_out`)
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
        """Two columns when they fit, else one: on a narrow dialog (a screen 800 pixels
        wide, the dialog made narrower) the two columns left « Annuler », « Rétablir »… one
        letter a line beside keys that never wrap."""
        super().resizeEvent(event)
        self._lay_out(event.size().width())

    def _lay_out(self, width: int) -> None:
        wide = width >= self.fontMetrics().averageCharWidth() * TWO_COLUMNS_CHARS
        columns = 2 if wide else 1
        if columns != self.columns:
            self.columns = columns
            self.browser.setHtml(help_html(columns))
