"""The « Suivi » view: every confirmed and hand-made match of the file, who needs, who can
help, about what, where it stands (à contacter, contacté, fait, sans suite), since when,
and a note. Changed from the keyboard, each change one undoable step, saved at once; a step
is dated today, or on the day typed (entering the follow-up a week after the workshop)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QResizeEvent, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from atelier.domain import ABSENT, EXCUSED, FOLLOW_UPS, FollowUp, FollowUpEntry, ItemKind, decision_step
from atelier.errors import AtelierError, FollowUpBackwards
from atelier.french import (
    date_refused_said,
    join,
    keep_together,
    list_date,
    local_day,
    long_date,
    of,
    past_date,
    typography,
    without_quotes,
)
from atelier.ui.appearance import as_title
from atelier.ui.commands import GridCommand, attempt, cancel_typing, push
from atelier.ui.headers import WrappingHeader
from atelier.ui.qtcompat import no_data
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.domain import FollowUpStep, Match, Participant
    from atelier.ui.grid_model import GridModel

COL_WORKSHOP, COL_ASKS, COL_NEED, COL_HELPS, COL_RESOURCE, COL_STATE, COL_SINCE, COL_NOTE = range(8)
EntryRole = Qt.ItemDataRole.UserRole + 40
# One key per state, typed on a row, in the window's language: a letter of the state's word
# (« A à contacter, C contactée, F faite, S sans suite »; « T to contact, C contacted, O done,
# X dropped »: D, which dates a step in both, is not « done »). The key list under the
# follow-up and the shortcuts (F1) say them (tr).
STATE_KEYS_BY_LANGUAGE = {
    "fr": {
        Qt.Key.Key_A: FollowUp.TO_CONTACT,
        Qt.Key.Key_C: FollowUp.CONTACTED,
        Qt.Key.Key_F: FollowUp.DONE,
        Qt.Key.Key_S: FollowUp.DROPPED,
    },
    "en": {
        Qt.Key.Key_T: FollowUp.TO_CONTACT,
        Qt.Key.Key_C: FollowUp.CONTACTED,
        Qt.Key.Key_O: FollowUp.DONE,
        Qt.Key.Key_X: FollowUp.DROPPED,
    },
}


def state_keys() -> dict[Qt.Key, FollowUp]:
    """The keys of the follow-up's states in the window's language."""
    from atelier.i18n import current_language

    return STATE_KEYS_BY_LANGUAGE.get(current_language(), STATE_KEYS_BY_LANGUAGE["fr"])


def state_text(state: FollowUp) -> str:
    return {
        FollowUp.TO_CONTACT: tr("à contacter"),
        FollowUp.CONTACTED: tr("contactée"),  # « la mise en relation »: feminine
        FollowUp.DONE: tr("faite"),
        FollowUp.DROPPED: tr("sans suite"),
    }[state]


class Said(AtelierError):
    """A refusal already said in the window's words (tr), shown as any other refusal."""

    def __init__(self, text: str) -> None:
        self.key, self.params, self.text = "cli.unexpected", {}, text
        Exception.__init__(self, text)

    def user_message(self) -> str:
        return self.text


def step_said(state: FollowUp, day: str) -> str:
    """« contacté le 22/11/2026 »; « à contacter depuis le 22/11/2026 », a state one is in
    since a day (« à contacter le 22/11 » would read as an order to call that day)."""
    if state == FollowUp.TO_CONTACT:
        return tr("à contacter depuis le {date}").format(date=list_date(day))
    return tr("{state} le {date}").format(state=state_text(state), date=list_date(day))


def backwards_said(refused: FollowUpBackwards) -> str:
    """« « contacté le 22/11/2026 » précéderait la décision, notée « à contacter depuis le
    29/11/2026 » : si elle a été prise plus tôt, datez-la d'abord du 22/11/2026 ou d'avant
    (touche D sur cette ligne), puis recommencez. »: what was refused, and how to do it. A
    step that is no longer the current one is dated again with Maj+its letter."""
    step = step_said(FollowUp(refused.state), refused.day)
    day = list_date(refused.day)
    previous_state = FollowUp(refused.previous_state)
    if refused.previous_current:
        how = tr("touche D sur cette ligne")
    else:
        letter = {v: k for k, v in state_keys().items()}[previous_state].name[-1]
        how = tr("Maj+{letter} sur cette ligne").format(letter=letter)
    if previous_state == FollowUp.TO_CONTACT:
        previous = tr("à contacter depuis le {date}").format(date=list_date(refused.previous_day))
        return tr(
            "« {new} » précéderait la décision, notée « {previous} » : si elle a été prise plus tôt, "
            "datez-la d'abord du {day} ou d'avant ({how}), puis recommencez."
        ).format(new=step, previous=previous, day=day, how=how)
    previous = step_said(previous_state, refused.previous_day)
    return tr(
        "« {new} » précéderait l'étape d'avant, « {previous} » : si cette étape a eu lieu plus tôt, "
        "datez-la d'abord du {day} ou d'avant ({how}), puis recommencez."
    ).format(new=step, previous=previous, day=day, how=how)


def already_said(entry: FollowUpEntry) -> str:
    """« Lucie Leroy ← Cécile Dallet : déjà contactée le 22/11/2026, rien n'a changé (D pour
    changer sa date). »: the state key of the row's own state, which records no second step."""
    match = entry.match
    who = tr("{need} ← {helper}").format(
        need=_who(entry.need_participant).split("\n")[0],
        helper=_who(entry.resource_participant).split("\n")[0],
    )
    if match.follow_up_changed:
        step = step_said(match.follow_up, match.follow_up_changed)
    else:
        step = state_text(match.follow_up)
    return tr("{who} : déjà {step}, rien n'a changé (D pour changer sa date).").format(who=who, step=step)


def path_said(entry: FollowUpEntry) -> str:
    """The steps of a match's follow-up, said of the match: « décidée le 16/03/2026 · contactée
    le 22/03/2026 · faite le 03/04/2026 »; a later « à contacter » is « remise à contacter »."""
    return " · ".join(steps_said(entry))


