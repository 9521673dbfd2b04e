"""The workshop grid as a Qt table model over the store: one row per participant.

The store stays the truth. Every change goes through an undoable command (commands.py)
which calls one of the `op_*` methods here: one store transaction, then the views are
told exactly what changed, then `saved` is emitted with the time it reached the disk.
"""

from __future__ import annotations

import functools
import heapq
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack

from atelier.domain import EXCUSED, ITEM_KINDS, Item, ItemKind, Match, Participant, Workshop
from atelier.french import fold, join
from atelier.store import CellSnapshot, ParticipantSnapshot, Store
from atelier.ui.columns import COLUMN_COUNT, COLUMN_PARTICIPANT, column_titles
from atelier.ui.qtcompat import no_data
from atelier.ui.translate import tr, ui_language


@functools.lru_cache(maxsize=8192)
def longest_word(text: str) -> str:
    """The text's longest piece a line may not be broken in: a word, or the part of one up to
    a hyphen or a slash, where a line may end (« hôtellerie- », « problématiques/ »).
    Remembered: the grid asks at each fit of its columns, and a cell pasted from a report
    holds thousands of words."""
    return max(_UNBROKEN.findall(text), key=len, default="")


_UNBROKEN = re.compile(r"[^\s/-]+[/-]?")


ItemRole = Qt.ItemDataRole.UserRole + 1  # list[Item] of a cell
ParticipantRole = Qt.ItemDataRole.UserRole + 2
SearchRole = Qt.ItemDataRole.UserRole + 3  # the whole row, folded for accent-free search
ToCheckRole = Qt.ItemDataRole.UserRole + 4  # what is unsure in a participant cell's reading, or ""

# The roles as plain numbers, read once: data() and headerData() are asked from Qt about two
# thousand times before the first screen (each header section, each cell, for every role a
# style might use), and each `Qt.ItemDataRole.X` is a lookup through Python's enum machinery.
# A workshop's rows as read by another connection: (workshop id, participants, items).
WorkshopRead = tuple[str, list[Participant], list[Item]]


def read_workshop(store: Store, workshop_id: str) -> WorkshopRead:
    """What GridModel.reload reads, read through `store` (a worker's own connection)."""
    return workshop_id, store.participants(workshop_id), store.workshop_items(workshop_id)


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOP_LEFT = int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
_HORIZONTAL = Qt.Orientation.Horizontal
# The only roles a cell answers; the others (font, colours, check state, icon, size…) have
# no value, said without reading the row.
_ANSWERED = frozenset(
    (
        _DISPLAY,
        _EDIT,
        _TOOLTIP,
        _ALIGNMENT,
        int(ItemRole),
        int(ParticipantRole),
        int(SearchRole),
        int(ToCheckRole),
    )
)


def participant_cell(participant: Participant) -> str:
    """What the participant column shows: people, structure, role, place."""
    lines = [join(participant.names)] if participant.names else []
    for value in (participant.organisation, participant.role):
        if value:
            lines.append(value)
    if participant.territory and participant.territory not in participant.organisation:
        lines.append(participant.territory)
    if not lines and participant.source_text:
        lines.append(participant.source_text)
    away = participant.away()  # « (excusé) » in the cell as typed: not in the room, said
    if away:
        lines.append(tr("excusé·e") if away == EXCUSED else tr("absent·e"))
    elif participant.represented_by():  # someone came instead: « absente, représentée par Marc Roux »
        lines.append(participant.representation(ui_language()))
    return "\n".join(lines)


def to_check(participant: Participant) -> str:
    """What is unsure in how a participant's cell was read, said in the window's language: a
    person's name read into the structure, the function or the place (« Maison de l'emploi
    Anne Martin »), as the import's report and the anonymised export say it, or a rarely given
    first name alone read as a person (« Colas / PLIE »); "" when nothing is. The grid's cell
    and the card mark such a row « à vérifier »; correcting the card's fields takes the mark
    away."""
    from atelier.importers.participant import (  # not on the startup path
        as_typed,
        lone_name_to_check,
        person_in_structure,
    )

    inside = person_in_structure(participant)
    if inside:
        return tr(
            "Participant à vérifier : « {part} », lu comme structure ou fonction, semble contenir "
            "le nom d'une personne"
        ).format(part=inside)
    # « Colas / PLIE »: a rarely given first name alone, the person the import read (its
    # report said it); not once the card's people are corrected.
    lone = lone_name_to_check(participant) if participant.names and as_typed(participant) else ""
    if lone:
        return tr(
            "Participant à vérifier : « {name} », seul et prénom peu donné, lu comme une personne "
            "(une structure, une marque ?)"
        ).format(name=lone)
    return ""


