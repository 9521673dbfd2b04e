"""After the workshop, in the window, at the keyboard: « Suivi », the workshops of the file,
« Répertoire », and suggestions from other workshops; each change in the file at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from atelier.domain import FollowUp, Item, ItemKind, Match, MatchStatus, Participant, Workshop
from atelier.store import Store
from atelier.ui.main_window import MainWindow

from .conftest import ROOT
from .helpers.keyboard import active_window, key, type_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Two dated workshops: in 2021 Gérard offered a directory; in 2022 Lucie needs one,
    and a confirmed match with Cécile is to be followed up."""
    target = tmp_path / "reseau.atelier"
    with Store.create(target, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        earlier = store.workshops()[0]
        gerard = store.add_participant(
            Participant(earlier.id, names=["Gérard Müller"], organisation="Mission locale du Médoc")
        )
        store.add_item(Item(gerard.id, ItemKind.OFFER, "un annuaire des initiatives locales pour l'emploi"))
        later = store.add_workshop(Workshop("Atelier du 15 mars 2022", date="2022-03-15"))
        lucie = store.add_participant(
            Participant(later.id, names=["Lucie Leroy"], organisation="Grand Angoulême")
        )
        cecile = store.add_participant(
            Participant(later.id, names=["Cécile Dallet"], organisation="PLIE des Graves")
        )
        need = store.add_item(
            Item(lucie.id, ItemKind.NEED, "un répertoire des initiatives locales pour l'emploi")
        )
        offer = store.add_item(
            Item(cecile.id, ItemKind.OFFER, "clauses d'insertion dans les marchés publics")
        )
        store.add_match(Match(later.id, need.id, offer.id, MatchStatus.CONFIRMED, 0.3, ["mise en relation"]))
    return target


@pytest.fixture
def window(qtbot, path: Path) -> MainWindow:
    win = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


# Message boxes would block an offscreen test: recorded instead (conftest.no_modal_boxes).
pytestmark = pytest.mark.usefixtures("no_modal_boxes")


def _state_in_file(path: Path) -> tuple[FollowUp, str, str]:
    with Store.open(path, readonly=True) as store:
        (entry,) = store.follow_ups()
        return entry.match.follow_up, entry.match.follow_up_changed, entry.match.note


def test_follow_up_is_set_from_the_keyboard_saved_at_once_and_undone(
    qtbot, window: MainWindow, path: Path
) -> None:
    assert window.panel_dock.isVisible()
    key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi », the whole width: the grid's docks step aside
    assert window.page() == "followup" and not window.panel_dock.isVisible()
    assert QApplication.focusWidget() is window.followup.table
    table = window.followup.table
    assert table.model().rowCount() == 1
    row = [table.model().index(0, c).data() for c in range(8)]
    assert row[:6] == [
        "15 mars 2022",
        "Lucie Leroy\nGrand Angoulême",
        "un répertoire des initiatives locales pour l'emploi",
        "Cécile Dallet\nPLIE des Graves",
        "clauses d'insertion dans les marchés publics",
        "à contacter",
    ]
    started = _state_in_file(path)[1]

    key(qtbot, Qt.Key.Key_C)  # contactée
    assert window.saved_label.text().startswith("Enregistré à")
    state, changed, _ = _state_in_file(path)  # in the file before anything else happens
    assert state == FollowUp.CONTACTED and changed >= started
    assert table.model().index(0, 5).data() == "contactée"

    key(qtbot, Qt.Key.Key_Return)  # a note
    type_text("RDV le 12 avril")
    key(qtbot, Qt.Key.Key_Return)  # the editor commits once back in the event loop
    qtbot.waitUntil(lambda: _state_in_file(path)[2] == "RDV le 12 avril", timeout=5000)
    assert QApplication.focusWidget() is table

    key(qtbot, Qt.Key.Key_Z, CTRL)  # the note goes
    assert _state_in_file(path)[2] == ""
    key(qtbot, Qt.Key.Key_Z, CTRL)  # the state goes back, with the date it had
    assert _state_in_file(path) == (FollowUp.TO_CONTACT, started, "")
    assert table.model().index(0, 5).data() == "à contacter"
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert _state_in_file(path)[:2] == (FollowUp.CONTACTED, changed)

    key(qtbot, Qt.Key.Key_S)  # sans suite
    assert _state_in_file(path)[0] == FollowUp.DROPPED
    # Filters: by state, by a person typed without accents.
    window.followup.state_filter.setCurrentIndex(window.followup.state_filter.findData("to_contact"))
    assert table.model().rowCount() == 0
    window.followup.state_filter.setCurrentIndex(0)
    key(qtbot, Qt.Key.Key_F, CTRL)  # Ctrl+F on this page: the person filter
    assert QApplication.focusWidget() is window.followup.person_filter
    type_text("cecile")
    assert table.model().rowCount() == 1
    type_text(" zzz")
    assert table.model().rowCount() == 0
    key(qtbot, Qt.Key.Key_1, ALT)  # back to the grid, its docks with it
    assert window.page() == "grid" and window.panel_dock.isVisible()


def test_a_note_being_typed_is_in_the_file_at_each_pause_one_undo_step_and_echap_gives_it_back(
    qtbot, window: MainWindow, path: Path
) -> None:
    """A note typed in « Suivi » was written only at Entrée: a crash while it was typed lost it
    with the status bar saying « Chaque modification est enregistrée aussitôt »."""
    key(qtbot, Qt.Key.Key_2, ALT)
    table = window.followup.table
    key(qtbot, Qt.Key.Key_Return)  # the note's editor
    type_text("RDV")
    qtbot.waitUntil(lambda: _state_in_file(path)[2] == "RDV", timeout=5000)  # saved at the pause
    # The status bar says it once the window hears of the save (« Enregistrement… » before).
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Enregistré à"), timeout=5000)
    type_text(" le 12 avril")  # typed on: the editor kept the text and the caret as typed
    qtbot.waitUntil(lambda: _state_in_file(path)[2] == "RDV le 12 avril", timeout=5000)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table, timeout=5000)
    assert _state_in_file(path)[2] == "RDV le 12 avril"
    assert table.model().index(0, 7).data() == "RDV le 12 avril"
    key(qtbot, Qt.Key.Key_Z, CTRL)  # one step: the note as it was before the first key
    assert _state_in_file(path)[2] == ""
    assert table.model().index(0, 7).data() == ""
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert _state_in_file(path)[2] == "RDV le 12 avril"

    # Échap after a pause: the note as it was, and nothing to redo.
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_End)
    type_text(", rappeler")
    qtbot.waitUntil(lambda: _state_in_file(path)[2] == "RDV le 12 avril, rappeler", timeout=5000)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table, timeout=5000)
    assert _state_in_file(path)[2] == "RDV le 12 avril"
    assert table.model().index(0, 7).data() == "RDV le 12 avril"
    assert not window.model.undo_stack.canRedo()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert _state_in_file(path)[2] == ""


