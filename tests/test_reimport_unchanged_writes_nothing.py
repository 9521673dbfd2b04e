"""A re-import marked every participant it found « modifié » (participants.updated) though it
changed nothing of theirs: the file was written for nothing, and a merge with a colleague's
copy then took the re-imported copy's value as the newer one — « territoire : gardé « Landes »
(a.atelier, modifié le …) plutôt que « Mont-de-Marsan » (b.atelier …) » — losing the
correction made on the other laptop. Now only the participants the re-import changed are
marked; a re-import that changes nothing leaves the file byte for byte and says so, as
`ateliers --rename` with nothing to change does (« Rien n'a changé … n'a pas été modifié »)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path

import pytest

from atelier.store import Store
from tests.conftest import run_cli

from .helpers.keyboard import active_window, reimport_by_keys, suggestions_saved

HEADER = "Nom;Structure;Territoire;Fonction;Besoins;Ressources\n"
PAUL = "Paul Dupont;Mission locale;Landes;Conseiller;Des contacts entreprises;Annuaire\n"


def _lea(territory: str = "Gironde") -> str:
    return f"Léa Petit et Marc Bel;PLIE des Graves;{territory};Chargée;Un local;Contacts entreprises\n"


def _imported(tmp_path: Path) -> tuple[Path, Path]:
    grid = tmp_path / "grille.csv"
    grid.write_text(HEADER + PAUL + _lea(), encoding="utf-8")
    path = tmp_path / "a.atelier"
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    return grid, path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _territories(path: Path) -> dict[str, str]:
    out = run_cli("export", str(path), "--json", "-")
    assert out.returncode == 0, out.stderr
    people = json.loads(out.stdout)["workshops"][0]["participants"]
    return {p["names"][0]: p["territory"] for p in people}


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "fr",
            "Rien n'a changé : cette grille n'apporte rien de nouveau au fichier « {path} », "
            "qui n'a pas été modifié.",
        ),
        ("en", "Nothing changed: this grid brings nothing new to “{path}”, which was left unchanged."),
    ],
)
def test_an_unchanged_grid_leaves_the_file_byte_for_byte_and_says_so(
    tmp_path: Path, lang: str, said: str
) -> None:
    grid, path = _imported(tmp_path)
    before = _digest(path)

    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": lang})

    assert done.returncode == 0, done.stderr
    assert _digest(path) == before
    out = done.stdout.replace("\xa0", " ").replace("\u202f", " ")
    assert said.format(path=path) in out, out
    if lang == "fr":
        assert "3 participants retrouvés sans changement (2 lignes de la grille), 0 ajouté" in out, out


def test_a_grid_that_changes_something_is_not_said_unchanged(tmp_path: Path) -> None:
    grid, path = _imported(tmp_path)
    grid.write_text(HEADER + PAUL + _lea("Bordeaux"), encoding="utf-8")

    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})

    assert "Rien n'a changé" not in done.stdout, done.stdout
    assert (
        "2 participants mis à jour (1 ligne de la grille), 1 retrouvé sans changement"
        in done.stdout.replace("\xa0", " ")
    ), done.stdout
    with sqlite3.connect(path) as conn:  # « modifié le »: Léa's row only
        stamps = dict(conn.execute("SELECT names, updated = created FROM participants").fetchall())
    assert stamps == {'["Paul Dupont"]': 1, '["Léa Petit", "Marc Bel"]': 0}, stamps


def test_a_merge_keeps_a_correction_made_on_the_other_copy(tmp_path: Path) -> None:
    """a.atelier and its copy b.atelier: on b, Paul's territory corrected; later, on a, the
    grid re-imported, changing Léa's territory only. Merged, Paul's correction stands."""
    grid, a = _imported(tmp_path)
    b = tmp_path / "b.atelier"
    b.write_bytes(a.read_bytes())
    time.sleep(0.01)
    with Store.open(b) as store:  # the card's « Territoire », as the window writes it
        paul = store.participants(store.workshops()[0].id)[0]
        store.update_participant(paul.id, territory="Mont-de-Marsan")
    time.sleep(0.01)
    grid.write_text(HEADER + PAUL + _lea("Bordeaux"), encoding="utf-8")
    assert run_cli("import", str(grid), "--into", str(a)).returncode == 0

    merged = tmp_path / "c.atelier"
    done = run_cli("merge", str(a), str(b), "-o", str(merged), env={"ATELIER_LANG": "fr"})

    assert done.returncode == 0, done.stderr
    assert _territories(merged) == {"Paul Dupont": "Mont-de-Marsan", "Léa Petit": "Bordeaux"}, done.stdout
    assert "gardé «\xa0Landes\xa0»" not in done.stdout, done.stdout


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_says_nothing_changed_and_leaves_nothing_to_undo(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid, path = _imported(tmp_path)
    window = active_window(qtbot, path)
    suggestions_saved(qtbot, window)  # Paul's need and Léa's offer: saved once, before the re-import
    with sqlite3.connect(path) as conn:
        before = list(conn.iterdump())
    steps = window.model.undo_stack.count()

    text = reimport_by_keys(qtbot, monkeypatch, grid)

    assert (
        "Rien n'a changé\xa0: cette grille n'apporte rien de nouveau au fichier «\xa0a.atelier\xa0», "
        "qui n'a pas été modifié." in text
    ), text
    assert "3 participants retrouvés sans changement" in text, text
    with sqlite3.connect(path) as conn:
        assert list(conn.iterdump()) == before
    assert window.model.undo_stack.count() == steps  # Ctrl+Z has no re-import to undo
    window.close()


def test_an_unchanged_grid_takes_no_older_backups_place(tmp_path: Path) -> None:
    """Five copies are kept of a file; a re-import made a sixth before writing, and the oldest
    went, even when it then wrote nothing: a command that changed nothing took a way back.
    Now the copy it made for nothing is not kept, the five stay, and no backup is said."""
    grid, path = _imported(tmp_path)
    env = {"ATELIER_DATA_DIR": str(tmp_path / "donnees"), "ATELIER_LANG": "fr"}
    for territory in ("Bordeaux", "Mérignac", "Pessac", "Talence", "Bègles"):  # five changes
        grid.write_text(HEADER + PAUL + _lea(territory), encoding="utf-8")
        done = run_cli("import", str(grid), "--into", str(path), env=env)
        assert done.returncode == 0 and "Sauvegarde d'avant" in done.stdout, done.stdout
    copies = sorted(p.name for p in (tmp_path / "donnees").rglob("*.atelier"))
    assert len(copies) == 5, copies

    done = run_cli("import", str(grid), "--into", str(path), env=env)

    assert done.returncode == 0, done.stderr
    assert "Rien n'a changé" in done.stdout and "Sauvegarde d'avant" not in done.stdout, done.stdout
    assert sorted(p.name for p in (tmp_path / "donnees").rglob("*.atelier")) == copies
