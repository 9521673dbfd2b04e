"""A grid imported again into its workshop: every decision kept, as the Store's `ReimportPart`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from atelier.domain import (
    EVERY_LINE,
    ITEM_KINDS,
    PARTICIPANT_FIELDS,
    Item,
    ItemKind,
    KeptEdit,
    Match,
    MatchStatus,
    Participant,
    ReimportSummary,
    RetypedDecision,
    Workshop,
    now_iso,
    people_of,
)
from atelier.store.base import StoreBase
from atelier.store.graves import buried_rows, bury, row_digest
from atelier.store.grid import align_ids
from atelier.store.rows import dump, dump_object, json_object

if TYPE_CHECKING:
    from atelier.store.matches import Explain


class ReimportPart(StoreBase):
    """Re-import: the grid's rows recognised, their cells brought in line."""

    if TYPE_CHECKING:  # what this part needs of the others

        def workshop(self, workshop_id: str) -> Workshop: ...

        def participants(self, workshop_id: str) -> list[Participant]: ...

        def items(self, participant_id: str, kind: ItemKind | None = None) -> list[Item]: ...

        def matches(self, workshop_id: str, status: MatchStatus | None = None) -> list[Match]: ...

        def decided_elsewhere_with(self, workshop_id: str) -> list[Match]: ...

        def _insert_participant(self, participant: Participant, position: int | None) -> None: ...

        def _insert_items_in_order(self, participant_id: str, items: Sequence[Item]) -> None: ...

        def _insert_item_row(self, item: Item, *, shift: bool = True, replace: bool = False) -> None: ...

        def _mark_retyped(
            self, before: Mapping[str, str], explain: Explain | None, now: str
        ) -> tuple[list[Match], list[RetypedDecision]]: ...

    def _edit_stamps(self, participant_id: str) -> dict[str, Any]:
        """When each field of a participant was last edited (format 4), by its name."""
        row = self._one("SELECT edited FROM participants WHERE id = ?", (participant_id,))
        return json_object(row["edited"]) if row is not None else {}

    def shares_someone(self, workshop_id: str, rows: Sequence[tuple[Participant, Sequence[Item]]]) -> bool:
        """Whether a grid has at least one participant of this workshop: a row the re-import
        knows again (its cell, its names, or those the grid gave at the last import; a row
        retyped since, by its structure or a name and its lines), one of the people a row
        names, or a row of a participant deleted in the window. A grid that has no one of a
        workshop that has participants is another workshop's grid (another file's, an Excel
        grid with no heading to say so): re-imported, it would add its people to this one."""
        from atelier.french import fold

        existing = self.participants(workshop_id)
        if not existing:
            return False

        def person(name: str) -> str:
            return " ".join(sorted(fold(name).split()))

        then = [_as_imported(p) for p in existing]
        keys = {key for p in (*existing, *then) for key in _participant_keys(p)}
        people = {person(n) for p in (*existing, *then) for n in p.names if n.strip()}
        deleted_rows = buried_rows(self.conn)
        lines: dict[str, set[str]] = {}
        for participant, items in rows:
            if any(key in keys for key in _participant_keys(participant)):
                return True
            if any(person(n) in people for n in participant.names if n.strip()):
                return True
            if deleted_rows and _deleted_before(participant, workshop_id, deleted_rows):
                return True
            if not lines:
                lines = {p.id: _folded_lines(i.text for i in self.items(p.id)) for p in existing}
            if any(_same_row_retyped(participant, items, p, lines[p.id]) for p in existing):
                return True
        return False

    def reimport_grids(
        self,
        grids: Sequence[tuple[str, Sequence[tuple[Participant, Sequence[Item]]]]],
        explain: Explain | None = None,
        same_people: Callable[[Participant, Participant], bool] | None = None,
    ) -> list[ReimportSummary]:
        """`reimport_grid` for several workshops at once (a document holding several sessions,
        each brought into its workshop), in one transaction: all of them or none."""
        upgrading = self.migration_pending is not None  # committed with them, even if nothing else
        with self._write():
            done = [
                self.reimport_grid(workshop_id, rows, explain=explain, same_people=same_people)
                for workshop_id, rows in grids
            ]
        for summary in done:
            summary.written = summary.written or upgrading
        return done

    def reimport_grid(
        self,
        workshop_id: str,
        rows: Sequence[tuple[Participant, Sequence[Item]]],
        progress: Callable[[int, int], None] | None = None,
        explain: Explain | None = None,
        same_people: Callable[[Participant, Participant], bool] | None = None,
    ) -> ReimportSummary:
        """Bring a workshop in line with a grid imported again, in one transaction.
        `progress(done, total)` is told after each row; an exception it raises rolls it all back.

        A grid row is the same participant as before when its participant cell reads the
        same (or names the same people, or reads as it did at the last import); its cells then
        keep the ids of unchanged and edited lines, so every decision on them survives. Each of
        its fields and lines is merged three ways (`_three_way`): what the grid said at the last
        import (`Participant.imported`), what the file holds, what the grid says now. An edit of
        the window the grid did not change is kept and counted (`kept_edits`); a change of the
        grid the window did not make is taken; both changed, differently: the window's value is
        kept and told with the grid's (`kept_over_grid`). A line the grid gave at the last import
        and no longer has is dropped, unless a confirmed or manual match holds it or the window
        retyped it since (kept and told as `kept_over_grid`), and told in the summary. A line
        typed in the window, never in a grid, is kept and counted (`kept_typed`); of a file of
        format 14 or before, whose lines are not all known (`EVERY_LINE`), a line the grid does
        not have is dropped and told, as it was. Participants of the file
        that the grid no longer has are kept. A confirmed
        or manual match on a line the grid retyped stays, explained anew for the new text
        (`explain`), marked retyped and told in the summary. A row new to the file that
        names someone who asked not to be published in the directory (`same_people`, by
        default the same names and structure) is kept out of it too, and told in the summary.
        A name the grid respelled, never edited in the window, is taken and told (`names_taken`);
        of a row found only by its structure and lines, only when the names share a word. Only
        the participants and lines the re-import changes are written (`written`: anything at all).
        """
        self.workshop(workshop_id)
        result = ReimportSummary()
        # what the file held before: a re-import that changes nothing leaves it byte for byte
        upgrading = self.migration_pending is not None
        changes = self.conn.total_changes
        existing = self.participants(workshop_id)
        by_key: dict[str, Participant] = {}
        # by the cell and names each has now, then by those the grid gave it at the last import
        # (corrected in the window since)
        for keys in (_participant_keys, lambda p: _participant_keys(_as_imported(p))):
            for participant in existing:
                for key in keys(participant):
                    by_key.setdefault(key, participant)
        held = {
            item_id
            for m in self.matches(workshop_id)
            if m.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL)
            for item_id in (m.need_id, m.resource_id)
        }
        # An offer of this workshop that a later workshop's follow-up stands on stays too.
        held |= {m.resource_id for m in self.decided_elsewhere_with(workshop_id)}
        unlisted = [p for p in existing if p.unlisted]
        same = same_people or _same_names
        seen: set[str] = set()
        retyped: dict[str, str] = {}  # item id -> its text before, for lines the grid retyped
        now = now_iso()
        # Each grid row's participant in the file: by its cell or its names, then, for a row
        # the file does not know so, the one participant of the file that the grid no longer
        # names with its structure or a name of theirs and most of its lines (a name corrected
        # in the window since: « Maxime Roby » now « Maxime Roby-Martin »), never two rows to one.
        olds: list[Participant | None] = []
        taken: set[str] = set()
        for participant, _items in rows:
            old = next(
                (
                    by_key[k]
                    for k in _participant_keys(participant)
                    if k in by_key
                    and by_key[k].id not in taken
                    # Gérard Müller of the Mission locale de Lyon is not the one of the
                    # Maison de l'emploi du Médoc: the same names, two structures.
                    and (same_people is None or k.startswith("cell:") or same_people(participant, by_key[k]))
                ),
                None,
            )
            if old is not None:
                taken.add(old.id)
            olds.append(old)
        # rows of participants deleted in the window (graves.bury_row): they stay deleted, never
        # taken for another participant of the file either
        deleted_rows = buried_rows(self.conn)
        deleted_since = {
            row
            for row, ((participant, _items), old) in enumerate(zip(rows, olds, strict=True))
            if old is None and deleted_rows and _deleted_before(participant, workshop_id, deleted_rows)
        }
        renamed: set[int] = set()  # rows found by their structure and lines, not their cell
        left = [p for p in existing if p.id not in taken]
        if left and None in olds:
            their_lines = {p.id: _folded_lines(i.text for i in self.items(p.id)) for p in left}
            pairs = {
                row: [p for p in left if _same_row_retyped(participant, items, p, their_lines[p.id])]
                for row, ((participant, items), old) in enumerate(zip(rows, olds, strict=True))
                if old is None and row not in deleted_since
            }
            for row, found in pairs.items():
                if len(found) == 1 and sum(found[0] in other for other in pairs.values()) == 1:
                    olds[row] = found[0]
                    renamed.add(row)
                    taken.add(found[0].id)
            for row, found in pairs.items():
                if row not in renamed and (unsure := [p for p in found if p.id not in taken]):
                    # Which of them the row is cannot be told: added beside them, and said.
                    result.unsure.extend((_said(rows[row][0]), _said(p)) for p in unsure)
        with self._write():
            for done, (participant, new_items) in enumerate(rows, 1):
                if progress is not None and done > 1:
                    progress(done - 1, len(rows))
                old = olds[done - 1]
                if old is None:
                    participant.workshop_id = workshop_id
                    if done - 1 in deleted_since:
                        # deleted in the window (erased at their request?): stays deleted, said
                        result.deleted_kept.append(participant.display_name())
                        continue
                    withdrawn = next((p for p in unlisted if same(participant, p)), None)
                    if withdrawn is not None and not participant.unlisted:
                        # Their opt-out stands: a new spelling of their row is no new consent.
                        participant.unlisted = True
                        result.kept_unlisted.append(
                            (
                                participant.people() or participant.display_name(),
                                withdrawn.people() or withdrawn.display_name(),
                            )
                        )
                    self._insert_participant(participant, None)
                    self._insert_items_in_order(participant.id, new_items)
                    result.added += 1
                    result.added_people += people_of(participant)
                    continue
                renamed_row = done - 1 in renamed
                # a row found by its structure and lines keeps the file's name (said), unless
                # the grid respelled a name the window never touched (merged three ways below)
                name_kept = renamed_row
                then_names = old.imported.get("names")
                names_then = [str(n) for n in then_names] if isinstance(then_names, list) else None
                if renamed_row:
                    if names_then is not None and names_then not in (old.names, participant.names):
                        # corrected in the window, changed in the grid too: the window's kept,
                        # said with the grid's among the edits it changed too
                        result.kept_over_grid.append(
                            KeptEdit(
                                old.display_name(), "names", _shown(old.names), _shown(participant.names)
                            )
                        )
                    elif (
                        names_then == list(old.names)
                        and _name_words(participant) & _name_words(old)
                        and _name_words(participant, every=True) != _name_words(old, every=True)
                    ):
                        # « Paul Dupont » now spelled « Paul Dupond » by the grid alone: taken,
                        # said; « MÜLLER Gérard » for « Gérard Müller » (the same words, other
                        # case, accents or order) is no new spelling: the file's kept, said below
                        name_kept = False
                    else:
                        # the file's name is the facilitator's correction, or the grid's names
                        # share no word with it (someone else of the structure?): kept, and said
                        result.renamed.append((_said(participant), _said_now(old)))
                seen.add(old.id)
                result.updated += 1
                base = old.imported
                # every line the grid gave at the last import known: one not among them was typed
                # in the window (a file of format 14 or before did not keep them all: not known).
                # Nothing kept at all: a row added in the window (Ctrl+N) since the file is of
                # format 15 (migration 15 gave every row of an older file its "lines"), never in a
                # grid, all its lines typed in the window.
                every_line = base.get(EVERY_LINE) is True or not base
                stamps = self._edit_stamps(old.id)
                values: dict[str, Any] = {}
                fields_told: set[str] = set()
                for name in PARTICIPANT_FIELDS:
                    grid: Any = getattr(participant, name)
                    mine: Any = getattr(old, name)
                    if name_kept and name in ("names", "source_text"):
                        values[name] = mine  # said above
                        continue
                    if name == "contact" and not grid:
                        # a contact typed since is kept unless the grid has a contact column saying one
                        values[name] = mine
                        continue
                    value, told = _three_way(base.get(name), mine, grid, edited=name in stamps)
                    values[name] = value
                    if name == "source_text" and told != _TAKEN and {told, _OVER_GRID} & fields_told:
                        continue  # the cell as typed, retyped with the fields already told
                    if told != _TAKEN:
                        fields_told.add(told)
                    if name == "names" and told == _TAKEN and value != mine:
                        # a name the grid respelled, never edited in the window: taken, and said
                        result.names_taken.append(
                            (replace(old, names=list(value)).display_name(), _shown(mine), _shown(value))
                        )
                    elif name == "names" and told == _KEPT:
                        # a name corrected in the window: said by name, as a row found by its
                        # structure and lines is (`renamed`)
                        result.renamed_since.append((_said(participant), _said_now(old)))
                    elif told == _KEPT:
                        result.kept_edits += 1
                    elif told == _OVER_GRID:
                        result.kept_over_grid.append(
                            KeptEdit(old.display_name(), name, _shown(mine), _shown(grid))
                        )
                # the people the row names once merged (a name kept from the window counts as kept)
                merged_people = people_of(replace(old, names=values["names"]))
                result.updated_people += merged_people
                # changed by the re-import: a field, or a line (its text, its place, one added or taken)
                changed = any(values[name] != getattr(old, name) for name in PARTICIPANT_FIELDS)
                lines_said: dict[str, dict[str, str]] = {}
                for kind in ITEM_KINDS:
                    texts = [i.text.strip() for i in new_items if i.kind == kind and i.text.strip()]
                    before = self.items(old.id, kind)
                    base_lines = _lines_of(base, kind)
                    said_now = lines_said.setdefault(str(kind), {})
                    said_then: dict[str, str] = {}  # lines the file keeps that the grid dropped
                    # Each line of the file is found by what the grid said of it at the last
                    # import (its text since may be the facilitator's), else by its text.
                    then = [str(base_lines.get(i.id, i.text)) for i in before]
                    ids = align_ids(then, [i.id for i in before], texts, alike_only=True)
                    kept = set(ids)
                    stays: list[Item] = []  # lines of the file the grid does not have, that stay
                    for item in before:
                        if item.id in kept:
                            continue
                        then_text = base_lines.get(item.id)
                        if item.id in held:
                            result.kept_items += 1
                            if then_text is not None or not every_line:
                                # not typed in the window: the next re-import knows it as the
                                # grid's (as the grid said it last; of an origin not known, as it
                                # reads), to drop once no match holds it
                                said_then[item.id] = then_text if then_text is not None else item.text.strip()
                        elif every_line and then_text is None:
                            # typed in the window, never in a grid: the facilitator's, kept
                            result.kept_typed += 1
                        elif then_text is not None and item.text.strip() != then_text:
                            # retyped in the window since the grid gave it, which has dropped it:
                            # the window's text, which the grid no longer has (next time a line
                            # typed in the window, as it is now)
                            result.kept_over_grid.append(
                                KeptEdit(old.display_name(), str(kind), item.text, "", dropped=True)
                            )
                        else:  # the grid's line, dropped by the grid (or of an origin not known)
                            result.removed.append((old.display_name(), item.text))
                            self.conn.execute("DELETE FROM items WHERE id = ?", (item.id,))
                            bury(self.conn, "items", [item.id])
                            continue
                        stays.append(item)
                    old_by_id = {i.id: i for i in before}
                    # lines the grid gave at the last import that the window deleted since
                    gone = {i: t for i, t in base_lines.items() if i not in old_by_id}
                    lines: list[tuple[str, str]] = []
                    for item_id, text in zip(ids, texts, strict=True):
                        if item_id not in old_by_id and (deleted := _deleted_line(gone, text)) is not None:
                            # deleted in the window: it stays deleted, said if the grid changed it
                            said_now[deleted] = text
                            if gone.pop(deleted) == text:
                                result.kept_edits += 1
                            else:
                                result.kept_over_grid.append(
                                    KeptEdit(old.display_name(), str(kind), "", text, deleted=True)
                                )
                            continue
                        if item_id not in old_by_id and not every_line:
                            # new to the file, or deleted in Atelier before the file kept what
                            # the grid said (format 14 or before): cannot be told, said
                            result.added_unknown.append((old.display_name(), text))
                        said_now[item_id] = text
                        if item_id in old_by_id:
                            mine_text = old_by_id[item_id].text
                            # never retyped since it was made: as the grid said it (a file of
                            # format 14 or before, whose lines' grid text was not kept)
                            known = base_lines.get(item_id)
                            text, told = _three_way(known, mine_text, text, edited=True)
                            if told == _KEPT:
                                result.kept_edits += 1
                            elif told == _OVER_GRID:
                                result.kept_over_grid.append(
                                    KeptEdit(old.display_name(), str(kind), mine_text, said_now[item_id])
                                )
                        lines.append((item_id, text))
                    lines += [(i.id, i.text) for i in stays]
                    said_now.update(said_then)
                    if [i for i, _ in lines] != [i.id for i in before] or any(
                        old_by_id[i].text != t for i, t in lines if i in old_by_id
                    ):
                        changed = True
                    for position, (item_id, text) in enumerate(lines):
                        if item_id in old_by_id:
                            if old_by_id[item_id].text != text:
                                retyped[item_id] = old_by_id[item_id].text
                            elif old_by_id[item_id].position == position:
                                continue  # as it was: the file not written for nothing
                            self.conn.execute(
                                "UPDATE items SET text = ?, position = ?, "
                                "updated = CASE WHEN text != ? THEN ? ELSE updated END WHERE id = ?",
                                (text, position, text, now, item_id),
                            )
                        else:
                            self._insert_item_row(Item(old.id, kind, text, position, id=item_id), shift=False)
                if changed:
                    result.changed += 1
                    result.changed_people += merged_people
                said = {name: getattr(participant, name) for name in PARTICIPANT_FIELDS}
                said["names"] = list(participant.names)
                said["lines"] = {kind: lines for kind, lines in lines_said.items() if lines}
                said[EVERY_LINE] = True
                if name_kept and names_then == list(old.names):
                    # the file's name kept though the window never corrected it: the grid's
                    # last-import name stays what the next re-import compares with, so that it
                    # says the same, never « corrigé dans Atelier »
                    said["names"] = names_then
                    said["source_text"] = base.get("source_text", old.source_text)
                cells = json.dumps(participant.source_cells, ensure_ascii=False)
                if (
                    not changed
                    and json.loads(cells) == json.loads(json.dumps(old.source_cells))
                    and json.loads(dump_object(said)) == old.imported
                ):
                    continue  # the grid says what it said, the file is as it was: not written
                # « modifié le » (participants.updated) only when a field or a line changed:
                # what the grid said, kept for the next re-import, is no change of theirs
                self.conn.execute(
                    "UPDATE participants SET names = ?, organisation = ?, territory = ?, role = ?, "
                    "contact = ?, source_text = ?, source_cells = ?, imported = ?, "
                    "updated = CASE WHEN ? THEN ? ELSE updated END WHERE id = ?",
                    (
                        dump(values["names"]),
                        values["organisation"],
                        values["territory"],
                        values["role"],
                        values["contact"],
                        values["source_text"],
                        cells,
                        dump_object(said),
                        changed,
                        now,
                        old.id,
                    ),
                )
            if progress is not None and rows:
                progress(len(rows), len(rows))
            result.absent = len([p for p in existing if p.id not in seen])
            result.absent_people = sum(people_of(p) for p in existing if p.id not in seen)
            if retyped:
                _before, result.retyped = self._mark_retyped(retyped, explain, now)
            result.written = upgrading or self.conn.total_changes != changes
        return result


