"""The help names each option and command in the reader's language first: `atelier --help` and
`atelier suivi --help` in English listed « --etat STATE, --state STATE », « --historique,
--history », « suivi (follow-up) », French first, while in French `atelier workshops --help`
listed « --yes, --oui » and « search (chercher) ». Both names are still accepted."""

from __future__ import annotations

from pathlib import Path

from .conftest import run_cli

NB = "\u00a0"


def _help(*args: str, lang: str) -> str:
    shown = run_cli(*args, "--help", env={"ATELIER_LANG": lang})
    assert shown.returncode == 0, shown.stderr
    return shown.stdout


def test_english_help_names_the_english_option_first_and_french_the_french() -> None:
    english = _help("suivi", lang="en")
    assert "--state STATE, --etat STATE" in english, english
    assert "--on DATE, --le DATE" in english and "--history, --historique" in english, english
    assert "[--state STATE]" in english  # the usage line too
    assert english.startswith("usage: atelier suivi")  # the command as typed
    french = _help("suivi", lang="fr")
    assert "--etat ETAT, --state ETAT" in french and "--historique, --history" in french, french
    assert "--oui, --yes" in _help("workshops", lang="fr")
    assert "--yes, --oui" in _help("workshops", lang="en")
    listing = _help(lang="en")
    assert "follow-up (suivi)" in listing and "search (chercher)" in listing, listing
    assert "workshops (ateliers)" in listing, listing
    listing = _help(lang="fr")
    assert "suivi (follow-up)" in listing and "chercher (search)" in listing, listing
    assert "ateliers (workshops)" in listing, listing
    assert _help("follow-up", lang="en").startswith("usage: atelier follow-up")


def test_both_names_are_still_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.atelier"
    assert run_cli("new", str(path), "--title", "Atelier").returncode == 0
    for args in (("--etat", "fait"), ("--state", "done")):
        for lang in ("fr", "en"):
            done = run_cli("suivi", str(path), *args, "--historique", env={"ATELIER_LANG": lang})
            assert done.returncode == 0, done.stderr
    for name in ("--yes", "--oui"):
        added = run_cli("workshops", str(path), "--add", "--title", "Autre", env={"ATELIER_LANG": "en"})
        assert added.returncode == 0, added.stderr
        gone = run_cli("workshops", str(path), "--delete", "Autre", name, env={"ATELIER_LANG": "fr"})
        assert gone.returncode == 0, gone.stderr
    for command in ("chercher", "search"):
        assert run_cli(command, str(path), "emploi").returncode in (0, 1)


def test_each_command_a_message_suggests_is_one_the_command_line_takes_in_both_languages() -> None:
    """Suggested commands (`i18n.command_line`) name a command in the reader's language from a
    table of its own (« ateliers » for « workshops », « suivi » for « follow-up »): each pair
    is one command of the parser under its two names, so a pasted suggestion runs in either."""
    import argparse

    from atelier.cli import build_parser
    from atelier.i18n import _FRENCH_COMMANDS

    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for english, french in _FRENCH_COMMANDS.items():
        assert english in commands.choices and french in commands.choices, (english, french)
        assert commands.choices[english] is commands.choices[french], (english, french)
