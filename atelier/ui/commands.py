"""Undoable edits: each command's redo and undo call one store operation through the model.

A command is applied once *before* it is pushed: if the file refuses it (read-only,
disk full) nothing is pushed and the user is told, so the undo stack never holds an
edit that is not in the file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoCommand, QUndoStack

from atelier.domain import (
    FollowUp,
    GlossaryEntry,
    Item,
    ItemKind,
    Match,
    MatchStatus,
    Participant,
    SynthesisSection,
    Workshop,
)
from atelier.errors import AtelierError
from atelier.french import join, of, shorten, without_quotes
from atelier.store import CellSnapshot, ParticipantSnapshot, Store
from atelier.ui.columns import kind_title
from atelier.ui.translate import tr


class Grid(Protocol):
    """What a command needs of the grid model (ui/grid_model.py), which makes the commands:
    named here so that the commands do not import the model back."""

    store: Store
    workshop_id: str
    undo_stack: QUndoStack
    saved: SignalInstance
    failed: SignalInstance
    workshop_changed: SignalInstance
    matches_changed: SignalInstance
    content_replaced: SignalInstance
    synthesis_changed: SignalInstance
    glossary_changed: SignalInstance

    def workshop(self) -> Workshop: ...
    def set_workshop(self, workshop_id: str) -> None: ...
    def reload(self) -> None: ...
    def row_of(self, participant_id: str) -> int: ...
    def participant_at(self, row: int) -> Participant: ...
    def op_set_cell(
        self, participant_id: str, kind: ItemKind, texts: list[str], ids: list[str] | None
    ) -> tuple[CellSnapshot, list[str]]: ...
    def op_restore_cell(self, snapshot: CellSnapshot) -> None: ...
    def op_update_participant(self, participant_id: str, **fields: Any) -> dict[str, Any]: ...
    def op_set_unlisted(self, values: dict[str, bool]) -> dict[str, bool]: ...
    def op_add_participant(self, participant: Participant, position: int) -> None: ...
    def op_delete_participant(self, participant_id: str) -> ParticipantSnapshot: ...
    def op_restore_participant(self, snapshot: ParticipantSnapshot) -> None: ...
    def op_move_participant(self, participant_id: str, position: int) -> int: ...
    def op_change_rows(
        self, delete: list[str], put: list[ParticipantSnapshot]
    ) -> list[ParticipantSnapshot]: ...
    def op_update_workshop(self, workshop_id: str | None = None, **fields: Any) -> dict[str, Any]: ...
    def op_update_match(self, match_id: str, **fields: Any) -> dict[str, Any]: ...
    def op_add_match(self, match: Match) -> None: ...
    def op_delete_match(self, match_id: str) -> Match: ...
    def op_replace_content(self, source: Path) -> None: ...


class GridCommand(QUndoCommand):
    def __init__(self, model: Grid, text: str) -> None:
        super().__init__(text)
        self.model = model
        self._applied_before_push = False
        self.refused = False  # the file refused the last undo or redo of this command
        self._put_back = False  # its next undo or redo only moves the stack back, writing nothing
        # The workshop the edit was made in: undone or redone from another workshop of the
        # file, the grid goes back there first, so the facilitator sees what changes.
        # None for edits that belong to no one workshop's grid (follow-up, the workshops).
        self.workshop_id: str | None = model.workshop_id

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def row_after(self, undone: bool) -> int | None:
        """The grid row the cursor goes to once this command is undone (or redone), where the
        edit is seen; None: it stays where it is."""
        return None

    def redo(self) -> None:
        if self._applied_before_push or self._put_back:
            self._applied_before_push = self._put_back = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        if self._put_back:
            self._put_back = False
            return
        self._guarded(self.revert)

    def _guarded(self, operation: Any) -> None:
        self.refused = False
        try:
            if self.workshop_id is not None and self.workshop_id != self.model.workshop_id:
                self.model.set_workshop(self.workshop_id)
            operation()
        except AtelierError as exc:
            self.refused = True
            self.model.failed.emit(exc.user_message())
            self.model.reload()


def undo(stack: QUndoStack) -> None:
    """Ctrl+Z. If the file refuses it (disk full, file locked), the step stays the next one
    to undo: Qt's stack would have moved past it, and « Annuler » would then have named an
    older edit while this one was still in the file (and « Rétablir » one never undone)."""
    command = stack.command(stack.index() - 1) if stack.canUndo() else None
    stack.undo()
    if isinstance(command, GridCommand) and command.refused:
        command._put_back = True
        stack.redo()  # back where it was, nothing written


def redo(stack: QUndoStack) -> None:
    """Ctrl+Y; a redo the file refuses stays the next one to redo (as `undo`)."""
    command = stack.command(stack.index()) if stack.canRedo() else None
    stack.redo()
    if isinstance(command, GridCommand) and command.refused:
        command._put_back = True
        stack.undo()


class TypingStep(Protocol):
    """A step saved at each pause of one typing (a cell's, a follow-up note's)."""

    typing: object | None  # the typing its saves belong to
    cancelled: bool  # Échap: undone, and dropped from the stack (nothing to redo)


Step = TypeVar("Step", bound=TypingStep)


def cancel_typing(stack: QUndoStack | None, typing: object, kind: type[Step]) -> None:
    """Échap in an editor whose typing was already saved at a pause: the field goes back to
    what it held before the first key, the step undone and dropped, as Échap has always left
    it. Only when the last step is that typing's (a `kind` of the same `typing`)."""
    if stack is None or not stack.canUndo():
        return
    command = stack.command(stack.index() - 1)
    if isinstance(command, kind) and command.typing is typing:
        command.cancelled = True
        stack.undo()


