"""« Importer une grille… »: preview the detected columns and rows, fix the mapping, then write."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from atelier.errors import AtelierError
from atelier.french import counted, date_refused_said, iso_date, join, long_date
from atelier.importers import (
    CONTACT,
    FIRST_NAME,
    IGNORE,
    PARTICIPANT,
    ROLE,
    STRUCTURE,
    TERRITORY,
    GridPlan,
    RawTable,
    heading_title,
    plan_table,
    title_of_file,
)
from atelier.importers.stopping import stoppable
from atelier.ui.operations import QueryOp
from atelier.ui.qtcompat import no_data
from atelier.ui.translate import tr

P = ParamSpec("P")

KINDS = [
    PARTICIPANT,
    FIRST_NAME,
    STRUCTURE,
    TERRITORY,
    ROLE,
    CONTACT,
    "action",
    "challenge",
    "need",
    "offer",
    IGNORE,
]
_OPTION_NAMES = {
    PARTICIPANT: "participant",
    FIRST_NAME: "prenom",
    STRUCTURE: "structure",
    TERRITORY: "territoire",
    ROLE: "fonction",
    CONTACT: "contact",
    "action": "actions",
    "challenge": "challenges",
    "need": "needs",
    "offer": "offers",
}


def kind_label(kind: str) -> str:
    return {
        PARTICIPANT: tr("Participant"),
        FIRST_NAME: tr("Prénom"),
        STRUCTURE: tr("Structure"),
        TERRITORY: tr("Territoire"),
        ROLE: tr("Fonction"),
        CONTACT: tr("Contact"),
        "action": tr("Actions engagées"),
        "challenge": tr("Défis"),
        "need": tr("Besoins"),
        "offer": tr("Peut être ressource"),
        IGNORE: tr("Ignorer"),
    }[kind]


def mapping_option(mapping: dict[int, str]) -> str:
    """The mapping written as the command line's --columns value."""
    return ",".join(
        f"{_OPTION_NAMES[kind]}={index + 1}"
        for index, kind in sorted(mapping.items())
        if kind in _OPTION_NAMES
    )


Planned = GridPlan | AtelierError  # a grid understood, or why it cannot be
# Refusals no choice of columns mends: said as they are, no column chosen in advance.
UNMAPPABLE = (
    "import.participants_in_columns",
    "import.one_column",
    "import.people_only",
    "import.item_list_no_people",
)
# Up to this many rows, the preview measures each row's height from its text.
PREVIEW_MEASURED_ROWS = 200
# At most this many columns are proposed, each with its choice of kind: those the headers name,
# then the first ones (a sheet of 20 000 columns built 20 000 choices on the UI thread, minutes
# during which the dialog answered nothing, not even « Annuler »). The others are said, left out.
MAX_COLUMN_CHOICES = 40
# The thread that reads and plans a grid for the preview (stopped by « Annuler »: `stoppable`).
READING_THREAD = "atelier-grid-reading"


def proposed_columns(count: int, mapping: dict[int, str]) -> list[int]:
    """The columns the dialog proposes, in their order: every one of a grid of up to
    MAX_COLUMN_CHOICES columns; else those given a kind, then the first others."""
    if count <= MAX_COLUMN_CHOICES:
        return list(range(count))
    chosen = {index for index in mapping if index < count}
    for index in range(count):
        if len(chosen) >= MAX_COLUMN_CHOICES:
            break
        chosen.add(index)
    return sorted(chosen)


def planned(table: RawTable, option: str | None, source: Path) -> Planned:
    """The grid's plan with these columns (None: as its headers say), or the refusal."""
    try:
        return plan_table(table, columns=option, path=str(source))
    except AtelierError as exc:
        return exc


