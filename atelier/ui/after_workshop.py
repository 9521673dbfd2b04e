"""The window after the workshop: the grid, « Suivi » and « Répertoire » as three pages,
and the workshops of the file to switch between. Kept out of MainWindow, which it is mixed
into: MainWindow calls `build_after_pages` once and `after_set_store` for each file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QWidget

from atelier.domain import ItemKind
from atelier.french import count as count_of
from atelier.french import shorten, typography, without_quotes
from atelier.ui import settings
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.domain import DirectoryHit
    from atelier.store import Store
    from atelier.ui.directory_view import DirectoryView
    from atelier.ui.followup_view import FollowUpView


class AfterWorkshop:
    """Mixed into MainWindow (which provides model, store, grid, search, header, matching…)."""

    model: Any
    store: Any
    matching: Any

    def build_after_pages(self) -> QWidget:
        """The pages, and the grid's page in them, returned to be filled; « Suivi » and
        « Répertoire » are made when first shown (or asked for), so that opening a file builds
        only what its first screen shows. The grid's page is made inside the pages rather than
        moved there once filled (moving a filled page tells each of its widgets)."""
        window: Any = self
        self.pages = QStackedWidget(window)
        self.pages.setObjectName("pages")
        grid_page = QWidget(self.pages)
        self.pages.addWidget(grid_page)
        self._grid_page = grid_page
        self._followup: FollowUpView | None = None
        self._directory: DirectoryView | None = None
        return grid_page

    @property
    def followup(self) -> FollowUpView:
        if self._followup is None:
            from atelier.ui.followup_view import FollowUpView

            view = FollowUpView(self.pages)
            view.setObjectName("followupPage")
            self.pages.addWidget(view)
            view.set_grid(self.model)
            view.said.connect(self._say_undoable)
            view.told.connect(self._tell)
            self._followup = view
        return self._followup

    @property
    def directory(self) -> DirectoryView:
        if self._directory is None:
            from atelier.ui.directory_view import DirectoryView

            view = DirectoryView(self.pages)
            view.setObjectName("directoryPage")
            self.pages.addWidget(view)
            view.open_hit.connect(self.open_hit)
            view.set_store(self.store)
            self._directory = view
        return self._directory

    def say_opened(self, why: str) -> None:
        """In the status bar, which of the file's workshops the window opened on and why
        (« Ouvert sur « Atelier du 16 mars 2021 », le plus récent avec des participants —
        3 ateliers dans le fichier. »); nothing for a file of one workshop."""
        window: Any = self
        if self.model is None:
            return
        remember_workshop(self.store.path, self.model.workshop_id)
        total = self.store.workshop_count()
        if total < 2:
            return
        title = self.model.workshop().title
        reason = (
            tr("Ouvert sur « {title} », le dernier affiché")
            if why == "last"
            else tr("Ouvert sur « {title} », le plus récent avec des participants")
        )
        held = count_of(total, tr("atelier dans le fichier"), tr("ateliers dans le fichier"))
        change = tr("Ctrl+Maj+A pour changer d'atelier.")
        said = typography(f"{reason.format(title=without_quotes(title))} — {held}. {change}")
        # In the status bar's own label (a temporary message would be drawn over it), until
        # the first edit says « Enregistré ».
        if self.store.readonly:
            said = f"{tr('Lecture seule')} — {said}"
        window.saved_label.setText(said)

    def after_set_store(self) -> None:
        """A file was opened (or the model made again): the pages and the switcher follow it."""
        window: Any = self
        window.switcher.set_model(self.model)
        if self._followup is not None:
            self._followup.set_grid(self.model)
        if self._directory is not None:
            self._directory.set_store(self.store)
        if self.model is not None:
            self.model.workshop_switched.connect(self._workshop_switched)
            # An edit undone or redone while « Répertoire » shows (who is published, a name):
            # its hits are searched again, never left saying what the file no longer holds.
            self.model.undo_stack.indexChanged.connect(self._directory_edited)
        if self.matching is not None:
            self.matching.across = bool(settings.get(settings.MATCH_ACROSS))
        window.action("workshops.across").setChecked(bool(settings.get(settings.MATCH_ACROSS)))

    def _say_undoable(self, text: str) -> None:
        window: Any = self
        window.say_undoable(text)

    def _tell(self, text: str) -> None:
        window: Any = self
        window.show_status(text)

    def _directory_edited(self, _index: int) -> None:
        if self._directory is not None and self.page() == "directory":
            self._directory.search_now()

    # ----------------------------------------------------------------- pages

    def page(self) -> str:
        shown = self.pages.currentWidget()
        if shown is self._followup:
            return "followup"
        return "directory" if shown is self._directory and shown is not None else "grid"

    def _page_widget(self, name: str) -> QWidget:
        if name == "followup":
            return self.followup
        return self.directory if name == "directory" else self._grid_page

    def show_page(self, name: str) -> None:
        """Alt+1 the grid, Alt+2 « Suivi », Alt+3 « Répertoire »: the keyboard goes with it."""
        window: Any = self
        window.commit_open_editors()
        from PySide6.QtWidgets import QDockWidget

        if self.page() == "grid" and name != "grid":
            # The participant's card and the projector's preview belong to the grid: the
            # other pages get the whole width, and the docks come back with the grid.
            self._docks_shown = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
            for dock in self._docks_shown:
                dock.hide()
        elif name == "grid" and self.page() != "grid":
            for dock in getattr(self, "_docks_shown", []):
                dock.show()
            self._docks_shown = []
        self.pages.setCurrentWidget(self._page_widget(name))
        window.forget_page_status()
        if name == "grid":
            window.grid.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif name == "followup":
            self.followup.model.reload()
            self.followup.focus_table()
        else:
            self.directory.search_now()
            self.directory.focus_field()

    def docks_set_aside(self) -> list[QWidget]:
        """The docks the page shown now (« Suivi », « Répertoire ») set aside; they come back
        with the grid."""
        return list(getattr(self, "_docks_shown", [])) if self.page() != "grid" else []

    def search_in_page(self) -> bool:
        """Ctrl+F searches where one is: the filter of « Suivi », the field of « Répertoire »."""
        if self.page() == "followup":
            self.followup.focus_filter()
            return True
        if self.page() == "directory":
            self.directory.focus_field()
            return True
        return False

    # ------------------------------------------------------------- workshops

    def switch_workshop(self, workshop_id: str) -> None:
        """Show another workshop of the file in the grid (its edits stay undoable)."""
        window: Any = self
        if self.model is None or workshop_id == self.model.workshop_id:
            return
        window.commit_open_editors()
        if window.grid.cell_delegate.refusal is not None:
            # The file refused what the cell holds (a full disk, the file changed by another
            # program), said in its box: given back in its cell, the workshop stays. Another one
            # shown took the text away with the cell, and nothing said it was gone.
            window.switcher.show_current()
            return
        if window.search.text():
            window.search.clear()
        self.model.set_workshop(workshop_id)

    def _workshop_switched(self, _workshop_id: str) -> None:
        window: Any = self
        if self.model is not None:  # chosen, stepped to, added, or reached by an undo
            remember_workshop(self.store.path, self.model.workshop_id)
        if window.search.text():  # a new workshop, an undo: each starts unfiltered
            window.search.clear()
        # « Ouvert sur « … », le plus récent… » was about the workshop left: not said of this one.
        window.say_file_status()
        window.header.refresh()
        window._refresh_title()
        window.grid.fit_rows_soon()
        if self.model is not None and self.model.rowCount():
            window.grid.setCurrentIndex(window.proxy.index(0, 0))
        if self.page() == "grid":
            window.grid.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard on the grid shown
        window.panel.show_participant(window._current_participant_id())
        if window.projector is not None:
            window.projector.rebuild()
            window.projector.follow(window._current_participant_id())
        window.update_actions()

    def open_switcher(self) -> None:
        window: Any = self
        self.show_page("grid")
        window.switcher.open()

    def new_workshop(self) -> bool:
        from atelier.ui.workshops import new_workshop

        return new_workshop(self)

    def import_as_workshop(self, source: Any = None, *, dialog_hook: Any = None) -> bool:
        from atelier.ui.workshops import import_as_workshop

        return import_as_workshop(self, source, dialog_hook=dialog_hook)

    def rename_workshop(self, title: str | None = None) -> bool:
        from atelier.ui.workshops import rename_workshop

        return rename_workshop(self, title)

    def join_workshop(self, other: str | None = None) -> bool:
        from atelier.ui.workshops import join_workshop

        return join_workshop(self, other)

    def delete_workshop(self, *, confirm: bool = True) -> bool:
        from atelier.ui.workshops import delete_workshop

        return delete_workshop(self, confirm=confirm)

    def step_workshop(self, step: int) -> None:
        from atelier.ui.workshops import step_workshop

        step_workshop(self, step)

    def toggle_across(self) -> None:
        """Matching across the workshops of the file, on or off (on by default)."""
        window: Any = self
        on = window.action("workshops.across").isChecked()
        settings.put(settings.MATCH_ACROSS, on)
        if self.matching is not None:
            self.matching.across = on
            self.matching.forget_other_workshops()
            self.matching.run_all()

    # ------------------------------------------------------------- directory

    def open_hit(self, hit: DirectoryHit) -> None:
        """A directory hit in its grid: its workshop, its participant's row, the item's column."""
        from atelier.ui.columns import COLUMN_PARTICIPANT, KIND_COLUMNS

        window: Any = self
        if self.model is None:
            return
        self.switch_workshop(hit.workshop.id)
        if window.search.text():
            window.search.clear()
        column = COLUMN_PARTICIPANT if hit.kind == "participant" else KIND_COLUMNS[ItemKind(hit.kind)]
        self.show_page("grid")
        window._select(hit.participant.id, column)
        window.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        window.saved_label.setText(
            tr("Ouvert depuis le répertoire : {text}").format(text=shorten(hit.text, 80))
        )


# ------------------------------------------------------------ which workshop a file opens on

REMEMBERED_FILES = 30


def _file_key(path: object) -> str:
    from pathlib import Path

    try:
        return str(Path(str(path)).resolve())
    except OSError:
        return str(path)


def opening_workshop(store: Store) -> tuple[str | None, str]:
    """The workshop a window opens a file on, and why: the one last shown for this file
    ("last"), else the latest with participants ("content", see Store.opening_workshop_id)."""
    from atelier.errors import AtelierError

    key = _file_key(store.path)
    for entry in settings.get(settings.LAST_WORKSHOPS):
        path, _tab, workshop_id = str(entry).rpartition("\t")
        if path != key:
            continue
        try:
            store.workshop(workshop_id)
        except AtelierError:
            break  # deleted since: the rule below
        return workshop_id, "last"
    return store.opening_workshop_id(), "content"


def remember_workshop(path: object, workshop_id: str) -> None:
    """This file shows this workshop now: the one it opens on next time (user settings, not
    the file, which a colleague may open too)."""
    key = _file_key(path)
    kept = [e for e in settings.get(settings.LAST_WORKSHOPS) if str(e).rpartition("\t")[0] != key]
    settings.put(settings.LAST_WORKSHOPS, [f"{key}\t{workshop_id}", *kept][:REMEMBERED_FILES])