def test_undo_from_the_menu_while_a_note_is_typed_undoes_the_note_and_it_stays_undone(
    qtbot, window: MainWindow, path: Path
) -> None:
    """Édition › Annuler while a note is still typed takes the note back, as it does for a grid
    cell: never the step before it with the note written again behind the facilitator's back."""
    key(qtbot, Qt.Key.Key_2, ALT)
    table = window.followup.table
    key(qtbot, Qt.Key.Key_C)  # contactée: the step before the note
    key(qtbot, Qt.Key.Key_Return)
    type_text("RDV le 12 avril")
    qtbot.waitUntil(lambda: _state_in_file(path)[2] == "RDV le 12 avril", timeout=5000)
    window.undo_action.trigger()
    qtbot.wait(1000)  # past a pause: nothing typed is written again
    assert _state_in_file(path)[0] == FollowUp.CONTACTED
    assert _state_in_file(path)[2] == ""
    assert table.model().index(0, 7).data() == ""
    window.redo_action.trigger()
    assert _state_in_file(path)[2] == "RDV le 12 avril"


def test_a_second_window_read_only_shows_the_follow_up_the_first_one_records(
    qtbot, window: MainWindow, path: Path
) -> None:
    """The file opened a second time (read-only, the first window holding it): the first
    window recorded « contactée » and a note, and the second kept showing « à contacter » with
    no note, as long as it stayed open, while the file (and what it exported) said otherwise."""
    second = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(second)
    second.resize(1400, 850)
    second.show()
    qtbot.waitExposed(second)
    assert second.store.readonly
    second.show_page("followup")
    shown = second.followup.table.model()
    assert [shown.index(0, c).data() for c in (5, 7)] == ["à contacter", ""]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    key(qtbot, Qt.Key.Key_2, ALT)
    key(qtbot, Qt.Key.Key_C)
    key(qtbot, Qt.Key.Key_Return)
    type_text("RDV le 12 avril")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _state_in_file(path)[2] == "RDV le 12 avril", timeout=5000)
    qtbot.waitUntil(
        lambda: [shown.index(0, c).data() for c in (5, 7)] == ["contactée", "RDV le 12 avril"], timeout=10_000
    )
    said = second.saved_label.text()
    assert said.startswith("Lecture seule") and "Enregistré" not in said, said  # read again, not saved
    assert second.model.rowCount() == 2 and second.store.readonly  # Lucie, Cécile: the grid read again
    second.close()


