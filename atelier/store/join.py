"""Two workshops joined into one: the two halves of one room, each captured on its own laptop.

Two facilitators who each made their own file (`atelier import` or `atelier new` on each
laptop) have two workshops with two ids: `atelier merge` keeps them apart (it joins copies of
one file, entry by id). `join` makes them one, in the caller's transaction: the second
workshop's participants, lines, decisions (confirmed, set aside, made by hand), follow-up and
synthesis move into the first, and the second workshop is deleted (a grave, so that merging a
copy that still has it does not bring it back).

A person typed on both laptops (the same names and the same structure, case, accents and
spacing aside) becomes one participant: the lines of the second are added to the first's cells,
a line both have (the same cell, the same text as a reader tells it) only once, its decisions
and follow-up kept on the line that stays. Two people who share a name but not a structure
stay two, as do two of one name in the same half of the room (who could say which is which).
A field only the second entry gives is taken; one both give differently keeps the first's,
and is said. Not being published in the directory (`unlisted`): one entry asking is enough.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass, field
from typing import Any

from atelier.domain import now_iso

_STATUS_WEIGHT = {"suggested": 0, "rejected": 1, "confirmed": 2, "manual": 2}
_PERSON_FIELDS = ("territory", "role", "contact")
_WORKSHOP_FIELDS = ("place", "organiser", "contact", "description")


@dataclass
class JoinSummary:
    """What a join did, for its one sentence (`sentence`) and the command's --json."""

    title: str
    date: str | None
    kept_id: str
    joined_id: str
    first: int  # participants of the kept workshop before
    second: int  # participants of the joined one before
    same_people: list[str] = field(default_factory=list)  # « Nina Vidal (Mission locale) »
    lines_once: int = 0  # lines both entries of one person had, kept once
    # A field both entries of one person gave differently: (person, field, kept, set aside).
    kept_first: list[tuple[str, str, str, str]] = field(default_factory=list)
    # One structure written two ways by one person's entries (« CdC du Pays de Born »,
    # « Communauté de communes du Pays de Born »): (person, kept, the other's, its kind).
    same_structure: list[tuple[str, str, str, str]] = field(default_factory=list)
    # The ids of entries made one with another (a person, a line typed twice): id -> the one kept.
    ids: dict[str, str] = field(default_factory=dict)

    @property
    def participants(self) -> int:
        return self.first + self.second - len(self.same_people)

    def sentence(self, *, in_files: bool = True) -> str:
        """« 2 ateliers réunis : 14 + 12 participants, dont 1 saisi sur les deux fichiers. »"""
        from atelier.french import counted
        from atelier.i18n import message

        twice = ""
        if self.same_people:
            key = "n.typed_in_both_files" if in_files else "n.typed_in_both_workshops"
            twice = message("join.twice", count=counted(len(self.same_people), key))
        from atelier.french import format_number, is_plural, list_date
        from atelier.i18n import counted_message

        # « 2 + 0 participants », « 2 + 1 participants »: the noun counts both workshops.
        both = is_plural(self.first + self.second)
        return message(
            "join.summary",
            title=self.title,
            date=f" ({list_date(self.date)})" if self.date else "",
            first=format_number(self.first),
            second=counted_message("n.participant", both, n=format_number(self.second)),
            twice=twice,
            total=counted(self.participants, "n.participant"),
        )

    def details(self) -> list[str]:
        """One line per person typed twice, and per field kept from the first entry."""
        from atelier.french import counted
        from atelier.i18n import message

        said = [message("join.same_person", name=name) for name in self.same_people]
        if self.lines_once:
            said.append(message("join.lines_once", lines=counted(self.lines_once, "n.line_typed_twice")))
        for name, kept, other, kind in self.same_structure:
            key = "join.same_structure" if kind else "join.same_structure_written"
            said.append(message(key, name=name, kept=kept, other=other, kind=kind))
        for name, column, kept, aside in self.kept_first:
            said.append(message("join.kept_first", name=name, field=_label(column), kept=kept, aside=aside))
        return said

    def as_dict(self) -> dict[str, Any]:
        return {
            "workshop": self.kept_id,
            "joined": self.joined_id,
            "title": self.title,
            "date": self.date,
            "participants": [self.first, self.second],
            "same_people": self.same_people,
            "lines_kept_once": self.lines_once,
            "same_structure": [
                {"person": name, "kept": kept, "other": other, "kind": kind}
                for name, kept, other, kind in self.same_structure
            ],
            "total": self.participants,
        }


