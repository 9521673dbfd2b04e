"""The workshop grid as a Qt table model: one row per participant, one column per grid column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from atelier.domain import ITEM_KINDS, Item, ItemKind, Participant
from atelier.store import Store

COLUMN_PARTICIPANT = 0
KIND_COLUMNS: dict[ItemKind, int] = {kind: index + 1 for index, kind in enumerate(ITEM_KINDS)}

ItemRole = Qt.ItemDataRole.UserRole + 1  # list[Item] of a cell
ParticipantRole = Qt.ItemDataRole.UserRole + 2


def column_titles() -> list[str]:
    tr = QCoreApplication.translate
    return [
        tr("GridModel", "Participant / territoire"),
        tr("GridModel", "Actions engagées"),
        tr("GridModel", "Défis"),
        tr("GridModel", "Besoins de ressources"),
        tr("GridModel", "Peut être ressource sur"),
    ]


def participant_cell(participant: Participant) -> str:
    lines = [", ".join(participant.names)] if participant.names else []
    for value in (participant.organisation, participant.role):
        if value:
            lines.append(value)
    if participant.territory and participant.territory not in participant.organisation:
        lines.append(participant.territory)
    if not lines:
        lines.append(participant.source_text)
    return "\n".join(lines)


class GridModel(QAbstractTableModel):
    """Reads participants and their items from the store; the store stays the truth."""

    def __init__(self, store: Store, workshop_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workshop_id = workshop_id
        self._participants: list[Participant] = []
        self._items: dict[str, dict[ItemKind, list[Item]]] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._participants = self.store.participants(self.workshop_id)
        self._items = {p.id: {k: [] for k in ITEM_KINDS} for p in self._participants}
        for item in self.store.workshop_items(self.workshop_id):
            cells = self._items.get(item.participant_id)
            if cells is not None:
                cells[item.kind].append(item)
        self.endResetModel()

    def participant_at(self, row: int) -> Participant:
        return self._participants[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._participants)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(ITEM_KINDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = column_titles()
            return titles[section] if 0 <= section < len(titles) else None
        return str(section + 1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._participants):
            return None
        participant = self._participants[index.row()]
        column = index.column()
        if role == ParticipantRole:
            return participant
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if column == COLUMN_PARTICIPANT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return participant_cell(participant)
            return None
        kind = ITEM_KINDS[column - 1]
        items = self._items[participant.id][kind]
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(f"• {item.text}" for item in items)
        if role == ItemRole:
            return items
        return None
