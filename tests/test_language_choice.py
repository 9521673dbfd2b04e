"""Which language Atelier speaks, as GNU programs choose it: ATELIER_LANG (and the window's own
setting) first, then LANGUAGE, the user's list of languages by preference, above the locale
(LC_ALL, LC_MESSAGES, LANG); a language Atelier does not speak is French. The window, the
command line and the documents they write agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
FRENCH = "Le fichier «\xa0/nulle-part.atelier\xa0» est introuvable."
ENGLISH = "The file “/nulle-part.atelier” does not exist."

# (environment, language expected); ATELIER_LANG is emptied (unset) unless given.
CASES = [
    ({"LANGUAGE": "en", "LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANGUAGE": "fr", "LANG": "en_US.UTF-8"}, "fr"),
    ({"LANGUAGE": "en_GB:en", "LC_ALL": "fr_FR.UTF-8"}, "en"),
    ({"LANGUAGE": "de:en", "LANG": "fr_FR.UTF-8"}, "en"),  # the first one Atelier speaks
    ({"LANGUAGE": "de", "LANG": "en_US.UTF-8"}, "fr"),  # none it speaks: French
    ({"LANGUAGE": "", "LANG": "en_US.UTF-8"}, "en"),  # an empty list says nothing
    ({"LANG": "de_DE.UTF-8"}, "fr"),
    ({"ATELIER_LANG": "fr", "LANGUAGE": "en", "LANG": "en_US.UTF-8"}, "fr"),
    ({"ATELIER_LANG": "en", "LANGUAGE": "fr", "LANG": "fr_FR.UTF-8"}, "en"),
]


def _environment(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for var in ("ATELIER_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)


@pytest.mark.parametrize(("env", "expected"), CASES)
def test_the_command_line_and_the_window_choose_the_same_language(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    from atelier.i18n import current_language
    from atelier.ui.translate import ui_language

    _environment(monkeypatch, env)
    assert current_language() == expected
    assert ui_language() == expected


def test_language_en_is_english_on_a_french_system_and_fr_french_on_an_english_one(tmp_path: Path) -> None:
    unset = {"ATELIER_LANG": "", "LC_ALL": "", "LC_MESSAGES": ""}
    english = run_cli("info", "/nulle-part.atelier", env={**unset, "LANGUAGE": "en", "LANG": "fr_FR.UTF-8"})
    assert english.stderr.strip() == ENGLISH
    french = run_cli("info", "/nulle-part.atelier", env={**unset, "LANGUAGE": "fr", "LANG": "en_US.UTF-8"})
    assert french.stderr.strip() == FRENCH
    # The documents follow: Word minutes written from the command line in the same language.
    import docx

    target = tmp_path / "cr.docx"
    done = run_cli(
        "export", str(EXAMPLE), "--docx", str(target), env={**unset, "LANGUAGE": "en", "LANG": "fr_FR.UTF-8"}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Exported:")
    assert docx.Document(str(target)).paragraphs[0].text == "Minutes"


def test_the_window_started_with_language_en_on_a_french_system_is_english(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from atelier.i18n import choose_language, current_language
    from atelier.ui import settings
    from atelier.ui.app import install_translator
    from tests.helpers.keyboard import active_window

    path = tmp_path / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    _environment(monkeypatch, {"LANGUAGE": "en", "LANG": "fr_FR.UTF-8"})
    app = QApplication.instance()
    installed = install_translator(app)
    try:
        window = active_window(qtbot, path)
        menus = [action.text() for action in window.menuBar().actions()]
        documents = current_language()  # the language the export dialog gives the documents
        window.close()
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        choose_language("")
    assert menus[:3] == ["&File", "&Edit", "&View"]
    assert documents == "en"
    # The window's own setting stays above the environment.
    settings.put(settings.LANGUAGE, "fr")
    installed = install_translator(app)
    try:
        window = active_window(qtbot, path)
        menus = [action.text() for action in window.menuBar().actions()]
        documents = current_language()
        window.close()
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        choose_language("")
    assert menus[:3] == ["&Fichier", "É&dition", "&Affichage"]
    assert documents == "fr"


def _qt_s_own_words(window) -> tuple[list[str], list[str]]:
    """The buttons of a standard message box and the right-click menu of the window's title
    field, as Qt writes them itself."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(window)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    buttons = [box.button(QMessageBox.StandardButton.Cancel).text()]
    buttons += [box.button(QMessageBox.StandardButton.Ok).text()]
    box.deleteLater()
    menu = window.findChild(QLineEdit).createStandardContextMenu()
    items = [action.text().split("\t")[0].replace("&", "") for action in menu.actions() if action.text()]
    menu.deleteLater()
    return buttons, items


@pytest.mark.parametrize(
    ("language", "cancel", "edit_menu"),
    [
        ("fr", "Annuler", ["Annuler", "Rétablir", "Couper", "Copier", "Coller", "Supprimer"]),
        ("en", "Cancel", ["Undo", "Redo", "Cut", "Copy", "Paste", "Delete"]),
    ],
)
def test_qt_s_own_buttons_and_edit_menus_speak_the_window_s_language(
    qtbot, tmp_path: Path, language: str, cancel: str, edit_menu: list[str]
) -> None:
    """Qt's own words (a message box's « Annuler », a text field's right-click menu) come
    from Qt's translation, loaded with the window's (the file dialog: test_window_qa)."""
    import shutil

    from atelier.i18n import choose_language
    from atelier.ui import settings
    from atelier.ui.app import install_translator
    from tests.helpers.keyboard import active_window

    path = tmp_path / "exemple.atelier"
    shutil.copy(EXAMPLE, path)
    settings.put(settings.LANGUAGE, language)
    app = QApplication.instance()
    installed = install_translator(app)
    try:
        window = active_window(qtbot, path)
        buttons, items = _qt_s_own_words(window)
        window.close()
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        choose_language("")
    assert buttons[0] == cancel
    assert items[: len(edit_menu)] == edit_menu
