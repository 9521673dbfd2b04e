"""Defects a QA pass found driving the real window with the keyboard, each fixed with the test
that shows it (every test here failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.store import Store
from atelier.ui.main_window import MainWindow

from .helpers.keyboard import active_example_window as _window
from .helpers.keyboard import active_window, key, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _type_cell(qtbot, text: str) -> None:
    """Type into the current cell as a facilitator does: the first key opens the editor."""
    type_text(text)
    key(qtbot, Qt.Key.Key_Tab)  # commits, and moves to the next cell


def test_typing_a_new_workshop_prints_no_qt_warning(qtbot, qtlog, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_N, CTRL | ALT)  # Nouvel atelier dans ce fichier
    assert QApplication.focusWidget() is window.header.title
    type_text("Atelier de Pau")
    key(qtbot, Qt.Key.Key_Return)
    for person, need in (("Zoé Martin / PLIE de Pau", "GPECT"), ("Loïc Bérard / CC Lacq", "clauses")):
        key(qtbot, Qt.Key.Key_N, CTRL)  # a new row, its participant cell open
        type_text(person)
        key(qtbot, Qt.Key.Key_Tab)
        for _ in range(2):
            _type_cell(qtbot, "une action")
        _type_cell(qtbot, need)
    assert window.model.rowCount() == 2
    warnings = [r.message for r in qtlog.records if r.type != 0]  # QtDebugMsg is 0
    assert warnings == []
    window.close()


def test_ctrl_suppr_says_who_was_deleted_and_how_to_undo_it(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    proxy = window.grid.model()
    window.grid.setCurrentIndex(proxy.index(10, 2))  # Cécile BECHON et Ghislaine Paparemborde
    key(qtbot, Qt.Key.Key_Delete, CTRL)
    assert window.model.rowCount() == 21
    said = window.saved_label.text().replace("\u00a0", " ")
    who = "Cécile BECHON et Ghislaine Paparemborde"
    assert said.startswith(f"Participant « {who} » supprimé — Ctrl+Z pour annuler. Enregistré à ")
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.model.rowCount() == 22
    assert window.model.participant_at(10).names == ["Cécile BECHON", "Ghislaine Paparemborde"]
    window.close()


def _matched_window(qtbot, tmp_path: Path) -> MainWindow:
    window = _window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: bool(window.store.matches(window.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    return window


def _select_person(window: MainWindow, first_name: str, column: int = 0) -> str:
    for row in range(window.model.rowCount()):
        participant = window.model.participant_at(row)
        if participant.names and participant.names[0].startswith(first_name):
            window._select(participant.id, column)
            return participant.id
    raise AssertionError(first_name)


def test_after_confirmer_the_next_undecided_suggestion_is_selected(qtbot, tmp_path: Path) -> None:
    from atelier.domain import MatchStatus

    window = _matched_window(qtbot, tmp_path)
    store = window.store
    _select_person(window, "Eric", 3)
    key(qtbot, Qt.Key.Key_M, CTRL)  # to the suggestions, the first one chosen
    panel = window.panel.matches
    assert QApplication.focusWidget() is panel.tree
    first = panel.current_match_id()
    order = panel._suggestion_ids()
    assert first == order[0] and len(order) >= 3
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)  # Confirmer
    assert store.match(first).status == MatchStatus.CONFIRMED
    assert panel.current_match_id() == order[1]  # the next one to decide, not the one confirmed
    key(qtbot, Qt.Key.Key_X, CTRL | SHIFT)  # Écarter: that next one, never the confirmed one
    assert store.match(first).status == MatchStatus.CONFIRMED
    assert store.match(order[1]).status == MatchStatus.REJECTED
    assert panel.current_match_id() == order[2]
    # The last decision leaves no suggestion chosen: one more Ctrl+Maj+X changes nothing.
    for _ in order[2:]:
        key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)
    assert panel.current_match_id() is None
    key(qtbot, Qt.Key.Key_X, CTRL | SHIFT)
    assert [store.match(m).status for m in order] == [
        MatchStatus.CONFIRMED,
        MatchStatus.REJECTED,
        *[MatchStatus.CONFIRMED] * len(order[2:]),
    ]
    window.close()


def test_confirmer_and_ecarter_say_what_was_done_and_how_to_undo_it(qtbot, tmp_path: Path) -> None:
    """Ctrl+Maj+C left only « Enregistré à HH:MM » in the status bar, while a cell emptied
    says what was done and that Ctrl+Z undoes it: a decision says so, with whom, as well."""
    window = _matched_window(qtbot, tmp_path)
    store = window.store
    _select_person(window, "Eric", 3)
    key(qtbot, Qt.Key.Key_M, CTRL)
    panel = window.panel.matches
    order = panel._suggestion_ids()

    def names(match_id: str) -> str:
        match = store.match(match_id)
        asker = store.participant(store.item(match.need_id).participant_id).display_name()
        helper = store.participant(store.item(match.resource_id).participant_id).display_name()
        return f"{asker} ← {helper}"

    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)  # Confirmer
    said = window.saved_label.text()
    assert said.startswith(f"Mise en relation confirmée\u00a0: {names(order[0])} — Ctrl+Z pour annuler"), said
    assert "Enregistré à" in said  # and still when it was saved
    key(qtbot, Qt.Key.Key_X, CTRL | SHIFT)  # Écarter
    said = window.saved_label.text()
    assert said.startswith(f"Suggestion écartée\u00a0: {names(order[1])} — Ctrl+Z pour annuler"), said
    key(qtbot, Qt.Key.Key_Z, CTRL)  # what it says is what Ctrl+Z does
    assert window.saved_label.text().startswith("Annulé\u00a0: écarter la suggestion")
    window.close()


def test_the_workshop_switcher_counts_every_participant_typed_deleted_or_undone(
    qtbot, tmp_path: Path
) -> None:
    window = _window(qtbot, tmp_path)
    combo = window.switcher.combo
    assert combo.currentText().endswith("· 24 participants")  # 22 rows, two of which name two people
    key(qtbot, Qt.Key.Key_Delete, CTRL)
    assert combo.currentText().endswith("· 23 participants")
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert combo.currentText().endswith("· 24 participants")

    key(qtbot, Qt.Key.Key_N, CTRL | ALT)  # a new workshop in the file
    type_text("Atelier de Pau")
    key(qtbot, Qt.Key.Key_Return)
    assert combo.currentText().endswith("Atelier de Pau · 0 participant")
    for count, person in enumerate(("Zoé Martin / PLIE de Pau", "Loïc Bérard / CC Lacq"), start=1):
        key(qtbot, Qt.Key.Key_N, CTRL)
        type_text(person)
        key(qtbot, Qt.Key.Key_Tab)
        assert combo.currentText().endswith("· 1 participant" if count == 1 else "· 2 participants")
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_Delete, CTRL)
    assert combo.currentText().endswith("Atelier de Pau · 1 participant")
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert combo.currentText().endswith("Atelier de Pau · 2 participants")
    assert [combo.itemText(i).rsplit(" · ", 1)[1] for i in range(combo.count())] == [
        "24 participants",
        "2 participants",
    ]
    window.close()


def test_a_refusal_box_and_the_window_labels_keep_french_typography(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    import shutil

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from .conftest import ROOT

    window = _window(qtbot, tmp_path)
    assert window.switcher.caption.text() == "Atelier du fichier\u00a0:"  # every tr() sentence
    other = tmp_path / "autre.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", other)
    elsewhere = Store.open(other, lock=True)  # another window of Atelier has it open
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    said: list[str] = []

    def read_the_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, read_the_box)
            return
        said.append(box.text())
        box.reject()

    QTimer.singleShot(50, read_the_box)
    key(qtbot, Qt.Key.Key_S, CTRL | ALT)  # Enregistrer une copie sous… the file open elsewhere
    elsewhere.close()
    assert said == [
        f"«\u00a0{other}\u00a0» est ouvert dans une autre fenêtre d'Atelier\u202f; fermez-la, puis réessayez."
    ]
    window.close()


def _file_dialog_labels(qtbot, window: MainWindow) -> list[str]:
    """Ctrl+O as the facilitator presses it; the labels of the file dialog it opens."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLabel

    seen: list[str] = []

    def read_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, read_the_dialog)
            return
        seen.extend(label.text() for label in dialog.findChildren(QLabel) if label.text())
        dialog.reject()

    QTimer.singleShot(50, read_the_dialog)
    key(qtbot, Qt.Key.Key_O, CTRL)
    return seen


