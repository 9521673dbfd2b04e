"""`atelier` on one workshop file: open it in the window, make it, import a grid into it, say
what it holds, match it, export it, merge two captures of it."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from atelier.cli.options import (
    EXIT_OK,
    FILE,
    FORCE,
    JSON,
    QUIT_AFTER_SHOW,
    TITLE,
    WORKSHOP,
    WORKSHOP_FIELDS,
    OneOf,
    arg,
    command,
    format_on_disk,
    print_json,
    say,
    say_upgraded,
    title_given,
    workshop_fields,
    writable,
)
from atelier.errors import AtelierError, BadOptionValue, UsageError
from atelier.french import counted, shorten
from atelier.i18n import message

# ------------------------------------------------------------------ window


def run_window(
    path: Path | None, *, quit_after_show: bool, store: Any = None, example_asked: bool = False
) -> int:
    from atelier.syslibs import qt_problem

    problem = qt_problem()  # before Qt, which would abort with an English message
    if problem:
        key, params = problem
        raise AtelierError(key, **params)
    try:
        from atelier.ui.app import run
    except ImportError as exc:
        raise AtelierError("cli.no_display", detail=str(exc)) from None
    return run(path, quit_after_show=quit_after_show, store=store, example_asked=example_asked)


# Optional: the menu entry (packaging/linux/atelier.desktop) runs `atelier open %f`, and a
# launcher started without a file removes `%f`: then the window on the last file, as `atelier`.
OPENED = arg("file", nargs="?", metavar="FICHIER", help="cli.help.open_file")


@command("open", "cli.help.open", OPENED, QUIT_AFTER_SHOW)
def open_file(args: argparse.Namespace) -> int:
    if args.file is None:
        return run_window(None, quit_after_show=args.quit_after_show)
    from atelier.example import is_bundled_example

    if is_bundled_example(Path(args.file)):  # never written: its working copy, as `atelier example`
        return _open_example(quit_after_show=args.quit_after_show, asked=True)
    return _open_in_window(Path(args.file), quit_after_show=args.quit_after_show)


def _open_in_window(path: Path, *, quit_after_show: bool, then: str = "", example_asked: bool = False) -> int:
    """The window on `path`. Opened here, before Qt, and checked whole (header, tables,
    integrity, text): a damaged file gets one clear line in the terminal (and `then`, what to
    do about it, on the next) rather than a message box left waiting under --quit-after-show.
    The pages, indexes and values are read in a thread while Qt starts (half a second for
    100 MB); the window is shown only once that check has passed (ui/app.run), and nothing
    written before."""
    from atelier.store import Store

    try:
        store = Store.open(path, lock=True, check_later=True, migrate_later=True)
        try:
            return run_window(None, quit_after_show=quit_after_show, store=store, example_asked=example_asked)
        finally:
            store.close()  # the window closed it already; not when Qt could not start
    except AtelierError as exc:
        if then and exc.key in DAMAGED:
            exc = _AndThen(exc, then)
        if not quit_after_show and not _in_a_terminal():
            _say_in_a_window(exc)  # opened from the file manager (atelier.desktop) or the bundle
        raise exc from None


# What a file may be said to be when it is refused: not one of Atelier's, or damaged (a file
# another window has open, or made by a newer Atelier, is neither).
DAMAGED = frozenset(
    {
        "file.not_atelier",
        "file.grid_not_atelier",
        "file.empty",
        "file.empty_backup",
        "file.corrupt",
        "file.corrupt_backup",
        "file.no_tables",
        "file.foreign_schema",
        "file.missing_schema",
    }
)


class _AndThen(AtelierError):
    """A refusal, and on the line after it what to do about it."""

    def __init__(self, refusal: AtelierError, then: str) -> None:
        self.refusal, self.then = refusal, then
        super().__init__(refusal.key, **refusal.params)

    def user_message(self) -> str:
        return self.refusal.user_message() + "\n" + message(self.then)


def _in_a_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (ValueError, OSError):  # closed
        return False


def _say_in_a_window(exc: AtelierError) -> None:
    """The refusal in a message box too, when Qt can show one: a file opened from the file
    manager (packaging/linux/atelier.desktop) or the Windows bundle has no terminal to say it."""
    from atelier.syslibs import qt_problem

    if exc.key.startswith("cli.") or qt_problem():
        return  # Qt itself cannot start (no screen, missing libraries): the error stream only
    try:
        from atelier.ui.app import say_refusal
    except ImportError:
        return
    say_refusal(exc)


@command("example", "cli.help.example", QUIT_AFTER_SHOW)
def example(args: argparse.Namespace) -> int:
    return _open_example(quit_after_show=args.quit_after_show)


def _open_example(*, quit_after_show: bool, asked: bool = False) -> int:
    """The window on the example's working copy (made the first time), saying where it is;
    `asked`: the shipped example was asked for by its path, which the window says too."""
    from atelier.example import example_copy_path, example_working_copy

    made = not example_copy_path().exists()
    copy = example_working_copy()
    say("example.copied" if made else "example.reopened", path=copy)  # where the edits go
    # A copy damaged since (a disk full, a sync tool): refused as `open` refuses a file, and
    # how to get the example back.
    return _open_in_window(copy, quit_after_show=quit_after_show, then="example.damaged", example_asked=asked)


# ---------------------------------------------------------------- making


@command(
    "new",
    "cli.help.new",
    FILE,
    TITLE._replace(settings={**TITLE.settings, "required": True}),
    WORKSHOP_FIELDS[1:],
    FORCE,
)
def new(args: argparse.Namespace) -> int:
    from datetime import date

    from atelier.french import long_date
    from atelier.store import Store
    from atelier.store.files import workshop_target

    title_given(args.title)  # blank: a bad value, as an unreadable --date
    fields = workshop_fields(args)
    # Today's (the local day), as the window's new file: a workshop is made the day it is held.
    fields["date"] = fields["date"] or date.today().isoformat()
    args.file = str(workshop_target(args.file))  # « atelier-jeudi » is « atelier-jeudi.atelier »
    Store.create(args.file, **fields, force=args.force).close()
    say("cli.created", path=args.file, title=fields["title"], date=long_date(fields["date"]))
    _say_kept(args.file)
    return EXIT_OK


def _say_kept(path: str, *, to_stderr: bool = False) -> None:
    """Where the workshop file `--force` replaced is kept (atelier.backups), to restore it."""
    from atelier.store.files import WRITES

    if WRITES.kept is not None:
        say("file.replaced_kept", to_stderr=to_stderr, name=Path(path).name, backup=WRITES.kept)


@command(
    "import",
    "cli.help.import",
    arg("grid", metavar="GRILLE"),
    OneOf(
        (
            arg("-o", "--output", metavar="FICHIER.atelier", help="cli.help.import_output"),
            arg("--into", metavar="FICHIER.atelier", help="cli.help.import_into"),
        ),
        required=True,
    ),
    WORKSHOP,
    arg("--new-workshop", action="store_true", help="cli.help.import_new_workshop"),
    arg("--merge-anyway", action="store_true", help="cli.help.import_merge_anyway"),
    WORKSHOP_FIELDS,
    arg("--columns", metavar="CORRESPONDANCE", help="cli.help.import_columns"),
    FORCE,
)
def import_grid(args: argparse.Namespace) -> int:
    # A script's empty $TITLE or $COLUMNS: refused, never taken for the option left out.
    if args.title is not None:
        title_given(args.title)
    if args.columns is not None and not args.columns.replace(",", "").strip():
        raise BadOptionValue("import.bad_columns", value=args.columns)
    fields = workshop_fields(args)
    if args.new_workshop and not args.into:
        raise UsageError(message("cli.usage.new_workshop_into"))
    if args.merge_anyway and (not args.into or args.new_workshop):
        raise UsageError(message("cli.usage.merge_anyway_into"))
    if args.new_workshop and args.workshop:
        raise UsageError(message("cli.usage.new_workshop_or_workshop"))
    if args.workshop is not None and not args.into:
        raise UsageError(message("cli.usage.workshop_into"))
    if args.into and args.force:  # --into adds to the file given; nothing is replaced
        raise UsageError(message("cli.usage.force_output"))
    if args.into and not args.new_workshop and any(fields.values()):
        raise UsageError(message("cli.usage.fields_with_reimport"))
    if args.new_workshop:
        return _into_new_workshop(args, fields)
    if args.into:
        return _reimport(args)
    from atelier.importers import import_grid
    from atelier.store.files import workshop_target

    args.output = str(workshop_target(args.output))  # « -o sortie » writes « sortie.atelier »
    with _grid_date_said(fields):
        result = import_grid(args.grid, args.output, **fields, columns=args.columns, force=args.force)
    _print_plan(result.plan)
    _print_sessions(result.plan)
    if result.title_from_name:  # the minutes' big title: said, for the facilitator to change it
        _say_title_from_name(
            result.path, result.path, result.title_from_name, result.title_from_name, result.title_undated
        )
    elif result.title_undated:  # « … du 16 mars 2150 » dated otherwise: the title without that date
        from atelier.importers import heading_title

        written = heading_title(result.title_undated, fields["date"]).strip()
        _say_title_undated(result.path, result.title_undated, written, written)
    say("import.written", path=result.path)
    _say_kept(args.output)
    return EXIT_OK


@contextlib.contextmanager
def _grid_date_said(fields: dict[str, Any]) -> Iterator[None]:
    """A date of a year no workshop has, read from the grid (« Atelier du 16 mars 2150 »), is
    refused (store.check_year) saying that the grid gave it, and how to give the right one."""
    from atelier.errors import InvalidValue

    try:
        yield
    except InvalidValue as refused:
        if refused.key != "date.year_out_of_range" or fields.get("date"):
            raise
        raise AtelierError("import.grid_date_out_of_range", **refused.params) from None


def _say_title_from_name(
    path: str | os.PathLike[str], named: str | os.PathLike[str], title: str, workshop: str, undated: str = ""
) -> None:
    """« Titre repris du nom du fichier « grille.csv » : « grille » (la grille n'en donne pas) ;
    pour le changer : atelier ateliers F.atelier --rename WORKSHOP --title "…" »: `named` the
    file whose name the title is (the file written by `-o`, the grid added by `--new-workshop`),
    said by its name, which of the two the facilitator cannot guess."""
    import shlex

    from atelier.importers import shown_name

    command = message("import.title_command", path=shlex.quote(str(path)), title=shlex.quote(workshop))
    if undated:  # the heading was a date alone, which --date replaces
        say(
            "import.title_from_name_undated",
            file=shown_name(named),
            title=title,
            heading=undated,
            command=command,
        )
    else:
        say("import.title_from_name", file=shown_name(named), title=title, command=command)


def _say_title_undated(path: str | os.PathLike[str], heading: str, title: str, workshop: str) -> None:
    """« Titre repris de la grille sans la date que --date remplace : « Atelier Mobilité » (la
    grille dit « Atelier Mobilité du 16 mars 2150 ») ; pour le changer : … »: the title and
    the date printed under it in the minutes never disagree, and the facilitator knows why the
    title is not the heading's."""
    import shlex

    command = message("import.title_command", path=shlex.quote(str(path)), title=shlex.quote(workshop))
    say("import.title_undated", title=title, heading=heading, command=command)


def _into_new_workshop(args: argparse.Namespace, fields: dict[str, Any]) -> int:
    from atelier.french import long_date
    from atelier.importers import import_as_new_workshop

    before = format_on_disk(args.into)
    from atelier.matching.across import same_people_again

    with _grid_date_said(fields):
        done = import_as_new_workshop(
            args.grid, args.into, **fields, columns=args.columns, same_people=same_people_again
        )
    _print_plan(done.plan)
    if done.plan.sessions:  # a document of several workshops: each said, added or already there
        from atelier.importers import session_said

        say_counted(len(done.added), "n.session_imported")
        for _workshop, part in done.added:
            print(f"  {session_said(part, participants=True)}")
        for workshop, part in done.already:
            print("  " + message("import.session_already", session=session_said(part), id=workshop.id[:8]))
    for workshop, _part in done.added:
        undated = done.title_undated.get(workshop.id, "")
        if workshop.id in done.title_from_name:  # the grid's file name: said, as `import -o` says it
            # named by its id: the file may hold another workshop of that title
            _say_title_from_name(args.into, args.grid, workshop.title, workshop.id[:8], undated)
        elif undated:  # dated otherwise: the title without the heading's date
            _say_title_undated(args.into, undated, workshop.title, workshop.id[:8])
        date = f" ({long_date(workshop.date)})" if workshop.date else ""
        say("workshop.added", title=workshop.title, date=date, path=args.into, id=workshop.id[:8])
    for name, was in done.kept:
        say("import.kept_unlisted", name=name, was=was)
    say_upgraded(args.into, before)
    return EXIT_OK


def _reimport(args: argparse.Namespace) -> int:
    from atelier.importers import reimport_grid
    from atelier.matching import explainer

    before = format_on_disk(args.into)
    from atelier.matching.across import same_people_again

    plan, done = reimport_grid(
        args.grid,
        args.into,
        workshop_id=args.workshop,
        columns=args.columns,
        explainer=explainer,
        same_people=same_people_again,
        merge_anyway=args.merge_anyway,
    )
    _print_plan(plan)
    if plan.sessions:
        from atelier.importers import sessions_listed

        say("import.sessions_reimported", sessions=sessions_listed(plan))
    from atelier.importers import reimport_counted

    counts = reimport_counted(done)
    say(
        "import.reimported",
        path=args.into,
        updated=counts["updated"],
        added=counts["added"],
        absent=counts["absent"],
        kept=counted(done.kept_items, "n.item_kept"),
    )
    if not done.written:  # as `ateliers --rename` with nothing to change: said, the file as it was
        say("import.reimport_unchanged", path=args.into)
    if done.deleted_kept:  # people deleted in the window (at their request?): not back, named
        from atelier.french import join

        say(
            "import.deleted_kept",
            count=counted(len(done.deleted_kept), "n.row_deleted_kept"),
            which=join(done.deleted_kept),
        )
    if done.removed:  # lines of the file the grid does not have (typed in the room?): said, each
        print(counted(len(done.removed), "n.item_removed"))
        if done.removed_from:  # a document of several workshops: each line's workshop said
            from atelier.importers import workshop_said

            for (who, text), (title, date) in zip(done.removed, done.removed_from, strict=True):
                say("import.removed_from", who=who, text=text, workshop=workshop_said(title, date))
        else:
            for who, text in done.removed:
                say("import.removed", who=who, text=text)
    if done.retyped:  # the decisions stand on texts changed since: said, each with its texts
        print(counted(len(done.retyped), "n.decided_retyped") + ".")
        for retyped in done.retyped:
            say(
                "import.retyped",
                need=retyped.need_who,
                resource=retyped.resource_who,
                before=retyped.before,
                now=retyped.now,
            )
    if done.kept_edits:  # the window's corrections the grid did not touch: kept, and said so
        print(counted(done.kept_edits, "n.edit_kept"))
    if done.kept_typed:  # lines the facilitator typed in the window, not in the grid: kept
        print(counted(done.kept_typed, "n.typed_kept"))
    from atelier.french import join, quoted
    from atelier.importers import lines_by_person

    for who, texts in lines_by_person(done.added_unknown):  # maybe deleted once: to be checked
        print(counted(len(texts), "n.added_unknown", who=who, which=join(quoted(t) for t in texts)))
    if done.kept_over_grid:  # the window's corrections the grid changed too: kept, each said
        from atelier.importers import kept_edit_said

        print(counted(len(done.kept_over_grid), "n.edit_kept_over_grid"))
        for edit in done.kept_over_grid:
            print(message("import.kept_over_grid", **kept_edit_said(edit)))
    if done.names_taken:  # names the grid respelled, never edited in the window: taken, each said
        print(counted(len(done.names_taken), "n.name_taken"))
        for who, was, now in done.names_taken:
            say("import.name_taken", who=who, before=was, now=now)
    for name, was in done.kept_unlisted:
        say("import.kept_unlisted", name=name, was=was)
    for grid, kept in done.renamed:
        say("import.renamed_kept", grid=grid, kept=kept)
    for grid, kept in done.renamed_since:
        say("import.renamed_since", grid=grid, kept=kept)
    for grid, other in done.unsure:
        say("import.added_beside", grid=grid, other=other)
    if done.backup:
        say("import.backup", backup=done.backup)
    say_upgraded(args.into, before)
    return EXIT_OK


def _print_plan(plan: Any) -> None:
    """The columns as read, the counts, and what the import had to say."""
    from atelier.importers.labels import both_kinds

    names = {index: message(f"kind.{kind}") for index, kind in plan.mapping.items()}
    for index, kind in plan.mapping.items():
        if kind in ("need", "offer") and index < len(plan.headers) and both_kinds(plan.headers[index]):
            names[index] = message("kind.need_and_offer")  # each line read by its label
    headers = [shorten(h, 50) for h in plan.headers]
    columns = ", ".join(
        message(
            "import.column" if index < len(headers) and headers[index].strip() else "import.column_untitled",
            number=index + 1,
            header=headers[index] if index < len(headers) else "",
            kind=names[index],
        )
        for index in sorted(names)
    )
    say("import.columns", columns=columns)
    if len(plan.header_rows) > 1:  # a header on two rows: which ones, for the user to check
        from atelier.french import join

        say("import.header_rows", lines=join(plan.header_rows))
    kinds: dict[str, Any] = {
        str(kind): counted(number, f"n.{kind}") for kind, number in plan.counts().items()
    }
    # People, as `atelier info` counts them: « 24 participants (22 lignes de la grille) ».
    people, rows = plan.people(), len(plan.entries)
    participants = counted(people, "n.participant")
    away = sum(1 for entry in plan.entries if entry.parsed.away)
    if away and people != rows:
        participants = message(
            "info.people_rows_away",
            people=participants,
            rows=counted(rows, "n.grid_row"),
            away=counted(away, "n.away"),
        )
    elif away:  # « 4 participants (dont 2 excusés ou absents) »: not all in the room
        participants = message("import.with_away", participants=participants, away=counted(away, "n.away"))
    else:
        from atelier.importers import people_counted

        participants = people_counted(people, rows, "n.participant")
    say("import.summary", participants=participants, **kinds)
    for warning in plan.warnings:
        say("import.warning", text=warning)


def say_counted(number: int, key: str) -> None:
    """« 2 ateliers importés : », a line of its own."""
    print(message("import.sessions_head", said=counted(number, key)))


def _print_sessions(plan: Any) -> None:
    """Each workshop of a document holding several, with its participants."""
    if plan.sessions:
        from atelier.importers import session_said

        say_counted(len(plan.sessions), "n.session_imported")
        for part in plan.parts():
            print(f"  {session_said(part, participants=True)}")


# ---------------------------------------------------------------- reading


@command("info", "cli.help.info", FILE)
def info(args: argparse.Namespace) -> int:
    from atelier.domain import FollowUp, MatchStatus
    from atelier.french import list_date
    from atelier.store import SCHEMA_VERSION, Store

    with Store.open(args.file, readonly=True) as store:
        summary = store.summary()
        version = store.file_format  # what is on disk, not the copy read in memory
        themself, followed = _decided_counts(store)
        away = sum(store.away_counts().values())
        several = len(summary.workshops) > 1
        different = summary.people
        if several:
            from atelier.matching.across import people_in_the_file

            different = people_in_the_file(store)
    if version < SCHEMA_VERSION:
        lines = [message("info.file_old", path=args.file, version=version, current=SCHEMA_VERSION)]
    else:
        lines = [message("info.file", path=args.file, version=version)]
    for workshop_id, title, date in summary.workshops:
        shown = f" ({list_date(date)})" if date else ""  # as `workshops` and `search` write it
        lines.append(message("info.workshop", title=title, date=shown, id=workshop_id))
    # « Participants : 5 (dont 1 excusé ou absent) »: the minutes count those in the room; and
    # people, as they do: « Participants : 24 (22 lignes de la grille) ».
    people = str(summary.people)
    if several and different != summary.people:
        # The same 24 people at three workshops are 72 participations, never 72 people: each
        # person once, as the directory finds them again at every workshop they came to. When
        # no one came twice (a second workshop still empty), the plain count is already true.
        people = message(
            "info.people_across",
            times=counted(summary.people, "n.participation"),
            workshops=len(summary.workshops),
            people=counted(different, "n.different_person"),
        )
    rows = counted(summary.participants, "n.grid_row") if summary.people != summary.participants else ""
    if away and rows:
        people = message("info.people_rows_away", people=people, rows=rows, away=counted(away, "n.away"))
    elif away:
        people = message("import.with_away", participants=people, away=counted(away, "n.away"))
    elif rows:
        people = message("info.people_rows", people=people, rows=rows)
    lines.append(message("info.participants", count=people))
    lines.append(message("info.items", **{str(k): counted(v, f"n.{k}") for k, v in summary.items.items()}))
    # Counted as the window, the minutes and `suivi` count them: a match older versions made of
    # a person with themself is no one's to follow up; said on its own line.
    matches = {k: v - themself.get(k, 0) for k, v in summary.matches.items()}
    # Decided (confirmed or added by hand), as the minutes and the Excel summary count them,
    # and where their follow-up stands: one followed up « sans suite » is no live match.
    manual = matches[MatchStatus.MANUAL]
    decided = counted(matches[MatchStatus.CONFIRMED] + manual, "n.match.decided")
    if manual:
        decided = message(
            "info.decided_by_hand", decided=decided, manual=counted(manual, "n.match.manual"), n=manual
        )
    lines.append(
        message(
            "info.matches",
            suggested=counted(matches[MatchStatus.SUGGESTED], "n.match.suggested"),
            decided=decided,
            rejected=counted(matches[MatchStatus.REJECTED], "n.match.rejected"),
        )
    )
    if sum(followed.values()):
        lines.append(
            message("info.follow_up", **{str(s): counted(followed[s], f"n.follow_up.{s}") for s in FollowUp})
        )
    if themself:
        lines.append(counted(sum(themself.values()), "n.info_with_themself"))
    # What the file keeps besides its grid, said so that nothing in it is a surprise.
    if summary.deletions:
        lines.append(message("info.deletions", count=summary.deletions))
    if summary.merges:
        lines.append(message("info.merges", merges=counted(summary.merges, "n.merge")))
    print("\n".join(lines))
    return EXIT_OK


def _decided_counts(store: Any) -> tuple[Counter[str], Counter[str]]:
    """The decided matches of the file that put a person in touch with themself, by status;
    and where the follow-up of the others stands, by state."""
    from atelier.domain import MatchStatus
    from atelier.matching.across import with_themself

    decided = [
        m
        for w in store.workshops()
        for status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL)
        for m in store.matches(w.id, status)
    ]
    found = with_themself(store, decided)
    themself = Counter(str(m.status) for m in decided if m.id in found)
    return themself, Counter(str(m.follow_up) for m in decided if m.id not in found)


