"""The follow-up list: every confirmed or hand-made match of a file, with the people and
workshops around it, and short ids a person can type (like git's abbreviated hashes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from atelier.domain import (
    FollowUp,
    FollowUpEntry,
    FollowUpStep,
    Item,
    Match,
    MatchStatus,
    Participant,
    Workshop,
    decision_step,
    now_iso,
)
from atelier.errors import AtelierError, FollowUpBackwards, InvalidValue
from atelier.store.base import StoreBase
from atelier.store.rows import from_row, json_dict

if TYPE_CHECKING:
    pass

DECIDED = ("confirmed", "manual")
SHORTEST = 6


def short_ids(ids: Sequence[str]) -> dict[str, str]:
    """For each id, its shortest prefix (at least SHORTEST characters) that no other id starts with."""
    ordered = sorted(set(ids))
    found: dict[str, str] = {}
    for index, value in enumerate(ordered):
        length = SHORTEST
        for neighbour in (
            ordered[index - 1] if index else "",
            ordered[index + 1] if index + 1 < len(ordered) else "",
        ):
            common = 0
            for a, b in zip(value, neighbour, strict=False):
                if a != b:
                    break
                common += 1
            length = max(length, common + 1)
        found[value] = value[:length]
    return found


def follow_ups(
    store: StoreBase,
    *,
    workshop_id: str | None = None,
    state: FollowUp | None = None,
    participant: str | None = None,
    helping: bool = False,
) -> list[FollowUpEntry]:
    """Decided matches, by workshop date, then the grid's order of the person in need.

    `participant` keeps the matches where the person in need or the one who can help is
    named so: their names or structure hold the words typed, as the directory finds them
    (accents and case ignored, words as prefixes, a structure by its acronym or spelled
    out: store/directory.py `named`). With
    `helping`, a workshop's list also has the matches of other workshops where one of its
    participants is the one who can help (matching across workshops)."""
    from atelier.store.directory import named

    decided = ", ".join(f"'{s}'" for s in DECIDED)
    sql = f"SELECT * FROM matches WHERE status IN ({decided})"
    params: list[str] = []
    if workshop_id is not None and helping:
        sql += (
            " AND (workshop_id = ? OR resource_id IN (SELECT i.id FROM items i JOIN participants p"
            " ON p.id = i.participant_id WHERE p.workshop_id = ?))"
        )
        params += [workshop_id, workshop_id]
    elif workshop_id is not None:
        sql += " AND workshop_id = ?"
        params.append(workshop_id)
    if state is not None:
        sql += " AND follow_up = ?"
        params.append(str(state))
    matches: list[Match] = [from_row(Match, r) for r in store._all(sql, params)]
    all_ids = [r[0] for r in store.conn.execute(f"SELECT id FROM matches WHERE status IN ({decided})")]
    shorts = short_ids(all_ids)
    item_ids = sorted({i for m in matches for i in (m.need_id, m.resource_id)})
    items: dict[str, Item] = {}
    for start in range(0, len(item_ids), 500):
        chunk = item_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in store._all(f"SELECT * FROM items WHERE id IN ({marks})", chunk):
            items[row["id"]] = from_row(Item, row)
    people_ids = sorted({i.participant_id for i in items.values()})
    people: dict[str, Participant] = {}
    for start in range(0, len(people_ids), 500):
        chunk = people_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in store._all(f"SELECT * FROM participants WHERE id IN ({marks})", chunk):
            people[row["id"]] = from_row(Participant, row)
    workshops: dict[str, Workshop] = {
        row["id"]: from_row(Workshop, row) for row in store._all("SELECT * FROM workshops")
    }
    wanted = named(store.conn, participant) if participant and participant.strip() else None
    entries = []
    for match in matches:
        need, resource = items.get(match.need_id), items.get(match.resource_id)
        if need is None or resource is None:
            continue
        # As the list's workshop says them (or, the whole file's, the match's own workshop): not
        # named, someone of another workshop who asked not to be published (seen_from), nor
        # found by their name.
        viewer = workshop_id or match.workshop_id
        asking, helper = (people[i.participant_id].seen_from(viewer) for i in (need, resource))
        if wanted is not None and not {p.id for p in (asking, helper) if not p.unnamed} & wanted:
            continue
        entries.append(
            FollowUpEntry(
                match,
                workshops[match.workshop_id],
                need,
                asking,
                resource,
                helper,
                workshops[helper.workshop_id],
                shorts.get(match.id, match.id),
            )
        )
    entries.sort(
        key=lambda e: (
            e.workshop.date or "9999",
            e.workshop.created,
            e.need_participant.position,
            e.need.position,
            e.resource_participant.position,
        )
    )
    return entries


def resolve(store: StoreBase, typed: str) -> str:
    """The id of the decided match whose id starts with what was typed; a clear error when
    none does, when it is only a suggestion, or when several do."""
    from atelier.errors import AtelierError
    from atelier.i18n import command_line

    listing = command_line("follow-up", store.path)  # pasted, it lists the ids
    prefix = typed.strip().lower()
    if not prefix:
        raise AtelierError("followup.unknown", id=typed, command=listing)
    if len(prefix) < SHORTEST:  # the list never shows fewer: a slip, not an id
        raise AtelierError("followup.too_short", id=typed, least=SHORTEST, command=listing)
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    decided = ", ".join(f"'{s}'" for s in DECIDED)
    found = [
        r[0]
        for r in store.conn.execute(
            f"SELECT id FROM matches WHERE status IN ({decided}) AND id LIKE ? ESCAPE '\\' LIMIT 6",
            (pattern,),
        )
    ]
    if len(found) == 1:
        return str(found[0])
    if len(found) > 1:
        shorts = short_ids(found)
        raise AtelierError("followup.ambiguous", id=typed, ids=", ".join(shorts[i] for i in found[:5]))
    undecided = store.conn.execute(
        f"SELECT count(*) FROM matches WHERE status NOT IN ({decided}) AND id LIKE ? ESCAPE '\\'", (pattern,)
    ).fetchone()[0]
    if undecided:
        raise AtelierError("followup.not_decided", id=typed)
    raise AtelierError("followup.unknown", id=typed, command=listing)


def step_said(state: FollowUp | str, day: str) -> str:
    """A dated step in the user's language: « contacté le 22/11/2026 »; « à contacter depuis le
    22/11/2026 », a state one is in since a day (« à contacter le 22/11 » reads as an order)."""
    from atelier.french import list_date
    from atelier.i18n import message

    if FollowUp(state) == FollowUp.TO_CONTACT:
        return message("followup.to_contact_since", date=list_date(day))
    return message("followup.state_on", state=message(f"state.{FollowUp(state).value}"), date=list_date(day))


def match_step_said(state: FollowUp | str, day: str) -> str:
    """Where a match stands, said of the match (« la mise en relation ») as the window says its
    steps: « contactée le 22/11/2026 », « faite le … », « classée sans suite le … »,
    « à contacter depuis le … »; without a known day, the word alone."""
    from atelier.french import list_date
    from atelier.i18n import message

    state = FollowUp(state)
    if state == FollowUp.TO_CONTACT:
        said = message("followup.to_contact_since", date=list_date(day))
        return said if day else message("state.to_contact")
    word = message(f"step.{state.value}")
    return message("followup.state_on", state=word, date=list_date(day)) if day else word


def path_said(steps: Sequence[FollowUpStep]) -> list[str]:
    """Each step of a follow-up in the user's language, as said of the match: « décidée le
    16/03/2026 », « contactée le 22/03/2026 », « faite le 03/04/2026 » (« remise à
    contacter le … » for a later « à contacter »); a step whose day is not known, its word."""
    from atelier.french import list_date
    from atelier.i18n import message

    decision = decision_step(steps)  # « décidée le … »: the day the minutes count it by
    said = []
    for step in steps:
        key = "step.decided" if step is decision else f"step.{step.state.value}"
        day = list_date(step.at)
        word = message(key)
        text = message("followup.state_on", state=word, date=day) if day else word
        # A step a merge took from another copy says so: « contactée le 04/11/2026 (notée dans
        # « a.atelier ») ».
        said.append(message("followup.step_copy", step=text, copy=step.copy) if step.copy else text)
    return said


class FollowUpPart(StoreBase):
    """Where each decided match stands after the workshop."""

    if TYPE_CHECKING:  # what this part needs of the others

        def match(self, match_id: str) -> Match: ...

        def update_match(self, match_id: str, **changes: Any) -> Match: ...

    def follow_ups(
        self,
        workshop_id: str | None = None,
        *,
        state: FollowUp | None = None,
        participant: str | None = None,
        helping: bool = False,
    ) -> list[FollowUpEntry]:
        """Every confirmed or hand-made match of the file (or of one workshop: with `helping`,
        also those of other workshops where one of its participants helps), with its people."""
        return follow_ups(
            self, workshop_id=workshop_id, state=state, participant=participant, helping=helping
        )

    def find_follow_up(self, typed: str) -> Match:
        """The decided match named by an id or its first characters (as `atelier suivi` lists them)."""
        return self.match(resolve(self, typed))

    def _refuse_before_workshop(self, workshop_id: str, state: FollowUp) -> None:
        """« contacté », « fait », « sans suite » recorded today are dated today: refused for a
        workshop still to come (the minutes would say a contact made before the two met)."""
        from datetime import date

        from atelier.french import long_date
        from atelier.i18n import message

        row = self.conn.execute("SELECT title, date FROM workshops WHERE id = ?", (workshop_id,)).fetchone()
        if row is not None and row[1] and date.today().isoformat() < row[1]:
            raise InvalidValue(
                "followup.before_workshop",
                title=row[0],
                date=long_date(row[1]),
                state=message(f"state.{state.value}"),
            )

    def _refuse_day_outside(self, workshop_id: str, day: str) -> None:
        """A step is dated between its workshop and today: « contacté le 01/12/2026 » in
        minutes written on 29 November, or « contacté le 01/03/2021 » after a workshop of
        16 March 2021, would not be true (whoever dates it: the command line, the window)."""
        from datetime import date

        from atelier.french import list_date, long_date

        if day > date.today().isoformat():
            raise InvalidValue("date.future", value=list_date(day))
        row = self.conn.execute("SELECT date FROM workshops WHERE id = ?", (workshop_id,)).fetchone()
        if row is not None and row[0] and day < row[0]:
            raise InvalidValue("date.before_workshop", value=list_date(day), workshop=long_date(row[0]))

    def _refuse_before_previous(self, current: Match, state: FollowUp, day: str | None) -> None:
        """A match's follow-up goes forward in time: « contacté le 10/04/2026 » after « à
        contacter depuis le 29/11/2026 » would say a contact made before the match existed.
        (The same state given another day corrects the date of that step, and is not refused.)"""
        from datetime import date

        from atelier.french import local_day

        previous = local_day(current.follow_up_changed)
        new = day or date.today().isoformat()
        if previous and new < previous:
            raise _backwards(state, new, current.follow_up, previous, current=True)

    def _redated_steps(self, current: Match, state: FollowUp, day: str) -> list[FollowUpStep] | None:
        """The history with one of its steps dated `day` instead, when that is what `state` on
        `day` means: the current step given another day (D, « --etat contacte --le » on a
        contacted match), or an earlier step of that state given a day before the current
        step's (« --etat a-contacter --le 16/03 » dates the decision of a match contacted
        since). None when it is a new step. Refused (FollowUpBackwards) when the day would
        put that step before the one before it."""
        from atelier.french import local_day

        steps = list(current.follow_up_steps) or [FollowUpStep(current.follow_up, current.follow_up_changed)]
        if state == current.follow_up:
            index = len(steps) - 1
        else:
            latest = local_day(current.follow_up_changed)
            earlier = [i for i, step in enumerate(steps[:-1]) if step.state == state]
            if not earlier or not latest or day >= latest:
                return None
            index = earlier[-1]
            after = local_day(steps[index + 1].at)
            if after and day > after:
                return None  # not between its neighbours: a new step, refused as backwards
        if index > 0:
            before = steps[index - 1]
            before_day = local_day(before.at)
            if before_day and day < before_day:
                raise _backwards(state, day, before.state, before_day, current=index - 1 == len(steps) - 1)
        steps[index] = FollowUpStep(state, day, now_iso(), steps[index].copy)  # (where it was noted)
        return steps

    def set_follow_up(
        self, match_id: str, state: FollowUp | str, *, note: str | None = None, day: str | None = None
    ) -> Match:
        """Set where a decided match stands: the state, dated now (or `day`, YYYY-MM-DD), and a note.

        Each new state is a step of the match's history; a day given for the current state, or
        for an earlier step of the same state before the current one, dates that step again."""
        current = self.match(match_id)
        if current.status not in (MatchStatus.CONFIRMED, MatchStatus.MANUAL):
            raise AtelierError("followup.not_decided", id=match_id[:8])
        state = FollowUp(state)
        changes: dict[str, Any] = {"follow_up": state}
        if not day and state not in (FollowUp.TO_CONTACT, current.follow_up):
            self._refuse_before_workshop(current.workshop_id, state)
        if day:
            from datetime import date

            try:
                date.fromisoformat(day)
            except ValueError:
                raise InvalidValue("date.invalid", value=day) from None
            from atelier.store.workshops import check_year

            check_year(day)
            self._refuse_day_outside(current.workshop_id, day)
            redated = self._redated_steps(current, state, day)
            if redated is not None:
                changes = {"follow_up_steps": redated}
                if state == current.follow_up:
                    changes["follow_up"] = state
                    changes["follow_up_changed"] = day
            else:
                changes["follow_up_changed"] = day
        elif state == current.follow_up and current.follow_up_changed:
            changes["follow_up_changed"] = current.follow_up_changed  # same state: keep its date
        if "follow_up_steps" not in changes and state != current.follow_up:
            self._refuse_before_previous(current, state, day)
        if note is not None:
            changes["note"] = note
        if _already_so(current, changes):  # nothing to record: the file is not written at all
            return current
        return self.update_match(match_id, **changes)

    def note_of_latest_step(self, match_id: str) -> str:
        """The match's note when it was written with its latest step or since (« Zoé a appelé
        Cécile » typed with « contactée »): it tells of that step, and goes out with it. ""
        when the note was written before (at the decision), when there is none, when the
        match has only its decision, or when the file does not say when the note was written.

        The step began when the match's state last changed (its `follow_up` edit time) or when
        the step was recorded, whichever is earlier: a day corrected since records the step
        again, a step taken out after it changes the state again."""
        current = self.match(match_id)
        steps = current.follow_up_steps
        if len(steps) < 2 or not current.note.strip():
            return ""
        row = self.conn.execute("SELECT edited FROM matches WHERE id = ?", (match_id,)).fetchone()
        stamps = json_dict(row[0]) if row is not None else {}
        written = stamps.get("note", "")
        began = min((t for t in (stamps.get("follow_up", ""), steps[-1].recorded) if t), default="")
        return current.note if written and began and written >= began else ""

    def remove_follow_up_step(self, match_id: str) -> FollowUpStep:
        """Take a decided match's latest follow-up step out (recorded by mistake: on the wrong
        match, or not true): the match stands at the step before, on its day, as it did then,
        without the note written with the step (`note_of_latest_step`): « Zoé a appelé Cécile »
        under « à contacter » would tell of a contact nobody made.
        Marked taken out (store/graves.py), so that a merge with a copy that still has it does
        not bring it back. The decision, its first step, is not one: refused (it is set aside
        in the grid). Returns the step taken out."""
        from atelier.store.graves import bury_step

        current = self.match(match_id)
        if current.status not in (MatchStatus.CONFIRMED, MatchStatus.MANUAL):
            raise AtelierError("followup.not_decided", id=match_id[:8])
        steps = list(current.follow_up_steps)
        if len(steps) < 2:
            raise AtelierError("followup.only_decision")
        removed, previous = steps[-1], steps[-2]
        changes: dict[str, Any] = {
            "follow_up": previous.state,
            "follow_up_changed": previous.at,
            "follow_up_steps": steps[:-1],
        }
        if self.note_of_latest_step(match_id):
            changes["note"] = ""
        with self._write():
            self.update_match(match_id, **changes)
            bury_step(self.conn, _taken_out_key(match_id, removed))
        return removed

    def put_back_follow_up_step(self, match_id: str, before: Match, removed: FollowUpStep) -> Match:
        """Undo `remove_follow_up_step`: the follow-up (and the note) as it was before (`before`),
        its marker gone."""
        from atelier.store.graves import unbury_step

        with self._write():
            match = self.update_match(
                match_id,
                follow_up=before.follow_up,
                follow_up_changed=before.follow_up_changed,
                follow_up_steps=list(before.follow_up_steps),
                note=before.note,  # the note written with the step, back with it
            )
            unbury_step(self.conn, _taken_out_key(match_id, removed))
        return match


def _taken_out_key(match_id: str, step: FollowUpStep) -> str:
    from atelier.store.graves import step_key

    return step_key(match_id, step.state.value, step.at, step.recorded)


def _backwards(
    state: FollowUp, day: str, previous_state: FollowUp, previous_day: str, *, current: bool
) -> FollowUpBackwards:
    """The refusal of `state` on `day`, which would come before `previous_state` on `previous_day`."""
    return FollowUpBackwards(
        state=state.value,
        day=day,
        previous_state=previous_state.value,
        previous_day=previous_day,
        previous_current=current,
        new=step_said(state, day),
        previous=step_said(previous_state, previous_day),
    )


def _already_so(current: Match, changes: dict[str, Any]) -> bool:
    """Whether `changes` (of `set_follow_up`) record only what the match already says: the same
    state on the same day, the same steps on the same days, the same note. Written anyway, they
    would change the file (its modification time, each field's edit time that merges compare)
    for nothing a person could see."""
    from atelier.french import local_day

    if not current.follow_up_steps:
        return False  # an older match: recording it starts its history
    if "note" in changes and changes["note"] != current.note:
        return False
    if FollowUp(changes.get("follow_up", current.follow_up)) != current.follow_up:
        return False
    if "follow_up_changed" in changes and local_day(changes["follow_up_changed"]) != local_day(
        current.follow_up_changed
    ):
        return False
    if "follow_up_steps" in changes:

        def days(steps: list[FollowUpStep]) -> list[tuple[FollowUp, str]]:
            return [(step.state, local_day(step.at)) for step in steps]

        return bool(days(changes["follow_up_steps"]) == days(current.follow_up_steps))
    return True
