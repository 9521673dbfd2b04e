"""Settings declared once: name, type, default. Window state is kept apart from preferences."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from atelier.paths import user_data_dir


class Option(NamedTuple):
    key: str
    type: type
    default: Any


LANGUAGE = Option("preferences/language", str, "")  # "" = follow the system, else fr/en
FONT_POINT_SIZE = Option("preferences/font_point_size", int, 0)  # 0 = system default
HIGH_CONTRAST = Option("preferences/high_contrast", bool, False)
MATCH_ACROSS = Option("preferences/match_across_workshops", bool, True)  # offers of other workshops too
LAST_FILE = Option("state/last_file", str, "")
RECENT_FILES = Option("state/recent_files", list, [])
# The workshop last shown for each file, « path<TAB>workshop id », the latest first.
LAST_WORKSHOPS = Option("state/last_workshops", list, [])
GEOMETRY = Option("state/geometry", bytes, b"")
WINDOW_STATE = Option("state/window_state", bytes, b"")


_open: dict[Path, QSettings] = {}


def settings() -> QSettings:
    """One INI file in the user's data folder (ATELIER_DATA_DIR overrides it, for tests).

    One QSettings per file, kept: reading the file again and writing it whole at every
    change cost a few milliseconds each (an fsync), six times while the window opens.
    Qt writes changes to disk from the event loop, moments later; `flush()` on quitting.
    """
    path = user_data_dir() / "settings.ini"
    store = _open.get(path)
    if store is None:
        # A folder that cannot be made (a file in its place, a read-only home) must not keep
        # the window from opening a workshop: the preferences are then not kept, that is all.
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
        store = _open[path] = QSettings(str(path), QSettings.Format.IniFormat)
    return store


def get(option: Option) -> Any:
    value = settings().value(option.key, option.default)
    if value is None:
        return option.default
    try:
        if option.type is bool:
            return value in (True, "true", "1", 1)
        if option.type is list:
            if isinstance(value, str):
                if value.startswith("["):
                    return list(json.loads(value))
                return [value] if value else []
            # A list written by an earlier version; anything else (a hand-edited file) is not one.
            return list(value) if isinstance(value, list | tuple) else option.default
        if option.type is bytes:
            if isinstance(value, QByteArray):
                return bytes(value)  # type: ignore[call-overload]  # PySide6's stub misses its buffer protocol
            return bytes(value) if isinstance(value, bytes | bytearray) else option.default
        return option.type(value)
    except (TypeError, ValueError):
        return option.default


def put(option: Option, value: Any) -> None:
    """Change a setting; one that keeps its value writes nothing (no disk write, no fsync)."""
    if settings().contains(option.key) and get(option) == value:
        return
    # Bytes and lists as Qt keeps them natively (PySide would store them pickled, and load
    # pickle to read them back, at every start).
    if option.type is bytes:
        value = QByteArray(bytes(value))
    elif option.type is list:
        value = json.dumps(list(value), ensure_ascii=False)
    settings().setValue(option.key, value)


def flush() -> None:
    """Write every pending change now (the window is closing)."""
    for store in _open.values():
        store.sync()