def test_qt_dialogs_speak_the_window_s_language(qtbot, tmp_path: Path, monkeypatch) -> None:
    from atelier.i18n import choose_language
    from atelier.ui import settings
    from atelier.ui.app import install_translator

    app = QApplication.instance()
    for language, expected, foreign in (
        ("fr", {"&Voir dans\u00a0:", "&Nom de fichier\u00a0:", "Fichiers de &type\u00a0:"}, "Look in"),
        ("en", {"&Look in:", "File &name:", "Files of &type:"}, "Voir dans"),
    ):
        settings.put(settings.LANGUAGE, language)
        installed = install_translator(app)
        try:
            window = _window(qtbot, tmp_path)
            labels = _file_dialog_labels(qtbot, window)
            assert expected <= set(labels), labels
            assert not any(foreign in label for label in labels)
            window.close()
        finally:
            for translator in installed:
                app.removeTranslator(translator)
            choose_language("")  # the messages follow ATELIER_LANG again, as in the other tests
    assert QApplication.translate("QFileDialog", "&Look in:") == "&Look in:"


def _file_dialog_types(qtbot, window: MainWindow) -> dict[str, str]:
    """Ctrl+O as the facilitator presses it; each name the file dialog lists, with its type
    (the « Type » column of its detailed view)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QTreeView

    seen: dict[str, str] = {}

    def read_the_dialog(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, read_the_dialog)
            return
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        view = dialog.findChild(QTreeView)
        model, root = view.model(), view.rootIndex()
        rows = {
            model.index(r, 0, root).data(): model.index(r, 2, root).data()
            for r in range(model.rowCount(root))
        }
        if len(rows) < 2 and tries < 100:  # the folder is read in the background
            QTimer.singleShot(50, lambda: read_the_dialog(tries + 1))
            return
        seen.update(rows)
        dialog.reject()

    QTimer.singleShot(50, read_the_dialog)
    key(qtbot, Qt.Key.Key_O, CTRL)
    return seen


def test_the_file_dialog_names_a_folder_and_a_file_s_type_in_french(qtbot, tmp_path: Path) -> None:
    """Ctrl+O in a French window: the Qt file dialog's « Type » column said « Folder » (Qt's
    French file lacks it) and, on a computer set to English (or to no language), the
    workshop file's type « SQLite3 database ». Both French now; in English, English."""
    from atelier.i18n import choose_language
    from atelier.ui import settings
    from atelier.ui.app import install_translator

    (tmp_path / "grilles").mkdir()
    app = QApplication.instance()
    for language, folder, kind in (
        ("fr", "Dossier", "base de données SQLite3"),
        ("en", "Folder", "SQLite3 database"),
    ):
        settings.put(settings.LANGUAGE, language)
        installed = install_translator(app)
        try:
            window = _window(qtbot, tmp_path)
            types = _file_dialog_types(qtbot, window)
            assert types.get("grilles") == folder, types
            assert types.get("exemple.atelier") == kind, types
            window.close()
        finally:
            for translator in installed:
                app.removeTranslator(translator)
            choose_language("")
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale.system())  # as the other tests expect it