def test_the_second_window_takes_the_file_for_editing_once_the_first_one_closes(
    qtbot, window: MainWindow, path: Path
) -> None:
    """The first window closed, the second still said « Ce fichier est déjà ouvert pour
    modification par une autre fenêtre » and refused every key: no other window had it any
    more. It now goes on in the file for editing, and says so."""
    second = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(second)
    second.resize(1400, 850)
    second.show()
    qtbot.waitExposed(second)
    assert second.store.readonly and second.readonly_banner.isVisible()
    from PySide6.QtWidgets import QDialog

    dialog = QDialog(second)  # a dialog at work on the file as it is (an export): not under it
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    window.close()
    qtbot.wait(3500)
    assert second.store.readonly and not second.store.closed
    dialog.close()
    qtbot.waitUntil(lambda: not second.store.readonly, timeout=10_000)
    assert not second.readonly_banner.isVisible()
    assert "(lecture seule)" not in second.windowTitle()
    said = second.saved_label.text()
    assert said.startswith("L'autre fenêtre a fermé ce fichier"), said
    second.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is second)
    key(qtbot, Qt.Key.Key_2, ALT)
    key(qtbot, Qt.Key.Key_C)
    assert _state_in_file(path)[0] == FollowUp.CONTACTED
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert _state_in_file(path)[0] == FollowUp.TO_CONTACT
    second.close()


def test_a_contact_pressed_before_the_workshop_has_taken_place_is_refused(
    qtbot, window: MainWindow, path: Path, no_modal_boxes: list[str]
) -> None:
    import hashlib
    from datetime import date, timedelta

    coming = (date.today() + timedelta(days=7)).isoformat()
    window.store.update_workshop(window.store.find_workshop("2022-03-15").id, date=coming)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi »
    key(qtbot, Qt.Key.Key_C)  # contactée
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert len(no_modal_boxes) == 1
    assert (
        "a lieu le" in no_modal_boxes[0]
        and "«\u00a0contactée\u00a0» ne se note qu'à partir" in no_modal_boxes[0]
    )
    assert window.followup.table.model().index(0, 5).data() == "à contacter"


