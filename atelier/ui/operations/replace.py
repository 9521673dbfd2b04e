"""The open file's content replaced: a backup restored, another capture merged in. Each is one
step of the undo stack; the file as it was is backed up first."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from atelier.errors import AtelierError
from atelier.french import without_quotes
from atelier.store import Store
from atelier.ui.operations import Op, Window, editable_model, widget
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.backups import Backup
    from atelier.domain import Workshop
    from atelier.store.merge import MergeSummary


def backup_label(backup: Backup, when: str) -> str:
    """« Sauvegarde du 22/11/2026 à 14:03:05 (à l'ouverture) — 22 participants, 159 éléments »:
    `when`, the moment and the reason that tell it from the other backups (backups.told_apart)."""
    when = tr("Sauvegarde du {when}").format(when=when)
    try:
        with Store.open(backup.path, readonly=True) as copy:
            summary = copy.summary()
    except AtelierError:
        return when + tr(" — illisible")
    from atelier.french import count

    return when + tr(" — {participants}, {items}").format(
        participants=count(summary.people, tr("participant"), tr("participants")),
        items=count(sum(summary.items.values()), tr("élément"), tr("éléments")),
    )


def restore_backup(window: Window, choice: Path | None = None, *, confirm: bool = True) -> bool:
    """Put back the file as it was at one of its backups; the current state is backed up
    first, so a restore can itself be undone by restoring again."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from atelier.backups import backups_of, make_backup, told_apart

    model = editable_model(window)
    if model is None:
        return False
    parent, title, store = widget(window), tr("Restaurer une sauvegarde"), window.store
    window.commit_open_editors()
    store.before_writing()  # the copy of the file as opened, if still to be made
    if choice is None:
        found = backups_of(store.path)
        if not found:
            QMessageBox.information(
                parent,
                title,
                tr("Pas encore de sauvegarde de ce fichier : une copie est faite à chaque ouverture."),
            )
            return False
        labels = [backup_label(b, when) for b, when in zip(found, told_apart(found), strict=True)]
        picked, ok = QInputDialog.getItem(
            parent,
            title,
            tr("Le fichier reprendra l'état choisi (l'état actuel est sauvegardé d'abord) :"),
            labels,
            0,
            False,
        )
        if not ok:
            return False
        choice = found[labels.index(picked)].path
        confirm = False
    if confirm and (
        QMessageBox.question(parent, title, tr("Remplacer le contenu actuel ?"))
        != QMessageBox.StandardButton.Yes
    ):
        return False
    backup = choice

    def restore() -> bool:
        make_backup(store, "restore")
        window.snapshots.change(model, title, lambda: store.replace_with(backup))
        return True

    if Op(parent, title, restore).run() is None:
        return False
    window.show_status(tr("Sauvegarde restaurée ; l'état d'avant est lui-même sauvegardé."))
    return True


def same_workshop(window: Window, other: Path) -> bool:
    """Whether another file holds this workshop (a second capture of it)."""
    try:
        with Store.open(other, readonly=True) as store:
            model = window.model
            return any(w.id == model.workshop_id for w in store.workshops()) if model else False
    except AtelierError:
        return True  # the merge itself will say what is wrong with the file


def twin_workshop(window: Window, other: Path) -> Workshop | None:
    """The workshop of another file with the open one's title and date, when that file does
    not hold the open one itself: the other half of the room, captured in its own file."""
    model = window.model
    if model is None:
        return None
    try:
        with Store.open(other, readonly=True) as store:
            if any(w.id == model.workshop_id for w in store.workshops()):
                return None
            mine = window.store.workshop(model.workshop_id)
            return store.same_workshop(mine.title, mine.date)
    except AtelierError:
        return None  # the merge itself will say what is wrong with the file


def _ask_join(window: Window, title: str, name: str, twin: Workshop) -> bool | None:
    """Join the other half of the room into this workshop (True), keep it apart (False), or
    nothing (None)."""
    from PySide6.QtWidgets import QMessageBox

    from atelier.french import list_date

    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        tr(
            "« {name} » a son propre atelier « {title} »{date}, saisi à part : l'autre moitié de la "
            "salle ? Réunis, les participants des deux fichiers ne font qu'un atelier."
        ).format(
            name=name,
            title=without_quotes(twin.title),
            date=f" ({list_date(twin.date)})" if twin.date else "",
        ),
        parent=widget(window),
    )
    box.setInformativeText(
        tr(
            "Une personne saisie sur les deux ordinateurs (mêmes noms, même structure) n'y est plus "
            "qu'un participant ; décisions et suivi sont gardés. Édition › Annuler (Ctrl+Z) défait la "
            "fusion d'un coup."
        )
    )
    join = box.addButton(tr("&Réunir en un atelier"), QMessageBox.ButtonRole.YesRole)
    apart = box.addButton(tr("&Garder deux ateliers"), QMessageBox.ButtonRole.NoRole)
    box.setEscapeButton(box.addButton(tr("Annuler"), QMessageBox.ButtonRole.RejectRole))
    box.setDefaultButton(join)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is join else False if clicked is apart else None


