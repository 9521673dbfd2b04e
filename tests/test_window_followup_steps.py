"""The steps of a follow-up, recorded at the keyboard in « Suivi » (Alt+2): each one kept in the
file and read back by another process, each undone and redone with its entry; a contact dated
again before the decision refused in one sentence that says which key puts it right."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.ui.main_window import MainWindow

from .conftest import run_cli
from .helpers.keyboard import active_window, key, type_text
from .helpers.one_match import lucie_and_cecile

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NBSP = "\u00a0"

pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def fr(day: date) -> str:
    return day.strftime("%d/%m/%Y")


@pytest.fixture
def held() -> date:
    return date.today() - timedelta(days=20)


@pytest.fixture
def path(tmp_path: Path, held: date) -> Path:
    target = tmp_path / "reseau.atelier"
    lucie_and_cecile(
        target,
        held,
        title="Atelier de l'automne",
        need="clauses d'insertion dans les marchés",
        offer="clauses sociales dans les marchés publics",
        reasons=["même thème"],
    )
    return target


@pytest.fixture
def window(qtbot, path: Path) -> MainWindow:
    win = active_window(qtbot, path)
    yield win
    win.close()


def _type_day(qtbot, window: MainWindow, text: str) -> None:
    type_text(text)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.followup.table, timeout=5000)
    qtbot.waitUntil(lambda: not window.followup.recording, timeout=5000)


def _steps_read_by_another_process(path: Path) -> list[tuple[str, str]]:
    done = run_cli("suivi", str(path), "--json")
    assert done.returncode == 0, done.stderr
    (entry,) = json.loads(done.stdout)
    return [(step["state"], step["day"]) for step in entry["steps"]]


def test_steps_typed_in_suivi_are_each_in_the_file_and_undone_with_their_entry(
    qtbot, window: MainWindow, path: Path, held: date, no_modal_boxes: list[str]
) -> None:
    today = date.today()
    key(qtbot, Qt.Key.Key_2, ALT)
    key(qtbot, Qt.Key.Key_D)  # the decision, the day after the workshop
    _type_day(qtbot, window, fr(held + timedelta(days=1)))
    key(qtbot, Qt.Key.Key_C, SHIFT)  # the contact, four days later
    _type_day(qtbot, window, fr(held + timedelta(days=5)))
    key(qtbot, Qt.Key.Key_F)  # « fait », today
    path_typed = [
        ("to_contact", (held + timedelta(days=1)).isoformat()),
        ("contacted", (held + timedelta(days=5)).isoformat()),
        ("done", today.isoformat()),
    ]
    assert _steps_read_by_another_process(path) == path_typed
    key(qtbot, Qt.Key.Key_Z, CTRL)  # « fait » undone: its entry goes
    assert _steps_read_by_another_process(path) == path_typed[:2]
    key(qtbot, Qt.Key.Key_Z, CTRL)  # the contact undone
    assert _steps_read_by_another_process(path) == path_typed[:1]
    key(qtbot, Qt.Key.Key_Y, CTRL)
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert _steps_read_by_another_process(path) == path_typed
    assert no_modal_boxes == []


def test_a_contact_dated_again_before_the_decision_is_refused_saying_which_key_dates_it(
    qtbot, window: MainWindow, path: Path, held: date, no_modal_boxes: list[str]
) -> None:
    """D on « contactée » typed a day before the decision: the decision is no longer the row's
    step, so D cannot date it; Maj+A does, and the refusal says so."""
    decided, contacted, earlier = (held + timedelta(days=n) for n in (5, 8, 2))
    key(qtbot, Qt.Key.Key_2, ALT)
    key(qtbot, Qt.Key.Key_D)
    _type_day(qtbot, window, fr(decided))
    key(qtbot, Qt.Key.Key_C, SHIFT)
    _type_day(qtbot, window, fr(contacted))
    before = path.read_bytes()
    key(qtbot, Qt.Key.Key_D)
    _type_day(qtbot, window, fr(earlier))
    assert no_modal_boxes[-1] == (
        f"«{NBSP}contactée le {fr(earlier)}{NBSP}» précéderait la décision, notée «{NBSP}à contacter depuis "
        f"le {fr(decided)}{NBSP}»{NBSP}: si elle a été prise plus tôt, datez-la d'abord du {fr(earlier)} ou "
        "d'avant (Maj+A sur cette ligne), puis recommencez."
    )
    assert path.read_bytes() == before
    # As it says: Maj+A dates the decision (the row stays « contactée »), then D the contact.
    key(qtbot, Qt.Key.Key_A, SHIFT)
    _type_day(qtbot, window, fr(earlier))
    assert window.model.undo_stack.undoText() == (
        f"Date de l'étape «{NBSP}à contacter depuis le {fr(earlier)}{NBSP}» du suivi"
    )
    key(qtbot, Qt.Key.Key_D)
    _type_day(qtbot, window, fr(earlier))
    assert _steps_read_by_another_process(path) == [
        ("to_contact", earlier.isoformat()),
        ("contacted", earlier.isoformat()),
    ]
    table = window.followup.table
    assert [table.model().index(0, c).data() for c in (5, 6)] == ["contactée", fr(earlier)]


def test_the_selected_match_s_path_is_said_under_the_list_and_in_its_tooltip(
    qtbot, window: MainWindow, path: Path, held: date
) -> None:
    """« Depuis le » says the current step only: once contacted, the day of the decision was
    nowhere to be read. The line under the list says the whole path of the selected match."""
    key(qtbot, Qt.Key.Key_2, ALT)
    steps = window.followup.steps
    who = "Étapes du suivi (Lucie Leroy ← Cécile Dallet)"
    assert steps.text() == f"{who}{NBSP}: décidée le {fr(date.today())}"
    key(qtbot, Qt.Key.Key_D)
    _type_day(qtbot, window, fr(held + timedelta(days=1)))
    key(qtbot, Qt.Key.Key_C, SHIFT)
    _type_day(qtbot, window, fr(held + timedelta(days=5)))
    key(qtbot, Qt.Key.Key_S)
    said = (
        f"décidée le {fr(held + timedelta(days=1))} · contactée le {fr(held + timedelta(days=5))} · "
        f"classée sans suite le {fr(date.today())}"
    )
    assert steps.text() == f"{who}{NBSP}: {said}"
    table = window.followup.table
    assert table.model().index(0, 6).data(Qt.ItemDataRole.ToolTipRole) == f"Étapes{NBSP}: {said}"
    key(qtbot, Qt.Key.Key_Z, CTRL)  # « sans suite » undone: said so at once
    assert steps.text().endswith(f"contactée le {fr(held + timedelta(days=5))}")


def test_a_file_of_format_8_shows_its_one_step_in_suivi(qtbot, tmp_path: Path) -> None:
    """A file written before the steps were kept: its current step is its path."""
    import shutil
    import sqlite3

    old = tmp_path / "format-v8.atelier"
    shutil.copy(Path(__file__).parent / "fixtures" / "format-v8.atelier", old)
    conn = sqlite3.connect(old)
    conn.execute("UPDATE matches SET follow_up = 'contacted', follow_up_changed = '2026-03-22'")
    conn.commit()
    conn.close()
    window = active_window(qtbot, old)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)
        assert window.followup.steps.text() == (
            f"Étapes du suivi (Lucie Leroy ← Grégory TALVY){NBSP}: contactée le 22/03/2026"
        )
    finally:
        window.close()


def test_a_match_done_has_the_name_the_command_line_gives_it(qtbot, window: MainWindow, path: Path) -> None:
    """« fait » in the « État » column, « faite » in its steps (said of « la mise en relation »):
    the word `atelier suivi` prints, never « aboutie » beside « faite »."""
    key(qtbot, Qt.Key.Key_2, ALT)
    key(qtbot, Qt.Key.Key_F)
    today = fr(date.today())
    assert window.followup.steps.text().endswith(f"faite le {today}"), window.followup.steps.text()
    assert window.followup.table.model().index(0, 5).data() == "faite"
    listed = run_cli("suivi", str(path), "--historique")
    assert f"faite le {today}" in listed.stdout and f" fait le {today}" not in listed.stdout, listed.stdout
    assert "abouti" not in listed.stdout + window.followup.steps.text()
