"""Starting the window: the application object, the language, which file to open."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from atelier.errors import AtelierError
from atelier.example import example_copy_path, example_working_copy, is_bundled_example
from atelier.paths import resources_dir
from atelier.store import Store
from atelier.ui import settings
from atelier.ui.translate import tr, ui_language

if TYPE_CHECKING:
    import socket

    from atelier.ui.main_window import MainWindow


def install_translator(app: QApplication) -> list[QTranslator]:
    """The window's language, and Qt's own in the same one (the file dialogs, the message
    boxes' buttons); returns the translators installed, newest last."""
    from atelier.i18n import choose_language

    language = ui_language()
    choose_language(language)  # the messages said outside Qt (errors) in the window's language
    _locale_of(language)
    installed: list[QTranslator] = []
    # Qt's own strings (« Voir dans : », Annuler, Oui, Non in standard dialogs) in the same
    # language. French: Qt's file misses some of Qt 6's labels; FrenchGaps answers for them.
    qt_translator = QTranslator(app)
    if _load_qt_translation(qt_translator, language):
        if language == "fr":
            gaps = FrenchGaps(qt_translator, app)
            app.installTranslator(gaps)  # asked after Qt's own (the last installed is asked first)
            installed.append(gaps)
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    if language != "fr":  # the source strings are French
        translator = QTranslator(app)
        if translator.load(str(resources_dir() / "i18n" / f"atelier_{language}.qm")):
            app.installTranslator(translator)
            installed.append(translator)
    _installed[:] = installed  # keep them alive
    return installed


_installed: list[QTranslator] = []


def _locale_of(language: str) -> None:
    """Qt's default locale in the window's language when the computer's is another (or
    none, « C »): the file dialog names a file's type by it (« base de données SQLite3 », not
    « SQLite3 database », in a French window on an English computer). A computer already in
    the language keeps its own country (fr_BE, fr_CA)."""
    from PySide6.QtCore import QLocale

    wanted = QLocale.Language.English if language == "en" else QLocale.Language.French
    if QLocale.system().language() == wanted:
        QLocale.setDefault(QLocale.system())
    else:
        country = QLocale.Country.UnitedKingdom if language == "en" else QLocale.Country.France
        QLocale.setDefault(QLocale(wanted, country))


def _load_qt_translation(translator: QTranslator, language: str) -> bool:
    """qtbase_fr.qm (or _en) from PySide6's own folder (pip's PySide6, where QLibraryInfo
    points too, and a PyInstaller bundle: packaging/atelier.spec); else from Qt's translations
    folder as QLibraryInfo names it (a Qt of the system), asked only then: making its Python
    type costs ~1 ms at every start."""
    import PySide6

    if translator.load(
        f"qtbase_{language}", str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    ):
        return True
    from PySide6.QtCore import QLibraryInfo

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return bool(folder) and translator.load(f"qtbase_{language}", folder)


class FrenchGaps(QTranslator):
    """Qt's French for the labels its own translation file no longer matches.

    qtbase_fr.qm was made for older labels: Qt 6 wrote a mnemonic into some of them
    (« &Look in: », « Files of &type: », « &Select All »), and the file dialog then showed
    them in English in a French window. Asked only after Qt's own translation fails, this
    finds the same label without its « & » there, and puts the mnemonic back on the French
    word that starts with its letter (« Fichiers de &type : »), else on the first letter."""

    def __init__(self, qt: QTranslator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.qt = qt

    def isEmpty(self) -> bool:  # Qt's name
        return False

    def translate(  # Qt's name
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """The French label, or None (a null string: « not mine », Qt asks no further and
        keeps the English) — an empty string would be taken as the translation."""
        if not context:
            return None  # Atelier's own sentences (context "") are never Qt's: asked for each
        missing = QT_FRENCH_MISSING.get((context, source))
        if missing is not None:
            return missing
        letter = _mnemonic(source)
        if not letter:
            return None
        bare = source.replace("&&", "\x00").replace("&", "").replace("\x00", "&&")
        found = self.qt.translate(context, bare, disambiguation, n)
        if not found:
            return None
        starts = [
            i
            for i, c in enumerate(found)
            if c.casefold() == letter and (i == 0 or not found[i - 1].isalpha())
        ]
        inside = [i for i, c in enumerate(found) if c.casefold() == letter]
        first_letter = next((i for i, c in enumerate(found) if c.isalpha()), 0)
        at = (starts or inside or [first_letter])[0]
        return found[:at] + "&" + found[at:]


# Labels Qt 6 shows that qtbase_fr.qm has no French for at all (Qt renamed their context):
# the file dialog's « Type » column said « Folder » in a French window.
QT_FRENCH_MISSING: dict[tuple[str, str], str] = {
    ("QAbstractFileIconProvider", "Folder"): "Dossier",
    ("QAbstractFileIconProvider", "File"): "Fichier",
    ("QAbstractFileIconProvider", "Drive"): "Lecteur",
    ("QAbstractFileIconProvider", "%1 File"): "Fichier %1",
    ("QAbstractFileIconProvider", "Unknown"): "Inconnu",
    ("QPlatformTheme", "Don't Save"): "Ne pas enregistrer",
    ("QFileDialog", "Computer"): "Ordinateur",
}


def _mnemonic(text: str) -> str:
    """The letter after a single « & », folded, or ""."""
    index = 0
    while (index := text.find("&", index)) >= 0 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].casefold()
        index += 2
    return ""


def default_file() -> Path:
    """The last file opened, else a working copy of the bundled example (made once); the
    shipped example itself (opened last by an earlier version) is never written: its copy."""
    last = str(settings.get(settings.LAST_FILE) or "")
    if last and Path(last).is_file() and not is_bundled_example(Path(last)):
        return Path(last)
    return example_working_copy()


def _system_locale_in(language: str) -> None:
    """Qt's system locale in the window's language when the computer's is another (or none):
    Qt's own file dialog dates and sizes files by it, not by the default locale (QFileSystemModel
    asks QLocale::system()), and wrote « 11/30/26 6:10 PM », « 1.50 KiB » in a French window on an
    American computer. Unix reads it from the environment once, the first time a process asks:
    asked here, before Qt starts, with LC_ALL set to the language's, then the environment put
    back as it was (Qt's setlocale(LC_ALL, "") and any program started later see the user's).
    A computer already in the window's language keeps its own (fr_CA, en_US); Windows and macOS
    answer from their own settings, and show their own file dialogs."""
    if sys.platform in ("win32", "darwin") or QApplication.instance() is not None:
        return
    from atelier.i18n import spoken_language

    current = next((os.environ[n] for n in ("LC_ALL", "LC_TIME", "LANG") if os.environ.get(n)), "")
    if spoken_language(current) == language:
        return
    from PySide6.QtCore import QLocale

    before = os.environ.get("LC_ALL")
    os.environ["LC_ALL"] = {"en": "en_GB.UTF-8"}.get(language, "fr_FR.UTF-8")
    try:
        QLocale.system()  # read now, kept for the process's life
    finally:
        if before is None:
            del os.environ["LC_ALL"]
        else:
            os.environ["LC_ALL"] = before


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        _system_locale_in(ui_language())
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


class StopRequests:
    """SIGTERM (a session ending, `kill`), SIGINT (Ctrl+C in the terminal) and SIGHUP (the
    terminal closed) close the window as the user closing it would: the field being typed is
    saved, the file closed (journal checkpointed, lock released), the settings kept.

    Qt's event loop runs in C++, where Python's signal handlers never get a turn: the signal
    wakes Qt through a pipe instead (signal.set_wakeup_fd writes the signal's number to it,
    a QSocketNotifier reads it), and the window is closed from Qt's loop, never from inside
    the handler."""

    NAMES = ("SIGTERM", "SIGINT", "SIGHUP")

    def __init__(self, window: QWidget | _ActiveBox) -> None:
        self.window: QWidget | _ActiveBox | None = window
        self.received: int | None = None
        # A pipe where the system allows it (the socket module costs ~2 ms at every start);
        # Windows wakes only through a socket.
        self._sockets: tuple[socket.socket, ...] = ()
        self._recv: Callable[[int], bytes]
        if sys.platform == "win32":
            import socket

            reader, writer = socket.socketpair()
            reader.setblocking(False)
            writer.setblocking(False)
            self._read_fd, self._write_fd = reader.fileno(), writer.fileno()
            self._sockets = (reader, writer)
            self._recv = reader.recv
        else:
            self._read_fd, self._write_fd = os.pipe()
            os.set_blocking(self._read_fd, False)
            os.set_blocking(self._write_fd, False)
            self._recv = lambda size: os.read(self._read_fd, size)
        self._previous_fd = signal.set_wakeup_fd(self._write_fd, warn_on_full_buffer=False)
        self._previous: dict[int, object] = {}
        for name in self.NAMES:
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, lambda *_: None)  # the pipe says it
        self._notifier = QSocketNotifier(self._read_fd, QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._woken)
        from atelier import stopping

        if stopping.RECEIVED:  # asked while the window was being built: closed once it runs
            self.received = stopping.RECEIVED[0]
            QTimer.singleShot(0, self._woken)

    def _woken(self) -> None:
        with contextlib.suppress(OSError):
            numbers = self._recv(64)
            asked = [n for n in numbers if n in self._previous]
            if asked and self.received is None:
                self.received = asked[0]
        if self.received is not None and self.window is not None:
            window, self.window = self.window, None
            if isinstance(window, QDialog):
                window.done(QDialog.DialogCode.Rejected)  # a message box may refuse close()
            else:
                window.close()
            QApplication.quit()

    def restore(self) -> None:
        """Put back what was there before (the command line's handlers)."""
        self._notifier.setEnabled(False)
        for number, previous in self._previous.items():
            signal.signal(number, previous)  # type: ignore[arg-type]
        signal.set_wakeup_fd(self._previous_fd)
        if self._sockets:
            for end in self._sockets:
                end.close()
        else:
            os.close(self._read_fd)
            os.close(self._write_fd)


def _window_on(store: Store) -> MainWindow:
    """The window on `store`, once the file's whole check has passed; a damaged file is
    refused as such (AtelierError), not by what broke on it."""
    from atelier.ui.main_window import MainWindow

    refusal: AtelierError | None = None
    try:
        window = MainWindow(store)
    except BaseException:
        refusal = store.check_refusal()
        if refusal is None:
            raise
    if refusal is not None:
        # Said outside the handler, without the half-built window and the reads it had
        # under way (an open cursor would keep the file's -wal and -shm after closing).
        gc.collect()
        raise refusal
    store.checked()
    return window


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


class _ActiveBox:
    """What a stop signal closes while a message box of QMessageBox's own is shown (its box is
    not reachable from here): the dialog then active, as its « OK » would."""

    def close(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QDialog):
            box.done(QDialog.DialogCode.Rejected)


def say_refusal(exc: AtelierError) -> None:
    """A file the window will not open, said in a message box in the window's language: for
    a file opened from the file manager or the bundle, where no terminal shows the sentence."""
    application()
    from PySide6.QtWidgets import QMessageBox  # only when it is shown (~2 ms at every start)

    # A stop signal (the session ending, `kill`, Ctrl+C) closes the box as the user would:
    # Qt's loop runs it, where Python's handlers never get a turn (StopRequests).
    stop = StopRequests(_ActiveBox())
    try:
        QMessageBox.critical(None, tr("Impossible d'ouvrir le fichier"), exc.user_message())
    finally:
        stop.restore()


def run(
    path: Path | None,
    *,
    quit_after_show: bool = False,
    store: Store | None = None,
    example_asked: bool = False,
) -> int:
    """The window on `store` (opened by the command line, which says a refusal itself), else
    on `path`, else on the last file opened. `example_asked`: the shipped example was asked
    for by its path, and `store` is its working copy; the window says so (files.say_example_copy).

    The file's whole check (Store.open's check_later) runs while Qt starts and the window is
    built; the window shows only once it has passed."""
    app = application()
    given = store is not None
    gone = ""  # the last file, when `atelier` alone would have opened it and it is not there
    last = ""
    refused = ""  # why the last file, when `atelier` alone opened it, was refused
    if not gc.isenabled():
        # Started by atelier/__main__.py, without garbage collection while the modules
        # loaded (Qt's among them): they are, collection resumes for the window's life.
        gc.freeze()
        gc.enable()
    try:
        if store is None:
            if path is None:
                last = str(settings.get(settings.LAST_FILE) or "")
                gone = last if last and not Path(last).is_file() else ""
                example_asked = bool(last) and not gone and is_bundled_example(Path(last))
            elif is_bundled_example(path):
                path, example_asked = example_working_copy(), True
            store = Store.open(
                path if path is not None else default_file(), lock=True, check_later=True, migrate_later=True
            )
        window = _window_on(store)
    except AtelierError as exc:
        if given:
            raise  # the command line says it, in the terminal
        if store is not None:
            store.close()
        store = None
        the_example = example_asked or _same_file(Path(last), example_copy_path())
        if path is not None or not last or gone or the_example:
            say_refusal(exc)
            return 1
        # `atelier` alone (the desktop menu's command), its last file refused: the example's
        # working copy, as when the last file is gone, saying why; the window (Ouvrir…,
        # Restaurer une sauvegarde…) stays within reach from the menu.
        refused = exc.user_message()
        try:
            store = Store.open(example_working_copy(), lock=True, check_later=True, migrate_later=True)
            window = _window_on(store)
        except AtelierError as again:
            if store is not None:
                store.close()
            say_refusal(again)
            return 1
    if example_asked:
        from atelier.ui.operations.files import say_example_copy

        say_example_copy(window)
    if gone:
        window.readonly_banner.add(
            tr(
                "Le dernier fichier ouvert, « {path} », est introuvable (déplacé, supprimé, ou sur une "
                "clé USB retirée) : voici la copie de travail de l'atelier d'exemple. Fichier › Ouvrir… "
                "(Ctrl+O) pour ouvrir un autre fichier."
            ).format(path=gone)
        )
    if refused:
        window.readonly_banner.add(
            tr(
                "Le dernier fichier ouvert ne peut pas être ouvert : {reason} Voici la copie de travail "
                "de l'atelier d'exemple ; Fichier › Ouvrir… (Ctrl+O) pour ouvrir un autre fichier."
            ).format(reason=refused)
        )
    # A refusal may not last (a file held by a sync tool or an antivirus, a USB stick read
    # badly): the next start tries that file again and says why, until Ctrl+O opens another
    # (the window, opened on the example, took it for the file to open next: `files.remember`).
    settings.put(settings.LAST_FILE, last if refused else str(store.path.resolve()))
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
    stop = StopRequests(window)
    window.show()
    window.raise_()
    window.activateWindow()
    try:
        code = app.exec()
    finally:
        stop.restore()
    settings.flush()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)  # let a background match finish cleanly
    # The window is closed, its file closed (checkpointed, unlocked) and the settings written:
    # only the interpreter's exit is left. What was made to run the window (modules, classes,
    # Qt's wrappers: a few hundred thousand objects) lives until then; frozen, the exit does
    # not walk them all once more looking for cycles to free (about 25 ms of a 250 ms start
    # with --quit-after-show, as long on every close). Nothing is skipped: every file was
    # closed above, and the process ends now.
    gc.freeze()
    if stop.received is not None:
        return 128 + stop.received  # closed as asked, cleanly: the shell's code for the signal
    return int(code)
