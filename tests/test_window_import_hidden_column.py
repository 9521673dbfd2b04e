"""The window's import preview says a hidden Excel column is hidden and not imported: it read
« Colonne 6 (sans titre) → Ignorer », as if the grid had an empty column the facilitator
could choose to import."""

from __future__ import annotations

from pathlib import Path

from atelier.store import Store
from atelier.ui.import_dialog import HeaderLabel
from atelier.ui.main_window import MainWindow


def test_a_hidden_column_is_said_hidden_in_the_preview(qtbot, store: Store, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Participants", "Actions", "Défis", "Besoins", "Je peux être ressource sur", "Notes"])
    sheet.append(["Anne Martin, PLIE", "Forum", "Mobilité", "Permis", "Ateliers CV", "appeler lundi"])
    sheet.append(["Karim Benali, ML", "Permis", "Recrutement", "Garde", "Covoiturage", "absent"])
    sheet.column_dimensions["F"].hidden = True
    path = tmp_path / "grille.xlsx"
    book.save(path)
    seen: dict[str, object] = {}

    def check(dialog) -> bool:
        labels = dialog.columns_box.findChildren(HeaderLabel)
        seen["labels"] = [" ".join(label.text().split()) for label in labels]
        seen["enabled"] = [combo.isEnabled() for combo in dialog.combos]
        seen["preview"] = [
            dialog.preview_model.data(dialog.preview_model.index(row, column))
            for row in range(dialog.preview_model.rowCount())
            for column in range(dialog.preview_model.columnCount())
        ]
        return False

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.import_grid(path, tmp_path / "grille.atelier", dialog_hook=check)

    labels = [label.replace("\u00a0", " ") for label in seen["labels"]]  # type: ignore[attr-defined]
    assert labels[5] == "Colonne 6 « Notes » (masquée, non importée)", labels
    assert "sans titre" not in " ".join(labels)
    assert seen["enabled"] == [True, True, True, True, True, False]
    assert "appeler lundi" not in seen["preview"]  # type: ignore[operator]
