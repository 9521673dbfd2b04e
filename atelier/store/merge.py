"""Merge two captures of the same workshop into one file, nothing dropped.

Two facilitators each typed some tables of the room into a copy of the same file. Every
entry has a UUID: entries only one file has are kept; entries both have are merged field
by field, the newer edit of each field winning (format 4 keeps when each field was
edited; before that, the row's last edit stands for all its fields). Every field the two
files disagree on is listed, with the value kept and the value set aside; the list is
also written in the merged file (table `meta`, one key per merge: `merge:WHEN:ID`), with the
history of both files' earlier merges, so nothing set aside is ever lost.

A deletion is honoured (format 8 marks each deleted entry, atelier/store/graves.py): an entry
one copy deleted does not come back from the other, unless the other changed it (or a line
of it, or a decision on it) after the deletion: then it is kept, and the summary says so
with its name. A suggestion the matcher made again never undoes a decision (« écartée »).

Merging the same copy again reports only what is new: a value set aside, a deleted entry kept
or a deletion applied that an earlier merge of this file already recorded is not said (nor
counted) twice; a merge that brought nothing says so in one sentence (`nothing_new`). Only
what the merge took out of the first file counts as a deletion applied, and a field is a
conflict only when both copies changed it after they parted: the latest moment both files hold
(format 13, atelier/store/moments.py), else the latest edit they hold alike.

A need's suggestions are made together by the matcher, each time replacing the ones before (the
window does so when it opens a file): they come from the copy that made them last, never the
older ones beside the newer, nor counted as added when this file's are the newer.

A time of the second copy more than a day ahead of this computer's clock (a copy made on a
computer whose clock was wrong) never wins: its edit is set aside, its deletion not applied,
a new entry's future dates become the merge's, and the summary says so (`future_sentence`).

The history stores no names: entries by table and id, named when read (`merge_history`); what
it says of an entry deleted since is taken out by the deletion itself (graves.bury ->
`forget_deleted`), so that a person erased at their request does not stay in the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atelier.domain import FollowUpStep, now_iso
from atelier.store import moments
from atelier.store.graves import buried_steps, bury_step, copy_rows, graves, step_key

if TYPE_CHECKING:
    from atelier.store.join import JoinSummary

# In the order their references need them.
TABLES = ("workshops", "participants", "items", "matches", "synthesis_sections", "glossary_entries")
# Rows are ordered within their parent: a row only the second file has takes its place there.
ORDER_SCOPE = {
    "participants": ("workshop_id",),
    "items": ("participant_id", "kind"),
    "synthesis_sections": ("workshop_id",),
}
# Rows that are the same entry even with different ids (made twice, once in each file).
NATURAL_KEY = {
    "matches": ("need_id", "resource_id"),
    "glossary_entries": ("workshop_id", "kind", "term"),
}
NOT_FIELDS = {"id", "created", "updated", "edited", "position"}
FOLLOW_UP_FIELDS = ("follow_up", "follow_up_changed", "follow_up_steps")
SECTION_FIELDS = ("heading", "body", "drafted")
# (column, table) of what each row belongs to: a row whose owner is gone is not merged in.
PARENTS = {
    "participants": (("workshop_id", "workshops"),),
    "items": (("participant_id", "participants"),),
    "matches": (("workshop_id", "workshops"), ("need_id", "items"), ("resource_id", "items")),
    "synthesis_sections": (("workshop_id", "workshops"),),
    "glossary_entries": (("workshop_id", "workshops"),),
}
# When an entry, or anything of it, was last changed: a deletion is undone by a later change.
# A decision on a line (confirmed, set aside, made by hand) counts, a suggestion does not.
_DECIDED = (
    "SELECT max(m.updated) FROM matches m "
    "WHERE m.status != 'suggested' AND (m.need_id = i.id OR m.resource_id = i.id)"
)
_TOUCHED = {
    "workshops": (
        "SELECT max(t) FROM (SELECT updated AS t FROM workshops WHERE id = :id "
        "UNION ALL SELECT updated FROM participants WHERE workshop_id = :id "
        "UNION ALL SELECT i.updated FROM items i JOIN participants p ON p.id = i.participant_id "
        "WHERE p.workshop_id = :id "
        "UNION ALL SELECT updated FROM matches WHERE workshop_id = :id AND status != 'suggested' "
        # A later workshop's decision on one of its lines (a contact followed up elsewhere).
        "UNION ALL SELECT m.updated FROM matches m JOIN items i ON i.id IN (m.need_id, m.resource_id) "
        "JOIN participants p ON p.id = i.participant_id "
        "WHERE p.workshop_id = :id AND m.status != 'suggested' "
        "UNION ALL SELECT updated FROM synthesis_sections WHERE workshop_id = :id "
        "UNION ALL SELECT updated FROM glossary_entries WHERE workshop_id = :id)"
    ),
    "participants": (
        "SELECT max(t) FROM (SELECT updated AS t FROM participants WHERE id = :id "
        "UNION ALL SELECT i.updated FROM items i WHERE i.participant_id = :id "
        f"UNION ALL SELECT ({_DECIDED}) "
        "FROM items i WHERE i.participant_id = :id)"
    ),
    "items": (
        "SELECT max(t) FROM (SELECT updated AS t FROM items WHERE id = :id "
        f"UNION ALL SELECT ({_DECIDED}) "
        "FROM items i WHERE i.id = :id)"
    ),
}

FIELD_LABEL = {
    "title": "titre",
    "date": "date",
    "place": "lieu",
    "organiser": "organisateur",
    "description": "description",
    "themes": "thèmes",
    "names": "personnes",
    "organisation": "structure",
    "territory": "territoire",
    "role": "fonction",
    "contact": "contact",
    "unlisted": "répertoire",
    "source_text": "cellule saisie",
    "source_cells": "cellules importées",
    "text": "texte",
    "status": "décision",
    "score": "score",
    "reasons": "raisons",
    "note": "note",
    "follow_up": "suivi",
    "follow_up_changed": "date du suivi",
    "follow_up_steps": "étapes du suivi",
    "retyped": "texte modifié depuis la décision",
    "heading": "titre de section",
    "body": "texte de section",
    "words": "mots",
}
FIELD_LABEL_EN = {
    "title": "title",
    "date": "date",
    "place": "place",
    "organiser": "organiser",
    "description": "description",
    "themes": "themes",
    "names": "people",
    "organisation": "organisation",
    "territory": "territory",
    "role": "role",
    "contact": "contact",
    "unlisted": "directory",
    "source_text": "typed cell",
    "source_cells": "imported cells",
    "text": "text",
    "status": "decision",
    "score": "score",
    "reasons": "reasons",
    "note": "note",
    "follow_up": "follow-up",
    "follow_up_changed": "follow-up date",
    "follow_up_steps": "follow-up steps",
    "retyped": "text changed since the decision",
    "heading": "section heading",
    "body": "section text",
    "words": "words",
}
_DATE_FIELDS = {"date", "follow_up_changed"}
# Fields whose values are codes (a decision, a follow-up state): each said as a word.
_CODED = {
    "status": {code: f"merge.status.{code}" for code in ("suggested", "confirmed", "rejected", "manual")},
    "follow_up": {code: f"state.{code}" for code in ("to_contact", "contacted", "done", "dropped")},
}
TABLE_LABEL_EN = {
    "workshops": "Workshop",
    "participants": "Participant",
    "items": "Item",
    "matches": "Match",
    "synthesis_sections": "Synthesis section",
    "glossary_entries": "Glossary",
}
TABLE_LABEL = {
    "workshops": "Atelier",
    "participants": "Participant",
    "items": "Élément",
    "matches": "Mise en relation",
    "synthesis_sections": "Section de synthèse",
    "glossary_entries": "Glossaire",
}


_FIELD_OF_LABEL = {label: column for column, label in FIELD_LABEL.items()}


@dataclass
class Difference:
    """A field the two files disagree on: what was kept, what was set aside, and why."""

    table: str
    row_id: str
    what: str  # « Participant Lucie Leroy »
    field: str  # « territoire »
    kept: str
    kept_from: str  # file name
    kept_when: str
    set_aside: str
    set_aside_from: str
    set_aside_when: str
    # Both files changed this field (a conflict), or only one did (an update).
    conflict: bool = False
    # The second copy's edit is dated in the future (a wrong clock): not applied, set aside.
    future: bool = False
    # Both texts kept, one after the other (a match's note each copy wrote): nothing set aside.
    joined: bool = False
    # A match's follow-up steps, both copies' kept in date order: `kept` the merged path, and
    # `set_aside` the other copy's path (JSON, as stored), none of it set aside.
    steps: bool = False
    # With `steps`: the kept copy's own path (JSON), when the merge dated one of its steps as the
    # other copy does (a decision that copy dated after the contact the other recorded).
    own_steps: str = ""
    # A participant one copy asked not to publish in the directory (participants.unlisted) and
    # the other publishes: kept out of it whichever edit is newer (a person's « no » is not undone
    # by a merge); `kept_from` is the copy that withdrew them.
    withdrawn: bool = False
    # A field empty in this file that the copy filled in (`kept`, from `kept_from`): taken,
    # nothing set aside, listed all the same (it is counted among the fields updated).
    filled: bool = False
    # The value set aside is a suggestion as Atelier computed it (a decision beside it): nobody's
    # edit, so no time is said for it (the window computes suggestions again at each opening).
    made: bool = False

    def sentence(self, lang: str | None = None) -> str:
        """« [conflit] Atelier « Réseau », date : gardé « 17/03/2021 » (a.atelier, modifié le
        29/11/2026 à 21:07) plutôt que « 16/03/2021 » (b.atelier, 29/11/2026 à 20:55) », in
        the user's language: dates as the rest of the command line says them, times local."""
        from atelier.french import list_date
        from atelier.i18n import MESSAGES, current_language

        english = (lang or current_language()) == "en"  # French: its typography (« : » inside)
        column = _FIELD_OF_LABEL.get(self.field, "")
        label = TABLE_LABEL.get(self.table, "")
        what = self.what
        field_name = self.field
        if english:
            what = (
                TABLE_LABEL_EN.get(self.table, label) + what[len(label) :] if what.startswith(label) else what
            )
            what = what.replace("«\xa0", "“").replace("« ", "“").replace("\xa0»", "”").replace(" »", "”")
            field_name = FIELD_LABEL_EN.get(column, self.field)

        def said(text: str) -> str:
            shown = list_date(text, "en" if english else "fr") if column in _DATE_FIELDS and text else text
            if column in _CODED and text in _CODED[column]:  # « confirmed »: said as a word of the reader's
                shown = MESSAGES[_CODED[column][text]]["en" if english else "fr"]
            return _short(shown)

        # Two values that read the same once shortened (a long text changed at its end, two
        # moments of one day) are said where they differ: never « gardé « x » plutôt que « x » ».
        shown = {self.kept: said(self.kept), self.set_aside: said(self.set_aside)}
        if said(self.kept) == said(self.set_aside) and self.kept != self.set_aside:
            if column in _DATE_FIELDS:
                shown = dict(
                    zip((self.kept, self.set_aside), _times(self.kept, self.set_aside, english), strict=True)
                )
            else:
                shown = dict(
                    zip(
                        (self.kept, self.set_aside),
                        _where_they_differ(self.kept, self.set_aside),
                        strict=True,
                    )
                )

        def value(text: str) -> str:
            return f"“{shown.get(text, said(text))}”" if english else f"« {shown.get(text, said(text))} »"

        # Two edits of one minute are told apart by their seconds (the later one won).
        kept_when, aside_when = _times(self.kept_when, self.set_aside_when, english, unknown=True)
        if self.made:
            kept_when = _when(self.kept_when, english)
            aside_when = (
                "a suggestion Atelier computed, never decided"
                if english
                else ("suggestion calculée par Atelier, jamais décidée")
            )
        if self.steps:
            return self._steps_sentence(what, field_name, kept_when, aside_when, english)
        if self.withdrawn:
            return self._withdrawn_sentence(what, kept_when, aside_when, english)
        if self.filled:
            if english:
                return (
                    f"[filled in] {what}, {field_name}: {value(self.kept)} "
                    f"({self.kept_from}, written {kept_when})"
                )
            from atelier.french import typography

            return typography(
                f"[complété] {what}, {field_name} : {value(self.kept)} "
                f"({self.kept_from}, écrit le {kept_when})",
                "fr",
            )
        if self.joined:
            if english:
                return (
                    f"[conflict] {what}, {field_name}: both kept, {value(self.kept)} ({self.kept_from}, "
                    f"written {kept_when}) then {value(self.set_aside)} ({self.set_aside_from}, {aside_when})"
                )
            from atelier.french import typography

            return typography(
                f"[conflit] {what}, {field_name} : les deux gardées, {value(self.kept)} "
                f"({self.kept_from}, écrite le {kept_when}) puis {value(self.set_aside)} "
                f"({self.set_aside_from}, {aside_when})",
                "fr",
            )
        if english:
            tag = "dated in the future" if self.future else "conflict" if self.conflict else "updated"
            return (
                f"[{tag}] {what}, {field_name}: kept "
                f"{value(self.kept)} ({self.kept_from}, changed {kept_when}) rather than "
                f"{value(self.set_aside)} ({self.set_aside_from}, {aside_when})"
            )
        from atelier.french import typography

        tag = "daté du futur" if self.future else "conflit" if self.conflict else "mis à jour"
        return typography(
            f"[{tag}] {what}, {field_name} : gardé "
            f"{value(self.kept)} ({self.kept_from}, modifié le {kept_when}) plutôt que "
            f"{value(self.set_aside)} ({self.set_aside_from}, {aside_when})",
            "fr",
        )

    def _withdrawn_sentence(self, what: str, kept_when: str, aside_when: str, english: bool) -> str:
        """« [retiré du répertoire] Participant « Gérard Müller » : « ne pas publier dans le
        répertoire » dans « b.atelier » (modifié le …), publié de nouveau dans « a.atelier » (…) :
        le retrait l'emporte toujours, la personne reste hors du répertoire »."""
        again = bool(self.set_aside_when) and self.conflict
        if english:
            text = (
                f"[kept out of the directory] {what}: “do not publish in the directory” in "
                f"“{self.kept_from}” (changed {kept_when})"
            )
            text += f", published again in “{self.set_aside_from}” ({aside_when})" if again else ""
            return text + ": a withdrawal always wins, the person stays out of the directory"
        from atelier.french import typography

        text = (
            f"[retiré du répertoire] {what} : « ne pas publier dans le répertoire » dans "
            f"« {self.kept_from} » (modifié le {kept_when})"
        )
        text += f", publié de nouveau dans « {self.set_aside_from} » ({aside_when})" if again else ""
        return typography(
            text + " : le retrait l'emporte toujours, la personne reste hors du répertoire", "fr"
        )

    def _steps_sentence(
        self, what: str, field_name: str, kept_when: str, aside_when: str, english: bool
    ) -> str:
        """« [conflit] Mise en relation « … » ← « … », étapes du suivi : celles de « b.atelier »
        (modifiées le …) et l'étape de « a.atelier » (…), par date : décidée le 02/11/2026 ·
        contactée le 04/11/2026 (a.atelier) ; la mise en relation en est donc à « contactée le
        04/11/2026 » »: the path both copies made, which steps came from where, and where the
        match stands when the other copy's step is the latest."""
        from atelier.french import list_date, typography
        from atelier.store.merge_steps import aligned, path_told, step_told
        from atelier.store.rows import steps

        lang = "en" if english else "fr"
        path, theirs = steps(self.kept), steps(self.set_aside)
        recorded = {(s.state, s.at, s.recorded) for s in theirs}
        brought = [s for s in path if s.copy and (s.state, s.at, s.recorded) in recorded]
        added = len(brought)
        matched = aligned(path, theirs)
        redated = [  # a step of the path the other copy dated otherwise: « décidée le 01/11 » there
            (step_told(step, lang, first=i == 0), list_date(path[matched[i]].at, lang))
            for i, step in enumerate(theirs)
            if i in matched and list_date(step.at, lang) != list_date(path[matched[i]].at, lang)
        ]
        # A step of the kept copy's own path the merge dated as the other copy does, because a step
        # that followed it there came before: (it, its day kept, the step after it).
        own = steps(self.own_steps)
        own_matched = aligned(path, own)
        taken = [
            (step_told(step, lang, first=i == 0), list_date(path[j].at, lang), step_told(path[j + 1], lang))
            for i, step in enumerate(own)
            if (j := own_matched.get(i, len(path))) + 1 < len(path)
            and list_date(step.at, lang) != list_date(path[j].at, lang)
        ]
        moved = bool(path) and any(s is path[-1] for s in brought)
        now = step_told(path[-1], lang, first=len(path) == 1) if path else ""
        if english:
            tag = "conflict" if self.conflict else "updated"
            some = "the step" if added == 1 else f"the {added} steps"
            text = (
                f"[{tag}] {what}, {field_name}: those of “{self.kept_from}” (changed {kept_when}) and {some} "
                f"of “{self.set_aside_from}” ({aside_when}), by date: {path_told(path, lang)}"
            )
            text += f"; the match now stands at “{now}”" if moved else ""
            for step, day in redated:
                text += (
                    f"; “{step}” according to “{self.set_aside_from}”: kept on {day} as in “{self.kept_from}”"
                )
            for step, day, after in taken:
                text += (
                    f"; “{step}” according to “{self.kept_from}”: kept on {day} "
                    f"as in “{self.set_aside_from}”, which has it {after}"
                )
            return text
        tag = "conflit" if self.conflict else "mis à jour"
        some = "l'étape" if added == 1 else f"les {added} étapes"
        text = (
            f"[{tag}] {what}, {field_name} : celles de « {self.kept_from} » (modifiées le {kept_when}) "
            f"et {some} de « {self.set_aside_from} » ({aside_when}), par date : {path_told(path, lang)}"
        )
        text += f" ; la mise en relation en est donc à « {now} »" if moved else ""
        for step, day in redated:
            text += f" ; « {step} » selon « {self.set_aside_from} » : "
            text += f"gardée au {day} comme dans « {self.kept_from} »"
        for step, day, after in taken:
            text += f" ; « {step} » selon « {self.kept_from} » : "
            text += f"gardée au {day} comme dans « {self.set_aside_from} », qui la dit {after}"
        return typography(text, "fr")


