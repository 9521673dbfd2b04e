"""The `atelier` command line: French messages, one line on stderr, exit 1 on failure, 2 on misuse."""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from atelier import __version__
from atelier.errors import AtelierError, InvalidValue, UsageError
from atelier.i18n import current_language, message

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

# argparse speaks English; these are the messages a facilitator can meet.
_ARGPARSE_FR = [
    (r"the following arguments are required: (.*)", "arguments manquants : {0}"),
    (r"unrecognized arguments: (.*)", "arguments inconnus : {0}"),
    (r"argument (\S+): invalid choice: (.*)", "argument {0} : choix invalide : {1}"),
    (r"argument (\S+): expected one argument", "l'argument {0} attend une valeur"),
    (r"argument (\S+): invalid (\w+) value: (.*)", "argument {0} : valeur invalide {2}"),
    (r"argument (\S+): not allowed with argument (.*)", "{0} ne peut pas aller avec {1}"),
    (r"one of the arguments (.*) is required", "un de ces arguments est requis : {0}"),
    (r"ambiguous option: (.*)", "option ambiguë : {0}"),
]


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments" if current_language() == "fr" else "arguments"
        self._optionals.title = "options"
        self.add_argument(
            "-h",
            "--help",
            action="help",
            help="affiche cette aide" if current_language() == "fr" else "show this help",
        )

    def error(self, message: str) -> NoReturn:
        if current_language() == "fr":
            for pattern, french in _ARGPARSE_FR:
                found = re.fullmatch(pattern, message)
                if found:
                    message = french.format(*found.groups())
                    break
        raise UsageError(message)

    def format_usage(self) -> str:
        text = super().format_usage()
        return text.replace("usage:", "utilisation :", 1) if current_language() == "fr" else text

    def format_help(self) -> str:
        text = super().format_help()
        return text.replace("usage:", "utilisation :", 1) if current_language() == "fr" else text


