"""The capture window: the workshop header, the grid, the participant card, saved at every edit."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from atelier.french import typography
from atelier.store import Store
from atelier.ui import commands, settings
from atelier.ui.after_workshop import AfterWorkshop
from atelier.ui.grid_model import GridFilter, GridModel
from atelier.ui.grid_view import GridView
from atelier.ui.operations import Snapshots, files, grids, replace
from atelier.ui.panels import ParticipantPanel, WorkshopHeader
from atelier.ui.projector_control import ProjectorControl, ProjectorPreview
from atelier.ui.search_bar import SearchBar

MAX_RECENT = 8


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class MainWindow(AfterWorkshop, QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.model: GridModel | None = None
        self.setMinimumSize(900, 560)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        self.readonly_banner = QLabel(central)
        self.readonly_banner.setObjectName("readonlyBanner")
        self.readonly_banner.setWordWrap(True)
        self.readonly_banner.setStyleSheet(
            "QLabel#readonlyBanner { background: #fff3c4; color: #3d2c00; padding: 6px; "
            "border: 1px solid #c9a400; }"
        )
        layout.addWidget(self.readonly_banner)
        from atelier.ui.workshops import WorkshopSwitcher

        self.switcher = WorkshopSwitcher(central)
        self.switcher.chosen.connect(self.switch_workshop)
        layout.addWidget(self.switcher)
        self.header = WorkshopHeader(central)
        self.header.notice.connect(self.show_notice)
        layout.addWidget(self.header)
        self.search_bar = SearchBar(central)
        self.search = self.search_bar.field
        self.search.back_to_grid.connect(self._search_done)
        layout.addWidget(self.search_bar)
        self.grid = GridView(central)
        self.grid.cell_cleared.connect(self._cell_cleared)
        layout.addWidget(self.grid, 1)
        self.setCentralWidget(self.build_after_pages(central))  # the grid, « Suivi », « Répertoire »
        self.proxy = GridFilter(self)
        self.search.textChanged.connect(self._search_changed)

        self.panel = ParticipantPanel(self)
        self.panel_dock = QDockWidget(tr("Fiche du participant"), self)
        self.panel_dock.setObjectName("participantDock")
        self.panel_dock.setWidget(self.panel)
        self.panel_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        # What the room sees, above the card: « À L'ÉCRAN » and a small live copy.
        self.projector_control = ProjectorControl(self)
        self.preview = ProjectorPreview(self.projector_control, self)
        self.preview_dock = QDockWidget(tr("Projecteur"), self)
        self.preview_dock.setObjectName("projectorDock")
        self.preview_dock.setWidget(self.preview)
        self.preview_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.preview_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel_dock)
        self.splitDockWidget(self.preview_dock, self.panel_dock, Qt.Orientation.Vertical)
        screen_width = self.screen().availableGeometry().width() if self.screen() is not None else 1920
        self.resizeDocks([self.panel_dock], [min(460, int(screen_width * 0.28))], Qt.Orientation.Horizontal)

        self.matching_progress = QProgressBar(self)
        self.matching_progress.setRange(0, 0)
        self.matching_progress.setMaximumWidth(160)
        self.matching_progress.setFormat(tr("Rapprochement…"))
        self.matching_progress.hide()
        self.matching: Any = None  # MatchingService, made when a file is open
        self.snapshots = Snapshots()  # the file before/after merges, restores, re-imports
        self.warned_gone = False  # the file is gone from the disk, and the facilitator was told
        self._row_before_reset: str | None = None
        self.meaning_label = QLabel(self)
        self.meaning_label.hide()
        self.projector: Any = None
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedLabel")
        self.file_label = QLabel(self)
        self.statusBar().addWidget(self.saved_label, 1)
        self.statusBar().addPermanentWidget(self.meaning_label)
        self.statusBar().addPermanentWidget(self.matching_progress)
        self.statusBar().addPermanentWidget(self.file_label)

        self._build_actions()
        from atelier.ui.focus import FocusReturn

        self.focus_return = FocusReturn(self)
        self._apply_preferences()  # fonts first: the rows are measured once, with them
        self.set_store(store)

    # ---------------------------------------------------------------- setup

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
        language = settings.get(settings.LANGUAGE) or "system"
        self.action(f"view.lang.{language}").setChecked(True)
        self.action("view.card").setChecked(True)
        self.panel_dock.visibilityChanged.connect(self.action("view.card").setChecked)
        self.panel.matches.selection_changed.connect(self.update_actions)

    def update_actions(self) -> None:
        self.commands.update_enabled(self)

    def open_menu_bar(self) -> None:
        """F10: the menu bar takes the keyboard, its first menu open (as in GNOME and Windows)."""
        bar = self.menuBar()
        first = bar.actions()[0]
        bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
        bar.setActiveAction(first)

    def toggle_card(self) -> None:
        self.panel_dock.setVisible(not self.panel_dock.isVisible())

    def focus_grid(self) -> None:
        if self.page() != "grid":
            self.show_page("grid")
        self.grid.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_store(self, store: Store) -> None:
        self.store = store
        workshops = store.workshops()
        old_model = self.model
        self.model = GridModel(store, workshops[0].id, self) if workshops else None
        if self.model is not None:
            self.model.saved.connect(self._on_saved)
            self.model.modelAboutToBeReset.connect(self._remember_row)
            self.model.content_replaced.connect(self._after_content_replaced)
            self.model.failed.connect(self.show_problem)
            self.model.workshop_changed.connect(self._refresh_title)
            self.model.workshop_changed.connect(self.header.refresh)
            self.model.glossary_changed.connect(self.run_matching)  # its edits, undone too
            self.model.dataChanged.connect(self._rows_changed)
            self.model.rowsInserted.connect(lambda _p, first, last: self._fit_proxy_rows())
            self.model.undo_stack.canUndoChanged.connect(lambda _can: self.update_actions())
            self.model.undo_stack.canRedoChanged.connect(lambda _can: self.update_actions())
            self.model.undo_stack.undoTextChanged.connect(
                lambda text: self.undo_action.setText(
                    typography(tr("&Annuler : {what}").format(what=text)) if text else tr("&Annuler")
                )
            )
            self.model.undo_stack.redoTextChanged.connect(
                lambda text: self.redo_action.setText(
                    typography(tr("&Rétablir : {what}").format(what=text)) if text else tr("&Rétablir")
                )
            )
        self.proxy.setSourceModel(self.model)
        self.grid.setModel(self.proxy)
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
            self.projector.close()
            self.projector.deleteLater()
            self.projector = None
            self.projector_control.forget()
            self.projector_action.setChecked(False)
        if self.model is not None:
            files.arm_backup(self)
            from atelier.ui.matching import MatchingService

            self.matching = MatchingService(self.model, self)
            self.matching.running.connect(self.matching_progress.setVisible)
            self.matching.meaning.connect(self._meaning_state)
            # Match once the window is on screen: opening never waits for it.
            if self.isVisible():
                QTimer.singleShot(0, self.matching.run_all)
            else:
                self._matching_pending = True
        self.update_actions()
        if self.isVisible():
            QTimer.singleShot(0, self._fit_grid)
        self._fit_proxy_rows()
        if self.model is not None and self.model.rowCount():
            self.grid.setCurrentIndex(self.proxy.index(0, 0))
        self.grid.setFocus()  # keyboard-first: typing goes to the grid from the start
        self._refresh_title()
        if store.locked_by_other:
            owner = store.lock_owner()
            self.readonly_banner.setText(
                tr(
                    "Ce fichier est déjà ouvert pour modification par une autre fenêtre{owner}. "
                    "Il est ouvert ici en lecture seule : vos saisies ne seraient pas enregistrées."
                ).format(owner=f" ({owner})" if owner else "")
            )
            self.readonly_banner.show()
        elif store.readonly:
            self.readonly_banner.setText(
                tr(
                    "Ce fichier (ou son dossier) est en lecture seule : il est ouvert en lecture "
                    "seule. Pour le modifier, enregistrez-en une copie ailleurs."
                )
            )
            self.readonly_banner.show()
        else:
            self.readonly_banner.hide()
        self.saved_label.setText(
            tr("Lecture seule") if store.readonly else tr("Chaque modification est enregistrée aussitôt.")
        )
        self.file_label.setText(str(store.path))
        self._remember(store.path)
        self.after_set_store()

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
            return
        self.saved_label.setText(tr("Enregistré à {time}").format(time=when.strftime("%H:%M:%S")))

    def _cell_cleared(self, index: QModelIndex) -> None:
        """Suppr on a cell empties it at once: say so, and how to get it back."""
        from atelier.ui.columns import column_titles

        saved = self.saved_label.text()
        what = column_titles()[index.column()]
        text = typography(tr("Cellule « {column} » vidée — Ctrl+Z pour annuler").format(column=what))
        self.saved_label.setText(f"{text}. {saved}" if saved else text)

    def show_status(self, text: str) -> None:
        self.saved_label.setText(text)

    def show_notice(self, text: str) -> None:
        """Something to know, said in the status bar without stopping the typing."""
        self.saved_label.setText(f"⚠ {text}")

    def show_problem(self, text: str) -> None:
        self.saved_label.setText(f"⚠ {text}")
        QMessageBox.warning(self, tr("Modification impossible"), text)

    def _rows_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
            if proxy_index.isValid():
                self.grid.resizeRowToContents(proxy_index.row())

    def _fit_proxy_rows(self) -> None:
        """Fit the rows' heights once the current changes are done (one pass, however many asked)."""
        if getattr(self, "_fit_pending", False):
            return
        self._fit_pending = True
        QTimer.singleShot(0, self._fit_rows_if_pending)

    def _fit_rows_if_pending(self) -> None:
        if getattr(self, "_fit_pending", False):
            self._fit_rows_now()

    def _fit_rows_now(self) -> None:
        self._fit_pending = False
        self.grid.fit_rows()

    def _current_participant_id(self) -> str | None:
        index = self.grid.currentIndex()
        if self.model is None or not index.isValid():
            return None
        return self.model.participant_at(self.proxy.mapToSource(index).row()).id

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
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

    def add_participant(self) -> None:
        """A new row below the current one, its participant cell ready to type."""
        if self.model is None or self.store.readonly:
            return
        if self.search.text():
            self.search.clear()
        current = self._current_participant_id()
        position = self.model.row_of(current) + 1 if current else self.model.rowCount()
        command = commands.AddParticipant(self.model, position)
        if commands.push(self.model, command):
            self._select(command.participant.id)
            self.grid.setFocus()
            self.grid.edit(self.grid.currentIndex())

    def delete_participant(self) -> None:
        participant_id = self._current_participant_id()
        if self.model is None or participant_id is None or self.store.readonly:
            return
        row = self.model.row_of(participant_id)
        column = self.grid.currentIndex().column()
        deleted = commands.push(self.model, commands.DeleteParticipant(self.model, participant_id))
        if deleted and self.model.rowCount():
            next_row = min(row, self.model.rowCount() - 1)
            self._select(self.model.participant_at(next_row).id, column)

    def move_participant(self, step: int) -> None:
        participant_id = self._current_participant_id()
        if self.model is None or participant_id is None or self.store.readonly:
            return
        row = self.model.row_of(participant_id)
        target = row + step
        if not 0 <= target < self.model.rowCount():
            return
        column = self.grid.currentIndex().column()
        if commands.push(self.model, commands.MoveParticipant(self.model, participant_id, target)):
            self._select(participant_id, column)

    def undo(self) -> None:
        if self.model is not None:
            self.commit_open_editors()
            self.model.undo_stack.undo()

    def redo(self) -> None:
        if self.model is not None:
            self.commit_open_editors()
            self.model.undo_stack.redo()

    def commit_open_editors(self) -> None:
        """A cell or field still being typed in is saved before undo, redo or closing."""
        from atelier.ui.grid_view import CellEditor

        focus = QApplication.focusWidget()
        if isinstance(focus, CellEditor):
            delegate = self.grid.cell_delegate
            delegate.commitData.emit(focus)
            delegate.closeEditor.emit(focus, delegate.EndEditHint.NoHint)
        elif isinstance(focus, QLineEdit) and focus is not self.search:
            focus.editingFinished.emit()

    def run_matching(self) -> None:
        if self.matching is not None:
            self.matching.run_all()

    def focus_matches(self) -> None:
        self.panel_dock.show()
        self.panel.matches.tree.setFocus()
        if self.panel.matches.current_match_id() is None:
            self.panel.matches.select_first_suggestion()

    def focus_search(self) -> None:
        if self.search_in_page():
            return
        self.search.setFocus()
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self.grid.set_search(text)  # the words found are highlighted
        self._fit_proxy_rows()
        total = self.model.rowCount() if self.model is not None else 0
        self.search_bar.show_count(self.proxy.rowCount(), total)
        if self.proxy.rowCount() and not self.grid.currentIndex().isValid():
            self.grid.setCurrentIndex(self.proxy.index(0, 0))

    def _search_done(self) -> None:
        """Entrée in the search (or Échap on an empty one): back to the grid, on a result."""
        if self.proxy.rowCount() and not self.grid.currentIndex().isValid():
            self.grid.setCurrentIndex(self.proxy.index(0, 0))
        self.grid.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.grid.currentIndex().isValid():
            self.grid.scrollTo(self.grid.currentIndex())

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

    def import_grid(
        self, source: Path | None = None, target: Path | None = None, *, dialog_hook: Any = None
    ) -> bool:
        return grids.import_grid(self, source, target, dialog_hook=dialog_hook)

    def reimport_grid(self, source: Path | None = None, *, dialog_hook: Any = None) -> bool:
        return grids.reimport_grid(self, source, dialog_hook=dialog_hook)

    def restore_backup(self, choice: Path | None = None, *, confirm: bool = True) -> bool:
        return replace.restore_backup(self, choice, confirm=confirm)

    def merge_file(self, source: Path | None = None, *, report: bool = True, confirm: bool = True) -> Any:
        return replace.merge_file(self, source, report=report, confirm=confirm)

    def _remember_row(self) -> None:
        """Just before the grid is reset: the row the facilitator is on, to come back to it."""
        self._row_before_reset = self._current_participant_id()

    def _after_content_replaced(self) -> None:
        """The file's content changed under the grid (re-import, merge, restore, or their undo)."""
        assert self.model is not None
        current, self._row_before_reset = self._row_before_reset, None
        column = max(self.grid.currentIndex().column(), 0)
        if current is not None and self.model.row_of(current) >= 0:
            self._select(current, column)  # the facilitator stays on the row they were on
        self._fit_proxy_rows()
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

    def toggle_projector(self) -> None:
        """F5: project to the room, or bring the grid back."""
        if self.projector_control.on_screen:
            self.projector_control.hide()
            self.projector_action.setChecked(False)
            return
        self.open_projector()

    def open_projector(self) -> Any:
        from atelier.ui.projector import ProjectorWindow

        if self.model is None:
            return None
        if self.projector is None or self.projector.model is not self.model:
            if self.projector is not None:
                self.projector.close()
                self.projector.deleteLater()
            self.projector = ProjectorWindow(self.model)
            self.projector_options()
            for view, action in self.projector_views.items():
                if action.isChecked():
                    self.projector.set_view(view)
        self.projector.follow(self._current_participant_id())
        self.projector_control.show(self.projector)
        self.projector_action.setChecked(True)
        return self.projector

    def projector_call(self, name: str, *args: Any) -> None:
        if self.projector is not None and self.projector.isVisible():
            getattr(self.projector, name)(*args)

    def projector_view(self, view: str) -> None:
        for name, action in self.projector_views.items():
            action.setChecked(name == view)
        if self.projector is None or not self.projector.isVisible():
            self.open_projector()
        if self.projector is not None:
            self.projector.set_view(view)

    def projector_options(self, *_checked: Any) -> None:
        if self.projector is not None:
            self.projector.private = self.privacy_action.isChecked()
            self.projector.suggestions = self.suggestions_action.isChecked()
            self.projector.rebuild()

    def export_projector_png(self, target: Path | None = None) -> Path | None:
        from atelier.ui.projector import ProjectorWindow

        if self.model is None:
            return None
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                tr("Exporter la vue en PNG"),
                str(self.store.path.with_suffix(".png")),
                tr("Images PNG (*.png)"),
            )
            if not name:
                return None
            target = Path(name)
        projector = self.projector
        if projector is None:
            projector = ProjectorWindow(self.model)
            projector.private = self.privacy_action.isChecked()
            projector.suggestions = self.suggestions_action.isChecked()
            projector.rebuild()
            projector.follow(self._current_participant_id())
            projector.set_view(next(v for v, a in self.projector_views.items() if a.isChecked()))
        if projector.view == "network" and projector.network is None:
            from atelier.projection import layout

            projector.network = layout(projector.projection.network)
        image = projector.render_image()
        if not image.save(str(target), "PNG"):
            QMessageBox.critical(
                self, tr("Exporter la vue en PNG"), tr("Impossible d'écrire « {path} ».").format(path=target)
            )
            return None
        self.saved_label.setText(tr("Exporté : {path}").format(path=target))
        return target

    def edit_synthesis(self, *, show: bool = True) -> Any:
        from atelier.ui.synthesis import SynthesisDialog

        if self.model is None:
            return None
        dialog = SynthesisDialog(self.model, self)
        if show:
            dialog.exec()
        return dialog

    def export_office(self, *, show: bool = True) -> Any:
        from atelier.ui.export_dialog import ExportDialog

        if self.model is None:
            return None
        self.commit_open_editors()
        dialog = ExportDialog(self.store.path, self.model.workshop_id, self.model.workshop().title, self)
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

    def _remember(self, path: Path) -> None:
        resolved = str(path.resolve())
        settings.put(settings.LAST_FILE, resolved)
        recent = [p for p in settings.get(settings.RECENT_FILES) if p != resolved]
        recent.insert(0, resolved)
        settings.put(settings.RECENT_FILES, recent[:MAX_RECENT])
        self.fill_recent()

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        for number, name in enumerate(settings.get(settings.RECENT_FILES), start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(name).name}")
            action.setToolTip(name)
            action.triggered.connect(lambda _=False, n=name: self.open_file(Path(n)))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    # ---------------------------------------------------------- preferences

    def zoom(self, step: int) -> None:
        app = QApplication.instance()
        base = QApplication.font().pointSize() if step else 0
        size = 0 if step == 0 else max(8, min(32, base + step))
        settings.put(settings.FONT_POINT_SIZE, size)
        self._apply_preferences()
        del app

    def toggle_contrast(self) -> None:
        settings.put(settings.HIGH_CONTRAST, self.contrast_action.isChecked())
        self._apply_preferences()

    def _apply_preferences(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if not hasattr(app, "_atelier_default_font"):
            app._atelier_default_font = QFont(app.font())  # type: ignore[attr-defined]
            app._atelier_default_palette = QPalette(app.palette())  # type: ignore[attr-defined]
        font = QFont(app._atelier_default_font)  # type: ignore[attr-defined]
        size = int(settings.get(settings.FONT_POINT_SIZE) or 0)
        if size:
            font.setPointSize(size)
        if font != app.font():  # each change re-lays out every widget: not for nothing at startup
            app.setFont(font)
        contrast = bool(settings.get(settings.HIGH_CONTRAST))
        self.contrast_action.setChecked(contrast)
        if contrast:
            palette = QPalette()
            for role, color in (
                (QPalette.ColorRole.Window, "#ffffff"),
                (QPalette.ColorRole.WindowText, "#000000"),
                (QPalette.ColorRole.Base, "#ffffff"),
                (QPalette.ColorRole.AlternateBase, "#f0f0f0"),
                (QPalette.ColorRole.Text, "#000000"),
                (QPalette.ColorRole.Button, "#ffffff"),
                (QPalette.ColorRole.ButtonText, "#000000"),
                (QPalette.ColorRole.Highlight, "#0b3d91"),
                (QPalette.ColorRole.HighlightedText, "#ffffff"),
                (QPalette.ColorRole.PlaceholderText, "#444444"),
            ):
                palette.setColor(role, QColor(color))
            app.setPalette(palette)
            self.grid.setStyleSheet("QTableView { gridline-color: #000000; }")
        else:
            if app.palette() != app._atelier_default_palette:  # type: ignore[attr-defined]
                app.setPalette(app._atelier_default_palette)  # type: ignore[attr-defined]
            if self.grid.styleSheet():
                self.grid.setStyleSheet("")
        self._fit_proxy_rows()

    def set_language(self, code: str) -> None:
        settings.put(settings.LANGUAGE, code)
        QMessageBox.information(
            self, tr("Langue"), tr("La langue choisie s'appliquera au prochain démarrage.")
        )

    def showEvent(self, event) -> None:  # Qt's name
        super().showEvent(event)
        if getattr(self, "_matching_pending", False) and self.matching is not None:
            self._matching_pending = False
            QTimer.singleShot(300, self.matching.run_all)
        QTimer.singleShot(0, self._fit_grid)

    def _fit_grid(self) -> None:
        """Columns shared by content across the width, rows capped: the grid uses the screen."""
        self.grid.auto_columns = True
        self.grid.fit_columns()

    # ----------------------------------------------------------------- help

    def show_shortcuts(self, *, show: bool = True) -> Any:
        from atelier.ui.help_dialog import HelpDialog

        dialog = HelpDialog(self)
        if show:
            dialog.exec()
        return dialog

    def show_about(self) -> None:
        from atelier import __version__

        about = tr(
            "Saisir, croiser et partager les grilles des ateliers territoriaux pour "
            "l'emploi. Logiciel libre (GPL-3.0 ou ultérieure)."
        )
        QMessageBox.about(self, tr("À propos d'Atelier"), f"Atelier {__version__}\n\n{about}")

    # ---------------------------------------------------------------- close

    def _meaning_state(self, state: str) -> None:
        """Say in the status bar whether suggestions already weigh meaning, not only words."""
        text, tip = {
            "loading": (
                tr("Modèle de sens : chargement…"),
                tr("Les suggestions se fondent sur les mots en commun en attendant le modèle de sens."),
            ),
            "ready": (
                tr("Modèle de sens : actif"),
                tr("Les suggestions tiennent compte du sens, pas seulement des mots en commun."),
            ),
            "failed": (
                tr("Modèle de sens : indisponible"),
                tr("Modèle de sens non chargé : les suggestions se fondent sur les mots en commun."),
            ),
        }.get(state, ("", ""))
        self.meaning_label.setText(text)
        self.meaning_label.setToolTip(tip)
        self.meaning_label.setVisible(bool(text))

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        # Nothing to ask: every edit is already in the file. Finish a field left open.
        self.commit_open_editors()
        settings.put(settings.GEOMETRY, self.saveGeometry().data())
        settings.put(settings.WINDOW_STATE, self.saveState().data())
        # Fields losing focus while the window goes away must not write to a closed file.
        self.header.set_model(None)
        self.panel.set_model(None)
        if self.matching is not None:
            self.matching.shutdown()
        if self.projector is not None:
            self.projector._timer.stop()
            self.projector.close()
        if self.model is not None:
            # The undo stack announces its own destruction; nobody is left to hear it.
            self.model.undo_stack.blockSignals(True)
        self.store.before_first_write = None  # nothing was written: no copy due
        self.store.close()
        super().closeEvent(event)
