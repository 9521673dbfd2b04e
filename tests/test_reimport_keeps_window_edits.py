"""A grid imported again (`atelier import GRILLE --into F`, the window's « Réimporter la
grille… ») overwrote, without a word, what the facilitator had corrected in the window since the
last import: a participant's structure, territory and role, a need retyped. The summary said
« 2 participants mis à jour » and the corrections were gone (tester's F6/F6b).

Each field and line is now merged three ways: what the grid said at the last import (kept in
the file, format 15), what the file holds, what the grid says now. An edit of the window the
grid did not change is kept (and counted); a field the grid changed and the window did not is
the grid's; both changed, differently: the window's value is kept, and the summary names the
participant, the field and the grid's value."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from atelier.domain import ItemKind
from atelier.store import Store
from tests.conftest import ROOT, run_cli

from .helpers.keyboard import active_window, reimport_by_keys

HEADER = "Nom;Structure;Territoire;Fonction;Besoins;Ressources\n"


def _grid(
    path: Path,
    *,
    territory: str = "Landes",
    role: str = "Conseiller",
    need: str = "Trouver un local",
    offer: str = "Annuaire",
    lea_role: str = "Chargée de mission",
) -> Path:
    """Paul Durand's and Léa Petit's rows, as a spreadsheet writes them (a cell of two lines quoted)."""
    path.write_text(
        HEADER + f'Paul Durand;Mission locale;{territory};{role};"{need}\nUn financement";{offer}\n'
        f"Léa Petit;PLIE des Graves;Gironde;{lea_role};;Clauses sociales\n",
        encoding="utf-8",
    )
    return path


def _paul(store: Store):
    workshop_id = store.workshops()[0].id
    return next(p for p in store.participants(workshop_id) if p.names == ["Paul Durand"])


def _imported_then_corrected(tmp_path: Path) -> Path:
    """The grid imported, then Paul Durand corrected in the window: his structure, territory
    and role on the card, one of his needs retyped in his cell."""
    path = tmp_path / "atelier.atelier"
    done = run_cli("import", str(_grid(tmp_path / "grille.csv")), "-o", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        paul = _paul(store)
        assert (paul.organisation, paul.territory, paul.role) == ("Mission locale", "Landes", "Conseiller")
        assert [i.text for i in store.items(paul.id, ItemKind.NEED)] == ["Trouver un local", "Un financement"]
        store.update_participant(
            paul.id, organisation="Mission locale des Landes", territory="Mont-de-Marsan", role="Directeur"
        )
        store.set_cell(paul.id, ItemKind.NEED, ["Trouver un local à Mont-de-Marsan", "Un financement"])
    return path


def _paul_now(path: Path) -> tuple[tuple[str, str, str], list[str], list[str]]:
    with Store.open(path, readonly=True) as store:
        paul = _paul(store)
        return (
            (paul.organisation, paul.territory, paul.role),
            [i.text for i in store.items(paul.id, ItemKind.NEED)],
            [i.text for i in store.items(paul.id, ItemKind.OFFER)],
        )


def test_the_same_grid_imported_again_keeps_what_was_corrected_in_the_window(tmp_path: Path) -> None:
    path = _imported_then_corrected(tmp_path)
    done = run_cli("import", str(tmp_path / "grille.csv"), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert _paul_now(path) == (
        ("Mission locale des Landes", "Mont-de-Marsan", "Directeur"),
        ["Trouver un local à Mont-de-Marsan", "Un financement"],
        ["Annuaire"],
    )
    out = done.stdout.replace("\u202f", " ")
    assert (
        "4 modifications faites dans Atelier depuis le dernier import, que la grille n'a pas "
        "changées, sont gardées." in out
    ), out
    assert "dit autre chose" not in out and "retiré" not in out, out

    # and again: the grid still says what it said, the corrections still stand
    again = run_cli("import", str(tmp_path / "grille.csv"), "--into", str(path), env={"ATELIER_LANG": "en"})
    assert again.returncode == 0, again.stderr
    assert _paul_now(path)[0] == ("Mission locale des Landes", "Mont-de-Marsan", "Directeur")
    assert "4 edits made in Atelier since the last import, which the grid did not change, are kept." in (
        again.stdout
    ), again.stdout


def test_a_grid_that_changed_a_field_corrected_in_the_window_is_said(tmp_path: Path) -> None:
    path = _imported_then_corrected(tmp_path)
    # The grid sent back: Paul's territory and first need changed there too (otherwise), his
    # offer changed there only; Léa's role changed there only.
    changed = _grid(
        tmp_path / "grille-retour.csv",
        territory="Landes sud",
        need="Trouver un local à Dax",
        offer="Annuaire des aides",
        lea_role="Directrice",
    )
    done = run_cli("import", str(changed), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    assert _paul_now(path) == (
        ("Mission locale des Landes", "Mont-de-Marsan", "Directeur"),
        ["Trouver un local à Mont-de-Marsan", "Un financement"],
        ["Annuaire des aides"],  # the grid's change, nobody's edit in the window: taken
    )
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        lea = next(p for p in store.participants(workshop_id) if p.names == ["Léa Petit"])
        assert lea.role == "Directrice"
    lines = done.stdout.replace("\u202f", " ").splitlines()
    at = lines.index(
        "2 modifications faites dans Atelier depuis le dernier import sont gardées, alors que la "
        "grille dit autre chose\xa0:"
    )
    assert lines[at + 1 : at + 3] == [
        "  Paul Durand (Mission locale des Landes), territoire\xa0: «\xa0Mont-de-Marsan\xa0» "
        "(dans la grille\xa0: «\xa0Landes sud\xa0»)",
        "  Paul Durand (Mission locale des Landes), besoin\xa0: «\xa0Trouver un local à Mont-de-Marsan\xa0» "
        "(dans la grille\xa0: «\xa0Trouver un local à Dax\xa0»)",
    ], done.stdout
    # the structure and role the grid did not change: kept, counted
    assert (
        "2 modifications faites dans Atelier depuis le dernier import, que la grille n'a pas "
        "changées, sont gardées." in lines
    ), done.stdout

    # Re-imported once more, unchanged: nothing new to say against the grid (it is the base now)
    once_more = run_cli("import", str(changed), "--into", str(path), env={"ATELIER_LANG": "en"})
    assert once_more.returncode == 0, once_more.stderr
    assert "says otherwise" not in once_more.stdout, once_more.stdout
    assert "4 edits made in Atelier since the last import, which the grid did not change, are kept." in (
        once_more.stdout
    )


def test_one_edit_kept_over_the_grid_is_said_in_the_singular_in_english(tmp_path: Path) -> None:
    path = _imported_then_corrected(tmp_path)
    changed = _grid(tmp_path / "grille-retour.csv", role="Conseillère")
    done = run_cli("import", str(changed), "--into", str(path), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert (
        "1 edit made in Atelier since the last import is kept, though the grid says otherwise:\n"
        "  Paul Durand (Mission locale des Landes), role: “Directeur” (in the grid: “Conseillère”)\n"
    ) in done.stdout, done.stdout
    assert "3 edits made in Atelier since the last import, which the grid did not change, are kept." in (
        done.stdout
    )


@pytest.mark.usefixtures("no_modal_boxes")
def test_the_window_says_the_edit_it_kept_over_the_grid(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _imported_then_corrected(tmp_path)
    changed = _grid(tmp_path / "grille-retour.csv", territory="Landes sud")
    window = active_window(qtbot, path)
    text = reimport_by_keys(qtbot, monkeypatch, changed)
    text = text.replace("\u202f", " ")
    assert (
        "1 modification faite dans Atelier depuis le dernier import gardée, alors que la grille dit "
        "autre chose\xa0: Paul Durand (Mission locale des Landes), territoire\xa0: «\xa0Mont-de-Marsan\xa0» "
        "(dans la grille\xa0: «\xa0Landes sud\xa0»)."
    ) in text, text
    assert (
        "3 modifications faites dans Atelier depuis le dernier import gardées\xa0: la grille ne les a pas "
        "changées."
    ) in text, text
    window.close()
    assert _paul_now(path)[0] == ("Mission locale des Landes", "Mont-de-Marsan", "Directeur")


def test_a_file_of_format_14_keeps_a_correction_the_grid_contradicts_and_says_it(tmp_path: Path) -> None:
    """A file written before the grid's values were kept (format 14), where Lucie Leroy's
    territory was corrected on the card (its edit time says so) and her need retyped in her
    cell: what the grid said then is not known, so the grid's other values are not taken over
    those corrections; they are kept, and said with the grid's."""
    import sqlite3

    path = tmp_path / "v14.atelier"
    shutil.copy(ROOT / "tests" / "fixtures" / "format-v14.atelier", path)
    conn = sqlite3.connect(path)  # as Atelier of format 14 wrote those edits
    with conn:
        conn.execute(
            "UPDATE participants SET territory = 'Charente', "
            "edited = json_set(edited, '$.territory', '2026-12-01T10:00:00.000Z') "
            "WHERE source_text LIKE 'Lucie%'"
        )
        conn.execute(
            "UPDATE items SET text = text || ' et régionales', updated = '2026-12-01T10:00:01.000Z' "
            "WHERE kind = 'need'"
        )
    conn.close()
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Nom;Structure;Territoire;Besoins\nLucie Leroy;Grand Angoulême;Angoulême;"
        "besoin d'un répertoire d'initiatives locales\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    with Store.open(path, readonly=True) as store:
        workshop_id = store.workshops()[0].id
        lucie = next(p for p in store.participants(workshop_id) if p.names == ["Lucie Leroy"])
        assert lucie.territory == "Charente"
        assert [i.text for i in store.items(lucie.id, ItemKind.NEED)] == [
            "besoin d'un répertoire d'initiatives locales et régionales"
        ]
    lines = done.stdout.replace("\u202f", " ").splitlines()
    at = lines.index(
        "2 modifications faites dans Atelier depuis le dernier import sont gardées, alors que la "
        "grille dit autre chose\xa0:"
    )
    assert lines[at + 1 : at + 3] == [
        "  Lucie Leroy (Grand Angoulême), territoire\xa0: «\xa0Charente\xa0» (dans la grille\xa0: "
        "«\xa0Angoulême\xa0»)",
        "  Lucie Leroy (Grand Angoulême), besoin\xa0: «\xa0besoin d'un répertoire d'initiatives locales "
        "et régionales\xa0» (dans la grille\xa0: «\xa0besoin d'un répertoire d'initiatives locales\xa0»)",
    ], done.stdout


