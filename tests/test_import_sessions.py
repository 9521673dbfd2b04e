"""One Word document (a table per session, each under its own dated title) or one workbook (a
sheet per session) holding two workshops was imported as ONE workshop of the first date: the
June participants appeared in the March minutes, said only as « mêmes colonnes, lus comme une
seule grille ». Each dated session is now a workshop of its own, with the title, date and place
of its heading (or its sheet's name), and the import says so, in the command line and in the
window's preview before anything is written. Tables or sheets without a date of their own (a
morning and an afternoon grid, a heading above the first table only) are still one grid."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from atelier.store import Store

from .conftest import run_cli

HEADERS = [
    "Participant / territoire",
    "Actions engagées",
    "Défis",
    "J'ai besoin de ressources sur...",
    "Je peux être ressource sur...",
]
ANNE = [
    "Anne Martin / PLIE Sud Gironde",
    "forum emploi",
    "recruter",
    "mobilité des jeunes",
    "clauses sociales",
]
JULIE = ["Julie Petit / CC du Bazadais", "club d'entreprises", "attractivité", "financement", "diagnostic"]
KARIM = ["Karim Benali / Agglo Agen", "chantier", "logement", "saisonniers", "permis"]
MARCH = "Atelier du 3 mars 2023 — Langon"
JUNE = "Atelier du 7 juin 2023 — Bazas"


def _word(path: Path, parts: list[tuple[str | None, list[list[str]]]], *, header_each: bool = True) -> Path:
    """A Word document: for each part, its heading (if any), then its table."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for number, (heading, rows) in enumerate(parts):
        if number:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if heading is not None:
            document.add_heading(heading, level=1)
        body = [HEADERS, *rows] if header_each or not number else rows
        table = document.add_table(rows=len(body), cols=len(HEADERS))
        for r, cells in enumerate(body):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
    document.save(str(path))
    return path


def _workbook(path: Path, sheets: list[tuple[str, str | None, list[list[str]]]]) -> Path:
    """A workbook: for each sheet, its name, its title cell A1 (if any), then the grid."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, title, rows in sheets:
        sheet = book.create_sheet(name)
        if title is not None:
            sheet.append([title])
            sheet.append([])
        for row in [HEADERS, *rows]:
            sheet.append(row)
    book.save(str(path))
    return path


def _workshops(path: Path) -> list[tuple[str, str | None, str, list[str]]]:
    """Each workshop of the file: title, date, place, and its participants' names, by date."""
    with Store.open(path, readonly=True) as store:
        found = [
            (w.title, w.date, w.place, sorted(n for p in store.participants(w.id) for n in p.names))
            for w in store.workshops()
        ]
    return sorted(found, key=lambda w: w[1] or "")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _said(done) -> str:  # type: ignore[no-untyped-def]
    return (done.stdout + done.stderr).replace("\u00a0", " ").replace("\u202f", " ")


TWO_SESSIONS = [
    (MARCH, "2023-03-03", "Langon", ["Anne Martin"]),
    (JUNE, "2023-06-07", "Bazas", ["Julie Petit", "Karim Benali"]),
]


def test_a_word_document_of_two_dated_sessions_makes_two_workshops(tmp_path: Path) -> None:
    grid = _word(tmp_path / "ateliers.docx", [(MARCH, [ANNE]), (JUNE, [JULIE, KARIM])])
    target = tmp_path / "ateliers.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    said = _said(done)
    assert "2 ateliers importés" in said, said
    assert f"« {MARCH} » (3 mars 2023, Langon) : 1 participant" in said, said
    assert f"« {JUNE} » (7 juin 2023, Bazas) : 2 participants" in said, said
    assert "lus comme une seule grille" not in said
    assert _workshops(target) == TWO_SESSIONS
    listed = _said(run_cli("ateliers", str(target)))
    assert MARCH in listed and JUNE in listed, listed
    assert ", Langon" not in listed and ", Bazas" not in listed  # the title says it already


def test_a_workbook_of_one_sheet_per_session_makes_two_workshops(tmp_path: Path) -> None:
    grid = _workbook(
        tmp_path / "annee.xlsx",
        [("Atelier mars", MARCH, [ANNE]), ("Atelier juin", JUNE, [JULIE, KARIM])],
    )
    target = tmp_path / "annee.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "2 ateliers importés" in _said(done)
    assert "lues comme une seule grille" not in _said(done)
    assert _workshops(target) == TWO_SESSIONS


def test_sheets_named_by_their_month_are_two_workshops_with_no_day_invented(tmp_path: Path) -> None:
    grid = _workbook(
        tmp_path / "annee.xlsx", [("Mars 2023", None, [ANNE]), ("Juin 2023", None, [JULIE, KARIM])]
    )
    target = tmp_path / "annee.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert sorted(_workshops(target)) == [
        ("Juin 2023", None, "", ["Julie Petit", "Karim Benali"]),
        ("Mars 2023", None, "", ["Anne Martin"]),
    ]


