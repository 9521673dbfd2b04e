"""An import says what it leaves out: text in a column no kind was given to (a second
« Besoins » column, « Notes internes »), or beyond the header's columns (a « ; » typed in a
CSV cell pushes the rest of its row over), is named in a warning — never dropped while the
summary reports a success. Grids whose every column is read say nothing more."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, run_cli


def _import(tmp_path: Path, name: str, text: str) -> str:
    grid = tmp_path / name
    grid.write_text(text, encoding="utf-8")
    done = run_cli("import", str(grid), "-o", str(tmp_path / "atelier.atelier"))
    assert done.returncode == 0, done.stderr
    return (done.stdout + done.stderr).replace("\u00a0", " ").replace("\u202f", " ")


def test_text_beyond_the_headers_is_named(tmp_path: Path) -> None:
    said = _import(
        tmp_path,
        "grille.csv",
        "Participant;Besoins de ressources;Peut être ressource sur\n"
        "Zoé Martin / CC A;un lieu;un local; le samedi seulement\n"
        "Paul Lin / CC B;des bénévoles;\n",
    )
    # One row of two wider than the header: read shifted, it is left out whole and quoted
    # (tests/test_import_shifted_rows.py).
    assert "ligne 2" in said and "un local; le samedi seulement »" in said, said
    assert "non importée" in said, said


def test_every_cell_pushed_beyond_the_headers_is_named(tmp_path: Path) -> None:
    """Two cells over the last column: the warning named only the first, the second was
    dropped without a word."""
    said = _import(
        tmp_path,
        "grille.csv",
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Anne Lis / CC A;forum;mobilité;un lieu;un local;le samedi;le dimanche aussi\n",
    )
    assert "ligne 2" in said and "(« le samedi », « le dimanche aussi » ;" in said, said


def test_a_column_no_kind_was_given_to_is_named(tmp_path: Path) -> None:
    said = _import(
        tmp_path,
        "grille.csv",
        "Participant;Besoins à court terme;Besoins à long terme;Notes internes;Ressources;\n"
        "Zoé Martin / CC A;un lieu;un poste partagé;rappeler jeudi;un local;en marge\n"
        "Paul Lin / CC B;des bénévoles;;;;aussi en marge\n",
    )
    # Two columns of needs: both read (the second was left out), the others said.
    assert "3 « Besoins à long terme » → besoins" in said and "Besoins à long terme » non" not in said, said
    assert "colonne 4 « Notes internes » non importée (1 cellule remplie)" in said, said
    assert "colonne 6 sans titre non importée (2 cellules remplies)" in said, said


def test_grids_read_whole_say_nothing_more(tmp_path: Path) -> None:
    grid = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
    workshop, excel = tmp_path / "a.atelier", tmp_path / "a.xlsx"
    done = run_cli("import", str(grid), "-o", str(workshop))
    assert done.returncode == 0 and "non importé" not in done.stdout + done.stderr
    assert run_cli("export", str(workshop), "--xlsx", str(excel)).returncode == 0
    again = run_cli("import", str(excel), "-o", str(tmp_path / "b.atelier"))  # Atelier's own Excel
    assert again.returncode == 0, again.stderr
    assert "non importé" not in again.stdout + again.stderr, again.stdout + again.stderr


def test_a_long_header_left_out_is_cut_between_words_and_says_so(tmp_path: Path) -> None:
    """« colonne 3 « Mes défis (objectifs) à court terme et m » non importée » was printed: the
    header cut mid-word with nothing saying it goes on, where the « Colonnes : » line of the
    same run ends its cut headers with « … »."""
    said = _import(
        tmp_path,
        "grille.csv",
        "Participant;Besoins;Remarques de l'animatrice sur la suite à donner avec les élus\n"
        "Zoé Martin / CC A;un lieu;à rappeler\n",
    )
    line = next(x for x in said.splitlines() if "non importée" in x)
    assert "« Remarques de l'animatrice sur la suite… »" in line, line
