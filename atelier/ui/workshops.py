"""Several workshops in one file: the switcher above the grid, and adding, importing,
renaming and deleting a workshop, each one undoable step on the file's undo stack."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QWidget

from atelier.domain import Item, Participant, Workshop
from atelier.french import count, long_date, typography, without_quotes
from atelier.store import WorkshopSnapshot
from atelier.ui.commands import GridCommand, follow_up_said, push, push_written
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from atelier.importers import GridPlan
    from atelier.ui.grid_model import GridModel


def label_words() -> tuple[str, str, str, str]:
    """The words of every workshop's label, in the window's language, and that language."""
    from atelier.i18n import current_language

    return tr("sans date"), tr("participant"), tr("participants"), current_language()


def workshop_label(
    workshop: Workshop,
    participants: int | None = None,
    words: tuple[str, str, str, str] | None = None,
    away: int = 0,
) -> str:
    """« 16 mars 2021 — Atelier du 16 mars 2021 · 24 participants », and « (dont 2 excusés ou
    absents) » when `away` of them were not in the room. `words` (label_words()):
    translated once for a list of them (a decade's 300 workshops took 90 ms, each label
    translating and setting its three words in French typography again)."""
    no_date, one, many, lang = words or label_words()
    when = long_date(workshop.date, lang) if workshop.date else no_date
    text = f"{when} — {workshop.title}"
    if participants is not None:
        text += " · " + count(participants, one, many, lang)
        if away:  # « (dont 2 excusés ou absents) », as `atelier ateliers` says it: not in the room
            text += " " + tr("(dont {away})").format(
                away=count(away, tr("excusé ou absent"), tr("excusés ou absents"), lang)
            )
    return text


class WorkshopSwitcher(QWidget):
    """« Atelier : [16 mars 2021 — Atelier du 16 mars 2021 · 22 participants ▾] » above the grid."""

    chosen = Signal(str)  # a workshop id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: GridModel | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(tr("Atelier du fichier :"), self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("workshopSwitcher")
        self.combo.setMinimumContentsLength(40)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setToolTip(tr("Les ateliers de ce fichier (Ctrl+Maj+A pour en changer)"))
        self.caption.setBuddy(self.combo)
        self.count = QLabel(self)
        self.count.setObjectName("workshopCount")
        layout.addWidget(self.caption)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.count)
        self._filling = False
        self.combo.activated.connect(self._activated)

    def set_model(self, model: GridModel | None) -> None:
        if self.model is not None:
            for signal in (self.model.workshop_changed, self.model.content_replaced):
                signal.disconnect(self.refresh)
            for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.dataChanged):
                signal.disconnect(self._count_changed)
        self.model = model
        if model is not None:
            model.workshop_changed.connect(self.refresh)
            model.content_replaced.connect(self.refresh)
            # A participant typed, deleted, or either undone: the count follows at once; so
            # does a second person typed on a row (people are counted, as the minutes do).
            model.rowsInserted.connect(self._count_changed)
            model.rowsRemoved.connect(self._count_changed)
            model.dataChanged.connect(self._count_changed)
        self.refresh()

    def _count_changed(self, *_args: object) -> None:
        """Only the shown workshop's line changes: its participants are the people the grid's
        rows name (« Cécile BECHON et Ghislaine Paparemborde » are two, as in the minutes)."""
        from atelier.domain import people_of

        model = self.model
        index = self.combo.currentIndex()
        if model is None or index < 0 or self.combo.itemData(index) != model.workshop_id:
            return
        rows = [model.participant_at(row) for row in range(model.rowCount())]
        people = sum(people_of(p) for p in rows)
        label = workshop_label(model.workshop(), people, away=sum(1 for p in rows if p.away()))
        if self.combo.itemText(index) != label:
            self.combo.setItemText(index, label)

    def refresh(self) -> None:
        self._filling = True
        self.combo.clear()
        model = self.model
        if model is not None:
            counts = model.store.people_counts()  # as the minutes count them
            workshops = model.store.workshops()
            words = label_words()
            away = model.store.away_counts()
            for workshop in workshops:
                label = workshop_label(workshop, counts.get(workshop.id, 0), words, away.get(workshop.id, 0))
                self.combo.addItem(label, workshop.id)
            self.combo.setCurrentIndex(self.combo.findData(model.workshop_id))
            self.count.setText(
                count(len(workshops), tr("atelier dans ce fichier"), tr("ateliers dans ce fichier"))
            )
        self._filling = False

    def show_current(self) -> None:
        """The list back on the workshop the grid shows (another chosen, not shown)."""
        if self.model is not None:
            self._filling = True
            self.combo.setCurrentIndex(self.combo.findData(self.model.workshop_id))
            self._filling = False

    def _activated(self, index: int) -> None:
        if self._filling or index < 0:
            return
        workshop_id = self.combo.itemData(index)
        if self.model is not None and workshop_id != self.model.workshop_id:
            self.chosen.emit(workshop_id)

    def open(self) -> None:
        """Ctrl+Maj+A: the list drops down, the keyboard in it (arrows, first letters, Entrée)."""
        self.combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.combo.showPopup()


class AddWorkshop(GridCommand):
    """A new workshop in the file (empty, or an imported grid); undo removes it whole."""

    def __init__(
        self,
        model: GridModel,
        workshop: Workshop,
        rows: Sequence[tuple[Participant, Sequence[Item]]] = (),
        label: str | None = None,
    ) -> None:
        super().__init__(
            model, label or tr("Ajouter l'atelier « {title} »").format(title=without_quotes(workshop.title))
        )
        self.workshop_id = None  # switches itself
        self.workshop = workshop
        self.rows = list(rows)
        self.previous = model.workshop_id
        self.snapshot: WorkshopSnapshot | None = None

    def apply(self) -> None:
        store = self.model.store
        if self.snapshot is None:
            store.add_workshop_with_grid(self.workshop, self.rows)
        else:
            store.restore_workshop(self.snapshot)
        self.written()

    def written(self) -> None:
        """The workshop is in the file (here, or written off the UI thread): the grid shows it."""
        self.model.set_workshop(self.workshop.id)
        self.model.saved.emit(datetime.now())

    def revert(self) -> None:
        self.snapshot = self.model.store.delete_workshop(self.workshop.id)
        self.model.set_workshop(self._still_there(self.previous))
        # Its offers leave the suggestions of the workshop shown, which may not have switched
        # (undone from it): « Qui peut aider ? » no longer names them (as DeleteWorkshop).
        self.model.matches_changed.emit()
        self.model.saved.emit(datetime.now())

    def _still_there(self, wanted: str) -> str:
        known = [w.id for w in self.model.store.workshops()]
        return wanted if wanted in known else known[0]


class AddWorkshops(GridCommand):
    """Several new workshops, each with its grid (a document of a table or a sheet per
    session), written off the UI thread; undo removes them all, redo puts them back."""

    def __init__(self, model: GridModel, workshops: Sequence[Workshop], label: str) -> None:
        super().__init__(model, label)
        self.workshop_id = None  # switches itself
        self.workshops = list(workshops)
        self.previous = model.workshop_id
        self.snapshots: list[WorkshopSnapshot] = []

    def apply(self) -> None:  # redone: they come back whole
        for snapshot in self.snapshots:
            self.model.store.restore_workshop(snapshot)
        self.snapshots = []
        self.written()

    def written(self) -> None:
        self.model.set_workshop(self.workshops[-1].id)
        self.model.matches_changed.emit()
        self.model.saved.emit(datetime.now())

    def revert(self) -> None:
        self.snapshots = [self.model.store.delete_workshop(w.id) for w in self.workshops]
        known = [w.id for w in self.model.store.workshops()]
        self.model.set_workshop(self.previous if self.previous in known else known[0])
        self.model.matches_changed.emit()
        self.model.saved.emit(datetime.now())


class DeleteWorkshop(GridCommand):
    """Remove a workshop and all of it; undo puts everything back with the same ids."""

    def __init__(self, model: GridModel, workshop: Workshop) -> None:
        super().__init__(
            model, tr("Supprimer l'atelier « {title} »").format(title=without_quotes(workshop.title))
        )
        self.workshop_id = None  # switches itself
        self.workshop = workshop
        self.snapshot: WorkshopSnapshot | None = None

    def apply(self) -> None:
        store = self.model.store
        others = [w.id for w in store.workshops() if w.id != self.workshop.id]
        self.snapshot = store.delete_workshop(self.workshop.id)
        if self.model.workshop_id == self.workshop.id:
            self.model.set_workshop(others[0])
        else:
            self.model.workshop_changed.emit()
        self.model.matches_changed.emit()
        self.model.saved.emit(datetime.now())

    def revert(self) -> None:
        assert self.snapshot is not None
        self.model.store.restore_workshop(self.snapshot)
        self.model.set_workshop(self.workshop.id)
        self.model.matches_changed.emit()
        self.model.saved.emit(datetime.now())


def what_goes(counts: tuple[int, int, int, int]) -> str:
    """« 22 participants, 155 éléments, 0 mise en relation décidée » (confirmed or added by hand,
    whatever their follow-up, as `atelier info` counts them), and the follow-ups of other
    workshops whose helper was one of its participants, which go with it too."""
    participants, items, decided, elsewhere = counts
    parts = [
        count(participants, tr("participant"), tr("participants")),
        count(items, tr("élément"), tr("éléments")),
        count(decided, tr("mise en relation décidée"), tr("mises en relation décidées")),
    ]
    if elsewhere:
        parts.append(
            count(
                elsewhere,
                tr("mise en relation décidée d'un autre atelier avec ses participants"),
                tr("mises en relation décidées d'autres ateliers avec ses participants"),
            )
        )
    return ", ".join(parts)


def new_workshop(window: Any, title: str | None = None) -> bool:
    """A new, empty workshop in the open file, dated today; the title ready to type."""
    model = window.model
    if model is None or model.store.readonly:
        return False
    window.commit_open_editors()
    workshop = Workshop(title=title or tr("Nouvel atelier"), date=date.today().isoformat())
    if not push(model, AddWorkshop(model, workshop)):
        return False
    window.show_page("grid")
    window.header.title.setFocus(Qt.FocusReason.ShortcutFocusReason)
    window.header.title.selectAll()
    return True


def import_as_workshop(
    window: Any, source: Path | None = None, *, dialog_hook: Any = None, asked: Any = None
) -> bool:
    """A past grid (Word, Excel, CSV) as a new workshop of this file, for the directory.
    `asked`: the import dialog and the grid it read, when they were asked already (a re-import
    of another workshop's grid, brought here instead)."""
    from atelier.importers import entries_as_rows, kept_out_again, title_of_file
    from atelier.matching.across import same_people_again
    from atelier.ui.operations import ready_to_write, widget
    from atelier.ui.operations.files import upgrade_said
    from atelier.ui.operations.grids import BackgroundWrite, ask_for_grid

    model: GridModel | None = window.model
    if model is None or model.store.readonly:
        return False
    window.commit_open_editors()
    title = tr("Importer une grille comme nouvel atelier de ce fichier")
    asked = asked or ask_for_grid(window, source, title, dialog_hook)
    if asked is None:
        return False
    dialog, plan = asked
    source = dialog.source
    if plan.sessions:
        return _import_sessions(window, model, plan, source, title)
    fields = dialog.workshop_fields()
    named = title_of_file(source)  # as the command line titles it: one line, trimmed
    workshop = Workshop(
        title=(fields.get("title") or plan.title or named).strip() or named,
        date=fields.get("date") or plan.date,
        place=fields.get("place") or plan.place,
        organiser=plan.organiser,
        contact=plan.contact,
        description=fields.get("description") or plan.description or "",
    )
    there = model.store.same_workshop(workshop.title, workshop.date)
    if there is not None:  # the same grid twice: the directory could not tell the two apart
        from PySide6.QtWidgets import QMessageBox

        when = tr("du {date}").format(date=long_date(there.date)) if there.date else tr("(sans date)")
        QMessageBox.warning(
            widget(window),
            title,
            tr(
                "Ce fichier contient déjà l'atelier « {title} » {when} : la grille n'a pas été ajoutée "
                "une deuxième fois. Pour mettre cet atelier à jour avec elle : Fichier › Réimporter la "
                "grille dans cet atelier… ; pour l'ajouter comme un autre atelier, donnez-lui un autre "
                "titre ou une autre date dans la fenêtre d'import."
            ).format(title=without_quotes(there.title), when=when),
        )
        return False
    label = tr("Importer « {name} » comme nouvel atelier").format(name=source.name)
    store = model.store
    if not ready_to_write(window, store, title):
        return False
    command = AddWorkshop(model, workshop, [], label)

    kept: list[tuple[str, str]] = []

    def work(step: Callable[[int, int], None]) -> Workshop:
        # On a thread of its own, through a connection of its own, in one transaction.
        with store.twin() as twin:
            rows = entries_as_rows(plan, workshop.id)
            kept.extend(kept_out_again(twin, rows, same_people_again))  # their opt-out stands
            return twin.add_workshop_with_grid(workshop, rows, step)

    writing: BackgroundWrite[Workshop] = BackgroundWrite(work, into_open_file=True)
    if writing.run(window, title, tr("Écriture de « {name} »…").format(name=workshop.title)) is None:
        return False
    upgraded = upgrade_said(store)  # an older file written at today's format with the grid
    command.written()
    push_written(model, command)
    window.show_page("grid")
    said = [
        tr("« {name} » reste hors du répertoire, à sa demande (comme « {was} » dans le fichier).").format(
            name=name, was=was
        )
        for name, was in kept
    ]
    if said or upgraded:  # said after the page is shown: its own status line would cover it
        window.show_status(" ".join([*said, upgraded]).strip())
    return True


def _import_sessions(window: Any, model: GridModel, plan: GridPlan, source: Path, title: str) -> bool:
    """A document of several workshops as new workshops of this file: each one the file does
    not hold yet (by title and date), in one transaction, one step to undo; those it holds
    already are left as they are, and said."""
    from PySide6.QtWidgets import QMessageBox

    from atelier.importers import (
        entries_as_rows,
        kept_out_again,
        session_said,
        sessions_listed,
        title_of_file,
    )
    from atelier.matching.across import same_people_again
    from atelier.ui.operations import ready_to_write, widget
    from atelier.ui.operations.files import upgrade_said
    from atelier.ui.operations.grids import BackgroundWrite

    store = model.store
    named = title_of_file(source)
    planned = [
        (
            Workshop(
                title=part.title.strip() or named,
                date=part.date,
                place=part.place,
                organiser=plan.organiser,
                contact=plan.contact,
                description=part.description,
            ),
            part,
        )
        for part in plan.parts()
    ]
    already = [part for w, part in planned if store.same_workshop(w.title, w.date) is not None]
    added = [(w, part) for w, part in planned if store.same_workshop(w.title, w.date) is None]
    if not added:
        QMessageBox.warning(
            widget(window),
            title,
            tr(
                "Ce fichier contient déjà les {count} ateliers de ce document ({sessions}) : rien n'a été "
                "ajouté. Pour mettre l'un d'eux à jour avec le document : ouvrez-le, puis Fichier › "
                "Réimporter la grille dans cet atelier…"
            ).format(count=len(planned), sessions=sessions_listed(plan)),
        )
        return False
    if not ready_to_write(window, store, title):
        return False
    label = tr("Importer « {name} » comme nouveaux ateliers").format(name=source.name)
    command = AddWorkshops(model, [w for w, _part in added], label)
    kept: list[tuple[str, str]] = []

    def work(step: Callable[[int, int], None]) -> list[Workshop]:
        with store.twin() as twin:
            grids = [(w, entries_as_rows(part, w.id)) for w, part in added]
            for _w, rows in grids:
                kept.extend(kept_out_again(twin, rows, same_people_again))  # their opt-out stands
            return twin.add_workshops_with_grids(grids, step)

    writing: BackgroundWrite[list[Workshop]] = BackgroundWrite(work, into_open_file=True)
    if writing.run(window, title, tr("Écriture de « {name} »…").format(name=source.name)) is None:
        return False
    upgraded = upgrade_said(store)  # an older file written at today's format with the grid
    command.written()
    push_written(model, command)
    window.show_page("grid")
    said = [
        tr("{count} ateliers ajoutés : {sessions}.").format(
            count=len(added),
            sessions=tr(" ; ").join(session_said(part, participants=True) for _w, part in added),
        )
        if len(added) > 1
        else tr("1 atelier ajouté : {session}.").format(session=session_said(added[0][1], participants=True))
    ]
    if already:
        said.append(
            tr("Déjà dans le fichier, laissés tels quels : {sessions}.").format(
                sessions=tr(" ; ").join(session_said(part) for part in already)
            )
        )
    said += [
        tr("« {name} » reste hors du répertoire, à sa demande (comme « {was} » dans le fichier).").format(
            name=name, was=was
        )
        for name, was in kept
    ]
    window.show_status(" ".join([*said, upgraded]).strip())
    return True


# A workshop's title as facilitators write it: the rename box shows it whole.
USUAL_TITLE = "Atelier emploi et compétences du Grand Angoulême — 12 octobre 2023"


def rename_workshop(window: Any, title: str | None = None) -> bool:
    """The current workshop's title, changed in a dialog (undoable like the header's field)."""
    from PySide6.QtWidgets import QInputDialog

    from atelier.ui.commands import EditWorkshop

    model = window.model
    if model is None or model.store.readonly:
        return False
    window.commit_open_editors()
    current = model.workshop()
    if title is None:
        dialog = QInputDialog(window)
        dialog.setWindowTitle(tr("Renommer l'atelier"))
        dialog.setLabelText(tr("Titre de l'atelier :"))
        dialog.setTextValue(current.title)
        # Wide enough to read a usual title, and this one, without scrolling; within the screen.
        metrics = dialog.fontMetrics()
        wanted = max(metrics.horizontalAdvance(text) for text in (USUAL_TITLE, current.title)) + 80
        screen = dialog.screen().availableGeometry().width()
        dialog.resize(min(wanted, screen * 9 // 10), dialog.sizeHint().height())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        title = dialog.textValue()
    title = title.strip()
    if not title or title == current.title:
        return False
    return push(model, EditWorkshop(model, {"title": title}))


def delete_workshop(window: Any, *, confirm: bool = True) -> bool:
    """Delete the current workshop after saying what goes with it; Ctrl+Z puts it back."""
    from PySide6.QtWidgets import QMessageBox

    model = window.model
    if model is None or model.store.readonly:
        return False
    window.commit_open_editors()
    store = model.store
    workshop = model.workshop()
    if len(store.workshops()) < 2:
        QMessageBox.information(
            window,
            tr("Supprimer l'atelier"),
            tr("« {title} » est le seul atelier du fichier : il ne peut pas être supprimé.").format(
                title=without_quotes(workshop.title)
            ),
        )
        return False
    _rows, items = store.workshop_counts().get(workshop.id, (0, 0))
    participants = store.people_counts().get(workshop.id, 0)  # people, as the minutes count them
    decided, elsewhere = store.decided_going_with(workshop.id)
    if confirm:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Supprimer l'atelier"),
            tr("Supprimer l'atelier « {title} » ({what}) ?").format(
                title=without_quotes(workshop.title),
                what=what_goes((participants, items, decided, elsewhere)),
            ),
            parent=window,
        )
        undo = tr("Édition › Annuler (Ctrl+Z) le remet tel quel.")
        going = [
            follow_up_said(model, None, entry.match)
            for entry in store.follow_ups(workshop.id, helping=True)
            if entry.workshop.id != workshop.id
        ]
        if going:  # another workshop's follow-up, named: not found missing months later
            which = tr(" ; ").join(going)
            undo = tr("Partent avec lui : {which}.").format(which=which) + "\n\n" + undo
        box.setInformativeText(undo)
        yes = box.addButton(tr("Supprimer l'atelier"), QMessageBox.ButtonRole.DestructiveRole)
        no = box.addButton(tr("Garder"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        if box.clickedButton() is not yes:
            return False
    return push(model, DeleteWorkshop(model, workshop))


def join_workshop(window: Any, other: str | None = None) -> bool:
    """Another workshop of the file with the current one's date (the other half of the room,
    captured in its own file and merged in beside this one) made one with the current one
    (store/join.py); Ctrl+Z makes them two again."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from atelier.backups import make_backup
    from atelier.ui.operations import Op

    model = window.model
    if model is None or model.store.readonly:
        return False
    window.commit_open_editors()
    store = model.store
    current = model.workshop()
    title = tr("Réunir deux ateliers")
    same_day = [
        w for w in store.workshops() if w.id != current.id and (w.date or None) == (current.date or None)
    ]
    if not same_day:
        QMessageBox.information(
            window,
            title,
            tr("Aucun autre atelier du fichier n'a la date de « {title} » : il n'y a rien à réunir.").format(
                title=without_quotes(current.title)
            ),
        )
        return False
    if other is None:
        counts = store.people_counts()
        words, away = label_words(), store.away_counts()
        labels = [workshop_label(w, counts.get(w.id, 0), words, away.get(w.id, 0)) for w in same_day]
        picked, ok = QInputDialog.getItem(
            window,
            title,
            tr("Réunir dans « {title} » l'atelier :").format(title=without_quotes(current.title))
            + "\n"
            + tr(
                "Ses participants et ceux de l'autre n'y font plus qu'un atelier ; une personne saisie "
                "dans les deux n'y est qu'une fois."
            ),
            labels,
            0,
            False,
        )
        if not ok:
            return False
        other = same_day[labels.index(picked)].id
    joined = other

    def work() -> Any:
        make_backup(store, "merge")
        return window.snapshots.change(model, title, lambda: store.join_workshops(current.id, joined))

    summary = Op(window, title, work).run()
    if summary is None:
        return False
    window.show_status(" ".join([summary.sentence(in_files=False), *summary.details()]))
    return True


def step_workshop(window: Any, step: int) -> None:
    """The previous or next workshop of the file, by date."""
    model = window.model
    if model is None:
        return
    ids = [w.id for w in model.store.workshops()]
    index = ids.index(model.workshop_id) + step
    if 0 <= index < len(ids):
        window.switch_workshop(ids[index])
        return
    # At either end the keys did nothing, and nothing said why.
    if len(ids) == 1:
        said = tr("Ce fichier n'a qu'un atelier : Ctrl+Alt+N en ajoute un.")
    elif step < 0:
        said = tr("Pas d'atelier précédent : celui-ci est le premier du fichier.")
    else:
        said = tr("Pas d'atelier suivant : celui-ci est le dernier du fichier.")
    window.show_status(typography(said))