def _deleted_before(participant: Participant, workshop_id: str, deleted_rows: Mapping[str, set[str]]) -> bool:
    """Whether a grid row is a participant of this workshop deleted in the window
    (graves.bury_row): her cell, or her names and structure, as the grid gave them."""
    keys = row_keys(participant)
    return any(
        row_digest(workshop_id, participant_id, key) in digests
        for participant_id, digests in deleted_rows.items()
        for key in keys
    )


# What `_three_way` did: took the grid's value (or both said the same), kept the window's edit
# the grid did not change, or kept the window's edit over another value of the grid.
_TAKEN, _KEPT, _OVER_GRID = "taken", "kept", "over_grid"


def _three_way(then: Any, mine: Any, grid: Any, *, edited: bool) -> tuple[Any, str]:
    """A field or line of a participant re-imported: `then` what the grid said at the last
    import (None when not known), `mine` the file's value, `grid` what the grid says now. An
    edit made in the window since (`mine` differs from `then`) is kept: silently when the
    grid did not change (`_KEPT`), said when the grid changed too, to something else
    (`_OVER_GRID`). Not knowing `then` (a file of format 14 or before), the file's value
    differing from the grid's is kept and said if it was `edited` in the window, else the
    grid's is taken, as re-imports did."""
    if mine == grid:
        return grid, _TAKEN
    if then is None:
        return (mine, _OVER_GRID) if edited else (grid, _TAKEN)
    if isinstance(mine, list):
        then = list(then) if isinstance(then, list) else then
    if grid == then:
        return mine, _KEPT
    if mine == then:
        return grid, _TAKEN
    return mine, _OVER_GRID


