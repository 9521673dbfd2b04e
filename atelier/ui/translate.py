"""`tr`: a sentence of the window in the user's language.

The window's sentences are written in French in the code, inside `tr("…")`; their English is
in scripts/translations.py, which makes the Qt Linguist files (atelier/resources/i18n/). Qt
picks the translation installed at start (ui/app.py), so `tr` is called when the sentence is
shown, never at import time; French comes out with its typography (`tr` applies
atelier.french.typography). Sentences outside the window go through atelier.i18n.message,
whose French is typed with its non-breaking spaces (tests/test_french.py checks every one);
`ui_language` says which language the window speaks (the reasons it shows are said in it).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from atelier.french import typography
from atelier.ui import settings


def tr(text: str) -> str:
    """`text` in the window's language. French (the source, when no translation is installed
    or none is needed) gets its typography here, once for the whole window: the non-breaking
    spaces that keep « : ; ! ? » and guillemets on the line of their word, in every label,
    menu, status line and message box."""
    translated = QCoreApplication.translate("", text)
    if translated != text:
        return translated  # English: its own typography, typed in
    return typography(text, "fr")


def ui_language() -> str:
    """The window's language: `--lang` typed on its command line (for this run), else the
    user's setting, else what the environment asks for (ATELIER_LANG, LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG: atelier.i18n.environment_language, as the command line reads it),
    else the system's."""
    from atelier.i18n import asked_language

    typed = asked_language()
    if typed:
        return typed
    chosen = str(settings.get(settings.LANGUAGE) or "")
    if chosen in ("fr", "en"):
        return chosen
    from atelier.i18n import environment_language

    asked = environment_language()
    if asked:
        return asked
    if sys.platform not in ("win32", "darwin"):
        # The environment is what Qt's system locale would read: it says nothing, Qt's is
        # « C », French. Not asked of Qt, which reads it once (ui.app._system_locale_in).
        return "fr"
    from PySide6.QtCore import QLocale  # its language tables cost ~6 ms: only when asked

    return "en" if QLocale.system().language() == QLocale.Language.English else "fr"
