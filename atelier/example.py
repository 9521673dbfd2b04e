"""The example workshop of 16 March 2021: a working copy in the user's folder, made from the bundled file."""

from __future__ import annotations

import os
from pathlib import Path

from atelier.paths import bundled_example, shipped_example_places, user_data_dir

# The working copy's name in each language. The workshop in it is a real French workshop (its
# grid as typed in the room, its minutes): its content stays French, its name is the user's.
COPY_NAMES = {
    "fr": "Exemple - atelier du 16 mars 2021.atelier",
    "en": "Example - workshop of 16 March 2021.atelier",
}


def example_copy_path() -> Path:
    """Where the working copy of the example is (or would be) in the user's folder: named in
    the user's language; a copy made before in the other language is the copy still (its
    edits are there), never a second one beside it."""
    from atelier.i18n import current_language

    folder = user_data_dir()
    mine = folder / COPY_NAMES.get(current_language(), COPY_NAMES["fr"])
    if mine.exists():
        return mine
    return next((folder / n for n in COPY_NAMES.values() if (folder / n).exists()), mine)


def is_bundled_example(path: Path) -> bool:
    """Whether `path` is the example shipped with Atelier, however it is spelled (a link to it,
    « ../ », another case on a disk that ignores case), in the package's data or the source
    tree's `examples/`. Opened by its path (`atelier open %f` from the file manager, Fichier ›
    Ouvrir…, a recent file), the window's matching wrote its suggestions into it: the working
    copy is opened instead, and the shipped file is never written."""
    for shipped in {bundled_example(), *shipped_example_places()}:
        try:
            if path.resolve() == shipped.resolve():
                return True
            if path.is_file() and shipped.is_file() and os.path.samefile(path, shipped):
                return True
        except OSError:  # unreadable or gone: not that file
            continue
    return False


def example_working_copy(*, fresh: bool = False) -> Path:
    """A copy of the bundled example in the user's folder, so edits never touch the original.

    Made with SQLite's backup API from the bundled file; `fresh` remakes it.
    """
    from atelier.store import Store

    copy = example_copy_path()
    if copy.exists() and not fresh:
        return copy
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file in its place, a read-only home: said, naming the folder
        from atelier.errors import FileRefused
        from atelier.store.files import os_failure

        if isinstance(exc, FileExistsError):
            raise FileRefused("folder.not_folder", path=exc.filename or copy.parent) from None
        raise os_failure(exc, exc.filename or copy.parent, writing=True) from None
    example = bundled_example()
    # Written beside, then put in place in one rename; never over a copy a window has open.
    if example.is_file():
        with Store.open(example, readonly=True) as source:
            source.save_copy(copy)
    else:  # a stripped install: start on an empty workshop of today rather than fail
        from datetime import date

        Store.create(copy, title="Nouvel atelier", date=date.today().isoformat(), force=True).close()
    return copy