def _lines_of(imported: dict[str, Any], kind: str) -> dict[str, str]:
    """The lines of one kind the grid gave a participant at the last import, by item id."""
    lines = imported.get("lines")
    found = lines.get(kind) if isinstance(lines, dict) else None
    return {str(i): str(t) for i, t in found.items()} if isinstance(found, dict) else {}


def _deleted_line(gone: dict[str, str], text: str) -> str | None:
    """Which line deleted in the window since the last import (`gone`: id -> the grid's text
    then) a line of the grid now is: the same text, else the most alike (as `align_ids` pairs
    lines); None if none is."""
    import difflib

    from atelier.french import fold
    from atelier.store.grid import LIKENESS

    for line_id, then in gone.items():
        if then == text:
            return line_id
    best, best_ratio = None, LIKENESS
    for line_id, then in gone.items():
        ratio = difflib.SequenceMatcher(a=fold(then), b=fold(text), autojunk=False).ratio()
        if ratio >= best_ratio:
            best, best_ratio = line_id, ratio
    return best


def _shown(value: Any) -> str:
    """A field's value as the report quotes it (names: « Paul Durand, Léa Petit »)."""
    return ", ".join(value) if isinstance(value, list) else str(value)


def _same_names(one: Participant, other: Participant) -> bool:
    """The same names (case, accents, spacing and order of words aside) and structure."""
    from atelier.french import fold

    def words(participant: Participant) -> list[list[str]]:
        return sorted(sorted(fold(n).split()) for n in participant.names if n.strip())

    return (
        bool(one.names) and words(one) == words(other) and fold(one.organisation) == fold(other.organisation)
    )


