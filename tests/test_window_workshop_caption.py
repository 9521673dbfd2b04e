"""Above the grid, the workshop switcher's caption: in English « Workshop of the file: »
read oddly before « 16 March 2021 — … · 22 participants ▾  2 workshops in this file »,
which already says the file holds them. It reads « Workshop: », and the caption, the list and
the count are shown whole in a window 1366 pixels wide."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .helpers.keyboard import active_example_window, key


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_workshop_caption_reads_well_and_fits(qtbot, tmp_path: Path, language: str) -> None:
    window = active_example_window(qtbot, tmp_path)
    window.resize(1366, 768)
    # A second workshop in the file (Ctrl+Alt+N): the caption, the list and the count shown.
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    switcher = window.switcher
    qtbot.waitUntil(lambda: switcher.combo.count() == 2 and switcher.isVisible())
    caption = _plain(switcher.caption.text())
    assert caption == {"fr": "Atelier du fichier :", "en": "Workshop:"}[language]
    assert (
        _plain(switcher.count.text())
        == {"fr": "2 ateliers dans ce fichier", "en": "2 workshops in this file"}[language]
    )
    # Laid out again once the count changed: nothing of the three cut.
    labels = (switcher.caption, switcher.count)
    qtbot.waitUntil(
        lambda: (
            all(label.width() >= label.sizeHint().width() for label in labels)
            and switcher.combo.width() >= switcher.combo.minimumSizeHint().width()
        ),
        timeout=2_000,
    )
    window.close()
