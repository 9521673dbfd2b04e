"""Every command of the main window, declared once as data (napari's `qactions` shape).

One table says, for each command: where it sits in the menus, its text (with its mnemonic),
its shortcuts, what it runs, when it is enabled, and which task of the workshop it belongs
to. The menus, the window's shortcuts and the keyboard help (F1) are all generated from it,
so they cannot disagree, and a test checks that mnemonics are unique at each menu level.

Adding a command is one line in `entries()`:

    Action("followup.open", "file", tr("&Suivi des mises en relation…"), "open_followup",
           ("Ctrl+Shift+F",), task=EXPORT, when="workshop"),

`run` is the name of a MainWindow method, or a function of the window. `when` names one of
the predicates in `WHEN` (re-evaluated by `MainWindow.update_actions()`). A new menu is one
`Menu(...)` line; a submenu's id is its parent's id, a slash, and its own name.

Over 500 lines on purpose: most of it is the table, one entry per command; split, the
menus would no longer read in their order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from atelier.domain import MatchStatus
from atelier.french import typography
from atelier.ui import appearance, rows
from atelier.ui.translate import tr

# Tasks of a workshop, in the order the help shows them.
FILE, TYPE, MATCH, PROJECT, EXPORT, VIEW = "file", "type", "match", "project", "export", "view"
AFTER = "after"


def task_titles() -> dict[str, str]:
    return {
        TYPE: tr("Saisir la grille"),
        MATCH: tr("Rapprocher besoins et ressources"),
        PROJECT: tr("Projeter à la salle"),
        EXPORT: tr("Exporter et rédiger"),
        AFTER: tr("Après l'atelier : suivi, répertoire, ateliers du fichier"),
        FILE: tr("Fichiers"),
        VIEW: tr("Affichage et aide"),
    }


# Named tuples rather than frozen dataclasses: as read-only, several times faster to make at
# import (a frozen dataclass compiles five methods, ~0.35 ms each class), paid at every start.


class Menu(NamedTuple):
    id: str  # "file", or "file/recent" for a submenu of "file"
    text: str
    fill: str = ""  # a MainWindow method that refills the menu (recent files)


class Action(NamedTuple):
    id: str
    menu: str  # a Menu id, or "" for a shortcut of the window that no menu shows
    text: str
    run: str | Callable[[Any], Any]
    keys: tuple[str, ...] = ()  # portable text: "Ctrl+Shift+N" (Ctrl is ⌘ on a Mac)
    task: str = ""
    when: str = ""  # a key of WHEN; "" = always enabled
    checkable: bool = False
    exclusive: str = ""  # actions sharing this name form an exclusive group
    help: str = ""  # the help's wording, when the menu's text is not enough


class Separator(NamedTuple):
    menu: str


class HelpOnly(NamedTuple):
    """A key handled by a widget itself (the grid, the cell editor): listed in the help only."""

    task: str
    text: str
    keys: str


Entry = Menu | Action | Separator | HelpOnly


def _editable(window: Any) -> bool:
    return window.model is not None and not window.store.readonly


WHEN: dict[str, Callable[[Any], bool]] = {
    "workshop": lambda w: w.model is not None,
    "editable": _editable,
    "can_undo": lambda w: w.model is not None and w.model.undo_stack.canUndo(),
    "can_redo": lambda w: w.model is not None and w.model.undo_stack.canRedo(),
    "suggestion": lambda w: _editable(w) and w.panel.current_match_id() is not None,
}


def entries() -> list[Entry]:
    """The table. Order is menu order; the help follows it within each task."""
    return [
        Menu("file", tr("&Fichier")),
        Action("file.new", "file", tr("&Nouvel atelier…"), "new_file", ("Ctrl+Shift+N",), FILE),
        Action("file.open", "file", tr("&Ouvrir…"), "choose_file", ("Ctrl+O",), FILE),
        Menu("file/recent", tr("Fichiers &récents"), fill="fill_recent"),
        Separator("file"),
        Action(
            "file.import", "file", tr("&Importer une grille…"), lambda w: w.import_grid(), ("Ctrl+I",), FILE
        ),
        Action(
            "file.reimport",
            "file",
            tr("Réimporter la &grille dans cet atelier…"),
            lambda w: w.reimport_grid(),
            ("Ctrl+Shift+I",),
            FILE,
            "editable",
        ),
        Action(
            "file.export",
            "file",
            tr("&Exporter le compte rendu et les tableaux…"),
            lambda w: w.export_office(),
            ("Ctrl+E",),
            EXPORT,
            "workshop",
        ),
        Action("file.json", "file", tr("Exporter en &JSON…"), "export_json", ("Ctrl+Shift+E",), EXPORT),
        Action(
            "file.copy",
            "file",
            tr("Enregistrer une &copie sous…"),
            lambda w: w.save_copy(),
            ("Ctrl+Alt+S",),
            FILE,
        ),
        Separator("file"),
        Action(
            "file.merge",
            "file",
            tr("&Fusionner un fichier…"),
            lambda w: w.merge_file(),
            ("Ctrl+Shift+F",),
            FILE,
            "editable",
        ),
        Action(
            "file.merge_history",
            "file",
            tr("&Historique des fusions…"),
            lambda w: w.show_merge_history(),
            (),
            FILE,
            "workshop",
        ),
        Action(
            "file.restore",
            "file",
            tr("Restaurer une &sauvegarde…"),
            lambda w: w.restore_backup(),
            ("Ctrl+Shift+R",),
            FILE,
            "editable",
        ),
        Separator("file"),
        Action("file.quit", "file", tr("&Quitter"), "close", ("Ctrl+Q",), FILE),
        #
        Menu("edit", tr("É&dition")),
        Action("edit.undo", "edit", tr("&Annuler"), "undo", ("Ctrl+Z",), TYPE, "can_undo"),
        Action("edit.redo", "edit", tr("&Rétablir"), "redo", ("Ctrl+Shift+Z", "Ctrl+Y"), TYPE, "can_redo"),
        Separator("edit"),
        Action(
            "edit.add",
            "edit",
            tr("&Nouveau participant"),
            rows.add_participant,
            ("Ctrl+N", "Ctrl+Shift+Return"),
            TYPE,
            "editable",
        ),
        Action(
            "edit.delete",
            "edit",
            tr("&Supprimer le participant"),
            rows.delete_participant,
            ("Ctrl+Del",),
            TYPE,
            "editable",
        ),
        Action(
            "edit.up",
            "edit",
            tr("M&onter le participant"),
            lambda w: rows.move_participant(w, -1),
            ("Alt+Shift+Up",),
            TYPE,
            "editable",
        ),
        Action(
            "edit.down",
            "edit",
            tr("&Descendre le participant"),
            lambda w: rows.move_participant(w, 1),
            ("Alt+Shift+Down",),
            TYPE,
            "editable",
        ),
        Separator("edit"),
        Action(
            "edit.match",
            "edit",
            tr("Rapprocher &besoins et ressources"),
            "run_matching",
            ("F9",),
            MATCH,
            "workshop",
        ),
        Action(
            "edit.matches",
            "edit",
            tr("Aller aux &mises en relation"),
            "focus_matches",
            ("Ctrl+M",),
            MATCH,
            "workshop",
        ),
        Action(
            "edit.confirm",
            "edit",
            tr("Con&firmer la suggestion"),
            lambda w: w.panel.matches.decide(MatchStatus.CONFIRMED),
            ("Ctrl+Shift+C",),
            MATCH,
            "suggestion",
        ),
        Action(
            "edit.reject",
            "edit",
            tr("É&carter la suggestion"),
            lambda w: w.panel.matches.decide(MatchStatus.REJECTED),
            ("Ctrl+Shift+X",),
            MATCH,
            "suggestion",
            help=tr("Écarter la suggestion (la suivante est choisie)"),
        ),
        Action(
            "edit.manual",
            "edit",
            tr("Mettre en relation à la ma&in…"),
            "match_by_hand",
            ("Ctrl+Shift+K",),
            MATCH,
            "editable",
        ),
        Action(
            "edit.glossary",
            "edit",
            tr("&Glossaire de l'atelier…"),
            lambda w: w.edit_glossary(),
            ("Ctrl+Shift+G",),
            MATCH,
            "workshop",
        ),
        Action(
            "edit.synthesis",
            "edit",
            tr("S&ynthèse du compte rendu…"),
            lambda w: w.edit_synthesis(),
            ("Ctrl+Shift+S",),
            EXPORT,
            "workshop",
        ),
        Separator("edit"),
        Action("edit.search", "edit", tr("R&echercher"), "focus_search", ("Ctrl+F",), TYPE),
        Action("edit.grid", "edit", tr("A&ller à la grille"), "focus_grid", ("Ctrl+G",), TYPE),
        #
        Menu("view", tr("&Affichage")),
        Action(
            "view.bigger",
            "view",
            tr("A&grandir le texte"),
            lambda w: appearance.zoom(w, 1),
            ("Ctrl++", "Ctrl+="),
            VIEW,
        ),
        Action(
            "view.smaller",
            "view",
            tr("&Réduire le texte"),
            lambda w: appearance.zoom(w, -1),
            ("Ctrl+-",),
            VIEW,
        ),
        Action(
            "view.normal", "view", tr("Taille &normale"), lambda w: appearance.zoom(w, 0), ("Ctrl+0",), VIEW
        ),
        Action(
            "view.contrast",
            "view",
            tr("Contraste &élevé"),
            appearance.toggle_contrast,
            ("Ctrl+Shift+H",),
            VIEW,
            checkable=True,
        ),
        Action(
            "view.card",
            "view",
            tr("Fiche du &participant"),
            "toggle_card",
            ("Ctrl+Shift+P",),
            VIEW,
            checkable=True,
        ),
        Menu("view/language", tr("&Langue (au prochain démarrage)")),
        Action(
            "view.lang.system",
            "view/language",
            tr("Celle du &système"),
            lambda w: appearance.set_language(w, ""),
            checkable=True,
            exclusive="language",
        ),
        Action(
            "view.lang.fr",
            "view/language",
            "&Français",
            lambda w: appearance.set_language(w, "fr"),
            checkable=True,
            exclusive="language",
        ),
        Action(
            "view.lang.en",
            "view/language",
            "&English",
            lambda w: appearance.set_language(w, "en"),
            checkable=True,
            exclusive="language",
        ),
        Action("view.menu", "", tr("Ouvrir la barre de menus"), "open_menu_bar", ("F10",), VIEW),
        #
        Menu("projector", tr("&Projecteur")),
        Action(
            "projector.toggle",
            "projector",
            tr("&Projeter à la salle"),
            lambda w: w.projector_control.toggle(),
            ("F5",),
            PROJECT,
            "workshop",
            checkable=True,
            help=tr("Projeter à la salle / revenir à la grille"),
        ),
        Separator("projector"),
        Action(
            "projector.cards",
            "projector",
            tr("Vue « &Mises en relation »"),
            lambda w: w.projector_control.set_view("cards"),
            ("Ctrl+1",),
            PROJECT,
            "workshop",
            checkable=True,
            exclusive="projector-view",
        ),
        Action(
            "projector.spotlight",
            "projector",
            tr("Vue « Projecteur sur un p&articipant »"),
            lambda w: w.projector_control.set_view("spotlight"),
            ("Ctrl+2",),
            PROJECT,
            "workshop",
            checkable=True,
            exclusive="projector-view",
        ),
        Action(
            "projector.network",
            "projector",
            tr("Vue « &Réseau »"),
            lambda w: w.projector_control.set_view("network"),
            ("Ctrl+3",),
            PROJECT,
            "workshop",
            checkable=True,
            exclusive="projector-view",
        ),
        Action(
            "projector.next",
            "projector",
            tr("Page &suivante"),
            lambda w: w.projector_control.call("next_page", 1),
            ("Ctrl+PgDown",),
            PROJECT,
            "workshop",
            help=tr("Page suivante (vue « Projecteur sur un participant » : le participant suivant)"),
        ),
        Action(
            "projector.previous",
            "projector",
            tr("Page pré&cédente"),
            lambda w: w.projector_control.call("next_page", -1),
            ("Ctrl+PgUp",),
            PROJECT,
            "workshop",
            help=tr("Page précédente (vue « Projecteur sur un participant » : le participant précédent)"),
        ),
        Separator("projector"),
        Action(
            "projector.suggestions",
            "projector",
            tr("Montrer les su&ggestions"),
            lambda w: w.projector_control.apply_options(),
            ("Ctrl+Shift+U",),
            PROJECT,
            checkable=True,
        ),
        Action(
            "projector.private",
            "projector",
            tr("Masquer les &noms (structures à la place)"),
            lambda w: w.projector_control.apply_options(),
            ("Ctrl+Shift+M",),
            PROJECT,
            checkable=True,
        ),
        Action(
            "projector.fullscreen",
            "projector",
            tr("P&lein écran du projecteur"),
            lambda w: w.projector_control.call("toggle_full_screen"),
            ("F11",),
            PROJECT,
            "workshop",
        ),
        Action(
            "projector.png",
            "projector",
            tr("E&xporter la vue en PNG…"),
            lambda w: w.projector_control.export_png(),
            ("Ctrl+Alt+P",),
            EXPORT,
            "workshop",
        ),
        #
        Menu("workshops", tr("Ateliers et s&uivi")),
        Action(
            "workshops.grid",
            "workshops",
            tr("&Grille de l'atelier"),
            lambda w: w.show_page("grid"),
            ("Alt+1",),
            AFTER,
        ),
        Action(
            "workshops.followup",
            "workshops",
            tr("&Suivi des mises en relation"),
            lambda w: w.show_page("followup"),
            ("Alt+2",),
            AFTER,
            "workshop",
        ),
        Action(
            "workshops.directory",
            "workshops",
            tr("&Répertoire de tous les ateliers"),
            lambda w: w.show_page("directory"),
            ("Alt+3",),
            AFTER,
            "workshop",
        ),
        Action(
            "workshops.followup_export",
            "workshops",
            tr("E&xporter le suivi de tous les ateliers (Excel)…"),
            "export_follow_up",
            ("Ctrl+Alt+E",),
            EXPORT,
            "workshop",
        ),
        Separator("workshops"),
        Action(
            "workshops.switch",
            "workshops",
            tr("&Changer d'atelier…"),
            "open_switcher",
            ("Ctrl+Shift+A",),
            AFTER,
            "workshop",
        ),
        Action(
            "workshops.previous",
            "workshops",
            tr("Atelier &précédent"),
            lambda w: w.step_workshop(-1),
            ("Ctrl+Alt+PgUp",),
            AFTER,
            "workshop",
        ),
        Action(
            "workshops.next",
            "workshops",
            tr("Atelier s&uivant"),
            lambda w: w.step_workshop(1),
            ("Ctrl+Alt+PgDown",),
            AFTER,
            "workshop",
        ),
        Separator("workshops"),
        Action(
            "workshops.new",
            "workshops",
            tr("&Nouvel atelier dans ce fichier"),
            lambda w: w.new_workshop(),
            ("Ctrl+Alt+N",),
            AFTER,
            "editable",
        ),
        Action(
            "workshops.import",
            "workshops",
            tr("Importer une grille comme nouvel ate&lier…"),
            lambda w: w.import_as_workshop(),
            ("Ctrl+Alt+I",),
            AFTER,
            "editable",
        ),
        Action(
            "workshops.rename",
            "workshops",
            tr("Reno&mmer l'atelier…"),
            lambda w: w.rename_workshop(),
            task=AFTER,
            when="editable",
        ),
        Action(
            "workshops.join",
            "workshops",
            tr("Réunir avec un au&tre atelier du même jour…"),
            lambda w: w.join_workshop(),
            task=AFTER,
            when="editable",
        ),
        Action(
            "workshops.delete",
            "workshops",
            tr("Supprimer l'at&elier…"),
            lambda w: w.delete_workshop(),
            task=AFTER,
            when="editable",
        ),
        Separator("workshops"),
        Action(
            "workshops.across",
            "workshops",
            tr("Rapprocher aussi avec les &autres ateliers"),
            "toggle_across",
            task=MATCH,
            checkable=True,
            help=tr("Rapprocher les besoins des offres des autres ateliers du fichier aussi"),
        ),
        #
        Menu("help", tr("A&ide")),
        Action("help.keys", "help", tr("&Raccourcis clavier"), "show_shortcuts", ("F1",), VIEW),
        Action("help.about", "help", tr("À &propos d'Atelier"), "show_about"),
        #
        HelpOnly(TYPE, tr("Modifier la cellule"), tr("Entrée, F2, ou taper directement")),
        HelpOnly(TYPE, tr("Nouvel élément dans la cellule"), tr("Entrée pendant la saisie")),
        HelpOnly(TYPE, tr("Valider la cellule"), tr("Ctrl+Entrée, ou Tab pour passer à la suivante")),
        HelpOnly(TYPE, tr("Annuler la saisie de la cellule"), tr("Échap")),
        HelpOnly(TYPE, tr("Cellule suivante / précédente"), tr("Tab / Maj+Tab, flèches")),
        HelpOnly(TYPE, tr("Vider la cellule (Ctrl+Z la remet)"), tr("Suppr ou Retour arrière")),
        HelpOnly(
            TYPE,
            tr("Coller une liste dans la cellule, ou des lignes de tableau comme participants"),
            "Ctrl+V",
        ),
        HelpOnly(TYPE, tr("Dans la recherche : revenir à la grille / effacer"), tr("Entrée / Échap")),
        HelpOnly(TYPE, tr("Champs de l'en-tête et de la fiche"), tr("Alt + la lettre soulignée")),
        HelpOnly(MATCH, tr("Suggestion suivante / précédente"), tr("↓ / ↑ dans la liste")),
        HelpOnly(PROJECT, tr("Revenir à la grille (projection sur le seul écran)"), tr("Échap")),
        HelpOnly(
            PROJECT,
            tr("Sur la projection (seul écran, télécommande) : page ou participant suivant / précédent"),
            tr("Page suiv, Espace, → / Page préc, ←"),
        ),
        HelpOnly(AFTER, tr("Suivi : à contacter, contactée, faite, sans suite"), tr("A, C, F, S")),
        HelpOnly(AFTER, tr("Suivi : un état, à une autre date qu'aujourd'hui"), tr("Maj+A, C, F, S")),
        HelpOnly(AFTER, tr("Suivi : changer la date de l'étape"), tr("D")),
        HelpOnly(AFTER, tr("Suivi : écrire une note"), tr("Entrée")),
        HelpOnly(AFTER, tr("Suivi : retirer la dernière étape (après confirmation)"), tr("Suppr")),
        HelpOnly(AFTER, tr("Répertoire : aller aux résultats / ouvrir dans la grille"), tr("↓ / Entrée")),
    ]


def key_text(keys: tuple[str, ...]) -> str:
    """« Ctrl+Maj+Z, Ctrl+Y »: every shortcut of a command, as the keyboard labels them."""
    return ", ".join(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in keys)


def plain(text: str) -> str:
    """A menu text as a sentence: without its mnemonic marker (« &Ouvrir… » → « Ouvrir… »)."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def mnemonic(text: str) -> str:
    """The letter after a single « & », lower case, or "" when there is none."""
    index = 0
    while True:
        index = text.find("&", index)
        if index < 0 or index + 1 >= len(text):
            return ""
        if text[index + 1] == "&":
            index += 2
            continue
        return text[index + 1].casefold()


