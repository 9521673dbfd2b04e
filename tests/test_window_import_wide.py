"""The import preview of a wide sheet: 20 005 columns froze the window for minutes (a choice of
kind built for every column on the UI thread; « Annuler » and Échap unanswered), and a 30-column
form export already pushed the preview and its « Importer… » / « Annuler » buttons below a
768-line screen. The column list now scrolls inside the dialog, proposes a bounded number of
columns (those the headers name, then the first ones) and says how many more it leaves out;
the buttons stay inside the dialog at a 768-line screen's height."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from atelier.store import Store
from atelier.ui.main_window import MainWindow

HEADERS = ["Participant", "Actions engagées", "Défis", "J'ai besoin de", "Je peux apporter"]
ANNE = ["Anne Martin (PLIE Sud Gironde)", "forum emploi", "recruter", "mobilité", "clauses sociales"]


def _wide(folder: Path, extra: int) -> Path:
    path = folder / "large.csv"
    header = [*HEADERS, *(f"x{i}" for i in range(extra))]
    row = [*ANNE, *("oui" for _ in range(extra))]
    path.write_text(";".join(header) + "\n" + ";".join(row) + "\n", encoding="utf-8")
    return path


def _form30(folder: Path) -> Path:
    """A Google-Forms-like export: 8 useful columns and 22 other questions (form30.csv)."""
    path = folder / "form30.csv"
    header = [
        "Horodateur",
        "Nom et prénom",
        "Structure",
        "Territoire",
        "Quelles actions avez-vous engagées ?",
        "Quels sont vos défis ?",
        "Sur quoi avez-vous besoin de ressources ?",
        "Sur quoi pouvez-vous être ressource ?",
        *(f"Question {i} ?" for i in range(22)),
    ]
    row = ["2023/03/02", "Anne Martin", "PLIE Sud Gironde", "Sud Gironde", "forum", "recruter", "mobilité"]
    row += ["clauses", *("oui" for _ in range(22))]
    path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    return path


def _texts(dialog: QDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_a_very_wide_sheet_proposes_a_bounded_list_of_columns_and_imports(
    qtbot, store: Store, tmp_path: Path
) -> None:
    seen: dict[str, object] = {}

    def check(dialog) -> bool:
        seen["combos"] = len(dialog.combos)
        seen["kinds"] = sorted(c.currentData() for c in dialog.combos if c.currentData() != "ignore")
        seen["texts"] = _texts(dialog)
        return True

    window = MainWindow(store)
    qtbot.addWidget(window)
    target = tmp_path / "large.atelier"
    assert window.import_grid(_wide(tmp_path, 3000), target, dialog_hook=check)
    assert isinstance(seen["combos"], int) and seen["combos"] <= 60, seen["combos"]
    assert seen["kinds"] == ["action", "challenge", "need", "offer", "participant"]
    # One sentence says what is not proposed, with how many.
    assert "3\u202f005 colonnes" in str(seen["texts"]), seen["texts"]
    with Store.open(target, readonly=True) as written:
        (workshop,) = written.workshops()
        (anne,) = written.participants(workshop.id)
        assert anne.names == ["Anne Martin"]


def test_escape_closes_the_preview_of_a_very_wide_sheet_once_read(
    qtbot, store: Store, tmp_path: Path
) -> None:
    from atelier.ui.import_dialog import ImportDialog

    window = MainWindow(store)
    qtbot.addWidget(window)
    dialog = ImportDialog(_wide(tmp_path, 20_000), window)
    qtbot.addWidget(dialog)
    dialog.start()
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=120_000)
    assert len(dialog.combos) <= 60
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_escape_closes_the_preview_while_a_very_wide_sheet_is_being_read(
    qtbot, store: Store, tmp_path: Path
) -> None:
    from atelier.ui.import_dialog import ImportDialog

    window = MainWindow(store)
    qtbot.addWidget(window)
    dialog = ImportDialog(_wide(tmp_path, 20_000), window)
    qtbot.addWidget(dialog)
    dialog.start()
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    # The reading that ends later puts nothing back on screen.
    qtbot.wait(50)
    assert not dialog.isVisible()


def test_the_preview_of_a_30_column_form_fits_a_768_line_screen(qtbot, store: Store, tmp_path: Path) -> None:
    seen: dict[str, object] = {}

    def check(dialog) -> bool:
        dialog.show()
        qtbot.waitExposed(dialog)
        # A 1366×768 screen leaves about 730 lines to a window under its title bar.
        dialog.resize(1000, 700)
        QApplication.processEvents()
        seen["height"] = dialog.height()
        inside = dialog.rect()
        for name, widget in (
            ("import", dialog.import_button),
            ("preview", dialog.preview),
            ("summary", dialog.summary),
        ):
            corner = widget.mapTo(dialog, QPoint(widget.width() - 1, widget.height() - 1))
            seen[name] = (
                inside.contains(corner)
                and widget.isVisible()
                and widget.height() >= widget.fontMetrics().height()
            )
            seen[name + "_size"] = (widget.height(), corner.y())
        seen["combos"] = len(dialog.combos)
        return False

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.import_grid(_form30(tmp_path), tmp_path / "form.atelier", dialog_hook=check)
    assert seen["combos"] == 30  # every column still proposed: 30 is no absurd shape
    assert isinstance(seen["height"], int) and seen["height"] <= 700, seen["height"]
    assert seen["import"] and seen["preview"] and seen["summary"], seen
