"""The minutes' « Où en est le suivi au … » sat right against the table of decided matches above
it, no gap, read as the table's last row. It stands apart now, as the minutes' other
paragraphs after a table or a list do (8 pt before)."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from atelier.domain import MatchStatus
from atelier.store import Store

from .conftest import ROOT, run_cli


@pytest.mark.parametrize(
    ("lang", "opening"), [("fr", "Où en est le suivi au "), ("en", "Where the follow-up")]
)
def test_where_the_follow_up_stands_is_apart_from_the_table_above(
    tmp_path: Path, lang: str, opening: str
) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    assert run_cli("match", str(path), "--save", "--lexical").returncode == 0
    with Store.open(path) as store:
        match = store.matches(store.workshops()[0].id)[0]
        store.update_match(match.id, status=MatchStatus.CONFIRMED)
    minutes = tmp_path / "cr.docx"
    done = run_cli("export", str(path), "--docx", str(minutes), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(minutes))
    (summary,) = [p for p in document.paragraphs if p.text.startswith(opening)]
    before = summary._p.getprevious()
    assert before is not None and before.tag.endswith("}tbl")  # right after the table
    space = summary.paragraph_format.space_before
    assert space is not None and space >= Pt(8), space
