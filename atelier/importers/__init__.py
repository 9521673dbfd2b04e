"""Import the grids facilitators already have (Word, Excel, CSV, HTML/text) into a new .atelier file."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from atelier.domain import (
    Item,
    ItemKind,
    KeptEdit,
    Participant,
    ReimportSummary,
    Workshop,
    grid_said,
    normalise_text,
)
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
from atelier.lazy import regex

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
    "NewWorkshops",
    "session_said",
    "people_counted",
    "reimport_counted",
    "sessions_listed",
    "other_workshop",
    "no_one_shared",
    "workshop_said",
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
    # The workshop's title when neither the grid nor the user gave one: the file's name
    # (« one » for « one.atelier »), said at import so that it can be changed ("" otherwise).
    title_from_name: str = ""
    # The grid's title as its heading wrote it, when the workshop is dated otherwise (--date)
    # and the title was kept without the heading's date (`heading_title`); "" otherwise.
    title_undated: str = ""


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
        participant.imported = grid_said(participant, items)  # for the next re-import to compare
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
    """Write a new .atelier file from a plan: whole, or not at all; a workshop for each one the
    document holds (`GridPlan.sessions`, each with its own title, date and place: a title,
    date or place given then is refused, it would be no one's). `progress(done, total)` is
    told after each participant written; an exception it raises leaves nothing written."""
    from atelier.store import Store

    destination = Path(target)
    found: dict[str, str] = {}
    stem = title_of_file(destination)
    first, *others = plan.parts()
    if others and (title or date or place):
        raise AtelierError("import.sessions_fields", sessions=sessions_listed(plan))
    total = len(plan.entries)

    given = (title or "").strip()
    heading = "" if given else heading_title(first.title, date).strip()

    def fill(store: Store) -> None:
        workshop = store.workshops()[0]
        if description or first.description:
            store.update_workshop(workshop.id, description=description or first.description)
        rows = entries_as_rows(first, workshop.id)
        store.add_grid(rows, (lambda done, _n: progress(done, total)) if progress is not None else None)
        found["workshop"] = workshop.id
        if others:
            made = [
                (_session_workshop(part, stem, organiser or plan.organiser, contact or plan.contact), part)
                for part in others
            ]
            store.add_workshops_with_grids(
                [(w, entries_as_rows(part, w.id)) for w, part in made],
                (lambda done, _n: progress(len(rows) + done, total)) if progress is not None else None,
            )

    with Store.create(
        destination,
        title=given or heading or stem,
        date=date or first.date,
        place=place or first.place,
        organiser=organiser or plan.organiser,
        contact=contact or plan.contact,
        force=force,
        fill=fill,
        inputs=[source] if source is not None else [],
    ):
        pass
    named = "" if given or heading else stem
    undated = first.title if not given and heading != first.title.strip() else ""
    return ImportResult(destination, found["workshop"], plan, named, undated)


def _session_workshop(part: GridPlan, stem: str, organiser: str, contact: str) -> Workshop:
    """The workshop of one session of a document holding several, as its heading gives it."""
    return Workshop(
        title=part.title.strip() or stem,
        date=part.date,
        place=part.place,
        organiser=organiser,
        contact=contact,
        description=part.description,
    )


def sessions_listed(plan: GridPlan) -> str:
    """The workshops of a document holding several, as one phrase: « « Atelier du 3 mars
    2023 — Langon » (3 mars 2023, Langon) et « Atelier du 7 juin 2023 » (7 juin 2023) »."""
    from atelier.french import join

    return join([session_said(part) for part in plan.parts()])


def session_said(part: GridPlan, *, participants: bool = False) -> str:
    """« « Atelier du 3 mars 2023 — Langon » (3 mars 2023, Langon) », with « : 1 participant »
    when asked."""
    from atelier.french import long_date
    from atelier.i18n import message

    details = ", ".join(d for d in (long_date(part.date), part.place) if d)
    said = message(
        "import.session" if details else "import.session_undated",
        title=part.title or message("workshop.untitled_session"),
        details=details,
    )
    if participants:
        said = message(
            "import.session_count",
            session=said,
            participants=people_counted(part.people(), len(part.entries), "n.participant"),
        )
    return said


def people_counted(people: int, rows: int, key: str, rows_key: str = "n.grid_row") -> str:
    """« 24 participants (22 lignes de la grille) »: the people a grid's rows name, as `atelier
    info`, the minutes and the window count them (a row may name two), the rows beside them
    when they differ; `key` the counted phrase (« n.participant », « n.participant_updated »),
    `rows_key` the rows' (« n.file_row »: rows of the file the grid does not have)."""
    from atelier.french import counted
    from atelier.i18n import message

    said = counted(people, key)
    return said if people == rows else message("info.people_rows", people=said, rows=counted(rows, rows_key))


def reimport_counted(done: ReimportSummary) -> dict[str, str]:
    """A re-import's counts, each in people with its rows beside it when they differ:
    « 24 participants mis à jour (22 lignes de la grille) », « 2 ajoutés (1 ligne de la
    grille) », « 3 absents de la grille conservés (2 lignes du fichier) »; as the command line
    and the window say them.
    « Mis à jour »: those whose fields or lines the re-import changed; the others are said
    found again unchanged (« 1 participant mis à jour, 2 retrouvés sans changement »)."""
    # « mis à jour » only of those the re-import changed; the others found again as they were
    if done.changed == done.updated:
        updated = people_counted(done.updated_people, done.updated, "n.participant_updated")
    elif not done.changed:
        updated = people_counted(done.updated_people, done.updated, "n.participant_unchanged")
    else:
        updated = ", ".join(
            (
                people_counted(done.changed_people, done.changed, "n.participant_updated"),
                people_counted(
                    done.updated_people - done.changed_people,
                    done.updated - done.changed,
                    "n.found_unchanged",
                ),
            )
        )
    return {
        "updated": updated,
        "added": people_counted(done.added_people, done.added, "n.added"),
        # rows of the file, not of the grid (typed or pasted in the window, or of an earlier grid)
        "absent": people_counted(done.absent_people, done.absent, "n.absent_kept", "n.file_row"),
    }


def _shown_stem(path: Path) -> str:
    """The file's name without extension, as text (bytes that are not UTF-8 shown as �)."""
    return path.stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# Spaces, line breaks and tabs in a file's name, one after the other: one space in a title.
_NAME_BREAKS = regex(r"[ \t\n\v\f\x85\u2028\u2029]+")
# A line break in a file's name, shown as the terminal's guard shows what it would obey.
_SHOWN_BREAKS = regex(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")


def title_of_file(path: Path) -> str:
    """A workshop's title taken from a file's name (« grille » for « grille.csv »): on one
    line, trimmed, its spaces single (« Atelier du   9 avril » is « Atelier du 9 avril »), as
    a title typed is kept (a name may hold a line break, a tab, a control character, spaces
    before its extension); the minutes' big title, the workshops list's line and the window's
    switcher each show one line."""
    return _NAME_BREAKS.sub(" ", normalise_text(_shown_stem(path))).strip()


# What says a date in a title, before it (« Atelier Mobilité du jeudi 16 mars 2150 »), and the
# marks around it (« Rencontre, 16/03/2150 », « Atelier (16 mars 2150) »).
_SAID_BEFORE_DATE = regex(
    r"(?:(?:^|\s+)(?:du|le|des|les|au|of|on|the))?"
    r"(?:(?:^|\s+)(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))?"
    r"[\s,:;(\[–—-]*$",
    re.IGNORECASE,
)
_MARKS_AFTER_DATE = regex(r"^[\s,:;)\]–—-]*")


def heading_title(title: str, date: str | None) -> str:
    """The title a grid's heading gives, when the workshop is dated otherwise (--date): without
    the heading's date, refused (a year outside FIRST_YEAR..LAST_YEAR) or another day
    (« Atelier Mobilité du 16 mars 2150 » or « … du 16 mars 2021 », dated 17/03/2021 →
    « Atelier Mobilité »), so that the title and the date printed under it, in the minutes,
    never disagree; as written when `date` is its day (or one of its days, « du 3 au 5 mars »);
    "" when the title was nothing but that date."""
    import datetime as dt

    from atelier.french import FIRST_YEAR, LAST_YEAR, date_written, days_written

    said = days_written(title) if date else None
    where = date_written(title)
    if said is None or where is None:
        return title
    try:
        given = dt.date.fromisoformat(date or "")
    except ValueError:  # a date typed that is none: refused when written, with its reason
        given = None
    first, last = said
    if FIRST_YEAR <= first.year <= LAST_YEAR and (given is None or first <= given <= last):
        return title
    before = _SAID_BEFORE_DATE.sub("", title[: where[0]]).rstrip()
    after = title[where[1] :]
    after = after.lstrip() if before else _MARKS_AFTER_DATE.sub("", after)
    if before and after and after[0] in ")]":
        after = _MARKS_AFTER_DATE.sub("", after)
        after = f" {after}" if after else ""
    elif before and after and after[0] not in ",;:":
        after = f" {after}"
    shorter = " ".join(f"{before}{after}".split())
    return shorter if before else shorter[:1].upper() + shorter[1:]


def title_redated(title: str, was: str | None, day: str | None) -> str | None:
    """The title of a workshop dated `day` instead of `was` (ISO dates), when the title says
    the day it was (« Atelier du 16 mars 2021 »): without it, as `heading_title` makes an
    import's, or the new day in words when the title was nothing but the date; None when the
    title may stay (it says no day, another day than the workshop's, or one of its days still)."""
    import datetime as dt

    from atelier.french import days_written, long_date

    said = days_written(title)
    if said is None or not was or not day:
        return None
    try:
        before, after = dt.date.fromisoformat(was), dt.date.fromisoformat(day)
    except ValueError:
        return None
    first, last = said
    if not first <= before <= last or first <= after <= last:
        return None
    return heading_title(title, day).strip() or long_date(day)


def shown_name(path: str | os.PathLike[str]) -> str:
    """The file's name with its extension (« grille.csv »), as text on one line: bytes that
    are not UTF-8 and a line break each shown as « � », as atelier.terminal shows what a
    terminal would obey (« ate�lier.atelier »: the sentence that names it stays one line)."""
    name = Path(path).name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _SHOWN_BREAKS.sub("\ufffd", name)


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


def other_workshop(plan: GridPlan, workshop: Workshop) -> bool:
    """Whether a grid's heading names another workshop than `workshop`: another date when
    both are dated, else another title when both have one (case, accents and punctuation
    aside). A grid whose heading says neither is taken for this workshop's."""
    if plan.date and workshop.date:
        return plan.date != workshop.date
    import re

    from atelier.french import fold

    def words(title: str) -> list[str]:
        return re.findall(r"\w+", fold(title))

    return bool(words(plan.title) and words(workshop.title)) and words(plan.title) != words(workshop.title)


def lines_by_person(lines: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """(participant, text) pairs of a re-import's summary, each participant once, in the order
    met, with their lines: « 2 lignes … pour Paul Durand : « a » et « b » »."""
    grouped: dict[str, list[str]] = {}
    for who, text in lines:
        grouped.setdefault(who, []).append(text)
    return list(grouped.items())


def kept_edit_said(edit: KeptEdit) -> dict[str, str]:
    """An edit of the window kept over the grid imported again, as the re-import's report says
    it: the participant, the field or the line's kind, the value kept and the grid's, quoted."""
    from atelier.i18n import message

    def quoted(text: str) -> str:
        return message("import.edited_value", text=text) if text.strip() else message("import.edited_empty")

    return {
        "who": edit.who,
        "what": message(f"import.edited.{edit.what}"),
        "kept": message("import.edited_deleted") if edit.deleted else quoted(edit.kept),
        "grid": message("import.edited_dropped") if edit.dropped else quoted(edit.grid),
    }


def workshop_said(title: str, date: str) -> str:
    """« l'atelier « Atelier du 14 septembre 2021 — Langon » (14 septembre 2021) », « un
    atelier du 14 septembre 2021 » when it has no title."""
    from atelier.french import long_date
    from atelier.i18n import message

    day = long_date(date) or message("import.other.undated")
    if title.strip():
        return message("import.other.named", title=title.strip(), date=day)
    return message("import.other.unnamed", date=day)


def no_one_shared(
    store: Store,
    plan: GridPlan,
    workshop: Workshop,
    *,
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
) -> None:
    """Refused (AtelierError), nothing written, when the grid has none of the participants of
    a workshop that has some: another workshop's grid, most often an Excel or CSV grid with no
    heading to tell (`other_workshop`). Imported, its people would be listed in this workshop's
    minutes as if they had come. A first import into an empty workshop is never refused."""
    from atelier.domain import people_of
    from atelier.french import counted

    ours = store.participants(workshop.id)
    rows = entries_as_rows(plan, workshop.id)
    if not ours or not rows or store.shares_someone(workshop.id, rows):
        return
    raise AtelierError(
        "import.no_one_shared",
        grid=source,
        ours=workshop_said(workshop.title, workshop.date or ""),
        path=target,
        theirs_count=counted(sum(people_of(p) for p, _items in rows), "n.participant"),
        ours_count=counted(sum(people_of(p) for p in ours), "n.participant"),
    )


def reimport_grid(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    workshop_id: str | None = None,
    columns: str | None = None,
    explainer: Callable[[Store], Explain] | None = None,
    same_people: Callable[[Participant, Participant], bool] | None = None,
    merge_anyway: bool = False,
) -> tuple[GridPlan, ReimportSummary]:
    """Import a grid again into an existing file: decisions on unchanged lines survive.
    `explainer(store)`: how the store explains anew a decided match on a line the grid retyped
    (atelier.matching.explainer, given by the caller: importing does not match).
    A document holding several workshops brings each into the workshop of the file with its
    title and date (`--workshop`: that one only); refused, the file untouched, when one of them
    is not in the file (`--new-workshop` adds it). A grid whose heading names another workshop
    (another date, or another title: `other_workshop`), or that has none of the workshop's
    participants (`no_one_shared`), is refused, the file untouched, when the workshop has
    participants: its people would be mixed with this workshop's, unless `merge_anyway`
    (--merge-anyway)."""
    from atelier.store import Store

    plan = plan_file(source, columns=columns)
    with Store.open_to_write(target) as store:
        workshops = store.workshops()
        if plan.sessions:
            grids = sessions_in_file(store, plan, target, workshop_id)
        else:
            if workshop_id is None:
                if len(workshops) != 1:
                    from atelier.store.workshops import which_one

                    raise which_one(workshops, str(target), importing=True)
                workshop_id = workshops[0].id
            else:
                workshop_id = store.find_workshop(workshop_id).id
            workshop = store.workshop(workshop_id)
            if not merge_anyway and other_workshop(plan, workshop) and store.participants(workshop_id):
                raise AtelierError(
                    "import.other_workshop",
                    grid=source,
                    theirs=workshop_said(plan.title, plan.date or ""),
                    ours=workshop_said(workshop.title, workshop.date or ""),
                    path=target,
                )
            if not merge_anyway:
                no_one_shared(store, plan, workshop, source=source, target=target)
            grids = [(workshop_id, plan)]
        # A re-import deletes the lines the grid no longer has: the file as it was is kept
        # among its backups first, as the window's is when it opens it (atelier.backups).
        from atelier.backups import backups_of, make_backup, roll_backups

        there = {b.path for b in backups_of(store.path)}
        # no older copy deleted yet: a re-import that changes nothing takes no copy's place
        backup = make_backup(store, "import", keep=None)
        if backup is None:  # as deleting or joining workshops: never without the way back
            raise AtelierError("import.no_backup")
        explain = explainer(store) if explainer is not None else None
        done = store.reimport_grids(
            [(w, entries_as_rows(part, w)) for w, part in grids], explain=explain, same_people=same_people
        )
        summary = ReimportSummary()
        for (workshop_id, _part), one in zip(grids, done, strict=True):
            summary.added += one.added
            summary.updated += one.updated
            summary.absent += one.absent
            summary.added_people += one.added_people
            summary.updated_people += one.updated_people
            summary.absent_people += one.absent_people
            summary.kept_items += one.kept_items
            summary.removed.extend(one.removed)
            if len(grids) > 1:  # Anne Martin of 3 March is not the one of 7 June: each line's workshop
                workshop = store.workshop(workshop_id)
                summary.removed_from.extend([(workshop.title, workshop.date or "")] * len(one.removed))
            summary.retyped.extend(one.retyped)
            summary.kept_unlisted.extend(one.kept_unlisted)
            summary.renamed.extend(one.renamed)
            summary.unsure.extend(one.unsure)
            summary.renamed_since.extend(one.renamed_since)
            summary.kept_edits += one.kept_edits
            summary.kept_typed += one.kept_typed
            summary.deleted_kept.extend(one.deleted_kept)
            summary.added_unknown.extend(one.added_unknown)
            summary.changed += one.changed
            summary.changed_people += one.changed_people
            summary.written = summary.written or one.written
            if len(grids) > 1:  # Anne Martin of 3 March is not the one of 7 June: her workshop said
                from dataclasses import replace

                from atelier.i18n import message

                workshop = store.workshop(workshop_id)
                where = workshop_said(workshop.title, workshop.date or "")
                summary.kept_over_grid.extend(
                    replace(edit, who=message("import.who_in_workshop", who=edit.who, workshop=where))
                    for edit in one.kept_over_grid
                )
                summary.names_taken.extend(
                    (message("import.who_in_workshop", who=who, workshop=where), before, now)
                    for who, before, now in one.names_taken
                )
            else:
                summary.kept_over_grid.extend(one.kept_over_grid)
                summary.names_taken.extend(one.names_taken)
        if summary.written:
            roll_backups(store.path)
            summary.backup = str(backup.path)
        elif backup.path not in there:  # the file as it was: its copy made for nothing, gone
            with contextlib.suppress(OSError):
                backup.path.unlink()
    return plan, summary


def sessions_in_file(
    store: Store, plan: GridPlan, target: str | os.PathLike[str], workshop_id: str | None = None
) -> list[tuple[str, GridPlan]]:
    """Each workshop of a document holding several, with the workshop of the file that has its
    title and date (only the one of `workshop_id`, when given); refused when one is missing."""
    parts = plan.parts()
    found = [(part, store.same_workshop(part.title, part.date)) for part in parts]
    if workshop_id is not None:
        wanted = store.find_workshop(workshop_id).id
        chosen = [(w.id, part) for part, w in found if w is not None and w.id == wanted]
        if not chosen:
            raise AtelierError(
                "import.sessions_not_this_workshop",
                path=target,
                count=len(parts),
                sessions=sessions_listed(plan),
            )
        return chosen
    missing = [part for part, w in found if w is None]
    if missing:
        from atelier.french import join

        raise AtelierError(
            "import.sessions_missing",
            path=target,
            count=len(parts),
            sessions=sessions_listed(plan),
            missing=join([session_said(part) for part in missing]),
        )
    return [(w.id, part) for part, w in found if w is not None]


@dataclass(slots=True)
class NewWorkshops:
    """What `import_as_new_workshop` did: the workshops added, those of the document the file
    held already (left as they were), and who stays out of the directory (`kept_out_again`)."""

    plan: GridPlan
    added: list[tuple[Workshop, GridPlan]]
    already: list[tuple[Workshop, GridPlan]]
    kept: list[tuple[str, str]]
    # The ids of the workshops added whose title neither the grid nor the user gave: the
    # grid file's name (« grille » for « grille.csv »), said as `ImportResult.title_from_name`.
    title_from_name: list[str] = field(default_factory=list)
    # The workshops added whose title was kept without the heading's date (`heading_title`):
    # their id, and the title as the heading wrote it.
    title_undated: dict[str, str] = field(default_factory=dict)


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
) -> NewWorkshops:
    """Add a grid to an existing file as a new workshop (a past grid into the directory),
    in one transaction: the file gains the whole workshop or nothing. A document holding
    several workshops adds each the file does not hold yet (by title and date), all in one
    transaction; refused when it holds them all."""
    from atelier.store import Store

    plan = plan_file(source, columns=columns)
    stem = title_of_file(Path(source))
    parts = plan.parts()
    if len(parts) > 1 and (title or date or place):
        raise AtelierError("import.sessions_fields", sessions=sessions_listed(plan))
    with Store.open_to_write(target) as store:
        planned = [
            (
                Workshop(
                    title=(title or "").strip() or heading_title(part.title, date).strip() or stem,
                    date=date or part.date,
                    place=place or part.place,
                    organiser=organiser or plan.organiser,
                    contact=contact or plan.contact,
                    description=part.description or "",
                ),
                part,
            )
            for part in parts
        ]
        there = [store.same_workshop(w.title, w.date) for w, _part in planned]
        if len(parts) > 1 and all(t is not None for t in there):
            raise AtelierError(
                "import.sessions_all_there", path=target, count=len(parts), sessions=sessions_listed(plan)
            )
        if all(t is not None for t in there):  # the same grid run twice: the directory would list it twice
            from atelier.french import long_date
            from atelier.i18n import message

            first = there[0]
            assert first is not None
            raise AtelierError(
                "workshop.already_there",
                path=target,
                title=first.title,
                date=(
                    message("workshop.of_date", date=long_date(first.date))
                    if first.date
                    else message("workshop.undated")
                ),
                id=first.id[:8],
            )
        added = [(w, part) for (w, part), t in zip(planned, there, strict=True) if t is None]
        already = [(t, part) for (_w, part), t in zip(planned, there, strict=True) if t is not None]
        grids = [(w, entries_as_rows(part, w.id)) for w, part in added]
        kept = (
            [k for _w, rows in grids for k in kept_out_again(store, rows, same_people)] if same_people else []
        )
        store.add_workshops_with_grids(grids)
    given = (title or "").strip()
    named = [w.id for w, part in added if not given and not heading_title(part.title, date).strip()]
    undated = {
        w.id: part.title
        for w, part in added
        if not given and heading_title(part.title, date).strip() != part.title.strip()
    }
    return NewWorkshops(plan, added, already, kept, named, undated)


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
