"""Several workshops in one file: deleting one with everything that hangs on it, and putting
it back (undo), as plain rows. Called by the Store inside its write transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from atelier.domain import Workshop, away_from
from atelier.errors import AtelierError, InvalidValue
from atelier.i18n import command_line
from atelier.store.base import StoreBase
from atelier.store.rows import from_row, json_list, to_row

# In the order their references need them when putting rows back.
_ORDER = ("workshops", "participants", "items", "matches", "synthesis_sections", "glossary_entries")


def restore_merge_history(conn: sqlite3.Connection, records: list[tuple[str, str]]) -> None:
    """The merge history as an undone deletion had it (store/merge.py's `restore_history`),
    that module loaded then: the window's first screen merges nothing."""
    from atelier.store.merge import restore_history

    restore_history(conn, records)


@dataclass(slots=True)
class WorkshopSnapshot:
    """A workshop as it was before it was deleted: every row of it, for undo."""

    workshop_id: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # The merge history as it was before the deletion took what it said of them out.
    history: list[tuple[str, str]] = field(default_factory=list)

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))

    def decided_matches(self) -> int:
        return sum(1 for m in self.rows.get("matches", []) if m["status"] in ("confirmed", "manual"))


def _select(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def snapshot(conn: sqlite3.Connection, workshop_id: str) -> WorkshopSnapshot:
    """Every row that deleting the workshop removes, including matches of other workshops
    that point at its items (matching across workshops)."""
    items_of = (
        "SELECT i.id FROM items i JOIN participants p ON p.id = i.participant_id WHERE p.workshop_id = ?"
    )
    rows = {
        "workshops": _select(conn, "SELECT * FROM workshops WHERE id = ?", (workshop_id,)),
        "participants": _select(
            conn, "SELECT * FROM participants WHERE workshop_id = ? ORDER BY position", (workshop_id,)
        ),
        "items": _select(conn, f"SELECT * FROM items WHERE id IN ({items_of})", (workshop_id,)),
        "matches": _select(
            conn,
            f"SELECT * FROM matches WHERE workshop_id = ? OR resource_id IN ({items_of})",
            (workshop_id, workshop_id),
        ),
        "synthesis_sections": _select(
            conn, "SELECT * FROM synthesis_sections WHERE workshop_id = ?", (workshop_id,)
        ),
        "glossary_entries": _select(
            conn, "SELECT * FROM glossary_entries WHERE workshop_id = ?", (workshop_id,)
        ),
    }
    return WorkshopSnapshot(workshop_id, rows)


def delete(conn: sqlite3.Connection, workshop_id: str) -> list[tuple[str, str]]:
    """Remove the workshop; its participants, items, matches… go with it (ON DELETE CASCADE),
    and the directory forgets them (its triggers). Returns the merge history as it was."""
    from atelier.store.graves import bury

    conn.execute("DELETE FROM workshops WHERE id = ?", (workshop_id,))
    return bury(conn, "workshops", [workshop_id])


def restore(conn: sqlite3.Connection, saved: WorkshopSnapshot) -> None:
    """Put every row back with its ids. A match of another workshop whose need was deleted
    since is left out (it has nothing to point at)."""
    for table in _ORDER:
        for row in saved.rows.get(table, []):
            if table == "matches":
                present = conn.execute(
                    "SELECT count(*) FROM items WHERE id IN (?, ?)", (row["need_id"], row["resource_id"])
                ).fetchone()[0]
                if present < 2:
                    continue
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            # An upsert, not INSERT OR REPLACE: replacing deletes first, and a delete cascades.
            updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != "id")
            conn.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
                tuple(row.values()),
            )


ID_PREFIX_MIN = 4


