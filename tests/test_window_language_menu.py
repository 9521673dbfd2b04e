"""The « Langue (au prochain démarrage) » menu says what the next start will speak: it ticks the
saved setting. `atelier open F --lang en` makes this run speak English whatever the setting;
the menu then says so on a greyed first line (« Cette fois : English (--lang en) ») instead of
ticking a language the next start will not speak."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.keyboard import active_window
from tests.helpers.one_match import lucie_and_cecile


@pytest.mark.parametrize(("saved", "typed"), [("fr", "en"), ("en", "fr"), ("", "en")])
def test_with_lang_the_menu_ticks_the_setting_and_says_this_run(
    qtbot, tmp_path: Path, saved: str, typed: str
) -> None:
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
        assert ticked == [saved or "system"]
        # This run speaks the language typed, and the menu's first line says so, greyed.
        assert window.action("file.import").text().startswith("&Import" if typed == "en" else "&Importer")
        menu = window.commands.menus["view/language"]
        first = menu.actions()[0]
        assert not first.isEnabled()
        if typed == "en":
            assert first.text() == "This time: English (--lang en)"
        else:
            assert first.text() == "Cette fois\u00a0: Français (--lang fr)"
        # Choosing the ticked language again changes nothing the next start will speak.
        assert settings.get(settings.LANGUAGE) == saved
    finally:
        if window is not None:
            window.close()
        for translator in installed:
            QApplication.instance().removeTranslator(translator)
        ask_language(None)
        settings.put(settings.LANGUAGE, "")
        choose_language("")


def test_without_lang_the_menu_ticks_the_setting_and_has_no_this_run_line(qtbot, tmp_path: Path) -> None:
    from datetime import date

    from atelier.ui import settings

    path = tmp_path / "a.atelier"
    lucie_and_cecile(path, date(2021, 3, 16), title="Atelier du réseau")
    settings.put(settings.LANGUAGE, "en")
    window = active_window(qtbot, path)
    try:
        assert window.action("view.lang.en").isChecked()
        menu = window.commands.menus["view/language"]
        assert all(action.isEnabled() for action in menu.actions())
        assert [a.text() for a in menu.actions()] == ["Celle du &système", "&Français", "&English"]
    finally:
        window.close()
        settings.put(settings.LANGUAGE, "")