def steps_said(entry: FollowUpEntry) -> list[str]:
    """Each step of a match's follow-up, said of the match (see `path_said`)."""
    words = {
        FollowUp.CONTACTED: tr("contactée"),
        FollowUp.DONE: tr("faite"),
        FollowUp.DROPPED: tr("classée sans suite"),
    }
    decision = decision_step(entry.match.follow_up_steps)  # the day the minutes count it by
    said = []
    for step in entry.match.follow_up_steps:
        if step.state == FollowUp.TO_CONTACT:
            word = tr("décidée") if step is decision else tr("remise à contacter")
        else:
            word = words[step.state]
        day = list_date(step.at)
        text = tr("{state} le {date}").format(state=word, date=day) if day else word
        # A step a merge took from the other copy: « contactée le 04/11/2026 (notée dans « a.atelier ») »
        said.append(
            tr("{step} (notée dans « {copy} »)").format(step=text, copy=step.copy) if step.copy else text
        )
    return said


def column_titles() -> list[str]:
    return [
        tr("Atelier"),
        tr("Qui cherche"),
        tr("Besoin"),
        tr("Qui peut aider"),
        tr("Ce qui est proposé"),
        tr("État"),
        tr("Dernière étape le"),
        tr("Note"),
    ]


def _who(participant: Participant) -> str:
    people = join(n for n in participant.names if n)
    parts = [p for p in (people, participant.organisation) if p]
    return "\n".join(parts) or participant.territory or participant.source_text.strip() or "—"


class SetFollowUp(GridCommand):
    """Change a match's follow-up state (dated today, or `day`), the date of its step, or its
    note; undo puts back the state, its date and the note."""

    def __init__(
        self,
        model: GridModel,
        match_id: str,
        *,
        state: FollowUp | None = None,
        note: str | None = None,
        day: str | None = None,
        typing: object | None = None,
        pausing: bool = False,
    ) -> None:
        if state is not None and day:
            label = tr("Suivi « {step} »").format(step=step_said(state, day))
        elif state is not None:
            label = tr("Suivi « {state} »").format(state=state_text(state))
        else:
            label = tr("Note de suivi")
        super().__init__(model, label)
        self.workshop_id = None  # the Suivi view shows every workshop: nothing to switch to
        self.match_id = match_id
        self.state = state
        self.note = note
        self.day = day
        self.before: dict[str, Any] = {}
        self.after: dict[str, Any] = {}
        # A note saved at each pause of its typing (NoteDelegate): its saves, until the editor
        # closes, are one undo step (`mergeWith`); one made at a pause leaves the list as it
        # is (read again, it would close the editor being typed in). None: a step of its own.
        self.typing = typing
        self.pausing = pausing
        self.cancelled = False  # Échap: the typing undone, and no step left to redo

    def id(self) -> int:  # Qt's name: commands with the same id may merge
        return 1005 if self.typing is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # Qt's name
        """A later save of the same note's typing: one step from the note before the first key
        to the last one written; a typing that came back to that note leaves no step."""
        if not (
            isinstance(other, SetFollowUp)
            and self.typing is not None
            and other.typing is self.typing
            and other.match_id == self.match_id
        ):
            return False
        self.after = other.after
        self.pausing = other.pausing
        self.setObsolete(self.after == self.before)
        return True

    def undo(self) -> None:
        super().undo()
        if self.cancelled:
            self.setObsolete(True)  # QUndoStack drops it: Ctrl+Y does not bring back a cancelled typing

    def apply(self) -> None:
        store = self.model.store
        current = store.match(self.match_id)
        if not self.before:
            self.before = {
                "follow_up": current.follow_up,
                "follow_up_changed": current.follow_up_changed,
                "follow_up_steps": list(current.follow_up_steps),
                "note": current.note,
            }
        if not self.after:
            try:
                done = store.set_follow_up(
                    self.match_id, self.state or current.follow_up, note=self.note, day=self.day
                )
            except FollowUpBackwards as refused:  # said with the window's way of fixing it
                raise Said(backwards_said(refused)) from None
            if self.state is not None and self.day and done.follow_up != self.state:
                # An earlier step dated again (Maj+A on a contacted match dates its decision):
                # Édition › Annuler says so, not « à contacter » as if the match went back to it.
                self.setText(
                    tr("Date de l'étape « {step} » du suivi").format(step=step_said(self.state, self.day))
                )
            self.after = {
                "follow_up": done.follow_up,
                "follow_up_changed": done.follow_up_changed,
                "follow_up_steps": list(done.follow_up_steps),
                "note": done.note,
            }
            if self.pausing:  # the note's editor still open: saved, the list left as it is
                self.model.saved.emit(datetime.now())
                return
        else:  # redo: exactly as it was done, with the same date
            store.update_match(self.match_id, **self.after)
        self._changed()

    def revert(self) -> None:
        self.model.store.update_match(self.match_id, **self.before)
        self._changed()

    def _changed(self) -> None:
        self.model.matches_changed.emit()
        self.model.saved.emit(datetime.now())


class RemoveFollowUpStep(GridCommand):
    """Take a match's latest follow-up step out (recorded by mistake); undo puts it back as it
    was, with its state and day, and takes its marker away (store/graves.py)."""

    def __init__(self, model: GridModel, match_id: str, step: str) -> None:
        super().__init__(model, tr("Retirer l'étape « {step} » du suivi").format(step=step))
        self.workshop_id = None  # the Suivi view shows every workshop: nothing to switch to
        self.match_id = match_id
        self.before: Match | None = None
        self.removed: FollowUpStep | None = None

    def apply(self) -> None:
        store = self.model.store
        if self.before is None:
            self.before = store.match(self.match_id)
        self.removed = store.remove_follow_up_step(self.match_id)
        self._changed()

    def revert(self) -> None:
        if self.before is not None and self.removed is not None:
            self.model.store.put_back_follow_up_step(self.match_id, self.before, self.removed)
        self._changed()

    def _changed(self) -> None:
        self.model.matches_changed.emit()
        self.model.saved.emit(datetime.now())


