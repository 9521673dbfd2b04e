"""The projector window: what the back of the room reads while the facilitator keeps typing.

Three views painted in large type (dark on white: projectors wash out colours):
match cards, the participant in the spotlight, and the network of who can help whom.
The window never needs the mouse: the main window drives it.

Over 500 lines: one window whose three views share its layout, fonts, paging and the
network's markers; a fourth view would be the moment to give each its own module.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from atelier.domain import EXCUSED
from atelier.french import as_typed, aside, is_plural, typography
from atelier.french import count as count_of
from atelier.ui.grid_model import GridModel
from atelier.ui.operations import QueryOp
from atelier.ui.translate import tr

if TYPE_CHECKING:
    from atelier.projection import Network

INK = QColor("#111111")
MUTED = QColor("#4a4a4a")
# Why a card's two people meet, read from the back of the room: nearly the size of the need
# and the offer (36), and nearly black (it was 28 px of #4a4a4a, too faint on a projector).
REASON = QColor("#262626")
REASON_SIZE = 34
ACCENT = QColor("#0b4f8a")
SUGGESTION = QColor("#8a4b00")
LINK_SUGGESTED = QColor("#8c96a0")  # a suggested link: light, dashed, under the confirmed ones
PAPER = QColor("#ffffff")
CARD = QColor("#f1f4f8")
# Okabe–Ito: told apart by colour-blind eyes, and still apart on a washed-out projector.
GROUP_COLOURS = [
    QColor(c)
    for c in ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
]
SHAPES = ("circle", "square", "triangle", "diamond")  # 8 colours × 4 shapes: 32 groups told apart
VIEWS = ("cards", "spotlight", "network")
REFERENCE = QSize(1920, 1080)


def wrap(metrics: QFontMetricsF, text: str, width: float, max_lines: int) -> list[str]:
    """Lines of at most `width`, cut between words; the last one ends with « … » if text remains.
    A single word wider than a line (a URL) is the only thing ever cut inside."""
    words = [w for w in re.split(r"[ \t\n]+", text) if w]  # never cut at a non-breaking space
    lines: list[str] = []
    current = ""
    index = 0
    while index < len(words):
        word = words[index]
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width:
            current = candidate
            index += 1
            continue
        if not current:  # one word longer than the line
            current = metrics.elidedText(word, Qt.TextElideMode.ElideRight, width)
            index += 1
        lines.append(current)
        current = ""
        if len(lines) == max_lines:
            break
    if current and len(lines) < max_lines:
        lines.append(current)
        current = ""
    if index < len(words) and lines:
        lines[-1] = _cut(metrics, lines[-1], width)
    return lines


def _cut(metrics: QFontMetricsF, line: str, width: float) -> str:
    """`line`, told to go on, within `width`: cut after a whole word, « … » right after it
    (« elle propose… », never « elle propose … » nor a comma before it)."""
    last = line
    while last and metrics.horizontalAdvance(_ended(last)) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else ""
    return _ended(last) if last else "…"


def _ended(text: str) -> str:
    return text.rstrip(" \u00a0\u202f,;:(–—-") + "…"


@dataclass
class _CardPlan:
    """A card's lines, measured before it is painted."""

    x: float
    y: float
    width: float
    fonts: tuple[QFont, QFont, QFont]  # the need and offer, the names, the reasons
    seeker_text: str
    seeker_max: int
    need_lines: int
    helper_text: str
    helper_max: int
    offer_lines: int
    why: list[str]
    whole: bool  # nothing it says cut
    end: float = 0.0  # the y below its last line


CARD_SCALES = (1.0, 0.93, 0.87, 0.8)
FEW_CARD_SCALES = (1.3, 1.2, 1.1)  # one or two cards on the page: larger while they fit whole


def _fit_who(metrics: QFontMetricsF, template: str, who: str, width: float, max_lines: int) -> str:
    """`template` said of `who` on at most `max_lines`: the name cut between words with « … »
    when the whole does not fit, so that what follows it stays."""
    words = who.split()
    text = template.format(who=as_typed(who))
    while len(words) > 1 and len(wrap(metrics, typography(text), width, 99)) > max_lines:
        words.pop()
        short = _ended(" ".join(words))
        text = template.format(who=as_typed(short + (")" if short.count("(") > short.count(")") else "")))
    return text


def _fit_person(metrics: QFontMetricsF, who: str, width: float, max_lines: int) -> str:
    """« Prénom Nom (Structure) » on at most `max_lines`: the name cut between words with « … »
    first, the structure in brackets kept (it says who they are for the room); only a structure
    too long alone is cut too."""
    found = re.match(r"^(.*\S)\s+(\([^()]*\))$", who)
    if found is None:
        return who
    name, structure = found.group(1).split(), found.group(2)

    def fits(text: str) -> bool:
        return len(wrap(metrics, typography(text), width, 99)) <= max_lines

    while len(name) > 1:
        name.pop()
        text = f"{_ended(' '.join(name))} {structure}"
        if fits(text):
            return text
    return text


def draw_marker(painter: QPainter, shape: str, centre: QPointF, radius: float) -> None:
    """A node of the network: a circle, square, triangle or diamond of the group's colour."""
    if shape == "circle":
        painter.drawEllipse(centre, radius, radius)
        return
    if shape == "square":
        side = radius * 1.75
        painter.drawRect(QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side))
        return
    r = radius * 1.25
    if shape == "triangle":
        corners = [(0.0, -r), (r * 0.95, r * 0.7), (-r * 0.95, r * 0.7)]
    else:  # diamond
        corners = [(0.0, -r), (r, 0.0), (0.0, r), (-r, 0.0)]
    painter.drawPolygon(QPolygonF([QPointF(centre.x() + dx, centre.y() + dy) for dx, dy in corners]))


# The main window's actions a key on the projection may run: the projection's own (show or
# hide it, its views, pages, names, suggestions, full screen). With one screen the projection
# covers the grid: Ctrl+N, Ctrl+Suppr, Ctrl+Z, Ctrl+Maj+C… forwarded there used to add, delete,
# undo and confirm out of the facilitator's sight. (Ctrl+Alt+P opens a dialog: not from here.)
PROJECTOR_KEYS = frozenset(
    {
        "projector.toggle",
        "projector.cards",
        "projector.spotlight",
        "projector.network",
        "projector.next",
        "projector.previous",
        "projector.suggestions",
        "projector.private",
        "projector.fullscreen",
    }
)


def run_shortcut(window: QWidget, sequence: QKeySequence) -> bool:
    """Trigger the main window's enabled projector action bound to `sequence` (the projector
    forwards the keys it does not handle: with one screen it has the keyboard). Any other
    action acts on the grid hidden behind the projection: never from here."""
    for action in window.actions():
        if action.objectName() not in PROJECTOR_KEYS:
            continue
        if action.isEnabled() and any(
            s.matches(sequence) == QKeySequence.SequenceMatch.ExactMatch for s in action.shortcuts()
        ):
            action.trigger()
            return True
    return False


# The share of the network's picture its names may cover before they are drawn smaller.
LABELS_COVER = 0.18


def _nearest_on(box: QRectF, point: QPointF) -> QPointF:
    """The point of `box` nearest to `point`."""
    return QPointF(min(max(point.x(), box.left()), box.right()), min(max(point.y(), box.top()), box.bottom()))


def _gap(box: QRectF, point: QPointF) -> float:
    nearest = _nearest_on(box, point)
    return math.hypot(nearest.x() - point.x(), nearest.y() - point.y())


