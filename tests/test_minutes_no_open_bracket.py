"""A piece of a statement cut to a few words is never cut inside brackets it opens: the
example's minutes cited « besoins de connaissances (de ce qu'il se fait localement […] »
(Grand Angoulême), a bracket opened and never closed, its credit's bracket read as the close.
The piece now stops before the aside, « besoins de connaissances… (Grand Angoulême) »."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from .conftest import ROOT, run_cli


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_paragraph_of_the_example_minutes_leaves_a_bracket_open(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    minutes = tmp_path / "cr.docx"
    done = run_cli("export", str(path), "--docx", str(minutes), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(minutes))
    texts = [p.text for p in document.paragraphs]
    texts += [p.text for t in document.tables[:-1] for c in t._cells for p in c.paragraphs]
    open_ones = [t for t in texts if t.count("(") != t.count(")")]
    assert open_ones == [], open_ones
    said = "\n".join(texts)
    assert "besoins de connaissances… (Grand Angoulême)" in said, said
    assert "(de ce qu'il se fait localement […]" not in said and "localement…" not in said, said