@dataclass
class KeptDeletion:
    """An entry one copy deleted and the other changed afterwards: kept, and said."""

    table: str
    row_id: str
    name: str  # « Lucie Leroy »
    deleted_in: str  # file name
    deleted_when: str
    edited_in: str
    edited_when: str
    # The entries that came back with it (a participant's lines, their matches): deleted with it
    # in that copy, kept with it; none of them counted as added.
    along: int = 0
    # A match decided on it (confirmed, or made by hand) that the deleting copy never knew of:
    # what keeps it. Its id, when it was decided, and the two people it puts in touch.
    decision_id: str = ""
    decided: str = ""
    decision: str = ""  # « Lucie Leroy ← Grégory TALVY »

    def sentence(self) -> str:
        """« Le participant « Lucie Leroy », supprimé dans « a.atelier », est gardé avec les 6
        entrées qui en font partie : … », in the user's language."""
        from atelier.french import counted
        from atelier.i18n import current_language, message

        along = " " + counted(self.along, "n.kept_along") if self.along else ""
        if self.decision_id and self.table in ("participants", "items"):
            return message(
                f"merge.kept_decision.{self.table}",
                name=self.name,
                deleted_in=self.deleted_in,
                edited_in=self.edited_in,
                along=along,
                decision=self.decision or "?",
                day=_day(self.decided, current_language() == "en"),
            )
        return message(
            f"merge.kept.{self.table}",
            name=self.name,
            deleted_in=self.deleted_in,
            edited_in=self.edited_in,
            along=along,
        )


@dataclass
class RemovedDecision:
    """A match decided (confirmed, or made by hand) before the copies parted, that goes with an
    entry the other copy deleted knowing it (the window said which matches went with it): the
    deletion is applied, and the match it removes named."""

    table: str  # of the entry deleted: participants, items, or the match itself
    row_id: str
    name: str  # the entry: « Grégory TALVY », « besoins de connaissances… »
    deleted_in: str  # file name
    decision_id: str
    decided: str  # when it was decided (a day or a moment)
    decision: str  # « Lucie Leroy ← Grégory TALVY »

    def sentence(self) -> str:
        """« La mise en relation Lucie Leroy ← Grégory TALVY, décidée le 30/11/2026, est retirée
        avec le participant « Grégory TALVY », supprimé dans « B.atelier ». »"""
        from atelier.i18n import current_language, message

        return message(
            f"merge.removed_decision.{self.table}",
            decision=self.decision or "?",
            day=_day(self.decided, current_language() == "en"),
            name=self.name,
            deleted_in=self.deleted_in,
        )


