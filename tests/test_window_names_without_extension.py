"""A name typed without its extension in the window's save dialogs (« Exporter le suivi de tous
les ateliers », Ctrl+Alt+E; « Exporter en JSON », Ctrl+Maj+E) gets the format's, as on the
command line (tester55 F11): Qt's dialog adds none, so typing « notes » wrote an Excel file
« notes » over the user's text file « notes ». A « notes.xlsx » already there, which the
dialog did not ask about, is asked about, « Non » by default."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from .helpers.keyboard import active_window, key
from .test_cli_names_without_extension import _followed

CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.usefixtures("no_modal_boxes")
def test_a_name_typed_without_extension_gets_the_export_s(qtbot, tmp_path: Path, monkeypatch) -> None:
    path = _followed(tmp_path)
    notes = tmp_path / "notes"
    notes.write_text("mes notes importantes", encoding="utf-8")
    kept = _sha(notes)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(notes), ""))
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi »
        key(qtbot, Qt.Key.Key_E, CTRL | ALT)
        qtbot.waitUntil((tmp_path / "notes.xlsx").exists, timeout=20_000)
        assert zipfile.is_zipfile(tmp_path / "notes.xlsx")
        said = window.saved_label.text().replace("\u00a0", " ")
        assert f"exporté (1 mise en relation) : {tmp_path / 'notes.xlsx'}" in said, said
        key(qtbot, Qt.Key.Key_E, CTRL | SHIFT)  # « Exporter en JSON »
        qtbot.waitUntil((tmp_path / "notes.json").exists, timeout=20_000)
        assert json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))
        assert _sha(notes) == kept  # the text file « notes » untouched
    finally:
        window.close()


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_file_with_the_extension_added_is_asked_about(qtbot, tmp_path: Path, monkeypatch) -> None:
    path = _followed(tmp_path)
    sent = tmp_path / "notes.xlsx"
    sent.write_bytes(b"le suivi deja envoye")
    before = _sha(sent)
    seen: list[str] = []

    def look() -> None:  # the box, read, then answered by Entrée: its default must be « Non »
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            QTimer.singleShot(50, look)
            return
        seen.append(box.text().replace("\u00a0", " ").replace("\u202f", " "))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "notes"), ""))
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)
        QTimer.singleShot(50, look)
        key(qtbot, Qt.Key.Key_E, CTRL | ALT)
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
        assert seen == ["« notes.xlsx » existe déjà dans ce dossier. Le remplacer ?"]
        qtbot.wait(300)
        assert _sha(sent) == before and not (tmp_path / "notes").exists()
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("notes")) == ["notes.xlsx"]
    finally:
        window.close()