def _t(fr: str, en: str) -> str:
    return fr if current_language() == "fr" else en


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="atelier",
        description=_t(
            "Atelier : saisir, croiser et partager les grilles des ateliers territoriaux.",
            "Atelier: capture, match and share the grids of territorial workshops.",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"atelier {__version__}",
        help=_t("affiche la version", "show the version"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_Parser)

    p = commands.add_parser("open", help=_t("ouvre un fichier dans la fenêtre", "open a file"))
    p.add_argument("file", metavar="FICHIER")
    _add_quit_after_show(p)

    p = commands.add_parser(
        "example",
        help=_t(
            "ouvre une copie de travail de l'atelier d'exemple", "open a working copy of the example workshop"
        ),
    )
    _add_quit_after_show(p)

    p = commands.add_parser("new", help=_t("crée un fichier d'atelier", "create a workshop file"))
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--title", required=True, help=_t("titre de l'atelier", "workshop title"))
    p.add_argument(
        "--date",
        help=_t(
            "date : 23/11/2026, 23 novembre 2026 ou 2026-11-23",
            "date: 23/11/2026, 23 November 2026 or 2026-11-23",
        ),
    )
    p.add_argument("--place", default="", help=_t("lieu", "place"))
    p.add_argument("--organiser", default="", help=_t("organisateur", "organiser"))
    p.add_argument("--contact", default="", help=_contact_help())
    p.add_argument(
        "--force", action="store_true", help=_t("remplace un fichier existant", "replace an existing file")
    )

    p = commands.add_parser(
        "import",
        help=_t("importe une grille Word, Excel, CSV ou HTML", "import a Word, Excel, CSV or HTML grid"),
    )
    p.add_argument("grid", metavar="GRILLE")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "-o",
        "--output",
        metavar="FICHIER.atelier",
        help=_t("fichier Atelier à créer", "Atelier file to create"),
    )
    target.add_argument(
        "--into",
        metavar="FICHIER.atelier",
        help=_t(
            "réimporte la grille dans un fichier existant (les décisions sont gardées)",
            "import the grid again into an existing file (decisions are kept)",
        ),
    )
    p.add_argument(
        "--workshop",
        metavar="ATELIER",
        help=_t(
            "atelier à mettre à jour (avec --into) : identifiant, date ou titre",
            "workshop to update (with --into): id, date or title",
        ),
    )
    p.add_argument(
        "--new-workshop",
        action="store_true",
        help=_t(
            "avec --into : ajoute la grille au fichier comme un nouvel atelier (--title, --date, --place)",
            "with --into: add the grid to the file as a new workshop (--title, --date, --place)",
        ),
    )
    p.add_argument("--title", help=_t("titre de l'atelier", "workshop title"))
    p.add_argument(
        "--date",
        help=_t(
            "date : 23/11/2026, 23 novembre 2026 ou 2026-11-23",
            "date: 23/11/2026, 23 November 2026 or 2026-11-23",
        ),
    )
    p.add_argument("--place", default="", help=_t("lieu", "place"))
    p.add_argument("--organiser", default="", help=_t("organisateur", "organiser"))
    p.add_argument("--contact", default="", help=_contact_help())
    p.add_argument(
        "--columns",
        metavar="CORRESPONDANCE",
        help=_t(
            "colonnes à la main, ex. participant=1,actions=2,defis=3,besoins=4,offres=5",
            "columns by hand, e.g. participant=1,actions=2,challenges=3,needs=4,offers=5",
        ),
    )
    p.add_argument(
        "--force", action="store_true", help=_t("remplace un fichier existant", "replace an existing file")
    )

    p = commands.add_parser(
        "match",
        help=_t(
            "rapproche les besoins des ressources des autres participants",
            "match needs to the other participants' offers",
        ),
    )
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--workshop", metavar="ID", help=_t("identifiant de l'atelier", "workshop id"))
    p.add_argument(
        "--top",
        type=int,
        default=5,
        metavar="N",
        help=_t("suggestions par besoin (5 par défaut)", "suggestions per need (5)"),
    )
    p.add_argument("--json", action="store_true", help=_t("sortie JSON", "JSON output"))
    p.add_argument(
        "--save",
        action="store_true",
        help=_t("enregistre les suggestions dans le fichier", "store the suggestions in the file"),
    )
    p.add_argument(
        "--across",
        action="store_true",
        help=_t(
            "aussi les ressources et actions des autres ateliers du fichier, classées après celles "
            "de l'atelier à force égale",
            "also the offers and actions of the file's other workshops, ranked after this "
            "workshop's own for the same strength",
        ),
    )
    p.add_argument(
        "--lexical",
        action="store_true",
        help=_t(
            "mots en commun seulement, sans le modèle de sens (plus rapide)",
            "shared words only, without the meaning model (faster)",
        ),
    )

    p = commands.add_parser(
        "merge",
        help=_t(
            "fusionne deux saisies du même atelier (la modification la plus récente de chaque champ gagne)",
            "merge two captures of the same workshop (the newer edit of each field wins)",
        ),
    )
    p.add_argument("first", metavar="A")
    p.add_argument("second", metavar="B")
    p.add_argument("-o", "--output", required=True, metavar="C", help=_t("fichier fusionné", "merged file"))
    p.add_argument(
        "--force", action="store_true", help=_t("remplace un fichier existant", "replace an existing file")
    )
    p.add_argument("--json", action="store_true", help=_t("résumé en JSON", "summary as JSON"))

    p = commands.add_parser("info", help=_t("résumé d'un fichier", "summary of a file"))
    p.add_argument("file", metavar="FICHIER")

    p = commands.add_parser("export", help=_t("exporte un fichier", "export a file"))
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--workshop", metavar="ID", help=_t("identifiant de l'atelier", "workshop id"))
    formats = p.add_mutually_exclusive_group(required=True)
    formats.add_argument(
        "--json",
        metavar="SORTIE",
        help=_t(
            "tout le fichier en JSON (« - » pour la sortie standard)",
            "the whole file as JSON ('-' for standard output)",
        ),
    )
    formats.add_argument(
        "--xlsx", metavar="SORTIE.xlsx", help=_t("tableaux de synthèse Excel", "Excel summary tables")
    )
    formats.add_argument("--docx", metavar="SORTIE.docx", help=_t("compte rendu Word", "Word minutes"))
    formats.add_argument(
        "--fiches",
        metavar="SORTIE.docx",
        help=_t(
            "une page Word par participant : ce qu'il cherche et qui peut l'aider, ce qu'il propose "
            "et qui l'a demandé",
            "a Word page per participant: what they need and who can help, what they offer and who asked",
        ),
    )
    p.add_argument(
        "--template",
        metavar="MODELE.docx",
        help=_t("modèle Word du compte rendu (avec --docx)", "Word template of the minutes (with --docx)"),
    )
    p.add_argument(
        "--anonymise",
        "--anonymize",
        action="store_true",
        help=_t(
            "remplace le nom des personnes par leur structure ou leur territoire",
            "replace people's names by their organisation or territory",
        ),
    )
    from atelier.cli_followup import add_parsers

    add_parsers(commands, _Parser)
    return parser