def file_names(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> tuple[str, str]:
    """The two merged files as a person tells them apart: their names, « a.atelier » and
    « b.atelier »; two files of one name from two folders with as many of their folders as
    it takes, « salle 1/ex.atelier » and « salle 2/ex.atelier »."""
    a = Path(os.path.abspath(first)).parts
    b = Path(os.path.abspath(second)).parts
    depth = 1
    while depth < min(len(a), len(b)) and a[-depth:] == b[-depth:]:
        depth += 1
    return str(Path(*a[-depth:])), str(Path(*b[-depth:]))


@dataclass
class MergeSummary:
    # table -> entries only the second file had: not those the first deleted and the merge kept
    # (nor what came back with them), said in `kept_deleted`
    added: dict[str, int] = field(default_factory=dict)
    shared: dict[str, int] = field(default_factory=dict)  # table -> entries both files had
    differences: list[Difference] = field(default_factory=list)
    # table -> entries one copy deleted that the merge leaves out (deletions honoured)
    removed: dict[str, int] = field(default_factory=dict)
    kept_deleted: list[KeptDeletion] = field(default_factory=list)
    # Decided matches that went with an entry the second copy deleted knowing them: named.
    removed_decisions: list[RemovedDecision] = field(default_factory=list)
    # Fields empty in the first file that the second filled in: taken, nothing set aside, and
    # each listed in `filled_in` (Difference.filled) with the value it now has.
    filled: int = 0
    filled_in: list[Difference] = field(default_factory=list)
    # Suggestions Atelier computed in the second file (status « suggested »), added: not
    # entries someone typed, so not counted in `added`.
    suggestions_added: int = 0
    # The entries each deletion counted in `removed` (kept in the history: a later merge of a
    # copy that still has one of them does not count it again).
    removed_ids: list[str] = field(default_factory=list)
    # Dated in the future by the second copy (a clock years ahead), so not taken on trust: its
    # deletions of these entries not applied, its new entries dated from the merge instead,
    # and the times it gave (the earliest and the latest are said).
    future_deletions: list[str] = field(default_factory=list)
    future_added: int = 0
    future_times: list[str] = field(default_factory=list)
    # The two files as the merge named them (file_names): the first, the second.
    names: tuple[str, str] = ("", "")
    # Participants the second copy added under the name of one the first already had in that
    # workshop (the same person typed on both computers?): both kept, and said.
    twins: list[str] = field(default_factory=list)
    # Workshops the second file brought that repeat one only the first had, by title and date
    # (two halves of one room, each captured in its own file): pairs of ids, said with the
    # command that joins them (lifecycle.merge_files); or, asked to, joined (store/join.py).
    twin_workshops: list[tuple[str, str]] = field(default_factory=list)
    joined: list[JoinSummary] = field(default_factory=list)

    @property
    def nothing_new(self) -> bool:
        """The second file brought nothing this file did not already have or had not
        already been told by an earlier merge (the same copy merged again)."""
        return not (
            any(self.added.values())
            or any(self.removed.values())
            or self.differences
            or self.kept_deleted
            or self.filled
            or self.suggestions_added
            or self.future_deletions
        )

    @property
    def updates(self) -> int:
        """Fields one file changed and the other did not (each listed), and fields filled in;
        not those a copy dated in the future (not applied)."""
        return sum(1 for d in self.differences if not d.conflict and not d.future) + self.filled

    def future_sentence(self, second: str) -> str:
        """What was not taken from a copy dated in the future, in one sentence ("" if nothing)."""
        return future_sentence(
            second,
            self.future_times,
            sum(1 for d in self.differences if d.future),
            len(self.future_deletions),
            self.future_added,
        )

    @property
    def conflicts(self) -> list[Difference]:
        return [d for d in self.differences if d.conflict]

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "shared": self.shared,
            "conflicts": len(self.conflicts),
            "updated": self.updates,
            "filled": self.filled,
            "filled_in": [asdict(d) for d in self.filled_in],
            "suggestions_added": self.suggestions_added,
            "differences": [asdict(d) for d in self.differences],
            "removed": self.removed,
            "kept_deleted": [asdict(k) for k in self.kept_deleted],
            "removed_decisions": [asdict(r) for r in self.removed_decisions],
            "removed_ids": self.removed_ids,
            "future_deletions": self.future_deletions,
            "future_added": self.future_added,
            "future_times": sorted({min(self.future_times), max(self.future_times)})
            if self.future_times
            else [],
            "nothing_new": self.nothing_new,
        }


def future_sentence(second: str, times: list[str], fields: int, deletions: int, added: int) -> str:
    """« La copie « b.atelier » porte des modifications datées du 3 mars 2031, dans le futur :
    horloge de l'ordinateur déréglée ? Elles ne l'emportent pas : 2 champs gardent ici leur
    valeur (… dans l'historique des fusions) et 1 suppression n'est pas appliquée. »"""
    from atelier.french import counted, join, long_date
    from atelier.i18n import current_language, message

    if not times or not (fields or deletions or added):
        return ""
    english = current_language() == "en"
    first, last = long_date(min(times)), long_date(max(times))
    if english:
        days = first if first == last else f"{first} to {last}"
    else:
        days = f"du {first}" if first == last else f"du {first} au {last}"
    what = join(
        [
            counted(fields, "n.future_field") if fields else "",
            counted(deletions, "n.future_deletion") if deletions else "",
            counted(added, "n.future_added") if added else "",
        ]
    )
    return message("merge.future", name=second, days=days, what=what)


def _short(text: str, size: int = 60) -> str:
    """As Atelier cuts every text: between words, « … » against the last (« certains… »)."""
    from atelier.french import shorten

    return shorten(str(text), size)


def _when(stamp: str, english: bool = False, precision: str = "minutes") -> str:
    """When a field was edited, in local time: « 22/11/2026 à 15:03 » (English « 22 November
    2026, 15:03 »), as the rest of the command line says a day."""
    from datetime import datetime

    from atelier.french import list_date

    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp or ("unknown date" if english else "date inconnue")
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    day = list_date(moment.date().isoformat(), "en" if english else "fr")
    if len(stamp) <= 10:
        return day
    clock = moment.replace(tzinfo=None).isoformat(" ", precision).split(" ")[1]
    clock = clock if english else clock.replace(".", ",")  # « 09:38:26,412 »
    return f"{day}, {clock}" if english else f"{day} à {clock}"


def _times(first: str, second: str, english: bool, *, unknown: bool = False) -> tuple[str, str]:
    """Two moments as _when says them, to the second (or the millisecond) if they read the same
    to the minute; a day
    without its time (« 30/11/2026 ») stays a day. `unknown`: an empty one is « date inconnue »."""
    if not unknown and not (first and second):
        return first, second
    said = _when(first, english), _when(second, english)
    for finer in ("seconds", "milliseconds"):
        if said[0] != said[1] or first == second:
            break
        said = _when(first, english, finer), _when(second, english, finer)
    return said


def _where_they_differ(first: str, second: str, size: int = 60) -> tuple[str, str]:
    """Two texts that read the same once shortened, each shown around where they part:
    « …mission emploi, tél. 03 20 00 00 01 » and « …mission emploi, tél. 03 20 00 00 02 »."""
    a, b = " ".join(first.split()), " ".join(second.split())
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    start = max(0, at - size // 2)
    if start:  # from the start of a word
        space = a.find(" ", start, at)
        start = space + 1 if space >= 0 else start

    def around(text: str) -> str:
        part = text[start : start + size]
        return ("…" if start else "") + part + ("…" if start + size < len(text) else "")

    return around(a), around(b)


def _same_to_a_reader(column: str, first: str, second: str) -> bool:
    """Two values a person reads as one: the same words but for their spacing; for a follow-up's
    day, the same day (one typed, one recorded at the moment: the follow-up says only the day)."""
    from atelier.french import local_day

    if " ".join(first.split()) == " ".join(second.split()):
        return True
    return column == "follow_up_changed" and bool(first) and local_day(first) == local_day(second)


def last_touched(conn: sqlite3.Connection, table: str, row_id: str) -> str:
    """When this entry, or anything of it, was last changed in this file ("" if absent)."""
    sql = _TOUCHED.get(table, f"SELECT updated FROM {table} WHERE id = :id")
    found = conn.execute(sql, {"id": row_id}).fetchone()
    return str(found[0] or "") if found else ""


def _row(conn: sqlite3.Connection, table: str, row_id: str) -> dict[str, Any] | None:
    cursor = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    found = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], found, strict=True)) if found else None


