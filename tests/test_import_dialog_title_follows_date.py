"""The import dialog fills the title and the date from the grid's heading (« Atelier Mobilité
du 16 mars 2021 »). Another day typed in « Date » left the title saying the 16th over a
workshop of the 17th, in the file and in its minutes. The title filled in now loses the date
the one typed replaces, as the command line's --date does, and gets it back with the heading's
day; a title the facilitator typed is left as typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from atelier.store import Store
from tests.helpers.keyboard import active_window, key, type_text
from tests.helpers.one_match import lucie_and_cecile

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _import(qtbot, tmp_path: Path, monkeypatch, typing: list[tuple[Qt.Key, str]]) -> tuple[list[str], Path]:
    """The grid imported from the window, `typing` (an Alt+letter field, then the text typed
    over it) done in the dialog: the title field after each, and the file written."""
    from datetime import date

    from PySide6.QtCore import QTimer

    import atelier.ui.import_dialog as import_dialog
    from tests.helpers.keyboard import import_dialog_ready

    path = tmp_path / "fenetre.atelier"
    lucie_and_cecile(path, date(2021, 3, 1), title="Atelier du réseau")
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Atelier Mobilité du 16 mars 2021\n\nNom;Structure;Besoins;Ressources\n"
        "Paul Durand;Mission locale;Un local;Annuaire\n",
        encoding="utf-8",
    )
    target = tmp_path / "mobilite.atelier"
    monkeypatch.setattr(import_dialog, "choose_grid", lambda _parent, _folder: grid)
    monkeypatch.setattr(import_dialog, "choose_target", lambda *a: (target, target))
    window = active_window(qtbot, path)
    titles: list[str] = []

    def in_the_dialog() -> None:
        dialog = import_dialog_ready(qtbot)
        titles.append(dialog.title_edit.text())
        for letter, text in typing:
            key(qtbot, letter, ALT)
            key(qtbot, Qt.Key.Key_A, CTRL)
            type_text(text)
            titles.append(dialog.title_edit.text())
        dialog.import_button.setFocus()
        key(qtbot, Qt.Key.Key_Space)

    try:
        QTimer.singleShot(0, in_the_dialog)
        key(qtbot, Qt.Key.Key_I, CTRL)
        qtbot.waitUntil(target.exists, timeout=60_000)
        qtbot.waitUntil(lambda: len(titles) == len(typing) + 1, timeout=5_000)
    finally:
        window.close()
    return titles, target


def _workshop(path: Path) -> tuple[str, str | None]:
    with Store.open(path, readonly=True) as store:
        workshop = store.workshops()[0]
        return workshop.title, workshop.date


def test_another_day_typed_takes_the_heading_s_date_out_of_the_title(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes
) -> None:
    titles, target = _import(
        qtbot,
        tmp_path,
        monkeypatch,
        [(Qt.Key.Key_D, "17/03/2021"), (Qt.Key.Key_D, "16/03/2021"), (Qt.Key.Key_D, "18 mars 2021")],
    )
    heading = "Atelier Mobilité du 16 mars 2021"
    assert titles == [heading, "Atelier Mobilité", heading, "Atelier Mobilité"]
    assert _workshop(target) == ("Atelier Mobilité", "2021-03-18")


def test_a_title_typed_is_left_as_typed(qtbot, tmp_path: Path, monkeypatch, no_modal_boxes) -> None:
    titles, target = _import(
        qtbot, tmp_path, monkeypatch, [(Qt.Key.Key_T, "Mobilité du 16 mars"), (Qt.Key.Key_D, "17/03/2021")]
    )
    assert titles[-1] == "Mobilité du 16 mars"
    assert _workshop(target) == ("Mobilité du 16 mars", "2021-03-17")
