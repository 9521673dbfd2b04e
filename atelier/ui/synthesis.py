"""The synthesis editor: the minutes' sections (heading + text), drafted by Atelier, rewritten
by the facilitator, reorderable; every change saved to the file as it is typed, through the
undoable commands of ui/commands.py (on the window's undo stack, like the grid's edits).

The grid's figures (Atelier's draft of the grid as it is now: the export's `gather`, its
shared needs computed with word vectors, seconds on a region's workshop) are computed off the
UI thread, as the export does (`QueryOp`, `operations.reading`), when the editor opens and
again whenever the grid changes while it is open. Until they are in, « Calcul des chiffres de
la grille… » is said and nothing depends on them: no ⚠, no draft added or taken again, no
« Chiffres relus », and Atelier's untouched sections, about to be drafted again, wait greyed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from atelier.domain import SynthesisSection
from atelier.errors import AtelierError
from atelier.ui import commands
from atelier.ui.appearance import as_title
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.store import Store
    from atelier.ui.grid_model import GridModel

SectionRole = Qt.ItemDataRole.UserRole + 30
Drafts = list[tuple[str, str]]  # (heading, text), as atelier.synthesis drafts them


def grid_drafts(opening: Callable[[], Store], workshop_id: str, languages: set[str]) -> dict[str, Drafts]:
    """Atelier's draft of the workshop's grid as it is now, in each of `languages`: what the
    minutes would print of it. Run off the UI thread (no widget), on the connection `opening`
    gives (operations.reading), the grid read at one moment."""
    from atelier.exports import drafted_sections, gather

    with opening() as store, store.reading():
        return {lang: drafted_sections(gather(store, workshop_id, lang=lang)) for lang in sorted(languages)}


class SynthesisDialog(QDialog):
    def __init__(self, model: GridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.store = model.store
        self.workshop_id = model.workshop_id
        self.setWindowTitle(tr("Synthèse du compte rendu"))
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Les sections du compte rendu, dans l'ordre. Atelier en propose un premier jet à partir "
                "de la grille ; réécrivez-les. Une ligne commençant par « - » devient une puce. "
                "Tout est enregistré au fil de la frappe."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        left_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("&Nouvelle section"))
        self.add_button.clicked.connect(self.add_section)
        self.up_button = QPushButton(tr("Monter"))
        self.up_button.setToolTip("Alt+↑")
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button = QPushButton(tr("Descendre"))
        self.down_button.setToolTip("Alt+↓")
        self.down_button.clicked.connect(lambda: self.move_section(1))
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, step=step: self.move_section(step))
            self.addAction(action)
        self.delete_button = QPushButton(tr("Supprimer"))
        self.delete_button.clicked.connect(self.delete_section)
        for button in (self.add_button, self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        self.redraft_button = QPushButton(tr("Ajouter le premier jet d'Atelier"))
        self.redraft_button.clicked.connect(self.add_drafts)
        left_layout.addWidget(self.redraft_button)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLineEdit()
        self.heading.setPlaceholderText(tr("Titre de la section"))
        as_title(self.heading)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(tr("Texte de la section"))
        # A section edited or written by hand that still names someone deleted from the grid
        # since (perhaps erased at her request): said, with her name as the section writes it;
        # gone once the text no longer names her.
        self.names_box = QFrame()
        self.names_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.names_box.setStyleSheet("QFrame { background: #fde7e9; border: 1px solid #c50f1f; }")
        names_layout = QVBoxLayout(self.names_box)
        self.names_label = QLabel()
        self.names_label.setWordWrap(True)
        self.names_label.setStyleSheet("border: none;")
        names_layout.addWidget(self.names_label)
        self.names_box.hide()
        # A section edited by hand whose figures the grid no longer gives: said, with the two
        # ways out (the facilitator's text is never replaced unless they ask).
        self.stale_box = QFrame()
        self.stale_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.stale_box.setStyleSheet("QFrame { background: #fff4ce; border: 1px solid #c19c00; }")
        stale_layout = QVBoxLayout(self.stale_box)
        self.stale_label = QLabel(
            tr(
                "⚠ Cette section a été modifiée à la main avant les derniers changements de la grille : "
                "relisez ses chiffres."
            )
        )
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("border: none;")
        stale_layout.addWidget(self.stale_label)
        stale_buttons = QHBoxLayout()
        self.redraft_one_button = QPushButton(tr("&Reprendre le texte d'Atelier"))
        self.redraft_one_button.setToolTip(
            tr("Remplace le texte de cette section par le premier jet d'Atelier, tiré de la grille actuelle.")
        )
        self.redraft_one_button.clicked.connect(self.redraft_current)
        self.reviewed_button = QPushButton(tr("&Chiffres relus"))
        self.reviewed_button.setToolTip(tr("Garde votre texte tel quel et retire cet avertissement."))
        self.reviewed_button.clicked.connect(self.mark_reviewed)
        stale_buttons.addWidget(self.redraft_one_button)
        stale_buttons.addWidget(self.reviewed_button)
        stale_buttons.addStretch(1)
        stale_layout.addLayout(stale_buttons)
        self.stale_box.hide()
        # The grid's figures on their way (computed off the UI thread): said, with a moving bar.
        self.figures_box = QWidget()
        figures_layout = QHBoxLayout(self.figures_box)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        self.figures_bar = QProgressBar()
        self.figures_bar.setRange(0, 0)
        self.figures_bar.setTextVisible(False)
        self.figures_bar.setMaximumWidth(160)
        self.figures_label = QLabel()
        self.figures_label.setWordWrap(True)
        figures_layout.addWidget(self.figures_bar)
        figures_layout.addWidget(self.figures_label, 1)
        right_layout.addWidget(self.figures_box)
        right_layout.addWidget(self.names_box)
        right_layout.addWidget(self.stale_box)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.body, 1)
        splitter.addWidget(right)
        splitter.setSizes([320, 680])
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.save_now)
        self._retry = QTimer(self)  # a text the file refused, tried again (room made on the disk)
        self._retry.setSingleShot(True)
        self._retry.setInterval(2000)
        self._retry.timeout.connect(self.save_now)
        self.heading.textEdited.connect(lambda _t: self._typed())
        self.body.textChanged.connect(self._body_changed)
        self._loading = False
        self._editing: str | None = None
        self._writing = False  # its own edits: no need to read the sections again
        # The grid's draft now, by language (None: being computed); one job at a time, run
        # again when the grid changed while it ran; nothing applied once the editor is closed.
        self._figures: dict[str, Drafts] | None = None
        self._busy = False
        self._again = False
        self._closed = True
        self._by_name = False
        self._first_draft = False
        self._connections: list[tuple[SignalInstance, Callable[..., None]]] = []
        self.open_again()

    def open_again(self) -> None:
        """Show the workshop's sections as the file holds them now, and compute the grid's
        figures (the window keeps one editor and opens it again: a computation still running
        from a previous opening is not doubled, its result is taken only if it is the grid's
        now, else it is run once more when it ends)."""
        model = self.model
        self._disconnect()
        self.store = store = model.store  # the window may go on in a copy (continue_on)
        self.workshop_id = workshop_id = model.workshop_id  # or show another workshop
        self._timer.stop()
        self._retry.stop()
        self._editing = None
        self._figures = None
        self._again = self._busy  # the job running may read another grid than this one
        self._closed = False
        self.status.clear()
        readonly = store.readonly
        self.heading.setReadOnly(readonly)
        self.body.setReadOnly(readonly)
        # A first opening: Atelier's draft is the first thing written, once its figures are in.
        self._first_draft = not readonly and not store.synthesis_sections(workshop_id)
        self._connections = [
            (model.synthesis_changed, self._changed_elsewhere),
            (model.content_replaced, self._file_replaced),
            *((signal, self.grid_changed) for signal in _grid_signals(model)),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)
        self._computing(True)
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(0)
        self._compute()

    def _disconnect(self) -> None:
        """The grid's changes no longer heard (the editor closed, or the window's model gone)."""
        for signal, slot in self._connections:
            with contextlib.suppress(RuntimeError):  # the model already deleted
                signal.disconnect(slot)
        self._connections = []

    def forget(self) -> None:
        """The window shows another file: nothing of this editor is written or delivered any
        more (its computation, if one runs, ends with no one to deliver to)."""
        self._timer.stop()
        self._retry.stop()
        self._editing = None
        self._closed = True
        self._disconnect()

    # ------------------------------------------------------------- reading

    def sections(self) -> list[SynthesisSection]:
        return self.store.synthesis_sections(self.workshop_id)

    def refresh(self, select: str | None = None) -> None:
        self._loading = True
        self.list.clear()
        stale = self.stale_ids() | set(self.names_gone())
        for section in self.sections():
            item = QListWidgetItem(self._label(section.heading, section.id in stale))
            item.setData(SectionRole, section.id)
            self.list.addItem(item)
            if section.id == select:
                self.list.setCurrentItem(item)
        self._loading = False
        if select is None and self.list.count() and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        self._show(self.list.currentRow())

    def _label(self, heading: str, stale: bool) -> str:
        return ("⚠ " if stale else "") + (heading or tr("(sans titre)"))

    def _language(self) -> str:
        """The language the synthesis was drafted in (its untouched headings say which, else
        its drafted ones); the window's for a synthesis Atelier has not drafted."""
        from atelier.drafted import HEADINGS
        from atelier.i18n import current_language

        sections = self.sections()
        headings = [s.heading for s in sections if s.untouched] or [
            s.heading for s in sections if s.draft_key
        ]
        if not headings:
            return current_language()
        return "en" if all(h in {en for _fr, en in HEADINGS.values()} for h in headings) else "fr"

    def drafts(self, lang: str | None = None) -> Drafts | None:
        """Atelier's draft of the grid as it is now, in `lang` (by default the language the
        synthesis was drafted in): what the minutes would print. None while it is computed."""
        if self._figures is None:
            return None
        return self._figures.get(lang or self._language())

    def stale_ids(self) -> set[str]:
        """The sections edited by hand whose figures the grid no longer gives (as the export
        says); none said while the grid's figures are computed."""
        from atelier.exports import stale_sections

        sections = [s for s in self.sections() if s.draft_key and not s.untouched]
        drafts = self.drafts()
        if not sections or drafts is None:
            return set()
        return {s.id for s in sections if stale_sections([s], drafts)}

    def names_gone(self) -> dict[str, list[str]]:
        """The sections edited or written by hand that still name someone deleted from the
        grid since (as the export says): section id -> those names as the section writes them.
        Known at once: no figures needed."""
        try:
            return self.store.names_gone(self.workshop_id)
        except AtelierError:
            return {}

    def _show_stale(self, section: SynthesisSection | None) -> None:
        self.stale_box.setVisible(section is not None and section.id in self.stale_ids())
        self._show_names(section)

    def _show_names(self, section: SynthesisSection | None) -> None:
        from atelier.exports import gone_sentences
        from atelier.ui.translate import ui_language

        names = self.names_gone().get(section.id, []) if section is not None else []
        if section is not None and names:
            said = gone_sentences([(section.heading, names)], ui_language())[0]
            self.names_label.setText("⚠ " + said)
        self.names_box.setVisible(bool(names))

    # ------------------------------------------------------------- the grid's figures

    def grid_changed(self, *_args: object) -> None:
        """The grid changed while the editor is open: its figures are computed again, and
        what depended on the old ones is withdrawn meanwhile. (Heard while the grid's command
        runs, maybe an undo: nothing is written from here; a text being typed is saved at its
        pause, as always.)"""
        if self._closed or self.store.closed:  # the window closed its file before the editor
            return
        self._figures = None
        self._computing(True)
        self._mark()
        self._compute()

    def _compute(self) -> None:
        from atelier.i18n import current_language
        from atelier.ui.operations import QueryOp, reading

        if self._busy:
            self._again = True  # the job running reads a grid that is no longer the one shown
            return
        try:
            opening = reading(self.store)
        except AtelierError as exc:
            self._figures_failed(exc)
            return
        self._busy = True
        self._by_name = opening == self.store.reader  # the file at its name, not a copy
        workshop_id, languages = self.workshop_id, {self._language(), current_language()}
        QueryOp(lambda _report: grid_drafts(opening, workshop_id, languages), self._figures_in).failure(
            self._figures_failed
        ).run_in_background()

    def _figures_in(self, figures: dict[str, Drafts]) -> None:
        from atelier.i18n import current_language

        self._busy = False
        if self._closed or self.store.closed:
            return  # closed meanwhile: nothing is written, nothing shown
        if self._again or not {self._language(), current_language()} <= set(figures):
            self._again = False
            self._compute()
            return
        self._figures = figures
        if self._first_draft:
            self._first_draft = False
            if not self.sections():
                self.add_drafts()
        elif not self.store.readonly:
            self.redraft_untouched()
        self._computing(False)
        self._mark()

    def _figures_failed(self, error: BaseException) -> None:
        self._busy = False
        if self._closed or self.store.closed:
            return
        if self._by_name and not self.store.still_on_disk():
            # Another file was put at its name meanwhile (a sync client): the reader refused
            # it; read again, from the window's own connection (operations.reading copies it).
            self._compute()
            return
        self._again = False
        said = error.user_message() if isinstance(error, AtelierError) else str(error)
        self.figures_bar.hide()
        self.figures_label.setText(
            tr("Les chiffres de la grille n'ont pas pu être calculés : {error}").format(error=said)
        )

    def _computing(self, computing: bool) -> None:
        """Say whether the grid's figures are being computed; what needs them waits."""
        self.figures_box.setVisible(computing)
        self.figures_bar.show()
        self.figures_label.setText(tr("Calcul des chiffres de la grille…"))
        editable = not self.store.readonly
        ready = editable and not computing
        self.redraft_button.setEnabled(ready)
        self.redraft_one_button.setEnabled(ready)
        self.reviewed_button.setEnabled(ready)
        # Before a first draft, nothing to move or delete, and a section of one's own would
        # come before Atelier's: the list fills once the figures are in.
        for widget in (self.add_button, self.up_button, self.down_button, self.delete_button):
            widget.setEnabled(editable and not (computing and self._first_draft))

    def _mark(self) -> None:
        """The ⚠ marks, the warning and the fields as the figures now say (the text being
        typed left where it is): after the figures came in, or were withdrawn."""
        sections = {s.id: s for s in self.sections()}
        shown = [str(self.list.item(row).data(SectionRole)) for row in range(self.list.count())]
        if shown != list(sections) and self._figures is not None:
            self.refresh(select=self.current_id())
            return
        stale = self.stale_ids() | set(self.names_gone())
        for row, section_id in enumerate(shown):
            item, section = self.list.item(row), sections.get(section_id)
            heading = section.heading if section is not None else item.text().removeprefix("⚠ ")
            item.setText(self._label(heading, section_id in stale))
        current = sections.get(self.current_id() or "")
        typing = self._timer.isActive()  # typed, not yet saved: never replaced
        if current is not None and current.untouched and current.id == self._editing and not typing:
            # Atelier's text, drafted again from the grid: shown as it is now (nothing typed in it).
            self._loading = True
            if self.heading.text() != current.heading:
                self.heading.setText(current.heading)
            if self.body.toPlainText() != current.body:
                self.body.setPlainText(current.body)
            self._loading = False
        self._show_stale(current)
        self._enable_fields(current)

    def _enable_fields(self, section: SynthesisSection | None) -> None:
        """A section's fields take typing; Atelier's untouched draft waits for the figures
        (it is about to be drafted again from the grid as it is now)."""
        typing = self._timer.isActive()  # a text being typed stays in the typist's hands
        usable = section is not None and (typing or not (self._figures is None and section.untouched))
        self.heading.setEnabled(usable)
        self.body.setEnabled(usable)

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(SectionRole))

    def _show(self, row: int) -> None:
        if self._loading:
            return
        if not self.save_now():
            self._back_to_editing()  # its text is not in the file: not replaced by another's
            return
        section = self._section(self.current_id())
        self._loading = True
        self.heading.setText(section.heading if section else "")
        self.body.setPlainText(section.body if section else "")
        self._loading = False
        self._editing = section.id if section else None
        self._show_stale(section)
        self._enable_fields(section)

    def _back_to_editing(self) -> None:
        """The list back on the section being edited, its fields as typed."""
        self._loading = True
        for row in range(self.list.count()):
            if self.list.item(row).data(SectionRole) == self._editing:
                self.list.setCurrentRow(row)
        self._loading = False

    # ------------------------------------------------------------- writing

    def _body_changed(self) -> None:
        if not self._loading:
            self._typed()

    def _typed(self) -> None:
        """Saved at the pause: until then not said « Enregistré » (of the save before), which
        a process killed meanwhile would have made untrue."""
        self._timer.start()
        if self.status.text() == tr("Enregistré"):
            self.status.setText(tr("Enregistrement…"))

    def _push(self, command: commands.GridCommand) -> bool:
        self._writing = True
        try:
            return commands.push(self.model, command)
        finally:
            self._writing = False

    def _changed_elsewhere(self) -> None:
        """An undo or a redo changed the sections: show them as they are in the file."""
        if self._writing:
            return
        self._timer.stop()
        self._retry.stop()
        self._editing = None  # what the fields show is not to be written back
        self.refresh(select=self.current_id())

    def _file_replaced(self) -> None:
        """The whole file changed under the editor (a re-import written off the UI thread, a
        merge, a restore): its sections shown as they are in the file, its figures again."""
        self._changed_elsewhere()
        self.grid_changed()

    def _section(self, section_id: str | None) -> SynthesisSection | None:
        return next((s for s in self.sections() if s.id == section_id), None)

    def save_now(self) -> bool:
        """Write the section being edited (called on pause in typing, on switch and on close);
        whether what it shows is in the file. A text the file refuses (a full disk) stays in
        the fields, said once in a box and in the editor's status line, and is tried again
        every few seconds."""
        self._timer.stop()
        self._retry.stop()
        if self._editing is None or self.store.readonly:
            return True
        current = self._section(self._editing)
        if current is None:
            return True
        heading, body = self.heading.text(), self.body.toPlainText()
        if current.heading == heading and current.body == body:
            if self.status.text() == tr("Enregistrement…"):  # typed back to what the file holds
                self.status.setText(tr("Enregistré"))
            return True
        self._writing = True
        try:
            refused = commands.attempt(self.model, commands.EditSection(self.model, current, heading, body))
        finally:
            self._writing = False
        if refused is not None:
            if refused != self.model.typing_refused:  # said once, not at each pause
                self.model.typing_refused = refused
                self.model.failed.emit(refused)
            self.status.setText("⚠ " + tr("Ce texte n'est pas enregistré. {why}").format(why=refused))
            self._retry.start()
            return False
        stale = current.id in self.stale_ids()
        named = current.id in self.names_gone()
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(SectionRole) == current.id:
                item.setText(self._label(heading, stale or named))
        if current.id == self.current_id():
            self.stale_box.setVisible(stale)
            self._show_names(self._section(current.id))
        self.status.setText(tr("Enregistré"))
        return True

    def add_section(self) -> None:
        if not self.save_now():
            return  # its text is not in the file: said, kept in the fields
        section = SynthesisSection(self.workshop_id, tr("Nouvelle section"))
        if not self._push(commands.AddSections(self.model, [section], tr("Ajouter une section"))):
            return
        self.refresh(select=section.id)
        self.heading.setFocus()
        self.heading.selectAll()

    def add_drafts(self) -> None:
        from atelier.drafted import draft_heading_key, drafted_record
        from atelier.i18n import current_language

        # In the window's language, as the documents it exports (atelier.exports.formats).
        drafted = self.drafts(current_language())
        if drafted is None or self.store.readonly:
            return  # the figures are being computed: the button waits for them
        if not self.save_now():
            return  # the text being typed is not in the file: said, kept in the fields
        # The draft's sections the minutes lack, never a second copy of one they have (its key,
        # or its heading as the facilitator kept it): the Word minutes printed every heading twice.
        from atelier.french import fold

        present = self.store.synthesis_sections(self.workshop_id)
        keys = {str(section.drafted.get("key", "")) for section in present} - {""}
        headings = {fold(section.heading.strip()) for section in present}
        drafts = [
            SynthesisSection(
                self.workshop_id, heading, body, drafted=drafted_record(key, heading, body) if key else {}
            )
            for heading, body in drafted
            for key in [draft_heading_key(heading)]
            if (not key or key not in keys) and fold(heading.strip()) not in headings
        ]
        first = None
        if drafts and self._push(
            commands.AddSections(self.model, drafts, tr("Ajouter le premier jet d'Atelier"))
        ):
            first = drafts[0].id
        if self.list.count() or first:
            self.refresh(select=first)
        if not drafts and drafted:
            self.status.setText(
                tr(
                    "Le premier jet d'Atelier est déjà là : chacune de ses sections est dans la liste. "
                    "« Reprendre le texte d'Atelier » refait celui d'une section d'après la grille actuelle."
                )
            )
        elif first and len(drafts) < len(drafted):
            from atelier.french import quoted
            from atelier.ui.translate import ui_language

            names = ", ".join(quoted(d.heading, ui_language()) for d in drafts)
            self.status.setText(
                (
                    tr("1 section du premier jet ajoutée : {names} (les autres étaient déjà là)")
                    if len(drafts) == 1
                    else tr("{n} sections du premier jet ajoutées : {names} (les autres étaient déjà là)")
                ).format(n=len(drafts), names=names)
            )

    def redraft_untouched(self) -> None:
        """Each section that is Atelier's draft never edited, drafted again from the grid as it
        is now (as the minutes will print it): never « 22 participants » once there are 23."""
        drafts = self.drafts()
        if drafts is None:
            return
        try:
            self.store.redraft_untouched(self.workshop_id, drafts)
        except AtelierError as exc:
            self.model.failed.emit(exc.user_message())

    def redraft_current(self) -> None:
        """The current section's text replaced by Atelier's draft of the grid as it is now
        (the facilitator asked; undoable)."""
        from atelier.synthesis import draft_heading_key, drafted_record

        drafts = self.drafts()
        if drafts is None:
            return  # the figures are being computed: the button waits for them
        if not self.save_now():
            return  # the text being typed is not in the file: said, kept in the fields
        section = self._section(self.current_id())
        if section is None or section.draft_key is None:
            return
        found = next(((h, b) for h, b in drafts if draft_heading_key(h) == section.draft_key), None)
        if found is None:  # the grid gives this section nothing any more
            self.status.setText(tr("La grille ne donne plus rien pour cette section : supprimez-la."))
            return
        heading, body = found
        text = tr("Reprendre le texte d'Atelier pour « {heading} »").format(heading=section.heading)
        if self._push(
            commands.RedraftSection(
                self.model, section, heading, body, drafted_record(section.draft_key, heading, body), text
            )
        ):
            self.status.setText(tr("Texte d'Atelier repris, tiré de la grille actuelle"))
        self._editing = None  # the fields show the old text: not to be written back
        self.refresh(select=section.id)

    def mark_reviewed(self) -> None:
        """The current section's figures read again by the facilitator: their text kept, the
        warning gone until the grid's figures change again (undoable)."""
        from atelier.drafted import figures_of
        from atelier.synthesis import draft_heading_key

        drafts = self.drafts()
        if drafts is None:
            return  # the figures are being computed: the button waits for them
        if not self.save_now():
            return  # the text being typed is not in the file: said, kept in the fields
        section = self._section(self.current_id())
        if section is None or section.draft_key is None:
            return
        now = next((b for h, b in drafts if draft_heading_key(h) == section.draft_key), "")
        drafted = {**section.drafted, **figures_of(now)}
        text = tr("Chiffres relus pour « {heading} »").format(heading=section.heading)
        if self._push(
            commands.RedraftSection(self.model, section, section.heading, section.body, drafted, text)
        ):
            self.status.setText(tr("Chiffres relus : votre texte est gardé tel quel"))
        self.refresh(select=section.id)

    def move_section(self, step: int) -> None:
        if not self.save_now():
            return  # its text is not in the file: said, kept in the fields
        section = self._section(self.current_id())
        if section is None:
            return
        position = max(0, min(self.list.currentRow() + step, self.list.count() - 1))
        if position != section.position:
            self._push(commands.MoveSection(self.model, section, position))
        self.refresh(select=section.id)

    def delete_section(self, *, ask: bool = True) -> None:
        if not self.save_now():
            return  # its text is not in the file: said, kept in the fields
        section = self._section(self.current_id())
        if section is None:
            return
        if ask and self.body.toPlainText().strip():
            answer = QMessageBox.question(
                self,
                tr("Synthèse du compte rendu"),
                tr("Supprimer la section « {heading} » et son texte ?").format(heading=self.heading.text()),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._editing = None
        if not self._push(commands.DeleteSection(self.model, section)):
            return
        self.status.setText(tr("Section « {heading} » supprimée").format(heading=section.heading))
        self.refresh()

    def done(self, result: int) -> None:  # Qt's name
        from atelier.ui.unsaved import close_anyway

        if not self.save_now() and not close_anyway(self, 1, self.store.path, self.model.typing_refused):
            return  # kept open, the text as typed: saved once the file takes it
        self._retry.stop()
        # Closed: a job still running delivers to no one, and the grid's changes are not heard.
        self._closed = True
        self._disconnect()
        super().done(result)


def _grid_signals(model: GridModel) -> list[SignalInstance]:
    """What the model says when the grid's figures may change: its cells, its rows and their
    order, the workshop's header, its matches, its glossary (the whole file: _file_replaced)."""
    return [
        model.dataChanged,
        model.modelReset,
        model.rowsInserted,
        model.rowsRemoved,
        model.rowsMoved,
        model.workshop_changed,
        model.matches_changed,
        model.glossary_changed,
    ]
