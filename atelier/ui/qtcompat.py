"""Work-arounds for the Qt binding, each with the reason it exists."""

from __future__ import annotations

import ctypes
import sys
from typing import Any

# PySide6 (seen with 6.12.0) drops one reference to None each time a Python model's
# data() or headerData() returns None to Qt. On Python 3.11 None is not immortal, so a
# large grid repainted often drives None's count to zero and the interpreter aborts
# ("deallocating None"). Giving back the reference it will take keeps the count whole;
# on Python 3.12+ None is immortal and nothing is needed.
_MUST_COMPENSATE = sys.version_info < (3, 12)
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


# The same binding also returns None without a reference from every method that returns
# nothing (setText, drawText, insertText…): each such call from Python takes one reference
# to None away. A window that paints in Python (the grid's cells, the projector) makes
# thousands of them a minute, and None starts with a few thousand references. Python 3.12
# made None immortal for this kind of reason; on 3.11 the same is done here, once, by giving
# None more references than a session could ever take away (2**40).
_PINNED = False


def pin_none() -> None:
    global _PINNED
    if _MUST_COMPENSATE and not _PINNED:
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
        _PINNED = True


pin_none()


# PySide's import hook (shibokensupport.feature, for `from __feature__ import snake_case`)
# asks of every module imported after PySide whether its source mentions "PySide6", and
# reads it with inspect.getsource: the file read, split into lines and cached in linecache,
# for each of the ~50 modules the window imports (atelier's and the standard library's),
# about 6 ms of every start. The same question answered from the file's bytes gives the
# same answer; anything else (no .py file, an unreadable one) still goes to PySide's own.
# Python's own modules (typing, datetime, shutil…: half of those asked, the largest files)
# never mention PySide6: answered without reading them (~2 ms; tests/test_qt_binding.py
# checks the answer is PySide's for every one of them loaded).
def _read_sources_directly() -> None:
    import PySide6  # noqa: F401 - installs the hook (shiboken6's signature bootstrap)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "atelier", False):
        return

    import os

    standard = os.path.dirname(os.__file__) + os.sep  # the standard library's folder

    def uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            if path.startswith(standard) and "-packages" not in path[len(standard) :]:
                return False  # one of Python's own modules (not one installed beside them)
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.atelier = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


_read_sources_directly()


def no_data() -> Any:
    """What a model returns for "no value for this role"."""
    if _MUST_COMPENSATE:
        _incref(None)
    return None
