"""The shipped example opened by its path (`atelier open %f` from the file manager, Fichier ›
Ouvrir…, `atelier` alone when it was the last file) opens its working copy: the window's
matching wrote its suggestions into the shipped file, which the README promises is never
modified. The shipped file here is a copy in a temporary folder standing for it
(`atelier.example.bundled_example`), so that the tests never write the source tree's."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.paths import EXAMPLE_NAME
from tests.conftest import ROOT

SAID = (
    "L'exemple fourni n'est jamais modifié\xa0: vous travaillez sur sa copie, «\xa0{path}\xa0», "
    "où vos modifications sont enregistrées."
)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch) -> Path:
    """The example as shipped, in a folder of its own; reached through a link as well."""
    folder = tmp_path / "site-packages" / "atelier" / "resources" / "examples"
    folder.mkdir(parents=True)
    path = folder / EXAMPLE_NAME
    shutil.copy(ROOT / "examples" / EXAMPLE_NAME, path)
    monkeypatch.setattr("atelier.example.bundled_example", lambda: path)
    return path


def _window_seen(qtbot, run) -> tuple[int, list[tuple[str, str]]]:
    """`run()` (the command line), the window it shows read once its matching has saved its
    suggestions, then closed as the facilitator closes it: (exit status, [(file, banner)])."""
    import gc
    import signal

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from atelier.ui.main_window import MainWindow

    seen: list[tuple[str, str]] = []

    def read_the_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if (
            not windows
            or windows[0].matching._busy
            or not windows[0].store.matches(windows[0].model.workshop_id)
        ):
            QTimer.singleShot(50, read_the_window)
            return
        window = windows[0]
        banner = window.readonly_banner
        seen.append((str(window.store.path), banner.text() if banner.isVisible() else ""))
        window.close()

    QTimer.singleShot(0, read_the_window)
    handler = signal.getsignal(signal.SIGTERM)
    try:
        code = run()
    finally:
        signal.signal(signal.SIGTERM, handler)
        gc.unfreeze()  # the window freezes what it leaves for the interpreter's exit
    return code, seen


def test_atelier_open_on_the_shipped_example_opens_its_working_copy(
    qtbot, shipped: Path, _user_data: Path, tmp_path: Path, capsys
) -> None:
    """`atelier open %f` on the shipped example, through a link to it (a desktop shortcut),
    then closed without a key typed: the shipped file is byte-identical; the window was on the
    working copy, and said so above the grid; the terminal said where the copy is."""
    from atelier.cli import main

    link = tmp_path / "raccourci.atelier"
    link.symlink_to(shipped)
    before = _sha(shipped)
    code, seen = _window_seen(qtbot, lambda: main(["open", str(link)]))
    assert _sha(shipped) == before
    (copy,) = _user_data.glob("*.atelier")
    assert code == 0 and seen == [(str(copy), SAID.format(path=copy))], (code, seen)
    assert capsys.readouterr().out.splitlines() == [f"Exemple copié dans\xa0: {copy}"]
    # Its suggestions are in the copy, where the facilitator's work goes.
    from atelier.store import Store

    with Store.open(copy, readonly=True) as store:
        assert store.matches(store.workshops()[0].id)


def test_atelier_alone_with_the_shipped_example_last_opens_its_working_copy(
    qtbot, shipped: Path, _user_data: Path, tmp_path: Path
) -> None:
    """An earlier version opened the shipped example and kept it as the last file: `atelier`
    alone (the desktop menu's command) opens the working copy, saying so."""
    from atelier.cli import main
    from atelier.ui import settings

    settings.put(settings.LAST_FILE, str(shipped.parent / ".." / "examples" / EXAMPLE_NAME))
    before = _sha(shipped)
    code, seen = _window_seen(qtbot, lambda: main([]))
    assert _sha(shipped) == before
    (copy,) = _user_data.glob("*.atelier")
    assert code == 0 and seen == [(str(copy), SAID.format(path=copy))], (code, seen)
    assert settings.get(settings.LAST_FILE) == str(copy.resolve())


def test_ctrl_o_on_the_shipped_example_opens_its_working_copy(
    qtbot, shipped: Path, _user_data: Path, tmp_path: Path, monkeypatch, no_modal_boxes: list[str]
) -> None:
    """Fichier › Ouvrir… (Ctrl+O) on the shipped example, and Fichier › Fichiers récents on it:
    the window goes to the working copy and says so; the shipped file is never written."""
    from PySide6.QtWidgets import QFileDialog

    from atelier.ui import settings
    from tests.helpers.keyboard import active_example_window, key, suggestions_saved

    window = active_example_window(qtbot, tmp_path)
    before = _sha(shipped)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(shipped), ""))
    key(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # Ouvrir…
    copy = _user_data / "Exemple - atelier du 16 mars 2021.atelier"
    qtbot.waitUntil(lambda: window.store.path == copy)
    suggestions_saved(qtbot, window)
    assert window.readonly_banner.isVisible() and window.readonly_banner.text() == SAID.format(path=copy)
    assert _sha(shipped) == before
    # The shipped file among the recent files (kept by an earlier version): the copy too.
    window.open_file(tmp_path / "exemple.atelier")
    assert not window.readonly_banner.isVisible()
    settings.put(settings.RECENT_FILES, [str(shipped)])
    window.fill_recent()
    window.recent_menu.actions()[0].trigger()
    assert window.store.path == copy and window.readonly_banner.text() == SAID.format(path=copy)
    window.close()
    assert _sha(shipped) == before and no_modal_boxes == []