def _contact_help() -> str:
    return _t(
        "comment joindre l'organisateur (nom, téléphone, courriel), imprimé dans le compte rendu",
        "how to reach the organiser (name, phone, e-mail), printed in the minutes",
    )


def _add_quit_after_show(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quit-after-show",
        action="store_true",
        help=_t(
            "quitte dès la fenêtre affichée (mesure du démarrage)",
            "quit once the window is painted (startup timing)",
        ),
    )


# ------------------------------------------------------------------ commands


def _cmd_open(args: argparse.Namespace) -> int:
    from atelier.store import Store

    path = Path(args.file)
    # Checked whole here (header, tables, integrity, text; read-only, a few milliseconds):
    # a damaged file gets one clear line in the terminal rather than a dialog.
    Store.open(path, readonly=True).close()
    return _run_window(path, quit_after_show=args.quit_after_show)


def _cmd_default(_: argparse.Namespace) -> int:
    return _run_window(None, quit_after_show=False)


def _cmd_example(args: argparse.Namespace) -> int:
    from atelier.example import example_working_copy

    return _run_window(example_working_copy(), quit_after_show=args.quit_after_show)


def _run_window(path: Path | None, *, quit_after_show: bool) -> int:
    from atelier.syslibs import qt_problem

    problem = qt_problem()  # before Qt, which would abort with an English message
    if problem:
        key, params = problem
        raise AtelierError(key, **params)
    try:
        from atelier.ui.app import run
    except ImportError as exc:
        raise AtelierError("cli.no_display", detail=str(exc)) from None
    return run(path, quit_after_show=quit_after_show)


def _iso_date(text: str | None) -> str | None:
    """--date as people write it (23/11/2026, 23 novembre 2026) or ISO, as the file keeps it."""
    if not text:
        return None
    from atelier.french import iso_date

    try:
        return iso_date(text)
    except ValueError:
        raise InvalidValue("date.unreadable", value=text) from None


