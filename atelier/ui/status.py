"""What the window says about its file and its helpers, without stopping the typing: the
read-only banner above the grid, and in the status bar whether suggestions already weigh
meaning and whether matching is running."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from atelier.store import Store
from atelier.ui.translate import tr


class ReadOnlyBanner(QLabel):
    """Above the grid, when typing would not be saved, and why; or when the file shown is not
    the one asked for (the last file gone, the example opened instead)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readonlyBanner")
        self.setWordWrap(True)

    def _look(self) -> None:
        # Set when first shown: a style sheet costs the first paint of the window that has one.
        if not self.styleSheet():
            self.setStyleSheet(
                "QLabel#readonlyBanner { background: #fff3c4; color: #3d2c00; padding: 6px; "
                "border: 1px solid #c9a400; }"
            )

    def show_for(self, store: Store) -> None:
        if store.locked_by_other:
            # Where, in words: not the lock file's « vm 29671 » (network name and process).
            elsewhere = store.lock_elsewhere()
            where = (
                ""
                if elsewhere is None
                else " " + tr("sur cet ordinateur")
                if not elsewhere
                else " " + tr("sur l'ordinateur « {name} »").format(name=elsewhere)
            )
            if store.held_by_command():  # `atelier match --save`, an import into it…
                said = tr(
                    "Ce fichier est en cours d'écriture par une commande d'Atelier{where}. Il est "
                    "ouvert ici en lecture seule : vos saisies ne seraient pas enregistrées ; "
                    "rouvrez-le quand elle aura fini."
                )
            else:
                said = tr(
                    "Ce fichier est déjà ouvert pour modification par une autre fenêtre{where}. "
                    "Il est ouvert ici en lecture seule : vos saisies ne seraient pas enregistrées."
                )
            self.setText(said.format(where=where))
            self._look()
            self.show()
        elif store.disk_full:
            self.setText(
                tr(
                    "Le disque où se trouve ce fichier est plein : l'atelier est ouvert en lecture "
                    "seule, vos saisies ne seraient pas enregistrées. Libérez de la place sur ce "
                    "disque, puis rouvrez le fichier ; ou enregistrez-en une copie sur un autre "
                    "disque (Fichier › Enregistrer une copie sous…)."
                )
            )
            self._look()
            self.show()
        elif store.readonly:
            self.setText(
                tr(
                    "Ce fichier (ou son dossier) est en lecture seule : il est ouvert en lecture "
                    "seule. Pour le modifier, enregistrez-en une copie ailleurs."
                )
            )
            self._look()
            self.show()
        else:
            self.hide()

    def add(self, text: str) -> None:
        """Something else to know about the file shown, above the grid: after what it already
        says (read-only), else alone. Hidden again when another file is opened."""
        if not self.isHidden() and self.text():  # shown with the window (it may not be yet)
            text = f"{self.text()}\n{text}"
        self.setText(text)
        self._look()
        self.show()


def why_read_only(store: Store) -> str:
    """One sentence for the status bar when someone types into a window that cannot save."""
    if store.locked_by_other and store.held_by_command():
        return tr(
            "Lecture seule : une commande d'Atelier écrit ce fichier ; ce que vous tapez ici "
            "n'est pas enregistré."
        )
    if store.locked_by_other:
        return tr(
            "Lecture seule : ce fichier est ouvert pour modification dans une autre fenêtre ; "
            "ce que vous tapez ici n'est pas enregistré."
        )
    if store.disk_full:
        return tr(
            "Lecture seule : le disque de ce fichier est plein ; ce que vous tapez ici n'est pas enregistré."
        )
    return tr(
        "Lecture seule : ce fichier (ou son dossier) est en lecture seule ; ce que vous tapez ici "
        "n'est pas enregistré."
    )


class MeaningLabel(QLabel):
    """Whether suggestions already weigh meaning, not only shared words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide()

    def show_state(self, state: str) -> None:
        text, tip = {
            "loading": (
                tr("Modèle de sens : chargement…"),
                tr("Les suggestions se fondent sur les mots en commun en attendant le modèle de sens."),
            ),
            "ready": (
                tr("Modèle de sens : actif"),
                tr("Les suggestions tiennent compte du sens, pas seulement des mots en commun."),
            ),
            "failed": (
                tr("Modèle de sens : indisponible"),
                tr("Modèle de sens non chargé : les suggestions se fondent sur les mots en commun."),
            ),
        }.get(state, ("", ""))
        self.setText(text)
        self.setToolTip(tip)
        self.setVisible(bool(text))


def matching_progress(parent: QWidget) -> QProgressBar:
    """A moving bar while matching runs (shown and hidden by the matching service)."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setMaximumWidth(160)
    bar.setFormat(tr("Rapprochement…"))
    bar.hide()
    return bar
