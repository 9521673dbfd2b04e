"""What the window loads before its first screen: only what that screen needs. The heavy
libraries (pandas, python-docx, openpyxl, numpy) never; nor what only a later command uses:
uuid and the platform module it pulls in (an id is made by an edit, a merge, an import),
secrets (a moment of the file's history, written with an edit), tomllib (the glossary the
directory's search reads), the code that merges two files, hashlib and the OpenSSL library it
loads (the schema's digest uses Python's own SHA-256). Nor the regular expressions of the text
modules that only an import, a merge or matching runs (`atelier.lazy`). `atelier open FILE
--quit-after-show` in a fresh process, as benchmarks/bench_startup.py times it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOT_AT_START = (
    "pandas",
    "numpy",
    "openpyxl",
    "docx",
    "uuid",
    "platform",
    "secrets",
    "tomllib",
    "atelier.store.merge",
    "hashlib",
    "_hashlib",
)
# Patterns the window's first screen never runs: line breaks and control characters of an
# import, attendance marks' brackets, what a statement denies (matching), a command line's
# values, a file name's extension.
NOT_COMPILED_AT_START = {
    "atelier.domain": ("_NOT_TEXT", "_BREAKS", "_ROW_ENDS", "_NOT_TEXT_NOR_BREAK", "_EMPTY_BRACKETS"),
    "atelier.french": ("_MAY_DENY", "_DENIED", "_CLAUSE_END", "_WORD", "_TYPED"),
    "atelier.cli.options": ("_LINE_BREAKS",),
    "atelier.store.files": ("_EXTENSION",),
}

SCRIPT = """
import atexit, sys
loaded = lambda: sorted(m for m in sys.modules if m in NAMES or m.split(".")[0] in NAMES)
atexit.register(lambda: print("LOADED", loaded()))
def compiled():
    import re
    return sorted(
        f"{module}.{name}"
        for module, names in PATTERNS.items()
        for name in names
        if isinstance(getattr(sys.modules[module], name), re.Pattern)
    )
atexit.register(lambda: print("COMPILED", compiled()))
sys.argv = ["atelier", "open", PATH, "--quit-after-show"]
from atelier.__main__ import main
sys.exit(main())
"""


def test_the_window_opens_without_loading_what_its_first_screen_does_not_use(tmp_path: Path) -> None:
    path = tmp_path / "atelier.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    script = (
        SCRIPT.replace("NAMES", repr(set(NOT_AT_START)))
        .replace("PATTERNS", repr(NOT_COMPILED_AT_START))
        .replace("PATH", repr(str(path)))
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ATELIER_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("LOADED")]
    assert line == "LOADED []", line
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("COMPILED")]
    assert line == "COMPILED []", line


def test_a_pattern_compiled_at_its_first_use_then_is_the_compiled_pattern_itself() -> None:
    """`atelier.lazy.regex` answers as `re.compile` would, and from its first use the module's
    name holds the compiled pattern: the loops that search every text pay nothing more."""
    import re

    namespace: dict[str, object] = {}
    exec(  # a module of its own, as atelier.domain or atelier.french
        "import re\nfrom atelier.lazy import regex\n"
        "AWAY = regex(r'(?<![\\w-])(excus[ée]{1,2}|absente?)s?(?![\\w-])', re.IGNORECASE)\n"
        "SAME = AWAY\n",
        namespace,
    )
    stand_in: Any = namespace["AWAY"]
    assert not isinstance(stand_in, re.Pattern)
    expected = re.compile(r"(?<![\w-])(excus[ée]{1,2}|absente?)s?(?![\w-])", re.IGNORECASE)
    text = "Anne (excusée), Marc ABSENT, l'absentéisme, absent-e"
    assert [m.span() for m in stand_in.finditer(text)] == [m.span() for m in expected.finditer(text)]
    assert namespace["AWAY"] == expected and namespace["SAME"] == expected
    assert isinstance(namespace["AWAY"], re.Pattern)
    assert stand_in.sub("·", text) == expected.sub("·", text)