def _said(participant: Participant) -> str:
    """A participant as the re-import's report names them: their cell as typed."""
    return participant.source_text.strip() or participant.display_name()


def _said_now(participant: Participant) -> str:
    """A participant of the file as it names them now: their cell as typed while it holds each
    of their names as written (case and accents too), else their names and structure. A name
    corrected in the card, or typed over by the window, leaves the grid's cell behind: quoting
    it would name the person the file no longer has (« Paul Martin » for « Paul Martín »), or
    someone the file no longer names (« Marie Dupont et Paul Martin » for Marie alone), and
    would quote the grid's cell twice in « reconnu comme »."""
    said = participant.imported
    then_names = said.get("names")
    cell = " ".join(participant.source_text.split())
    if (
        isinstance(then_names, list)
        and cell == " ".join(str(said.get("source_text", "")).split())
        and [str(n) for n in then_names] != list(participant.names)
    ):
        return participant.display_name()  # the grid's cell, its names corrected since

    def words(text: str) -> str:  # « Roby-Martin » as « Roby Martin », each word whole
        return " " + " ".join(re.findall(r"\w+", text)) + " "

    names = [words(n) for n in participant.names if n.strip()]
    if cell and names and all(n in words(cell) for n in names):
        return participant.source_text.strip()
    return participant.display_name()


