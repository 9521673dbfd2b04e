"""Where Atelier finds its bundled resources and keeps per-user data."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The package's `resources/` folder (package data).

    The same in a source tree, an editable install, an installed wheel and the PyInstaller
    bundle (which collects it as `atelier/resources`): nothing is looked up beside the package.
    A package installed as files is a folder, which is what `importlib.resources.files("atelier")`
    returns; that import (about 5 ms: tempfile, shutil…) is paid only for another kind of install.
    """
    folder = _PACKAGE / "resources"
    if folder.is_dir():
        return folder
    from importlib.resources import files

    found = files("atelier").joinpath("resources")
    if not isinstance(found, Path):  # a zipped install: Qt and SQLite need real files
        raise RuntimeError("Atelier must be installed as files, not inside a zip archive")
    return found


def resource(*parts: str) -> Path:
    """One bundled resource, e.g. `resource("templates", "compte-rendu.docx")`."""
    return resources_dir().joinpath(*parts)


EXAMPLE_NAME = "atelier-2021-03-16.atelier"


def bundled_example() -> Path:
    """The example workshop shipped with Atelier.

    Installed (wheel, bundle): package data, `resources/examples/`, copied there at build time
    by `setup.py`. In a source tree or an editable install: `examples/` beside the package,
    where `examples/build_example.py` writes it.
    """
    installed, source = shipped_example_places()
    return installed if installed.is_file() else source


def shipped_example_places() -> tuple[Path, Path]:
    """Where the shipped example may be: package data (installed), `examples/` (source tree)."""
    return resource("examples", EXAMPLE_NAME), _PACKAGE.parent / "examples" / EXAMPLE_NAME


def user_data_dir() -> Path:
    """Per-user folder for the working copy of the example, backups and recent files."""
    override = os.environ.get("ATELIER_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("Atelier", appauthor=False)