def _cmd_new(args: argparse.Namespace) -> int:
    from atelier.store import Store

    args.date = _iso_date(args.date)
    with Store.create(
        args.file,
        title=args.title,
        date=args.date,
        place=args.place,
        organiser=args.organiser,
        contact=args.contact,
        force=args.force,
    ):
        pass
    print(message("cli.created", path=args.file, title=args.title))
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from atelier.importers import import_grid

    args.date = _iso_date(args.date)
    if args.new_workshop and not args.into:
        raise UsageError(_t("--new-workshop va avec --into FICHIER", "--new-workshop goes with --into FILE"))
    if args.new_workshop and args.workshop:
        raise UsageError(
            _t("--new-workshop ou --workshop, pas les deux", "--new-workshop or --workshop, not both")
        )
    if (
        args.into
        and not args.new_workshop
        and (args.title or args.date or args.place or args.organiser or args.contact)
    ):
        raise UsageError(
            _t(
                "--title, --date, --place, --organiser et --contact vont avec -o ou --into … "
                "--new-workshop (une réimportation garde ceux de l'atelier)",
                "--title, --date, --place, --organiser and --contact go with -o or --into … "
                "--new-workshop (a re-import keeps the workshop's own)",
            )
        )
    before = _format_on_disk(args.into) if args.into else 0
    if args.new_workshop:
        from atelier.french import long_date
        from atelier.importers import import_as_new_workshop

        plan, workshop = import_as_new_workshop(
            args.grid,
            args.into,
            title=args.title,
            date=args.date,
            place=args.place,
            organiser=args.organiser,
            contact=args.contact,
            columns=args.columns,
        )
        _print_plan(plan)
        date = f" ({long_date(workshop.date)})" if workshop.date else ""
        print(message("workshop.added", title=workshop.title, date=date, path=args.into, id=workshop.id[:8]))
        _say_upgraded(args.into, before)
        return EXIT_OK
    if args.into:
        from atelier.importers import reimport_grid

        plan, done = reimport_grid(args.grid, args.into, workshop_id=args.workshop, columns=args.columns)
        _print_plan(plan)
        print(
            message(
                "import.reimported",
                path=args.into,
                updated=done.updated,
                added=done.added,
                absent=done.absent,
                kept=done.kept_items,
            )
        )
        _say_upgraded(args.into, before)
        return EXIT_OK
    result = import_grid(
        args.grid,
        args.output,
        title=args.title,
        date=args.date,
        place=args.place,
        organiser=args.organiser,
        contact=args.contact,
        columns=args.columns,
        force=args.force,
    )
    _print_plan(result.plan)
    print(message("import.written", path=result.path))
    return EXIT_OK


def _print_plan(plan: Any) -> None:
    counts = plan.counts()
    names = {index: message(f"kind.{kind}") for index, kind in plan.mapping.items()}
    columns = ", ".join(
        f"{index + 1} « {plan.headers[index][:30] if index < len(plan.headers) else ''} » → {names[index]}"
        for index in sorted(names)
    )
    print(message("import.columns", columns=columns))
    print(message("import.summary", participants=len(plan.entries), **counts))
    for warning in plan.warnings:
        print(message("import.warning", text=warning))


def _pick_workshop(store: Any, wanted: str | None) -> str:
    workshops = store.workshops()
    if wanted:
        return str(store.find_workshop(wanted).id)
    if not workshops:
        raise AtelierError("workshop.none", path=store.path)
    if len(workshops) > 1:
        raise AtelierError("workshop.ambiguous", count=len(workshops))
    return str(workshops[0].id)


def _cmd_match(args: argparse.Namespace) -> int:
    from atelier.matching import match_workshop, save_suggestions
    from atelier.matching.report import report_as_dict, report_as_text
    from atelier.matching.semantic import shared_vectors
    from atelier.store import Store

    if args.top < 1:
        raise UsageError("--top")
    # Read first, write only what differs: a file whose suggestions are already these is
    # left as it is (an older format is not upgraded for nothing).
    with Store.open(args.file, readonly=True) as store:
        workshop_id = _pick_workshop(store, args.workshop)
        vectors = None if args.lexical else shared_vectors()
        report = match_workshop(store, workshop_id, top=args.top, vectors=vectors, across=args.across)
        data = report_as_dict(store, report)
        unchanged = _same_suggestions(store, workshop_id, report.suggestions)
        file_format = store.file_format
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report_as_text(data))
    if args.save:
        if unchanged:
            print(message("match.nothing_to_save", path=args.file), file=sys.stderr)
            return EXIT_OK
        with Store.open(args.file) as store:
            written = save_suggestions(store, workshop_id, report.suggestions)
        print(message("match.saved", path=args.file, count=written), file=sys.stderr)
        _say_upgraded(args.file, file_format)
    return EXIT_OK