@command(
    "match",
    "cli.help.match",
    FILE,
    WORKSHOP,
    arg("--top", type=int, default=5, metavar="N", help="cli.help.match_top"),
    JSON,
    arg("--save", action="store_true", help="cli.help.match_save"),
    arg("--across", action="store_true", help="cli.help.match_across"),
    arg("--lexical", action="store_true", help="cli.help.match_lexical"),
)
def match(args: argparse.Namespace) -> int:
    from atelier.matching import match_workshop, save_suggestions, suggestions_unchanged
    from atelier.matching.report import report_as_dict, report_as_text
    from atelier.matching.semantic import shared_vectors
    from atelier.store import Store

    if args.top < 1:
        raise UsageError(message("cli.usage.at_least_one", option="--top"))
    if args.save:
        # Refused before any suggestion is printed as if it were being saved: a file open in
        # another window, or read-only (checked again when writing: `writable` below).
        Store.check_writable(args.file)
    # Read first, write only what differs: a file whose suggestions are already these is
    # left as it is (an older format is not upgraded for nothing).
    with Store.open(args.file, readonly=True) as store:
        workshop_id = store.pick_workshop(args.workshop)
        vectors = None if args.lexical else shared_vectors()
        report = match_workshop(store, workshop_id, top=args.top, vectors=vectors, across=args.across)
        data = report_as_dict(store, report)
        unchanged = suggestions_unchanged(store, workshop_id, report.suggestions)
        file_format = store.file_format
    written = None
    if args.save and not unchanged:
        # Saved before anything is printed: a disk that is full (or a file that cannot be
        # written) is said in one sentence, with no list of suggestions above it that reads
        # as if they were kept.
        with writable(args.file, say_upgrade=False) as store:  # never under a window writing to it
            written = save_suggestions(store, workshop_id, report.suggestions)
    try:
        if args.json:
            print_json(data)
        else:
            sys.stdout.write(report_as_text(data))
    finally:  # the output failing (a full disk, a closed pipe) does not unsay the save
        if args.save and unchanged:
            # « contient déjà ces suggestions » of a file that holds none, and was given none, was untrue
            none = not any(report.suggestions.values())
            say("match.none_to_save" if none else "match.nothing_to_save", to_stderr=True, path=args.file)
        elif written is not None:
            say("match.saved", to_stderr=True, path=args.file, count=written)
            say_upgraded(args.file, file_format)
    return EXIT_OK


