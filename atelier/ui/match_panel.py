"""The selected participant's needs in the card, each with the resources suggested or
confirmed and why; confirm, reject, or match by hand (each an undoable command)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from atelier.domain import ABSENT, EXCUSED, FollowUp, ItemKind, MatchStatus, Participant, Reason, listed_order
from atelier.errors import AtelierError
from atelier.french import aside, is_plural, without_quotes
from atelier.ui.grid_model import GridModel
from atelier.ui.translate import tr


def challenge_said(reasons: list[Reason], several: bool) -> str:
    """Beside the name of someone whose challenge is put with a need: « (même défi) » when it
    is on the need's subject (`reasons.on_its_subject`: a word, an acronym, a theme in
    common), else « (a pour défi) »: meaning alone makes no challenge the same."""
    from atelier.reasons import on_its_subject

    if on_its_subject(reasons):
        return tr(" (même défi)")
    return tr(" (ont pour défi)") if several else tr(" (a pour défi)")


MatchRole = Qt.ItemDataRole.UserRole + 10
StatusRole = Qt.ItemDataRole.UserRole + 12
ResourceRole = Qt.ItemDataRole.UserRole + 13  # a suggestion's resource (`_choose_again`)
DroppedRole = Qt.ItemDataRole.UserRole + 14  # a decision followed up « sans suite »: greyed
REASON_INDENT = 1.6  # a reason's lines start this many em right of its resource's


class WholeText(QStyledItemDelegate):
    """Draws an item of the match list whole: wrapped at the width it really has (the tree's
    indentation taken off), each reason on its own indented lines, the row as tall as all of
    it. Qt's own drawing measured the rows at the tree's full width, then cut the last line
    that did not fit with « … » (« Le propose comme ressource… », « [4 %]… »)."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def document(self, text: str, font: QFont, width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(font)
        document.setDocumentMargin(2)
        document.setTextWidth(max(40.0, width))
        cursor = QTextCursor(document)
        indent = QFontMetricsF(font).horizontalAdvance("M") * REASON_INDENT
        for number, line in enumerate(text.split("\n")):
            block = QTextBlockFormat()
            reason = line.startswith("    ")
            block.setLeftMargin(indent if reason else 0)
            if number:
                cursor.insertBlock(block)
            else:
                cursor.setBlockFormat(block)
            cursor.insertText(line.strip() if reason else line)
        return document

    def width_for(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """The width an item's text has: the tree's, less one indentation per level."""
        depth = 1 if self.tree.rootIsDecorated() else 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        return self.tree.viewport().width() - depth * self.tree.indentation()

    def _font(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QFont:
        font = index.data(Qt.ItemDataRole.FontRole)
        return QFont(font) if isinstance(font, QFont) else QFont(option.font)

    def sizeHint(  # Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self.width_for(index)
        document = self.document(text, self._font(option, index), width)
        return QSize(width, int(document.size().height() + 0.999) + 4)

    def paint(  # Qt's name
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        # The item's own text: the style option's has its line breaks turned into line
        # separators (U+2028), one block, so a reason wrapped on went on at the panel's edge.
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        view_option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, widget)
        document = self.document(text, self._font(option, index), option.rect.width())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context = QAbstractTextDocumentLayout.PaintContext()
        colour = option.palette.color(group, role)
        if not selected and enabled and index.data(DroppedRole):  # followed up « sans suite »: greyed
            colour = option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        context.palette.setColor(QPalette.ColorRole.Text, colour)
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()


class _MatchTree(QTreeView):
    """The match list: its rows are measured again whenever the width its text has changes
    (the card's dock dragged, a scroll bar coming or going)."""

    # Ctrl+Maj+C or Ctrl+Maj+X pressed with no suggestion chosen (their actions are disabled
    # then, and the keys come here): the status of the decision it would have been.
    undecided = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._width = -1
        self.viewport().installEventFilter(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        wanted = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        decisions = {Qt.Key.Key_C: MatchStatus.CONFIRMED, Qt.Key.Key_X: MatchStatus.REJECTED}
        if event.modifiers() == wanted and event.key() in decisions:
            self.undecided.emit(decisions[Qt.Key(event.key())])
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            width = self.viewport().width()
            if width != self._width:
                self._width = width
                self.scheduleDelayedItemsLayout()
        return super().eventFilter(watched, event)


class _OnShow(QObject):
    """Calls `then` each time `widget` is shown (after Qt has laid it out and made its buttons)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Show:
            self._then()
        return super().eventFilter(watched, event)


class _OtherWorkshops:
    """Resources of other workshops of the file that a need of this one was matched to:
    read once per refresh, and said with their workshop's date."""

    def __init__(self, store: Any, items: dict[str, Any], people: dict[str, Any], here: str) -> None:
        self.store = store
        self.here = here
        self.items = items
        self.people = people
        self.workshops: dict[str, Any] | None = None

    def known(self, item_id: str) -> bool:
        if item_id in self.items:
            return True
        try:
            item = self.store.item(item_id)
            # Someone who asked not to be published in the directory: not named here (seen_from).
            owner = self.store.participant(item.participant_id).seen_from(self.here)
            self.people.setdefault(item.participant_id, owner)
        except AtelierError:
            return False
        self.items[item_id] = item
        return True

    def when(self, participant_id: str) -> str:
        from atelier.french import long_date

        participant = self.people.get(participant_id)
        if participant is None or self.store is None:
            return ""
        if self.workshops is None:
            self.workshops = {w.id: w for w in self.store.workshops()}
        # Their cell says they were not at the workshop (Participant.away): not met there; of
        # this one (« (excusée) » typed after a decision with them), said too, as the grid does.
        away = participant.away()
        if participant.workshop_id == self.here:
            return {EXCUSED: tr("excusé·e"), ABSENT: tr("absent·e")}.get(away, "")
        workshop = self.workshops.get(participant.workshop_id)
        if workshop is None:
            return ""
        if workshop.date:
            said = {
                EXCUSED: tr(" (excusé·e à l'atelier du {date})"),
                ABSENT: tr(" (absent·e à l'atelier du {date})"),
            }.get(away, tr(" (atelier du {date})"))
            return said.format(date=long_date(workshop.date))
        said = {  # never « atelier du Atelier… »
            EXCUSED: tr(" (excusé·e à l'atelier « {title} »)"),
            ABSENT: tr(" (absent·e à l'atelier « {title} »)"),
        }.get(away, tr(" (atelier « {title} »)"))
        return said.format(title=without_quotes(workshop.title))


class MatchPanel(QWidget):
    """The selected participant's needs, each with the resources suggested or confirmed."""

    selection_changed = Signal()  # the suggestion chosen in the list (or none) changed
    said = Signal(str)  # what a decision did, for the status bar (with its Ctrl+Z)
    hinted = Signal(str)  # what to do instead of a key that could do nothing, for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: GridModel | None = None
        self.participant_id: str | None = None
        self._shown_for: str | None = None  # the participant whose needs the list shows
        self._deciding = False  # a decision's own refresh: `decide` chooses the next one
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setObjectName("matchesTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.tree_model = QStandardItemModel(self)
        self.tree = _MatchTree(self)
        self.tree.setObjectName("matchTree")
        self.tree.setModel(self.tree_model)
        self.tree.setItemDelegate(WholeText(self.tree))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(14)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        # No mnemonics here: Alt+letters belong to the menus and the fields; these three
        # have their own shortcuts (Ctrl+Maj+C, Ctrl+Maj+X, Ctrl+Maj+K).
        self.confirm_button = QPushButton(tr("Confirmer"), self)
        self.reject_button = QPushButton(tr("Écarter"), self)
        self.manual_button = QPushButton(tr("À la main…"), self)
        self.confirm_button.setToolTip(tr("Confirmer la suggestion choisie (Ctrl+Maj+C)"))
        self.reject_button.setToolTip(tr("Écarter la suggestion : elle ne reviendra plus (Ctrl+Maj+X)"))
        self.manual_button.setToolTip(
            tr("Mettre le besoin choisi en relation avec une ressource de votre choix (Ctrl+Maj+K)")
        )
        for button in (self.confirm_button, self.reject_button, self.manual_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.confirmed = QLabel(self)
        self.confirmed.setWordWrap(True)
        layout.addWidget(self.confirmed)
        self.confirm_button.clicked.connect(lambda: self.decide(MatchStatus.CONFIRMED))
        self.reject_button.clicked.connect(lambda: self.decide(MatchStatus.REJECTED))
        self.manual_button.clicked.connect(self.add_manual)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.tree.undecided.connect(self._say_undecided)

    def set_model(self, model: GridModel | None) -> None:
        if self.model is not None:
            self.model.matches_changed.disconnect(self.refresh)
            self.model.participant_changed.disconnect(self._participant_changed)
        self.model = model
        if model is not None:
            model.matches_changed.connect(self.refresh)
            model.participant_changed.connect(self._participant_changed)
        self.show_participant(None)

    def _participant_changed(self, participant_id: str) -> None:
        if participant_id == self.participant_id:
            self.refresh()

    def show_participant(self, participant_id: str | None) -> None:
        self.participant_id = participant_id
        self.refresh()

    def refresh(self) -> None:
        current = self.current_match_id()
        # Shown again for the same participant (matching saved its suggestions, a decision,
        # its undo): what was chosen stays chosen, as far as it is still there (`_choose_again`).
        same = self.participant_id is not None and self.participant_id == self._shown_for
        chosen_need = self.current_need_id() if same else None
        chosen_pair = self._pair_of(current) if same else None
        self._shown_for = self.participant_id
        self.tree_model.clear()
        model = self.model
        if model is None or self.participant_id is None or model.row_of(self.participant_id) < 0:
            self.title.setText("")
            self.confirmed.setText("")
            self._update_buttons()
            return
        store = model.store
        people = {p.id: p for p in model.participants()}
        items = {i.id: i for i in model.items()}  # as the grid holds them: not read again
        statements = len(items)  # in a small grid, one word in common is « possible » at most
        elsewhere = _OtherWorkshops(store, items, people, model.workshop_id)
        needs = model.items_of(self.participant_id, ItemKind.NEED)
        title = (
            tr("Qui peut aider ? (aucun besoin)")  # as said, not « (0 besoin) »
            if not needs
            else tr("Qui peut aider ? ({n} besoins)")
            if is_plural(len(needs))
            else tr("Qui peut aider ? ({n} besoin)")
        )
        self.title.setText(title.format(n=len(needs)))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        from atelier.confidence import confidence
        from atelier.matching.across import with_themself
        from atelier.reasons import aimed, checked, helper_away, one_word_of_a_short_statement, say_all
        from atelier.ui.translate import ui_language

        language = ui_language()
        select = None
        never_kept = store.readonly and bool(needs) and not store.matches(model.workshop_id)
        # Older versions confirmed « A. Martin » with what « Mme Anne Martin » offered the year
        # before: kept (the facilitator's decision), flagged here, never told the room.
        themself = with_themself(store, [m for need in needs for m in store.matches_for_need(need.id)])
        for need in needs:
            need_item = QStandardItem(need.text)
            need_item.setFont(bold)
            need_item.setData(need.id, MatchRole + 1)
            matches = [
                m
                for m in store.matches_for_need(need.id)
                if m.status != MatchStatus.REJECTED and elsewhere.known(m.resource_id)
            ]
            # As `atelier match` lists them (`listed_order`): confirmed, then added by hand,
            # then suggestions as the engine ranks them (offers first); a suggestion
            # « possible » at most (one word to a short statement) never above a « très
            # probable » one, whatever its score.
            matches.sort(
                key=lambda m: listed_order(
                    m.status,
                    items[m.resource_id].kind,
                    m.score,
                    one_word_of_a_short_statement(
                        m.reasons, need.text, items[m.resource_id].text, statements
                    ),
                )
            )
            if not matches:
                # Read-only, the window cannot keep its suggestions: « nobody close » would
                # be read as « nobody here can help ».
                empty = QStandardItem(
                    tr("(fichier en lecture seule : les suggestions n'y sont pas enregistrées)")
                    if never_kept
                    else tr("(aucune ressource proche pour l'instant)")
                )
                empty.setEnabled(False)
                need_item.appendRow(empty)
            for match in matches:
                resource = items[match.resource_id]
                who = people.get(resource.participant_id)
                name = who.display_name() if who else ""
                mark = {MatchStatus.CONFIRMED: "✔ ", MatchStatus.MANUAL: "✔ "}.get(match.status, "")
                # Followed up « sans suite » (« Suivi », `atelier suivi`): no longer a match that
                # stands, said so and greyed, never ✔ (as the minutes and the fiches say it).
                dropped = mark != "" and match.follow_up == FollowUp.DROPPED
                if dropped:
                    mark = ""
                if match.id in themself or match.retyped:
                    mark = "⚠ "
                several = who is not None and len(who.names) >= 2  # « Zoé et Loïc (ont déjà fait) »
                # An aim typed among their actions (« objectifs : créer… »): what they aim to do,
                # never what they did (reasons.aimed).
                aim = aimed(resource.kind, resource.text)
                if aim:
                    done = tr(" (ont pour objectif)") if several else tr(" (a pour objectif)")
                else:
                    done = tr(" (ont déjà fait)") if several else tr(" (a déjà fait)")
                kind = {
                    ItemKind.ACTION: done,
                    ItemKind.CHALLENGE: challenge_said(match.reasons, several),
                }.get(resource.kind, "")
                # Decisions say nothing of confidence; a suggestion says how sure, in words.
                # One word linking a statement of two words, or in a small grid, is « possible » at most.
                thin = one_word_of_a_short_statement(match.reasons, need.text, resource.text, statements)
                sure = (
                    ""
                    if match.status != MatchStatus.SUGGESTED
                    else f" [{confidence(match.score, language, thin=thin)}]"
                )
                said_who = aside(name, kind, elsewhere.when(resource.participant_id))
                text = f"{mark}{said_who} — {resource.text}{sure}"
                # Of another workshop, their cell there saying they were not at it (« (excusée) »):
                # never « a proposé lors de l'atelier du … » (reasons.helper_away). Decided (not
                # retyped since): never « à vérifier », as on its card (reasons.checked).
                said = say_all(
                    helper_away(match.reasons, who.away() if who else ""),
                    language,
                    confirmed=checked(match),
                    aim=aim,
                )
                if match.id in themself:
                    said.insert(
                        0,
                        tr(
                            "Même personne que celle qui cherche : cette mise en relation n'est ni "
                            "projetée ni exportée ; écartez-la (Ctrl+Maj+X) pour la retirer"
                        ),
                    )
                elif match.retyped:
                    said.insert(
                        0,
                        tr(
                            "Texte modifié depuis la décision : confirmez-la (Ctrl+Maj+C) "
                            "ou écartez-la (Ctrl+Maj+X)"
                        ),
                    )
                if dropped:
                    said.insert(0, tr("Mise en relation classée sans suite (Suivi, Alt+2)"))
                text += "\n    " + "\n    ".join(said[:3])
                child = QStandardItem(text)
                child.setData(match.id, MatchRole)
                child.setData(str(match.status), StatusRole)
                child.setData(match.resource_id, ResourceRole)
                child.setData(dropped, DroppedRole)
                child.setToolTip("\n".join(said))
                need_item.appendRow(child)
                if match.id == current:
                    select = child
            self.tree_model.appendRow(need_item)
        self._helped_elsewhere(store, model.workshop_id, items, people)
        self.tree.expandAll()
        if select is not None:
            self.tree.setCurrentIndex(select.index())
        elif chosen_need is not None and not self._deciding:
            self._choose_again(chosen_need, chosen_pair)
        decided = [
            m
            for m in store.matches(model.workshop_id)
            if m.status in (MatchStatus.CONFIRMED, MatchStatus.MANUAL)
        ]
        # As the minutes count them: one of a person with themself (older versions) is not one.
        alone = len(with_themself(store, decided))
        confirmed = tr("Mises en relation décidées dans l'atelier : {n}").format(n=len(decided) - alone)
        if alone:
            confirmed += tr(" (et {n} d'une personne avec elle-même, à écarter)").format(n=alone)
        gone = sum(1 for m in decided if m.follow_up == FollowUp.DROPPED)
        if gone:  # as the minutes: « dont 1 classée sans suite »
            confirmed += (
                tr(" (dont {n} classées sans suite)")
                if is_plural(gone)
                else tr(" (dont {n} classée sans suite)")
            ).format(n=gone)
        retyped = sum(1 for m in decided if m.retyped)
        if retyped:  # statements retyped since the decision: to review
            confirmed += tr(" ; {n} à revoir (texte modifié depuis la décision)").format(n=retyped)
        self.confirmed.setText(confirmed)
        self._update_buttons()

    def _helped_elsewhere(self, store: Any, here: str, items: dict[str, Any], people: dict[str, Any]) -> None:
        """The needs of other workshops of the file that what this participant offered or does
        was confirmed for (matching across workshops): shown where they work with them, after
        their own needs, each flagged with its workshop's title and date. Decided and followed
        up in that workshop: no decision key acts on them here (no match id on the rows)."""
        from atelier.french import long_date

        mine = {i.id for i in items.values() if i.participant_id == self.participant_id}
        found = [m for m in store.decided_elsewhere_with(here) if m.resource_id in mine]
        for match in found:
            try:
                need = store.item(match.need_id)
                asker = store.participant(need.participant_id).seen_from(here)
                workshop = store.workshop(match.workshop_id)
            except AtelierError:
                continue
            where = tr("atelier « {title} »").format(title=without_quotes(workshop.title))
            if workshop.date:
                where = f"{where}, {long_date(workshop.date)}"
            need_item = QStandardItem(f"{need.text} — {aside(asker.display_name() or '—', where)}")
            need_item.setToolTip(need_item.text())
            slanted = QFont(self.tree.font())
            slanted.setItalic(True)  # not one of theirs (theirs are in bold)
            need_item.setFont(slanted)
            resource = items[match.resource_id]
            helper = people.get(resource.participant_id)
            met = (
                tr("l'atelier du {date}").format(date=long_date(workshop.date))
                if workshop.date
                else tr("l'atelier « {title} »").format(title=without_quotes(workshop.title))
            )
            if match.follow_up == FollowUp.DROPPED:  # never ✔: it came to nothing there
                text = f"{helper.display_name() if helper else ''} — {resource.text}\n    " + tr(
                    "Confirmée à {where}, classée sans suite depuis"
                ).format(where=met)
            else:
                text = f"✔ {helper.display_name() if helper else ''} — {resource.text}\n    " + tr(
                    "Confirmée à {where} : elle y est décidée et suivie"
                ).format(where=met)
            child = QStandardItem(text)
            child.setToolTip(text)
            need_item.appendRow(child)
            self.tree_model.appendRow(need_item)

    def _pair_of(self, match_id: str | None) -> tuple[str, str] | None:
        """The need and the resource of a match shown (matching saved anew gives it a new id)."""
        if match_id is None or self.model is None:
            return None
        try:
            match = self.model.store.match(match_id)
        except AtelierError:
            return None
        return match.need_id, match.resource_id

    def _choose_again(self, need_id: str, pair: tuple[str, str] | None) -> None:
        """After the list is made again for the need being looked at: the suggestion chosen if
        it is still there (the same need and resource), else the need's first suggestion still
        to decide, as Ctrl+M chooses one (its own line had stayed chosen, and Ctrl+Maj+C
        confirmed nothing); a need with none keeps its own line."""
        for row in range(self.tree_model.rowCount()):
            need = self.tree_model.item(row)
            if need.data(MatchRole + 1) != need_id:
                continue
            children = [need.child(r) for r in range(need.rowCount())]
            shown = [c for c in children if c.data(MatchRole)]
            kept = [c for c in shown if pair == (need_id, c.data(ResourceRole))]
            undecided = [c for c in shown if c.data(StatusRole) == MatchStatus.SUGGESTED]
            chosen = (kept or undecided or [need])[0]
            self.tree.setCurrentIndex(chosen.index())
            self.tree.scrollTo(chosen.index())
            return

    def current_match_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(MatchRole) if index.isValid() else None

    def current_need_id(self) -> str | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        if index.parent().isValid():
            index = index.parent()
        need_id: str | None = index.data(MatchRole + 1)
        return need_id

    def _update_buttons(self) -> None:
        editable = self.model is not None and not self.model.store.readonly
        has_match = self.current_match_id() is not None
        self.confirm_button.setEnabled(editable and has_match)
        self.reject_button.setEnabled(editable and has_match)
        self.manual_button.setEnabled(editable and self.current_need_id() is not None)
        self.selection_changed.emit()

    def select_first_suggestion(self) -> bool:
        for row in range(self.tree_model.rowCount()):
            need = self.tree_model.item(row)
            for child_row in range(need.rowCount()):
                child = need.child(child_row)
                if child.data(MatchRole):
                    self.tree.setCurrentIndex(child.index())
                    return True
        return False

    def _suggestion_ids(self) -> list[str]:
        """Every suggestion still to decide, in the order shown."""
        found = []
        for row in range(self.tree_model.rowCount()):
            need = self.tree_model.item(row)
            for child_row in range(need.rowCount()):
                child = need.child(child_row)
                if child.data(MatchRole) and child.data(StatusRole) == MatchStatus.SUGGESTED:
                    found.append(child.data(MatchRole))
        return found

    def select_match(self, match_id: str) -> bool:
        for row in range(self.tree_model.rowCount()):
            need = self.tree_model.item(row)
            for child_row in range(need.rowCount()):
                child = need.child(child_row)
                if child.data(MatchRole) == match_id:
                    self.tree.setCurrentIndex(child.index())
                    self.tree.scrollTo(child.index())
                    return True
        return False

    def decide(self, status: MatchStatus) -> None:
        """Confirm or reject the chosen suggestion; then the next one still to decide is chosen,
        so that the next decision is one key away (and the next key never undoes this one:
        Ctrl+Maj+X right after Ctrl+Maj+C must not reject what was just confirmed)."""
        from atelier.ui import commands

        match_id = self.current_match_id()
        if self.model is None or match_id is None:
            return
        unnamed = ""
        if status == MatchStatus.CONFIRMED:
            agreed = self._confirm_unnamed(match_id)
            if agreed is None:
                return  # not confirmed: the suggestion stays as it was, chosen
            unnamed = agreed
        done = self._decision_said(match_id, status)
        order = self._suggestion_ids()
        self._deciding = True
        try:
            pushed = commands.push(self.model, commands.SetMatchStatus(self.model, match_id, status))
        finally:
            self._deciding = False
        if not pushed:
            return
        if unnamed or done:
            self.said.emit(unnamed or done)
        if self.current_match_id() not in (None, match_id):
            return
        open_now = set(self._suggestion_ids())
        at = order.index(match_id) if match_id in order else len(order)
        for candidate in order[at + 1 :] + order[:at][::-1]:
            if candidate in open_now and self.select_match(candidate):
                return
        # Nothing left to decide for this participant: the need stays chosen, no suggestion.
        self._select_need_of(match_id)

    def _people_of(self, match_id: str) -> tuple[Participant, Participant] | None:
        """The one who asks and the one who helps of this match; None if it cannot be read."""
        if self.model is None:
            return None
        store = self.model.store
        try:
            match = store.match(match_id)
            asker = store.participant(store.item(match.need_id).participant_id)
            helper = store.participant(store.item(match.resource_id).participant_id)
        except AtelierError:
            return None
        return asker, helper

    def _decision_said(self, match_id: str, status: MatchStatus) -> str:
        """« Mise en relation confirmée : Anne Martin ← Karim Benali — Ctrl+Z pour annuler »:
        what the decision does, between whom (the one who asks ← the one who helps, as a cell
        emptied names the follow-ups it takes), and how to undo it; "" if it cannot be named."""
        people = self._people_of(match_id)
        if people is None:
            return ""
        asker, helper = people
        done = (
            tr("Mise en relation confirmée : {asker} ← {helper} — Ctrl+Z pour annuler")
            if status == MatchStatus.CONFIRMED
            else tr("Suggestion écartée : {asker} ← {helper} — Ctrl+Z pour annuler")
        )
        return done.format(asker=asker.display_name() or "—", helper=helper.display_name() or "—")

    def _say_undecided(self, status: MatchStatus) -> None:
        """Ctrl+Maj+C / Ctrl+Maj+X with a need's own line chosen, not one of its suggestions:
        the keys did nothing and said nothing (the facilitator took it for done). Said what to
        do instead; a file that cannot be written says so itself (the banner)."""
        if self.model is None or self.model.store.readonly or self.current_match_id() is not None:
            return
        index = self.tree.currentIndex()
        if index.isValid() and not index.parent().isValid() and not self.tree_model.hasChildren(index):
            self.hinted.emit(
                tr("Ce besoin n'a pas encore de suggestion : Ctrl+Maj+K le met en relation à la main.")
            )
        elif status == MatchStatus.CONFIRMED:
            self.hinted.emit(
                tr(
                    "Aucune suggestion choisie : descendez sur l'une d'elles (↓), puis Ctrl+Maj+C "
                    "pour la confirmer."
                )
            )
        else:
            self.hinted.emit(
                tr(
                    "Aucune suggestion choisie : descendez sur l'une d'elles (↓), puis Ctrl+Maj+X "
                    "pour l'écarter."
                )
            )

    def _confirm_unnamed(self, match_id: str) -> str | None:
        """A match across workshops with someone who asked not to be published in the
        directory (« Ne pas publier dans le répertoire », the person's « no » across workshops):
        asked first, saying what the other workshop's pages, follow-up and documents will say
        (« une personne non nommée à sa demande », Participant.seen_from). None: not to be
        confirmed; "" nothing to ask; else what the status bar says once it is confirmed."""
        from PySide6.QtWidgets import QMessageBox

        from atelier.french import long_date

        if self.model is None:
            return None
        store = self.model.store
        people = self._people_of(match_id)
        if people is None:
            return ""
        asker, helper = people
        if asker.workshop_id == helper.workshop_id or not (asker.unlisted or helper.unlisted):
            return ""
        person, other = (asker, helper) if asker.unlisted else (helper, asker)
        workshop = store.workshop(other.workshop_id)
        where = (
            tr("atelier du {date}").format(date=long_date(workshop.date))
            if workshop.date
            else tr("atelier « {title} »").format(title=without_quotes(workshop.title))
        )
        who, them = person.display_name() or "—", other.display_name() or "—"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Confirmer la mise en relation"),
            tr(
                "{who} a demandé à ne pas figurer dans le répertoire (⊘ hors répertoire), et {other} "
                "est d'un autre atelier ({where})."
            ).format(who=person.people() or who, other=other.people() or them, where=where),
            parent=self,
        )
        box.setInformativeText(
            tr(
                "Confirmée, la mise en relation est suivie ici ; les fiches, le suivi et les documents "
                "de l'{where} ne nomment pas la personne : « une personne non nommée à sa demande », "
                "et c'est à vous de faire le lien. Si elle accepte d'être nommée, décochez « Ne pas "
                "publier dans le répertoire » sur sa fiche."
            ).format(where=where)
        )
        confirm = box.addButton(tr("&Confirmer sans la nommer"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(cancel)
        box.setDefaultButton(cancel)  # her « no » first: Entrée changes nothing
        box.exec()
        if box.clickedButton() is not confirm:
            return None
        return tr(
            "Mise en relation confirmée : les documents de l'{where} ne nomment pas {who}, à sa "
            "demande — Ctrl+Z pour annuler"
        ).format(where=where, who=person.people() or who)

    def _select_need_of(self, match_id: str) -> None:
        for row in range(self.tree_model.rowCount()):
            need = self.tree_model.item(row)
            for child_row in range(need.rowCount()):
                if need.child(child_row).data(MatchRole) == match_id:
                    self.tree.setCurrentIndex(need.index())
                    return

    def _ask_resource(self, need: str, choices: list[str]) -> str | None:
        """The resource that answers `need`, chosen in a list. The box names the need, and
        keeps to a laptop's screen: its list was as wide as the longest action of the grid,
        and « OK » and « Annuler » went off the screen with it (each line whole in its tooltip)."""
        from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel

        from atelier.french import shorten

        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("Mettre en relation à la main"))
        dialog.setLabelText(
            tr("Quelle ressource répond au besoin « {need} » ?").format(need=shorten(need, 160))
        )
        dialog.setComboBoxItems(choices)
        dialog.setComboBoxEditable(False)
        for label in dialog.findChildren(QLabel):
            label.setWordWrap(True)
        combo = dialog.findChild(QComboBox)
        if combo is not None:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(70)
            for row, text in enumerate(choices):
                combo.setItemData(row, text, Qt.ItemDataRole.ToolTipRole)
            # Nothing chosen for the user: the box opened on the grid's first resource with « OK »
            # as its default, and Ctrl+Maj+K, Entrée decided a match nobody chose. « OK » waits
            # for a resource picked with the arrows or by typing its first letters.
            combo.setPlaceholderText(tr("Choisissez une ressource (flèches ou premières lettres)"))

            def chosen_or_not() -> None:
                buttons = dialog.findChild(QDialogButtonBox)  # made as the box shows
                ok = buttons.button(QDialogButtonBox.StandardButton.Ok) if buttons is not None else None
                if ok is not None:
                    ok.setEnabled(combo.currentIndex() >= 0)

            combo.currentIndexChanged.connect(chosen_or_not)
            dialog.textValueChanged.connect(lambda _text: chosen_or_not())
            combo.setCurrentIndex(-1)
            _OnShow(dialog, chosen_or_not)  # the box makes « OK », enabled, as it shows
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = combo.currentText() if combo is not None else dialog.textValue()
        dialog.deleteLater()
        return chosen if accepted and chosen in choices else None

    def add_manual(self, *, choice: str | None = None) -> bool:
        from atelier.ui import commands

        need_id = self.current_need_id()
        if self.model is None or need_id is None or self.participant_id is None:
            return False
        people = {p.id: p for p in self.model.participants()}
        options: dict[str, str] = {}
        need_text = ""
        for item in self.model.store.workshop_items(self.model.workshop_id):
            if item.id == need_id:
                need_text = item.text
            if item.participant_id == self.participant_id or item.kind == ItemKind.NEED:
                continue
            who = people[item.participant_id].display_name()
            options[f"{who} — {item.text}"] = item.id
        if not options:
            return False
        if choice is None:
            choice = self._ask_resource(need_text, list(options))
            if choice is None:
                return False
        resource_id = options.get(choice)
        if resource_id is None:
            return False
        command = commands.AddManualMatch(self.model, need_id, resource_id)
        if not commands.push(self.model, command):
            return False
        self.select_match(command.match.id)  # the match just made, not a suggestion beside it
        return True