class ProjectorWindow(QWidget):
    """A second top-level window; one of three views, refreshed from the file when it changes."""

    changed = Signal()
    escape = Signal()
    # Page suivante / précédente in the spotlight: the next or previous participant (+1 / -1).
    step = Signal(int)

    def __init__(self, model: GridModel) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(tr("Atelier — projecteur"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # typing stays in the grid
        self.model = model
        self.shortcut_target: Any = None  # the main window, whose shortcuts keys are forwarded to
        self.view = "cards"
        self.private = False
        # The room sees confirmed matches; suggestions only when the facilitator asks.
        self.suggestions = False
        self.page = 0
        self.participant_id: str | None = None
        self.projection: Any = None
        self.network: Any = None
        self._network_key: Any = None
        self._layout_busy = False
        # The last layout failed (a network too big for the memory left...): the view says so,
        # never « Pas encore de mise en relation. » over a workshop with matches.
        self._layout_error = False
        self._label_places: dict[Any, list[Any]] = {}  # the network's labels, placed once per size
        self.drawn: list[str] = []  # every text painted last time: what the room can read
        self.node_labels: list[str] = []  # each dot's label of the network, its lines joined
        self.pages = 1
        self._detached = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.rebuild)
        for signal in (
            model.matches_changed,
            model.workshop_changed,
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.rowsMoved,
            model.dataChanged,
        ):
            signal.connect(self.schedule)
        self.resize(1280, 720)
        self.rebuild()

    # ------------------------------------------------------------- state

    def schedule(self, *_args: Any) -> None:
        """Something changed in the main window: refresh soon, once, without blocking typing."""
        self._timer.start()

    def set_view(self, view: str) -> None:
        self.view = view
        self.page = 0
        self.update()
        self.changed.emit()

    def set_private(self, private: bool) -> None:
        self.private = private
        self.rebuild()

    def set_suggestions(self, shown: bool) -> None:
        self.suggestions = shown
        self.rebuild()

    def follow(self, participant_id: str | None) -> None:
        if participant_id != self.participant_id:
            self.participant_id = participant_id
            if self.view == "spotlight":
                self.update()
                self.changed.emit()

    def next_page(self, step: int = 1) -> None:
        if self.view == "spotlight":  # one participant at a time: the clicker goes to the next
            self.step.emit(step)
            return
        self.page = (self.page + step) % max(1, self.pages)
        self.update()
        self.changed.emit()

    def detach(self) -> None:
        """Another file is open, or the window closes: this model's file is closed (or about to
        be), so a refresh due or a layout still running must not read it or draw on a window
        Qt has deleted."""
        self._detached = True
        self._timer.stop()

    def rebuild(self) -> None:
        from atelier.projection import build

        self._timer.stop()
        if self._detached or self.model.store.closed:  # its file closed: nothing to read
            return
        from atelier.ui.translate import ui_language

        self.projection = build(
            self.model.store,
            self.model.workshop_id,
            private=self.private,
            suggestions=self.suggestions,
            lang=ui_language(),
        )
        net = self.projection.network
        key = (
            tuple((n.id, n.group) for n in net.nodes),
            tuple((e.source, e.target, e.confirmed, e.review) for e in net.edges),
        )
        if key != self._network_key:
            self._network_key = key
            self._start_layout(net)
        else:
            self._relabel()
        self.update()
        self.changed.emit()

    def _relabel(self) -> None:
        """Same picture, names as asked now (the privacy toggle does not move anyone)."""
        if self.network is None or self.projection is None:
            return
        fresh = {n.id: n for n in self.projection.network.nodes}
        for node in self.network.nodes:
            if node.id in fresh:
                node.label, node.short = fresh[node.id].label, fresh[node.id].short

    def _start_layout(self, network: Any) -> None:
        from atelier.projection import layout

        if self._layout_busy:
            self._layout_again = network
            return
        self._layout_busy = True
        self._layout_error = False
        self._layout_again = None
        # A thread of its own: Qt's pool may be held for seconds by matching and the meaning
        # model, and the room would read « Calcul du réseau… » all that time.
        QueryOp(lambda _report: layout(network), self._layout_done).failure(
            self._layout_failed
        ).run_in_background(own_thread=True, name="atelier-network")

    def _layout_done(self, network: Any) -> None:
        self._layout_busy = False
        if self._detached:
            return
        if self._layout_again is not None:
            self._start_layout(self._layout_again)
            return
        self.network = network
        self._relabel()
        self.update()
        self.changed.emit()

    def _layout_failed(self, _error: BaseException) -> None:
        self._layout_busy = False
        if self._detached:
            return
        if self._layout_again is not None:
            self._start_layout(self._layout_again)
            return
        self._layout_error = True
        self.network = None
        self.update()
        self.changed.emit()

    @property
    def layout_ready(self) -> bool:
        return not self._layout_busy and self.network is not None

    # ------------------------------------------------------------- screens

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt's name
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif event.key() == Qt.Key.Key_Escape:
            self.escape.emit()  # shown over the only screen: back to the grid
        elif (
            event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Right) and not event.modifiers()
        ):
            self.next_page(1)
        elif event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_Left) and not event.modifiers():
            self.next_page(-1)
        elif self.shortcut_target is not None and run_shortcut(
            self.shortcut_target, QKeySequence(event.keyCombination())
        ):
            return  # F5, Ctrl+1/2/3, Ctrl+Maj+M… work while the projection has the keyboard
        else:
            super().keyPressEvent(event)

    # ------------------------------------------------------------- painting

    def paintEvent(self, _event: Any) -> None:  # Qt's name
        painter = QPainter(self)
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    def render_image(self, size: QSize = REFERENCE) -> QImage:
        image = QImage(size, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        self.paint(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(rect, PAPER)
        self.drawn = []
        # Each line drawn: its text, its box and its font's pixel size; each card's box (what
        # the room reads, where: checked by the tests).
        self.placed: list[tuple[str, QRectF, int]] = []
        self.card_boxes: list[QRectF] = []
        # Sizes follow the screen: 40 px body text on a 1080-line projector.
        self.unit = min(rect.height() / 1080, rect.width() / 1920)
        if self.projection is None:
            return
        {"cards": self._paint_cards, "spotlight": self._paint_spotlight, "network": self._paint_network}[
            self.view
        ](painter, rect)

    def _font(self, size: float, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(9, round(size * self.unit)))
        font.setBold(bold)
        return font

    def _text(
        self,
        painter: QPainter,
        x: float,
        y: float,
        width: float,
        text: str,
        font: QFont,
        colour: QColor,
        max_lines: int = 1,
    ) -> float:
        """Draw wrapped text from (x, y); returns the y below it."""
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(colour)
        text = typography(text)  # « : » and « ; » never alone at the start of a line
        for line in wrap(metrics, text, width, max_lines):
            painter.drawText(QPointF(x, y + metrics.ascent()), line)
            self._placed(line, x, y, metrics, font)
            y += metrics.lineSpacing()
        return y

    def _placed(self, line: str, x: float, y: float, metrics: QFontMetricsF, font: QFont) -> None:
        self.drawn.append(line)
        box = QRectF(x, y, metrics.horizontalAdvance(line), metrics.ascent() + metrics.descent())
        self.placed.append((line, box, font.pixelSize()))

    def _header(
        self, painter: QPainter, rect: QRectF, title: str, right: str = "", *, person: bool = False
    ) -> float:
        """The page's title, and `right` (smaller) at its right. A `person`'s title (the
        spotlight's « Nom (Structure) ») takes two lines and smaller type before it is cut, and
        is cut in the name, never in the structure that says who they are for the room."""
        margin = 48 * self.unit
        y = rect.top() + 28 * self.unit
        font = self._font(54, bold=True)
        width = rect.width() - 2 * margin
        if right:
            small = self._font(30)
            metrics = QFontMetricsF(small)
            right_width = metrics.horizontalAdvance(typography(right))
            self._text(
                painter,
                rect.right() - margin - right_width,
                y + 16 * self.unit,
                right_width + 2,
                right,
                small,
                MUTED,
            )
            width -= right_width + 24 * self.unit
        lines = 1
        if person:
            lines = 2
            for size in (54, 46, 40):
                font = self._font(size, bold=True)
                if len(wrap(QFontMetricsF(font), typography(title), width, 99)) <= lines:
                    break
            else:
                title = _fit_person(QFontMetricsF(font), title, width, lines)
        y = self._text(painter, rect.left() + margin, y, width, title, font, ACCENT, lines)
        painter.setPen(QPen(ACCENT, max(2.0, 4 * self.unit)))
        painter.drawLine(
            QPointF(rect.left() + margin, y + 6 * self.unit),
            QPointF(rect.right() - margin, y + 6 * self.unit),
        )
        return y + 26 * self.unit

    def _dropped_said(self) -> str:
        """« 1 classée sans suite » beside the title: the matches followed up « sans suite »
        since the workshop, left out of what the room sees (`Projection.dropped`)."""
        n = self.projection.dropped
        if not n:
            return ""
        plural = is_plural(n)
        return (
            tr("{n} mises en relation classées sans suite")
            if plural
            else tr("{n} mise en relation classée sans suite")
        ).format(n=n)

    # ---- « Mises en relation »

    def _paint_cards(self, painter: QPainter, rect: QRectF) -> None:
        cards = self.projection.cards
        per_page = 4
        self.pages = max(1, -(-len(cards) // per_page))
        self.page = min(self.page, self.pages - 1)
        right = (
            tr("page {page}/{pages}").format(page=self.page + 1, pages=self.pages) if self.pages > 1 else ""
        )
        right = " · ".join(r for r in (self._dropped_said(), right) if r)
        top = self._header(painter, rect, tr("Qui peut aider qui ?"), right)
        if not cards:
            self._text(
                painter,
                rect.left() + 48 * self.unit,
                top + 40 * self.unit,
                rect.width() - 96 * self.unit,
                tr("Aucune mise en relation en cours : elles s'afficheront ici dès qu'elles seront décidées.")
                if self.projection.dropped
                else tr(
                    "Pas encore de mise en relation : elles s'afficheront ici dès qu'elles seront décidées."
                ),
                self._font(40),
                MUTED,
                3,
            )
            return
        shown = cards[self.page * per_page : (self.page + 1) * per_page]
        boxes = self._card_boxes(rect, top, len(shown))
        # The card's type a little smaller on the whole page rather than a need, an offer, a
        # name or the first reason cut: the room hears them read aloud, whole (as a slide's
        # text shrinks to fit). Never under 80 %: then what does not fit is cut at a word.
        # One or two cards on the page: larger type while all of it still fits.
        scales = (*FEW_CARD_SCALES, *CARD_SCALES) if len(shown) <= 2 else CARD_SCALES
        names_most = 4 if len(shown) <= 2 else 3  # a long name and structure said whole there too
        scale = next(
            (
                s
                for s in scales
                if all(
                    self._card(painter, b, c, s, dry=True, names_most=names_most)
                    for b, c in zip(boxes, shown, strict=True)
                )
            ),
            scales[-1],
        )
        if len(shown) <= 2:  # as tall as what they say (the taller of two), not the page
            ends = [self._card_plan(b, c, scale, names_most).end for b, c in zip(boxes, shown, strict=True)]
            tallest = max(end - box.top() for end, box in zip(ends, boxes, strict=True)) + 30 * self.unit
            boxes = [QRectF(b.left(), b.top(), b.width(), min(b.height(), tallest)) for b in boxes]
        for box, card in zip(boxes, shown, strict=True):
            self._card(painter, box, card, scale, names_most=names_most)

    def _card_boxes(self, rect: QRectF, top: float, count: int) -> list[QRectF]:
        """Where the page's `count` cards go: four in a 2 × 2 grid; fewer take the room the
        others leave (one fills the page, two stand side by side the page's height, the third of
        three takes the bottom row's width): a card with the screen to itself cut its need
        and its names in a quarter of it."""
        margin, gap = 48 * self.unit, 28 * self.unit
        left, width = rect.left() + margin, rect.width() - 2 * margin
        height = rect.bottom() - top - margin
        half_w, half_h = (width - gap) / 2, (height - gap) / 2
        if count == 1:
            return [QRectF(left, top, width, height)]
        if count == 2:
            return [QRectF(left + i * (half_w + gap), top, half_w, height) for i in range(2)]
        boxes = [
            QRectF(left + (i % 2) * (half_w + gap), top + (i // 2) * (half_h + gap), half_w, half_h)
            for i in range(count)
        ]
        if count == 3:
            boxes[2] = QRectF(left, top + half_h + gap, width, half_h)
        return boxes

    def _card(
        self,
        painter: QPainter,
        box: QRectF,
        card: Any,
        scale: float = 1.0,
        *,
        dry: bool = False,
        names_most: int = 3,
    ) -> bool:
        """Paint `card` in `box` with its type at `scale`; with `dry`, paint nothing. Says
        whether everything it says fits whole (no need, offer, name or first reason cut).
        Each person's line takes `names_most` lines at most."""
        plan = self._card_plan(box, card, scale, names_most)
        if dry:
            return plan.whole
        self.card_boxes.append(box)
        path = QPainterPath()
        path.addRoundedRect(box, 18 * self.unit, 18 * self.unit)
        painter.fillPath(path, CARD)
        edge = SUGGESTION if card.flagged else ACCENT
        painter.fillRect(
            QRectF(box.left(), box.top() + 10 * self.unit, 10 * self.unit, box.height() - 20 * self.unit),
            edge,
        )
        x, y, width = plan.x, plan.y, plan.width
        body, strong, small = plan.fonts
        if card.flagged:
            y = self._text(painter, x, y, width, _flag_of(card), _flag_font(self, scale), SUGGESTION, 2)
        y = self._text(painter, x, y, width, plan.seeker_text, strong, INK, plan.seeker_max)
        y = self._text(painter, x, y, width, as_typed(card.need), body, INK, plan.need_lines)
        y += 10 * self.unit
        y = self._text(painter, x, y, width, plan.helper_text, strong, edge, plan.helper_max)
        y = self._text(painter, x, y, width, as_typed(card.offer), body, INK, plan.offer_lines)
        y += 6 * self.unit
        small_m = QFontMetricsF(small)
        painter.setFont(small)
        painter.setPen(REASON)
        for line in plan.why:
            painter.drawText(QPointF(x, y + small_m.ascent()), line)
            self._placed(line, x, y, small_m, small)
            y += small_m.lineSpacing()
        return plan.whole

    def _card_plan(self, box: QRectF, card: Any, scale: float, names_most: int = 3) -> _CardPlan:
        """What `card` says in `box`, line by line, its type at `scale`."""
        pad = 30 * self.unit
        x, width = box.left() + pad, box.width() - 2 * pad
        y = box.top() + pad * 0.8
        bottom = box.bottom() - pad * 0.4
        body, strong = self._font(36 * scale), self._font(36 * scale, bold=True)
        small = self._font(REASON_SIZE * scale)
        flag = _flag_font(self, scale)
        if card.flagged:  # the flag sits in the card's top margin: it took the need's second line
            y = box.top() + 8 * self.unit
        seeks = tr("{who} cherchent :") if card.seekers > 1 else tr("{who} cherche :")
        # A challenge is « le même défi » only on the need's subject; else it is theirs. An
        # action is what they did (« a déjà fait »), never « l'a déjà fait »: no reason can tell
        # that they did what the need asks. An aim typed among actions is what they aim at
        # (« a pour objectif »: Card.aim).
        if card.helpers > 1:
            helper = {
                "offer": tr("← {who} peuvent aider :"),
                "action": tr("← {who} ont pour objectif :") if card.aim else tr("← {who} ont déjà fait :"),
                "challenge": tr("← {who} ont le même défi :")
                if card.on_subject
                else tr("← {who} ont pour défi :"),
            }.get(str(card.source), tr("← {who} peuvent aider :"))
        else:
            helper = {
                "offer": tr("← {who} peut aider :"),
                "action": tr("← {who} a pour objectif :") if card.aim else tr("← {who} a déjà fait :"),
                "challenge": tr("← {who} a le même défi :")
                if card.on_subject
                else tr("← {who} a pour défi :"),
            }.get(str(card.source), tr("← {who} peut aider :"))
        # The names and the words are shown as typed: only Atelier's sentence is set.
        seeker_text, helper_text = (
            seeks.format(who=as_typed(card.seeker)),
            helper.format(who=as_typed(card.helper)),
        )
        # What is needed is read first, then why, then who in full: the need keeps the two lines
        # it takes and the offer one; the first reason is said whole (without the need's words,
        # shown just above it, if it must); long names give back their lines (cut with « … »,
        # never the verb after them) before either. Then the need is said whole if the card
        # holds it; what is left goes to the other reasons, up to four lines, then to the rest
        # of the offer. Everything stays inside the card.
        strong_m, body_m, small_m = QFontMetricsF(strong), QFontMetricsF(body), QFontMetricsF(small)
        label = (
            len(wrap(QFontMetricsF(flag), typography(_flag_of(card)), width, 2))
            * QFontMetricsF(flag).lineSpacing()
            if card.flagged
            else 0.0
        )
        gaps = 16 * self.unit
        seeker_max = helper_max = names_most
        reasons = card.reasons or ([card.because] if card.because else [])
        need_whole = len(wrap(body_m, typography(as_typed(card.need)), width, 99))
        need_want = min(2, need_whole)  # what the names give way for
        first = min(
            (len(self._whole_reasons(small_m, form[:1], width, 1)) for form in (reasons, card.brief) if form),
            default=0,
        )

        def who_height() -> float:
            return (
                len(wrap(strong_m, typography(seeker_text), width, seeker_max))
                + len(wrap(strong_m, typography(helper_text), width, helper_max))
            ) * strong_m.lineSpacing()

        least = label + gaps + (need_want + 1) * body_m.lineSpacing() + max(1, first) * small_m.lineSpacing()
        whole_names = who_height()
        while who_height() + least > bottom - y and max(seeker_max, helper_max) > 1:
            if helper_max >= seeker_max:
                helper_max -= 1
            else:
                seeker_max -= 1
        seeker_text = _fit_who(strong_m, seeks, card.seeker, width, seeker_max)
        helper_text = _fit_who(strong_m, helper, card.helper, width, helper_max)
        taken = label + gaps + who_height()
        # The need said whole if the card holds it beside a line of the offer and the first
        # reason (read aloud cut, it said nothing of what is looked for).
        room_for_need = int(
            (bottom - y - taken - max(1, first) * small_m.lineSpacing()) // body_m.lineSpacing()
        )
        need_lines = max(need_want, min(need_whole, room_for_need - 1))
        free = bottom - y - taken - (need_lines + 1) * body_m.lineSpacing()
        room = max(1, int(free // small_m.lineSpacing()))
        if who_height() < whole_names:  # the names gave lines for the first reason, not for more
            room = min(room, max(1, first))
        why = self._reasons_in(small_m, reasons, card.brief, width, min(4, room))
        taken += len(why) * small_m.lineSpacing()
        lines_left = int((bottom - y - taken) // body_m.lineSpacing())
        need_lines = max(1, min(need_lines, lines_left - 1))
        offer_whole = len(wrap(body_m, typography(as_typed(card.offer)), width, 99))
        offer_lines = max(1, min(offer_whole, lines_left - need_lines))
        whole = (
            need_lines >= need_whole
            and offer_lines >= offer_whole
            and taken + (need_lines + offer_lines) * body_m.lineSpacing() <= bottom - y
            and seeker_text == seeks.format(who=as_typed(card.seeker))
            and helper_text == helper.format(who=as_typed(card.helper))
            and not (why and why[-1].endswith("…"))
        )
        end = (
            y
            + label
            + (10 + 6) * self.unit
            + (
                len(wrap(strong_m, typography(seeker_text), width, seeker_max))
                + len(wrap(strong_m, typography(helper_text), width, helper_max))
            )
            * strong_m.lineSpacing()
            + (
                len(wrap(body_m, typography(as_typed(card.need)), width, need_lines))
                + len(wrap(body_m, typography(as_typed(card.offer)), width, offer_lines))
            )
            * body_m.lineSpacing()
            + len(why) * small_m.lineSpacing()
        )
        return _CardPlan(
            x, y, width, (body, strong, small), seeker_text, seeker_max, need_lines, helper_text,
            helper_max, offer_lines, why, whole, end,
        )  # fmt: skip

    def _whole_reasons(
        self, metrics: QFontMetricsF, reasons: list[str], width: float, max_lines: int = 2
    ) -> list[str]:
        """The card's reasons as lines, each reason whole: as many as fit on `max_lines`, at
        least the first (on up to three). A reason is never cut inside its words (« Même sujet :
        animer ↔ … » lost the word that said why)."""
        said = [typography(r).replace(" ↔ ", "\u00a0↔ ") for r in reasons if r]  # « ↔ » ends its line
        for count in range(len(said), 0, -1):
            lines = wrap(metrics, " · ".join(said[:count]), width, 99)
            if len(lines) <= (max_lines if count > 1 else max(3, max_lines)):
                return lines
        return wrap(metrics, said[0], width, 99) if said else []

    def _reasons_in(
        self, metrics: QFontMetricsF, reasons: list[str], brief: list[str], width: float, room: int
    ) -> list[str]:
        """What a card says of why on at most `room` lines: its reasons whole, as many as fit;
        else the same without the need's words (shown just above); else the first of them
        that fits whole; only when none does, the first said up to the card's end with « … »."""
        for form in (reasons, brief):
            if form:
                lines = self._whole_reasons(metrics, form, width, room)
                if len(lines) <= room:
                    return lines
        for reason in [*brief, *reasons]:
            lines = self._whole_reasons(metrics, [reason], width, room)
            if reason and len(lines) <= room:
                return lines
        said = brief or reasons
        return wrap(metrics, typography(said[0]), width, room) if said else []

    # ---- « Projecteur sur un participant »

    def _away_chosen(self) -> tuple[str, str] | None:
        """(How the room sees them, EXCUSED or ABSENT) when the participant chosen in the grid
        is one their cell says was not in the room; else None."""
        from atelier.projection import person_label
        from atelier.ui.translate import ui_language

        row = self.model.row_of(self.participant_id or "")
        if row < 0:
            return None
        participant = self.model.participant_at(row)
        state = participant.away()
        if not state:
            return None
        return person_label(participant, private=self.private, lang=ui_language()), state

    def _paint_spotlight(self, painter: QPainter, rect: QRectF) -> None:
        spot = self.projection.spotlights.get(self.participant_id or "")
        if spot is None:
            away = self._away_chosen()
            if away is None and not self.model.rowCount():
                # A workshop with no one yet: « choose a participant » sent the room looking
                # for a choice there was none to make.
                top = self._header(painter, rect, tr("Projecteur sur un participant"))
                self._text(
                    painter,
                    rect.left() + 48 * self.unit,
                    top + 40 * self.unit,
                    rect.width() - 96 * self.unit,
                    tr("Pas encore de participant : chacun s'affichera ici dès qu'il sera saisi."),
                    self._font(40),
                    MUTED,
                    3,
                )
                return
            if away is None:
                self._header(painter, rect, tr("Choisissez un participant dans la grille"))
                return
            # Chosen in the grid, but their cell says they were not in the room (« (excusée) »):
            # no page of their own (no one to introduce), and never « choose a participant ».
            who, state = away
            top = self._header(painter, rect, who, person=True)
            said = (
                tr("Excusé·e à cet atelier : pas de page à projeter.")
                if state == EXCUSED
                else tr("Absent·e à cet atelier : pas de page à projeter.")
            )
            self._text(
                painter,
                rect.left() + 48 * self.unit,
                top + 40 * self.unit,
                rect.width() - 96 * self.unit,
                said,
                self._font(40),
                MUTED,
                3,
            )
            return
        top = self._header(
            painter,
            rect,
            as_typed(spot.who),
            "" if spot.place in spot.who else as_typed(spot.place),
            person=True,
        )
        margin = 48 * self.unit
        # The needs take most of the width; someone with none noted lends it to what they
        # bring (their actions were cut after three lines beside an empty column).
        left_width = (rect.width() - 2 * margin) * (0.64 if spot.needs else 0.36)
        right_x = rect.left() + margin + left_width + 40 * self.unit
        right_width = rect.right() - margin - right_x
        bottom = rect.bottom() - margin * 0.6
        # Headings that agree with the title: « Anne Martin et Paul Durand » cherchent.
        many = spot.people > 1
        seeks = tr("Cherchent") if many else tr("Cherche")
        y = self._text(
            painter, rect.left() + margin, top, left_width, seeks, self._font(40, bold=True), ACCENT
        )
        needs = spot.needs
        if not needs:
            self._text(
                painter, rect.left() + margin, y, left_width, tr("(aucun besoin noté)"), self._font(34), MUTED
            )
        shown = 0
        # The needs and their helpers stop above the line that counts the needs left out
        # (« + 8 autres besoins » was drawn over the last helper).
        floor = bottom - QFontMetricsF(self._font(28)).lineSpacing() - 8 * self.unit
        need_m, helper_m = QFontMetricsF(self._font(36, bold=True)), QFontMetricsF(self._font(30))
        helper_x, helper_width = rect.left() + margin + 40 * self.unit, left_width - 40 * self.unit

        def lines_of(metrics: QFontMetricsF, text: str, width: float) -> int:
            return len(wrap(metrics, typography(text), width, 99))

        # The page holds every need and every helper whole: all said whole, however long (a
        # 700-character need was cut after three lines above a page two-thirds empty).
        roomy = (
            y
            + sum(
                need_m.lineSpacing() * lines_of(need_m, f"• {as_typed(need)}", left_width)
                + sum(
                    helper_m.lineSpacing() * lines_of(helper_m, _helper_line(c), helper_width)
                    for c in helpers
                )
                + 14 * self.unit
                for need, helpers in needs
            )
            <= floor
        )
        helper_most = 99 if roomy else 2
        for need, helpers in needs:
            # The need is shown with its first helper (and the count of the others), or not yet.
            first = (
                len(wrap(helper_m, typography(_helper_line(helpers[0])), helper_width, 2)) if helpers else 0
            )
            first += 1 if len(helpers) > 1 else 0
            # Said whole (up to five lines) when the page holds it, else on three, cut at a word.
            whole = len(wrap(need_m, typography(f"• {as_typed(need)}"), left_width, 99))
            most = (
                whole
                if roomy
                or (whole <= 5 and y + need_m.lineSpacing() * whole + helper_m.lineSpacing() * first <= floor)
                else 3
            )
            need_lines = min(whole, most)
            if y + need_m.lineSpacing() * need_lines + helper_m.lineSpacing() * first > floor:
                break
            y = self._text(
                painter,
                rect.left() + margin,
                y,
                left_width,
                f"• {as_typed(need)}",
                self._font(36, bold=True),
                INK,
                most,
            )
            # Every helper that fits, each said as what they bring (an offer, an action they
            # already ran, the same challenge); those that do not fit are counted, never dropped.
            told = 0
            for card in helpers:
                lines = len(wrap(helper_m, typography(_helper_line(card)), helper_width, helper_most))
                more = 1 if told < len(helpers) - 1 else 0  # room for « ← + 2 autres aides »
                if y + helper_m.lineSpacing() * (lines + more) > floor:
                    break
                y = self._text(
                    painter,
                    helper_x,
                    y,
                    helper_width,
                    _helper_line(card),
                    self._font(30),
                    SUGGESTION if card.flagged else ACCENT,
                    helper_most,
                )
                told += 1
            if told < len(helpers):
                # Lines of help left out, not people: one helper may bring several (English
                # « more offers of help », never « more helpers »).
                y = self._text(
                    painter,
                    rect.left() + margin + 40 * self.unit,
                    y,
                    left_width - 40 * self.unit,
                    "← + " + count_of(len(helpers) - told, tr("autre aide"), tr("autres aides")),
                    self._font(30),
                    MUTED,
                )
            y += 14 * self.unit
            shown += 1
        if shown < len(needs):
            self._text(
                painter,
                rect.left() + margin,
                max(y, floor),
                left_width,
                "+ " + count_of(len(needs) - shown, tr("autre besoin"), tr("autres besoins")),
                self._font(28),
                MUTED,
            )
        # What they bring, each under its heading: what they offer (« Peut apporter »), what
        # they did (« A déjà fait »: the matching offers it as help, as an offer) and the aims
        # typed among their actions (« A pour objectif »). « (rien de noté) » only when none
        # is noted and they help no one: « Peut apporter : (rien de noté) » over someone with
        # five actions read to the room as « this person has nothing to give ».
        brings = [
            (
                tr("Peuvent apporter") if many else tr("Peut apporter"),
                spot.offers,
                (tr("autre ressource"), tr("autres ressources")),
            ),
            (
                tr("Ont déjà fait") if many else tr("A déjà fait"),
                spot.actions,
                (tr("autre action"), tr("autres actions")),
            ),
            (
                tr("Ont pour objectif") if many else tr("A pour objectif"),
                spot.aims,
                (tr("autre objectif"), tr("autres objectifs")),
            ),
        ]
        sections = [(heading, texts, left) for heading, texts, left in brings if texts]
        first_heading, heading_font = self._font(40, bold=True), self._font(34, bold=True)
        item_font, count_font = self._font(34), self._font(28)
        item_m, count_m = QFontMetricsF(item_font), QFontMetricsF(count_font)
        y = top
        if not sections and not spot.helps:
            y = self._text(painter, right_x, y, right_width, brings[0][0], first_heading, ACCENT)
            self._text(painter, right_x, y, right_width, tr("(rien de noté)"), self._font(34), MUTED)

        def height_of(text: str, size: int, bold: bool) -> float:
            metrics = QFontMetricsF(self._font(size, bold=bold))
            return metrics.lineSpacing() * len(wrap(metrics, typography(text), right_width, 99))

        def heading_of(number: int) -> QFont:  # the column's first heading as large as « Cherche »
            return first_heading if number == 0 else heading_font

        def gap_before(number: int) -> float:
            return 14 * self.unit if number else 0

        def heading_height(number: int) -> float:
            return gap_before(number) + QFontMetricsF(heading_of(number)).lineSpacing()

        # The page holds every section and everyone they help whole: all said whole (« cherche :
        # … bénéficiaires du… » was cut after two lines above a page half empty, its last
        # words, « RSA », never shown); else each line on its few lines, cut at a word.
        right_roomy = (
            y
            + sum(
                heading_height(number)
                + sum(height_of(f"• {as_typed(text)}", 34, False) + 10 * self.unit for text in texts)
                for number, (_, texts, _) in enumerate(sections)
            )
            + (
                14 * self.unit
                + height_of(tr("Aide"), 34, True)
                + sum(
                    sum(height_of(text, size, bold) for text, size, bold, _ in _helps_parts(card))
                    + 10 * self.unit
                    for card in spot.helps
                )
                if spot.helps
                else 0
            )
            <= bottom
        )
        # Room for whom they help (said below the rest: the room's decisions): its heading, the
        # first person as drawn (who, their need, what helps) and the count of the others. The
        # sections above leave it, then stop.
        helps_room = (
            heading_height(len(sections))
            + sum(
                QFontMetricsF(self._font(size, bold=bold)).lineSpacing()
                * len(wrap(QFontMetricsF(self._font(size, bold=bold)), typography(text), right_width, most))
                for text, size, bold, most in _helps_parts(spot.helps[0])
            )
            + (count_m.lineSpacing() if len(spot.helps) > 1 else 0)
            if spot.helps
            else 0
        )
        # Each later section keeps room for its heading, a line and its count: a section is
        # cut and counted (« + 3 autres actions »), never left out unsaid.
        kept = [
            sum(
                heading_height(later) + item_m.lineSpacing() + 10 * self.unit + count_m.lineSpacing()
                for later in range(number + 1, len(sections))
            )
            for number in range(len(sections))
        ]
        for number, (heading, texts, (one_left, many_left)) in enumerate(sections):
            floor_here = bottom - helps_room - kept[number]
            y = self._text(
                painter, right_x, y + gap_before(number), right_width, heading, heading_of(number), ACCENT
            )
            shown_here = 0
            lines_of_each = [
                len(wrap(item_m, typography(f"• {as_typed(t)}"), right_width, 99)) for t in texts
            ]
            for here, text in enumerate(texts):
                line = f"• {as_typed(text)}"
                # Said whole when the lines after it still fit cut (on three lines each): the
                # page's room used, not each line cut above an empty half page.
                after = sum(
                    item_m.lineSpacing() * min(3, n) + 10 * self.unit for n in lines_of_each[here + 1 :]
                )
                whole = y + item_m.lineSpacing() * lines_of_each[here] + 10 * self.unit + after <= floor_here
                lines = lines_of_each[here] if whole or right_roomy else min(3, lines_of_each[here])
                counted = count_m.lineSpacing() if shown_here < len(texts) - 1 else 0
                if y + item_m.lineSpacing() * lines + 10 * self.unit + counted > floor_here:
                    break
                y = self._text(painter, right_x, y, right_width, line, item_font, INK, lines) + 10 * self.unit
                shown_here += 1
            if shown_here < len(texts):
                y = self._text(
                    painter,
                    right_x,
                    y,
                    right_width,
                    "+ " + count_of(len(texts) - shown_here, one_left, many_left),
                    count_font,
                    MUTED,
                )
        if spot.helps:  # whom the room put them in touch with, as the cards show it
            helps = tr("Aident") if many else tr("Aide")
            number = len(sections)
            y = self._text(
                painter, right_x, y + gap_before(number), right_width, helps, heading_of(number), ACCENT
            )
            told = 0
            for card in spot.helps:
                parts = [
                    (t, size, bold, 99 if right_roomy else most) for t, size, bold, most in _helps_parts(card)
                ]
                height = sum(
                    QFontMetricsF(self._font(size, bold=bold)).lineSpacing()
                    * len(
                        wrap(QFontMetricsF(self._font(size, bold=bold)), typography(text), right_width, most)
                    )
                    for text, size, bold, most in parts
                )
                counted_line = (
                    QFontMetricsF(self._font(28)).lineSpacing() if told < len(spot.helps) - 1 else 0
                )
                if y + height + counted_line > bottom:
                    break
                colour = SUGGESTION if card.flagged else INK
                for text, size, bold, most in parts:
                    y = self._text(
                        painter, right_x, y, right_width, text, self._font(size, bold=bold), colour, most
                    )
                y += 10 * self.unit
                told += 1
            if told < len(spot.helps):
                self._text(
                    painter, right_x, y, right_width, _helps_left(spot.helps, told), self._font(28), MUTED
                )

    # ---- « Réseau »

    def _paint_network(self, painter: QPainter, rect: QRectF) -> None:
        from atelier.projection import LEADER_FROM, place_labels

        top = self._header(painter, rect, tr("Le réseau : qui peut aider qui"), self._dropped_said())
        network = self.network
        if network is None or not network.nodes:
            if self._layout_busy:
                message = tr("Calcul du réseau…")
            elif self._layout_error:
                message = tr(
                    "Le réseau n'a pas pu être dessiné. Les mises en relation sont dans la vue "
                    "« Mises en relation » (Ctrl+1)."
                )
            elif self.projection.dropped:  # some there were, followed up « sans suite » since
                message = tr("Aucune mise en relation en cours.")
            else:
                message = tr("Pas encore de mise en relation.")
            self._text(
                painter,
                rect.left() + 48 * self.unit,
                top + 20 * self.unit,
                rect.width() - 96 * self.unit,
                message,
                self._font(40),
                MUTED,
                max_lines=3,
            )
            return
        margin = 48 * self.unit
        # The legend says what a dashed arrow is (« suggestion à confirmer »), nowhere else on
        # the screen: as large as the names (32 px at 1080 lines), smaller only when its
        # territories would run off the bottom of the screen.
        legend_width = 460 * self.unit
        legend_px = self._legend_size(rect, top + 10 * self.unit, legend_width, network)
        canvas = QRectF(
            rect.left() + margin,
            top + 10 * self.unit,
            rect.width() - 2 * margin - legend_width - 24 * self.unit,
            rect.bottom() - top - margin,
        )
        count = len(network.nodes)
        label_px = max(20.0, min(32.0, 32.0 * (30 / max(30, count)) ** 0.5))
        while True:
            font = self._font(label_px, bold=True)
            metrics = QFontMetricsF(font)
            texts = [self._node_text(metrics, node) for node in network.nodes]
            sizes = [
                (
                    max(metrics.horizontalAdvance(line) for line in t) + 14 * self.unit,
                    metrics.height() * len(t) + 4 * self.unit,
                )
                for t in texts
            ]
            # Names covering more than LABELS_COVER of the picture have no room left beside
            # their dots: they went over other dots and names. A little smaller, down to 22 px
            # (at 1080 lines), each is read beside its own dot.
            covered = sum(w * h for w, h in sizes) / max(1.0, canvas.width() * canvas.height())
            if covered <= LABELS_COVER or label_px <= 22:
                break
            label_px = max(22.0, label_px - 1)
        radius = max(7.0, 15 * self.unit * (label_px / 32))
        # The dots leave room at the edges for a label above or below them, and half a name
        # beside them (a name at the edge goes inwards).
        widest = max(w for w, _ in sizes)
        pad_x = min(canvas.width() * 0.08, widest / 2 + radius)
        pad_y = min(canvas.height() * 0.15, sizes[0][1] + radius * 1.5)
        points = {
            n.id: QPointF(
                canvas.left() + pad_x + n.x * (canvas.width() - 2 * pad_x),
                canvas.top() + pad_y + n.y * (canvas.height() - 2 * pad_y),
            )
            for n in network.nodes
        }
        # More territories than colours: the colour and the shape together tell them apart.
        colours = {g: GROUP_COLOURS[i % len(GROUP_COLOURS)] for i, g in enumerate(network.groups)}
        shapes = {g: SHAPES[(i // len(GROUP_COLOURS)) % len(SHAPES)] for i, g in enumerate(network.groups)}
        links = [e for e in network.edges if e.source in points and e.target in points]
        # Suggested links first, thin, dashed and light; confirmed ones over them, thick and solid.
        # Each an arrow from who can help to who needs it (« qui peut aider qui »); help both
        # ways between two dots: two arrows side by side; a link to review and a confirmed one
        # the same way (`projection.Edge.review`): side by side too, never one under the other.
        pens = [
            self._link_pen(e.confirmed, e.weight if network.grouped else 1, review=e.review) for e in links
        ]
        shifts = self._lanes(links, pens)
        for index in sorted(range(len(links)), key=lambda i: (links[i].confirmed, links[i].review)):
            edge = links[index]
            self._arrow(
                painter, points[edge.source], points[edge.target], pens[index], radius * 1.35, shifts[index]
            )
        for node in network.nodes:
            painter.setPen(QPen(PAPER, 3 * self.unit))
            painter.setBrush(QBrush(colours[node.group]))
            draw_marker(painter, shapes[node.group], points[node.id], radius)
        # Each label beside its dot, never over a dot or another label.
        key = (self._network_key, tuple(texts), tuple((p.x(), p.y()) for p in points.values()), radius)
        labels = self._label_places.get(key)
        if labels is None:  # placed once per picture and size (the projector, its preview)
            segments = [
                (points[e.source].x(), points[e.source].y(), points[e.target].x(), points[e.target].y())
                for e in links
            ]
            bounds = (
                rect.left() + margin * 0.5,
                top,
                canvas.right() + 12 * self.unit - rect.left() - margin * 0.5,
                rect.bottom() - margin * 0.5 - top,
            )
            labels = place_labels(
                [(points[n.id].x(), points[n.id].y()) for n in network.nodes], sizes, radius, bounds, segments
            )
            if len(self._label_places) > 4:
                self._label_places.clear()
            self._label_places[key] = labels
        painter.setFont(font)
        self.label_boxes = []
        self.node_points = [points[n.id] for n in network.nodes]  # what the room sees, for the tests
        self.node_radius = radius
        self.network_label_px = font.pixelSize()
        self.network_canvas = canvas
        # The names in ink with a white halo: readable over a link, which still shows between
        # the letters (a white box hid the confirmed link under a name).
        halo = QPen(QColor(255, 255, 255, 235), 8 * self.unit)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.node_labels.clear()
        for index, ((left, label_top, width, height), lines) in enumerate(zip(labels, texts, strict=True)):
            box = QRectF(left, label_top, width, height)
            dot = self.node_points[index]
            if _gap(box, dot) > radius * LEADER_FROM:  # pushed away by its neighbours: a line says whose
                painter.setPen(QPen(MUTED, 2 * self.unit))
                painter.drawLine(dot, _nearest_on(box, dot))
            path = QPainterPath()
            first = box.top() + (box.height() - metrics.height() * len(lines)) / 2 + metrics.ascent()
            for row, line in enumerate(lines):  # each line centred under the one before
                baseline = first + row * metrics.height()
                path.addText(
                    QPointF(box.center().x() - metrics.horizontalAdvance(line) / 2, baseline), font, line
                )
            painter.strokePath(path, halo)
            painter.fillPath(path, INK)
            self.drawn.extend(lines)
            self.node_labels.append(" ".join(lines))
            self.label_boxes.append(box)
        self._paint_legend(
            painter,
            rect.right() - margin - legend_width,
            top + 10 * self.unit,
            legend_width,
            network,
            colours,
            shapes,
            legend_px,
        )

    def _legend_size(self, rect: QRectF, top: float, width: float, network: Network) -> float:
        """The largest size, from the names' 32 down to 24 (at 1080 lines), at which the
        legend ends above the bottom of the screen: measured by drawing it out of sight."""
        colours = {g: GROUP_COLOURS[0] for g in network.groups}
        shapes = {g: SHAPES[0] for g in network.groups}
        drawn, placed = len(self.drawn), len(self.placed)
        scratch = QImage(1, 1, QImage.Format.Format_RGB32)
        size = 32.0
        while True:
            painter = QPainter(scratch)
            try:
                bottom = self._paint_legend(painter, rect.left(), top, width, network, colours, shapes, size)
            finally:
                painter.end()
            del self.drawn[drawn:], self.placed[placed:]
            if bottom <= rect.bottom() - 24 * self.unit or size <= 24:
                return size
            size -= 2

    def _lanes(self, links: list[Any], pens: list[QPen]) -> list[float]:
        """How far to its left each link is drawn (`_arrow`'s `shift`). One link between two
        dots: on the line between them, or just beside it when help goes the other way too.
        Several the same way (confirmed and to review, at a large event suggested too):
        side by side, each as wide as its arrow head, so that every line and head is seen;
        on the line's middle, or beside it when help goes the other way too."""
        gap = 3 * self.unit
        ways: dict[tuple[str, str], list[int]] = {}
        for index, edge in enumerate(links):
            ways.setdefault((edge.source, edge.target), []).append(index)
        shifts = [0.0] * len(links)
        for (source, target), same in ways.items():
            both = (target, source) in ways
            if len(same) == 1:
                shifts[same[0]] = pens[same[0]].widthF() / 2 + gap if both else 0.0
                continue
            same.sort(key=lambda i: (not links[i].confirmed, not links[i].review))
            widths = [2 * arrow_head(pens[i].widthF(), self.unit)[1] for i in same]
            left = gap if both else -(sum(widths) + gap * (len(same) - 1)) / 2
            for index, width in zip(same, widths, strict=True):
                shifts[index] = left + width / 2
                left += width + gap
        return shifts

    def _node_text(self, metrics: QFontMetricsF, node: Any) -> tuple[str, ...]:
        """A dot's label, on one line or two (« PETR Vallée de la » / « Dordogne Corrézienne »,
        names hidden): only a name longer than two lines is cut, never a territory's count."""
        text = node.short or node.label
        if self.network is not None and self.network.grouped:  # a territory: « Landes (12) »
            count = f" ({node.people})"
            lines = wrap(metrics, _group_name(text), 560 * self.unit, 2)
            if metrics.horizontalAdvance(lines[-1] + count) > 560 * self.unit:
                lines[-1] = wrap(metrics, lines[-1], 560 * self.unit - metrics.horizontalAdvance(count), 1)[0]
            lines[-1] += count
            return tuple(lines)
        return tuple(wrap(metrics, text, 420 * self.unit, 2)) if text else ("?",)

    def _arrow(
        self, painter: QPainter, start: QPointF, end: QPointF, pen: QPen, stop: float, shift: float = 0.0
    ) -> None:
        """A link from `start` to `end` drawn with `pen`, its head (filled, wider than the line)
        `stop` short of `end` (outside the dot and its ring); `shift`: moved that far to its
        left, so that the arrow back beside it is seen too."""
        dx, dy = end.x() - start.x(), end.y() - start.y()
        length = math.hypot(dx, dy)
        if length < 1:
            return
        ux, uy = dx / length, dy / length
        nx, ny = uy, -ux  # to the left of the way it goes (y down)
        start = QPointF(start.x() + nx * shift, start.y() + ny * shift)
        head, half = arrow_head(pen.widthF(), self.unit)
        head = min(head, max(0.0, length - 2 * stop) * 0.45)
        tip = QPointF(end.x() + nx * shift - ux * stop, end.y() + ny * shift - uy * stop)
        base = QPointF(tip.x() - ux * head, tip.y() - uy * head)
        painter.setPen(pen)
        painter.drawLine(start, QPointF(base.x() + ux, base.y() + uy))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(pen.color()))
        painter.drawPolygon(
            QPolygonF(
                [
                    tip,
                    QPointF(base.x() + nx * half, base.y() + ny * half),
                    QPointF(base.x() - nx * half, base.y() - ny * half),
                ]
            )
        )

    def _link_pen(self, confirmed: bool, links: float = 1, *, review: bool = False) -> QPen:
        """A confirmed link thick and solid in the accent colour; a suggestion thin, dashed, light;
        a decision to review (its words retyped since) dashed in the colour of its card's flag.
        A line between two territories is wider for more links (twice as wide for 8)."""
        wider = 1 + math.log2(max(1.0, links)) / 3
        if confirmed:
            pen = QPen(ACCENT, 9 * self.unit * wider)
        elif review:
            pen = QPen(SUGGESTION, 6 * self.unit * wider)
            pen.setStyle(Qt.PenStyle.DashLine)
        else:
            pen = QPen(LINK_SUGGESTED, 3 * self.unit * wider)
            pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        return pen

    def _paint_legend(
        self,
        painter: QPainter,
        x: float,
        y: float,
        width: float,
        network: Network,
        colours: dict[str, QColor],
        shapes: dict[str, str],
        size: float = 32,
    ) -> float:
        """Territories (or, for someone with none, structures) by colour and shape, then what a
        solid and a dashed link mean, in type of `size` (at 1080 lines); returns the y below."""
        x += 20 * self.unit
        small = self._font(size)
        grow = size / 26  # the markers with the words
        shown = [] if network.grouped else network.groups[:14]  # grouped: each dot says its name
        if shown:
            heading = tr("Territoires") if network.places else tr("Territoires ou structures")
            y = self._text(painter, x, y, width, heading, self._font(size, bold=True), INK, 2)
        for group in shown:
            painter.setBrush(QBrush(colours[group]))
            painter.setPen(Qt.PenStyle.NoPen)
            line = QFontMetricsF(small).lineSpacing()
            draw_marker(
                painter,
                shapes[group],
                QPointF(x + 12 * grow * self.unit, y + line / 2),
                11 * grow * self.unit,
            )
            name = _group_name(group)
            left = 34 * grow * self.unit
            y = self._text(painter, x + left, y, width - left - 20 * self.unit, name, small, INK, 2)
        if len(network.groups) > len(shown) and not network.grouped:
            y = self._text(
                painter,
                x,
                y,
                width,
                (tr("+ {n} autres") if len(network.groups) - len(shown) > 1 else tr("+ {n} autre")).format(
                    n=len(network.groups) - len(shown)
                ),
                small,
                MUTED,
            )
        y += 24 * self.unit
        kinds = {(e.confirmed, e.review and not e.confirmed) for e in network.edges}
        for kind, label in (
            ((True, False), tr("mise en relation décidée")),
            ((False, True), tr("à revoir : texte modifié depuis la décision")),
            ((False, False), tr("suggestion à confirmer")),
        ):
            if kind not in kinds:
                continue
            line = QFontMetricsF(small).lineSpacing()
            self._arrow(
                painter,
                QPointF(x, y + line / 2),
                QPointF(x + 56 * self.unit, y + line / 2),
                self._link_pen(kind[0], review=kind[1]),
                0.0,
            )
            y = self._text(painter, x + 70 * self.unit, y, width - 80 * self.unit, label, small, INK, 4)
            y += 6 * self.unit  # one arrow's head clear of the next
        if kinds:  # which way the arrows go: the title's « qui peut aider qui », said
            y += 8 * self.unit
            y = self._text(
                painter,
                x,
                y,
                width - 20 * self.unit,
                tr("la flèche va de qui peut aider vers qui en a besoin"),
                small,
                INK,
                3,
            )
        if network.grouped:  # why no one is named, and where to see someone
            y += 24 * self.unit
            said = (
                tr(
                    "{n} participants : trop pour les nommer. Chaque point est un territoire (nombre "
                    "de participants) ; plus un trait est large, plus il y a de mises en relation. "
                    "Ctrl+2 : un participant à la fois."
                )
                if network.places
                else tr(
                    "{n} participants : trop pour les nommer. Chaque point est un territoire ou une "
                    "structure (nombre de participants) ; plus un trait est large, plus il y a de "
                    "mises en relation. Ctrl+2 : un participant à la fois."
                )
            ).format(n=network.grouped)
            y = self._text(painter, x, y, width - 20 * self.unit, said, small, MUTED, 10)
        return y


def arrow_head(width: float, unit: float) -> tuple[float, float]:
    """The length and half-width of the head of a network's link drawn `width` wide: wider
    than the line, so that it reads from the back of the room (a thin suggestion's too)."""
    return max(28 * unit, 2.2 * width), width / 2 + max(12 * unit, 0.6 * width)


def _group_name(group: str) -> str:
    """A group of the network as the legend says it."""
    from atelier.projection import OTHERS

    if group == "—":
        return tr("territoire non précisé")
    return tr("autres") if group == OTHERS else group


def _helps_left(helps: list[Any], told: int) -> str:
    """What the « Aide » block left out, counted in people as it says it: one line is one need
    helped, and someone helped on three needs is one person (« + 3 autres personnes » was said
    for one newcomer shown three times above); two under one label (names hidden) are two.
    Only more needs of people shown above: how many, and whose (« + 3 autres besoins
    d'Agnès Martin (…) »)."""
    shown = {card.seeker_id for card in helps[:told]}
    left = helps[told:]
    others = {card.seeker_id for card in left} - shown
    if others:
        return "→ + " + count_of(len(others), tr("autre personne"), tr("autres personnes"))
    more = count_of(len(left), tr("autre besoin"), tr("autres besoins"))
    if len({card.seeker_id for card in left}) > 1:
        return "→ + " + more + tr(" des personnes ci-dessus")
    return "→ + " + more + " " + _of_whom(left[0].seeker)


def _of_whom(label: str) -> str:
    """« de Claire Dupont », « d'Agnès PALLET », « de la Région N-A » (French elides and takes
    the article, french.of); « of Claire Dupont » in English. The name as typed."""
    from atelier.french import of
    from atelier.ui.translate import ui_language

    return as_typed(of(label)) if ui_language() == "fr" else "of " + as_typed(label)


def _helps_parts(card: Any) -> list[tuple[str, int, bool, int]]:
    """Whom a participant helps, under « Aide » in their spotlight: who (bold), what they
    look for, and what of the helper's the room put in touch with it, said with the helper's
    name as `_helper_line` says it (« ← Martine …, a déjà fait : … », « ← Grégory … : <offer> »):
    under the seeker's name, a bare « a déjà fait : » or « propose : » read as the seeker's.
    Each part: text, size, bold, lines at most."""
    return [
        (as_typed("→ " + card.seeker), 30, True, 2),
        (tr("cherche : {text}").format(text=as_typed(card.need)), 28, False, 2),
        (_helper_line(card), 28, False, 3),
    ]


def _helper_line(card: Any) -> str:
    """One helper under a need in the spotlight, said as what they bring: what they offer,
    an action they ran (« a déjà fait », what the grid's column says: never « l'a déjà fait », that
    they did what the need asks), the same challenge (« a le même défi »), or
    a challenge of theirs only meaning links to the need (« a pour défi »); a suggestion is
    marked as one."""
    many = card.helpers > 1
    if str(card.source) == "action" and card.aim:  # an aim typed among their actions
        text = tr("← {who}, ont pour objectif : {text}") if many else tr("← {who}, a pour objectif : {text}")
    elif str(card.source) == "action":
        text = tr("← {who}, ont déjà fait : {text}") if many else tr("← {who}, a déjà fait : {text}")
    elif str(card.source) == "challenge" and card.on_subject:
        text = tr("← {who}, ont le même défi : {text}") if many else tr("← {who}, a le même défi : {text}")
    elif str(card.source) == "challenge":
        text = tr("← {who}, ont pour défi : {text}") if many else tr("← {who}, a pour défi : {text}")
    else:
        text = tr("← {who} : {text}")
    # One bracket: « Jacques Le-priol (Région N-A, suggestion) », never « (Région N-A) (suggestion) ».
    who = aside(card.helper, _aside_of(card))
    return text.format(who=as_typed(who), text=as_typed(card.offer))


def _flag_font(projector: Any, scale: float) -> QFont:
    """The flag's type: as large as the card's reasons, its smallest words. A fixed 26 px
    flag read at half the size of the card it flagged (14 px on a 1024×768 projector): the
    one line that tells the room it is not a decision was the one it could not read."""
    return projector._font(REASON_SIZE * scale, bold=True)


def _flag_of(card: Any) -> str:
    """The flag above a card the room must not take for a decision as it stands: a suggestion,
    or a confirmed match whose need or offer was retyped since (« à revoir »)."""
    if card.suggested:
        return tr("SUGGESTION — à confirmer")
    return tr("À REVOIR — texte modifié depuis la décision")


def _aside_of(card: Any) -> str:
    """What follows a name in the spotlight's lines: « (suggestion) », « (à revoir) » or nothing."""
    if card.suggested:
        return tr(" (suggestion)")
    return tr(" (à revoir)") if card.retyped else ""