def _close_gap(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    """The rows after a deleted one move up, as when it is deleted in the window."""
    scope = ORDER_SCOPE.get(table)
    if not scope:
        return
    where = " AND ".join(f"{c} = ?" for c in scope)
    conn.execute(
        f"UPDATE {table} SET position = position - 1 WHERE {where} AND position > ?",
        (*(row[c] for c in scope), row["position"]),
    )


def _name(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> str:
    """The entry as a person names it: « Lucie Leroy », a line's text, a workshop's title."""
    if table == "participants":
        names = ", ".join(json.loads(row.get("names") or "[]"))
        return _short(names or row.get("organisation") or row.get("source_text") or "?", 40)
    if table == "matches":
        texts = []
        for key in ("need_id", "resource_id"):
            found = conn.execute("SELECT text FROM items WHERE id = ?", (row[key],)).fetchone()
            texts.append(_short(found[0], 30) if found else "?")
        return f"{texts[0]} ← {texts[1]}"
    column = {"workshops": "title", "items": "text", "synthesis_sections": "heading"}.get(table, "term")
    return _short(str(row.get(column) or "?"), 40)


def _rows(conn: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    if not exists:
        return []  # an older format without this table
    order = " ORDER BY position" if table in ORDER_SCOPE else ""
    cursor = conn.execute(f"SELECT * FROM {table}{order}")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _stamps(row: dict[str, Any]) -> dict[str, str]:
    try:
        value = json.loads(row.get("edited") or "{}")
    except ValueError:
        value = {}
    return value if isinstance(value, dict) else {}


def _describe(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> str:
    label = TABLE_LABEL[table]
    if table == "participants":
        names = ", ".join(json.loads(row.get("names") or "[]"))
        return f"{label} « {_short(names or row.get('organisation') or row.get('source_text') or '?', 40)} »"
    if table == "workshops":
        return f"{label} « {_short(row.get('title', ''), 40)} »"
    if table == "items":
        return f"{label} « {_short(row.get('text', ''), 40)} »"
    if table == "synthesis_sections":
        return f"{label} « {_short(row.get('heading', ''), 40)} »"
    if table == "glossary_entries":
        return f"{label} « {row.get('term', '')} »"
    if table == "matches":
        texts = []
        for key in ("need_id", "resource_id"):
            found = conn.execute("SELECT text FROM items WHERE id = ?", (row[key],)).fetchone()
            texts.append(_short(found[0], 30) if found else "?")
        return f"{label} « {texts[0]} » ← « {texts[1]} »"
    return label


def merge_into(conn: sqlite3.Connection, other: sqlite3.Connection, names: tuple[str, str]) -> MergeSummary:
    """Merge the rows of `other` into `conn` (the first file's rows), in the caller's transaction."""
    from atelier.i18n import message

    summary = MergeSummary(names=names)
    first_name, second_name = names
    my_graves, their_graves = graves(conn), graves(other)
    # Follow-up steps either copy took out (recorded by mistake): never brought back by the other.
    their_steps_out = buried_steps(other)
    steps_out = frozenset(buried_steps(conn)) | frozenset(their_steps_out)
    summary.removed = {table: 0 for table in TABLES}
    kept: set[str] = set()
    said = _already_said(conn)
    merged_at = now_iso()
    horizon = _horizon()  # a time after this is in the future: a wrong clock, not trusted
    # What a join of this file made one (store/join.py): the other copy's entries by the ids that
    # stand for them now (its workshop, a person or a line typed on both laptops), so that what
    # that copy typed after the join comes into the joined workshop, not beside it, nor lost.
    from atelier.store.join import joined_ids

    their_tables = {table: _through(joined_ids(conn), _rows(other, table)) for table in TABLES}
    # The latest edit both copies have: they parted after it. Known before any entry is merged:
    # a decision the other copy took after it is its own, not one this copy set aside.
    # Each copy's moments (format 13) say it even when the last edit before the copy was changed
    # since in one of them; the entries both hold alike say it of older files.
    my_moments, their_moments = moments.held(conn), moments.held(other)
    parted = max(_parted(conn, their_tables, horizon), moments.parted(my_moments, their_moments, horizon))
    moments.take(conn, their_moments - my_moments)
    my_sets: dict[str, str] = {}
    their_sets: dict[str, str] = {}
    # Lines whose text the other copy retyped, taken by the merge: their text before, and when.
    retyped: dict[str, tuple[str, str]] = {}
    # What the first copy deleted and the merge keeps, by id: when it was deleted, and what says it.
    restored: dict[str, tuple[str, KeptDeletion]] = {}
    # What the second copy deleted goes from the first, unless the first changed it since.
    for row_id, (table, when) in sorted(their_graves.items(), key=lambda g: TABLES.index(g[1][0])):
        if when > horizon:  # a deletion dated in the future is neither applied nor taken in
            if _row(conn, table, row_id) is not None and row_id not in said.future:
                summary.future_deletions.append(row_id)
                summary.future_times.append(when)
            continue
        row = _row(conn, table, row_id)
        if row is None:
            continue  # never had it, or already gone with what it belonged to
        touched = last_touched(conn, table, row_id)
        # A match decided on it after the copies parted: the copy that deleted it never knew of
        # it (the room's decision goes only with what someone chose to delete knowing it).
        decision = _decision_since(conn, table, row_id, parted, horizon)
        if touched > when or decision:
            kept.add(row_id)
            if (table, row_id, when) not in said.kept:  # not said again at a second merge
                summary.kept_deleted.append(
                    KeptDeletion(
                        table,
                        row_id,
                        _name(conn, table, row),
                        second_name,
                        when,
                        first_name,
                        touched,
                        0,  # nothing comes back with it: this file has it all
                        *_decision_fields(conn, decision),
                    )
                )
            continue
        summary.removed_decisions += _decisions_going(conn, table, row, second_name)
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        _close_gap(conn, table, row)
        summary.removed[table] += 1
        summary.removed_ids.append(row_id)
    for table in TABLES:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})").fetchall()]
        mine = {r["id"]: r for r in _rows(conn, table)}
        key_columns = NATURAL_KEY.get(table, ())
        by_natural = {tuple(r[c] for c in key_columns): i for i, r in mine.items()} if key_columns else {}
        # This file's lines by cell and text (case, accents and spacing aside): a line typed on
        # both laptops is said (below).
        lines = {_line_key(r): r for r in mine.values()} if table == "items" else {}
        parents = PARENTS.get(table, ())
        added = shared = 0
        their_rows = their_tables[table]
        # The second file's order of each parent's entries: a new one keeps its place in it.
        order: dict[tuple[Any, ...], list[str]] = {}
        for found in their_rows:
            if table in ORDER_SCOPE:
                order.setdefault(tuple(found[c] for c in ORDER_SCOPE[table]), []).append(found["id"])
        their_ids = {found["id"] for found in their_rows}
        if table == "matches":  # when each copy last matched each need (its suggestions)
            my_sets, their_sets = _suggestion_sets(conn, horizon), _suggestion_sets(other, horizon)
        for theirs in their_rows:
            theirs = {c: theirs[c] for c in columns if c in theirs}
            if theirs["id"] in my_graves and theirs["id"] not in mine:
                # The first copy deleted it: it stays deleted unless the second changed it since.
                when = my_graves[theirs["id"]][1]
                touched = last_touched(other, table, theirs["id"])
                decision = _decision_since(other, table, theirs["id"], parted, horizon)
                if touched <= when and not decision:
                    # Left out, and not counted: the open file had deleted it already, the merge
                    # removed nothing from it (« suppressions appliquées » are news, this is not).
                    continue
                kept.add(theirs["id"])
                kept_deletion = KeptDeletion(
                    table,
                    theirs["id"],
                    _name(other, table, theirs),
                    first_name,
                    when,
                    second_name,
                    touched,
                    0,  # along: counted below
                    *_decision_fields(other, decision),
                )
                summary.kept_deleted.append(kept_deletion)
                restored[theirs["id"]] = (when, kept_deletion)
            if any(_row(conn, parent, theirs[column]) is None for column, parent in parents):
                continue  # what it belonged to was deleted (and stays deleted): it goes with it
            same_id = theirs["id"] if theirs["id"] in mine else None
            if same_id is None and table in NATURAL_KEY:
                same_id = by_natural.get(tuple(theirs.get(c) for c in NATURAL_KEY[table]))
            if same_id is None and table == "participants":
                twin = next((r for r in mine.values() if _people_key(r) == _people_key(theirs)), None)
                if twin is not None and _people_key(theirs)[1]:
                    summary.twins.append(_twin_sentence(twin, theirs, second_name))
            if same_id is None and table == "items" and _line_key(theirs) in lines:
                person = _row(conn, "participants", theirs["participant_id"]) or {}
                summary.twins.append(
                    message(
                        "merge.twin_line",
                        added=_short(str(theirs.get("text") or ""), 60),
                        name=_name(conn, "participants", person),
                        second=second_name,
                        existing=_short(str(lines[_line_key(theirs)].get("text") or ""), 60),
                    )
                )
            if (
                same_id is None
                and table == "matches"
                and theirs.get("status") == "suggested"
                and my_sets.get(theirs["need_id"], "") >= their_sets.get(theirs["need_id"], "\uffff")
            ):
                # This file matched that need again since (the window does when it opens a
                # file): the copy's older suggestion is not news, nor put back beside the new.
                continue
            if same_id is None:
                dated = _dated_now(theirs, horizon, merged_at)
                if dated is not theirs:
                    summary.future_added += 1
                    summary.future_times += _future_times(theirs, horizon)
                _insert(conn, table, columns, dated, order, their_ids)
                # One the first copy deleted, or deleted with it (a participant's lines, made
                # before that deletion), is not added: it was there before; kept, and said so.
                owner = next(
                    (restored[theirs[c]] for c, _ in parents if theirs.get(c) in restored),
                    None,
                )
                if theirs["id"] in restored:
                    pass
                elif owner is not None and str(theirs.get("created") or "") <= owner[0]:
                    restored[theirs["id"]] = owner
                    owner[1].along += 1
                elif table == "matches" and theirs.get("status") == "suggested":
                    summary.suggestions_added += 1  # Atelier's, computed again: no one typed it
                else:
                    added += 1
                continue
            shared += 1
            merged = _merge_row(
                conn,
                table,
                mine[same_id],
                theirs,
                names,
                summary,
                said.differences,
                horizon,
                parted,
                steps_out,
            )
            if table == "items" and theirs.get("text") != mine[same_id].get("text"):
                # One copy retyped it: the text before, as the other copy has it, and when.
                before, after = (mine[same_id], theirs) if "text" in merged else (theirs, mine[same_id])
                retyped[same_id] = (str(before.get("text") or ""), str(after.get("updated") or ""))
            if merged:
                sets = ", ".join(f"{c} = ?" for c in merged)
                conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*merged.values(), same_id))
        if table == "matches":
            _drop_older_suggestions(conn, other, my_sets, their_sets)
        summary.added[table] = added
        summary.shared[table] = shared
    _mark_retyped(conn, retyped)
    for difference in summary.differences:
        # A field is a conflict only when both copies changed it after they parted: an edit
        # both copies have (same field, same time) was made before, and so was anything older.
        if difference.conflict and min(difference.kept_when, difference.set_aside_when) <= parted:
            difference.conflict = False
    # This file's value kept over one the other copy had when they parted: only this file changed
    # it since, nothing of the other copy's is set aside (a line of a cell, which keeps no edit
    # times per field: _merge_row says so of the fields that do).
    summary.differences = [
        d
        for d in summary.differences
        if d.steps
        or d.future
        or d.kept_from != first_name
        or not d.set_aside_when
        or d.set_aside_when > parted
    ]
    for difference in summary.differences:
        # A match's note each copy wrote after they parted: the kept story's note, then the
        # other's, named by its file. Neither text is lost (each explains its own copy's step).
        if (
            difference.table == "matches"
            and difference.field == FIELD_LABEL["note"]
            and not difference.future
            and difference.set_aside_when > parted
            and difference.set_aside.strip()
            and difference.set_aside not in difference.kept
        ):
            theirs_said = f"{difference.set_aside_from}\u00a0: {difference.set_aside}"  # the text as typed
            note = f"{difference.kept} — {theirs_said}" if difference.kept.strip() else theirs_said
            conn.execute("UPDATE matches SET note = ? WHERE id = ?", (note, difference.row_id))
            difference.joined = difference.conflict = True
    for row_id, (table, when) in their_graves.items():
        if row_id not in kept and when <= horizon:
            conn.execute(
                "INSERT OR IGNORE INTO graves (id, tbl, deleted) VALUES (?, ?, ?)", (row_id, table, when)
            )
    conn.executemany("DELETE FROM graves WHERE id = ?", [(row_id,) for row_id in kept])
    copy_rows(conn, other)  # a participant deleted in either copy: a re-import does not put her back
    for key, when in their_steps_out.items():  # a later merge with a copy that has them: still out
        bury_step(conn, key, when, replace=False)
    summary.differences.sort(key=lambda d: not d.conflict)  # conflicts first, then updates
    _keep_history(conn, other)
    # The other copy's joins, kept: a later merge of a copy from before them reads them too.
    from atelier.store.join import JOINED_PREFIX

    conn.executemany(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
        other.execute(
            "SELECT key, value FROM meta WHERE substr(key, 1, ?) = ?", (len(JOINED_PREFIX), JOINED_PREFIX)
        ).fetchall(),
    )
    when = merged_at
    record = {"when": when, "files": [first_name, second_name], **summary.as_dict()}
    import uuid  # not at import: it pulls in platform, and opening a file merges nothing

    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        (f"{HISTORY_PREFIX}{when}:{uuid.uuid4().hex[:8]}", json.dumps(_nameless(record), ensure_ascii=False)),
    )
    # The other file's history may speak of entries this merge leaves out (deleted here).
    forget_deleted(conn)
    return summary