@pytest.mark.parametrize(
    "parts",
    [
        [(MARCH, [ANNE]), (None, [JULIE, KARIM])],  # a heading above the first table only
        [(MARCH, [ANNE]), ("Après-midi", [JULIE, KARIM])],  # the same day's afternoon
    ],
    ids=["heading-above-the-first-only", "undated-second-heading"],
)
def test_tables_without_a_date_of_their_own_stay_one_grid(
    tmp_path: Path, parts: list[tuple[str | None, list[list[str]]]]
) -> None:
    grid = _word(tmp_path / "grille.docx", parts)
    target = tmp_path / "grille.atelier"
    done = run_cli("import", str(grid), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "lus comme une seule grille" in _said(done)
    assert _workshops(target) == [
        (MARCH, "2023-03-03", "Langon", ["Anne Martin", "Julie Petit", "Karim Benali"])
    ]


def test_the_same_person_at_both_sessions_is_one_person_in_each_workshop(tmp_path: Path) -> None:
    anne_in_june = ["Anne Martin / PLIE Sud Gironde", "forum emploi 2", "", "financement", ""]
    grid = _word(tmp_path / "ateliers.docx", [(MARCH, [ANNE]), (JUNE, [anne_in_june, KARIM])])
    target = tmp_path / "ateliers.atelier"
    assert run_cli("import", str(grid), "-o", str(target)).returncode == 0
    assert [w[3] for w in _workshops(target)] == [["Anne Martin"], ["Anne Martin", "Karim Benali"]]
    # Searching the file finds her at both workshops, each with its own date.
    found = _said(run_cli("chercher", str(target), "Anne Martin"))
    assert "03/03/2023" in found and "07/06/2023" in found, found


def test_added_to_a_file_then_added_again_nothing_is_doubled(tmp_path: Path) -> None:
    other = tmp_path / "autre.atelier"
    assert run_cli("new", str(other), "--title", "Atelier de janvier", "--date", "2023-01-10").returncode == 0
    grid = _word(tmp_path / "ateliers.docx", [(MARCH, [ANNE]), (JUNE, [JULIE, KARIM])])
    done = run_cli("import", str(grid), "--into", str(other), "--new-workshop")
    assert done.returncode == 0, done.stderr
    assert "2 ateliers importés" in _said(done), _said(done)
    assert [w[0] for w in _workshops(other)] == ["Atelier de janvier", MARCH, JUNE]
    # The same document again: both sessions are there already; nothing written.
    before = _digest(other)
    again = run_cli("import", str(grid), "--into", str(other), "--new-workshop")
    assert again.returncode != 0
    assert MARCH in _said(again) and "Traceback" not in _said(again)
    assert _digest(other) == before


def test_a_new_session_of_a_growing_document_is_added_alone(tmp_path: Path) -> None:
    first = _word(tmp_path / "mars.docx", [(MARCH, [ANNE])])
    target = tmp_path / "annee.atelier"
    assert run_cli("import", str(first), "-o", str(target)).returncode == 0
    grown = _word(tmp_path / "annee.docx", [(MARCH, [ANNE]), (JUNE, [JULIE, KARIM])])
    done = run_cli("import", str(grown), "--into", str(target), "--new-workshop")
    assert done.returncode == 0, done.stderr
    said = _said(done)
    assert f"« {MARCH} »" in said and "déjà dans le fichier" in said, said
    assert _workshops(target) == TWO_SESSIONS


def test_reimporting_the_document_updates_each_workshop_in_place(tmp_path: Path) -> None:
    grid = _word(tmp_path / "ateliers.docx", [(MARCH, [ANNE]), (JUNE, [JULIE, KARIM])])
    target = tmp_path / "ateliers.atelier"
    assert run_cli("import", str(grid), "-o", str(target)).returncode == 0
    newcomer = ["Léa Roux / Mission locale", "atelier CV", "", "", "mobilité"]
    _word(grid, [(MARCH, [ANNE, newcomer]), (JUNE, [JULIE, KARIM])])
    done = run_cli("import", str(grid), "--into", str(target))
    assert done.returncode == 0, done.stderr
    assert _workshops(target) == [
        (MARCH, "2023-03-03", "Langon", ["Anne Martin", "Léa Roux"]),
        TWO_SESSIONS[1],
    ]


def test_reimporting_two_sessions_into_a_file_of_one_other_workshop_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "un.atelier"
    assert (
        run_cli("new", str(target), "--title", "Atelier de janvier", "--date", "2023-01-10").returncode == 0
    )
    grid = _word(tmp_path / "ateliers.docx", [(MARCH, [ANNE]), (JUNE, [JULIE, KARIM])])
    before = _digest(target)
    done = run_cli("import", str(grid), "--into", str(target))
    assert done.returncode != 0
    said = _said(done)
    assert "2 ateliers" in said and "--new-workshop" in said and "Traceback" not in said, said
    assert _digest(target) == before


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_preview_says_two_workshops_before_importing_them(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt, QTimer

    import atelier.ui.import_dialog as import_dialog

    from .helpers.keyboard import active_example_window, import_dialog_ready, key

    grid = _word(tmp_path / "ateliers.docx", [(MARCH, [ANNE]), (JUNE, [JULIE, KARIM])])
    target = tmp_path / "ateliers.atelier"
    window = active_example_window(qtbot, tmp_path)
    monkeypatch.setattr(import_dialog, "choose_grid", lambda _parent, _folder: grid)
    monkeypatch.setattr(import_dialog, "choose_target", lambda _parent, _suggestion: (target, target))
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:
        dialog = None
        try:
            dialog = import_dialog_ready(qtbot)
            seen["summary"] = dialog.summary.text()
            seen["warnings"] = dialog.warnings.text()
            seen["fields"] = dialog.details.isVisibleTo(dialog)
            seen["rows"] = [
                dialog.preview_model.index(r, 0).data() for r in range(dialog.preview_model.rowCount())
            ]
            dialog.import_button.setFocus()
            key(qtbot, Qt.Key.Key_Space)  # « Importer… », from the keyboard
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # never left waiting offscreen

    QTimer.singleShot(0, in_the_dialog)
    key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.store.path == target, timeout=60_000)
    summary = str(seen["summary"]).replace("\u00a0", " ")
    assert summary.startswith("2 ateliers"), summary
    assert f"« {MARCH} » (3 mars 2023, Langon) : 1 participant" in summary, summary
    assert f"« {JUNE} » (7 juin 2023, Bazas) : 2 participants" in summary, summary
    assert "une seule grille" not in str(seen["warnings"])
    # One title, date and place would be wrong for two workshops: each keeps its heading's.
    assert seen["fields"] is False
    assert _workshops(target) == TWO_SESSIONS


def _accept_the_dialog(qtbot, seen: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    """Wait for the import dialog, note its summary, press « Importer » by the keyboard."""
    from PySide6.QtCore import Qt

    from .helpers.keyboard import import_dialog_ready, key

    dialog = None
    try:
        dialog = import_dialog_ready(qtbot)
        seen["summary"] = dialog.summary.text()
        dialog.import_button.setFocus()
        key(qtbot, Qt.Key.Key_Space)
    finally:
        if dialog is not None and dialog.isVisible():
            dialog.reject()  # never left waiting offscreen


@pytest.mark.usefixtures("no_modal_boxes")
def test_added_to_the_open_file_as_new_workshops_in_one_step_to_undo(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt, QTimer

    import atelier.ui.import_dialog as import_dialog

    from .helpers.keyboard import active_example_window, key

    grid = _word(tmp_path / "ateliers.docx", [(MARCH, [ANNE]), (JUNE, [JULIE, KARIM])])
    window = active_example_window(qtbot, tmp_path)
    before = [w.title for w in window.store.workshops()]
    monkeypatch.setattr(import_dialog, "choose_grid", lambda _parent, _folder: grid)
    seen: dict[str, object] = {}
    QTimer.singleShot(0, lambda: _accept_the_dialog(qtbot, seen))
    key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(window.store.workshops()) == len(before) + 2, timeout=60_000)
    assert str(seen["summary"]).startswith("2 ateliers")
    added = _workshops(window.store.path)
    assert [w for w in added if w[0] in (MARCH, JUNE)] == TWO_SESSIONS
    # One step to undo takes both away.
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: [w.title for w in window.store.workshops()] == before, timeout=10_000)


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_reimports_only_the_open_workshops_part_of_the_document(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QMessageBox

    import atelier.ui.import_dialog as import_dialog

    from .helpers.keyboard import active_window, key

    grid = _word(tmp_path / "ateliers.docx", [(MARCH, [ANNE]), (JUNE, [JULIE, KARIM])])
    target = tmp_path / "ateliers.atelier"
    assert run_cli("import", str(grid), "-o", str(target)).returncode == 0
    newcomer = ["Léa Roux / Mission locale", "atelier CV", "", "", "mobilité"]
    _word(grid, [(MARCH, [ANNE, newcomer]), (JUNE, [JULIE, KARIM, newcomer])])
    window = active_window(qtbot, target)
    june = next(w for w in window.store.workshops() if w.title == JUNE)
    window.model.set_workshop(june.id)
    monkeypatch.setattr(import_dialog, "choose_grid", lambda _parent, _folder: grid)
    results: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a, **_k: results.append(text))
    seen: dict[str, object] = {}
    QTimer.singleShot(0, lambda: _accept_the_dialog(qtbot, seen))
    key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    assert results[0].startswith("2 participants retrouvés sans changement, 1 ajouté"), results
    window.close()
    # June has Léa now; March, not open, is as it was.
    assert _workshops(target) == [
        TWO_SESSIONS[0],
        (JUNE, "2023-06-07", "Bazas", ["Julie Petit", "Karim Benali", "Léa Roux"]),
    ]


def test_one_title_for_two_workshops_is_refused_and_nothing_written(tmp_path: Path) -> None:
    grid = _word(tmp_path / "ateliers.docx", [(MARCH, [ANNE]), (JUNE, [JULIE, KARIM])])
    target = tmp_path / "ateliers.atelier"
    done = run_cli("import", str(grid), "-o", str(target), "--title", "Atelier de l'année")
    assert done.returncode != 0
    said = _said(done)
    assert "--title, --date et --place ne diraient pas lequel" in said and MARCH in said, said
    assert "Traceback" not in said and not target.exists()
