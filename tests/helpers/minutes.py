"""The Word minutes as the tests read them: written by `atelier export --docx`, then each
heading's paragraphs, the spaces of French typography read as plain spaces."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.conftest import run_cli


def minutes_sections(workshop: Path, minutes: Path, lang: str) -> dict[str, list[str]]:
    """`workshop` exported to `minutes` in `lang` (the command must succeed); each heading's
    paragraphs in order, empty ones included, by heading."""
    done = run_cli("export", str(workshop), "--docx", str(minutes), env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    sections: dict[str, list[str]] = {}
    heading = ""
    for p in docx.Document(str(minutes)).paragraphs:
        text = p.text.replace("\u00a0", " ").replace("\u202f", " ")
        if p.style.name.startswith("Heading"):
            heading = text
            sections.setdefault(heading, [])
        elif heading:
            sections[heading].append(text)
    return sections