_REFERENCES = ("id", "workshop_id", "participant_id", "need_id", "resource_id")


def _through(ids: dict[str, str], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows whose ids, and the ids they refer to, a join replaced: given the ones now kept."""
    if not ids:
        return rows
    return [
        {c: ids.get(v, v) if c in _REFERENCES and isinstance(v, str) else v for c, v in r.items()}
        for r in rows
    ]


def _suggestion_sets(conn: sqlite3.Connection, horizon: str) -> dict[str, str]:
    """Each need's suggestions and when they were made (the newest of them): the matcher makes a
    need's suggestions together, replacing the ones before (a time in the future says nothing)."""
    found = conn.execute(
        "SELECT need_id, max(created) FROM matches "
        "WHERE status = 'suggested' AND created <= ? GROUP BY need_id",
        (horizon,),
    )
    return {str(need): str(when or "") for need, when in found}


def _drop_older_suggestions(
    conn: sqlite3.Connection, other: sqlite3.Connection, mine: dict[str, str], theirs: dict[str, str]
) -> None:
    """A need the second copy matched again after this file did: its suggestions are that copy's
    (taken in by the merge), not those and this file's older ones side by side."""
    for need_id, when in theirs.items():
        if need_id not in mine or when <= mine[need_id]:
            continue
        kept = {r[0] for r in other.execute("SELECT resource_id FROM matches WHERE need_id = ?", (need_id,))}
        conn.executemany(
            "DELETE FROM matches WHERE id = ?",
            [
                (row_id,)
                for row_id, resource_id in conn.execute(
                    "SELECT id, resource_id FROM matches WHERE need_id = ? AND status = 'suggested'",
                    (need_id,),
                ).fetchall()
                if resource_id not in kept
            ],
        )


def _people_key(row: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """A participant's workshop and names, accents and case aside."""
    from atelier.french import fold

    names = json.loads(row.get("names") or "[]")
    return row["workshop_id"], tuple(sorted(" ".join(fold(n).split()) for n in names if n.strip()))


def _line_key(row: dict[str, Any]) -> tuple[str, str, str]:
    """A line's cell (its participant and column) and its text, case, accents and spacing aside."""
    from atelier.french import fold

    return (
        str(row.get("participant_id")),
        str(row.get("kind")),
        " ".join(fold(str(row.get("text") or "")).split()),
    )


def _twin_sentence(mine: dict[str, Any], theirs: dict[str, Any], second: str) -> str:
    from atelier.i18n import message

    def said(row: dict[str, Any]) -> str:
        return ", ".join(json.loads(row.get("names") or "[]"))

    return message("merge.twin", added=said(theirs), second=second, existing=said(mine))


# Each merge is one row of `meta` (key « merge:WHEN:ID »): what was added, and every value set
# aside, so that a second merge never erases what the first one kept. Before, only the last
# merge was kept (key « last_merge »); such a record is read as one entry of the history.
HISTORY_PREFIX = "merge:"
_LEGACY_KEY = "last_merge"


def _history_rows(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return list(
        conn.execute(
            "SELECT key, value FROM meta WHERE key = ? OR substr(key, 1, ?) = ? ORDER BY key",
            (_LEGACY_KEY, len(HISTORY_PREFIX), HISTORY_PREFIX),
        )
    )


def _history_records(conn: sqlite3.Connection) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Each history row that reads as a record (key, text, parsed); one that does not is skipped."""
    for key, value in _history_rows(conn):
        try:
            data = json.loads(value)
        except ValueError:
            continue
        if isinstance(data, dict):
            yield key, value, data


def _entry_key(key: str, value: str) -> str:
    """A legacy « last_merge » record gets a key of its own, the same in every file."""
    if key != _LEGACY_KEY:
        return key
    import hashlib

    try:
        when = str(json.loads(value).get("when", ""))
    except (ValueError, AttributeError):
        when = ""
    return f"{HISTORY_PREFIX}{when}:{hashlib.sha1(value.encode('utf-8')).hexdigest()[:8]}"


# What a record says of an entry by name (« Participant « Lucie Leroy » »): never stored, said
# when the history is read, from the entry as it is then (files of format 8 stored it).
_NAMES = ("what", "name", "decision")


def _nameless(record: dict[str, Any]) -> dict[str, Any]:
    """A history record as stored: each entry by its table and id, without its name."""
    record = dict(record)
    for key in ("differences", "kept_deleted", "removed_decisions"):
        record[key] = [
            {k: v for k, v in entry.items() if k not in _NAMES} if isinstance(entry, dict) else entry
            for entry in _listed(record, key)
        ]
    return record


def _exists(conn: sqlite3.Connection, table: str, row_id: str) -> bool:
    if table not in TABLES:
        return False
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None


def forget_deleted(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Take out of the merge history what it says of entries deleted since (their values set
    aside, the note that a deletion of them was not applied), and any name an older file
    stored: a person deleted at their request does not stay in the file through its history.
    Each record keeps how many lines it lost (`erased`). Returns the records as they were
    (key, text), for an undo to put back; in the caller's transaction."""
    before = []
    for key, value, data in _history_records(conn):
        record = _nameless(data)
        erased = 0
        for name in ("differences", "kept_deleted"):
            entries = record[name]
            record[name] = [
                e
                for e in entries
                if not isinstance(e, dict) or _exists(conn, str(e.get("table", "")), str(e.get("row_id", "")))
            ]
            erased += len(entries) - len(record[name])
        if erased:
            total = record.get("erased")
            record["erased"] = (total if isinstance(total, int) else 0) + erased
            if not isinstance(data.get("updated"), int):  # counts kept as they were said
                record["updated"] = _count_updates(data)
            if not isinstance(data.get("conflicts"), int):
                record["conflicts"] = sum(1 for d in _listed(data, "differences") if _is_conflict(d))
        if record != data:
            before.append((key, value))
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = ?", (json.dumps(record, ensure_ascii=False), key)
            )
    return before


def restore_history(conn: sqlite3.Connection, records: list[tuple[str, str]]) -> None:
    """Put back the history records a deletion rewrote (its undo puts the entry back)."""
    conn.executemany("UPDATE meta SET value = ? WHERE key = ?", [(value, key) for key, value in records])


def _is_conflict(entry: object) -> bool:
    return isinstance(entry, dict) and bool(entry.get("conflict"))


def _count_updates(data: dict[str, Any]) -> int:
    """Fields updated by a merge: its differences that were no conflict, and fields filled in."""
    differences = _listed(data, "differences")
    filled = data.get("filled")
    return (
        len(differences)
        - sum(1 for d in differences if _is_conflict(d))
        + (filled if isinstance(filled, int) else 0)
    )


@dataclass
class _Said:
    """What this file's earlier merges already reported, so that merging the same copy again
    reports only what is new: values set aside, deleted entries kept (a deletion applied is
    news once by itself: the entry is gone from this file afterwards)."""

    differences: set[tuple[str, str, str, str, str]] = field(default_factory=set)
    kept: set[tuple[str, str, str]] = field(default_factory=set)
    future: set[str] = field(default_factory=set)  # deletions dated in the future, not applied


def _already_said(conn: sqlite3.Connection) -> _Said:
    said = _Said()
    for _key, _value, data in _history_records(conn):
        for raw in _listed(data, "differences"):
            if isinstance(raw, dict):
                table, row_id, label, kept, set_aside = (
                    str(raw.get(k, "")) for k in ("table", "row_id", "field", "kept", "set_aside")
                )
                said.differences.add((table, row_id, label, kept, set_aside))
                if raw.get("own_steps"):  # the kept copy's own dating, set aside: said too
                    said.differences.add((table, row_id, label, kept, str(raw["own_steps"])))
        for raw in _listed(data, "kept_deleted"):
            if isinstance(raw, dict):
                said.kept.add(
                    (str(raw.get("table", "")), str(raw.get("row_id", "")), str(raw.get("deleted_when", "")))
                )
        said.future.update(str(i) for i in _listed(data, "future_deletions"))
    return said


def _listed(data: dict[str, Any], key: str) -> list[Any]:
    """A list of a history record, empty if the record holds something else there (a file
    written by hand or by another program is read, never trusted)."""
    value = data.get(key)
    return value if isinstance(value, list) else []


def _keep_history(conn: sqlite3.Connection, other: sqlite3.Connection) -> None:
    """The merged file keeps the merge history of both files."""
    for key, value in _history_rows(conn):
        if key == _LEGACY_KEY:
            conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (_entry_key(key, value), value)
            )
    for key, value in _history_rows(other):
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (_entry_key(key, value), value))


