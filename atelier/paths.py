"""Where Atelier finds its bundled resources and keeps per-user data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a source tree, inside a frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    candidates += [_PACKAGE.parent / "resources", _PACKAGE / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def examples_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "examples"] if frozen else []
    candidates.append(_PACKAGE.parent / "examples")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


EXAMPLE_NAME = "atelier-2021-03-16.atelier"


def bundled_example() -> Path:
    return examples_dir() / EXAMPLE_NAME


def user_data_dir() -> Path:
    """Per-user folder for the working copy of the example, backups and recent files."""
    override = os.environ.get("ATELIER_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("Atelier", appauthor=False)


def example_working_copy(*, fresh: bool = False) -> Path:
    """A copy of the bundled example in the user's folder, so edits never touch the original.

    Made with SQLite's backup API from the bundled file; `fresh` remakes it.
    """
    from atelier.store import Store

    copy = user_data_dir() / "Exemple - atelier du 16 mars 2021.atelier"
    if copy.exists() and not fresh:
        return copy
    copy.parent.mkdir(parents=True, exist_ok=True)
    example = bundled_example()
    temp = copy.with_name(copy.name + ".tmp")
    temp.unlink(missing_ok=True)
    if example.is_file():
        with Store.open(example, readonly=True) as source:
            source.backup_to(temp)
    else:  # a stripped install: start on an empty workshop rather than fail
        Store.create(temp, title="Nouvel atelier").close()
    for side in (copy.with_name(copy.name + "-wal"), copy.with_name(copy.name + "-shm")):
        side.unlink(missing_ok=True)
    temp.replace(copy)
    return copy
