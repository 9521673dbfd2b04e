"""Putting the projector in front of the room, and telling the facilitator what the room sees.

Two screens: the projection goes full screen on the other one and never takes the keyboard
(typing stays in the grid). One screen (a laptop mirrored to the projector): F5 shows the
projection full screen, the room sees it; F5 or Échap brings the grid back, and the
projector's shortcuts (Ctrl+1/2/3, pages, names) keep working while it is shown.

The main window shows a small live copy of what is projected, with an « À L'ÉCRAN » mark.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPaintEvent, QPalette, QPixmap, QScreen
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from atelier.french import typography
from atelier.ui.translate import tr

PREVIEW_SIZE = QSize(256, 144)


def view_names() -> dict[str, str]:
    return {
        "cards": tr("Mises en relation"),
        "spotlight": tr("Projecteur sur un participant"),
        "network": tr("Réseau"),
    }


def other_screen(laptop: QScreen | None) -> QScreen | None:
    """The screen that is not the facilitator's: the projector, when there are two."""
    laptop = laptop or QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not laptop and s.geometry() != laptop.geometry()]
    if not others:
        others = [s for s in QGuiApplication.screens() if s is not laptop]
    return others[0] if others else None


class ProjectorControl(QObject):
    """Opens, places and closes the projector window for the main window."""

    state_changed = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window  # the main window: its model, its Projecteur menu's actions
        self.projector: Any = None  # the ProjectorWindow of the open file, once asked for
        self._connected: Any = None
        self.same_screen = False  # projecting over the facilitator's own (only) screen

    @property
    def on_screen(self) -> bool:
        return self.projector is not None and self.projector.isVisible()

    def show(self, projector: Any) -> None:
        """Put `projector` in front of the room."""
        self.projector = projector
        if self._connected is not projector:
            self._connected = projector
            projector.escape.connect(self.back_to_grid)
            projector.step.connect(self.step_participant)
            projector.shortcut_target = self.window
            projector.changed.connect(self.state_changed)
        focus = QGuiApplication.focusObject()
        target = other_screen(self.window.screen())
        self.same_screen = target is None
        if target is not None:
            # The other screen: shown without ever taking the keyboard.
            projector.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
            projector.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
            projector.setScreen(target)
            projector.setGeometry(target.geometry())
            projector.showFullScreen()
            self.window.raise_()
            self.window.activateWindow()
            if isinstance(focus, QWidget) and focus.window() is self.window:
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
            QTimer.singleShot(0, lambda: self._keep_keyboard(focus))
        else:
            # The only screen: the projection in front, full screen, until F5 or Échap.
            projector.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, False)
            projector.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)
            screen = self.window.screen() or QGuiApplication.primaryScreen()
            projector.setScreen(screen)
            projector.setGeometry(screen.geometry())
            projector.showFullScreen()
            projector.raise_()
            projector.activateWindow()
            projector.setFocus(Qt.FocusReason.OtherFocusReason)
        self.state_changed.emit()

    def step_participant(self, step: int) -> None:
        """The spotlight's Page suivante / précédente (PageDown, Space, → on the projection, a
        presenter's clicker, Ctrl+PgDown): the next participant of the grid who has a page (one
        not in the room has none), or the previous; the first and the last stay put. The grid,
        the participant's card and the projection follow."""
        window, projector = self.window, self.projector
        if window.model is None or projector is None or projector.projection is None:
            return
        proxy, model = window.proxy, window.model
        pages = projector.projection.spotlights
        order = [
            model.participant_at(proxy.mapToSource(proxy.index(row, 0)).row()).id
            for row in range(proxy.rowCount())
        ]
        current = window._current_participant_id()
        # From where the grid's cursor is (on someone not in the room too), the next one with
        # a page in that direction; none: the cursor stays.
        at = order.index(current) if current in order else (-1 if step > 0 else len(order))
        ahead = order[at + 1 :] if step > 0 else order[:at][::-1] if at > 0 else []
        chosen = next((pid for pid in ahead if pid in pages), None)
        if chosen is None:
            return
        index = window.grid.currentIndex()
        window._select(chosen, index.column() if index.isValid() else 0)

    def _keep_keyboard(self, focus: Any) -> None:
        if not self.on_screen or self.same_screen:
            return
        self.window.activateWindow()
        if isinstance(focus, QWidget) and focus.window() is self.window and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def hide(self) -> None:
        if self.projector is not None:
            self.projector.hide()
        self.back_to_window()
        self.state_changed.emit()

    def back_to_grid(self) -> None:
        """Échap on the projection shown over the only screen: the grid comes back."""
        if self.projector is not None and self.same_screen:
            self.hide()
            toggle = getattr(self.window, "projector_action", None)
            if toggle is not None:
                toggle.setChecked(False)

    def back_to_window(self) -> None:
        self.window.raise_()
        self.window.activateWindow()
        grid = getattr(self.window, "grid", None)
        if grid is not None:
            grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def forget(self) -> None:
        """Another file is open: its projection is made when asked for."""
        if self.projector is not None:
            self.projector.detach()
            self.projector.close()
            self.projector.deleteLater()
        self.projector = None
        self.state_changed.emit()

    # ------------------------------------------------- the Projecteur menu's commands

    def toggle(self) -> None:
        """F5: project to the room, or bring the grid back."""
        if self.on_screen:
            self.hide()
            self.window.projector_action.setChecked(False)
            return
        self.open()

    def open(self) -> Any:
        """The projection of the open workshop, in front of the room."""
        from atelier.ui.projector import ProjectorWindow

        window = self.window
        if window.model is None:
            return None
        if self.projector is None or self.projector.model is not window.model:
            if self.projector is not None:
                self.projector.close()
                self.projector.deleteLater()
            self.projector = ProjectorWindow(window.model)
            self.apply_options()
            for view, action in window.projector_views.items():
                if action.isChecked():
                    self.projector.set_view(view)
        self.projector.follow(window._current_participant_id())
        self.show(self.projector)
        window.projector_action.setChecked(True)
        return self.projector

    def call(self, name: str, *args: Any) -> None:
        """One of the projection's own commands (next page, full screen), when it shows; else
        said (Ctrl+Page suiv, F11 did nothing, and nothing said why)."""
        if self.projector is not None and self.projector.isVisible():
            getattr(self.projector, name)(*args)
        else:
            self.window.show_status(typography(tr("Le projecteur est éteint : F5 pour projeter.")))

    def set_view(self, view: str) -> None:
        for name, action in self.window.projector_views.items():
            action.setChecked(name == view)
        if self.projector is None or not self.projector.isVisible():
            self.open()
        if self.projector is not None:
            self.projector.set_view(view)

    def apply_options(self, *_checked: Any) -> None:
        """Names hidden or not, suggestions shown or not: as the menu's two checks say."""
        if self.projector is not None:
            self.projector.private = self.window.privacy_action.isChecked()
            self.projector.suggestions = self.window.suggestions_action.isChecked()
            self.projector.rebuild()

    def export_png(self, target: Path | None = None) -> Path | None:
        """What the room sees (or would see), as a PNG image."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from atelier.ui.projector import ProjectorWindow

        window = self.window
        if window.model is None:
            return None
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                window,
                tr("Exporter la vue en PNG"),
                str(window.store.path.with_suffix(".png")),
                tr("Images PNG (*.png)"),
            )
            if not name:
                return None
            target = Path(name)
        from atelier.errors import AtelierError
        from atelier.exports import check_suffix

        try:
            # « compte rendu.docx » typed: an image under a Word or Excel name, over the
            # minutes that had it, is refused before anything is drawn or written.
            check_suffix(target, ".png")
        except AtelierError as exc:
            QMessageBox.critical(window, tr("Exporter la vue en PNG"), exc.user_message())
            return None
        projector = self.projector
        if projector is None:
            projector = ProjectorWindow(window.model)
            projector.private = window.privacy_action.isChecked()
            projector.suggestions = window.suggestions_action.isChecked()
            projector.rebuild()
            projector.follow(window._current_participant_id())
            projector.set_view(next(v for v, a in window.projector_views.items() if a.isChecked()))
        try:
            if projector.view == "network" and projector.network is None:
                from atelier.projection import layout

                projector.network = layout(projector.projection.network)
            image = projector.render_image()
        finally:
            if projector is not self.projector:  # made for this export: let go with it, no
                projector.detach()  # refresh of it left due to read a file closed since
                projector.deleteLater()
        # Written as every export is: whole or not at all, never over the workshop file nor
        # any other Atelier file (its name typed in place of the image's).
        from atelier.store.files import replacing

        try:
            with replacing(target, export=True, inputs=[window.store.path]) as temp:
                if not image.save(str(temp), "PNG"):
                    raise OSError(target)
        except AtelierError as exc:
            QMessageBox.critical(window, tr("Exporter la vue en PNG"), exc.user_message())
            return None
        except OSError:
            QMessageBox.critical(
                window,
                tr("Exporter la vue en PNG"),
                tr("Impossible d'écrire « {path} ».").format(path=target),
            )
            return None
        window.show_status(tr("Exporté : {path}").format(path=target))
        return target


class _Thumbnail(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.setFixedSize(PREVIEW_SIZE)

    def paintEvent(self, _event: QPaintEvent) -> None:  # Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()).darker(108))
        if not self.image.isNull():
            painter.drawImage(self.rect(), self.image)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class ProjectorPreview(QFrame):
    """« À L'ÉCRAN — Mises en relation, page 1/3 » above a small copy of the projection."""

    def __init__(self, control: ProjectorControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorPreview")
        self.control = control
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        self.state = QLabel(self)
        self.state.setObjectName("projectorState")
        self.state.setWordWrap(True)
        self.thumbnail = _Thumbnail(self)
        layout.addWidget(self.state)
        layout.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignHCenter)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(120)
        self._soon.timeout.connect(self.refresh)
        control.state_changed.connect(self._soon.start)
        self.refresh()

    def text(self) -> str:
        return self.state.text()

    def _state_look(self, colour: str, *, bold: bool) -> None:
        """Grey when off, red and bold on screen (a palette and a font, not a style sheet:
        the first style sheet of a window costs its first paint a few milliseconds)."""
        palette = self.state.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        self.state.setPalette(palette)
        font = self.state.font()
        if font.bold() != bold:
            font.setBold(bold)
            self.state.setFont(font)

    def refresh(self) -> None:
        projector = self.control.projector
        live = self.control.on_screen
        if not live or projector is None:
            self.state.setText(typography(tr("Projecteur éteint — F5 : projeter")))
            self._state_look("#555555", bold=False)
            self.thumbnail.image = QImage()
            self.thumbnail.setVisible(False)
            self.setMaximumHeight(self.state.sizeHint().height() + 8)
            return
        view = view_names().get(projector.view, "")
        page = (
            tr(", page {page}/{pages}").format(page=projector.page + 1, pages=projector.pages)
            if projector.view == "cards" and projector.pages > 1
            else ""
        )
        hidden = tr(" — noms masqués") if projector.private else ""
        self.state.setText(
            typography(tr("● À L'ÉCRAN : {view}{page}{hidden}")).format(view=view, page=page, hidden=hidden)
        )
        self._state_look("#b00020", bold=True)
        image = projector.render_image(QSize(960, 540))
        self.thumbnail.image = image.scaled(
            PREVIEW_SIZE, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.thumbnail.setVisible(True)
        self.setMaximumHeight(16777215)
        self.thumbnail.update()

    def pixmap(self) -> QPixmap:
        return QPixmap.fromImage(self.thumbnail.image)