def resolve(conn: sqlite3.Connection, typed: str, path: object) -> str:
    """The id of the workshop a person named: its id, the start of its id, its date (as people
    write it: 2021-03-16, 16/03/2021, 16 mars 2021), its title, or a part of its title or of
    its date that only one workshop has (« automne », « 2021 »), accents and case ignored. A
    clear error when no workshop answers to it, or several do (naming them), with the command
    that lists the workshops of the file at `path`."""
    from atelier.errors import AtelierError
    from atelier.french import fold, iso_date

    wanted = typed.strip()
    rows = conn.execute(
        "SELECT id, title, date FROM workshops ORDER BY date IS NULL, date, created"
    ).fetchall()
    try:
        day = iso_date(wanted) if any(c.isdigit() for c in wanted) else ""
    except ValueError:
        day = ""
    part = " ".join(fold(wanted).split())
    finders: tuple[Callable[[Any], bool], ...] = (
        lambda r: r[0] == wanted,
        # The start of an id from four characters on (as git asks of a commit): « 3 » typed for
        # « the third one » never picks the workshop whose id happens to start with 3.
        lambda r: len(wanted) >= ID_PREFIX_MIN and r[0].lower().startswith(wanted.lower()),
        lambda r: r[2] == wanted or (bool(day) and r[2] == day),
        lambda r: fold(r[1]).strip() == fold(wanted),
        # A part of the title (whole words or not) or the start of the date: « automne », « 2021 ».
        # Three characters at least: « 1 » is no one's part.
        lambda r: (
            len(part) >= 3 and (part in " ".join(fold(r[1]).split()) or (r[2] or "").startswith(wanted))
        ),
    )
    for finder in finders:
        found = [r for r in rows if finder(r)]
        if len(found) == 1:
            return str(found[0][0])
        if len(found) > 1:
            raise AtelierError(
                "workshop.several",
                id=wanted,
                count=len(found),
                which=_named(found),
                command=command_line("workshops", path),
            )
    raise AtelierError("workshop.unknown", id=wanted, command=command_line("workshops", path))


def _named(rows: list[Any]) -> str:
    """« « Atelier du 16 mars 2021 » (16/03/2021) et « Atelier d'automne » (20/11/2026) »."""
    from atelier.french import join_few, list_date
    from atelier.i18n import message

    return join_few(
        message("workshop.named", title=title, date=f" ({list_date(day)})" if day else "")
        for _id, title, day in rows
    )


# Up to this many workshops, a command that needs one names them all with what to type.
WORKSHOPS_NAMED = 4


def which_one(workshops: list[Workshop], path: str, *, importing: bool = False) -> AtelierError:
    """« Ce fichier contient 2 ateliers ; précisez lequel : --workshop 16/03/2021 pour
    « Atelier du 16 mars 2021 » ou --workshop "Atelier Gironde" pour « Atelier Gironde » »;
    past WORKSHOPS_NAMED, the command that lists them. Each is given by its date when no
    other has that day, else by its title when no other has it, else by the start of its id
    (`atelier workshops` shows eight characters). `importing`: a grid imported with --into,
    which may also come in as a new workshop (--new-workshop)."""
    from atelier.french import fold, short_date
    from atelier.i18n import current_language, message

    many, few = (
        ("workshop.which_many", "workshop.which")
        if importing
        else ("workshop.ambiguous_many", "workshop.ambiguous")
    )
    if len(workshops) > WORKSHOPS_NAMED:
        return AtelierError(many, count=len(workshops), command=_typed(path))
    days = [w.date for w in workshops]
    titles = [fold(w.title).strip() for w in workshops]
    choices = []
    for workshop, title in zip(workshops, titles, strict=True):
        if workshop.date and days.count(workshop.date) == 1:
            value = short_date(workshop.date)
        elif title and titles.count(title) == 1:
            value = _typed(workshop.title)
        else:
            value = workshop.id[:8]
        choices.append(message("workshop.option_for", value=value, title=workshop.title))
    last = " ou " if current_language() == "fr" else " or "
    return AtelierError(few, count=len(workshops), which=", ".join(choices[:-1]) + last + choices[-1])


def _typed(text: str) -> str:
    """`text` as one word of a command line: in double quotes when it holds a space or a
    character the shell reads (Windows's shell knows no single quotes)."""
    import shlex

    if text and all(c.isalnum() or c in "-_./:@%+,=" for c in text):
        return text
    return f'"{text}"' if '"' not in text and "$" not in text and "`" not in text else shlex.quote(text)


