"""Stop signals (SIGTERM, SIGINT) that reach the window's process before the window listens.

While the window is being built, Python code runs inside Qt's calls: an exception raised
there by a signal handler (Ctrl+C's KeyboardInterrupt) is swallowed by Qt, and the window
then opened deaf, with its file locked. So until the window listens (ui.app.StopRequests),
a stop signal is only noted here; the window, once it listens, closes as the user closing
it would.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

RECEIVED: list[int] = []


def note(signum: int, _frame: Any) -> None:
    RECEIVED.append(signum)


def note_until_the_window_listens() -> None:
    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, note)


# A write abandoned (the window closing while an export runs on a worker thread): the file it
# is writing is not put in place, whatever step it has reached (store.files.replacing).
_ABANDONED: ContextVar[threading.Event | None] = ContextVar("abandoned", default=None)


class Abandoned(Exception):
    """The write was abandoned before its file was put in place: nothing was replaced."""


@contextlib.contextmanager
def abandoned_when(event: threading.Event) -> Iterator[None]:
    """The writes done in this block (this thread) are not put in place once `event` is set."""
    token = _ABANDONED.set(event)
    try:
        yield
    finally:
        _ABANDONED.reset(token)


def refuse_if_abandoned() -> None:
    """Raise Abandoned if the write this thread does was abandoned (`abandoned_when`)."""
    event = _ABANDONED.get()
    if event is not None and event.is_set():
        raise Abandoned()