# ---------------------------------------------------------------- writing


@command(
    "export",
    "cli.help.export",
    FILE,
    WORKSHOP,
    OneOf(
        (
            arg("--json", metavar="SORTIE", help="cli.help.export_json"),
            # atelier/exports/formats.py: what each writes, and the one function that does
            arg("--xlsx", metavar="SORTIE.xlsx", help="cli.help.export_xlsx"),
            arg("--docx", metavar="SORTIE.docx", help="cli.help.export_docx"),
            arg("--fiches", metavar="SORTIE.docx", help="cli.help.export_fiches"),
        ),
        required=True,
    ),
    arg("--template", metavar="MODELE.docx", help="cli.help.export_template"),
    arg("--anonymise", "--anonymize", action="store_true", help="cli.help.export_anonymise"),
    FORCE,
)
def export(args: argparse.Namespace) -> int:
    if args.json is None:
        return _export_documents(args)
    from atelier.exports import check_suffix, check_target, write_text
    from atelier.jsonexport import file_as_json
    from atelier.store import Store

    if args.template:
        raise UsageError(message("cli.usage.template_word_only"))
    if args.anonymise:  # never the names written where they were asked not to be
        raise UsageError(message("cli.usage.anonymise_json"))
    if args.json == "-" and args.force:  # the standard output replaces no file
        raise UsageError(message("cli.usage.force_stdout"))
    if args.json != "-":
        from atelier.store.files import document_target

        args.json = str(document_target(args.json, ".json"))  # « --json sortie » is « sortie.json »
        # its input, any workshop file, an existing file without --force: refused
        check_target(Path(args.json), (Path(args.file),), replace=args.force, suffix=".json")
        check_suffix(Path(args.json), ".json")
    with Store.open(args.file, readonly=True) as store:
        text = file_as_json(store, store.find_workshop(args.workshop).id if args.workshop else None)
    if args.json == "-":
        sys.stdout.write(text)
        return EXIT_OK
    write_text(Path(args.json), text, replace=args.force)
    say("cli.exported", path=args.json)
    return EXIT_OK