class FollowUpModel(QAbstractTableModel):
    """The file's decided matches, one row each, read again when matches change."""

    day_unread = Signal(str, object, str)  # match id, the step (None: current), the text typed

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid: GridModel | None = None
        self.entries: list[FollowUpEntry] = []
        self.themself: list[FollowUpEntry] = []  # a person with themself: said apart, not listed
        self.committing = False  # an editor's value being recorded
        # The note's typing being recorded (NoteDelegate), and whether at a pause in it.
        self.note_typing: object | None = None
        self.note_pausing = False
        self.redated = ""  # what the last day recorded dated again (an earlier step), to say

    def set_grid(self, grid: GridModel | None) -> None:
        if self.grid is not None:
            for signal in (self.grid.matches_changed, self.grid.content_replaced, self.grid.workshop_changed):
                signal.disconnect(self.reload)
        self.grid = grid
        if grid is not None:
            for signal in (grid.matches_changed, grid.content_replaced, grid.workshop_changed):
                signal.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        from atelier.matching.across import one_person

        entries = self.grid.store.follow_ups() if self.grid is not None else []
        # Nobody follows up « A. Martin » put in touch with « Mme Anne Martin » (one person: a
        # match of older versions, or names corrected since): flagged where it was decided, in
        # the match list, and said under this one (`themself`), not listed as if someone helped.
        self.themself = [e for e in entries if one_person(e.need_participant, e.resource_participant)]
        apart = {e.match.id for e in self.themself}
        self.entries = [e for e in entries if e.match.id not in apart]
        self.endResetModel()

    def row_of(self, match_id: str) -> int:
        for row, entry in enumerate(self.entries):
            if entry.match.id == match_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(column_titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            titles = column_titles()
            return titles[section] if 0 <= section < len(titles) else no_data()
        return no_data()

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        editable = (COL_STATE, COL_SINCE, COL_NOTE)
        if index.column() in editable and self.grid is not None and not self.grid.store.readonly:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return no_data()
        entry = self.entries[index.row()]
        column = index.column()
        if role == EntryRole:
            return entry
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == Qt.ItemDataRole.EditRole:
            if column == COL_STATE:
                return entry.match.follow_up.value
            if column == COL_SINCE:  # « 29/11/2026 », as the column shows it
                return list_date(entry.match.follow_up_changed)
            if column == COL_NOTE:
                return entry.match.note
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_STATE, COL_SINCE):
            tips = (
                [tr("Étapes : {steps}").format(steps=path_said(entry))] if entry.match.follow_up_steps else []
            )
            if entry.match.retyped and column == COL_STATE:  # as the card in « Qui peut aider ? » says it
                tips.insert(
                    0,
                    tr(
                        "Texte modifié depuis la décision : dans « Qui peut aider ? » (Ctrl+M), "
                        "confirmez-la (Ctrl+Maj+C) ou écartez-la (Ctrl+Maj+X)"
                    ),
                )
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_RESOURCE and entry.match.reasons:
            from atelier.reasons import aimed, checked, helper_away, say_all
            from atelier.ui.translate import ui_language

            # Their cell at that workshop says they were not there: said (reasons.helper_away).
            # Decided (not retyped since): never « à vérifier » (reasons.checked).
            told = helper_away(entry.match.reasons, entry.resource_participant.away())
            aim = aimed(entry.resource.kind, entry.resource.text)
            return "\n".join(say_all(told, ui_language(), confirmed=checked(entry.match), aim=aim))
        if role != Qt.ItemDataRole.DisplayRole:
            return no_data()
        if column == COL_WORKSHOP:
            workshop = entry.workshop
            return long_date(workshop.date) if workshop.date else workshop.title
        if column == COL_ASKS:
            return _who(entry.need_participant)
        # The words as typed, their own space before « ? : ; ! » and inside « » kept with the
        # mark: a line of the cell never starts with « ? » (as the minutes, french.keep_together).
        if column == COL_NEED:
            return keep_together(entry.need.text)
        if column == COL_HELPS:
            text = _who(entry.resource_participant)
            # What they bring is an action they ran or the same challenge, not an offer: said
            # as the match panel says it, so that no one is called about what they never offered.
            from atelier.reasons import aimed
            from atelier.ui.match_panel import challenge_said

            several = len(entry.resource_participant.names) >= 2
            if aimed(entry.resource.kind, entry.resource.text):  # an aim of theirs, not done
                done = tr(" (ont pour objectif)") if several else tr(" (a pour objectif)")
            else:
                done = tr(" (ont déjà fait)") if several else tr(" (a déjà fait)")
            text += {
                ItemKind.ACTION: done,
                ItemKind.CHALLENGE: challenge_said(entry.match.reasons, several),
            }.get(entry.resource.kind, "")
            if entry.resource_workshop.id != entry.workshop.id:
                other = entry.resource_workshop
                # Their cell there says they were not at it (Participant.away): not met there.
                away = entry.resource_participant.away()
                if other.date:
                    said = {
                        EXCUSED: tr("(excusé·e à l'atelier du {date})"),
                        ABSENT: tr("(absent·e à l'atelier du {date})"),
                    }.get(away, tr("(atelier du {date})"))
                    text += "\n" + said.format(date=long_date(other.date))
                else:  # named by its title: never « atelier du Atelier de Pau »
                    said = {
                        EXCUSED: tr("(excusé·e à l'atelier « {title} »)"),
                        ABSENT: tr("(absent·e à l'atelier « {title} »)"),
                    }.get(away, tr("(atelier « {title} »)"))
                    text += "\n" + said.format(title=without_quotes(other.title))
            return text
        if column == COL_RESOURCE:
            return keep_together(entry.resource.text)
        if column == COL_STATE:
            # The need or the offer was retyped since the decision: marked as the card marks it.
            changed = "\n" + tr("⚠ texte modifié depuis la décision") if entry.match.retyped else ""
            return state_text(entry.match.follow_up) + changed
        if column == COL_SINCE:
            return list_date(entry.match.follow_up_changed) or "—"
        if column == COL_NOTE:
            return keep_together(entry.match.note)
        return no_data()

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """What an editor gives back, recorded while that editor is still open (the reload it
        causes must not open it again: `committing`)."""
        self.committing = True
        try:
            return self._set_data(index, value, role)
        finally:
            self.committing = False

    def _set_data(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.grid is None:
            return False
        entry = self.entries[index.row()]
        if index.column() == COL_STATE:
            try:
                state = FollowUp(value)
            except ValueError:
                return False
            return self.set_state(entry.match.id, state)
        if index.column() == COL_SINCE:
            return self.date_step(entry.match.id, None, str(value or ""))
        if index.column() == COL_NOTE:
            note = str(value or "").strip()
            typing, pausing = self.note_typing, self.note_pausing
            if typing is None and note == entry.match.note:
                return False
            if pausing:
                if self.grid.store.readonly or note == self.grid.store.match(entry.match.id).note:
                    return False  # nothing new since the last pause
                # A refusal (a full disk) is said once, as the editor closes, not at each pause.
                command = SetFollowUp(self.grid, entry.match.id, note=note, typing=typing, pausing=True)
                return attempt(self.grid, command) is None
            return push(self.grid, SetFollowUp(self.grid, entry.match.id, note=note, typing=typing))
        return False

    def set_state(self, match_id: str, state: FollowUp) -> bool:
        if self.grid is None or self.grid.store.readonly:
            return False
        row = self.row_of(match_id)
        if row >= 0 and self.entries[row].match.follow_up == state:
            return False
        return push(self.grid, SetFollowUp(self.grid, match_id, state=state))

    def date_step(self, match_id: str, state: FollowUp | None, typed: str) -> bool:
        """`state` (None: the match's current one) on the day typed, as people write it
        (« 22/11/2026 », « 22/11 », « 22 novembre »): one undoable step, saved at once. A day
        that is not one, still to come, before the workshop or before the previous step is
        refused in one sentence, and nothing changes."""
        if self.grid is None or self.grid.store.readonly:
            return False
        row = self.row_of(match_id)
        text = typed.strip()
        if row < 0 or not text:
            return False
        try:
            day = past_date(text).isoformat()
        except ValueError as error:  # said as the command line says it
            self.grid.failed.emit(date_refused_said(text, error))
            self.day_unread.emit(match_id, state, text)  # to be corrected, not typed again
            return False
        match = self.entries[row].match
        state = state or match.follow_up
        if state == match.follow_up and local_day(match.follow_up_changed) == day:
            return False  # already so
        if not push(self.grid, SetFollowUp(self.grid, match_id, state=state, day=day)):
            return False
        # An earlier step dated again: the day it had is gone from the file, so both are said.
        from atelier.store.followup import path_said

        before, after = (
            path_said(match.follow_up_steps),
            path_said(self.grid.store.match(match_id).follow_up_steps),
        )
        # (the last step, where the match stands, shows its new day in its row)
        changed = [(was, now) for was, now in zip(before[:-1], after[:-1], strict=False) if was != now]
        if len(before) == len(after) and changed:
            self.redated = tr("Étape redatée : « {was} » devient « {now} » — Ctrl+Z pour annuler").format(
                was=changed[0][0], now=changed[0][1]
            )
        return True


class FollowUpFilter(QSortFilterProxyModel):
    """Rows of one state, and of the people named by the words typed: `people`, the ids of the
    participants whose name or structure holds them, as the directory finds them (a structure
    by its acronym or spelled out: Store.participants_named); None, every row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.state: FollowUp | None = None
        self.people: set[str] | None = None

    def set_filter(self, state: FollowUp | None, people: set[str] | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self.state, self.people = state, people
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.state, self.people = state, people
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        entry = model.index(source_row, 0, source_parent).data(EntryRole)
        if entry is None:
            return False
        if self.state is not None and entry.match.follow_up != self.state:
            return False
        people = self.people
        # Not found by their name: someone not named here, at their request (Participant.seen_from).
        named = {p.id for p in (entry.need_participant, entry.resource_participant) if not p.unnamed}
        return people is None or bool(named & people)


class StateDelegate:
    """The state column edited with a list of the four states (F2 or Entrée)."""

    @staticmethod
    def install(view: QTableView) -> None:
        from PySide6.QtWidgets import QStyledItemDelegate

        class _Delegate(QStyledItemDelegate):
            def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
                combo = QComboBox(parent)
                for state in FOLLOW_UPS:
                    combo.addItem(state_text(state), state.value)
                return combo

            def setEditorData(self, editor: QWidget, index: Any) -> None:
                assert isinstance(editor, QComboBox)
                editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
                editor.showPopup()

            def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
                assert isinstance(editor, QComboBox)
                model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

        view.setItemDelegateForColumn(COL_STATE, _Delegate(view))


class EntreeDelegate(QStyledItemDelegate):
    """A line edited in the table, recorded the moment Entrée is pressed. Qt records it at
    its next turn of the event loop: the list reloading in between (the matching finishing
    in the background) opened the editor again with what was typed, and Entrée was lost."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            isinstance(editor, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(editor, event)


class NoteDelegate(EntreeDelegate):
    """The note, saved at each pause in its typing as a grid cell is: a crash (a battery dying,
    kill -9) while it is typed loses at most the last words, not the note the status bar said
    saved. The typing is one undo step; Échap gives the note back as it was."""

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        from atelier.ui.panels import PauseTimer

        editor = NoteEditor(parent)
        editor.pause = PauseTimer(editor)
        editor.pause.timeout.connect(lambda: self._save_at_pause(editor))
        editor.textEdited.connect(
            lambda _text: editor.pause.start()
        )  # typed, not put back by the list reloading
        return editor

    def _save_at_pause(self, editor: NoteEditor) -> None:
        if editor.typing is None:
            editor.typing = object()  # this typing's saves: one undo step (SetFollowUp)
        editor.pausing = True
        try:
            self.commitData.emit(editor)
        finally:
            editor.pausing = False

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        if isinstance(editor, NoteEditor) and editor.typing is not None:
            return  # its own save at a pause: the text stays as typed, caret and all
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
        if not isinstance(editor, NoteEditor) or not isinstance(source, FollowUpModel):
            super().setModelData(editor, model, index)
            return
        if editor.pause is not None:
            editor.pause.stop()  # what is typed is written now: no longer waiting for its pause
        source.note_typing, source.note_pausing = editor.typing, editor.pausing
        try:
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        finally:
            source.note_typing, source.note_pausing = None, False

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            isinstance(editor, NoteEditor)
            and editor.typing is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            # Closed first: the list read again by the undo must not open it again.
            typing, editor.typing = editor.typing, None
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
            self._cancel(editor, typing)
            return True
        return super().eventFilter(editor, event)

    def _cancel(self, editor: NoteEditor, typing: object) -> None:
        """Échap on a note already saved at a pause: the note as it was before the typing (the
        step undone and dropped), as Échap has always left it."""
        view = self.parent()
        model = view.model() if isinstance(view, QAbstractItemView) else None
        source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
        grid = source.grid if isinstance(source, FollowUpModel) else None
        cancel_typing(grid.undo_stack if grid is not None else None, typing, SetFollowUp)


class NoteEditor(QLineEdit):
    """The note's line, with the typing its saves at pauses belong to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typing: object | None = None  # set at the first pause: its saves are one step
        self.pausing = False  # a save at a pause being recorded
        self.pause: QTimer | None = None  # started by each key: the typing saved when it runs out


class DayDelegate(EntreeDelegate):
    """« Dernière étape le » edited as a line where the day is typed: the day of the step being
    recorded (Maj+A, C, F, S: today, to be changed) or of the current one (D, F2: its day)."""

    def __init__(self, view: FollowUpView) -> None:
        super().__init__(view.table)
        self.view = view
        self.closeEditor.connect(lambda *_: view.say_keys())  # Entrée or Échap: the keys again

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        entry = index.data(EntryRole)
        state, prefill = self.view.take_dating(entry)
        editor = QLineEdit(parent)
        editor.setObjectName("followupDay")
        editor.setPlaceholderText(tr("23/11/2026 ou 23 novembre"))
        editor.setProperty("dating", state.value)
        editor.setProperty("prefill", prefill)
        self.view.say_dating(state)
        return editor

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        assert isinstance(editor, QLineEdit)
        if editor.property("prefill") is not None:
            editor.setText(str(editor.property("prefill")))
            editor.setProperty("prefill", None)
            editor.selectAll()  # typing replaces it

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        assert isinstance(editor, QLineEdit)
        entry = index.data(EntryRole)
        if entry is not None:
            # Recorded once the editor has closed: a refusal's message box, shown while it
            # was still open, took its focus and had it commit a second time.
            self.view.record_day(entry.match.id, FollowUp(editor.property("dating")), editor.text())


class FollowUpTable(QTableView):
    """A, C, F, S on a row set its state, dated today; with Maj, on a day to type; D types
    the day of the current step; Entrée edits the note; F2 edits the cell (the state column
    with the list of states)."""

    state_typed = Signal(object)  # a FollowUp
    state_dated = Signal(object)  # a FollowUp, on a day to type; None: the current step
    step_removed = Signal()  # Suppr: the latest step taken out (recorded by mistake), once asked

    NAMES = (COL_ASKS, COL_HELPS)  # who seeks, who can help: 170 px, less on a narrow screen
    dragged = False  # the facilitator sized a column: their widths are kept

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        """On a narrow window (a 1024×768 laptop), the names' columns give some of their
        width to the need and the offer, whose words were cut (« Accompagneme… »)."""
        super().resizeEvent(event)
        if not self.dragged:
            width = max(120, min(170, int(self.viewport().width() * 0.13)))
            header = self.horizontalHeader()
            for column in self.NAMES:
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        shifted = event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        idle = self.state() == QAbstractItemView.State.NoState
        keys = state_keys()
        if plain and event.key() in keys and idle:
            self.state_typed.emit(keys[Qt.Key(event.key())])
            return
        if shifted and event.key() in keys and idle:
            self.state_dated.emit(keys[Qt.Key(event.key())])
            return
        if plain and event.key() == Qt.Key.Key_D and idle:
            self.state_dated.emit(None)
            return
        if plain and event.key() == Qt.Key.Key_Delete and idle:
            self.step_removed.emit()
            return
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.currentIndex()
            if current.isValid() and self.state() == QAbstractItemView.State.NoState:
                target = current.sibling(current.row(), COL_NOTE)
                self.setCurrentIndex(target)
                self.edit(target)
                return
        super().keyPressEvent(event)

    def empty_text(self) -> str:
        """What the list says when the file has no decided match yet: how to make one (it
        showed an empty table, « 0 mise en relation suivie », and its keys, nothing else)."""
        proxy = self.model()
        source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else proxy
        if source is None or source.rowCount() > 0:
            return ""
        return typography(
            tr(
                "Aucune mise en relation décidée pour l'instant : elles viennent ici une fois "
                "confirmées.\nDans la grille (Alt+1) : Ctrl+M pour aller aux suggestions d'un "
                "participant, Ctrl+Maj+C pour en confirmer une, Ctrl+Maj+K pour mettre en relation "
                "à la main."
            )
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt's name
        super().paintEvent(event)
        text = self.empty_text()
        if not text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(self.palette().ColorRole.Text))
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), text)
        painter.end()


class FilterField(QLineEdit):
    """The filter of people: ↓ goes down to the list, as the directory's field does."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if event.key() == Qt.Key.Key_Down and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.down.emit()
            return
        super().keyPressEvent(event)


class FollowUpView(QWidget):
    """The « Suivi » page: filters above, the table below, the keys said in a line."""

    # An edit made by one key, to say in the status bar with how to undo it.
    said = Signal(str)
    # What a key did not do, and why (« déjà contactée le … »), to say in the status bar.
    told = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FollowUpModel(self)
        self.proxy = FollowUpFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        # The grid page's margins: the count at the end of the filters' line is not pressed
        # against the window's edge, where a window frame or the screen's edge cuts it.
        layout.setContentsMargins(10, 8, 10, 4)
        title = QLabel(tr("Suivi des mises en relation décidées, dans tous les ateliers du fichier"), self)
        as_title(title)
        layout.addWidget(title)
        filters = QHBoxLayout()
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("followupState")
        self.state_filter.addItem(tr("Tous les états"), None)
        for state in FOLLOW_UPS:
            self.state_filter.addItem(state_text(state), state.value)
        state_caption = QLabel(tr("État :"), self)
        state_caption.setBuddy(self.state_filter)
        self.person_filter = FilterField(self)
        self.person_filter.setObjectName("followupPerson")
        self.person_filter.setClearButtonEnabled(True)
        self.person_filter.setPlaceholderText(tr("Nom ou structure (Ctrl+F)…"))
        self.person_filter.setToolTip(
            tr(
                "Une structure se trouve par son sigle ou en toutes lettres (PLIE, Plan local pour "
                "l'insertion et l'emploi). ↓ ou Entrée : aller à la liste."
            )
        )
        person_caption = QLabel(tr("Participant :"), self)
        person_caption.setBuddy(self.person_filter)
        filters.addWidget(state_caption)
        filters.addWidget(self.state_filter)
        filters.addSpacing(12)
        filters.addWidget(person_caption)
        filters.addWidget(self.person_filter, 1)
        self.counter = QLabel(self)
        filters.addWidget(self.counter)
        layout.addLayout(filters)
        self.table = FollowUpTable(self)
        self.table.setObjectName("followupTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setHorizontalHeader(WrappingHeader(self.table))  # titles wrapped, never cut
        header = self.table.horizontalHeader()
        for column, width in (
            (COL_WORKSHOP, 110),
            (COL_ASKS, 170),
            (COL_HELPS, 170),
            (COL_STATE, 100),
            (COL_SINCE, self._since_width()),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        for column in (COL_NEED, COL_RESOURCE, COL_NOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._column_dragged)
        StateDelegate.install(self.table)
        self.table.setItemDelegateForColumn(COL_SINCE, DayDelegate(self))
        self.table.setItemDelegateForColumn(COL_NOTE, NoteDelegate(self.table))
        layout.addWidget(self.table, 1)
        # A decision of the file left out of the list (a person with themself): said, with how
        # to take it away, never silently missing from the count.
        self.themself = QLabel(self)
        self.themself.setObjectName("followupThemself")
        self.themself.setWordWrap(True)
        self.themself.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.themself.hide()
        layout.addWidget(self.themself)
        # The selected match's path, step by step: what « Dernière étape le » alone cannot say.
        self.steps = QLabel(self)
        self.steps.setObjectName("followupSteps")
        self.steps.setWordWrap(True)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.steps)
        self.keys = QLabel(self)
        self.keys.setObjectName("followupKeys")
        self.keys.setWordWrap(True)
        self.say_keys()
        layout.addWidget(self.keys)
        # The step the next editor of « Dernière étape le » dates, and the day it starts from.
        self._dating: tuple[FollowUp | None, str] | None = None
        self.recording = 0  # days typed, to be recorded once their editor has closed
        self._typing: tuple[int, Any, str, object] | None = None  # an editor open when the list reloads
        self._closing = False  # the window closing: no editor opened again
        self._pending: list[tuple[str, FollowUp, str]] = []
        self.table.state_typed.connect(self.set_current_state)
        self.table.state_dated.connect(self.date_current)
        self.table.step_removed.connect(self.remove_current_step)
        self.model.day_unread.connect(self._correct_day)
        self.state_filter.currentIndexChanged.connect(self._filter)
        self.person_filter.textChanged.connect(self._filter)
        self.person_filter.returnPressed.connect(self.focus_table)
        self.person_filter.down.connect(self.focus_first_row)
        self.model.modelReset.connect(self._after_reset)
        self._keep: str | None = None
        self._keep_column = COL_STATE
        self._had_focus = False
        self.model.modelAboutToBeReset.connect(self._remember)
        self.table.selectionModel().currentRowChanged.connect(self._say_steps)
        self.proxy.modelReset.connect(self._say_steps)
        self.proxy.layoutChanged.connect(self._say_steps)

    def _say_steps(self, *_: Any) -> None:
        """The selected match's steps under the table: « Étapes du suivi (Lucie Leroy ← Cécile
        Dallet) : décidée le 16/03/2026 · contactée le 22/03/2026 »."""
        index = self.table.currentIndex()
        entry = index.data(EntryRole) if index.isValid() else None
        if entry is None or not entry.match.follow_up_steps:
            self.steps.setText("")
            return
        self.steps.setText(
            tr("Étapes du suivi ({need} ← {helper}) : {steps}").format(
                need=_who(entry.need_participant).split("\n")[0],
                helper=_who(entry.resource_participant).split("\n")[0],
                steps=path_said(entry),
            )
        )

    def _column_dragged(self, *_args: Any) -> None:
        if QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.table.dragged = True  # the facilitator's widths, kept

    def _since_width(self) -> int:
        """« Dernière étape le » wide enough for its longest day on one line (« 28 September 2026 »
        in English) and for its title."""
        metrics = self.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(list_date(f"2026-{month:02d}-28")) for month in range(1, 13))
        title = self.table.horizontalHeader().fontMetrics().horizontalAdvance(column_titles()[COL_SINCE])
        return max(90, widest + 16, title + 24)

    def set_grid(self, grid: GridModel | None) -> None:
        self.model.set_grid(grid)

    def _filter(self) -> None:
        value = self.state_filter.currentData()
        self.proxy.set_filter(FollowUp(value) if value else None, self._named())
        self._count()
        self.table.resizeRowsToContents()

    def _named(self) -> set[str] | None:
        """The participants the filter's words name (None: no words, everyone), read from the
        file as the directory and `atelier suivi --participant` read them."""
        text = self.person_filter.text()
        grid = self.model.grid
        if not text.strip() or grid is None or grid.store.closed:
            return None
        return grid.store.participants_named(text)

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        from atelier.french import count

        text = count(total, tr("mise en relation suivie"), tr("mises en relation suivies"))
        if shown != total:
            text = tr("{shown} sur {total}").format(shown=shown, total=text)
        alone = len(self.model.themself)
        if alone:  # as the match panel counts them, beside the confirmed ones
            text += tr(" (et {n} d'une personne avec elle-même, à écarter)").format(n=alone)
        self._say_themself()
        self.counter.setText(text)
        self.counter.setToolTip(text)  # read whole even if a narrow window ever squeezes it

    def _say_themself(self) -> None:
        """« ⚠ 1 mise en relation confirmée met une personne en relation avec elle-même
        (« A. Martin » et « Mme Anne Martin », atelier du 15 mars 2022) : … », as `atelier
        suivi` says it, with how to reject it in the window; nothing when there is none."""
        from atelier.exports import met_at
        from atelier.french import quoted
        from atelier.ui.translate import ui_language

        entries = self.model.themself
        if not entries:
            self.themself.setText("")
            self.themself.hide()
            return
        lang = ui_language()
        pairs = []
        for entry in entries:
            one, other = (", ".join(p.names) for p in (entry.need_participant, entry.resource_participant))
            people = quoted(one, lang)
            if other != one:
                people = tr("{one} et {other}").format(one=people, other=quoted(other, lang))
            pairs.append(f"{people}, {met_at(entry.workshop, lang)}")
        said = (
            tr(
                "⚠ {n} mise en relation confirmée met une personne en relation avec elle-même ({pairs}) : "
                "elle n'est ni suivie ici, ni projetée, ni exportée ; écartez-la dans « Qui peut "
                "aider ? » de son atelier (Ctrl+M, puis Ctrl+Maj+X)."
            )
            if len(entries) == 1
            else tr(
                "⚠ {n} mises en relation confirmées mettent une personne en relation avec elle-même "
                "({pairs}) : elles ne sont ni suivies ici, ni projetées, ni exportées ; écartez-les "
                "dans « Qui peut aider ? » de leur atelier (Ctrl+M, puis Ctrl+Maj+X)."
            )
        )
        from atelier.french import typography

        if lang == "fr":  # Atelier's sentence set, the names as typed
            said = typography(said, "fr")
        text = said.format(n=len(entries), pairs=("\u00a0; " if lang == "fr" else "; ").join(pairs))
        self.themself.setText(text)
        self.themself.show()

    def _remember(self) -> None:
        from PySide6.QtWidgets import QApplication

        # The list is read again (another file, a participant renamed): so are the people the
        # filter names, before the filter runs on the new rows.
        self.proxy.people = self._named()
        self._keep = self.current_match_id()
        self._keep_column = max(self.table.currentIndex().column(), COL_STATE)
        focus = QApplication.focusWidget()
        self._had_focus = focus is not None and (focus is self.table or self.table.isAncestorOf(focus))
        # A day or a note being typed: the reload (the matching finishing in the background)
        # closes its editor; it is opened again on the same row with what was typed.
        self._typing = None
        editor = self.table.indexWidget(self.table.currentIndex())
        if self._keep is not None and isinstance(editor, QLineEdit) and not self.model.committing:
            self._typing = (
                self.table.currentIndex().column(),
                editor.property("dating"),
                editor.text(),
                getattr(editor, "typing", None),  # a note's saves at pauses: still one step
            )
            # Closed by the reset, not left: the keyboard leaving it then records nothing
            # (its delegate would hand the view an editor it no longer knows).
            delegate = self.table.itemDelegateForIndex(self.table.currentIndex())
            if delegate is not None:
                editor.removeEventFilter(delegate)

    def _after_reset(self) -> None:
        self._count()
        self.table.resizeRowsToContents()
        if self._keep is not None:
            self.select_match(self._keep, self._keep_column)
        if self._had_focus:  # a note just typed: the keyboard stays on the table
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        typing, self._typing = self._typing, None
        if typing is not None and self._keep is not None:
            self._edit_again(self._keep, *typing)

    def _edit_again(self, match_id: str, column: int, dating: Any, text: str, typing: object = None) -> None:
        """The editor of `column` on the row of `match_id` opened again with `text`, the cursor
        after it (typing goes on, Échap leaves everything)."""
        if not self.select_match(match_id, column):
            return
        if column == COL_SINCE and dating is not None:
            self._dating = (FollowUp(dating), text)
        index = self.table.currentIndex()
        self.table.edit(index)
        editor = self.table.indexWidget(index)
        if isinstance(editor, QLineEdit):
            editor.setText(text)
            editor.deselect()
            if isinstance(editor, NoteEditor) and editor.pause is not None:
                # Opened again with what was typed since the last pause: saved at the next one.
                editor.typing = typing
                editor.pause.start()
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _correct_day(self, match_id: str, state: FollowUp | None, text: str) -> None:
        """A day not read (« 31/11 », « 22/1l »): its editor again, with what was typed, to
        correct it rather than type it all again; not once the page or the window is left."""
        if self._closing or not self.isVisible() or self.table.state() != QAbstractItemView.State.NoState:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._edit_again(match_id, COL_SINCE, state.value if state is not None else None, text)

    def current_match_id(self) -> str | None:
        index = self.table.currentIndex()
        entry = index.data(EntryRole) if index.isValid() else None
        return entry.match.id if entry is not None else None

    def select_match(self, match_id: str, column: int = COL_STATE) -> bool:
        row = self.model.row_of(match_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def set_current_state(self, state: FollowUp) -> bool:
        match_id = self.current_match_id()
        if match_id is None:
            return False
        row = self.model.row_of(match_id)
        grid = self.model.grid
        if row >= 0 and grid is not None and not grid.store.readonly:
            entry = self.model.entries[row]
            if entry.match.follow_up == state:  # no second step: said, so the key is not taken for lost
                self.told.emit(already_said(entry))
                return False
        try:
            return self.model.set_state(match_id, state)
        except AtelierError:
            return False

    def date_current(self, state: FollowUp | None) -> bool:
        """Maj+A, C, F, S: the row's new state on a day to type, today to start with; D (state
        None): the day of its current step, its own to start with. The day is typed in the
        row's « Dernière étape le »; Entrée records it, Échap leaves everything as it was."""
        index = self.table.currentIndex()
        entry = index.data(EntryRole) if index.isValid() else None
        if entry is None or self.model.grid is None or self.model.grid.store.readonly:
            return False
        from datetime import date

        start = list_date(date.today().isoformat()) if state is not None else ""
        self._dating = (state, start)
        target = index.sibling(index.row(), COL_SINCE)
        self.table.setCurrentIndex(target)
        self.table.edit(target)
        return True

    def remove_current_step(self, *, confirm: bool = True) -> bool:
        """Suppr: the row's latest step taken out, after a question that says which step goes
        and where the match then stands (« Garder », the default, and Échap change nothing);
        one undoable edit, said in the status bar. The decision, the first step, is not one to
        take out: said, with how to go back on a decision."""
        from PySide6.QtWidgets import QMessageBox

        index = self.table.currentIndex()
        entry = index.data(EntryRole) if index.isValid() else None
        grid = self.model.grid
        if entry is None or grid is None or grid.store.readonly:
            return False
        title = tr("Retirer une étape du suivi")
        said = steps_said(entry)
        if len(said) < 2:
            QMessageBox.information(
                self,
                title,
                tr(
                    "Il ne reste que la décision dans ce suivi : ce n'est pas une étape à retirer. Pour "
                    "revenir sur la décision elle-même, écartez la mise en relation dans la grille "
                    "(Ctrl+Maj+X)."
                ),
            )
            return False
        who = tr("{need} ← {helper}").format(
            need=_who(entry.need_participant).split("\n")[0],
            helper=_who(entry.resource_participant).split("\n")[0],
        )
        # « Zoé a appelé Cécile », written with the step, goes with it: said in the question.
        note = " ".join(grid.store.note_of_latest_step(entry.match.id).split())
        if confirm:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                title,
                tr("Retirer l'étape « {step} » du suivi {of_who} ?").format(
                    step=said[-1],
                    who=who,
                    of_who=of(who),  # « du suivi d'Agnès Pallet ← … »
                ),
                parent=self,
            )
            back = tr(
                "La mise en relation en reviendra à « {previous} ». Édition › Annuler (Ctrl+Z) remet l'étape."
            ).format(previous=said[-2])
            if note:
                back = tr(
                    "La mise en relation en reviendra à « {previous} », sans la note « {note} » écrite avec "
                    "cette étape. Édition › Annuler (Ctrl+Z) remet l'étape et sa note."
                ).format(previous=said[-2], note=note)
            box.setInformativeText(back)
            yes = box.addButton(tr("&Retirer l'étape"), QMessageBox.ButtonRole.DestructiveRole)
            no = box.addButton(tr("&Garder"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(no)
            box.setEscapeButton(no)
            box.exec()
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard back on the row
            if box.clickedButton() is not yes:
                return False
        if not push(grid, RemoveFollowUpStep(grid, entry.match.id, said[-1])):
            return False
        done = tr("Étape « {step} » retirée du suivi {of_who} — Ctrl+Z pour annuler")
        if note:
            done = tr("Étape « {step} » retirée du suivi {of_who}, avec sa note — Ctrl+Z pour annuler")
        self.said.emit(done.format(step=said[-1], who=who, of_who=of(who)))
        return True

    def take_dating(self, entry: FollowUpEntry) -> tuple[FollowUp, str]:
        """The step an editor of « Dernière étape le » just opened dates, and the day it shows first."""
        state, start = self._dating or (None, "")
        self._dating = None
        return state or entry.match.follow_up, start or list_date(entry.match.follow_up_changed)

    def record_day(self, match_id: str, state: FollowUp, typed: str) -> None:
        """The day typed for a step, recorded (or refused) just after its editor closes."""
        self.recording += 1
        self._pending.append((match_id, state, typed))
        QTimer.singleShot(0, self._record_pending)

    def _record_pending(self) -> None:
        """The days entered, recorded; once the file is closed (the window closed, another
        file opened, with this timer due), let go: finish_editing recorded them before."""
        grid = self.model.grid
        while self._pending:
            match_id, state, typed = self._pending.pop(0)
            self.recording -= 1
            if grid is not None and not grid.store.closed:
                self.model.redated = ""
                if self.model.date_step(match_id, state, typed) and self.model.redated:
                    self.said.emit(self.model.redated)

    def finish_editing(self) -> None:
        """A day or a note still being typed when the window closes is recorded now, while
        the file is open, as a grid cell left open is: never lost, never written after."""
        self._closing = True
        self.commit_editor()

    def commit_editor(self) -> None:
        """A day or a note still being typed, recorded now and its editor closed (before the
        window closes, or an undo from the menu: what is undone is then the note, as it is
        for a grid cell, never the step before it with the note saved again at its pause)."""
        editor = QApplication.focusWidget()
        if (
            self.table.state() == QAbstractItemView.State.EditingState
            and editor is not None
            and self.table.viewport().isAncestorOf(editor)
        ):
            delegate = self.table.itemDelegateForIndex(self.table.currentIndex())
            if delegate is not None:
                delegate.commitData.emit(editor)
                delegate.closeEditor.emit(editor, delegate.EndEditHint.NoHint)
        self._record_pending()  # a day typed: recorded now, not once back in the event loop

    def say_dating(self, state: FollowUp) -> None:
        self.keys.setText(
            tr(
                "Date de « {state} » : tapez-la (23/11/2026, 23/11, 23 novembre ou hier), Entrée "
                "pour l'enregistrer, Échap pour annuler."
            ).format(state=state_text(state))
        )

    def say_keys(self) -> None:
        self.keys.setText(
            tr(
                "Touches : A à contacter · C contactée · F faite · S sans suite (datées du jour ; "
                "Maj+lettre : à une autre date) · D : changer la date · Entrée : écrire une note "
                "· Suppr : retirer la dernière étape · Ctrl+Z : annuler"
            )
        )

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, COL_STATE))

    def focus_first_row(self) -> None:
        """↓ in the filter: down to the first row shown, on its state (A, C, F, S at once)."""
        if self.proxy.rowCount():
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.table.setCurrentIndex(self.proxy.index(0, COL_STATE))
            self.table.scrollTo(self.table.currentIndex())

    def focus_filter(self) -> None:
        self.person_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.person_filter.selectAll()
