"""The language of the command line, chosen on it: `--lang fr|en`, before or after the command.

`atelier --lang en info F` was refused with « argument COMMANDE : choix inconnu « en » »,
blaming « en » for an option that did not exist; a language Atelier does not speak asked in
ATELIER_LANG (« de ») was French without a word, « anglais » too. Each is said now, every file
left byte-identical."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from atelier.store import Store

from .conftest import run_cli

NB = "\u00a0"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "mars.atelier"
    Store.create(path, title="Atelier de mars", date="2021-03-16").close()
    return path


@pytest.mark.parametrize(
    "words",
    [
        ("--lang", "en", "info", "{file}"),
        ("info", "{file}", "--lang", "en"),
        ("info", "--lang=en", "{file}"),
    ],
    ids=["before-the-command", "after-the-command", "with-equals"],
)
def test_lang_en_speaks_english_wherever_it_is_typed(workshop: Path, words: tuple[str, ...]) -> None:
    before = _sha(workshop)
    done = run_cli(*(str(workshop) if word == "{file}" else word for word in words))  # ATELIER_LANG=fr
    assert done.returncode == 0, done.stderr
    assert f"File: {workshop}" in done.stdout and "Participants: 0" in done.stdout, done.stdout
    assert _sha(workshop) == before


def test_lang_fr_wins_over_an_english_environment(workshop: Path) -> None:
    done = run_cli("info", str(workshop), "--lang", "fr", env={"ATELIER_LANG": "en"})
    assert f"Participants{NB}: 0" in done.stdout, done.stdout
    refused = run_cli(
        "--lang", "fr", "info", str(workshop.with_name("absent.atelier")), env={"LANG": "en_US"}
    )
    assert (
        refused.stderr.strip()
        == f"Le fichier «{NB}{workshop.with_name('absent.atelier')}{NB}» est introuvable."
    )


def test_an_unknown_language_is_said_in_one_sentence(workshop: Path) -> None:
    before = _sha(workshop)
    for words in (("--lang", "de", "info", str(workshop)), ("info", str(workshop), "--lang", "de")):
        done = run_cli(*words)
        assert done.returncode == 2 and done.stdout == "", (done.stdout, done.stderr)
        line = done.stderr.strip()
        assert "\n" not in line and "Traceback" not in line, line
        assert "--lang" in line and f"«{NB}de{NB}»" in line and f"«{NB}fr{NB}»" in line, line
        assert f"«{NB}en{NB}»" in line and "COMMANDE" not in line, line
    english = run_cli("info", str(workshop), "--lang", "de", env={"ATELIER_LANG": "en"})
    assert english.returncode == 2 and "“de”" in english.stderr, english.stderr
    assert _sha(workshop) == before


def test_an_unknown_language_in_the_environment_is_said_and_french_spoken(workshop: Path) -> None:
    before = _sha(workshop)
    done = run_cli("info", str(workshop), env={"ATELIER_LANG": "de"})
    assert done.returncode == 0, done.stderr
    assert f"Participants{NB}: 0" in done.stdout, done.stdout
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"ATELIER_LANG=de{NB}: "), line
    assert "fr" in line and "en" in line and "français" in line, line
    # Its name in French or English is understood.
    for name, said in (
        ("anglais", "Participants: 0"),
        ("english", "Participants: 0"),
        ("français", "Participants" + NB),
    ):
        spoken = run_cli("info", str(workshop), env={"ATELIER_LANG": name})
        assert said in spoken.stdout and spoken.stderr == "", (name, spoken.stdout, spoken.stderr)
    # --lang given: the environment is not read, nothing to say about it.
    chosen = run_cli("info", str(workshop), "--lang", "en", env={"ATELIER_LANG": "de"})
    assert chosen.stderr == "" and "Participants: 0" in chosen.stdout, chosen.stderr
    assert _sha(workshop) == before


def test_the_help_says_how_to_choose_the_language() -> None:
    listing = " ".join(run_cli("--help").stdout.split())
    assert "--lang" in listing, listing
    english = run_cli("info", "--help", "--lang", "en")
    assert english.stdout.startswith("usage: atelier info"), english.stdout
    assert "--lang" in english.stdout, english.stdout


def test_the_window_speaks_the_language_typed_above_its_own_setting(_user_data: Path) -> None:
    """`atelier open F --lang en`: the window of this run in English, whatever its setting."""
    from atelier.i18n import ask_language
    from atelier.ui import settings
    from atelier.ui.translate import ui_language

    settings.put(settings.LANGUAGE, "fr")
    try:
        assert ui_language() == "fr"
        ask_language("en")
        assert ui_language() == "en"
    finally:
        ask_language(None)
    assert ui_language() == "fr"


def test_example_with_lang_en_names_its_copy_in_english(_user_data: Path, tmp_path: Path) -> None:
    done = run_cli("example", "--lang", "en", "--quit-after-show", env={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    (copy,) = _user_data.glob("*.atelier")
    assert copy.name == "Example - workshop of 16 March 2021.atelier", copy.name
    assert done.stdout.splitlines() == [f"Example copied to: {copy}"], done.stdout


@pytest.mark.parametrize(
    "words",
    [("--help",), ("info", "--help"), ("--version",), ("nimporte",)],
    ids=["help", "command help", "version", "unknown command"],
)
def test_an_unknown_language_in_the_environment_is_said_before_the_help(words: tuple[str, ...]) -> None:
    """`ATELIER_LANG=de atelier --help` printed the French help without a word about German:
    the help (the version, a refusal) is where a newcomer starts; said there too, once."""
    done = run_cli(*words, env={"ATELIER_LANG": "de"})
    lines = done.stderr.splitlines()
    assert lines and lines[0].startswith(f"ATELIER_LANG=de{NB}: Atelier parle français"), done.stderr
    assert sum("ATELIER_LANG" in line for line in lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    if words[-1] == "--help":
        assert done.returncode == 0 and done.stdout.startswith("utilisation"), done.stdout


def test_a_language_typed_shortened_is_the_language_spoken() -> None:
    """« --lan en », as argparse takes it: English, and nothing said of ATELIER_LANG=de."""
    done = run_cli("--lan", "en", "--help", env={"ATELIER_LANG": "de"})
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout.startswith("usage: atelier"), done.stdout
