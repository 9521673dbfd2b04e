"""The window in one language for a test, as a facilitator who chose it would see it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest


@contextlib.contextmanager
def window_language(monkeypatch: pytest.MonkeyPatch, lang: str) -> Iterator[None]:
    """Atelier's messages and the window's Qt translations in `lang` ("fr" or "en") while the
    block runs (the setting the « Langue » menu writes, the catalogue installed as the app does
    at start); both put back after."""
    from PySide6.QtWidgets import QApplication

    from atelier.i18n import choose_language
    from atelier.ui import settings
    from atelier.ui.app import install_translator

    monkeypatch.setenv("ATELIER_LANG", lang)
    app = QApplication.instance()
    settings.put(settings.LANGUAGE, lang)
    installed = install_translator(app)
    try:
        yield
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        settings.put(settings.LANGUAGE, "")
        choose_language("")
