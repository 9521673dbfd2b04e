"""A workshop whose title the facilitator typed between guillemets (« « Mobilité » ») is quoted
once in what the window says, as in the documents and the command line (`without_quotes`):
the status bar said « Ouvert sur « « Mobilité » », le plus récent avec des participants »."""

from __future__ import annotations

import shutil
from pathlib import Path

from atelier.domain import Workshop
from atelier.store import Store

from .conftest import ROOT
from .helpers.keyboard import active_example_window

NB = "\u00a0"


def _plain(text: str) -> str:
    return text.replace(NB, " ").replace("\u202f", " ")


def test_the_window_quotes_a_title_typed_in_guillemets_once(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        full = store.workshops()[0].id
        store.update_workshop(full, title=f"«{NB}Mobilité{NB}»")
        store.add_workshop(Workshop(title="Atelier de juin, à préparer"))  # undated, empty
    window = active_example_window(qtbot, tmp_path)
    assert window.model.workshop_id == full
    said = _plain(window.saved_label.text())
    assert "Ouvert sur « Mobilité », le plus récent avec des participants" in said, said
    assert window.model.workshop().title == f"«{NB}Mobilité{NB}»"  # kept as typed
    window.close()