def push(model: Grid, command: GridCommand) -> bool:
    refused = attempt(model, command)
    if refused is not None:
        model.failed.emit(refused)
    return refused is None


def attempt(model: Grid, command: GridCommand) -> str | None:
    """Apply `command` and put it on the undo stack; what the file refused, in the user's
    words, left to the caller to say (None when it is done)."""
    try:
        command.apply()
    except AtelierError as exc:
        return exc.user_message()
    command._applied_before_push = True
    model.undo_stack.push(command)
    return None


def push_written(model: Grid, command: GridCommand) -> None:
    """A command whose change is already in the file (written off the UI thread): on the undo
    stack without writing it again; its undo and redo work as any other's."""
    command._applied_before_push = True
    model.undo_stack.push(command)


def decisions_undone_with(stack: QUndoStack) -> str:
    """« 1 mise en relation décidée : Nadia Ferrand ← Corinne Corcuff (atelier « Atelier
    d'automne », contacté le 22/11/2026) »: the decided matches (confirmed or made by hand) the
    last step took away with its items, each named with where its follow-up stood, to be said
    with it (months of another workshop's follow-up never go unsaid); "" if none."""
    from atelier.french import count

    command = stack.command(stack.index() - 1) if stack.canUndo() else None
    snapshot = getattr(command, "snapshot", None)
    decided = [
        m for m in getattr(snapshot, "matches", []) if m.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL)
    ]
    if not decided or not isinstance(command, GridCommand):
        return ""
    said = [follow_up_said(command.model, snapshot, m) for m in decided]
    shown = said[:SAID_AT_MOST]
    if len(said) > SAID_AT_MOST:
        rest = len(said) - SAID_AT_MOST
        shown.append(count(rest, tr("autre"), tr("autres")))
    return tr("{count} : {which}").format(
        count=count(len(decided), tr("mise en relation décidée"), tr("mises en relation décidées")),
        which=tr(" ; ").join(shown),
    )


# The follow-ups a deletion takes away, named one by one in the status bar up to this many.
SAID_AT_MOST = 3


def decisions_retyped_with(stack: QUndoStack) -> str:
    """« Texte modifié après la décision de 1 mise en relation : Anne Martin ← Karim Benali
    (« financement FSE » devenu « financement Région ») ; raisons revues, à confirmer
    (Ctrl+Maj+C) ou à écarter (Ctrl+Maj+X) »: the decided matches (confirmed from a suggestion
    or made by hand: « décision », not « confirmation ») whose
    need or resource the last step retyped (store.MatchesPart._mark_retyped); "" if none."""
    from atelier.french import count

    command = stack.command(stack.index() - 1) if stack.canUndo() else None
    told = getattr(getattr(command, "snapshot", None), "retyped_told", [])
    if not told or not isinstance(command, GridCommand):
        return ""
    said = [
        tr("{need} ← {resource} (« {before} » devenu « {now} »)").format(
            need=r.need_who, resource=r.resource_who, before=r.before, now=r.now
        )
        for r in told[:SAID_AT_MOST]
    ]
    if len(told) > SAID_AT_MOST:
        said.append(count(len(told) - SAID_AT_MOST, tr("autre"), tr("autres")))
    return tr(
        "Texte modifié après la décision de {count} : {which} ; raisons revues, à confirmer "
        "(Ctrl+Maj+C) ou à écarter (Ctrl+Maj+X)"
    ).format(
        count=count(len(told), tr("mise en relation"), tr("mises en relation")),
        which=tr(" ; ").join(said),
    )


