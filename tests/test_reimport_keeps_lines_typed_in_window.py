"""A grid imported again (`atelier import GRILLE --into F`, the window's « Réimporter la
grille… ») removed every line of a participant that the grid does not have, among them the
lines the facilitator typed in the window during the workshop, which were never in a grid: the
room's live capture was thrown away (said, and undoable, but thrown away), and so was a line
retyped in the window that the grid has since dropped.

The file keeps what the grid said at the last import, line by line (format 15): a line not
among them was typed in the window, and stays (counted); a line the grid gave, retyped in the
window since, that the grid has dropped stays too, said with the grid's « ligne retirée ». A
line the grid gave and dropped, untouched in the window, is still removed and said. A file of
format 14 or before did not keep the grid's lines (migration 15 takes each line never retyped
for the grid's): a line the grid does not have is removed and said, as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import ROOT, run_cli

from .helpers.keyboard import active_window, key, reimport_by_keys, type_text

HEADER = "Nom;Structure;Territoire;Fonction;Besoins;Ressources\n"
CTRL = Qt.KeyboardModifier.ControlModifier


def _grid(path: Path, paul_needs: list[str]) -> Path:
    """Paul Durand's and Léa Petit's rows, as a spreadsheet writes them (a cell of lines quoted)."""
    needs = "\n".join(paul_needs)
    path.write_text(
        HEADER + f'Paul Durand;Mission locale;Landes;Conseiller;"{needs}";Annuaire\n'
        "Léa Petit;PLIE des Graves;Gironde;Chargée de mission;;Clauses sociales\n",
        encoding="utf-8",
    )
    return path


def _lines(path: Path) -> dict[str, dict[str, list[str]]]:
    """Each participant's needs and offers, as the file holds them."""
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        return {
            p.display_name(): {
                kind.value: [i.text for i in store.items(p.id, kind)]
                for kind in (ItemKind.NEED, ItemKind.OFFER)
            }
            for p in store.participants(workshop_id)
        }