def _label(column: str) -> str:
    from atelier.i18n import current_language
    from atelier.store.merge import FIELD_LABEL, FIELD_LABEL_EN

    return (FIELD_LABEL_EN if current_language() == "en" else FIELD_LABEL).get(column, column)


def _fold(text: object) -> str:
    from atelier.french import fold

    return " ".join(fold(str(text or "")).split())


def _names(row: dict[str, Any]) -> list[str]:
    try:
        names = json.loads(row.get("names") or "[]")
    except ValueError:
        return []
    return [str(n) for n in names if str(n).strip()] if isinstance(names, list) else []


def person_key(row: dict[str, Any]) -> tuple[tuple[str, ...], str] | None:
    """Who a participant is, to find them typed twice: their names and their structure, case,
    accents, spacing and the way its kind is written aside (« CdC » or « Communauté de
    communes »: `french.structure_key`), and a region's name written short or in full
    (`_structure_key`). None for an entry without a name (a structure alone: two people of one
    structure are not one person)."""
    names = tuple(sorted(_fold(n) for n in _names(row)))
    if not names:
        return None
    return names, _structure_key(str(row.get("organisation") or ""))


def _structure_key(organisation: str) -> str:
    """`french.structure_key`, a region read as the directory's search reads it
    (`territories.region_spelled`): « Région N-A » and « Région Nouvelle-Aquitaine » are one
    structure, « PLIE PACA » and « PLIE Provence-Alpes-Côte d'Azur » too; the other words must
    be the same (« Conseil régional N-A » is not « Région Nouvelle-Aquitaine »)."""
    from atelier.french import structure_key
    from atelier.territories import region_spelled

    spelled = region_spelled(organisation) if organisation.strip() else None
    if spelled is None:
        return structure_key(organisation)
    rest, _stretch, region = spelled
    return f"{structure_key(rest)}|{region.code}"  # « | »: never in a structure_key


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def twin_workshops(
    conn: sqlite3.Connection, first_ids: set[str], second_ids: set[str], *, by_title: bool = True
) -> list[tuple[str, str]]:
    """Pairs (a workshop of `first_ids`, one of `second_ids`) with the same title (case, accents
    and spacing aside) and the same date: the two halves of one room. A workshop that has two
    such twins on the other side pairs with none (which is which?). Not `by_title`: the same
    date only (what `atelier workshops --join` asks of two workshops)."""
    rows = {r["id"]: r for r in _rows(conn, "SELECT id, title, date FROM workshops", ())}

    def key(workshop_id: str) -> tuple[str, str]:
        row = rows[workshop_id]
        return _fold(row["title"]) if by_title else "", str(row["date"] or "")

    firsts = [w for w in rows if w in first_ids and w not in second_ids]
    seconds = [w for w in rows if w in second_ids and w not in first_ids]
    pairs = []
    for mine in firsts:
        found = [theirs for theirs in seconds if key(theirs) == key(mine)]
        if len(found) == 1 and sum(1 for other in firsts if key(other) == key(mine)) == 1:
            pairs.append((mine, found[0]))
    return pairs