def follow_up_said(model: Grid, snapshot: Any, match: Match) -> str:
    """« Nadia Ferrand ← Corinne Corcuff (atelier « Atelier d'automne », contacté le 22/11/2026) »."""
    from atelier.french import list_date
    from atelier.ui.followup_view import state_text

    def person(item_id: str) -> str:
        deleted = {i.id for i in getattr(snapshot, "items", [])}
        try:
            if item_id in deleted and isinstance(snapshot, ParticipantSnapshot):
                who = snapshot.participant
            elif item_id in deleted and isinstance(snapshot, CellSnapshot):
                who = model.store.participant(snapshot.participant_id)
            else:
                who = model.store.participant(model.store.item(item_id).participant_id)
        except AtelierError:
            return "?"
        return join(who.names) or who.organisation or shorten(who.source_text, 40)

    day = list_date(match.follow_up_changed)
    if match.follow_up == FollowUp.TO_CONTACT:
        state = tr("à contacter depuis le {date}").format(date=day) if day else state_text(match.follow_up)
    else:
        state = (
            tr("{state} le {date}").format(state=state_text(match.follow_up), date=day)
            if day
            else state_text(match.follow_up)
        )
    where = ""
    if match.workshop_id != model.workshop_id:
        try:
            where = tr("atelier « {title} », ").format(
                title=without_quotes(model.store.workshop(match.workshop_id).title)
            )
        except AtelierError:
            where = ""
    return f"{person(match.need_id)} ← {person(match.resource_id)} ({where}{state})"


def _who(model: Grid, participant_id: str) -> str:
    row = model.row_of(participant_id)
    if row < 0:
        return ""
    participant = model.participant_at(row)
    name = join(participant.names) or participant.organisation
    return name or tr("ligne {n}").format(n=row + 1)


def _of_who(model: Grid, participant_id: str) -> dict[str, str]:
    """The row's person for « Annuler : … »: French says « d'Élodie Martin », « de la CC du
    Pays basque » ({of_who}); English takes the bare name ({who})."""
    who = _who(model, participant_id)
    return {"who": who, "of_who": of(who) if who else ""}


def step_in_sentence(text: str) -> str:
    """A step's name said after « Annuler : » or « Annulé : »: « Confirmer la mise en
    relation » becomes « confirmer la mise en relation » (French puts no capital after a
    colon); an acronym, « PLIE … », stays as it is."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _cell_step(model: Grid, participant_id: str, kind: ItemKind, texts: list[str]) -> str:
    """« Modifier « Défis » de Zoé Roux », or, the cell left empty (Suppr, or its text
    erased), « Vider la cellule « Défis » de Zoé Roux », as the status bar says it (« Cellule
    « Défis » vidée »): « modifier » did not say that everything in it went."""
    label = (
        tr("Vider la cellule « {column} » {of_who}") if not texts else tr("Modifier « {column} » {of_who}")
    )
    return label.format(column=kind_title(kind), **_of_who(model, participant_id))


class EditCell(GridCommand):
    def __init__(
        self,
        model: Grid,
        participant_id: str,
        kind: ItemKind,
        texts: list[str],
        typing: object | None = None,
    ) -> None:
        super().__init__(model, _cell_step(model, participant_id, kind, texts))
        self.participant_id = participant_id
        self.kind = kind
        self.texts = texts
        self.ids: list[str] | None = None
        self.snapshot: CellSnapshot | None = None
        # A cell saved at each pause of its typing (ui.cell_editor): its saves, until the
        # editor closes, are one undo step (`mergeWith`). None: a step of its own.
        self.typing = typing
        self.cancelled = False  # Échap: the typing undone, and no step left to redo

    def id(self) -> int:  # Qt's name: commands with the same id may merge
        return 1004 if self.typing is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # Qt's name
        """A later save of the same typing: the cell is written again from what it held before
        the first key, so that a line only corrected keeps its item (and its matches) as one
        edit from the cell's start would, never lost on the way by a pause mid-word."""
        if not (
            isinstance(other, EditCell)
            and self.typing is not None
            and other.typing is self.typing
            and (other.participant_id, other.kind) == (self.participant_id, self.kind)
        ):
            return False
        other.undo()
        self.undo()
        self.texts, self.ids = other.texts, None
        self.setText(other.text())  # what the typing did in the end: modified, or emptied
        self.redo()
        return True

    def undo(self) -> None:
        super().undo()
        if self.cancelled:
            self.setObsolete(True)  # QUndoStack drops it: Ctrl+Y does not bring back a cancelled typing

    def apply(self) -> None:
        self.snapshot, self.ids = self.model.op_set_cell(self.participant_id, self.kind, self.texts, self.ids)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.model.op_restore_cell(self.snapshot)