def planned_as_chosen(table: RawTable, first: Planned, source: Path) -> Planned | None:
    """The plan for the columns as the dialog chooses them from `first` (its headers' plan),
    as `atelier import --columns` would make it: `first` itself when the option names exactly
    the columns its headers named (planning a thousand rows of long cells again took seconds);
    None when no column is the participants'."""
    from atelier.importers.grid import NOT_STATEMENTS, parse_columns_option

    if not isinstance(first, GridPlan) or PARTICIPANT not in first.mapping.values():
        return None
    option = mapping_option(first.mapping)
    try:
        same = parse_columns_option(option, first.headers) == first.mapping
    except AtelierError:
        same = False
    statements = any(kind not in NOT_STATEMENTS for kind in first.mapping.values())
    if same and statements and first.header_line is not None:
        return first
    return planned(table, option, source)


class PreviewModel(QAbstractTableModel):
    """The rows as they will be imported: who, and how many items of each kind."""

    KIND_ORDER = ["action", "challenge", "need", "offer"]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: GridPlan | None = None

    def set_plan(self, plan: GridPlan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.plan is None else len(self.plan.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return no_data()
        titles = [tr("Ligne"), tr("Participant"), *[kind_label(k) for k in self.KIND_ORDER]]
        return titles[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.plan is None or not index.isValid():
            return no_data()
        entry = self.plan.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return entry.place()
            if column == 1:
                parsed = entry.parsed
                who = join(parsed.names) or parsed.source_text or tr("(sans nom)")
                extra = " — ".join(p for p in (parsed.organisation, parsed.territory) if p)
                return f"{who}\n{extra}" if extra else who
            items = entry.items.get(self.KIND_ORDER[column - 2], [])
            if not items:
                return ""
            first = items[0] if len(items[0]) < 70 else items[0][:67] + "…"
            more = tr(" (+{n})").format(n=len(items) - 1) if len(items) > 1 else ""
            return f"{first}{more}"
        if role == Qt.ItemDataRole.ToolTipRole and column >= 2:
            return "\n".join(f"• {t}" for t in entry.items.get(self.KIND_ORDER[column - 2], []))
        return no_data()


class HeaderLabel(QLabel):
    """« Colonne 2 « Démarches territorialisées pour l'emploi, où en… » »: a column's header as
    the grid writes it, cut with « … » to the room the dialog gives it (more when it is wider),
    the whole header on hover."""

    def __init__(
        self, number: int, header: str, parent: QWidget | None = None, *, hidden: bool = False
    ) -> None:
        super().__init__(parent)
        self.number = number
        self.header = " ".join(header.split())
        self.hidden = hidden  # a column the file hides: left out, said so
        self.setToolTip(self.header)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._fit(self.sizeHint().width())

    def _said(self, header: str) -> str:
        if self.hidden and not self.header:
            return tr("Colonne {n} (masquée, non importée)").format(n=self.number)
        if self.hidden:
            return tr("Colonne {n} « {header} » (masquée, non importée)").format(n=self.number, header=header)
        if not self.header:  # « Colonne 1 «  » » said nothing
            return tr("Colonne {n} (sans titre)").format(n=self.number)
        return tr("Colonne {n} « {header} »").format(n=self.number, header=header)

    def sizeHint(self) -> QSize:  # Qt's name
        """As wide as the label with its whole header, up to about eighty characters: measured
        as `_fit` gives the header its room (the sentence without it, then the header), which
        can be a pixel wider than the whole sentence (English quotes, « “” », hold no space)."""
        metrics = self.fontMetrics()
        whole = max(
            metrics.horizontalAdvance(self._said(self.header)),
            metrics.horizontalAdvance(self._said("")) + metrics.horizontalAdvance(self.header),
        )
        width = min(whole, metrics.averageCharWidth() * 80)
        return QSize(width + 2, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # Qt's name
        metrics = self.fontMetrics()
        return QSize(
            metrics.horizontalAdvance(self._said(self.header[:12] + "…")) + 2, super().sizeHint().height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        metrics = self.fontMetrics()
        room = width - 2 - metrics.horizontalAdvance(self._said(""))
        # Whole when it fits as measured (Qt's eliding asks a pixel or two more for the
        # last glyph's bearing, and cut « Territoire » with room for it).
        header = (
            self.header
            if metrics.horizontalAdvance(self.header) <= room
            else metrics.elidedText(self.header, Qt.TextElideMode.ElideRight, max(room, 0))
        )
        self.setText(self._said(header))


class ImportDialog(QDialog):
    """Reads the grid in the background, then lets the facilitator check it before writing."""

    def __init__(
        self, source: Path, parent: QWidget | None = None, *, reimport: bool = False, into: str = ""
    ) -> None:
        """`reimport`: into the open workshop, which keeps its title, date and place; `into`:
        what the dialog says of that workshop instead of a re-import (an empty workshop filled)."""
        super().__init__(parent)
        self.source = source
        # Into the open workshop: it keeps its title, date and place, so none is asked.
        self.reimport = reimport
        self.table: RawTable | None = None
        self.plan: GridPlan | None = None
        self.mapping: dict[int, str] = {}
        self.error: str = ""
        self._read_error = ""  # why the grid could not be read as it is, when mapping cannot help
        self._read_key = ""
        self._read_params: dict[str, object] = {}
        self._sync = False  # read_now: the columns changed are planned at once, as in a script
        self._ticket = 0  # the background reading or planning whose result is awaited
        self._closed = False
        self._stop = threading.Event()  # set: the background job under way stops (`stoppable`)
        self.setWindowTitle(tr("Importer une grille — {name}").format(name=source.name))
        # Within the screen (a 1366×768 laptop): the column list and the warnings scroll inside.
        screen = (parent.screen() if parent is not None else QApplication.primaryScreen()).availableGeometry()
        self.resize(min(1000, screen.width() - 40), min(680, screen.height() - 80))

        layout = QVBoxLayout(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setFormat(tr("Lecture de la grille…"))
        self.progress.setTextVisible(True)
        layout.addWidget(self.progress)

        self.details = QWidget(self)
        details = QFormLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        self.title_edit = QLineEdit(self)
        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText(tr("jj/mm/aaaa"))
        self.place_edit = QLineEdit(self)
        details.addRow(tr("&Titre :"), self.title_edit)
        details.addRow(tr("&Date :"), self.date_edit)
        # Why the date typed is none, as the command line says it (`accept`); hidden until then.
        self.date_said = QLabel(self)
        self.date_said.setObjectName("importDateSaid")
        self.date_said.setWordWrap(True)
        self.date_said.hide()
        details.addRow("", self.date_said)
        self.date_edit.textEdited.connect(lambda _text: self._date_refused(""))
        # The title the grid's heading gave, as filled in (`_title_follows_date`).
        self._heading = ""
        self._title_filled = ""
        self.date_edit.textEdited.connect(self._title_follows_date)
        details.addRow(tr("&Lieu :"), self.place_edit)
        layout.addWidget(self.details)
        self.reimport_note = QLabel(
            tr(
                "La grille est réimportée dans l'atelier ouvert : son titre, sa date et son lieu "
                "restent ceux de l'atelier."
            ),
            self,
        )
        if into:
            self.reimport_note.setText(into)
        self.reimport_note.setWordWrap(True)
        layout.addWidget(self.reimport_note)
        self.details.setVisible(not reimport)
        self.reimport_note.setVisible(reimport)
        # A document of several workshops: each takes its own heading's title, date and place;
        # one title, date and place typed here would be no one's (`_show_plan`).
        self.sessions_note = QLabel(self)
        self.sessions_note.setObjectName("importSessions")
        self.sessions_note.setWordWrap(True)
        self.sessions_note.hide()
        layout.addWidget(self.sessions_note)

        self.columns_box = QGroupBox(tr("Colonnes détectées"), self)
        box = QVBoxLayout(self.columns_box)
        self.columns_scroll = QScrollArea(self.columns_box)
        self.columns_scroll.setWidgetResizable(True)
        self.columns_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.columns_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        columns = QWidget(self.columns_scroll)
        self.columns_layout = QFormLayout(columns)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        self.columns_scroll.setWidget(columns)
        box.addWidget(self.columns_scroll)
        # The columns not proposed, when there are too many to propose each (MAX_COLUMN_CHOICES).
        self.columns_note = QLabel(self.columns_box)
        self.columns_note.setWordWrap(True)
        self.columns_note.hide()
        box.addWidget(self.columns_note)
        layout.addWidget(self.columns_box)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("importSummary")
        layout.addWidget(self.summary)

        self.preview_model = PreviewModel(self)
        self.preview = QTableView(self)
        self.preview.setModel(self.preview_model)
        self.preview.setWordWrap(True)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.preview.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.preview.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.preview.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        layout.addWidget(self.preview, 1)

        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Many warnings scroll: they never push the buttons off the screen.
        self.warnings_scroll = QScrollArea(self)
        self.warnings_scroll.setWidgetResizable(True)
        self.warnings_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.warnings_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.warnings_scroll.setWidget(self.warnings)
        self.warnings_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.warnings_scroll.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 4)
        layout.addWidget(self.warnings_scroll)

        buttons = QDialogButtonBox(self)
        # « … »: a save dialog follows; a re-import writes into the open file at once.
        self.import_button = buttons.addButton(
            tr("&Importer dans cet atelier") if into else tr("&Réimporter") if reimport else tr("&Importer…"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.import_button.setEnabled(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)

    # ----------------------------------------------------------- reading

    def start(self) -> None:
        """Read and understand the grid off the UI thread (python-docx and openpyxl are slow to
        load; a large grid takes seconds to plan): the dialog keeps answering, « Annuler » too."""
        from atelier.importers.readers import read_table

        source = self.source
        ticket = self._next_ticket()

        stop = self._stop

        def work(report: Callable[[int, str], None]) -> tuple[RawTable, Planned, Planned | None]:
            with stoppable(stop):  # « Annuler »: the reading stops, it does not run on
                table = read_table(source)
                report(50, "")  # read: now understood
                first = planned(table, None, source)
                return table, first, planned_as_chosen(table, first, source)

        QueryOp(work, self._if_current(ticket, lambda result: self._table_read(*result))).failure(
            self._if_current(ticket, self._failed)
        ).with_progress(
            self._if_current(ticket, lambda _percent, _text: self._busy(tr("Analyse de la grille…")))
        ).run_in_background(own_thread=True, name=READING_THREAD)

    def read_now(self) -> None:
        """Synchronous reading and planning, for tests and scripts."""
        from atelier.importers.readers import read_table

        self._sync = True
        try:
            self._table_read(read_table(self.source))
        except BaseException as exc:  # shown to the user
            self._failed(exc)

    def _next_ticket(self) -> int:
        """A new background job, whose result is the one awaited: the one before is stopped."""
        self._stop.set()
        self._stop = threading.Event()
        self._ticket += 1
        return self._ticket

    def _current(self, ticket: int) -> bool:
        """Whether a result from the background is still wanted: not when the columns changed
        again since, nor once the dialog is closed."""
        return ticket == self._ticket and not self._closed

    def _if_current(self, ticket: int, act: Callable[P, None]) -> Callable[P, None]:
        """`act`, done only while its result is still wanted (`_current`)."""

        def act_if_current(*args: P.args, **kwargs: P.kwargs) -> None:
            if self._current(ticket):
                act(*args, **kwargs)

        return act_if_current

    def accept(self) -> None:
        """« Importer » pressed: not with a date typed that is none (« 29/02/23 »), which is
        said under the field, the dialog kept open to correct it."""
        typed = self.date_edit.text().strip()
        if typed and self.details.isVisible() and not (self.plan is not None and self.plan.sessions):
            try:
                iso_date(typed)
            except ValueError as error:
                self._date_refused(date_refused_said(typed, error))
                self.date_edit.setFocus()
                return
        super().accept()

    def _title_follows_date(self, typed: str) -> None:
        """Another day typed than the one the grid's heading gives (« Atelier Mobilité du 16 mars
        2021 », 17/03/2021): the title filled in from it loses that date, as the command line's
        --date does (`heading_title`), and gets it back with the heading's day; a title typed
        is left as typed. The minutes never print a title and a date that disagree."""
        if not self._heading or self.title_edit.text() != self._title_filled:
            return
        try:
            day = iso_date(typed) if typed.strip() else None
        except ValueError:  # not a date (yet): said when « Importer » is pressed
            return
        title = heading_title(self._heading, day).strip() or title_of_file(self.source)
        self._title_filled = title
        self.title_edit.setText(title)

    def _date_refused(self, said: str) -> None:
        self.date_said.setText(said)
        self.date_said.setVisible(bool(said))
        self.date_edit.setProperty("wrong", bool(said))
        self.date_edit.setStyleSheet("QLineEdit { border: 2px solid #b00020; }" if said else "")

    def done(self, result: int) -> None:  # Qt's name: accepted or rejected, the dialog is closed
        self._closed = True
        self._stop.set()  # the reading or planning under way stops (a very wide sheet: minutes)
        super().done(result)

    def _busy(self, text: str) -> None:
        """Said in words too: a bar that only moves (its length unknown) shows no text."""
        self.progress.setFormat(text)
        self.progress.show()
        self.summary.setText(text)
        self._warn([])

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        if isinstance(error, AtelierError):
            self.error = error.user_message()
        else:
            self.error = tr("Impossible de lire la grille : {detail}").format(detail=error)
        self.summary.setText(self.error)
        self.import_button.setEnabled(False)

    def _table_read(
        self, table: RawTable, first: Planned | None = None, second: Planned | None = None
    ) -> None:
        self.table = table
        self.progress.hide()
        if first is None:
            first = planned(table, None, self.source)
            second = planned_as_chosen(table, first, self.source)
        if isinstance(first, AtelierError):
            # Unknown headers: show the columns anyway so they can be mapped by hand. A grid
            # in columns, or a list of people, cannot be: what is wrong stays said until a
            # column is chosen (then planned as `atelier import --columns` would).
            exc = first
            self.error = exc.user_message()
            self._read_error = self.error if exc.key in UNMAPPABLE else ""
            self._read_key = exc.key
            self._read_params = dict(exc.params)
            plan = None
        else:
            plan = first
        headers = self._headers(table, plan)
        if plan is not None:
            self.mapping = dict(plan.mapping)
        else:
            # The columns still recognised by their headers are chosen: a grid refused for
            # another reason (no row under its headers) says that reason, not « no column ».
            from atelier.importers.grid import detect_mapping

            self.mapping = {} if self._read_error else detect_mapping(headers)
        self._build_column_choices(headers)
        if plan is not None and len(plan.header_rows) > 1:  # which rows, for the user to check
            self.columns_box.setTitle(
                tr("Colonnes détectées (en-tête lu sur deux lignes : {lines})").format(
                    lines=join(plan.header_rows)
                )
            )
        if plan is not None:
            self._heading = plan.title
            self._title_filled = plan.title or title_of_file(self.source)
            self.title_edit.setText(self._title_filled)
            self.date_edit.setText(long_date(plan.date))
            if plan.place and not self.place_edit.text().strip():
                self.place_edit.setText(plan.place)
        else:
            self.title_edit.setText(title_of_file(self.source))
        self._replan(second)

    def _headers(self, table: RawTable, plan: GridPlan | None) -> list[str]:
        if plan is not None and plan.headers:
            return plan.headers
        from atelier.importers.cells import clean
        from atelier.importers.grid import header_like

        # The row that names the most kinds of column (a title line above is not the headers),
        # else the first row with text.
        rows = [r for r in table.rows if any(clean(c) for c in r.cells)]
        near = header_like(rows)
        first = rows[near] if near is not None else (rows[0] if rows else None)
        return [clean(c) for c in first.cells] if first else []

    def _build_column_choices(self, headers: list[str]) -> None:
        self.combos: list[QComboBox] = []
        self.combo_columns: list[int] = []  # the column of each choice
        hidden = self.table.hidden_columns if self.table is not None else {}
        shown = proposed_columns(len(headers), self.mapping)
        left = len(headers) - len(shown)
        if left:
            from atelier.french import format_number

            self.columns_note.setText(
                tr(
                    "Cette grille a {total} colonnes : seules {shown} sont proposées ci-dessus "
                    "(celles que leurs titres nomment, puis les premières) ; les {left} autres "
                    "ne seront pas importées."
                ).format(total=format_number(len(headers)), shown=len(shown), left=format_number(left))
            )
        self.columns_note.setVisible(bool(left))
        measured: list[tuple[QWidget, QWidget]] = []
        for index in shown:
            header = headers[index]
            combo = QComboBox(self.columns_box)
            for kind in KINDS:
                combo.addItem(kind_label(kind), kind)
            combo.setCurrentIndex(KINDS.index(self.mapping.get(index, IGNORE)))
            combo.currentIndexChanged.connect(self._mapping_changed)
            combo.setToolTip(header)
            if index in hidden:  # the file hides it: its cells are not read, whatever is chosen
                header = hidden[index]
                combo.setEnabled(False)
            label = HeaderLabel(index + 1, header, self.columns_box, hidden=index in hidden)
            self.columns_layout.addRow(label, combo)
            self.combos.append(combo)
            self.combo_columns.append(index)
            measured.append((label, combo))
        # No taller than its rows: a short list leaves the room to the preview. Measured row by
        # row (the layout counts no widget until it is shown, later, by the event loop).
        spacing = max(self.columns_layout.verticalSpacing(), 6)
        rows = sum(max(h.sizeHint().height() for h in pair) + spacing for pair in measured)
        self.columns_scroll.setMaximumHeight(rows + 2)
        # And at least a dozen lines of it, when it has them: the preview below gives room first.
        self.columns_scroll.setMinimumHeight(min(rows + 2, self.fontMetrics().lineSpacing() * 12))

    def set_column_kind(self, index: int, kind: str) -> None:
        self.combos[self.combo_columns.index(index)].setCurrentIndex(KINDS.index(kind))

    def _mapping_changed(self) -> None:
        self.mapping = {
            index: combo.currentData()
            for index, combo in zip(self.combo_columns, self.combos, strict=True)
            if combo.currentData() != IGNORE
        }
        self._replan()

    def _replan(self, ready: Planned | None = None) -> None:
        """The plan for the columns as chosen: `ready` (planned with the reading), planned now
        (read_now), or in the background, the preview greyed and « Importer… » off meanwhile."""
        if self.table is None:
            return
        try:
            option = mapping_option(self.mapping)
            if not self.mapping and self._read_error:
                raise AtelierError(self._read_key, **self._read_params)
        except AtelierError as exc:
            self._show_plan(exc)
            return
        if PARTICIPANT not in self.mapping.values():
            self._show_plan(
                tr(
                    "Aucune colonne n'a été reconnue comme celle des participants : "
                    "choisissez « Participant » pour l'une des colonnes ci-dessous."
                )
            )
            return
        if ready is not None:
            self._show_plan(ready)
            return
        if self._sync:
            self._show_plan(planned(self.table, option, self.source))
            return
        ticket = self._next_ticket()
        table, source, stop = self.table, self.source, self._stop
        self.plan = None
        self.import_button.setEnabled(False)
        self.preview.setEnabled(False)
        self._busy(tr("Analyse de la grille…"))

        def work(_report: Callable[[int, str], None]) -> Planned:
            with stoppable(stop):
                return planned(table, option, source)

        QueryOp(work, self._if_current(ticket, self._show_plan)).failure(
            self._if_current(ticket, self._failed)
        ).run_in_background(own_thread=True, name=READING_THREAD)

    def _show_plan(self, result: Planned | str) -> None:
        """A plan in the preview and its counts; or why there is none (« Importer… » off)."""
        self.progress.hide()
        self.preview.setEnabled(True)
        if isinstance(result, GridPlan):
            self.plan, self.error = result, ""
        else:
            self.plan = None
            self.error = result.user_message() if isinstance(result, AtelierError) else result
        # Many rows: each its height of three lines, not measured one by one (a second or
        # more on the UI thread for a thousand rows of long cells).
        many = self.plan is not None and len(self.plan.entries) > PREVIEW_MEASURED_ROWS
        rows = self.preview.verticalHeader()
        if many:
            rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            rows.setDefaultSectionSize(self.preview.fontMetrics().lineSpacing() * 3 + 6)
        else:
            rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.preview_model.set_plan(self.plan)
        if self.plan is None:
            self.summary.setText(self.error)
            self._warn([])
            self.import_button.setEnabled(False)
            return
        counts = self.plan.counts()
        # Each number with its noun agreed (« 1 participant · 0 défi »), as `atelier import` says it:
        # people, with the grid's rows beside them when a row names two.
        from atelier.importers import people_counted

        totals = " · ".join(
            [people_counted(self.plan.people(), len(self.plan.entries), "n.participant")]
            + [counted(counts[kind], f"n.{kind}") for kind in ("action", "challenge", "need", "offer")]
        )
        self._show_sessions(self.plan)
        if self.plan.sessions:  # which workshop each row goes to, before anything is written
            from atelier.importers import session_said

            lines = [
                tr("{count} ateliers dans ce document, chacun importé à part :").format(
                    count=len(self.plan.sessions)
                )
            ]
            lines += [
                f"• {session_said(part, participants=True)} — {join(session.wheres)}"
                for part, session in zip(self.plan.parts(), self.plan.sessions, strict=True)
            ]
            totals = "\n".join([*lines, tr("En tout : {totals}").format(totals=totals)])
        self.summary.setText(totals)
        self._warn(self.plan.warnings)
        self.import_button.setEnabled(True)

    def _show_sessions(self, plan: GridPlan) -> None:
        """A document of several workshops: the title, date and place fields (one workshop's)
        give way to a note saying that each takes its own heading's."""
        several = bool(plan.sessions) and not self.reimport
        self.details.setVisible(not self.reimport and not several)
        self.sessions_note.setVisible(several)
        if several:
            self.sessions_note.setText(
                tr(
                    "Chaque atelier est importé avec le titre, la date et le lieu écrits au-dessus de son "
                    "tableau (ou le nom de sa feuille) ; vous pourrez les changer ensuite "
                    "(Ateliers et suivi › Renommer l'atelier…)."
                )
            )

    def _warn(self, warnings: list[str]) -> None:
        """The plan's warnings, each on its line; no room taken when there is none."""
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings_scroll.setVisible(bool(warnings))
        width = self.warnings_scroll.viewport().width() if self.isVisible() else self.width() - 40
        lines = self.fontMetrics().lineSpacing()
        self.warnings_scroll.setMaximumHeight(
            min(self.warnings.heightForWidth(max(width, 200)) + 4, lines * 6 + 4)
        )

    # ------------------------------------------------------------ result

    def target_suggestion(self) -> Path:
        return self.source.with_suffix(".atelier")

    def workshop_fields(self) -> dict[str, str | None]:
        """The title, date and place typed; none for a document of several workshops (each
        has its heading's)."""
        if self.plan is not None and self.plan.sessions:
            return {}
        typed = self.date_edit.text().strip()
        try:
            day = iso_date(typed) if typed else None
        except ValueError:
            day = typed  # refused when written, with the sentence that says how to write it
        return {
            "title": self.title_edit.text().strip() or None,
            "date": day,
            "place": self.place_edit.text().strip(),
        }


def choose_grid(parent: QWidget, folder: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        tr("Importer une grille"),
        folder,
        tr("Grilles (*.docx *.xlsx *.csv *.html *.htm *.txt);;Tous les fichiers (*)"),
    )
    return Path(name) if name else None


def choose_target(parent: QWidget, suggestion: Path) -> tuple[Path, Path] | None:
    """The name typed in the save dialog, and the file it means (« .atelier » added)."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Enregistrer l'atelier importé"),
        str(suggestion),
        tr("Fichiers Atelier (*.atelier)"),
        options=QFileDialog.Option.DontConfirmOverwrite,  # the window asks, saying what is lost
    )
    if not name:
        return None
    path = Path(name)
    return path, path if path.suffix == ".atelier" else path.with_suffix(path.suffix + ".atelier")
