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
    assert "24 participants (22 lignes de la grille)" in seen["summary"] and "14 besoins" in seen["summary"]
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
        assert "0 action ·" in dialog.summary.text()
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


def test_a_grid_with_participants_in_columns_says_so_and_imports_nothing(
    qtbot, store: Store, tmp_path: Path
) -> None:
    """Read row by row, it gave participants named after their challenges; the dialog then
    said only « Colonne des participants introuvable », which choosing a column cannot mend."""
    from openpyxl import Workbook

    workbook = Workbook()
    for row in [
        ["", "Anne Martin / PLIE de Pau", "Paul Durand / CCAS de Tarbes"],
        ["Actions engagées", "Forum de l'emploi", "Ateliers CV"],
        ["Défis", "Recruter", "Logement"],
        ["Besoins de ressources", "Mobilité", "Garde d'enfants"],
        ["Peut être ressource sur", "Clauses sociales", "Numérique"],
    ]:
        workbook.active.append(row)
    grid = tmp_path / "grille.xlsx"
    workbook.save(str(grid))
    window = MainWindow(store)
    qtbot.addWidget(window)
    seen = {}

    def look(dialog) -> bool:
        seen["summary"] = dialog.summary.text()
        seen["enabled"] = dialog.import_button.isEnabled()
        # A column chosen by hand, none for the people: the dialog says what to choose, with
        # no command-line option and no « Ignorer » listed as the grid's headers.
        dialog.set_column_kind(1, "need")
        seen["chosen"] = dialog.summary.text()
        return True

    assert not window.import_grid(grid, tmp_path / "x.atelier", dialog_hook=look)
    assert "choisissez «\xa0Participant\xa0» pour l'une des colonnes" in seen["chosen"]
    assert "--columns" not in seen["chosen"] and "Ignorer" not in seen["chosen"]
    assert "les participants sont en colonnes" in seen["summary"]
    assert "Transposez le tableau" in seen["summary"]
    assert not seen["enabled"]
    assert not (tmp_path / "x.atelier").exists() and window.store is store


def test_the_preview_agrees_each_count_with_its_noun(qtbot, store: Store, tmp_path: Path) -> None:
    """One participant said « 1 participants · 0 défis » in the preview."""
    window = MainWindow(store)
    qtbot.addWidget(window)
    grid = tmp_path / "une-personne.csv"
    grid.write_text("Participant;Actions;Défis;Besoins;Ressources\nPaul Roux;Forum\n", encoding="utf-8")
    seen: list[str] = []

    def look(dialog) -> bool:
        seen.append(dialog.summary.text())
        return False

    assert not window.import_grid(grid, tmp_path / "x.atelier", dialog_hook=look)
    assert seen == ["1 participant · 1 action · 0 défi · 0 besoin · 0 ressource"]
    assert not (tmp_path / "x.atelier").exists()


def test_the_preview_counts_the_people_a_row_names_as_the_file_will(
    qtbot, store: Store, tmp_path: Path
) -> None:
    """« Paul Roux et Léa Petit » share a row: the preview said « 1 participant » where the
    file, once imported, counts two (« Participants : 2 (1 ligne de la grille) »)."""
    window = MainWindow(store)
    qtbot.addWidget(window)
    grid = tmp_path / "deux-personnes.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\nPaul Roux et Léa Petit / PLIE;Forum\n",
        encoding="utf-8",
    )
    seen: list[str] = []

    def look(dialog) -> bool:
        seen.append(dialog.summary.text())
        return False

    assert not window.import_grid(grid, tmp_path / "x.atelier", dialog_hook=look)
    assert seen == ["2 participants (1 ligne de la grille) · 1 action · 0 défi · 0 besoin · 0 ressource"]


def test_a_grid_with_headers_only_says_so_in_the_preview(qtbot, store: Store, tmp_path: Path) -> None:
    """The dialog said « Colonne des participants introuvable. En-têtes trouvés : « Ignorer »,
    « Ignorer »… Indiquez-la avec --columns » for a CSV whose headers were all recognised
    but had no row under them."""
    window = MainWindow(store)
    qtbot.addWidget(window)
    grid = tmp_path / "en-tetes.csv"
    grid.write_text("Participant;Actions;Défis;Besoins;Ressources\n", encoding="utf-8")
    before = grid.read_bytes()
    seen: list[str] = []

    def look(dialog) -> bool:
        seen.append(dialog.summary.text())
        assert not dialog.import_button.isEnabled()
        assert [c.currentData() for c in dialog.combos] == [
            "participant",
            "action",
            "challenge",
            "need",
            "offer",
        ]
        return True

    assert not window.import_grid(grid, tmp_path / "x.atelier", dialog_hook=look)
    assert seen[0].startswith("Aucune ligne de participant sous les en-têtes")
    assert not (tmp_path / "x.atelier").exists() and grid.read_bytes() == before


