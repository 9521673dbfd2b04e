"""A workshop's own glossary (acronyms and families of words), as the Store's `GlossaryPart`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from atelier.domain import (
    GlossaryEntry,
    GlossaryKind,
    Workshop,
    now_iso,
)
from atelier.errors import InvalidValue, NotFound
from atelier.store.base import StoreBase
from atelier.store.graves import bury
from atelier.store.rows import dump, from_row, to_row


class GlossaryPart(StoreBase):
    """The workshop's acronyms and near-synonyms."""

    if TYPE_CHECKING:  # what this part needs of the others

        def workshop(self, workshop_id: str) -> Workshop: ...

    def glossary(self, workshop_id: str) -> list[GlossaryEntry]:
        rows = self._all(
            "SELECT * FROM glossary_entries WHERE workshop_id = ? ORDER BY kind, term COLLATE NOCASE",
            (workshop_id,),
        )
        return [from_row(GlossaryEntry, r) for r in rows]

    def put_glossary_entry(self, entry: GlossaryEntry) -> GlossaryEntry:
        """Add an entry, or replace the words of the workshop's entry of that kind and term."""
        checked_glossary_entry(entry)
        self.workshop(entry.workshop_id)
        existing = self._one(
            "SELECT * FROM glossary_entries WHERE workshop_id = ? AND kind = ? AND term = ?",
            (entry.workshop_id, str(entry.kind), entry.term),
        )
        entry.updated = now_iso()
        with self._write():
            if existing is not None:
                entry.id, entry.created = existing["id"], existing["created"]
                self.conn.execute(
                    "UPDATE glossary_entries SET words = ?, updated = ? WHERE id = ?",
                    (dump(entry.words), entry.updated, entry.id),
                )
            else:
                self._db_().table("glossary_entries").insert(to_row(entry))
        return entry

    def delete_glossary_entry(self, entry_id: str) -> GlossaryEntry:
        row = self._one("SELECT * FROM glossary_entries WHERE id = ?", (entry_id,))
        if row is None:
            raise NotFound(id=entry_id)
        with self._write():
            self.conn.execute("DELETE FROM glossary_entries WHERE id = ?", (entry_id,))
            bury(self.conn, "glossary_entries", [entry_id])
        return from_row(GlossaryEntry, row)


def checked_glossary_entry(entry: GlossaryEntry) -> GlossaryEntry:
    """The entry as it is stored (kind, term and words trimmed), or InvalidValue if empty."""
    entry.kind = GlossaryKind(entry.kind)
    entry.term = entry.term.strip()
    entry.words = [w.strip() for w in entry.words if w.strip()]
    if not entry.term or not entry.words:
        raise InvalidValue("glossary.empty")
    return entry
