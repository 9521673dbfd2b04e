"""How the window looks, as the facilitator set it: text size, high contrast, language.

Applied to the whole application (dialogs and the projector follow); kept in the settings
(ui/settings.py), so that the next session starts as this one ended.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from atelier.ui import settings
from atelier.ui.translate import tr

HIGH_CONTRAST = {
    QPalette.ColorRole.Window: "#ffffff",
    QPalette.ColorRole.WindowText: "#000000",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f0f0f0",
    QPalette.ColorRole.Text: "#000000",
    QPalette.ColorRole.Button: "#ffffff",
    QPalette.ColorRole.ButtonText: "#000000",
    QPalette.ColorRole.Highlight: "#0b3d91",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#444444",
}


def as_title(widget: QWidget) -> None:
    """A page's or a section's title: bold, a quarter larger than the text it heads (and
    than the window's text size, whatever the facilitator set)."""
    font = widget.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.25)
    widget.setFont(font)


def zoom(window: Any, step: int) -> None:
    """Ctrl++ / Ctrl+- one point bigger or smaller (8 to 32), Ctrl+0 the system's size."""
    base = QApplication.font().pointSize() if step else 0
    size = 0 if step == 0 else max(8, min(32, base + step))
    settings.put(settings.FONT_POINT_SIZE, size)
    apply_preferences(window)


def toggle_contrast(window: Any) -> None:
    settings.put(settings.HIGH_CONTRAST, window.contrast_action.isChecked())
    apply_preferences(window)


def set_language(window: Any, code: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    settings.put(settings.LANGUAGE, code)
    QMessageBox.information(window, tr("Langue"), tr("La langue choisie s'appliquera au prochain démarrage."))


def apply_preferences(window: Any) -> None:
    """The font size and the palette of the settings, on the whole application."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if not hasattr(app, "_atelier_default_font"):
        app._atelier_default_font = QFont(app.font())  # type: ignore[attr-defined]
        app._atelier_default_palette = QPalette(app.palette())  # type: ignore[attr-defined]
    font = QFont(app._atelier_default_font)  # type: ignore[attr-defined]
    size = int(settings.get(settings.FONT_POINT_SIZE) or 0)
    if size:
        font.setPointSize(size)
    if font != app.font():  # each change re-lays out every widget: not for nothing at startup
        app.setFont(font)
    contrast = bool(settings.get(settings.HIGH_CONTRAST))
    window.contrast_action.setChecked(contrast)
    if contrast:
        palette = QPalette()
        for role, color in HIGH_CONTRAST.items():
            palette.setColor(role, QColor(color))
        app.setPalette(palette)
        window.grid.setStyleSheet("QTableView { gridline-color: #000000; }")
    else:
        if app.palette() != app._atelier_default_palette:  # type: ignore[attr-defined]
            app.setPalette(app._atelier_default_palette)  # type: ignore[attr-defined]
        if window.grid.styleSheet():
            window.grid.setStyleSheet("")
    window.grid.fit_rows_soon()