def test_workshops_are_listed_switched_added_and_deleted_with_undo(
    qtbot, window: MainWindow, path: Path
) -> None:
    switcher = window.switcher.combo
    assert [switcher.itemText(i) for i in range(switcher.count())] == [
        "16 mars 2021 — Atelier du 16 mars 2021 · 1 participant",
        "15 mars 2022 — Atelier du 15 mars 2022 · 2 participants",
    ]
    # The file opens on its latest workshop (the one being run), not the network's first.
    assert window.model.workshop().title == "Atelier du 15 mars 2022"
    key(qtbot, Qt.Key.Key_PageUp, CTRL_ALT)  # the previous workshop
    assert window.model.workshop().title == "Atelier du 16 mars 2021"
    assert window.windowTitle().startswith("Atelier du 16 mars 2021")
    key(qtbot, Qt.Key.Key_PageDown, CTRL_ALT)  # the next workshop
    assert window.model.workshop().title == "Atelier du 15 mars 2022"
    assert window.windowTitle().startswith("Atelier du 15 mars 2022")
    assert window.model.rowCount() == 2

    # A cell typed here, then the grid moved to the other workshop: Ctrl+Z comes back here.
    lucie = window.model.participant_at(0)
    window.model.setData(window.model.index(0, 3), "un répertoire des initiatives locales\nun annuaire")
    key(qtbot, Qt.Key.Key_PageUp, CTRL_ALT)
    assert window.model.workshop().title == "Atelier du 16 mars 2021"
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.model.workshop().title == "Atelier du 15 mars 2022"
    assert [i.text for i in window.store.items(lucie.id, ItemKind.NEED)] == [
        "un répertoire des initiatives locales pour l'emploi"
    ]

    key(qtbot, Qt.Key.Key_N, CTRL_ALT)  # a new workshop in this file, its title ready to type
    assert switcher.count() == 3 and window.model.rowCount() == 0
    assert QApplication.focusWidget() is window.header.title
    type_text("Atelier de Pau")
    key(qtbot, Qt.Key.Key_Return)
    with Store.open(path, readonly=True) as store:
        assert [w.title for w in store.workshops()][-1] == "Atelier de Pau"

    # Delete the 2022 workshop (confirmed), then Ctrl+Z puts it all back.
    window.switch_workshop(window.store.find_workshop("2022-03-15").id)
    assert window.delete_workshop(confirm=False)
    with Store.open(path, readonly=True) as store:
        assert [w.title for w in store.workshops()] == ["Atelier du 16 mars 2021", "Atelier de Pau"]
        assert store.follow_ups() == [] and store.search("cecile") == ([], 0)
    assert switcher.count() == 2
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.model.workshop().title == "Atelier du 15 mars 2022" and window.model.rowCount() == 2
    with Store.open(path, readonly=True) as store:
        assert len(store.follow_ups()) == 1 and store.search("cecile")[1] == 1
    assert switcher.count() == 3

    assert window.rename_workshop("Atelier territorial du 15 mars 2022")
    assert "15 mars 2022 — Atelier territorial du 15 mars 2022 · 2 participants" in [
        switcher.itemText(i) for i in range(switcher.count())
    ]


def test_deleting_asks_first_and_keeping_deletes_nothing(
    qtbot, window: MainWindow, path: Path, monkeypatch
) -> None:
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return 0  # closed without choosing « Supprimer l'atelier »

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.switch_workshop(window.store.find_workshop("2022-03-15").id)
    assert not window.delete_workshop()
    assert asked == [
        "Supprimer l'atelier «\u00a0Atelier du 15 mars 2022\u00a0» (2 participants, 2 éléments, "
        "1 mise en relation décidée)\u202f?"
    ]
    with Store.open(path, readonly=True) as store:
        assert len(store.workshops()) == 2


def test_the_directory_searches_every_workshop_and_opens_a_hit_in_its_grid(qtbot, window: MainWindow) -> None:
    key(qtbot, Qt.Key.Key_PageUp, CTRL_ALT)  # on the 2021 workshop: the hit is in another one
    assert window.model.workshop().title == "Atelier du 16 mars 2021"
    key(qtbot, Qt.Key.Key_3, ALT)  # « Répertoire »
    assert QApplication.focusWidget() is window.directory.field
    type_text("clause d'insertion")
    window.directory.search_now()
    hits = window.directory.model.hits
    assert [(h.kind, h.text, h.workshop.date) for h in hits] == [
        ("offer", "clauses d'insertion dans les marchés publics", "2022-03-15")
    ]
    window.directory.field.clear()
    type_text("lucie gran")  # prefixes, without accents
    window.directory.search_now()
    assert [h.text for h in window.directory.model.hits] == ["Lucie Leroy (Grand Angoulême)"]
    window.directory.field.clear()
    type_text("REPERTOIRE")
    window.directory.search_now()
    key(qtbot, Qt.Key.Key_Down)  # into the results
    assert QApplication.focusWidget() is window.directory.table
    key(qtbot, Qt.Key.Key_Return)  # open it in its grid
    assert window.page() == "grid"
    assert window.model.workshop().title == "Atelier du 15 mars 2022"
    current = window.grid.currentIndex()
    assert window.model.participant_at(window.proxy.mapToSource(current).row()).names == ["Lucie Leroy"]
    assert current.column() == 3  # « Besoins de ressources »


