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
from atelier.store.graves import bury
from atelier.store.rows import from_row, json_dict, to_row


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

    def synthesis_untouched(self, workshop_id: str) -> bool:
        """Whether the workshop's sections are Atelier's draft as it was saved (the editor
        saves it when it first opens): there are some, and none was ever edited by hand."""
        rows = self._all("SELECT edited FROM synthesis_sections WHERE workshop_id = ?", (workshop_id,))
        return bool(rows) and all(not json_dict(r["edited"]) for r in rows)

    def redraft_untouched(self, workshop_id: str, drafts: list[tuple[str, str]]) -> bool:
        """Atelier's draft, saved and never edited, drafted again from the grid as it is now
        (`drafts`: heading, body): the bodies replaced when the headings are the same ones
        in the same order (no section added, removed or moved by hand). Not an edit: the
        sections stay untouched. Whether anything changed."""
        with self._write():
            if not self.synthesis_untouched(workshop_id):
                return False
            sections = self.synthesis_sections(workshop_id)
            if [s.heading for s in sections] != [h for h, _ in drafts]:
                return False
            changed = False
            for section, (_heading, body) in zip(sections, drafts, strict=True):
                if section.body != body:
                    self.conn.execute(
                        "UPDATE synthesis_sections SET body = ?, updated = ? WHERE id = ?",
                        (body, now_iso(), section.id),
                    )
                    changed = True
            return changed

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
            bury(self.conn, "synthesis_sections", [section_id])
            self.conn.execute(
                "UPDATE synthesis_sections SET position = position - 1 "
                "WHERE workshop_id = ? AND position > ?",
                (section.workshop_id, section.position),
            )
        return section