def test_two_people_are_joined_and_agreed_with_in_the_grid_and_the_match_panel(qtbot, tmp_path: Path) -> None:
    from atelier.domain import Item, ItemKind, Participant

    path = tmp_path / "pau.atelier"
    with Store.create(path, title="Atelier de Pau", date="2026-11-23") as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(Participant(workshop_id, names=["Lucie Leroy"], organisation="PLIE"))
        store.add_item(Item(lucie.id, ItemKind.NEED, "organiser un forum de l'emploi saisonnier"))
        pair = store.add_participant(
            Participant(workshop_id, names=["Zoé Martin", "Loïc Bérard"], organisation="CC de Lacq")
        )
        store.add_item(Item(pair.id, ItemKind.ACTION, "forum de l'emploi saisonnier organisé en 2025"))
    window = MainWindow(Store.open(path, lock=True))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: bool(window.store.matches(window.model.workshop_id)), timeout=20_000)
    proxy = window.grid.model()
    assert proxy.index(1, 0).data().splitlines()[0] == "Zoé Martin et Loïc Bérard"
    window.grid.setFocus()
    window.grid.setCurrentIndex(proxy.index(0, 3))  # Lucie's needs
    key(qtbot, Qt.Key.Key_M, CTRL)
    panel = window.panel.matches
    shown = panel.tree.currentIndex().data()
    assert shown.startswith("Zoé Martin et Loïc Bérard (CC de Lacq, ont déjà fait) — forum de l'emploi")
    window.close()