def test_a_need_gets_the_offer_of_an_earlier_workshop_flagged_in_the_card(qtbot, window: MainWindow) -> None:
    window.switch_workshop(window.store.find_workshop("2022-03-15").id)
    qtbot.waitUntil(lambda: window.matching.matcher is not None and not window.matching._busy, timeout=20_000)
    need = window.store.items(window.model.participant_at(0).id, ItemKind.NEED)[0]
    suggested = [m for m in window.store.matches_for_need(need.id) if m.status == MatchStatus.SUGGESTED]
    (across,) = [m for m in suggested if window.store.item(m.resource_id).text.startswith("un annuaire")]
    from atelier.reasons import say

    assert say(across.reasons[0], "fr") == "A proposé lors de l'atelier du 16 mars 2021"
    window._select(window.model.participant_at(0).id, 3)
    tree = window.panel.matches.tree_model
    lines = [tree.item(0).child(r).text() for r in range(tree.item(0).rowCount())]
    assert any(
        line.startswith("Gérard Müller (Mission locale du Médoc, atelier du 16 mars 2021) — un annuaire")
        for line in lines
    )
    # Turned off (Ateliers › Rapprocher aussi avec les autres ateliers): this workshop only.
    window.action("workshops.across").trigger()
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    qtbot.waitUntil(
        lambda: all(
            window.store.item(m.resource_id).participant_id != "x"
            and window.store.participant(window.store.item(m.resource_id).participant_id).workshop_id
            == window.model.workshop_id
            for m in window.store.matches_for_need(need.id)
        ),
        timeout=20_000,
    )


def test_a_past_grid_is_imported_as_a_new_workshop_of_the_file_and_undone(
    qtbot, window: MainWindow, path: Path
) -> None:
    def accept(dialog) -> bool:
        dialog.date_edit.setText("2019-06-04")
        return True

    grid = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
    assert window.import_as_workshop(grid, dialog_hook=accept)
    assert window.model.workshop().date == "2019-06-04" and window.model.rowCount() == 22
    assert window.switcher.combo.count() == 3
    with Store.open(path, readonly=True) as store:
        assert store.search("talvy")[0][0].workshop.date == "2019-06-04"
    key(qtbot, Qt.Key.Key_Z, CTRL)
    with Store.open(path, readonly=True) as store:
        assert len(store.workshops()) == 2 and store.search("talvy") == ([], 0)


