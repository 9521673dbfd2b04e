"""No two Alt+letters in one dialog, in French and in English.

The English Export dialog had « &Excel tables » and « E&xport » while Alt+E reads as
« Export » to anyone who has used a menu: worse, the probe's keyboard user pressed Alt+E to
export and only unticked the Excel tables, silently. Each dialog the window opens is walked
here, in both languages, and every Alt+letter it answers to (buttons, ticks, group titles,
labels of fields) must be its own; the button that does the dialog's work takes the first
letter of its word where that letter is free."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QGroupBox, QLabel, QWidget

from atelier.paths import resource
from atelier.store import Store
from atelier.ui.actions import mnemonic
from atelier.ui.main_window import MainWindow
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


def letters(dialog: QWidget) -> list[tuple[str, str]]:
    found = []
    for button in dialog.findChildren(QAbstractButton):
        if mnemonic(button.text()):
            found.append((mnemonic(button.text()), button.text()))
    for box in dialog.findChildren(QGroupBox):
        if mnemonic(box.title()):
            found.append((mnemonic(box.title()), box.title()))
    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None and mnemonic(label.text()):
            found.append((mnemonic(label.text()), label.text()))
    return found


def clashes(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    counts = Counter(letter for letter, _ in found)
    return {letter: [t for m, t in found if m == letter] for letter, n in counts.items() if n > 1}


def dialogs(window: MainWindow, tmp_path: Path) -> Iterator[tuple[str, QDialog]]:
    yield "export", window.export_office(show=False)
    yield "glossary", window.edit_glossary(show=False)
    yield "synthesis", window.edit_synthesis(show=False)
    yield "help", window.show_shortcuts(show=False)
    yield "merge history", window.show_merge_history(show=False)
    grid = tmp_path / "grille.csv"
    grid.write_text("Participant;Besoins\nAnne Leroy / CC A;un lieu\n", encoding="utf-8")
    seen: list[QDialog] = []
    window.import_grid(grid, dialog_hook=lambda dialog: bool(seen.append(dialog)))
    yield "import", seen[0]


@pytest.fixture(params=["fr", "en"])
def language(request) -> Iterator[str]:
    translator = QTranslator()
    if request.param == "en":
        assert translator.load(str(resource("i18n", "atelier_en.qm")))
        QApplication.installTranslator(translator)
    try:
        yield request.param
    finally:
        QApplication.removeTranslator(translator)


def test_no_dialog_has_two_alt_letters_alike(qtbot, tmp_path: Path, language: str) -> None:
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    found = {}
    for name, dialog in dialogs(window, tmp_path):
        found[name] = letters(dialog)
        assert clashes(found[name]) == {}, (language, name, found[name])
        dialog.deleteLater()
    assert found["export"] and found["import"]  # walked: the letters were read
    # Alt+E in the Export dialog exports; the Excel tables take another letter.
    export = dict((t.replace("&", ""), m) for m, t in found["export"])
    assert export["Exporter" if language == "fr" else "Export"] == "e", found["export"]
    window.close()


def test_every_field_of_a_dialog_is_labelled_as_the_window_labels_them(
    qtbot, tmp_path: Path, language: str
) -> None:
    """The glossary's form read « Type », « Terme », « Développé ou mots » (a label cut short
    of the column's « Développé ou mots proches »), without the « : » every other field of
    the window and its dialogs has (« Dossier : », « Titre : »). Each field's label ends with
    « : » (after a non-breaking space in French) and the glossary's names what it takes."""
    path = tmp_path / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    colon = "\u00a0:" if language == "fr" else ":"
    labels = {}
    for name, dialog in dialogs(window, tmp_path):
        labels[name] = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
        assert all(text.endswith(colon) and not text.endswith(" " + colon) for text in labels[name]), (
            language,
            name,
            labels[name],
        )
        dialog.deleteLater()
    said = [text.replace("&", "") for text in labels["glossary"]]
    assert said == (
        ["Type\u00a0:", "Terme\u00a0:", "Développé ou mots proches\u00a0:"]
        if language == "fr"
        else ["Type:", "Term:", "Expansion or near-synonyms:"]
    ), said
    window.close()