class EditParticipant(GridCommand):
    """Change some fields of a participant (the side panel)."""

    def __init__(
        self, model: Grid, participant_id: str, fields: dict[str, Any], label: str | None = None
    ) -> None:
        super().__init__(
            model, label or tr("Modifier la fiche {of_who}").format(**_of_who(model, participant_id))
        )
        self.participant_id = participant_id
        self.fields = fields
        self.old: dict[str, Any] = {}
        # A card's field typed in, saved at each pause: its saves, until the field is left,
        # merge into one step (see `merge_typing`). None: a step of its own.
        self.typing: object | None = None

    def id(self) -> int:  # Qt's name: commands with the same id may merge
        return 1002 if self.typing is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # Qt's name
        return (
            isinstance(other, EditParticipant)
            and other.participant_id == self.participant_id
            and merge_typing(self, other)
        )

    def apply(self) -> None:
        self.old = self.model.op_update_participant(self.participant_id, **self.fields)

    def revert(self) -> None:
        self.model.op_update_participant(self.participant_id, **self.old)


class SetUnlisted(GridCommand):
    """« Ne pas publier dans le répertoire » for one person: their row here and the rows of the
    file's other workshops naming them, in one step."""

    def __init__(self, model: Grid, values: dict[str, bool], label: str) -> None:
        super().__init__(model, label)
        self.values = values
        self.old: dict[str, bool] = {}

    def apply(self) -> None:
        self.old = self.model.op_set_unlisted(self.values)

    def revert(self) -> None:
        self.model.op_set_unlisted(self.old)


class EditParticipantText(EditParticipant):
    """The participant cell typed in the grid: split into names, structure, place, role."""

    def __init__(self, model: Grid, participant_id: str, text: str) -> None:
        from atelier.importers.participant import as_typed, parse_participant  # not on the startup path

        parsed = parse_participant(text)
        fields = {
            "names": parsed.names,
            "organisation": parsed.organisation,
            "territory": parsed.territory,
            "role": parsed.role,
            "source_text": parsed.source_text,
        }
        if parsed.contact:  # an e-mail or a phone typed in the cell: the card's contact
            fields["contact"] = parsed.contact
        row = model.row_of(participant_id)
        current = model.participant_at(row) if row >= 0 else None
        if current is not None and not as_typed(current):
            # The cell showed a line rebuilt from the card's fields (corrected on the card, or
            # imported from columns of their own), which reads back differently (« Mission
            # locale, Landes » is one structure). A field this edit did not change keeps the
            # value the card gave it: fixing a name's typo no longer moves the territory.
            from atelier.ui.grid_model import participant_edit_text

            shown = parse_participant(participant_edit_text(current))
            for name in ("names", "organisation", "territory", "role"):
                if getattr(parsed, name) == getattr(shown, name):
                    fields[name] = getattr(current, name)
        super().__init__(
            model,
            participant_id,
            fields,
            tr("Modifier le participant {who}").format(
                who=parsed.names[0] if parsed.names else shorten(parsed.source_text, 30)
            ),
        )


