"""The « Répertoire » view: search every workshop of the file — people, structures,
territories, actions, challenges, needs, offers — as you type, accents and case ignored,
by the start of words; each hit with its workshop and date; Entrée opens it in its grid."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from atelier.domain import ABSENT, EXCUSED, DirectoryHit, Workshop, people_of
from atelier.french import count, fold, keep_together, long_date
from atelier.ui.appearance import as_title
from atelier.ui.headers import WrappingHeader
from atelier.ui.qtcompat import no_data
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.store import Store

COL_KIND, COL_TEXT, COL_WHO, COL_WORKSHOP = range(4)
HitRole = Qt.ItemDataRole.UserRole + 50
LIMIT = 200


def kind_text(kind: str) -> str:
    return {
        "participant": tr("Participant"),
        "need": tr("Besoin"),
        "offer": tr("Ressource proposée"),
        "action": tr("Action"),
        "challenge": tr("Défi"),
    }.get(kind, kind)


def field_text(field: str) -> str:
    return {
        "people": tr("nom"),
        "structure": tr("structure"),
        "territory": tr("territoire"),
        "role": tr("fonction"),
    }.get(field, field)


def workshop_said(workshop: Workshop) -> str:
    """« 15 mars 2022 — Forum de l'emploi », or the title alone when it says its date
    (« Atelier du 16 mars 2021 »)."""
    if not workshop.date:
        return workshop.title
    when = long_date(workshop.date)
    if fold(when) in fold(workshop.title):
        return workshop.title
    return f"{when} — {workshop.title}"


def away_said(workshop: str, away: str) -> str:
    """« 16 mars 2021 — Atelier de mars (excusé·e) » for a workshop their cell says they were
    not at (`Participant.away`: EXCUSED or ABSENT); the workshop alone otherwise."""
    if away == EXCUSED:
        return tr("{workshop} (excusé·e)").format(workshop=workshop)
    if away == ABSENT:
        return tr("{workshop} (absent·e)").format(workshop=workshop)
    return workshop


class DirectoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[DirectoryHit] = []

    def set_hits(self, hits: list[DirectoryHit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [tr("Quoi"), tr("Texte"), tr("Qui"), tr("Atelier")][section]
        return no_data()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return no_data()
        hit = self.hits[index.row()]
        if role == HitRole:
            return hit
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role != Qt.ItemDataRole.DisplayRole:
            return no_data()
        column = index.column()
        participant = hit.participant
        if column == COL_KIND:
            if hit.kind == "participant" and hit.fields:
                fields = ", ".join(field_text(f) for f in hit.fields)
                return f"{kind_text(hit.kind)} ({fields})"
            return kind_text(hit.kind)
        if column == COL_TEXT:
            # The words as typed, their space before « ? : ; ! » and inside « » kept with the
            # mark: no line of the cell starts with « ? » (as « Suivi », french.keep_together).
            text = keep_together(hit.text)
            # Found through a place typed: why, under it (« Grand Dax — dans les Landes (40) »).
            if hit.kind == "participant":
                return "\n".join(p for p in (text, participant.territory, participant.role, hit.why) if p)
            return "\n".join(p for p in (text, hit.why) if p)
        if column == COL_WHO:
            if hit.kind == "participant":
                return ""
            shown = participant.display_name()
            place = participant.territory if participant.territory not in shown else ""
            return "\n".join(p for p in (shown, place) if p)
        if column == COL_WORKSHOP:
            if len(hit.workshops) > 1:  # one person, every workshop of theirs (latest first)
                said = [tr("{n} ateliers :").format(n=len(hit.workshops))]
                # One they were excused from is theirs, never said as one they came to.
                said += [away_said(workshop_said(w), hit.away_at.get(w.id, "")) for w in hit.workshops]
                return "\n".join(said)
            workshop = hit.workshop
            when = long_date(workshop.date) if workshop.date else tr("sans date")
            # Their cell says they were not there (« (excusée) »): what they wrote, not their
            # presence (`Participant.away`).
            away = {EXCUSED: tr("excusé·e à cet atelier"), ABSENT: tr("absent·e à cet atelier")}.get(
                participant.away(), ""
            )
            return "\n".join(p for p in (when, workshop.title, away) if p)
        return no_data()


class _SearchField(QLineEdit):
    """↓ or Entrée goes down into the results."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.down.emit()
            return
        super().keyPressEvent(event)


