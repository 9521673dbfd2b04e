"""The workshop header and the selected participant's card, both editable with the keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from atelier.domain import Participant, Workshop
from atelier.french import iso_date, long_date, typography
from atelier.ui.grid_model import GridModel
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.ui.match_panel import MatchPanel


class WorkshopHeader(QWidget):
    """Title, date, place, organiser, contact, themes: each saved when the field is left."""

    # A value that cannot be saved as typed: said in the status bar, the field keeps the
    # text and is outlined, nothing modal interrupts the typing.
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: GridModel | None = None
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        self.title = QLineEdit(self)
        self.title.setObjectName("workshopTitle")
        self.title.setPlaceholderText(tr("Titre de l'atelier"))
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setFrame(False)
        self.date = QLineEdit(self)
        self.date.setObjectName("workshopDate")
        self.date.setPlaceholderText(tr("jj/mm/aaaa"))
        self.date.setToolTip(tr("Par exemple 23/11/2026, 23/11/26, 23 novembre 2026 ou 2026-11-23"))
        self.date.setMinimumWidth(150)
        self.date.setMaximumWidth(190)
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(tr("Lieu"))
        self.organiser = QLineEdit(self)
        self.organiser.setPlaceholderText(tr("Organisateur"))
        self.contact = QLineEdit(self)
        self.contact.setObjectName("workshopContact")
        self.contact.setPlaceholderText(tr("Nom, téléphone, courriel : imprimé dans le compte rendu"))
        self.themes = QLineEdit(self)
        self.themes.setPlaceholderText(tr("Thèmes, séparés par des virgules"))
        # Two rows that fit 1366 pixels: the title with the date and place, then who organises
        # and the themes. Each field keeps room for what it holds.
        rows: list[list[tuple[str | None, QLineEdit, int]]] = [
            [(None, self.title, 5), (tr("Dat&e :"), self.date, 0), (tr("&Lieu :"), self.place, 2)],
            [
                (tr("&Organisateur :"), self.organiser, 2),
                (tr("Contact de l'or&ganisateur :"), self.contact, 3),
                (tr("T&hèmes :"), self.themes, 2),
            ],
        ]
        for number, row in enumerate(rows):
            line = QHBoxLayout()
            line.setSpacing(8)
            for label, field, stretch in row:
                if label is not None:
                    caption = QLabel(label, self)
                    caption.setBuddy(field)
                    line.addWidget(caption)
                line.addWidget(field, stretch)
            layout.addLayout(line, number, 0)
        for field in (self.title, self.date, self.place, self.organiser, self.contact, self.themes):
            field.editingFinished.connect(self._commit)

    def _fields(self) -> tuple[QLineEdit, ...]:
        return (self.title, self.date, self.place, self.organiser, self.contact, self.themes)

    def set_model(self, model: GridModel | None) -> None:
        self.model = model
        self.refresh()
        readonly = model is None or model.store.readonly
        for field in self._fields():
            field.setReadOnly(readonly)
        self._look_read_only(model is not None and model.store.readonly)

    def _look_read_only(self, readonly: bool) -> None:
        """A file that cannot be written: its title, date, place… as text on the window, not
        as white framed boxes inviting typing (nor their placeholders, « Lieu »…); typing in
        one says why nothing is saved (`eventFilter`). Put back when the window can edit."""
        if readonly == bool(self.property("readonlyLook")):
            return
        self.setProperty("readonlyLook", readonly)
        for field in self._fields():
            if readonly:
                field.setProperty("placeholder", field.placeholderText())
                field.setPlaceholderText("")
                palette = field.palette()
                palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
                field.setPalette(palette)
                field.installEventFilter(self)
            else:
                field.setPlaceholderText(str(field.property("placeholder") or ""))
                field.setPalette(QPalette())
                field.removeEventFilter(self)
            if field is not self.title:  # the title has no frame anyway
                field.setFrame(not readonly)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and self.model is not None
            and self.model.store.readonly
            and isinstance(event, QKeyEvent)
            and would_edit(event)
        ):
            from atelier.ui.status import why_read_only

            self.notice.emit(why_read_only(self.model.store))
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        if self.model is None:
            for field in (self.title, self.date, self.place, self.organiser, self.contact, self.themes):
                field.clear()
            return
        workshop: Workshop = self.model.workshop()
        self.title.setText(workshop.title)
        self.date.setText(long_date(workshop.date))
        self._mark(self.date, False)
        self.place.setText(workshop.place)
        self.organiser.setText(workshop.organiser)
        self.contact.setText(workshop.contact)
        self.themes.setText(", ".join(workshop.themes))
        for field in (self.place, self.organiser, self.contact, self.themes):
            # The start of a long value shows (not its end), all of it on hover.
            field.setCursorPosition(0)
            field.setToolTip(field.text())

    def _commit(self) -> None:
        from atelier.ui import commands

        if self.model is None or self.model.store.readonly:
            return
        workshop = self.model.workshop()
        wanted = {
            "title": self.title.text().strip(),
            "date": self.date.text().strip() or None,
            "place": self.place.text().strip(),
            "organiser": self.organiser.text().strip(),
            "contact": self.contact.text().strip(),
            "themes": [t.strip() for t in self.themes.text().split(",") if t.strip()],
        }
        if not wanted["title"]:
            self.notice.emit(tr("Le titre de l'atelier ne peut pas être vide : il est remis."))
            self.title.setText(workshop.title)
            return
        typed_date = str(wanted["date"] or "")
        if typed_date:
            try:
                day = iso_date(typed_date)
            except ValueError:
                # Keep what was typed, so that it can be corrected rather than typed again.
                wanted["date"] = workshop.date
                self._mark(self.date, True)
                self.notice.emit(
                    typography(
                        tr(
                            "Date non reconnue : « {text} ». Écrivez par exemple 23/11/2026, "
                            "23 novembre 2026 ou 2026-11-23."
                        ).format(text=typed_date)
                    )
                )
            else:
                wanted["date"] = day
                refused = self._refused_date(workshop.id, day, workshop.date)
                self._mark(self.date, bool(refused))
                if refused:
                    # Kept as typed, to be corrected; the other fields are saved all the same.
                    wanted["date"] = workshop.date
                    self.notice.emit(refused)
                elif wanted["date"] == workshop.date:
                    self.date.setText(long_date(workshop.date))  # « 16/03/21 » reads « 16 mars 2021 »
        else:
            self._mark(self.date, False)
        changes = {k: v for k, v in wanted.items() if getattr(workshop, k) != v}
        if changes:
            commands.push(self.model, commands.EditWorkshop(self.model, changes))

    def _refused_date(self, workshop_id: str, day: str, current: str | None) -> str:
        """Why the workshop cannot take this date (its follow-up already recorded comes
        before it), or "" when it can."""
        from atelier.errors import AtelierError

        if self.model is None or day == current:
            return ""
        try:
            self.model.store.check_workshop_date(workshop_id, day)
        except AtelierError as refused:
            return refused.user_message()
        return ""

    @staticmethod
    def _mark(field: QLineEdit, wrong: bool) -> None:
        field.setProperty("wrong", wrong)
        sheet = "QLineEdit { border: 2px solid #b00020; }" if wrong else ""
        if field.styleSheet() != sheet:  # none at all until a value is refused
            field.setStyleSheet(sheet)

    @staticmethod
    def _marked(field: QLineEdit) -> bool:
        return bool(field.property("wrong"))


def would_edit(event: QKeyEvent) -> bool:
    """Whether a key pressed in a text field would change its text (a character, a deletion,
    a paste, a cut), not move in it or copy from it."""
    if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
        return True
    if event.matches(QKeySequence.StandardKey.Paste) or event.matches(QKeySequence.StandardKey.Cut):
        return True
    modifiers = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    return bool(event.text()) and event.text().isprintable() and modifiers == Qt.KeyboardModifier.NoModifier


class ParticipantPanel(QWidget):
    """The selected row as a card: fields to correct what the grid's cell split got wrong.

    Its lower part, the needs and who can help (`matches`), is made just after the window's
    first paint (`build_matches`), or at its first use if that comes sooner: that list, its
    module and Qt's types under it cost the window's opening a tenth of its time, for a part
    of the card that the matching (started after the first paint too) fills anyway. Until
    then its place in the card is kept, empty."""

    # The suggestion chosen in the match list (or none) changed.
    match_selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: GridModel | None = None
        self.participant_id: str | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("participantHeading")
        self.heading.setWordWrap(True)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        form = QFormLayout()
        self.names = QLineEdit(self)
        self.names.setPlaceholderText(tr("Prénom Nom ; Prénom Nom"))
        self.organisation = QLineEdit(self)
        self.territory = QLineEdit(self)
        self.role = QLineEdit(self)
        self.contact = QLineEdit(self)
        self.contact.setPlaceholderText(tr("courriel ou téléphone"))
        form.addRow(tr("Pe&rsonnes :"), self.names)
        form.addRow(tr("&Structure :"), self.organisation)
        form.addRow(tr("&Territoire :"), self.territory)
        form.addRow(tr("Fon&ction :"), self.role)
        form.addRow(tr("Co&ntact :"), self.contact)
        layout.addLayout(form)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.source)
        self._column = layout
        self._matches: MatchPanel | None = None
        self._matches_place = self._place_for_matches()
        layout.addWidget(self._matches_place, 1)
        for field in (self.names, self.organisation, self.territory, self.role, self.contact):
            field.editingFinished.connect(self._commit)
        self.show_participant(None)

    def set_model(self, model: GridModel | None) -> None:
        if self.model is not None:
            self.model.participant_changed.disconnect(self._changed)
        self.model = model
        if model is not None:
            model.participant_changed.connect(self._changed)
        if self._matches is not None:
            self._matches.set_model(model)
        self.show_participant(None)

    def _place_for_matches(self) -> QWidget:
        """The match list's place, empty, as wide as it will need: its three buttons, kept
        unseen, give the card the same narrowest width (else the dock widened when the list
        came, and the grid beside it reflowed its rows under the facilitator's eyes)."""
        place = QWidget(self)
        column = QVBoxLayout(place)
        column.setContentsMargins(0, 0, 0, 0)
        column.addStretch(1)
        buttons = QHBoxLayout()
        hidden = [QPushButton(text, place) for text in (tr("Confirmer"), tr("Écarter"), tr("À la main…"))]
        for button in hidden:
            buttons.addWidget(button)
        column.addLayout(buttons)
        # Measured while they count, then hidden: the size they hold (not through their size
        # policy's « retain size when hidden », whose Python type costs the first screen ~1 ms).
        place.setMinimumSize(column.sizeHint())
        for button in hidden:
            button.hide()
        return place

    @property
    def matches(self) -> MatchPanel:
        """The match list, made now if it was not yet."""
        if self._matches is None:
            self.build_matches()
        assert self._matches is not None
        return self._matches

    def build_matches(self) -> None:
        """Make the match list in its place, on the card's model and participant."""
        if self._matches is not None:
            return
        from atelier.ui.match_panel import MatchPanel

        matches = MatchPanel(self)
        matches.selection_changed.connect(self.match_selection_changed)
        self._column.replaceWidget(self._matches_place, matches)
        self._matches_place.deleteLater()
        self._matches = matches
        matches.set_model(self.model)
        matches.show_participant(self.participant_id)

    def current_match_id(self) -> str | None:
        """The suggestion chosen in the match list; none before the list is made."""
        return self._matches.current_match_id() if self._matches is not None else None

    def _changed(self, participant_id: str) -> None:
        if participant_id == self.participant_id:
            self.show_participant(participant_id)

    def show_participant(self, participant_id: str | None) -> None:
        fields = (self.names, self.organisation, self.territory, self.role, self.contact)
        if participant_id != self.participant_id and any(field.isModified() for field in fields):
            # Typed in the card, then another row chosen without leaving the field (Ctrl+N,
            # a suggestion's row): the typing goes to the participant it was typed for,
            # not overwritten by the next one's fields.
            self._commit()
        self.participant_id = participant_id
        participant: Participant | None = None
        if self.model is not None and participant_id is not None:
            row = self.model.row_of(participant_id)
            participant = self.model.participant_at(row) if row >= 0 else None
        enabled = participant is not None and self.model is not None and not self.model.store.readonly
        for field in (self.names, self.organisation, self.territory, self.role, self.contact):
            field.setEnabled(enabled)
        if participant is None or self.model is None:
            self.heading.setText(tr("Aucun participant sélectionné"))
            for field in (self.names, self.organisation, self.territory, self.role, self.contact):
                field.clear()
            self.source.clear()
            if self._matches is not None:
                self._matches.show_participant(None)
            return
        self.heading.setText(participant.display_name() or tr("Participant sans nom"))
        self.names.setText(" ; ".join(participant.names))
        self.organisation.setText(participant.organisation)
        self.territory.setText(participant.territory)
        self.role.setText(participant.role)
        self.contact.setText(participant.contact)
        for field in (self.names, self.organisation, self.territory, self.role, self.contact):
            # The start of a long value shows (« PETR Vallée de la… », not « …de la Dordogne »).
            field.setCursorPosition(0)
        self.source.setText(
            tr("Saisi : « {text} »").format(text=participant.source_text) if participant.source_text else ""
        )
        if self._matches is not None and self._matches.participant_id != participant.id:
            self._matches.show_participant(participant.id)

    def _commit(self) -> None:
        from atelier.ui import commands

        if self.model is None or self.participant_id is None or self.model.store.readonly:
            return
        row = self.model.row_of(self.participant_id)
        if row < 0:
            return
        current = self.model.participant_at(row)
        wanted = {
            "names": [n.strip() for n in self.names.text().split(";") if n.strip()],
            "organisation": self.organisation.text().strip(),
            "territory": self.territory.text().strip(),
            "role": self.role.text().strip(),
            "contact": self.contact.text().strip(),
        }
        changes = {k: v for k, v in wanted.items() if getattr(current, k) != v}
        if changes:
            commands.push(self.model, commands.EditParticipant(self.model, self.participant_id, changes))
