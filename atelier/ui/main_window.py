"""The capture window: the workshop header, the grid, the participant card, saved at every edit."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from atelier.domain import ItemKind, MatchStatus
from atelier.french import typography
from atelier.store import Store
from atelier.ui import appearance, commands, settings
from atelier.ui.after_workshop import AfterWorkshop
from atelier.ui.compaction import DirectoryCompaction
from atelier.ui.grid_model import GridFilter, GridModel
from atelier.ui.grid_view import CellEditor, GridView
from atelier.ui.operations import Snapshots, files
from atelier.ui.panels import PAUSES, ParticipantPanel, PauseTimer, WorkshopHeader, would_edit
from atelier.ui.projector_control import ProjectorControl, ProjectorPreview
from atelier.ui.search_bar import SearchBar
from atelier.ui.status import MeaningLabel, ReadOnlyBanner, matching_progress, why_read_only
from atelier.ui.translate import tr


class MainWindow(AfterWorkshop, QMainWindow):
    # The window has painted itself for the first time: on screen, whole. What that first
    # screen does not need is made or started just after it (see `_after_first_paint`).
    first_painted = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.painted = False
        self.store = store
        self.model: GridModel | None = None
        self.setMinimumSize(900, 560)

        central = self.build_after_pages()  # the grid's page; « Suivi », « Répertoire » later
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        self.readonly_banner = ReadOnlyBanner(central)
        layout.addWidget(self.readonly_banner)
        # A file another window holds, opened here read-only: read again when it changes.
        self.watch_other_window = QTimer(self)
        self.watch_other_window.setInterval(1500)
        self.watch_other_window.timeout.connect(self._read_again_if_changed)
        from atelier.ui.workshops import WorkshopSwitcher

        self.switcher = WorkshopSwitcher(central)
        self.switcher.chosen.connect(self.switch_workshop)
        layout.addWidget(self.switcher)
        self.header = WorkshopHeader(central)
        self.header.notice.connect(self.show_notice)
        layout.addWidget(self.header)
        self.search_bar = SearchBar(central)
        self.search = self.search_bar.field
        layout.addWidget(self.search_bar)
        self.grid = GridView(central)
        self.grid.installEventFilter(self)  # typing into a read-only grid says why (eventFilter)
        self.grid.pasted.connect(self.say_undoable)
        self.grid.paste_refused.connect(self.show_status)
        self.grid.undecided.connect(self._say_undecided)
        layout.addWidget(self.grid, 1)
        self.setCentralWidget(self.pages)
        self.proxy = GridFilter(self)
        self.search_bar.attach(self)  # filters the grid as it is typed

        # Each dock's content made inside it (moving a filled widget there tells each of its widgets).
        self.panel_dock = self._dock(tr("Fiche du participant"), "participantDock")
        self.panel = ParticipantPanel(self.panel_dock)
        self.panel_dock.setWidget(self.panel)
        # What the room sees, above the card: « À L'ÉCRAN » and a small live copy.
        self.projector_control = ProjectorControl(self)
        self.preview_dock = self._dock(tr("Projecteur"), "projectorDock")
        self.preview = ProjectorPreview(self.projector_control, self.preview_dock)
        self.preview_dock.setWidget(self.preview)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.preview_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel_dock)
        self.splitDockWidget(self.preview_dock, self.panel_dock, Qt.Orientation.Vertical)
        screen_width = self.screen().availableGeometry().width() if self.screen() is not None else 1920
        self.resizeDocks([self.panel_dock], [min(460, int(screen_width * 0.28))], Qt.Orientation.Horizontal)

        self.matching_progress = matching_progress(self)
        self.matching: Any = None  # MatchingService, made when a file is open
        self.snapshots = Snapshots()  # the file before/after merges, restores, re-imports
        self.warned_gone = False  # the file is gone from the disk, and the facilitator was told
        self.writing: set[Any] = set()  # files being written off the UI thread (an import)
        self.compaction = DirectoryCompaction(self)  # a deleted person's words out of the index
        self._row_before_reset: str | None = None
        self._synthesis: Any = None  # the synthesis editor, made at its first opening, kept
        self.meaning_label = MeaningLabel(self)
        self.saved_label = QLabel(self)
        self.status_page: str | None = None  # the view its message is about (None: the window's)
        # A message about the participant chosen in the grid (« X n'a aucun besoin noté »),
        # and which one (None: none chosen): it goes when another is chosen.
        self._participant_said: tuple[str, str | None] | None = None
        self.last_saved: str | None = None  # « 14:03:05 »: when an edit was last saved
        self.saved_label.setObjectName("savedLabel")
        # A long message (the follow-ups a deletion took away, named) wraps onto a second line
        # rather than being cut by the permanent widgets on its right.
        self.saved_label.setWordWrap(True)
        self.file_label = QLabel(self)
        self.statusBar().addWidget(self.saved_label, 1)
        self.statusBar().addPermanentWidget(self.meaning_label)
        self.statusBar().addPermanentWidget(self.matching_progress)
        self.statusBar().addPermanentWidget(self.file_label)

        from atelier.ui.unsaved import UnsavedTexts

        self.unsaved = UnsavedTexts(self)  # texts the file refused, kept in their fields
        # A text typed waits for its pause to be saved (panels.PauseTimer): the status bar says
        # « Enregistrement… » until it is in the file, not « Enregistré » of an earlier save.
        # Said when a wait starts (PAUSES.started, .held) and looked at again when one ends
        # (PAUSES.ended), once the save it was waiting for is done: never watched by a timer.
        self._typing_said = False  # the status bar says a text typed waits
        self._settling = False  # a look at it is due, once the events of now are handled
        self._waiting_said = ""  # what the status bar said of it, to be replaced once saved
        PAUSES.started.connect(self._typing_started)
        PAUSES.held.connect(self._typing_started)
        PAUSES.ended.connect(self._typing_ended)
        self._build_actions()
        self.focus_return: Any = None  # made after the first paint (no dialog closes before)
        appearance.apply_preferences(self)  # fonts first: the rows are measured once, with them
        self.set_store(store)

    # ---------------------------------------------------------------- setup

    def _dock(self, title: str, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        features = QDockWidget.DockWidgetFeature
        dock.setFeatures(features.DockWidgetClosable | features.DockWidgetMovable)
        return dock

    def _build_actions(self) -> None:
        """Menus, shortcuts and the keyboard help all come from the table in ui/actions.py."""
        from atelier.ui import actions

        self.commands = actions.build(self)
        self.action = self.commands.actions.__getitem__
        self.recent_menu = self.commands.menus["file/recent"]
        self.undo_action = self.action("edit.undo")
        self.redo_action = self.action("edit.redo")
        self.contrast_action = self.action("view.contrast")
        self.projector_action = self.action("projector.toggle")
        self.suggestions_action = self.action("projector.suggestions")
        self.privacy_action = self.action("projector.private")
        self.projector_views = {v: self.action(f"projector.{v}") for v in ("cards", "spotlight", "network")}
        self.projector_views["cards"].setChecked(True)
        # Off at start: the room sees what the facilitator confirmed (issue 16 §6).
        self.suggestions_action.setChecked(False)
        from atelier.i18n import asked_language

        # The menu is the next start's language: it ticks the setting. `--lang` typed for this
        # run speaks above it, said on the menu's greyed first line.
        self.action(f"view.lang.{settings.get(settings.LANGUAGE) or 'system'}").setChecked(True)
        if asked := asked_language():
            self._say_this_run_language(asked)
        self.action("view.card").setChecked(True)
        self.panel_dock.visibilityChanged.connect(self.action("view.card").setChecked)
        self._card_keys()
        self.panel.match_selection_changed.connect(self.update_actions)
        self.panel.said.connect(self.say_undoable)
        self.panel.hinted.connect(lambda text: self.show_status(typography(text)))
        from atelier.ui.undo_keys import FieldUndoKeys

        # Ctrl+Z from a text field with nothing of its own to undo: the window's last change.
        # The fields are the grid page's (header, search) and the card's: looked for there, not
        # through the whole window, whose menus, actions, docks and scroll areas PySide would
        # otherwise wrap one by one (~2.5 ms of the first screen).
        self.field_undo_keys = FieldUndoKeys(self, self.undo, self.redo)
        self.field_undo_keys.watch(
            [*self._grid_page.findChildren(QLineEdit), *self.panel.findChildren(QLineEdit)]
        )

    def _say_this_run_language(self, code: str) -> None:
        menu = self.commands.menus["view/language"]
        name = {"fr": "Français", "en": "English"}.get(code, code)
        text = tr("Cette fois : {name} (--lang {code})").format(name=name, code=code)
        line = QAction(typography(text), menu)
        line.setEnabled(False)
        first = menu.actions()[0]
        menu.insertAction(first, line)
        menu.insertSeparator(first)

    def update_actions(self) -> None:
        self.commands.update_enabled(self)

    def open_menu_bar(self) -> None:
        """F10: the menu bar takes the keyboard, its first menu open (as in GNOME and Windows)."""
        bar = self.menuBar()
        first = bar.actions()[0]
        bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
        bar.setActiveAction(first)

    def _card_keys(self) -> None:
        """Alt + a card field's underlined letter with the card closed: the card opens on that
        field. (Open, the label's own mnemonic does it; both at once would be ambiguous and
        neither would act.) Without this, the keys did nothing and the name then typed
        replaced the grid's participant cell."""
        shortcuts = []
        for label, field in self.panel.fields():
            sequence = QKeySequence.mnemonic(label)
            if sequence.isEmpty():
                continue
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda field=field: self._open_card_on(field))
            shortcuts.append(shortcut)

        def follow(visible: bool) -> None:
            for shortcut in shortcuts:
                shortcut.setEnabled(not visible)

        self.panel_dock.visibilityChanged.connect(follow)
        follow(self.panel_dock.isVisible())

    def _open_card_on(self, field: QLineEdit) -> None:
        self.panel_dock.show()
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    def toggle_card(self) -> None:
        self.panel_dock.setVisible(not self.panel_dock.isVisible())

    def focus_grid(self) -> None:
        if self.page() != "grid":
            self.show_page("grid")
        self.grid.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_store(self, store: Store) -> None:
        self.store = store
        self.compaction.attach(store)
        from atelier.ui.after_workshop import opening_workshop

        shown, why = opening_workshop(store)
        old_model = self.model
        self.model = GridModel(store, shown, self) if shown is not None else None
        if self.model is not None:
            self.model.saved.connect(self._on_saved)
            self.model.modelAboutToBeReset.connect(self._remember_row)
            self.model.content_replaced.connect(self._after_content_replaced)
            self.model.failed.connect(self.show_problem)
            self.model.cell_edited.connect(self._cell_edited)
            self.model.participant_typed.connect(self._participant_typed)
            self.model.workshop_changed.connect(self._refresh_title)
            self.model.workshop_changed.connect(self.header.refresh)
            self.model.glossary_changed.connect(self.run_matching)  # its edits, undone too
            self.model.dataChanged.connect(self.grid.source_rows_changed)
            self.model.rowsInserted.connect(lambda _p, first, last: self.grid.fit_rows_soon())
            self.commands.follow_undo_stack(self.model.undo_stack, self)  # « Annuler : … »
        # None for a file without a workshop: Qt takes it, PySide6's stub says otherwise.
        self.proxy.setSourceModel(self.model)  # type: ignore[arg-type]
        self.grid.setModel(self.proxy)
        self._forget_synthesis()
        if old_model is not None:
            old_model.undo_stack.blockSignals(True)
            old_model.blockSignals(True)
            old_model.deleteLater()
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.header.set_model(self.model)
        self.panel.set_model(self.model)
        if self.matching is not None:
            self.matching.shutdown()
            self.matching.deleteLater()
            self.matching = None
        if self.projector is not None:  # it showed the previous file
            self.projector_control.forget()
            self.projector_action.setChecked(False)
        if self.model is not None:
            files.arm_backup(self)
            from atelier.ui.matching import MatchingService

            self.matching = MatchingService(self.model, self)
            self.matching.running.connect(self.matching_progress.setVisible)
            self.matching.asked_done.connect(self._matching_said)
            self.matching.meaning.connect(self.meaning_label.show_state)
            # Match once the window is on screen: opening never waits for it.
            if self.isVisible():
                QTimer.singleShot(0, self.matching.run_all)
            if self.painted:  # another file opened: its marks, as the first one's
                QTimer.singleShot(0, self._read_marks)
            else:
                self._matching_pending = True
        self.update_actions()
        if self.isVisible():  # else fitted when shown
            QTimer.singleShot(0, self._fit_grid)
        if self.model is not None and self.model.rowCount():
            self.grid.setCurrentIndex(self.proxy.index(0, 0))
        self.grid.setFocus()  # keyboard-first: typing goes to the grid from the start
        self._refresh_title()
        self.readonly_banner.show_for(store)
        self.saved_label.setText(
            tr("Lecture seule") if store.readonly else tr("Chaque modification est enregistrée aussitôt.")
        )
        # Read-only because another window holds the file: what that window records is shown
        # here too, never the file as it was when this one opened it.
        if store.locked_by_other:
            store.changed_elsewhere()  # the file as read now
            self.watch_other_window.start()
        else:
            self.watch_other_window.stop()
        self.status_page = None
        self.last_saved = None
        self.file_label.setText(str(store.path))
        files.remember(self, store.path)
        self.after_set_store()
        self.say_opened(why)

    def continue_on(self, store: Store) -> None:
        """Go on in another file that holds exactly this one's content (a copy just saved):
        the workshop shown, the row, and the undo history stay, and now act on that file."""
        if self.model is None:
            self.set_store(store)
            return
        editable_now = self.store.readonly and not store.readonly
        self.store = self.model.store = store
        self.compaction.attach(store)
        if self._directory is not None:
            self._directory.set_store(store)
        self._refresh_title()
        self.readonly_banner.show_for(store)
        self.file_label.setText(str(store.path))
        files.remember(self, store.path)
        from atelier.ui.after_workshop import remember_workshop

        remember_workshop(store.path, self.model.workshop_id)  # the copy reopens where it is
        if editable_now:  # a copy of a file opened read-only: the header and the card take typing
            self.header.set_model(self.model)
            self.panel.show_participant(self._current_participant_id())
            self.run_matching()  # its suggestions are kept now
        self.update_actions()

    def _refresh_title(self) -> None:
        if self.model is None:
            self.setWindowTitle(f"Atelier — {self.store.path.name}")
            return
        title = self.model.workshop().title
        suffix = tr(" (lecture seule)") if self.store.readonly else ""
        self.setWindowTitle(f"{title}{suffix} — Atelier")

    # -------------------------------------------------------------- editing

    def _on_saved(self, when: datetime) -> None:
        if not self.store.still_on_disk():
            files.file_gone(self)
            self.status_page = None  # about the file, whatever the view
            return
        self.last_saved = when.strftime("%H:%M:%S")
        self.saved_label.setText(tr("Enregistré à {time}").format(time=self.last_saved))
        self.status_page = None
        if said := self.typing_waits():  # another text typed is not in the file yet
            self.saved_label.setText(said)
            self._waiting_said = said
        # Not « Enregistré » alone while a text typed is not: tried again now (it may fit),
        # and said if it still does not (once the save that said this is done with).
        QTimer.singleShot(0, self.unsaved.retry)
        if self.store.upgraded_from is not None:  # an older file's first edit: said once
            QTimer.singleShot(0, self._say_upgraded)  # after what the edit itself says

    def _say_upgraded(self) -> None:
        """An older file just written at today's format: said once, after what the edit that
        wrote it says (a decision on a retyped text), in place of « Enregistré à … » only."""
        upgraded = files.upgrade_said(self.store)
        if not upgraded:
            return
        shown = self.saved_label.text()
        plain = {tr("Chaque modification est enregistrée aussitôt.")}
        if self.last_saved is not None:
            plain.add(tr("Enregistré à {time}").format(time=self.last_saved))
        if shown in plain or not shown:
            self.show_status(upgraded)
        else:  # « … — Ctrl+Z pour annuler. Enregistré à 14:03:05. « x.atelier » est passé … »
            self.show_status(f"{shown} {upgraded}" if shown.endswith((".", "…")) else f"{shown}. {upgraded}")

    def _say_undecided(self, status: MatchStatus) -> None:
        """Ctrl+Maj+C / Ctrl+Maj+X in the grid, no suggestion chosen: the keys did nothing and
        said nothing (the facilitator took the match for confirmed). Said how to choose one."""
        if self.model is None or self.store.readonly:
            return  # a file that cannot be written says so itself (the banner)
        participant_id = self._current_participant_id()
        needs = (
            {i.id for i in self.model.items_of(participant_id, ItemKind.NEED)} if participant_id else set()
        )
        pending = any(
            m.need_id in needs for m in self.store.matches(self.model.workshop_id, MatchStatus.SUGGESTED)
        )
        if not pending:  # not sent to suggestions there are none of
            none = (
                tr("Aucune suggestion à confirmer pour ce participant.")
                if status == MatchStatus.CONFIRMED
                else tr("Aucune suggestion à écarter pour ce participant.")
            )
            self.say_about_participant(typography(none))
            return
        text = (
            tr(
                "Aucune suggestion choisie : Ctrl+M pour aller aux suggestions de ce participant, "
                "puis Ctrl+Maj+C pour confirmer celle choisie."
            )
            if status == MatchStatus.CONFIRMED
            else tr(
                "Aucune suggestion choisie : Ctrl+M pour aller aux suggestions de ce participant, "
                "puis Ctrl+Maj+X pour écarter celle choisie."
            )
        )
        self.say_about_participant(typography(text))

    def typing_waits(self) -> str:
        """What the status bar says of a text typed in this window and not yet saved: one
        waiting for its pause, or a participant cell typed in (saved when left); "" if none
        (not in an editor closed, its text committed or given up, that Qt deletes later)."""
        for timer in self.findChildren(PauseTimer):
            editor = timer.parent()
            if timer.isActive() and not (isinstance(editor, QWidget) and editor.isHidden()):
                return tr("Enregistrement…")
        for cell in self.grid.findChildren(CellEditor):
            if not cell.bullets and not cell.isHidden() and cell.document().isModified():
                return tr(
                    "Participant en cours de saisie : enregistré en quittant la cellule (Tab, Ctrl+Entrée)"
                )
        return ""

    def _typing_started(self, timer: QObject) -> None:
        owner: QObject | None = timer
        while owner is not None and owner is not self:
            owner = owner.parent()
        said = self.typing_waits()
        if owner is None or not said or self.store.readonly or self.unsaved.status():
            return  # another window's; or a refusal, which the status bar goes on saying
        self.saved_label.setText(said)
        self._waiting_said = said
        self.status_page = None
        self._typing_said = True

    def _typing_ended(self, _ended: QObject) -> None:
        """A wait is over (a pause ran out, a text was written or given back, a cell left):
        looked at once what this moment's events do is done (the save a pause ran out for)."""
        if self._typing_said and not self._settling:
            self._settling = True
            QTimer.singleShot(0, self, self._typing_settled)

    def _typing_settled(self) -> None:
        """The typing saved, or given up (Échap): the status bar says the file's state again."""
        self._settling = False
        said = self.typing_waits()
        if said:
            if self.saved_label.text() == self._waiting_said != said:
                self.saved_label.setText(said)
                self._waiting_said = said
            return
        self._typing_said = False
        if self.saved_label.text() == self._waiting_said:
            self.say_file_status()

    def say_unsaved(self) -> None:
        """The status bar says that texts typed are not saved, while they are not."""
        said = self.unsaved.status()
        if said:
            self.saved_label.setText(said)
            self.status_page = None  # about the file, whatever the view

    def _cell_edited(self, _participant_id: str, kind: str, emptied: bool) -> None:
        """A cell emptied (Suppr, or its text erased) says so, and how to get it back; a cell
        edited so that lines with confirmed matches went says which follow-ups went with them
        (a line only corrected keeps its item, and so its matches: store.grid.align_ids)."""
        from atelier.ui.columns import KIND_COLUMNS, column_titles

        what = column_titles()[KIND_COLUMNS[ItemKind(kind)]]
        decided = commands.decisions_undone_with(self.model.undo_stack) if self.model is not None else ""
        # A line retyped under a confirmed match: the decision stays, explained anew, to review.
        retyped = commands.decisions_retyped_with(self.model.undo_stack) if self.model is not None else ""
        if emptied and decided:  # its follow-up goes with it: said, not found missing later
            text = tr("Cellule « {column} » vidée, avec {decided} — Ctrl+Z pour annuler")
        elif emptied:
            text = tr("Cellule « {column} » vidée — Ctrl+Z pour annuler")
        elif decided and retyped:
            text = tr("Cellule « {column} » modifiée, supprimant {decided} ; {retyped} — Ctrl+Z pour annuler")
        elif decided:
            text = tr("Cellule « {column} » modifiée, supprimant {decided} — Ctrl+Z pour annuler")
        elif retyped:
            text = tr("{retyped} — Ctrl+Z pour annuler")
        else:
            return
        self.say_undoable(text.format(column=what, decided=decided, retyped=retyped))

    def _participant_typed(self, participant_id: str) -> None:
        """A participant cell typed whose reading is unsure says so in the status bar, as the
        import's report does, rather than leave a guess unsaid: a person's name read into the
        structure or the role, or several people on one row (each may need a row)."""
        from atelier.french import join
        from atelier.ui.grid_model import to_check

        row = self.model.row_of(participant_id) if self.model is not None else -1
        if self.model is None or row < 0:
            return
        participant = self.model.participant_at(row)
        if said := to_check(participant):
            text = said
        elif len(participant.names) > 1:
            text = tr("Participant à vérifier : plusieurs personnes dans une même entrée ({who})").format(
                who=join(participant.names)
            )
        else:
            return
        self.say_undoable(text)

    def say_undoable(self, text: str) -> None:
        """An edit made by one key (a cell emptied, a participant deleted): what it did and how
        to undo it, before the time it was saved."""
        saved = self.saved_label.text()
        text = typography(text)
        self._say_on_page(f"{text}. {saved}" if saved else text)

    def show_status(self, text: str) -> None:
        self._say_on_page(text)

    def say_about_participant(self, text: str) -> None:
        """The status bar says `text`, true of the participant chosen in the grid now (« X n'a
        aucun besoin noté », « Aucune suggestion à confirmer pour ce participant »): it goes
        when another is chosen, else read as about that one (`_forget_participant_status`)."""
        self._say_on_page(text)
        self._participant_said = (text, self._current_participant_id())

    def _forget_participant_status(self) -> None:
        """A message about the participant chosen before, still shown: the status bar says
        the file's state again (a text typed that waits, the time of the last save)."""
        said, self._participant_said = self._participant_said, None
        if said is None or self.saved_label.text() != said[0]:
            return  # replaced since (« Enregistrement… », another message): left as it is
        if waits := self.typing_waits():
            self.saved_label.setText(waits)
            self._waiting_said = waits
            self.status_page = None
        else:
            self.say_file_status()

    def _say_on_page(self, text: str) -> None:
        """The status bar says `text`, about the view shown now (the grid, « Suivi »,
        « Répertoire »): it goes when another view is shown (`forget_page_status`)."""
        self.saved_label.setText(text)
        self.status_page = self.page()

    def forget_page_status(self) -> None:
        """The view changed: a message about the one left (a refusal in « Suivi », a cell
        emptied in the grid) would be read as about this one. The status bar says again
        what holds for the whole window: read-only, or when the file was last saved."""
        if self.status_page is None or self.status_page == self.page():
            return
        self.say_file_status()

    def say_file_status(self) -> None:
        """The status bar says what holds for the whole window, whatever is shown: read-only,
        texts not saved, when the file was last saved, or that every edit is saved."""
        self.status_page = None
        if self.store.readonly:
            self.saved_label.setText(tr("Lecture seule"))
        elif self.unsaved.status():  # texts a full disk refused: still said, whatever the view
            self.say_unsaved()
        elif self.last_saved is not None:
            self.saved_label.setText(tr("Enregistré à {time}").format(time=self.last_saved))
        else:
            self.saved_label.setText(tr("Chaque modification est enregistrée aussitôt."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A key that would type into the grid (a character, Entrée, a deletion) of a file
        opened read-only: the status bar says why nothing is saved, the grid goes on as it does."""
        if (
            watched is self.grid
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.store.readonly
            and self.grid.state() != GridView.State.EditingState
            and self.grid.currentIndex().isValid()
            and (
                would_edit(event)
                or (
                    event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                    and event.modifiers()
                    in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
                )
            )
        ):
            self.show_notice(why_read_only(self.store))
        return super().eventFilter(watched, event)

    def show_notice(self, text: str) -> None:
        """Something to know, said in the status bar without stopping the typing."""
        self._say_on_page(f"⚠ {text}")

    def show_problem(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._say_on_page(f"⚠ {text}")
        QMessageBox.warning(self, tr("Modification impossible"), text)

    def _current_participant_id(self) -> str | None:
        index = self.grid.currentIndex()
        if self.model is None or not index.isValid():
            return None
        return self.model.participant_at(self.proxy.mapToSource(index).row()).id

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.proxy.keep(self._current_participant_id())  # not hidden by its own edits
        if self._participant_said is not None and self._participant_said[1] != self._current_participant_id():
            self._forget_participant_status()
        if self.projector is not None:
            self.projector.follow(self._current_participant_id())
        self.panel.show_participant(self._current_participant_id())

    def _select(self, participant_id: str, column: int = 0) -> None:
        if self.model is None:
            return
        row = self.model.row_of(participant_id)
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if index.isValid():
            self.grid.setCurrentIndex(index)
            self.grid.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.grid.scrollTo(index)

    def undo(self) -> None:
        """Ctrl+Z, from the grid or any field of the window: the last change undone, and said
        (« Annulé : modifier … — Ctrl+Y pour rétablir »), or « Rien à annuler. »."""
        if self.model is None:
            return
        self.commit_open_editors()
        stack = self.model.undo_stack
        if not stack.canUndo():
            self.show_status(tr("Rien à annuler."))
            return
        what, before = stack.undoText(), stack.index()
        commands.undo(stack)
        if stack.index() < before:  # else the file refused it, and that was said
            self._cursor_after(stack.command(stack.index()), undone=True)
            what = commands.step_in_sentence(what)
            self.say_undoable(tr("Annulé : {what} — Ctrl+Y pour rétablir").format(what=what))

    def redo(self) -> None:
        """Ctrl+Y (or Ctrl+Maj+Z), from anywhere in the window, said as `undo` says it."""
        if self.model is None:
            return
        self.commit_open_editors()
        stack = self.model.undo_stack
        if not stack.canRedo():
            self.show_status(tr("Rien à rétablir."))
            return
        what, before = stack.redoText(), stack.index()
        commands.redo(stack)
        if stack.index() > before:
            self._cursor_after(stack.command(stack.index() - 1), undone=False)
            what = commands.step_in_sentence(what)
            self.say_undoable(tr("Rétabli : {what} — Ctrl+Z pour annuler").format(what=what))

    def _cursor_after(self, command: object, undone: bool) -> None:
        """The grid's cursor where the step undone or redone is seen (a participant brought
        back), in the column it was in; a decision undone, its suggestion chosen again."""
        if self.model is None or not isinstance(command, commands.GridCommand):
            return
        if undone and isinstance(command, commands.SetMatchStatus):
            # A confirmation or a rejection undone: that suggestion chosen again, so the next
            # Ctrl+Maj+C / X acts on it, not on the one chosen after the decision.
            self.panel.matches.select_match(command.match_id)
            return
        row = command.row_after(undone)
        if row is None or not self.model.rowCount():
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        column = max(0, self.grid.currentIndex().column())
        self._select(self.model.participant_at(row).id, column)

    def may_leave_file(self) -> bool:
        """Whether the window may leave its file (to close, or to show another): every text
        typed is saved, or the facilitator chose to lose those the file refused (asked)."""
        self.commit_open_editors()
        if not (self.unsaved.may_close() and files.may_leave_gone_file(self)):
            return False
        self.grid.drop_editing()  # saved, or lost as the facilitator chose: nothing left to write
        return True

    def commit_open_editors(self) -> None:
        """A cell or field still being typed in is saved before undo, redo or closing."""
        from atelier.ui.grid_view import CellEditor

        focus = QApplication.focusWidget()
        if isinstance(focus, CellEditor):
            delegate = self.grid.cell_delegate
            delegate.commitData.emit(focus)
            delegate.closeEditor.emit(focus, delegate.EndEditHint.NoHint)
        elif (
            self._followup is not None
            and focus is not None
            and self._followup.table.viewport().isAncestorOf(focus)
        ):
            self._followup.commit_editor()  # a note or a day typed in « Suivi »
        elif isinstance(focus, QLineEdit) and focus is not self.search:
            focus.editingFinished.emit()

    def run_matching(self) -> None:
        """F9: every need matched again, and said once the suggestions are saved (the list
        often looks the same after it, and nothing said F9 had done anything)."""
        if self.matching is not None:
            self.matching.run_all(asked=True)

    def _matching_said(self) -> None:
        self.show_status(
            typography(
                tr("Rapprochement fait : suggestions à jour (Ctrl+M pour celles du participant choisi).")
            )
        )

    def focus_matches(self, by_hand: bool = False) -> bool:
        """Ctrl+M: the keyboard to « Qui peut aider ? », its first suggestion chosen. A
        participant with no need (and nothing shown for them from another workshop) has an
        empty list there: said so in the status bar, and the keyboard stays where it was (it
        went into the empty list, and nothing said why). True if the keyboard went there.
        `by_hand`: asked by Ctrl+Maj+K, the key named again being that one."""
        from atelier.domain import people_of
        from atelier.ui.columns import kind_title

        self.panel_dock.show()
        matches = self.panel.matches
        if self.model is not None and not matches.tree_model.rowCount():
            participant_id = self._current_participant_id()
            if participant_id is None and not self.model.rowCount():  # none to choose
                said = tr("Cet atelier n'a encore aucun participant : Ctrl+N pour en ajouter un.")
            elif participant_id is None and by_hand:
                said = tr("Aucun participant choisi : choisissez-en un dans la grille, puis Ctrl+Maj+K.")
            elif participant_id is None:
                said = tr("Aucun participant choisi : choisissez-en un dans la grille, puis Ctrl+M.")
            else:
                participant = self.model.participant_at(self.model.row_of(participant_id))
                said = (
                    tr("{who} n'ont aucun besoin noté (colonne « {column} ») : rien à rapprocher.")
                    if people_of(participant) > 1
                    else tr("{who} n'a aucun besoin noté (colonne « {column} ») : rien à rapprocher.")
                ).format(
                    who=participant.display_name() or tr("Ce participant"),
                    column=kind_title(ItemKind.NEED),
                )
            self.say_about_participant(typography(said))
            return False
        self._forget_participant_status()  # a refusal of before, on this participant or none
        matches.tree.setFocus()
        if matches.current_match_id() is None:
            matches.select_first_suggestion()
        return True

    def match_by_hand(self) -> None:
        """Ctrl+Maj+K: a match made by hand for the need chosen in « Qui peut aider ? », its own
        line or one of its suggestions (the jump to the first suggestion, as Ctrl+M does, made
        it for the participant's first need instead); none chosen: as Ctrl+M chooses."""
        matches = self.panel.matches
        if matches.current_need_id() is None:
            if not self.focus_matches(by_hand=True):
                return  # no need to match: said
        else:
            self.panel_dock.show()
            matches.tree.setFocus()
        matches.add_manual()

    def focus_search(self) -> None:
        if self.search_in_page():
            return
        self.search.setFocus()
        self.search.selectAll()

    # ---------------------------------------------------------------- files
    # Each one an operation of ui/operations/; these names are the window's commands.

    def new_file(self) -> None:
        files.new_file(self)

    def choose_file(self) -> None:
        files.choose_file(self)

    def open_file(self, path: Path) -> bool:
        return files.open_file(self, path)

    def save_copy(self, target: Path | None = None) -> bool:
        return files.save_copy(self, target)

    def export_json(self) -> None:
        files.export_json(self)

    def export_follow_up(self) -> None:
        files.export_follow_up(self)

    def import_grid(
        self, source: Path | None = None, target: Path | None = None, *, dialog_hook: Any = None
    ) -> bool:
        from atelier.ui.operations import grids  # with its dialog: not needed to open the window

        return grids.import_grid(self, source, target, dialog_hook=dialog_hook)

    def reimport_grid(self, source: Path | None = None, *, dialog_hook: Any = None) -> bool:
        from atelier.ui.operations import grids

        return grids.reimport_grid(self, source, dialog_hook=dialog_hook)

    def restore_backup(self, choice: Path | None = None, *, confirm: bool = True) -> bool:
        from atelier.ui.operations import replace  # not needed to open the window

        return replace.restore_backup(self, choice, confirm=confirm)

    def merge_file(
        self,
        source: Path | None = None,
        *,
        report: bool = True,
        confirm: bool = True,
        join: bool | None = None,
    ) -> Any:
        from atelier.ui.operations import replace

        return replace.merge_file(self, source, report=report, confirm=confirm, join=join)

    def _remember_row(self) -> None:
        """Just before the grid is reset: the row the facilitator is on, to come back to it."""
        self._row_before_reset = self._current_participant_id()

    def _read_again_if_changed(self) -> None:
        """The window holding the file recorded something (a cell, a follow-up step): this
        read-only window shows it, as the file and its exports now say it; once that window
        has let the file go, this one takes it, for editing."""
        store = self.store
        if store.closed or not store.locked_by_other:
            self.watch_other_window.stop()
            return
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget() is not None:
            return  # a dialog works on the file as it is (an export): after it, not under it
        if self._take_the_file():
            return
        if self.model is not None and store.changed_elsewhere():
            self.model.content_read_again()

    def _take_the_file(self) -> bool:
        """The window (or command) that held the file let it go: this window goes on in it for
        editing, as the file now is, instead of saying it is open elsewhere and refusing keys."""
        from atelier.errors import AtelierError

        old = self.store
        try:
            Store.check_writable(old.path)  # the lock only tried, let go at once
            opened = Store.open(old.path, lock=True, migrate_later=True)
        except AtelierError:
            return False
        if opened.readonly:  # taken again meanwhile
            opened.close()
            return False
        self.watch_other_window.stop()
        self.warned_gone = False
        self.continue_on(opened)
        old.close()
        files.arm_backup(self)  # as when a file is opened for editing
        if self.model is not None:
            self.model.content_read_again()
        self.show_status(
            tr(
                "L'autre fenêtre a fermé ce fichier : il est maintenant ouvert ici, et chaque "
                "modification y est enregistrée."
            )
        )
        return True

    def _after_content_replaced(self) -> None:
        """The file's content changed under the grid (re-import, merge, restore, or their undo)."""
        assert self.model is not None
        current, self._row_before_reset = self._row_before_reset, None
        column = max(self.grid.currentIndex().column(), 0)
        if current is not None and self.model.row_of(current) >= 0:
            self._select(current, column)  # the facilitator stays on the row they were on
        self.grid.fit_rows_soon()
        self.model.workshop_changed.emit()
        self.model.matches_changed.emit()
        self.panel.show_participant(self._current_participant_id())
        if self.matching is not None:
            self.matching.run_all()

    def show_merge_history(self, *, show: bool = True) -> Any:
        """Every merge of this file and each value it set aside (all kept in the file)."""
        from atelier.ui.merge_history import MergeHistoryDialog

        dialog = MergeHistoryDialog(self.store.merge_history(), self)
        if show:
            dialog.exec()
        return dialog

    # ------------------------------------------------------------ projector
    # ProjectorControl makes, places and drives the projection; these are the tests' names.

    @property
    def projector(self) -> Any:
        return self.projector_control.projector

    def open_projector(self) -> Any:
        return self.projector_control.open()

    def projector_view(self, view: str) -> None:
        self.projector_control.set_view(view)

    def export_projector_png(self, target: Path | None = None) -> Path | None:
        return self.projector_control.export_png(target)

    def edit_synthesis(self, *, show: bool = True) -> Any:
        from atelier.ui.synthesis import SynthesisDialog

        if self.model is None:
            return None
        dialog = self._synthesis
        if dialog is None or dialog.model is not self.model:
            self._forget_synthesis()
            dialog = self._synthesis = SynthesisDialog(self.model, self)
        else:  # one editor, opened again: not one more dialog (and computation) each time
            dialog.open_again()
        if show:
            dialog.exec()
        return dialog

    def _forget_synthesis(self) -> None:
        """The synthesis editor of a file no longer shown: deleted, writing nothing more."""
        if self._synthesis is not None:
            self._synthesis.forget()
            self._synthesis.deleteLater()
            self._synthesis = None

    def export_office(self, *, show: bool = True) -> Any:
        from atelier.ui.export_dialog import ExportDialog

        if self.model is None:
            return None
        self.commit_open_editors()
        dialog = ExportDialog(
            self.store.path, self.model.workshop_id, self.model.workshop().title, self, store=self.store
        )
        if show:
            dialog.exec()
        return dialog

    def edit_glossary(self, *, show: bool = True) -> Any:
        from atelier.ui.glossary_dialog import GlossaryDialog

        if self.model is None:
            return None
        dialog = GlossaryDialog(self.model, self)
        if show:
            dialog.exec()
        return dialog

    def fill_recent(self) -> None:
        files.fill_recent(self, self.recent_menu)

    def showEvent(self, event) -> None:  # Qt's name
        super().showEvent(event)
        if self.painted:
            self._start_pending_matching()
        # The columns fitted at the next turn of the event loop, once the window has its size
        # (asked now: a row fit already waiting for that turn leaves the rows to it).
        self._fit_grid()

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt's name
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            self.first_painted.emit()
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """Once the window is on screen: what its first paint did not need."""
        if self.focus_return is None:
            from atelier.ui.focus import FocusReturn

            # No dialog can close before the window shows: its module is not needed sooner.
            self.focus_return = FocusReturn(self)
        # The card's match list (see ParticipantPanel), at the next turn: once this first
        # screen is out, not before it; so are the grid's « à vérifier » marks.
        QTimer.singleShot(0, self.panel.build_matches)
        QTimer.singleShot(0, self._read_marks)
        self._start_pending_matching()

    def _read_marks(self) -> None:
        """The participant cells read unsure marked « à vérifier » (GridModel.read_marks); not
        once the window closed its file (closed before this turn of the event loop came)."""
        if self.model is not None and not self.model.store.closed:
            self.model.read_marks()

    def _start_pending_matching(self) -> None:
        if getattr(self, "_matching_pending", False) and self.matching is not None:
            self._matching_pending = False
            QTimer.singleShot(300, self.matching.run_all)

    def _fit_grid(self) -> None:
        """Columns shared by content across the width, rows capped: the grid uses the screen."""
        self.grid.auto_columns = True
        self.grid.fit_columns_soon()

    # ----------------------------------------------------------------- help

    def show_shortcuts(self, *, show: bool = True) -> Any:
        from atelier.ui.help_dialog import HelpDialog

        dialog = HelpDialog(self)
        if show:
            dialog.exec()
        return dialog

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from atelier import __version__

        about = tr(
            "Saisir, croiser et partager les grilles des ateliers territoriaux pour "
            "l'emploi. Logiciel libre (GPL-3.0 ou ultérieure)."
        )
        QMessageBox.about(self, tr("À propos d'Atelier"), f"Atelier {__version__}\n\n{about}")

    # ---------------------------------------------------------------- close

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        # Every edit is already in the file; a field left open is saved now. Texts the file
        # refused (a full disk) are asked about: the window stays open unless told to close.
        # A grid being written (an import) waits meanwhile, so that it cannot end behind the
        # close; closing stops it: its file is then whole or as it was, never half an import.
        writings = list(self.writing)
        for writing in writings:
            writing.hold()
        if not self.may_leave_file():
            for writing in writings:
                writing.release()
            event.ignore()
            self.say_unsaved()
            return
        for writing in writings:
            writing.stop()
        exports = sys.modules.get("atelier.ui.export_dialog")  # not loaded: no export ever ran
        if exports is not None:
            for exporting in self.findChildren(exports.ExportDialog):  # stopped before the file closes
                exporting.stop()
        if self._followup is not None:  # a day or a note being typed in « Suivi »
            self._followup.finish_editing()
        settings.put(settings.GEOMETRY, self.saveGeometry().data())
        # The card and the projector's preview, set aside while « Suivi » or « Répertoire » is
        # shown, are the grid's: remembered as the grid has them, not as closed by the user.
        for dock in self.docks_set_aside():
            dock.setVisible(True)
        settings.put(settings.WINDOW_STATE, self.saveState().data())
        # Fields losing focus while the window goes away must not write to a closed file.
        self.header.set_model(None)
        self.panel.set_model(None)
        if self.matching is not None:
            self.matching.shutdown()
        if self.projector is not None:
            self.projector.detach()
            self.projector.close()
        if self.model is not None:
            # The undo stack announces its own destruction; nobody is left to hear it.
            self.model.undo_stack.blockSignals(True)
        self.store.before_first_write = None  # nothing was written: no copy due
        self.compaction.stop()  # what is left of a deletion's merge: done by the close
        self.store.close()
        super().closeEvent(event)
