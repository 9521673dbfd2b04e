"""The directory's index merged after people are deleted, a few pages at a time while the
window waits for the keyboard, so that their names leave the file's index without a freeze
(merged at once, it took 0.4 s on a region's decade: benchmarks/bench_erasure.py).

Each step is one short transaction on the window's own connection (Store.compact_step), never
while another write is under way (a grid written into the file off the UI thread, a
transaction open under a nested event loop): one writer at a time. Closing the file merges
what is left (Store.close); a file left with a merge due by a crash resumes it when opened
again here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer

from atelier.errors import AtelierError
from atelier.store import Store

STEP_MS = 5  # between two steps: the keyboard and the painting come first
WAIT_MS = 250  # another write is under way: looked at again then


class DirectoryCompaction(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.step)

    def attach(self, store: Store) -> None:
        """The window's file: its deletions merged here, and a merge a crash left due resumed."""
        if store.readonly:
            return
        store.compact_later = self.start
        if store.compaction_due():
            self.start()

    def start(self) -> None:
        self.timer.start(STEP_MS)

    def stop(self) -> None:
        """The window is closing: the file's close merges what is left."""
        self.timer.stop()

    def step(self) -> None:
        store: Store = self.window.store
        if store.readonly or store.compact_later != self.start or not store.compaction_due():
            return
        if self.window.writing or store.conn.in_transaction:
            self.timer.start(WAIT_MS)
            return
        try:
            done = store.compact_step()
        except AtelierError:
            return  # a full disk, a file gone: still due, merged at its close or next opening
        if not done:
            self.timer.start(STEP_MS)