def merge_typing(first: EditParticipant | EditWorkshop, then: EditParticipant | EditWorkshop) -> bool:
    """One field's typing, saved at each pause in it, is one undo step: `then` (a later save
    of the same typing, in the same workshop) is taken into `first`, which then undoes to
    the value before the first key. A typing that came back to that value leaves no step."""
    if first.typing is None or then.typing != first.typing or then.workshop_id != first.workshop_id:
        return False
    for name, value in then.old.items():
        first.old.setdefault(name, value)
    first.fields.update(then.fields)
    first.setText(then.text())
    first.setObsolete(all(first.old.get(name) == value for name, value in first.fields.items()))
    return True


class AddParticipant(GridCommand):
    def __init__(self, model: Grid, position: int, text: str = "") -> None:
        super().__init__(model, tr("Ajouter un participant"))
        from atelier.importers.participant import parse_participant  # not on the startup path

        parsed = parse_participant(text)
        self.participant = Participant(
            model.workshop_id,
            names=parsed.names,
            organisation=parsed.organisation,
            territory=parsed.territory,
            role=parsed.role,
            contact=parsed.contact,
            source_text=parsed.source_text,
        )
        self.position = position

    def apply(self) -> None:
        self.model.op_add_participant(self.participant, self.position)

    def revert(self) -> None:
        self.model.op_delete_participant(self.participant.id)


class PasteRows(GridCommand):
    """Rows pasted into the grid (a spreadsheet's or a Word table's, read as the import reads
    a grid): participants put in at `position`, in the place of the blank row the cursor was
    on (`blank`: made by Ctrl+N for them), undone and redone as one step."""

    def __init__(
        self, model: Grid, rows: list[tuple[Participant, list[Item]]], position: int, blank: str | None
    ) -> None:
        super().__init__(model, tr("Coller des lignes de tableau"))
        self.pasted: list[ParticipantSnapshot] = []
        for offset, (participant, items) in enumerate(rows):
            participant.position = position + offset
            counts: dict[ItemKind, int] = {}
            for item in items:
                item.participant_id = participant.id
                item.position = counts.get(item.kind, 0)
                counts[item.kind] = item.position + 1
            self.pasted.append(ParticipantSnapshot(participant, list(items)))
        self.blank_id = blank
        self.blank: list[ParticipantSnapshot] = []  # the blank row, once taken out

    def apply(self) -> None:
        self.blank = self.model.op_change_rows([self.blank_id] if self.blank_id else [], self.pasted)

    def revert(self) -> None:
        self.pasted = self.model.op_change_rows([s.participant.id for s in self.pasted], self.blank)


class DeleteParticipant(GridCommand):
    def __init__(self, model: Grid, participant_id: str) -> None:
        super().__init__(model, tr("Supprimer {who}").format(who=_who(model, participant_id)))
        self.participant_id = participant_id
        self.snapshot: ParticipantSnapshot | None = None

    def apply(self) -> None:
        self.snapshot = self.model.op_delete_participant(self.participant_id)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.model.op_restore_participant(self.snapshot)

    def row_after(self, undone: bool) -> int | None:
        """Undone: the participant brought back (the rows shift under the cursor, which stayed on
        the one that had followed them); redone: the row that takes their place, as Ctrl+Suppr."""
        if undone:
            return self.model.row_of(self.participant_id)
        return self.snapshot.participant.position if self.snapshot is not None else None


class MoveParticipant(GridCommand):
    def __init__(self, model: Grid, participant_id: str, position: int) -> None:
        super().__init__(model, tr("Déplacer {who}").format(who=_who(model, participant_id)))
        self.participant_id = participant_id
        self.position = position
        self.old_position = model.row_of(participant_id)

    def apply(self) -> None:
        self.old_position = self.model.op_move_participant(self.participant_id, self.position)

    def revert(self) -> None:
        self.model.op_move_participant(self.participant_id, self.old_position)