def _export_documents(args: argparse.Namespace) -> int:
    from atelier.exports.formats import FORMATS, MATCHING, check_targets, export
    from atelier.store import Store
    from atelier.store.files import document_target

    asked = [name for name in FORMATS if getattr(args, name, None)]
    template = Path(args.template) if args.template else None
    if template is not None and not any(FORMATS[name].template for name in asked):
        raise UsageError(message("cli.usage.template_word_only"))
    if any(str(getattr(args, name)) == "-" for name in asked):  # never a file called « - »
        raise UsageError(message("cli.usage.stdout_json_only"))
    # « --docx cr » writes « cr.docx », which Word opens (said as written: « Exporté : cr.docx »).
    targets = {name: document_target(getattr(args, name), FORMATS[name].suffix) for name in asked}
    if args.anonymise and any(FORMATS[name].names_people for name in targets):
        raise UsageError(message("cli.usage.anonymise_fiches"))
    check_targets(Path(args.file), targets, template, replace=args.force)  # before any reading or matching
    with Store.open(args.file, readonly=True) as store:
        workshop_id = store.pick_workshop(args.workshop)

    def progress(_percent: int, step: str) -> None:
        if step == MATCHING and sys.stderr.isatty():  # for a person at a terminal; errors stay one line
            say("export.matching", to_stderr=True)

    notes: list[str] = []
    for path in export(
        Path(args.file),
        workshop_id,
        targets,
        anonymise=args.anonymise,
        template=template,
        progress=progress,
        notes=notes,
        replace=args.force,
    ):
        say("export.written", path=path)  # a result: stdout, as « Fichier créé »
    for note in notes:  # what the export had to change, also written in the export itself
        print(note, file=sys.stderr)
    return EXIT_OK


