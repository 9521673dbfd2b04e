"""« Importer une grille… » in the window: preview, fix a column, write, open."""

from __future__ import annotations

from pathlib import Path

from atelier.importers import IGNORE
from atelier.store import Store
from atelier.ui.main_window import MainWindow

from .conftest import ROOT

SHARED_GRID = ROOT / "examples" / "grille-atelier-2021-03-16.txt"


def test_import_previews_the_detected_columns_and_opens_the_new_file(
    qtbot, store: Store, tmp_path: Path
) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    seen = {}

    def check(dialog) -> bool:
        seen["summary"] = dialog.summary.text()
        seen["warnings"] = dialog.warnings.text()
        seen["rows"] = dialog.preview_model.rowCount()
        seen["title"] = dialog.title_edit.text()
        seen["kinds"] = [c.currentData() for c in dialog.combos]
        dialog.place_edit.setText("Visioconférence")
        return True

    target = tmp_path / "importé.atelier"
    assert window.import_grid(SHARED_GRID, target, dialog_hook=check)
    assert seen["rows"] == 22
    assert "22 participants" in seen["summary"] and "14 besoins" in seen["summary"]
    assert "rattachée à la ligne précédente" in seen["warnings"]
    assert seen["title"] == "Atelier du 16 mars 2021"
    assert seen["kinds"] == ["participant", "action", "challenge", "need", "offer"]
    # The window now shows the imported workshop, saved in the new file.
    assert window.store.path == target
    assert window.grid.model().rowCount() == 22
    with Store.open(target, readonly=True) as imported:
        (workshop,) = imported.workshops()
        assert workshop.place == "Visioconférence" and workshop.date == "2021-03-16"


def test_changing_a_column_in_the_preview_changes_what_is_imported(
    qtbot, store: Store, tmp_path: Path
) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)

    def ignore_actions(dialog) -> bool:
        dialog.set_column_kind(1, IGNORE)
        assert "0 actions" in dialog.summary.text()
        return True

    target = tmp_path / "sans-actions.atelier"
    assert window.import_grid(SHARED_GRID, target, dialog_hook=ignore_actions)
    summary = window.store.summary()
    assert summary.participants == 22
    # 34 challenges: Denis Paineau's sentence cut by a page break is one challenge.
    assert sum(summary.items.values()) == 34 + 14 + 16


def test_a_grid_that_cannot_be_read_imports_nothing(qtbot, store: Store, tmp_path: Path) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    broken = tmp_path / "grille.docx"
    broken.write_bytes(b"pas un document")
    messages = []

    def look(dialog) -> bool:
        messages.append(dialog.summary.text())
        assert not dialog.import_button.isEnabled()
        return True

    assert not window.import_grid(broken, tmp_path / "x.atelier", dialog_hook=look)
    assert "n'est pas un fichier .docx valide" in messages[0]
    assert window.store is store
    assert not (tmp_path / "x.atelier").exists()
