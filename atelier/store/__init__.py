"""The .atelier file: the only code in Atelier that knows tables and SQL.

Durability: the database runs in WAL mode with ``synchronous=FULL``. In WAL mode,
NORMAL survives a crash of the process but may lose the last transactions on a
power cut or an OS crash, because the WAL is only synced at checkpoints. FULL
syncs the WAL at every commit, so an edit the window reports as saved survives a
laptop whose battery dies the next second. An edit is a human keystroke burst:
one fsync per edit costs a few milliseconds, which nobody can feel.
"""

from __future__ import annotations

from atelier.store.across import DirectoryPart
from atelier.store.base import StoreBase
from atelier.store.followup import FollowUpPart
from atelier.store.glossary import GlossaryPart, checked_glossary_entry
from atelier.store.grid import CellSnapshot, GridPart, ParticipantSnapshot
from atelier.store.lifecycle import FilePart, Header, check_header, merge_files
from atelier.store.matches import MatchesPart
from atelier.store.reimport import ReimportPart
from atelier.store.schema import SCHEMA_VERSION
from atelier.store.synthesis import SynthesisPart
from atelier.store.workshops import WorkshopSnapshot, WorkshopsPart, validate_workshop

__all__ = [
    "SCHEMA_VERSION",
    "CellSnapshot",
    "Header",
    "ParticipantSnapshot",
    "Store",
    "WorkshopSnapshot",
    "check_header",
    "checked_glossary_entry",
    "merge_files",
    "validate_workshop",
]


class Store(
    FilePart,
    WorkshopsPart,
    GridPart,
    MatchesPart,
    ReimportPart,
    SynthesisPart,
    GlossaryPart,
    FollowUpPart,
    DirectoryPart,
    StoreBase,
):
    """An open .atelier file. Every public method that changes data is one transaction.

    One object for its callers, its work split by subject as Anki's Collection hands work
    to its managers: the file's lifecycle (store/lifecycle.py), the workshops
    (store/workshops.py), the grid's participants and items (store/grid.py), the matches
    (store/matches.py), re-import (store/reimport.py), the minutes' synthesis
    (store/synthesis.py), the glossary (store/glossary.py), the follow-up
    (store/followup.py) and the directory across workshops (store/directory.py). Rows and
    records are converted in one place (store/rows.py).
    """
