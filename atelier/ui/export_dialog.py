"""« Exporter… »: Word minutes and Excel tables, written off the UI thread with progress."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from atelier.errors import AtelierError
from atelier.exports.formats import MATCHING, export
from atelier.stopping import Abandoned
from atelier.ui.operations import QueryOp, reading
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.store import Store


def step_text(step: str) -> str:
    """What the dialog says while a step of the export runs."""
    return {
        MATCHING: tr("Rapprochement des besoins et des ressources…"),  # atelier.exports.formats
        "synthèse": tr("Rédaction de la synthèse…"),
        "annexe": tr("Écriture de la grille en annexe…"),
        "écriture": tr("Enregistrement des fichiers…"),
    }.get(step, tr("Export en cours…"))


class _Cancelled(Exception):
    """« Annuler » (Échap, the close button) while the export ran: it stops at its next step."""


class ExportDialog(QDialog):
    def __init__(
        self,
        source: Path,
        workshop_id: str,
        title: str,
        parent: QWidget | None = None,
        *,
        store: Store | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.store = store  # the window's open file: what is exported, whatever lies at its name
        self.workshop_id = workshop_id
        self.written: list[Path] = []
        self.notes: list[str] = []  # what the last export had to say besides (see start)
        self.error: str | None = None
        self._before: dict[Path, tuple[int, int, int] | None] = {}  # each target as it was at start
        self.setWindowTitle(tr("Exporter le compte rendu et les tableaux"))
        self.resize(720, 360)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.word = QCheckBox(tr("Compte rendu &Word (.docx)"))
        self.word.setChecked(True)
        self.excel = QCheckBox(tr("Tableaux E&xcel (.xlsx)"))
        self.excel.setChecked(True)
        self.fiches = QCheckBox(tr("&Fiches : une page par participant, à remettre ou envoyer (.docx)"))
        self.anonymise = QCheckBox(tr("&Anonymiser : les structures ou territoires à la place des noms"))
        form.addRow(tr("Formats :"), self.word)
        form.addRow("", self.excel)
        form.addRow("", self.fiches)
        form.addRow("", self.anonymise)
        folder_row = QHBoxLayout()
        # The folder as a path a person can find: « . » says nothing (a file opened by a relative path).
        self.folder = QLineEdit(str(source.absolute().parent))
        # Enter in the dialog exports: the buttons beside the fields are never the default
        # (a QPushButton in a dialog is « auto default », and the first one became the default,
        # Enter after typing a folder opening the folder picker instead of exporting).
        browse = QPushButton(tr("&Parcourir…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_label = QLabel(tr("&Dossier :"))
        folder_label.setBuddy(self.folder)  # a label beside a layout gets no buddy by itself
        form.addRow(folder_label, folder_row)
        self.name = QLineEdit(_safe_name(title) or source.stem)
        form.addRow(tr("&Nom des fichiers :"), self.name)
        template_row = QHBoxLayout()
        self.template = QLineEdit()
        self.template.setPlaceholderText(tr("modèle fourni avec Atelier"))
        pick = QPushButton(tr("&Modèle…"))
        pick.setAutoDefault(False)
        pick.clicked.connect(self._browse_template)
        template_row.addWidget(self.template, 1)
        template_row.addWidget(pick)
        form.addRow(tr("Modèle Word :"), template_row)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)  # in the dialog already: its default button is the dialog's
        self.export_button = self.buttons.addButton(tr("&Exporter"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.open_button = self.buttons.addButton(
            tr("&Ouvrir le document"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button = self.buttons.addButton(
            tr("Ouvrir le do&ssier"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.close_button = close
        self.close_text = close.text()
        self.cancel = threading.Event()
        self.finished_work = threading.Event()  # set by the export's thread as it ends
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_document)
        self.folder_button.clicked.connect(self.open_folder)
        self.open_button.hide()
        self.folder_button.hide()
        layout.addWidget(self.buttons)
        self.running = False
        self.steps: list[str] = []  # what the dialog said, step by step (for the tests)

    def _browse_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, tr("Dossier d'export"), self.folder.text())
        if name:
            self.folder.setText(name)

    def _browse_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Modèle Word"), str(self.source.absolute().parent), tr("Documents Word (*.docx)")
        )
        if name:
            self.template.setText(name)

    def targets(self) -> dict[str, Path]:
        # Left empty or a bare name (« comptes rendus »): beside the workshop file, never in the
        # folder Atelier happened to be started from, where nobody would look for them.
        beside = self.source.absolute().parent
        folder = beside / Path(self.folder.text().strip()).expanduser()
        stem = self.name.text().strip() or "atelier"
        chosen = {}
        if self.word.isChecked():
            chosen["docx"] = folder / f"{stem}.docx"
        if self.excel.isChecked():
            chosen["xlsx"] = folder / f"{stem}.xlsx"
        if self.fiches.isChecked():
            # Named in the window's language, as the box that ticks them: « … - fiches.docx ».
            chosen["fiches"] = folder / tr("{name} - fiches.docx").format(name=stem)
        return chosen

    def start(self) -> None:
        # The last export's documents are not offered beside what this one says (« rien n'a
        # été écrit »): only what this export writes is (`_done`, `_failed`).
        self._offer([])
        targets = self.targets()
        if not targets:
            self.message.setText(tr("Cochez au moins un format."))
            return
        if "fiches" in targets and self.anonymise.isChecked():
            self.message.setText(tr("Chaque fiche est nominative : décochez « Anonymiser » ou les fiches."))
            return
        template = Path(self.template.text().strip()) if self.template.text().strip() else None
        replace = self.confirm_replacing(targets)
        if replace is None:
            self.message.setText(tr("Rien n'a été écrit."))
            return
        self.running = True
        self.cancel = threading.Event()
        self.close_button.setText(tr("Annuler"))  # while it runs, Échap and this button cancel it
        self.error = None
        self.steps = []
        self._before = {path: _stamp(path) for path in targets.values()}  # to say what got written
        self.export_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.message.setText(tr("Export en cours…"))
        source, workshop_id, anonymise = self.source, self.workshop_id, self.anonymise.isChecked()
        from atelier.i18n import current_language

        language = current_language()  # the documents speak the window's language
        # What the export has to say besides (a section of the synthesis to read again, cells
        # cut at Excel's limit): shown with « Exporté », as the command line prints it.
        notes: list[str] = []
        self.notes = notes
        opening = reading(self.store) if self.store is not None else None
        cancel = self.cancel

        def stopping(report: Callable[[int, str], None]) -> Callable[[int, str], None]:
            def step(percent: int, what: str) -> None:
                if cancel.is_set():
                    raise _Cancelled()
                report(percent, what)

            return step

        finished = threading.Event()
        self.finished_work = finished

        def work(report: Callable[[int, str], None]) -> list[Path]:
            from atelier.stopping import abandoned_when

            try:
                with abandoned_when(cancel):  # cancelled: no document put in place after it
                    return export(
                        source,
                        workshop_id,
                        targets,
                        anonymise=anonymise,
                        template=template,
                        progress=stopping(report),
                        notes=notes,
                        replace=replace,
                        lang=language,
                        opening=opening,
                    )
            finally:
                finished.set()

        QueryOp(work, self._done).failure(self._failed).with_progress(self._progress).run_in_background()

    def stop(self, timeout: float = 20.0) -> None:
        """The window is closing (its close box, a session ending): the export under way is
        cancelled, and waited for until it has stopped (`timeout` seconds at most), before the
        file it reads is closed. A document being written is not put in place: the one there
        before stays as it was, and no temporary is left."""
        if not self.running:
            return
        self.cancel.set()
        self.finished_work.wait(timeout)

    def confirm_replacing(self, targets: dict[str, Path]) -> bool | None:
        """Whether existing files may be replaced: False when there are none, True when the
        user says « Remplacer », None when they keep them (nothing is written)."""
        existing = [path for path in targets.values() if os.path.lexists(path)]
        if not existing:
            return False
        if len(existing) == 1:
            text = tr("« {name} » existe déjà dans ce dossier. Le remplacer ?").format(name=existing[0].name)
        else:
            names = "\n".join(tr("« {name} »").format(name=path.name) for path in existing)
            text = tr("Ces fichiers existent déjà dans ce dossier :\n{names}\nLes remplacer ?").format(
                names=names
            )
        answer = QMessageBox.question(
            self,
            tr("Remplacer ?"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return True if answer == QMessageBox.StandardButton.Yes else None

    def reject(self) -> None:  # Échap, the close button, the window's close box
        """While the export runs: it is cancelled, and the dialog stays to say what came of it
        (it went away and the export went on unseen, its files appearing later, unsaid)."""
        if not self.running:
            super().reject()
            return
        if not self.cancel.is_set():
            self.cancel.set()
            self.message.setText(tr("Annulation de l'export…"))

    def _stopped(self) -> None:
        self.running = False
        self.close_button.setText(self.close_text)
        self.export_button.setEnabled(True)

    def _progress(self, percent: int, what: str) -> None:
        if self.cancel.is_set():
            return  # « Annulation de l'export… » stays until it has stopped
        if what == MATCHING:
            # One long step with nothing to count: a moving bar, and what is being done.
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)
        self.message.setText(step_text(what))
        self.steps.append(self.message.text())

    def _done(self, written: list[Path]) -> None:
        self._stopped()
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        # Cancelled too late (the files were already written): they are, and said so.
        said = tr("Exporté : {files}").format(files=", ".join(str(p) for p in written))
        self.message.setText("\n".join([said, *self.notes]))
        self._offer(written)
        self.open_button.setFocus()

    def _offer(self, written: list[Path]) -> None:
        """« Ouvrir le document » and « Ouvrir le dossier » for what was written, if anything."""
        self.written = list(written)
        self.open_button.setVisible(bool(written))
        self.folder_button.setVisible(bool(written))

    def _failed(self, error: BaseException) -> None:
        self._stopped()
        self.progress.setRange(0, 100)
        self.progress.hide()
        # One format written, the next refused (a USB stick full after the minutes): the
        # refusal's « rien n'a été modifié » is true of its file only; the others are said.
        written = [p for p, before in self._before.items() if _stamp(p) not in (None, before)]
        files = ", ".join(str(p) for p in written)
        if isinstance(error, (_Cancelled, Abandoned)):
            text = (
                tr("Export annulé ; écrit avant l'annulation : {files}").format(files=files)
                if written
                else tr("Export annulé : rien n'a été écrit.")
            )
            self._offer(written)
            self.error = text
            self.message.setText(text)
            return
        text = (
            error.user_message()
            if isinstance(error, AtelierError)
            else tr("L'export a échoué : {error}").format(error=error)
        )
        if written:
            text += "\n" + tr("Écrit avant l'erreur : {files}").format(files=files)
        self._offer(written)
        self.error = text
        self.message.setText(text)

    def open_document(self) -> None:
        if self.written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0])))

    def open_folder(self) -> None:
        if self.written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0].parent)))


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What tells a file written since: its inode, size and modification time (None if absent)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def _safe_name(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_'" else " " for c in title)
    return " ".join(keep.split())[:80]
