"""What the command line prints reads as a person writes it: dates as the rest of the command
line writes them, guillemets around what the user typed, a file named as a file, and a search
word that starts with « - » searched rather than refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli

NB = "\u00a0"
EXAMPLE = ROOT / "examples" / "atelier-2021-03-16.atelier"
EN = {"ATELIER_LANG": "en"}


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "ex.atelier"
    shutil.copy(EXAMPLE, path)
    return path


def test_info_writes_the_workshop_s_date_as_the_other_commands_do(example: Path) -> None:
    french = run_cli("info", str(example))
    assert french.returncode == 0, french.stderr
    line = next(li for li in french.stdout.splitlines() if li.startswith("Atelier"))
    assert "2021-03-16" not in line, line  # ISO: no one in the room writes it
    assert line.startswith(f"Atelier{NB}: Atelier du 16 mars 2021 (16/03/2021)"), line
    listed = run_cli("workshops", str(example)).stdout
    assert "16/03/2021" in listed  # the same date, written the same way, as `workshops` says it
    english = run_cli("info", str(example), env=EN)
    line = next(li for li in english.stdout.splitlines() if li.startswith("Workshop"))
    listed = run_cli("workshops", str(example), env=EN).stdout
    assert "  16 March 2021  " in listed  # as the English window and `suivi` write a day
    assert line.startswith("Workshop: Atelier du 16 mars 2021 (16 March 2021)"), line


def test_a_search_word_starting_with_a_minus_is_searched(example: Path) -> None:
    plain = run_cli("search", str(example), "emploi", "--json")
    for args in (("-emploi",), ("-emploi", "--limit", "3"), ("--limit", "3", "-emploi")):
        found = run_cli("search", str(example), *args)
        assert found.returncode == 0, (args, found.stderr)
        assert found.stdout.startswith(f"«{NB}-emploi{NB}»{NB}: 37 résultats"), found.stdout
    assert '"total": 37' in plain.stdout
    # « -h » alone still asks for help; a word starting « -h » is a word.
    assert run_cli("search", "-h").stdout.startswith(f"utilisation{NB}:")
    habitat = run_cli("search", str(example), "-habitat")
    assert habitat.returncode == 0 and "résultat" in habitat.stdout, habitat.stderr
    helped = run_cli("search", "--help").stdout
    assert "-emploi" in " ".join(helped.split()), helped  # the help says how such a word is read
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "-emploi" in readme


def test_argparse_choices_are_quoted_as_each_language_quotes() -> None:
    french = run_cli("frobnicate").stderr.strip()
    assert f"choix inconnu «{NB}frobnicate{NB}»" in french, french
    assert "'" not in french, french  # no straight quotes anywhere
    assert f"au choix{NB}: «{NB}open{NB}», «{NB}example{NB}»" in french, french
    # Each command with a name in each language: the French one first (tests/test_cli_help_language.py).
    named = f"«{NB}chercher{NB}», «{NB}search{NB}», «{NB}ateliers{NB}» ou «{NB}workshops{NB}»)"
    assert named in french, french
    english = run_cli("frobnicate", env=EN).stderr.strip()
    assert "invalid choice: “frobnicate” (choose from “open”, “example”" in english, english
    assert "“workshops” or “ateliers”)" in english and "'" not in english, english
    wrong = run_cli("match", "x", "--top", "trois", env=EN).stderr.strip()
    assert "argument --top: invalid int value: “trois”" in wrong and "'" not in wrong, wrong
    state = run_cli("suivi", "x", "abc", "--etat", "zz", env=EN).stderr.strip()
    assert "'" not in state, state


def test_search_with_no_result_names_the_file_as_a_file(example: Path, tmp_path: Path) -> None:
    none = run_cli("search", str(example), "introuvable")
    assert none.stdout.strip() == (
        f"Aucun résultat pour «{NB}introuvable{NB}» dans l'atelier du fichier «{NB}ex.atelier{NB}»."
    )
    english = run_cli("search", str(example), "introuvable", env=EN)
    assert english.stdout.strip() == "No result for “introuvable” in the one workshop of “ex.atelier”."
    added = run_cli("workshops", str(example), "--add", "--title", "Suite", "--date", "2021-06-01")
    assert added.returncode == 0, added.stderr
    many = run_cli("search", str(example), "introuvable")
    assert many.stdout.strip() == (
        f"Aucun résultat pour «{NB}introuvable{NB}» dans les 2 ateliers du fichier «{NB}ex.atelier{NB}»."
    )
    english = run_cli("search", str(example), "introuvable", env=EN)
    assert english.stdout.strip() == "No result for “introuvable” in the 2 workshops of “ex.atelier”."


@pytest.mark.parametrize(
    ("args", "french", "english"),
    [
        (
            ("export", "{file}", "--xlsx", "t.xlsx", "--template", "modele.docx"),
            "--template ne sert qu'aux documents Word (--docx, --fiches)",
            "--template is for the Word documents only (--docx, --fiches)",
        ),
        (
            ("export", "{file}", "--json", "t.json", "--template", "modele.docx"),
            "--template ne sert qu'aux documents Word (--docx, --fiches)",
            "--template is for the Word documents only (--docx, --fiches)",
        ),
        (
            ("workshops", "{file}", "--add"),
            f"--add demande le titre du nouvel atelier{NB}: --title TITRE",
            "--add needs the new workshop's title: --title TITLE",
        ),
        (
            ("workshops", "{file}", "--rename", "2021"),
            f"--rename demande ce qui change{NB}: --title, --date ou --place",
            "--rename needs what changes: --title, --date or --place",
        ),
        (
            ("suivi", "{file}", "--note", "RDV pris"),
            "--note et --le vont avec une mise en relation, son identifiant après le fichier",
            "--note and --le go with a match, its id after the file",
        ),
    ],
    ids=["template with xlsx", "template with json", "add without title", "rename without change", "note"],
)
def test_a_usage_mistake_says_what_is_wrong_in_a_sentence(
    example: Path, tmp_path: Path, args: tuple[str, ...], french: str, english: str
) -> None:
    """« atelier : --template (voir « atelier --help ») » said which option, not what was wrong
    with it (here: it only goes with a Word document); likewise « --add --title » and
    « --rename --title/--date/--place ». Said in a sentence, code 2, nothing written."""
    before = example.read_bytes()
    argv = [a.format(file=example) for a in args]
    for env, expected, see in ((None, french, f"(voir «{NB}atelier --help{NB}»)."), (EN, english, "(see")):
        done = run_cli(*argv, env=env, cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip().startswith(
            f"atelier{NB}: {expected} " if env is None else f"atelier: {expected} "
        )
        assert see in done.stderr
    assert example.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ex.atelier"]


def test_headers_not_recognised_are_cited_as_a_sentence_not_a_megabyte(tmp_path: Path) -> None:
    """A CSV whose first line is 100 000 cells of no grid (an export of something else) was
    refused in « one sentence » citing every header: 1.4 MB in the terminal. The first headers
    are cited, then how many more; in English between English quotes, not French guillemets."""
    grid = tmp_path / "export.csv"
    grid.write_text(
        ";".join(f"champ{i}" for i in range(100_000)) + "\n" + ";".join("x" for _ in range(100_000)) + "\n",
        encoding="utf-8",
    )
    before = grid.read_bytes()
    french = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"))
    assert french.returncode == 1
    assert len(french.stderr) < 1000, len(french.stderr)
    assert f"«{NB}champ0{NB}», «{NB}champ1{NB}»" in french.stderr
    said = french.stderr.replace(NB, " ").replace("\u202f", " ")
    assert "« champ11 » et 99 988 autres." in said, said
    english = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"), env=EN)
    assert english.returncode == 1
    assert len(english.stderr) < 1000 and "“champ0”, “champ1”" in english.stderr, english.stderr
    assert "«" not in english.stderr and "more" in english.stderr
    assert grid.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_a_grid_too_long_says_its_limit_as_a_number_is_written(tmp_path: Path) -> None:
    """« a plus de 5000 lignes » (French groups thousands: « 5 000 »; English « 5,000 »)."""
    grid = tmp_path / "longue.csv"
    lines = ["Participant;Besoins"] + [f"Personne {i} / PLIE;un besoin" for i in range(5_100)]
    grid.write_text("\n".join(lines) + "\n", encoding="utf-8")
    french = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"))
    assert french.returncode == 1
    assert "a plus de 5\u202f000 lignes" in french.stderr, french.stderr
    english = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"), env=EN)
    assert "has more than 5,000 rows" in english.stderr, english.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["longue.csv"]


@pytest.mark.parametrize(
    ("name", "kind", "new"), [("grille.odt", "text", ".docx"), ("grille.ods", "spreadsheet", ".xlsx")]
)
def test_a_libreoffice_grid_is_refused_saying_how_to_save_it(
    tmp_path: Path, name: str, kind: str, new: str
) -> None:
    """A grid saved by LibreOffice (.odt, .ods: the default of many town halls) got « Format
    non pris en charge » and a list of extensions; a .doc got how to convert it. It says so too."""
    import zipfile

    grid = tmp_path / name
    with zipfile.ZipFile(grid, "w") as odf:
        odf.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}")
        odf.writestr("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>')
    before = grid.read_bytes()
    french = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"))
    assert french.returncode == 1
    said = french.stderr.replace(NB, " ").replace("\u202f", " ")
    assert f"« {grid} » est un document LibreOffice" in said and f"au format {new}" in said, said
    english = run_cli("import", str(grid), "-o", str(tmp_path / "a.atelier"), env=EN)
    assert f"“{grid}” is a LibreOffice document" in english.stderr and f"save it as {new}" in english.stderr
    assert grid.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_adding_the_same_workshop_twice_is_refused_as_a_grid_imported_twice_is(example: Path) -> None:
    """`atelier workshops F --add --title Automne --date …` run twice (the terminal's ↑, Entrée)
    added two « Automne » of the same day: `--workshop automne` then refused both as ambiguous,
    and the directory listed the workshop twice. `import --new-workshop` refuses it; so does --add."""
    add = ("workshops", str(example), "--add", "--title", "Atelier d'automne", "--date", "23/11/2026")
    assert run_cli(*add).returncode == 0
    before = example.read_bytes()
    again = run_cli(*add)
    assert again.returncode == 1, again.stdout
    said = again.stderr.replace(NB, " ").replace("\u202f", " ")
    assert said.startswith(
        f"Le fichier « {example} » contient déjà l'atelier « Atelier d'automne » du 23 novembre 2026"
    ), said
    assert "autre titre (--title) ou une autre date (--date)" in said, said
    assert example.read_bytes() == before
    listed = run_cli("workshops", str(example)).stdout
    assert listed.count("Atelier d'automne") == 1, listed
    english = run_cli(*add, env=EN)
    assert english.returncode == 1 and "already holds the workshop “Atelier d'automne”" in english.stderr
