"""An option the command would not use is refused in one sentence, never silently dropped:
`atelier suivi FICHIER 097f4b --workshop 2021 --etat fait` recorded the step without a look at
the workshop given, `import GRILLE -o F --workshop X` made a file as if --workshop had not been
typed, `workshops FICHIER --title X` listed the workshops. Each is refused (exit 2, one line,
in the user's language), and every file is left byte-identical."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.test_across_people import _with_a_self_match

NB = "\u00a0"
GRID = ROOT / "examples" / "grille-atelier-2021-03-16.txt"


@pytest.fixture
def network(tmp_path: Path) -> tuple[Path, str]:
    path = _with_a_self_match(tmp_path / "reseau.atelier")
    listed = json.loads(run_cli("suivi", str(path), "--json").stdout)
    (lucie,) = [e["short_id"] for e in listed if not e["with_themself"]]
    return path, lucie


def _refused(done, *words: str) -> str:  # a finished `run_cli`
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stdout == "", done.stdout
    line = done.stderr.strip()
    assert "\n" not in line and "Traceback" not in line, line
    for word in words:
        assert word in line, line
    return line


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (("--workshop", "2022-03-15", "--etat", "fait"), "--workshop ne va pas avec l'identifiant"),
        (("--participant", "Lucie", "--note", "vu"), "--participant ne va pas avec l'identifiant"),
        (("--participant", "Lucie", "--historique"), "--participant ne va pas avec l'identifiant"),
    ],
)
def test_suivi_refuses_a_filter_given_with_a_match_id(network, options, said) -> None:
    path, lucie = network
    before = path.read_bytes()
    line = _refused(run_cli("suivi", str(path), lucie, *options), said, f"«{NB}{lucie}{NB}»")
    assert line.startswith(f"atelier{NB}: "), line
    english = run_cli("suivi", str(path), lucie, *options, env={"ATELIER_LANG": "en"})
    _refused(english, "does not go with a match's id")
    assert path.read_bytes() == before


def test_import_refuses_options_it_would_not_use(tmp_path: Path) -> None:
    made = tmp_path / "nouveau.atelier"
    _refused(run_cli("import", str(GRID), "-o", str(made), "--workshop", "2021"), "--workshop va avec --into")
    assert not made.exists()
    kept = tmp_path / "kept.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", kept)
    before = kept.read_bytes()
    for more in ((), ("--new-workshop", "--title", "Autre")):
        _refused(run_cli("import", str(GRID), "--into", str(kept), "--force", *more), "--force va avec -o")
    assert kept.read_bytes() == before
    english = run_cli("import", str(GRID), "--into", str(kept), "--force", env={"ATELIER_LANG": "en"})
    _refused(english, "--force goes with -o")


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (("--title", "Autre"), "--title, --date et --place vont avec --add ou --rename"),
        (("--date", "2021-03-16"), "--title, --date et --place vont avec --add ou --rename"),
        (
            ("--delete", "2021", "--place", "Pau", "--yes"),
            "--title, --date et --place vont avec --add ou --rename",
        ),
        (("--oui",), "--oui va avec --delete"),
        (("--rename", "2021", "--title", "Autre", "--oui"), "--oui va avec --delete"),
        (("--add", "--title", "Autre", "--json"), "--json va avec la liste des ateliers"),
        (("--delete", "2021", "--yes", "--json"), "--json va avec la liste des ateliers"),
    ],
)
def test_workshops_refuses_options_it_would_not_use(tmp_path: Path, options, said) -> None:
    path = tmp_path / "ex.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    before = path.read_bytes()
    _refused(run_cli("workshops", str(path), *options), said)
    assert path.read_bytes() == before


def test_export_to_the_standard_output_refuses_force(tmp_path: Path) -> None:
    path = tmp_path / "ex.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    _refused(run_cli("export", str(path), "--json", "-", "--force"), f"--force ne va pas avec «{NB}-{NB}»")


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("export", "{file}", "--docx", ""), "--docx"),
        (("export", "{file}", "--xlsx", ""), "--xlsx"),
        (("export", "{file}", "--json", ""), "--json"),
        (("export", "{file}", "--fiches", ""), "--fiches"),
        (("import", str(GRID), "-o", ""), "-o/--output"),
        (("new", ""), "FICHIER"),
        (("merge", "{file}", "", "-o", "{folder}/c.atelier"), "B"),
    ],
)
def test_an_empty_file_name_is_refused_not_taken_for_no_export(tmp_path: Path, args, option) -> None:
    """A script whose $OUT was empty ran `atelier export F --docx ""`: exit 0, nothing said,
    nothing written, and the script believed it had the minutes. `import … -o ""` answered
    « « . » est un dossier » of a dot nobody typed. An empty file name is refused (exit 2),
    naming the option, and nothing is written."""
    path = tmp_path / "ex.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    before = sorted(p.name for p in tmp_path.iterdir()), path.read_bytes()
    done = run_cli(*(a.format(file=path, folder=tmp_path) for a in args), cwd=tmp_path)
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    said = f"argument {option}{NB}: un nom de fichier est attendu, pas un texte vide"
    assert said in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert (sorted(p.name for p in tmp_path.iterdir()), path.read_bytes()) == before


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("workshops", "{file}", "--delete", "", "--yes"), "--delete"),
        (("workshops", "{file}", "--rename", " ", "--title", "Autre"), "--rename"),
        (("workshops", "{file}", "--join", "", "16/03/2021"), "--join/--reunir"),
        (("export", "{file}", "--workshop", "", "--xlsx", "{folder}/t.xlsx"), "--workshop"),
        (("match", "{file}", "--workshop", ""), "--workshop"),
        (("suivi", "{file}", "--workshop", ""), "--workshop"),
    ],
)
def test_an_empty_workshop_is_refused_not_taken_for_none_given(tmp_path: Path, args, option) -> None:
    """A script whose $W was empty ran `atelier ateliers F --delete "" --oui`: the command
    listed the workshops and exited 0, deleting nothing and saying nothing of --delete; `export
    F --workshop ""` exported the file's one workshop as if none were named. An empty workshop
    is refused (exit 2), naming the option, and the file is left as it was."""
    path = tmp_path / "ex.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    before = sorted(p.name for p in tmp_path.iterdir()), path.read_bytes()
    done = run_cli(*(a.format(file=path, folder=tmp_path) for a in args), cwd=tmp_path)
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    said = (
        f"argument {option}{NB}: un atelier est attendu (sa date, son titre ou le début de son "
        "identifiant), pas un texte vide"
    )
    assert said in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert (sorted(p.name for p in tmp_path.iterdir()), path.read_bytes()) == before
    english = run_cli(
        *(a.format(file=path, folder=tmp_path) for a in args), cwd=tmp_path, env={"ATELIER_LANG": "en"}
    )
    assert english.returncode == 2 and "a workshop is expected" in english.stderr, english.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("info", "{file}", "--workshop", ""),
        ("chercher", "{file}", "emploi", "--workshop", " "),
        ("merge", "{file}", "{file}", "-o", "{folder}/c.atelier", "--workshop", ""),
        ("info", "{file}", "--workshop", "Mars 2021"),
    ],
)
def test_an_unknown_option_shows_an_empty_or_spaced_value_legibly(tmp_path: Path, args) -> None:
    """`atelier info F --workshop ""` (info names no workshop) answered « arguments inconnus :
    --workshop  (voir …) »: the empty value a script's $W gave was an invisible double space,
    and « --workshop Mars 2021 » read as three words. The value is shown as typed in a shell
    (« --workshop "" », « --workshop "Mars 2021" »), exit 2, and nothing is written."""
    path = tmp_path / "ex.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    before = sorted(p.name for p in tmp_path.iterdir()), path.read_bytes()
    words = [a.format(file=path, folder=tmp_path) for a in args]
    shown = f'--workshop "{words[-1]}"'
    line = _refused(run_cli(*words, cwd=tmp_path), f"arguments inconnus{NB}: {shown} (voir")
    assert "  " not in line, line
    english = _refused(
        run_cli(*words, cwd=tmp_path, env={"ATELIER_LANG": "en"}), f"unrecognized arguments: {shown} ("
    )
    assert "  " not in english, english
    assert (sorted(p.name for p in tmp_path.iterdir()), path.read_bytes()) == before


def test_an_unknown_plain_word_is_shown_without_quotes(tmp_path: Path) -> None:
    path = tmp_path / "ex.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    done = run_cli("info", str(path), "--workshop", "2021", "C:\\Atelier")
    _refused(done, f"arguments inconnus{NB}: --workshop 2021 C:\\Atelier (voir")


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (("--participant", ""), "--participant attend un nom"),
        (("--participant", "  "), "--participant attend un nom"),
        (("--etat", ""), "--etat attend un état"),
    ],
)
def test_suivi_refuses_an_empty_filter_rather_than_list_everything(network, options, said) -> None:
    """A script's empty $WHO: `suivi F --participant ""` listed every match as if filtered
    (`--etat ""` too), and `suivi F ID --etat ""` rewrote the match's state as it was."""
    path, lucie = network
    before = path.read_bytes()
    _refused(run_cli("suivi", str(path), *options), said, "pas un texte vide")
    if options[0] == "--etat":
        _refused(run_cli("suivi", str(path), lucie, *options), said)
    english = run_cli("suivi", str(path), *options, env={"ATELIER_LANG": "en"})
    _refused(english, "not an empty text")
    assert path.read_bytes() == before
