"""The main window on one .atelier file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from atelier.errors import AtelierError
from atelier.store import Store
from atelier.ui import settings
from atelier.ui.grid_model import GridModel


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        workshops = store.workshops()
        self.workshop = workshops[0] if workshops else None
        self.setMinimumSize(900, 560)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 10, 12, 6)
        self.header_label = QLabel(central)
        self.header_label.setObjectName("workshopHeader")
        self.header_label.setTextFormat(Qt.TextFormat.PlainText)
        title_font = QFont(self.header_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.header_label.setFont(title_font)
        self.details_label = QLabel(central)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.header_label)
        layout.addWidget(self.details_label)

        self.grid = QTableView(central)
        self.grid.setObjectName("grid")
        self.grid.setWordWrap(True)
        self.grid.setAlternatingRowColors(True)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setMinimumSectionSize(140)
        layout.addWidget(self.grid, 1)
        self.setCentralWidget(central)

        self.model: GridModel | None = None
        if self.workshop is not None:
            self.model = GridModel(store, self.workshop.id, self)
            self.grid.setModel(self.model)
        self._build_menus()
        self._refresh_header()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&Fichier"))
        open_action = QAction(tr("&Ouvrir…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_file)
        file_menu.addAction(open_action)
        import_action = QAction(tr("&Importer une grille…"), self)
        import_action.setShortcut(QKeySequence("Ctrl+I"))
        import_action.triggered.connect(lambda: self.import_grid())
        file_menu.addAction(import_action)
        self.import_action = import_action
        file_menu.addSeparator()
        quit_action = QAction(tr("&Quitter"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def _refresh_header(self) -> None:
        if self.workshop is None:
            self.setWindowTitle(f"Atelier — {self.store.path.name}")
            self.header_label.setText(tr("Ce fichier ne contient aucun atelier."))
            self.details_label.setText("")
            return
        workshop = self.workshop
        self.setWindowTitle(f"{workshop.title} — Atelier")
        self.header_label.setText(workshop.title)
        details = [d for d in (_french_date(workshop.date), workshop.place, workshop.organiser) if d]
        count = self.model.rowCount() if self.model else 0
        details.append(QCoreApplication.translate("MainWindow", "%n participant(s)", "", count))
        self.details_label.setText(" · ".join(details))
        mode = tr(" (lecture seule)") if self.store.readonly else ""
        self.statusBar().showMessage(tr("Fichier : {path}").format(path=self.store.path) + mode)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Ouvrir un atelier"), str(self.store.path.parent),
            tr("Fichiers Atelier (*.atelier)"),
        )
        if name:
            self.open_file(Path(name))

    def import_grid(self, source: Path | None = None, target: Path | None = None,
                    *, dialog_hook=None) -> bool:
        """Ask for a grid, preview it, then write it to a new .atelier file and open that."""
        from atelier.importers import write_plan
        from atelier.ui.import_dialog import ImportDialog, choose_grid, choose_target

        source = source or choose_grid(self, str(self.store.path.parent))
        if source is None:
            return False
        dialog = ImportDialog(source, self)
        if dialog_hook is not None:  # tests drive the dialog themselves
            dialog.read_now()
            accepted = dialog_hook(dialog)
        else:
            dialog.start()
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted or dialog.plan is None:
            return False
        target = target or choose_target(self, dialog.target_suggestion())
        if target is None:
            return False
        if target.resolve() == self.store.path.resolve():
            QMessageBox.warning(self, tr("Importer une grille"),
                                tr("Choisissez un autre fichier que celui qui est ouvert."))
            return False
        try:
            # The save dialog has already asked before replacing an existing file.
            result = write_plan(dialog.plan, target, force=True, **dialog.workshop_fields())
        except AtelierError as exc:
            QMessageBox.critical(self, tr("Importer une grille"), exc.user_message())
            return False
        return self.open_file(result.path)

    def open_file(self, path: Path) -> bool:
        try:
            store = Store.open(path)
        except AtelierError as exc:
            QMessageBox.critical(self, tr("Impossible d'ouvrir le fichier"), exc.user_message())
            return False
        old = self.store
        self.store = store
        workshops = store.workshops()
        self.workshop = workshops[0] if workshops else None
        self.model = GridModel(store, self.workshop.id, self) if self.workshop else None
        self.grid.setModel(self.model)
        old.close()
        settings.put(settings.LAST_FILE, str(path.resolve()))
        self._refresh_header()
        return True

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        settings.put(settings.GEOMETRY, self.saveGeometry().data())
        self.store.close()
        super().closeEvent(event)


_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"]


def _french_date(value: str | None) -> str:
    if not value:
        return ""
    try:
        year, month, day = (int(p) for p in value.split("-"))
    except ValueError:
        return value
    if QCoreApplication.translate("MainWindow", "fr") == "en":
        from datetime import date

        return date(year, month, day).strftime("%d %B %Y")
    return f"{day} {_MONTHS[month - 1]} {year}" if 1 <= month <= 12 else value
