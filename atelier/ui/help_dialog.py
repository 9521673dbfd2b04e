"""F1: the keyboard help, grouped by what the facilitator is doing, generated from ui/actions.py."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from atelier.french import typography
from atelier.ui.actions import help_rows
from atelier.ui.translate import tr


def help_html() -> str:
    """Two columns of sections (one per task), each a table: what to do, which keys."""
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
    left, right = "".join(sections[:half]), "".join(sections[half:])
    style = (
        "<style>h3 { margin-top: 10px; margin-bottom: 4px; color: #0b4f8a; }"
        "td { padding: 3px 10px 3px 0; vertical-align: top; }"
        "td.keys { white-space: nowrap; }</style>"
    )
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
        self.browser.setHtml(help_html())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, Qt.Orientation.Horizontal, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = parent.screen().availableGeometry() if parent is not None else None
        width = min(1180, screen.width() - 60) if screen is not None else 1100
        height = min(960, screen.height() - 80) if screen is not None else 700
        self.resize(width, height)
