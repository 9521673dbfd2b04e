"""A list of one row per item (« Participant ; Rubrique ; Contenu », as survey and form tools
export it) was refused with « les participants sont en colonnes … Transposez le tableau »: they
are not, and the transposed table imported one participant named « Rubrique » with Anne's
items only. It is now read as the grid it is: one participant per value of the participant
column, each « Rubrique » (Action, Défi, Besoin, Ressource, Territoire…) to the column its word
names, as the headers of a grid are read, and said; a rubrique no column names is left out and
said with its rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from atelier.store import Store

from .conftest import run_cli

LONG = """Participant;Rubrique;Contenu
Anne Martin / PLIE Sud Gironde;Action;forum emploi
Anne Martin / PLIE Sud Gironde;Besoin;mobilité des jeunes
Anne Martin / PLIE Sud Gironde;Ressource;clauses sociales
Paul Durand / Mission locale du Médoc;Action;garantie jeunes
Paul Durand / Mission locale du Médoc;Besoin;clauses sociales
Paul Durand / Mission locale du Médoc;Ressource;accompagnement des jeunes
Anne Martin / PLIE Sud Gironde;Besoin;logement des saisonniers
Paul Durand / Mission locale du Médoc;Défi;décrochage scolaire
Paul Durand / Mission locale du Médoc;Commentaire;à rappeler en juin
"""


def _items(path: Path) -> dict[str, dict[str, list[str]]]:
    with Store.open(path, readonly=True) as store:
        (workshop,) = store.workshops()
        found: dict[str, dict[str, list[str]]] = {}
        for participant in store.participants(workshop.id):
            kinds: dict[str, list[str]] = {}
            for item in store.items(participant.id):
                kinds.setdefault(str(item.kind), []).append(item.text)
            found[" ".join(participant.names)] = kinds
        return found


EXPECTED = {
    "Anne Martin": {
        "action": ["forum emploi"],
        "need": ["mobilité des jeunes", "logement des saisonniers"],
        "offer": ["clauses sociales"],
    },
    "Paul Durand": {
        "action": ["garantie jeunes"],
        "challenge": ["décrochage scolaire"],
        "need": ["clauses sociales"],
        "offer": ["accompagnement des jeunes"],
    },
}


@pytest.mark.parametrize("people", ["Participant", "Répondant"])
def test_a_one_row_per_item_list_is_read_one_participant_each(tmp_path: Path, people: str) -> None:
    grid = tmp_path / "formulaire.csv"
    grid.write_text(LONG.replace("Participant;", f"{people};", 1), encoding="utf-8")
    target = tmp_path / "formulaire.atelier"
    done = run_cli("import", str(grid), "-o", str(target), "--title", "T", "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    said = (done.stdout + done.stderr).replace("\u00a0", " ")
    assert "Transposez" not in said
    assert "2 participants" in said, said
    assert "une ligne par élément" in said, said
    # The rubrique no column names: left out, said with its row.
    assert "« Commentaire »" in said and "ligne 10" in said, said
    assert _items(target) == EXPECTED


def test_the_same_list_from_a_workbook(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for line in LONG.strip().splitlines():
        sheet.append(line.split(";"))
    grid = tmp_path / "formulaire.xlsx"
    book.save(str(grid))
    target = tmp_path / "formulaire.atelier"
    done = run_cli("import", str(grid), "-o", str(target), "--title", "T")
    assert done.returncode == 0, done.stderr
    assert _items(target) == EXPECTED


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_preview_shows_one_row_per_participant(qtbot, tmp_path: Path) -> None:
    from atelier.ui.import_dialog import ImportDialog

    grid = tmp_path / "formulaire.csv"
    grid.write_text(LONG, encoding="utf-8")
    dialog = ImportDialog(grid)
    qtbot.addWidget(dialog)
    dialog.read_now()
    assert dialog.import_button.isEnabled(), dialog.summary.text()
    assert dialog.summary.text().startswith("2 participants")
    model = dialog.preview_model
    assert [model.index(r, 1).data().split("\n")[0] for r in range(model.rowCount())] == [
        "Anne Martin",
        "Paul Durand",
    ]
    assert "une ligne par élément" in dialog.warnings.text()


def test_a_list_whose_people_column_is_not_recognised_gets_advice_that_works(tmp_path: Path) -> None:
    grid = tmp_path / "formulaire.csv"
    grid.write_text(LONG.replace("Participant;Rubrique", "Source;Rubrique", 1), encoding="utf-8")
    target = tmp_path / "formulaire.atelier"
    done = run_cli("import", str(grid), "-o", str(target), "--title", "T")
    assert done.returncode != 0
    said = (done.stdout + done.stderr).replace("\u00a0", " ")
    assert "Transposez" not in said and "Traceback" not in said, said
    assert "écrivez « Participant » en tête de la colonne qui les nomme" in said, said
    assert not target.exists()
    # Following the advice imports it.
    grid.write_text(LONG, encoding="utf-8")
    assert run_cli("import", str(grid), "-o", str(target), "--title", "T").returncode == 0
    assert _items(target) == EXPECTED