@dataclass
class MergeRecord:
    """One past merge, as written in the file."""

    when: str
    files: list[str]
    added: int
    conflicts: int
    differences: list[Difference]
    removed: int = 0  # deletions honoured (format 8)
    kept_deleted: list[KeptDeletion] = field(default_factory=list)
    filled: int = 0  # empty fields filled in from the second file
    updates: int = 0  # fields updated: differences that were no conflict, and fields filled in
    # Lines taken out since (format 10): they were about entries deleted after the merge.
    erased: int = 0
    # What a copy dated in the future did not get (deletions, new entries' dates) and its times.
    future_deletions: int = 0
    future_added: int = 0
    future_times: list[str] = field(default_factory=list)

    def future_sentence(self) -> str:
        """What was not taken from a copy dated in the future ("" if nothing)."""
        return future_sentence(
            self.files[1] if len(self.files) > 1 else "?",
            self.future_times,
            sum(1 for d in self.differences if d.future),
            self.future_deletions,
            self.future_added,
        )

    @property
    def nothing_new(self) -> bool:
        """A merge of a copy that brought nothing new (the same copy merged again)."""
        return not (
            self.added
            or self.removed
            or self.differences
            or self.kept_deleted
            or self.filled
            or self.erased
            or self.conflicts
            or self.updates
            or self.future_deletions
        )

    def label(self, lang: str | None = None) -> str:
        """When the merge was made, in the reader's language (« 29/11/2026 à 22:52 », English
        « 29 November 2026, 22:52 »)."""
        from atelier.i18n import current_language

        return _when(self.when, (lang or current_language()) == "en")


def merge_history(conn: sqlite3.Connection) -> list[MergeRecord]:
    """Every merge this file went through, oldest first, with the values each set aside. Each
    entry is named as it is now (the history stores only its table and id)."""
    records: dict[str, MergeRecord] = {}
    for key, value, data in _history_records(conn):
        differences = []
        for raw in _listed(data, "differences"):
            if isinstance(raw, dict):
                known: dict[str, Any] = {
                    k: (
                        bool(raw[k])
                        if k in ("conflict", "future", "joined", "steps", "withdrawn", "filled")
                        else str(raw[k])
                    )
                    for k in Difference.__dataclass_fields__
                    if k in raw and k not in _NAMES
                }
                known["what"] = _named(conn, str(raw.get("table", "")), str(raw.get("row_id", "")), True)
                with contextlib.suppress(TypeError):
                    differences.append(Difference(**known))
        kept = []
        unsaid: list[KeptDeletion] = []  # written without what came back with them
        for raw in _listed(data, "kept_deleted"):
            if isinstance(raw, dict):
                known = {
                    k: (_count(raw[k]) if k == "along" else str(raw[k]))
                    for k in KeptDeletion.__dataclass_fields__
                    if k in raw and k not in _NAMES
                }
                known["name"] = _named(conn, str(raw.get("table", "")), str(raw.get("row_id", "")), False)
                if raw.get("decision_id"):
                    known["decision"] = _pair(conn, str(raw["decision_id"]))
                with contextlib.suppress(TypeError):
                    kept.append(KeptDeletion(**known))
                    if "along" not in raw:
                        unsaid.append(kept[-1])
        conflicts = data.get("conflicts")
        updated = data.get("updated")
        erased = data.get("erased")
        files = [str(f) for f in _listed(data, "files")]
        added = _total(data.get("added"))
        for kept_deletion in unsaid:
            exists = _exists(conn, kept_deletion.table, kept_deletion.row_id)
            if exists and files and kept_deletion.deleted_in == files[0]:
                # Written before merges said what came back with an entry the first copy had
                # deleted (November 2026): it was counted, with all of it, as « ajoutée ». Read
                # as a merge says it now: what came with it is what of it predates that deletion.
                kept_deletion.along = _came_along(
                    conn, kept_deletion.table, kept_deletion.row_id, kept_deletion.deleted_when
                )
                added = max(0, added - 1 - kept_deletion.along)
        records[_entry_key(key, value)] = MergeRecord(
            str(data.get("when", "")),
            files,
            added,
            conflicts if isinstance(conflicts, int) else sum(1 for d in differences if d.conflict),
            differences,
            _total(data.get("removed")),
            [k for k in kept if k.table in TABLES],
            data["filled"] if isinstance(data.get("filled"), int) else 0,
            updated if isinstance(updated, int) else _count_updates(data),
            erased if isinstance(erased, int) else 0,
            len(_listed(data, "future_deletions")),
            data["future_added"] if isinstance(data.get("future_added"), int) else 0,
            [str(t) for t in _listed(data, "future_times")],
        )
    return sorted(records.values(), key=lambda r: r.when)


def _came_along(conn: sqlite3.Connection, table: str, row_id: str, until: str) -> int:
    """How many entries of this file belong to this one (a participant's lines, the matches on
    them; a workshop's people and all of theirs) and were made by `until`."""
    found: dict[str, set[str]] = {table: {row_id}} if table in TABLES else {}
    for child in TABLES:
        for column, parent in PARENTS.get(child, ()):
            if found.get(parent):
                rows = conn.execute(
                    f"SELECT id FROM {child} WHERE {column} IN (SELECT value FROM json_each(?)) "
                    "AND created <= ?",
                    (json.dumps(sorted(found[parent])), until),
                )
                found.setdefault(child, set()).update(str(r[0]) for r in rows)
    return sum(len(ids) for ids in found.values()) - (1 if found else 0)


def _named(conn: sqlite3.Connection, table: str, row_id: str, described: bool) -> str:
    """An entry of the history as it is named now; « ? » if it is not in the file (a history
    not yet rid of it: a file opened read-only)."""
    row = _row(conn, table, row_id) if table in TABLES else None
    if row is None:
        return f"{TABLE_LABEL.get(table, '')} « ? »".strip() if described else "?"
    return _describe(conn, table, row) if described else _name(conn, table, row)


def _count(value: object) -> int:
    """A count a record holds, 0 if it holds something else (read, never trusted)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def _total(counts: object) -> int:
    """The sum of a record's counts by table ({"participants": 1, …}), 0 if unreadable."""
    if not isinstance(counts, dict):
        return 0
    return sum(v for v in counts.values() if isinstance(v, int))