class WorkshopsPart(StoreBase):
    """The workshops of the file: read, added, renamed, deleted and put back."""

    def workshops(self) -> list[Workshop]:
        rows = self._all("SELECT * FROM workshops ORDER BY date IS NULL, date, created")
        return [from_row(Workshop, r) for r in rows]

    def same_workshop(self, title: str, date: str | None) -> Workshop | None:
        """The workshop of this file a new one with this title and date would repeat (the
        title with accents, case and outer spaces ignored; no date matches no date): the
        directory could not tell the two apart."""
        from atelier.french import fold

        wanted = fold(title).strip()
        for workshop in self.workshops():
            if (workshop.date or None) == (date or None) and fold(workshop.title).strip() == wanted:
                return workshop
        return None

    def latest_workshop_id(self) -> str | None:
        """The id of the last of workshops() (the latest dated, or one being prepared, with no
        date yet), without reading them all (a decade holds 300): the workshop a facilitator
        opening the file works on, not the network's first one of years ago."""
        row = self.conn.execute(
            "SELECT id FROM workshops ORDER BY date IS NULL DESC, date DESC, created DESC LIMIT 1"
        ).fetchone()
        return None if row is None else str(row[0])

    def opening_workshop_id(self) -> str | None:
        """The workshop a window opens on when it knows no other: the latest (as
        `latest_workshop_id` orders them) that has participants, not an empty one added for
        later while the participants are in another; the latest when none has any."""
        row = self.conn.execute(
            "SELECT id FROM workshops AS w WHERE EXISTS "
            "(SELECT 1 FROM participants AS p WHERE p.workshop_id = w.id) "
            "ORDER BY date IS NULL DESC, date DESC, created DESC LIMIT 1"
        ).fetchone()
        return str(row[0]) if row is not None else self.latest_workshop_id()

    def workshop_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM workshops").fetchone()[0])

    def workshop(self, workshop_id: str) -> Workshop:
        row = self._one("SELECT * FROM workshops WHERE id = ?", (workshop_id,))
        if row is None:
            said = command_line("workshops", self.path)
            raise AtelierError("workshop.unknown", id=workshop_id, command=said)
        return from_row(Workshop, row)

    def add_workshop(self, workshop: Workshop) -> Workshop:
        validate_workshop(workshop)
        with self._write():
            self._insert_workshop(workshop)
        return workshop

    def _insert_workshop(self, workshop: Workshop) -> None:
        self._db_().table("workshops").insert(to_row(workshop))

    def update_workshop(self, workshop_id: str, **changes: Any) -> Workshop:
        allowed = {"title", "date", "place", "organiser", "contact", "description", "themes"}
        current = self.workshop(workshop_id)
        was = current.date or current.title  # as the reasons of other workshops name it
        if changes.get("date") and changes["date"] != current.date:
            self.check_workshop_date(workshop_id, changes["date"])
        with self._write():
            # A date the file holds already, of another year (written by another program),
            # never stops its title or place being changed: only a date given is checked.
            self._update_row(
                "workshops",
                current,
                changes,
                allowed,
                check=lambda workshop: validate_workshop(workshop, year="date" in changes),
            )
            if "title" in changes or "date" in changes:
                self._redate_earlier_reasons(workshop_id, current.title, current.date or "", was)
        return current

    def _redate_earlier_reasons(self, workshop_id: str, title: str, day: str, was: str) -> None:
        """The reasons « a proposé lors de l'atelier du 16 mars 2021 » of the matches whose
        helper said it at this workshop now name its current title and date, and those that
        name it among the other workshops the helper said it at (« lors des ateliers du 16 mars
        2021 et du … », by its former date, or title when undated) its new one (in the same
        transaction as the change; an undo, which changes them back, puts them back)."""
        from atelier.domain import ReasonKind
        from atelier.store.rows import dump_reasons, reasons

        rows = self.conn.execute(
            "SELECT m.id, m.reasons FROM matches m JOIN items i ON i.id = m.resource_id "
            "JOIN participants p ON p.id = i.participant_id "
            "WHERE p.workshop_id = ? AND m.workshop_id != ? AND m.reasons LIKE '%earlier%'",
            (workshop_id, workshop_id),
        ).fetchall()
        for match_id, stored in rows:
            before = reasons(stored)
            after = [
                replace(r, term=title, detail=day) if r.kind == ReasonKind.EARLIER else r for r in before
            ]
            if after != before:
                self.conn.execute(
                    "UPDATE matches SET reasons = ? WHERE id = ?", (dump_reasons(after), match_id)
                )
        now = day or title
        if not was or now == was:
            return
        for match_id, stored in self.conn.execute(
            "SELECT id, reasons FROM matches WHERE workshop_id != ? AND reasons LIKE '%earlier%'",
            (workshop_id,),
        ).fetchall():
            before = reasons(stored)
            after = [
                replace(r, words=tuple(sorted(now if w == was else w for w in r.words)))
                if r.kind == ReasonKind.EARLIER and was in r.words
                else r
                for r in before
            ]
            if after != before:
                self.conn.execute(
                    "UPDATE matches SET reasons = ? WHERE id = ?", (dump_reasons(after), match_id)
                )

    def check_workshop_date(self, workshop_id: str, day: str) -> None:
        """Refuse a date (YYYY-MM-DD) that comes after the workshop's first follow-up recorded
        (« contacté le 20/03/2021 » cannot precede the day the two people met), its own or
        that of a later workshop whose helper is one of its participants (an offer cannot be
        made after someone called about it), as
        `atelier suivi --le` refuses a follow-up dated before the workshop. The day a match
        was decided (« à contacter depuis ») is not one: a facilitator may decide beforehand."""
        from atelier.french import list_date, local_day, long_date
        from atelier.i18n import message
        from atelier.store.rows import steps

        recorded = []
        for state, changed, path in self.conn.execute(
            "SELECT follow_up, follow_up_changed, follow_up_steps FROM matches WHERE (workshop_id = ? "
            "OR resource_id IN (SELECT i.id FROM items i JOIN participants p "
            "ON p.id = i.participant_id WHERE p.workshop_id = ?)) "
            "AND status IN ('confirmed', 'manual')",
            (workshop_id, workshop_id),
        ):
            # Every step of its history (a contact since followed by « fait » still happened).
            found = [(step.state.value, step.at) for step in steps(path)] or [(state, changed)]
            recorded += [(local_day(at), kind) for kind, at in found if kind != "to_contact" and at]
        if not recorded:
            return
        first, state = min(recorded)
        if first and first < day:
            raise InvalidValue(
                "date.after_follow_up",
                date=long_date(day),
                follow_up=message(
                    "followup.state_on", state=message(f"state.{state}"), date=list_date(first)
                ),
                latest=long_date(first),
            )

    def people_counts(self) -> dict[str, int]:
        """People each workshop's rows name, as the minutes count them (`people_of`: « Cécile
        BECHON et Ghislaine Paparemborde » are two, a row naming no one is one)."""
        return people_counts(self.conn)

    def away_counts(self) -> dict[str, int]:
        """Of each workshop's participants, how many their cell says were excused or absent
        (`Participant.away`: « Mme Sabine Roux (excusée) »); a workshop with none is not in it.
        Only cells holding those words are read (the index gives the rest)."""
        counts: dict[str, int] = {}
        for workshop_id, cell, names in self.conn.execute(
            "SELECT workshop_id, source_text, names FROM participants "
            "WHERE source_text LIKE '%excus%' OR source_text LIKE '%absen%'"
        ):
            if away_from(cell or "", json_list(names)):
                counts[workshop_id] = counts.get(workshop_id, 0) + 1
        return counts

    def away_items(self) -> set[str]:
        """The ids of the items written by a participant whose cell says they were not in the
        room (`Participant.away`: « Paul Durand (excusé) »), in every workshop of the file:
        matched with no one, so that a suggestion stored before their cell said so is no lead.
        Only cells holding those words are read, as in `away_counts`."""
        found: set[str] = set()
        for item_id, cell, names in self.conn.execute(
            "SELECT i.id, p.source_text, p.names FROM items i JOIN participants p ON p.id = i.participant_id "
            "WHERE p.source_text LIKE '%excus%' OR p.source_text LIKE '%absen%'"
        ):
            if away_from(cell or "", json_list(names)):
                found.add(item_id)
        return found

    def away_needs_suggested(self, workshop_id: str) -> set[str]:
        """The needs of `workshop_id` that still have suggestions stored while their author's
        cell says they were not in the room (`away_items`): what saving suggestions must drop.
        Read at every save (each cell typed in the window): the workshop's participants by its
        index, then only the needs of cells that hold those words (CROSS JOIN: in that order)."""
        found: set[str] = set()
        for need_id, cell, names in self.conn.execute(
            "SELECT i.id, p.source_text, p.names FROM participants p CROSS JOIN items i "
            "WHERE p.workshop_id = ? AND (p.source_text LIKE '%excus%' OR p.source_text LIKE '%absen%') "
            "AND i.participant_id = p.id AND i.kind = 'need' "
            "AND EXISTS (SELECT 1 FROM matches m WHERE m.need_id = i.id AND m.status = 'suggested')",
            (workshop_id,),
        ):
            if away_from(cell or "", json_list(names)):
                found.add(need_id)
        return found

    def workshop_counts(self) -> dict[str, tuple[int, int]]:
        """Participants and items of each workshop of the file, in one query."""
        counts = {w: (0, 0) for (w,) in self.conn.execute("SELECT id FROM workshops")}
        for workshop_id, participants, items in self.conn.execute(
            "SELECT p.workshop_id, count(DISTINCT p.id), count(i.id) FROM participants p "
            "LEFT JOIN items i ON i.participant_id = p.id GROUP BY p.workshop_id"
        ):
            counts[workshop_id] = (int(participants), int(items))
        return counts

    def pick_workshop(self, wanted: str | None) -> str:
        """The id of the workshop named (id, its start, date or title), or of the file's only one."""
        if wanted:
            return self.find_workshop(wanted).id
        workshops = self.workshops()
        if not workshops:
            raise AtelierError("workshop.none", path=self.path)
        if len(workshops) > 1:
            raise which_one(workshops, str(self.path))
        return workshops[0].id

    def find_workshop(self, typed: str) -> Workshop:
        """The workshop named by its id, the start of its id, its date or its title."""
        return self.workshop(resolve(self.conn, typed, self.path))

    def decided_going_with(self, workshop_id: str) -> tuple[int, int]:
        """The confirmed or hand-made matches deleting the workshop removes: its own, and
        those of other workshops whose helper is one of its participants (matching across
        workshops), which leave another workshop's follow-up."""
        items_of = (
            "SELECT i.id FROM items i JOIN participants p ON p.id = i.participant_id WHERE p.workshop_id = ?"
        )
        own, elsewhere = self.conn.execute(
            "SELECT sum(workshop_id = ?), sum(workshop_id != ?) "
            f"FROM matches WHERE status IN ('confirmed', 'manual') "
            f"AND (workshop_id = ? OR resource_id IN ({items_of}))",
            (workshop_id, workshop_id, workshop_id, workshop_id),
        ).fetchone()
        return int(own or 0), int(elsewhere or 0)

    def delete_workshop(self, workshop_id: str) -> WorkshopSnapshot:
        """Remove a workshop and everything of it; the snapshot lets undo put it all back."""
        self.workshop(workshop_id)
        with self._write():
            saved = snapshot(self.conn, workshop_id)
            saved.history = delete(self.conn, workshop_id)
            self._people_buried()
        self._people_deleted()
        return saved

    def restore_workshop(self, saved: WorkshopSnapshot) -> Workshop:
        """Undo a deletion: the same ids, participants, items, matches and synthesis."""
        with self._write():
            restore(self.conn, saved)
            restore_merge_history(self.conn, saved.history)
        return self.workshop(saved.workshop_id)


