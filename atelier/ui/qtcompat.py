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


def no_data() -> Any:
    """What a model returns for "no value for this role"."""
    if _MUST_COMPENSATE:
        _incref(None)
    return None