def test_a_past_grid_naming_someone_who_opted_out_keeps_them_out_of_the_directory(
    qtbot, window: MainWindow, path: Path
) -> None:
    """Lucie Leroy of Grand Angoulême asked, in 2022, not to be published in the directory; the
    2021 grid imported as a new workshop names her: her row of that workshop stays out too,
    its cell says so, and the status line tells why."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    lucie = next(p for p in window.model.participants() if p.names == ["Lucie Leroy"])
    window.store.update_participant(lucie.id, unlisted=True)

    def accept(dialog) -> bool:
        dialog.date_edit.setText("2019-06-04")
        return True

    grid = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
    assert window.import_as_workshop(grid, dialog_hook=accept)
    assert window.model.workshop().date == "2019-06-04"
    again = next(p for p in window.model.participants() if p.names == ["Lucie Leroy"])
    assert again.unlisted and again.id != lucie.id
    assert not any(p.unlisted for p in window.model.participants() if p.id != again.id)
    assert window.saved_label.text() == (
        "«\xa0Lucie Leroy\xa0» reste hors du répertoire, à sa demande (comme «\xa0Lucie Leroy\xa0» "
        "dans le fichier)."
    ), window.saved_label.text()
    cell = window.proxy.mapFromSource(window.model.index(window.model.row_of(again.id), 0))
    option = QStyleOptionViewItem()
    option.rect, option.font = window.grid.visualRect(cell), window.grid.font()
    painted = window.grid.itemDelegateForIndex(cell).document(option, cell).toPlainText()
    assert painted.splitlines()[-1] == "⊘ hors répertoire"
    with Store.open(path, readonly=True) as store:
        assert not any(h.participant.names == ["Lucie Leroy"] for h in store.search("leroy")[0])


def test_a_grid_imported_twice_as_the_same_new_workshop_is_refused_naming_the_one_already_there(
    qtbot, window: MainWindow, path: Path, no_modal_boxes: list[str]
) -> None:
    import hashlib

    def dated(dialog) -> bool:
        dialog.date_edit.setText("04/06/2019")
        return True

    grid = ROOT / "examples" / "grille-atelier-2021-03-16.docx"
    assert window.import_as_workshop(grid, dialog_hook=dated)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert not window.import_as_workshop(grid, dialog_hook=dated)
    assert no_modal_boxes == [
        "Ce fichier contient déjà l'atelier «\u00a0Atelier du 16 mars 2021\u00a0» du 4 juin 2019\u00a0: "
        "la grille n'a pas été ajoutée une deuxième fois. Pour mettre cet atelier à jour avec elle\u00a0: "
        "Fichier\xa0›\xa0Réimporter la grille dans cet atelier…\u202f; "
        "pour l'ajouter comme un autre atelier, "
        "donnez-lui un autre titre ou une autre date dans la fenêtre d'import."
    ]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert window.switcher.combo.count() == 3
    assert window.model.workshop().date == "2019-06-04"


def test_the_header_refuses_a_date_after_the_first_contact_recorded_and_saves_the_rest(
    qtbot, window: MainWindow, path: Path
) -> None:
    import hashlib

    window.switch_workshop(window.store.find_workshop("2022-03-15").id)
    (entry,) = window.store.follow_ups(window.model.workshop_id)
    window.store.set_follow_up(entry.match.id, FollowUp.TO_CONTACT, day="2022-03-15")  # decided there
    window.store.set_follow_up(entry.match.id, FollowUp.CONTACTED, day="2022-03-20")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_E, ALT)  # Dat&e
    assert QApplication.focusWidget() is window.header.date
    window.header.date.selectAll()
    type_text("25/03/2022")
    key(qtbot, Qt.Key.Key_Return)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert window.header.date.text() == "25/03/2022" and window.header.date.property("wrong")
    assert window.saved_label.text() == (
        "⚠ L'atelier ne peut pas être daté du 25 mars 2022\u00a0: le premier suivi noté, "
        "«\u00a0contactée le 20/03/2022\u00a0», le précéderait (l'atelier a eu lieu le 20 mars 2022 "
        "au plus tard)."
    )
    # Corrected to the day of the contact: saved, the mark gone.
    window.header.date.selectAll()
    type_text("20/03/2022")
    key(qtbot, Qt.Key.Key_Tab)
    with Store.open(path, readonly=True) as store:
        assert store.workshop(window.model.workshop_id).date == "2022-03-20"
    assert not window.header.date.property("wrong")


def test_the_export_dialog_writes_the_participant_pages_not_anonymised(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    import docx

    window.switch_workshop(window.store.find_workshop("2022-03-15").id)
    dialog = window.export_office(show=False)
    dialog.show()
    qtbot.waitExposed(dialog)
    out = tmp_path / "exports"
    out.mkdir()
    dialog.folder.setText(str(out))
    dialog.word.setChecked(False)
    dialog.excel.setChecked(False)
    dialog.fiches.setFocus()
    qtbot.keyClick(dialog.fiches, Qt.Key.Key_Space)
    assert dialog.fiches.isChecked()
    dialog.anonymise.setChecked(True)
    dialog.start()
    assert "nominative" in dialog.message.text() and list(out.iterdir()) == []
    dialog.anonymise.setChecked(False)
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.error is None
    document = docx.Document(str(out / "Atelier du 15 mars 2022 - fiches.docx"))
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == ["Lucie Leroy", "Cécile Dallet"]
    dialog.close()


def test_deleting_an_earlier_workshop_says_the_follow_up_of_a_later_one_goes_with_it(
    qtbot, window: MainWindow, path: Path, monkeypatch
) -> None:
    """Lucie (2022) was put in touch with Gérard's offer of 2021: deleting 2021 takes that
    follow-up away, and the question says so instead of « 0 mise en relation confirmée »."""
    with Store.open(path) as store:
        later, earlier = store.find_workshop("2022-03-15"), store.find_workshop("2021-03-16")
        (need,) = store.workshop_items(later.id, ItemKind.NEED)
        (offer,) = store.workshop_items(earlier.id, ItemKind.OFFER)
        store.add_match(Match(later.id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4))
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return 0  # « Garder »

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.switch_workshop(earlier.id)
    window.action("workshops.delete").trigger()
    assert asked == [
        "Supprimer l'atelier «\u00a0Atelier du 16 mars 2021\u00a0» (1 participant, 1 élément, "
        "0 mise en relation décidée, 1 mise en relation décidée d'un autre atelier avec ses "
        "participants)\u202f?"
    ]
    with Store.open(path, readonly=True) as store:
        assert len(store.workshops()) == 2 and len(store.follow_ups()) == 2


def test_a_helper_of_an_undated_workshop_is_named_by_its_title_in_the_follow_up(
    qtbot, window: MainWindow, path: Path
) -> None:
    """« (atelier du Atelier du 16 mars 2021) » once the 2021 workshop's date was taken away."""
    with Store.open(path) as store:
        later, earlier = store.find_workshop("2022-03-15"), store.find_workshop("2021-03-16")
        (need,) = store.workshop_items(later.id, ItemKind.NEED)
        (offer,) = store.workshop_items(earlier.id, ItemKind.OFFER)
        store.add_match(Match(later.id, need.id, offer.id, MatchStatus.CONFIRMED, 0.4))
        store.update_workshop(earlier.id, date="", title="Atelier de Pau")
    key(qtbot, Qt.Key.Key_2, ALT)  # « Suivi »
    model = window.followup.table.model()
    helpers = [model.index(row, 3).data() for row in range(model.rowCount())]
    assert "Gérard Müller\nMission locale du Médoc\n(atelier «\u00a0Atelier de Pau\u00a0»)" in helpers
    assert not any("atelier du Atelier" in h for h in helpers)


