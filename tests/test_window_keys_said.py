"""Keys that could do nothing did nothing and said nothing, and the facilitator pressed them
again: Ctrl+Page suiv / préc and F11 with the projector off, Ctrl+Alt+Page suiv / préc with
no workshop after or before this one. The status bar now says why, and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .helpers.keyboard import active_example_window, key

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def _said(window) -> str:
    return window.saved_label.text().replace("\u00a0", " ").replace("\u202f", " ")


def test_projector_keys_with_the_projector_off_say_f5(qtbot, tmp_path: Path, language: str) -> None:
    window = active_example_window(qtbot, tmp_path)
    off = {"fr": "Le projecteur est éteint : F5 pour projeter.", "en": "The projector is off: F5 to project."}
    for code in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
        window.saved_label.clear()
        key(qtbot, code, CTRL)
        assert _said(window) == off[language]
    window.saved_label.clear()
    key(qtbot, Qt.Key.Key_F11)
    assert _said(window) == off[language]
    # Projecting, the same key turns the page and says nothing of the projector being off.
    key(qtbot, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.projector is not None and window.projector.isVisible())
    window.saved_label.clear()
    window.action("projector.next").trigger()
    assert _said(window) != off[language]
    window.close()


def test_workshop_keys_at_either_end_say_so(qtbot, tmp_path: Path, language: str) -> None:
    window = active_example_window(qtbot, tmp_path)
    first = window.model.workshop_id
    key(qtbot, Qt.Key.Key_PageDown, CTRL | ALT)
    assert window.model.workshop_id == first
    assert (
        _said(window)
        == {
            "fr": "Ce fichier n'a qu'un atelier : Ctrl+Alt+N en ajoute un.",
            "en": "This file has only one workshop: Ctrl+Alt+N adds one.",
        }[language]
    )
    key(qtbot, Qt.Key.Key_N, CTRL | ALT)  # a new workshop, dated today: after 16 March 2021
    qtbot.waitUntil(lambda: window.model.workshop_id != first)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_PageDown, CTRL | ALT)
    assert (
        _said(window)
        == {
            "fr": "Pas d'atelier suivant : celui-ci est le dernier du fichier.",
            "en": "No next workshop: this one is the file's last.",
        }[language]
    )
    key(qtbot, Qt.Key.Key_PageUp, CTRL | ALT)
    assert window.model.workshop_id == first
    key(qtbot, Qt.Key.Key_PageUp, CTRL | ALT)
    assert window.model.workshop_id == first
    assert (
        _said(window)
        == {
            "fr": "Pas d'atelier précédent : celui-ci est le premier du fichier.",
            "en": "No previous workshop: this one is the file's first.",
        }[language]
    )
    window.close()
