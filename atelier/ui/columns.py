"""The grid's columns: which column shows what, and their titles in the user's language.

Kept apart from the model so that undo commands, exports of the view and the help can
name a column without importing the grid model (which itself creates the commands).
"""

from __future__ import annotations

from atelier.domain import ITEM_KINDS, ItemKind
from atelier.ui.translate import tr

COLUMN_PARTICIPANT = 0
KIND_COLUMNS: dict[ItemKind, int] = {kind: index + 1 for index, kind in enumerate(ITEM_KINDS)}
COLUMN_COUNT = 1 + len(ITEM_KINDS)


def column_titles() -> list[str]:
    return [
        tr("Participant / territoire"),
        tr("Actions engagées"),
        tr("Défis"),
        tr("Besoins de ressources"),
        tr("Peut être ressource sur"),
    ]


def kind_title(kind: ItemKind) -> str:
    return column_titles()[KIND_COLUMNS[kind]]