def participant_edit_text(participant: Participant) -> str:
    """What the facilitator edits: the cell as typed, unless the card's fields were
    corrected since; then a line rebuilt from the fields."""
    from atelier.importers.participant import as_typed

    if as_typed(participant):
        return participant.source_text
    people = participant.people("fr")  # the form the French reading takes back: « A, B et C »
    territory = participant.territory if participant.territory not in participant.organisation else ""
    rest = ", ".join(p for p in (participant.organisation, territory, participant.role) if p)
    said = " / ".join(p for p in (people, rest) if p)
    away = participant.away()  # kept when the line is retyped: « Paul Durand (excusé) / … »
    if participant.represented_by() and said:  # « … (absente, représentée par Marc Roux) »
        return f"{said} ({participant.representation('fr')})"
    return f"{said} ({'excusé' if away == EXCUSED else 'absent'})" if away and said else said


class GridModel(QAbstractTableModel):
    saved = Signal(datetime)
    failed = Signal(str)
    workshop_changed = Signal()
    participant_changed = Signal(str)  # participant id
    cell_changed = Signal(str, str)  # participant id, item kind: what to re-match
    # A cell typed or emptied by the facilitator (participant id, item kind, emptied): the
    # window says what went with it (confirmed matches and their follow-up) and how to undo.
    cell_edited = Signal(str, str, bool)
    participant_typed = Signal(str)  # a participant cell typed and saved (its id): how it was read
    people_changed = Signal()  # a participant added, deleted, put back or renamed: who is in the room
    matches_changed = Signal()
    content_replaced = Signal()  # the whole file changed under the grid (merge, restore, re-import)
    workshop_switched = Signal(str)  # the grid now shows another workshop of the file (its id)
    synthesis_changed = Signal()  # the minutes' sections (their editor and its undo)
    glossary_changed = Signal()  # the workshop's glossary: matching runs again
    marks_read = Signal()  # the « à vérifier » marks are known (read_marks): the card shows its own

    def __init__(self, store: Store, workshop_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workshop_id = workshop_id
        # What the file refused to a field saved while typing (a full disk), already said:
        # not said again at each pause, until a save goes through (panels.Typing.push).
        self.typing_refused: str | None = None
        self.cell_refused: str | None = None  # what the file refused of the last cell saved
        # The cell editor's typing being saved (ui.cell_editor), and whether at a pause in it
        # (said nothing of: the cell is still being typed) rather than as the editor closes.
        self.cell_typing: object | None = None
        self.cell_pausing = False
        self.saved.connect(self._saves_again)
        self.undo_stack = QUndoStack(self)
        self._titles: list[str] | None = None  # the columns' titles, once asked
        self._participants: list[Participant] = []
        self._items: dict[str, dict[ItemKind, list[Item]]] = {}
        # Whether the participant cells' « à vérifier » marks are read (read_marks): once the
        # window is on screen, the reading's module is not on its first paint's path.
        self.marks = False
        self.reload()

    # -------------------------------------------------------------- reading

    def reload(self, read: WorkshopRead | None = None) -> None:
        """Read the workshop's rows again; or take them as `read` (read_workshop, in a worker
        through a connection of its own, once the change was committed: a thousand rows of
        long cells took a third of a second to read on the UI thread)."""
        if read is None or read[0] != self.workshop_id:  # another workshop is shown now
            read = read_workshop(self.store, self.workshop_id)
        _workshop, participants, items = read
        self.beginResetModel()
        self._participants = participants
        self._items = {p.id: {k: [] for k in ITEM_KINDS} for p in self._participants}
        for item in items:
            cells = self._items.get(item.participant_id)
            if cells is not None:
                cells[item.kind].append(item)
        self.endResetModel()

    def workshop(self) -> Workshop:
        return self.store.workshop(self.workshop_id)

    def read_marks(self) -> None:
        """Read which participant cells are unsure (`to_check`) and show their marks: called
        once the window is on screen (reading them costs the participant reader's module, a
        third of a second, which the first paint does without)."""
        if self.marks:
            return
        self.marks = True
        if self._participants:
            last = len(self._participants) - 1
            self.dataChanged.emit(self.index(0, COLUMN_PARTICIPANT), self.index(last, COLUMN_PARTICIPANT))
        self.marks_read.emit()

    def to_check(self, participant: Participant) -> str:
        """What is unsure in this participant cell's reading, said (`to_check`); "" until the
        marks are read."""
        return to_check(participant) if self.marks else ""

    def set_workshop(self, workshop_id: str) -> None:
        """Show another workshop of the file (the undo stack stays: it is the file's)."""
        if workshop_id == self.workshop_id:
            return
        self.workshop_id = workshop_id
        self.reload()
        self.workshop_switched.emit(workshop_id)
        self.workshop_changed.emit()

    def _keep_a_workshop(self) -> None:
        """After the file changed under the grid: if its workshop is gone, show the first one."""
        known = [w.id for w in self.store.workshops()]
        if known and self.workshop_id not in known:
            self.set_workshop(known[0])

    def participant_at(self, row: int) -> Participant:
        return self._participants[row]

    def row_of(self, participant_id: str) -> int:
        for row, participant in enumerate(self._participants):
            if participant.id == participant_id:
                return row
        return -1

    def items_of(self, participant_id: str, kind: ItemKind) -> list[Item]:
        return list(self._items.get(participant_id, {}).get(kind, []))

    def items(self) -> list[Item]:
        """Every item of the grid, as read from the file with its rows (each op reads its row
        again): what the card and its panes show, without reading the workshop again at each
        row chosen (a 60-person workshop's 900 items took 80 ms, more than a frame)."""
        return [item for cells in self._items.values() for kind in ITEM_KINDS for item in cells[kind]]

    def participants(self) -> list[Participant]:
        return list(self._participants)

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._participants)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        """QAbstractTableModel's own index(), asked from Python once rather than asking
        Python twice (rowCount and columnCount): Qt asks for indexes a few thousand times
        before the first screen (the filter, the header, the delegate)."""
        if parent.isValid() or not (0 <= row < len(self._participants) and 0 <= column < COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    def _display(self, participant: Participant, column: int) -> str:
        """What a cell shows: the participant, or one item per line behind its bullet."""
        if column == COLUMN_PARTICIPANT:
            return participant_cell(participant)
        return "\n".join(f"• {item.text}" for item in self._items[participant.id][ITEM_KINDS[column - 1]])

    def column_texts(
        self, rows: list[int] | None = None, columns: range | list[int] = range(COLUMN_COUNT)
    ) -> list[list[str]]:
        """Each column's shown text, for these rows (all by default): what the grid weighs to
        share its width, read here rather than asked of Qt cell by cell."""
        shown = self._participants if rows is None else [self._participants[row] for row in rows]
        return [[self._display(p, column) for p in shown] for column in columns]

    def longest_words(self, rows: list[int] | None = None) -> list[list[str]]:
        """Each column's longest words (in characters, a few: the widest drawn may be one of
        them, « dysfonctionnements » wider than « l'interconnaissance »); none for the
        participant column, fitted by its lines. The grid keeps a column at least as wide
        as the widest, so a word wraps whole."""
        shown = self._participants if rows is None else [self._participants[row] for row in rows]
        found: list[list[str]] = [[]]
        for kind in ITEM_KINDS:
            words = {longest_word(item.text) for p in shown for item in self._items[p.id][kind]}
            found.append(heapq.nlargest(8, words, key=len))
        return found

    def column_lengths(self, rows: list[int] | None = None) -> list[list[int]]:
        """The length of each column's shown text (column_texts), counted without joining it:
        cells pasted from a report (50 000 characters, a thousand rows) were joined anew at
        each fit of the columns, a second on the UI thread after a re-import."""
        shown = self._participants if rows is None else [self._participants[row] for row in rows]
        lengths = [[len(participant_cell(p)) for p in shown]]
        for kind in ITEM_KINDS:
            # « • text » per item, a line break between two: as _display writes them.
            lengths.append(
                [
                    sum(len(item.text) + 3 for item in items) - 1 if items else 0
                    for items in (self._items[p.id][kind] for p in shown)
                ]
            )
        return lengths

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != _DISPLAY:
            return no_data()
        if orientation == _HORIZONTAL:
            if self._titles is None:  # in the window's language, which is set before any model
                self._titles = column_titles()
            titles = self._titles
            return titles[section] if 0 <= section < len(titles) else no_data()
        return str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.store.readonly:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self._participants):
            return no_data()
        participant = self._participants[index.row()]
        column = index.column()
        if role == ParticipantRole:
            return participant
        if role == _ALIGNMENT:
            return _TOP_LEFT
        if role == SearchRole:
            cells = self._items[participant.id]
            parts = [participant_cell(participant), participant.source_text]
            parts += [i.text for kind in ITEM_KINDS for i in cells[kind]]
            return fold("\n".join(parts))
        if role == _DISPLAY:
            return self._display(participant, column)
        if column == COLUMN_PARTICIPANT:
            if role == ToCheckRole:
                return self.to_check(participant)
            if role == _EDIT:
                return participant_edit_text(participant)
            if role == _TOOLTIP:
                said = participant.source_text or participant_cell(participant)
                if participant.unlisted:  # (the card's box says it too)
                    said += "\n" + tr("Ne pas publier dans le répertoire : à sa demande")
                if unsure := self.to_check(participant):  # (the cell's « ⚠ à vérifier » mark)
                    said += "\n" + unsure
                return said
            return no_data()
        kind = ITEM_KINDS[column - 1]
        items = self._items[participant.id][kind]
        if role == _EDIT:
            return "\n".join(item.text for item in items)
        if role == ItemRole:
            return list(items)
        return no_data()

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """An edit typed in the grid becomes one undoable command."""
        from atelier.ui import commands

        self.cell_refused = None
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.store.readonly:
            return False
        participant = self._participants[index.row()]
        text = str(value or "")
        if index.column() == COLUMN_PARTICIPANT:
            if text.strip() == participant_edit_text(participant).strip():
                return False
            typed = self._push_cell(commands.EditParticipantText(self, participant.id, text))
            if typed:
                self.participant_typed.emit(participant.id)
            return typed
        kind = ITEM_KINDS[index.column() - 1]
        lines = [line.strip() for line in text.splitlines()]
        lines = [_strip_bullet(line) for line in lines if line.strip()]
        if lines == [i.text for i in self._items[participant.id][kind]]:
            return False
        edited = self._push_cell(commands.EditCell(self, participant.id, kind, lines, self.cell_typing))
        if edited and not self.cell_pausing:
            self.cell_edited.emit(participant.id, str(kind), not lines)
        return edited

    def _push_cell(self, command: Any) -> bool:
        """A cell's text saved; what the file refuses is kept in `cell_refused` (its editor
        gives the text back) and said unless it is what the file refused last, with no save
        since: a cell typed again and again on a full disk is not a box each time."""
        from atelier.ui import commands

        refused = commands.attempt(self, command)
        if refused is None:
            return True
        self.cell_refused = refused
        if self.cell_pausing:  # said when the editor closes, not at a pause in the typing
            return False
        if refused != self.typing_refused:
            self.typing_refused = refused
            self.failed.emit(refused)
        return False

    # ---------------------------------------------------------- operations
    # Each: one store transaction, then a precise notification, then `saved`.

    def _saved(self) -> None:
        self.saved.emit(datetime.now())

    def _saves_again(self, _when: datetime) -> None:
        self.typing_refused = None

    def _refresh_row(self, participant_id: str) -> None:
        row = self.row_of(participant_id)
        if row < 0:
            return
        self._participants[row] = self.store.participant(participant_id)
        cells: dict[ItemKind, list[Item]] = {k: [] for k in ITEM_KINDS}
        for item in self.store.items(participant_id):
            cells[item.kind].append(item)
        self._items[participant_id] = cells
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.participant_changed.emit(participant_id)

    def op_replace_content(self, source: Path) -> None:
        """Make the file hold another Atelier file's content (a snapshot: undo of a merge)."""
        self.store.replace_with(source)
        self.op_content_written()

    def content_read_again(self) -> None:
        """The file changed through another window holding it (this one read-only): the grid,
        and whoever shows the file, read it again; nothing is said saved here."""
        self._keep_a_workshop()
        self.reload()
        self.content_replaced.emit()

    def op_content_written(self, read: WorkshopRead | None = None) -> None:
        """The file's content was changed by another connection (a re-import written off the
        UI thread): the grid, and whoever shows the file, read it again (`read`: the rows that
        connection read once it had written them, see reload)."""
        self._keep_a_workshop()
        self.reload(read)
        self.content_replaced.emit()
        self._saved()

    def op_set_cell(
        self, participant_id: str, kind: ItemKind, texts: list[str], ids: list[str] | None
    ) -> tuple[CellSnapshot, list[str]]:
        from atelier.matching import explainer  # not on the startup path

        # A confirmed match on a line retyped is explained anew for the new text, in the same
        # transaction (the engine's reasons for the two texts: a few hundredths of a second).
        result = self.store.set_cell(participant_id, kind, texts, ids, explain=explainer(self.store))
        self._refresh_row(participant_id)
        self._saved()
        self.cell_changed.emit(participant_id, str(kind))
        self._matches_went_or_came(result[0])
        return result

    def op_restore_cell(self, snapshot: CellSnapshot) -> None:
        self.store.restore_cell(snapshot)
        self._refresh_row(snapshot.participant_id)
        self._saved()
        self.cell_changed.emit(snapshot.participant_id, str(snapshot.kind))
        self._matches_went_or_came(snapshot)

    def op_add_match(self, match: Match) -> None:
        self.store.add_match(match)
        self._saved()
        self.matches_changed.emit()

    def op_delete_match(self, match_id: str) -> Match:
        match = self.store.delete_match(match_id)
        self._saved()
        self.matches_changed.emit()
        return match

    def op_update_match(self, match_id: str, **fields: Any) -> dict[str, Any]:
        before = self.store.match(match_id)
        old = {name: getattr(before, name) for name in fields}
        if "status" in fields and "retyped" not in fields:
            old["retyped"] = before.retyped  # a decision reviews a retyped text: its undo marks it again
        self.store.update_match(match_id, **fields)
        self._saved()
        self.matches_changed.emit()
        return old

    def op_update_participant(self, participant_id: str, **fields: Any) -> dict[str, Any]:
        before = self.store.participant(participant_id)
        old = {name: getattr(before, name) for name in fields}
        self.store.update_participant(participant_id, **fields)
        self._refresh_row(participant_id)
        self._saved()
        if "names" in fields and fields["names"] != old.get("names"):
            self.people_changed.emit()
        return old

    def op_set_unlisted(self, values: dict[str, bool]) -> dict[str, bool]:
        """Rows of this workshop or others marked as not to be published (`Store.set_unlisted`);
        those of this grid are shown again. Returns what each had before."""
        before = self.store.set_unlisted(values)
        for participant_id in values:
            if self.row_of(participant_id) >= 0:
                self._refresh_row(participant_id)
        self._saved()
        return before

    def op_add_participant(self, participant: Participant, position: int) -> None:
        position = max(0, min(position, len(self._participants)))
        self.store.add_participant(participant, position=position)
        self.beginInsertRows(QModelIndex(), position, position)
        self._participants.insert(position, self.store.participant(participant.id))
        self._items[participant.id] = {k: [] for k in ITEM_KINDS}
        self._renumber()
        self.endInsertRows()
        self._saved()
        self.people_changed.emit()

    def op_delete_participant(self, participant_id: str) -> ParticipantSnapshot:
        row = self.row_of(participant_id)
        snapshot = self.store.delete_participant(participant_id)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._participants[row]
        self._items.pop(participant_id, None)
        self._renumber()
        self.endRemoveRows()
        self._saved()
        self.people_changed.emit()
        self._matches_went_or_came(snapshot)
        return snapshot

    def op_restore_participant(self, snapshot: ParticipantSnapshot) -> None:
        self.store.restore_participant(snapshot)
        position = snapshot.participant.position
        self.beginInsertRows(QModelIndex(), position, position)
        self._participants.insert(position, self.store.participant(snapshot.participant.id))
        cells: dict[ItemKind, list[Item]] = {k: [] for k in ITEM_KINDS}
        for item in self.store.items(snapshot.participant.id):
            cells[item.kind].append(item)
        self._items[snapshot.participant.id] = cells
        self._renumber()
        self.endInsertRows()
        self._saved()
        self.people_changed.emit()
        self._matches_went_or_came(snapshot)

    def op_change_rows(self, delete: list[str], put: list[ParticipantSnapshot]) -> list[ParticipantSnapshot]:
        """Rows deleted and others put in, in one transaction (rows pasted, their undo and
        redo: store.change_rows); the grid reads its rows again."""
        taken = self.store.change_rows(delete, put)
        self.reload()
        self.content_replaced.emit()  # the window keeps its row, fits the rows, matches again
        self._saved()
        self.people_changed.emit()
        return taken

    def op_move_participant(self, participant_id: str, position: int) -> int:
        row = self.row_of(participant_id)
        position = max(0, min(position, len(self._participants) - 1))
        if position == row:
            return row
        self.store.move_participant(participant_id, position)
        destination = position + 1 if position > row else position
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._participants.insert(position, self._participants.pop(row))
        self._renumber()
        self.endMoveRows()
        self._saved()
        return row

    def op_update_workshop(self, workshop_id: str | None = None, **fields: Any) -> dict[str, Any]:
        workshop_id = workshop_id or self.workshop_id  # the one shown unless said
        before = self.store.workshop(workshop_id)
        old = {name: getattr(before, name) for name in fields}
        self.store.update_workshop(workshop_id, **fields)
        self.workshop_changed.emit()
        self._saved()
        return old

    def _matches_went_or_came(self, snapshot: CellSnapshot | ParticipantSnapshot) -> None:
        """A row or a cell deleted takes its matches with it, and its undo puts them back: whoever
        shows matches (« Qui peut aider ? » and its count, the projector, the follow-up) is told
        now, by the edit itself, whether it is made, undone or redone. Not by the next
        matching run (seconds later on a loaded machine), nor by the row the window selects
        after the first deletion (undo and redo select none)."""
        if snapshot.matches or (isinstance(snapshot, CellSnapshot) and snapshot.retyped):
            self.matches_changed.emit()

    def _renumber(self) -> None:
        for position, participant in enumerate(self._participants):
            participant.position = position


