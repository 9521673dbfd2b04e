"""The English minutes write Atelier's own words in the course of a sentence in lower case, as
English does after a colon: « Then come: Priority neighbourhoods (5 participants); Young
people … » read as if each were a name; the French « Viennent ensuite : quartiers prioritaires
(5 participants) ; jeunes … » never capitalised them. An acronym keeps its capitals."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT
from tests.helpers.minutes import minutes_sections


def test_then_come_in_lower_case(tmp_path: Path) -> None:
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    english = minutes_sections(path, tmp_path / "minutes.docx", "en")
    (line,) = [p for p in english["What is already under way"] if p.startswith("Then come:")]
    assert line == (
        "Then come: priority neighbourhoods (5 participants); young people (4 participants); "
        "local plan for integration and employment (PLIE, 4 participants)."
    ), line
    french = minutes_sections(path, tmp_path / "cr.docx", "fr")
    (line,) = [p for p in french["Ce qui est déjà engagé"] if p.startswith("Viennent ensuite")]
    assert line.startswith("Viennent ensuite : quartiers prioritaires (5 participants) ; jeunes"), line