class _HitsTable(QTableView):
    """Entrée opens the hit; ↑ on the first row goes back to the search field."""

    open_current = Signal()
    back_up = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current.emit()
            return
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.back_up.emit()
            return
        super().keyPressEvent(event)


class DirectoryView(QWidget):
    """Type to search every workshop of the file; Entrée on a hit opens it in its grid."""

    open_hit = Signal(object)  # a DirectoryHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.model = DirectoryModel(self)
        layout = QVBoxLayout(self)
        # As « Suivi »: the title and the count off the window's edges.
        layout.setContentsMargins(10, 8, 10, 4)
        title = QLabel(
            tr("Répertoire : les personnes, structures, territoires et initiatives de tous les ateliers"),
            self,
        )
        as_title(title)
        layout.addWidget(title)
        row = QHBoxLayout()
        self.field = _SearchField(self)
        self.field.setObjectName("directorySearch")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText(
            tr("Un nom, une structure, un territoire, un sujet : « clauses d'insertion », « GPECT »…")
        )
        caption = QLabel(tr("Chercher :"), self)
        caption.setBuddy(self.field)
        row.addWidget(caption)
        row.addWidget(self.field, 1)
        self.counter = QLabel(self)
        self.counter.setObjectName("directoryCount")
        row.addWidget(self.counter)
        layout.addLayout(row)
        self.table = _HitsTable(self)
        self.table.setObjectName("directoryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setHorizontalHeader(WrappingHeader(self.table))  # titles wrapped, never cut
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_KIND, 170)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_WHO, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_WHO, 260)
        header.setSectionResizeMode(COL_WORKSHOP, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_WORKSHOP, 220)
        layout.addWidget(self.table, 1)
        hint = QLabel(tr("↓ : aller aux résultats · Entrée : ouvrir dans la grille de son atelier"), self)
        layout.addWidget(hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.down.connect(self.focus_results)
        self.table.open_current.connect(self.open_current)
        self.table.back_up.connect(self.focus_field)
        self.table.doubleClicked.connect(lambda _index: self.open_current())

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.search_now()

    def search_now(self) -> None:
        from atelier.matching.across import everyone_in_the_directory, one_row_per_person

        self._timer.stop()
        text = self.field.text().strip()
        if self.store is None:
            self.model.set_hits([])
            self.counter.setText("")
            return
        if not text:  # nothing typed: everyone, one row per person
            everyone = everyone_in_the_directory(self.store)
            self.model.set_hits(everyone)
            self.table.resizeRowsToContents()
            # People, not rows: « Cécile Bechon et Ghislaine Paparemborde » is one row, two
            # people (the workshop's label counts them so: « 24 participants »).
            people = sum(people_of(hit.participant) for hit in everyone)
            self.counter.setText(count(people, tr("personne"), tr("personnes")))
            return
        from atelier.store.directory import fts_query

        if fts_query(text) is None:  # « 🎉 », « € »: no word, nothing searched, not « 0 résultat »
            self.model.set_hits([])
            self.counter.setText(
                tr("Rien à chercher : la recherche trouve des mots, pas des signes ni des émojis")
            )
            return
        found, total = self.store.search(text, limit=LIMIT)
        hits = one_row_per_person(self.store, found)
        total -= len(found) - len(hits)  # one person's rows, found at several workshops: one
        self.model.set_hits(hits)
        self.table.resizeRowsToContents()
        label = count(total, tr("résultat"), tr("résultats"))
        if total > len(hits):
            label = tr("{total} (les {shown} premiers)").format(total=label, shown=len(hits))
        self.counter.setText(label)

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def focus_results(self) -> None:
        self.search_now()
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.table.setCurrentIndex(self.model.index(0, COL_TEXT))

    def current_hit(self) -> DirectoryHit | None:
        index = self.table.currentIndex()
        hit = index.data(HitRole) if index.isValid() else None
        return hit if isinstance(hit, DirectoryHit) else None

    def open_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.open_hit.emit(hit)
