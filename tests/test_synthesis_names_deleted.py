"""A participant deleted from the grid (Ctrl+Suppr, perhaps erased at her request) is never
published silently by a section of the synthesis the facilitator edited: the minutes keep
their text as written, so the export (command line and window) and the synthesis editor name
her, section by section, until the text no longer does. Her name is read back from the
section's own text: the file keeps no copy of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import run_cli
from .helpers.keyboard import active_example_window, key
from .helpers.synthesis import figures_in

CTRL = Qt.KeyboardModifier.ControlModifier
NBSP = "\u00a0"
NAMED = (
    f"La section «{NBSP}Le contexte{NBSP}» nomme encore Myriam LOUIS, qui n'est plus dans la "
    f"grille{NBSP}: relisez-la avant d'envoyer le compte rendu."
)
NAMED_EN = (
    "The section “Le contexte” still names Myriam LOUIS, who is no longer in the grid: "
    "read it again before sending the minutes."
)


def _export(path: Path, minutes: Path, lang: str = "fr") -> list[str]:
    done = run_cli("export", str(path), "--docx", str(minutes), "--force", env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    return done.stderr.strip().splitlines()


def _text(minutes: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(minutes)).paragraphs)


def _first_section(qtbot, dialog) -> None:
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)


def test_a_deleted_participant_still_named_by_an_edited_section_is_said_until_the_text_drops_her(
    qtbot, tmp_path: Path
) -> None:
    window = active_example_window(qtbot, tmp_path)
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    dialog.show()
    qtbot.waitExposed(dialog)
    _first_section(qtbot, dialog)
    assert "Myriam LOUIS" in dialog.body.toPlainText()  # Atelier's draft names her
    dialog.body.setFocus()
    qtbot.keyClick(dialog.body, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(dialog.body, " Merci pour tout.")
    dialog.close()  # the typing written

    # Her row deleted with Ctrl+Suppr, as the README says for a person erased at her request.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    row = next(
        r for r in range(window.model.rowCount()) if "Myriam LOUIS" in window.model.participant_at(r).names
    )
    window.grid.setCurrentIndex(window.proxy.mapFromSource(window.model.index(row, 1)))
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Delete, CTRL)
    assert not any(
        "Myriam LOUIS" in window.model.participant_at(r).names for r in range(window.model.rowCount())
    )

    path = window.store.path
    window.close()

    # The file keeps no new copy of her name: only the sections' texts, as the facilitator left them.
    with sqlite3.connect(path) as conn:
        graves = " ".join(str(v) for row in conn.execute("SELECT * FROM graves") for v in row)
    assert "myriam" not in graves.casefold() and "louis" not in graves.casefold()

    # The export prints the facilitator's text as written, and says whom it still names.
    minutes = tmp_path / "cr.docx"
    said = _export(path, minutes)
    assert "Myriam LOUIS" in _text(minutes)
    assert said[0] == NAMED, said
    assert not any("Myriam LOUIS" in line for line in said[1:]), said  # once, for that section
    said_en = _export(path, tmp_path / "en.docx", lang="en")
    assert said_en[0] == NAMED_EN, said_en

    # The window's export says it too, below « Exporté ».
    window = active_example_window(qtbot, tmp_path)
    exporting = window.export_office(show=False)
    exporting.show()
    qtbot.waitExposed(exporting)
    out = tmp_path / "exports"
    out.mkdir()
    exporting.folder.setText(str(out))
    exporting.excel.setChecked(False)
    exporting.fiches.setChecked(False)
    qtbot.keyClick(exporting.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not exporting.running, timeout=60_000)
    assert exporting.error is None
    lines = exporting.message.text().splitlines()
    assert lines[0].startswith("Exporté") and NAMED in lines[1:], lines
    exporting.close()

    # The editor says it at once, on that section only, with her name.
    dialog = figures_in(qtbot, window.edit_synthesis(show=False))
    dialog.show()
    qtbot.waitExposed(dialog)
    _first_section(qtbot, dialog)
    assert dialog.names_box.isVisible()
    assert dialog.names_label.text() == "⚠ " + NAMED
    assert dialog.list.item(0).text() == "⚠ Le contexte"
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert not dialog.names_box.isVisible()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)

    # Her name taken out of the text in the editor: the warning goes, in the editor and at export.
    _first_section(qtbot, dialog)
    text = dialog.body.toPlainText()
    assert text.count("Myriam LOUIS") == 1 and " et Myriam LOUIS." in text, text
    dialog.body.setFocus()
    cursor = dialog.body.textCursor()
    cursor.setPosition(text.index(" et Myriam LOUIS."))
    dialog.body.setTextCursor(cursor)
    for _ in " et Myriam LOUIS":
        qtbot.keyClick(dialog.body, Qt.Key.Key_Delete)
    assert "aussi la CC Val de Gâtine." in dialog.body.toPlainText()
    dialog.save_now()
    assert not dialog.names_box.isVisible()
    assert dialog.list.item(0).text() == "⚠ Le contexte"  # its figures changed: still to read again
    dialog.close()
    window.close()
    said = _export(path, minutes)
    assert not any("Myriam LOUIS" in line for line in said), said
    assert "aussi la CC Val de Gâtine." in _text(minutes)
