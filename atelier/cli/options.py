"""How a subcommand of `atelier` is declared, the options several share (declared once), and
the parser that says its refusals in French.

A subcommand is its handler, decorated with its name, its help and its options (sqlite-utils'
shape, with argparse):

    @command("info", "cli.help.info", FILE)
    def info(args: argparse.Namespace) -> int:
        ...

Every help text is a key of atelier.i18n's catalogue, read in the user's language when the
parser is built.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from atelier.errors import AtelierError, BadOptionValue, UsageError
from atelier.i18n import current_language, message
from atelier.lazy import regex

if TYPE_CHECKING:
    from atelier.store import Store

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
Handler = Callable[[argparse.Namespace], int]

# argparse's own sentences (its gettext msgids, as argparse passes them to `_`) in French,
# with French typography. argparse looks `_` and `ngettext` up in its module at the moment it
# says something; Parser puts these in for its own calls only (`_speaking`), so the words stay
# right whatever the values (a choice or a file name holding « : » or « invalid »), and a
# message argparse adds later is said in English rather than half-translated.
_ARGPARSE_FR = {
    "usage: ": "utilisation\xa0: ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "affiche cette aide",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s\xa0: %(message)s",
    "the following arguments are required: %s": "arguments manquants\xa0: %s",
    "unrecognized arguments: %s": "arguments inconnus\xa0: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue «\xa0%(parser_name)s\xa0» (au choix\xa0: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valeur invalide «\xa0%(value)s\xa0»",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "une valeur au plus est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "expected %s argument": "%s valeur est attendue",
    "expected %s arguments": "%s valeurs sont attendues",
    "not allowed with argument %s": "ne va pas avec %s",
    "one of the arguments %s is required": "l'un de ces arguments est requis\xa0: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë «\xa0%(option)s\xa0»\xa0: %(matches)s\u202f?"
    ),
    "ignored explicit argument %r": "valeur en trop «\xa0%s\xa0»",
    "unexpected option string: %s": "option inattendue\xa0: %s",
}

# In English, argparse's own words, but a value quoted as the rest of the English command line
# quotes it (“trois”), not as Python writes a string ('trois').
_ARGPARSE_EN = {
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "unknown command “%(parser_name)s” (choices: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "invalid %(type)s value: “%(value)s”",
    "ignored explicit argument %r": "ignored explicit argument “%s”",
}
# Said by Parser itself (argparse writes each choice with Python's quotes).
# What an empty file name is told (a script whose $OUT was empty: `export F --docx ""` wrote
# nothing and ended well, `-o ""` was « . », a folder).
_EMPTY_FILE_NAME = {
    "fr": "un nom de fichier est attendu, pas un texte vide",
    "en": "a file name is expected, not an empty text",
}
# The arguments that name a file (their metavars, French then English; merge's A, B and C;
# not --columns' CORRESPONDANCE, a list of columns).
_FILE_METAVARS = frozenset(
    {"FICHIER", "FICHIER.atelier", "GRILLE", "SORTIE", "SORTIE.xlsx", "SORTIE.docx"}
    | {"MODELE.docx", "FILE", "FILE.atelier", "GRID", "OUTPUT", "OUTPUT.xlsx", "OUTPUT.docx"}
    | {"TEMPLATE.docx", "A", "B", "C"}
)

_EMPTY_WORKSHOP = {
    "fr": "un atelier est attendu (sa date, son titre ou le début de son identifiant), pas un texte vide",
    "en": "a workshop is expected (its date, its title or the start of its id), not an empty text",
}
# The arguments that name a workshop of the file (--workshop, --rename, --delete, --join's two).
_WORKSHOP_METAVARS = frozenset({"ATELIER", "AUTRE", "WORKSHOP", "OTHER"})

_INVALID_CHOICE = {
    "fr": "choix inconnu «\xa0{value}\xa0» (au choix\xa0: {choices})",
    "en": "invalid choice: “{value}” (choose from {choices})",
}


def _as_typed(word: str) -> str:
    """A word of the command line as a shell would take it back: an empty one, or one holding
    a space or a quote, between double quotes (« --workshop "" », « "Mars 2021" »)."""
    if word and not any(char.isspace() or char in "\"'" for char in word):
        return word  # a Windows path's backslashes stay as they are
    return '"' + word.replace('"', '\\"') + '"'


@contextlib.contextmanager
def _speaking() -> Iterator[None]:
    """argparse's sentences in the user's language while one of Parser's calls runs."""
    table = _ARGPARSE_FR if current_language() == "fr" else _ARGPARSE_EN
    module: Any = argparse
    saved = module._, module.ngettext
    module._ = lambda text: table.get(text, text)
    module.ngettext = lambda one, many, n: table.get(one if n == 1 else many, one if n == 1 else many)
    try:
        yield
    finally:
        module._, module.ngettext = saved