def _same_suggestions(store: Any, workshop_id: str, suggestions: dict[str, Any]) -> bool:
    """Whether the file already holds exactly these suggestions for these needs."""
    from atelier.domain import MatchStatus

    decided = store.decided_pairs(workshop_id)
    stored = {
        (m.need_id, m.resource_id, round(m.score, 6))
        for m in store.matches(workshop_id)
        if m.status == MatchStatus.SUGGESTED and m.need_id in suggestions
    }
    fresh = {
        (s.need_id, s.resource_id, round(s.score, 6))
        for found in suggestions.values()
        for s in found
        if (s.need_id, s.resource_id) not in decided
    }
    return stored == fresh


def _format_on_disk(path: str) -> int:
    from atelier.store import SCHEMA_VERSION, check_header

    try:
        return check_header(Path(path)).user_version
    except AtelierError:
        return SCHEMA_VERSION  # the command itself will say what is wrong with the file


def _say_upgraded(path: str, before: int) -> None:
    from atelier.store import SCHEMA_VERSION

    if before < SCHEMA_VERSION:
        print(message("file.upgraded", path=path, old=before, new=SCHEMA_VERSION), file=sys.stderr)


def _cmd_info(args: argparse.Namespace) -> int:
    from atelier.store import Store

    with Store.open(args.file, readonly=True) as store:
        summary = store.summary()
        from atelier.store import SCHEMA_VERSION

        if store.file_format < SCHEMA_VERSION:  # what is on disk, not the copy read in memory
            head = message("info.file_old", path=args.file, version=store.file_format, current=SCHEMA_VERSION)
        else:
            head = message("info.file", path=args.file, version=store.file_format)
        lines = [head]
        for workshop_id, title, date in summary.workshops:
            lines.append(
                message("info.workshop", title=title, date=f" ({date})" if date else "", id=workshop_id)
            )
        lines.append(message("info.participants", count=summary.participants))
        lines.append(message("info.items", **{str(k): v for k, v in summary.items.items()}))
        lines.append(message("info.matches", **{str(k): v for k, v in summary.matches.items()}))
    print("\n".join(lines))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from atelier.jsonexport import file_as_dict, workshop_as_dict
    from atelier.store import Store

    if args.fiches or args.xlsx or args.docx:
        return _export_documents(args)
    if args.template:
        raise UsageError("--template")
    if args.json != "-":
        from atelier.exports import check_target

        check_target(Path(args.json), (Path(args.file),))  # its input, any workshop file: refused
    with Store.open(args.file, readonly=True) as store:
        if args.workshop:
            data: dict[str, Any] = {
                "format_version": store.format_version,
                "workshops": [workshop_as_dict(store, store.find_workshop(args.workshop).id)],
            }
        else:
            data = file_as_dict(store)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.json == "-":
        sys.stdout.write(text)
    else:
        from atelier.exports import write_text

        write_text(Path(args.json), text)
        print(message("cli.exported", path=args.json), file=sys.stderr)
    return EXIT_OK


def _export_documents(args: argparse.Namespace) -> int:
    """`atelier export FILE --docx/--xlsx/--fiches OUT`: the formats of atelier/exports/formats.py."""
    from atelier.exports.formats import FORMATS, MATCHING, check_targets, export
    from atelier.store import Store

    targets = {name: Path(getattr(args, name)) for name in FORMATS if getattr(args, name, None)}
    template = Path(args.template) if args.template else None
    if template is not None and not any(FORMATS[name].template for name in targets):
        raise UsageError("--template")
    if args.anonymise and any(FORMATS[name].names_people for name in targets):
        raise UsageError(
            _t(
                "--anonymise ne va pas avec --fiches : chaque fiche est nominative",
                "--anonymise does not go with --fiches: each page names its participant",
            )
        )
    check_targets(Path(args.file), targets, template)  # refused before any reading or matching
    with Store.open(args.file, readonly=True) as store:
        workshop_id = _pick_workshop(store, args.workshop)

    def progress(_percent: int, step: str) -> None:
        if step == MATCHING and sys.stderr.isatty():  # for a person at a terminal; errors stay one line
            print(message("export.matching"), file=sys.stderr)

    notes: list[str] = []
    written = export(
        Path(args.file),
        workshop_id,
        targets,
        anonymise=args.anonymise,
        template=template,
        progress=progress,
        notes=notes,
    )
    for path in written:
        print(message("export.written", path=path), file=sys.stderr)
    for note in notes:  # what the export had to change, also written in the export itself
        print(note, file=sys.stderr)
    return EXIT_OK