def _folded_lines(texts: Iterable[str]) -> set[str]:
    from atelier.french import fold

    return {" ".join(fold(t).split()) for t in texts if t.strip()}


def _same_row_retyped(
    participant: Participant, items: Sequence[Item], other: Participant, lines: set[str]
) -> bool:
    """Whether a grid row the file does not know by its cell or names is `other` renamed: the
    same structure, or a name word in common (« Roby » in « Roby-Martin »), and at least half
    of the lines of the one of them that has fewer (one at least) the same."""
    from atelier.french import fold

    same_structure = bool(fold(participant.organisation).strip()) and (
        " ".join(fold(participant.organisation).split()) == " ".join(fold(other.organisation).split())
    )
    if not (same_structure or _name_words(participant) & _name_words(other)):
        return False
    mine = _folded_lines(i.text for i in items)
    shared = len(mine & lines)
    return shared >= 1 and 2 * shared >= min(len(mine), len(lines))


def _name_words(participant: Participant, every: bool = False) -> set[str]:
    """The words of three letters or more of a participant's names, folded (« Roby » of
    « Maxime Roby-Martin »); `every`: each word, however short (« Li », « Bo »)."""
    from atelier.french import fold

    pattern = r"\w+" if every else r"\w{3,}"
    return {w for n in participant.names for w in re.findall(pattern, fold(n))}


