"""The window's operations, each a small typed function (Anki's `aqt/operations` shape), and
the runner they share with every job that works off the UI thread.

- `Op` runs one change now and says an `AtelierError` in one box titled after the command:
  no traceback, and the caller gets None. A change that rewrites the open file (a merge, a
  restored backup, a re-import) goes through `Snapshots.change`, which makes it one step of
  the undo stack between two snapshots of the file.
- `QueryOp` runs work off the UI thread (reading a grid, matching, an export, the network's
  layout), with typed progress; the work never touches a widget (Anki's rule), its result
  and its progress arrive on the UI thread.

The operations ask what they need (a file, a confirmation), run their change through `Op`,
and say the outcome in the window: `files` (new, open, save a copy, the backup made on opening,
JSON), `grids` (import a grid, re-import it into the workshop), `replace` (restore a backup,
merge another capture). They need of the window only what `Window` says.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from atelier.errors import AtelierError
from atelier.store import Store
from atelier.ui.commands import ReplaceContent, push, push_written

if TYPE_CHECKING:
    from atelier.ui.grid_model import GridModel, WorkshopRead
    from atelier.ui.panels import WorkshopHeader
    from atelier.ui.status import ReadOnlyBanner

T = TypeVar("T")
Progress = Callable[[int, str], None]  # percent, what is being done


# ------------------------------------------------------------------ the runner


class Op(Generic[T]):
    """One change, run now on the UI thread; a refusal is said in one box titled `title`."""

    def __init__(self, parent: QWidget, title: str, work: Callable[[], T]) -> None:
        self.parent = parent
        self.title = title
        self.work = work

    def run(self) -> T | None:
        try:
            return self.work()
        except AtelierError as exc:
            refused(self.parent, self.title, exc.user_message())
            return None


def refused(parent: QWidget, title: str, said: str) -> None:
    """A command the file refused: said in a box titled `title`, and in the window's status
    bar, which no longer says « Chaque modification est enregistrée aussitôt. » meanwhile."""
    from PySide6.QtWidgets import QMessageBox

    window = parent.window()
    notice = getattr(window, "show_notice", None)
    if callable(notice):
        notice(said)
    QMessageBox.critical(parent, title, said)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # delivered to the UI, which shows one clear message
            self._deliver(self.signals.failed, exc)
        else:
            self._deliver(self.signals.done, result)

    @staticmethod
    def _deliver(outcome: SignalInstance, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the application quit while this ran: no one waits
            outcome.emit(value)


_alive: set[_Signals] = set()  # a job's signals live until its outcome is delivered


class QueryOp(Generic[T]):
    """Work off the UI thread: `work(report)` gets a `report(percent, text)` whose calls
    arrive on the UI thread (at `with_progress`'s function); then `success(result)` or the
    `failure(error)` set, on the UI thread."""

    def __init__(self, work: Callable[[Progress], T], success: Callable[[T], None]) -> None:
        self.work = work
        self.success = success
        self.on_failure: Callable[[BaseException], None] = _unexpected
        self.on_progress: Progress | None = None

    def failure(self, on_failure: Callable[[BaseException], None]) -> QueryOp[T]:
        self.on_failure = on_failure
        return self

    def with_progress(self, on_progress: Progress) -> QueryOp[T]:
        self.on_progress = on_progress
        return self

    def run_in_background(self, *, own_thread: bool = False, name: str = "atelier-write") -> None:
        """On Qt's pool; or, `own_thread`, on a thread of its own (called `name`) that starts
        at once even while the pool is busy (matching, the meaning model): a file being
        written that the window may have to wait for when it closes."""
        signals = _Signals()
        _alive.add(signals)
        if self.on_progress is not None:
            signals.progress.connect(self.on_progress)
        work, report = self.work, signals.progress.emit

        def finish(result: T) -> None:
            _alive.discard(signals)
            self.success(result)

        def fail(error: BaseException) -> None:
            _alive.discard(signals)
            self.on_failure(error)

        signals.done.connect(finish)
        signals.failed.connect(fail)
        job = _Job(lambda: work(report), signals)
        if own_thread:
            import threading

            job.setAutoDelete(False)
            threading.Thread(target=job.run, name=name, daemon=True).start()
        else:
            QThreadPool.globalInstance().start(job)


def _unexpected(error: BaseException) -> None:
    raise error


def reading(store: Store) -> Callable[[], Store]:
    """How a `QueryOp` reads the window's file (the export, the synthesis editor's figures):
    through a read-only connection of its own to it (`Store.reader`: checked whole when it
    opened, not again, and not opened again by its name, where a sync client may have put
    another copy whose minutes are not this one's); a file no longer at its name, or read
    through a migration in memory (an older format) or from a private copy of its journal
    (read-only media), is copied now from the window's connection (`Store.snapshot`) and read
    from that copy (`Store.reads_again`). Called on the UI thread, once per job: what it gives
    is opened, read and closed by that job."""
    if store.reads_again():
        return store.reader
    copy = store.snapshot()
    return lambda: copy


class Snapshots:
    """The file before and after each whole-file change of this session (SQLite backups in
    a temporary folder), so that Ctrl+Z puts the grid back and Ctrl+Y does it again."""

    def __init__(self) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def change(self, model: GridModel, label: str, change: Callable[[], T]) -> T:
        """Run `change` (it rewrites the file), then push it on the undo stack as one step."""
        before, after = self.pair()
        model.store.backup_to(before)
        result = change()
        model.store.backup_to(after)
        push(model, ReplaceContent(model, label, before, after))
        return result

    def pair(self) -> tuple[Path, Path]:
        """Where the next step's two snapshots go (before, after): `record` them once written."""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="atelier-annuler-")
        folder = Path(self._folder.name)
        count = len(list(folder.iterdir()))
        while (folder / f"{count:04d}-avant.atelier").exists():
            count += 2
        return folder / f"{count:04d}-avant.atelier", folder / f"{count + 1:04d}-apres.atelier"

    def record(
        self, model: GridModel, label: str, before: Path, after: Path, read: WorkshopRead | None = None
    ) -> None:
        """A change already written by another connection, with its two snapshots (`pair`):
        the grid reads the file again (or takes `read`, what that connection read after
        writing), and the change is one step of the undo stack."""
        model.op_content_written(read)
        push_written(model, ReplaceContent(model, label, before, after))


# ------------------------------------------------------------ the window


class Window(Protocol):
    """What the operations need of the main window."""

    store: Store
    model: GridModel | None
    snapshots: Snapshots
    header: WorkshopHeader
    warned_gone: bool
    readonly_banner: ReadOnlyBanner  # above the grid: what to know about the file shown
    writing: set[Any]  # files being written off the UI thread (grids.BackgroundWrite)

    def commit_open_editors(self) -> None: ...

    def may_leave_file(self) -> bool: ...

    def set_store(self, store: Store) -> None: ...

    def continue_on(self, store: Store) -> None: ...

    def show_status(self, text: str) -> None: ...

    def fill_recent(self) -> None: ...


def widget(window: Window) -> QWidget:
    assert isinstance(window, QWidget)
    return window


def editable_model(window: Window) -> GridModel | None:
    return None if window.model is None or window.store.readonly else window.model


def ready_to_write(window: Window, store: Store, title: str) -> bool:
    """The copy of the file as opened, due before a first write (the opening's check passed):
    made, and True; or it could not be, and its one sentence is said in a box titled `title`."""
    try:
        store.before_writing()
    except AtelierError as exc:
        refused(widget(window), title, exc.user_message())
        return False
    return True
