"""Every subcommand's help in one language: `ATELIER_LANG=en atelier workshops --help` showed
« --join ATELIER AUTRE, --reunir ATELIER AUTRE » (the French placeholders of an option taking
two values) while every other placeholder of the English help said WORKSHOP, FILE, OUTPUT.
Each command's help is read in English for the French placeholders, and in French for the
English ones."""

from __future__ import annotations

import re

import pytest

from atelier.cli.options import _METAVAR_EN, COMMANDS

from .conftest import run_cli

# The placeholders that differ between the languages (« DATE » and « N » are both).
FRENCH = {fr for fr, en in _METAVAR_EN.items() if fr != en} | {"AUTRE"}
ENGLISH = {en for fr, en in _METAVAR_EN.items() if fr != en} | {"OTHER"}
# The help's own words, French that must not be left in the English help.
FRENCH_WORDS = ("utilisation", "arguments manquants", "affiche cette aide", " le fichier ", " un atelier ")


def _placeholders(text: str) -> set[str]:
    """The placeholders a help shows: upper-case words (« FICHIER.atelier », « SORTIE.docx »)."""
    return set(re.findall(r"(?<![\w-])[A-Z][A-Z_]+(?:\.(?:atelier|docx|xlsx))?(?![\w-])", text))


def _help(*args: str, lang: str) -> str:
    shown = run_cli(*args, "--help", env={"ATELIER_LANG": lang})
    assert shown.returncode == 0, shown.stderr
    return shown.stdout


@pytest.mark.parametrize("command", [None, *sorted(COMMANDS)])
def test_each_help_is_in_one_language(command: str | None) -> None:
    args = () if command is None else (command,)
    english = _help(*args, lang="en")
    french = _help(*args, lang="fr")
    assert not _placeholders(english) & FRENCH, (command, english)
    assert not any(word in english.lower() for word in FRENCH_WORDS), (command, english)
    assert not _placeholders(french) & ENGLISH, (command, french)