def help_rows() -> list[tuple[str, list[tuple[str, str]]]]:
    """The keyboard help, grouped by task: [(task title, [(what, keys)])]."""
    titles = task_titles()
    grouped: dict[str, list[tuple[str, str]]] = {task: [] for task in titles}
    for entry in entries():
        if isinstance(entry, Action) and entry.keys and entry.task:
            grouped[entry.task].append((entry.help or plain(entry.text), key_text(entry.keys)))
        elif isinstance(entry, HelpOnly):
            grouped[entry.task].append((entry.text, entry.keys))
    return [(titles[task], rows) for task, rows in grouped.items() if rows]


class Built(NamedTuple):
    actions: dict[str, QAction]
    menus: dict[str, QMenu]
    when: dict[str, str]  # action id → predicate name

    def update_enabled(self, window: QWidget) -> None:
        """Enable each action whose `when` holds now."""
        for action_id, name in self.when.items():
            self.actions[action_id].setEnabled(bool(WHEN[name](window)))

    def follow_undo_stack(self, stack: QUndoStack, window: QWidget) -> None:
        """Annuler and Rétablir say what they would undo or redo, and are enabled when they can."""
        stack.canUndoChanged.connect(lambda _can: self.update_enabled(window))
        stack.canRedoChanged.connect(lambda _can: self.update_enabled(window))
        from atelier.ui.commands import step_in_sentence

        # « Annuler : confirmer la mise en relation »: no capital after the colon.
        undo, redo = self.actions["edit.undo"], self.actions["edit.redo"]
        stack.undoTextChanged.connect(
            lambda text: undo.setText(
                typography(tr("&Annuler : {what}").format(what=step_in_sentence(text)))
                if text
                else tr("&Annuler")
            )
        )
        stack.redoTextChanged.connect(
            lambda text: redo.setText(
                typography(tr("&Rétablir : {what}").format(what=step_in_sentence(text)))
                if text
                else tr("&Rétablir")
            )
        )


