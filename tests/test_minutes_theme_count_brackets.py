"""A theme's title with its own brackets, counted: the count joins the same pair. The minutes
printed « Viennent ensuite : … ; plan local pour l'insertion et l'emploi (PLIE) (4
participants). » (English « … (PLIE) (4 participants) »): two pairs in a row, as if « 4
participants » were a second acronym. Now « … (PLIE, 4 participants) »."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import ROOT
from tests.helpers.minutes import minutes_sections

# The lines that name the smaller themes with how many participants each has.
THEN = ("Viennent ensuite : ", "Then come: ")


def _nested(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth > 1:
            return True
    return False


def test_a_theme_with_brackets_counted_in_the_same_pair(tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    for lang, heading in (("fr", "Ce qui est déjà engagé"), ("en", "What is already under way")):
        lines = minutes_sections(path, tmp_path / f"{lang}.docx", lang)[heading]
        (line,) = [p for p in lines if p.startswith(THEN)]
        themes = line.split(": ", 1)[1].rstrip(".").split(" ; " if lang == "fr" else "; ")
        assert len(themes) >= 3, line
        for theme in themes:
            # each title once, then its count: in the title's own brackets when it has some
            assert re.search(r"\d+ participants?\)$", theme), theme
            assert not re.search(r"\)\s*\(", theme), theme
            assert not _nested(theme), theme
            assert theme.count("(") == 1 == theme.count(")"), theme
        # the acronym is still said, in the pair that holds the count
        assert any(re.search(r"\(PLIE, 4 participants\)$", theme) for theme in themes), line