def _along(start, end, radius: float):
    """Points of a link between two dots, one per pixel, the dots themselves left out."""
    length = ((end.x() - start.x()) ** 2 + (end.y() - start.y()) ** 2) ** 0.5
    steps = max(24, round(length))
    for step in range(steps + 1):
        t = step / steps
        x, y = start.x() + (end.x() - start.x()) * t, start.y() + (end.y() - start.y()) * t
        if min(t, 1 - t) * length > radius * 2.5:
            yield x, y, (end.y() - start.y()) / length, -(end.x() - start.x()) / length


def test_the_network_is_readable_from_the_back_of_the_room(qtbot, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor

    from atelier.domain import MatchStatus
    from atelier.matching.engine import SHOWN_TO_ROOM
    from atelier.ui.projector import ACCENT

    window = _matched_window(qtbot, tmp_path)
    store, workshop_id = window.store, window.model.workshop_id
    owner = {i.id: i.participant_id for i in store.workshop_items(workshop_id)}

    def pair(match_id: str) -> set[str]:
        match = store.match(match_id)
        return {owner[match.need_id], owner[match.resource_id]}

    # The room's confident suggestion, and one match confirmed between two other people.
    suggested = [m for m in store.matches(workshop_id) if m.status == MatchStatus.SUGGESTED]
    confident = [m for m in suggested if m.score >= SHOWN_TO_ROOM]
    assert confident
    shown = pair(max(confident, key=lambda m: m.score).id)
    for row in range(window.model.rowCount()):
        person = window.model.participant_at(row).id
        if person in shown:
            continue
        window._select(person, 3)
        key(qtbot, Qt.Key.Key_M, CTRL)
        chosen = window.panel.matches.current_match_id()
        if chosen is not None and pair(chosen).isdisjoint(shown):
            break
    else:
        raise AssertionError("no suggestion between two other people")
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)  # one match confirmed, as in the room
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_F5)
    key(qtbot, Qt.Key.Key_U, CTRL | SHIFT)  # the suggestions too
    key(qtbot, Qt.Key.Key_3, CTRL)  # « Réseau »
    projector = window.projector
    qtbot.waitUntil(lambda: projector.layout_ready and len(projector.network.edges) >= 2, timeout=20_000)
    image = projector.render_image()
    network, points, radius = projector.network, projector.node_points, projector.node_radius
    canvas = projector.network_canvas
    assert len(points) >= 4 and any(e.confirmed for e in network.edges)
    assert any(not e.confirmed for e in network.edges)

    # Spread over the canvas, not packed in its corners.
    xs, ys = [p.x() for p in points], [p.y() for p in points]
    assert max(xs) - min(xs) > 0.5 * canvas.width() and max(ys) - min(ys) > 0.35 * canvas.height()
    closest = min(
        ((a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2) ** 0.5
        for i, a in enumerate(points)
        for b in points[i + 1 :]
    )
    # No two dots crowded: room for a name between any two (the names are checked below).
    assert closest > 8 * radius
    # Every name beside its dot, never over a dot or another name, inside the picture.
    boxes = projector.label_boxes
    for box in boxes:
        assert box.left() >= 0 and box.right() <= image.width() and box.bottom() <= image.height()
        for dot in points:
            assert not box.adjusted(-radius, -radius, radius, radius).contains(dot), (box, dot)
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    for box, dot in zip(boxes, points, strict=True):
        gap = max(box.left() - dot.x(), dot.x() - box.right(), box.top() - dot.y(), dot.y() - box.bottom())
        assert gap < radius * 4  # next to its own dot
    # A confirmed link thick, solid and in the accent colour; a suggestion dashed and lighter.
    index = {node.id: i for i, node in enumerate(network.nodes)}

    def colour(x: float, y: float) -> QColor:
        return image.pixelColor(round(x), round(y))

    def is_accent(c: QColor) -> bool:
        return (
            abs(c.red() - ACCENT.red()) + abs(c.green() - ACCENT.green()) + abs(c.blue() - ACCENT.blue()) < 60
        )

    for edge in network.edges:
        samples = list(_along(points[index[edge.source]], points[index[edge.target]], radius))
        if edge.confirmed:
            solid = [
                is_accent(colour(x, y)) and is_accent(colour(x + 3 * nx, y + 3 * ny))
                for x, y, nx, ny in samples
            ]
            assert sum(solid) >= 0.8 * len(solid)  # thick, and not hidden under a name
        else:
            inked = [colour(x, y).lightness() < 200 for x, y, _, _ in samples]
            assert 0.2 * len(inked) < sum(inked) < 0.9 * len(inked)  # dashed
            assert not any(is_accent(colour(x, y)) for x, y, _, _ in samples)
    # The legend names the territories as the grid does: « Région N-A », never « N-A » alone.
    assert "Région N-A" in projector.drawn and "N-A" not in projector.drawn
    projector.close()
    window.close()


def _rows_fit(tree) -> list[str]:
    """The items of the match list whose text does not fit in the row they are given."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QFontMetrics

    from atelier.ui import match_panel

    indent = getattr(match_panel, "REASON_INDENT", 0)  # how far a reason's lines start right
    short = []
    model = tree.model()
    indexes = [model.index(r, 0) for r in range(model.rowCount())]
    indexes += [model.index(c, 0, parent) for parent in list(indexes) for c in range(model.rowCount(parent))]
    for index in indexes:
        rect = tree.visualRect(index)
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else tree.font())
        needed = 0
        for line in str(index.data()).split("\n"):
            reason = line.startswith("    ")
            width = rect.width() - 4 - (round(metrics.horizontalAdvance("M") * indent) if reason else 0)
            box = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, line.strip())
            needed += box.height()
        if needed > rect.height():
            short.append(str(index.data()))
    return short


def test_the_match_panel_shows_every_reason_whole_at_any_width(qtbot, tmp_path: Path) -> None:
    window = _matched_window(qtbot, tmp_path)
    _select_person(window, "Eric", 3)
    key(qtbot, Qt.Key.Key_M, CTRL)
    tree = window.panel.matches.tree
    first_need = tree.model().index(0, 0)
    shown = [
        str(tree.model().index(r, 0, first_need).data()) for r in range(tree.model().rowCount(first_need))
    ]
    assert any("Ressource proposée" in text for text in shown)
    for width in (460, 330, 620):
        window.resizeDocks([window.panel_dock], [width], Qt.Orientation.Horizontal)
        qtbot.wait(50)
        assert _rows_fit(tree) == [], width
    window.close()


def test_the_projector_says_each_reason_whole(qtbot, tmp_path: Path) -> None:
    from atelier.domain import Item, ItemKind, Match, MatchStatus, Participant, Reason, ReasonKind

    path = tmp_path / "pau.atelier"
    with Store.create(path, title="Atelier de Pau", date="2026-11-23") as store:
        workshop_id = store.workshops()[0].id
        lucie = store.add_participant(
            Participant(workshop_id, names=["Lucie Leroy"], organisation="PLIE de Pau")
        )
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "animer un réseau d'employeurs du territoire"))
        pair = store.add_participant(
            Participant(workshop_id, names=["Zoé Martin", "Loïc Bérard"], organisation="CC de Lacq")
        )
        offer = store.add_item(Item(pair.id, ItemKind.OFFER, "animation de réseaux d'acteurs économiques"))
        reasons = [
            Reason(ReasonKind.OFFER, ("animation", "réseaux d'acteurs économiques")),
            Reason(
                ReasonKind.TOPIC, term="animation", need="animer", resource="animation des réseaux d'acteurs"
            ),
        ]
        store.add_match(Match(workshop_id, need.id, offer.id, MatchStatus.CONFIRMED, 0.8, reasons))
    window = active_window(qtbot, path)
    key(qtbot, Qt.Key.Key_F5)  # « Qui peut aider qui ? »
    projector = window.projector
    projector.render_image()
    drawn = " ".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    assert "En commun avec le besoin : « animation », « réseaux d'acteurs économiques »" in drawn
    # The second reason whole, as the window words it (« Le besoin dit « animer », l'offre … »).
    from atelier.reasons import say_all

    second = say_all(reasons, "fr")[1].replace("\u00a0", " ").replace("\u202f", " ")
    assert "« animer », l'offre « animation des réseaux d'acteurs » : même thème" in second
    assert second in drawn
    assert not any(line.endswith("…") for line in projector.drawn if "«" in line or "»" in line)
    projector.close()
    window.close()


def test_deleting_someone_brings_their_offers_of_another_workshop_without_f9(qtbot, tmp_path: Path) -> None:
    from atelier.domain import Item, ItemKind, Participant, Workshop

    path = tmp_path / "reseau.atelier"
    with Store.create(path, title="Atelier 2022", date="2022-03-15") as store:
        earlier = store.workshops()[0]
        gregory_then = store.add_participant(
            Participant(earlier.id, names=["Grégory TALVY"], organisation="Région N-A")
        )
        offer = store.add_item(
            Item(gregory_then.id, ItemKind.OFFER, "présenter les dispositifs régionaux d'aide")
        )
        later = store.add_workshop(Workshop("Atelier 2023", date="2023-03-14"))
        lucie = store.add_participant(
            Participant(later.id, names=["Lucie Leroy"], organisation="Grand Angoulême")
        )
        need = store.add_item(Item(lucie.id, ItemKind.NEED, "connaître les dispositifs régionaux d'aide"))
        gregory = store.add_participant(
            Participant(later.id, names=["Grégory TALVY"], organisation="Région N-A")
        )
        store.add_item(Item(gregory.id, ItemKind.ACTION, "un observatoire de l'emploi"))
    window = active_window(qtbot, path)
    assert window.model.workshop_id == later.id  # the file opens on its latest workshop, 2023

    def suggested() -> set[str]:
        return {m.resource_id for m in window.store.matches_for_need(need.id)}

    qtbot.waitUntil(
        lambda: window.matching is not None and window.matching.engine is not None, timeout=20_000
    )
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    assert offer.id not in suggested()  # Grégory is in the room: what he says today counts
    window.grid.setCurrentIndex(window.grid.model().index(1, 0))  # Grégory's row
    key(qtbot, Qt.Key.Key_Delete, CTRL)
    assert window.model.rowCount() == 1
    qtbot.waitUntil(lambda: offer.id in suggested(), timeout=10_000)  # no F9
    window._select(lucie.id, 3)
    texts = [window.panel.matches.tree_model.item(0).child(r).text() for r in range(1)]
    assert "Grégory TALVY (Région N-A, atelier du 15 mars 2022)" in texts[0]
    key(qtbot, Qt.Key.Key_Z, CTRL)  # he is back in the room: his words of 2022 leave again
    qtbot.waitUntil(lambda: offer.id not in suggested(), timeout=10_000)
    window.close()


LONG_HEADER = (
    "Démarches territorialisées pour l'emploi, où en est mon territoire? Quelles actions déjà engagées?"
)


def _long_header_grid(tmp_path: Path) -> Path:
    grid = tmp_path / "grille.csv"
    grid.write_text(
        f"Participants/ Territoire;{LONG_HEADER};Mes défis;J'ai besoin de ressources sur...;"
        "Je peux être ressource\n"
        "Zoé Martin / PLIE de Pau;un forum;recruter;des bénévoles;la GPECT\n",
        encoding="utf-8",
    )
    return grid


def test_the_import_dialog_cuts_a_long_header_with_an_ellipsis_and_says_it_whole_on_hover(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLabel

    from atelier.ui.import_dialog import ImportDialog

    window = _window(qtbot, tmp_path)
    grid = _long_header_grid(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(grid), ""))
    seen: list[tuple[int, str, str, int, str]] = []

    def read_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportDialog) or not getattr(dialog, "combos", None):
            QTimer.singleShot(50, read_the_dialog)
            return
        for width in (1000, dialog.minimumSizeHint().width()):
            dialog.resize(width, dialog.height())
            qtbot.wait(30)
            label = dialog.columns_layout.labelForField(dialog.combos[1])
            assert isinstance(label, QLabel)
            shown = label.text()
            seen.append((width, shown, label.toolTip(), label.width(), dialog.combos[1].toolTip()))
            assert label.fontMetrics().horizontalAdvance(shown) <= label.width()
        dialog.reject()

    QTimer.singleShot(50, read_the_dialog)
    key(qtbot, Qt.Key.Key_I, CTRL)  # Importer une grille…
    assert len(seen) == 2
    for _width, shown, tip, _room, combo_tip in seen:
        assert tip == combo_tip == LONG_HEADER  # the whole header on hover
        assert shown.startswith("Colonne 2 «\u00a0Démarch")
        assert shown.endswith("…\u00a0»")  # cut, and saying so
    assert seen[0][1].startswith("Colonne 2 «\u00a0Démarches territorialisées pour l'emploi")
    assert len(seen[1][1]) < len(seen[0][1])  # narrower: less of it, still with its « … »
    window.close()


def test_the_command_line_cuts_a_long_header_between_words_with_an_ellipsis(tmp_path: Path) -> None:
    from .conftest import run_cli

    done = run_cli("import", str(_long_header_grid(tmp_path)), "-o", str(tmp_path / "pau.atelier"))
    assert done.returncode == 0, done.stderr
    assert "2 «\u00a0Démarches territorialisées pour l'emploi, où en…\u00a0» → actions" in done.stdout


def test_confirmer_with_no_suggestion_chosen_says_what_to_do(qtbot, tmp_path: Path) -> None:
    """Ctrl+Maj+C with the need's own line chosen in « Qui peut aider ? » (not one of its
    suggestions) did nothing at all: no confirmation, and nothing said, so the facilitator
    took it for done. The status bar now says to choose a suggestion first; nothing changes."""
    window = _matched_window(qtbot, tmp_path)
    store = window.store
    _select_person(window, "Eric", 3)
    key(qtbot, Qt.Key.Key_M, CTRL)  # to the suggestions, the first one chosen
    panel = window.panel.matches
    order = panel._suggestion_ids()
    before = [store.match(m).status for m in order]
    key(qtbot, Qt.Key.Key_Up)  # the need's own line
    assert panel.current_match_id() is None and panel.current_need_id() is not None
    for letter, said in (
        (Qt.Key.Key_C, "Ctrl+Maj+C pour la confirmer"),
        (Qt.Key.Key_X, "Ctrl+Maj+X pour l'écarter"),
    ):
        key(qtbot, letter, CTRL | SHIFT)
        status = window.saved_label.text().replace("\u00a0", " ")
        assert status.startswith("Aucune suggestion choisie : descendez sur l'une d'elles (↓)"), status
        assert said in status, status
    assert [store.match(m).status for m in order] == before
    window.close()


def test_confirmer_from_the_grid_says_to_choose_a_suggestion_first(qtbot, tmp_path: Path) -> None:
    """Ctrl+Maj+C (or X) pressed in the grid, no suggestion chosen in « Qui peut aider ? »: the
    keys did nothing and said nothing, the status bar still « Enregistré à … », and the
    facilitator took the match for confirmed. It now says how to get to a suggestion (Ctrl+M);
    nothing changes in the file, and no cell is opened by the key."""
    window = _matched_window(qtbot, tmp_path)
    store = window.store
    _select_person(window, "Eric", 3)
    window.grid.setFocus()
    before = {m.id: m.status for m in store.matches(window.model.workshop_id)}
    for letter, said in ((Qt.Key.Key_C, "Ctrl+Maj+C"), (Qt.Key.Key_X, "Ctrl+Maj+X")):
        key(qtbot, letter, CTRL | SHIFT)
        status = window.saved_label.text().replace("\u00a0", " ")
        assert status.startswith("Aucune suggestion choisie : Ctrl+M"), status
        assert said in status, status
        assert window.grid.state() != window.grid.State.EditingState
    assert {m.id: m.status for m in store.matches(window.model.workshop_id)} == before
    window.close()


def test_confirmer_from_the_grid_on_someone_without_suggestions_says_there_are_none(
    qtbot, tmp_path: Path
) -> None:
    """Martine Colin Rabouan needs nothing: Ctrl+Maj+C in her row does not send the facilitator
    to suggestions she has none of (Ctrl+M), it says there is none to confirm."""
    window = _matched_window(qtbot, tmp_path)
    _select_person(window, "Martine", 0)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)
    status = window.saved_label.text().replace("\u00a0", " ")
    assert status == "Aucune suggestion à confirmer pour ce participant.", status
    key(qtbot, Qt.Key.Key_X, CTRL | SHIFT)
    status = window.saved_label.text().replace("\u00a0", " ")
    assert status == "Aucune suggestion à écarter pour ce participant.", status
    window.close()


def test_undoing_a_deletion_puts_the_cursor_back_on_the_participant_brought_back(
    qtbot, tmp_path: Path
) -> None:
    """Ctrl+Z of a Ctrl+Suppr brought the participant back, but the grid's cursor stayed on the
    row that had followed them: the next key (a cell typed, Ctrl+Suppr again) went to someone
    else. The cursor is now on the participant brought back, in the column it was in; Ctrl+Maj+Z
    deletes them again and puts it on the row that takes their place, as Ctrl+Suppr does."""
    window = _window(qtbot, tmp_path)
    proxy = window.grid.model()
    window.grid.setCurrentIndex(proxy.index(10, 2))  # Cécile BECHON et Ghislaine Paparemborde
    deleted = window._current_participant_id()
    following = window.model.participant_at(11).id
    key(qtbot, Qt.Key.Key_Delete, CTRL)
    assert window._current_participant_id() == following
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.model.rowCount() == 22
    assert window._current_participant_id() == deleted
    assert window.grid.currentIndex().column() == 2
    assert [i.row() for i in window.grid.selectionModel().selectedIndexes()] == [10]
    assert window.panel.participant_id == deleted  # the card shows them too
    key(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.model.rowCount() == 21
    assert window._current_participant_id() == following
    assert window.grid.currentIndex().column() == 2
    assert window.panel.participant_id == following
    window.close()


def _matched_again(qtbot, window: MainWindow) -> None:
    """F9, and the window once the suggestions it saved are shown in « Qui peut aider ? »."""
    with qtbot.waitSignal(window.matching.updated, timeout=20_000):
        key(qtbot, Qt.Key.Key_F9)


def _pair(window: MainWindow, match_id: str | None) -> tuple[str, str] | None:
    if match_id is None:
        return None
    match = window.store.match(match_id)
    return match.need_id, match.resource_id


def test_matching_again_keeps_the_chosen_suggestion_or_chooses_the_first(qtbot, tmp_path: Path) -> None:
    """Each matching run shows « Qui peut aider ? » anew: with a need's own line chosen (the
    facilitator's, or where the list was when the run ended), the list made again chose
    nothing, and Ctrl+Maj+C confirmed nothing. The suggestion chosen stays chosen (the same
    need and resource, even saved anew); from the need's own line, its first suggestion still
    to decide is chosen, as Ctrl+M chooses one."""
    window = _matched_window(qtbot, tmp_path)
    _select_person(window, "Eric", 3)
    key(qtbot, Qt.Key.Key_M, CTRL)  # to the suggestions, the first one chosen
    panel = window.panel.matches
    key(qtbot, Qt.Key.Key_Down)  # the second one (the first need's)
    chosen = _pair(window, panel.current_match_id())
    assert chosen is not None
    _matched_again(qtbot, window)
    assert _pair(window, panel.current_match_id()) == chosen
    assert QApplication.focusWidget() is panel.tree
    key(qtbot, Qt.Key.Key_Up)
    key(qtbot, Qt.Key.Key_Up)  # the need's own line
    need_id = panel.current_need_id()
    assert panel.current_match_id() is None and need_id is not None
    _matched_again(qtbot, window)
    first = panel._suggestion_ids()[0]
    assert window.store.match(first).need_id == need_id
    assert panel.current_match_id() == first
    key(qtbot, Qt.Key.Key_C, CTRL | SHIFT)  # confirms the suggestion seen first
    from atelier.domain import MatchStatus

    assert window.store.match(first).status == MatchStatus.CONFIRMED
    window.close()
