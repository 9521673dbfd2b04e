"""The workshop header and the selected participant's card, both editable with the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
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
from atelier.french import date_refused_said, iso_date, long_date
from atelier.ui.grid_model import GridModel
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.ui.commands import EditParticipant, EditWorkshop
    from atelier.ui.match_panel import MatchPanel


# A pause in typing this long saves what is typed (as in the minutes' synthesis editor).
SAVE_AFTER_MS = 400


class _Pauses(QObject):
    # A pause timer started: something typed waits, for SAVE_AFTER_MS, to be saved.
    started = Signal(QObject)
    # A participant cell typed in (a CellEditor): saved when it is left, not at a pause.
    held = Signal(QObject)
    # A wait is over: a pause timer ran out (its save follows), was stopped (the text written
    # at once, or put back), or its editor closed; a participant cell left or given up.
    ended = Signal(QObject)


PAUSES = _Pauses()


class PauseTimer(QTimer):
    """The pause after which a typing is saved (a header or card field, a grid cell, a note):
    while one runs, what the window shows is not yet in the file, and its window's status bar
    says « Enregistrement… », not « Enregistré » (MainWindow.typing_waits). It says when the
    wait starts and ends (PAUSES), so that no one has to watch it."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setSingleShot(True)
        self.setInterval(SAVE_AFTER_MS)
        self.timeout.connect(self._ended)
        if isinstance(parent, QWidget):  # an editor closed (Échap) leaves its timer running
            parent.installEventFilter(self)

    def start(self) -> None:  # type: ignore[override]  # Qt's name, always of SAVE_AFTER_MS
        super().start()
        PAUSES.started.emit(self)

    def stop(self) -> None:  # Qt's name
        waiting = self.isActive()
        super().stop()
        if waiting:
            self._ended()

    def _ended(self) -> None:
        PAUSES.ended.emit(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and self.isActive():
            self._ended()
        return False


class Typing(QObject):
    """The text fields of a panel, saved as they are typed in: after a short pause in the
    typing, and at once when the field is left (Tab, Entrée, another row, the window closed).

    From a field's first key to its leaving is one *typing*: its saves are one undo step (the
    commands merge, see commands.merge_typing), and the field is not read back from the file
    meanwhile (the cursor would jump, letters typed during the write would be lost).

    A save the file refuses (a full disk) is said once, not at each pause, until a save goes
    through; the field keeps what was typed, even once left (`unsaved`: not read back), and
    is saved again when typed in or left again.

    `save(field, left, typing)` writes what `field` holds; `left`: the field is being left
    (its refusals are said then, not at each pause); `typing`: the key its saves merge on."""

    # A save the file refused: a field now holds a text that is not in the file (ui/unsaved.py).
    refused = Signal()

    def __init__(
        self,
        parent: QObject,
        fields: tuple[QLineEdit, ...],
        save: Callable[[QLineEdit, bool, object], None],
        began: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._began = began
        self.field: QLineEdit | None = None  # typed in, not yet left
        self.writing: QLineEdit | None = None  # being written by its panel: not read back now
        self.unsaved: set[QLineEdit] = set()  # left with what the file refused: kept as typed
        self.quiet = False  # saved again by the window (ui/unsaved.py), which says the outcome
        self._count = 0
        self.timer = PauseTimer(self)
        self.timer.timeout.connect(self._pause)
        for field in fields:
            field.textEdited.connect(lambda _text, field=field: self._typed(field))
            field.editingFinished.connect(lambda field=field: self.leave(field))
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A field left holding what the file refused, left again (Qt says nothing of a
        field left unchanged): saved again, once the keyboard has gone on."""
        if event.type() == QEvent.Type.FocusOut and watched in self.unsaved:
            QTimer.singleShot(0, self, lambda field=watched: self._again(field))
        return super().eventFilter(watched, event)

    def _again(self, field: QObject) -> None:
        if isinstance(field, QLineEdit) and field in self.unsaved and field is not self.field:
            self.leave(field)

    def key(self, field: QLineEdit) -> object:
        return (id(self), self._count, field.objectName() or id(field))

    def _typed(self, field: QLineEdit) -> None:
        if self.field is not None and self.field is not field:
            self.leave(self.field)
        if self.field is None and self._began is not None:
            self._began()
        self.field = field
        self.timer.start()

    def _pause(self) -> None:
        if self.field is not None:
            self._save(self.field, False, self.key(self.field))

    def leave(self, field: QLineEdit | None = None) -> None:
        """Save `field` (the field being typed in if none) now, and end its typing."""
        field = field or self.field
        if field is None:
            return
        key = self.key(field)
        if field is self.field:
            self.timer.stop()
            self.field = None
            self._count += 1
        self._save(field, True, key)

    def push(
        self, model: GridModel, field: QLineEdit, command: EditWorkshop | EditParticipant, typing: object
    ) -> bool:
        """Push `command`, the save of `field` in the typing `typing` (its saves merge into
        one undo step); the panel does not read `field` back from the file meanwhile. What
        the file refuses is said unless it is what it refused last, with no save since: a
        full disk is said once, not at each pause of the typing."""
        from atelier.ui import commands

        command.typing = typing
        self.writing = field
        try:
            refused = commands.attempt(model, command)
        finally:
            self.writing = None
        if refused is None:
            self.unsaved.discard(field)
            return True
        self.unsaved.add(field)
        self.refused.emit()
        if refused != model.typing_refused:
            model.typing_refused = refused
            if not self.quiet:
                model.failed.emit(refused)
        return False

    def settled(self, field: QLineEdit) -> None:
        """`field` holds what the file holds: nothing of it waits to be saved."""
        self.unsaved.discard(field)

    def reads(self, field: QLineEdit) -> bool:
        """Whether `field` may show the file's value now: not while typed in or written, nor
        while it holds what the file refused."""
        return field is not self.field and field is not self.writing and field not in self.unsaved

    def forget(self) -> None:
        """What is being typed is not to be written (the panel shows another file, workshop
        or participant)."""
        self.timer.stop()
        self.field = None
        self.unsaved.clear()
        self._count += 1


class WorkshopHeader(QWidget):
    """Title, date, place, organiser, contact, themes: each saved as it is typed (`Typing`)."""

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
        for field, name in zip(
            self._fields(), ("title", "date", "place", "organiser", "contact", "themes"), strict=True
        ):
            field.setProperty("workshopField", name)
        self.typing = Typing(self, self._fields(), self._save, self._began)
        # The workshop as it was when the typing began: a title emptied or a date that is none
        # leaves the file with the value before the typing, not with one typed on the way.
        self._before: Workshop | None = None
        self._typed_in: str | None = None  # the workshop the typing is in
        # Texts the file refused, typed for workshops of the file no longer shown, by
        # (workshop, field): shown again with them, saved when the file takes them.
        self.pending: dict[tuple[str, str], str] = {}

    def saving(self) -> bool:
        """Whether some typing waits for its pause to be saved."""
        return self.typing.timer.isActive()

    def _began(self) -> None:
        if self.model is not None:
            self._before = self.model.workshop()
            self._typed_in = self._before.id

    def _fields(self) -> tuple[QLineEdit, ...]:
        return (self.title, self.date, self.place, self.organiser, self.contact, self.themes)

    def set_model(self, model: GridModel | None) -> None:
        self.typing.leave()  # what was being typed goes to the file it was typed for
        self.typing.forget()
        self.pending.clear()  # another file (asked about first when the window leaves it)
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
        """Show the workshop as the file holds it; not in the field being typed in (nor in
        the one this panel is saving: `_save` shows it)."""
        if self.model is None:
            for field in self._fields():
                field.clear()
            return
        workshop: Workshop = self.model.workshop()
        if (self.typing.field is not None or self.typing.unsaved) and self._typed_in != workshop.id:
            if self._typed_in is not None:  # what the file refused: kept for its workshop
                for field in self.typing.unsaved:
                    self.pending[(self._typed_in, str(field.property("workshopField")))] = field.text()
            self.typing.forget()  # another workshop shown: not to be written into it, nor shown
        for field in self._fields():
            kept = self.pending.pop((workshop.id, str(field.property("workshopField"))), None)
            if kept is not None:  # typed for it, refused by the file: shown again, as typed
                field.setText(kept)
                self.typing.unsaved.add(field)
                self._typed_in = workshop.id
            elif self.typing.reads(field):
                self._show(field, workshop)

    def save_pending(self) -> None:
        """The texts kept for workshops no longer shown, saved again (saying nothing: the
        status bar says how many wait); a workshop gone meanwhile takes its own along."""
        from atelier.errors import AtelierError
        from atelier.ui import commands

        if self.model is None or self.model.store.readonly:
            return
        for (workshop_id, name), text in list(self.pending.items()):
            try:
                workshop = self.model.store.workshop(workshop_id)
            except AtelierError:
                del self.pending[(workshop_id, name)]
                continue
            value = self._value(name, text.strip(), workshop)
            command = commands.EditWorkshop(self.model, {name: value}, workshop_id)
            if getattr(workshop, name) == value or commands.attempt(self.model, command) is None:
                del self.pending[(workshop_id, name)]

    def _value(self, name: str, text: str, workshop: Workshop) -> object:
        """What the field `name` holding `text` writes to `workshop` (as `_save` writes it)."""
        if name == "title":
            return text or workshop.title
        if name == "date":
            return self._date_wanted(text, workshop.id, workshop.date)[0]
        if name == "themes":
            return [t.strip() for t in text.split(",") if t.strip()]
        return text

    def _show(self, field: QLineEdit, workshop: Workshop) -> None:
        """One field showing the workshop's value as saved."""
        name = str(field.property("workshopField"))
        if name == "date":
            field.setText(long_date(workshop.date))
            self._mark(field, False)
        elif name == "themes":
            field.setText(", ".join(workshop.themes))
        else:
            field.setText(str(getattr(workshop, name)))
        # The start of a long value shows (not its end: what names a workshop is the start of
        # its title), all of it on hover.
        field.setCursorPosition(0)
        if field is not self.date:  # the date keeps its tooltip saying how to type one
            field.setToolTip(field.text())

    def _save(self, field: QLineEdit, left: bool, typing: object) -> None:
        """Write what `field` holds (at a pause in its typing, or as it is left). A title
        emptied or a date that is none is not written: the file keeps the value it had before
        the typing, and this is said when the field is left (then the title is put back, the
        date kept as typed, outlined, to be corrected)."""
        from atelier.ui import commands

        if self.model is None or self.model.store.readonly:
            return
        workshop = self.model.workshop()
        if self._typed_in != workshop.id:
            self._before = None  # typed for another workshop than the one shown now: not written
            return
        before = self._before or workshop
        name = str(field.property("workshopField"))
        text = field.text().strip()
        value: object
        said = ""
        if name == "title":
            value = text or before.title
            if not text and left:
                said = tr("Le titre de l'atelier ne peut pas être vide : il est remis.")
        elif name == "date":
            value, said = self._date_wanted(text, workshop.id, before.date)
            if not left:
                said = ""
        elif name == "themes":
            value = [t.strip() for t in text.split(",") if t.strip()]
        else:
            value = text
        if getattr(workshop, name) == value:
            self.typing.settled(field)
        elif not self.typing.push(
            self.model, field, commands.EditWorkshop(self.model, {name: value}), typing
        ):
            return  # refused (a full disk, said): the field keeps what was typed
        if not left:
            return
        self._before = None
        workshop = self.model.workshop()
        if name == "date" and text:
            self._mark(field, bool(said))  # kept as typed, to be corrected
            if not said:
                field.setText(long_date(workshop.date))  # « 16/03/21 » reads « 16 mars 2021 »
                said = self._retitle(before, typing)
        else:
            self._show(field, workshop)
        if said:
            self.notice.emit(said)

    def _retitle(self, before: Workshop, typing: object) -> str:
        """A title that said the workshop's day (« Atelier du 16 mars 2021 ») once another is
        typed in the date: without it (`title_redated`), as the command line's --date makes
        it, in the date's undo step; what is said of it ("" when the title stays)."""
        from atelier.importers import title_redated
        from atelier.ui import commands

        assert self.model is not None
        workshop = self.model.workshop()
        title = title_redated(workshop.title, before.date, workshop.date)
        if title is None or title == workshop.title:
            return ""
        if not self.typing.push(
            self.model, self.title, commands.EditWorkshop(self.model, {"title": title}), typing
        ):
            return ""
        self._show(self.title, self.model.workshop())
        return tr("Nouveau titre « {title} » : il disait le {day}, que la nouvelle date remplace.").format(
            title=title, day=long_date(before.date)
        )

    def _date_wanted(self, text: str, workshop_id: str, before: str | None) -> tuple[str | None, str]:
        """The date to write for the date field's text, and why it is not the one typed
        ("" when it is): a date that is none, or one the follow-up refuses, is `before`."""
        if not text:
            return None, ""
        try:
            day = iso_date(text)
        except ValueError as error:  # said as the command line says it
            return before, date_refused_said(text, error)
        refused = self._refused_date(workshop_id, day, before)
        return (before, refused) if refused else (day, "")

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
    # An edit made by one key, to say in the status bar with how to undo it.
    said = Signal(str)
    # What to do instead of a key that could do nothing here (the match list's), for the status bar.
    hinted = Signal(str)

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
        # A cell not read for sure (a person's name read into the structure): what to check,
        # above the fields that correct it; hidden for every other row.
        self.to_check = QLabel(self)
        self.to_check.setObjectName("participantToCheck")
        self.to_check.setWordWrap(True)
        self.to_check.setToolTip(
            tr("La marque « à vérifier » s'en va quand les champs de la fiche sont corrigés.")
        )
        self.to_check.hide()
        layout.addWidget(self.to_check)
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
        self._form = form
        # GDPR: a participant who does not want to appear in the directory across workshops.
        # Their own workshop (grid, minutes, fiches) keeps them: that is for the room.
        self.unlisted = QCheckBox(tr("Ne pas pu&blier dans le répertoire"), self)
        self.unlisted.setObjectName("participantUnlisted")
        self.unlisted.setToolTip(
            tr(
                "À sa demande : absent du répertoire de tous les ateliers, de ses exports et des "
                "rapprochements avec les autres ateliers ; le compte rendu de son atelier le garde."
            )
        )
        self.unlisted.clicked.connect(self._unlisted_clicked)
        layout.addWidget(self.unlisted)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.source)
        self._column = layout
        self._matches: MatchPanel | None = None
        self._matches_place = self._place_for_matches()
        layout.addWidget(self._matches_place, 1)
        for field, name in zip(
            self._fields(), ("names", "organisation", "territory", "role", "contact"), strict=True
        ):
            field.setProperty("participantField", name)
        self.typing = Typing(self, self._fields(), self._save, self._began)
        self._typed_for: str | None = None  # the participant the typing is for
        # Texts the file refused, typed for participants the card no longer shows, by
        # (participant, field): shown again with them, saved when the file takes them.
        self.pending: dict[tuple[str, str], str] = {}
        self.show_participant(None)

    def _fields(self) -> tuple[QLineEdit, ...]:
        return (self.names, self.organisation, self.territory, self.role, self.contact)

    def saving(self) -> bool:
        """Whether some typing waits for its pause to be saved."""
        return self.typing.timer.isActive()

    def set_model(self, model: GridModel | None) -> None:
        self.typing.leave()  # what was being typed goes to the file it was typed for
        self.typing.forget()
        self.pending.clear()  # another file (asked about first when the window closes)
        if self.model is not None:
            self.model.participant_changed.disconnect(self._changed)
            self.model.marks_read.disconnect(self._marks_read)
        self.model = model
        if model is not None:
            model.participant_changed.connect(self._changed)
            model.marks_read.connect(self._marks_read)
        if self._matches is not None:
            self._matches.set_model(model)
        self.show_participant(None)

    def fields(self) -> list[tuple[str, QLineEdit]]:
        """Each field of the card with its label as shown (« Pe&rsonnes : »: Alt+R reaches it)."""
        found = []
        for field in (self.names, self.organisation, self.territory, self.role, self.contact):
            label = self._form.labelForField(field)
            found.append((label.text() if isinstance(label, QLabel) else "", field))
        return found

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
        matches.said.connect(self.said)
        matches.hinted.connect(self.hinted)
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

    def _marks_read(self) -> None:
        self._show_to_check()

    def _show_to_check(self) -> None:
        """« ⚠ À vérifier : … » above the fields, for a participant whose cell was read unsure."""
        said = ""
        if self.model is not None and self.participant_id is not None:
            row = self.model.row_of(self.participant_id)
            said = self.model.to_check(self.model.participant_at(row)) if row >= 0 else ""
        self.to_check.setText(f"⚠ {said}" if said else "")
        self.to_check.setVisible(bool(said))

    def show_participant(self, participant_id: str | None) -> None:
        if participant_id != self.participant_id:
            # Typed in the card, then another row chosen without leaving the field (Ctrl+N,
            # a suggestion's row): the typing goes to the participant it was typed for,
            # not overwritten by the next one's fields.
            self.typing.leave()
            self._keep_refused()
            self.typing.forget()
        self.participant_id = participant_id
        participant: Participant | None = None
        if self.model is not None and participant_id is not None:
            row = self.model.row_of(participant_id)
            participant = self.model.participant_at(row) if row >= 0 else None
        enabled = participant is not None and self.model is not None and not self.model.store.readonly
        for field in (self.names, self.organisation, self.territory, self.role, self.contact):
            field.setEnabled(enabled)
        self.unlisted.setEnabled(enabled)
        self.unlisted.setChecked(participant is not None and participant.unlisted)
        self._show_to_check()
        if participant is None or self.model is None:
            self.heading.setText(tr("Aucun participant sélectionné"))
            for field in (self.names, self.organisation, self.territory, self.role, self.contact):
                field.clear()
            self.source.clear()
            if self._matches is not None:
                self._matches.show_participant(None)
            return
        self.heading.setText(participant.display_name() or tr("Participant sans nom"))
        for field in self._fields():
            kept = self.pending.pop((participant.id, str(field.property("participantField"))), None)
            if kept is not None:  # typed for them, refused by the file: shown again, as typed
                field.setText(kept)
                self.typing.unsaved.add(field)
                self._typed_for = participant.id
            # Not the field being typed in: read back under the typing, its cursor would jump
            # and the letters typed meanwhile would be lost.
            elif self.typing.reads(field):
                self._show(field, participant)
        self.source.setText(
            tr("Saisi : « {text} »").format(text=participant.source_text) if participant.source_text else ""
        )
        if self._matches is not None and self._matches.participant_id != participant.id:
            self._matches.show_participant(participant.id)

    def _unlisted_clicked(self, checked: bool) -> None:
        """« Ne pas publier dans le répertoire » ticked or unticked: one undoable edit, said."""
        from atelier.ui import commands

        participant_id = self.participant_id
        if self.model is None or participant_id is None or self.model.store.readonly:
            return
        row = self.model.row_of(participant_id)
        if row < 0:
            return
        participant = self.model.participant_at(row)
        if participant.unlisted == checked:
            return
        who = participant.display_name() or tr("ligne {n}").format(n=row + 1)
        label = (
            tr("Ne pas publier « {who} » dans le répertoire")
            if checked
            else tr("Publier « {who} » dans le répertoire")
        ).format(who=who)
        # The person's consent, not one workshop's: their rows in the file's other workshops too.
        from atelier.matching.across import same_person_elsewhere

        elsewhere = [p for p in same_person_elsewhere(self.model.store, participant) if p.unlisted != checked]
        values = {participant_id: checked, **{p.id: checked for p in elsewhere}}
        command = commands.SetUnlisted(self.model, values, label)
        if not commands.push(self.model, command):
            self.unlisted.setChecked(participant.unlisted)  # refused (said): as the file has it
            return
        workshops = len({p.workshop_id for p in elsewhere})
        if not workshops:
            text = (
                tr("Participant « {who} » retiré du répertoire — Ctrl+Z pour annuler")
                if checked
                else tr("Participant « {who} » publié de nouveau dans le répertoire — Ctrl+Z pour annuler")
            )
        elif checked:
            text = (
                tr(
                    "Participant « {who} » retiré du répertoire, ici et dans {n} autre atelier du fichier — "
                    "Ctrl+Z pour annuler"
                )
                if workshops == 1
                else tr(
                    "Participant « {who} » retiré du répertoire, ici et dans {n} autres ateliers du fichier "
                    "— Ctrl+Z pour annuler"
                )
            )
        else:
            text = (
                tr(
                    "Participant « {who} » publié de nouveau dans le répertoire, ici et dans {n} autre "
                    "atelier du fichier — Ctrl+Z pour annuler"
                )
                if workshops == 1
                else tr(
                    "Participant « {who} » publié de nouveau dans le répertoire, ici et dans {n} autres "
                    "ateliers du fichier — Ctrl+Z pour annuler"
                )
            )
        self.said.emit(text.format(who=who, n=workshops))

    def _keep_refused(self) -> None:
        """The card goes to another participant (or none) while fields hold texts the file
        refused (a full disk): each is kept for the participant it was typed for, shown again
        with them, saved by `save_pending` (ui/unsaved.py) once the file takes it."""
        if self._typed_for is None:
            return
        for field in self.typing.unsaved:
            self.pending[(self._typed_for, str(field.property("participantField")))] = field.text()

    def save_pending(self) -> None:
        """The texts kept for participants no longer shown, saved again (saying nothing: the
        status bar says how many wait); a participant gone meanwhile takes theirs along."""
        from atelier.ui import commands

        if self.model is None or self.model.store.readonly:
            return
        for (participant_id, name), text in list(self.pending.items()):
            row = self.model.row_of(participant_id)
            if row < 0:
                del self.pending[(participant_id, name)]
                continue
            current = self.model.participant_at(row)
            value = _card_value(name, text)
            command = commands.EditParticipant(self.model, participant_id, {name: value})
            if getattr(current, name) == value or commands.attempt(self.model, command) is None:
                del self.pending[(participant_id, name)]

    @staticmethod
    def _show(field: QLineEdit, participant: Participant) -> None:
        name = str(field.property("participantField"))
        value = getattr(participant, name)
        field.setText(" ; ".join(value) if name == "names" else str(value))
        # The start of a long value shows (« PETR Vallée de la… », not « …de la Dordogne »).
        field.setCursorPosition(0)

    def _began(self) -> None:
        self._typed_for = self.participant_id

    def _save(self, field: QLineEdit, left: bool, typing: object) -> None:
        """Write what `field` holds, for the participant it was typed for (at a pause in the
        typing, or as the field is left)."""
        from atelier.ui import commands

        participant_id = self._typed_for if self.typing.field is field or left else None
        if self.model is None or participant_id is None or self.model.store.readonly:
            return
        if participant_id != self.participant_id:
            return  # the card shows someone else now: its fields are not theirs
        row = self.model.row_of(participant_id)
        if row < 0:
            return
        current = self.model.participant_at(row)
        name = str(field.property("participantField"))
        value = _card_value(name, field.text())
        if getattr(current, name) == value:
            self.typing.settled(field)
        else:
            command = commands.EditParticipant(self.model, participant_id, {name: value})
            if not self.typing.push(self.model, field, command, typing):
                return  # refused (a full disk, said): the field keeps what was typed
        if left and self.model.row_of(participant_id) >= 0:
            self._show(field, self.model.participant_at(self.model.row_of(participant_id)))


def _card_value(name: str, text: str) -> object:
    """What a card's field holds, as the participant keeps it."""
    return [n.strip() for n in text.split(";") if n.strip()] if name == "names" else text.strip()
