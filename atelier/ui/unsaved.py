"""Texts typed in the workshop's header or the participant's card that the file refused (a
full disk): each stays in its field (panels.Typing.unsaved); a grid cell's, in its cell
(grid_view._give_back_refused), is counted too when the window is closed. As long as one does, the status
bar says so, never « Enregistré » alone; they are saved again every few seconds and whenever
another save goes through (room made on the disk, or a smaller edit that fitted); and closing
the window asks first, the window kept open by default."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.ui.main_window import MainWindow
    from atelier.ui.panels import Typing

# How often texts the file refused are tried again while they wait.
RETRY_MS = 2000


class UnsavedTexts(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.retry)
        for typing in self._typings():
            typing.refused.connect(self._refused)

    def _typings(self) -> tuple[Typing, Typing]:
        return (self.window.header.typing, self.window.panel.typing)

    def count(self) -> int:
        """How many fields hold a text the file refused."""
        kept = len(self.window.panel.pending) + len(self.window.header.pending)  # not shown now
        return sum(len(typing.unsaved) for typing in self._typings()) + kept

    def _refused(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def retry(self) -> None:
        """Each refused text saved again (not in a panel being typed in: its pause saves it);
        the status bar says those still not saved."""
        if not self.count():
            return
        self.window.panel.save_pending()  # typed for participants the card no longer shows
        self.window.header.save_pending()  # typed for workshops no longer shown
        for typing in self._typings():
            if typing.field is None:
                typing.quiet = True  # the status bar says it, not a box every few seconds
                try:
                    for field in list(typing.unsaved):
                        typing.leave(field)
                finally:
                    typing.quiet = False
        if not self.count():
            self.timer.stop()
        self.window.say_unsaved()

    def status(self) -> str:
        """What the status bar says while texts wait ("" when none does)."""
        count = self.count()
        if not count:
            return ""
        if self._disk_full():
            if count == 1:
                text = tr(
                    "Le disque est plein : 1 texte saisi n'est pas enregistré. Il est gardé dans la "
                    "fenêtre et sera enregistré dès qu'il y aura de la place."
                )
            else:
                text = tr(
                    "Le disque est plein : {count} textes saisis ne sont pas enregistrés. Ils sont "
                    "gardés dans la fenêtre et seront enregistrés dès qu'il y aura de la place."
                )
        elif count == 1:
            text = tr(
                "1 texte saisi n'est pas enregistré : le fichier l'a refusé. Il est gardé dans la "
                "fenêtre et sera enregistré dès que possible."
            )
        else:
            text = tr(
                "{count} textes saisis ne sont pas enregistrés : le fichier les a refusés. Ils sont "
                "gardés dans la fenêtre et seront enregistrés dès que possible."
            )
        return "⚠ " + text.format(count=count)

    def _disk_full(self) -> bool:
        from atelier.store.opening import disk_full

        return disk_full(self.window.store.path)

    def may_close(self) -> bool:
        """Whether the window may close: every text typed is saved, or the facilitator, told
        how many are not, chose to close anyway (the window stays open by default)."""
        for typing in self._typings():
            typing.leave()  # a pause not yet come: saved now
        self.retry()
        # A grid cell's text the file refused as the window closed (commit_open_editors): it
        # is given back in its cell if the window stays open (grid_view._give_back_refused).
        count = self.count() + (self.window.grid.cell_delegate.refusal is not None)
        if not count:
            return True
        model = self.window.model
        refused = model.typing_refused if model is not None else None
        return close_anyway(self.window, count, self.window.store.path, refused)


def close_anyway(parent: QWidget, count: int, path: Path, refused: str | None) -> bool:
    """Asked before closing a window that holds `count` typed texts the file at `path` refused
    (`refused`: why, in the user's words): whether to close anyway, losing them. The window
    stays open by default (Échap, Entrée)."""
    from atelier.store.opening import disk_full

    full = disk_full(path)
    if count == 1:
        question = (
            tr("Le disque est plein : 1 texte saisi n'est pas enregistré. Fermer quand même ?")
            if full
            else tr("1 texte saisi n'est pas enregistré. Fermer quand même ?")
        )
        detail = (
            tr(
                "Libérez de la place sur le disque : il sera enregistré dans les secondes qui suivent. "
                "Si vous fermez, il est perdu."
            )
            if full
            else tr("Si vous fermez, ce texte est perdu.")
        )
    else:
        question = (
            tr("Le disque est plein : {count} textes saisis ne sont pas enregistrés. Fermer quand même ?")
            if full
            else tr("{count} textes saisis ne sont pas enregistrés. Fermer quand même ?")
        ).format(count=count)
        detail = (
            tr(
                "Libérez de la place sur le disque : ils seront enregistrés dans les secondes qui "
                "suivent. Si vous fermez, ils sont perdus."
            )
            if full
            else tr("Si vous fermez, ces textes sont perdus.")
        )
    if not full and refused:
        detail = f"{refused} {detail}"  # why the file refused them
    from PySide6.QtWidgets import QMessageBox  # only when asked (~2 ms at every start)

    box = QMessageBox(QMessageBox.Icon.Warning, tr("Texte non enregistré"), question, parent=parent)
    box.setInformativeText(detail)
    close = box.addButton(tr("&Fermer sans enregistrer"), QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton(tr("&Ne pas fermer"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.exec()
    return box.clickedButton() is close
