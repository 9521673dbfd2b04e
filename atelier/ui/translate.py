"""`tr`: a sentence of the window in the user's language.

The window's sentences are written in French in the code, inside `tr("…")`; their English is
in scripts/translations.py, which makes the Qt Linguist files (atelier/resources/i18n/). Qt
picks the translation installed at start (ui/app.py), so `tr` is called when the sentence is
shown, never at import time. Sentences outside the window go through atelier.i18n.message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)
