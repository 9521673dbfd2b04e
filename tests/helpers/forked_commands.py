"""`atelier` commands run one after another, each in a process of its own forked from this one
(Atelier and the libraries its commands load imported once, as tests/cli_process.py does), for
a shell script that runs them where the test's own server cannot reach: inside a private mount
namespace, on a small full disk (tests/test_bad_inputs.py). Each used to start a new
interpreter and pay its imports again: about 1 s of the machine per command.

    python -m tests.helpers.forked_commands SAID CODES -- ARGS... [-- ARGS...]

Each command's error output is appended to SAID and its exit status to CODES (one a line, as
the shell's `$?`); its standard output is dropped.
"""

from __future__ import annotations

import os
import sys
import tempfile


def main(said: str, codes: str, arguments: list[str]) -> None:
    import importlib

    from tests import cli_process

    commands: list[list[str]] = []
    for argument in arguments:
        if argument == "--":
            commands.append([])
        else:
            commands[-1].append(argument)
    for name in cli_process.PRELOADED:
        importlib.import_module(name)
    cli_process._warm()
    for args in commands:
        handle, errors = tempfile.mkstemp(prefix="atelier-said-")  # not on the full disk
        os.close(handle)
        pid = os.fork()
        if pid == 0:
            cli_process._child(
                {
                    "args": args,
                    "env": dict(os.environ),
                    "cwd": os.getcwd(),
                    "stdout": os.devnull,
                    "stderr": errors,
                }
            )
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        with open(said, "ab") as out, open(errors, "rb") as err:
            out.write(err.read())
        os.unlink(errors)
        with open(codes, "a", encoding="utf-8") as out:
            print(128 - code if code < 0 else code, file=out)  # killed by N: 128 + N, as $?


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