def join(conn: sqlite3.Connection, keep_id: str, other_id: str) -> JoinSummary:
    """Move everything of workshop `other_id` into `keep_id` (see the module), in the caller's
    transaction; `other_id` is deleted."""
    from atelier.store.graves import bury

    now = now_iso()
    kept = _rows(conn, "SELECT * FROM workshops WHERE id = ?", (keep_id,))[0]
    gone = _rows(conn, "SELECT * FROM workshops WHERE id = ?", (other_id,))[0]
    mine = _rows(conn, "SELECT * FROM participants WHERE workshop_id = ? ORDER BY position", (keep_id,))
    theirs = _rows(conn, "SELECT * FROM participants WHERE workshop_id = ? ORDER BY position", (other_id,))
    summary = JoinSummary(kept["title"], kept["date"], keep_id, other_id, len(mine), len(theirs))
    # The workshop's own fields the kept one leaves empty.
    filled = {
        c: gone[c] for c in _WORKSHOP_FIELDS if c in kept and not str(kept[c] or "").strip() and gone[c]
    }
    if filled:
        _update(conn, "workshops", kept, filled, now)

    def people(rows: list[dict[str, Any]]) -> dict[tuple[tuple[str, ...], str], list[dict[str, Any]]]:
        found: dict[tuple[tuple[str, ...], str], list[dict[str, Any]]] = {}
        for row in rows:
            key = person_key(row)
            if key is not None:
                found.setdefault(key, []).append(row)
        return found

    my_people, their_people = people(mine), people(theirs)
    position = len(mine)
    gone_people: list[str] = []
    for row in theirs:
        key = person_key(row)
        twin = my_people.get(key, []) if key is not None else []
        if key is not None and len(twin) == 1 and len(their_people[key]) == 1:
            _join_person(conn, twin[0], row, summary, now)
            gone_people.append(row["id"])
            continue
        stamps = _stamps(row, now, ("workshop_id", "position"))
        conn.execute(
            "UPDATE participants SET workshop_id = ?, position = ?, updated = ?, edited = ? WHERE id = ?",
            (keep_id, position, now, stamps, row["id"]),
        )
        position += 1
    conn.execute("UPDATE matches SET workshop_id = ? WHERE workshop_id = ?", (keep_id, other_id))
    _move_synthesis(conn, keep_id, other_id)
    _move_glossary(conn, keep_id, other_id, now)
    if gone_people:
        conn.executemany("DELETE FROM participants WHERE id = ?", [(p,) for p in gone_people])
        bury(conn, "participants", gone_people, now)
    conn.execute("DELETE FROM workshops WHERE id = ?", (other_id,))
    bury(conn, "workshops", [other_id], now)
    _stamp_all(conn, "workshops", keep_id, now)
    ids = {other_id: keep_id, **summary.ids}
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        (f"{JOINED_PREFIX}{now}:{uuid.uuid4().hex[:8]}", json.dumps({"when": now, "ids": ids})),
    )
    return summary


# Each join is one row of `meta` (key « joined:WHEN:ID »): the ids the join took out and the ids
# that stand for them now (the workshop joined, a person typed twice, a line typed twice), no
# names. A later merge of a copy that still has them (the second laptop's file, typed on after
# the join) reads them as the entries that stand for them (merge.merge_into).
JOINED_PREFIX = "joined:"


def joined_ids(conn: sqlite3.Connection) -> dict[str, str]:
    """Every id a join of this file took out, and the id that stands for it now."""
    found: dict[str, str] = {}
    for (value,) in conn.execute(
        "SELECT value FROM meta WHERE substr(key, 1, ?) = ? ORDER BY key", (len(JOINED_PREFIX), JOINED_PREFIX)
    ):
        try:
            ids = json.loads(value).get("ids")
        except (ValueError, AttributeError):
            continue
        if isinstance(ids, dict):
            found.update({str(old): str(new) for old, new in ids.items()})

    def final(row_id: str) -> str:
        seen = set()
        while row_id in found and row_id not in seen:
            seen.add(row_id)
            row_id = found[row_id]
        return row_id

    return {old: final(old) for old in found}


