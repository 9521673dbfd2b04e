"""The matches between needs and resources: suggested, confirmed, rejected or made by hand,
read and written as the Store's `MatchesPart`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from atelier.domain import (
    FollowUp,
    FollowUpStep,
    Item,
    ItemKind,
    Match,
    MatchStatus,
    Reason,
    RetypedDecision,
    decided_at,
    now_iso,
)
from atelier.errors import InvalidValue, NotFound
from atelier.store.base import StoreBase
from atelier.store.graves import bury
from atelier.store.rows import encoded, from_row, json_dict, to_row

# Given the decided matches whose need or resource was just retyped (the new texts already
# written, in the same transaction), their reasons for the texts as they are now, by match id
# (atelier.matching.reasons_now). Without one, a retyped match is said « décidée par
# l'animateur » (no reason): never words the new texts no longer say.
Explain = Callable[[Sequence[Match]], Mapping[str, list[Reason]]]


class MatchesPart(StoreBase):
    """Matches: their rows, suggestions replaced for some needs, decisions kept."""

    if TYPE_CHECKING:  # what this part needs of the others

        def item(self, item_id: str) -> Item: ...

    def matches(self, workshop_id: str, status: MatchStatus | None = None) -> list[Match]:
        """The workshop's matches, best first; not a suggestion of what someone of another
        workshop said who has since asked not to be published across workshops (`_SHOWN`)."""
        if status is None:
            return self._all_matches_for(
                f"SELECT * FROM matches WHERE workshop_id = ? AND {_SHOWN} ORDER BY score DESC, created",
                (workshop_id,),
            )
        return self._all_matches_for(
            f"SELECT * FROM matches WHERE workshop_id = ? AND status = ? AND {_SHOWN} AND {_ASKER_SHOWN} "
            "ORDER BY score DESC, created",
            (workshop_id, str(status)),
        )

    def decided_times(self, workshop_id: str) -> dict[str, str]:
        """Match id -> when it was decided (domain.decided_at: a stored UTC timestamp or a day),
        for the confirmed and hand-made matches of a workshop: the day of its decision step,
        « décidée le … » in its follow-up, however the facilitator dated it since; for a path
        without one (format 8 or before), the edit time of its status, or, a status never
        changed, the time the match was recorded (already decided). "" when not known: a row
        changed on a later day before edit times were kept (format 4)."""
        from atelier.store.rows import steps

        found: dict[str, str] = {}
        for match_id, edited, created, updated, path in self.conn.execute(
            "SELECT id, edited, created, updated, follow_up_steps FROM matches"
            " WHERE workshop_id = ? AND status IN ('confirmed', 'manual')",
            (workshop_id,),
        ):
            stamps = json_dict(edited)
            same_day = created[:10] == updated[:10]
            recorded = str(stamps.get("status") or (created if stamps or same_day else ""))
            found[match_id] = decided_at(steps(path), recorded)
        return found

    def match(self, match_id: str) -> Match:
        found = self._all_matches_for("SELECT * FROM matches WHERE id = ?", (match_id,))
        if not found:
            raise NotFound(id=match_id)
        return found[0]

    def matches_for_need(self, need_id: str) -> list[Match]:
        return self._all_matches_for(
            f"SELECT * FROM matches WHERE need_id = ? AND {_SHOWN} ORDER BY score DESC", (need_id,)
        )

    def match_for_pair(self, need_id: str, resource_id: str) -> Match | None:
        found = self._all_matches_for(
            "SELECT * FROM matches WHERE need_id = ? AND resource_id = ?", (need_id, resource_id)
        )
        return found[0] if found else None

    def decided_pairs(self, workshop_id: str) -> set[tuple[str, str]]:
        return {
            (row[0], row[1])
            for row in self.conn.execute(
                "SELECT need_id, resource_id FROM matches WHERE workshop_id = ? AND status != 'suggested'",
                (workshop_id,),
            )
        }

    def decided_elsewhere_with(self, workshop_id: str) -> list[Match]:
        """The confirmed or hand-made matches of other workshops whose helper is one of this
        workshop's participants (matching across workshops): who was put in touch with them
        after this workshop."""
        return self._all_matches_for(
            "SELECT m.* FROM matches m JOIN items i ON i.id = m.resource_id "
            "JOIN participants p ON p.id = i.participant_id "
            "WHERE p.workshop_id = ? AND m.workshop_id != ? AND m.status IN ('confirmed', 'manual') "
            "ORDER BY m.score DESC, m.created",
            (workshop_id, workshop_id),
        )

    def matches_answered_from(self, workshop_id: str) -> list[Match]:
        """The needs of other workshops that something said at this one was matched to (an
        offer or action of one of its participants, not set aside), each with all its matches
        not set aside, as the need's own workshop shows them: the pages of this workshop tell
        the match from the helper's end too, and rank it as the need's page does. Not a
        suggestion for the need of someone who asked not to be published in the directory
        (participants.unlisted): what they need is for their own workshop's room; a decision
        the facilitator made is followed up, and stays."""
        return self._all_matches_for(
            f"SELECT * FROM matches WHERE status != 'rejected' AND {_SHOWN} AND {_ASKER_SHOWN} "
            "AND need_id IN (SELECT m.need_id FROM matches m JOIN items i ON i.id = m.resource_id "
            "JOIN participants p ON p.id = i.participant_id "
            "WHERE p.workshop_id = ? AND m.workshop_id != ? AND m.status != 'rejected') "
            "ORDER BY score DESC, created",
            (workshop_id, workshop_id),
        )

    def _all_matches_for(self, sql: str, params: Sequence[Any]) -> list[Match]:
        return [from_row(Match, r) for r in self._all(sql, params)]

    def _matches_of_items(self, item_ids: Sequence[str]) -> list[Match]:
        found: list[Match] = []
        for item_id in item_ids:
            found += self._all_matches_for(
                "SELECT * FROM matches WHERE need_id = ? OR resource_id = ?", (item_id, item_id)
            )
        return found

    def _mark_retyped(
        self, before: Mapping[str, str], explain: Explain | None, now: str
    ) -> tuple[list[Match], list[RetypedDecision]]:
        """Inside a write: the items `before` names (item id -> its text before) were retyped.
        Each confirmed or hand-made match standing on one of them gets its reasons worked out
        again for the texts of now and is marked retyped. A suggestion on one of them goes: its
        reasons quote the old text (the window's matching suggests the new one again, `atelier
        match` works it out afresh). Returns the matches as they were (for undo) and what to
        tell of each decided one."""
        standing = list({m.id: m for m in self._matches_of_items(list(before))}.values())
        stale = [m for m in standing if m.status == MatchStatus.SUGGESTED]
        for match in stale:
            self.conn.execute("DELETE FROM matches WHERE id = ?", (match.id,))
        decided = [m for m in standing if m.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL)]
        if not decided:
            return stale, []
        # Only its case, accents, spacing or punctuation corrected, a statement says what was
        # decided: its reasons quote it as written now, and nothing is to review.
        said_else = {i for i, text in before.items() if _words(text) != _words(self.item(i).text)}
        found = dict(explain(decided)) if explain is not None else {}
        told: list[RetypedDecision] = []
        for match in decided:
            reasons = found.get(match.id, [])
            if match.status == MatchStatus.MANUAL and not match.reasons:
                reasons = []  # made by hand: said « décidée par l'animateur », as before
            changes: dict[str, Any] = {"reasons": reasons}
            retyped_id = next((i for i in (match.resource_id, match.need_id) if i in said_else), "")
            if retyped_id:
                changes["retyped"] = now
            row = encoded(Match, changes)
            row["updated"] = now
            row["edited"] = self._stamps("matches", match.id, row)
            self._db_().table("matches").update(match.id, row)
            if not retyped_id:
                continue
            told.append(
                RetypedDecision(
                    match.id,
                    self._who_said(match.need_id),
                    self._who_said(match.resource_id),
                    before[retyped_id],
                    self.item(retyped_id).text,
                )
            )
        return decided + stale, told

    def _who_said(self, item_id: str) -> str:
        """« Anne Martin (PLIE Landes) »: who said this statement."""
        row = self._one(
            "SELECT p.* FROM participants p JOIN items i ON i.participant_id = p.id WHERE i.id = ?",
            (item_id,),
        )
        if row is None:
            return "?"
        from atelier.domain import Participant

        return from_row(Participant, row).display_name()

    def add_match(self, match: Match) -> Match:
        """Record a match; an existing match for the same pair is replaced."""
        need = self.item(match.need_id)
        resource = self.item(match.resource_id)
        if need.kind != ItemKind.NEED:
            raise InvalidValue("record.unknown", id=match.need_id)
        if need.participant_id == resource.participant_id:
            raise InvalidValue("record.unknown", id=match.resource_id)
        if match.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL) and not match.follow_up_changed:
            # « à contacter » from the moment it was decided (a match recorded as made on the day
            # of the workshop, by a merge or a test, is to contact since then)
            match.follow_up_changed = match.created or now_iso()
        if match.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL) and not match.follow_up_steps:
            match.follow_up_steps = [FollowUpStep(match.follow_up, match.follow_up_changed, now_iso())]
        with self._write():
            self._insert_match_row(match, replace=True)
        return match

    def _present_items(self, item_ids: set[str]) -> set[str]:
        """Those of these items still in the file."""
        wanted = sorted(item_ids)
        present: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            present.update(
                r[0] for r in self.conn.execute(f"SELECT id FROM items WHERE id IN ({marks})", chunk)
            )
        return present

    def _insert_match_row(self, match: Match, *, replace: bool = False) -> None:
        self._db_().table("matches").insert(to_row(match), replace=replace)

    def replace_suggestions(
        self, workshop_id: str, need_ids: Sequence[str], suggestions: Sequence[Match]
    ) -> int:
        """New suggestions for these needs, in one transaction.

        Old suggestions of the needs go; confirmed, manual and rejected matches stay,
        and a pair already decided is never suggested again.
        """
        decided = {
            (row[0], row[1])
            for row in self.conn.execute(
                "SELECT need_id, resource_id FROM matches WHERE workshop_id = ? AND status != 'suggested'",
                (workshop_id,),
            )
        }
        written = 0
        with self._write():
            # A need whose suggestions are made again as they were (same pairs, scores and
            # reasons: the window matches the workshop again each time it opens a file) keeps
            # its rows as they are, ids and times: a file only opened does not change (a sync
            # tool, or a merge, would take that for an edit made now). A need whose suggestions
            # changed gets them all anew (when they were made says which copy matched it last).
            stored: dict[str, set[tuple[str, float, str]]] = {}
            for need_id in need_ids:
                stored[need_id] = {
                    (str(resource_id), round(float(score or 0), 6), str(reasons or ""))
                    for resource_id, score, reasons in self.conn.execute(
                        "SELECT resource_id, score, reasons FROM matches "
                        "WHERE need_id = ? AND status = 'suggested'",
                        (need_id,),
                    )
                }
            # Computed in the background while the facilitator kept typing: a need or an offer
            # deleted meanwhile (a row removed, a cell emptied, an undo) is not suggested.
            present = self._present_items(
                {m.need_id for m in suggestions} | {m.resource_id for m in suggestions}
            )
            fresh: dict[str, list[Match]] = {need_id: [] for need_id in need_ids}
            for match in suggestions:
                if (match.need_id, match.resource_id) in decided:
                    continue
                if match.need_id not in present or match.resource_id not in present:
                    continue
                fresh.setdefault(match.need_id, []).append(match)
            anew: list[dict[str, Any]] = []
            for need_id, made in fresh.items():
                rows = [to_row(m) for m in made]
                again = {
                    (str(r["resource_id"]), round(float(r["score"] or 0), 6), str(r["reasons"] or ""))
                    for r in rows
                }
                written += len(rows)
                if len(again) == len(rows) and again == stored.get(need_id, set()):
                    continue  # the same suggestions: left as they are
                self.conn.execute(
                    "DELETE FROM matches WHERE need_id = ? AND status = 'suggested'", (need_id,)
                )
                anew += rows
            # One statement for all the rows (sqlite-utils looks the table up at each insert:
            # 0.4 ms a row, 24 s for the 60,000 suggestions of 4,000 participants).
            if anew:
                self._db_().table("matches").insert_all(anew, replace=True, batch_size=500)
        return written

    def update_match(self, match_id: str, **changes: Any) -> Match:
        """Change some fields of a match. A new follow-up state is dated now (unless
        `follow_up_changed` is given), and so is a match just confirmed, whose follow-up
        (« à contacter ») starts then."""
        allowed = {
            "status",
            "score",
            "reasons",
            "note",
            "follow_up",
            "follow_up_changed",
            "follow_up_steps",
            "retyped",
        }
        current = self.match(match_id)
        if "status" in changes and "retyped" not in changes and current.retyped:
            # Confirmed again, or set aside: the facilitator has reviewed the retyped text.
            changes["retyped"] = ""
        deciding = (MatchStatus.CONFIRMED, MatchStatus.MANUAL)
        if (
            "status" in changes
            and MatchStatus(changes["status"]) in deciding
            and current.status not in deciding
            and "follow_up" not in changes
            and "follow_up_changed" not in changes
        ):
            # Decided again after being set aside: a fresh « à contacter » from now, not the
            # state (« contacté le 02/11 ») of the match that was set aside; its note stays.
            changes["follow_up"] = FollowUp.TO_CONTACT
            changes["follow_up_changed"] = now_iso()
        if "follow_up_changed" not in changes:
            new_state = changes.get("follow_up")
            decided = changes.get("status") in (MatchStatus.CONFIRMED, MatchStatus.MANUAL)
            if (new_state is not None and FollowUp(new_state) != current.follow_up) or (
                decided and not current.follow_up_changed
            ):
                changes["follow_up_changed"] = now_iso()
        for key, kind in (("status", MatchStatus), ("follow_up", FollowUp)):
            if key in changes:
                changes[key] = kind(changes[key])
        if "follow_up_steps" not in changes:
            steps = _steps_after(current, changes)
            if steps is not None:
                changes["follow_up_steps"] = steps
        self._update_row("matches", current, changes, allowed)
        return current

    def delete_match(self, match_id: str) -> Match:
        current = self.match(match_id)
        with self._write():
            self.conn.execute("DELETE FROM matches WHERE id = ?", (match_id,))
            bury(self.conn, "matches", [match_id])
        return current


# A suggestion (not a decision) of what a participant of another workshop said, who has since
# asked not to be published across workshops (participants.unlisted): made before they asked,
# it is shown nowhere (card, projector, minutes, JSON), and the matching no longer makes it. A
# match the facilitator decided is followed up, and stays.
_SHOWN = (
    "NOT (status = 'suggested' AND EXISTS (SELECT 1 FROM items i JOIN participants p "
    "ON p.id = i.participant_id WHERE i.id = matches.resource_id AND p.unlisted "
    "AND p.workshop_id != matches.workshop_id))"
)
# Read from another workshop than the need's (matches_answered_from): not a suggestion for the
# need of a participant who asked not to be published in the directory.
_ASKER_SHOWN = (
    "NOT (status = 'suggested' AND EXISTS (SELECT 1 FROM items i JOIN participants p "
    "ON p.id = i.participant_id WHERE i.id = matches.need_id AND p.unlisted))"
)


def _words(text: str) -> list[str]:
    """A statement's words, case, accents, spacing and punctuation aside."""
    import re

    from atelier.french import fold

    return re.findall(r"\w+", fold(text))


def _steps_after(current: Match, changes: dict[str, Any]) -> list[FollowUpStep] | None:
    """The follow-up's history once these changes are made (None: unchanged). A match just
    decided starts it with its first step; a new state adds a step; a new day for the same
    state dates the current step again (a correction, not a step)."""
    deciding = (MatchStatus.CONFIRMED, MatchStatus.MANUAL)
    status = MatchStatus(changes.get("status", current.status))
    if status not in deciding:
        return None  # set aside: its path stays as it was (an undo brings the match back with it)
    state = FollowUp(changes.get("follow_up", current.follow_up))
    day = str(changes.get("follow_up_changed", current.follow_up_changed))
    step = FollowUpStep(state, day, now_iso())
    if current.status not in deciding or not current.follow_up_steps:
        return [step]
    if state != current.follow_up:
        return [*current.follow_up_steps, step]
    if day != current.follow_up_changed:
        return [*current.follow_up_steps[:-1], step]
    return None
