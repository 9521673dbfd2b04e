"""The `atelier` command line: French messages, one line on stderr, exit 1 on failure, 2 on misuse
(an option missing or unknown, or a bad option value: errors.BadOptionValue).

Each subcommand is a handler with its options beside it (cli/workshop_file.py: open, example,
new, import, info, match, export, merge; cli/after_workshop.py: suivi, search, workshops),
declared with cli/options.py, which also declares once the options several share. Handlers
call the library and print what it returns; their sentences come from atelier.i18n.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from atelier import __version__
from atelier.cli import after_workshop as after_workshop
from atelier.cli import workshop_file as workshop_file
from atelier.cli.options import (
    EXIT_FAILURE,
    EXIT_USAGE,
    LANG_OPTION,
    Parser,
    add_commands,
    handler_of,
    known_command,
    lang_settings,
    metavar,
)
from atelier.errors import AtelierError, BadOptionValue, UsageError
from atelier.i18n import ask_language, asked_language, message, unknown_environment_language

# The order of `atelier --help`: the workshop's file, then after the workshop.
ORDER = ("open", "example", "new", "import", "match", "merge", "info", "export")
ORDER_AFTER = ("suivi", "search", "workshops")

# Arguments naming files: the system gives their bytes as they are, which need not be
# UTF-8 (an old USB stick); a name to write is checked where it is written.
PATH_ARGUMENTS = {"file", "grid", "first", "second", "output", "into", "json", "xlsx", "docx", "template"}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or only the subcommand `only` (a name or alias) when the
    arguments start with it: `atelier open FILE` need not build the fourteen others."""
    parser = Parser(
        prog="atelier", description=message("cli.help.atelier"), epilog=message("cli.help.epilog")
    )
    parser.add_argument(
        "--version", action="version", version=f"atelier {__version__}", help=message("cli.help.version")
    )
    parser.add_argument(*LANG_OPTION, **lang_settings())
    add_commands(
        parser.add_subparsers(dest="command", metavar=metavar("COMMANDE"), parser_class=Parser),
        ORDER + ORDER_AFTER,
        only=only,
    )
    return parser


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
    if not _writing():
        raise Terminated()


def _interrupted(_signum: int, _frame: Any) -> None:
    """Ctrl+C: stops the command (a write under way is rolled back), unless its change was
    committed to the workshop file: then the command ends and says what it did, rather than
    « Interrompu » over a changed file."""
    if not _writing():
        raise KeyboardInterrupt


def _writing() -> bool:
    # Not loaded: nothing was written. Still being imported (Ctrl+C as the command starts):
    # no WRITES yet, nothing written either.
    writes = getattr(sys.modules.get("atelier.store.files"), "WRITES", None)
    return writes is not None and bool(writes.committing)


def _quiet_unraisable(unraisable: Any) -> None:
    """An error a library meets while cleaning up after a failure (a zip file closed on a
    full disk) has been said already, in one sentence: no second report, no traceback."""
    if os.environ.get("ATELIER_DEBUG"):
        sys.__unraisablehook__(unraisable)


# The arguments naming a workshop file to read or to change (`new`'s FILE is one to make).
WORKSHOP_ARGUMENTS = ("file", "first", "second", "into")


def _workshops_named(args: argparse.Namespace, handler: Any) -> None:
    """« monatelier » given for « monatelier.atelier », as `import -o monatelier` named it:
    each workshop file to read is found (store.files.workshop_source), and said by its name."""
    from atelier.store.files import workshop_source

    for name in WORKSHOP_ARGUMENTS:
        value = getattr(args, name, None)
        if isinstance(value, str) and value and not (name == "file" and handler is workshop_file.new):
            found = workshop_source(value)
            if found.name != Path(value).name:  # only the .atelier added: a name as typed stays as typed
                setattr(args, name, str(found))


def _run(args: argparse.Namespace) -> int:
    if args.command is None:  # `atelier` alone: the window, on the last file
        return workshop_file.run_window(None, quit_after_show=False)
    handler = handler_of(args.command)
    _workshops_named(args, handler)
    # Started by atelier/__main__.py, without garbage collection while the modules loaded:
    # the command's are, collection resumes (the window's, once Qt's are too: ui.app.run).
    if not gc.isenabled() and handler not in (workshop_file.open_file, workshop_file.example):
        gc.freeze()
        gc.enable()
    return handler(args)


