"""Stop signals (SIGTERM, SIGINT) that reach the window's process before the window listens.

While the window is being built, Python code runs inside Qt's calls: an exception raised
there by a signal handler (Ctrl+C's KeyboardInterrupt) is swallowed by Qt, and the window
then opened deaf, with its file locked. So until the window listens (ui.app.StopRequests),
a stop signal is only noted here; the window, once it listens, closes as the user closing
it would.
"""

from __future__ import annotations

import signal
from typing import Any

RECEIVED: list[int] = []


def note(signum: int, _frame: Any) -> None:
    RECEIVED.append(signum)


def note_until_the_window_listens() -> None:
    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, note)
