"""Import the grids facilitators already have (Word, Excel, CSV, HTML/text) into a new .atelier file."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from atelier.domain import Item, ItemKind, Participant, ReimportSummary, Workshop
from atelier.errors import AtelierError, FileRefused
from atelier.importers.grid import (
    CONTACT,
    FIRST_NAME,
    IGNORE,
    PARTICIPANT,
    ROLE,
    STRUCTURE,
    TERRITORY,
    GridPlan,
    RawRow,
    RawTable,
    find_header,
    plan_grid,
)
from atelier.importers.readers import SUPPORTED, read_pasted, read_table
from atelier.importers.safety import ImportRefused

if TYPE_CHECKING:
    from atelier.store import Store
    from atelier.store.matches import Explain

__all__ = [
    "SUPPORTED",
    "GridPlan",
    "ImportRefused",
    "ImportResult",
    "RawTable",
    "import_grid",
    "reimport_grid",
    "import_as_new_workshop",
    "kept_out_again",
    "plan_file",
    "plan_table",
    "plan_pasted",
    "write_plan",
    "CONTACT",
    "FIRST_NAME",
    "IGNORE",
    "PARTICIPANT",
    "ROLE",
    "STRUCTURE",
    "TERRITORY",
]


@dataclass(slots=True)
class ImportResult:
    path: Path
    workshop_id: str
    plan: GridPlan


def plan_table(table: RawTable, *, columns: str | None = None, path: str = "") -> GridPlan:
    return plan_grid(table, columns=columns, path=path)


# The grid's columns in its order, as a header over rows pasted without theirs: the import
# reads them as the rows of a grid whose columns are the window's.
GRID_HEADERS = [
    "Participant",
    "Actions engagées",
    "Défis",
    "Besoins de ressources",
    "Peut être ressource sur",
]


def plan_pasted(text: str) -> GridPlan | None:
    """Rows pasted into the grid, read as the import reads a grid: with the header row they
    were copied with, or, without one, as rows of the window's five columns in its order
    (the participant first). None if they are neither (a row of a few cells, wider rows):
    no one can say which column is what. Raises AtelierError as the import does."""
    from atelier.importers.cells import clean

    table = read_pasted(text)
    rows = [r for r in table.rows if any(clean(c) for c in r.cells)]
    if not rows:
        return None
    if find_header(rows) is None:
        widths = {len(r.cells) for r in rows}
        if max(widths) != len(GRID_HEADERS):
            return None
        table.rows.insert(0, RawRow(0, list(GRID_HEADERS)))
    return plan_grid(table)


def plan_file(path: str | os.PathLike[str], *, columns: str | None = None) -> GridPlan:
    """Read and understand a grid without writing anything (the window's preview)."""
    source = Path(path)
    table = read_table(source)
    return plan_grid(table, columns=columns, path=str(source))


def entries_as_rows(plan: GridPlan, workshop_id: str) -> list[tuple[Participant, list[Item]]]:
    rows = []
    for entry in plan.entries:
        parsed = entry.parsed
        participant = Participant(
            workshop_id,
            names=parsed.names,
            organisation=parsed.organisation,
            territory=parsed.territory,
            role=parsed.role,
            contact=parsed.contact,
            source_text=parsed.source_text,
            source_cells=dict(entry.cells),
        )
        items = [
            Item(participant.id, ItemKind(kind), text)
            for kind in (k.value for k in ItemKind)
            for text in entry.items.get(kind, [])
        ]
        rows.append((participant, items))
    return rows


def write_plan(
    plan: GridPlan,
    target: str | os.PathLike[str],
    *,
    title: str | None = None,
    date: str | None = None,
    place: str = "",
    description: str = "",
    organiser: str = "",
    contact: str = "",
    force: bool = False,
    source: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Write a new .atelier file from a plan: whole, or not at all. `progress(done, total)`
    is told after each participant written; an exception it raises leaves nothing written."""
    from atelier.store import Store

    destination = Path(target)
    found: dict[str, str] = {}

    def fill(store: Store) -> None:
        workshop = store.workshops()[0]
        if description or plan.description:
            store.update_workshop(workshop.id, description=description or plan.description)
        store.add_grid(entries_as_rows(plan, workshop.id), progress)
        found["workshop"] = workshop.id

    stem = _shown_stem(destination)
    with Store.create(
        destination,
        title=(title or plan.title or stem).strip() or stem,
        date=date or plan.date,
        place=place or plan.place,
        organiser=organiser or plan.organiser,
        contact=contact or plan.contact,
        force=force,
        fill=fill,
        inputs=[source] if source is not None else [],
    ):
        pass
    return ImportResult(destination, found["workshop"], plan)


def _shown_stem(path: Path) -> str:
    """The file's name without extension, as text (bytes that are not UTF-8 shown as �)."""
    return path.stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def import_grid(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    title: str | None = None,
    date: str | None = None,
    place: str = "",
    organiser: str = "",
    contact: str = "",
    columns: str | None = None,
    force: bool = False,
) -> ImportResult:
    from atelier.store.files import check_output_name

    destination = Path(target)
    source_path = Path(source)
    check_output_name(destination)  # a missing folder or a folder named like the file: said first
    if os.path.lexists(destination) and not force:  # a dangling link too
        raise FileRefused("file.exists", path=destination)
    with contextlib.suppress(OSError):
        if destination.exists() and destination.samefile(source_path):
            raise FileRefused("file.is_input", path=destination)
    plan = plan_file(source_path, columns=columns)
    return write_plan(
        plan,
        destination,
        title=title,
        date=date,
        place=place,
        organiser=organiser,
        contact=contact,
        force=force,
        source=source_path,
    )


def reimport_grid(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    workshop_id: str | None = None,
    columns: str | None = None,
    explainer: Callable[[Store], Explain] | None = None,
    same_people: Callable[[Participant, Participant], bool] | None = None,
) -> tuple[GridPlan, ReimportSummary]:
    """Import a grid again into an existing file: decisions on unchanged lines survive.
    `explainer(store)`: how the store explains anew a decided match on a line the grid retyped
    (atelier.matching.explainer, given by the caller: importing does not match)."""
    from atelier.store import Store

    plan = plan_file(source, columns=columns)
    with Store.open_to_write(target) as store:
        workshops = store.workshops()
        if workshop_id is None:
            if len(workshops) != 1:
                raise AtelierError("workshop.which", count=len(workshops))
            workshop_id = workshops[0].id
        else:
            workshop_id = store.find_workshop(workshop_id).id
        # A re-import deletes the lines the grid no longer has: the file as it was is kept
        # among its backups first, as the window's is when it opens it (atelier.backups).
        from atelier.backups import make_backup

        backup = make_backup(store, "import")
        explain = explainer(store) if explainer is not None else None
        summary = store.reimport_grid(
            workshop_id, entries_as_rows(plan, workshop_id), explain=explain, same_people=same_people
        )
        summary.backup = str(backup.path) if backup is not None else ""
    return plan, summary


def import_as_new_workshop(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    title: str | None = None,
    date: str | None = None,
    place: str = "",
    organiser: str = "",
    contact: str = "",
    columns: str | None = None,
    same_people: Callable[[Participant, Participant], bool] | None = None,
) -> tuple[GridPlan, Workshop, list[tuple[str, str]]]:
    """Add a grid to an existing file as a new workshop (a past grid into the directory),
    in one transaction: the file gains the whole workshop or nothing. Also returns who stays
    out of the directory as they asked at another workshop (`kept_out_again`)."""
    from atelier.store import Store

    plan = plan_file(source, columns=columns)
    with Store.open_to_write(target) as store:
        workshop = Workshop(
            title=(title or plan.title or Path(source).stem).strip() or Path(source).stem,
            date=date or plan.date,
            place=place or plan.place,
            organiser=organiser or plan.organiser,
            contact=contact or plan.contact,
            description=plan.description or "",
        )
        there = store.same_workshop(workshop.title, workshop.date)
        if there is not None:  # the same grid run twice: the directory would list it twice
            from atelier.french import long_date
            from atelier.i18n import message

            raise AtelierError(
                "workshop.already_there",
                path=target,
                title=there.title,
                date=(
                    message("workshop.of_date", date=long_date(there.date))
                    if there.date
                    else message("workshop.undated")
                ),
                id=there.id[:8],
            )
        rows = entries_as_rows(plan, workshop.id)
        kept = kept_out_again(store, rows, same_people) if same_people is not None else []
        store.add_workshop_with_grid(workshop, rows)
    return plan, workshop, kept


def kept_out_again(
    store: Store,
    rows: Sequence[tuple[Participant, Sequence[Item]]],
    same_people: Callable[[Participant, Participant], bool],
) -> list[tuple[str, str]]:
    """Rows of a new workshop that name someone who asked, at another workshop of the file,
    not to be published in the directory (participants.unlisted): their opt-out stands (a new
    workshop is no new consent; the card's box lets the facilitator publish them if they now
    agree). Marks those rows and returns (name now, name in the file) for each."""
    withdrawn = [p for w in store.workshops() for p in store.participants(w.id) if p.unlisted]
    kept: list[tuple[str, str]] = []
    for participant, _items in rows:
        was = next((p for p in withdrawn if same_people(participant, p)), None)
        if was is not None and not participant.unlisted:
            participant.unlisted = True
            kept.append(
                (participant.people() or participant.display_name(), was.people() or was.display_name())
            )
    return kept
