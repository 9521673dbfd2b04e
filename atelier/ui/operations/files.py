"""Files: open one, make a new one, save a copy (and say when the open one is gone from the
disk), the rolling backup of a file as it was opened, the whole file as JSON."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMenu, QWidget

from atelier.french import without_quotes
from atelier.store import Store
from atelier.ui import settings
from atelier.ui.operations import Op, Window, widget
from atelier.ui.translate import tr

# The backup of an opened file waits this long, unless an edit comes first (then it is made
# just before the edit is written): the window shows without waiting for the copy.
BACKUP_AFTER_OPENING_MS = 1500


def is_open_file(window: Window, path: Path) -> bool:
    """Whether `path` is the file the window has open (links and other spellings too)."""
    try:
        return path.resolve() == window.store.path.resolve() or (
            path.exists() and path.samefile(window.store.path)
        )
    except OSError:
        return False


def open_file(window: Window, path: Path) -> bool:
    from atelier.example import example_working_copy, is_bundled_example

    example = is_bundled_example(path)  # Fichier › Ouvrir…, a recent file: never written, its copy
    if example:
        copy = Op(widget(window), tr("Impossible d'ouvrir le fichier"), example_working_copy).run()
        if copy is None:
            return False
        path = copy
    if not window.store.readonly and is_open_file(window, path) and window.store.still_on_disk():
        # Opened again, it would find its own lock and go read-only, then drop that lock.
        if example:
            window.show_status(example_copy_sentence(path))
        else:
            window.show_status(tr("« {name} » est déjà ouvert dans cette fenêtre.").format(name=path.name))
        return True
    if not window.may_leave_file():
        return False  # texts typed that the file refused, kept: asked, the facilitator stays
    store = Op(
        widget(window),
        tr("Impossible d'ouvrir le fichier"),
        lambda: Store.open(path, lock=True, migrate_later=True),
    ).run()
    if store is None:
        return False
    old = window.store
    window.set_store(store)
    old.close()
    if example:
        say_example_copy(window)
    return True


def example_copy_sentence(copy: Path) -> str:
    return tr(
        "L'exemple fourni n'est jamais modifié : vous travaillez sur sa copie, « {path} », où vos "
        "modifications sont enregistrées."
    ).format(path=copy)


def say_example_copy(window: Window) -> None:
    """Above the grid: the shipped example was asked for, its working copy is what is open."""
    window.readonly_banner.add(example_copy_sentence(window.store.path))


def choose_file(window: Window) -> None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(
        widget(window),
        tr("Ouvrir un atelier"),
        str(window.store.path.parent),
        tr("Fichiers Atelier (*.atelier);;Tous les fichiers (*)"),
    )
    if name:
        open_file(window, Path(name))


def new_file(window: Window) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    parent = widget(window)
    name, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Nouvel atelier"),
        str(window.store.path.parent / "atelier.atelier"),
        tr("Fichiers Atelier (*.atelier)"),
        options=QFileDialog.Option.DontConfirmOverwrite,  # Atelier asks, saying what is lost
    )
    if not name:
        return
    path = Path(name) if name.endswith(".atelier") else Path(name + ".atelier")
    if is_open_file(window, path):
        QMessageBox.warning(
            parent, tr("Nouvel atelier"), tr("Choisissez un autre fichier que celui qui est ouvert.")
        )
        return
    if not ask_before_replacing(parent, tr("Nouvel atelier"), path, tr("Le remplacer par un atelier vide ?")):
        return
    # A file another window has open is refused (Store.create); the file replaced is kept
    # among its backups first (atelier.store.files.replacing).
    if Op(parent, tr("Nouvel atelier"), lambda: _create(path, tr("Nouvel atelier"))).run() is None:
        return
    if open_file(window, path):
        window.header.title.setFocus()
        window.header.title.selectAll()


def ask_before_replacing(parent: QWidget, title: str, path: Path, question: str) -> bool:
    """Whether to go on and write over `path` (nothing there: yes). Asked in the user's terms,
    « Non » by default: what the file is (« c'est l'atelier « Atelier trois », 3 participants »,
    a damaged workshop file, an empty file), `question` (« Le remplacer par… ? ») and that a
    copy of it will be kept among its backups. A file that is not a workshop file is never
    replaced by one (atelier.store.files): said, and False."""
    from PySide6.QtWidgets import QMessageBox

    if not os.path.lexists(path):
        return True
    from atelier.errors import AtelierError
    from atelier.store.files import refuse_if_open

    try:  # another window has it: it cannot be replaced, whatever the answer would be
        refuse_if_open(path)
    except AtelierError as exc:
        QMessageBox.critical(parent, title, exc.user_message())
        return False
    name = path.name
    kept = " " + tr("Une copie en sera gardée dans les sauvegardes.")
    if not path.exists():  # a link to a file that is no longer there
        said = tr("« {name} » existe déjà (un lien vers un fichier absent).").format(name=name)
        kept = ""
    elif not path.is_file():
        return True  # a folder, a pipe: Store.create says why it cannot write there
    elif path.stat().st_size == 0:
        said = tr("« {name} » existe déjà : c'est un fichier vide.").format(name=name)
        kept = ""
    else:
        from atelier.store.files import is_atelier_file

        if not is_atelier_file(path):
            QMessageBox.warning(
                parent,
                title,
                tr(
                    "« {name} » existe déjà et n'est pas un fichier Atelier : il ne sera pas "
                    "remplacé. Choisissez un autre nom."
                ).format(name=name),
            )
            return False
        said = describe_workshop_file(path)
    answer = QMessageBox.question(
        parent,
        title,
        f"{said} {question}{kept}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def describe_workshop_file(path: Path) -> str:
    """« « keep.atelier » existe déjà : c'est l'atelier « Atelier trois », 3 participants. »"""
    from atelier.errors import AtelierError
    from atelier.french import counted, join

    name = path.name
    try:
        with Store.open(path, readonly=True) as store:
            summary = store.summary()
    except AtelierError as exc:
        if exc.key == "file.newer":  # whole, but this version cannot read it
            return tr(
                "« {name} » existe déjà : c'est un atelier enregistré par une version plus récente "
                "d'Atelier, que celle-ci ne sait pas lire."
            ).format(name=name)
        return tr("« {name} » existe déjà : c'est un fichier Atelier endommagé, qui ne se lit plus.").format(
            name=name
        )
    except OSError:
        return tr("« {name} » existe déjà : c'est un fichier Atelier endommagé, qui ne se lit plus.").format(
            name=name
        )
    # « 3 participants » on one line
    people = counted(summary.people, "n.participant").replace(" ", "\u00a0", 1)
    titles = [title for _id, title, _date in summary.workshops]
    if len(titles) == 1:
        return tr("« {name} » existe déjà : c'est l'atelier « {title} », {participants}.").format(
            name=name, title=without_quotes(titles[0]), participants=people
        )
    return tr("« {name} » existe déjà : il contient {workshops} ({titles}), {participants}.").format(
        name=name,
        workshops=counted(len(titles), "n.workshop"),
        titles=join(tr("« {title} »").format(title=without_quotes(t)) for t in titles),
        participants=people,
    )


def _create(path: Path, title: str) -> Path:
    """A new file's workshop is dated today, as one added inside a file is (workshops.new_workshop):
    it is made on the day it is run or prepared, and the date field is there to change it."""
    from datetime import date

    Store.create(path, title=title, date=date.today().isoformat(), force=True).close()
    return path


def _where_to_copy(path: Path) -> Path:
    return path if path.parent.is_dir() else Path.home() / path.name


def save_copy(window: Window, target: Path | None = None) -> bool:
    """Everything as it is now, written to another file, which is then the one open."""
    from PySide6.QtWidgets import QFileDialog

    parent = widget(window)
    if target is None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            tr("Enregistrer une copie sous"),
            # Where the file was, when that folder is still there (a file moved or renamed);
            # else the home folder (a USB stick pulled out).
            str(_where_to_copy(window.store.path)),
            tr("Fichiers Atelier (*.atelier)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # Atelier asks, saying what is lost
        )
        if not name:
            return False
        target = Path(name)
    if target.suffix != ".atelier":
        target = target.with_name(target.name + ".atelier")
    window.commit_open_editors()
    store = window.store
    if store.still_on_disk() and target.exists() and target.samefile(store.path):
        # A copy of a file onto itself is no copy: said, and nothing written.
        from PySide6.QtWidgets import QMessageBox

        refused = tr(
            "« {name} » est le fichier ouvert : une copie doit porter un autre nom ; rien n'a été écrit."
        ).format(name=target.name)
        window.show_status(refused)
        QMessageBox.warning(parent, tr("Enregistrer une copie sous"), refused)
        return False
    if not ask_before_replacing(
        parent, tr("Enregistrer une copie sous"), target, tr("Le remplacer par une copie de cet atelier ?")
    ):
        return False
    copy = target

    def write() -> Path:
        store.save_copy(copy)
        return copy

    if Op(parent, tr("Enregistrer une copie sous"), write).run() is None:
        return False
    # The window goes on in the copy (the README says so). Its content is this file's, the
    # same ids: the undo history stays true there, and Ctrl+Z undoes the last edit in it.
    opened = Op(
        parent, tr("Impossible d'ouvrir le fichier"), lambda: Store.open(copy, lock=True, migrate_later=True)
    ).run()
    if opened is None:
        return False
    old = window.store
    window.warned_gone = False
    window.continue_on(opened)
    old.close()
    if opened.readonly:  # the copy could not be opened for writing either (another window has it)
        said = tr("Copie enregistrée : « {copy} » est ouverte, en lecture seule elle aussi.")
    elif old.readonly:  # nothing was ever edited in the file left: no undo to speak of
        said = tr(
            "Copie enregistrée : la suite s'écrit dans « {copy} » ; « {name} », ouvert en lecture "
            "seule, reste tel quel."
        )
    else:
        said = tr(
            "Copie enregistrée : la suite s'écrit dans la copie, Ctrl+Z y annule toujours ; "
            "« {name} » n'est plus modifié."
        )
    window.show_status(said.format(name=old.path.name, copy=copy.name))
    return True


def file_gone(window: Window) -> None:
    """The file was deleted, moved or its USB stick pulled out: the edits are still in
    memory; say so at every edit in the status bar, and once above the grid. Never in a box:
    one popped up mid-typing took the keys (the space pressed its button, the rest of the
    sentence became a file name)."""
    text = tr(
        "Le fichier « {name} » n'est plus sur le disque (supprimé, déplacé ou clé retirée) : "
        "vos modifications sont encore là, enregistrez-en une copie "
        "(Fichier › Enregistrer une copie sous…)."
    ).format(name=window.store.path.name)
    window.show_status(f"⚠ {text}")
    if window.warned_gone:
        return
    window.warned_gone = True
    window.readonly_banner.add(f"⚠ {text}")


def may_leave_gone_file(window: Window) -> bool:
    """Whether the window may close (or open another file) when its file is gone from the
    disk (deleted, or replaced at its name): what it shows is nowhere else, and closing
    loses it. Asked, the window kept open by default (Échap); « Enregistrer une copie… »
    saves it first. A file moved or renamed keeps every edit: nothing is asked."""
    if not window.store.lost_at_closing():
        return True
    from PySide6.QtWidgets import QMessageBox  # only when asked

    name = window.store.path.name
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Fichier supprimé"),
        tr("Le fichier « {name} » n'est plus sur le disque : fermer quand même ?").format(name=name),
        parent=widget(window),
    )
    box.setInformativeText(
        tr(
            "Il a été supprimé, ou remplacé à son nom par un autre fichier : ce que montre la "
            "fenêtre n'est enregistré nulle part ailleurs, et serait perdu. Enregistrez-en une copie."
        )
    )
    copy = box.addButton(tr("&Enregistrer une copie…"), QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(tr("&Fermer sans enregistrer"), QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton(tr("&Ne pas fermer"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.exec()
    if box.clickedButton() is copy:
        return save_copy(window)  # then the window's file is the copy: nothing lost at closing
    return box.clickedButton() is close


def arm_backup(window: Window) -> None:
    """A rolling copy of the file as it was opened (see atelier.backups), made once the
    window is up and idle, or at once before the first change is written if that comes
    first: opening never waits for the copy, and no edit can reach the file before it."""
    store = window.store
    if store.readonly:
        return
    store.before_first_write = lambda: _backup_now(store)
    parent = widget(window)
    QTimer.singleShot(BACKUP_AFTER_OPENING_MS, parent, lambda: _backup_when_idle(window, store))


def _backup_when_idle(window: Window, store: Store) -> None:
    if store is window.store and store.before_first_write is not None and widget(window).isVisible():
        store.before_first_write = None
        _backup_now(store)


def _backup_now(store: Store) -> None:
    from atelier.backups import make_backup

    make_backup(store, "open")


def export_json(window: Window) -> None:
    """The whole file as JSON, for another tool."""
    import json

    from PySide6.QtWidgets import QFileDialog

    from atelier.exports import write_text
    from atelier.jsonexport import file_as_dict

    parent, store = widget(window), window.store
    name, _ = QFileDialog.getSaveFileName(
        parent, tr("Exporter en JSON"), str(store.path.with_suffix(".json")), tr("JSON (*.json)")
    )
    target = with_extension(parent, tr("Exporter en JSON"), name, ".json") if name else None
    if target is None:
        return

    def write() -> Path:
        text = json.dumps(file_as_dict(store), ensure_ascii=False, indent=2)
        write_text(target, text + "\n")
        return target

    if Op(parent, tr("Exporter"), write).run() is not None:
        window.show_status(tr("Exporté : {path}").format(path=target))


def with_extension(parent: QWidget, title: str, name: str, suffix: str) -> Path | None:
    """The file a name typed in a save dialog means, as on the command line (`document_target`):
    « notes » is « notes.xlsx ». Qt's dialog adds no extension: an Excel file « notes » was
    written over the user's text file « notes » (the dialog had asked about replacing it, not
    said what would replace it). That name with its extension already there was asked about
    by nobody: asked now, « Non » by default; None when it is kept (nothing is written)."""
    from PySide6.QtWidgets import QMessageBox

    from atelier.errors import AtelierError
    from atelier.store.files import document_target

    try:
        return document_target(name, suffix)
    except AtelierError as refused:
        if refused.key != "export.exists_not_named":
            QMessageBox.warning(parent, title, str(refused))
            return None
    target = Path(name + suffix)
    answer = QMessageBox.question(
        parent,
        tr("Remplacer ?"),
        tr("« {name} » existe déjà dans ce dossier. Le remplacer ?").format(name=target.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return target if answer == QMessageBox.StandardButton.Yes else None


MAX_RECENT = 8


def remember(window: Window, path: Path) -> None:
    """The file just opened: the one to open next time, first of the recent files."""
    resolved = str(path.resolve())
    settings.put(settings.LAST_FILE, resolved)
    recent = [p for p in settings.get(settings.RECENT_FILES) if p != resolved]
    recent.insert(0, resolved)
    settings.put(settings.RECENT_FILES, recent[:MAX_RECENT])
    window.fill_recent()


def fill_recent(window: Window, menu: QMenu) -> None:
    """Fichier › Fichiers récents: Alt+1 to Alt+8 on the files last opened."""
    menu.clear()
    for number, name in enumerate(settings.get(settings.RECENT_FILES), start=1):
        action = menu.addAction(f"&{number} {Path(name).name}")
        action.setToolTip(name)
        action.triggered.connect(lambda _=False, n=name: open_file(window, Path(n)))
    menu.setEnabled(bool(menu.actions()))


def export_follow_up(window: Window) -> None:
    """The follow-up of every workshop of the file in one Excel sheet, each row naming its
    workshop (as `atelier suivi FICHIER --xlsx`)."""
    from PySide6.QtWidgets import QFileDialog

    from atelier.exports import check_suffix, check_target
    from atelier.exports.xlsx import write_follow_up_xlsx
    from atelier.french import count
    from atelier.i18n import current_language
    from atelier.matching.across import one_person

    parent, store = widget(window), window.store
    entries = store.follow_ups(None)
    written = [e for e in entries if not one_person(e.need_participant, e.resource_participant)]
    if not written:
        # No sheet of headings over no row to send (as `atelier suivi --xlsx` refuses): said,
        # before a file name is asked for.
        window.show_status(
            tr("Aucune mise en relation décidée à suivre : pas de tableau à écrire ; rien n'a été écrit.")
        )
        return
    suggested = store.path.with_name(f"{store.path.stem}-suivi.xlsx")
    title = tr("Exporter le suivi de tous les ateliers")
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), tr("Classeur Excel (*.xlsx)"))
    target = with_extension(parent, title, name, ".xlsx") if name else None
    if target is None:
        return

    def write() -> Path:
        check_target(target, (store.path,), replace=True, suffix=".xlsx")  # the dialog asked before replacing
        check_suffix(target, ".xlsx")
        return write_follow_up_xlsx(entries, target, current_language())

    if Op(parent, tr("Exporter"), write).run() is not None:
        matches = count(len(written), tr("mise en relation"), tr("mises en relation"))
        window.show_status(
            tr("Suivi de tous les ateliers exporté ({matches}) : {path}").format(matches=matches, path=target)
        )


def upgrade_said(store: Store) -> str:
    """What the window says, once, of an older file it has just written at today's format (its
    first edit, a grid brought into it): the format it left, that older versions will no longer
    open it, and where the copy at its old format, which they open, is kept (as the command
    line says it); "" if there is nothing to say, or it was said."""
    from atelier.backups import backups_of
    from atelier.errors import AtelierError
    from atelier.store import SCHEMA_VERSION, check_header

    before, store.upgraded_from = store.upgraded_from, None
    if before is None:
        return ""
    said = tr(
        "« {name} » est passé du format {old} au format {new} : les versions d'Atelier plus anciennes "
        "ne l'ouvriront plus."
    ).format(name=store.path.name, old=before, new=SCHEMA_VERSION)
    for copy in backups_of(store.path):  # newest first: the copy kept before the first write
        try:
            at = check_header(copy.path).user_version
        except AtelierError:
            continue
        if at == before:
            return (
                said
                + " "
                + tr(
                    "Une copie au format {old}, que ces versions ouvrent, est gardée dans les sauvegardes : "
                    "{path} (Fichier › Restaurer une sauvegarde…, sauvegarde du {when})."
                ).format(old=before, path=copy.path, when=copy.label())
            )
    return said
