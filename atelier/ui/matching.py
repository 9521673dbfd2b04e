"""Matching in the window: runs off the UI thread, re-matches an edited need at once
(what the card shows of it is ui/match_panel.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from atelier.domain import ItemKind
from atelier.errors import AtelierError
from atelier.ui.grid_model import GridModel
from atelier.ui.operations import QueryOp
from atelier.ui.translate import tr


def _compute(
    statements: list[Any] | Any,
    decided: set[tuple[str, str]],
    top: int,
    glossary: Any,
    vectors: Any,
    across: Any = None,
) -> Any:
    """Runs in a worker thread: no widget, only plain data in and out. `statements` may be
    the function that reads them (in this thread, through a connection of its own: a third of
    a second on the UI thread for a thousand rows of long cells). `across`, when given, makes
    (in this thread) the matcher over the file's other workshops from the needs."""
    from atelier.matching import Engine

    if callable(statements):
        statements = statements()
    engine = Engine(glossary, vectors)
    engine.index(statements)
    matcher = across([s for s in statements if s.kind == ItemKind.NEED]) if across is not None else None
    if matcher is not None:
        return engine, matcher.suggest_all(statements, top=top, excluded=decided), matcher
    return engine, engine.suggest(top=top, excluded=decided), None


def _across_builder(
    store: Any, workshop_id: str, glossary: Any, vectors: Any, reuse: Any, others: Any
) -> Any:
    """What the worker runs, given the workshop's needs, to get the matcher over the other
    workshops of the file: the one of the last run when it still fits; else one built from
    `others` when given (read on the UI thread, through the window's connection: the file at
    its name is no longer the window's, or is of an older format); else read here through a
    read-only connection of its own to the window's file (`Store.reader`: the file was
    checked whole when it opened, not again at each rebuild; and not opened again by its
    name, where a sync client may have put another copy whose people are not this file's)."""

    def build(needs: list[Any]) -> Any:
        from atelier.errors import AtelierError
        from atelier.matching.across import AcrossMatcher, other_workshops

        if reuse is not None and reuse.glossary == glossary and reuse.vectors is vectors:
            return reuse
        found = reuse.others if reuse is not None else others
        if found is None:
            try:
                with store.reader() as reader, reader.reading():  # the other workshops at one moment
                    found = other_workshops(reader, workshop_id, needs, glossary)
            except AtelierError:
                return None
        return AcrossMatcher(found, glossary, vectors) if found.statements else None

    return build


