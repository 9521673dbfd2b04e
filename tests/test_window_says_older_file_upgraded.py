"""The window's first edit of a file of an older format writes it at today's format: said
once in the status bar, as the command line says it, with where the copy at its old format
(which older versions open) is kept among the backups."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.backups import backups_of
from atelier.store import SCHEMA_VERSION
from tests.helpers.keyboard import key, reimport_by_keys, type_text

OLD = Path(__file__).parent / "fixtures" / "format-v14.atelier"  # Lucie Leroy, Grégory TALVY


def _format(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _window_on_old(qtbot, tmp_path: Path):
    from atelier.ui.operations import files
    from tests.conftest import example_window

    folder = tmp_path / "ancien"
    folder.mkdir()
    old = folder / "ancien.atelier"
    shutil.copy(OLD, old)
    window = example_window(qtbot, tmp_path)
    assert files.open_file(window, old)
    qtbot.waitUntil(lambda: len(backups_of(old)) == 1, timeout=10_000)  # the copy of the opening
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, old


def _type_need(qtbot, window, row: int, text: str) -> None:
    """The row's « Besoins » cell typed again by keys (F2, Ctrl+A, the text, Tab)."""
    window._select(window.model.participant_at(row).id, 3)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_F2)
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(text)
    key(qtbot, Qt.Key.Key_Tab)


def test_the_first_edit_of_an_older_file_says_it_was_upgraded_and_where_its_old_copy_is(
    qtbot, tmp_path: Path, language: str
) -> None:
    window, old = _window_on_old(qtbot, tmp_path)
    (copy,) = backups_of(old)
    assert window.saved_label.text() in (
        "Chaque modification est enregistrée aussitôt.",
        "Every change is saved at once.",
    )
    _type_need(qtbot, window, 0, "Un répertoire des initiatives locales")
    qtbot.waitUntil(lambda: _format(old) == SCHEMA_VERSION)
    qtbot.waitUntil(lambda: str(copy.path) in window.saved_label.text())
    said = window.saved_label.text()
    # after what the edit says (the decision on Lucie Leroy's need, its text retyped), and its time
    then = r"Enregistré à \d\d:\d\d:\d\d\. «" if language == "fr" else r"Saved at \d\d:\d\d:\d\d\. “"
    assert re.search(then, said), said
    if language == "fr":
        assert said.endswith(
            f"«\xa0ancien.atelier\xa0» est passé du format 14 au format {SCHEMA_VERSION}\xa0: les versions "
            "d'Atelier plus anciennes ne l'ouvriront plus. Une copie au format 14, que ces versions "
            f"ouvrent, est gardée dans les sauvegardes\xa0: {copy.path} (Fichier\xa0›\xa0Restaurer une "
            f"sauvegarde…, sauvegarde du {copy.label()})."
        )
    else:
        assert said.endswith(
            f"“ancien.atelier” went from format 14 to format {SCHEMA_VERSION}: older versions of Atelier "
            f"will no longer open it. A copy at format 14, which those versions open, is kept among the "
            f"backups: {copy.path} (File\xa0›\xa0Restore a backup…, backup of {copy.label()})."
        )
    assert _format(copy.path) == 14  # the copy named is one an older Atelier opens
    _type_need(qtbot, window, 1, "Un local")  # said once: the next edit says it is saved
    qtbot.waitUntil(lambda: window.saved_label.text() != said)
    assert "format" not in window.saved_label.text()


def test_a_reimport_that_upgrades_an_older_file_says_so_in_its_summary(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes: list[str]
) -> None:
    window, old = _window_on_old(qtbot, tmp_path)
    (copy,) = backups_of(old)
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Nom;Structure;Besoins;Ressources\n"
        "Lucie Leroy;Grand Angoulême;besoin d'un répertoire d'initiatives locales;\n"
        "Paul Durand;Mission locale;Un local;Annuaire\n",
        encoding="utf-8",
    )
    window.grid.setFocus()
    said = reimport_by_keys(qtbot, monkeypatch, grid)
    assert "1 ajouté" in said
    assert said.endswith(
        f"«\xa0ancien.atelier\xa0» est passé du format 14 au format {SCHEMA_VERSION}\xa0: les versions "
        "d'Atelier plus anciennes ne l'ouvriront plus. Une copie au format 14, que ces versions "
        f"ouvrent, est gardée dans les sauvegardes\xa0: {copy.path} (Fichier\xa0›\xa0Restaurer une "
        f"sauvegarde…, sauvegarde du {copy.label()})."
    )
    assert window.saved_label.text() == said
    window.model.setData(window.model.index(0, 3), "Un répertoire")  # said once
    assert "format" not in window.saved_label.text()