def _stamp_all(conn: sqlite3.Connection, table: str, row_id: str, now: str) -> None:
    """A row the join made the one that stands for two: each of its fields edited now, so that
    a later merge of a copy keeps it over what that copy had before the join, and takes what
    the copy changed after."""
    row = _rows(conn, f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    if not row:
        return
    fields = tuple(c for c in row[0] if c not in ("id", "created", "updated", "edited", "position"))
    if "edited" in row[0]:
        conn.execute(
            f"UPDATE {table} SET updated = ?, edited = ? WHERE id = ?",
            (now, _stamps(row[0], now, fields), row_id),
        )
    else:
        conn.execute(f"UPDATE {table} SET updated = ? WHERE id = ?", (now, row_id))


def _stamps(row: dict[str, Any], now: str, columns: tuple[str, ...]) -> str:
    try:
        stamps = json.loads(row.get("edited") or "{}")
    except ValueError:
        stamps = {}
    if not isinstance(stamps, dict):
        stamps = {}
    stamps.update({c: now for c in columns})
    return json.dumps(stamps, ensure_ascii=False, sort_keys=True)


def _update(
    conn: sqlite3.Connection, table: str, row: dict[str, Any], changes: dict[str, Any], now: str
) -> None:
    sets = ", ".join(f"{c} = ?" for c in changes)
    stamps = _stamps(row, now, tuple(changes)) if "edited" in row else None
    extra = ", updated = ?" + (", edited = ?" if stamps is not None else "")
    values = [*changes.values(), now] + ([stamps] if stamps is not None else [])
    conn.execute(f"UPDATE {table} SET {sets}{extra} WHERE id = ?", (*values, row["id"]))


def _shown(row: dict[str, Any]) -> str:
    names = ", ".join(_names(row))
    return f"{names} ({row['organisation']})" if str(row.get("organisation") or "").strip() else names


def _join_person(
    conn: sqlite3.Connection, mine: dict[str, Any], theirs: dict[str, Any], summary: JoinSummary, now: str
) -> None:
    """The same person typed on both laptops: `theirs` taken into `mine` (deleted by the caller)."""
    name = _shown(mine)
    summary.same_people.append(name)
    summary.ids[theirs["id"]] = mine["id"]
    my_structure = str(mine.get("organisation") or "").strip()
    their_structure = str(theirs.get("organisation") or "").strip()
    if _fold(my_structure) != _fold(their_structure):  # the same as person_key reads it
        from atelier.french import structure_kind

        kind = structure_kind(my_structure)[0] or structure_kind(their_structure)[0]
        summary.same_structure.append((name, my_structure, their_structure, kind))
    changes: dict[str, Any] = {}
    for column in _PERSON_FIELDS:
        their_value = str(theirs.get(column) or "").strip()
        my_value = str(mine.get(column) or "").strip()
        if their_value and not my_value:
            changes[column] = theirs[column]
        elif their_value and _fold(their_value) != _fold(my_value):
            if column == "territory" and _structure_key(their_value) == _structure_key(my_value):
                continue  # one region written two ways (« Région N-A », « Nouvelle-Aquitaine »)
            summary.kept_first.append((name, column, my_value, their_value))
    if int(theirs.get("unlisted") or 0) and not int(mine.get("unlisted") or 0):
        changes["unlisted"] = 1  # not published in the directory: one entry asking is enough
    if changes:
        _update(conn, "participants", mine, changes, now)
    _stamp_all(conn, "participants", mine["id"], now)
    my_lines = _rows(
        conn, "SELECT * FROM items WHERE participant_id = ? ORDER BY kind, position", (mine["id"],)
    )
    said = {(line["kind"], _fold(line["text"])): line["id"] for line in my_lines}
    ends = {line["kind"]: line["position"] + 1 for line in my_lines}
    buried: list[str] = []
    for line in _rows(
        conn, "SELECT * FROM items WHERE participant_id = ? ORDER BY position", (theirs["id"],)
    ):
        same = said.get((line["kind"], _fold(line["text"])))
        if same is None:
            position = max(ends.get(line["kind"], 0), 0)
            ends[line["kind"]] = position + 1
            conn.execute(
                "UPDATE items SET participant_id = ?, position = ?, updated = ? WHERE id = ?",
                (mine["id"], position, now, line["id"]),
            )
            said[(line["kind"], _fold(line["text"]))] = line["id"]
            continue
        summary.lines_once += 1
        summary.ids[line["id"]] = same
        _stamp_all(conn, "items", same, now)
        _repoint(conn, line["id"], same, now)
        conn.execute("DELETE FROM items WHERE id = ?", (line["id"],))
        buried.append(line["id"])
    if buried:
        from atelier.store.graves import bury

        bury(conn, "items", buried, now)


def _repoint(conn: sqlite3.Connection, old: str, new: str, now: str) -> None:
    """The matches of a line typed twice, on the line that stays: a decision on it is kept; two
    matches of the same pair become one (the decided one, else the latest; the follow-up steps
    of both, by date)."""
    from atelier.store.rows import dump_steps, steps

    for column in ("need_id", "resource_id"):
        for match in _rows(conn, f"SELECT * FROM matches WHERE {column} = ?", (old,)):
            pair = {"need_id": match["need_id"], "resource_id": match["resource_id"], column: new}
            if pair["need_id"] == pair["resource_id"]:
                continue  # (cannot happen between two lines of one cell; left to go with the line)
            there = _rows(
                conn,
                "SELECT * FROM matches WHERE need_id = ? AND resource_id = ?",
                (pair["need_id"], pair["resource_id"]),
            )
            if not there:
                conn.execute(f"UPDATE matches SET {column} = ? WHERE id = ?", (new, match["id"]))
                continue
            other = there[0]

            def rank(row: dict[str, Any]) -> tuple[int, str]:
                return _STATUS_WEIGHT.get(str(row["status"]), 0), str(row["updated"])

            winner, loser = (other, match) if rank(other) >= rank(match) else (match, other)
            path = {(s.state.value, s.at, s.recorded): s for s in steps(loser["follow_up_steps"])}
            path.update({(s.state.value, s.at, s.recorded): s for s in steps(winner["follow_up_steps"])})
            joined = sorted(path.values(), key=lambda s: (s.recorded or s.at, s.at))
            note = " — ".join(n for n in (str(winner["note"]).strip(), str(loser["note"]).strip()) if n)
            if str(loser["note"]).strip() and str(loser["note"]).strip() in str(winner["note"]):
                note = str(winner["note"])
            conn.execute("DELETE FROM matches WHERE id = ?", (loser["id"],))
            changes: dict[str, Any] = {"note": note}
            if winner["status"] in ("confirmed", "manual") and joined:
                changes["follow_up_steps"] = dump_steps(joined)
                changes["follow_up"] = joined[-1].state.value
                changes["follow_up_changed"] = joined[-1].at
            if winner is match:
                changes[column] = new
            _update(conn, "matches", winner, changes, now)


def _move_synthesis(conn: sqlite3.Connection, keep_id: str, other_id: str) -> None:
    """The second workshop's synthesis after the first's: a section Atelier drafted and nobody
    edited is drafted again from the joined grid (the first's), not kept twice; a section the
    first has word for word goes too."""
    mine = _rows(conn, "SELECT * FROM synthesis_sections WHERE workshop_id = ?", (keep_id,))
    seen = {(_fold(s["heading"]), _fold(s["body"])) for s in mine}
    position = max((int(s["position"]) for s in mine), default=-1) + 1
    for section in _rows(
        conn, "SELECT * FROM synthesis_sections WHERE workshop_id = ? ORDER BY position", (other_id,)
    ):
        try:
            drafted = json.loads(section.get("drafted") or "{}")
        except ValueError:
            drafted = {}
        untouched = (
            isinstance(drafted, dict)
            and drafted.get("text") == section["body"]
            and drafted.get("heading") == section["heading"]
        )
        if untouched or (_fold(section["heading"]), _fold(section["body"])) in seen:
            continue  # goes with the workshop
        conn.execute(
            "UPDATE synthesis_sections SET workshop_id = ?, position = ? WHERE id = ?",
            (keep_id, position, section["id"]),
        )
        position += 1


def _move_glossary(conn: sqlite3.Connection, keep_id: str, other_id: str, now: str) -> None:
    """The second workshop's acronyms and word families: one the first has too gets the words of
    both."""
    mine = {
        (r["kind"], r["term"]): r
        for r in _rows(conn, "SELECT * FROM glossary_entries WHERE workshop_id = ?", (keep_id,))
    }
    for entry in _rows(conn, "SELECT * FROM glossary_entries WHERE workshop_id = ?", (other_id,)):
        there = mine.get((entry["kind"], entry["term"]))
        if there is None:
            conn.execute("UPDATE glossary_entries SET workshop_id = ? WHERE id = ?", (keep_id, entry["id"]))
            continue
        try:
            words = [*json.loads(there["words"] or "[]"), *json.loads(entry["words"] or "[]")]
        except ValueError:
            continue
        united = json.dumps(list(dict.fromkeys(words)), ensure_ascii=False)
        if united != there["words"]:
            conn.execute(
                "UPDATE glossary_entries SET words = ?, updated = ? WHERE id = ?", (united, now, there["id"])
            )
