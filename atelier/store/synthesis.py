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
from atelier.store.rows import dump_object, from_row, json_dict, to_row


class SynthesisPart(StoreBase):
    """The sections of the minutes, each change one transaction."""

    if TYPE_CHECKING:  # what this part needs of the others

        def workshop(self, workshop_id: str) -> Workshop: ...

    def synthesis_sections(self, workshop_id: str) -> list[SynthesisSection]:
        rows = self._all(
            "SELECT * FROM synthesis_sections WHERE workshop_id = ? ORDER BY position",
            (workshop_id,),
        )
        sections = [from_row(SynthesisSection, r) for r in rows]
        # A file of format 10 or before, read only (a Row's keys() names its columns).
        if rows and "drafted" not in rows[0].keys():  # noqa: SIM118
            from atelier.drafted import draft_heading_key

            edited = any(json_dict(r["edited"]) for r in rows if "edited" in r.keys())  # noqa: SIM118
            for section in sections:  # as format 11's migration says them (store/schema.py)
                key = draft_heading_key(section.heading)
                if key is not None:
                    section.drafted = (
                        {"key": key}
                        if edited
                        else {"key": key, "heading": section.heading, "text": section.body}
                    )
        return sections

    def names_gone(self, workshop_id: str) -> dict[str, list[str]]:
        """The sections edited or written by hand that still name a participant deleted since
        they were (store/graves.py, `NAMED`): section id -> her names as the section writes
        them. Read from the sections' own text: nothing else of her is kept."""
        from atelier.domain import Participant
        from atelier.store.graves import name_key, names_said

        present = {
            name_key(n)
            for r in self._all("SELECT * FROM participants WHERE workshop_id = ?", (workshop_id,))
            for p in [from_row(Participant, r)]
            for n in [*p.names, p.organisation]
        }
        sections = [
            (s.id, f"{s.heading}\n{s.body}") for s in self.synthesis_sections(workshop_id) if not s.untouched
        ]
        return names_said(self.conn, sections, present) if sections else {}

    def synthesis_untouched(self, workshop_id: str) -> bool:
        """Whether the workshop's sections are all Atelier's draft as it drafted them (the
        editor saves it when it first opens): there are some, and none was edited by hand."""
        sections = self.synthesis_sections(workshop_id)
        return bool(sections) and all(s.untouched for s in sections)

    def redraft_untouched(self, workshop_id: str, drafts: list[tuple[str, str]]) -> bool:
        """Each section that is Atelier's draft never edited, drafted again from the grid as it
        is now (`drafts`: heading, body, as atelier.synthesis drafts them): its heading, text
        and figures those of the draft's section of the same name. Not an edit: the sections
        stay untouched; a section the facilitator edited or wrote is left as it is. Whether
        anything changed."""
        from atelier.drafted import draft_heading_key, drafted_record

        by_key = {draft_heading_key(h): (h, b) for h, b in drafts}
        changed = False
        with self._write():
            for section in self.synthesis_sections(workshop_id):
                key = section.draft_key
                if key is None or not section.untouched or key not in by_key:
                    continue
                heading, body = by_key[key]
                drafted = drafted_record(key, heading, body)
                if (section.heading, section.body, section.drafted) != (heading, body, drafted):
                    self.conn.execute(
                        "UPDATE synthesis_sections SET heading = ?, body = ?, drafted = ?, updated = ? "
                        "WHERE id = ?",
                        (heading, body, dump_object(drafted), now_iso(), section.id),
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
        self,
        section_id: str,
        *,
        heading: str | None = None,
        body: str | None = None,
        drafted: dict[str, Any] | None = None,
    ) -> SynthesisSection:
        """A section's heading or text as the facilitator typed them; with `drafted`, what
        Atelier drafted of it too (a section drafted again from the grid when asked, its
        figures read again, or an undo of either)."""
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
        if drafted is not None:
            section.drafted = drafted
            changes["drafted"] = dump_object(drafted)
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
