"""A word of the minutes' tables is never cut in two by a column too narrow for it: printed,
the example's annex said « Accompagnemen » over « t à la mutualisation… » in the column
« Peut être ressource sur ». Each column is now at least as wide as its longest word (up to a
width past which a word, an address, is left to break). Read as printed: LibreOffice's PDF."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
from pypdf import PdfReader

from .conftest import ROOT, run_cli
from .helpers.libreoffice import convert, soffice_or_skip

WORD = re.compile(r"[\w'’]+")


def test_no_word_of_the_example_minutes_is_cut_by_its_column(tmp_path: Path) -> None:
    soffice_or_skip()
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    minutes = tmp_path / "cr.docx"
    done = run_cli("export", str(path), "--docx", str(minutes))
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(minutes))
    written = [p.text for p in document.paragraphs]
    written += [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    # every word as written, and each part of a hyphenated one (a line may end at its hyphen)
    words = {w for text in written for w in WORD.findall(text.replace("-", " "))}
    printed = "\n".join(
        page.extract_text() for page in PdfReader(convert(minutes, "pdf", tmp_path, tmp_path / "lo")).pages
    )
    cut = sorted(
        {w for w in WORD.findall(printed.replace("-", " ")) if w not in words and not w.isdigit()} - {"Page"}
    )
    assert cut == [], cut
