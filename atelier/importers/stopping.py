"""Reading a grid abandoned halfway: the window reads and plans a grid off its UI thread, and
« Annuler » (or Échap, or the dialog closed) must stop that work, not let it run on for
seconds or minutes (a sheet of 20 000 columns) taking the processor from the window.

The work runs `with stoppable(event):`; the importer's loops call `checkpoint()`, which
raises `Stopped` once the event is set. Elsewhere (the command line, a test reading at once)
no event is set and `checkpoint()` does nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_STOP: ContextVar[threading.Event | None] = ContextVar("atelier_reading_stop", default=None)


class Stopped(Exception):
    """The reading was abandoned: nothing of it is shown nor written."""


@contextmanager
def stoppable(event: threading.Event) -> Iterator[None]:
    """The work in this block stops at its next `checkpoint()` once `event` is set."""
    token = _STOP.set(event)
    try:
        yield
    finally:
        _STOP.reset(token)


def checkpoint() -> None:
    """Raise `Stopped` if the reading this thread does was abandoned."""
    event = _STOP.get()
    if event is not None and event.is_set():
        raise Stopped()