def test_a_line_deleted_in_the_window_does_not_come_back_with_the_grid(tmp_path: Path) -> None:
    """Paul Durand's « Un financement » deleted in the room: the same grid imported again put it
    back. It stays deleted; when the grid changed that line too, that is said."""
    path = tmp_path / "atelier.atelier"
    done = run_cli("import", str(_grid(tmp_path / "grille.csv")), "-o", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        store.set_cell(_paul(store).id, ItemKind.NEED, ["Trouver un local"])
    again = run_cli("import", str(tmp_path / "grille.csv"), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert again.returncode == 0, again.stderr
    assert _paul_now(path)[1] == ["Trouver un local"]
    assert (
        "1 modification faite dans Atelier depuis le dernier import, que la grille n'a pas changée, "
        "est gardée." in again.stdout.replace("\u202f", " ").splitlines()
    ), again.stdout

    changed = tmp_path / "grille-retour.csv"
    changed.write_text(
        (tmp_path / "grille.csv")
        .read_text(encoding="utf-8")
        .replace("Un financement", "Un financement Région"),
        encoding="utf-8",
    )
    told = run_cli("import", str(changed), "--into", str(path), env={"ATELIER_LANG": "en"})
    assert told.returncode == 0, told.stderr
    assert _paul_now(path)[1] == ["Trouver un local"]
    assert (
        "1 edit made in Atelier since the last import is kept, though the grid says otherwise:\n"
        "  Paul Durand (Mission locale), need: line deleted in Atelier "
        "(in the grid: “Un financement Région”)\n"
    ) in told.stdout, told.stdout


def test_each_edit_kept_over_a_document_of_several_workshops_names_its_workshop(tmp_path: Path) -> None:
    """Anne Martin came on 3 March and on 7 June; her need retyped in the window at both, and the
    document of both sessions, changed there too, re-imported: each line says its workshop."""
    from .test_import_sessions import ANNE, JUNE, KARIM, MARCH, _word

    grid = _word(tmp_path / "ateliers.docx", [(MARCH, [ANNE]), (JUNE, [ANNE, KARIM])])
    path = tmp_path / "ateliers.atelier"
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    with Store.open(path) as store:  # as the window writes a cell retyped in it, at each workshop
        for workshop in store.workshops():
            (anne,) = [p for p in store.participants(workshop.id) if p.names == ["Anne Martin"]]
            store.set_cell(anne.id, ItemKind.NEED, [f"mobilité des jeunes ({workshop.date})"])
    changed = [*ANNE[:3], "mobilité des jeunes ruraux", *ANNE[4:]]
    grid = _word(tmp_path / "ateliers-retour.docx", [(MARCH, [changed]), (JUNE, [changed, KARIM])])

    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "en"})
    assert done.returncode == 0, done.stderr
    assert (
        "2 edits made in Atelier since the last import are kept, though the grid says otherwise:\n"
        "  Anne Martin (PLIE Sud Gironde), in the workshop “Atelier du 3 mars 2023 — Langon” (3 March 2023), "
        "need: “mobilité des jeunes (2023-03-03)” (in the grid: “mobilité des jeunes ruraux”)\n"
        "  Anne Martin (PLIE Sud Gironde), in the workshop “Atelier du 7 juin 2023 — Bazas” (7 June 2023), "
        "need: “mobilité des jeunes (2023-06-07)” (in the grid: “mobilité des jeunes ruraux”)\n"
    ) in done.stdout, done.stdout


def test_a_row_whose_names_were_corrected_in_the_window_is_counted_by_them(tmp_path: Path) -> None:
    """« Anne Martin et Paul Durand » in the grid, only Paul Durand came (corrected on the card):
    the same grid imported again counted two people updated, the file keeping one."""
    grid = tmp_path / "grille.csv"
    grid.write_text(
        "Nom;Structure;Besoins\nAnne Martin et Paul Durand;PLIE des Graves;Un local\n", encoding="utf-8"
    )
    path = tmp_path / "atelier.atelier"
    assert run_cli("import", str(grid), "-o", str(path)).returncode == 0
    with Store.open(path) as store:
        (row,) = store.participants(store.workshops()[0].id)
        assert row.names == ["Anne Martin", "Paul Durand"]
        store.update_participant(row.id, names=["Paul Durand"])
    done = run_cli("import", str(grid), "--into", str(path), env={"ATELIER_LANG": "fr"})
    assert done.returncode == 0, done.stderr
    with Store.open(path, readonly=True) as store:
        assert [p.names for p in store.participants(store.workshops()[0].id)] == [["Paul Durand"]]
    assert " : 1 participant retrouvé sans changement, 0 ajouté," in done.stdout.replace("\xa0", " "), (
        done.stdout
    )