def _as_imported(participant: Participant) -> Participant:
    """The participant as the grid said them at the last import (what is not known: as now)."""
    said = participant.imported
    names = said.get("names")
    return replace(
        participant,
        names=[str(n) for n in names] if isinstance(names, list) else participant.names,
        source_text=str(said.get("source_text", participant.source_text)),
    )


def row_keys(participant: Participant) -> set[str]:
    """How the row of a deleted participant is known again in a re-imported grid
    (graves.bury_row): her cell, or her names with her structure, as the grid gave them at the
    last import and as the file had them (a participant of the same names at another structure
    is someone else)."""
    from atelier.french import fold

    def plain(text: str) -> str:
        return " ".join(fold(text).split())

    keys: set[str] = set()
    for said in (participant, _as_imported(participant)):
        if said.source_text.strip():
            keys.add("cell:" + plain(said.source_text))
        names = sorted(plain(n) for n in said.names if n.strip())
        if names:
            keys.add("people:" + "|".join(names) + "|at:" + plain(said.organisation))
    return keys


def _participant_keys(participant: Participant) -> list[str]:
    """How a re-imported grid row is recognised: its cell text, then the people it names."""
    from atelier.french import fold

    def plain(text: str) -> str:
        return " ".join(fold(text).split())

    keys = []
    if participant.source_text.strip():
        keys.append("cell:" + plain(participant.source_text))
    names = sorted(plain(n) for n in participant.names if n.strip())
    if names:
        keys.append("names:" + "|".join(names))
    return keys
