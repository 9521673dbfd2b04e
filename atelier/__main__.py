"""`python -m atelier`, the `atelier` command and the bundle's launcher: the command line.

No garbage collection while the command loads its modules (a few hundred thousand objects:
modules, classes, functions, Qt's types and enums, all kept until the process ends). Python
would walk them over and over as they pile up (about 8 ms of the window's start, every time);
once they are loaded they are frozen out of its way and collection resumes (cli._run for
the commands, ui.app.run for the window, once Qt and the window's modules are loaded).
"""

from __future__ import annotations

import gc


def main() -> int:
    gc.disable()
    from atelier.cli import main as command_line

    return command_line()


if __name__ == "__main__":
    raise SystemExit(main())
