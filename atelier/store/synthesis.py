"""The minutes' synthesis: a workshop's sections (heading and text) in their order, as the
Store's `SynthesisPart`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from atelier.domain import (
    SynthesisSection,
    Workshop,
    now_iso,
)
from atelier.errors import NotFound
from atelier.store.base import StoreBase
from atelier.store.rows import from_row, to_row


class SynthesisPart(StoreBase):
    """The sections of the minutes, each change one transaction."""

    if TYPE_CHECKING:  # what this part needs of the others

        def workshop(self, workshop_id: str) -> Workshop: ...

    def synthesis_sections(self, workshop_id: str) -> list[SynthesisSection]:
        rows = self._all(
            "SELECT * FROM synthesis_sections WHERE workshop_id = ? ORDER BY position",
            (workshop_id,),
        )
        return [from_row(SynthesisSection, r) for r in rows]

    def add_synthesis_section(
        self, section: SynthesisSection, *, position: int | None = None
    ) -> SynthesisSection:
        self.workshop(section.workshop_id)
        with self._write() as db:
            count = self.conn.execute(
                "SELECT count(*) FROM synthesis_sections WHERE workshop_id = ?",
                (section.workshop_id,),
            ).fetchone()[0]
            section.position = count if position is None else max(0, min(position, count))
            self.conn.execute(
                "UPDATE synthesis_sections SET position = position + 1 "
                "WHERE workshop_id = ? AND position >= ?",
                (section.workshop_id, section.position),
            )
            db.table("synthesis_sections").insert(to_row(section))
        return section

    def update_synthesis_section(
        self, section_id: str, *, heading: str | None = None, body: str | None = None
    ) -> SynthesisSection:
        row = self._one("SELECT * FROM synthesis_sections WHERE id = ?", (section_id,))
        if row is None:
            raise NotFound(id=section_id)
        section = from_row(SynthesisSection, row)
        changes: dict[str, Any] = {}
        if heading is not None:
            section.heading = changes["heading"] = heading
        if body is not None:
            section.body = changes["body"] = body
        section.updated = changes["updated"] = now_iso()
        changes["edited"] = self._stamps("synthesis_sections", section_id, changes)
        with self._write() as db:
            db.table("synthesis_sections").update(section_id, changes)
        return section

    def move_synthesis_section(self, section_id: str, position: int) -> SynthesisSection:
        row = self._one("SELECT * FROM synthesis_sections WHERE id = ?", (section_id,))
        if row is None:
            raise NotFound(id=section_id)
        with self._write():
            self._reposition(
                "synthesis_sections", "workshop_id = ?", (row["workshop_id"],), section_id, position
            )
        moved = self._one("SELECT * FROM synthesis_sections WHERE id = ?", (section_id,))
        assert moved is not None
        return from_row(SynthesisSection, moved)

    def delete_synthesis_section(self, section_id: str) -> SynthesisSection:
        row = self._one("SELECT * FROM synthesis_sections WHERE id = ?", (section_id,))
        if row is None:
            raise NotFound(id=section_id)
        section = from_row(SynthesisSection, row)
        with self._write():
            self.conn.execute("DELETE FROM synthesis_sections WHERE id = ?", (section_id,))
            self.conn.execute(
                "UPDATE synthesis_sections SET position = position - 1 "
                "WHERE workshop_id = ? AND position > ?",
                (section.workshop_id, section.position),
            )
        return section