def test_a_grid_with_a_title_and_headers_only_says_so_in_the_preview(
    qtbot, store: Store, tmp_path: Path
) -> None:
    """With a title line above them, the dialog took the title for the headers and said « Aucune
    colonne n'a été reconnue comme celle des participants », under a « Participant » column."""
    window = MainWindow(store)
    qtbot.addWidget(window)
    grid = tmp_path / "en-tetes.csv"
    grid.write_text(
        "Atelier du 16 mars 2021\nParticipant;Actions;Défis;Besoins;Ressources\n", encoding="utf-8"
    )
    before = grid.read_bytes()
    seen: list[tuple[str, list[str]]] = []

    def look(dialog) -> bool:
        seen.append((dialog.summary.text(), [c.currentData() for c in dialog.combos]))
        assert not dialog.import_button.isEnabled()
        return True

    assert not window.import_grid(grid, tmp_path / "x.atelier", dialog_hook=look)
    assert seen[0][0].startswith("Aucune ligne de participant sous les en-têtes")
    assert seen[0][1] == ["participant", "action", "challenge", "need", "offer"]
    assert not (tmp_path / "x.atelier").exists() and grid.read_bytes() == before


def test_unknown_headers_ask_for_the_participant_column_in_the_dialog_s_words(
    qtbot, store: Store, tmp_path: Path
) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    grid = tmp_path / "maison.csv"
    grid.write_text(
        "Besoins;Ressources;Col3\nun lieu;un local;Zoé Martin / CC A\ndes bénévoles;;Paul Lin / CC B\n",
        encoding="utf-8",
    )
    seen: list[str] = []

    def choose(dialog) -> bool:
        seen.append(dialog.summary.text())
        dialog.set_column_kind(2, "participant")
        seen.append(dialog.summary.text())
        return True

    assert window.import_grid(grid, tmp_path / "maison.atelier", dialog_hook=choose)
    assert "--columns" not in seen[0] and "Ignorer" not in seen[0]
    assert "choisissez «\xa0Participant\xa0» pour l'une des colonnes" in seen[0]
    assert seen[1] == "2 participants · 0 action · 0 défi · 2 besoins · 1 ressource"


def test_a_workshop_file_chosen_to_import_says_how_to_open_or_merge_it(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes: list[str]
) -> None:
    """Ctrl+I (or Ctrl+Maj+I) and a .atelier file chosen: the import dialog opened on it and
    said « ouvrez-le (atelier open) ou réunissez-le (atelier merge) », commands of a terminal
    the facilitator never sees. Said in one sentence with the menu's own words, before any
    dialog; nothing changed, no file written."""
    import shutil

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    import atelier.ui.import_dialog as import_dialog
    from tests.helpers.keyboard import active_example_window, key, suggestions_saved

    window = active_example_window(qtbot, tmp_path)
    suggestions_saved(qtbot, window)  # the only write the open file sees, before the digest
    opened = window.store.path
    other = tmp_path / "autre" / "atelier de mai.atelier"
    other.parent.mkdir()
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", other)
    before = {p: p.read_bytes() for p in (opened, other)}
    files = sorted(tmp_path.rglob("*"))
    monkeypatch.setattr(import_dialog, "choose_grid", lambda _parent, _folder: other)
    dialogs: list[str] = []

    def close_any_dialog() -> None:  # the import dialog, had it opened (it used to)
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            dialogs.append(dialog.windowTitle())
            dialog.reject()

    actions = window.commands.actions
    menu = window.menuBar().actions()[0].text().replace("&", "")
    opening = f"{menu}\xa0›\xa0{actions['file.open'].text().replace('&', '')}"
    merging = f"{menu}\xa0›\xa0{actions['file.merge'].text().replace('&', '')}"
    assert (opening, merging) == ("Fichier\xa0›\xa0Ouvrir…", "Fichier\xa0›\xa0Fusionner un fichier…")
    for modifiers in (
        Qt.KeyboardModifier.ControlModifier,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    ):
        no_modal_boxes.clear()
        QTimer.singleShot(200, close_any_dialog)
        key(qtbot, Qt.Key.Key_I, modifiers)
        qtbot.wait(300)
        assert dialogs == []
        assert no_modal_boxes == [
            "«\xa0atelier de mai.atelier\xa0» est un fichier d'atelier, pas une grille\xa0: ouvrez-le "
            f"avec {opening} (Ctrl+O), ou ajoutez-le au fichier ouvert avec {merging} (Ctrl+Maj+F)\u202f; "
            "rien n'a été modifié."
        ]
    assert window.store.path == opened
    assert {p: p.read_bytes() for p in (opened, other)} == before
    assert sorted(tmp_path.rglob("*")) == files


def test_a_pdf_of_the_grid_named_csv_is_said_to_be_a_pdf_in_the_dialog(
    qtbot, store: Store, tmp_path: Path
) -> None:
    """An uncompressed PDF renamed .csv previewed « 7 participants » named after its drawing
    commands, ready to import. The dialog says it is a PDF; nothing can be imported."""
    from .test_misnamed_grids import _PDF

    window = MainWindow(store)
    qtbot.addWidget(window)
    grid = tmp_path / "grille.csv"
    grid.write_bytes(_PDF)
    seen: list[str] = []

    def look(dialog) -> bool:
        seen.append(dialog.summary.text())
        assert not dialog.import_button.isEnabled()
        return True

    assert not window.import_grid(grid, tmp_path / "x.atelier", dialog_hook=look)
    assert seen == [
        f"«\xa0{grid}\xa0» est un document PDF, pas une grille\xa0: Atelier ne lit pas les PDF, importez le "
        "document Word, le classeur Excel ou le CSV d'où il vient\u202f; rien n'a été écrit."
    ]
    assert not (tmp_path / "x.atelier").exists() and grid.read_bytes() == _PDF