def test_an_offer_of_an_undated_workshop_is_flagged_by_its_title_in_the_card(
    qtbot, window: MainWindow, path: Path
) -> None:
    """« (atelier du Atelier de Pau) » in the card once the 2021 workshop had no date."""
    with Store.open(path) as store:
        store.update_workshop(store.find_workshop("2021-03-16").id, date="", title="Atelier de Pau")
    window.switch_workshop(window.store.find_workshop("2022-03-15").id)
    qtbot.waitUntil(lambda: window.matching.matcher is not None and not window.matching._busy, timeout=20_000)
    window._select(window.model.participant_at(0).id, 3)
    tree = window.panel.matches.tree_model
    lines = [tree.item(0).child(r).text() for r in range(tree.item(0).rowCount())]
    assert any(
        line.startswith(
            "Gérard Müller (Mission locale du Médoc, atelier «\u00a0Atelier de Pau\u00a0») — un annuaire"
        )
        for line in lines
    ), lines
    assert not any("atelier du Atelier" in line for line in lines)


def test_the_directory_keeps_off_the_window_edges_as_the_follow_up_does(qtbot, window: MainWindow) -> None:
    """« Répertoire » had no margins: its title and « 1 résultat » touched the window's edges."""
    from PySide6.QtCore import QPoint

    key(qtbot, Qt.Key.Key_3, ALT)
    type_text("annuaire")
    window.directory.search_now()
    counter = window.directory.counter
    assert counter.text() == "1 résultat"
    right = counter.mapTo(window, QPoint(counter.width(), 0)).x()
    key(qtbot, Qt.Key.Key_2, ALT)
    filter_left = window.followup.person_filter.mapTo(window, QPoint(0, 0)).x()
    assert right <= window.width() - 8 and filter_left > 8


@pytest.mark.parametrize("page", [Qt.Key.Key_2, Qt.Key.Key_3])  # « Suivi », « Répertoire »
def test_quitting_from_another_page_opens_next_time_with_the_card_and_the_projector(
    qtbot, window: MainWindow, path: Path, page: Qt.Key
) -> None:
    """A facilitator quit (Ctrl+Q) while « Répertoire » or « Suivi » was shown, which set the
    participant's card and the projector's preview aside for the page's width: the next start
    showed the grid without them (no « Qui peut aider ? », no Confirmer), as if they had been
    closed, and Alt+1 did not bring them back. The window remembers the grid's panels."""
    from PySide6.QtWidgets import QDockWidget

    from atelier.ui import settings

    def shown(win: MainWindow) -> list[str]:
        return sorted(d.objectName() for d in win.findChildren(QDockWidget) if d.isVisible())

    on_the_grid = shown(window)
    assert len(on_the_grid) >= 2, on_the_grid  # the card and the projector's preview
    key(qtbot, page, ALT)
    assert shown(window) == []  # the page takes the whole width
    window.close()  # as Ctrl+Q does: the window's state is saved
    again = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(again)
    try:
        again.restoreState(settings.get(settings.WINDOW_STATE))  # as the next start does
        again.resize(1400, 850)
        again.show()
        qtbot.waitExposed(again)
        assert shown(again) == on_the_grid
    finally:
        again.close()


