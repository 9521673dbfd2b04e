"""The grid: a workshop's participants and their items (cells), as the Store's `GridPart`.
Every change is one transaction; deletions and cell edits return what undo needs."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from atelier.domain import (
    Item,
    ItemKind,
    Match,
    Participant,
    RetypedDecision,
    Workshop,
    now_iso,
)
from atelier.errors import NotFound
from atelier.store.base import StoreBase
from atelier.store.graves import bury
from atelier.store.rows import from_row, to_row
from atelier.store.workshops import restore_merge_history, validate_workshop

if TYPE_CHECKING:
    from atelier.store.matches import Explain


@dataclass(slots=True)
class CellSnapshot:
    """One grid cell (a participant's items of one kind) as it was before an edit."""

    participant_id: str
    kind: ItemKind
    items: list[Item]
    matches: list[Match] = field(default_factory=list)
    # The merge history as it was before the edit took lines (and what it said of them) out.
    history: list[tuple[str, str]] = field(default_factory=list)
    # The matches on lines the edit retyped, as they were: the decided ones it explained anew
    # and marked, the suggestions it took out (MatchesPart._mark_retyped).
    retyped: list[Match] = field(default_factory=list)
    # What to tell of each of them: who with whom, the text before and now.
    retyped_told: list[RetypedDecision] = field(default_factory=list)


@dataclass(slots=True)
class ParticipantSnapshot:
    """A participant with everything that hangs on it, as it was before a deletion."""

    participant: Participant
    items: list[Item] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    # The merge history as it was before the deletion took what it said of them out.
    history: list[tuple[str, str]] = field(default_factory=list)


class GridPart(StoreBase):
    """Participants and items: read, added, edited, moved, deleted and put back."""

    if TYPE_CHECKING:  # what this part needs of the others

        def workshop(self, workshop_id: str) -> Workshop: ...

        def _insert_workshop(self, workshop: Workshop) -> None: ...

        def _all_matches_for(self, sql: str, params: Sequence[Any]) -> list[Match]: ...

        def _insert_match_row(self, match: Match, *, replace: bool = False) -> None: ...

        def _matches_of_items(self, item_ids: Sequence[str]) -> list[Match]: ...

        def _mark_retyped(
            self, before: Mapping[str, str], explain: Explain | None, now: str
        ) -> tuple[list[Match], list[RetypedDecision]]: ...

    def participants(self, workshop_id: str) -> list[Participant]:
        rows = self._all("SELECT * FROM participants WHERE workshop_id = ? ORDER BY position", (workshop_id,))
        return [from_row(Participant, r) for r in rows]

    def participant(self, participant_id: str) -> Participant:
        row = self._one("SELECT * FROM participants WHERE id = ?", (participant_id,))
        if row is None:
            raise NotFound(id=participant_id)
        return from_row(Participant, row)

    def add_participant(self, participant: Participant, *, position: int | None = None) -> Participant:
        """Insert a participant at `position` (default: last), shifting those after it."""
        self.workshop(participant.workshop_id)
        with self._write():
            self._insert_participant(participant, position)
        return participant

    def _insert_participant(self, participant: Participant, position: int | None) -> None:
        count = self.conn.execute(
            "SELECT count(*) FROM participants WHERE workshop_id = ?", (participant.workshop_id,)
        ).fetchone()[0]
        position = count if position is None else max(0, min(position, count))
        self.conn.execute(
            "UPDATE participants SET position = position + 1 WHERE workshop_id = ? AND position >= ?",
            (participant.workshop_id, position),
        )
        participant.position = position
        self._db_().table("participants").insert(to_row(participant))

    def update_participant(self, participant_id: str, **changes: Any) -> Participant:
        allowed = {
            "names",
            "organisation",
            "territory",
            "role",
            "contact",
            "source_text",
            "source_cells",
            "unlisted",
        }
        current = self.participant(participant_id)
        self._update_row("participants", current, changes, allowed)
        return current

    def set_unlisted(self, values: dict[str, bool]) -> dict[str, bool]:
        """Participants marked (True) or not as « not to be published in the directory », each
        as given, in one transaction: a person's rows in several workshops change together.
        Returns what each had before."""
        before = {participant_id: self.participant(participant_id).unlisted for participant_id in values}
        with self._write():
            for participant_id, unlisted in values.items():
                if before[participant_id] != unlisted:
                    self.update_participant(participant_id, unlisted=unlisted)
        return before

    def move_participant(self, participant_id: str, position: int) -> Participant:
        current = self.participant(participant_id)
        with self._write():
            self._reposition(
                "participants", "workshop_id = ?", (current.workshop_id,), participant_id, position
            )
        return self.participant(participant_id)

    def _snapshot(self, participant_id: str) -> ParticipantSnapshot:
        """What undoing a participant's deletion needs: the row, its items, their matches."""
        return ParticipantSnapshot(
            self.participant(participant_id),
            self.items(participant_id),
            self._all_matches_for(
                "SELECT m.* FROM matches m JOIN items i ON i.id IN (m.need_id, m.resource_id) "
                "WHERE i.participant_id = ?",
                (participant_id,),
            ),
        )

    def delete_participant(self, participant_id: str) -> ParticipantSnapshot:
        """Remove a participant and its items; the snapshot lets undo put it all back."""
        snapshot = self._snapshot(participant_id)
        with self._write():
            self.conn.execute("DELETE FROM participants WHERE id = ?", (participant_id,))
            snapshot.history = bury(self.conn, "participants", [participant_id])
            _bury_row(self.conn, snapshot.participant)
            self.conn.execute(
                "UPDATE participants SET position = position - 1 WHERE workshop_id = ? AND position > ?",
                (snapshot.participant.workshop_id, snapshot.participant.position),
            )
            _mark_named(self.conn, [snapshot.participant])
            self._people_buried()
        self._people_deleted()
        return snapshot

    def restore_participant(self, snapshot: ParticipantSnapshot) -> Participant:
        """Undo a deletion: the same ids, the same place, the same items and matches."""
        with self._write():
            self._put_back(snapshot)
        return snapshot.participant

    def _put_back(self, snapshot: ParticipantSnapshot) -> None:
        self._insert_participant(snapshot.participant, snapshot.participant.position)
        for item in snapshot.items:
            self._insert_item_row(item)
        for match in snapshot.matches:
            self._insert_match_row(match, replace=True)
        restore_merge_history(self.conn, snapshot.history)

    def change_rows(
        self, delete: Sequence[str] = (), put: Sequence[ParticipantSnapshot] = ()
    ) -> list[ParticipantSnapshot]:
        """Participants deleted (last of `delete` first), then others put in at their
        snapshot's position with their items (in order), in one transaction: rows pasted into
        the grid, their undo and their redo. Returns the snapshots of those deleted, in the
        order `put` takes them back."""
        taken: list[ParticipantSnapshot] = []
        with self._write():
            for participant_id in reversed(delete):
                snapshot = self._snapshot(participant_id)
                self.conn.execute("DELETE FROM participants WHERE id = ?", (participant_id,))
                snapshot.history = bury(self.conn, "participants", [participant_id])
                _bury_row(self.conn, snapshot.participant)
                self.conn.execute(
                    "UPDATE participants SET position = position - 1 WHERE workshop_id = ? AND position > ?",
                    (snapshot.participant.workshop_id, snapshot.participant.position),
                )
                taken.insert(0, snapshot)
            for snapshot in put:
                self._put_back(snapshot)
            if taken:
                _mark_named(self.conn, [t.participant for t in taken])
                self._people_buried()
        if taken:
            self._people_deleted()
        return taken

    def items(self, participant_id: str, kind: ItemKind | None = None) -> list[Item]:
        if kind is None:
            rows = self._all(
                "SELECT * FROM items WHERE participant_id = ? ORDER BY kind, position",
                (participant_id,),
            )
        else:
            rows = self._all(
                "SELECT * FROM items WHERE participant_id = ? AND kind = ? ORDER BY position",
                (participant_id, str(kind)),
            )
        return [from_row(Item, r) for r in rows]

    def workshop_items(self, workshop_id: str, kind: ItemKind | None = None) -> list[Item]:
        """Every item of a workshop in grid order (participant, then position)."""
        sql = "SELECT i.* FROM items i JOIN participants p ON p.id = i.participant_id WHERE p.workshop_id = ?"
        params: list[Any] = [workshop_id]
        if kind is not None:
            sql += " AND i.kind = ?"
            params.append(str(kind))
        sql += " ORDER BY p.position, i.kind, i.position"
        return [from_row(Item, r) for r in self._all(sql, params)]

    def item(self, item_id: str) -> Item:
        row = self._one("SELECT * FROM items WHERE id = ?", (item_id,))
        if row is None:
            raise NotFound(id=item_id)
        return from_row(Item, row)

    def add_item(self, item: Item, *, position: int | None = None) -> Item:
        """Insert an item into its cell at `position` (default: last)."""
        self.participant(item.participant_id)
        item.kind = ItemKind(item.kind)
        with self._write():
            count = self.conn.execute(
                "SELECT count(*) FROM items WHERE participant_id = ? AND kind = ?",
                (item.participant_id, str(item.kind)),
            ).fetchone()[0]
            item.position = count if position is None else max(0, min(position, count))
            self._insert_item_row(item, shift=True)
        return item

    def _insert_item_row(self, item: Item, *, shift: bool = True, replace: bool = False) -> None:
        if shift:
            self.conn.execute(
                "UPDATE items SET position = position + 1 "
                "WHERE participant_id = ? AND kind = ? AND position >= ?",
                (item.participant_id, str(item.kind), item.position),
            )
        row = to_row(item)
        if not replace:
            self._db_().table("items").insert(row)
            return
        # Put an item back as it was, in place: an upsert, never INSERT OR REPLACE, which
        # deletes the row first and so, by ON DELETE CASCADE, the matches that hang on it
        # (a confirmed match lost when undoing an edit of its need).
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != "id")
        self.conn.execute(
            f"INSERT INTO items ({columns}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
            tuple(row.values()),
        )

    def set_cell(
        self,
        participant_id: str,
        kind: ItemKind,
        texts: Sequence[str],
        ids: Sequence[str] | None = None,
        explain: Explain | None = None,
    ) -> tuple[CellSnapshot, list[str]]:
        """Make one grid cell hold exactly `texts`, in one transaction.

        Unchanged and edited lines keep their item (and so their matches); new lines
        become new items (with the given `ids` when redoing an edit), removed lines are
        deleted. A confirmed or hand-made match on a line retyped stays, explained anew for
        the new text (`explain`) and marked retyped. Returns what the cell was, for undo,
        and the ids of the new lines.
        """
        kind = ItemKind(kind)
        self.participant(participant_id)
        before = self.items(participant_id, kind)
        texts = [t for t in (t.strip() for t in texts) if t]
        if ids is None or len(ids) != len(texts):
            ids = align_ids([i.text for i in before], [i.id for i in before], texts)
        kept = set(ids)
        removed = [i for i in before if i.id not in kept]
        snapshot = CellSnapshot(
            participant_id,
            kind,
            before,
            self._matches_of_items([i.id for i in removed]),
        )
        now = now_iso()
        by_id = {i.id: i for i in before}
        with self._write():
            for item in removed:
                self.conn.execute("DELETE FROM items WHERE id = ?", (item.id,))
            snapshot.history = bury(self.conn, "items", [i.id for i in removed]) if removed else []
            for position, (item_id, text) in enumerate(zip(ids, texts, strict=True)):
                old = by_id.get(item_id)
                if old is None:
                    self._insert_item_row(Item(participant_id, kind, text, position, id=item_id), shift=False)
                elif old.text != text or old.position != position:
                    self.conn.execute(
                        "UPDATE items SET text = ?, position = ?, "
                        "updated = CASE WHEN text != ? THEN ? ELSE updated END WHERE id = ?",
                        (text, position, text, now, item_id),
                    )
            retyped = {
                i: by_id[i].text for i, t in zip(ids, texts, strict=True) if i in by_id and by_id[i].text != t
            }
            if retyped:
                snapshot.retyped, snapshot.retyped_told = self._mark_retyped(retyped, explain, now)
        return snapshot, list(ids)

    def restore_cell(self, snapshot: CellSnapshot) -> None:
        """Undo `set_cell`: the cell's items exactly as they were, with their matches."""
        before_ids = {i.id for i in snapshot.items}
        with self._write():
            for (item_id,) in self.conn.execute(
                "SELECT id FROM items WHERE participant_id = ? AND kind = ?",
                (snapshot.participant_id, str(snapshot.kind)),
            ).fetchall():
                if item_id not in before_ids:
                    self.conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
                    bury(self.conn, "items", [item_id])
            for item in snapshot.items:
                self._insert_item_row(item, shift=False, replace=True)
            for match in [*snapshot.matches, *snapshot.retyped]:
                self._insert_match_row(match, replace=True)
            restore_merge_history(self.conn, snapshot.history)

    def add_grid(
        self,
        rows: Sequence[tuple[Participant, Sequence[Item]]],
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Many grid rows in one transaction (an import): all of them or none. `progress(done,
        total)` is told after each row; an exception it raises rolls everything back."""
        with self._write():
            for done, (participant, items) in enumerate(rows, 1):
                self._insert_participant(participant, None)
                self._insert_items_in_order(participant.id, items)
                if progress is not None:
                    progress(done, len(rows))
        return len(rows)

    def add_workshop_with_grid(
        self,
        workshop: Workshop,
        rows: Sequence[tuple[Participant, Sequence[Item]]],
        progress: Callable[[int, int], None] | None = None,
    ) -> Workshop:
        """A new workshop in this file with an imported grid, in one transaction: all or nothing.
        `progress(done, total)` is told after each row; an exception it raises rolls it all back."""
        validate_workshop(workshop)
        with self._write():
            self._insert_workshop(workshop)
            for done, (participant, items) in enumerate(rows, 1):
                participant.workshop_id = workshop.id
                self._insert_participant(participant, None)
                self._insert_items_in_order(participant.id, items)
                if progress is not None:
                    progress(done, len(rows))
        return workshop

    def add_workshops_with_grids(
        self,
        grids: Sequence[tuple[Workshop, Sequence[tuple[Participant, Sequence[Item]]]]],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Workshop]:
        """Several new workshops, each with its grid (a document holding several sessions), in
        one transaction: all of them or none. `progress(done, total)` counts every row."""
        total = sum(len(rows) for _w, rows in grids)
        done = 0

        def step(row: int, _rows: int) -> None:
            if progress is not None:
                progress(done + row, total)

        with self._write():
            for workshop, rows in grids:
                self.add_workshop_with_grid(workshop, rows, step)
                done += len(rows)
        return [workshop for workshop, _rows in grids]

    def _insert_items_in_order(self, participant_id: str, items: Sequence[Item]) -> None:
        counts: dict[str, int] = {}
        for item in items:
            item.kind = ItemKind(item.kind)
            item.participant_id = participant_id
            item.position = counts.get(item.kind, 0)
            counts[item.kind] = item.position + 1
            self._insert_item_row(item, shift=False)


def align_ids(
    old_texts: list[str], old_ids: list[str], new_texts: list[str], *, alike_only: bool = False
) -> list[str]:
    """Which existing item each new line is: equal lines keep their item, edited lines keep
    theirs too (replaced one for one, or, when lines were also added or removed around them,
    the old line each new one most resembles), extra lines get new ids. An item keeps what
    hangs on it (its confirmed matches and their follow-up) when its text is only corrected.
    With `alike_only` (a grid imported again, which nobody typed line by line), a line
    replaced one for one keeps its item only if it resembles it: « Hébergement d'urgence » in
    place of « Clauses sociales » is another need, not a correction of the one decided."""
    import difflib

    from atelier.domain import new_id

    ids: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_texts, b=new_texts, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or tag == "replace" and a1 - a0 == b1 - b0 and not alike_only:
            ids += old_ids[a0:a1]
        elif tag == "replace":
            ids += _pair_by_likeness(old_texts[a0:a1], old_ids[a0:a1], new_texts[b0:b1])
        elif tag == "insert":
            ids += [new_id() for _ in range(b1 - b0)]
    return ids


# How alike a corrected line and its old text must be (difflib's ratio, accents and case
# ignored) to be the same item: « Facilitatrice des clauses d'insertion » and « Facilitatrice
# des clauses sociales et d'insertion » are; « PACTE » and « Club d'entreprises » are not.
LIKENESS = 0.6


def _pair_by_likeness(old_texts: list[str], old_ids: list[str], new_texts: list[str]) -> list[str]:
    """Within a block of lines replaced by a different number of lines: each new line takes the
    id of the most alike old line (in order, each once) if alike enough, else a new id."""
    import difflib

    from atelier.domain import new_id
    from atelier.french import fold

    old = [fold(t) for t in old_texts]
    ids: list[str] = []
    start = 0
    for text in new_texts:
        folded = fold(text)
        best, best_ratio = -1, LIKENESS
        for index in range(start, len(old)):
            ratio = difflib.SequenceMatcher(a=old[index], b=folded, autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = index, ratio
        if best < 0:
            ids.append(new_id())
        else:
            ids.append(old_ids[best])
            start = best + 1
    return ids


def _bury_row(conn: sqlite3.Connection, participant: Participant) -> None:
    """A participant a grid gave, deleted: how a re-import of that grid would know her row is
    marked, so that she stays deleted (store/graves.py, `ROWS`). One added in the window, never
    in a grid, is not."""
    if not participant.imported:
        return
    from atelier.store.graves import bury_row
    from atelier.store.reimport import row_keys

    when = conn.execute("SELECT deleted FROM graves WHERE id = ?", (participant.id,)).fetchone()[0]
    bury_row(conn, participant.workshop_id, participant.id, row_keys(participant), str(when))


def _mark_named(conn: sqlite3.Connection, deleted: Sequence[Participant]) -> None:
    """Participants deleted (inside the transaction, the others of their workshop as they are
    now): each section of the synthesis edited or written by hand that names one of them is
    marked (store/graves.py, `NAMED`), for the export and the editor to say so. Named: by her
    names, or a row naming no one by its structure; never by a name another participant of the
    workshop still bears (a duplicate row deleted). An untouched section is Atelier's draft,
    drafted again without her."""
    from atelier.domain import SynthesisSection
    from atelier.store.graves import bury_names, name_key

    def rows(sql: str, workshop_id: str) -> list[sqlite3.Row]:
        cur = conn.execute(sql, (workshop_id,))
        cur.row_factory = sqlite3.Row
        return list(cur.fetchall())

    for workshop_id in {p.workshop_id for p in deleted}:
        sections = [
            from_row(SynthesisSection, r)
            for r in rows("SELECT * FROM synthesis_sections WHERE workshop_id = ?", workshop_id)
        ]
        edited = [(s.id, f"{s.heading}\n{s.body}") for s in sections if not s.untouched]
        if not edited:
            continue
        present = {
            name_key(n)
            for r in rows("SELECT * FROM participants WHERE workshop_id = ?", workshop_id)
            for p in [from_row(Participant, r)]
            for n in [*p.names, p.organisation]
        }
        for person in (p for p in deleted if p.workshop_id == workshop_id):
            names = [n for n in person.names if n.strip()] or [person.organisation]
            when = conn.execute("SELECT deleted FROM graves WHERE id = ?", (person.id,)).fetchone()[0]
            bury_names(conn, person.id, [n for n in names if name_key(n) not in present], edited, str(when))
