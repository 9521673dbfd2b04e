"""`atelier open F --lang en`: the window of this run speaks English whatever its setting; its
« Language » menu ticks the language it speaks, not the setting it is not speaking (a window in
English ticking « Français » says something false about itself)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.keyboard import active_window
from tests.helpers.one_match import lucie_and_cecile


@pytest.mark.parametrize(("saved", "typed"), [("fr", "en"), ("en", "fr"), ("", "en")])
def test_the_language_menu_ticks_the_language_typed(qtbot, tmp_path: Path, saved: str, typed: str) -> None:
    from datetime import date

    from atelier.i18n import ask_language, choose_language
    from atelier.ui import settings
    from atelier.ui.app import install_translator

    path = tmp_path / "a.atelier"
    lucie_and_cecile(path, date(2021, 3, 16), title="Atelier du réseau")
    settings.put(settings.LANGUAGE, saved)
    ask_language(typed)
    installed = install_translator(QApplication.instance())
    window = None
    try:
        window = active_window(qtbot, path)
        ticked = [code for code in ("system", "fr", "en") if window.action(f"view.lang.{code}").isChecked()]
        assert ticked == [typed]
        assert window.action("file.import").text().startswith("&Import" if typed == "en" else "&Importer")
    finally:
        if window is not None:
            window.close()
        for translator in installed:
            QApplication.instance().removeTranslator(translator)
        ask_language(None)
        settings.put(settings.LANGUAGE, "")
        choose_language("")


def test_without_lang_the_menu_ticks_the_setting(qtbot, tmp_path: Path) -> None:
    from datetime import date

    from atelier.ui import settings

    path = tmp_path / "a.atelier"
    lucie_and_cecile(path, date(2021, 3, 16), title="Atelier du réseau")
    settings.put(settings.LANGUAGE, "")
    window = active_window(qtbot, path)
    try:
        assert window.action("view.lang.system").isChecked()
    finally:
        window.close()