def _lines(text: str, font, width: float) -> list[str]:
    """`text` broken into lines `width` wide, as a table cell wraps it."""
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def test_suivi_never_starts_a_line_with_a_question_mark_or_a_colon(qtbot, tmp_path: Path) -> None:
    """« Suivi » wrapped « … dans la plateforme collaborative ? » as « collaborative » then a
    line of its own holding « ? » (the space typed before it broke like any other), as it did
    « : » of « Retour d'expériences : … » and of a note. The words stay as typed, their own
    spaces before « ? : ; ! » and inside « » kept with the mark, as the minutes keep them."""
    from atelier.ui.followup_view import COL_NEED, COL_NOTE, COL_RESOURCE

    path = tmp_path / "suivi.atelier"
    need_text = "Comment inclure les entreprises dans la plateforme collaborative ?"
    offer_text = "Retour d'expériences : un club d'entreprises « né pendant le confinement »"
    note_text = "Appelée : RDV le 12 avril !"
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop = store.workshops()[0]
        corinne = store.add_participant(Participant(workshop.id, names=["Corinne Corcuff"]))
        denis = store.add_participant(Participant(workshop.id, names=["Denis Paineau"]))
        need = store.add_item(Item(corinne.id, ItemKind.NEED, need_text))
        offer = store.add_item(Item(denis.id, ItemKind.OFFER, offer_text))
        match = store.add_match(Match(workshop.id, need.id, offer.id, MatchStatus.CONFIRMED, 0.6, []))
        store.set_follow_up(match.id, FollowUp.TO_CONTACT, day="2021-03-16")
        store.set_follow_up(match.id, FollowUp.CONTACTED, note=note_text, day="2021-03-22")
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_2, ALT)
    table = window.followup.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    model = table.model()
    font = table.font()
    for column, typed in ((COL_NEED, need_text), (COL_RESOURCE, offer_text), (COL_NOTE, note_text)):
        shown = str(model.index(0, column).data())
        assert shown.split() == typed.split(), shown  # the words as typed, no space added
        for width in range(60, 500, 3):
            starts = [line.lstrip()[:1] for line in _lines(shown, font, width)[1:]]
            assert not set(starts) & set("?:;!»"), (column, width, _lines(shown, font, width))
    # As typed where it is edited: the note's editor holds what was typed, no space changed.
    assert model.index(0, COL_NOTE).data(Qt.ItemDataRole.EditRole) == note_text
    window.close()


def test_the_directory_never_starts_a_line_with_a_question_mark_or_a_colon(qtbot, tmp_path: Path) -> None:
    """« Répertoire » (Alt+3) wrapped a hit « … plateforme collaborative ? » with « ? » alone
    on its last line, as « Suivi » did: the words as typed, their space before the mark kept
    with it."""
    from atelier.ui.directory_view import COL_TEXT

    path = tmp_path / "repertoire.atelier"
    typed = {
        "Comment inclure les entreprises dans la plateforme collaborative ?",
        "Plateforme collaborative : les structures « d'insertion » et l'université",
    }
    with Store.create(path, title="Atelier du 16 mars 2021", date="2021-03-16") as store:
        workshop = store.workshops()[0]
        corinne = store.add_participant(Participant(workshop.id, names=["Corinne Corcuff"]))
        need_text, offer_text = sorted(typed)
        store.add_item(Item(corinne.id, ItemKind.NEED, need_text))
        store.add_item(Item(corinne.id, ItemKind.OFFER, offer_text))
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_3, ALT)  # « Répertoire »
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.directory.field)
    type_text("plateforme collaborative")
    window.directory.search_now()
    qtbot.waitUntil(lambda: window.directory.table.model().rowCount() == 2)
    model, font = window.directory.table.model(), window.directory.table.font()
    shown = [str(model.index(row, COL_TEXT).data()).split("\n")[0] for row in range(model.rowCount())]
    assert sorted(text.split() for text in shown) == sorted(text.split() for text in typed), shown
    for text in shown:
        for width in range(60, 500, 3):
            starts = [line.lstrip()[:1] for line in _lines(text, font, width)[1:]]
            assert not set(starts) & set("?:;!»"), (width, _lines(text, font, width))
    window.close()