def validate_workshop(workshop: Workshop, *, year: bool = True) -> None:
    """A workshop as the file may keep it: a title, a real date (`year`: of a year a workshop
    has, `check_year`)."""
    if not workshop.title.strip():
        raise InvalidValue("title.empty")
    if workshop.date:
        from datetime import date

        try:
            date.fromisoformat(workshop.date)
        except ValueError:
            raise InvalidValue("date.invalid", value=workshop.date) from None
        if year:
            check_year(workshop.date)


def check_year(day: str) -> None:
    """Refuse a day (YYYY-MM-DD) of a year outside FIRST_YEAR..LAST_YEAR, wherever it comes
    from (typed dates are refused as they are read: french.parse_date): a grid's heading
    (« Atelier du 16 mars 2150 »), a program writing to Atelier. The minutes would print it."""
    from atelier.french import FIRST_YEAR, LAST_YEAR, list_date

    year = int(day[:4])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidValue(
            "date.year_out_of_range",
            value=list_date(day),
            year=f"{year:04d}",
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )


def people_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """`WorkshopsPart.people_counts` of the file open on `conn`."""
    counts = {w: 0 for (w,) in conn.execute("SELECT id FROM workshops")}
    for workshop_id, names in conn.execute("SELECT workshop_id, names FROM participants"):
        named = [n for n in json_list(names) if str(n).strip()]
        counts[workshop_id] = counts.get(workshop_id, 0) + max(1, len(named))
    return counts
