"""French by default, English when asked: every visible string of the window is translated."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from atelier.paths import resource
from atelier.store import Store
from atelier.ui.main_window import MainWindow

from .conftest import ROOT

TS = ROOT / "resources" / "i18n" / "atelier_en.ts"


def _menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_window_is_french_by_default_and_english_with_the_translation(qtbot, store: Store) -> None:
    french = MainWindow(store)
    qtbot.addWidget(french)
    assert _menu_titles(french) == [
        "&Fichier",
        "É&dition",
        "&Affichage",
        "&Projecteur",
        "Ateliers et s&uivi",
        "A&ide",
    ]
    assert french.grid.model().headerData(3, Qt.Orientation.Horizontal) == "Besoins de ressources"

    translator = QTranslator()
    assert translator.load(str(resource("i18n", "atelier_en.qm")))
    QApplication.installTranslator(translator)
    try:
        english = MainWindow(Store.open(store.path, readonly=True))
        qtbot.addWidget(english)
        assert _menu_titles(english) == [
            "&File",
            "&Edit",
            "&View",
            "&Projector",
            "&Workshops and follow-up",
            "&Help",
        ]
        assert english.grid.model().headerData(3, Qt.Orientation.Horizontal) == "Needs help with"
        assert english.search.placeholderText() == "Search the grid (Ctrl+F)…"
        english.close()
    finally:
        QApplication.removeTranslator(translator)
    assert QCoreApplication.translate("", "Défis") == "Défis"


def test_every_string_of_the_window_has_an_english_translation(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), *sorted(str(p) for p in (ROOT / "atelier" / "ui").rglob("*.py")), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    committed = {m.findtext("source"): m.find("translation") for m in ET.parse(TS).iter("message")}
    missing = sorted(
        s
        for s in in_code
        if s not in committed
        or committed[s] is None
        or not (committed[s].text or "").strip()
        or committed[s].get("type") == "unfinished"
    )
    assert missing == [], "run scripts/translations.py and add the English"


def _menu_paths_breakable(text: str) -> list[str]:
    """The « › » of a menu path in `text` with a breakable character beside it, in context."""
    return [
        text[max(0, at - 20) : at + 20]
        for at, mark in enumerate(text)
        if mark == "›"
        and (at == 0 or at == len(text) - 1 or text[at - 1] != "\xa0" or text[at + 1] != "\xa0")
    ]


def test_a_menu_path_never_breaks_around_its_arrow_in_either_language() -> None:
    """« Fichier › Ouvrir… » in a message box was cut after « › », « Ouvrir… » alone on the
    next line: every « › » of the window's and the command line's messages, French and
    English, stands between non-breaking spaces."""
    from atelier.i18n import COUNTED, MESSAGES

    texts = [t.text or "" for t in ET.parse(TS).getroot().iter() if t.tag in ("source", "translation")]
    texts += [text for entry in MESSAGES.values() for text in entry.values()]
    texts += [text for entry in COUNTED.values() for forms in entry.values() for text in forms]
    assert sum("›" in text for text in texts) >= 30  # the menu paths are there to be checked
    breakable = [found for text in texts for found in _menu_paths_breakable(text)]
    assert breakable == [], breakable
