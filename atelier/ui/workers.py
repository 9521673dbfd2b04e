"""Run slow work (reading a Word file, matching, exporting) off the UI thread.

The work function never touches a widget; its result comes back via a signal,
delivered on the UI thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # delivered to the UI, which shows one clear message
            outcome, value = self.signals.failed, exc
        else:
            outcome, value = self.signals.done, result
        with contextlib.suppress(RuntimeError):  # the application quit while this ran: no one waits
            outcome.emit(value)


_alive: set[_Signals] = set()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, str], None] | None = None,
) -> _Signals:
    """Run `work()` in the thread pool. With `on_progress`, `work` is called with a
    `report(percent, text)` function whose calls arrive on the UI thread."""
    signals = _Signals()
    _alive.add(signals)
    if on_progress is not None:
        signals.progress.connect(on_progress)
        job = work

        def work() -> Any:
            return job(signals.progress.emit)  # type: ignore[call-arg]

    def finish(result: Any) -> None:
        _alive.discard(signals)
        on_done(result)

    def fail(error: Any) -> None:
        _alive.discard(signals)
        on_error(error)

    signals.done.connect(finish)
    signals.failed.connect(fail)
    QThreadPool.globalInstance().start(_Job(work, signals))
    return signals
