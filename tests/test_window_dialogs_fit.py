"""What the export and rename dialogs show is readable: form labels end with « : » (its
non-breaking space before), the folder is a real folder (« . » was shown for a file opened by
a relative path), and a workshop's usual title fits the rename box without scrolling."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit

from atelier.store import Store

from .conftest import ROOT
from .helpers.keyboard import active_window

TITLE = "Atelier emploi et compétences du Grand Angoulême — 12 octobre 2023"


def _when_modal(kind: type, read) -> None:
    """Call `read` on the modal dialog of this kind as soon as it is shown."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(50, look)
            return
        read(dialog)

    QTimer.singleShot(50, look)


def test_the_export_dialog_says_its_labels_and_the_whole_folder(qtbot, tmp_path: Path, monkeypatch) -> None:
    from atelier.ui.export_dialog import ExportDialog

    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", tmp_path / "exemple.atelier")
    monkeypatch.chdir(tmp_path)
    window = active_window(qtbot, Path("exemple.atelier"))  # as « atelier open exemple.atelier »
    seen: dict[str, object] = {}

    def read(dialog: ExportDialog) -> None:
        seen["labels"] = [
            label.text() for label in dialog.findChildren(QLabel) if label.buddy() or label.text()
        ]
        seen["folder"] = dialog.folder.text()
        dialog.reject()

    _when_modal(ExportDialog, read)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "folder" in seen, timeout=5000)
    labels = seen["labels"]
    assert isinstance(labels, list)
    for label in ("Formats\u00a0:", "&Dossier\u00a0:", "&Nom des fichiers\u00a0:", "Modèle Word\u00a0:"):
        assert label in labels, labels
    assert seen["folder"] == str(tmp_path), seen["folder"]
    window.close()


def test_a_usual_title_fits_the_rename_box(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "a.atelier"
    with Store.create(path, title=TITLE, date="2023-10-12"):
        pass
    window = active_window(qtbot, path)
    seen: dict[str, int] = {}

    def read(dialog: QInputDialog) -> None:
        field = dialog.findChild(QLineEdit)
        seen["needed"] = field.fontMetrics().horizontalAdvance(TITLE)
        seen["room"] = field.contentsRect().width() - field.textMargins().left() - field.textMargins().right()
        screen = dialog.screen().availableGeometry().width()
        seen["fits_screen"] = int(dialog.frameGeometry().width() <= screen)
        field.selectAll()
        qtbot.keyClicks(field, "Atelier emploi du Grand Angouleme")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    _when_modal(QInputDialog, read)
    # « Ateliers et s&uivi », then « Reno&mmer l'atelier… »
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_M)
    qtbot.waitUntil(lambda: "room" in seen, timeout=5000)
    # The whole title shows, with room for the cursor: no scrolling to read it.
    assert seen["room"] > seen["needed"] + 4, seen
    assert seen["fits_screen"]
    qtbot.waitUntil(
        lambda: window.model.workshop().title == "Atelier emploi du Grand Angouleme", timeout=3000
    )
    window.close()
