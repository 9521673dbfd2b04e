"""« Glossaire de l'atelier… »: the workshop's own acronyms and near-synonyms, saved at once
through undoable commands (on the window's undo stack, like the grid's edits)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from atelier.domain import GlossaryEntry, GlossaryKind
from atelier.errors import AtelierError
from atelier.store import checked_glossary_entry
from atelier.ui import commands
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.ui.grid_model import GridModel

EntryRole = Qt.ItemDataRole.UserRole + 20


def kind_name(kind: GlossaryKind) -> str:
    return tr("Sigle") if kind == GlossaryKind.ACRONYM else tr("Mots proches")


class GlossaryDialog(QDialog):
    """Lists the workshop's entries; adding or removing one writes it to the file at once
    (and the model's `glossary_changed` runs matching again)."""

    def __init__(self, model: GridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.store = store = model.store
        self.workshop_id = model.workshop_id
        self.setWindowTitle(tr("Glossaire de l'atelier"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Ajoutez les sigles et les mots proches propres à cet atelier : le rapprochement "
                "s'en sert aussitôt. Ils sont enregistrés dans le fichier de l'atelier ; le glossaire "
                "fourni avec Atelier ({acronyms} sigles, {families} familles de mots) reste inchangé."
            ).format(**self._shipped_counts())
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Type"), tr("Terme"), tr("Développé ou mots proches")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)

        form_box = QWidget()
        form = QFormLayout(form_box)
        self.kind = QComboBox()
        for kind in GlossaryKind:
            self.kind.addItem(kind_name(kind), str(kind))
        self.term = QLineEdit()
        self.term.setPlaceholderText(tr("ex. CLEE, ou insertion"))
        self.words = QLineEdit()
        self.words.setPlaceholderText(
            tr("sigle : son développé ; mots proches : séparés par des virgules (bénévoles, associations)")
        )
        form.addRow(tr("&Type :"), self.kind)
        form.addRow(tr("T&erme :"), self.term)
        form.addRow(tr("&Développé ou mots proches :"), self.words)
        layout.addWidget(form_box)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("&Ajouter"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button = QPushButton(tr("&Supprimer la ligne"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        for widget in (self.kind, self.term, self.words, self.add_button, self.remove_button):
            widget.setEnabled(not store.readonly)
        self.words.returnPressed.connect(self.add_entry)
        model.glossary_changed.connect(self.refresh)  # its own edits, and their undo
        self.refresh()
        self.term.setFocus()

    def _shipped_counts(self) -> dict[str, int]:
        from atelier.matching import default_glossary

        shipped = default_glossary()
        return {"acronyms": len(shipped.acronyms), "families": len(shipped.families)}

    def refresh(self) -> None:
        entries = self.store.glossary(self.workshop_id)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [kind_name(entry.kind), entry.term, ", ".join(entry.words)]
            if entry.kind == GlossaryKind.ACRONYM:
                cells[2] = " ".join(entry.words)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(EntryRole, entry.id)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.remove_button.setEnabled(bool(entries) and not self.store.readonly)

    def add_entry(self) -> bool:
        kind = GlossaryKind(self.kind.currentData())
        text = self.words.text().strip()
        words = [text] if kind == GlossaryKind.ACRONYM else [w for w in text.split(",")]
        entry = GlossaryEntry(self.workshop_id, kind, self.term.text(), words)
        try:
            checked_glossary_entry(entry)  # an empty one is said here, under the fields
        except AtelierError as exc:
            self.message.setText(exc.user_message())
            return False
        if not commands.push(self.model, commands.PutGlossaryEntry(self.model, entry)):
            return False
        self.message.setText(tr("« {term} » ajouté au glossaire de l'atelier.").format(term=self.term.text()))
        self.term.clear()
        self.words.clear()
        self.term.setFocus()
        return True

    def remove_selected(self) -> None:
        cell = self.table.item(self.table.currentRow(), 0)
        if cell is None:
            return
        entry_id = cell.data(EntryRole)
        entry = next((e for e in self.store.glossary(self.workshop_id) if e.id == entry_id), None)
        if entry is None or not commands.push(self.model, commands.DeleteGlossaryEntry(self.model, entry)):
            return
        self.message.setText(tr("« {term} » retiré du glossaire de l'atelier.").format(term=entry.term))