def _cmd_merge(args: argparse.Namespace) -> int:
    from atelier.store.merge import merge_files

    summary = merge_files(args.first, args.second, args.output, force=args.force)
    if args.json:
        sys.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    print(
        message(
            "merge.summary",
            path=args.output,
            second=Path(args.second).name,
            added=sum(summary.added.values()),
            shared=sum(summary.shared.values()),
            conflicts=len(summary.conflicts),
            updates=len(summary.differences) - len(summary.conflicts),
        )
    )
    if not summary.shared.get("workshops"):
        print(message("merge.no_common_workshop"))
    for difference in summary.differences:
        print(message("merge.difference", text=difference.sentence()))
    return EXIT_OK


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _cmd_default,
    "open": _cmd_open,
    "example": _cmd_example,
    "new": _cmd_new,
    "import": _cmd_import,
    "match": _cmd_match,
    "info": _cmd_info,
    "export": _cmd_export,
    "merge": _cmd_merge,
}


def register(name: str, handler: Callable[[argparse.Namespace], int]) -> None:
    COMMANDS[name] = handler


def _register_followup() -> None:
    from atelier.cli_followup import HANDLERS

    for name, handler in HANDLERS.items():
        register(name, handler)


_register_followup()


# Arguments naming files: the system gives their bytes as they are, which need not be
# UTF-8 (an old USB stick); a name to write is checked where it is written.
PATH_ARGUMENTS = {"file", "grid", "first", "second", "output", "into", "json", "xlsx", "docx", "template"}


def _refuse_bytes_that_are_not_text(args: argparse.Namespace) -> None:
    """A title, a place, a name typed in a terminal set to another encoding arrives with
    bytes that are not UTF-8: said, rather than stored garbled."""
    for name, value in vars(args).items():
        if not isinstance(value, str) or name in PATH_ARGUMENTS:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise AtelierError("text.not_utf8", what="--" + name.replace("_", "-"), value=value) from None


class Terminated(BaseException):
    """The process was asked to stop (SIGTERM): unwinds like Ctrl+C, so that every file
    being written is left as it was and its temporary removed."""


def _terminated(_signum: int, _frame: Any) -> None:
    raise Terminated()


def _quiet_unraisable(unraisable: Any) -> None:
    """An error a library meets while cleaning up after a failure (a zip file closed on a
    full disk) has been said already, in one sentence: no second report, no traceback."""
    if os.environ.get("ATELIER_DEBUG"):
        sys.__unraisablehook__(unraisable)


def main(argv: Sequence[str] | None = None) -> int:
    sys.unraisablehook = _quiet_unraisable
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(message("cli.usage", detail=str(exc)), file=sys.stderr)
        return EXIT_USAGE
    if args.command not in (None, "open", "example") and hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _terminated)  # stopped politely: clean up as on Ctrl+C
    try:
        _refuse_bytes_that_are_not_text(args)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(message("cli.usage", detail=str(exc)), file=sys.stderr)
        return EXIT_USAGE
    except AtelierError as exc:
        print(exc.user_message(), file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(message("cli.interrupted"), file=sys.stderr)
        return 130
    except Terminated:
        print(message("cli.interrupted"), file=sys.stderr)
        return 128 + int(signal.SIGTERM)
    except BrokenPipeError:
        return EXIT_FAILURE
    except Exception as exc:  # a bug: still one line, never a traceback
        if os.environ.get("ATELIER_DEBUG"):
            raise
        print(message("cli.unexpected", detail=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
