"""Opening a file of several workshops shows the one the facilitator works on: the one last
shown in this window, else the latest that has participants (never an empty workshop added for
later, while the participants are in another), and the status bar says which."""

from __future__ import annotations

import shutil
from pathlib import Path

from atelier.domain import Workshop
from atelier.store import Store

from .conftest import ROOT, example_window


def _file_with_an_empty_workshop_added(tmp_path: Path) -> tuple[str, str]:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        full = store.workshops()[0].id
        empty = store.add_workshop(Workshop(title="Atelier de juin, à préparer")).id  # undated
        later = store.add_workshop(Workshop(title="Atelier de 2022", date="2022-03-15")).id
        assert store.participants(empty) == [] and store.participants(later) == []
    return full, empty


def test_the_window_opens_on_the_latest_workshop_with_participants_and_says_so(qtbot, tmp_path: Path) -> None:
    full, _empty = _file_with_an_empty_workshop_added(tmp_path)
    window = example_window(qtbot, tmp_path)
    assert window.model.workshop_id == full
    assert window.model.rowCount() == 22
    said = window.saved_label.text()  # the status bar
    assert "Atelier du 16 mars 2021" in said and "3\u00a0ateliers" in said.replace(" ", "\u00a0"), said
    assert "le plus récent avec des participants" in said, said
    window.close()


def test_the_window_reopens_on_the_workshop_last_shown(qtbot, tmp_path: Path) -> None:
    _full, empty = _file_with_an_empty_workshop_added(tmp_path)
    window = example_window(qtbot, tmp_path)
    window.switch_workshop(empty)
    assert window.model.workshop_id == empty
    window.close()
    window.store.close()
    again = example_window(qtbot, tmp_path)
    assert again.model.workshop_id == empty
    said = again.saved_label.text()
    assert "Atelier de juin, à préparer" in said and "le dernier affiché" in said, said
    again.close()