class EditWorkshop(GridCommand):
    def __init__(self, model: Grid, fields: dict[str, Any], workshop_id: str | None = None) -> None:
        super().__init__(model, tr("Modifier l'en-tête de l'atelier"))
        # Another workshop than the one shown: a text typed in its header that the file
        # refused, saved later (panels.WorkshopHeader.save_pending); undone from there.
        self.workshop_id = workshop_id or model.workshop_id
        self.fields = fields
        self.old: dict[str, Any] = {}
        self.typing: object | None = None  # as EditParticipant's

    def id(self) -> int:  # Qt's name
        return 1003 if self.typing is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # Qt's name
        return isinstance(other, EditWorkshop) and merge_typing(self, other)

    def apply(self) -> None:
        self.old = self.model.op_update_workshop(self.workshop_id, **self.fields)

    def revert(self) -> None:
        self.model.op_update_workshop(self.workshop_id, **self.old)


class SetMatchStatus(GridCommand):
    """Confirm or reject a suggestion (or put it back)."""

    def __init__(self, model: Grid, match_id: str, status: MatchStatus) -> None:
        label = {
            MatchStatus.CONFIRMED: tr("Confirmer la mise en relation"),
            MatchStatus.REJECTED: tr("Écarter la suggestion"),
        }.get(status, tr("Modifier la mise en relation"))
        super().__init__(model, label)
        self.match_id = match_id
        self.status = status
        self.old: dict[str, Any] = {}

    def apply(self) -> None:
        # Confirmed again after being set aside, a match starts a fresh « à contacter » (the
        # store): undo puts back its follow-up too, as it was, not only its status.
        before = self.model.store.match(self.match_id)
        self.model.op_update_match(self.match_id, status=self.status)
        self.old = {
            "status": before.status,
            "follow_up": before.follow_up,
            "follow_up_changed": before.follow_up_changed,
            "follow_up_steps": list(before.follow_up_steps),
            "retyped": before.retyped,  # reviewed by this decision (the store): marked again on undo
        }

    def revert(self) -> None:
        self.model.op_update_match(self.match_id, **self.old)


class AddManualMatch(GridCommand):
    def __init__(self, model: Grid, need_id: str, resource_id: str, note: str = "") -> None:
        super().__init__(model, tr("Mettre en relation à la main"))
        self.match = Match(
            model.workshop_id,
            need_id,
            resource_id,
            MatchStatus.MANUAL,
            1.0,
            [],  # no reason: each reader says « made by the facilitator » in their language
            note,
        )
        self.replaced: Match | None = model.store.match_for_pair(need_id, resource_id)

    def apply(self) -> None:
        self.model.op_add_match(self.match)

    def revert(self) -> None:
        self.model.op_delete_match(self.match.id)
        if self.replaced is not None:
            self.model.op_add_match(self.replaced)


class ReplaceContent(GridCommand):
    """A merge, a restored backup or a re-import, undone and redone as one step: the file
    as it was before and after, kept as two snapshots (SQLite backups) for the session."""

    def __init__(self, model: Grid, text: str, before: Path, after: Path) -> None:
        super().__init__(model, text)
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.model.op_replace_content(self.after)

    def revert(self) -> None:
        self.model.op_replace_content(self.before)


# --------------------------------------------- the minutes' synthesis, the glossary
# Edited in their own dialogs, undone from the same stack as the grid: each writes one store
# transaction, then tells the dialogs (synthesis_changed, glossary_changed) and says `saved`.


def _wrote(model: Grid, changed: SignalInstance) -> None:
    changed.emit()
    model.saved.emit(datetime.now())


class EditSection(GridCommand):
    """A section's heading and text as typed; the pauses of one typing session are one step."""

    def __init__(self, model: Grid, section: SynthesisSection, heading: str, body: str) -> None:
        super().__init__(
            model, tr("Modifier la section « {heading} »").format(heading=heading or section.heading)
        )
        self.section_id = section.id
        self.old = (section.heading, section.body)
        self.new = (heading, body)

    def id(self) -> int:  # Qt's name: commands with the same id may merge
        return 1001

    def mergeWith(self, other: QUndoCommand) -> bool:  # Qt's name
        if not isinstance(other, EditSection) or other.section_id != self.section_id:
            return False
        self.new = other.new
        self.setText(other.text())  # the heading as it is now
        return True

    def apply(self) -> None:
        self._write(*self.new)

    def revert(self) -> None:
        self._write(*self.old)

    def _write(self, heading: str, body: str) -> None:
        self.model.store.update_synthesis_section(self.section_id, heading=heading, body=body)
        _wrote(self.model, self.model.synthesis_changed)