def _imported_then_typed_in(tmp_path: Path) -> Path:
    """The grid imported, then in the room: an offer typed for Paul Durand, a need typed for
    Léa Petit (none in the grid), Paul's « Un financement » retyped."""
    path = tmp_path / "atelier.atelier"
    grid = _grid(tmp_path / "grille.csv", ["Trouver un local", "Un financement", "Une salle de réunion"])
    done = run_cli("import", str(grid), "-o", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:  # as the window writes a cell typed in it
        workshop_id = store.workshops()[0].id
        paul, lea = (
            next(p for p in store.participants(workshop_id) if p.names == [name])
            for name in ("Paul Durand", "Léa Petit")
        )
        store.set_cell(paul.id, ItemKind.OFFER, ["Annuaire", "Animation de réseau"])
        store.set_cell(
            paul.id, ItemKind.NEED, ["Trouver un local", "Un financement Région 2024", "Une salle de réunion"]
        )
        store.set_cell(lea.id, ItemKind.NEED, ["Un contact à la Région"])
    return path


KEPT = {
    "Paul Durand (Mission locale)": {
        "need": ["Trouver un local", "Un financement Région 2024"],
        "offer": ["Annuaire", "Animation de réseau"],
    },
    "Léa Petit (PLIE des Graves)": {"need": ["Un contact à la Région"], "offer": ["Clauses sociales"]},
}


def test_lines_typed_in_the_window_stay_when_the_grid_is_imported_again(tmp_path: Path) -> None:
    path = _imported_then_typed_in(tmp_path)
    english = tmp_path / "en.atelier"
    shutil.copy(path, english)
    # The grid sent back: Paul's « Un financement » and « Une salle de réunion » taken off it.
    back = _grid(tmp_path / "grille-retour.csv", ["Trouver un local"])
    done = run_cli("import", str(back), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert _lines(path) == KEPT
    lines = done.stdout.replace("\u202f", " ").splitlines()
    # the grid's line untouched in the window: removed, as the grid says, and said
    at = lines.index("1 élément du fichier absent de la grille a été retiré\xa0:")
    assert lines[at + 1] == "  Paul Durand (Mission locale)\xa0: «\xa0Une salle de réunion\xa0»", done.stdout
    assert "2 lignes saisies dans Atelier, que la grille n'a pas, sont gardées." in lines, done.stdout
    at = lines.index(
        "1 modification faite dans Atelier depuis le dernier import est gardée, alors que la "
        "grille dit autre chose\xa0:"
    )
    assert lines[at + 1] == (
        "  Paul Durand (Mission locale), besoin\xa0: «\xa0Un financement Région 2024\xa0» "
        "(dans la grille\xa0: ligne retirée)"
    ), done.stdout

    # Imported once more: what was typed in the window stays, nothing is removed
    again = run_cli("import", str(back), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert again.returncode == 0, again.stderr
    assert _lines(path) == KEPT
    assert "retiré" not in again.stdout, again.stdout
    assert "3 lignes saisies dans Atelier, que la grille n'a pas, sont gardées." in again.stdout, again.stdout

    done = run_cli("import", str(back), "--into", str(english), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert _lines(english) == KEPT
    assert "2 lines typed in Atelier, which the grid does not have, are kept.\n" in done.stdout, done.stdout
    assert (
        "1 edit made in Atelier since the last import is kept, though the grid says otherwise:\n"
        "  Paul Durand (Mission locale), need: “Un financement Région 2024” (in the grid: line removed)\n"
    ) in done.stdout, done.stdout


def test_one_line_typed_in_the_window_is_said_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "atelier.atelier"
    grid = _grid(tmp_path / "grille.csv", ["Trouver un local"])
    assert run_cli("import", str(grid), "-o", str(path), env={"ATELIER_LANG": "fr"}).returncode == 0
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        (lea,) = [p for p in store.participants(workshop_id) if p.names == ["Léa Petit"]]
        store.set_cell(lea.id, ItemKind.NEED, ["Un contact à la Région"])
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert "1 ligne saisie dans Atelier, que la grille n'a pas, est gardée." in done.stdout.splitlines()
    assert "retiré" not in done.stdout, done.stdout
    assert _lines(path)["Léa Petit (PLIE des Graves)"]["need"] == ["Un contact à la Région"]


def test_a_row_added_in_the_window_keeps_its_lines_when_the_grid_names_it(tmp_path: Path) -> None:
    """Nina Vidal came in unannounced: her row added in the window (as Ctrl+N does) and her
    needs typed there; the grid sent back names her with one of them. The other stays."""
    from atelier.domain import Participant

    path = tmp_path / "atelier.atelier"
    grid = _grid(tmp_path / "grille.csv", ["Trouver un local"])
    assert run_cli("import", str(grid), "-o", str(path), env={"ATELIER_LANG": "fr"}).returncode == 0
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        nina = store.add_participant(
            Participant(
                workshop_id,
                names=["Nina Vidal"],
                organisation="Mission locale",
                source_text="Nina Vidal / Mission locale",
            )
        )
        store.set_cell(nina.id, ItemKind.NEED, ["Trouver des bénévoles", "Un local pour l'été"])
    back = tmp_path / "grille-retour.csv"
    back.write_text(
        grid.read_text(encoding="utf-8") + "Nina Vidal;Mission locale;;;Trouver des bénévoles;\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(back), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert "0 ajouté" in done.stdout, done.stdout  # her row, found again
    assert "1 ligne saisie dans Atelier, que la grille n'a pas, est gardée." in done.stdout.splitlines()
    assert "retiré" not in done.stdout, done.stdout
    assert _lines(path)["Nina Vidal (Mission locale)"]["need"] == [
        "Trouver des bénévoles",
        "Un local pour l'été",
    ]


def test_a_file_of_format_14_still_removes_a_line_the_grid_does_not_have(tmp_path: Path) -> None:
    """Whether a line of a file written before the grid's lines were kept (format 14) was typed
    in the window is not known: a line the grid does not have is removed and said, as before."""
    path = tmp_path / "v14.atelier"
    shutil.copy(ROOT / "tests" / "fixtures" / "format-v14.atelier", path)
    with Store.open(path) as store:  # migrated to 15, then a line typed in the window
        workshop_id = store.workshops()[0].id
        (lucie,) = [p for p in store.participants(workshop_id) if p.names == ["Lucie Leroy"]]
        needs = [i.text for i in store.items(lucie.id, ItemKind.NEED)]
        store.set_cell(lucie.id, ItemKind.NEED, [*needs, "Un contact à la Région"])
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Nom;Structure;Territoire;Besoins\nLucie Leroy;Grand Angoulême;Angoulême;" + "\n".join(needs) + "\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert "  Lucie Leroy (Grand Angoulême)\xa0: «\xa0Un contact à la Région\xa0»" in done.stdout, done.stdout
    assert "saisie" not in done.stdout, done.stdout
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        (lucie,) = [p for p in store.participants(workshop_id) if p.names == ["Lucie Leroy"]]
        assert [i.text for i in store.items(lucie.id, ItemKind.NEED)] == needs


def _maxime(path: Path) -> tuple[list[str], str, str]:
    """Maxime Roby's offers, what the file keeps of the grid's last import of his row, and when
    his row was last written."""
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        (maxime,) = [p for p in store.participants(workshop_id) if p.names == ["Maxime Roby"]]
        row = store.conn.execute(
            "SELECT imported, updated FROM participants WHERE id = ?", (maxime.id,)
        ).fetchone()
        return [i.text for i in store.items(maxime.id, ItemKind.OFFER)], row[0], row[1]


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_keeps_the_line_typed_in_it_and_undoes_the_reimport(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grid = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
    path = tmp_path / "atelier.atelier"
    done = run_cli("import", str(grid), "-o", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert _maxime(path)[0] == []
    window = active_window(qtbot, path)
    for code in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right):
        key(qtbot, code)  # Maxime Roby's « Peut être ressource sur », as in the room
    type_text("animation de réseau")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    typed = ["animation de réseau"]
    qtbot.waitUntil(lambda: _maxime(path)[0] == typed, timeout=5_000)
    before = _maxime(path)

    text = reimport_by_keys(qtbot, monkeypatch, grid)
    assert _maxime(path)[0] == typed
    assert "1 ligne saisie dans Atelier gardée\xa0: la grille ne l'a pas." in text, text
    assert "retiré" not in text, text
    # the grid brought nothing new: his row not written (test_reimport_unchanged_writes_nothing)
    assert _maxime(path) == before
    assert "qui n'a pas été modifié." in text, text

    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5_000)
    key(qtbot, Qt.Key.Key_Z, CTRL)  # no re-import step to undo: the line typed is undone
    qtbot.waitUntil(lambda: _maxime(path)[0] == [], timeout=5_000)
    window.close()
