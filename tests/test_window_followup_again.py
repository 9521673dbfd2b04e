"""« Suivi » (Alt+2): C on a match already contacted did nothing and said nothing, the
facilitator left wondering whether the key was taken. It now says so in the status bar (« déjà
contactée le … »), and no second step is recorded: the file and the undo stack as they were."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.french import list_date

from .conftest import run_cli
from .helpers.keyboard import active_window, key
from .helpers.one_match import lucie_and_cecile

ALT = Qt.KeyboardModifier.AltModifier
NBSP = "\u00a0"

pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def _steps(path: Path) -> list[tuple[str, str]]:
    done = run_cli("suivi", str(path), "--json")
    assert done.returncode == 0, done.stderr
    (entry,) = json.loads(done.stdout)
    return [(step["state"], step["day"]) for step in entry["steps"]]


def test_c_on_a_match_already_contacted_says_so_and_adds_no_step(
    qtbot, tmp_path: Path, language: str
) -> None:
    path = tmp_path / "reseau.atelier"
    lucie_and_cecile(path, date.today() - timedelta(days=20), title="Atelier de l'automne")
    window = active_window(qtbot, path)
    try:
        key(qtbot, Qt.Key.Key_2, ALT)
        key(qtbot, Qt.Key.Key_C)  # contacted, today
        steps = _steps(path)
        assert [s for s, _d in steps] == ["to_contact", "contacted"]
        before = path.read_bytes()
        undo = window.model.undo_stack.count()
        key(qtbot, Qt.Key.Key_C)  # again
        today = list_date(date.today().isoformat(), language)
        said = window.saved_label.text()
        if language == "fr":
            assert said.startswith(
                f"Lucie Leroy ← Cécile Dallet{NBSP}: déjà contactée le {today}, rien n'a changé"
            ), said
        else:
            assert said.startswith(
                f"Lucie Leroy ← Cécile Dallet: already contacted on {today}, nothing changed"
            ), said
        assert path.read_bytes() == before
        assert window.model.undo_stack.count() == undo
        assert _steps(path) == steps
    finally:
        window.close()