def _two_files(first: str, second: str) -> None:
    """One file given as both copies (twice, or under two names: « ./s.atelier », a link):
    refused in the command line's words (the window says « the file being completed »)."""
    from atelier.errors import FileRefused

    if first == second:
        raise FileRefused("merge.same_file_twice", path=first)
    with contextlib.suppress(OSError):
        if Path(first).samefile(second):
            raise FileRefused("merge.same_files", first=first, second=second)


@command(
    "merge",
    "cli.help.merge",
    arg("first", metavar="A"),
    arg("second", metavar="B"),
    arg("-o", "--output", required=True, metavar="C", help="cli.help.merge_output"),
    arg(
        "--same-workshop",
        "--meme-atelier",
        dest="same_workshop",
        action="store_true",
        help="cli.help.merge_same_workshop",
    ),
    FORCE,
    JSON._replace(help="cli.help.merge_json"),
)
def merge(args: argparse.Namespace) -> int:
    from atelier.store import merge_files
    from atelier.store.files import workshop_target

    args.output = str(workshop_target(args.output))  # « -o C » writes « C.atelier »
    _two_files(args.first, args.second)
    summary = merge_files(args.first, args.second, args.output, force=args.force, join=args.same_workshop)
    _say_kept(args.output, to_stderr=bool(args.json))
    if args.json:
        print_json({**summary.as_dict(), "joined": [j.as_dict() for j in summary.joined]})
        return EXIT_OK
    if summary.joined and not summary.shared.get("workshops"):
        # Two halves of one room, each captured in its own file, now one workshop: that is the
        # news (the counts of a merge of copies would say « 0 en commun »).
        say("merge.written", path=args.output)
        _say_joined(summary.joined)
        return EXIT_OK
    if summary.nothing_new:  # the same copy merged again: one sentence, no counts of nothing
        first, second = summary.names
        say("merge.nothing_new", path=args.output, second=second, first=first)
        return EXIT_OK
    say(
        "merge.summary",
        path=args.output,
        second=summary.names[1],
        added=_added_said(summary),
        removed=counted(sum(summary.removed.values()), "n.deletion_applied"),
        shared=counted(sum(summary.shared.values()), "n.in_common"),
        conflicts=counted(len(summary.conflicts), "n.conflict"),
        updates=counted(summary.updates, "n.field_updated"),
    )
    if summary.twin_workshops:  # each file captured half of one workshop: how to join them
        _say_twin_workshops(args.output, summary.twin_workshops)
    elif not summary.shared.get("workshops"):
        say("merge.no_common_workshop")
    future = summary.future_sentence(summary.names[1])
    if future:  # a copy whose clock was ahead: what it did not get, before the lines it lists
        print(future)
    for kept in summary.kept_deleted:
        say("merge.difference", text=kept.sentence())
    for removed in summary.removed_decisions:  # deleted knowing it: applied, and named
        say("merge.difference", text=removed.sentence())
    for twin in summary.twins:  # the same person typed on both computers?
        say("merge.difference", text=twin)
    for difference in summary.differences:
        say("merge.difference", text=difference.sentence())
    for filled in summary.filled_in:  # counted among the fields updated: named too
        say("merge.difference", text=filled.sentence())
    _say_joined(summary.joined)
    return EXIT_OK


