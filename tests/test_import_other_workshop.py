"""Another workshop's grid re-imported into a workshop: `atelier import septembre.docx --into
mars.atelier` (and « Réimporter la grille dans cet atelier », Ctrl+Maj+I) merged the people of
the 14 September workshop in Langon into the 16 March one without a word. The CLI now refuses,
naming both workshops and dates, and the way to add it as a new workshop or to merge anyway;
the window asks, « Importer comme nouvel atelier » first. Re-importing the same workshop's grid
(the update) goes on as before."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
EXAMPLE_GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
HEADERS = ["Participant", "Actions engagées", "Défis", "Besoins de ressources", "Peut être ressource sur"]
SEPTEMBER = [
    ["Paul Girard (Mission locale des Graves)", "Forum emploi", "Mobilité", "Contacts BTP", "Ateliers CV"],
    ["Nadia Benali (PLIE des Sources)", "Permanences", "Garde d'enfants", "Ateliers CV", "Réseau BTP"],
]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def september_grid(folder: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Atelier du 14 septembre 2021 — Langon")
    rows = [HEADERS, *SEPTEMBER]
    table = document.add_table(rows=len(rows), cols=len(HEADERS))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = folder / "grille-septembre.docx"
    document.save(str(path))
    return path


def workshops(path: Path) -> list[tuple[str, str, list[str]]]:
    out = run_cli("export", str(path), "--json", "-")
    assert out.returncode == 0, out.stderr
    return [
        (w["title"], w["date"], [p["display"] for p in w["participants"]])
        for w in json.loads(out.stdout)["workshops"]
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_cli_refuses_another_workshops_grid_into_this_one(tmp_path: Path, lang: str) -> None:
    grid = september_grid(tmp_path)
    target = tmp_path / "mars.atelier"
    shutil.copy(EXAMPLE, target)
    before, grid_before = sha(target), sha(grid)
    done = run_cli("import", str(grid), "--into", str(target), env={"ATELIER_LANG": lang})
    assert done.returncode != 0, done.stdout
    said = done.stderr.strip()
    assert len(said.splitlines()) == 1 and "Traceback" not in said, said
    if lang == "fr":
        assert said == (
            f"«\xa0{grid}\xa0» est la grille de l'atelier «\xa0Atelier du 14 septembre 2021 — Langon\xa0» "
            f"(14 septembre 2021), pas celle de l'atelier «\xa0Atelier du 16 mars 2021\xa0» (16 mars 2021) "
            f"de «\xa0{target}\xa0»\xa0: rien n'a été importé. Pour l'ajouter au fichier comme un nouvel "
            "atelier\xa0: --new-workshop\u202f; pour la fusionner quand même avec cet atelier\xa0: "
            "--merge-anyway."
        ), said
    else:
        assert said == (
            f"“{grid}” is the grid of the workshop “Atelier du 14 septembre 2021 — Langon” (14 September "
            f"2021), not that of the workshop “Atelier du 16 mars 2021” (16 March 2021) in “{target}”: "
            "nothing was imported. To add it to the file as a new workshop: --new-workshop; to merge it "
            "into this workshop anyway: --merge-anyway."
        ), said
    assert sha(target) == before and sha(grid) == grid_before
    assert not list(tmp_path.glob("*.atelier-journal")) and not list(tmp_path.glob("*.atelier-wal"))


def test_cli_merge_anyway_and_new_workshop_still_do_what_they_say(tmp_path: Path) -> None:
    grid = september_grid(tmp_path)
    target = tmp_path / "mars.atelier"
    shutil.copy(EXAMPLE, target)
    done = run_cli("import", str(grid), "--into", str(target), "--merge-anyway")
    assert done.returncode == 0, done.stderr
    ((title, date, people),) = workshops(target)
    assert (title, date) == ("Atelier du 16 mars 2021", "2021-03-16")
    assert "Paul Girard (Mission locale des Graves)" in people

    other = tmp_path / "mars2.atelier"
    shutil.copy(EXAMPLE, other)
    done = run_cli("import", str(grid), "--into", str(other), "--new-workshop")
    assert done.returncode == 0, done.stderr
    march, september = workshops(other)
    assert len(march[2]) == 22 and "Paul Girard (Mission locale des Graves)" not in march[2]
    assert september[1] == "2021-09-14" and len(september[2]) == 2


def test_cli_same_workshops_grid_is_reimported_as_before(tmp_path: Path) -> None:
    target = tmp_path / "mars.atelier"
    shutil.copy(EXAMPLE, target)
    done = run_cli("import", str(EXAMPLE_GRID), "--into", str(target))
    assert done.returncode == 0, done.stderr
    said = done.stdout.replace("\xa0", " ")
    assert "24 participants retrouvés sans changement (22 lignes de la grille)" in said, done.stdout


def _reimport_in_window(qtbot, tmp_path: Path, monkeypatch, grid: Path, choice: str | None):
    """The example open in the window; Ctrl+Maj+I, `grid` chosen, « Réimporter » pressed by the
    keyboard; the question, if asked, answered with the button `choice` (None: its default)."""
    import atelier.ui.import_dialog as import_dialog
    from tests.helpers.keyboard import active_example_window, import_dialog_ready, key

    window = active_example_window(qtbot, tmp_path)
    monkeypatch.setattr(import_dialog, "choose_grid", lambda _parent, _folder: grid)
    asked: list[dict[str, object]] = []

    def answer(box: QMessageBox) -> int:
        buttons = [b.text().replace("&", "") for b in box.buttons()]
        default = box.defaultButton()
        asked.append(
            {
                "text": box.text(),
                "informative": box.informativeText(),
                "buttons": buttons,
                "default": default.text().replace("&", "") if default is not None else None,
                "escape": box.escapeButton().text().replace("&", "") if box.escapeButton() else None,
            }
        )
        wanted = (
            default
            if choice is None
            else next(b for b in box.buttons() if b.text().replace("&", "") == choice)
        )
        assert wanted is not None
        wanted.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    done: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **_k: done.append(str(a[2])))

    def in_the_dialog() -> None:
        dialog = None
        try:
            dialog = import_dialog_ready(qtbot)
            dialog.import_button.setFocus()
            key(qtbot, Qt.Key.Key_Space)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, in_the_dialog)
    key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    return window, asked, done


@pytest.mark.usefixtures("no_modal_boxes")
def test_window_asks_and_imports_as_a_new_workshop_by_default(qtbot, tmp_path: Path, monkeypatch) -> None:
    grid = september_grid(tmp_path)
    window, asked, _done = _reimport_in_window(qtbot, tmp_path, monkeypatch, grid, None)
    qtbot.waitUntil(lambda: len(window.store.workshops()) == 2, timeout=60_000)
    (question,) = asked
    assert question["text"] == (
        "«\xa0grille-septembre.docx\xa0» est la grille de l'atelier «\xa0Atelier du 14 septembre 2021 — "
        "Langon\xa0» (14 septembre 2021), pas celle de cet atelier, «\xa0Atelier du 16 mars 2021\xa0» "
        "(16 mars 2021)."
    ), question
    assert sorted(question["buttons"]) == [
        "Annuler",
        "Fusionner avec cet atelier",
        "Importer comme nouvel atelier",
    ]
    assert question["default"] == "Importer comme nouvel atelier"
    assert question["escape"] == "Annuler"
    march, september = window.store.workshops()
    assert (march.date, september.date, september.title) == (
        "2021-03-16",
        "2021-09-14",
        "Atelier du 14 septembre 2021 — Langon",
    )
    names = [p.display_name() for p in window.store.participants(march.id)]
    assert len(names) == 22 and not any("Girard" in n for n in names)
    assert sorted(p.display_name() for p in window.store.participants(september.id)) == [
        "Nadia Benali (PLIE des Sources)",
        "Paul Girard (Mission locale des Graves)",
    ]


@pytest.mark.usefixtures("no_modal_boxes")
def test_window_cancel_leaves_the_workshop_as_it_was(qtbot, tmp_path: Path, monkeypatch) -> None:
    grid = september_grid(tmp_path)
    window, asked, done = _reimport_in_window(qtbot, tmp_path, monkeypatch, grid, "Annuler")
    qtbot.waitUntil(lambda: bool(asked), timeout=60_000)  # answered: the key's handler has returned
    (workshop,) = window.store.workshops()
    names = [p.display_name() for p in window.store.participants(workshop.id)]
    assert len(names) == 22 and not any("Girard" in n for n in names)
    assert done == []


@pytest.mark.usefixtures("no_modal_boxes")
def test_window_same_workshops_grid_asks_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:
    window, asked, done = _reimport_in_window(qtbot, tmp_path, monkeypatch, EXAMPLE_GRID, None)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    assert asked == []
    assert done[0].startswith("24 participants retrouvés sans changement (22 lignes de la grille)"), done
