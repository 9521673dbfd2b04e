"""Fichier › Historique des fusions : every merge the file went through, and every value each
one set aside (kept in the file, so that nothing two facilitators typed is ever lost)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.store.merge import MergeRecord


def history_text(records: list[MergeRecord]) -> str:
    """The history as plain text: one paragraph per merge, newest first, each set-aside value."""
    if not records:
        return tr("Ce fichier n'a encore été fusionné avec aucun autre.")
    from atelier.french import count, is_plural, typography

    blocks = []
    for record in reversed(records):
        head = tr("Fusion du {when} : « {first} » et « {second} »").format(
            when=record.label(),
            first=record.files[0] if record.files else "?",
            second=record.files[1] if len(record.files) > 1 else "?",
        )
        if record.nothing_new:  # the same copy merged again
            facts = tr("Rien de nouveau dans « {name} »").format(
                name=record.files[1] if len(record.files) > 1 else "?"
            )
            blocks.append("\n".join([typography(head), typography(facts)]))
            continue
        facts = ", ".join(
            [
                count(record.added, tr("entrée ajoutée"), tr("entrées ajoutées")),
                count(record.removed, tr("suppression appliquée"), tr("suppressions appliquées")),
                count(record.conflicts, tr("conflit"), tr("conflits")),
                count(record.updates, tr("champ mis à jour"), tr("champs mis à jour")),
            ]
        )
        lines = [typography(head), facts]
        if record.future_sentence():  # a copy whose clock was ahead: what it did not get
            lines.append(f"  – {record.future_sentence()}")
        lines += [f"  – {k.sentence()}" for k in record.kept_deleted]
        lines += [f"  – {d.sentence()}" for d in record.differences]
        if record.erased:  # what it said of entries deleted since: not kept
            erased = (
                tr("{n} lignes effacées : les entrées dont elles parlaient ont été supprimées depuis.")
                if is_plural(record.erased)
                else tr("{n} ligne effacée : l'entrée dont elle parlait a été supprimée depuis.")
            )
            lines.append("  – " + typography(erased.format(n=record.erased)))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


class MergeHistoryDialog(QDialog):
    def __init__(self, records: list[MergeRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Historique des fusions"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Chaque valeur écartée par une fusion est gardée dans le fichier, sauf celles "
                "d'une entrée supprimée depuis. Les voici, fusion par fusion."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        font = QFont(self.text.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.text.setFont(font)
        self.text.setPlainText(history_text(records))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