def merge_file(
    window: Window,
    source: Path | None = None,
    *,
    report: bool = True,
    confirm: bool = True,
    join: bool | None = None,
) -> MergeSummary | None:
    """Take in another facilitator's capture of this workshop: entries only there are
    added, the newer edit of each field wins, and the differences are listed. A file that
    holds, instead, a workshop of the same title and date captured apart (the other half of
    the room) is joined into this workshop if the facilitator says so (`join`: asked when None
    and `confirm`)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from atelier.backups import make_backup
    from atelier.store import merge_files
    from atelier.store.merge import file_names

    model = editable_model(window)
    if model is None:
        return None
    parent, title, store = widget(window), tr("Fusionner un fichier"), window.store
    window.commit_open_editors()
    if source is None:
        name, _ = QFileDialog.getOpenFileName(
            parent, title, str(store.path.parent), tr("Fichiers Atelier (*.atelier)")
        )
        if not name:
            return None
        source = Path(name)
    # « ex.atelier » both, from two folders: named with their folder (« salle 2/ex.atelier »).
    source_name = file_names(store.path, source)[1]
    twin = twin_workshop(window, source) if join is None and confirm else None
    if twin is not None:
        join = _ask_join(window, title, source_name, twin)
        if join is None:
            return None
    elif confirm and not same_workshop(window, source):
        answer = QMessageBox.question(
            parent,
            title,
            tr(
                "« {name} » ne contient pas cet atelier : ce n'est pas une autre saisie du même "
                "atelier. Ajouter quand même ses ateliers à ce fichier ?"
            ).format(name=source_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    other = source

    def merge() -> MergeSummary:
        with tempfile.TemporaryDirectory(prefix="atelier-fusion-") as folder:
            merged = Path(folder) / "fusion.atelier"
            summary = merge_files(store.path, other, merged, join=bool(join))
            if summary.nothing_new and not summary.joined:
                # Nothing to take in: the file stays as it was, byte for byte (no merge in its
                # history, no backup, no undo step for a change that did not happen).
                return summary
            make_backup(store, "merge")
            label = (tr("Réunir « {name} »") if join else tr("Fusionner « {name} »")).format(name=source_name)
            window.snapshots.change(model, label, lambda: store.replace_with(merged))
            return summary

    summary = Op(parent, title, merge).run()
    if summary is None:
        return None
    from atelier.french import count

    if summary.joined:  # the other half of the room, now in this workshop: that is the news
        lines = [line for joined in summary.joined for line in [joined.sentence(), *joined.details()]]
        window.show_status(" ".join(lines))
        if report:
            QMessageBox(QMessageBox.Icon.Information, title, "\n".join(lines), parent=parent).exec()
        return summary
    if summary.nothing_new:  # the same copy merged again: nothing to count
        text = tr(
            "Rien de nouveau dans « {name} » : ce fichier avait déjà tout ce qu'il apporte ; "
            "rien n'a été ajouté ni modifié."
        ).format(name=source_name)
        window.show_status(text)
        if report:
            QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent).exec()
        return summary
    updates = summary.updates
    added = count(sum(summary.added.values()), tr("entrée ajoutée"), tr("entrées ajoutées"))
    if summary.suggestions_added:  # the copy's matcher made them: no one added those
        added = tr("{added} et {suggestions}").format(
            added=added,
            suggestions=count(
                summary.suggestions_added,
                tr("suggestion calculée par Atelier"),
                tr("suggestions calculées par Atelier"),
            ),
        )
    text = tr("{added} depuis « {name} », {removed}, {conflicts}, {updates}.").format(
        added=added,
        name=source_name,
        removed=count(
            sum(summary.removed.values()), tr("suppression appliquée"), tr("suppressions appliquées")
        ),
        conflicts=count(len(summary.conflicts), tr("conflit"), tr("conflits")),
        updates=count(updates, tr("champ mis à jour"), tr("champs mis à jour")),
    )
    # An entry one copy deleted and the other changed afterwards is kept: said by name.
    kept = [k.sentence() for k in summary.kept_deleted] + summary.twins
    kept += [r.sentence() for r in summary.removed_decisions]  # deleted knowing it: named
    future = summary.future_sentence(source_name)  # a copy whose clock was ahead
    if future:
        kept.append(future)
    window.show_status(" ".join([text, *kept]))
    if report:
        box = QMessageBox(QMessageBox.Icon.Information, title, "\n".join([text, *kept]), parent=parent)
        if summary.differences or summary.filled_in:
            # « des deux côtés » only when a field was: an update or a value dated in the future is
            # not. A note or a follow-up's steps both copies wrote are both kept: nothing set aside.
            chosen = [d for d in summary.differences if not d.joined and not d.steps]
            said = [
                tr("Champ modifié des deux côtés : la modification la plus récente est gardée.")
                if any(d.conflict for d in chosen)
                else "",
                tr("Étapes du suivi notées des deux côtés : celles des deux copies sont gardées, par date.")
                if any(d.steps for d in summary.differences)
                else "",
                tr("Note écrite des deux côtés : les deux textes sont gardés.")
                if any(d.joined for d in summary.differences)
                else "",
                tr("Les valeurs écartées restent dans le fichier : Fichier › Historique des fusions.")
                if chosen
                else "",
            ]
            box.setInformativeText(" ".join(s for s in said if s))
            # Every field counted as updated is listed, a field filled in too.
            box.setDetailedText("\n".join(d.sentence() for d in summary.differences + summary.filled_in))
        box.exec()
    return summary