def build(window: QMainWindow) -> Built:
    """Make the menus and the actions of `window` from the table."""
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}
    groups: dict[str, QActionGroup] = {}
    actions: dict[str, QAction] = {}
    when: dict[str, str] = {}
    for entry in entries():
        if isinstance(entry, Menu):
            parent, _, _ = entry.id.rpartition("/")
            menu = menus[parent].addMenu(entry.text) if parent else bar.addMenu(entry.text)
            menu.setObjectName(f"menu:{entry.id}")
            if entry.fill:
                menu.aboutToShow.connect(getattr(window, entry.fill))
            menus[entry.id] = menu
        elif isinstance(entry, Separator):
            menus[entry.menu].addSeparator()
        elif isinstance(entry, Action):
            action = QAction(entry.text, window)
            action.setObjectName(entry.id)
            if entry.keys:
                action.setShortcuts([QKeySequence(key) for key in entry.keys])
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(entry.checkable)
            if entry.exclusive:
                group = groups.get(entry.exclusive)
                if group is None:
                    group = groups[entry.exclusive] = QActionGroup(window)
                    group.setExclusive(True)
                group.addAction(action)
            run = entry.run
            if isinstance(run, str):
                method = getattr(window, run)
                action.triggered.connect(lambda _checked=False, m=method: m())
            else:
                action.triggered.connect(lambda _checked=False, f=run: f(window))
            if entry.menu:
                menus[entry.menu].addAction(action)
            window.addAction(action)  # its shortcut works even when no menu shows it
            actions[entry.id] = action
            if entry.when:
                when[entry.id] = entry.when
    return Built(actions, menus, when)
