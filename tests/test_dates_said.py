"""A date typed wrong is refused in one sentence that says what is wrong with it, the same in the
command line and in the window (one parser, one wording): a day that does not exist
(« 29/02/23 ») is said not to exist, a year no workshop has (« 0021 », « 9999 ») is refused with
the years accepted, a date made of spaces is the empty date it is. Every file stays
byte-identical, its modification time too."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier.store import Store
from tests.conftest import run_cli
from tests.helpers.keyboard import active_window, key, type_text
from tests.helpers.one_match import lucie_and_cecile

NBSP = "\u00a0"
EN = {"ATELIER_LANG": "en"}
FR = {"ATELIER_LANG": "fr"}
HELD = date(2021, 3, 16)
ALT = Qt.KeyboardModifier.AltModifier


def _state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def _refused(path: Path, *args: str, env: dict[str, str]) -> str:
    """The command's one-line refusal (exit 2, the command used the wrong way), the file
    byte-identical and not written again."""
    before = _state(path)
    done = run_cli(*args, env=env)
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and done.stdout == "", (done.stdout, done.stderr)
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert _state(path) == before
    return done.stderr.strip()


@pytest.fixture
def workshop(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "suivi.atelier"
    match = lucie_and_cecile(path, HELD, title="Atelier du réseau")[:6]
    return path, match


def _commands(path: Path, match: str, typed: str) -> list[tuple[str, ...]]:
    """Every command taking a date, given `typed`."""
    new = str(path.with_name("nouveau.atelier"))
    return [
        ("new", new, "--title", "T", "--date", typed),
        ("ateliers", str(path), "--add", "--title", "Pau", "--date", typed),
        ("ateliers", str(path), "--rename", "Atelier du", "--date", typed),
        ("suivi", str(path), match, "--etat", "fait", "--le", typed),
    ]


@pytest.mark.parametrize(
    ("typed", "french", "english"),
    [
        (
            "29/02/23",
            f"«{NBSP}29/02/23{NBSP}»{NBSP}: le 29 février 2023 n'existe pas (février 2023 a 28{NBSP}jours).",
            "“29/02/23”: 29 February 2023 does not exist (February 2023 has 28 days).",
        ),
        (
            "31 avril 2022",
            f"«{NBSP}31 avril 2022{NBSP}»{NBSP}: le 31 avril 2022 n'existe pas (avril 2022 a 30{NBSP}jours).",
            "“31 avril 2022”: 31 April 2022 does not exist (April 2022 has 30 days).",
        ),
        (
            "01/01/0021",
            f"«{NBSP}01/01/0021{NBSP}»{NBSP}: l'année 0021 n'est pas plausible, Atelier accepte les années "
            "de 1900 à 2099.",
            "“01/01/0021”: the year 0021 is not plausible, Atelier accepts the years 1900 to 2099.",
        ),
        (
            "9999-01-01",
            f"«{NBSP}9999-01-01{NBSP}»{NBSP}: l'année 9999 n'est pas plausible, Atelier accepte les années "
            "de 1900 à 2099.",
            "“9999-01-01”: the year 9999 is not plausible, Atelier accepts the years 1900 to 2099.",
        ),
    ],
    ids=["29 February 2023", "31 April", "year 21", "year 9999"],
)
def test_a_date_that_cannot_be_is_said_why_by_every_command(
    workshop: tuple[Path, str], typed: str, french: str, english: str
) -> None:
    path, match = workshop
    for args in _commands(path, match, typed):
        assert _refused(path, *args, env=FR) == french, args
        assert _refused(path, *args, env=EN) == english, args
        assert not path.with_name("nouveau.atelier").exists()


def test_a_date_of_spaces_is_the_empty_date_not_an_unknown_one(workshop: tuple[Path, str]) -> None:
    path, match = workshop
    for typed in ("", " ", " \t "):
        new = str(path.with_name("nouveau.atelier"))
        for args, option in (
            (("new", new, "--title", "T", "--date", typed), "--date"),
            (("ateliers", str(path), "--add", "--title", "Pau", "--date", typed), "--date"),
            (("suivi", str(path), match, "--etat", "fait", "--le", typed), "--le"),
        ):
            said = _refused(path, *args, env=FR)
            assert said == (
                f"Une date est attendue après {option}, pas un texte vide{NBSP}: écrivez par exemple "
                "23/11/2026, 23 novembre 2026 ou 2026-11-23."
            ), args
            said = _refused(path, *args, env=EN)
            english = "--on" if option == "--le" else option  # the option's English name
            assert said.startswith(f"A date is expected after {english}, not an empty text"), args


def test_the_years_accepted_are_accepted(workshop: tuple[Path, str]) -> None:
    path, _ = workshop
    for typed, kept in (
        ("01/01/1900", "1900-01-01"),
        ("31/12/2099", "2099-12-31"),
        ("29/02/24", "2024-02-29"),
    ):
        done = run_cli("ateliers", str(path), "--add", "--title", f"Atelier {typed}", "--date", typed)
        assert done.returncode == 0, done.stderr
        with Store.open(path, readonly=True) as store:
            assert kept in [w.date for w in store.workshops()]


def test_the_window_date_field_says_what_the_command_line_says(qtbot, tmp_path: Path, no_modal_boxes) -> None:
    path = tmp_path / "fenetre.atelier"
    lucie_and_cecile(path, HELD, title="Atelier du réseau")
    said = {
        typed: _refused(path, "ateliers", str(path), "--add", "--title", "Pau", "--date", typed, env=FR)
        for typed in ("29/02/23", "01/01/0021", "31/02/2026", "lundi 17/03/2021", "demain")
    }
    window = active_window(qtbot, path)
    try:
        for typed, sentence in said.items():
            key(qtbot, Qt.Key.Key_E, ALT)  # Dat&e
            window.header.date.selectAll()
            type_text(typed)
            key(qtbot, Qt.Key.Key_Tab)
            qtbot.waitUntil(lambda: not window.header.saving())
            assert sentence in window.saved_label.text(), (typed, window.saved_label.text())
            assert window.header.date.text() == typed  # kept, to be corrected
            # (saved while typing: « 01/01/00 » is a date; given back when the field is left)
            with Store.open(path, readonly=True) as store:
                assert store.workshops()[0].date == HELD.isoformat()
    finally:
        window.close()


def test_the_import_dialog_date_says_what_the_command_line_says(
    qtbot, tmp_path: Path, monkeypatch, no_modal_boxes
) -> None:
    """« 29/02/23 » typed as the date of a grid imported: said as the command line says it,
    in the dialog, which stays open to correct it (it said « Date invalide : attendu
    AAAA-MM-JJ » once the file was chosen, though « 23/11/2026 » is a date it takes)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import atelier.ui.import_dialog as import_dialog
    from tests.helpers.keyboard import import_dialog_ready

    path = tmp_path / "fenetre.atelier"
    lucie_and_cecile(path, HELD, title="Atelier du réseau")
    grid = tmp_path / "atelier-pau.csv"
    grid.write_text(
        "Participant;Besoins;Ressources\nZoé Marchetti, Mission locale de Pau;Recruter des jeunes;"
        "Monter un dossier\n",
        encoding="utf-8",
    )
    said = _refused(
        path, "import", str(grid), "-o", str(tmp_path / "b.atelier"), "--date", "29/02/23", env=FR
    )
    monkeypatch.setattr(import_dialog, "choose_grid", lambda _parent, _folder: grid)
    targets: list[object] = []
    monkeypatch.setattr(import_dialog, "choose_target", lambda *a: targets.append(a))
    window = active_window(qtbot, path)
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:
        dialog = None
        try:
            dialog = import_dialog_ready(qtbot)
            key(qtbot, Qt.Key.Key_D, ALT)  # &Date
            assert QApplication.focusWidget() is dialog.date_edit
            type_text("29/02/23")
            dialog.import_button.setFocus()
            key(qtbot, Qt.Key.Key_Space)
            seen["open"] = dialog.isVisible()
            seen["text"] = dialog.date_said.text()
            seen["focus"] = QApplication.focusWidget() is dialog.date_edit
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    try:
        QTimer.singleShot(0, in_the_dialog)
        key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: "open" in seen, timeout=60_000)
        assert seen == {"open": True, "text": said, "focus": True}
        assert targets == [] and no_modal_boxes == []
    finally:
        window.close()
