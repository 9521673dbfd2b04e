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


def test_atelier_without_a_file_says_when_the_last_file_is_gone(qtbot, tmp_path: Path) -> None:
    """`atelier` (the desktop menu's command) opens the last file; when that file is gone (a
    USB stick not plugged in, a file moved), it opened the example's working copy without a
    word, its grid looking like a workshop: the facilitator typed the morning into it. The
    window now says, above the grid, that the last file was not found and this is the example."""
    import gc

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from atelier.ui import settings
    from atelier.ui.app import run
    from atelier.ui.main_window import MainWindow

    gone = tmp_path / "clé USB" / "atelier de mars.atelier"
    settings.put(settings.LAST_FILE, str(gone))
    seen: list[str] = []

    def read_the_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(20, read_the_window)
            return
        window = windows[0]
        seen.append(window.readonly_banner.text() if window.readonly_banner.isVisible() else "")
        seen.append(str(window.store.path))
        window.close()  # as the facilitator closing it: run() returns

    QTimer.singleShot(0, read_the_window)
    try:
        assert run(None) == 0
    finally:
        gc.unfreeze()  # run() freezes what it leaves for the interpreter's exit; a test goes on
    banner, opened = seen
    assert opened.endswith(".atelier") and "Exemple" in opened
    said = banner.replace("\u00a0", " ").replace("\u202f", " ")
    assert f"« {gone} »" in said and "introuvable" in said and "exemple" in said, said


def test_atelier_without_a_file_opens_the_example_when_the_last_file_is_refused(
    qtbot, tmp_path: Path, no_modal_boxes: list[str]
) -> None:
    """`atelier` (the desktop menu's command) on a last file it refuses (emptied by a copy cut
    short, damaged, from a newer version) said so in a box, then quit: the window, with its
    « Ouvrir… » and « Restaurer une sauvegarde… », could never be reached again from the menu.
    It now opens the example's working copy, saying above the grid why the last file was not
    opened, as when the last file is gone; the refused file is left as it was."""
    import gc

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from atelier.ui import settings
    from atelier.ui.app import run
    from atelier.ui.main_window import MainWindow

    emptied = tmp_path / "atelier de mars.atelier"
    emptied.write_bytes(b"")
    settings.put(settings.LAST_FILE, str(emptied))
    seen: list[str] = []

    def read_the_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            if not seen:
                QTimer.singleShot(20, read_the_window)
            return
        window = windows[0]
        seen.append(window.readonly_banner.text() if window.readonly_banner.isVisible() else "")
        seen.append(str(window.store.path))
        window.close()  # as the facilitator closing it: run() returns

    QTimer.singleShot(0, read_the_window)
    try:
        opened_fine = run(None) == 0
    finally:
        gc.unfreeze()  # run() freezes what it leaves for the interpreter's exit; a test goes on
        seen.append("")  # stops the reader, whatever run() did
    assert opened_fine, no_modal_boxes
    banner, opened = seen[:2]
    assert opened.endswith(".atelier") and "Exemple" in opened
    said = banner.replace("\u00a0", " ").replace("\u202f", " ")
    assert said.startswith("Le dernier fichier ouvert ne peut pas être ouvert : « "), said
    assert f"« {emptied} » est un fichier vide (0 octet)" in said, said
    assert "Voici la copie de travail de l'atelier d'exemple ; Fichier › Ouvrir… (Ctrl+O)" in said, said
    assert no_modal_boxes == []  # said above the grid, not in a box before it
    # The next start from the menu tries that file again (a refusal may not last) and says why,
    # never the example as if it were the file last opened.
    assert settings.get(settings.LAST_FILE) == str(emptied)
    assert emptied.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir() if "mars" in p.name) == [
        emptied.name
    ]


def test_the_first_screen_fits_the_columns_once_not_once_more_inside_that_fit(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The grid's first fit sets the columns' widths; the titles wrap to them, so the space
    left for the rows grows or shrinks (never the grid's width), and that resize started a
    second whole fit inside the first, to the same widths: rows measured twice before the
    first screen showed. Now the fit under way measures the rows at the height it reached,
    and what the first screen shows is what a fresh fit gives."""
    from atelier.ui.grid_view import GridView

    fit = GridView.fit_columns
    depth = [0]
    deepest = [0]

    def counted(self) -> None:
        depth[0] += 1
        deepest[0] = max(deepest[0], depth[0])
        try:
            fit(self)
        finally:
            depth[0] -= 1

    monkeypatch.setattr(GridView, "fit_columns", counted)
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", tmp_path / "exemple.atelier")
    window = example_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: window.grid._painted)
    qtbot.wait(50)
    assert deepest[0] == 1, "a fit of the columns started inside another"
    grid = window.grid
    shown = [grid.columnWidth(c) for c in range(5)], [grid.rowHeight(r) for r in range(8)]
    fit(grid)
    assert ([grid.columnWidth(c) for c in range(5)], [grid.rowHeight(r) for r in range(8)]) == shown
    window.close()


def test_the_desktop_menu_entry_opens_the_window_on_the_last_file(qtbot, tmp_path: Path) -> None:
    """The menu entry (packaging/linux/atelier.desktop) runs `atelier open %f`; started from the
    menu, with no file, the launcher removes `%f` (Desktop Entry Specification, « Exec »): the
    command was `atelier open` alone, which stopped on a missing FICHIER in a terminal nobody
    sees (Terminal=false): clicking Atelier in the menu did nothing. It opens the window on the
    last file, as `atelier` alone does."""
    import gc
    import shlex
    import signal

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from atelier.cli import main
    from atelier.ui import settings
    from atelier.ui.main_window import MainWindow

    entry = (ROOT / "packaging" / "linux" / "atelier.desktop").read_text(encoding="utf-8")
    (command,) = [line.removeprefix("Exec=") for line in entry.splitlines() if line.startswith("Exec=")]
    words = shlex.split(command.replace("%f", ""))  # from the menu: no file
    assert words[0] == "atelier"
    last = tmp_path / "atelier de mars.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", last)
    settings.put(settings.LAST_FILE, str(last))
    seen: list[str] = []

    def read_the_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(20, read_the_window)
            return
        seen.append(str(windows[0].store.path))
        windows[0].close()  # as the facilitator closing it

    QTimer.singleShot(0, read_the_window)
    handler = signal.getsignal(signal.SIGTERM)
    try:
        code = main(words[1:])
    finally:
        signal.signal(signal.SIGTERM, handler)
        gc.unfreeze()  # the window freezes what it leaves for the interpreter's exit
    assert code == 0 and seen == [str(last)], (code, seen)