def _strip_bullet(line: str) -> str:
    """A line pasted with its bullet ("• besoin", "- besoin") is the item without it."""
    stripped = line.strip()
    for bullet in ("• ", "- ", "* ", "– "):
        if stripped.startswith(bullet):
            return stripped[len(bullet) :].strip()
    return stripped


class GridFilter(QSortFilterProxyModel):
    """Search across every cell of a row, ignoring case and accents.

    The row the cursor is on stays shown when an edit makes it no longer hold the words
    searched (a cell emptied with Suppr, a name corrected on the card): it went from under
    the cursor, which landed on the next result, and a second Suppr emptied another
    participant's cell. It goes when the search changes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._search = ""
        self._kept: str | None = None  # the participant the cursor is on

    def keep(self, participant_id: str | None) -> None:
        """The row of the participant the cursor is on: not hidden by its own edits."""
        self._kept = participant_id

    @property
    def search_text(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        self._search = text.strip()
        # A new search shows what holds its words, nothing else; the cursor's row, if it
        # does, is kept again (the cursor does not move: the window is not told again).
        kept, self._kept = self._kept, None
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self._needle = fold(text.strip())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = fold(text.strip())
            self.invalidateFilter()
        source = self.sourceModel()
        if self._kept is None and kept is not None and isinstance(source, GridModel):
            row = source.row_of(kept)
            if row >= 0 and self.mapFromSource(source.index(row, 0)).isValid():
                self._kept = kept

    def _shown_rows(self) -> list[int] | None:
        """The source's rows this filter shows, in order (None: every row)."""
        if not self._needle:
            return None
        return [self.mapToSource(self.index(row, 0)).row() for row in range(self.rowCount())]

    def column_texts(self, columns: range | list[int] = range(COLUMN_COUNT)) -> list[list[str]]:
        """Each column's shown text, row by row as this filter shows them."""
        return self.grid_model().column_texts(self._shown_rows(), columns)

    def longest_words(self) -> list[list[str]]:
        """Each column's longest word among the rows this filter shows."""
        return self.grid_model().longest_words(self._shown_rows())

    def column_lengths(self) -> list[list[int]]:
        """The length of each column's shown text, row by row as this filter shows them."""
        return self.grid_model().column_lengths(self._shown_rows())

    def grid_model(self) -> GridModel:
        """The grid this filter shows."""
        source = self.sourceModel()
        assert isinstance(source, GridModel), source
        return source

    def filterAcceptsRow(
        self,
        source_row: int,  # Qt's name
        source_parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if not self._needle or self.holds_search(source_row):
            return True
        source = self.sourceModel()
        return (
            self._kept is not None
            and isinstance(source, GridModel)
            and 0 <= source_row < source.rowCount()
            and source.participant_at(source_row).id == self._kept
        )

    def holds_search(self, source_row: int) -> bool:
        """Whether the grid's row holds every word searched."""
        model = self.sourceModel()
        haystack = model.data(model.index(source_row, 0), SearchRole) or ""
        return all(word in haystack for word in self._needle.split())

    def kept_rows(self) -> int:
        """How many rows are shown that no longer hold the words searched (edited since)."""
        if not self._needle:
            return 0
        shown = (self.mapToSource(self.index(row, 0)).row() for row in range(self.rowCount()))
        return sum(1 for source_row in shown if not self.holds_search(source_row))
