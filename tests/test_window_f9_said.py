"""F9 (« Rapprocher besoins et ressources ») matched every need again and said nothing: the
suggestions often look the same after it, and the facilitator could not tell whether it had
run. Once the suggestions are saved, the status bar says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import MatchStatus

from .helpers.keyboard import active_example_window, key, suggestions_saved

pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def _said(window) -> str:
    return window.saved_label.text().replace("\u00a0", " ").replace("\u202f", " ")


def test_f9_says_when_its_suggestions_are_saved(qtbot, tmp_path: Path, language: str) -> None:
    window = active_example_window(qtbot, tmp_path)
    suggestions_saved(qtbot, window)  # the matching the window does by itself on opening
    done = {
        "fr": "Rapprochement fait : suggestions à jour (Ctrl+M pour celles du participant choisi).",
        "en": "Matching done: suggestions up to date (Ctrl+M for those of the chosen participant).",
    }[language]
    assert _said(window) != done  # not said of a matching nobody asked for
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: _said(window) == done, timeout=30_000)
    assert not window.matching._busy
    assert window.store.matches(window.model.workshop_id, MatchStatus.SUGGESTED)
    window.close()
