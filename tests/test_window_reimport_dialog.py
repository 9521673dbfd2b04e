"""« Réimporter la grille… » (Ctrl+Maj+I) from the real window, by the keyboard. The dialog
showed « Titre » and « Date » fields a facilitator could edit, which the re-import ignored
(the workshop keeps its own): fields that do nothing are no longer shown, and the dialog
says that the workshop keeps its title, date and place. Once written, the 100 % progress box
with « Annuler » stayed alive under the result box, and came back drawn over it: it is gone
before the result is said."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from .conftest import ROOT
from .helpers.keyboard import active_example_window, import_dialog_ready, key

GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"


@pytest.mark.usefixtures("no_modal_boxes")
def test_reimport_shows_no_field_it_ignores_and_closes_its_progress_before_the_result(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import atelier.ui.import_dialog as import_dialog

    window = active_example_window(qtbot, tmp_path)
    workshop_before = window.store.workshops()[0]
    monkeypatch.setattr(import_dialog, "choose_grid", lambda _parent, _folder: GRID)
    results: list[tuple[str, list[QProgressDialog]]] = []

    def result_box(_parent: object, _title: str, text: str, *_args: object, **_kwargs: object) -> None:
        # What is still there, able to be drawn over the result, when the result is said.
        results.append((text, list(window.findChildren(QProgressDialog))))

    monkeypatch.setattr(QMessageBox, "information", result_box)
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:
        dialog = None
        try:
            dialog = import_dialog_ready(qtbot)
            seen["fields"] = [
                w.isVisibleTo(dialog) for w in (dialog.title_edit, dialog.date_edit, dialog.place_edit)
            ]
            seen["button"] = dialog.import_button.text()
            note = getattr(dialog, "reimport_note", None)
            seen["note"] = note.text() if note is not None and note.isVisibleTo(dialog) else ""
            dialog.import_button.setFocus()
            key(qtbot, Qt.Key.Key_Space)  # « Réimporter », from the keyboard
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # never left waiting offscreen

    QTimer.singleShot(0, in_the_dialog)
    key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    ((text, progress_boxes),) = results

    assert progress_boxes == []
    assert seen["fields"] == [False, False, False]
    assert seen["button"] == "&Réimporter"
    assert seen["note"] == (
        "La grille est réimportée dans l'atelier ouvert\u00a0: son titre, sa date et son lieu restent "
        "ceux de l'atelier."
    )
    assert text.startswith("24 participants retrouvés sans changement (22 lignes de la grille), 0 ajouté"), (
        text
    )
    workshop_after = window.store.workshops()[0]
    assert (workshop_after.title, workshop_after.date) == (workshop_before.title, workshop_before.date)