def _say_joined(joined: list[Any]) -> None:
    for summary in joined:
        print(summary.sentence())
        for line in summary.details():
            say("merge.difference", text=line)


def _say_twin_workshops(path: str, pairs: list[tuple[str, str]]) -> None:
    """« Attention : les deux fichiers ont chacun un atelier « Atelier de Dax » du 12/11/2026… »,
    with the command that joins them, as it can be pasted in a terminal."""
    from atelier.french import list_date
    from atelier.i18n import command_line, current_language
    from atelier.store import Store

    with Store.open(path, readonly=True) as store:
        for first, second in pairs:
            workshop = store.workshop(first)
            join = "--join" if current_language() == "en" else "--reunir"
            command = command_line("workshops", path, join, first[:8], second[:8])
            date = f" ({list_date(workshop.date)})" if workshop.date else ""
            say("merge.twin_workshop", title=workshop.title, date=date, command=command)


def _added_said(summary: Any) -> str:
    """« 2 entrées ajoutées », and « et 42 suggestions calculées par Atelier » when the copy
    holds suggestions its matcher made: no one added those."""
    from atelier.i18n import message

    added = counted(sum(summary.added.values()), "n.entry_added")
    if not summary.suggestions_added:
        return added
    return message(
        "merge.added_and_suggestions",
        added=added,
        suggestions=counted(summary.suggestions_added, "n.suggestion_computed"),
    )
