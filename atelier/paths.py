"""Where Atelier finds its bundled resources and keeps per-user data."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The package's `resources/` folder (package data, found with importlib.resources).

    The same in a source tree, an editable install, an installed wheel and the PyInstaller
    bundle (which collects it as `atelier/resources`): nothing is looked up beside the package.
    """
    from importlib.resources import files

    folder = files("atelier").joinpath("resources")
    if not isinstance(folder, Path):  # a zipped install: Qt and SQLite need real files
        raise RuntimeError("Atelier must be installed as files, not inside a zip archive")
    return folder


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
    installed = resource("examples", EXAMPLE_NAME)
    if installed.is_file():
        return installed
    return _PACKAGE.parent / "examples" / EXAMPLE_NAME


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
