"""Grids: a Word, Excel or CSV grid read and checked in the import dialog, then written to a
new file, or brought into the open workshop again (re-import: one undoable step)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtWidgets import QDialog

from atelier.errors import AtelierError
from atelier.french import without_quotes
from atelier.ui.operations import QueryOp, Window, editable_model, ready_to_write, refused, widget
from atelier.ui.operations.files import ask_before_replacing, is_open_file, open_file, upgrade_said
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.domain import ReimportSummary
    from atelier.importers import GridPlan, ImportResult
    from atelier.ui.grid_model import WorkshopRead
    from atelier.ui.import_dialog import ImportDialog

DialogHook = Callable[["ImportDialog"], bool]  # tests drive the import dialog themselves
T = TypeVar("T")


def ask_for_grid(
    window: Window,
    source: Path | None,
    title: str | None,
    dialog_hook: DialogHook | None,
    *,
    reimport: bool = False,
    into: str = "",
) -> tuple[ImportDialog, GridPlan] | None:
    """A grid chosen (unless given), read and checked in the import dialog, accepted; for a
    re-import, the dialog asks no title, date or place (the workshop keeps its own)."""
    from atelier.ui.import_dialog import ImportDialog, choose_grid

    parent = widget(window)
    source = source or choose_grid(parent, str(window.store.path.parent))
    if source is None:
        return None
    from atelier.store.files import is_atelier_file

    if is_atelier_file(source):
        # A workshop file is no grid: how to open it or bring it in, in the menu's words (the
        # dialog said « atelier open » and « atelier merge », commands of a terminal).
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            parent,
            title or tr("Importer une grille"),
            tr(
                "« {name} » est un fichier d'atelier, pas une grille : ouvrez-le avec Fichier › Ouvrir… "
                "(Ctrl+O), ou ajoutez-le au fichier ouvert avec Fichier › Fusionner un fichier… "
                "(Ctrl+Maj+F) ; rien n'a été modifié."
            ).format(name=source.name),
        )
        return None
    dialog = ImportDialog(source, parent, reimport=reimport, into=into)
    if title is not None:
        dialog.setWindowTitle(title)
    if dialog_hook is not None:  # tests drive the dialog themselves
        dialog.read_now()
        accepted = dialog_hook(dialog)
    else:
        dialog.start()
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted or dialog.plan is None:
        return None
    return dialog, dialog.plan


def import_grid(
    window: Window,
    source: Path | None = None,
    target: Path | None = None,
    *,
    dialog_hook: DialogHook | None = None,
) -> bool:
    """Ask for a grid, preview it, then write it to a new .atelier file and open that."""
    from PySide6.QtWidgets import QMessageBox

    from atelier.importers import write_plan
    from atelier.ui.import_dialog import choose_target

    model = editable_model(window)
    if target is None and model is not None and not model.participants():
        # « L'atelier est vide. Pour commencer : … Ctrl+I » — into this workshop, said first.
        return reimport_grid(window, source, dialog_hook=dialog_hook, into_empty=True)
    parent = widget(window)
    asked = ask_for_grid(window, source, None, dialog_hook)
    if asked is None:
        return False
    dialog, plan = asked
    title = tr("Importer une grille")
    if target is None:
        chosen_names = choose_target(parent, dialog.target_suggestion())
        if chosen_names is None:
            return False
        target = chosen_names[1]
        if is_open_file(window, target):
            QMessageBox.warning(parent, title, tr("Choisissez un autre fichier que celui qui est ouvert."))
            return False
        # Atelier's own question (not the save dialog's): what would be lost, « Non » first.
        if not ask_before_replacing(parent, title, target, tr("Le remplacer par la grille importée ?")):
            return False
    elif is_open_file(window, target):
        QMessageBox.warning(parent, title, tr("Choisissez un autre fichier que celui qui est ouvert."))
        return False
    fields: dict[str, Any] = dialog.workshop_fields()
    chosen = target
    # Asked above before replacing an existing file (kept among its backups). A large grid takes
    # seconds to write: off the UI thread, with its progress, the window painting meanwhile.
    writing: BackgroundWrite[ImportResult] = BackgroundWrite(
        lambda step: write_plan(plan, chosen, force=True, progress=step, **fields)
    )
    result = writing.run(window, title, tr("Écriture de « {name} »…").format(name=chosen.name))
    return result is not None and open_file(window, result.path)


class Cancelled(Exception):
    """The write was stopped (« Annuler », or the window closed): nothing was written."""


class BackgroundWrite(Generic[T]):
    """A file written off the UI thread in one transaction: a new file renamed into place at
    the end (an import), or a grid written into the open file (a re-import, a past grid as a
    new workshop). A progress box says how far it is; its « Annuler », or closing the window
    (`stop`), abandons the write, and the file is then not written at all (the transaction
    rolled back: the file as it was), or whole if the write had already finished."""

    def __init__(
        self, work: Callable[[Callable[[int, int], None]], T], *, into_open_file: bool = False
    ) -> None:
        self.work = work
        self.into_open_file = into_open_file  # the window's matching saves nothing meanwhile
        self.cancel = threading.Event()
        self.finished = threading.Event()
        self.going_on = threading.Event()  # cleared while the window decides whether to close
        self.going_on.set()
        self.closing = False

    def hold(self) -> None:
        """The window is asked to close: the write waits at its next row, before it can
        commit, until the window has decided (`stop` if it closes, `release` if it stays).
        Without it, the write went on meanwhile (the file checked on the disk, a question
        asked) and could end behind a close the facilitator had already asked for."""
        self.going_on.clear()

    def release(self) -> None:
        """The window stays open: the write goes on."""
        self.going_on.set()

    def abandon(self) -> None:
        """« Annuler » (or Échap) in the progress box: nothing written."""
        self.cancel.set()
        self.going_on.set()

    def stop(self) -> None:
        """The window is closing: stop the write and wait until the file is whole or absent."""
        self.closing = True
        self.abandon()
        self.finished.wait()

    def _step(self, report: Callable[[int, str], None]) -> Callable[[int, int], None]:
        def step(done: int, total: int) -> None:
            self.going_on.wait()
            if self.cancel.is_set():
                raise Cancelled()
            report(done * 100 // max(total, 1), "")

        return step

    def run(self, window: Window, title: str, label: str) -> T | None:
        from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer
        from PySide6.QtWidgets import QProgressDialog

        parent = widget(window)
        box = QProgressDialog(label, tr("Annuler"), 0, 100, parent)
        box.setWindowTitle(title)
        box.setWindowModality(Qt.WindowModality.WindowModal)  # no edit meanwhile
        box.setAutoReset(False)
        box.setAutoClose(False)
        box.canceled.connect(self.abandon)
        # Échap rejects the box; Qt says « canceled » for it only when a close event follows,
        # which it did not after an earlier box in the same run (the write then went on).
        box.rejected.connect(self.abandon)
        loop = QEventLoop()
        outcome: dict[str, Any] = {}
        # Shown if the write lasts (a small grid is written before it would flash by).
        QTimer.singleShot(300, box, lambda: None if outcome else box.show())

        def work(report: Callable[[int, str], None]) -> T:
            try:
                if self.cancel.is_set():
                    raise Cancelled()
                return self.work(self._step(report))
            finally:
                self.finished.set()

        def ended(key: str, value: object) -> None:
            outcome[key] = value
            loop.quit()

        window.writing.add(self)
        matching = getattr(window, "matching", None) if self.into_open_file else None
        if matching is not None:
            matching.hold()
        # An older file whose migrations wait for its first change: written by the worker's
        # connection with the grid, or not at all (« Annuler », a refusal: byte-identical).
        lent = window.store.migration_lent() if self.into_open_file else contextlib.nullcontext()
        try:
            with lent:
                QueryOp(work, lambda result: ended("result", result)).failure(
                    lambda error: ended("error", error)
                ).with_progress(
                    lambda percent, _text: None if outcome else box.setValue(percent)
                ).run_in_background(own_thread=True)
                loop.exec()  # the window keeps painting; the box keeps the keyboard
        except AtelierError as exc:  # the migrations could not be let go, or taken back
            outcome.setdefault("error", exc)
        finally:
            window.writing.discard(self)
            # Gone before the result is said: hidden and left to deleteLater, the box lived on
            # under the result box, whose own event loop does not delete it, and its timer
            # drew it again over the result, at 100 % with « Annuler », wanting a key.
            box.reset()  # stops the box's timer that would show it
            box.hide()
            box.deleteLater()
            QCoreApplication.sendPostedEvents(box, QEvent.Type.DeferredDelete)  # now, not later
            if matching is not None and not self.closing:
                matching.release()
        error = outcome.get("error")
        if self.closing:
            return None  # the window is gone: the file is whole or absent, nothing to show
        if isinstance(error, Cancelled):
            window.show_status(tr("Import annulé : rien n'a été écrit."))
            return None
        if isinstance(error, AtelierError):
            refused(parent, title, error.user_message())
            return None
        if error is not None:
            raise error
        result: T = outcome["result"]
        return result


def _ask_other_workshop(window: Window, name: str, plan: GridPlan, workshop: Any) -> bool | None:
    """A grid whose heading names another workshop than the open one, re-imported into it:
    its people would be mixed with this workshop's. Asked, « Importer comme nouvel atelier »
    first (False), « Fusionner avec cet atelier » (True), « Annuler » (None, also Échap)."""
    from atelier.french import long_date

    def said(title: str, date: str | None) -> tuple[str, str]:
        return without_quotes(title.strip()), long_date(date) or tr("sans date")

    theirs_title, theirs_date = said(plan.title, plan.date)
    ours_title, ours_date = said(workshop.title, workshop.date)
    theirs = (
        tr("l'atelier « {title} » ({date})").format(title=theirs_title, date=theirs_date)
        if theirs_title
        else tr("un atelier du {date}").format(date=theirs_date)
    )
    return _ask_new_or_merge(
        window,
        tr("« {name} » est la grille de {theirs}, pas celle de cet atelier, « {title} » ({date}).").format(
            name=name, theirs=theirs, title=ours_title, date=ours_date
        ),
    )


def _ask_no_one_shared(window: Window, name: str, workshop: Any, theirs: int, ours: int) -> bool | None:
    """A grid that has none of the open workshop's participants, re-imported into it (an Excel
    or CSV grid of another workshop has no heading to say so): asked as `_ask_other_workshop`."""
    from atelier.french import counted, long_date

    return _ask_new_or_merge(
        window,
        tr(
            "« {name} » n'a aucun des participants de cet atelier, « {title} » ({date}) : {theirs} dans "
            "la grille, {ours} dans l'atelier. C'est sans doute la grille d'un autre atelier."
        ).format(
            name=name,
            title=without_quotes(workshop.title.strip()),
            date=long_date(workshop.date) or tr("sans date"),
            theirs=counted(theirs, "n.participant"),
            ours=counted(ours, "n.participant"),
        ),
        headed=False,
    )


def _ask_new_or_merge(window: Window, said: str, *, headed: bool = True) -> bool | None:
    """`said`, then asked: « Importer comme nouvel atelier » first (False), « Fusionner avec cet
    atelier » (True), « Annuler » (None, also Échap). `headed`: the grid's heading gives its
    title and date (a grid without one is titled from its file's name)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, tr("Réimporter la grille"), said, parent=widget(window))
    box.setInformativeText(
        tr(
            "Comme nouvel atelier de ce fichier, la grille garde son titre et sa date. Fusionnée avec "
            "cet atelier, elle y ajouterait ses participants comme s'ils y étaient venus."
        )
        if headed
        else tr(
            "Comme nouvel atelier de ce fichier, ses participants restent à part. Fusionnée avec "
            "cet atelier, elle y ajouterait ses participants comme s'ils y étaient venus."
        )
    )
    new = box.addButton(tr("&Importer comme nouvel atelier"), QMessageBox.ButtonRole.AcceptRole)
    merge = box.addButton(tr("&Fusionner avec cet atelier"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(new)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is new:
        return False
    if clicked is merge:
        return True
    return None


def _first_few(lines: list[str]) -> str:
    """The first lines a status message names (SAID_AT_MOST), then « N autres »."""
    from atelier.french import count
    from atelier.ui.commands import SAID_AT_MOST

    shown = lines[:SAID_AT_MOST]
    if len(lines) > SAID_AT_MOST:
        shown.append(count(len(lines) - SAID_AT_MOST, tr("autre"), tr("autres")))
    return tr(" ; ").join(shown)


def reimport_grid(
    window: Window,
    source: Path | None = None,
    *,
    dialog_hook: DialogHook | None = None,
    into_empty: bool = False,
) -> bool:
    """The grid came back updated: bring this workshop in line, keeping every decision. With
    `into_empty`, a grid brought into the empty workshop the facilitator is on (Ctrl+I there):
    the same write, said as a first import into that workshop."""
    from PySide6.QtWidgets import QMessageBox

    from atelier.french import counted
    from atelier.importers import entries_as_rows, people_counted, reimport_counted
    from atelier.matching import explainer
    from atelier.matching.across import same_people_again
    from atelier.ui.grid_model import read_workshop

    model = editable_model(window)
    if model is None:
        return False
    window.commit_open_editors()
    into = ""
    if into_empty:
        workshop = model.workshop()
        into = tr(
            "La grille sera importée dans l'atelier vide « {title} » de ce fichier ({file}), qui "
            "garde son titre, sa date et son lieu. Pour en faire un fichier à part : Fichier › "
            "Nouvel atelier… (Ctrl+Maj+N), puis Ctrl+I."
        ).format(title=without_quotes(workshop.title), file=window.store.path.name)
        dialog_title = tr("Importer une grille dans « {title} »").format(title=without_quotes(workshop.title))
    else:
        dialog_title = tr("Réimporter la grille dans cet atelier")
    asked = ask_for_grid(window, source, dialog_title, dialog_hook, reimport=True, into=into)
    if asked is None:
        return False
    title = tr("Importer une grille") if into_empty else tr("Réimporter la grille")
    workshop_id = model.workshop_id
    dialog, plan = asked
    if plan.sessions:  # a document of several workshops: this workshop's part of it, or nothing
        from atelier.importers import sessions_listed

        part = next(
            (
                p
                for p in plan.parts()
                if (there := window.store.same_workshop(p.title, p.date)) is not None
                and there.id == workshop_id
            ),
            None,
        )
        if part is None:
            refused(
                widget(window),
                title,
                tr(
                    "Ce document contient {count} ateliers ({sessions}) ; aucun n'a le titre et la date de "
                    "cet atelier : rien n'a été réimporté. Pour les ajouter à ce fichier : "
                    "Ateliers et suivi › Importer une grille comme nouvel atelier…"
                ).format(count=len(plan.sessions), sessions=sessions_listed(plan)),
            )
            return False
        plan = part
    if not into_empty and model.participants():
        from atelier.domain import people_of
        from atelier.importers import other_workshop

        merge: bool | None = True
        if other_workshop(plan, model.workshop()):
            merge = _ask_other_workshop(window, dialog.source.name, plan, model.workshop())
        elif not window.store.shares_someone(workshop_id, rows := entries_as_rows(plan, workshop_id)):
            theirs = sum(people_of(p) for p, _items in rows)
            ours = sum(people_of(p) for p in model.participants())
            merge = _ask_no_one_shared(window, dialog.source.name, model.workshop(), theirs, ours)
        if merge is not True:
            if merge is None:
                window.show_status(tr("Import annulé : rien n'a été écrit."))
                return False
            if not merge:  # its own workshop of this file, as Ctrl+Alt+I makes it
                from atelier.ui.workshops import import_as_workshop

                return import_as_workshop(window, asked=(dialog, plan))
    store = window.store
    if not ready_to_write(window, store, title):
        return False
    snapshots = window.snapshots
    before, after = snapshots.pair()

    def work(step: Callable[[int, int], None]) -> tuple[ReimportSummary, WorkshopRead]:
        """On a thread of its own, through a connection of its own: the file as it was, the
        grid brought in (one transaction), the file as it is then: one step to undo; and the
        workshop's rows as the grid shows them, read here rather than on the UI thread."""
        with store.twin() as twin:
            twin.backup_to(before)
            summary = twin.reimport_grid(
                workshop_id,
                entries_as_rows(plan, workshop_id),
                step,
                explain=explainer(twin),
                same_people=same_people_again,
            )
            twin.backup_to(after)
            read = read_workshop(twin, workshop_id)
        return summary, read

    writing: BackgroundWrite[tuple[ReimportSummary, WorkshopRead]] = BackgroundWrite(
        work, into_open_file=True
    )
    doing = tr("Import de « {name} »…") if into_empty else tr("Réimport de « {name} »…")
    written = writing.run(window, title, doing.format(name=dialog.source.name))
    if written is None:
        for snapshot in (before, after):
            snapshot.unlink(missing_ok=True)
        return False
    done, read = written
    upgraded = upgrade_said(store)  # an older file written at today's format with the grid
    if done.written:
        snapshots.record(model, title, before, after, read)
    else:  # nothing brought in: the file as it was, no step for Ctrl+Z to undo
        for snapshot in (before, after):
            snapshot.unlink(missing_ok=True)
    if into_empty:
        text = tr("Grille importée dans l'atelier « {title} » : {added}.").format(
            title=without_quotes(model.workshop().title),
            added=people_counted(done.added_people, done.added, "n.participant"),
        )
        window.show_status(f"{text} {upgraded}".strip())
        return True
    # Each number with its words agreed (« 1 participant mis à jour, 0 ajouté »), as the CLI says
    # it: people, with the grid's rows beside them when a row names two.
    text = tr("{updated}, {added}, {absent} ; {kept}.").format(
        **reimport_counted(done), kept=counted(done.kept_items, "n.item_kept")
    )
    if not done.written:  # as `atelier import --into` says it
        text += " " + tr(
            "Rien n'a changé : cette grille n'apporte rien de nouveau au fichier « {name} », "
            "qui n'a pas été modifié."
        ).format(name=window.store.path.name)
    if done.deleted_kept:  # people deleted in the window (at their request?): not back, named
        from atelier.french import count, join

        text += " " + tr("{count} : {which}.").format(
            count=count(
                len(done.deleted_kept),
                tr("ligne de la grille, supprimée dans Atelier, n'a pas été réimportée"),
                tr("lignes de la grille, supprimées dans Atelier, n'ont pas été réimportées"),
            ),
            which=join(done.deleted_kept),
        )
    if done.removed:  # lines of the file the grid does not have (typed in the room?): said
        from atelier.french import count

        text += " " + tr("{count} (Ctrl+Z pour annuler le réimport) : {which}.").format(
            count=count(
                len(done.removed),
                tr("élément du fichier absent de la grille retiré"),
                tr("éléments du fichier absents de la grille retirés"),
            ),
            which=_first_few([tr("« {text} » — {who}").format(text=t, who=who) for who, t in done.removed]),
        )
    if done.retyped:  # decisions standing on texts changed since: said, each with its texts
        from atelier.french import count

        said = [
            tr("{need} ← {resource}, « {before} » devenu « {now} »").format(
                need=r.need_who, resource=r.resource_who, before=r.before, now=r.now
            )
            for r in done.retyped
        ]
        text += " " + tr("{count}, à revoir (⚠ dans « Qui peut aider ? ») : {which}.").format(
            count=count(
                len(done.retyped),
                tr("mise en relation décidée porte sur un texte modifié"),
                tr("mises en relation décidées portent sur un texte modifié"),
            ),
            which=_first_few(said),
        )
    if done.kept_edits:  # the window's corrections the grid did not touch: kept, and said so
        from atelier.french import count

        text += " " + tr("{count}.").format(
            count=count(
                done.kept_edits,
                tr(
                    "modification faite dans Atelier depuis le dernier import gardée : "
                    "la grille ne l'a pas changée"
                ),
                tr(
                    "modifications faites dans Atelier depuis le dernier import gardées : "
                    "la grille ne les a pas changées"
                ),
            )
        )
    if done.kept_typed:  # lines the facilitator typed in the window, not in the grid: kept
        from atelier.french import count

        text += " " + tr("{count}.").format(
            count=count(
                done.kept_typed,
                tr("ligne saisie dans Atelier gardée : la grille ne l'a pas"),
                tr("lignes saisies dans Atelier gardées : la grille ne les a pas"),
            )
        )
    # Lines added to a participant of a file of format 14 or before, whose lines at the last
    # import are not known: each may be one deleted in Atelier then. Named, to be checked.
    from atelier.french import quoted
    from atelier.importers import lines_by_person

    for who, texts in lines_by_person(done.added_unknown):
        which = _first_few([quoted(t) for t in texts])
        if len(texts) == 1:
            sentence = tr(
                "1 ligne de la grille, absente du fichier, a été ajoutée pour {who} : {which} (fichier "
                "d'un format antérieur : Atelier ne sait pas si elle y avait été supprimée)."
            )
        else:
            sentence = tr(
                "{count} lignes de la grille, absentes du fichier, ont été ajoutées pour {who} : {which} "
                "(fichier d'un format antérieur : Atelier ne sait pas si elles y avaient été supprimées)."
            )
        text += " " + sentence.format(count=len(texts), who=who, which=which)
    if done.kept_over_grid:  # the window's corrections the grid changed too: kept, each said
        from atelier.french import count
        from atelier.importers import kept_edit_said

        said = [
            tr("{who}, {what} : {kept} (dans la grille : {grid})").format(**kept_edit_said(edit))
            for edit in done.kept_over_grid
        ]
        text += " " + tr("{count}, alors que la grille dit autre chose : {which}.").format(
            count=count(
                len(done.kept_over_grid),
                tr("modification faite dans Atelier depuis le dernier import gardée"),
                tr("modifications faites dans Atelier depuis le dernier import gardées"),
            ),
            which=_first_few(said),
        )
    if done.names_taken:  # names the grid respelled, never edited in the window: taken, each said
        from atelier.french import count

        said = [
            tr("{who}, nom : « {before} » → « {now} »").format(who=who, before=before, now=now)
            for who, before, now in done.names_taken
        ]
        text += " " + tr("{count} : {which}.").format(
            count=count(
                len(done.names_taken),
                tr("nom changé dans la grille depuis le dernier import repris"),
                tr("noms changés dans la grille depuis le dernier import repris"),
            ),
            which=_first_few(said),
        )
    for name, was in done.kept_unlisted:  # their opt-out stands (the cell says it: ⊘)
        text += " " + tr(
            "« {name} » reste hors du répertoire, à sa demande (comme « {was} » dans le fichier)."
        ).format(name=name, was=was)
    for grid, kept in done.renamed:  # a name corrected in the window: recognised, kept
        text += " " + tr(
            "« {grid} » de la grille reconnu comme « {kept} » du fichier (structure ou nom en commun, "
            "mêmes éléments) : le nom du fichier est gardé."
        ).format(grid=grid, kept=kept)
    for grid, kept in done.renamed_since:  # a name corrected in the window since the last import
        text += " " + tr(
            "« {grid} » de la grille reconnu comme « {kept} » du fichier (nom corrigé dans Atelier "
            "depuis le dernier import) : le nom du fichier est gardé."
        ).format(grid=grid, kept=kept)
    for grid, other in done.unsure:
        text += " " + tr(
            "« {grid} » de la grille ajouté à côté de « {other} » du fichier, qui lui ressemble : "
            "s'il s'agit de la même personne, supprimez l'une des deux lignes."
        ).format(grid=grid, other=other)
    if upgraded:
        text += " " + upgraded
    window.show_status(text)
    if dialog_hook is None:
        QMessageBox.information(widget(window), title, text)
    return True