class RedraftSection(GridCommand):
    """A section's heading, text and what Atelier drafted of it, set at once: drafted again
    from the grid (« Reprendre le texte d'Atelier »), or its figures read again (« Chiffres
    relus », the text kept). Undone, the section is as it was, figures to read again included."""

    def __init__(
        self,
        model: Grid,
        section: SynthesisSection,
        heading: str,
        body: str,
        drafted: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(model, text)
        self.section_id = section.id
        self.old = (section.heading, section.body, dict(section.drafted))
        self.new = (heading, body, drafted)

    def apply(self) -> None:
        self._write(*self.new)

    def revert(self) -> None:
        self._write(*self.old)

    def _write(self, heading: str, body: str, drafted: dict[str, Any]) -> None:
        self.model.store.update_synthesis_section(
            self.section_id, heading=heading, body=body, drafted=drafted
        )
        _wrote(self.model, self.model.synthesis_changed)


class AddSections(GridCommand):
    """New sections at the end of the minutes (a blank one, or Atelier's drafts)."""

    def __init__(self, model: Grid, sections: list[SynthesisSection], text: str) -> None:
        super().__init__(model, text)
        self.sections = sections
        self.placed = False  # once added, a redo puts each back where it was

    def apply(self) -> None:
        store = self.model.store
        for section in self.sections:
            store.add_synthesis_section(section, position=section.position if self.placed else None)
        self.placed = True
        _wrote(self.model, self.model.synthesis_changed)

    def revert(self) -> None:
        for section in reversed(self.sections):
            self.model.store.delete_synthesis_section(section.id)
        _wrote(self.model, self.model.synthesis_changed)


class MoveSection(GridCommand):
    def __init__(self, model: Grid, section: SynthesisSection, position: int) -> None:
        super().__init__(model, tr("Déplacer la section « {heading} »").format(heading=section.heading))
        self.section_id = section.id
        self.old_position = section.position
        self.position = position

    def apply(self) -> None:
        self.model.store.move_synthesis_section(self.section_id, self.position)
        _wrote(self.model, self.model.synthesis_changed)

    def revert(self) -> None:
        self.model.store.move_synthesis_section(self.section_id, self.old_position)
        _wrote(self.model, self.model.synthesis_changed)


class DeleteSection(GridCommand):
    def __init__(self, model: Grid, section: SynthesisSection) -> None:
        super().__init__(model, tr("Supprimer la section « {heading} »").format(heading=section.heading))
        self.section = section

    def apply(self) -> None:
        self.section = self.model.store.delete_synthesis_section(self.section.id)
        _wrote(self.model, self.model.synthesis_changed)

    def revert(self) -> None:
        self.model.store.add_synthesis_section(self.section, position=self.section.position)
        _wrote(self.model, self.model.synthesis_changed)


class PutGlossaryEntry(GridCommand):
    """An acronym or a family of words added to the workshop's glossary (or its words changed)."""

    def __init__(self, model: Grid, entry: GlossaryEntry) -> None:
        super().__init__(model, tr("Ajouter « {term} » au glossaire").format(term=entry.term.strip()))
        self.entry = entry
        self.replaced = next(
            (
                e
                for e in model.store.glossary(entry.workshop_id)
                if e.kind == entry.kind and e.term == entry.term.strip()
            ),
            None,
        )

    def apply(self) -> None:
        self.entry = self.model.store.put_glossary_entry(self.entry)
        _wrote(self.model, self.model.glossary_changed)

    def revert(self) -> None:
        if self.replaced is None:
            self.model.store.delete_glossary_entry(self.entry.id)
        else:
            self.model.store.put_glossary_entry(replace(self.replaced))
        _wrote(self.model, self.model.glossary_changed)


class DeleteGlossaryEntry(GridCommand):
    def __init__(self, model: Grid, entry: GlossaryEntry) -> None:
        super().__init__(model, tr("Retirer « {term} » du glossaire").format(term=entry.term))
        self.entry = entry

    def apply(self) -> None:
        self.entry = self.model.store.delete_glossary_entry(self.entry.id)
        _wrote(self.model, self.model.glossary_changed)

    def revert(self) -> None:
        self.model.store.put_glossary_entry(replace(self.entry))
        _wrote(self.model, self.model.glossary_changed)
