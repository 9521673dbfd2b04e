"""Across the workshops of a file: the directory's search (over the full-text index of
store/directory.py) and the resources of the other workshops, as the Store's `DirectoryPart`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from atelier.domain import DirectoryHit, Item, ItemKind, Participant, Workshop, away_from
from atelier.store.base import StoreBase
from atelier.store.directory import (
    candidates,
    fields_found,
    named,
    says_signed,
    search_index,
    signed_acronyms,
    spelled_rows,
)
from atelier.store.rows import from_row, json_list


@lru_cache(maxsize=65536)
def _names(text: str) -> tuple[str, ...]:
    """A row's names as stored (JSON), read once per spelling met: `names_elsewhere` reads a
    whole file's."""
    return tuple(json_list(text))


class DirectoryPart(StoreBase):
    """Across the workshops of the file: the directory's search, resources elsewhere."""

    if TYPE_CHECKING:  # what this part needs of the others

        def workshops(self) -> list[Workshop]: ...

    def resources_elsewhere(
        self, workshop_id: str, kinds: Sequence[ItemKind], *, only: set[str] | None = None
    ) -> list[tuple[Item, list[str], str, str]]:
        """Items of these kinds of every other workshop of the file (or only those ids), each
        with its participant's names, workshop id and organisation, in one query: (item, names,
        workshop id, organisation). Not those of a participant who asked not to be published
        in the directory: what they said is for their own workshop's room. Nor those of a
        participant whose cell says they were not at their workshop (« Mme Sabine Roux
        (excusée) », `Participant.away`): matched with no one there, they are suggested to no
        one elsewhere as having offered it there either (the directory still finds what they
        wrote, saying they were excused)."""
        marks = ", ".join("?" for _ in kinds)
        sql = (
            "SELECT i.*, p.names AS participant_names, p.workshop_id AS participant_workshop, "
            "p.organisation AS participant_organisation, p.source_text AS participant_cell "
            "FROM items i JOIN participants p ON p.id = i.participant_id "
            f"WHERE p.workshop_id != ? AND NOT p.unlisted AND i.kind IN ({marks})"
        )
        params: list[Any] = [workshop_id, *(str(k) for k in kinds)]
        if only is None:
            rows = self._all(sql, params)
        else:
            rows, wanted = [], sorted(only)
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows += self._all(sql + f" AND i.id IN ({', '.join('?' for _ in chunk)})", [*params, *chunk])
        found = []
        for r in rows:
            names = json_list(r["participant_names"])
            if away_from(r["participant_cell"] or "", names):
                continue
            found.append(
                (from_row(Item, r), names, r["participant_workshop"], r["participant_organisation"] or "")
            )
        return found

    def names_elsewhere(self, workshop_id: str) -> list[tuple[str, tuple[str, ...], str]]:
        """Every participant of the file's other workshops as (id, names, organisation), in one
        query, in the order of `workshops` then of each grid: whom to compare with someone of
        this workshop without reading every workshop's rows whole."""
        rows = self.conn.execute(
            "SELECT p.id, p.names, p.organisation FROM participants p "
            "JOIN workshops w ON w.id = p.workshop_id WHERE p.workshop_id != ? "
            "ORDER BY w.date IS NULL, w.date, w.created, p.position",
            (workshop_id,),
        ).fetchall()
        return [(row[0], _names(row[1]), row[2] or "") for row in rows]

    def count_resources_elsewhere(self, workshop_id: str, kinds: Sequence[ItemKind]) -> int:
        marks = ", ".join("?" for _ in kinds)
        return int(
            self.conn.execute(
                "SELECT count(*) FROM items i JOIN participants p ON p.id = i.participant_id "
                f"WHERE p.workshop_id != ? AND NOT p.unlisted AND i.kind IN ({marks})",
                (workshop_id, *(str(k) for k in kinds)),
            ).fetchone()[0]
        )

    def directory_candidates(
        self, needs: list[list[tuple[str, bool]]], kinds: Sequence[ItemKind], *, per_query: int
    ) -> set[str]:
        """Item ids the full-text index ranks best for each need's words (see store/directory.py)."""
        return candidates(self.conn, needs, tuple(str(k) for k in kinds), per_query=per_query)

    def participants_named(self, text: str) -> set[str]:
        """Ids of the participants whose names or structure hold what was typed, as the
        directory's search finds them (acronyms or spelled out): the follow-up's filter of
        people, in the window and the command line."""
        return named(self.conn, text)

    def search(self, text: str, *, limit: int = 50) -> tuple[list[DirectoryHit], int]:
        """People, structures, territories and items of every workshop of the file matching
        what was typed (accents and case ignored, words as prefixes), best first, and how
        many matched in all. Uses the file's full-text index."""

        found, total = search_index(self.conn, text, limit=limit)
        items: dict[str, Item] = {}
        for hit in found:
            if hit.kind != "participant":
                row = self._one("SELECT * FROM items WHERE id = ?", (hit.ref,))
                if row is not None:
                    items[hit.ref] = from_row(Item, row)
        people: dict[str, Participant] = {}
        for pid in {h.ref for h in found if h.kind == "participant"} | {
            i.participant_id for i in items.values()
        }:
            row = self._one("SELECT * FROM participants WHERE id = ?", (pid,))
            if row is not None:
                people[pid] = from_row(Participant, row)
        workshops = {w.id: w for w in self.workshops()}
        # Where each participant was found, as the index found it (an acronym spelled out).
        where = fields_found(self.conn, text, {h.ref for h in found if h.kind == "participant"})
        hits = []
        for hit in found:
            if hit.kind == "participant":
                participant = people.get(hit.ref)
                if participant is None:
                    continue
                fields = where.get(hit.ref, [])
                hits.append(
                    DirectoryHit(
                        hit.kind,
                        hit.ref,
                        participant.display_name(),
                        participant,
                        workshops[participant.workshop_id],
                        fields,
                    )
                )
            else:
                item = items.get(hit.ref)
                if item is None or item.participant_id not in people:
                    continue
                participant = people[item.participant_id]
                hits.append(
                    DirectoryHit(
                        hit.kind,
                        hit.ref,
                        item.text,
                        participant,
                        workshops[participant.workshop_id],
                        ["text"],
                    )
                )
        signed = signed_acronyms(text)
        if signed:
            # « N-A » typed: not the « n'a » of a sentence (the index reads both as « n a »).
            kept = [h for h in hits if all(any(says_signed(v, p) for v in _said(h)) for p in signed)]
            total -= len(hits) - len(kept)
            hits = kept
        # As good a match: the latest workshop first (the same text said again in 2023 and 2021).
        rank = {h.ref: round(h.rank, 6) for h in found}
        hits.sort(key=lambda h: (rank[h.ref], _negated(h.workshop.date or "")))
        # Then, when a place was typed, what writes it another way and what lies in it, each
        # saying why (`_place_hits`): after what holds the words typed.
        more, counted = self._place_hits(text, {h.ref for h in found}, workshops, max(limit - len(hits), 0))
        return hits + more, total + counted

    def _place_hits(
        self, text: str, seen: set[str], workshops: dict[str, Workshop], room: int
    ) -> tuple[list[DirectoryHit], int]:
        """Hits for a place typed (atelier/territories.py), each with why it was found: the rows
        that write the region another way (« Nouvelle-Aquitaine » typed: « Région N-A »,
        « «\xa0N-A\xa0»\xa0: Nouvelle-Aquitaine »), then, for a region or a département typed
        alone, the participants whose territory or structure the app knows to be there (« Landes »:
        « Grand Dax — dans les Landes (40) »), the latest workshop first. Not those found already
        (`seen`), nor those not to be published in the directory. The first `room` of them, and
        how many in all."""
        from atelier import territories
        from atelier.i18n import current_language, message

        lang = current_language()
        hits: list[DirectoryHit] = []
        people: dict[str, Participant] = {}

        def participant(pid: str) -> Participant | None:
            if pid not in people:
                row = self._one("SELECT * FROM participants WHERE id = ? AND NOT unlisted", (pid,))
                if row is None:
                    return None
                people[pid] = from_row(Participant, row)
            return people[pid]

        spelled = territories.region_spelled(text)
        if spelled is not None:
            rest, typed, region = spelled
            for spelling in territories.spellings(region):
                short = spelling if territories.key(spelling) != territories.key(region.name) else typed
                why = message("search.spelled", written=short, name=region.name)
                for kind, ref in spelled_rows(self.conn, rest, spelling):
                    if ref in seen:
                        continue
                    if kind == "participant":
                        who = participant(ref)
                        if who is None:
                            continue
                        fields = [
                            name
                            for name, value in (
                                ("structure", who.organisation),
                                ("territory", who.territory),
                                ("role", who.role),
                            )
                            if territories.written_in(value, spelling)
                        ]
                        shown = who.display_name()
                    else:
                        row = self._one("SELECT * FROM items WHERE id = ?", (ref,))
                        item = from_row(Item, row) if row is not None else None
                        who = participant(item.participant_id) if item is not None else None
                        if item is None or who is None or not territories.written_in(item.text, spelling):
                            continue
                        fields, shown = ["text"], item.text
                    if fields:
                        seen.add(ref)
                        hits.append(
                            DirectoryHit(kind, ref, shown, who, workshops[who.workshop_id], fields, why)
                        )
        place = territories.typed_place(text)
        if place is None:
            return hits[:room], len(hits)
        # participant id -> (fields, why, order: the latest workshop first, then by name)
        there: dict[str, tuple[list[str], str, tuple[str, str]]] = {}
        query = "SELECT id, workshop_id, names, organisation, territory FROM participants WHERE NOT unlisted"
        for row in self._all(query):
            if row["id"] in seen:
                continue
            fields, why = [], ""
            for name, value in (
                ("structure", row["organisation"] or ""),
                ("territory", row["territory"] or ""),
            ):
                found = [d for d in territories.departements_of(value) if territories.inside(place, d)]
                if found:
                    fields.append(name)
                    where = territories.said_inside(place, found[0], lang)
                    why = why or message("search.inside", said=value, where=where)
            if fields:
                date = workshops[row["workshop_id"]].date or ""
                there[row["id"]] = (
                    fields,
                    why,
                    (_negated(date), f"{row['names']} {row['organisation']}".casefold()),
                )
        # Only the participants shown are read whole (a region typed in a decade's file: thousands).
        order = sorted(there, key=lambda pid: there[pid][2])
        wanted = order[: max(room - len(hits), 0)]
        inside: list[DirectoryHit] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self._all(f"SELECT * FROM participants WHERE id IN ({marks})", chunk):
                who = from_row(Participant, row)
                fields, why, _order = there[who.id]
                workshop = workshops[who.workshop_id]
                inside.append(
                    DirectoryHit("participant", who.id, who.display_name(), who, workshop, fields, why)
                )
        inside.sort(key=lambda h: there[h.ref][2])
        return (hits + inside)[:room], len(hits) + len(there)


def _said(hit: DirectoryHit) -> list[str]:
    """What a hit's row holds, as the index reads it."""
    if hit.kind != "participant":
        return [hit.text]
    who = hit.participant
    return [*who.names, who.organisation, who.territory, who.role]


def _negated(text: str) -> str:
    """A key that sorts ISO dates newest first (and no date last)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text) if text else "\U0010ffff"
