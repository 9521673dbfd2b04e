"""Grids: a Word, Excel or CSV grid read and checked in the import dialog, then written to a
new file, or brought into the open workshop again (re-import: one undoable step)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog

from atelier.ui.operations import Op, Window, editable_model, widget
from atelier.ui.operations.files import is_open_file, open_file, replace_anyway
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.importers import GridPlan
    from atelier.ui.import_dialog import ImportDialog

DialogHook = Callable[["ImportDialog"], bool]  # tests drive the import dialog themselves


def ask_for_grid(
    window: Window, source: Path | None, title: str | None, dialog_hook: DialogHook | None
) -> tuple[ImportDialog, GridPlan] | None:
    """A grid chosen (unless given), read and checked in the import dialog, accepted."""
    from atelier.ui.import_dialog import ImportDialog, choose_grid

    parent = widget(window)
    source = source or choose_grid(parent, str(window.store.path.parent))
    if source is None:
        return None
    dialog = ImportDialog(source, parent)
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
        typed, target = chosen_names
        # The save dialog asked before replacing the name typed, not this one with
        # « .atelier » added: a workshop file of that name is replaced only if the user says so.
        question = tr(
            "« {name} » existe déjà. Le remplacer par la grille importée ? "
            "Tout ce qu'il contient serait perdu."
        )
        if (
            target != typed
            and os.path.lexists(target)
            and not replace_anyway(parent, title, question, target)
        ):
            return False
    if is_open_file(window, target):
        QMessageBox.warning(parent, title, tr("Choisissez un autre fichier que celui qui est ouvert."))
        return False
    fields: dict[str, Any] = dialog.workshop_fields()
    chosen = target
    # The save dialog has already asked before replacing an existing file.
    result = Op(parent, title, lambda: write_plan(plan, chosen, force=True, **fields)).run()
    return result is not None and open_file(window, result.path)


def reimport_grid(
    window: Window, source: Path | None = None, *, dialog_hook: DialogHook | None = None
) -> bool:
    """The grid came back updated: bring this workshop in line, keeping every decision."""
    from PySide6.QtWidgets import QMessageBox

    from atelier.french import counted
    from atelier.importers import entries_as_rows

    model = editable_model(window)
    if model is None:
        return False
    window.commit_open_editors()
    asked = ask_for_grid(window, source, tr("Réimporter la grille dans cet atelier"), dialog_hook)
    if asked is None:
        return False
    title = tr("Réimporter la grille")
    workshop_id = model.workshop_id
    rows = entries_as_rows(asked[1], workshop_id)
    store = window.store
    done = Op(
        widget(window),
        title,
        lambda: window.snapshots.change(model, title, lambda: store.reimport_grid(workshop_id, rows)),
    ).run()
    if done is None:
        return False
    # Each number with its words agreed (« 1 participant mis à jour, 0 ajouté »), as the CLI says it.
    text = tr("{updated}, {added}, {absent} ; {kept}.").format(
        updated=counted(done.updated, "n.participant_updated"),
        added=counted(done.added, "n.added"),
        absent=counted(done.absent, "n.absent_kept"),
        kept=counted(done.kept_items, "n.item_kept"),
    )
    window.show_status(text)
    if dialog_hook is None:
        QMessageBox.information(widget(window), title, text)
    return True
