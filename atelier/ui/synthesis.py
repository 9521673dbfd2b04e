"""The synthesis editor: the minutes' sections (heading + text), drafted by Atelier, rewritten
by the facilitator, reorderable; every change saved to the file as it is typed, through the
undoable commands of ui/commands.py (on the window's undo stack, like the grid's edits)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
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
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from atelier.domain import SynthesisSection
from atelier.ui import commands
from atelier.ui.appearance import as_title
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.ui.grid_model import GridModel

SectionRole = Qt.ItemDataRole.UserRole + 30


class SynthesisDialog(QDialog):
    def __init__(self, model: GridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.store = store = model.store
        self.workshop_id = workshop_id = model.workshop_id
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
        self.heading.textEdited.connect(lambda _t: self._timer.start())
        self.body.textChanged.connect(self._body_changed)
        self._loading = False
        self._editing: str | None = None
        self._writing = False  # its own edits: no need to read the sections again
        model.synthesis_changed.connect(self._changed_elsewhere)
        readonly = store.readonly
        for widget in (self.add_button, self.up_button, self.down_button, self.delete_button):
            widget.setEnabled(not readonly)
        self.redraft_button.setEnabled(not readonly)
        self.redraft_one_button.setEnabled(not readonly)
        self.reviewed_button.setEnabled(not readonly)
        self.heading.setReadOnly(readonly)
        self.body.setReadOnly(readonly)
        self._drafts: list[tuple[str, str]] | None = None  # the grid's draft now, drafted once
        if not store.synthesis_sections(workshop_id) and not readonly:
            self.add_drafts()
        elif not readonly:
            self.redraft_untouched()
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(0)

    # ------------------------------------------------------------- reading

    def sections(self) -> list[SynthesisSection]:
        return self.store.synthesis_sections(self.workshop_id)

    def refresh(self, select: str | None = None) -> None:
        self._loading = True
        self.list.clear()
        stale = self.stale_ids()
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

    def drafts(self) -> list[tuple[str, str]]:
        """Atelier's draft of the grid as it is now, in the language the synthesis was drafted
        in (its untouched headings say which): what the minutes would print."""
        if self._drafts is None:
            from atelier.exports import drafted_sections, gather
            from atelier.synthesis import HEADINGS

            headings = [s.heading for s in self.sections() if s.untouched] or [
                s.heading for s in self.sections() if s.draft_key
            ]
            english = bool(headings) and all(h in {en for _fr, en in HEADINGS.values()} for h in headings)
            data = gather(self.store, self.workshop_id, lang="en" if english else "fr")
            self._drafts = drafted_sections(data)
        return self._drafts

    def stale_ids(self) -> set[str]:
        """The sections edited by hand whose figures the grid no longer gives (as the export says)."""
        from atelier.exports import stale_sections

        sections = [s for s in self.sections() if s.draft_key and not s.untouched]
        if not sections:
            return set()
        drafts = self.drafts()
        return {s.id for s in sections if stale_sections([s], drafts)}

    def _show_stale(self, section: SynthesisSection | None) -> None:
        self.stale_box.setVisible(section is not None and section.id in self.stale_ids())

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(SectionRole))

    def _show(self, row: int) -> None:
        if self._loading:
            return
        self.save_now()
        section = self._section(self.current_id())
        self._loading = True
        self.heading.setText(section.heading if section else "")
        self.body.setPlainText(section.body if section else "")
        self._loading = False
        self._editing = section.id if section else None
        self._show_stale(section)
        self.heading.setEnabled(section is not None)
        self.body.setEnabled(section is not None)

    # ------------------------------------------------------------- writing

    def _body_changed(self) -> None:
        if not self._loading:
            self._timer.start()

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
        self._editing = None  # what the fields show is not to be written back
        self.refresh(select=self.current_id())

    def _section(self, section_id: str | None) -> SynthesisSection | None:
        return next((s for s in self.sections() if s.id == section_id), None)

    def save_now(self) -> None:
        """Write the section being edited (called on pause in typing, on switch and on close)."""
        self._timer.stop()
        if self._editing is None or self.store.readonly:
            return
        current = self._section(self._editing)
        if current is None:
            return
        heading, body = self.heading.text(), self.body.toPlainText()
        if current.heading == heading and current.body == body:
            return
        if not self._push(commands.EditSection(self.model, current, heading, body)):
            return  # the window said why
        stale = current.id in self.stale_ids()
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(SectionRole) == current.id:
                item.setText(self._label(heading, stale))
        self.status.setText(tr("Enregistré"))

    def add_section(self) -> None:
        self.save_now()
        section = SynthesisSection(self.workshop_id, tr("Nouvelle section"))
        if not self._push(commands.AddSections(self.model, [section], tr("Ajouter une section"))):
            return
        self.refresh(select=section.id)
        self.heading.setFocus()
        self.heading.selectAll()

    def add_drafts(self) -> None:
        from atelier.exports import drafted_sections, gather
        from atelier.i18n import current_language
        from atelier.synthesis import draft_heading_key, drafted_record

        self.save_now()
        # In the window's language, as the documents it exports (atelier.exports.formats).
        data = gather(self.store, self.workshop_id, lang=current_language())
        drafts = [
            SynthesisSection(
                self.workshop_id, heading, body, drafted=drafted_record(key, heading, body) if key else {}
            )
            for heading, body in drafted_sections(data)
            for key in [draft_heading_key(heading)]
        ]
        first = None
        if drafts and self._push(
            commands.AddSections(self.model, drafts, tr("Ajouter le premier jet d'Atelier"))
        ):
            first = drafts[0].id
        if self.list.count() or first:
            self.refresh(select=first)

    def redraft_untouched(self) -> None:
        """Each section that is Atelier's draft never edited, drafted again from the grid as it
        is now (as the minutes will print it): never « 22 participants » once there are 23."""
        self.store.redraft_untouched(self.workshop_id, self.drafts())

    def redraft_current(self) -> None:
        """The current section's text replaced by Atelier's draft of the grid as it is now
        (the facilitator asked; undoable)."""
        from atelier.synthesis import draft_heading_key, drafted_record

        self.save_now()
        section = self._section(self.current_id())
        if section is None or section.draft_key is None:
            return
        found = next(((h, b) for h, b in self.drafts() if draft_heading_key(h) == section.draft_key), None)
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

        self.save_now()
        section = self._section(self.current_id())
        if section is None or section.draft_key is None:
            return
        now = next((b for h, b in self.drafts() if draft_heading_key(h) == section.draft_key), "")
        drafted = {**section.drafted, **figures_of(now)}
        text = tr("Chiffres relus pour « {heading} »").format(heading=section.heading)
        if self._push(
            commands.RedraftSection(self.model, section, section.heading, section.body, drafted, text)
        ):
            self.status.setText(tr("Chiffres relus : votre texte est gardé tel quel"))
        self.refresh(select=section.id)

    def move_section(self, step: int) -> None:
        self.save_now()
        section = self._section(self.current_id())
        if section is None:
            return
        position = max(0, min(self.list.currentRow() + step, self.list.count() - 1))
        if position != section.position:
            self._push(commands.MoveSection(self.model, section, position))
        self.refresh(select=section.id)

    def delete_section(self, *, ask: bool = True) -> None:
        self.save_now()
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
        self.save_now()
        super().done(result)