class Parser(argparse.ArgumentParser):
    """argparse in the user's language: its refusals are UsageError, said in one line.

    `dash_words`: an argument starting with a single dash that is none of the parser's
    options is a word the user typed (`atelier search F -emploi`), not an unknown option."""

    dash_words = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", False)
        # argparse asks gettext for the titles of its two groups, replaced just below: not
        # asked, gettext does not search the system's translation folders for them (nor
        # import `locale` to read the locale's name), ~1 ms at every start.
        module: Any = argparse
        saved = module._
        module._ = str
        try:
            super().__init__(*args, **kwargs)
        finally:
            module._ = saved
        # argparse writes « arguments: »; French puts a non-breaking space before the colon.
        space = "\xa0" if current_language() == "fr" else ""
        self._positionals.title = "arguments" + space
        self._optionals.title = "options" + space
        self.add_argument("-h", "--help", action="help", help=message("cli.help.help"))

    def _parse_optional(self, arg_string: str) -> Any:
        found = super()._parse_optional(arg_string)
        if (
            found is not None
            and self.dash_words
            and len(arg_string) > 1
            and arg_string[1].isalnum()
            and arg_string not in self._option_string_actions
        ):
            return None  # « -emploi »: a word, searched as the others
        return found

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if value == "" and action.metavar in _FILE_METAVARS:
            raise argparse.ArgumentError(action, _EMPTY_FILE_NAME[current_language()])
        # A script's empty $W: taken for no workshop named, `ateliers F --delete ""` listed the
        # workshops and exited 0; `export F --workshop ""` exported the file's only one.
        named = action.metavar if isinstance(action.metavar, tuple) else (action.metavar,)
        if isinstance(value, str) and not value.strip() and _WORKSHOP_METAVARS.intersection(named):
            raise argparse.ArgumentError(action, _EMPTY_WORKSHOP[current_language()])
        choices = action.choices
        if choices is not None and value not in choices:
            from atelier.french import join_choices

            language = current_language()
            text = _INVALID_CHOICE[language].format(value=value, choices=join_choices(choices, language))
            raise argparse.ArgumentError(action, text)

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        with _speaking():
            parsed, unknown = super().parse_known_args(args, namespace)
            if unknown:
                # argparse joins the words with spaces: a script's empty $W in `info F
                # --workshop ""` was an invisible double space, « Mars 2021 » two words.
                said = argparse._("unrecognized arguments: %s")  # type: ignore[attr-defined]
                self.error(said % " ".join(_as_typed(word) for word in unknown))
        return parsed

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _speaking():
            return super().parse_known_args(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # argparse has one sentence for any number of missing arguments: « arguments
        # manquants : FICHIER » is said « argument manquant : FICHIER » (the names, metavars,
        # hold no comma).
        many = _ARGPARSE_FR["the following arguments are required: %s"].removesuffix("%s")
        if message.startswith(many) and ", " not in message[len(many) :]:
            message = "argument manquant\xa0: " + message[len(many) :]
        # « l'un de ces arguments est requis : --json --xlsx --docx --fiches »: argparse joins
        # the options with spaces; said as a list (« --json, --xlsx, --docx ou --fiches »).
        one_of = _ARGPARSE_FR["one of the arguments %s is required"].removesuffix("%s")
        if message.startswith(one_of):
            message = one_of + _listed(message[len(one_of) :].split(), "ou")
        elif message.startswith("one of the arguments ") and message.endswith(" is required"):
            names = message.removeprefix("one of the arguments ").removesuffix(" is required").split()
            message = f"one of the arguments {_listed(names, 'or')} is required"
        raise UsageError(message)

    def format_usage(self) -> str:
        with _speaking():
            return super().format_usage()

    def format_help(self) -> str:
        with _speaking():
            return super().format_help()


def _listed(names: list[str], last: str) -> str:
    """« --json, --xlsx, --docx ou --fiches »: options (which hold no space) as a list."""
    return names[0] if len(names) < 2 else f"{', '.join(names[:-1])} {last} {names[-1]}"


# ------------------------------------------------------------ declaring

# The declarations are named tuples, not frozen dataclasses: as read-only, and made
# several times faster at import (each frozen dataclass compiles five methods, ~0.35 ms),
# which every start of the window pays.


# The placeholders of `atelier --help` and of argparse's refusals (« arguments manquants :
# FICHIER »), declared in French, in English when the interface is (the language is known
# when the parser is built).
_METAVAR_EN = {
    "COMMANDE": "COMMAND",
    "FICHIER": "FILE",
    "FICHIER.atelier": "FILE.atelier",
    "ATELIER": "WORKSHOP",
    "GRILLE": "GRID",
    "CORRESPONDANCE": "MAPPING",
    "SORTIE": "OUTPUT",
    "SORTIE.xlsx": "OUTPUT.xlsx",
    "SORTIE.docx": "OUTPUT.docx",
    "MODELE.docx": "TEMPLATE.docx",
    "MISE_EN_RELATION": "MATCH",
    "ETAT": "STATE",
    "NOM": "NAME",
    "TEXTE": "TEXT",
    "TITRE": "TITLE",
    "LIEU": "PLACE",
    "ORGANISATEUR": "ORGANISER",
    "AUTRE": "OTHER",
}


def metavar(name: Any) -> Any:
    """A placeholder declared in French, in the user's language; a tuple of them (an option
    taking several values: `workshops --join ATELIER AUTRE`) each in it."""
    if current_language() != "en":
        return name
    if isinstance(name, tuple):
        return tuple(_METAVAR_EN.get(part, part) for part in name)
    return _METAVAR_EN.get(name, name)


# The French of the options and commands that have a name in each language (« --etat » and
# « --state », « suivi » and « follow-up »): the help lists the user's language first.
FRENCH_NAMES = frozenset(
    {"--etat", "--le", "--historique", "--oui", "--retirer-etape", "suivi", "chercher", "ateliers"}
)


def in_language_order(names: Sequence[str]) -> list[str]:
    """`names` with those of the user's language first (French: FRENCH_NAMES), else as declared:
    English help reads « --state STATE, --etat STATE », French « --etat ETAT, --state ETAT »."""
    french = current_language() != "en"
    return sorted(names, key=lambda name: (name in FRENCH_NAMES) != french)


class Arg(NamedTuple):
    """One argument of a subcommand: argparse's names and settings; `help` is a message key."""

    names: tuple[str, ...]
    settings: dict[str, Any]  # never changed: add_to works on a copy
    help: str = ""

    def add_to(self, parser: Any) -> None:
        settings = dict(self.settings)
        if self.help:
            settings["help"] = message(self.help)
        if "metavar" in settings:
            settings["metavar"] = metavar(settings["metavar"])
        parser.add_argument(*in_language_order(self.names), **settings)


class OneOf(NamedTuple):
    """Arguments that exclude each other (argparse's mutually exclusive group)."""

    args: tuple[Arg, ...]
    required: bool = False

    def add_to(self, parser: argparse.ArgumentParser) -> None:
        group = parser.add_mutually_exclusive_group(required=self.required)
        for arg in self.args:
            arg.add_to(group)


Option = Arg | OneOf


def arg(*names: str, help: str = "", **settings: Any) -> Arg:
    return Arg(names, settings, help)


class Command(NamedTuple):
    name: str
    help: str  # a message key
    run: Handler
    options: tuple[Option, ...]
    aliases: tuple[str, ...] = ()
    dash_words: bool = False  # see Parser.dash_words


COMMANDS: dict[str, Command] = {}


def command(
    name: str,
    help: str,
    *options: Option | Sequence[Option],
    aliases: Sequence[str] = (),
    dash_words: bool = False,
) -> Callable[[Handler], Handler]:
    """Declare a subcommand: its handler, its options beside it (a list of options counts as
    its options one by one)."""
    flat: list[Option] = []
    for option in options:
        if isinstance(option, (Arg, OneOf)):
            flat.append(option)
        else:
            flat.extend(option)

    def register(run: Handler) -> Handler:
        COMMANDS[name] = Command(name, help, run, tuple(flat), tuple(aliases), dash_words)
        return run

    return register


def handler_of(name: str) -> Handler:
    """The handler of a subcommand, by its name or one of its aliases."""
    for found in COMMANDS.values():
        if name == found.name or name in found.aliases:
            return found.run
    raise KeyError(name)


def known_command(name: str) -> bool:
    return any(name == found.name or name in found.aliases for found in COMMANDS.values())


def add_commands(subparsers: Any, order: Sequence[str], only: str | None = None) -> None:
    """Every subcommand, those named in `order` first, in that order (`atelier --help`);
    or only the one named `only` (by its name or an alias)."""
    for found in sorted(
        COMMANDS.values(), key=lambda c: order.index(c.name) if c.name in order else len(order)
    ):
        if only is not None and only != found.name and only not in found.aliases:
            continue
        said = message(found.help)  # listed by `atelier --help`, and atop `atelier COMMAND --help`
        # `atelier --help` lists each name in the user's language first (« follow-up
        # (suivi) »); a command's own help says it as typed (« usage: atelier suivi »).
        names = in_language_order([found.name, *found.aliases])
        if only is not None:
            names = [only, *(name for name in names if name != only)]
        parser = subparsers.add_parser(names[0], aliases=names[1:], help=said, description=said)
        parser.dash_words = found.dash_words
        for option in found.options:
            option.add_to(parser)
        # --lang after the command too (« atelier info F --lang en »), as before it.
        parser.add_argument(*LANG_OPTION, **lang_settings(), default=argparse.SUPPRESS)


# ------------------------------------------------------- options shared


LANG_OPTION = ("--lang",)


def lang_settings() -> dict[str, Any]:
    """`--lang fr|en`: the language of the command's messages and documents (read before the
    parser is built: cli._language_typed), checked by the parser like any choice."""
    from atelier.i18n import SUPPORTED

    return {"choices": SUPPORTED, "metavar": "fr|en", "help": message("cli.help.lang")}


FILE = arg("file", metavar="FICHIER")
FORCE = arg("--force", action="store_true", help="cli.help.force")
JSON = arg("--json", action="store_true", help="cli.help.json")
WORKSHOP = arg("--workshop", metavar="ATELIER", help="cli.help.workshop")
TITLE = arg("--title", metavar="TITRE", help="cli.help.title")
DATE = arg("--date", metavar="DATE", help="cli.help.date")
PLACE = arg("--place", metavar="LIEU", help="cli.help.place")
ORGANISER = arg("--organiser", metavar="ORGANISATEUR", help="cli.help.organiser")
CONTACT = arg("--contact", help="cli.help.contact")
WORKSHOP_FIELDS = (TITLE, DATE, PLACE, ORGANISER, CONTACT)
QUIT_AFTER_SHOW = arg("--quit-after-show", action="store_true", help="cli.help.quit_after_show")


def day(text: str | None) -> str | None:
    """--date as people write it (23/11/2026, 23 novembre 2026) or ISO, as the file keeps it;
    None for no date ("" or spaces: `atelier ateliers --rename ID --date ""` takes it away). A
    date that is none is refused saying why, in the words the window says it
    (french.date_refused)."""
    if not text or not text.strip():
        return None
    from atelier.french import iso_date

    try:
        return iso_date(text)
    except ValueError as error:
        raise date_refused(text, error) from None


def date_refused(text: str, error: ValueError) -> BadOptionValue:
    """The refusal of a date typed that is none (french.date_refused): a day that does not
    exist, a year no workshop has, a weekday that is not its own, or no date at all."""
    from atelier.french import date_refused as why

    key, params = why(text, error)
    return BadOptionValue(key, **params)


def day_given(text: str | None, option: str = "--date") -> str | None:
    """--date where the workshop is dated today (or by its grid) without it: an empty one (a
    script's empty $DATE, or spaces) is refused, never taken for « no --date »."""
    if text is not None and not text.strip():
        raise BadOptionValue("date.empty", option=option)
    return day(text)


# A workshop's title is one line, the length a line of the workshops list, a heading of the
# minutes or the window's switcher can show: a title of 3 000 characters is a paste gone wrong.
TITLE_LIMIT = 200
_LINE_BREAKS = regex(r"[ \t]*[\r\n\t\v\f\x85\u2028\u2029]+[ \t]*")


def one_line(text: str | None) -> str | None:
    """A text on one line: each line break or tab (and the spaces around it) is one space, as
    the window's one-line fields take a pasted text; spaces inside the line (a non-breaking
    one too) stay as they are. A text the file holds is shown so, its control characters
    left for the terminal's guard to show (atelier.terminal)."""
    if text is None:
        return None
    return _LINE_BREAKS.sub(" ", text).strip()


def typed_line(text: str | None) -> str | None:
    """--title or --place on one line (`one_line`), without the control characters the file
    does not keep (a terminal's colour escape pasted in): said as it is kept."""
    if text is None:
        return None
    from atelier.domain import normalise_text

    return normalise_text(one_line(text) or "").strip()


def title_typed(text: str | None) -> str | None:
    """--title on one line, refused in one sentence past TITLE_LIMIT characters."""
    title = typed_line(text)
    if title is not None and len(title) > TITLE_LIMIT:
        from atelier.french import format_number

        raise BadOptionValue("title.too_long", length=format_number(len(title)), limit=TITLE_LIMIT)
    return title


def title_given(text: str | None) -> str | None:
    """--title where a workshop must have one (`new`, `ateliers --rename`): blank, refused as
    a bad value, before any file is opened."""
    title = title_typed(text)
    if title is not None and not title:
        raise BadOptionValue("title.empty")
    return title


def title_shown(title: str) -> str:
    """A title as a line of the command line shows it: on one line, and cut with « … » past
    TITLE_LIMIT characters (a file written by another program, or before titles had a limit)."""
    from atelier.french import shorten

    line = one_line(title) or ""
    return shorten(line, TITLE_LIMIT) if len(line) > TITLE_LIMIT else line


def workshop_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The workshop's fields given with --title, --date, --place, --organiser, --contact."""
    return {
        "title": title_typed(args.title),
        "date": day_given(args.date),
        "place": typed_line(args.place) or "",
        "organiser": args.organiser or "",
        "contact": args.contact or "",
    }


def print_json(data: Any) -> None:
    from atelier.terminal import json_text

    sys.stdout.write(json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def say(key: str, *, to_stderr: bool = False, **params: Any) -> None:
    """One sentence of the catalogue, printed."""
    print(message(key, **params), file=sys.stderr if to_stderr else sys.stdout)


class writable:
    """Open a file for writing from the command line: refused if another window has it."""

    def __init__(self, path: str, *, say_upgrade: bool = True) -> None:
        self.path = path
        self.store: Store | None = None
        self.say_upgrade = say_upgrade  # an older file written at today's format: said on leaving
        self.before = 0

    def __enter__(self) -> Store:
        from atelier.store import Store

        self.before = format_on_disk(self.path)
        self.store = Store.open_to_write(self.path)
        return self.store

    def __exit__(self, kind: object, *exc: object) -> None:
        if self.store is not None:
            self.store.close()
            if kind is None and self.say_upgrade:
                say_upgraded(self.path, self.before)


def format_on_disk(path: str) -> int:
    """The format version of a file as it is on disk (before a command upgrades it)."""
    from atelier.store import SCHEMA_VERSION, check_header

    try:
        return check_header(Path(path)).user_version
    except AtelierError:
        return SCHEMA_VERSION  # the command itself will say what is wrong with the file


def say_upgraded(path: str, before: int) -> None:
    from atelier.store import SCHEMA_VERSION

    # Said of a file the command did write: one it only read (or refused) is still at its format.
    if before < SCHEMA_VERSION and format_on_disk(path) == SCHEMA_VERSION:
        say("file.upgraded", to_stderr=True, path=path, old=before, new=SCHEMA_VERSION)
        from atelier.backups import backups_of

        copies = backups_of(Path(path))
        if copies and format_on_disk(str(copies[0].path)) == before:  # the copy kept before writing
            say("file.upgraded_copy", to_stderr=True, old=before, backup=copies[0].path)
