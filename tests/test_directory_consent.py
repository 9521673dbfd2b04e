"""A participant who does not want to be published in the directory (GDPR: their consent):
marked « ne pas publier dans le répertoire », they never appear in the directory's search,
its command line, its JSON, nor in what is matched across workshops; their own workshop's
grid, minutes and fiches keep them (those are for the room). The mark is kept in the file
(format 14), survives a merge (the copy that withdrew them wins, and the report says so), and
a file of format 13 opens with everybody published as before."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from atelier.domain import Item, ItemKind, Participant, Workshop
from atelier.store import SCHEMA_VERSION, Store

from .conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures"


def _two_workshops(path: Path) -> dict[str, str]:
    """Gérard (2021: offers the clause d'insertion) and Anne (2022: needs it), in one file."""
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        first = store.workshops()[0]
        second = store.add_workshop(Workshop("Atelier de printemps", date="2022-03-15"))
        gerard = store.add_participant(
            Participant(
                first.id, names=["Gérard Müller"], organisation="Maison de l'emploi", territory="Médoc"
            )
        )
        anne = store.add_participant(
            Participant(second.id, names=["Anne Roux"], organisation="PLIE des Graves")
        )
        clause = store.add_item(Item(gerard.id, ItemKind.OFFER, "facilitatrice de la clause d'insertion"))
        need = store.add_item(Item(anne.id, ItemKind.NEED, "mettre en place la clause d'insertion"))
        return {
            "first": first.id,
            "second": second.id,
            "gerard": gerard.id,
            "anne": anne.id,
            "clause": clause.id,
            "need": need.id,
        }


def test_a_withdrawn_participant_is_in_no_search_and_stays_in_their_workshop(tmp_path: Path) -> None:
    path = tmp_path / "reseau.atelier"
    ids = _two_workshops(path)
    with Store.open(path) as store:
        assert {h.ref for h in store.search("gerard")[0]} == {ids["gerard"]}
        assert store.search("clause")[1] == 2  # his offer and Anne's need
        store.update_participant(ids["gerard"], unlisted=True)
    with Store.open(path, readonly=True) as store:  # kept in the file
        assert store.participant(ids["gerard"]).unlisted is True
        assert store.search("gerard") == ([], 0)
        assert store.search("maison emploi medoc") == ([], 0)
        # His offer is not found either; Anne's need still is, and the count says one.
        hits, total = store.search("clause")
        assert [h.ref for h in hits] == [ids["need"]] and total == 1
        # Nor is his offer one of the resources the other workshop is matched with.
        assert store.resources_elsewhere(ids["second"], [ItemKind.OFFER, ItemKind.ACTION]) == []
        assert store.count_resources_elsewhere(ids["second"], [ItemKind.OFFER, ItemKind.ACTION]) == 0
        # In his own workshop, he and his offer are as they were: the room saw him.
        assert [p.names for p in store.participants(ids["first"])] == [["Gérard Müller"]]
        assert [i.text for i in store.items(ids["gerard"])] == ["facilitatrice de la clause d'insertion"]
    with Store.open(path) as store:  # published again: found again
        store.update_participant(ids["gerard"], unlisted=False)
        assert {h.ref for h in store.search("gerard")[0]} == {ids["gerard"]}


def test_the_command_line_search_and_json_leave_them_out(tmp_path: Path) -> None:
    path = tmp_path / "reseau.atelier"
    ids = _two_workshops(path)
    with Store.open(path) as store:
        store.update_participant(ids["gerard"], unlisted=True)
    done = run_cli("search", str(path), "gérard")
    assert done.returncode == 0, done.stderr
    assert "Müller" not in done.stdout and "Aucun résultat" in done.stdout, done.stdout
    done = run_cli("search", str(path), "clause", "--json")
    found = json.loads(done.stdout)
    assert found["total"] == 1 and [h["id"] for h in found["hits"]] == [ids["need"]]
    assert "Müller" not in done.stdout
    # The file's JSON export holds the grids as they are, and says who is not to be published.
    done = run_cli("export", str(path), "--json", "-")
    assert done.returncode == 0, done.stderr
    people = {p["id"]: p for w in json.loads(done.stdout)["workshops"] for p in w["participants"]}
    assert people[ids["gerard"]]["in_directory"] is False
    assert people[ids["anne"]]["in_directory"] is True


def test_a_file_of_format_13_opens_with_everybody_published(tmp_path: Path) -> None:
    copy = tmp_path / "v13.atelier"
    shutil.copy(FIXTURES / "format-v13.atelier", copy)
    with Store.open(copy) as store:
        assert store.format_version == SCHEMA_VERSION >= 14  # migrated on to today's format
        workshop = store.workshops()[0]
        people = store.participants(workshop.id)
        assert [(p.names, p.unlisted) for p in people] == [
            (["Lucie Leroy"], False),
            (["Grégory TALVY"], False),
        ]
        assert {h.participant.names[0] for h in store.search("leroy")[0]} == {"Lucie Leroy"}
        store.update_participant(people[0].id, unlisted=True)
        assert store.search("leroy") == ([], 0)
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT unlisted FROM participants ORDER BY position").fetchall() == [(1,), (0,)]
    finally:
        conn.close()


def test_the_format_14_fixture_keeps_who_is_withdrawn(tmp_path: Path) -> None:
    copy = tmp_path / "v14.atelier"
    shutil.copy(FIXTURES / "format-v14.atelier", copy)
    with Store.open(copy, readonly=True) as store:
        workshop = store.workshops()[0]
        assert [(p.names, p.unlisted) for p in store.participants(workshop.id)] == [
            (["Lucie Leroy"], False),
            (["Grégory TALVY"], True),
        ]
        assert store.search("talvy") == ([], 0)


def _copies(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    a, b = tmp_path / "salle-a.atelier", tmp_path / "salle-b.atelier"
    ids = _two_workshops(a)
    shutil.copy(a, b)
    return a, b, ids


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_merge_keeps_a_withdrawal_made_on_either_laptop_and_says_so(tmp_path: Path, lang: str) -> None:
    a, b, ids = _copies(tmp_path)
    with Store.open(b) as second:
        second.update_participant(ids["gerard"], unlisted=True)
    for first, other, name in ((a, b, "ab"), (b, a, "ba")):
        out = tmp_path / f"{name}-{lang}.atelier"
        done = run_cli("merge", str(first), str(other), "-o", str(out), env={"ATELIER_LANG": lang})
        assert done.returncode == 0, done.stderr
        with Store.open(out, readonly=True) as merged:
            assert merged.participant(ids["gerard"]).unlisted is True
            assert merged.search("gerard") == ([], 0)
        said = done.stdout.replace("\xa0", " ").replace("\u202f", " ")
        if name == "ab":  # the copy opened did not withdraw him: the report says it now does
            if lang == "fr":
                assert (
                    "[retiré du répertoire] Participant « Gérard Müller » : « ne pas publier dans le " in said
                )
                assert "répertoire » dans « salle-b.atelier »" in said and "le retrait l'emporte" in said, (
                    said
                )
            else:
                assert (
                    "[kept out of the directory] Participant “Gérard Müller”: “do not publish in the " in said
                )
                assert "directory” in “salle-b.atelier”" in said and "a withdrawal always wins" in said, said
        else:  # the copy opened had withdrawn him, the other never changed it: nothing to say
            assert "Gérard" not in said, said


def test_a_withdrawal_wins_over_a_later_publication_in_the_other_copy(tmp_path: Path) -> None:
    """Opt-out wins, even against a newer edit: a person's « no » is not undone by a merge."""
    a, b, ids = _copies(tmp_path)
    with Store.open(a) as first:
        first.update_participant(ids["gerard"], unlisted=True)
    time.sleep(0.01)
    with Store.open(b) as second:  # withdrawn, then published again, after A's withdrawal
        second.update_participant(ids["gerard"], unlisted=True)
        second.update_participant(ids["gerard"], unlisted=False)
    out = tmp_path / "merged.atelier"
    done = run_cli("merge", str(a), str(b), "-o", str(out))
    assert done.returncode == 0, done.stderr
    with Store.open(out, readonly=True) as merged:
        assert merged.participant(ids["gerard"]).unlisted is True
    assert "le retrait l'emporte" in done.stdout, done.stdout
    # Merged again, the same copy brings nothing new, and says nothing twice.
    again = tmp_path / "again.atelier"
    done = run_cli("merge", str(out), str(b), "-o", str(again))
    assert done.returncode == 0, done.stderr
    assert "le retrait l'emporte" not in done.stdout, done.stdout
    with Store.open(again, readonly=True) as merged:
        assert merged.participant(ids["gerard"]).unlisted is True


# ----------------------------------------------------------------- the window


def _one_room(path: Path) -> Participant:
    """A workshop of two, both of the Médoc: Gérard Müller (Maison de l'emploi), then Lucie Leroy
    (PLIE). Returns Gérard."""
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop_id = store.workshops()[0].id
        gerard = store.add_participant(
            Participant(
                workshop_id, names=["Gérard Müller"], organisation="Maison de l'emploi", territory="Médoc"
            )
        )
        store.add_participant(
            Participant(workshop_id, names=["Lucie Leroy"], organisation="PLIE", territory="Médoc")
        )
    return gerard


def test_the_card_withdraws_a_participant_by_keyboard_and_ctrl_z_publishes_them_again(
    qtbot, tmp_path: Path, no_modal_boxes
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from .helpers.keyboard import active_window, key, type_text

    alt, ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
    path = tmp_path / "salle.atelier"
    gerard = _one_room(path)

    def withdrawn() -> bool:
        with Store.open(path, readonly=True) as store:
            return store.participant(gerard.id).unlisted

    window = active_window(qtbot, path)
    try:
        window._select(gerard.id)
        box = window.panel.unlisted
        assert box.isEnabled() and not box.isChecked()
        key(qtbot, Qt.Key.Key_B, alt)  # « Ne pas pu&blier dans le répertoire »
        qtbot.waitUntil(withdrawn)
        assert box.isChecked() and QApplication.focusWidget() is box
        cell = window.model.index(window.model.row_of(gerard.id), 0)  # the grid's cell says it too
        assert "Ne pas publier dans le répertoire\xa0: à sa demande" in cell.data(Qt.ItemDataRole.ToolTipRole)
        assert "Participant «\xa0Gérard Müller (Maison de l'emploi)\xa0» retiré du répertoire — Ctrl+Z" in (
            window.saved_label.text()
        ), window.saved_label.text()
        # « Répertoire » (Alt+3) no longer finds him; Lucie is found.
        key(qtbot, Qt.Key.Key_3, alt)
        type_text("gérard")
        window.directory.search_now()
        assert window.directory.model.rowCount() == 0
        assert window.directory.counter.text() == "0 résultat"
        window.directory.field.clear()
        type_text("lucie")
        window.directory.search_now()
        assert window.directory.model.rowCount() == 1
        # Ctrl+Z, from the results of « Répertoire »: published again, and found at once.
        window.directory.field.clear()
        type_text("médoc")
        key(qtbot, Qt.Key.Key_Down)
        assert window.directory.model.rowCount() == 1
        assert QApplication.focusWidget() is window.directory.table
        key(qtbot, Qt.Key.Key_Z, ctrl)
        assert not withdrawn()
        assert window.directory.model.rowCount() == 2
        key(qtbot, Qt.Key.Key_1, alt)  # back to the grid: the card says it too
        window._select(gerard.id)
        assert not window.panel.unlisted.isChecked()
        # Ctrl+Y withdraws him again; the card follows.
        key(qtbot, Qt.Key.Key_Y, ctrl)
        assert withdrawn() and window.panel.unlisted.isChecked()
    finally:
        window.close()


def test_a_suggestion_another_workshop_kept_of_their_offer_is_not_shown_once_withdrawn(
    tmp_path: Path,
) -> None:
    """Anne's workshop was matched with Gérard's offer of 2021 before he asked to be withdrawn:
    that suggestion is not shown any more (card, minutes, JSON), nor suggested again; a match the
    facilitator confirmed is a decision, followed up, and stays."""
    from atelier.domain import Match, MatchStatus

    path = tmp_path / "reseau.atelier"
    ids = _two_workshops(path)
    with Store.open(path) as store:
        action = store.add_item(Item(ids["gerard"], ItemKind.ACTION, "forum des clauses d'insertion"))
        suggested = store.add_match(
            Match(ids["second"], ids["need"], ids["clause"], MatchStatus.SUGGESTED, 0.4)
        )
        confirmed = store.add_match(Match(ids["second"], ids["need"], action.id, MatchStatus.CONFIRMED, 0.3))
        assert {m.id for m in store.matches(ids["second"])} == {suggested.id, confirmed.id}
        store.update_participant(ids["gerard"], unlisted=True)
        assert [m.id for m in store.matches(ids["second"])] == [confirmed.id]
        assert [m.id for m in store.matches_for_need(ids["need"])] == [confirmed.id]
        assert store.matches(ids["second"], MatchStatus.SUGGESTED) == []
    done = run_cli("export", str(path), "--json", "-", "--workshop", "printemps")
    assert done.returncode == 0, done.stderr
    (workshop,) = json.loads(done.stdout)["workshops"]
    assert [m["id"] for m in workshop["matches"]] == [confirmed.id]


def test_the_grid_cell_of_a_participant_who_opted_out_shows_a_mark_without_hovering(
    qtbot, tmp_path: Path, no_modal_boxes
) -> None:
    """Withdrawn from the directory (Alt+B on the card), Gérard's cell looked exactly as before:
    only a tooltip said it, which no facilitator reads while typing. The cell now ends with
    « ⊘ hors répertoire », in small italics, on a line of its own the row is fitted to; Ctrl+Z
    takes it away with the opt-out."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyleOptionViewItem

    from .helpers.keyboard import active_window, key

    alt, ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
    path = tmp_path / "salle.atelier"
    gerard = _one_room(path)

    window = active_window(qtbot, path)
    try:
        grid = window.grid
        cell = window.proxy.mapFromSource(window.model.index(window.model.row_of(gerard.id), 0))
        delegate = grid.itemDelegateForIndex(cell)

        def drawn() -> tuple[str, int, int]:
            """The cell's text as painted, the height it needs and the row's height."""
            option = QStyleOptionViewItem()
            option.rect = grid.visualRect(cell)
            option.font = grid.font()
            option.widget = grid
            text = delegate.document(option, cell).toPlainText()
            return text, delegate.sizeHint(option, cell).height(), grid.rowHeight(cell.row())

        def image() -> object:
            return grid.viewport().grab(grid.visualRect(cell)).toImage()

        text, _, _ = drawn()
        assert "hors répertoire" not in text
        before = image()
        window._select(gerard.id)
        key(qtbot, Qt.Key.Key_B, alt)  # « Ne pas pu&blier dans le répertoire »
        qtbot.waitUntil(lambda: "⊘ hors répertoire" in drawn()[0])
        qtbot.waitUntil(lambda: drawn()[2] >= drawn()[1])  # the row grows to show it whole
        assert image() != before
        text, _, _ = drawn()
        assert text.splitlines()[0] == "Gérard Müller" and text.splitlines()[-1] == "⊘ hors répertoire"
        # Lucie's cell, who did not ask, has no mark.
        lucie = window.proxy.mapFromSource(window.model.index(1 - window.model.row_of(gerard.id), 0))
        option = QStyleOptionViewItem()
        option.rect, option.font = grid.visualRect(lucie), grid.font()
        assert "hors répertoire" not in delegate.document(option, lucie).toPlainText()
        key(qtbot, Qt.Key.Key_Z, ctrl)
        qtbot.waitUntil(lambda: "hors répertoire" not in drawn()[0])
    finally:
        window.close()


def test_a_grid_imported_again_that_recreates_a_participant_keeps_their_opt_out(tmp_path: Path) -> None:
    """Gérard Müller asked not to be published in the directory. The grid, imported again
    (`import --into`), spells his row « MÜLLER Gérard »: not recognised, the row was created
    anew, published, and `atelier chercher müller` found him. The row is the same person (same
    structure, same lines): recognised as his row, which stays out of the directory, and the
    import says so (not a second row of him, probe38 P13). Gérard Müller of another structure is
    someone else: published."""
    from .conftest import run_cli

    path = tmp_path / "salle.atelier"
    header = "Participant;Actions;Défis;Besoins;Ressources\n"
    first, again = tmp_path / "grille.csv", tmp_path / "grille2.csv"
    first.write_text(
        header + "Gérard Müller / Maison de l'emploi du Médoc;Forum;;Financer un chantier;Annuaire\n"
        "Lucie Leroy / PLIE des Graves;Clauses;;Un répertoire;\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(first), "-o", str(path))
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        gerard = next(p for p in store.participants(workshop_id) if p.names == ["Gérard Müller"])
        store.update_participant(gerard.id, unlisted=True)
    again.write_text(
        header + "MÜLLER Gérard / Maison de l'emploi du Médoc;Forum;;Financer un chantier;Annuaire\n"
        "Lucie Leroy / PLIE des Graves;Clauses;;Un répertoire;\n"
        "Gérard Müller / Mission locale de Lyon;Parrainage;;;Mentorat\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(again), "--into", str(path))
    assert done.returncode == 0, done.stderr
    assert (
        "«\xa0MÜLLER Gérard / Maison de l'emploi du Médoc\xa0» de la grille reconnu comme "
        "«\xa0Gérard Müller / Maison de l'emploi du Médoc\xa0» du fichier" in done.stdout
    ), done.stdout
    with Store.open(path, readonly=True) as store:
        people = {(p.names[0], p.organisation): p.unlisted for p in store.participants(workshop_id)}
    assert people == {
        ("Gérard Müller", "Maison de l'emploi du Médoc"): True,
        ("Lucie Leroy", "PLIE des Graves"): False,
        ("Gérard Müller", "Mission locale de Lyon"): False,
    }
    found = run_cli("chercher", str(path), "müller")
    assert found.returncode == 0, found.stderr
    assert "Médoc" not in found.stdout and "Mission locale de Lyon" in found.stdout, found.stdout


def test_a_person_who_opted_out_stays_out_when_a_later_workshop_is_imported(tmp_path: Path) -> None:
    """Lucie Leroy of Grand Angoulême asked in March not to be published in the directory.
    September's grid, imported as a new workshop of the file, names her again: her September
    row was published, and `atelier chercher leroy` found her. The same person (same names,
    same structure) stays out, and the import says so; Lucie Leroy of the Mission locale de
    Lyon, someone else, is published."""
    path = tmp_path / "deux.atelier"
    shutil.copy(Path(__file__).resolve().parent.parent / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        march = store.workshops()[0]
        lucie = next(p for p in store.participants(march.id) if p.names == ["Lucie Leroy"])
        store.update_participant(lucie.id, unlisted=True)
    grid = tmp_path / "septembre.csv"
    grid.write_text(
        "Participant;Actions;Défis;Besoins;Ressources\n"
        "Paul Girard / Réseau des PLIE d'Aquitaine;Annuaire régional;;;Répertoire des initiatives\n"
        "LEROY Lucie / Grand Angoulême;Feuille de route emploi votée;;Exemples de projets;\n"
        "Lucie Leroy / Mission locale de Lyon;Parrainage;;;Mentorat\n",
        encoding="utf-8",
    )
    done = run_cli(
        "import", str(grid), "--into", str(path), "--new-workshop",
        "--title", "Atelier de septembre", "--date", "14/09/2021",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (
        "«\xa0LEROY Lucie\xa0» reste hors du répertoire, à sa demande "
        "(comme «\xa0Lucie Leroy\xa0» dans le fichier)." in done.stdout
    ), done.stdout
    with Store.open(path, readonly=True) as store:
        september = store.find_workshop("2021-09-14")
        people = {(p.names[0], p.organisation): p.unlisted for p in store.participants(september.id)}
    assert people == {
        ("Paul Girard", "Réseau des PLIE d'Aquitaine"): False,
        ("LEROY Lucie", "Grand Angoulême"): True,
        ("Lucie Leroy", "Mission locale de Lyon"): False,
    }
    found = run_cli("chercher", str(path), "leroy")
    assert found.returncode == 0, found.stderr
    assert "Angoulême" not in found.stdout and "Mission locale de Lyon" in found.stdout, found.stdout


def test_withdrawing_a_person_withdraws_them_from_every_workshop_of_the_file(
    qtbot, tmp_path: Path, no_modal_boxes
) -> None:
    """Gérard Müller of the Maison de l'emploi came to the 2021 and the 2022 workshops. At
    the 2021 one he asked not to be published (Alt+B on his card, whose tooltip promises
    « absent du répertoire de tous les ateliers »): only that row was marked, and the
    directory kept listing him from 2022. Every row of the file naming him (as the import
    recognises him: case and order aside, same structure) is marked in one step, said, and
    Ctrl+Z publishes them all again; a Gérard Müller of another structure is someone else."""
    from PySide6.QtCore import Qt

    from .helpers.keyboard import active_window, key

    alt, ctrl = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
    path = tmp_path / "reseau.atelier"
    gerard = _one_room(path)
    with Store.open(path) as store:
        store.update_participant(gerard.id, organisation="Maison de l'emploi du Médoc")
        later = store.add_workshop(Workshop("Atelier de printemps", date="2022-03-15"))
        again = store.add_participant(
            Participant(later.id, names=["MÜLLER Gérard"], organisation="Maison de l'emploi du Médoc")
        )
        other = store.add_participant(
            Participant(later.id, names=["Gérard Müller"], organisation="CCAS de Pau")
        )

    def withdrawn() -> list[bool]:
        with Store.open(path, readonly=True) as store:
            return [store.participant(p).unlisted for p in (gerard.id, again.id, other.id)]

    def listed() -> list[str]:
        with Store.open(path, readonly=True) as store:
            return sorted(h.participant.organisation for h in store.search("müller")[0] if h.participant)

    assert listed() == ["CCAS de Pau", "Maison de l'emploi du Médoc", "Maison de l'emploi du Médoc"]
    window = active_window(qtbot, path)
    try:
        window.switch_workshop(gerard.workshop_id)
        window._select(gerard.id)
        key(qtbot, Qt.Key.Key_B, alt)  # « Ne pas pu&blier dans le répertoire »
        qtbot.waitUntil(lambda: withdrawn()[0])
        assert withdrawn() == [True, True, False]
        assert listed() == ["CCAS de Pau"]
        said = window.saved_label.text()
        assert (
            "Participant «\xa0Gérard Müller (Maison de l'emploi du Médoc)\xa0» retiré du répertoire, ici et "
            "dans 1 autre atelier du fichier — Ctrl+Z" in said
        ), said
        key(qtbot, Qt.Key.Key_Z, ctrl)
        assert withdrawn() == [False, False, False]
        key(qtbot, Qt.Key.Key_Y, ctrl)
        assert withdrawn() == [True, True, False]
    finally:
        window.close()