class MatchingService(QObject):
    """Keeps suggestions in the file up to date with what is typed."""

    running = Signal(bool)
    updated = Signal()
    # The matching F9 asked for is saved in the file: said, since the list may look the same.
    asked_done = Signal()
    # The meaning model (word vectors): "loading", then "ready" or "failed". Never sent
    # when it is not installed or turned off: matching is lexical, and says nothing.
    meaning = Signal(str)

    TOP = 5

    def __init__(self, model: GridModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.engine: Any = None
        self._busy = False
        self._again = False
        self._closed = False
        self._asked = False  # F9 pressed: said once its full matching is saved (`asked_done`)
        # A grid being written into the file by another connection (off the UI thread): the
        # suggestions wait, rather than the window waiting for the file to be free to save them.
        self.held = False
        self.vectors: Any = None
        self._meaning_asked = False
        self._meaning_loading = False
        self._full_soon = QTimer(self)
        self._full_soon.setSingleShot(True)
        self._full_soon.setInterval(1500)
        self._full_soon.timeout.connect(self.run_all)
        model.cell_changed.connect(self._cell_changed)
        # Matching across the workshops of the file (on by default; the window's setting).
        self.across = True
        self.matcher: Any = None  # AcrossMatcher of the last run, for this workshop
        self._matcher_for: str | None = None
        model.workshop_switched.connect(self._workshop_switched)
        model.content_replaced.connect(self.forget_other_workshops)
        model.people_changed.connect(self._people_changed)

    def _people_changed(self) -> None:
        """Someone joined, left or was renamed: everyone's suggestions may move, and so does
        who is in the room, whose words of other workshops are left out (across.py). Matched
        again soon, as after an offer is typed, across workshops too: deleting Grégory here
        brings his offers of an earlier workshop back without F9."""
        if self._closed:
            return
        self.forget_other_workshops()
        self._full_soon.start()

    def forget_other_workshops(self) -> None:
        """The other workshops changed (a merge, a restore, a workshop added or removed)."""
        self.matcher = None
        self._matcher_for = None

    def _workshop_switched(self, _workshop_id: str) -> None:
        self.forget_other_workshops()
        self.engine = None
        self.run_all()

    def _statements(self) -> list[Any] | Any:
        """The workshop's statements; or, for a file on the disk at today's format, the function
        that reads them in the worker through a reading connection of its own."""
        from atelier.matching import statements

        store, workshop_id = self.model.store, self.model.workshop_id
        if not store.reads_again():
            return statements(store, workshop_id)  # what the window's connection sees

        def read() -> list[Any]:
            with store.reader() as reader, reader.reading():  # participants and items at one moment
                return statements(reader, workshop_id)

        return read

    def shutdown(self) -> None:
        """The file is closing: a result still on its way is dropped, not written."""
        self._closed = True
        self._full_soon.stop()

    def load_meaning(self) -> None:
        """Load the word vectors in a worker (milliseconds: the shipped table is memory-mapped,
        but numpy is imported there, not in the window's thread)."""
        from atelier.matching import semantic

        if self._meaning_asked or not semantic.enabled():
            return
        self._meaning_asked = True
        already = semantic.loaded()
        if already is not None:
            self.vectors = already
            self.meaning.emit("ready")
            return
        self._meaning_loading = True
        self.meaning.emit("loading")
        QueryOp(lambda _report: semantic.shared_vectors(), self._meaning_loaded).failure(
            self._meaning_failed
        ).run_in_background()

    def _meaning_loaded(self, vectors: Any) -> None:
        self._meaning_loading = False
        if self._closed:
            return
        if vectors is None:
            self.meaning.emit("failed")
        else:
            self.vectors = vectors
            self.meaning.emit("ready")
        self.run_all()

    def _meaning_failed(self, error: BaseException) -> None:
        self._meaning_loading = False
        if not self._closed:
            self.meaning.emit("failed")
            self.run_all()

    def run_all(self, asked: bool = False) -> None:
        """Match every need, in the background; the window stays responsive. The first run
        waits for the word vectors (they load in milliseconds) rather than show suggestions
        made on words alone first. `asked`: by F9, said once saved (`asked_done`)."""
        if self._closed:
            return
        self._asked = self._asked or asked
        self.load_meaning()
        if self._meaning_loading:
            return  # run_all comes again once they are loaded (or failed)
        if self._busy:
            self._again = True
            return
        store = self.model.store
        statements = self._statements()
        decided = store.decided_pairs(self.model.workshop_id)
        from atelier.matching import workshop_glossary

        glossary = workshop_glossary(store, self.model.workshop_id)
        self._busy = True
        self.running.emit(True)
        vectors = self.vectors
        across = None
        if self.across and len(store.workshops()) > 1:
            reuse = self.matcher if self._matcher_for == self.model.workshop_id else None
            others = None
            if reuse is None and not callable(statements):  # read through the window's connection
                from atelier.matching.across import other_workshops

                needs = [s for s in statements if s.kind == ItemKind.NEED]
                others = other_workshops(store, self.model.workshop_id, needs, glossary)
            across = _across_builder(store, self.model.workshop_id, glossary, vectors, reuse, others)
        self._running_for = self.model.workshop_id
        QueryOp(
            lambda _report: _compute(statements, decided, self.TOP, glossary, vectors, across), self._done
        ).failure(self._failed).run_in_background()

    def hold(self) -> None:
        """A grid is being written into the file off the UI thread: no suggestion is saved
        meanwhile (the window would wait for the file, then fail to write them)."""
        self.held = True
        self._full_soon.stop()

    def release(self) -> None:
        """The write is over: what was held back is matched again and saved."""
        self.held = False
        if self._again and not self._busy:
            self._again = False
            self.run_all()

    def _done(self, result: Any) -> None:
        self._busy = False
        if self._closed:
            return
        self.running.emit(False)
        if self.held:
            self._again = True  # matched again once the file is free: it may have changed
            return
        engine, suggestions, matcher = result
        if getattr(self, "_running_for", None) != self.model.workshop_id:
            self.run_all()  # the grid moved to another workshop meanwhile: this result is not its
            return
        self.engine = engine
        self.matcher = matcher
        self._matcher_for = self.model.workshop_id if matcher is not None else None
        if self._save(suggestions) and self._asked and not self._again:
            self._asked = False
            self.asked_done.emit()
        if self._again:
            self._again = False
            self.run_all()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._asked = False  # the failure is said instead
        if self._closed:
            return
        self.running.emit(False)
        self.model.failed.emit(tr("Le rapprochement a échoué : {error}").format(error=error))

    def _save(self, suggestions: dict[str, Any]) -> bool:
        """The suggestions written into the file; False if they were not (read-only, refused)."""
        from atelier.matching import save_suggestions, suggestions_unchanged

        if self.model.store.readonly:
            self.updated.emit()
            return False
        try:
            # An older file whose migrations wait for the first edit (store.migration_pending)
            # is not written for suggestions it holds already: left as it was, at its format,
            # until something is edited (as `atelier match --save` leaves it).
            store = self.model.store
            if store.migration_pending is None or not suggestions_unchanged(
                store, self.model.workshop_id, suggestions
            ):
                save_suggestions(store, self.model.workshop_id, suggestions)
        except AtelierError as exc:
            self.model.failed.emit(exc.user_message())
            self._asked = False  # the refusal is said instead
            return False
        self.model.matches_changed.emit()
        self.updated.emit()
        return True

    def _cell_changed(self, participant_id: str, kind: str) -> None:
        if self._closed:
            return
        if kind != ItemKind.NEED or self.engine is None:
            self._full_soon.start()  # an offer or action changed: everyone's needs may move
            return
        self.rematch_needs(participant_id)

    def rematch_needs(self, participant_id: str) -> None:
        """An edited need is matched again at once, on its own (a millisecond or so)."""
        from atelier.matching import participant_statements

        needs = participant_statements(self.model.store, participant_id, ItemKind.NEED)
        decided = self.model.store.decided_pairs(self.model.workshop_id)
        if self.matcher is not None and self._matcher_for == self.model.workshop_id:
            self._save(self.matcher.suggest(needs, top=self.TOP, excluded=decided))
            return
        self.engine.update(needs)
        self._save(self.engine.suggest([n.id for n in needs], top=self.TOP, excluded=decided))
