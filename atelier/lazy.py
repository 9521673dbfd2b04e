"""Regular expressions compiled the first time they are used, not when their module loads.

The window imports the text modules (domain, french, the store's files) for a few of their
functions; compiling every pattern they hold at import cost each start about 10 ms, most of
them for an import, a merge or matching that opening a workshop never runs.

`regex(...)` stands in the module's namespace where `re.compile(...)` stood. Its first use
compiles the pattern and puts the compiled pattern in its place under the same name(s), so
that every later use is the pattern itself: no extra call in the loops that run it (matching
searches every text with some of them). Code that kept the stand-in (`from m import _X`) is
answered by the same compiled pattern. `re.sub(_X, …)` and the like want the pattern itself:
call its methods (`_X.sub(…)`), as every use here does.
"""

from __future__ import annotations

import re
import sys
from typing import Any, cast


class _Deferred:
    __slots__ = ("_compiled", "_flags", "_namespace", "_source")

    def __init__(self, source: str, flags: int, namespace: dict[str, Any]) -> None:
        self._source = source
        self._flags = flags
        self._namespace = namespace
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
            for name, value in list(self._namespace.items()):
                if value is self:
                    self._namespace[name] = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern(), name)

    def __repr__(self) -> str:
        return f"regex({self._source!r}, {self._flags})"


def regex(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, compiled at its first use (see the module's text)."""
    namespace = sys._getframe(1).f_globals
    return cast("re.Pattern[str]", _Deferred(source, int(flags), namespace))
