"""A command that needs one workshop, run on a file of several without --workshop: the
refusal names them, each with the value to give --workshop, when they are few; past that,
it says how to list them. The value it gives then works."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, run_cli

GRID = ROOT / "examples" / "grille-atelier-2021-03-16.docx"


def _file(path: Path, workshops: list[tuple[str, str]]) -> Path:
    (title, day), *others = workshops
    assert run_cli("new", str(path), "--title", title, "--date", day).returncode == 0
    for title, day in others:
        added = run_cli("workshops", str(path), "--add", "--title", title, *(["--date", day] if day else []))
        assert added.returncode == 0, added.stderr
        if not day:  # added today: undated, as a file of older versions may hold one
            undated = run_cli("workshops", str(path), "--rename", title, "--date", "")
            assert undated.returncode == 0, undated.stderr
    return path


def test_two_workshops_are_named_with_what_to_give_workshop(tmp_path: Path) -> None:
    path = _file(
        tmp_path / "réseau.atelier", [("Atelier du 16 mars 2021", "2021-03-16"), ("Atelier Gironde", "")]
    )
    before = path.read_bytes()
    done = run_cli("export", str(path), "--docx", str(tmp_path / "cr.docx"))
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "Ce fichier contient 2 ateliers\u202f; précisez lequel\u00a0: --workshop 16/03/2021 pour "
        '«\u00a0Atelier du 16 mars 2021\u00a0» ou --workshop "Atelier Gironde" '
        "pour «\u00a0Atelier Gironde\u00a0»."
    ), done.stderr
    assert path.read_bytes() == before and not (tmp_path / "cr.docx").exists()
    english = run_cli("export", str(path), "--docx", str(tmp_path / "cr.docx"), env={"ATELIER_LANG": "en"})
    assert english.stderr.strip() == (
        "This file holds 2 workshops; say which one: --workshop 2021-03-16 for “Atelier du 16 mars 2021” "
        'or --workshop "Atelier Gironde" for “Atelier Gironde”.'
    ), english.stderr
    chosen = run_cli(
        "export", str(path), "--docx", str(tmp_path / "cr.docx"), "--workshop", "Atelier Gironde"
    )
    assert chosen.returncode == 0, chosen.stderr


def test_many_workshops_point_to_the_command_that_lists_them(tmp_path: Path) -> None:
    days = [f"2024-0{month}-10" for month in range(1, 7)]
    path = _file(tmp_path / "réseau.atelier", [(f"Atelier {n}", day) for n, day in enumerate(days, start=1)])
    done = run_cli("match", str(path))
    assert done.returncode == 1
    said = done.stderr.strip()
    assert said.startswith("Ce fichier contient 6 ateliers\u202f; précisez lequel avec --workshop"), said
    # The command's French name (« atelier workshops » was the English one), as it can be pasted.
    assert said.endswith(f"(leur liste\u00a0: atelier ateliers {path}).") and len(said.splitlines()) == 1, (
        said
    )
    listed = run_cli("ateliers", str(path))
    assert listed.returncode == 0 and all(f"Atelier {n}" in listed.stdout for n in range(1, 7)), listed.stdout
    english = run_cli("match", str(path), env={"ATELIER_LANG": "en"}).stderr.strip()
    assert english.endswith(f"(to list them: atelier workshops {path}).") and len(english.splitlines()) == 1


def test_a_grid_imported_into_a_file_of_several_workshops_names_them_with_what_to_give(
    tmp_path: Path,
) -> None:
    """« --workshop ATELIER » named no workshop of the file: the refusal now names each with
    the value to give, and that value, pasted, imports the grid into that workshop."""
    path = _file(
        tmp_path / "réseau.atelier", [("Atelier du 16 mars 2021", "2021-03-16"), ("Atelier Gironde", "")]
    )
    before = path.read_bytes()
    done = run_cli("import", str(GRID), "--into", str(path))
    assert done.returncode == 1 and path.read_bytes() == before
    assert done.stderr.strip() == (
        "Ce fichier contient 2 ateliers\u202f; précisez celui qui reçoit la grille\u00a0: --workshop "
        '16/03/2021 pour «\u00a0Atelier du 16 mars 2021\u00a0» ou --workshop "Atelier Gironde" pour '
        "«\u00a0Atelier Gironde\u00a0», ou --new-workshop pour l'ajouter comme un nouvel atelier."
    ), done.stderr
    english = run_cli("import", str(GRID), "--into", str(path), env={"ATELIER_LANG": "en"})
    assert english.stderr.strip() == (
        "This file holds 2 workshops; say which one receives the grid: --workshop 2021-03-16 for "
        '“Atelier du 16 mars 2021” or --workshop "Atelier Gironde" for “Atelier Gironde”, or '
        "--new-workshop to add it as a new workshop."
    ), english.stderr
    chosen = run_cli("import", str(GRID), "--into", str(path), "--workshop", "16/03/2021")
    assert chosen.returncode == 0, chosen.stderr


def test_a_grid_imported_into_a_file_of_many_workshops_points_to_their_list(tmp_path: Path) -> None:
    days = [f"2024-0{month}-10" for month in range(1, 7)]
    path = _file(tmp_path / "réseau.atelier", [(f"Atelier {n}", day) for n, day in enumerate(days, start=1)])
    said = run_cli("import", str(GRID), "--into", str(path)).stderr.strip()
    assert said == (
        "Ce fichier contient 6 ateliers\u202f; précisez celui qui reçoit la grille avec --workshop (leur "
        f"liste\u00a0: atelier ateliers {path}), ou --new-workshop pour l'ajouter comme un nouvel atelier."
    ), said
