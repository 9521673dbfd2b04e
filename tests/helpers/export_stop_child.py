"""`atelier open FILE` as a user runs it, the export dialog open and an export under way into
FOLDER (replacing the documents an earlier export left there), for
tests/test_window_export_stopped.py: each step of the export is slowed down and printed
(« STEP percent »), and each document whole in its temporary waits before it is put in place
(« SYNCING name »: a slow USB key), so that the parent can stop the process (SIGTERM, a
session logging out) while the export reads or writes.

    python -m tests.helpers.export_stop_child FILE FOLDER
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(path: str, folder: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    import atelier.ui.export_dialog as export_dialog
    from atelier.cli import main as atelier
    from atelier.ui.app import application

    app = application()
    exporting = export_dialog.export

    def slowly(*args, progress, **kwargs):  # type: ignore[no-untyped-def]
        def step(percent: int, what: str) -> None:
            print("STEP", percent, flush=True)
            time.sleep(0.15)
            progress(percent, what)

        return exporting(*args, progress=step, **kwargs)

    export_dialog.export = slowly
    # A slow disk (a USB key): a document whole in its temporary, not yet put in place.
    import atelier.store.files as files

    syncing = files._sync

    def slow_sync(temp):  # type: ignore[no-untyped-def]
        syncing(temp)
        if temp.suffix == ".tmp" and ".docx." in temp.name or ".xlsx." in temp.name:
            print("SYNCING", temp.name, flush=True)
            time.sleep(1.5)

    files._sync = slow_sync
    # « Remplacer ? »: yes, as the facilitator answers it.
    QMessageBox.question = lambda *_a, **_k: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, export_dialog.ExportDialog):
            QTimer.singleShot(50, in_the_dialog)
            return
        dialog.folder.setText(folder)
        dialog.name.setText("compte-rendu")
        dialog.fiches.setChecked(True)
        dialog.export_button.click()
        print("EXPORT STARTED", flush=True)

    def drive() -> None:
        from atelier.ui.main_window import MainWindow

        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.painted]
        if not windows:
            QTimer.singleShot(50, drive)
            return
        QTimer.singleShot(0, in_the_dialog)
        windows[0].export_office()  # the dialog, modal, as Ctrl+E opens it

    QTimer.singleShot(0, drive)
    code = atelier(["open", path])
    print("CLOSED", flush=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
