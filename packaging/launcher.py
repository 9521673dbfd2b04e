"""Entry point of the frozen bundle: the same command line as `atelier`."""

import contextlib
import os
import sys

if sys.platform.startswith("linux") and not os.environ.get("LC_ALL"):
    # Python, started as `python` or a venv's `atelier`, moves a C locale (LANG unset, or naming
    # a locale the system lacks) to C.UTF-8 for itself and its libraries (PEP 538); PyInstaller's
    # bootloader does not, and Qt then printed four lines about the locale at every window.
    import locale

    try:
        ctype = locale.setlocale(locale.LC_CTYPE, "")
    except locale.Error:  # LANG=fr_FR.UTF-8 where that locale is not installed
        ctype = "C"
    if ctype in ("C", "POSIX"):
        # As Python does: for this process (Qt reads its encoding when the window starts) and
        # for the processes it would start.
        with contextlib.suppress(locale.Error):
            locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
            os.environ["LC_CTYPE"] = "C.UTF-8"

from atelier.__main__ import main

raise SystemExit(main())
