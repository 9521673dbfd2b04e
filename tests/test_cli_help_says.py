"""`atelier --help` says what a user needs to know to start: how to have it in the other
language (--lang, or ATELIER_LANG, as the README says; nothing in the help told it), and every kind of
grid `import` takes (it listed « Word, Excel, CSV ou HTML » while a .txt grid is read too)."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize(
    ("lang", "other", "text"),
    [("fr", "--lang en", "texte (.txt)"), ("en", "--lang fr", "text (.txt)")],
)
def test_the_help_says_how_to_switch_language_and_every_grid_import_reads(
    lang: str, other: str, text: str
) -> None:
    done = run_cli("--help", env={"ATELIER_LANG": lang})
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stdout.split())  # argparse wraps lines where it likes
    assert other in said and "ATELIER_LANG" in said, said
    assert text in said, said
    grid = run_cli("import", "--help", env={"ATELIER_LANG": lang})
    assert text in " ".join(grid.stdout.split()), grid.stdout