class _ClosedOutput:
    """The standard output when the command was started without one (`atelier info F >&-`):
    Python leaves it None, where print() writes nothing and a command's own write fails on
    None. Writing to it fails as writing to a closed file does, said in one sentence."""

    def write(self, _text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _output_gone() -> None:
    """The reader of the output went away (`atelier info F | head -0`): what is left in the
    output's buffer goes nowhere, rather than fail again as Python exits (« Exception
    ignored … BrokenPipeError »)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def main(argv: Sequence[str] | None = None) -> int:
    sys.unraisablehook = _quiet_unraisable
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    # What the file holds is shown, never obeyed by the terminal (`atelier.terminal`).
    from atelier.terminal import Shown

    streams = sys.stdout, sys.stderr
    sys.stdout = Shown(sys.stdout)
    if sys.stderr is not None:
        sys.stderr = Shown(sys.stderr)
    try:
        return _command(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _language_typed(words: Sequence[str]) -> str | None:
    """The value of `--lang` (or `--lang=…`) among the words, before a « -- »: known before the
    parser is built, whose help and refusals are said in it. A language Atelier does not
    speak is left to the parser to refuse."""
    for index, word in enumerate(words):
        if word == "--":
            break
        name, equals, value = word.partition("=")
        if name not in _LANG_SHORTENED:  # « --lan en », as the parser takes it too
            continue
        if equals:
            return value
        if index + 1 < len(words):
            return words[index + 1]
    return None


# --lang and what the parser takes for it (no other option starts with « --la »).
_LANG_SHORTENED = ("--la", "--lan", "--lang")


def _command_word(words: Sequence[str]) -> str | None:
    """The subcommand, when the words start with it (`--lang en` may come first)."""
    rest = list(words)
    if rest[:1] and rest[0] in _LANG_SHORTENED:
        rest = rest[2:]
    elif rest and rest[0].partition("=")[0] in _LANG_SHORTENED:
        rest = rest[1:]
    return rest[0] if rest and known_command(rest[0]) else None


def _command(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    asked_before = asked_language()
    ask_language(_language_typed(words))
    try:
        return _parsed_and_run(words, argv)
    finally:
        ask_language(asked_before)  # a process that goes on (tests): as it was


def _parsed_and_run(words: list[str], argv: Sequence[str] | None) -> int:
    unknown = unknown_environment_language() if _language_typed(words) is None else None
    if unknown:  # said once, then French; before the parser, whose --help and refusals end here
        print(message("cli.unknown_env_language", value=unknown), file=sys.stderr)
    parser = build_parser(only=_command_word(words))
    try:
        args = parser.parse_args(words)
    except UsageError as exc:
        print(message("cli.usage", detail=str(exc)), file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "lang", None):
        ask_language(args.lang)
    writes = getattr(sys.modules.get("atelier.store.files"), "WRITES", None)
    if writes is not None:  # a command run before in this process (tests) wrote; this one has not
        writes.committing = False
    if hasattr(signal, "SIGTERM"):
        # Stopped politely: clean up as on Ctrl+C. The window, once it runs, closes itself
        # instead (ui.app.StopRequests); until then, opening the file unwinds as any command.
        signal.signal(signal.SIGTERM, _terminated)
    window = args.command is None or handler_of(args.command) in (
        workshop_file.open_file,
        workshop_file.example,
    )
    before = None
    if not window:  # the window says Ctrl+C its own way (ui.app.StopRequests)
        before = signal.signal(signal.SIGINT, _interrupted)
    elif argv is None:  # the `atelier` command: a stop while the window is built is kept for it
        from atelier import stopping

        stopping.note_until_the_window_listens()
    try:
        return _main(args)
    finally:
        # Called in a process that goes on (tests): Ctrl+C as it was. The `atelier` command has
        # said what it did and exits: a Ctrl+C now would make its exit status say « stopped »
        # (Python puts the default handlers back as it shuts down), so it is ignored.
        if argv is not None and before is not None:
            signal.signal(signal.SIGINT, before)
        elif argv is None and not window:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            if hasattr(signal, "SIGTERM"):
                signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _main(args: argparse.Namespace) -> int:
    try:
        _refuse_bytes_that_are_not_text(args)
        return _run(args)
    except UsageError as exc:
        print(message("cli.usage", detail=str(exc)), file=sys.stderr)
        return EXIT_USAGE
    except BadOptionValue as exc:  # its own sentence, which names the value: bad usage all the same
        print(exc.user_message(), file=sys.stderr)
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
        _output_gone()
        return EXIT_FAILURE
    except OSError as exc:
        if exc.errno == errno.EBADF and isinstance(getattr(sys.stdout, "stream", sys.stdout), _ClosedOutput):
            print(message("cli.output_closed"), file=sys.stderr)
            return EXIT_FAILURE
        if exc.errno not in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return _unexpected(exc)
        # Files are refused by name (store.files.os_failure): what is left is the output,
        # sent to a full disk (« … --json - > /media/cle/sortie.json »).
        print(message("cli.output_full"), file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # a bug: still one line, never a traceback
        return _unexpected(exc)


def _unexpected(exc: Exception) -> int:
    if os.environ.get("ATELIER_DEBUG"):
        raise exc
    print(message("cli.unexpected", detail=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
    return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
