"""The import preview names each column with its whole header when there is room, in English as
in French: English cut them a character short (« Column 1 “Participants / Territo…” » with
room to spare), the label's width measured on the sentence whole and its room for the header
on the sentence without it, which quotes without spaces make a pixel narrower."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from atelier.store import Store
from atelier.ui.import_dialog import HeaderLabel
from atelier.ui.main_window import MainWindow

HEADERS = [
    "Participants / Territoire",
    "Défis à relever sur votre territoire",
    "Besoins de ressources pour avancer",
    "Je peux être ressource sur",
]


def test_the_preview_shows_each_header_whole(qtbot, store: Store, tmp_path: Path, language: str) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(["Anne Roux / PLIE Sud Landes", "Mobilité", "Financement", "Ateliers CV"])
    path = tmp_path / "grille.xlsx"
    book.save(path)
    seen: list[str] = []

    def check(dialog) -> bool:
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        seen.extend(" ".join(label.text().split()) for label in dialog.columns_box.findChildren(HeaderLabel))
        return False

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.import_grid(path, tmp_path / "grille.atelier", dialog_hook=check)
    assert len(seen) == len(HEADERS), seen
    for header, label in zip(HEADERS, seen, strict=True):
        assert header in label and "…" not in label, (language, label)
