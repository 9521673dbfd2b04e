"""Two windows on one workshop file, one opened through a link (a shortcut in another folder,
a synced folder's link): each took the lock beside the name it was given (« .~lock.a.atelier »
beside the file, « .~lock.raccourci.atelier » beside the link), so both opened it to write,
each with its own view and undo of a file the other was changing. The lock is now taken
beside the file the link leads to: the second window opens it read-only, as for any file
another window holds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from atelier.store import Store

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"


@pytest.mark.parametrize("first", ["the file", "the link"])
def test_a_file_held_through_a_link_or_its_name_is_read_only_to_the_other(first: str, tmp_path: Path) -> None:
    (tmp_path / "partage").mkdir()
    (tmp_path / "bureau").mkdir()
    path = tmp_path / "partage" / "atelier.atelier"
    shutil.copy(EXAMPLE, path)
    link = tmp_path / "bureau" / "raccourci.atelier"
    link.symlink_to(path)
    names = (path, link) if first == "the file" else (link, path)
    with Store.open(names[0], lock=True) as holder:
        assert not holder.readonly
        with Store.open(names[1], lock=True) as second:
            assert second.readonly and second.locked_by_other
    with Store.open(names[1], lock=True) as alone:  # let go: writable again
        assert not alone.readonly
    assert not list((tmp_path / "bureau").glob(".~lock*")) and not list(
        (tmp_path / "partage").glob(".~lock*")
    )
