"""The grid's search: accent-free, the rows filtered and the words highlighted as they are
typed, a count; Entrée or ↓ goes back to the grid, Échap clears."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from atelier.french import count
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.ui.main_window import MainWindow


class SearchField(QLineEdit):
    back_to_grid = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.back_to_grid.emit()
            return
        if event.key() == Qt.Key.Key_Down and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.back_to_grid.emit()  # down into the results, as in « Suivi » and « Répertoire »
            return
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()  # the whole grid again, the cursor stays here to type another search
            else:
                self.back_to_grid.emit()
            return
        super().keyPressEvent(event)


class SearchBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = SearchField(self)
        self.field.setObjectName("search")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(tr("Rechercher dans la grille (Ctrl+F)…"))
        self.field.setToolTip(tr("Entrée ou ↓ : revenir à la grille ; Échap : effacer la recherche"))
        self.found = QLabel(self)
        self.found.setObjectName("searchCount")
        self.found.setMinimumWidth(150)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.found)

    def show_count(self, shown: int, total: int, kept: int = 0, people: int | None = None) -> None:
        """« 3 résultats sur 22 participants », or nothing when no search is typed; « + 1 ligne
        modifiée » for the rows shown that no longer hold the words searched (GridFilter).
        Results are rows: when the grid's `total` rows name more `people` (« Cécile BECHON et
        Ghislaine Paparemborde » are two, as the label above the grid counts them), « sur 22
        lignes de la grille », never « sur 22 participants » under « 24 participants »."""
        self.found.setToolTip("")
        if not self.field.text().strip():
            self.found.setText("")
            return
        found = shown - kept
        if found == 0 and not kept:
            self.found.setText(tr("Aucun résultat"))
            return
        rows = people is not None and people != total
        text = tr("{found} sur {total}").format(
            found=count(found, tr("résultat"), tr("résultats")),
            total=count(total, tr("ligne de la grille"), tr("lignes de la grille"))
            if rows
            else count(total, tr("participant"), tr("participants")),
        )
        if kept:
            text = tr("{results} + {kept}").format(
                results=text, kept=count(kept, tr("ligne modifiée"), tr("lignes modifiées"))
            )
            self.found.setToolTip(
                tr(
                    "Une ligne modifiée qui ne contient plus la recherche reste affichée, à sa "
                    "place, jusqu'à ce que la recherche change."
                )
            )
        self.found.setText(text)

    def attach(self, window: MainWindow) -> None:
        """Search `window`'s grid (its `grid`, its filter `proxy`, its `model`)."""
        self.searched = window  # not `window`: QWidget.window() keeps its meaning
        self.field.textChanged.connect(self._changed)
        self.field.back_to_grid.connect(self._done)
        # The count follows the grid, not only the typing: a participant added, deleted,
        # undone, an edit that makes a row match or not, another workshop shown.
        for signal in (
            window.proxy.rowsInserted,
            window.proxy.rowsRemoved,
            window.proxy.modelReset,
            window.proxy.dataChanged,  # a row shown that no longer holds the words, or again
        ):
            signal.connect(self.recount)
        window.proxy.layoutChanged.connect(self.recount)

    def recount(self, *_args: Any) -> None:
        # Once the change is done: the filter drops a row before the grid's model has.
        QTimer.singleShot(0, self._recount_now)

    def _people(self) -> int:
        """The people the grid's rows name, as the workshop's label above it counts them."""
        from atelier.domain import people_of

        model = self.searched.model
        if model is None:
            return 0
        return sum(people_of(model.participant_at(row)) for row in range(model.rowCount()))

    def _recount_now(self) -> None:
        window = self.searched
        total = window.model.rowCount() if window.model is not None else 0
        self.show_count(window.proxy.rowCount(), total, window.proxy.kept_rows(), self._people())

    def _changed(self, text: str) -> None:
        window = self.searched
        window.proxy.set_search(text)
        window.grid.set_search(text)  # the words found are highlighted
        window.grid.fit_rows_soon()
        total = window.model.rowCount() if window.model is not None else 0
        self.show_count(window.proxy.rowCount(), total, people=self._people())
        if window.proxy.rowCount() and not window.grid.currentIndex().isValid():
            window.grid.setCurrentIndex(window.proxy.index(0, 0))

    def _done(self) -> None:
        """Entrée in the search (or Échap on an empty one): back to the grid, on a result."""
        grid, proxy = self.searched.grid, self.searched.proxy
        if proxy.rowCount() and not grid.currentIndex().isValid():
            grid.setCurrentIndex(proxy.index(0, 0))
        grid.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if grid.currentIndex().isValid():
            grid.scrollTo(grid.currentIndex())
