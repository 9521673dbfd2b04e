"""The projector window: it shows the example's matches, follows the grid live, and hides names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.domain import Match, MatchStatus
from atelier.matching import match_workshop, save_suggestions
from atelier.store import Store
from atelier.ui.main_window import MainWindow

from .conftest import ROOT, example_window
from .helpers.keyboard import active_example_window, active_window, key

NEED = (
    "Comment rentrer dans les cases des règlements d'intervention des institutions "
    "pour mobiliser des financements ?"
)


@pytest.fixture
def window(qtbot, tmp_path: Path):
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        save_suggestions(store, workshop_id, match_workshop(store, workshop_id).suggestions)
        items = {i.id: i.text for i in store.workshop_items(workshop_id)}
        for match in store.matches(workshop_id):
            if (
                items[match.need_id] == NEED
                and items[match.resource_id] == "Règlement d'intervention de la Région"
            ):
                store.update_match(match.id, status=MatchStatus.CONFIRMED)
    win = example_window(qtbot, tmp_path)
    yield win
    if win.projector is not None:
        win.projector.close()
    win.close()


def _painted(projector) -> str:
    projector.render_image()  # paints at 1920×1080 and records what the room reads
    # French typography puts non-breaking spaces before « : » and « ? »: read them as spaces.
    return "\n".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")


def test_the_three_views_show_the_example_and_the_window_keeps_the_keyboard(
    qtbot, window: MainWindow
) -> None:
    window.grid.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    projector = window.projector
    assert projector is not None and projector.isVisible()
    assert QApplication.focusWidget() is window.grid  # typing stays in the grid
    text = _painted(projector)
    assert "Qui peut aider qui ?" in text
    assert "Eric BEDIN (CIAP-Champs du Partage) cherche :" in text.replace("\n", " ")
    assert "cherche\u00a0:" in "\n".join(projector.drawn)  # « : » never alone at a line's start
    assert "Règlement d'intervention de la Région" in text
    image = projector.render_image()
    assert image.width() == 1920 and image.pixelColor(960, 20).name() == "#ffffff"

    for row in range(window.model.rowCount()):
        participant = window.model.participant_at(row)
        if participant.names and participant.names[0] == "Eric BEDIN":
            window._select(participant.id, 3)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert projector.view == "spotlight"
    text = _painted(projector)
    assert text.startswith("Eric BEDIN (CIAP-Champs du Partage)") and "Cherche" in text

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: projector.layout_ready, timeout=20_000)
    text = _painted(projector)
    assert "Eric BEDIN" in text and "Jacques Le-priol" in text
    boxes = projector.label_boxes
    assert len(boxes) == len(projector.network.nodes) >= 2
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_an_edit_in_the_grid_shows_on_the_projector_within_a_second(qtbot, window: MainWindow) -> None:
    projector = window.open_projector()
    for row in range(window.model.rowCount()):
        participant = window.model.participant_at(row)
        if participant.names and participant.names[0] == "Eric BEDIN":
            window._select(participant.id, 3)
    window.projector_view("spotlight")
    assert "Difficultés de financement" in _painted(projector)
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "trouver des benevoles pour le marche paysan")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: "trouver des benevoles pour le marche paysan" in _painted(projector), timeout=1000
    )


def test_the_privacy_toggle_hides_every_name_in_every_view(qtbot, window: MainWindow, tmp_path: Path) -> None:
    projector = window.open_projector()
    names = {n for p in window.model.participants() for n in p.names}
    assert len(names) > 20
    assert any(n in _painted(projector) for n in names)
    qtbot.keyClick(
        window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert projector.private
    for row in range(window.model.rowCount()):
        window._select(window.model.participant_at(row).id, 0)
        for view in ("cards", "spotlight", "network"):
            window.projector_view(view)
            if view == "network":
                qtbot.waitUntil(lambda: projector.layout_ready, timeout=20_000)
            text = _painted(projector).casefold()
            assert [n for n in names if n.casefold() in text] == []
    # The PNG of the current view, for the minutes, is the projector's picture at 1920×1080.
    target = window.export_projector_png(tmp_path / "reseau.png")
    from PySide6.QtGui import QImage

    picture = QImage(str(target))
    assert picture.width() == 1920 and picture.height() == 1080


def test_the_room_sees_confirmed_matches_and_suggestions_only_when_asked(qtbot, tmp_path: Path) -> None:
    """At start the projector shows what the facilitator confirmed, never an open suggestion;
    Ctrl+Maj+U adds the engine's confident suggestions, each flagged as one."""
    from atelier.matching.engine import SHOWN_TO_ROOM

    window = example_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: bool(window.store.matches(window.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    store = window.store
    workshop_id = window.model.workshop_id
    suggested = [m for m in store.matches(workshop_id) if m.status == MatchStatus.SUGGESTED]
    assert suggested and not [m for m in store.matches(workshop_id) if m.status == MatchStatus.CONFIRMED]
    projector = window.open_projector()
    projector.rebuild()
    assert projector.projection.cards == []
    assert "SUGGESTION" not in _painted(projector)
    for spot in projector.projection.spotlights.values():
        assert all(not helpers for _, helpers in spot.needs)

    qtbot.keyClick(
        window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    cards = projector.projection.cards
    confident = {m.need_id for m in suggested if m.score >= SHOWN_TO_ROOM}
    assert cards and len(cards) == len(confident) < len({m.need_id for m in suggested})
    assert all(card.suggested and card.score >= SHOWN_TO_ROOM for card in cards)
    assert "SUGGESTION — à confirmer" in _painted(projector)
    window.close()


def test_a_challenge_is_captioned_as_theirs_and_an_action_as_done(qtbot, tmp_path: Path) -> None:
    # Confirmed with no reason (nothing says what links them): the challenge is theirs, never
    # « le même défi » (tests/test_challenge_captions.py says when it is).
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        items = {i.text: i for i in store.workshop_items(workshop_id)}
        need = items["Comment faire pour que les services travaillent moins de façon cloisonnée ?"]
        challenge = items[
            "Dépasser les compétitions / concurrences aussi bien institutionnelles que personnelles"
        ]
        action = items["Soutien aux initiatives de mise en adéquation O/D emploi"]
        for resource in (challenge, action):
            store.add_match(Match(workshop_id, need.id, resource.id, MatchStatus.CONFIRMED, 0.5))
    window = example_window(qtbot, tmp_path)
    projector = window.open_projector()
    text = _painted(projector).replace("\n", " ")
    assert "Myriam LOUIS a pour défi :" in text and "même défi" not in text
    assert "Elise ENNAHLI (PETR Sud Gironde) a déjà fait :" in text and "l'a déjà fait" not in text
    assert "Myriam LOUIS a déjà fait" not in text
    window.close()


def _crowded_file(tmp_path: Path) -> Path:
    """The example with a participant of long names whose 12 needs (120 characters each) each
    meet the 120-character offer of someone with a long name."""
    from atelier.domain import Item, ItemKind, Participant

    path = tmp_path / "exemple.atelier"  # the file example_window opens
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    topics = [
        "mobilité des jeunes",
        "garde d'enfants",
        "logement des saisonniers",
        "clauses d'insertion",
        "numérique inclusif",
        "apprentissage",
        "reconversion industrielle",
        "santé au travail",
        "égalité professionnelle",
        "création d'entreprise",
        "emploi agricole",
        "tiers-lieux",
    ]
    tail = " pour les publics éloignés de l'emploi dans les quartiers prioritaires et les communes rurales"

    def long(text: str) -> str:
        return (text + tail + " du territoire et alentour")[:120]

    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        marie = store.add_participant(
            Participant(
                workshop_id,
                names=["Marie-Françoise Dupont-Lefebvre"],
                organisation=(
                    "Communauté d'agglomération du Grand Villeneuve-sur-Lot et des Coteaux de Guyenne"
                ),
            )
        )
        for number, topic in enumerate(topics):
            store.add_item(Item(marie.id, ItemKind.NEED, long(f"Trouver des solutions de {topic}")))
            helper = store.add_participant(
                Participant(
                    workshop_id,
                    names=[f"Jean-Baptiste Longuenomdefamille-{number}"],
                    organisation=f"Maison de l'emploi et des solidarités territoriales du Pays {number}",
                )
            )
            store.add_item(Item(helper.id, ItemKind.OFFER, long(f"Expérience confirmée en {topic}")))
    return path


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_reason_under_each_suggestion_reads_from_the_back_and_stays_in_its_card(
    qtbot, tmp_path: Path, size: tuple[int, int]
) -> None:
    """The reason line was 28 px of grey under 36 px text (20 px on a 1366×768 projector), and
    a long reason ran out of its card over the next one: now nearly the size of the need and
    offer, nearly black, and every line of every card inside its card, the verb after a long
    name (« peut aider : ») always said."""
    from PySide6.QtCore import QRectF, QSize

    from atelier.ui import projector as projector_module

    _crowded_file(tmp_path)
    window = example_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: bool(window.store.matches(window.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    projector = window.open_projector()
    qtbot.keyClick(
        window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    cards = projector.projection.cards
    assert len(cards) >= 12 and any(c.seeker.startswith("Marie-Françoise") for c in cards)
    assert projector_module.REASON.lightness() < 60  # nearly black, not #4a4a4a grey
    for page in range(projector.pages if projector.pages else 1):
        projector.page = page
        projector.render_image(QSize(*size))
        assert projector.card_boxes
        for line, box, _px in projector.placed:
            inside = [c for c in projector.card_boxes if c.top() <= box.top() < c.bottom()]
            if inside:  # not the title nor the page number
                assert box.bottom() <= inside[0].bottom(), (size, page, line)
        said = " ".join(line for line, _b, _p in projector.placed)
        assert said.count("peut aider\u00a0:") == len(projector.card_boxes), said
        # Each card's first reason said whole: the sentence, or without the need's words
        # (shown just above it) when the card is too small for the sentence.
        plain = said.replace("\u00a0", " ").replace("\u202f", " ")
        for card in projector.projection.cards[page * 4 : (page + 1) * 4]:
            forms = [
                f[0].replace("\u00a0", " ").replace("\u202f", " ") for f in (card.reasons, card.brief) if f
            ]
            assert any(form in plain for form in forms), (forms, plain)
        # Every need (120 characters: more than a line) keeps at least its two lines (whole
        # when the card holds it), the names and the reasons give way first.
        needs = _need_lines(projector.placed)
        assert len(needs) == len(projector.card_boxes) and all(len(n) >= 2 for n in needs), (size, needs)
    # The spotlight on her: no line drawn over another (« + 8 autres besoins » was drawn over
    # the last helper).
    marie = next(
        p for p in window.store.participants(window.model.workshop_id) if p.names[0].startswith("Marie")
    )
    projector.participant_id, projector.view = marie.id, "spotlight"
    projector.render_image(QSize(*size))
    left = sorted((box for line, box, _px in projector.placed if box.left() < size[0] * 0.6), key=QRectF.top)
    assert len(left) > 5 and any("autres besoins" in line for line, _b, _p in projector.placed)
    for above, below in zip(left, left[1:], strict=False):
        assert below.top() >= above.bottom() - 1, (above, below)
    projector.view = "cards"
    projector.render_image(QSize(*size))
    reason_sizes = [px for line, _b, px in projector.placed if line.startswith(("Le besoin", "L'offre"))]
    need_sizes = [px for line, _b, px in projector.placed if line.startswith("Trouver des solutions")]
    assert reason_sizes and need_sizes and min(reason_sizes) >= 0.9 * max(need_sizes)
    window.close()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_room_reads_what_is_needed_before_why(qtbot, window: MainWindow, size: tuple[int, int]) -> None:
    """The need is what the room must understand: « Comment rentrer dans les cases des … » said
    nothing of what Eric BEDIN looks for, while the reason under it took three lines. The need
    keeps its two lines; the reason is said shorter (without the need's words, just above it)
    when both do not fit."""
    from PySide6.QtCore import QSize

    qtbot.keyClick(window, Qt.Key.Key_F5)
    projector = window.projector
    assert projector is not None
    projector.render_image(QSize(*size))
    said = " ".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    assert "Comment rentrer dans les cases des règlements d'intervention" in said, said
    assert "Règlement d'intervention de la Région" in said
    card = next(c for c in projector.projection.cards if c.need == NEED)
    forms = [f[0].replace("\u00a0", " ").replace("\u202f", " ") for f in (card.reasons, card.brief) if f]
    assert any(form in said for form in forms), (forms, said)


def _need_lines(placed: list) -> list[list[str]]:
    """Each card's need as the room reads it: the lines between « … cherche : » and « ← … »."""
    cards: list[list[str]] = []
    inside = False
    for line, _box, _px in placed:
        plain = line.replace("\u00a0", " ")
        if plain.endswith(("cherche :", "cherchent :")):
            inside = True
            cards.append([])
        elif plain.startswith("←"):
            inside = False
        elif inside:
            cards[-1].append(plain)
    return cards


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_a_suggested_card_keeps_the_two_lines_of_its_need(
    qtbot, tmp_path: Path, size: tuple[int, int]
) -> None:
    """With suggestions on (Ctrl+Maj+U), the « SUGGESTION » label took the line the need kept on a
    confirmed card: Eric BEDIN's card read « Comment rentrer dans les cases des … » while its
    reason took two lines. The need keeps its two lines, the names and a whole reason stay."""
    from PySide6.QtCore import QSize

    window = example_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: bool(window.store.matches(window.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    projector = window.open_projector()
    qtbot.keyClick(
        window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    card = next(c for c in projector.projection.cards if c.need == NEED)
    assert card.suggested
    projector.page = projector.projection.cards.index(card) // 4
    projector.render_image(QSize(*size))
    said = " ".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    assert "SUGGESTION — à confirmer" in said
    assert "Comment rentrer dans les cases des règlements d'intervention" in said, said
    assert "Eric BEDIN (CIAP-Champs du Partage) cherche :" in said
    assert "← Jacques Le-priol (Région N-A) peut aider :" in said
    forms = [f[0].replace("\u00a0", " ").replace("\u202f", " ") for f in (card.reasons, card.brief) if f]
    assert any(form in said for form in forms), (forms, said)
    window.close()


def test_a_refresh_due_when_another_file_is_opened_never_reads_the_closed_one(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """F5, an edit (the projection refreshes 200 ms later), then another file opened at once:
    the refresh due read the file just closed, and Qt printed « Cannot operate on a closed
    database » from the event loop (seen when a grid was imported into a new file)."""
    from atelier.ui.operations import files

    from .helpers.keyboard import key

    key(qtbot, Qt.Key.Key_F5)
    projector = window.projector
    assert projector is not None and projector.isVisible()
    key(qtbot, Qt.Key.Key_F5)  # the grid back, the projection still following it
    window.model.setData(window.model.index(0, 0), "Maxime Roby (modifié)", Qt.ItemDataRole.EditRole)
    other = tmp_path / "autre.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", other)
    assert files.open_file(window, other)
    qtbot.wait(400)  # past the refresh that was due: an error there fails the test
    assert window.store.path == other


def test_the_network_legend_calls_a_structure_a_structure_not_a_territory(qtbot, window: MainWindow) -> None:
    """Eric BEDIN gave no territory: the network colours him by his structure, and the legend
    listed « CIAP-Champs du Partage » under « Territoires », read out to the room as a place.
    Once his territory is typed in the card, the legend is all places again."""
    from tests.helpers.keyboard import key, type_text

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    projector = window.open_projector()
    window.grid.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: projector.layout_ready, timeout=20_000)
    legend = _painted(projector).split("\n")
    assert "CIAP-Champs du Partage" in legend and "Région N-A" in legend
    assert "Territoires ou structures" in legend and "Territoires" not in legend

    for row in range(window.model.rowCount()):
        participant = window.model.participant_at(row)
        if participant.names and participant.names[0] == "Eric BEDIN":
            window._select(participant.id, 0)
    window.panel_dock.show()
    window.activateWindow()  # the projector took the screen; the facilitator is back in the window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # « &Territoire : »
    assert QApplication.focusWidget() is window.panel.territory
    type_text("Pays Foyen")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Pays Foyen" in _painted(projector).split("\n"), timeout=5000)
    legend = _painted(projector).split("\n")
    assert "Territoires" in legend and "Territoires ou structures" not in legend
    assert "CIAP-Champs du Partage" not in legend


def test_a_projection_left_with_a_refresh_due_never_reads_its_closed_file(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """A projection still showing a file the window has closed (a refresh due as the window
    closes, the view exported to PNG without the projector open): its refresh reads nothing
    and raises nothing (Qt printed « Cannot operate on a closed database » from the event
    loop), and keeps what it showed."""
    from atelier.ui.projector import ProjectorWindow

    assert window.projector_control.export_png(tmp_path / "vue.png") == tmp_path / "vue.png"
    # The export's own projection, made because none was open, is let go with the export.
    qtbot.waitUntil(
        lambda: (
            not [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, ProjectorWindow) and not w._detached and w.model is window.model
            ]
        )
    )
    projector = ProjectorWindow(window.model)
    qtbot.addWidget(projector)
    shown = projector.projection
    window.close()
    projector.rebuild()  # as its timer would, 200 ms after an edit
    assert projector.projection is shown


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768), (1920, 1080)])
def test_a_need_the_card_has_room_for_is_read_whole_and_a_cut_never_ends_on_a_space(
    qtbot, window: MainWindow, size: tuple[int, int]
) -> None:
    """The facilitator reads the card aloud: Eric BEDIN's need was cut after two lines
    (« … des institutions … ») while half his card stood empty, and the « … » came after a
    space. A need the card has room for is said whole; a line cut anywhere ends on its word,
    « … » right after it."""
    from PySide6.QtCore import QSize

    from atelier.ui.projector import wrap

    qtbot.keyClick(window, Qt.Key.Key_F5)
    projector = window.projector
    assert projector is not None
    projector.render_image(QSize(*size))
    said = " ".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    assert NEED.replace(" ?", "") in said, (size, said)
    assert not any(line.rstrip("…").endswith((" ", "\u00a0")) for line in projector.drawn if "…" in line)
    from PySide6.QtGui import QFont, QFontMetricsF

    lines = wrap(QFontMetricsF(QFont()), "Le partenaire elle propose une réunion mensuelle des élus", 150, 1)
    assert lines[0].endswith("…") and not lines[0].endswith(" …"), lines


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_spotlight_says_a_need_whole_when_the_page_holds_it(
    qtbot, window: MainWindow, size: tuple[int, int]
) -> None:
    """« Projecteur sur un participant », Lucie Leroy: her second need was cut after three
    lines (« … pour créer de… ») above a page left empty. Every need of hers is said whole."""
    from PySide6.QtCore import QSize

    lucie = next(
        p
        for p in window.store.participants(window.model.workshop_id)
        if p.names and p.names[0] == "Lucie Leroy"
    )
    needs = [i.text for i in window.store.items(lucie.id) if i.kind.value == "need"]
    assert len(needs) == 3 and any(len(n) > 150 for n in needs)
    projector = window.open_projector()
    projector.participant_id, projector.view = lucie.id, "spotlight"
    projector.render_image(QSize(*size))
    said = " ".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    for need in needs:
        assert " ".join(need.split()) in said, (size, need, said)
    assert "…" not in said, said


def test_a_helper_s_spotlight_says_whom_they_help_as_the_cards_do(qtbot, tmp_path: Path) -> None:
    """Martine Colin Rabouan wrote no offer; the facilitator put her action in touch with
    Sandrine Lassourelle's need. The cards showed her helping; her spotlight said « Peut apporter
    (rien de noté) ». It now says whom she helps, with what, and for which need."""
    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with Store.open(path) as store:
        workshop_id = store.workshops()[0].id
        people = {p.names[0]: p.id for p in store.participants(workshop_id) if p.names}
        items = store.workshop_items(workshop_id)
        need = next(
            i for i in items if i.participant_id == people["Sandrine Lassourelle"] and i.kind == "need"
        )
        action = next(
            i for i in items if i.participant_id == people["Martine Colin Rabouan"] and i.kind == "action"
        )
        store.add_match(Match(workshop_id, need.id, action.id, MatchStatus.CONFIRMED, 0.4, []))
    window = active_window(qtbot, path)
    window._select(people["Martine Colin Rabouan"], 0)
    key(qtbot, Qt.Key.Key_F5)
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    projector = window.projector
    assert projector.view == "spotlight"
    text = " ".join(_painted(projector).split())
    assert "Martine Colin Rabouan (Cité de l'emploi à Tarbes) Cherche" in text, text
    assert "rien de noté" not in text, text
    assert "→ Sandrine Lassourelle (Grand Dax)" in text, text
    assert need.text[:25] in text and action.text[:20] in text, text
    # Sandrine's own spotlight still shows Martine under her need, as before.
    window._select(people["Sandrine Lassourelle"], 0)
    qtbot.waitUntil(lambda: projector.participant_id == people["Sandrine Lassourelle"], timeout=5000)
    assert "Martine Colin Rabouan" in " ".join(_painted(projector).split())
    projector.close()
    window.close()


def test_a_network_that_could_not_be_laid_out_is_never_said_to_have_no_match(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The network view lays people out on a worker thread; when that failed (scipy.optimize,
    which networkx asked for from 500 people, is not in the bundle; a file too big for the
    memory left), the room read « Pas encore de mise en relation. » over a workshop with
    confirmed matches. It now says the network could not be drawn, and where the matches are."""
    import atelier.projection

    def fails(network):
        raise MemoryError

    monkeypatch.setattr(atelier.projection, "layout", fails)
    window.grid.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    projector = window.projector
    assert projector is not None
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert projector.view == "network"
    qtbot.waitUntil(lambda: "Calcul du réseau" not in _painted(projector), timeout=20_000)
    said = _painted(projector)
    assert "Pas encore de mise en relation" not in said
    assert "Le réseau n'a pas pu être dessiné" in said and "Ctrl+1" in said, said


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_match_the_facilitator_confirmed_is_never_said_to_be_checked_on_its_card(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Meaning alone linked Aurélié TONNOIR's need to Marion GIORDANI's forum; the facilitator
    confirmed it, and its card still told the room « Seul lien : un sens voisin, à vérifier ».
    Confirmed, the reason is said without « à vérifier » (« Seul lien : un sens voisin »); a
    suggestion linked the same way still says it."""
    from atelier.domain import NEAR_MEANING, Reason, ReasonKind

    from .helpers.language import window_language

    check = "à vérifier" if lang == "fr" else "to be checked"
    alone = "Seul lien : un sens voisin" if lang == "fr" else "Only link: close in meaning"
    near = "sens voisin" if lang == "fr" else "close in meaning"
    with window_language(monkeypatch, lang):
        window = active_example_window(qtbot, tmp_path)
        qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)  # matched on opening
        store, workshop_id = window.store, window.model.workshop_id
        items = {i.text: i for i in store.workshop_items(workshop_id)}
        practices = items["Partage de pratiques en fonction des orientations à venir"]
        examples = items["avoir des exemples de projets où l'interconnaissance a été facilitée"]
        forum = items["Projet de forum emploi intercommunal"]
        other = items["Un forum intercommunal de l'emploi et de la formation"]
        for match in store.matches(workshop_id):  # only ours for these two needs
            if match.need_id in (practices.id, examples.id):
                store.delete_match(match.id)
        store.add_match(
            Match(
                workshop_id, practices.id, forum.id, MatchStatus.CONFIRMED, 0.3, [Reason(ReasonKind.MEANING)]
            )
        )
        close = Reason(ReasonKind.MEANING, need="exemples de projets", resource="forum", detail=NEAR_MEANING)
        store.add_match(Match(workshop_id, examples.id, other.id, MatchStatus.SUGGESTED, 0.99, [close]))
        window.model.matches_changed.emit()
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        projector = window.projector
        cards = {card.need: card for card in projector.projection.cards}
        confirmed, suggested = cards[practices.text], cards[examples.text]
        assert not confirmed.suggested and suggested.suggested
        assert [r.replace("\u00a0", " ") for r in confirmed.reasons] == [alone], confirmed.reasons
        painted = " ".join(_painted(projector).split())
        assert alone in painted and f"{alone}, {check}" not in painted, painted
        assert not any(check in r for r in [*confirmed.reasons, *confirmed.brief]), confirmed
        assert any(near in r and check in r for r in suggested.reasons), suggested
        projector.close()
        window.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_spotlight_on_someone_excused_says_so_not_to_choose_a_participant(
    qtbot, tmp_path: Path, monkeypatch, lang: str
) -> None:
    """« (excusée) » typed at the end of Lydie Drouard's cell, her row still chosen, F5 then
    Ctrl+2: the room read « Choisissez un participant dans la grille » (English « Choose a
    participant in the grid ») while one was chosen. Someone away has no page of their own
    (no one in the room to introduce): the heading says why, and their name only when names
    are shown (Ctrl+Maj+M hides it)."""
    from tests.helpers.keyboard import type_text
    from tests.helpers.language import window_language

    path = tmp_path / "exemple.atelier"
    shutil.copy(ROOT / "examples" / "atelier-2021-03-16.atelier", path)
    with window_language(monkeypatch, lang):
        window = active_window(qtbot, path)
        window.matching.shutdown()
        lydie = next(
            window.model.participant_at(row)
            for row in range(window.model.rowCount())
            if window.model.participant_at(row).names == ["Lydie Drouard"]
        )
        window._select(lydie.id, 0)
        window.grid.setFocus()
        key(qtbot, Qt.Key.Key_F2)
        key(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        type_text(" (excusée)")
        key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # her row, still chosen
        assert window._current_participant_id() == lydie.id
        key(qtbot, Qt.Key.Key_F5)
        key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        projector = window.projector
        said = {
            "fr": (
                "Lydie Drouard (CitiZchool) Excusé·e à cet atelier : pas de page à projeter.",
                "Choisissez",
            ),
            "en": ("Lydie Drouard (CitiZchool) Excused from this workshop: no page to show.", "Choose"),
        }[lang]
        projector.render_image()
        painted = " ".join(projector.drawn).replace("\u00a0", " ")
        assert painted == said[0] and said[1] not in painted, painted
        key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        projector.render_image()
        painted = " ".join(projector.drawn).replace("\u00a0", " ")
        assert (
            "Lydie" not in painted and said[0].replace("Lydie Drouard (CitiZchool)", "CitiZchool") == painted
        )
        projector.close()
        window.close()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_next_page_key_steps_the_spotlight_to_the_next_participant(
    qtbot, tmp_path: Path, size: tuple[int, int]
) -> None:
    """« Un participant à la fois » over the only screen (or with a presenter's clicker, which
    sends Page suivante): PageDown, Space or → on the projection changed the cards' page the
    spotlight does not have, so the room kept seeing the same person and the facilitator had to
    leave the projection (F5, ↓, F5) at each participant. Now they step to the next person of
    the grid, and PageUp / ← (or Ctrl+PgUp) back, the grid following."""
    from PySide6.QtCore import QSize

    window = active_example_window(qtbot, tmp_path)
    proxy = window.proxy  # the grid's rows as the facilitator sees them
    first, second, third = (
        window.model.participant_at(proxy.mapToSource(proxy.index(row, 0)).row()) for row in range(3)
    )
    window._select(first.id)
    key(qtbot, Qt.Key.Key_F5)  # the only screen: the projection in front, with the keyboard
    projector = window.projector
    assert projector is not None and projector.isVisible()
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)

    def on_projection(code: Qt.Key) -> None:  # the projection in front has the keyboard
        qtbot.keyClick(projector, code)

    def title() -> str:
        projector.render_image(QSize(*size))  # the page's title: its largest type
        largest = max(size for _, _, size in projector.placed)
        return " ".join(line for line, _, size in projector.placed if size == largest).replace("\u00a0", " ")

    assert title().startswith(first.names[0]), title()
    on_projection(Qt.Key.Key_PageDown)
    assert title().startswith(second.names[0]), title()
    assert window._current_participant_id() == second.id  # the grid and its panel follow
    on_projection(Qt.Key.Key_Space)
    assert title().startswith(third.names[0]), title()
    on_projection(Qt.Key.Key_Left)
    assert title().startswith(second.names[0]), title()
    key(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # « Page précédente »
    assert title().startswith(first.names[0]), title()
    on_projection(Qt.Key.Key_PageUp)  # the first stays: never round to the last one
    assert title().startswith(first.names[0]), title()
    # F1 says so, in the projector's keys.
    from atelier.ui.help_dialog import help_html

    shortcuts = " ".join(help_html().replace("\xa0", " ").replace("\u202f", " ").split())
    assert "« Projecteur sur un participant » : le participant suivant" in shortcuts, shortcuts
    assert "page ou participant suivant / précédent" in shortcuts, shortcuts
    projector.close()
    window.close()


def test_the_spotlight_steps_over_someone_not_in_the_room(qtbot, tmp_path: Path) -> None:
    """Someone whose cell says « (excusée) » has no page: Page suivante goes from the one before
    them to the one after, and back, never stopping on « pas de page à projeter »."""
    from tests.helpers.keyboard import type_text

    window = active_example_window(qtbot, tmp_path)
    window.matching.shutdown()
    proxy = window.proxy
    first, second, third = (
        window.model.participant_at(proxy.mapToSource(proxy.index(row, 0)).row()) for row in range(3)
    )
    window._select(second.id)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_F2)
    key(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(" (excusée)")
    key(qtbot, Qt.Key.Key_Tab)
    window._select(first.id)
    key(qtbot, Qt.Key.Key_F5)
    projector = window.projector
    key(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: second.id not in projector.projection.spotlights, timeout=5_000)
    qtbot.keyClick(projector, Qt.Key.Key_PageDown)
    assert window._current_participant_id() == third.id
    qtbot.keyClick(projector, Qt.Key.Key_PageUp)
    assert window._current_participant_id() == first.id
    window._select(second.id)  # chosen in the grid: the next key goes on from there
    qtbot.keyClick(projector, Qt.Key.Key_PageDown)
    assert window._current_participant_id() == third.id
    projector.render_image()
    assert "pas de page" not in " ".join(projector.drawn)
    projector.close()
    window.close()


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768), (1920, 1080)])
def test_the_suggestion_flag_is_as_readable_as_the_card_it_flags(
    qtbot, tmp_path: Path, size: tuple[int, int]
) -> None:
    """« SUGGESTION — à confirmer » is what keeps the room from taking a suggestion for a
    decision. It was drawn at a fixed small size while the card's words grew to fill the page:
    Eric BEDIN's card alone on the page read at 47 px, its flag at 26 px (14 px on a 1024×768
    projector), the smallest text on the screen. The flag is now at least as large as the
    card's smallest words (its reasons)."""
    from PySide6.QtCore import QSize

    window = active_example_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: bool(window.store.matches(window.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    key(qtbot, Qt.Key.Key_F5)
    projector = window.projector
    key(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert projector.projection.cards and all(card.suggested for card in projector.projection.cards)
    projector.render_image(QSize(*size))
    flags = [px for line, _, px in projector.placed if line.startswith("SUGGESTION")]
    title = projector.placed[0][2]
    words = [px for line, _, px in projector.placed[1:] if not line.startswith("SUGGESTION")]
    assert flags and words, projector.drawn
    assert min(flags) >= min(words), (flags, sorted(set(words)))
    # Still whole and on the card: the need keeps its lines under the flag.
    said = " ".join(projector.drawn).replace("\u00a0", " ").replace("\u202f", " ")
    assert NEED.replace(" ?", "") in said.replace(" ?", ""), said
    assert title > min(flags)
    window.close()


def test_the_network_is_drawn_while_matching_keeps_the_workers_busy(qtbot, tmp_path: Path) -> None:
    """The network's layout waited for a free worker of Qt's pool, which matching and the
    meaning model hold for seconds after each edit: the room read « Calcul du réseau… » for
    16 s over a network of two people (seen under Xvfb, the machine busy). It now has a
    thread of its own and is drawn at once, however busy the pool."""
    import threading

    from PySide6.QtCore import QThreadPool

    window = active_example_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: bool(window.store.matches(window.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    for row in range(window.model.rowCount()):
        participant = window.model.participant_at(row)
        if participant.names == ["Eric BEDIN"]:
            window._select(participant.id, 3)
    window.grid.setFocus()
    key(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window.grid.setFocus()
    release = threading.Event()
    pool = QThreadPool.globalInstance()
    for _ in range(pool.maxThreadCount()):  # every worker taken, as by a long matching run
        pool.start(lambda: release.wait(60))
    try:
        key(qtbot, Qt.Key.Key_F5)
        projector = window.projector
        key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: projector.layout_ready, timeout=10_000)
        projector.render_image()
        said = " ".join(projector.drawn)
        assert "Calcul du réseau" not in said and "Eric BEDIN" in said, said
    finally:
        release.set()
        pool.waitForDone(20_000)
    projector.close()
    window.close()


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_network_legend_reads_from_the_back_as_its_names_do(
    qtbot, tmp_path: Path, size: tuple[int, int]
) -> None:
    """« suggestion à confirmer » is said only in the network's legend, which was 26 px on a
    1080-line projector (18 px at 1366×768) beside names of 32 px (23 px): now nearly as
    large as the names, beside the network, never over it, and on the screen."""
    from PySide6.QtCore import QSize

    window = active_example_window(qtbot, tmp_path)
    qtbot.waitUntil(lambda: bool(window.store.matches(window.model.workshop_id)), timeout=20_000)
    qtbot.waitUntil(lambda: not window.matching._busy, timeout=20_000)
    key(qtbot, Qt.Key.Key_F5)
    projector = window.projector
    key(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: projector.layout_ready, timeout=10_000)
    projector.render_image(QSize(*size))
    assert projector.node_labels, projector.drawn
    names = projector.network_label_px
    legend = [
        (line, box, px) for line, box, px in projector.placed if box.left() > projector.network_canvas.right()
    ]
    said = [line.replace("\u00a0", " ") for line, _b, _p in legend]
    assert "suggestion à confirmer" in said, said
    assert min(px for _l, _b, px in legend) >= 0.9 * names, (names, legend)
    for line, box, _px in legend:  # beside the network: no name under it, on the screen
        assert box.bottom() <= size[1] and box.right() <= size[0], (line, box)
        assert not any(box.intersects(label) for label in projector.label_boxes), (line, box)
    projector.close()
    window.close()
