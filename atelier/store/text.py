"""The door of the file: every text written into a workshop is normalised on its way in.

Whatever writes (an import, typing in the window, the command line, a merge, a module a
later version adds), it writes through the store's connection; the connection normalises
each text parameter once (atelier.domain.normalise_text: one kind of line break, no control
characters), JSON values included. So that no workshop can hold a character that would
make its Word or Excel export fail.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from atelier.domain import normalise_text


def _is_clean(text: str) -> bool:
    return text.isprintable() and "\\u" not in text


def clean_value(value: Any) -> Any:
    """A parameter as it may be written: texts normalised, inside JSON values too."""
    if not isinstance(value, str) or _is_clean(value):
        return value
    if value[:1] in "[{" and "\\u" in value:
        cleaned = _clean_json(value)
        if cleaned is not None:
            return cleaned
    return normalise_text(value)


def _clean_json(text: str) -> str | None:
    """A JSON value written by Atelier (json.dumps escapes control characters as \\u00XX,
    which the plain-text pass cannot see), with every string in it normalised."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    for sort_keys in (False, True):
        if json.dumps(value, ensure_ascii=False, sort_keys=sort_keys) == text:
            return json.dumps(_clean_deep(value), ensure_ascii=False, sort_keys=sort_keys)
    return None  # a text that happens to look like JSON: left as text


def _clean_deep(value: Any) -> Any:
    if isinstance(value, str):
        return normalise_text(value)
    if isinstance(value, list):
        return [_clean_deep(v) for v in value]
    if isinstance(value, dict):
        return {normalise_text(str(k)): _clean_deep(v) for k, v in value.items()}
    return value


def _clean_parameters(parameters: Any) -> Any:
    if isinstance(parameters, Mapping):
        return {k: clean_value(v) for k, v in parameters.items()}
    if isinstance(parameters, (list, tuple)):
        if all(not isinstance(v, str) or _is_clean(v) for v in parameters):
            return parameters
        return [clean_value(v) for v in parameters]
    return parameters


class CleanConnection(sqlite3.Connection):
    """A SQLite connection that normalises every text parameter it writes (see above)."""

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        return super().execute(sql, _clean_parameters(parameters))

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> sqlite3.Cursor:
        return super().executemany(sql, (_clean_parameters(p) for p in parameters))