def _insert(
    conn: sqlite3.Connection,
    table: str,
    columns: list[str],
    row: dict[str, Any],
    order: dict[tuple[Any, ...], list[str]] | None = None,
    theirs: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Write an entry only the second file has. An ordered one (a participant, a line of a
    cell, a section) takes the place it has there: just after the nearest entry before it
    there that this file also has (past this file's own new entries that follow it), else
    just before the nearest one after it, else at the end; the entries after it move down
    one, none changes order."""
    row = dict(row)
    scope = ORDER_SCOPE.get(table)
    if scope:
        key = tuple(row[c] for c in scope)
        where = " AND ".join(f"{c} = ?" for c in scope)
        row["position"] = _place(conn, table, where, key, row["id"], (order or {}).get(key, []), theirs)
        conn.execute(
            f"UPDATE {table} SET position = position + 1 WHERE {where} AND position >= ?",
            (*key, row["position"]),
        )
    present = [c for c in columns if c in row]
    marks = ", ".join("?" for _ in present)
    conn.execute(f"INSERT INTO {table} ({', '.join(present)}) VALUES ({marks})", [row[c] for c in present])


def _place(
    conn: sqlite3.Connection,
    table: str,
    where: str,
    key: tuple[Any, ...],
    row_id: str,
    order: list[str],
    theirs: set[str] | frozenset[str],
) -> int:
    """Where an entry of the second file goes among this file's (see _insert)."""

    def position_of(found_id: str) -> int | None:
        found = conn.execute(f"SELECT position FROM {table} WHERE id = ? AND {where}", (found_id, *key))
        value = found.fetchone()
        return None if value is None else int(value[0])

    def id_at(position: int) -> str | None:
        found = conn.execute(f"SELECT id FROM {table} WHERE {where} AND position = ?", (*key, position))
        value = found.fetchone()
        return None if value is None else str(value[0])

    index = order.index(row_id) if row_id in order else len(order)
    for before in reversed(order[:index]):
        at = position_of(before)
        if at is not None:
            position = at + 1
            # This file's own new entries right after that one stay right after it.
            while (next_id := id_at(position)) is not None and next_id not in theirs:
                position += 1
            return position
    for after in order[index + 1 :]:
        at = position_of(after)
        if at is not None:
            return at
    last = conn.execute(f"SELECT coalesce(max(position), -1) FROM {table} WHERE {where}", key).fetchone()[0]
    return int(last) + 1


def _merge_row(
    conn: sqlite3.Connection,
    table: str,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    names: tuple[str, str],
    summary: MergeSummary,
    said: set[tuple[str, str, str, str, str]] | frozenset[tuple[str, str, str, str, str]] = frozenset(),
    horizon: str = "9999",
    parted: str = "",
    steps_out: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The changes that make `mine` hold, field by field, the newer of the two edits. An edit
    the second copy dates after `horizon` (in the future) never wins: this file keeps its
    value, and the copy's is set aside and listed. `parted`: the latest edit both copies have.
    `steps_out`: the follow-up steps either copy took out (graves.step_key)."""
    my_stamps, their_stamps = _stamps(mine), _stamps(theirs)
    changes: dict[str, Any] = {}
    stamps = dict(my_stamps)
    first = len(summary.differences)  # this entry's lines start there
    # A match's follow-up (its state, that state's day and the steps that led there) is one
    # story: the copy that changed it last gives all three, never one copy's state with the
    # other's steps; the steps only the other copy recorded join its path by date, and the
    # state is its last step (_combine_steps).
    # Its note says why it stands there: it comes with them, never one copy's state with the
    # other's note (a note the other copy wrote is not lost: merge_into adds it after).
    together: tuple[str, ...] = ()
    if table == "matches" and all(c in theirs for c in FOLLOW_UP_FIELDS):
        together = FOLLOW_UP_FIELDS + (("note",) if "note" in theirs and "note" in mine else ())
    # A section's text and what Atelier drafted of it (format 11) come from one copy: never
    # one copy's text judged by the other's draft (untouched, or figures to read again).
    if table == "synthesis_sections" and all(c in theirs and c in mine for c in SECTION_FIELDS):
        together = SECTION_FIELDS
    # A suggestion as the matcher made it (never decided): its fields nobody edited are no edit
    # at all, whenever the row was made (the window makes a workshop's suggestions again each
    # time it opens a file): beside a decision, they never outweigh what someone did.
    mine_made = table == "matches" and mine.get("status") == "suggested" and "status" not in my_stamps
    theirs_made = table == "matches" and theirs.get("status") == "suggested" and "status" not in their_stamps
    mine_untimed = mine_made and not theirs_made
    theirs_untimed = theirs_made and not mine_made

    def when_mine(column: str) -> str:
        return str(my_stamps.get(column, "")) if mine_untimed else _edited_at(mine, my_stamps, column)

    def when_theirs(column: str) -> str:
        return (
            str(their_stamps.get(column, "")) if theirs_untimed else _edited_at(theirs, their_stamps, column)
        )

    my_story = max((when_mine(c) for c in together), default="")
    their_story = max((when_theirs(c) for c in together), default="")
    decided = ("confirmed", "manual")
    for column, mine_value in mine.items():
        if column in NOT_FIELDS or column not in theirs:
            continue
        their_value = theirs[column]
        my_when = when_mine(column)
        their_when = when_theirs(column)
        if column in together:
            my_when, their_when = my_story, their_story
        if table == "matches" and column == "status":
            # A suggestion the matcher made (again) is no decision: it never undoes one.
            if theirs_untimed:
                their_when = ""
            elif mine_untimed:
                my_when = ""
            # A follow-up recorded on a decided match (a contact, a note) after the other copy
            # set the suggestion aside keeps it decided: the room acted on it since.
            if mine_value in decided and their_value not in decided and "follow_up" in together:
                my_when = max(my_when, my_story)
            elif their_value in decided and mine_value not in decided and "follow_up" in together:
                their_when = max(their_when, their_story)
        future = their_when > horizon
        if their_when > my_when and not future:
            stamps[column] = their_when
        if table == "participants" and column == "unlisted":
            _merge_withdrawal(conn, mine, theirs, (my_when, their_when), names, summary, changes, said)
            continue
        if their_value == mine_value or column.endswith("_id"):
            continue
        newer_is_theirs = their_when > my_when and not future
        kept, set_aside = (their_value, mine_value) if newer_is_theirs else (mine_value, their_value)
        if newer_is_theirs:
            changes[column] = their_value
        if column in ("score", "reasons", "follow_up_steps", "drafted", "retyped", "imported"):
            # a suggestion's score; the steps, said by the state and its day; what Atelier
            # drafted of a section, said by its text; a retyped mark, said by the text
            continue
        if _same_to_a_reader(column, _readable(kept), _readable(set_aside)):
            continue  # the same value written two ways (a list, its spacing): nothing set aside
        if (
            future
            and (table, mine["id"], FIELD_LABEL.get(column, column), _readable(kept), _readable(set_aside))
            not in said
        ):
            summary.future_times.append(their_when)
        if not _readable(set_aside).strip():
            if newer_is_theirs:  # an empty field filled in: taken, nothing set aside, listed
                summary.filled += 1
                summary.filled_in.append(
                    Difference(
                        table,
                        mine["id"],
                        _describe(conn, table, mine),
                        FIELD_LABEL.get(column, column),
                        _readable(kept),
                        names[1],
                        their_when,
                        "",
                        names[0],
                        my_when,
                        filled=True,
                    )
                )
            continue  # an empty field filled in, or a suggestion's score: nothing set aside to show
        label = FIELD_LABEL.get(column, column)
        if column != "status" and (theirs_untimed if not newer_is_theirs else mine_untimed):
            # What a suggestion holds as the matcher made it (no follow-up, no note): nothing
            # anyone typed is set aside, the decision's line says what came.
            continue
        # Set aside: a suggestion as the matcher made it, said as such, with no one's time.
        made = theirs_untimed if not newer_is_theirs else mine_untimed
        if mine_untimed and not my_when and not made:
            my_when = _edited_at(mine, my_stamps, column)  # said: when the suggestion was made
        if theirs_untimed and not their_when and not made:
            their_when = _edited_at(theirs, their_stamps, column)
        if not newer_is_theirs and "edited" in theirs and column not in their_stamps:
            # Only this file changed it: the other copy still has the value it replaced, nothing
            # that copy typed. Kept as it is, it is no update, and nothing is set aside.
            continue
        if not newer_is_theirs and (table, mine["id"], label, _readable(kept), _readable(set_aside)) in said:
            continue  # this file kept its value, and an earlier merge already listed the one set aside
        summary.differences.append(
            Difference(
                table,
                mine["id"],
                _describe(conn, table, mine),
                label,
                _readable(kept),
                names[1] if newer_is_theirs else names[0],
                their_when if newer_is_theirs else my_when,
                _readable(set_aside),
                names[0] if newer_is_theirs else names[1],
                my_when if newer_is_theirs else their_when,
                # Edit times on both sides for this field: each file changed it. A line of a
                # cell keeps no edit times, its last change is its text's (`updated`): two
                # texts each changed since the copies parted (below) are a conflict too.
                conflict=(
                    column in my_stamps and column in their_stamps
                    if "edited" in mine or "edited" in theirs
                    else table == "items" and column == "text"
                )
                and not future,
                future=future,
                made=made,
            )
        )
    if table == "matches" and "follow_up_steps" in together and "follow_up_steps" in mine:
        _combine_steps(
            conn,
            mine,
            theirs,
            names,
            summary,
            changes,
            first,
            (my_story, their_story),
            said,
            horizon,
            parted,
            steps_out,
        )
    their_updated = str(theirs.get("updated") or "")
    if "updated" in mine and "updated" in theirs and str(mine["updated"] or "") < their_updated <= horizon:
        changes["updated"] = theirs["updated"]
    if "edited" in mine and stamps != my_stamps:
        changes["edited"] = json.dumps(stamps, ensure_ascii=False, sort_keys=True)
    return changes


def _merge_withdrawal(
    conn: sqlite3.Connection,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    times: tuple[str, str],
    names: tuple[str, str],
    summary: MergeSummary,
    changes: dict[str, Any],
    said: set[tuple[str, str, str, str, str]] | frozenset[tuple[str, str, str, str, str]],
) -> None:
    """« Ne pas publier dans le répertoire » (participants.unlisted) in either copy stays, whichever
    edit is newer, even one dated in the future: a person asked not to be published, and a merge
    never publishes them again. Said when the merge withdraws them from this file, or when the
    other copy had published them again (set aside); not when only this file withdrew them."""
    my_when, their_when = times
    mine_out, theirs_out = bool(mine["unlisted"]), bool(theirs["unlisted"])
    if mine_out == theirs_out:
        return
    their_stamps = _stamps(theirs)
    if theirs_out:
        changes["unlisted"] = 1
    elif "unlisted" not in their_stamps:
        return  # only this file changed it: nothing of the other copy's is set aside
    kept, set_aside = ("1", "0")
    label = FIELD_LABEL["unlisted"]
    if (("participants", mine["id"], label, kept, set_aside)) in said:
        return  # an earlier merge of this file already said it
    withdrawn_in, other = (names[1], names[0]) if theirs_out else (names[0], names[1])
    withdrawn_when, other_when = (their_when, my_when) if theirs_out else (my_when, their_when)
    summary.differences.append(
        Difference(
            "participants",
            mine["id"],
            _describe(conn, "participants", mine),
            label,
            kept,
            withdrawn_in,
            withdrawn_when,
            set_aside,
            other,
            other_when,
            conflict="unlisted" in _stamps(mine) and "unlisted" in their_stamps,
            withdrawn=True,
        )
    )


def _combine_steps(
    conn: sqlite3.Connection,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    names: tuple[str, str],
    summary: MergeSummary,
    changes: dict[str, Any],
    first: int,
    stories: tuple[str, str],
    said: set[tuple[str, str, str, str, str]] | frozenset[tuple[str, str, str, str, str]],
    horizon: str,
    parted: str = "",
    steps_out: frozenset[str] = frozenset(),
) -> None:
    """A decided match both copies followed up: the path of the copy that changed it last, with
    the steps only the other recorded (a contact made on the other laptop) in date order, each
    saying its copy; the state its last step. Said in one line (instead of the state and the day
    « set aside »: they are steps of the path). A copy's path already within this file's says
    nothing: its state is an earlier step here, nothing is set aside. A step either copy took
    out (`steps_out`: recorded by mistake) is in neither path: never brought back."""
    from atelier.store.merge_steps import combine
    from atelier.store.rows import dump_steps, steps

    decided = ("confirmed", "manual")
    my_story, their_story = stories
    if mine.get("status") not in decided or theirs.get("status") not in decided or their_story > horizon:
        return
    theirs_win = their_story > my_story
    win, lose = (theirs, mine) if theirs_win else (mine, theirs)
    win_name, lose_name = (names[1], names[0]) if theirs_win else names
    win_all, lose_all = (
        steps(str(win["follow_up_steps"] or "")),
        steps(str(lose["follow_up_steps"] or "")),
    )

    ids = {str(mine["id"]), str(theirs["id"])}  # (one match made in each copy: two ids)

    def without_taken_out(path: list[FollowUpStep]) -> list[FollowUpStep]:
        left = [
            s for s in path if not any(step_key(i, s.state.value, s.at, s.recorded) in steps_out for i in ids)
        ]
        return left or path  # (the decision is never taken out: a path is never emptied)

    win_steps, lose_steps = without_taken_out(win_all), without_taken_out(lose_all)
    if not win_steps or not lose_steps:
        return
    # The copy that changed the follow-up last still has a step the other took out: the path is
    # written without it, and the match stands at its last step.
    pruned = len(win_steps) != len(win_all)
    # The winning copy decided the match again (set aside, confirmed afresh) after the other's
    # decision: its decision is a new one, not the other's dated otherwise. Only if it had that
    # decision, taken before the copies parted: two laptops that each confirmed the suggestion
    # after they parted took one decision twice, and a contact that followed the first one
    # follows the match's decision (never « remise à contacter », nobody set it aside).
    their_decision = _edited_at(lose, _stamps(lose), "status")
    decided_again = _edited_at(win, _stamps(win), "status") > their_decision and their_decision <= parted
    combined = combine(win_steps, lose_steps, lose_name, decided_again=decided_again)
    state_lines = [
        d
        for d in summary.differences[first:]
        if d.field in (FIELD_LABEL["follow_up"], FIELD_LABEL["follow_up_changed"])
    ]
    label = FIELD_LABEL["follow_up_steps"]
    if pruned:
        last = combined.path[-1]
        pruned_to = {
            "follow_up_steps": dump_steps(combined.path),
            "follow_up": last.state.value,
            "follow_up_changed": last.at,
        }
        for column, value in pruned_to.items():
            if value == mine[column]:
                changes.pop(column, None)
            else:
                changes[column] = value
    if not combined.added:
        # Nothing to add; a step the other copy dated otherwise is said, unless an earlier merge
        # of this copy already said it (it set that dating aside).
        seen = ("matches", mine["id"], label, dump_steps(win_steps), dump_steps(lose_steps)) in said
        if not theirs_win and (not combined.redated or seen):
            summary.differences[first:] = [d for d in summary.differences[first:] if d not in state_lines]
        return
    summary.differences[first:] = [d for d in summary.differences[first:] if d not in state_lines]
    last = combined.path[-1]
    path = dump_steps(combined.path)
    new = {"follow_up_steps": path}
    if combined.moved:  # the latest step is the copy's: the match stands there
        new.update(follow_up=last.state.value, follow_up_changed=last.at)
    for column, value in new.items():
        if value == mine[column]:
            changes.pop(column, None)
        else:
            changes[column] = value
    aside = dump_steps(lose_steps)
    if ("matches", mine["id"], label, path, aside) in said:
        return
    summary.differences.append(
        Difference(
            "matches",
            mine["id"],
            _describe(conn, "matches", mine),
            label,
            path,
            win_name,
            max(stories),
            aside,
            lose_name,
            min(stories),
            conflict=True,
            steps=True,
            own_steps=dump_steps(win_steps) if combined.taken else "",
        )
    )


def _parted(conn: sqlite3.Connection, their_tables: dict[str, list[dict[str, Any]]], horizon: str) -> str:
    """The latest moment both copies held the same entry the same way (see _shared_time): they
    parted after it ("" if they share nothing)."""
    parted = ""
    for table, their_rows in their_tables.items():
        mine = {r["id"]: r for r in _rows(conn, table)}
        for theirs in their_rows:
            if theirs["id"] in mine:
                parted = max(parted, _shared_time(mine[theirs["id"]], theirs, horizon))
    return parted


def _shared_time(mine: dict[str, Any], theirs: dict[str, Any], horizon: str = "9999") -> str:
    """The latest time this entry's two copies agree on: its creation, or an edit both have (the
    same field, the same time, the same value): the copies held it together then. Not the row's
    last change: two copies can each change a row in the same millisecond. A time in the future
    says nothing."""
    times = [str(mine["created"])] if mine.get("created") and mine["created"] == theirs.get("created") else []
    their_stamps = _stamps(theirs)
    if (
        "edited" not in mine
        and mine.get("updated")
        and all(mine[c] == theirs.get(c) for c in mine if c not in ("id", "position"))
    ):
        # A row without edit times (a line of a cell) the same in both, last changed at the
        # same moment: held together then.
        times.append(str(mine["updated"]))
    times += [
        str(when)
        for column, when in _stamps(mine).items()
        if their_stamps.get(column) == when and column in mine and mine[column] == theirs.get(column)
    ]
    return max((t for t in times if t <= horizon), default="")


# How far ahead of this computer's clock a time may be before it is taken for a wrong clock
# (time zones and clocks a few hours off stay within it).
FUTURE_MARGIN_DAYS = 1


def _horizon() -> str:
    from datetime import UTC, datetime, timedelta

    later = datetime.now(UTC) + timedelta(days=FUTURE_MARGIN_DAYS)
    return later.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _future_times(row: dict[str, Any], horizon: str) -> list[str]:
    """The times of an entry (made, changed, each field's edit) that are in the future."""
    times = [str(row[c]) for c in ("created", "updated") if c in row and str(row[c] or "") > horizon]
    return times + [str(t) for t in _stamps(row).values() if str(t) > horizon]


def _dated_now(row: dict[str, Any], horizon: str, now: str) -> dict[str, Any]:
    """An entry only the second copy has, its times in the future brought back to the merge's
    (it is taken in, but its wrong dates would win every later merge); the same row if none."""
    if not _future_times(row, horizon):
        return row
    row = dict(row)
    for column in ("created", "updated"):
        if column in row and str(row[column] or "") > horizon:
            row[column] = now
    if "edited" in row:
        stamps = {c: (now if str(t) > horizon else t) for c, t in _stamps(row).items()}
        row["edited"] = json.dumps(stamps, ensure_ascii=False, sort_keys=True)
    return row


def _edited_at(row: dict[str, Any], stamps: dict[str, str], column: str) -> str:
    """When this field was last edited. A row with edit times but none for this field
    has kept it since it was made; a row without any (older format, or never edited)
    only tells when the row as a whole last changed."""
    if column in stamps:
        return str(stamps[column])
    if stamps:
        return str(row.get("created") or "")
    return str(row.get("updated") or row.get("created") or "")


def _readable(value: Any) -> str:
    if isinstance(value, str) and value[:1] in "[{":
        with contextlib.suppress(ValueError):
            decoded = json.loads(value)
            if isinstance(decoded, list):
                return ", ".join(str(v) for v in decoded)
            if isinstance(decoded, dict):
                return "; ".join(f"{k} : {v}" for k, v in decoded.items())
    return "" if value is None else str(value)


def _mark_retyped(conn: sqlite3.Connection, retyped: dict[str, tuple[str, str]]) -> None:
    """A decided match whose statement the other copy retyped after the decision is marked
    « ⚠ texte modifié depuis la décision », as a re-import marks it: the people agreed on a
    text the grid no longer says (only case, accents or spacing corrected: nothing to review)."""
    from atelier.store.matches import _words

    columns = {r[1] for r in conn.execute("PRAGMA table_info(matches)")}
    if "retyped" not in columns:
        return
    for item_id, (before, when) in retyped.items():
        now = conn.execute("SELECT text FROM items WHERE id = ?", (item_id,)).fetchone()
        if now is None or _words(before) == _words(str(now[0])):
            continue
        cursor = conn.execute(
            "SELECT * FROM matches WHERE status IN ('confirmed', 'manual') AND retyped = '' "
            "AND ? IN (need_id, resource_id)",
            (item_id,),
        )
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            if _edited_at(row, _stamps(row), "status") < when:
                conn.execute("UPDATE matches SET retyped = ? WHERE id = ?", (when, row["id"]))


_DECIDED_ON = {
    "items": "SELECT * FROM matches WHERE status IN ('confirmed', 'manual') AND ? IN (need_id, resource_id)",
    "participants": (
        "SELECT m.* FROM matches m JOIN items i ON i.id IN (m.need_id, m.resource_id) "
        "WHERE m.status IN ('confirmed', 'manual') AND i.participant_id = ?"
    ),
}


def _decision_since(conn: sqlite3.Connection, table: str, row_id: str, parted: str, horizon: str) -> str:
    """The id of the latest match decided (confirmed, made by hand) or followed up on this entry
    (a participant, a line) after the copies parted: the other copy never knew of it; "" if none."""
    sql = _DECIDED_ON.get(table)
    if sql is None:
        return ""
    cursor = conn.execute(sql, (row_id,))
    names = [d[0] for d in cursor.description]
    latest, found = "", ""
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        stamps = _stamps(row)
        when = max(_edited_at(row, stamps, c) for c in ("status", *FOLLOW_UP_FIELDS) if c in row)
        if parted < when <= horizon and when > latest:
            latest, found = when, str(row["id"])
    return found


def _decisions_going(
    conn: sqlite3.Connection, table: str, row: dict[str, Any], deleted_in: str
) -> list[RemovedDecision]:
    """The decided matches an entry the other copy deleted takes with it (a participant, a line,
    or the match itself), as that copy knew them: each named in the merge's report."""
    if table == "matches":
        ids = [str(row["id"])] if row.get("status") in ("confirmed", "manual") else []
    elif table in _DECIDED_ON:
        cursor = conn.execute(_DECIDED_ON[table], (row["id"],))
        names = [d[0] for d in cursor.description]
        ids = sorted({str(dict(zip(names, values, strict=True))["id"]) for values in cursor.fetchall()})
    else:
        return []
    name = _name(conn, table, row) if table != "matches" else ""
    return [
        RemovedDecision(table, str(row["id"]), name, deleted_in, *_decision_fields(conn, match_id))
        for match_id in ids
    ]


def _decision_fields(conn: sqlite3.Connection, match_id: str) -> tuple[str, str, str]:
    """What KeptDeletion says of the decision that keeps an entry: its id, day and people."""
    if not match_id:
        return "", "", ""
    from atelier.domain import decided_at
    from atelier.store.rows import steps

    row = _row(conn, "matches", match_id) or {}
    recorded = _edited_at(row, _stamps(row), "status")
    decided = decided_at(steps(str(row.get("follow_up_steps") or "")), recorded)
    return match_id, decided, _pair(conn, match_id)


def _pair(conn: sqlite3.Connection, match_id: str) -> str:
    """« Lucie Leroy ← Grégory TALVY »: who a match puts in touch (who needs, who can help)."""
    people = []
    for column in ("need_id", "resource_id"):
        found = conn.execute(
            f"SELECT p.* FROM matches m JOIN items i ON i.id = m.{column} "
            "JOIN participants p ON p.id = i.participant_id WHERE m.id = ?",
            (match_id,),
        )
        names = [d[0] for d in found.description]
        person = found.fetchone()
        people.append(_name(conn, "participants", dict(zip(names, person, strict=True))) if person else "?")
    return f"{people[0]} ← {people[1]}"


def _day(stamp: str, english: bool = False) -> str:
    """The local day of a moment (or a day): « 30/11/2026 » (English « 30 November 2026 »)."""
    from datetime import datetime

    from atelier.french import list_date

    if len(stamp) <= 10:
        return list_date(stamp, "en" if english else "fr") if stamp else "?"
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return list_date(moment.date().isoformat(), "en" if english else "fr")
