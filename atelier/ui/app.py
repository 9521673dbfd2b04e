"""Starting the window: the application object, the language, which file to open."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from atelier.errors import AtelierError
from atelier.example import example_working_copy
from atelier.paths import resources_dir
from atelier.store import Store
from atelier.ui import settings
from atelier.ui.translate import ui_language


def install_translator(app: QApplication) -> None:
    from atelier.i18n import choose_language

    language = ui_language()
    choose_language(language)  # the messages said outside Qt (errors) in the window's language
    # Qt's own strings (Annuler, Oui, Non in standard dialogs) in the same language.
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        app._atelier_qt_translator = qt_translator
    if language == "fr":
        return  # the source strings are French
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "i18n" / f"atelier_{language}.qm")):
        app.installTranslator(translator)
        app._atelier_translator = translator  # keep it alive


def default_file() -> Path:
    """The last file opened, else a working copy of the bundled example (made once)."""
    last = str(settings.get(settings.LAST_FILE) or "")
    if last and Path(last).is_file():
        return Path(last)
    return example_working_copy()


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Atelier")
        app.setOrganizationName("Atelier")
        app.setDesktopFileName("atelier")
        from PySide6.QtGui import QIcon

        icon = QIcon()
        for size in (16, 32, 48, 64, 128, 256):
            icon.addFile(str(resources_dir() / "icons" / f"atelier-{size}.png"))
        app.setWindowIcon(icon)
        install_translator(app)
    return app  # type: ignore[return-value]


def run(path: Path | None, *, quit_after_show: bool = False, store: Store | None = None) -> int:
    """The window on `store` (opened and checked by the command line), else on `path`, else
    on the last file opened."""
    app = application()
    from atelier.ui.main_window import MainWindow, tr

    if store is None:
        try:
            store = Store.open(path if path is not None else default_file(), lock=True)
        except AtelierError as exc:
            QMessageBox.critical(None, tr("Impossible d'ouvrir le fichier"), exc.user_message())
            return 1
    settings.put(settings.LAST_FILE, str(store.path.resolve()))
    window = MainWindow(store)
    geometry = settings.get(settings.GEOMETRY)
    state = settings.get(settings.WINDOW_STATE)
    if state:
        window.restoreState(state)
    first_run = not geometry or not window.restoreGeometry(geometry)
    if first_run:
        # The first time, the whole screen: the five columns need it.
        window.setGeometry(window.screen().availableGeometry())
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    if quit_after_show:
        # `--quit-after-show` measures startup: until the window has painted its first screen
        # (the window paints first, then each widget in it, then the whole is put on screen;
        # the quit comes once that is done).
        window.first_painted.connect(lambda: QTimer.singleShot(0, QApplication.quit))
        QTimer.singleShot(30_000, app.quit)  # never hang a timing run
    window.show()
    window.raise_()
    window.activateWindow()
    code = app.exec()
    settings.flush()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)  # let a background match finish cleanly
    return int(code)
